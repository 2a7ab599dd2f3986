package i18n

// The messages of reading .xlsx workbooks as a stream, and of --keep-going.
var _ = register(map[string]string{
	"%w: the workbook's shared strings cannot be read (%v); open and save the workbook in Excel or LibreOffice, or export the sheet as CSV":                                                                                                                "%w：ワークブックの共有文字列を読めません（%v）。Excel か LibreOffice で開いて保存し直すか、シートを CSV で書き出してください",
	"the cell holds a formula, shared with cell %s (whose text is the value shown), with no saved value (the workbook was saved by a program that does not calculate); open and save it in Excel or LibreOffice; treated as blank":                         "セルの数式（セル %s と共有する数式で、値の欄はその数式です）に保存された値がありません（計算しないプログラムで保存されたワークブックです）。Excel か LibreOffice で開いて保存し直してください。空欄として扱います",
	"reading stopped here: %v; the rows from here on are lost, and the figures hold only the rows above":                                                                                                                                                   "ここで読み込みを打ち切りました：%v。この行以降は失われ、集計はこれより上の行だけによります",
	"reading stopped at row %d of sheet %q, where the sheet is damaged: the report holds only the %d rows read above it, and the rest of the sheet is lost; open and save the workbook in Excel or LibreOffice, or export the sheet as CSV, and run again": "シート %[2]q の%[1]d行目でシートが壊れているため、そこで読み込みを打ち切りました。レポートはそれより上で読んだ%[3]d行だけによるもので、シートの残りは失われています。Excel か LibreOffice で開いて保存し直すか、シートを CSV で書き出して、もう一度実行してください",
	"%w (--keep-going writes the report from the rows above the damage)":                                                                                                                                                                                   "%w（--keep-going を付けると、壊れた箇所より上の行からレポートを書き出します）",
})
