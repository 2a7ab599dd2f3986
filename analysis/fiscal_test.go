package analysis

import (
	"errors"
	"testing"
	"time"
)

func TestParseNamedPeriods(t *testing.T) {
	tests := []struct {
		name     string
		parse    func(string) (Period, error)
		in       string
		from, to string
		str      string
	}{
		{"fiscal year", ParseFiscalYear, "2024", "2024-04-01", "2025-03-31", "FY2024"},
		{"fiscal year FY", ParseFiscalYear, "FY2024", "2024-04-01", "2025-03-31", "FY2024"},
		{"fiscal year 年度", ParseFiscalYear, "2024年度", "2024-04-01", "2025-03-31", "FY2024"},
		{"fiscal year 令和", ParseFiscalYear, "令和6年度", "2024-04-01", "2025-03-31", "FY2024"},
		{"fiscal year 令和元", ParseFiscalYear, "令和元年度", "2019-04-01", "2020-03-31", "FY2019"},
		{"fiscal year 平成", ParseFiscalYear, "平成30年度", "2018-04-01", "2019-03-31", "FY2018"},
		{"fiscal half H1", ParseFiscalHalf, "2024-H1", "2024-04-01", "2024-09-30", "FY2024-H1"},
		{"fiscal half H2 crosses the year", ParseFiscalHalf, "2024H2", "2024-10-01", "2025-03-31", "FY2024-H2"},
		{"fiscal half 上期", ParseFiscalHalf, "2024年度上期", "2024-04-01", "2024-09-30", "FY2024-H1"},
		{"fiscal half 下半期", ParseFiscalHalf, "令和6年度下半期", "2024-10-01", "2025-03-31", "FY2024-H2"},
		{"quarter", func(s string) (Period, error) { return ParseQuarter(s, false) }, "2024-Q1", "2024-01-01", "2024-03-31", "2024-Q1"},
		{"quarter Q4", func(s string) (Period, error) { return ParseQuarter(s, false) }, "2024Q4", "2024-10-01", "2024-12-31", "2024-Q4"},
		{"quarter 第2四半期", func(s string) (Period, error) { return ParseQuarter(s, false) }, "2024年第2四半期", "2024-04-01", "2024-06-30", "2024-Q2"},
		{"fiscal quarter Q1 is April–June", func(s string) (Period, error) { return ParseQuarter(s, true) }, "2024-Q1", "2024-04-01", "2024-06-30", "FY2024-Q1"},
		{"fiscal quarter Q4 is the next January–March", func(s string) (Period, error) { return ParseQuarter(s, true) }, "FY2024Q4", "2025-01-01", "2025-03-31", "FY2024-Q4"},
		{"fiscal quarter 第３四半期", func(s string) (Period, error) { return ParseQuarter(s, true) }, "2024年度第３四半期", "2024-10-01", "2024-12-31", "FY2024-Q3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := tt.parse(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if p.From.String() != tt.from || p.To.String() != tt.to || p.String() != tt.str {
				t.Errorf("%q = %s … %s (%s), want %s … %s (%s)", tt.in, p.From, p.To, p, tt.from, tt.to, tt.str)
			}
		})
	}
}

func TestParseNamedPeriodErrors(t *testing.T) {
	tests := []struct {
		name  string
		parse func(string) (Period, error)
		in    string
	}{
		{"fiscal year with a month", ParseFiscalYear, "2024-04"},
		{"fiscal year empty", ParseFiscalYear, "年度"},
		{"half 3", ParseFiscalHalf, "2024-H3"},
		{"half without year", ParseFiscalHalf, "上期"},
		{"quarter 5", func(s string) (Period, error) { return ParseQuarter(s, false) }, "2024-Q5"},
		{"quarter of a fiscal year given as calendar", func(s string) (Period, error) { return ParseQuarter(s, false) }, "2024年度第1四半期"},
		{"era without its year", ParseFiscalYear, "令和年度"},
	}
	for _, tt := range tests {
		if _, err := tt.parse(tt.in); !errors.Is(err, ErrPeriod) {
			t.Errorf("%s: %q gave %v, want an error wrapping ErrPeriod", tt.name, tt.in, err)
		}
	}
}

// The fiscal year's edges: 31 March is the last day of the year before, 1 April the first
// of the new one; the previous period and the year-earlier one are fiscal years too.
func TestFiscalYearBoundaries(t *testing.T) {
	fy := FiscalYear(2024)
	tests := []struct {
		name string
		p    Period
		d    time.Time
		want Placement
	}{
		{"31 March before the year", fy, time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC), Outside},
		{"1 April starts the year", fy, time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC), Inside},
		{"31 March ends the year", fy, time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC), Inside},
		{"1 April starts the next", fy, time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC), Outside},
		{"H2 holds 31 March", FiscalHalf(2024, 2), time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC), Inside},
		{"Q1 holds 1 April", FiscalQuarter(2024, 1), time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC), Inside},
		{"Q4 of the fiscal year is not Q4 of the calendar", FiscalQuarter(2024, 4), time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC), Outside},
	}
	for _, tt := range tests {
		if got := tt.p.Place(day(tt.d.Year(), tt.d.Month(), tt.d.Day())); got != tt.want {
			t.Errorf("%s: %v.Place(%s) = %d, want %d", tt.name, tt.p, tt.d.Format("2006-01-02"), got, tt.want)
		}
	}
	if prev := fy.Previous(); prev != FiscalYear(2023) {
		t.Errorf("previous of FY2024 = %+v, want FY2023", prev)
	}
	if ye := FiscalHalf(2024, 2).YearEarlier(); ye != FiscalHalf(2023, 2) {
		t.Errorf("FY2024-H2 a year earlier = %+v, want FY2023-H2", ye)
	}
	if prev := FiscalQuarter(2024, 1).Previous(); prev != FiscalQuarter(2023, 4) {
		t.Errorf("previous of FY2024-Q1 = %v, want FY2023-Q4", prev)
	}
	if prev := Quarter(2024, 1).Previous(); prev != Quarter(2023, 4) {
		t.Errorf("previous of 2024-Q1 = %v, want 2023-Q4", prev)
	}
}
