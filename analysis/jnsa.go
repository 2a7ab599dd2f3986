package analysis

import (
	"sort"
	"strings"

	"breachreport/data"
)

// The JNSA damage model (想定損害賠償額) of JNSA's 情報セキュリティインシデントに関する調査報告書:
//
//	per person = 基礎情報価値 500 × 機微情報度 (10^(x−1) + 5^(y−1)) × 本人特定容易度 × 社会的責任度 × 事後対応評価
//
// where (x, y) are the 精神的苦痛 and 経済的損失 levels (1–3) of the scope's most sensitive
// data item on JNSA's EP map.

// BaseValue is the model's 基礎情報価値 in yen.
const BaseValue = 500

// EP is a point of the EP map: the 精神的苦痛 (X) and 経済的損失 (Y) levels, each 1–3.
type EP struct{ X, Y int }

// Sensitivity is the model's 機微情報度 of the point: 10^(x−1) + 5^(y−1).
func (p EP) Sensitivity() int { return pow(10, p.X-1) + pow(5, p.Y-1) }

func pow(b, e int) int {
	n := 1
	for range e {
		n *= b
	}
	return n
}

// EPMap places data items on the EP map. Items are matched after NFKC and lower-casing:
// an item the map names, else the longest name the item contains (クレジットカード番号（下4桁）
// is a クレジットカード番号), else each part of an item joined by ・ (氏名・住所).
type EPMap struct {
	points map[string]EP
	names  []string // longest first, for the containment rule
}

// NewEPMap returns the map of the given items.
func NewEPMap(points map[string]EP) EPMap {
	m := EPMap{points: make(map[string]EP, len(points))}
	for k, v := range points {
		m.points[fold(k)] = v
	}
	for k := range m.points {
		m.names = append(m.names, k)
	}
	sort.Slice(m.names, func(i, j int) bool {
		if len(m.names[i]) != len(m.names[j]) {
			return len(m.names[i]) > len(m.names[j])
		}
		return m.names[i] < m.names[j]
	})
	return m
}

// Points returns the map's items and their points, as folded.
func (m EPMap) Points() map[string]EP { return m.points }

// Place returns the point of one item, and false when the map does not place it.
func (m EPMap) Place(item string) (EP, bool) {
	k := fold(strings.TrimSpace(item))
	if p, ok := m.points[k]; ok {
		return p, true
	}
	for _, name := range m.names {
		if strings.Contains(k, name) {
			return m.points[name], true
		}
	}
	if parts := strings.Split(k, "・"); len(parts) > 1 {
		var worst EP
		for _, part := range parts {
			p, ok := m.Place(part)
			if !ok {
				return EP{}, false
			}
			worst = EP{max(worst.X, p.X), max(worst.Y, p.Y)}
		}
		return worst, true
	}
	return EP{}, false
}

// DefaultEPMap is the EP map breachreport ships (examples/jnsa-ep-map.toml holds the same
// table for editing and --ep-map): the examples of JNSA's report and the items Japanese
// announcements list most.
func DefaultEPMap() EPMap { return NewEPMap(defaultEP) }

var defaultEP = map[string]EP{
	"氏名": {1, 1}, "名前": {1, 1}, "住所": {1, 1}, "電話番号": {1, 1}, "メールアドレス": {1, 1}, "生年月日": {1, 1},
	"性別": {1, 1}, "年齢": {1, 1}, "郵便番号": {1, 1}, "勤務先": {1, 1}, "会社名": {1, 1}, "職業": {1, 1}, "ログインid": {1, 1},
	"会員番号": {1, 1}, "顧客番号": {1, 1}, "カード名義": {1, 1},
	"パスポート番号": {1, 2}, "購入履歴": {1, 2}, "id・パスワード": {1, 2}, "パスワード": {1, 2},
	"クレジットカード番号": {1, 3}, "カード番号": {1, 3}, "有効期限": {1, 3}, "セキュリティコード": {1, 3}, "口座番号": {1, 3}, "暗証番号": {1, 3},
	"健康診断": {2, 1}, "病歴": {2, 1}, "病名": {2, 1},
	"年収": {2, 2}, "資産": {2, 2},
	"思想": {3, 1}, "信条": {3, 1}, "宗教": {3, 1}, "カルテ": {3, 1},
	"犯罪歴": {3, 3},
}

// RecordTypeEP is the point and 本人特定容易度 the model takes for a scope that lists no data
// items, by its record type; other record types have none, and their estimate is unknown.
var RecordTypeEP = map[data.RecordType]struct {
	EP              EP
	Identifiability int
}{
	data.Personal: {EP{1, 1}, 6},
	data.Card:     {EP{1, 3}, 3},
	data.Account:  {EP{1, 2}, 1},
}

// DefaultKind names a factor the model took by default rather than from the input.
type DefaultKind int

// The defaults.
const (
	DefaultEPFromType      DefaultKind = iota // the EP point of the record type (no items)
	DefaultIdentFromType                      // 本人特定容易度 of the record type (no items)
	DefaultSocialIndustry                     // 社会的責任度 2 for the industry (Value)
	DefaultSocialOrdinary                     // 社会的責任度 1: the industry is not among the high ones, or unknown
	DefaultResponseUnknown                    // 事後対応評価 1: the response is not rated
)

// Default is one factor taken by default.
type Default struct {
	Kind  DefaultKind
	Value string
}

