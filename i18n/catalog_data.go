package i18n

// The Japanese of the messages of packages data, analysis, reports and charts, and of i18n's
// own.
var _ = register(map[string]string{
	// data: rows of one incident that disagree
	"incident %q has %s %q on line %d, spelled %q here: read as one organization (legal form, spaces and ・ aside), shown as %q": "事案 %[1]q の %[2]s は %[4]d行目で %[3]q、この行では %[5]q と書かれています。法人格・空白・「・」の違いを除けば同じ組織として読み、%[6]q と表示します",
	"incident %q has %s %q on line %d: rows of one incident must agree; the report lists both":                                  "事案 %[1]q の %[2]s は %[4]d行目では %[3]q です。同じ事案の行は一致している必要があります。レポートには両方を載せます",
	"incident %q has %s %s on line %d: rows of one incident must agree, so the incident's %s is left blank":                     "事案 %[1]q の %[2]s は %[4]d行目では %[3]s です。同じ事案の行が一致しないため、この事案の %[5]s は空欄にします",

	// data: dates and counts
	"not a date":        "日付として読めません",
	"date out of range": "日付が範囲外です",
	"not a count":       "件数として読めません",
	"negative count":    "件数が負の数です",
	"%w: %q is not an Excel date serial (%v)":                                    "%w（%q は Excel の日付シリアル値ではありません。%v）",
	"%w: %q is not an Excel date serial":                                         "%w（%q は Excel の日付シリアル値ではありません）",
	"%w: %s has no year %d":                                                      "%w（%s%d年はありません）",
	"%w: %s is not a whole number of records":                                    "%w（%s は件数として整数ではありません）",
	"%w: %s is too large for its place in %s":                                    "%w（%[3]s の中の %[2]s は、その位取りには大きすぎます）",
	"%w: %s ran from %s to %s":                                                   "%w（%sは %s から %s までです）",
	"%w: %s/%s/%s could be month/day or day/month, and the order is not guessed": "%w（%s/%s/%s は月/日とも日/月とも読めます。順序は推測しません）",
	"%w: a count cannot be both at least and at most a number":                   "%w（「以上」と「以下・最大」を同時に指定することはできません）",
	"%w: a number of records cannot be below zero":                               "%w（件数は0未満にはなりません）",
	"%w: a number of records must be a whole number (a decimal is read only before 億, 万 or 千 alone, as in 1.2万)": "%w（件数は整数で書いてください。小数は 1.2万 のように 億・万・千 の単位の前でのみ読めます）",
	"%w: a number of records must be a whole number":                                                             "%w（件数は整数で書いてください）",
	"%w: expected a date such as 2019-06-04, 2019/6/4, 2019年6月4日 or 令和元年6月4日":                                    "%w（2019-06-04、2019/6/4、2019年6月4日、令和元年6月4日 のように書いてください）",
	"%w: expected digits such as 41355, 41,355, 4万1,355 or 1万2千":                                                 "%w（41355、41,355、4万1,355、1万2千 のように数字で書いてください）",
	"%w: mixed separators %q and %q":                                                                             "%w（区切り %q と %q が混在しています）",
	"%w: month %d does not exist":                                                                                "%w（%d月はありません）",
	"%w: month %d has no day %d":                                                                                 "%w（%d月%d日はありません）",
	"%w: the time of day %s:%s is not a time":                                                                    "%w（時刻 %s:%s は時刻として正しくありません）",
	"%w: too large":                                "%w（大きすぎます）",
	"%w: year %d is outside %d…%d":                 "%w（%d年は %d〜%d年の範囲外です）",
	"date order %q not supported (use mdy or dmy)": "日付の順序 %q には対応していません（mdy か dmy を指定してください）",

	// analysis: contradictory dates
	"%s %s is before %s %s; %s is left blank":                               "%[1]s（%[2]s）が %[3]s（%[4]s）より前です。%[5]sは空欄にします",
	"exposure_end %s is before exposure_start %s; the window is left blank": "exposure_end（%s）が exposure_start（%s）より前です。漏えい期間は空欄にします",
	"the detection-to-disclosure lag":                                       "発覚から公表までの日数",
	"the earliest exposure_start of the confirmed scopes":                   "確定範囲で最も早い exposure_start",
	"the earliest exposure_start":                                           "最も早い exposure_start",
	"time to contain":                                                       "封じ込めまでの日数",
	"time to detect":                                                        "発覚までの日数",
	"window start to disclosure":                                            "漏えい開始から公表までの日数",

	// analysis: --compare, --month, --from/--to
	"%q is the organization of %d incidents: %s; give the id of the one meant": "%[1]q は%[2]d件の事案の組織名です（%[3]s）。どの事案かを事案IDで指定してください",
	"no incident has the id or organization %q; did you mean %s?":              "事案IDまたは組織名が %q の事案はありません。%s のことですか？",
	"no incident has the id or organization %q; ids in the input: %s":          "事案IDまたは組織名が %q の事案はありません。入力の事案IDは %s です",
	"month %q: %w": "月 %q：%w",
	"month %q: expected a month such as 2019-06": "月 %q：2019-06 のように書いてください",
	"not a period": "期間として読めません",
	"%w: its first and last days need full dates such as 2019-04-01": "%w（初日と最終日は 2019-04-01 のように年月日まで書いてください）",
	"%w: %s is after %s": "%w（%s が %s より後です）",
	"first day %q: %w":   "初日 %q：%w",
	"last day %q: %w":    "最終日 %q：%w",

	// internal/atomicfile
	"renaming %s into place: %w": "%s を所定の名前に変更できません：%w",

	// reports
	"workbook: %w":                        "ワークブック：%w",
	"writing workbook: %w":                "ワークブックを書き出せません：%w",
	"temporary file for the workbook: %w": "ワークブックの一時ファイル：%w",
	"%s: %s %v, more than the %s rows a workbook holds: the %s sheet continues over at most %d sheets of %s rows; report on part of the input or split the file": "%s：%s%vは、ワークブックに入る%s行を超えます（%[5]sシートは%[7]s行のシート最大%[6]d枚まで続けられます）。入力の一部についてレポートするか、ファイルを分割してください",
	"data issues":                  "件のデータ不備",
	"incidents":                    "件の事案",
	"scope rows":                   "行の範囲",
	"too many rows for a workbook": "ワークブックに入りきらない行数です",
	"text of %s characters is longer than the 32,767 an Excel cell holds: cut on sheet %s, cell %s, and marked": "%s文字のテキストは Excel のセルに入る32,767文字を超えるため、シート「%s」のセル%sで切り詰め、その旨を記しました",

	// charts
	"%s did not draw chart %s cleanly: %d drawn, failed %v, %s %s": "%s でグラフ %s を正しく描けませんでした（描画%d件、失敗 %v、%s %s）",
	"loading %s: %w":            "%s を読み込めません：%w",
	"screenshot of %s: %w":      "%s のスクリーンショット：%w",
	"SVG of %s: %w":             "%s の SVG：%w",
	"rendering charts page: %w": "グラフのページを作成できません：%w",
	"writing charts page: %w":   "グラフのページを書き出せません：%w",
	"%s=%s: %w (%v)":            "%s=%s：%w（%v）",
	"no Chromium found: install Debian's chromium (apt-get install chromium fonts-noto-cjk) or set %s to its path": "Chromium が見つかりません。Debian の chromium をインストールする（apt-get install chromium fonts-noto-cjk）か、%s にそのパスを設定してください",
	"starting %s: %w": "%s を起動できません：%w",
	"log scale %q not supported (use auto, on or off)": "対数軸の指定 %q には対応していません（auto、on、off のいずれかを指定してください）",

	// i18n
	"language %q not supported (use en or ja)": "言語 %q には対応していません（en か ja を指定してください）",
})
