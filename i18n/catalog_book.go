package i18n

// The messages of the workbook's output (package reports and the writing of its file).
var _ = register(map[string]string{
	"cannot replace %s: it is open in another program, such as Excel; close it there and run again (%w)": "%s を置き換えられません。Excel など別のプログラムで開かれています。そのプログラムで閉じてから、もう一度実行してください（%w）",
})