// ScopeEstimate is the model applied to one scope.
type ScopeEstimate struct {
	Scope *data.Scope
	// EP is the point used; Identifiability, Social and Response the other factors.
	EP                                EP
	Identifiability, Social, Response int
	// PerPerson is the yen per record; Yen the scope's estimate, PerPerson × records, known
	// only when both are (and approximate or bounded as its count is).
	PerPerson int64
	Yen       data.Count
	// Unplaced lists the data items the EP map does not place; NoType is set when the scope
	// has no items and a record type without a default. Either leaves the estimate unknown
	// unless jnsa_ep (and, with no items, jnsa_identifiability) sets what is missing.
	Unplaced []string
	NoType   bool
	Defaults []Default
}

// Estimate is the model applied to an incident: Confirmed sums its confirmed scopes, All
// every scope; each is known only when every scope it sums is.
type Estimate struct {
	Scopes         []ScopeEstimate
	Confirmed, All data.Count
}

// The words of the industries whose organisations the model gives 社会的責任度 2: public
// bodies, finance and healthcare. Large listed firms are too, but the input does not say
// which those are: jnsa_social sets it.
var responsibleIndustries = []string{"公務", "官公庁", "自治体", "地方公共団体", "行政機関", "独立行政法人", "金融", "銀行", "信用金庫", "信用組合", "保険", "証券",
	"医療", "病院", "診療所", "クリニック", "public", "government", "finance", "bank", "insurance", "healthcare", "hospital", "medical"}

// EstimateOf applies the JNSA model with map m to every scope of in.
func EstimateOf(in data.Incident, m EPMap) Estimate {
	e := Estimate{Scopes: make([]ScopeEstimate, len(in.Scopes))}
	confirmedOK, allOK := true, true
	var confirmed, all data.Count
	for i := range in.Scopes {
		se := scopeEstimate(&in.Scopes[i], in.Industry, m)
		e.Scopes[i] = se
		ok := se.Yen.Known
		allOK = allOK && ok
		if ok {
			all = addCount(all, se.Yen)
		}
		if in.Scopes[i].Certainty == data.Confirmed {
			confirmedOK = confirmedOK && ok
			if ok {
				confirmed = addCount(confirmed, se.Yen)
			}
		}
	}
	if allOK {
		e.All = all
		if !e.All.Known {
			e.All = data.KnownCount(0)
		}
	}
	if confirmedOK {
		e.Confirmed = confirmed
		if !e.Confirmed.Known {
			e.Confirmed = data.KnownCount(0) // no confirmed scope: nothing confirmed
		}
	}
	return e
}

func scopeEstimate(sc *data.Scope, industry string, m EPMap) ScopeEstimate {
	se := ScopeEstimate{Scope: sc}
	f := sc.JNSA
	var (
		ep                       EP
		hasName, hasAddr, hasTel bool
	)
	if len(sc.DataItems) > 0 {
		for _, it := range sc.DataItems {
			p, ok := m.Place(it)
			if !ok {
				se.Unplaced = append(se.Unplaced, it)
				continue
			}
			ep = EP{max(ep.X, p.X), max(ep.Y, p.Y)}
			k := fold(it)
			hasName = hasName || containsAny(k, nameWords)
			hasAddr = hasAddr || strings.Contains(k, "住所") || strings.Contains(k, "address") && !strings.Contains(k, "mail")
			hasTel = hasTel || strings.Contains(k, "電話") || strings.Contains(k, "phone")
		}
		switch {
		case hasName && hasAddr:
			se.Identifiability = 6
		case hasName, hasAddr && hasTel:
			se.Identifiability = 3
		default:
			se.Identifiability = 1
		}
	} else if d, ok := RecordTypeEP[sc.RecordType]; ok {
		ep, se.Identifiability = d.EP, d.Identifiability
		se.Defaults = append(se.Defaults, Default{DefaultEPFromType, string(sc.RecordType)}, Default{DefaultIdentFromType, string(sc.RecordType)})
	} else {
		se.NoType = true
	}
	if f.EPX > 0 {
		ep = EP{f.EPX, f.EPY}
		se.Unplaced = nil
		se.Defaults = dropDefault(se.Defaults, DefaultEPFromType)
	}
	if f.Identifiability > 0 {
		se.Identifiability = f.Identifiability
		se.Defaults = dropDefault(se.Defaults, DefaultIdentFromType)
	}
	se.EP = ep
	switch {
	case f.Social > 0:
		se.Social = f.Social
	case containsAny(fold(industry), responsibleIndustries):
		se.Social = 2
		se.Defaults = append(se.Defaults, Default{DefaultSocialIndustry, industry})
	default:
		se.Social = 1
		se.Defaults = append(se.Defaults, Default{DefaultSocialOrdinary, industry})
	}
	se.Response = 1
	if f.Response > 0 {
		se.Response = f.Response
	} else {
		se.Defaults = append(se.Defaults, Default{Kind: DefaultResponseUnknown})
	}
	if len(se.Unplaced) > 0 || ep.X == 0 || se.Identifiability == 0 {
		return se
	}
	se.PerPerson = int64(BaseValue * ep.Sensitivity() * se.Identifiability * se.Social * se.Response)
	if sc.Records.Known {
		se.Yen = sc.Records
		se.Yen.N = sc.Records.N * se.PerPerson
		se.Yen.Written = ""
	}
	return se
}

var nameWords = []string{"氏名", "名前", "姓名", "名義", "フルネーム", "name"}

func dropDefault(ds []Default, k DefaultKind) []Default {
	out := ds[:0]
	for _, d := range ds {
		if d.Kind != k {
			out = append(out, d)
		}
	}
	return out
}
