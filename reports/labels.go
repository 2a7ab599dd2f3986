package reports

import "breachreport/i18n"

// label names one fixed text of the workbook. Every label has an entry in labels, in both
// languages; TestLabelsComplete checks that none is missing or empty.
type label int

// The labels, grouped by the sheet that uses them.
const (
	// Sheet names. Excel limits them to 31 characters and forbids : \ / ? * [ ].
	lSheetSummary label = iota
	lSheetIncidents
	lSheetScopes
	lSheetComparison
	lSheetIssues
	lSheetMethod

	// Summary.
	lFigure
	lValue
	lN
	lNote
	lIncidents
	lScopes
	lRowsRead
	lRowsUsed
	lRowsRejected
	lRowsBlank
	lWarnings
	lWarningsNote
	lTotalRecords
	lTotalsNoteShort
	lBreakdownPrefix
	lUnknownScopesNote
	lFirstDisclosed
	lLastDisclosed
	lInput
	lLackingColumn
	lInputSHA256
	lGenerated
	lDayFigure
	lMedian
	lMean
	lP90
	lMin
	lMax
	lCutCells
	lCutCellsNote
	lSheet
	lContents
	lContinuedFrom
	lContinuedNote

	// The whole workbook: properties, page headers and footers, cut cells.
	lReportTitle
	lSubject
	lKeywords
	lPageOf
	lCutMarker

	// Incidents, Scopes and Comparison.
	lIncidentID
	lOrganization
	lService
	lIndustry
	lCause
	lDetected
	lContained
	lDisclosed
	lRecordsPrefix
	lScopeCount
	lScopesUnknownCount
	lSource
	lFirstLine
	lLine
	lRecordType
	lCertainty
	lRecords
	lRecordsWritten
	lExposureStart
	lExposureEnd
	lWindowDays
	lNotes
	lStartConfirmed
	lEndConfirmed
	lStartAll
	lEndAll
	lNoComparison
	lHighlightNote
	lChartRecords
	lChartLags
	lAxisRecords
	lAxisDays

	// Data issues.
	lColumn
	lColumnIndex
	lSeverity
	lKind
	lMessage
	lSevWarning
	lSevRejected
	lNoIssues
	lKindCellLength

	// Method.
	lItem
	lDefinition
	lDayCounts
	lStatistics
	lTotals
	lCertaintyRead
	lCertaintyReadText
	lRecordTypesRead
	lRecordTypesReadText
	lCountsRead
	lCountsReadText
	lDatesRead
	lDatesReadText
	lHighlight
	lCharts
	lChartsText
	lLongText
	lLongTextText
	lSources
	lNoSources
	lMoreSources

	// Period reports: Trend and Breakdowns.
	lSheetTrend
	lSheetBreakdowns
	lPeriodRow
	lTrendTitle
	lMonth
	lIncidentsCol
	lRecordsCol
	lRecordsN
	lMedianOf
	lNOf
	lP90Of
	lNoData
	lSmallSample
	lSmallGroup
	lSomeNotShown
	lTrailingPooled
	lTrendNote
	lSmallNote
	lChartTrend
	lChanges
	lThisPeriod
	lPreviousPeriod
	lYearEarlier
	lChangePrev
	lChangePrevPct
	lChangeYear
	lChangeYearPct
	lCasesTitle
	lThisCase
	lTrailingMedian
	lTrailingN
	lDifference
	lNoCases
	lBreakdownsTitle
	lBreakdownSubject
	lBreakdownTrailing
	lShare
	lNotStated
	lBreakdownNote

	numLabels // not a label: the number of labels
)

