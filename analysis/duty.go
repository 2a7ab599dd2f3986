package analysis

import (
	"strings"

	"golang.org/x/text/unicode/norm"

	"breachreport/data"
)

// Answer is yes, no or unknown: the input may not say.
type Answer int8

// The answers. Unknown is the zero value: nothing is assumed.
const (
	Unknown Answer = iota
	No
	Yes
)

// Situation is one of the four 事態 of the Act on the Protection of Personal Information's
// enforcement rules, article 7 (個人情報保護法施行規則第7条), any of which makes a breach
// reportable to the Personal Information Protection Commission (PPC) since 2022-04-01.
type Situation int

// The situations, in the article's order.
const (
	Sensitive    Situation = iota // ① 要配慮個人情報
	Financial                     // ② 財産的被害が生じるおそれ
	Malicious                     // ③ 不正の目的によるおそれ
	OverThousand                  // ④ 本人の数が1,000人を超える
	numSituations
)

// Situations returns the four situations in order.
func Situations() []Situation { return []Situation{Sensitive, Financial, Malicious, OverThousand} }

// GroundKind says what in the input decided an answer.
type GroundKind int

// The grounds.
const (
	GroundNone         GroundKind = iota
	GroundItem                    // a data item (Value) matched
	GroundItemsListed             // the items were listed and none matched
	GroundNoItems                 // no data items given
	GroundRecordType              // the record type (Value) decided
	GroundCredentials             // a login credential (Value): yes only if the service moves money
	GroundCause                   // the cause (Value) matched
	GroundCauseOther              // the cause (Value) is in neither list
	GroundNoCause                 // no cause given
	GroundCount                   // a scope's count (Value) decided
	GroundCountUnknown            // a scope's count is unknown
	GroundCountNear               // an approximate or bounded count (Value) near 1,000
	GroundCountSum                // each scope ≤ 1,000 but together more (Value): people may overlap
)

// Ground is why an answer is what it is.
type Ground struct {
	Kind  GroundKind
	Value string
	// Count is the count of GroundCount, GroundCountNear and GroundCountSum.
	Count data.Count
	Line  int // the input line of the scope it comes from, 0 for the incident
}

// Finding is the answer on one situation and its ground.
type Finding struct {
	Answer Answer
	Ground Ground
}

// EnforcementDay is the day the reporting duty came into force.
var EnforcementDay = data.NewDate(2022, 4, 1)

// The deadlines, in days from detection: the 速報 "promptly" (おおむね3〜5日以内, taken as
// 5), the 確報 30 days, or 60 when situation ③ applies.
const (
	PreliminaryDays   = 5
	FinalDays         = 30
	FinalDaysMalicous = 60
)

// Duty is the PPC reporting duty of one incident.
type Duty struct {
	Findings [numSituations]Finding
	// Reportable is Yes when any situation is, No when all are No, else Unknown.
	Reportable Answer
	// Before is Yes when the incident was detected (or, failing that, disclosed) before
	// EnforcementDay, No when detected on or after it, Unknown when neither date says.
	Before Answer
	// PreliminaryDue and FinalDue are the deadlines counted from detection, unknown when the
	// detection day is. FinalDueLate is the 60-day deadline when ③ is Unknown (FinalDue is
	// then the 30-day one), else unknown.
	PreliminaryDue, FinalDue, FinalDueLong data.Date
	// ToPreliminary and ToFinal are detected → reported, in days.
	ToPreliminary, ToFinal Days
	// PreliminaryLate and FinalLate say whether a report went after its deadline: Unknown
	// when it was not reported, a date is unknown, or (for the final report) ③ is unknown
	// and the report came between 30 and 60 days.
	PreliminaryLate, FinalLate Answer
}

// DutyOf works out the reporting duty of an incident from its data items, record types,
// cause and counts. Nothing is guessed: a situation the input does not decide is Unknown,
// with the ground saying what is missing.
func DutyOf(in data.Incident) Duty {
	var d Duty
	d.Findings[Sensitive] = itemsFinding(in, sensitiveItems, sensitiveTypes)
	d.Findings[Financial] = itemsFinding(in, financialItems, nil)
	d.Findings[Malicious] = causeFinding(in.Cause)
	d.Findings[OverThousand] = countFinding(in.Scopes)
	d.Reportable = No
	for _, f := range d.Findings {
		switch {
		case f.Answer == Yes:
			d.Reportable = Yes
		case f.Answer == Unknown && d.Reportable == No:
			d.Reportable = Unknown
		}
	}
	switch {
	case in.Detected.IsDay():
		d.Before = No
		if in.Detected.Before(EnforcementDay) {
			d.Before = Yes
		}
	case in.Disclosed.Known() && lastDay(in.Disclosed).Before(EnforcementDay):
		d.Before = Yes
	}
	if !in.Detected.IsDay() {
		return d
	}
	d.PreliminaryDue = in.Detected.AddDays(PreliminaryDays)
	long := d.Findings[Malicious].Answer
	switch long {
	case Yes:
		d.FinalDue = in.Detected.AddDays(FinalDaysMalicous)
	default:
		d.FinalDue = in.Detected.AddDays(FinalDays)
		if long == Unknown {
			d.FinalDueLong = in.Detected.AddDays(FinalDaysMalicous)
		}
	}
	d.ToPreliminary = daysAfter(in.Detected, in.ReportedPreliminary)
	d.ToFinal = daysAfter(in.Detected, in.ReportedFinal)
	if d.ToPreliminary.Known {
		d.PreliminaryLate = yesIf(d.ToPreliminary.N > PreliminaryDays)
	}
	if n := d.ToFinal.N; d.ToFinal.Known {
		switch {
		case n > FinalDaysMalicous:
			d.FinalLate = Yes
		case n <= FinalDays:
			d.FinalLate = No
		case long == Yes:
			d.FinalLate = No
		case long == No:
			d.FinalLate = Yes
		}
	}
	return d
}

