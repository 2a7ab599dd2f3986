package analysis

import (
	"errors"
	"strings"
	"testing"
	"time"

	"breachreport/data"
)

func day(y int, m time.Month, d int) data.Date { return data.NewDate(y, m, d) }

func monthDate(y int, m time.Month) data.Date {
	return data.DateOf(time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), data.PrecisionMonth)
}

func yearDate(y int) data.Date {
	return data.DateOf(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), data.PrecisionYear)
}

func period(t *testing.T, from, to string) Period {
	t.Helper()
	p, err := ParsePeriod(from, to)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestParseMonth(t *testing.T) {
	tests := []struct {
		in   string
		want Month
		err  bool
	}{
		{"2019-06", Month{2019, time.June}, false},
		{"2019/6", Month{2019, time.June}, false},
		{"2019年6月", Month{2019, time.June}, false},
		{"令和元年6月", Month{2019, time.June}, false},
		{"２０２０－０２", Month{2020, time.February}, false},
		{"2019-06-04", Month{}, true},
		{"2019", Month{}, true},
		{"2019-13", Month{}, true},
		{"June 2019", Month{}, true},
		{"", Month{}, true},
	}
	for _, tt := range tests {
		got, err := ParseMonth(tt.in)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("ParseMonth(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestMonthArithmetic(t *testing.T) {
	m := Month{2019, time.June}
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"string", m.String(), "2019-06"},
		{"add 7 crosses the year", m.Add(7).String(), "2020-01"},
		{"add -6 crosses back", m.Add(-6).String(), "2018-12"},
		{"add -11: first month of the trailing year", m.Add(-11).String(), "2018-07"},
		{"add -12: a year earlier", m.Add(-12).String(), "2018-06"},
		{"first day", m.First().String(), "2019-06-01"},
		{"last day of June", m.Last().String(), "2019-06-30"},
		{"last day of February, leap year", Month{2020, time.February}.Last().String(), "2020-02-29"},
		{"last day of February, common year", Month{2019, time.February}.Last().String(), "2019-02-28"},
		{"last day of February 2000 (leap: divisible by 400)", Month{2000, time.February}.Last().String(), "2000-02-29"},
		{"last day of December", Month{2019, time.December}.Last().String(), "2019-12-31"},
		{"period", m.Period().String(), "2019-06"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, tt.got, tt.want)
		}
	}
	if d := (Month{2019, time.June}).Sub(Month{2018, time.July}); d != 11 {
		t.Errorf("2019-06 − 2018-07 = %d months, want 11", d)
	}
	if !(Month{2018, time.December}).Before(Month{2019, time.January}) || (Month{2019, time.January}).Before(Month{2019, time.January}) {
		t.Error("Before is wrong")
	}
}

func TestPeriodPlace(t *testing.T) {
	june := Month{2019, time.June}.Period()
	feb2020 := Month{2020, time.February}.Period()
	quarter := period(t, "2019-04-01", "2019-06-30")
	straddle := period(t, "2019-06-15", "2019-07-15")
	year := period(t, "2019-01-01", "2019-12-31")
	tests := []struct {
		name string
		p    Period
		d    data.Date
		want Placement
	}{
		{"first day of the month", june, day(2019, 6, 1), Inside},
		{"last day of the month", june, day(2019, 6, 30), Inside},
		{"day before the month", june, day(2019, 5, 31), Outside},
		{"day after the month", june, day(2019, 7, 1), Outside},
		{"leap day", feb2020, day(2020, 2, 29), Inside},
		{"day after the leap day", feb2020, day(2020, 3, 1), Outside},
		{"last day of January before a leap February", feb2020, day(2020, 1, 31), Outside},
		{"month-precision date in its month", june, monthDate(2019, 6), Inside},
		{"month-precision date, the month before", june, monthDate(2019, 5), Outside},
		{"year-precision date belongs to no month", june, yearDate(2019), Unplaced},
		{"year-precision date of another year", june, yearDate(2018), Outside},
		{"unknown date", june, data.Date{}, Undated},
		{"month inside a quarter", quarter, monthDate(2019, 5), Inside},
		{"month straddling the period start", straddle, monthDate(2019, 6), Unplaced},
		{"month straddling the period end", straddle, monthDate(2019, 7), Unplaced},
		{"day inside a straddling period", straddle, day(2019, 6, 15), Inside},
		{"day just before a straddling period", straddle, day(2019, 6, 14), Outside},
		{"year inside a whole-year period", year, yearDate(2019), Inside},
		{"period end is inclusive", year, day(2019, 12, 31), Inside},
	}
	for _, tt := range tests {
		if got := tt.p.Place(tt.d); got != tt.want {
			t.Errorf("%s: %v.Place(%v) = %d, want %d", tt.name, tt.p, tt.d, got, tt.want)
		}
	}
}

