package data

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"
	"unsafe"
)

func TestDateSize(t *testing.T) {
	if got := unsafe.Sizeof(Date{}); got != 8 {
		t.Errorf("unsafe.Sizeof(Date{}) = %d, want 8", got)
	}
}

func TestDateOfRoundTrip(t *testing.T) {
	utc := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name string
		in   time.Time
		// want is the first day of the date's period for day, month and year precision.
		wantDay, wantMonth, wantYear time.Time
		// wantString is String for day, month and year precision.
		wantString [3]string
	}{
		{"last day of 1899", utc(1899, 12, 31), utc(1899, 12, 31), utc(1899, 12, 1), utc(1899, 1, 1), [3]string{"1899-12-31", "1899-12", "1899"}},
		{"1900-01-01", utc(1900, 1, 1), utc(1900, 1, 1), utc(1900, 1, 1), utc(1900, 1, 1), [3]string{"1900-01-01", "1900-01", "1900"}},
		{"1900 has no leap day", utc(1900, 3, 1), utc(1900, 3, 1), utc(1900, 3, 1), utc(1900, 1, 1), [3]string{"1900-03-01", "1900-03", "1900"}},
		{"first day of Shōwa", utc(1926, 12, 25), utc(1926, 12, 25), utc(1926, 12, 1), utc(1926, 1, 1), [3]string{"1926-12-25", "1926-12", "1926"}},
		{"day before the epoch", utc(1969, 12, 31), utc(1969, 12, 31), utc(1969, 12, 1), utc(1969, 1, 1), [3]string{"1969-12-31", "1969-12", "1969"}},
		{"the epoch", utc(1970, 1, 1), utc(1970, 1, 1), utc(1970, 1, 1), utc(1970, 1, 1), [3]string{"1970-01-01", "1970-01", "1970"}},
		{"leap day 2000", utc(2000, 2, 29), utc(2000, 2, 29), utc(2000, 2, 1), utc(2000, 1, 1), [3]string{"2000-02-29", "2000-02", "2000"}},
		{"last day of 2100", utc(2100, 12, 31), utc(2100, 12, 31), utc(2100, 12, 1), utc(2100, 1, 1), [3]string{"2100-12-31", "2100-12", "2100"}},
		{"a time of day is dropped", time.Date(2019, 6, 4, 23, 59, 59, 999, time.UTC), utc(2019, 6, 4), utc(2019, 6, 1), utc(2019, 1, 1), [3]string{"2019-06-04", "2019-06", "2019"}},
		// 2019-06-04 05:00 in Tokyo is still 2019-06-03 in UTC: the day is Tokyo's.
		{"the day of t's own location", time.Date(2019, 6, 4, 5, 0, 0, 0, time.FixedZone("JST", 9*3600)), utc(2019, 6, 4), utc(2019, 6, 1), utc(2019, 1, 1), [3]string{"2019-06-04", "2019-06", "2019"}},
		// 2019-12-31 20:00 in New York is 2020-01-01 in UTC: the year is New York's.
		{"the year of t's own location", time.Date(2019, 12, 31, 20, 0, 0, 0, time.FixedZone("EST", -5*3600)), utc(2019, 12, 31), utc(2019, 12, 1), utc(2019, 1, 1), [3]string{"2019-12-31", "2019-12", "2019"}},
		{"year 1", utc(1, 1, 1), utc(1, 1, 1), utc(1, 1, 1), utc(1, 1, 1), [3]string{"0001-01-01", "0001-01", "0001"}},
		{"year 9999", utc(9999, 12, 31), utc(9999, 12, 31), utc(9999, 12, 1), utc(9999, 1, 1), [3]string{"9999-12-31", "9999-12", "9999"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for i, c := range []struct {
				p    Precision
				want time.Time
			}{{PrecisionDay, tt.wantDay}, {PrecisionMonth, tt.wantMonth}, {PrecisionYear, tt.wantYear}} {
				d := DateOf(tt.in, c.p)
				// == rather than Equal: the time must be exactly what time.Date gives, location included.
				if got := d.Time(); got != c.want {
					t.Errorf("DateOf(%v, %d).Time() = %#v, want %#v", tt.in, c.p, got, c.want)
				}
				if d.Precision() != c.p || !d.Known() || d.IsDay() != (c.p == PrecisionDay) {
					t.Errorf("DateOf(%v, %d): precision %d, known %v, day %v", tt.in, c.p, d.Precision(), d.Known(), d.IsDay())
				}
				if got := d.String(); got != tt.wantString[i] {
					t.Errorf("DateOf(%v, %d).String() = %q, want %q", tt.in, c.p, got, tt.wantString[i])
				}
				if back := DateOf(d.Time(), c.p); back != d {
					t.Errorf("DateOf(DateOf(%v, %d).Time()) = %v, want %v", tt.in, c.p, back, d)
				}
			}
		})
	}
}

