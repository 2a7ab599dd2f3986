package analysis

import (
	"breachreport/data"
)

// MinSample is the smallest number of incidents a share, a median or a percentile is shown
// for. Below it only the count is shown, and the outputs say that small samples mislead.
const MinSample = 5

// Reliable reports whether s rests on at least MinSample incidents, so that its median and
// percentile may be shown.
func (s Stat) Reliable() bool { return s.N >= MinSample }

// TrendMonths is the length of the trailing window of a period report: the twelve calendar
// months ending with (and including) the last month of the period.
const TrendMonths = 12

// PeriodFigures are the figures of the incidents disclosed in one period.
type PeriodFigures struct {
	Selection
	// Summary aggregates Incidents: the count, the records (TotalRecords rests on RecordsN
	// incidents, approximate when any of them is) and each day figure's n, median, mean, p90.
	Summary Summary
	// Covered is whether the period lies within the months the data covers (see
	// Timeline.Covers). A period outside them has zero incidents because the data does not
	// reach it: its figures are not comparable.
	Covered bool
}

// Records returns the records exposed in the period: 0 when no incident was disclosed in it,
// else Summary.TotalRecords, the sum of the known incident totals (unknown when none is
// known; approximate when any part is). Summary.RecordsN says how many incidents it rests on.
func (p PeriodFigures) Records() data.Count {
	if p.Summary.Incidents == 0 {
		return data.KnownCount(0)
	}
	return p.Summary.TotalRecords
}

// Figures returns the figures of the incidents disclosed in p.
func (t *Timeline) Figures(p Period) PeriodFigures {
	s := t.Select(p)
	return PeriodFigures{Selection: s, Summary: Summarize(s.Incidents), Covered: t.Covers(p)}
}

// MonthRow is one row of a monthly table: the figures of one calendar month.
type MonthRow struct {
	Month Month
	PeriodFigures
}

// MonthlyTable returns one row per calendar month from first to last, both included, oldest
// first; a month with no incidents is a row of zeros (and Records 0), not left out.
func (t *Timeline) MonthlyTable(first, last Month) []MonthRow {
	var out []MonthRow
	for m := first; !last.Before(m); m = m.Add(1) {
		out = append(out, MonthRow{Month: m, PeriodFigures: t.Figures(m.Period())})
	}
	return out
}

// ChangeFigure names what a Change compares.
type ChangeFigure string

// The figures compared between periods.
const (
	// ChangeIncidents compares the number of incidents disclosed.
	ChangeIncidents ChangeFigure = "incidents"
	// ChangeRecords compares the records exposed (PeriodFigures.Records).
	ChangeRecords ChangeFigure = "records"
	// ChangeMedian compares the median of one day figure (Change.Metric).
	ChangeMedian ChangeFigure = "median"
)

// Value is one side of a Change: a figure that may be unknown, and the number of incidents
// it rests on.
type Value struct {
	V      float64
	Known  bool
	Approx bool
	// Bound is the bound a sum of records includes (data.Count.Bound).
	Bound data.Bound
	N     int
}

// Change compares a figure of the subject period with the same figure of an earlier period.
type Change struct {
	Figure ChangeFigure
	// Metric is the day figure whose median is compared, for ChangeMedian only.
	Metric Metric
	// Current is the subject period's value, Earlier the earlier period's.
	Current, Earlier Value
	// Known is whether both values are known; Diff = Current − Earlier is meaningful only then.
	Known bool
	Diff  float64
	// Ratio = Diff / Earlier, the relative change; RatioKnown is false when Earlier is 0 or
	// either value is unknown.
	Ratio      float64
	RatioKnown bool
	// Small is whether a compared median rests on fewer than MinSample incidents on either
	// side (always false for counts): show it with the small-sample mark, or not at all.
	Small bool
	// Covered is whether the earlier period lies within the months the data covers. When it
	// does not, its zero is "no data", and the change should not be shown as a change.
	Covered bool
}