// daysAfter is from → to in days, unknown unless both are known to the day and to is not
// before from (a report before detection contradicts the dates, and Analyze reports it).
func daysAfter(from, to data.Date) Days {
	if !from.IsDay() || !to.IsDay() || to.Before(from) {
		return Days{}
	}
	n, _ := from.DaysUntil(to)
	return Days{N: n, Known: true}
}

func yesIf(b bool) Answer {
	if b {
		return Yes
	}
	return No
}

// lastDay is the last day a date may stand for: itself when known to the day, else the end
// of its month or year.
func lastDay(d data.Date) data.Date {
	switch d.Precision() {
	case data.PrecisionDay:
		return d
	case data.PrecisionMonth:
		m, _ := MonthOf(d)
		return m.Last()
	}
	return data.NewDate(d.Time().Year(), 12, 31)
}

// The words that decide situations ① and ②, matched in the items (and record types) after
// NFKC and lower-casing. Only words that name the item itself: 健康保険証番号 is not
// 要配慮, so 健康 alone is not a word here.
var (
	sensitiveItems = []string{"要配慮", "病歴", "病名", "傷病", "既往", "診療", "診察", "カルテ", "健康診断", "健診", "検診", "服薬", "処方",
		"障害", "犯罪歴", "前科", "犯罪被害", "信条", "思想", "宗教", "人種", "社会的身分", "遺伝",
		"medical", "diagnosis", "health condition", "criminal record", "religion"}
	sensitiveTypes = []string{"要配慮", "health", "medical"}
	financialItems = []string{"クレジットカード", "カード番号", "セキュリティコード", "口座番号", "口座", "暗証番号", "ネットバンキング", "インターネットバンキング",
		"電子マネー", "決済", "credit card", "card number", "bank account", "cvv"}
	credentialItems = []string{"パスワード", "password", "pin"}
)

// itemsFinding answers ① or ② from the scopes: yes when an item (or, for scopes without
// items, the record type) names the situation; no when every scope lists items and none
// does; else unknown.
func itemsFinding(in data.Incident, words, types []string) Finding {
	financial := types == nil
	var unknown Finding
	for _, sc := range in.Scopes {
		if len(sc.DataItems) == 0 {
			rt := fold(string(sc.RecordType))
			if financial && sc.RecordType == data.Card {
				return Finding{Yes, Ground{Kind: GroundRecordType, Value: string(sc.RecordType), Line: sc.Line}}
			}
			if !financial && containsAny(rt, types) {
				return Finding{Yes, Ground{Kind: GroundRecordType, Value: string(sc.RecordType), Line: sc.Line}}
			}
			if unknown.Ground.Kind == GroundNone {
				unknown = Finding{Unknown, Ground{Kind: GroundNoItems, Line: sc.Line}}
			}
			continue
		}
		for _, it := range sc.DataItems {
			if containsAny(fold(it), words) {
				return Finding{Yes, Ground{Kind: GroundItem, Value: it, Line: sc.Line}}
			}
		}
		if financial && unknown.Ground.Kind == GroundNone {
			for _, it := range sc.DataItems {
				if containsAny(fold(it), credentialItems) {
					unknown = Finding{Unknown, Ground{Kind: GroundCredentials, Value: it, Line: sc.Line}}
					break
				}
			}
		}
	}
	if unknown.Ground.Kind != GroundNone {
		return unknown
	}
	return Finding{No, Ground{Kind: GroundItemsListed}}
}

// The causes that decide situation ③: malicious ones answer yes, accidental ones no.
var (
	maliciousCauses = []string{"不正アクセス", "不正ログイン", "ランサム", "マルウェア", "マルウエア", "ウイルス", "ウィルス", "スキミング", "不正プログラム",
		"改ざん", "改竄", "サイバー攻撃", "攻撃", "内部不正", "不正持ち出し", "持ち出し", "持出", "窃取", "盗難", "盗まれ", "脆弱性", "リスト型",
		"標的型", "フィッシング", "emotet", "ransomware", "malware", "skimming", "unauthorized access", "hacking", "phishing", "theft", "stolen"}
	accidentalCauses = []string{"誤送信", "誤送付", "誤配送", "誤配達", "誤表示", "誤交付", "誤廃棄", "誤掲載", "誤登録", "誤操作", "誤設定", "設定ミス", "設定不備",
		"紛失", "置き忘れ", "事務ミス", "人為的ミス", "misdelivery", "misdirected", "lost", "misconfiguration", "human error"}
)

