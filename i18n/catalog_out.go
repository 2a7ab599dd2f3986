package i18n

// The messages of a run's output set and temporary files.
var _ = register(map[string]string{
	"output directory %s: cannot make a temporary directory in it: %w": "出力ディレクトリ %s に一時ディレクトリを作成できません：%w",
	"cannot make a temporary directory in %s: %w":                      "%s に一時ディレクトリを作成できません：%w",
	"%s is a directory, not a file this run can replace":               "%s はディレクトリのため、ファイルとして置き換えられません",
	"removed %s, an earlier run's: this run does not write it":         "以前の実行の %s を削除しました（今回の実行では書き出さないファイルです）",
})
