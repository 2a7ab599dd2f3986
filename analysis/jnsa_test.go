package analysis

import (
	"slices"
	"testing"

	"breachreport/data"
)

// The acceptance figures of issue 18 for the seed case Sanpo Create: card scope 500 × 26 ×
// 3 × 1 × 1 = 39,000 yen a card, × 2,606 = 101,634,000; personal scope 500 × 2 × 6 = 6,000
// yen a person, × 41,355 = 248,130,000; 349,764,000 in all. Both scopes are suspected, so
// the confirmed-only end of the range is 0.
func TestEstimateSanpo(t *testing.T) {
	in := dutyIncidents(t)["S"]
	e := EstimateOf(in, DefaultEPMap())
	want := []struct {
		ep                  EP
		ident, social, resp int
		perPerson, yen      int64
	}{
		{EP{1, 1}, 6, 1, 1, 6000, 248130000},
		{EP{1, 3}, 3, 1, 1, 39000, 101634000},
	}
	for i, w := range want {
		s := e.Scopes[i]
		if s.EP != w.ep || s.Identifiability != w.ident || s.Social != w.social || s.Response != w.resp || s.PerPerson != w.perPerson || s.Yen != data.KnownCount(w.yen) {
			t.Errorf("scope %d: %+v, want %+v", i, s, w)
		}
		if w.ep.Sensitivity() != []int{2, 26}[i] {
			t.Errorf("scope %d sensitivity %d", i, w.ep.Sensitivity())
		}
		// 小売 is an ordinary industry and the response is not rated: both defaults are listed.
		kinds := []DefaultKind{}
		for _, d := range s.Defaults {
			kinds = append(kinds, d.Kind)
		}
		if !slices.Equal(kinds, []DefaultKind{DefaultSocialOrdinary, DefaultResponseUnknown}) {
			t.Errorf("scope %d defaults %v", i, kinds)
		}
	}
	if e.All != data.KnownCount(349764000) || e.Confirmed != data.KnownCount(0) {
		t.Errorf("incident: confirmed %v all %v, want 0 and 349764000", e.Confirmed, e.All)
	}
}

func TestEstimateScopes(t *testing.T) {
	m := DefaultEPMap()
	tests := []struct {
		name     string
		industry string
		sc       data.Scope
		perPer   int64
		yen      data.Count
		unplaced []string
		defaults []DefaultKind
	}{
		{"card by record type", "小売", data.Scope{RecordType: data.Card, Records: data.KnownCount(10)},
			500 * 26 * 3, data.KnownCount(10 * 500 * 26 * 3), nil,
			[]DefaultKind{DefaultEPFromType, DefaultIdentFromType, DefaultSocialOrdinary, DefaultResponseUnknown}},
		{"account by record type", "", data.Scope{RecordType: data.Account, Records: data.KnownCount(3)},
			500 * 6 * 1, data.KnownCount(3 * 3000), nil,
			[]DefaultKind{DefaultEPFromType, DefaultIdentFromType, DefaultSocialOrdinary, DefaultResponseUnknown}},
		{"hospital: social responsibility 2", "医療", data.Scope{DataItems: []string{"氏名", "病歴"}, Records: data.KnownCount(1)},
			500 * (10 + 1) * 3 * 2, data.KnownCount(500 * 11 * 3 * 2), nil,
			[]DefaultKind{DefaultSocialIndustry, DefaultResponseUnknown}},
		{"an unplaced item leaves it blank", "小売", data.Scope{DataItems: []string{"氏名", "趣味"}, Records: data.KnownCount(5)},
			0, data.Count{}, []string{"趣味"}, []DefaultKind{DefaultSocialOrdinary, DefaultResponseUnknown}},
		{"free-text record type without items is blank", "小売", data.Scope{RecordType: "顧客情報", Records: data.KnownCount(5)},
			0, data.Count{}, nil, []DefaultKind{DefaultSocialOrdinary, DefaultResponseUnknown}},
		{"unknown count is blank", "小売", data.Scope{DataItems: []string{"氏名"}},
			500 * 2 * 3, data.Count{}, nil, []DefaultKind{DefaultSocialOrdinary, DefaultResponseUnknown}},
		{"approximate count stays approximate", "小売", data.Scope{DataItems: []string{"メールアドレス"}, Records: data.Count{N: 10000, Known: true, Approx: true}},
			500 * 2 * 1, data.Count{N: 10000 * 1000, Known: true, Approx: true}, nil, []DefaultKind{DefaultSocialOrdinary, DefaultResponseUnknown}},
		{"overrides win", "小売", data.Scope{DataItems: []string{"趣味"}, Records: data.KnownCount(2),
			JNSA: data.JNSAFactors{EPX: 2, EPY: 2, Identifiability: 6, Social: 2, Response: 2}},
			500 * 15 * 6 * 2 * 2, data.KnownCount(2 * 500 * 15 * 6 * 2 * 2), nil, nil},
		{"address and phone: identifiable 3", "小売", data.Scope{DataItems: []string{"住所", "電話番号"}, Records: data.KnownCount(1)},
			500 * 2 * 3, data.KnownCount(3000), nil, []DefaultKind{DefaultSocialOrdinary, DefaultResponseUnknown}},
		{"items joined by ・ and a longer name", "小売", data.Scope{DataItems: []string{"氏名・住所", "クレジットカード番号（下4桁）"}, Records: data.KnownCount(1)},
			500 * 26 * 6, data.KnownCount(500 * 26 * 6), nil, []DefaultKind{DefaultSocialOrdinary, DefaultResponseUnknown}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := data.Incident{Industry: tt.industry, Scopes: []data.Scope{tt.sc}}
			s := EstimateOf(in, m).Scopes[0]
			if s.PerPerson != tt.perPer || s.Yen != tt.yen || !slices.Equal(s.Unplaced, tt.unplaced) {
				t.Errorf("per person %d, yen %+v, unplaced %v; want %d, %+v, %v", s.PerPerson, s.Yen, s.Unplaced, tt.perPer, tt.yen, tt.unplaced)
			}
			var kinds []DefaultKind
			for _, d := range s.Defaults {
				kinds = append(kinds, d.Kind)
			}
			if !slices.Equal(kinds, tt.defaults) {
				t.Errorf("defaults %v, want %v", kinds, tt.defaults)
			}
		})
	}
}
