package i18n

// The Japanese of the warnings about the real public exports read through a mapping: rows
// that a mapping's joined id makes one incident, though they differ.
var _ = register(map[string]string{
	"%q on line %d": "%[2]d行目は%[1]q",
	"lines %v give the same incident id %q, made by the mapping from %v, so they are read as one incident and their counts added up; but they differ in %v. If they are separate reports, map incident_id = { each_row = true }": "%[1]v行目は、マッピングが%[3]vから作る事案 ID が同じ %[2]q のため一つの事案として読み、件数を合算しました。しかし次の列の値が異なります：%[4]v。別々の報告であれば、マッピングで incident_id = { each_row = true } としてください",
})
