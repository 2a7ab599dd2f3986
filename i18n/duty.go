package i18n

import (
	"breachreport/analysis"
	"breachreport/data"
)

var situationTexts = map[analysis.Situation]Text{
	analysis.Sensitive:    {"① Sensitive personal information (要配慮個人情報)", "① 要配慮個人情報"},
	analysis.Financial:    {"② Risk of financial damage", "② 財産的被害のおそれ"},
	analysis.Malicious:    {"③ Possibly with unlawful intent", "③ 不正の目的によるおそれ"},
	analysis.OverThousand: {"④ More than 1,000 people", "④ 本人の数が1,000人超"},
}

// Situation names one of the four situations of the PPC reporting duty.
func Situation(s analysis.Situation) Text { return situationTexts[s] }

var answerTexts = map[analysis.Answer]Text{
	analysis.Yes:     {"yes", "該当"},
	analysis.No:      {"no", "非該当"},
	analysis.Unknown: {"unknown", "不明"},
}

// Answer names an answer: yes, no, unknown (該当, 非該当, 不明).
func Answer(a analysis.Answer) Text { return answerTexts[a] }

// Reportable names the reporting duty's answer: reportable, not reportable, unknown.
func Reportable(a analysis.Answer) Text {
	switch a {
	case analysis.Yes:
		return Text{"reportable", "報告対象"}
	case analysis.No:
		return Text{"not reportable", "報告対象外"}
	}
	return Text{"unknown", "判定不能"}
}

// BeforeEnforcement labels an incident detected before the reporting duty came into force.
var BeforeEnforcement = Text{"before 2022-04-01 (no duty yet)", "施行前"}

// Ground says in words why a situation's answer is what it is.
func Ground(l Lang, g analysis.Ground) string {
	var m data.Msg
	switch g.Kind {
	case analysis.GroundItem:
		m = data.Msgf("data item “%s”", g.Value)
	case analysis.GroundItemsListed:
		m = data.Msgf("none of the listed data items")
	case analysis.GroundNoItems:
		m = data.Msgf("no data items given (data_items)")
	case analysis.GroundRecordType:
		m = data.Msgf("record type %v", RecordType(data.RecordType(g.Value)))
	case analysis.GroundCredentials:
		m = data.Msgf("“%s”: applies if the service can send money or pay", g.Value)
	case analysis.GroundCause:
		m = data.Msgf("cause “%s”", g.Value)
	case analysis.GroundCauseOther:
		m = data.Msgf("cause “%s” is neither an attack nor an accident in the rules", g.Value)
	case analysis.GroundNoCause:
		m = data.Msgf("no cause given")
	case analysis.GroundCount:
		m = data.Msgf("count %s", Records(g.Count, l))
	case analysis.GroundCountUnknown:
		m = data.Msgf("a count is unknown")
	case analysis.GroundCountNear:
		m = data.Msgf("count %s could be either side of 1,000", Records(g.Count, l))
	case analysis.GroundCountSum:
		m = data.Msgf("each scope has at most 1,000, %s together: the scopes may count the same people", Records(g.Count, l))
	default:
		return ""
	}
	return Sprint(l, m)
}

// Default says in a few words which factor the JNSA model took by default, and from what;
// the Method sheet and the README give the rules in full.
func Default(l Lang, d analysis.Default) string {
	var m data.Msg
	switch d.Kind {
	case analysis.DefaultEPFromType:
		m = data.Msgf("EP by record type")
	case analysis.DefaultIdentFromType:
		m = data.Msgf("identifiability by record type")
	case analysis.DefaultSocialIndustry:
		m = data.Msgf("social 2 by industry")
	case analysis.DefaultSocialOrdinary:
		m = data.Msgf("social 1")
	case analysis.DefaultResponseUnknown:
		m = data.Msgf("response 1")
	default:
		return ""
	}
	return Sprint(l, m)
}

// DutyTallyText says in a sentence how many incidents were reportable, late, not
// reportable, undecided and before the duty.
func DutyTallyText(t analysis.DutyTally, l Lang) string {
	n := func(k int) string { return Incidents(k, l) }
	return Sprint(l, data.Msgf("%s reportable (preliminary report late: %s, final report late: %s), %s not reportable, %s undecided, %s before the duty (2022-04-01).",
		n(t.Reportable), n(t.PreliminaryLate), n(t.FinalLate), n(t.NotReportable), n(t.Undecided), n(t.Before)))
}

// VendorTallyText says how many incidents came through a vendor, and how many vendors.
func VendorTallyText(t analysis.DutyTally, l Lang) string {
	return Sprint(l, data.Msgf("%s through a vendor (%d vendors).", Incidents(t.ViaVendor, l), t.Vendors))
}

var _ = register(map[string]string{
	"%s reportable (preliminary report late: %s, final report late: %s), %s not reportable, %s undecided, %s before the duty (2022-04-01).": "報告対象 %s（速報の期限超過 %s、確報の期限超過 %s）、報告対象外 %s、判定不能 %s、施行前 %s。",
	"%s through a vendor (%d vendors).":                            "委託先経由の事案 %s（委託先 %d社）。",
	"data item “%s”":                                               "漏えい項目「%s」",
	"none of the listed data items":                                "記載の漏えい項目に該当なし",
	"no data items given (data_items)":                             "漏えい項目の記載なし",
	"record type %v":                                               "情報種別「%v」",
	"“%s”: applies if the service can send money or pay":           "「%s」: 送金・決済機能のあるサービスなら該当",
	"cause “%s”":                                                   "原因「%s」",
	"cause “%s” is neither an attack nor an accident in the rules": "原因「%s」は攻撃・事故のどちらとも判定できない",
	"no cause given":                                               "原因の記載なし",
	"count %s":                                                     "件数 %s",
	"a count is unknown":                                           "件数不明の範囲あり",
	"count %s could be either side of 1,000":                       "件数 %s は1,000人の前後どちらもありうる",
	"each scope has at most 1,000, %s together: the scopes may count the same people": "各範囲は1,000以下、合計 %s（同じ本人を重複して数えている可能性）",
	"EP by record type":              "EP値は種別から",
	"identifiability by record type": "特定容易度は種別から",
	"social 2 by industry":           "責任度2は業種から",
	"social 1":                       "責任度1",
	"response 1":                     "対応1",
})
