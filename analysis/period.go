package analysis

import (
	"fmt"
	"sort"
	"time"

	"breachreport/data"
)

// Month is a calendar month, such as 2019-06. The zero value is not a month; see IsZero.
type Month struct {
	Year  int
	Month time.Month
}

// ParseMonth reads a month such as 2019-06, in any form data.ParseDate reads as a date
// known to the month (2019/6, 2019年6月, 令和元年6月). A full date or a year alone is an error.
func ParseMonth(s string) (Month, error) {
	d, err := data.ParseDate(s, 9999)
	if err != nil {
		return Month{}, data.Errorf("month %q: %w", s, err)
	}
	if d.Precision() != data.PrecisionMonth {
		return Month{}, data.Errorf("month %q: expected a month such as 2019-06", s)
	}
	t := d.Time()
	return Month{t.Year(), t.Month()}, nil
}

// MonthOf returns the month a date falls in, and false when the date is unknown or known
// only to the year.
func MonthOf(d data.Date) (Month, bool) {
	if d.Precision() < data.PrecisionMonth {
		return Month{}, false
	}
	t := d.Time()
	return Month{t.Year(), t.Month()}, true
}

// IsZero reports whether m is the zero Month, which names no month.
func (m Month) IsZero() bool { return m == Month{} }

// String formats m as yyyy-mm.
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

// Add returns the month n months after m (before it when n < 0).
func (m Month) Add(n int) Month {
	i := m.index() + n
	return Month{i / 12, time.Month(i%12 + 1)}
}

// Before reports whether m comes before o.
func (m Month) Before(o Month) bool { return m.index() < o.index() }

// Sub returns the number of months from o to m: m.Sub(m.Add(-3)) is 3.
func (m Month) Sub(o Month) int { return m.index() - o.index() }

// First and Last return the first and the last day of m.
func (m Month) First() data.Date { return data.NewDate(m.Year, m.Month, 1) }

// Last returns the last day of m.
func (m Month) Last() data.Date {
	return m.Add(1).First().AddDays(-1)
}

// Period returns m as a period: its first to its last day.
func (m Month) Period() Period { return Period{From: m.First(), To: m.Last(), Unit: UnitMonth} }

func (m Month) index() int { return m.Year*12 + int(m.Month) - 1 }

// Period is an inclusive range of calendar days, From to To, both known to the day. Dates
// are calendar dates with no time zone: 2019-06-30 is in June whatever the reader's zone.
type Period struct {
	From, To data.Date
	// Unit names the kind of span, for the period's name; periods are the same span when
	// their From and To are (see Same).
	Unit Unit
}

// Same reports whether p and q cover the same days, whatever their units.
func (p Period) Same(q Period) bool { return p.From == q.From && p.To == q.To }

// ErrPeriod is wrapped by the errors of NewPeriod and ParsePeriod.
var ErrPeriod = data.Errorf("not a period")

// NewPeriod returns the period from … to, inclusive. Both dates must be known to the day
// and from must not come after to.
func NewPeriod(from, to data.Date) (Period, error) {
	if !from.IsDay() || !to.IsDay() {
		return Period{}, data.Errorf("%w: its first and last days need full dates such as 2019-04-01", ErrPeriod)
	}
	if to.Before(from) {
		return Period{}, data.Errorf("%w: %s is after %s", ErrPeriod, from, to)
	}
	return Period{From: from, To: to}, nil
}

// ParsePeriod reads the first and last days of a period (any form data.ParseDate reads,
// known to the day) and returns the period between them, inclusive.
func ParsePeriod(from, to string) (Period, error) {
	f, err := data.ParseDate(from, 9999)
	if err != nil {
		return Period{}, data.Errorf("first day %q: %w", from, err)
	}
	t, err := data.ParseDate(to, 9999)
	if err != nil {
		return Period{}, data.Errorf("last day %q: %w", to, err)
	}
	return NewPeriod(f, t)
}

// String formats p as yyyy-mm when it is one whole month, as 2024-Q1, FY2024-H1, FY2024-Q1
// or FY2024 for a quarter, fiscal half, fiscal quarter or fiscal year, and else as
// "yyyy-mm-dd … yyyy-mm-dd".
func (p Period) String() string {
	switch y, part := p.FiscalYearOf(); p.Unit {
	case UnitQuarter:
		return fmt.Sprintf("%04d-Q%d", y, part)
	case UnitFiscalQuarter:
		return fmt.Sprintf("FY%04d-Q%d", y, part)
	case UnitFiscalHalf:
		return fmt.Sprintf("FY%04d-H%d", y, part)
	case UnitFiscalYear:
		return fmt.Sprintf("FY%04d", y)
	}
	if m, ok := p.Month(); ok {
		return m.String()
	}
	return p.From.String() + " … " + p.To.String()
}