func TestDateUnknown(t *testing.T) {
	for _, d := range []Date{{}, DateOf(time.Date(2019, 6, 4, 0, 0, 0, 0, time.UTC), PrecisionNone), DateOf(time.Now(), Precision(9)), Date{}.AddDays(3)} {
		if d != (Date{}) || d.Known() || d.IsDay() || d.Precision() != PrecisionNone || d.String() != "" || !d.Time().IsZero() {
			t.Errorf("%#v: want the unknown date: known %v, precision %d, string %q, time %v", d, d.Known(), d.Precision(), d.String(), d.Time())
		}
	}
}

// TestDateDayNumbers checks the day numbers against the time package for every day from
// 1600 to 2400 (leap rules of 100 and 400 years included) and a few far years.
func TestDateDayNumbers(t *testing.T) {
	if d := NewDate(1970, 1, 1); d.day != 0 {
		t.Errorf("1970-01-01 is day %d, want 0", d.day)
	}
	if d := NewDate(1969, 12, 31); d.day != -1 {
		t.Errorf("1969-12-31 is day %d, want -1", d.day)
	}
	if d := DateOf(time.Time{}, PrecisionDay); d.day != zeroTimeDay {
		t.Errorf("the zero time is day %d, want zeroTimeDay %d", d.day, zeroTimeDay)
	}
	prev := NewDate(1599, 12, 31)
	for tm := time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC); tm.Year() <= 2400; tm = tm.AddDate(0, 0, 1) {
		d := DateOf(tm, PrecisionDay)
		if want := tm.Unix() / secondsPerDay; int64(d.day) != want {
			t.Fatalf("%s is day %d, want %d", tm.Format("2006-01-02"), d.day, want)
		}
		if d.Time() != tm {
			t.Fatalf("DateOf(%v).Time() = %v", tm, d.Time())
		}
		if n, ok := prev.DaysUntil(d); n != 1 || !ok {
			t.Fatalf("%v … %v: DaysUntil = %d, %v; want 1", prev, d, n, ok)
		}
		prev = d
	}
	for _, y := range []int{-1_000_000, -4801, -401, -400, -1, 0, 1, 10_000, 1_000_000, 5_000_000} {
		for _, m := range []time.Month{1, 2, 3, 12} {
			tm := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
			if d := DateOf(tm, PrecisionDay); int64(d.day) != tm.Unix()/secondsPerDay || d.Time() != tm {
				t.Errorf("%d-%02d-01: day %d, time %v; want day %d", y, m, d.day, d.Time(), tm.Unix()/secondsPerDay)
			}
		}
	}
}

// TestDateClamped checks that dates beyond the reach of the day number stay beyond every
// year the parser accepts rather than wrapping round into it.
func TestDateClamped(t *testing.T) {
	if d := NewDate(10_000_000, 1, 1); d.day != math.MaxInt32 || d.Time().Year() < 5_000_000 {
		t.Errorf("year 10,000,000: day %d, year %d; want the last day number", d.day, d.Time().Year())
	}
	if d := NewDate(-10_000_000, 1, 1); d.day != math.MinInt32 || d.Time().Year() > -5_000_000 {
		t.Errorf("year -10,000,000: day %d, year %d; want the first day number", d.day, d.Time().Year())
	}
	if d := NewDate(2019, 1, 1).AddDays(math.MaxInt32); d.day != math.MaxInt32 {
		t.Errorf("AddDays past the end: day %d, want the last day number", d.day)
	}
}

// TestNewDateNormalises checks that NewDate carries days and months over as time.Date does.
func TestNewDateNormalises(t *testing.T) {
	for _, c := range []struct {
		y int
		m time.Month
		d int
	}{
		{2019, 2, 29}, {2020, 2, 30}, {2019, 13, 1}, {2019, 0, 1}, {2019, -11, 31}, {2020, 14, -3},
		{2019, 1, 0}, {2019, 3, -365}, {2019, 25, 400}, {0, 0, 1}, {1, 1, 0}, {-1, -13, 1},
	} {
		want := time.Date(c.y, c.m, c.d, 0, 0, 0, 0, time.UTC)
		if got := NewDate(c.y, c.m, c.d).Time(); got != want {
			t.Errorf("NewDate(%d, %d, %d) = %v, want %v", c.y, c.m, c.d, got, want)
		}
	}
}

