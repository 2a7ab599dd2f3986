package i18n

// The messages of the issues only the workbook finds, counted past the cap.
var _ = register(map[string]string{
	"%d more issues of kind %v were counted but not listed (the first %d of each kind are)": "種類「%[2]v」の不備はほかに%[1]d件あり、件数だけを数えて一覧には載せていません（各種類の最初の%[3]d件まで載せます）",
})
