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