// Changes compares cur with an earlier period's figures: the number of incidents, the
// records exposed, and the median of every day figure in Metrics order.
func Changes(cur, earlier PeriodFigures) []Change {
	count := func(p PeriodFigures) Value {
		return Value{V: float64(p.Summary.Incidents), Known: true, N: p.Summary.Incidents}
	}
	records := func(p PeriodFigures) Value {
		r := p.Records()
		n := p.Summary.RecordsN
		return Value{V: float64(r.N), Known: r.Known, Approx: r.Approx, Bound: r.Bound, N: n}
	}
	out := []Change{
		newChange(ChangeIncidents, "", count(cur), count(earlier), false, earlier.Covered),
		newChange(ChangeRecords, "", records(cur), records(earlier), false, earlier.Covered),
	}
	for _, m := range Metrics() {
		a, b := cur.Summary.Stat(m), earlier.Summary.Stat(m)
		va := Value{V: a.Median, Known: a.N > 0, N: a.N}
		vb := Value{V: b.Median, Known: b.N > 0, N: b.N}
		out = append(out, newChange(ChangeMedian, m, va, vb, !a.Reliable() || !b.Reliable(), earlier.Covered))
	}
	return out
}

func newChange(f ChangeFigure, m Metric, cur, earlier Value, small, covered bool) Change {
	c := Change{Figure: f, Metric: m, Current: cur, Earlier: earlier, Small: small, Covered: covered}
	if !cur.Known || !earlier.Known {
		if !cur.Known {
			c.Current.V = 0
		}
		if !earlier.Known {
			c.Earlier.V = 0
		}
		return c
	}
	c.Known = true
	c.Diff = cur.V - earlier.V
	if earlier.V != 0 {
		c.Ratio, c.RatioKnown = c.Diff/earlier.V, true
	}
	return c
}

// CaseLag sets one day figure of one incident against the trailing window's median, as in
// "detection → disclosure 159 days; 12-month median 120 days (n=14)".
type CaseLag struct {
	Metric Metric
	// Value is the incident's own figure.
	Value Days
	// Baseline is the figure over the trailing window: Baseline.N and Baseline.Median (and
	// Baseline.Reliable for the small-sample mark).
	Baseline Stat
	// Diff = Value − Baseline.Median, known when Value is known and Baseline.N > 0.
	Diff      float64
	DiffKnown bool
}

// CaseComparison sets one incident of the subject period against the trailing window.
type CaseComparison struct {
	Incident IncidentFigures
	// Lags has one entry per Metrics(), in that order.
	Lags []CaseLag
}

// Lag returns the entry of c.Lags for metric m.
func (c CaseComparison) Lag(m Metric) CaseLag {
	for _, l := range c.Lags {
		if l.Metric == m {
			return l
		}
	}
	return CaseLag{Metric: m}
}

// CompareCases sets each incident's day figures against the medians of baseline.
func CompareCases(incidents []IncidentFigures, baseline Summary) []CaseComparison {
	out := make([]CaseComparison, 0, len(incidents))
	for _, f := range incidents {
		c := CaseComparison{Incident: f}
		for _, m := range Metrics() {
			l := CaseLag{Metric: m, Value: f.Get(m), Baseline: baseline.Stat(m)}
			if l.Value.Known && l.Baseline.N > 0 {
				l.Diff, l.DiffKnown = float64(l.Value.N)-l.Baseline.Median, true
			}
			c.Lags = append(c.Lags, l)
		}
		out = append(out, c)
	}
	return out
}

