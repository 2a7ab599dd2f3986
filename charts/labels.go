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
	Sources       i18n.Text
	SourcesNone   i18n.Text
	FirstCases    i18n.Text
	NoScript      i18n.Text
	ChartFailed   i18n.Text

	RecordsTitle         i18n.Text
	RecordsAxis          i18n.Text
	RecordsNotPlotted    i18n.Text
	RecordsPartial       i18n.Text
	RecordsLog           i18n.Text
	RecordsZeroLog       i18n.Text
	RecordsTableCase     i18n.Text
	Total                i18n.Text
	TotalUnknown         i18n.Text
	ByCauseTitle         i18n.Text
	ByCauseCategoryTitle i18n.Text
	DutyHeading          i18n.Text
	DutyNote             i18n.Text
	ByIndustryTitle      i18n.Text
	ByTypeTitle          i18n.Text
	BySizeTitle          i18n.Text
	FirstGroups          i18n.Text
	ShareHead            i18n.Text
	GroupLabel           i18n.Text
	SharesOverlap        i18n.Text
	SizeBandNote         i18n.Text
	ListHeading          i18n.Text
	ListOrganization     i18n.Text
	BrandSep             i18n.Text
	SummaryHeading       i18n.Text
	LargestHeading       i18n.Text
	Rank                 i18n.Text
	ListDisclosed        i18n.Text
	ListIndustry         i18n.Text
	ListRecordTypes      i18n.Text
	ListSource           i18n.Text
	OrgService           i18n.Text
	MoreSources          i18n.Text
	NotComputed          i18n.Text
	NeedsColumn          i18n.Text
	NameSep              i18n.Text
	CountUnknownMark     i18n.Text
	PartialTotal         i18n.Text
	RecordsBarEnd        i18n.Text

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

	BubbleTitle      i18n.Text
	BubbleAxis       i18n.Text
	BubbleTop        i18n.Text
	BubbleNotPlotted i18n.Text
	BubbleKey        i18n.Text
	Cause            i18n.Text
	OtherCauses      i18n.Text
	CauseUnknown     i18n.Text

	PeriodCount    i18n.Text
	PeriodNone     i18n.Text
	PeriodUnplaced i18n.Text
	PeriodUndated  i18n.Text
	ListSep        i18n.Text

	TrendTitle        i18n.Text
	TrendSubtitle     i18n.Text
	TrendKey          i18n.Text
	TrendTableCaption i18n.Text
	TrailingRow       i18n.Text
	TrailingNote      i18n.Text
	Month             i18n.Text
	IncidentsHead     i18n.Text
	RecordsHead       i18n.Text
	MedianHead        i18n.Text
	MedianN           i18n.Text
	ValueN            i18n.Text
	NoValue           i18n.Text
	NoValueN          i18n.Text
	NoData            i18n.Text
	NoDataNote        i18n.Text
	SmallNote         i18n.Text
	ChangesCaption    i18n.Text
	PreviousHead      i18n.Text
	YearEarlierHead   i18n.Text
	ChangeHead        i18n.Text
	WithRatio         i18n.Text
	IndexTitle        i18n.Text
	IndexMonths       i18n.Text
	IndexNone         i18n.Text
	IndexDashboard    i18n.Text
	IndexWorkbook     i18n.Text
	OverviewTitle     i18n.Text
	OverviewKey       i18n.Text
	CasesTitle        i18n.Text
	CasesKey          i18n.Text
	MedianLine        i18n.Text
	Figure            i18n.Text
	ThisCase          i18n.Text
	TrailingMedian    i18n.Text
	Difference        i18n.Text
	CaseVsMedian      i18n.Text

	RecordsFmt i18n.Text
	DaysFmt    i18n.Text
	OneDayFmt  i18n.Text
}