// causeFinding answers ③ from the incident's cause; a cause in neither list is unknown, not
// guessed. A cause that names both (設定不備を突いた不正アクセス) is malicious.
func causeFinding(cause string) Finding {
	c := fold(cause)
	switch {
	case strings.TrimSpace(c) == "":
		return Finding{Unknown, Ground{Kind: GroundNoCause}}
	case containsAny(c, maliciousCauses):
		return Finding{Yes, Ground{Kind: GroundCause, Value: cause}}
	case containsAny(c, accidentalCauses):
		return Finding{No, Ground{Kind: GroundCause, Value: cause}}
	}
	return Finding{Unknown, Ground{Kind: GroundCauseOther, Value: cause}}
}

// overThousand says whether a count is surely more than 1,000 (Yes), surely at most 1,000
// (No), or could be either (Unknown). An approximate count is sure only when a factor of
// two either way keeps it on its side (約2,000件 is over, 約500件 is not, 約1,000件 could be
// either); a bound is sure when it lies on the right side (3万件以上 is over, 最大800件 is
// not).
func overThousand(c data.Count) Answer {
	const limit = 1000
	switch {
	case !c.Known, c.Bound == data.BothBounds:
		return Unknown
	case c.Bound == data.AtLeast:
		if c.N > limit {
			return Yes
		}
		return Unknown
	case c.Bound == data.AtMost:
		if c.N <= limit {
			return No
		}
		return Unknown
	case c.Approx:
		switch {
		case c.N >= 2*limit:
			return Yes
		case c.N <= limit/2:
			return No
		}
		return Unknown
	}
	return yesIf(c.N > limit)
}

// countFinding answers ④: yes when any scope surely has more than 1,000 records; no when
// every scope surely has at most 1,000 and so does their sum; else unknown (a sum over 1,000
// of scopes that may count the same people is not decided).
func countFinding(scopes []data.Scope) Finding {
	var (
		unknown Finding
		sum     int64
	)
	for _, sc := range scopes {
		switch overThousand(sc.Records) {
		case Yes:
			return Finding{Yes, Ground{Kind: GroundCount, Count: sc.Records, Line: sc.Line}}
		case Unknown:
			if unknown.Ground.Kind == GroundNone {
				k := GroundCountNear
				if !sc.Records.Known {
					k = GroundCountUnknown
				}
				unknown = Finding{Unknown, Ground{Kind: k, Count: sc.Records, Line: sc.Line}}
			}
		default:
			sum += sc.Records.N
		}
	}
	if unknown.Ground.Kind != GroundNone {
		return unknown
	}
	if sum > 1000 {
		return Finding{Unknown, Ground{Kind: GroundCountSum, Count: data.KnownCount(sum)}}
	}
	return Finding{No, Ground{Kind: GroundCount, Count: data.KnownCount(sum)}}
}

func fold(s string) string { return strings.ToLower(norm.NFKC.String(s)) }

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// DutyTally counts the reporting duty over a set of incidents.
type DutyTally struct {
	// Situations counts, for each situation in Situations order, the incidents it is Yes,
	// No and Unknown for, leaving out those before the duty.
	Situations [numSituations][3]int
	// Reportable, NotReportable and Undecided count the incidents detected on or after
	// EnforcementDay (or not known to be before it) by DutyOf's Reportable; Before those
	// before it. PreliminaryLate and FinalLate count the reportable ones whose report was late.
	Reportable, NotReportable, Undecided, Before int
	PreliminaryLate, FinalLate                   int
	// ViaVendor counts the incidents that name a vendor, and Vendors the vendors they name.
	ViaVendor, Vendors int
}

// TallyDuty counts the reporting duty of incidents, reading each once: a report on a whole
// large input passes its packed Incidents.All(), which holds one incident at a time.
func TallyDuty(incidents Figures) DutyTally {
	var t DutyTally
	var withVendor []data.Incident
	for _, f := range incidents {
		in := f.Incident
		if in.Vendor != "" {
			withVendor = append(withVendor, data.Incident{ID: in.ID, Vendor: in.Vendor})
		}
		d := DutyOf(in)
		if d.Before == Yes {
			t.Before++
			continue
		}
		for k, s := range Situations() {
			switch d.Findings[s].Answer {
			case Yes:
				t.Situations[k][0]++
			case No:
				t.Situations[k][1]++
			default:
				t.Situations[k][2]++
			}
		}
		switch d.Reportable {
		case Yes:
			t.Reportable++
			if d.PreliminaryLate == Yes {
				t.PreliminaryLate++
			}
			if d.FinalLate == Yes {
				t.FinalLate++
			}
		case No:
			t.NotReportable++
		default:
			t.Undecided++
		}
	}
	t.ViaVendor, t.Vendors = len(withVendor), len(VendorGroups(withVendor))
	return t
}