// Days returns the number of calendar days in p, both ends included.
func (p Period) Days() int {
	n, _ := p.From.DaysUntil(p.To)
	return n + 1
}

// Month returns the month p is, and true, when p is exactly one whole calendar month.
func (p Period) Month() (Month, bool) {
	m, _ := MonthOf(p.From)
	if p.WholeMonths() && m.Period().Same(p) {
		return m, true
	}
	return Month{}, false
}

// WholeMonths reports whether p runs from the first day of a month to the last day of a
// month (one month, a quarter, a year…).
func (p Period) WholeMonths() bool {
	return p.From.Time().Day() == 1 && p.To.Time().AddDate(0, 0, 1).Day() == 1
}

// Months returns the calendar months p touches, oldest first.
func (p Period) Months() []Month {
	first, _ := MonthOf(p.From)
	last, _ := MonthOf(p.To)
	out := make([]Month, 0, last.Sub(first)+1)
	for m := first; !last.Before(m); m = m.Add(1) {
		out = append(out, m)
	}
	return out
}

// Previous returns the period of the same length just before p: for whole months the same
// number of calendar months (2019-06 → 2019-05; 2019-04-01…06-30 → 2019-01-01…03-31),
// otherwise the same number of days.
func (p Period) Previous() Period {
	if p.WholeMonths() {
		first, _ := MonthOf(p.From)
		last, _ := MonthOf(p.To)
		n := last.Sub(first) + 1
		return Period{From: first.Add(-n).First(), To: last.Add(-n).Last(), Unit: p.Unit}
	}
	to := p.From.AddDays(-1)
	return Period{From: to.AddDays(1 - p.Days()), To: to, Unit: p.Unit}
}

// YearEarlier returns p one year earlier: whole months shift by twelve months (2020-02 →
// 2019-02, to its 28th); other periods shift each date by a year, 29 February becoming 28
// February.
func (p Period) YearEarlier() Period {
	if p.WholeMonths() {
		first, _ := MonthOf(p.From)
		last, _ := MonthOf(p.To)
		return Period{From: first.Add(-12).First(), To: last.Add(-12).Last(), Unit: p.Unit}
	}
	shift := func(d data.Date) data.Date {
		y, m, day := d.Time().Date()
		last := Month{y - 1, m}.Last().Time().Day()
		return data.NewDate(y-1, m, min(day, last))
	}
	return Period{From: shift(p.From), To: shift(p.To), Unit: p.Unit}
}

// Placement says where a disclosure date puts an incident relative to a period.
type Placement int

// The placements.
const (
	// Outside: the date lies outside the period.
	Outside Placement = iota
	// Inside: the date lies inside the period.
	Inside
	// Unplaced: the date is known only to the month or year, and that month or year overlaps
	// the period without lying inside it (2019 for the period 2019-06): the incident may or
	// may not belong to the period, so it is counted in neither and listed instead.
	Unplaced
	// Undated: the date is unknown; the incident belongs to no period.
	Undated
)

// Place says where the disclosure date d puts an incident relative to p. A date known to
// the day is inside when p contains that day. A partial date names a span — its month, or
// its year — and is inside when the whole span lies in p, outside when none of it does, and
// unplaced otherwise. So a month-precision date belongs to its month (and to any period
// holding the whole month), and a year-precision date belongs to no month, only to periods
// holding the whole year.
func (p Period) Place(d data.Date) Placement {
	if !d.Known() {
		return Undated
	}
	from, to := dateSpan(d)
	switch {
	case to.Before(p.From) || from.After(p.To):
		return Outside
	case !from.Before(p.From) && !to.After(p.To):
		return Inside
	}
	return Unplaced
}

// dateSpan returns the first and last day a known date may stand for, both known to the day.
func dateSpan(d data.Date) (from, to data.Date) {
	from = d.AddDays(0) // the first day, as a day
	switch d.Precision() {
	case data.PrecisionMonth:
		return from, data.DateOf(d.Time().AddDate(0, 1, -1), data.PrecisionDay)
	case data.PrecisionYear:
		return from, data.DateOf(d.Time().AddDate(1, 0, -1), data.PrecisionDay)
	}
	return from, from
}

