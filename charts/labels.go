package charts

import "breachreport/i18n"

// labelTable holds every label the charts page writes that i18n does not already have.
// Each field is one label in English and Japanese; a label with verbs (%s, %d) has the same
// verbs in the same order in both languages.
type labelTable struct {
	PageTitle     i18n.Text
	Input         i18n.Text
	Generated     i18n.Text
	Period        i18n.Text
	PeriodUnknown i18n.Text
	Comparing     i18n.Text
	NoIncidents   i18n.Text
	NoScript      i18n.Text
	ChartFailed   i18n.Text

	RecordsTitle      i18n.Text
	RecordsAxis       i18n.Text
	RecordsNotPlotted i18n.Text
	RecordsPartial    i18n.Text
	RecordsTableCase  i18n.Text
	Total             i18n.Text
	TotalUnknown      i18n.Text

	TimelineTitle    i18n.Text
	TimelineAxis     i18n.Text
	TimelineKey      i18n.Text
	TimelineNoWindow i18n.Text
	Detected         i18n.Text
	Contained        i18n.Text
	Disclosed        i18n.Text
	Scope            i18n.Text
	Window           i18n.Text
	WindowRange      i18n.Text
	Records          i18n.Text
	Unknown          i18n.Text

	LagsTitle   i18n.Text
	LagsAxis    i18n.Text
	LagsUnknown i18n.Text

	RecordsFmt i18n.Text
	DaysFmt    i18n.Text
	OneDayFmt  i18n.Text
	DateFormat i18n.Text
	AxisYear   i18n.Text
	AxisMonth  i18n.Text
	AxisDay    i18n.Text
}

// labels is the table the page is written from; it is never modified.
var labels = labelTable{
	PageTitle:     i18n.Text{En: "Data-breach incidents compared", Ja: "情報漏えい事案の比較"},
	Input:         i18n.Text{En: "Input: %s", Ja: "入力: %s"},
	Generated:     i18n.Text{En: "Generated %s", Ja: "作成日: %s"},
	Period:        i18n.Text{En: "Disclosed %s to %s", Ja: "公表期間: %s 〜 %s"},
	PeriodUnknown: i18n.Text{En: "Disclosure dates unknown", Ja: "公表日不明"},
	Comparing:     i18n.Text{En: "Comparing %d of %d incidents.", Ja: "比較対象: %d 件（全 %d 件中）。"},
	NoIncidents:   i18n.Text{En: "No incidents to chart.", Ja: "グラフにする事案がありません。"},
	NoScript:      i18n.Text{En: "The charts need JavaScript; the figures are also in the workbook.", Ja: "グラフの表示には JavaScript が必要です。数値はワークブックにもあります。"},
	ChartFailed:   i18n.Text{En: "This chart could not be drawn: ", Ja: "このグラフを描画できませんでした: "},

	RecordsTitle:      i18n.Text{En: "Records exposed, by record type and certainty", Ja: "漏えい件数（情報種別 × 確度）"},
	RecordsAxis:       i18n.Text{En: "Records", Ja: "件数"},
	RecordsNotPlotted: i18n.Text{En: "Not plotted, count unknown: %s — %s", Ja: "件数不明のため非表示: %s — %s"},
	RecordsPartial:    i18n.Text{En: "%s — %s: %d scope(s) with an unknown count are not included", Ja: "%s — %s: 件数不明の範囲 %d 件は含みません"},
	RecordsTableCase:  i18n.Text{En: "Incident", Ja: "事案"},
	Total:             i18n.Text{En: "Total of all scopes", Ja: "全範囲の合計"},
	TotalUnknown:      i18n.Text{En: "unknown (a scope's count is unknown)", Ja: "不明（件数不明の範囲あり）"},

	TimelineTitle:    i18n.Text{En: "Exposure windows and key dates", Ja: "漏えい期間と主要な日付"},
	TimelineAxis:     i18n.Text{En: "Date", Ja: "日付"},
	TimelineKey:      i18n.Text{En: "Solid bars: confirmed exposure; light hatched bars: suspected. Markers: ▲ detected, ◆ contained, ● disclosed.", Ja: "塗りつぶしの棒: 確定した漏えい期間、薄い斜線の棒: 可能性。記号: ▲ 発覚、◆ 封じ込め、● 公表。"},
	TimelineNoWindow: i18n.Text{En: "No exposure window known: %s — %s", Ja: "漏えい期間不明: %s — %s"},
	Detected:         i18n.Text{En: "Detected", Ja: "発覚"},
	Contained:        i18n.Text{En: "Contained", Ja: "封じ込め"},
	Disclosed:        i18n.Text{En: "Disclosed", Ja: "公表"},
	Scope:            i18n.Text{En: "Scope", Ja: "範囲"},
	Window:           i18n.Text{En: "Exposure window", Ja: "漏えい期間"},
	WindowRange:      i18n.Text{En: "%s to %s (%s)", Ja: "%s 〜 %s（%s）"},
	Records:          i18n.Text{En: "Records", Ja: "件数"},
	Unknown:          i18n.Text{En: "unknown", Ja: "不明"},

	LagsTitle:   i18n.Text{En: "Days to detect, contain and disclose", Ja: "発覚・封じ込め・公表までの日数"},
	LagsAxis:    i18n.Text{En: "Days", Ja: "日数"},
	LagsUnknown: i18n.Text{En: "Not shown, unknown: %s — %s", Ja: "不明のため非表示: %s — %s"},

	RecordsFmt: i18n.Text{En: "%s", Ja: "%s件"},
	DaysFmt:    i18n.Text{En: "%s days", Ja: "%s日"},
	OneDayFmt:  i18n.Text{En: "%s day", Ja: "%s日"},
	DateFormat: i18n.Text{En: "2006-01-02", Ja: "2006年1月2日"},
	// AxisYear, AxisMonth and AxisDay are ECharts time-axis label templates.
	AxisYear:  i18n.Text{En: "{yyyy}", Ja: "{yyyy}年"},
	AxisMonth: i18n.Text{En: "{MMM}", Ja: "{M}月"},
	AxisDay:   i18n.Text{En: "{MMM} {d}", Ja: "{M}月{d}日"},
}