// TestDaysUntilSweep compares DaysUntil with the difference of the times, as DaysUntil
// computed it when a Date held a time.Time, for random pairs of days from 1900 to 2150 (a
// time.Duration holds 292 years) and, by Unix seconds, for pairs from year 1 to 9999.
func TestDaysUntilSweep(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	day := func(from, to time.Time) time.Time {
		n := int((to.Unix() - from.Unix()) / secondsPerDay)
		return from.AddDate(0, 0, r.IntN(n+1))
	}
	utc := func(y int) time.Time { return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC) }
	for range 20_000 {
		a, b := day(utc(1900), utc(2150)), day(utc(1900), utc(2150))
		want := int(b.Sub(a).Hours() / 24)
		if got, ok := DateOf(a, PrecisionDay).DaysUntil(DateOf(b, PrecisionDay)); got != want || !ok {
			t.Fatalf("%v … %v: DaysUntil = %d, %v; want %d", a, b, got, ok, want)
		}
	}
	for range 20_000 {
		a, b := day(utc(1), utc(9999)), day(utc(1), utc(9999))
		want := int((b.Unix() - a.Unix()) / secondsPerDay)
		if got, ok := DateOf(a, PrecisionDay).DaysUntil(DateOf(b, PrecisionDay)); got != want || !ok {
			t.Fatalf("%v … %v: DaysUntil = %d, %v; want %d", a, b, got, ok, want)
		}
	}
	month := DateOf(time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC), PrecisionMonth)
	for _, c := range [][2]Date{{month, NewDate(2019, 6, 1)}, {NewDate(2019, 6, 1), month}, {{}, NewDate(2019, 6, 1)}, {NewDate(2019, 6, 1), {}}, {{}, {}}} {
		if got, ok := c[0].DaysUntil(c[1]); got != 0 || ok {
			t.Errorf("%v … %v: DaysUntil = %d, %v; want 0, false", c[0], c[1], got, ok)
		}
	}
}

func TestDateCompare(t *testing.T) {
	utc := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	june := DateOf(utc(2019, 6, 1), PrecisionMonth)
	y2019 := DateOf(utc(2019, 1, 1), PrecisionYear)
	tests := []struct {
		name                 string
		a, b                 Date
		equal, before, after bool
	}{
		{"same day", NewDate(2019, 6, 4), NewDate(2019, 6, 4), true, false, false},
		{"day before", NewDate(2019, 6, 3), NewDate(2019, 6, 4), false, true, false},
		{"day after", NewDate(2019, 6, 5), NewDate(2019, 6, 4), false, false, true},
		{"across the epoch", NewDate(1969, 12, 31), NewDate(1970, 1, 1), false, true, false},
		{"month and its first day", june, NewDate(2019, 6, 1), false, false, false},
		{"month and a later day of it", june, NewDate(2019, 6, 30), false, true, false},
		{"month and the day before it", june, NewDate(2019, 5, 31), false, false, true},
		{"same month", june, DateOf(utc(2019, 6, 17), PrecisionMonth), true, false, false},
		{"year and its first month", y2019, DateOf(utc(2019, 1, 1), PrecisionMonth), false, false, false},
		{"year and its first day", y2019, NewDate(2019, 1, 1), false, false, false},
		{"year and a month of it", y2019, june, false, true, false},
		{"same year", y2019, DateOf(utc(2019, 8, 9), PrecisionYear), true, false, false},
		{"year and the year before", y2019, DateOf(utc(2018, 12, 31), PrecisionYear), false, false, true},
		{"unknown and a known day", Date{}, NewDate(2019, 6, 4), false, true, false},
		{"unknown and the epoch", Date{}, NewDate(1970, 1, 1), false, true, false},
		{"unknown and the zero time's day", Date{}, NewDate(1, 1, 1), false, false, false},
		{"a day before the zero time and unknown", NewDate(0, 12, 31), Date{}, false, true, false},
		{"two unknowns", Date{}, Date{}, true, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.Equal(tt.b); got != tt.equal {
				t.Errorf("%v.Equal(%v) = %v, want %v", tt.a, tt.b, got, tt.equal)
			}
			if got := tt.b.Equal(tt.a); got != tt.equal {
				t.Errorf("%v.Equal(%v) = %v, want %v", tt.b, tt.a, got, tt.equal)
			}
			if got := tt.a.Before(tt.b); got != tt.before {
				t.Errorf("%v.Before(%v) = %v, want %v", tt.a, tt.b, got, tt.before)
			}
			if got := tt.a.After(tt.b); got != tt.after {
				t.Errorf("%v.After(%v) = %v, want %v", tt.a, tt.b, got, tt.after)
			}
			if got := tt.b.After(tt.a); got != tt.before {
				t.Errorf("%v.After(%v) = %v, want %v", tt.b, tt.a, got, tt.before)
			}
			// The comparisons are those of the times, as when a Date held one.
			ta, tb := tt.a.Time(), tt.b.Time()
			if tt.a.Before(tt.b) != ta.Before(tb) || tt.a.After(tt.b) != ta.After(tb) {
				t.Errorf("%v, %v: Before %v, After %v; the times say %v, %v", tt.a, tt.b, tt.a.Before(tt.b), tt.a.After(tt.b), ta.Before(tb), ta.After(tb))
			}
		})
	}
}

