package i18n

// The messages of Excel's column limits: table column names and a sheet's last column.
var _ = register(map[string]string{
	"column name of %s characters is longer than the 255 an Excel table column name holds, and another column's is the same once cut: cut and numbered on sheet %s, column %s": "%s文字の列名は Excel のテーブルの列名に使える255文字を超え、切り詰めると別の列名と同じになるため、シート「%s」の%s列で切り詰めて番号を付けました",
	"column name of %s characters is longer than the 255 an Excel table column name holds: cut on sheet %s, column %s":                                                         "%s文字の列名は Excel のテーブルの列名に使える255文字を超えるため、シート「%s」の%s列で切り詰めました",
	"column name is the same as another column's, and an Excel table needs distinct names: numbered on sheet %s, column %s":                                                    "列名が別の列と同じで、Excel のテーブルには異なる列名が必要なため、シート「%s」の%s列で番号を付けました",
	"sheet %s would have %s columns, more than the 16,384 an Excel sheet holds: the last %s, from %s on, are left off":                                                         "シート「%s」は%s列となり、Excel の1シートに入る16,384列を超えるため、末尾の%s列（「%s」以降）を省きました",
})