// PeriodReport is everything a monthly (--month), period (--from/--to) or all-months report
// shows about one subject period. Build it with Timeline.Report.
type PeriodReport struct {
	// Subject is the period reported on and its incidents (Subject.Incidents, by disclosure
	// date), their summary, and the unplaced incidents with partial dates.
	Subject PeriodFigures
	// Month is the subject month when the period is exactly one calendar month (--month);
	// the zero Month otherwise.
	Month Month
	// Months are the calendar months of the subject period, one row each (one row for a
	// month report, three for a quarter). When the period starts or ends inside a month,
	// that month's row covers only the period's part of it (its Period says which days), so
	// the rows add up to the subject, but for incidents disclosed with a year-only date,
	// which are in the subject of a whole-year period and in no month row. A month-precision
	// date in a clipped month is unplaced.
	Months []MonthRow
	// Trend is the trailing window, one row per month, oldest first: the TrendMonths months
	// ending with the period's last month (more when the period itself is longer), the subject
	// month included, but starting no earlier than the first month with data (Timeline.Months)
	// unless the subject does: the months before the list starts are not rows. Months with
	// no incidents within the data are rows of zeros.
	Trend []MonthRow
	// Trailing pools the incidents of the whole trailing window (its Period runs from the
	// first day of the first Trend month to the last day of the last): the baseline the
	// cases are set against. Its n is the sum of the Trend rows' n, plus any incident with a
	// year-only disclosure date whose whole year lies in the window.
	Trailing PeriodFigures
	// Previous is the period of the same length just before the subject (Period.Previous)
	// and YearEarlier the subject a year earlier (Period.YearEarlier).
	Previous, YearEarlier PeriodFigures
	// VsPrevious and VsYearEarlier compare the subject with them (see Changes).
	VsPrevious, VsYearEarlier []Change
	// Cases set each subject incident against the trailing window's medians, in the order
	// of Subject.Incidents.
	Cases []CaseComparison
	// Breakdowns break the subject incidents down by each Dimensions(), in that order;
	// TrailingBreakdowns do the same for the trailing window.
	Breakdowns, TrailingBreakdowns []Breakdown
	// Largest are the TopIncidents subject incidents with the most records (see Largest).
	Largest []IncidentFigures
	// Missing are the day figures that no incident of the report has (the subject, the
	// trailing window, the previous period and the year earlier), in Metrics order: outputs
	// leave them out and say which columns they need.
	Missing []MissingMetric
	// Undated is how many incidents in the data have no disclosure date, so are in no period.
	Undated int
}

// Report returns the report on period p, which must be a valid period (see NewPeriod or
// Month.Period); see PeriodReport.
func (t *Timeline) Report(p Period) PeriodReport {
	r := PeriodReport{Subject: t.Figures(p), Undated: t.undated}
	r.Month, _ = p.Month()
	for _, m := range p.Months() {
		mp := m.Period()
		if mp.Same(p) {
			r.Months = append(r.Months, MonthRow{Month: m, PeriodFigures: r.Subject})
			continue
		}
		// Clip the month to the period, so that the rows add up to the subject.
		if mp.From.Before(p.From) {
			mp.From = p.From
		}
		if mp.To.After(p.To) {
			mp.To = p.To
		}
		r.Months = append(r.Months, MonthRow{Month: m, PeriodFigures: t.Figures(mp)})
	}
	last, _ := MonthOf(p.To)
	first, _ := MonthOf(p.From)
	trendFirst := last.Add(1 - TrendMonths)
	if !t.covered {
		trendFirst = first
	} else if trendFirst.Before(t.first) {
		trendFirst = t.first
	}
	if first.Before(trendFirst) {
		trendFirst = first
	}
	r.Trend = t.MonthlyTable(trendFirst, last)
	r.Trailing = t.Figures(Period{From: trendFirst.First(), To: last.Last()})
	r.Previous = t.Figures(p.Previous())
	r.YearEarlier = t.Figures(p.YearEarlier())
	r.VsPrevious = Changes(r.Subject, r.Previous)
	r.VsYearEarlier = Changes(r.Subject, r.YearEarlier)
	r.Cases = CompareCases(r.Subject.Incidents, r.Trailing.Summary)
	r.Breakdowns = BreakdownAll(r.Subject.Incidents)
	r.TrailingBreakdowns = BreakdownAll(r.Trailing.Incidents)
	r.Largest = Largest(r.Subject.Incidents, TopIncidents)
	r.Missing = missingMetrics(r.Subject, r.Trailing, r.Previous, r.YearEarlier)
	return r
}