// labels is the table the page is written from; it is never modified.
var labels = labelTable{
	PageTitle:     i18n.Text{En: "Data-breach incidents compared", Ja: "情報漏えい事案の比較"},
	Input:         i18n.Text{En: "Input: %s", Ja: "入力: %s"},
	Generated:     i18n.Text{En: "Generated %s", Ja: "作成日: %s"},
	Period:        i18n.Text{En: "Disclosed %s to %s", Ja: "公表期間: %s〜%s"},
	PeriodUnknown: i18n.Text{En: "Disclosure dates unknown", Ja: "公表日不明"},
	Comparing:     i18n.Text{En: "Comparing %s of %s incidents.", Ja: "比較対象: %s 件（全 %s 件中）。"},
	NoIncidents:   i18n.Text{En: "No incidents to chart.", Ja: "グラフにする事案がありません。"},
	Sources:       i18n.Text{En: "Sources: the public disclosures cited in the input (%s source URLs, listed in the workbook)", Ja: "出典: 入力に記載の公表資料（URL %s 件、ワークブックに一覧）"},
	SourcesNone:   i18n.Text{En: "Sources: none cited in the input", Ja: "出典: 入力に記載なし"},
	FirstCases:    i18n.Text{En: "Showing the first %s of the %s incidents compared", Ja: "最初の %s 件を表示（比較対象 %s 件中）"},
	NoScript:      i18n.Text{En: "The charts need JavaScript; the figures are also in the workbook.", Ja: "グラフの表示には JavaScript が必要です。数値はワークブックにもあります。"},
	ChartFailed:   i18n.Text{En: "This chart could not be drawn: ", Ja: "このグラフを描画できませんでした: "},

	RecordsTitle:         i18n.Text{En: "Records exposed, by record type and certainty", Ja: "漏えい件数（情報種別 × 確度）"},
	RecordsAxis:          i18n.Text{En: "Records", Ja: "件数"},
	RecordsNotPlotted:    i18n.Text{En: "Not plotted, count unknown: %s — %s", Ja: "件数不明のため非表示: %s — %s"},
	RecordsPartial:       i18n.Text{En: "%s — %s: %d scope(s) with an unknown count are not included", Ja: "%s — %s: 件数不明の範囲 %d 件は含みません"},
	RecordsLog:           i18n.Text{En: "Log scale (cases differ by orders of magnitude): bars start at %s and stand side by side", Ja: "対数目盛（事案間で桁が異なるため）: 棒は %s から始まり、横に並べて表示"},
	RecordsZeroLog:       i18n.Text{En: "Not plotted on the log scale, 0 records: %s — %s", Ja: "0件のため対数目盛に表示せず: %s — %s"},
	RecordsTableCase:     i18n.Text{En: "Incident", Ja: "事案"},
	Total:                i18n.Text{En: "Total of all scopes", Ja: "全範囲の合計"},
	NotComputed:          i18n.Text{En: "Not computed, as no incident has the dates they need: %s.", Ja: "必要な日付のある事案がないため計算できない指標: %s。"},
	NeedsColumn:          i18n.Text{En: "%s (needs %s)", Ja: "%s（%sの列が必要）"},
	NameSep:              i18n.Text{En: ", ", Ja: "・"},
	ListHeading:          i18n.Text{En: "Incidents disclosed in the period (%s)", Ja: "期間内に公表された事案（%s件）"},
	ListDisclosed:        i18n.Text{En: "Disclosed", Ja: "公表日"},
	SummaryHeading:       i18n.Text{En: "Summary", Ja: "概要"},
	LargestHeading:       i18n.Text{En: "The %s largest incidents by records", Ja: "漏えい件数の多い事案（上位%s件）"},
	Rank:                 i18n.Text{En: "Rank", Ja: "順位"},
	BrandSep:             i18n.Text{En: " · ", Ja: "／"},
	ListOrganization:     i18n.Text{En: "Organization (service)", Ja: "企業名（サービス）"},
	ListIndustry:         i18n.Text{En: "Industry", Ja: "業種"},
	ListRecordTypes:      i18n.Text{En: "Information exposed", Ja: "漏えい情報"},
	ListSource:           i18n.Text{En: "Source", Ja: "出典"},
	OrgService:           i18n.Text{En: "%s (%s)", Ja: "%s（%s）"},
	MoreSources:          i18n.Text{En: " and %d more", Ja: " ほか%d件"},
	ByCauseTitle:         i18n.Text{En: "Incidents by cause", Ja: "原因別の事案数"},
	ByCauseCategoryTitle: i18n.Text{En: "Incidents by cause category", Ja: "原因の分類別の事案数"},
	DutyHeading:          i18n.Text{En: "Reporting duty to the Personal Information Protection Commission", Ja: "個人情報保護委員会への報告義務"},
	DutyNote:             i18n.Text{En: "Each situation of article 7 of the enforcement rules is judged from the data items, record types, causes and counts; the workbook's Reporting duty sheet gives each incident's answers, grounds and deadlines.", Ja: "個人情報保護法施行規則第7条の各事態を、漏えい項目・情報種別・原因・件数から判定しています。事案ごとの判定・根拠・期限はワークブックの「報告義務」シートにあります。"},
	ByIndustryTitle:      i18n.Text{En: "Incidents by industry", Ja: "業種別の事案数"},
	ByTypeTitle:          i18n.Text{En: "Incidents by information exposed", Ja: "漏えい情報別の事案数"},
	BySizeTitle:          i18n.Text{En: "Incidents by size (records exposed)", Ja: "漏えい件数の規模別の事案数"},
	FirstGroups:          i18n.Text{En: "The %s largest of %s groups; the table lists all", Ja: "上位 %s 区分を表示（全 %s 区分、表に全件）"},
	ShareHead:            i18n.Text{En: "Share", Ja: "割合"},
	GroupLabel:           i18n.Text{En: "%s (%s)", Ja: "%s（%s）"},
	SharesOverlap:        i18n.Text{En: "An incident that exposed several kinds of information counts under each, so the shares may add up to more than 100%.", Ja: "複数の種類の情報が漏えいした事案はそれぞれに数えるため、割合の合計は100%を超えることがあります。"},
	SizeBandNote:         i18n.Text{En: "Size bands by the incident's total records: 1–999, 1,000–9,999 (1,000 is the Personal Information Protection Commission's reporting threshold), 10,000–99,999, 100,000–999,999, 1,000,000 or more, unknown (no count, or a bound that does not fix the band).", Ja: "規模は事案の合計件数による区分: 1〜999件、1,000〜9,999件（1,000件は個人情報保護委員会への報告対象となる基準）、1万〜9.9万件、10万〜99.9万件、100万件以上、不明（件数不明、または上限・下限だけで区分が決まらないもの）。"},
	CountUnknownMark:     i18n.Text{En: "count unknown", Ja: "件数不明"},
	PartialTotal:         i18n.Text{En: "%s + count unknown", Ja: "%s＋件数不明"},
	RecordsBarEnd:        i18n.Text{En: "The number at the end of each bar is the case's total.", Ja: "棒の右端の数は事案ごとの合計件数です。"},
	TotalUnknown:         i18n.Text{En: "unknown (a scope's count is unknown)", Ja: "不明（件数不明の範囲あり）"},

	TimelineTitle:    i18n.Text{En: "Exposure windows and key dates", Ja: "漏えい期間と主要な日付"},
	TimelineAxis:     i18n.Text{En: "Date", Ja: "日付"},
	TimelineKey:      i18n.Text{En: "Solid bars: confirmed exposure; light hatched bars: suspected. Markers: ▲ detected, ◆ contained, ● disclosed; the bracket under a case spans detection to disclosure, in days.", Ja: "塗りつぶしの棒: 確定した漏えい期間、薄い斜線の棒: 可能性。記号: ▲ 発覚、◆ 封じ込め、● 公表。事案の下の括線は発覚から公表までの日数。"},
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

	BubbleTitle:      i18n.Text{En: "Records exposed by disclosure date", Ja: "公表日別の漏えい件数"},
	BubbleAxis:       i18n.Text{En: "Disclosed", Ja: "公表日"},
	BubbleTop:        i18n.Text{En: "The %s largest of %s incidents", Ja: "件数の多い %s 件を表示（全 %s 件中）"},
	BubbleNotPlotted: i18n.Text{En: "%s incident(s) not plotted: total records or disclosure date unknown", Ja: "合計件数または公表日が不明の %s 件は非表示"},
	BubbleKey:        i18n.Text{En: "Each bubble is an incident: its area is proportional to its total records, its colour shows the cause.", Ja: "円はそれぞれ1事案。面積は合計件数に比例し、色は原因を表します。"},
	Cause:            i18n.Text{En: "Cause", Ja: "原因"},
	OtherCauses:      i18n.Text{En: "Other causes", Ja: "その他の原因"},
	CauseUnknown:     i18n.Text{En: "Cause unknown", Ja: "原因不明"},

	PeriodCount:    i18n.Text{En: "%s incident(s) disclosed in the period", Ja: "期間内の公表 %s 件"},
	PeriodNone:     i18n.Text{En: "No incidents were disclosed in %s.", Ja: "%sに公表された事案はありません。"},
	PeriodUnplaced: i18n.Text{En: "%s not placed (disclosure date known only to the month or year)", Ja: "期間を特定できない %s 件（公表日が年月・年のみ）"},
	PeriodUndated:  i18n.Text{En: "%s in the input with no disclosure date", Ja: "公表日不明 %s 件（入力全体）"},
	ListSep:        i18n.Text{En: "; ", Ja: "、"},

	TrendTitle:        i18n.Text{En: "Incidents and records per month, trailing %s months", Ja: "月別の事案数と漏えい件数（直近 %s か月）"},
	TrendSubtitle:     i18n.Text{En: "Darker bars: the period reported on (%s)", Ja: "濃い棒: 報告対象期間（%s）"},
	TrendKey:          i18n.Text{En: "Bars: incidents disclosed in the month (left axis); line: records exposed (right axis). A month with no incidents is a bar of zero. Point at a month for the median of each lag with its n.", Ja: "棒: その月に公表された事案数（左軸）、線: 漏えい件数（右軸）。事案のない月は 0 として表示します。月にカーソルを合わせると各日数の中央値と n を表示します。"},
	TrendTableCaption: i18n.Text{En: "Per month, %s", Ja: "月別（%s）"},
	TrailingRow:       i18n.Text{En: "Trailing %s months, pooled", Ja: "直近 %s か月の全体"},
	TrailingNote:      i18n.Text{En: "Trailing %s months: the months ending with the last month of the period, that month included. Its medians pool every incident of those months (not a median of monthly medians); they are the baseline the cases are set against.", Ja: "直近 %s か月: 報告対象期間の最終月を含む、それまでの各月。全体の中央値は各月の中央値の中央値ではなく、期間内の全事案から求めます。個別事案の比較の基準です。"},
	Month:             i18n.Text{En: "Month", Ja: "月"},
	IncidentsHead:     i18n.Text{En: "Incidents", Ja: "事案数"},
	RecordsHead:       i18n.Text{En: "Records", Ja: "漏えい件数"},
	MedianHead:        i18n.Text{En: "Median %s", Ja: "%sの中央値"},
	MedianN:           i18n.Text{En: "%s (n=%d)", Ja: "%s（対象事案数 %d件）"},
	ValueN:            i18n.Text{En: "%s (n=%d)", Ja: "%s（対象事案数 %d件）"},
	NoValue:           i18n.Text{En: "–", Ja: "–"},
	NoValueN:          i18n.Text{En: "– (n=%d)", Ja: "–（対象事案数 %d件）"},
	NoData:            i18n.Text{En: "no data", Ja: "データなし"},
	NoDataNote:        i18n.Text{En: "No data: the month or period lies outside the months the input covers, so a zero there would not mean no incidents.", Ja: "データなし: 入力データの範囲外の月・期間のため、0 件とはみなしません。"},
	SmallNote:         i18n.Text{En: "* Fewer than 5 incidents: small samples mislead, so no percentile is shown; read such a median with care.", Ja: "* 5 件未満: 少数の標本は誤解を招くため、パーセンタイルは示しません。中央値は参考値です。"},
	ChangesCaption:    i18n.Text{En: "Changes", Ja: "増減"},
	PreviousHead:      i18n.Text{En: "Previous: %s", Ja: "前期間: %s"},
	YearEarlierHead:   i18n.Text{En: "A year earlier: %s", Ja: "前年同期: %s"},
	ChangeHead:        i18n.Text{En: "Change", Ja: "増減"},
	WithRatio:         i18n.Text{En: "%s (%s)", Ja: "%s（%s）"},
	IndexTitle:        i18n.Text{En: "Monthly data-breach reports", Ja: "情報漏えい事案の月次レポート"},
	IndexMonths:       i18n.Text{En: "%s months, %s to %s", Ja: "%s か月（%s〜%s）"},
	IndexNone:         i18n.Text{En: "No incident has a disclosure date known to the month: there is no month to report on.", Ja: "公表年月のわかる事案がないため、月次レポートはありません。"},
	IndexDashboard:    i18n.Text{En: "Charts", Ja: "グラフ"},
	IndexWorkbook:     i18n.Text{En: "Workbook", Ja: "ワークブック"},
	OverviewTitle:     i18n.Text{En: "Incidents and records per month", Ja: "月別の事案数と漏えい件数"},
	OverviewKey:       i18n.Text{En: "Bars: incidents disclosed in the month (left axis); line: records exposed (right axis). A month with no incidents is a bar of zero. Each month's report is linked below.", Ja: "棒: その月に公表された事案数（左軸）、線: 漏えい件数（右軸）。事案のない月は 0 として表示します。各月のレポートは下の表からリンクしています。"},
	CasesTitle:        i18n.Text{En: "Each case against the trailing %s-month medians", Ja: "各事案と直近 %s か月の中央値の比較"},
	CasesKey:          i18n.Text{En: "Bars: each case's days; dashed lines: the median of the same figure over the trailing %s months, with its n.", Ja: "棒: 各事案の日数、破線: 直近 %s か月の同じ指標の中央値（n 付き）。"},
	MedianLine:        i18n.Text{En: "median %s", Ja: "中央値 %s"},
	Figure:            i18n.Text{En: "Figure", Ja: "指標"},
	ThisCase:          i18n.Text{En: "This case", Ja: "当該事案"},
	TrailingMedian:    i18n.Text{En: "%s-month median", Ja: "%s か月の中央値"},
	Difference:        i18n.Text{En: "Difference", Ja: "差"},
	CaseVsMedian:      i18n.Text{En: "%s; %s-month median %s", Ja: "%s、%s か月の中央値 %s"},

	RecordsFmt: i18n.Text{En: "%s", Ja: "%s件"},
	DaysFmt:    i18n.Text{En: "%s days", Ja: "%s日"},
	OneDayFmt:  i18n.Text{En: "%s day", Ja: "%s日"},
}
