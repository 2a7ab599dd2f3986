package i18n

var _ = register(map[string]string{
	"%d more issues of kind %v were counted but not listed (the first %d of each kind are): validate --format csv lists every one":   "種類「%[2]v」の不備はほかに%[1]d件あり、件数だけを数えて一覧には載せていません（各種類の最初の%[3]d件まで載せます）。validate --format csv ですべてを出力できます",
	"%d more issues of this kind were counted but not listed (the first %d of each kind are): validate --format csv lists every one": "この種類の不備はほかに%[1]d件あり、件数だけを数えて一覧には載せていません（各種類の最初の%[2]d件まで載せます）。validate --format csv ですべてを出力できます",
	"%w: the input has more than %d rows, the most read":                                                                             "%w：入力の行数が読み込める上限の%d行を超えています",
	"--max-rows raises it":            "--max-rows で上限を上げられます",
	"--max-rows: %d: want at least 1": "--max-rows：%d：1以上を指定してください",
	"keeping the issues: %w":          "不備を一時ファイルに書き出せません：%w",
	"reading the issues kept: %w":     "一時ファイルに書き出した不備を読み込めません：%w",
})
