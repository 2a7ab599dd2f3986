package i18n

import (
	"testing"
	"time"

	"breachreport/analysis"
	"breachreport/data"
)

func TestPeriodName(t *testing.T) {
	days, err := analysis.NewPeriod(data.NewDate(2024, time.May, 10), data.NewDate(2024, time.June, 30))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		p      analysis.Period
		ja, en string
	}{
		{analysis.Month{Year: 2024, Month: time.May}.Period(), "2024年5月", "May 2024"},
		{analysis.Quarter(2024, 1), "2024年第1四半期", "Q1 2024"},
		{analysis.FiscalQuarter(2024, 4), "2024年度第4四半期", "FY2024 Q4 (January–March 2025)"},
		{analysis.FiscalHalf(2024, 1), "2024年度上期", "FY2024 H1 (April–September 2024)"},
		{analysis.FiscalHalf(2024, 2), "2024年度下期", "FY2024 H2 (October 2024 – March 2025)"},
		{analysis.FiscalYear(2024), "2024年度（令和6年度）", "FY2024 (April 2024 – March 2025)"},
		{analysis.FiscalYear(2019), "2019年度（令和元年度）", "FY2019 (April 2019 – March 2020)"},
		{analysis.FiscalYear(2018), "2018年度（平成30年度）", "FY2018 (April 2018 – March 2019)"},
		{days, "2024年5月10日〜6月30日", "May 10 – June 30, 2024"},
	}
	for _, tt := range tests {
		if got := PeriodName(tt.p, Ja); got != tt.ja {
			t.Errorf("ja %v: %q, want %q", tt.p, got, tt.ja)
		}
		if got := PeriodName(tt.p, En); got != tt.en {
			t.Errorf("en %v: %q, want %q", tt.p, got, tt.en)
		}
	}
}

func TestDutyTexts(t *testing.T) {
	for _, s := range analysis.Situations() {
		if x := Situation(s); x.En == "" || x.Ja == "" {
			t.Errorf("situation %d lacks a language", s)
		}
	}
	grounds := []analysis.Ground{{Kind: analysis.GroundItem, Value: "病名"}, {Kind: analysis.GroundItemsListed}, {Kind: analysis.GroundNoItems},
		{Kind: analysis.GroundRecordType, Value: "card"}, {Kind: analysis.GroundCredentials, Value: "ID・パスワード"}, {Kind: analysis.GroundCause, Value: "不正アクセス"},
		{Kind: analysis.GroundCauseOther, Value: "調査中"}, {Kind: analysis.GroundNoCause}, {Kind: analysis.GroundCount, Count: data.KnownCount(41355)},
		{Kind: analysis.GroundCountUnknown}, {Kind: analysis.GroundCountNear, Count: data.Count{N: 1000, Known: true, Approx: true}}, {Kind: analysis.GroundCountSum, Count: data.KnownCount(1300)}}
	if got := Ground(Ja, grounds[8]); got != "件数 41,355件" {
		t.Errorf("count ground: %q", got)
	}
	for _, g := range grounds {
		en, ja := Ground(En, g), Ground(Ja, g)
		if en == "" || ja == "" || en == ja {
			t.Errorf("ground %d: %q / %q", g.Kind, en, ja)
		}
	}
	if got := Ground(Ja, analysis.Ground{Kind: analysis.GroundRecordType, Value: "card"}); got != "情報種別「カード情報」" {
		t.Errorf("record type ground: %q", got)
	}
	for k := analysis.DefaultEPFromType; k <= analysis.DefaultResponseUnknown; k++ {
		d := analysis.Default{Kind: k, Value: "personal"}
		if en, ja := Default(En, d), Default(Ja, d); en == "" || ja == "" || en == ja {
			t.Errorf("default %d: %q / %q", k, en, ja)
		}
	}
}
