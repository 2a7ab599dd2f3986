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
	lColumnsFitted
	lColumnsFittedNote
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
	lKindTableColumn
	lKindSheetColumns

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
	lTrailingOnScreen
	lTrendOnScreen
	lTrendChangesOnScreen
	lShare
	lNotStated
	lBreakdownNote
	lSizeBand

	// The first sheet of a period workbook, the title and the provenance block.
	lSheetGlance
	lPeriodTitle
	lForClient
	lIssuedOn
	lOrgService
	lExposedInfo
	lDiscloseDays
	lCountUnknown
	lSummaryHeading
	lComparisonHeading
	lRecordsKnownNote
	lUnknownCountRow
	lTopCauseRow
	lCasesN
	lProvenance
	lNotComputed
	lNeeds
	lSeeMethod
	lChartBreakdown
	lSpellingCount
	lMerged
	lListSep
	lReadingNotes
	lSizeBandsText
	lNotComputedItem
	lOtherGroups
	lCasesNote
	lDiffOf
	lLargestTitle
	lNoLargest

	// Reporting duty and damage estimate.
	lSheetDuty
	lSheetDamage
	lReportable
	lPrelimDue
	lPrelimLate
	lFinalDue
	lFinalLate
	lVendor
	lGrounds
	lLate
	lOnTime
	lDataItems
	lEP
	lPerPerson
	lEstimate
	lEstimateConfirmed
	lEstimateAll
	lUnplaced
	lNoTypePoint
	lCountUnknownWhy
	lDutyItem
	lDutyRules
	lDutyDeadlines
	lDamageItem
	lDamageModel
	lDamageEPMap
	lDutyCounts
	lCauseCategory
	lIndustryCategory
	lUnmapped
	lCategoryHolds
	lFinalDueEither
	lSameVendorAs
	lReportOn
	lNoteSep
	lScopeKind
	lDamageNotes
	lEPPoint
	lFactors

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
	lColumnsFitted:     {En: "Columns fitted to Excel's limits", Ja: "Excel の上限に合わせた列"},
	lColumnsFittedNote: {En: "table column names cut to 255 characters or numbered to be distinct, and columns past a sheet's 16,384th left off; each is listed on the Data issues sheet", Ja: "255文字で切り詰めたり番号を付けて区別したりしたテーブルの列名と、1シートの16,384列目より後ろで省いた列。それぞれ「データ不備」シートに記載しています"},
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

	lColumn:           {En: "Column", Ja: "列"},
	lColumnIndex:      {En: "Column number", Ja: "列番号"},
	lSeverity:         {En: "Severity", Ja: "重大度"},
	lKind:             {En: "Kind", Ja: "種類"},
	lMessage:          {En: "Message", Ja: "内容"},
	lSevWarning:       {En: "warning", Ja: "警告"},
	lSevRejected:      {En: "rejected", Ja: "除外"},
	lNoIssues:         {En: "No data issues were found.", Ja: "データ不備は見つかりませんでした。"},
	lKindCellLength:   {En: "cell-length", Ja: "セルの文字数"},
	lKindTableColumn:  {En: "table-column", Ja: "テーブルの列名"},
	lKindSheetColumns: {En: "sheet-columns", Ja: "シートの列数"},

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

	lSheetTrend:           {En: "Trend", Ja: "推移"},
	lSheetBreakdowns:      {En: "Breakdowns", Ja: "内訳"},
	lPeriodRow:            {En: "Period reported on", Ja: "報告対象期間"},
	lTrendTitle:           {En: "Incidents disclosed in %s, against the trailing %d months", Ja: "%sに公表された事案と直近%dか月の推移"},
	lMonth:                {En: "Month", Ja: "月"},
	lIncidentsCol:         {En: "Incidents", Ja: "事案数"},
	lRecordsCol:           {En: "Records", Ja: "漏えい件数"},
	lRecordsN:             {En: "Records: n", Ja: "漏えい件数の n"},
	lMedianOf:             {En: "Median: %s", Ja: "中央値: %s"},
	lNOf:                  {En: "n: %s", Ja: "n: %s"},
	lP90Of:                {En: "p90: %s", Ja: "90パーセンタイル: %s"},
	lNoData:               {En: "no data: outside the months of the input", Ja: "データなし（入力データの範囲外）"},
	lSmallSample:          {En: "small sample (n < 5)", Ja: "少数標本（n < 5）"},
	lSmallGroup:           {En: "small sample (n < 5): count only", Ja: "少数標本（n < 5）: 件数のみ"},
	lSomeNotShown:         {En: "medians and p90 of fewer than 5 values not shown", Ja: "値が5件未満の中央値・90パーセンタイルは非表示"},
	lTrailingPooled:       {En: "Trailing %d months (pooled)", Ja: "直近 %d か月（全体）"},
	lTrendNote:            {En: "One row per month of the trailing window, oldest first: the incidents disclosed in it, their records (the sum of the known totals, with the number of incidents it rests on) and the median of each lag with its n. A month with no incidents is a row of zeros, not left out; a month outside the months of the input has no data. The pooled row takes the medians over every incident of the window (not a median of the monthly medians): the baseline each case is set against.", Ja: "直近の各月を古い順に1行ずつ: その月に公表された事案数、漏えい件数（件数のわかる事案の合計と、その事案数）、各日数の中央値と n。事案のない月も 0 の行として示し、入力データの範囲外の月は「データなし」とします。全体の行は期間内の全事案から求めた中央値（各月の中央値の中央値ではありません）で、各事案の比較の基準です。"},
	lSmallNote:            {En: "Grey italic medians rest on fewer than 5 incidents, and are noted as a small sample: small samples mislead, so no percentile is shown for them.", Ja: "灰色の斜体の中央値は5件未満の事案に基づく少数標本で、注記を付けています。少数の標本は誤解を招くため、パーセンタイルは示しません。"},
	lChartTrend:           {En: "Incidents and records per month", Ja: "月別の事案数と漏えい件数"},
	lChanges:              {En: "Changes", Ja: "増減"},
	lThisPeriod:           {En: "This period (%s)", Ja: "当期間（%s）"},
	lPreviousPeriod:       {En: "Previous (%s)", Ja: "前期間（%s）"},
	lYearEarlier:          {En: "A year earlier (%s)", Ja: "前年同期（%s）"},
	lChangePrev:           {En: "Change vs previous", Ja: "前期間比の増減"},
	lChangePrevPct:        {En: "Change vs previous, %", Ja: "前期間比（%）"},
	lChangeYear:           {En: "Change vs a year earlier", Ja: "前年同期比の増減"},
	lChangeYearPct:        {En: "Change vs a year earlier, %", Ja: "前年同期比（%）"},
	lCasesTitle:           {En: "Each case against the trailing %d-month medians", Ja: "各事案と直近 %d か月の中央値の比較"},
	lThisCase:             {En: "This case", Ja: "当該事案"},
	lTrailingMedian:       {En: "%d-month median", Ja: "%d か月の中央値"},
	lTrailingN:            {En: "n (%d months)", Ja: "n（%d か月）"},
	lDifference:           {En: "Difference", Ja: "差"},
	lNoCases:              {En: "No incidents were disclosed in %s.", Ja: "%sに公表された事案はありません。"},
	lBreakdownsTitle:      {En: "Breakdowns of the incidents disclosed in %s", Ja: "%sに公表された事案の内訳"},
	lBreakdownSubject:     {En: "Disclosed in %s: %s", Ja: "%sの公表分: %s"},
	lBreakdownTrailing:    {En: "Trailing %d months, %s: %s", Ja: "直近%dか月（%s）: %s"},
	lTrailingOnScreen:     {En: "The breakdowns of the trailing %d months (%s, %s) are in the Excel file, on this %[4]s sheet below this line.", Ja: "直近%dか月（%s、%s）の内訳は、Excelファイルの「%[4]s」シートのこの下に掲載しています。"},
	lTrendOnScreen:        {En: "The changes (also on the first sheet) and each case against the medians: below the chart, in the Excel file (%s).", Ja: "増減（概況にも掲載）と各事案の比較は、Excelファイルの「%s」シートのグラフの下にあります。"},
	lTrendChangesOnScreen: {En: "The changes (also on the first sheet): below the chart, in the Excel file (%s).", Ja: "前期間・前年同期との増減（概況にも掲載）は、Excelファイルの「%s」シートのグラフの下にあります。"},
	lShare:                {En: "Share", Ja: "割合"},
	lNotStated:            {En: "not stated", Ja: "記載なし"},
	lBreakdownNote:        {En: "Cause and industry: each incident is in one group. Record type and certainty belong to scopes: an incident is in the group of every record type (certainty) any of its scopes has, so the shares may add up to more than 100%. Records: for record type and certainty, each incident's scopes of that type (certainty), counted only when all of them have a known count. Every group shows its count, share and records, whatever its size; a median or p90 resting on fewer than 5 values is not shown, as small samples mislead. Spelling variants of a cause or industry (ランサムウエア and ランサムウェア) form one group, named as most of its incidents spell it. Size bands: an approximate count is in the band of its number; a lower bound only when it is 1,000,000 or more, an upper bound only when it is at most 999; any other bound is in the unknown band.", Ja: "原因・業種: 各事案は1つのグループに入ります。情報種別・確度は範囲ごとの属性のため、事案はその範囲が持つすべての種別（確度）のグループに入り、割合の合計は100%を超えることがあります。件数: 情報種別・確度では、その種別（確度）の範囲の件数がすべてわかる事案だけを数えます。件数・割合・漏えい件数はグループの大きさにかかわらずすべて示し、値が5件未満の中央値・90パーセンタイルは示しません（少数の標本は誤解を招くため）。原因・業種の表記ゆれ（ランサムウエアとランサムウェアなど）は1つのグループにまとめ、最も多い表記で示します。規模: 概数はその数の区分に入れます。下限（以上）は100万件以上の場合だけ、上限（最大）は999件以下の場合だけ区分に入れ、それ以外は件数不明と同じく「不明」とします。"},
	lSizeBand:             {En: "Size (records)", Ja: "規模（漏えい件数）"},
	lSheetGlance:          {En: "At a glance", Ja: "概況"},
	lPeriodTitle:          {En: "Incidents disclosed in %s", Ja: "%sに公表された事案"},
	lForClient:            {En: "Prepared for %s", Ja: "%s 御中"},
	lIssuedOn:             {En: "Issued ", Ja: "作成日 "},
	lOrgService:           {En: "Organization (service)", Ja: "企業名（サービス）"},
	lExposedInfo:          {En: "Information exposed", Ja: "漏えい情報"},
	lDiscloseDays:         {En: "Days from detection to disclosure", Ja: "発覚→公表の日数"},
	lCountUnknown:         {En: "unknown", Ja: "不明"},
	lSummaryHeading:       {En: "Summary", Ja: "まとめ"},
	lComparisonHeading:    {En: "Against the previous period and a year earlier", Ja: "前期間・前年同期との比較"},
	lRecordsKnownNote:     {En: "the sum over the incidents whose count is known", Ja: "件数のわかる事案の合計"},
	lUnknownCountRow:      {En: "Incidents with an unknown count", Ja: "件数不明の事案数"},
	lTopCauseRow:          {En: "Most frequent cause: incidents", Ja: "最多の原因の事案数"},
	lCasesN:               {En: "over %s", Ja: "対象事案数%s"},
	lProvenance:           {En: "Provenance", Ja: "作成情報"},
	lNotComputed:          {En: "Not computed, as no incident states the dates they need: %s.", Ja: "必要な日付の記載がある事案がないため、次の数値は算出できません: %s。"},
	lSeeMethod:            {En: "How to read the figures: see the %s sheet.", Ja: "数値の見方は「%s」シートに記載しています。"},
	lChartBreakdown:       {En: "Incidents by %s", Ja: "%s別の事案数"},
	lSpellingCount:        {En: "%s (%s)", Ja: "%s（%s）"},
	lMerged:               {En: "Spellings merged: %s counted as %s.", Ja: "表記ゆれの統合: %sを「%s」に含めました。"},
	lListSep:              {En: ", ", Ja: "、"},
	lReadingNotes:         {En: "Trend and breakdowns", Ja: "推移・内訳の見方"},
	lSizeBandsText:        {En: "Incidents are banded by their total records: 1–999, 1,000–9,999, 10,000–99,999, 100,000–999,999, 1,000,000 or more, and unknown. 1,000 is the threshold above which Japan's Personal Information Protection Commission must be notified of a leak.", Ja: "事案を漏えい件数の合計で区分します: 1〜999件、1,000〜9,999件、1万〜9.9万件、10万〜99.9万件、100万件以上、件数不明。1,000件は個人情報保護委員会への報告が必要となる件数の基準です。"},
	lNotComputedItem:      {En: "Figures not computed", Ja: "算出できない数値"},
	lOtherGroups:          {En: "… and the other groups: %s.", Ja: "… ほかのグループ: 計%s。"},
	lCasesNote:            {En: "Each case's days, and the difference from the %d-month median of the pooled row above (grey when that median rests on fewer than 5 incidents).", Ja: "各事案の日数と、上の「全体」の行の%dか月の中央値との差（中央値が5件未満の事案に基づく場合は灰色）。"},
	lDiffOf:               {En: "Difference: %s", Ja: "差: %s"},
	lLargestTitle:         {En: "The %d incidents with the most records", Ja: "漏えい件数の多い事案（上位%d件）"},
	lNoLargest:            {En: "No incident of the period states its count.", Ja: "当期間に件数のわかる事案はありません。"},
	lNeeds:                {En: "%s (needs %s)", Ja: "%s（%sが必要）"},

	lSheetDuty:         {En: "Reporting duty", Ja: "報告義務"},
	lSheetDamage:       {En: "Damage estimate", Ja: "想定損害賠償額"},
	lReportable:        {En: "Report to the PPC", Ja: "委員会への報告"},
	lPrelimDue:         {En: "Preliminary report due", Ja: "速報の期限"},
	lPrelimLate:        {En: "Preliminary report sent", Ja: "速報日"},
	lFinalDue:          {En: "Final report due", Ja: "確報の期限"},
	lFinalLate:         {En: "Final report sent", Ja: "確報日"},
	lVendor:            {En: "Vendor", Ja: "委託先"},
	lGrounds:           {En: "Grounds", Ja: "判定の根拠"},
	lLate:              {En: "late", Ja: "期限超過"},
	lOnTime:            {En: "on time", Ja: "期限内"},
	lDataItems:         {En: "Data items", Ja: "漏えい項目"},
	lEP:                {En: "EP point (x, y): sensitivity", Ja: "EP値（x, y）: 機微情報度"},
	lPerPerson:         {En: "Per person", Ja: "1人あたり"},
	lEstimate:          {En: "Estimate", Ja: "想定損害賠償額"},
	lEstimateConfirmed: {En: "Incident estimate, confirmed scopes", Ja: "事案の想定額（確定分）"},
	lEstimateAll:       {En: "Incident estimate, all scopes", Ja: "事案の想定額（全範囲）"},
	lUnplaced:          {En: "not on the EP map: %s (add them with --ep-map, or set jnsa_ep)", Ja: "EPマップにない項目: %s（--ep-map で追加するか、EP値列で指定）"},
	lNoTypePoint:       {En: "no data items, and record type %s has no EP point (set data_items or jnsa_ep)", Ja: "漏えい項目の記載がなく、情報種別「%s」にEP値の既定がない（漏えい項目列かEP値列で指定）"},
	lCountUnknownWhy:   {En: "count unknown", Ja: "件数不明"},
	lDutyItem:          {En: "PPC reporting duty", Ja: "個人情報保護委員会への報告義務"},
	lDutyRules:         {En: "Since 2022-04-01 a breach must be reported to the Personal Information Protection Commission when any of the four situations of article 7 of the enforcement rules of the Act on the Protection of Personal Information applies: ① sensitive personal information; ② a risk of financial damage (card or bank data, payment credentials); ③ possibly with unlawful intent (attacks, malware, theft, insiders); ④ more than 1,000 people. Each is answered yes, no or unknown from the data items, the record type, the cause and the counts, and the grounds are shown; nothing is guessed. Reportable: any yes; not reportable: all four no. Incidents detected before 2022-04-01 are marked as before the duty.", Ja: "2022年4月1日以降、個人情報保護法施行規則第7条の4つの事態（① 要配慮個人情報、② 財産的被害のおそれ（カード・口座情報、決済に使える認証情報）、③ 不正の目的によるおそれ（攻撃、マルウェア、盗難、内部不正）、④ 本人の数が1,000人超）のいずれかに当たる漏えい等は、個人情報保護委員会への報告が必要です。漏えい項目・情報種別・原因・件数から各事態を「該当」「非該当」「不明」で判定し、根拠を示します。推測はしません。1つでも該当なら報告対象、4つとも非該当なら対象外です。2022年4月1日より前に発覚した事案は「施行前」とします。"},
	lDutyDeadlines:     {En: "Deadlines count from the detection day: the preliminary report (速報, promptly, about 3–5 days) by day 5, the final report (確報) by day 30, or day 60 when ③ applies. When ③ is unknown both final deadlines are shown, and a final report between day 31 and 60 is late only if ③ does not apply. Without the report dates the due dates stand as a checklist.", Ja: "期限は発覚日から数えます。速報（速やかに、おおむね3〜5日以内）は5日目まで、確報は30日目まで（③に該当する場合は60日目まで）。③が不明な場合は両方の期限を示し、31〜60日目の確報は③に該当しない場合に限り期限超過とします。速報日・確報日がない場合は期限を確認用に示します。"},
	lDamageItem:        {En: "JNSA damage estimate", Ja: "JNSAモデルによる想定損害賠償額"},
	lDamageModel:       {En: "Per person = 500 yen (base value) × sensitivity (10^(x−1) + 5^(y−1)) × identifiability × social responsibility × response, after JNSA's survey report on information security incidents. x and y are the mental-distress and economic-loss levels (1–3) of the scope's most sensitive data item on the EP map; identifiability is 6 with name and address, 3 with a name or address and phone, else 1; social responsibility 2 for public bodies, finance and healthcare, else 1; response 1 unless set to 2. A scope without data items takes its record type's point: personal (1,1) and 6, card (1,3) and 3, account (1,2) and 1. The scope's estimate is per person × records; an incident's is a range, confirmed scopes only to all scopes. An unknown count or an item not on the map leaves it blank; every default used is listed.", Ja: "1人あたり = 基礎情報価値500円 × 機微情報度（10^(x−1) + 5^(y−1)）× 本人特定容易度 × 社会的責任度 × 事後対応評価（JNSA「情報セキュリティインシデントに関する調査報告書」のモデル）。x・y は漏えい項目のうち最も機微なもののEPマップ上の精神的苦痛・経済的損失のレベル（1〜3）。本人特定容易度は氏名と住所で6、氏名、または住所と電話番号で3、それ以外は1。社会的責任度は公的機関・金融・医療で2、それ以外は1。事後対応評価は指定がなければ1。漏えい項目の記載がない範囲は情報種別の既定値（個人情報 (1,1)・6、カード情報 (1,3)・3、アカウント情報 (1,2)・1）を使います。範囲の想定額は1人あたり × 件数、事案の想定額は確定分〜全範囲の幅で示します。件数不明やEPマップにない項目がある場合は空欄とし、使った既定値はすべて示します。"},
	lDamageEPMap:       {En: "EP map used", Ja: "使用したEPマップ"},
	lDutyCounts:        {En: "Reporting duty", Ja: "報告義務"},
	lCauseCategory:     {En: "Cause category", Ja: "原因の分類"},
	lIndustryCategory:  {En: "Industry (JSIC division)", Ja: "業種の分類（日本標準産業分類）"},
	lUnmapped:          {En: "Unmapped", Ja: "未分類"},
	lCategoryHolds:     {En: "%s: %s", Ja: "%s: %s"},
	lFinalDueEither:    {En: "%s (%s if ③ applies)", Ja: "%s（③に該当すれば%s）"},
	lSameVendorAs:      {En: "%s (same vendor as %s)", Ja: "%s（同じ委託先: %s）"},
	lReportOn:          {En: "%s (%s)", Ja: "%s（%s）"},
	lNoteSep:           {En: ", ", Ja: "・"},
	lScopeKind:         {En: "Record type (certainty)", Ja: "情報種別（確度）"},
	lDamageNotes:       {En: "Notes (defaults used)", Ja: "備考（既定値）"},
	lEPPoint:           {En: "(%d, %d): %d", Ja: "(%d, %d): %d"},
	lFactors:           {En: "Identifiability・social responsibility・response", Ja: "本人特定容易度・社会的責任度・事後対応評価"},
}

// in returns the label in language l.
func (k label) in(l i18n.Lang) string { return labels[k].In(l) }
