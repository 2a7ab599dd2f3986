package slides

import "breachreport/i18n"

// The words of the deck, in both languages. Formats take fmt verbs.
var (
	lDefaultTitle    = i18n.Text{En: "Data-breach incidents", Ja: "情報漏えい事案レポート"}
	lClient          = i18n.Text{En: "For %s", Ja: "%s 御中"}
	lWholeLine       = i18n.Text{En: "Incidents disclosed from %s to %s", Ja: "%s〜%sに公表された事案"}
	lWholeUndated    = i18n.Text{En: "All incidents of the input (disclosure dates not stated)", Ja: "入力の全事案（公表日の記載なし）"}
	lGenerated       = i18n.Text{En: "Prepared %s", Ja: "作成日 %s"}
	lSummaryTitle    = i18n.Text{En: "Summary", Ja: "概要"}
	lIncidents       = i18n.Text{En: "Incidents: %s", Ja: "対象事案：%s件"}
	lRecordsTotal    = i18n.Text{En: "Records exposed: %s, the sum over the %s incidents whose every count is known", Ja: "漏えい件数：合計%s（件数がすべてわかる%s事案の合計）"}
	lRecordsNone     = i18n.Text{En: "Records exposed: no incident states all its counts", Ja: "漏えい件数：件数がすべてわかる事案なし"}
	lRecordsMix      = i18n.Text{En: "Totals add records of different kinds (people and cards may overlap): %s", Ja: "合計は種類の異なる件数の和（人とカードは重なりうる）：%s"}
	lLargest         = i18n.Text{En: "Largest incident: %s, %s", Ja: "最大の事案：%s（%s）"}
	lLagRange        = i18n.Text{En: "Detection → disclosure: %s to %s (%s incidents; median not shown under 5)", Ja: "発覚→公表：%s〜%s（%s事案。5件未満のため中央値は非表示）"}
	lLagMedian       = i18n.Text{En: "Detection → disclosure: median %s (%s incidents)", Ja: "発覚→公表：中央値%s（%s事案）"}
	lLagNone         = i18n.Text{En: "Detection → disclosure: no incident states both dates", Ja: "発覚→公表：両方の日付がわかる事案なし"}
	lTopCause        = i18n.Text{En: "Most frequent cause: %s, %s of %s incidents", Ja: "原因は%sが最多の%s件（全%s件）"}
	lRecordsTitle    = i18n.Text{En: "Records exposed by incident", Ja: "事案別の漏えい件数"}
	lRecordsTake     = i18n.Text{En: "Largest: %s with %s", Ja: "最大は%s（%s）"}
	lRecordsTakeNo   = i18n.Text{En: "No incident charted states all its counts", Ja: "件数がすべてわかる事案なし"}
	lDamageTitle     = i18n.Text{En: "Estimated damages (JNSA model)", Ja: "想定損害賠償額（JNSAモデル）"}
	lDamageAxis      = i18n.Text{En: "Yen", Ja: "円"}
	lDamageConfirmed = i18n.Text{En: "Confirmed scopes", Ja: "確定分"}
	lDamageAll       = i18n.Text{En: "All scopes", Ja: "全範囲"}
	lDamageTake      = i18n.Text{En: "Largest: %s, %s over all scopes", Ja: "最大は%s（全範囲で%s）"}
	lDamageNotes     = i18n.Text{En: "Per person: 500 yen × sensitivity (10^(x−1) + 5^(y−1)) × identifiability × social responsibility × response, after JNSA's survey report; times the records of each scope. The workbook's Damage estimate sheet gives every factor and default.", Ja: "1人あたり = 500円 × 機微情報度（10^(x−1) + 5^(y−1)）× 本人特定容易度 × 社会的責任度 × 事後対応評価（JNSA 調査報告書のモデル）。範囲ごとに件数を掛けます。係数と既定値はワークブックの「想定損害賠償額」シートにあります。"}
	lRecordsAxis     = i18n.Text{En: "records", Ja: "件数"}
	lLagsTitle       = i18n.Text{En: "Days to detect, contain and disclose", Ja: "発覚・封じ込め・公表までの日数"}
	lLagsTake        = i18n.Text{En: "Longest detection → disclosure lag: %s, %s", Ja: "発覚→公表が最も長いのは%s（%s）"}
	lLagsAxis        = i18n.Text{En: "days", Ja: "日数"}
	lCase            = i18n.Text{En: "Incident", Ja: "事案"}
	lTimelineTitle   = i18n.Text{En: "Exposure windows and key dates", Ja: "漏えい期間と主要な日付"}
	lTimelineTake    = i18n.Text{En: "Each bar runs from the start of exposure to its end; markers show detection, containment and disclosure", Ja: "帯は漏えい期間、印は発覚・封じ込め・公表の日"}
	lTimelineNote    = i18n.Text{En: "A picture (the --images chart): no editable chart type draws date ranges", Ja: "画像（--images のグラフ）：日付の期間を描く編集可能なグラフ形式がないため"}
	lByCause         = i18n.Text{En: "Incidents by cause", Ja: "原因別の事案数"}
	lByIndustry      = i18n.Text{En: "Incidents by industry", Ja: "業種別の事案数"}
	lBySize          = i18n.Text{En: "Incidents by size (records exposed)", Ja: "漏えい件数の規模別の事案数"}
	lByCauseCategory = i18n.Text{En: "Incidents by cause category", Ja: "原因の分類別の事案数"}
	lBreakdownTake   = i18n.Text{En: "Most: %s, %s of %s incidents (%s)", Ja: "最多は%s（%s件／全%s件、%s）"}
	lIncidentsAxis   = i18n.Text{En: "incidents", Ja: "件数"}
	lTrendTitle      = i18n.Text{En: "Incidents and records by month", Ja: "月別の事案数と漏えい件数"}
	lTrendTake       = i18n.Text{En: "Busiest month: %s (%s); %s over the %s months shown", Ja: "最多の月は%s（%s）、表示した%[4]sか月で計%[3]s"}
	lTrendTakeNone   = i18n.Text{En: "No incident was disclosed in the %s months shown", Ja: "表示した%sか月に公表された事案はありません"}
	lTrendRecords    = i18n.Text{En: "records (known counts)", Ja: "漏えい件数（判明分）"}
	lListTitle       = i18n.Text{En: "Incidents", Ja: "事案一覧"}
	lListPage        = i18n.Text{En: "Incidents (%d/%d)", Ja: "事案一覧（%d/%d）"}
	lListCut         = i18n.Text{En: "The first %s of %s incidents by disclosure date; the workbook lists them all", Ja: "公表日順に%s件を掲載（全%s件はワークブックに記載）"}
	lListAll         = i18n.Text{En: "%s incidents by disclosure date", Ja: "公表日順、%s件"}
	lListNone        = i18n.Text{En: "No incident was disclosed in the period", Ja: "期間内に公表された事案はありません"}
	lColDisclosed    = i18n.Text{En: "Disclosed", Ja: "公表日"}
	lColOrg          = i18n.Text{En: "Organization (service)", Ja: "企業名（サービス）"}
	lColIndustry     = i18n.Text{En: "Industry", Ja: "業種"}
	lColCause        = i18n.Text{En: "Cause", Ja: "原因"}
	lColRecords      = i18n.Text{En: "Records", Ja: "件数"}
	lColLag          = i18n.Text{En: "Detected → disclosed", Ja: "発覚→公表"}
	lColSource       = i18n.Text{En: "Source", Ja: "出典"}
	lUnknown         = i18n.Text{En: "unknown", Ja: "不明"}
	lMethodTitle     = i18n.Text{En: "Method and sources", Ja: "方法と出典"}
	lMethodDays      = i18n.Text{En: "Day counts are elapsed days, the later date minus the earlier (no +1), as in the US state breach-notification statistics.", Ja: "日数は経過日数（後の日付−前の日付、+1 なし）。米国各州の漏えい通知統計と同じ数え方です。"}
	lMethodTotals    = i18n.Text{En: "A total adds records of different kinds (people and cards may overlap); it is shown only when every count of the incident is known.", Ja: "合計は種類の異なる件数の和です（人とカードは重なりえます）。事案のすべての件数がわかる場合のみ示します。"}
	lMethodUnknown   = i18n.Text{En: "A figure the input does not state is left blank, never estimated; medians are shown only over 5 incidents or more.", Ja: "入力に記載のない値は空欄とし、推定しません。中央値は5事案以上の場合のみ示します。"}
	lMethodCharts    = i18n.Text{En: "The charts are editable: their data is the workbook embedded in each chart (Edit Data).", Ja: "グラフは編集できます。データは各グラフに埋め込んだワークブックにあります（データの編集）。"}
	lMethodInput     = i18n.Text{En: "Input: %s, %s incidents (%s rows read, %s used, %s rejected). Generated %s by breachreport.", Ja: "入力：%s、%s事案（読込%s行、使用%s行、除外%s行）。%s breachreport で作成。"}
	lMethodSources   = i18n.Text{En: "Sources: the public disclosures the input cites (%s source URLs), linked in the incident list.", Ja: "出典：入力に記載の公表資料（URL %s件）。事案一覧にリンク。"}
	lMethodNoSource  = i18n.Text{En: "Sources: none cited in the input.", Ja: "出典：入力に記載なし。"}
	lMethodNoTime    = i18n.Text{En: "The timeline slide is left out: %s", Ja: "タイムラインのスライドは省略：%s"}
	lSample          = i18n.Text{En: "the embedded sample (sample.csv)", Ja: "組み込みサンプル（sample.csv）"}
	lSourceNote      = i18n.Text{En: "Source: %s (%s source URLs cited); breachreport", Ja: "出典：%s（公表資料URL %s件）、breachreport で集計"}
	lSourceNoteNone  = i18n.Text{En: "Source: %s (no source URL cited); breachreport", Ja: "出典：%s（公表資料URLの記載なし）、breachreport で集計"}
	lGroupsShown     = i18n.Text{En: " (the %s largest of %s groups)", Ja: "（全%[2]sグループ中、上位%[1]s）"}
	lSmallCharted    = i18n.Text{En: " (%s of %s incidents)", Ja: "（全%[2]s事案中%[1]s事案）"}
)