// Timeline indexes incidents by their disclosure date, so that the incidents of many periods
// can be selected without going through every incident each time. It only reads the
// figures it is given. Build it once with Incidents.Timeline; its methods are pure.
type Timeline struct {
	// Taxonomy puts the causes and industries of the breakdowns into standard categories;
	// Incidents.Timeline sets data.DefaultTaxonomy.
	Taxonomy data.Taxonomy
	// at returns the figures of the i-th incident.
	at func(i int) IncidentFigures
	// days holds the incidents disclosed on a known day, by date then input order; partial
	// the others with a disclosure date, by the first day of their span then input order.
	days, partial []dated
	undated       int
	// first and last are the earliest and the latest month of a disclosure known to the
	// month or the day; covered is false when there is none.
	first, last Month
	covered     bool
}

// dated is one incident, by index, with its disclosure date and the span of days that
// stands for.
type dated struct {
	from, to, date data.Date
	i              int
}

// Timeline indexes s's incidents by disclosure date. The Timeline unpacks only the
// incidents that its selections return.
func (s Incidents) Timeline() *Timeline { return newTimeline(s.All(), s.At) }

func newTimeline(figs Figures, at func(int) IncidentFigures) *Timeline {
	t := &Timeline{at: at, Taxonomy: data.DefaultTaxonomy()}
	for i, f := range figs {
		d := f.Incident.Disclosed
		if !d.Known() {
			t.undated++
			continue
		}
		from, to := dateSpan(d)
		if d.IsDay() {
			t.days = append(t.days, dated{from, to, d, i})
		} else {
			t.partial = append(t.partial, dated{from, to, d, i})
		}
		if m, ok := MonthOf(d); ok {
			if !t.covered || m.Before(t.first) {
				t.first = m
			}
			if !t.covered || t.last.Before(m) {
				t.last = m
			}
			t.covered = true
		}
	}
	byDate := func(s []dated) func(a, b int) bool {
		return func(a, b int) bool {
			if s[a].from != s[b].from {
				return s[a].from.Before(s[b].from)
			}
			return s[a].i < s[b].i
		}
	}
	sort.Slice(t.days, byDate(t.days))
	sort.Slice(t.partial, byDate(t.partial))
	return t
}

// Undated returns how many incidents have no disclosure date and so belong to no period.
func (t *Timeline) Undated() int { return t.undated }

// Months returns every calendar month from the first to the last month with a disclosure
// known to the month or the day, empty months included, oldest first: the months
// --all-months reports on. It is nil when no incident has a disclosure date known to the
// month.
func (t *Timeline) Months() []Month {
	if !t.covered {
		return nil
	}
	return Period{From: t.first.First(), To: t.last.Last()}.Months()
}

// Covers reports whether p lies within the months the data covers (Months). Outside
// them a count of zero means "no data", not "no incidents".
func (t *Timeline) Covers(p Period) bool {
	return t.covered && !p.From.Before(t.first.First()) && !p.To.After(t.last.Last())
}

// Selection is the incidents a period holds by disclosure date.
type Selection struct {
	Period Period
	// Incidents are those disclosed inside Period (see Period.Place), by disclosure date
	// (a partial date at the first day it may stand for), then input order.
	Incidents []IncidentFigures
	// Unplaced are those whose partial disclosure date overlaps Period without lying
	// inside it, in the same order; they are counted nowhere.
	Unplaced []IncidentFigures
}

// Select returns the incidents disclosed in p.
func (t *Timeline) Select(p Period) Selection {
	s := Selection{Period: p}
	lo := sort.Search(len(t.days), func(i int) bool { return !t.days[i].from.Before(p.From) })
	hi := sort.Search(len(t.days), func(i int) bool { return t.days[i].from.After(p.To) })
	inside := append([]dated(nil), t.days[lo:hi]...)
	var unplaced []dated
	for _, d := range t.partial {
		switch p.Place(d.date) {
		case Inside:
			inside = append(inside, d)
		case Unplaced:
			unplaced = append(unplaced, d)
		}
	}
	if len(inside) > hi-lo {
		sort.SliceStable(inside, func(a, b int) bool {
			if inside[a].from != inside[b].from {
				return inside[a].from.Before(inside[b].from)
			}
			return inside[a].i < inside[b].i
		})
	}
	s.Incidents = t.pick(inside)
	s.Unplaced = t.pick(unplaced)
	return s
}

func (t *Timeline) pick(ds []dated) []IncidentFigures {
	if len(ds) == 0 {
		return nil
	}
	out := make([]IncidentFigures, len(ds))
	for k, d := range ds {
		out[k] = t.at(d.i)
	}
	return out
}