// labels holds every fixed text of the workbook, indexed by label.
var labels = [numLabels]i18n.Text{
	lSheetSummary:    {En: "Summary", Ja: "概要"},
	lSheetIncidents:  {En: "Incidents", Ja: "事案一覧"},
	lSheetScopes:     {En: "Scopes", Ja: "範囲"},
	lSheetComparison: {En: "Comparison", Ja: "比較"},
	lSheetIssues:     {En: "Data issues", Ja: "データ不備"},
	lSheetMethod:     {En: "Method", Ja: "定義"},

	lFigure:            {En: "Figure", Ja: "項目"},
	lValue:             {En: "Value", Ja: "値"},
	lN:                 {En: "n", Ja: "n"},
	lNote:              {En: "Note", Ja: "注記"},
	lIncidents:         {En: "Incidents", Ja: "事案数"},
	lScopes:            {En: "Scopes (input rows used)", Ja: "範囲数（使用した入力行）"},
	lRowsRead:          {En: "Rows read", Ja: "読み込んだ行"},
	lRowsUsed:          {En: "Rows used", Ja: "使用した行"},
	lRowsRejected:      {En: "Rows rejected", Ja: "除外した行"},
	lRowsBlank:         {En: "Blank rows skipped", Ja: "空行（読み飛ばし）"},
	lWarnings:          {En: "Warnings", Ja: "警告"},
	lWarningsNote:      {En: "Every warning and rejected row is listed on the Data issues sheet.", Ja: "警告と除外した行はすべて「データ不備」シートに記載しています。"},
	lTotalRecords:      {En: "Records exposed, total", Ja: "漏えい件数・合計"},
	lTotalsNoteShort:   {En: "people and cards may overlap: not a count of people (see the note under the breakdown)", Ja: "個人・カードなど種類の異なる件数の合計で、人数ではありません（内訳の下の注記を参照）"},
	lBreakdownPrefix:   {En: "of which ", Ja: "内訳: "},
	lUnknownScopesNote: {En: "scopes with an unknown count are not included: ", Ja: "件数不明で含まれない範囲の数: "},
	lFirstDisclosed:    {En: "Period covered: first disclosure", Ja: "対象期間: 最初の公表日"},
	lLastDisclosed:     {En: "Period covered: last disclosure", Ja: "対象期間: 最後の公表日"},
	lInput:             {En: "Input", Ja: "入力ファイル"},
	lLackingColumn:     {En: "Column missing", Ja: "入力にない列"},
	lInputSHA256:       {En: "Input SHA-256", Ja: "入力ファイルの SHA-256"},
	lGenerated:         {En: "Generated", Ja: "作成日時"},
	lDayFigure:         {En: "Day figure", Ja: "日数の項目"},
	lMedian:            {En: "Median", Ja: "中央値"},
	lMean:              {En: "Mean", Ja: "平均"},
	lP90:               {En: "p90", Ja: "90パーセンタイル"},
	lMin:               {En: "Min", Ja: "最小"},
	lMax:               {En: "Max", Ja: "最大"},
	lCutCells:          {En: "Cells cut to Excel's limit", Ja: "Excel の上限で切り詰めたセル"},
	lCutCellsNote:      {En: "text longer than the 32,767 characters a cell holds; each is listed on the Data issues sheet", Ja: "1セルに入る32,767文字を超えるテキスト。各セルを「データ不備」シートに記載しています"},
	lSheet:             {En: "Sheet", Ja: "シート"},
	lContents:          {En: "Contents", Ja: "内容"},
	lContinuedFrom:     {En: "continued from %s", Ja: "%s の続き"},
	lContinuedNote:     {En: "%s is continued on %d sheets: an Excel sheet holds at most %s rows.", Ja: "%s は%dシートに分けています（Excel の1シートは最大 %s 行）。"},

	lReportTitle: {En: "Data breach report", Ja: "情報漏えい事案レポート"},
	lSubject:     {En: "Data-breach incidents compared: records exposed, exposure windows, detection, containment and disclosure", Ja: "情報漏えい事案の比較（漏えい件数・漏えい期間・発覚・封じ込め・公表）"},
	lKeywords:    {En: "data breach; incident; records exposed; time to detect; disclosure lag", Ja: "情報漏えい; 事案; 漏えい件数; 発覚までの日数; 公表までの日数"},
	lPageOf:      {En: "Page &P of &N", Ja: "&P / &N ページ"},
	lCutMarker:   {En: " … [cut here: the text has %s characters, more than an Excel cell holds]", Ja: " …［ここで切り詰め: 元のテキストは %s 文字で、Excel の1セルに入りません］"},

	lIncidentID:         {En: "Incident ID", Ja: "事案ID"},
	lOrganization:       {En: "Organization", Ja: "企業名"},
	lService:            {En: "Service", Ja: "サービス名"},
	lIndustry:           {En: "Industry", Ja: "業種"},
	lCause:              {En: "Cause", Ja: "原因"},
	lDetected:           {En: "Detected", Ja: "発覚日"},
	lContained:          {En: "Contained", Ja: "封じ込め日"},
	lDisclosed:          {En: "Disclosed", Ja: "公表日"},
	lRecordsPrefix:      {En: "Records: ", Ja: "件数: "},
	lScopeCount:         {En: "Scopes", Ja: "範囲数"},
	lScopesUnknownCount: {En: "Scopes with unknown count", Ja: "件数不明の範囲数"},
	lSource:             {En: "Source", Ja: "出典"},
	lFirstLine:          {En: "First line in input", Ja: "入力の最初の行"},
	lLine:               {En: "Line", Ja: "行"},
	lRecordType:         {En: "Record type", Ja: "情報種別"},
	lCertainty:          {En: "Certainty", Ja: "確度"},
	lRecords:            {En: "Records", Ja: "件数"},
	lRecordsWritten:     {En: "Records as written", Ja: "件数（入力の表記）"},
	lExposureStart:      {En: "Exposure start", Ja: "漏えい開始日"},
	lExposureEnd:        {En: "Exposure end", Ja: "漏えい終了日"},
	lWindowDays:         {En: "Exposure window", Ja: "漏えい期間"},
	lNotes:              {En: "Notes", Ja: "備考"},
	lStartConfirmed:     {En: "Exposure start, confirmed scopes", Ja: "漏えい開始日・確定分"},
	lEndConfirmed:       {En: "Exposure end, confirmed scopes", Ja: "漏えい終了日・確定分"},
	lStartAll:           {En: "Exposure start, all scopes", Ja: "漏えい開始日・全範囲"},
	lEndAll:             {En: "Exposure end, all scopes", Ja: "漏えい終了日・全範囲"},
	lNoComparison:       {En: "There are no incidents to compare.", Ja: "比較する事案はありません。"},
	lHighlightNote:      {En: "A detection → disclosure lag of more than 90 days is highlighted in red on the Incidents and Comparison sheets.", Ja: "発覚から公表までが90日を超える場合は「事案一覧」と「比較」シートで赤く強調しています。"},
	lChartRecords:       {En: "Records exposed, by record type and certainty", Ja: "漏えい件数（情報種別 × 確度）"},
	lChartLags:          {En: "Lags, in days", Ja: "経過日数"},
	lAxisRecords:        {En: "records", Ja: "件数"},
	lAxisDays:           {En: "days", Ja: "日数"},

	lColumn:         {En: "Column", Ja: "列"},
	lColumnIndex:    {En: "Column number", Ja: "列番号"},
	lSeverity:       {En: "Severity", Ja: "重大度"},
	lKind:           {En: "Kind", Ja: "種類"},
	lMessage:        {En: "Message", Ja: "内容"},
	lSevWarning:     {En: "warning", Ja: "警告"},
	lSevRejected:    {En: "rejected", Ja: "除外"},
	lNoIssues:       {En: "No data issues were found.", Ja: "データ不備は見つかりませんでした。"},
	lKindCellLength: {En: "cell-length", Ja: "セルの文字数"},

	lItem:          {En: "Item", Ja: "項目"},
	lDefinition:    {En: "Definition", Ja: "定義"},
	lDayCounts:     {En: "Day counts", Ja: "日数の数え方"},
	lStatistics:    {En: "Statistics", Ja: "統計値"},
	lTotals:        {En: "Totals", Ja: "合計"},
	lCertaintyRead: {En: "Certainty", Ja: "確度"},
	lCertaintyReadText: {
		En: "Each input row (scope) states whether its exposure is confirmed or only suspected, in the certainty column: confirmed (also 確定, 確認) or suspected (also possible, 可能性, 疑い, 恐れ, おそれ). A blank certainty means confirmed. Any other value is kept as \"certainty unknown\" and listed under Data issues; such a scope counts only in the all-scopes figures.",
		Ja: "入力の各行（範囲）は certainty（確度）列で、漏えいが確定か可能性にとどまるかを示します。確定は confirmed・確定・確認、可能性は suspected・possible・可能性・疑い・恐れ・おそれ と読みます。空欄は確定とみなします。それ以外の値は「確度不明」とし「データ不備」に記載します。確度不明の範囲は全範囲の数値にのみ含めます。",
	},
	lRecordTypesRead: {En: "Record types", Ja: "情報種別"},
	lRecordTypesReadText: {
		En: "The record_type column names the kind of data a scope exposed: personal (個人情報), card (カード情報, クレジットカード情報, credit card), account (アカウント情報) and other (その他) are recognised in English or Japanese; any other text is kept as written and forms a type of its own. Records are broken down by record type × certainty, one bucket per combination.",
		Ja: "record_type（情報種別）列は漏えいした情報の種類です。個人情報（personal）、カード情報（card・クレジットカード情報・credit card）、アカウント情報（account）、その他（other）を日英どちらでも認識し、それ以外の文字列はそのまま独自の種別とします。件数は情報種別 × 確度の組み合わせごとに集計します。",
	},
	lCountsRead: {En: "Counts", Ja: "件数"},
	lCountsReadText: {
		En: "Counts are whole numbers, optionally grouped by thousands (41355 or 41,355), or in Japanese notation (4万1,355件, 1万2千件). 約, about or a decimal such as 1.2万件 make a count approximate, shown with a leading ≈. 3万件以上, 3万件超 and 30,000+ are read as at least 30,000, shown ≥30,000; 最大3万5千件 and up to 35,000 as at most 35,000, shown ≤35,000; a total that includes such a count carries its sign (≈ when it includes both kinds). The count as written is shown beside the number wherever it was more than digits. A blank count, or 不明, unknown, n/a or -, means the count is unknown: it is shown as an empty cell, never as 0.",
		Ja: "件数は整数で、3桁区切りのカンマや万・千の表記も使えます（41355、41,355、4万1,355件、1万2千件）。約・about や 1.2万件 のような小数は概数とし、先頭に ≈ を付けて表示します。3万件以上・3万件超・30,000+ は「3万件以上」として ≥30,000、最大3万5千件・up to 35,000 は「3万5千件以下」として ≤35,000 と表示し、これらを含む合計にも同じ記号を付けます（両方を含む合計は ≈）。数字以外を含む件数は、入力の表記を数値の横に表示します。空欄、不明、unknown、n/a、- は件数不明を意味し、0 ではなく空欄で表示します。",
	},
	lDatesRead: {En: "Dates", Ja: "日付"},
	lDatesReadText: {
		En: "Dates are read as yyyy-mm-dd, yyyy/m/d or yyyy年m月d日 and are never guessed: a date that cannot be read is treated as unknown and listed under Data issues. Dates in this workbook are date cells; an unknown date is an empty cell.",
		Ja: "日付は yyyy-mm-dd、yyyy/m/d、yyyy年m月d日 の形式で読み、推測はしません。読めない日付は不明として扱い「データ不備」に記載します。このブックの日付は日付型のセルで、不明な日付は空欄です。",
	},
	lHighlight: {En: "Highlighting", Ja: "強調表示"},
	lCharts:    {En: "Charts", Ja: "グラフ"},
	lChartsText: {
		En: "The charts on the Comparison sheet are Excel charts drawn from the table above them, so they follow any change to it and can be restyled or copied with their data. Records exposed are stacked by record type and certainty: one colour per record type, full for confirmed records and light for suspected ones. The lags are shown side by side per incident, labelled in days; an unknown figure is a gap, never 0.",
		Ja: "「比較」シートのグラフは、その上の表を元にした Excel のグラフです。表の変更に追従し、書式の変更やデータごとのコピーができます。漏えい件数は情報種別 × 確度で積み上げ、情報種別ごとに1色（確定は濃く、可能性は淡く）で示します。経過日数は事案ごとに並べ、日数を表示します。不明な数値は 0 ではなく空白です。",
	},
	lLongText: {En: "Long text", Ja: "長いテキスト"},
	lLongTextText: {
		En: "An Excel cell holds at most 32,767 characters. Longer text from the input is cut there and ends with a marker saying so and giving the full length; each such cell is listed on the Data issues sheet with its sheet and cell.",
		Ja: "Excel の1セルには最大32,767文字しか入りません。入力のそれより長いテキストはそこで切り詰め、その旨と元の文字数を示す印を末尾に付けます。該当するセルはシート名とセル番地とともに「データ不備」シートに記載します。",
	},
	lSources:   {En: "Sources", Ja: "出典"},
	lNoSources: {En: "The input gives no source URLs.", Ja: "入力に出典URLはありません。"},
	lMoreSources: {En: "… and %s more source URLs, not listed here: each is in the source column of the %s and %s sheets.",
		Ja: "… ほか%s件の出典URLはここには載せていません。各出典は「%s」「%s」シートの出典列にあります。"},

	lSheetTrend:        {En: "Trend", Ja: "推移"},
	lSheetBreakdowns:   {En: "Breakdowns", Ja: "内訳"},
	lPeriodRow:         {En: "Period reported on", Ja: "報告対象期間"},
	lTrendTitle:        {En: "Incidents disclosed in %s, against the trailing %d months", Ja: "%s に公表された事案と直近 %d か月の推移"},
	lMonth:             {En: "Month", Ja: "月"},
	lIncidentsCol:      {En: "Incidents", Ja: "事案数"},
	lRecordsCol:        {En: "Records", Ja: "漏えい件数"},
	lRecordsN:          {En: "Records: n", Ja: "漏えい件数の n"},
	lMedianOf:          {En: "Median: %s", Ja: "中央値: %s"},
	lNOf:               {En: "n: %s", Ja: "n: %s"},
	lP90Of:             {En: "p90: %s", Ja: "90パーセンタイル: %s"},
	lNoData:            {En: "no data: outside the months of the input", Ja: "データなし（入力データの範囲外）"},
	lSmallSample:       {En: "small sample (n < 5)", Ja: "少数標本（n < 5）"},
	lSmallGroup:        {En: "small sample (n < 5): count only", Ja: "少数標本（n < 5）: 件数のみ"},
	lSomeNotShown:      {En: "medians and p90 of fewer than 5 values not shown", Ja: "値が5件未満の中央値・90パーセンタイルは非表示"},
	lTrailingPooled:    {En: "Trailing %d months (pooled)", Ja: "直近 %d か月（全体）"},
	lTrendNote:         {En: "One row per month of the trailing window, oldest first: the incidents disclosed in it, their records (the sum of the known totals, with the number of incidents it rests on) and the median of each lag with its n. A month with no incidents is a row of zeros, not left out; a month outside the months of the input has no data. The pooled row takes the medians over every incident of the window (not a median of the monthly medians): the baseline each case is set against.", Ja: "直近の各月を古い順に1行ずつ: その月に公表された事案数、漏えい件数（件数のわかる事案の合計と、その事案数）、各日数の中央値と n。事案のない月も 0 の行として示し、入力データの範囲外の月は「データなし」とします。全体の行は期間内の全事案から求めた中央値（各月の中央値の中央値ではありません）で、各事案の比較の基準です。"},
	lSmallNote:         {En: "Grey italic medians rest on fewer than 5 incidents, and are noted as a small sample: small samples mislead, so no percentile is shown for them.", Ja: "灰色の斜体の中央値は5件未満の事案に基づく少数標本で、注記を付けています。少数の標本は誤解を招くため、パーセンタイルは示しません。"},
	lChartTrend:        {En: "Incidents and records per month", Ja: "月別の事案数と漏えい件数"},
	lChanges:           {En: "Changes", Ja: "増減"},
	lThisPeriod:        {En: "This period (%s)", Ja: "当期間（%s）"},
	lPreviousPeriod:    {En: "Previous (%s)", Ja: "前期間（%s）"},
	lYearEarlier:       {En: "A year earlier (%s)", Ja: "前年同期（%s）"},
	lChangePrev:        {En: "Change vs previous", Ja: "前期間比の増減"},
	lChangePrevPct:     {En: "Change vs previous, %", Ja: "前期間比（%）"},
	lChangeYear:        {En: "Change vs a year earlier", Ja: "前年同期比の増減"},
	lChangeYearPct:     {En: "Change vs a year earlier, %", Ja: "前年同期比（%）"},
	lCasesTitle:        {En: "Each case against the trailing %d-month medians", Ja: "各事案と直近 %d か月の中央値の比較"},
	lThisCase:          {En: "This case", Ja: "当該事案"},
	lTrailingMedian:    {En: "%d-month median", Ja: "%d か月の中央値"},
	lTrailingN:         {En: "n (%d months)", Ja: "n（%d か月）"},
	lDifference:        {En: "Difference", Ja: "差"},
	lNoCases:           {En: "No incidents were disclosed in %s.", Ja: "%s に公表された事案はありません。"},
	lBreakdownsTitle:   {En: "Breakdowns of the incidents disclosed in %s", Ja: "%s に公表された事案の内訳"},
	lBreakdownSubject:  {En: "Disclosed in %s: %d incidents", Ja: "%s の公表分: %d 件"},
	lBreakdownTrailing: {En: "Trailing %d months, %s: %d incidents", Ja: "直近 %d か月（%s）: %d 件"},
	lShare:             {En: "Share", Ja: "割合"},
	lNotStated:         {En: "not stated", Ja: "記載なし"},
	lBreakdownNote:     {En: "Cause and industry: each incident is in one group. Record type and certainty belong to scopes: an incident is in the group of every record type (certainty) any of its scopes has, so the shares may add up to more than 100%. Records: for record type and certainty, each incident's scopes of that type (certainty), counted only when all of them have a known count. Groups of fewer than 5 incidents show only their count: small samples mislead. A median or p90 resting on fewer than 5 values is not shown.", Ja: "原因・業種: 各事案は1つのグループに入ります。情報種別・確度は範囲ごとの属性のため、事案はその範囲が持つすべての種別（確度）のグループに入り、割合の合計は100%を超えることがあります。件数: 情報種別・確度では、その種別（確度）の範囲の件数がすべてわかる事案だけを数えます。5件未満のグループは件数のみを示します（少数の標本は誤解を招くため）。値が5件未満の中央値・90パーセンタイルも示しません。"},
}

// in returns the label in language l.
func (k label) in(l i18n.Lang) string { return labels[k].In(l) }