func TestDateAddDays(t *testing.T) {
	tests := []struct {
		name string
		d    Date
		n    int
		want Date
	}{
		{"next day", NewDate(2019, 6, 4), 1, NewDate(2019, 6, 5)},
		{"into a leap day", NewDate(2020, 2, 28), 1, NewDate(2020, 2, 29)},
		{"back over the new year", NewDate(2020, 1, 1), -1, NewDate(2019, 12, 31)},
		{"back over the epoch", NewDate(1970, 1, 1), -1, NewDate(1969, 12, 31)},
		{"a month is its first day", DateOf(time.Date(2019, 6, 20, 0, 0, 0, 0, time.UTC), PrecisionMonth), 0, NewDate(2019, 6, 1)},
		{"a year's last day", DateOf(time.Date(2019, 6, 20, 0, 0, 0, 0, time.UTC), PrecisionYear), 364, NewDate(2019, 12, 31)},
		{"unknown stays unknown", Date{}, 5, Date{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.AddDays(tt.n); got != tt.want {
				t.Errorf("%v.AddDays(%d) = %v (precision %d), want %v", tt.d, tt.n, got, got.Precision(), tt.want)
			}
		})
	}
}

// TestDayOfMatchesNewDate checks the table dayOf looks months up in against NewDate's
// arithmetic, on every day from 1969 to 2201 (the years around the table's ends included).
func TestDayOfMatchesNewDate(t *testing.T) {
	for y := MinYear - 1; y <= lastTableYear+2; y++ {
		for m := 1; m <= 12; m++ {
			for d := 1; d <= daysIn(y, m); d++ {
				if got, want := dayOf(y, m, d), NewDate(y, time.Month(m), d); got != want {
					t.Fatalf("dayOf(%d, %d, %d) = %v (%d), NewDate gives %v (%d)", y, m, d, got, got.day, want, want.day)
				}
			}
		}
	}
}

// TestIsoDay checks the yyyy-mm-dd reader on its edges: every position that must be a digit
// or a hyphen, and lengths around ten.
func TestIsoDay(t *testing.T) {
	var y, m, d int
	if !isoDay("2019-06-04", &y, &m, &d) || y != 2019 || m != 6 || d != 4 {
		t.Fatalf("2019-06-04 read as %v %d-%d-%d", isoDay("2019-06-04", &y, &m, &d), y, m, d)
	}
	if !isoDay("0000-99-99", &y, &m, &d) || y != 0 || m != 99 || d != 99 {
		t.Errorf("0000-99-99 read as %d-%d-%d (ranges are the caller's)", y, m, d)
	}
	for _, bad := range []string{"", "2019-06-4", "2019-06-044", "2019/06/04", "2019-0604-", "20190-6-04",
		"/019-06-04", ":019-06-04", "2/19-06-04", "20:9-06-04", "201/-06-04", "2019-/6-04", "2019-0:-04", "2019-06-/4", "2019-06-0:",
		"２０１９-06-04", " 2019-06-04", "2019-06-04 "} {
		if isoDay(bad, &y, &m, &d) {
			t.Errorf("isoDay(%q) = true", bad)
		}
	}
}