func TestPeriodArithmetic(t *testing.T) {
	tests := []struct {
		name                string
		p                   Period
		prev, yearAgo       string
		days                int
		wholeMonths, isOneM bool
	}{
		{"a month", Month{2019, time.June}.Period(), "2019-05", "2018-06", 30, true, true},
		{"January: previous is December", Month{2019, time.January}.Period(), "2018-12", "2018-01", 31, true, true},
		{"leap February: a year earlier has 28 days", Month{2020, time.February}.Period(), "2020-01", "2019-02", 29, true, true},
		{"March after a leap February", Month{2020, time.March}.Period(), "2020-02", "2019-03", 31, true, true},
		{"a quarter", period(t, "2019-04-01", "2019-06-30"), "2019-01-01 … 2019-03-31", "2018-04-01 … 2018-06-30", 91, true, false},
		{"a year", period(t, "2019-01-01", "2019-12-31"), "2018-01-01 … 2018-12-31", "2018-01-01 … 2018-12-31", 365, true, false},
		{"days ending on a leap day", period(t, "2020-02-10", "2020-02-29"), "2020-01-21 … 2020-02-09", "2019-02-10 … 2019-02-28", 20, false, false},
		{"one day", period(t, "2019-06-04", "2019-06-04"), "2019-06-03 … 2019-06-03", "2018-06-04 … 2018-06-04", 1, false, false},
	}
	for _, tt := range tests {
		if got := tt.p.Previous().String(); got != tt.prev {
			t.Errorf("%s: previous of %v = %s, want %s", tt.name, tt.p, got, tt.prev)
		}
		if got := tt.p.YearEarlier().String(); got != tt.yearAgo {
			t.Errorf("%s: year earlier of %v = %s, want %s", tt.name, tt.p, got, tt.yearAgo)
		}
		if got := tt.p.Days(); got != tt.days {
			t.Errorf("%s: %v has %d days, want %d", tt.name, tt.p, got, tt.days)
		}
		if got := tt.p.WholeMonths(); got != tt.wholeMonths {
			t.Errorf("%s: WholeMonths = %v", tt.name, got)
		}
		if _, got := tt.p.Month(); got != tt.isOneM {
			t.Errorf("%s: Month ok = %v", tt.name, got)
		}
	}
	ms := period(t, "2019-11-15", "2020-02-01").Months()
	if len(ms) != 4 || ms[0].String() != "2019-11" || ms[3].String() != "2020-02" {
		t.Errorf("months of 2019-11-15 … 2020-02-01 = %v", ms)
	}
}

func TestParsePeriodErrors(t *testing.T) {
	tests := []struct{ from, to, want string }{
		{"2019-06-30", "2019-06-01", "2019-06-30 is after 2019-06-01"},
		{"2019-06", "2019-06-30", "full dates"},
		{"2019-04-01", "2019", "full dates"},
		{"2019-02-30", "2019-03-01", `first day "2019-02-30"`},
		{"2019-02-01", "tomorrow", `last day "tomorrow"`},
	}
	for _, tt := range tests {
		_, err := ParsePeriod(tt.from, tt.to)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParsePeriod(%q, %q) = %v, want an error containing %q", tt.from, tt.to, err, tt.want)
		}
	}
	if _, err := NewPeriod(day(2019, 7, 1), day(2019, 6, 1)); !errors.Is(err, ErrPeriod) {
		t.Errorf("NewPeriod: %v does not wrap ErrPeriod", err)
	}
}

// disclosedOn returns incident figures with only an id and a disclosure date.
func disclosedOn(id string, d data.Date) IncidentFigures {
	return IncidentFigures{Incident: data.Incident{ID: id, Disclosed: d}}
}

func ids(figs []IncidentFigures) string {
	var s []string
	for _, f := range figs {
		s = append(s, f.Incident.ID)
	}
	return strings.Join(s, " ")
}

func TestTimelineSelect(t *testing.T) {
	figs := []IncidentFigures{
		disclosedOn("late-june", day(2019, 6, 30)),
		disclosedOn("early-june", day(2019, 6, 1)),
		disclosedOn("may", day(2019, 5, 31)),
		disclosedOn("june-month", monthDate(2019, 6)),
		disclosedOn("year-2019", yearDate(2019)),
		disclosedOn("undated", data.Date{}),
		disclosedOn("july", day(2019, 7, 1)),
		disclosedOn("june-again", day(2019, 6, 1)),
		disclosedOn("leap", day(2020, 2, 29)),
	}
	tl := NewIncidents(figs).Timeline()
	s := tl.Select(Month{2019, time.June}.Period())
	// By disclosure date (a month-precision date at the month's first day), then input order.
	if got, want := ids(s.Incidents), "early-june june-month june-again late-june"; got != want {
		t.Errorf("June: %s, want %s", got, want)
	}
	if got := ids(s.Unplaced); got != "year-2019" {
		t.Errorf("June unplaced: %s, want year-2019", got)
	}
	if got := ids(tl.Select(period(t, "2019-01-01", "2019-12-31")).Incidents); got != "year-2019 may early-june june-month june-again late-june july" {
		t.Errorf("2019: %s", got)
	}
	if got := ids(tl.Select(Month{2020, time.February}.Period()).Incidents); got != "leap" {
		t.Errorf("February 2020: %s", got)
	}
	if tl.Undated() != 1 {
		t.Errorf("undated = %d, want 1", tl.Undated())
	}
	months := tl.Months()
	if len(months) != 10 || months[0].String() != "2019-05" || months[9].String() != "2020-02" {
		t.Errorf("months = %v, want the 10 months 2019-05 … 2020-02, empty ones included", months)
	}
	if !tl.Covers(Month{2019, time.May}.Period()) || tl.Covers(Month{2019, time.April}.Period()) || tl.Covers(period(t, "2020-02-01", "2020-03-01")) {
		t.Error("Covers is wrong")
	}
	if got := NewIncidents(nil).Timeline().Months(); got != nil {
		t.Errorf("months of no incidents = %v", got)
	}
}
