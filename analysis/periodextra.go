package analysis

import (
	"sort"

	"breachreport/data"
)

// TopIncidents is how many incidents PeriodReport.Largest lists.
const TopIncidents = 10

// Largest returns up to n of incidents whose total is known, the largest total first (by
// its number: a bound or approximate total ranks by the number stated); ties keep the order
// given, which for a period's incidents is by disclosure date.
func Largest(incidents []IncidentFigures, n int) []IncidentFigures {
	var out []IncidentFigures
	for _, f := range incidents {
		if f.Total.Known {
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Total.N > out[j].Total.N })
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// Columns returns the input columns (data.Col…) metric m is computed from. The figures of
// confirmed scopes also need the certainty column to say which scopes are confirmed.
func (m Metric) Columns() []string {
	switch m {
	case WindowConfirmed:
		return []string{data.ColExposureStart, data.ColExposureEnd, data.ColCertainty}
	case WindowAll:
		return []string{data.ColExposureStart, data.ColExposureEnd}
	case DetectConfirmed:
		return []string{data.ColExposureStart, data.ColDetected, data.ColCertainty}
	case DetectAll:
		return []string{data.ColExposureStart, data.ColDetected}
	case Contain:
		return []string{data.ColDetected, data.ColContained}
	case Disclose:
		return []string{data.ColDetected, data.ColDisclosed}
	case StartToDiscloseConfirmed:
		return []string{data.ColExposureStart, data.ColDisclosed, data.ColCertainty}
	case StartToDiscloseAll:
		return []string{data.ColExposureStart, data.ColDisclosed}
	}
	return nil
}

// MissingMetric is a day figure that no incident of a report has, so that outputs can leave
// it out and say what it needs.
type MissingMetric struct {
	Metric Metric
	// Columns are the input columns it is computed from (Metric.Columns); Unstated are
	// those of them that no incident of the report states at all. When Unstated is empty,
	// each column is stated somewhere but never together with the others (or, for the
	// figures of confirmed scopes, never on a confirmed scope).
	Columns, Unstated []string
}

// missingMetrics returns the day figures known for none of the incidents of sets, in
// Metrics order. sets may overlap.
func missingMetrics(sets ...PeriodFigures) []MissingMetric {
	stated := map[string]bool{}
	for _, p := range sets {
		for _, f := range p.Incidents {
			in := &f.Incident
			stated[data.ColDetected] = stated[data.ColDetected] || in.Detected.Known()
			stated[data.ColContained] = stated[data.ColContained] || in.Contained.Known()
			stated[data.ColDisclosed] = stated[data.ColDisclosed] || in.Disclosed.Known()
			for _, sc := range in.Scopes {
				stated[data.ColExposureStart] = stated[data.ColExposureStart] || sc.ExposureStart.Known()
				stated[data.ColExposureEnd] = stated[data.ColExposureEnd] || sc.ExposureEnd.Known()
				stated[data.ColCertainty] = stated[data.ColCertainty] || sc.Certainty == data.Confirmed
			}
		}
	}
	var out []MissingMetric
	for _, m := range Metrics() {
		n := 0
		for _, p := range sets {
			n += p.Summary.Stat(m).N
		}
		if n > 0 {
			continue
		}
		mm := MissingMetric{Metric: m, Columns: m.Columns()}
		for _, c := range mm.Columns {
			if !stated[c] {
				mm.Unstated = append(mm.Unstated, c)
			}
		}
		out = append(out, mm)
	}
	return out
}

// PeriodFacts are the figures the summary sentences of a period report state (see
// i18n.PeriodSummary); each is also a cell of the report.
type PeriodFacts struct {
	Period Period
	// Incidents is the number of incidents disclosed in the period.
	Incidents int
	// VsPrevious and VsYearEarlier compare that number with the previous period and the
	// same period a year earlier (the ChangeIncidents entries of PeriodReport.VsPrevious and
	// VsYearEarlier); state a change only when it is Covered.
	VsPrevious, VsYearEarlier Change
	// Records is the sum of the known totals (PeriodFigures.Records), RecordsN the number of
	// incidents it rests on and RecordsUnknown the number whose count is unknown.
	Records                  data.Count
	RecordsN, RecordsUnknown int
	// TopCauses are the causes (as Group.Key shows them) with the most incidents,
	// TopCauseIncidents each; several when tied; none when no incident states its cause.
	TopCauses         []string
	TopCauseIncidents int
}

// Facts returns the figures of r's summary sentences.
func (r PeriodReport) Facts() PeriodFacts {
	f := PeriodFacts{
		Period:    r.Subject.Period,
		Incidents: r.Subject.Summary.Incidents,
		Records:   r.Subject.Records(),
		RecordsN:  r.Subject.Summary.RecordsN,
	}
	f.RecordsUnknown = f.Incidents - f.RecordsN
	f.VsPrevious = changeOf(r.VsPrevious, ChangeIncidents)
	f.VsYearEarlier = changeOf(r.VsYearEarlier, ChangeIncidents)
	for _, b := range r.Breakdowns {
		if b.Dimension != ByCause {
			continue
		}
		for _, g := range b.Groups {
			if g.Key == "" || (f.TopCauseIncidents > 0 && g.Incidents < f.TopCauseIncidents) {
				continue
			}
			f.TopCauses = append(f.TopCauses, g.Key)
			f.TopCauseIncidents = g.Incidents
		}
	}
	return f
}

// changeOf returns the entry of cs for figure fig.
func changeOf(cs []Change, fig ChangeFigure) Change {
	for _, c := range cs {
		if c.Figure == fig {
			return c
		}
	}
	return Change{Figure: fig}
}
