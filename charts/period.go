package charts

import (
	"fmt"

	"breachreport/analysis"
	"breachreport/i18n"
)

// period names a period in the page's language: 2019-06 or 2019年6月 for a calendar month,
// 2019-04-01 to 2019-06-30 or 2019年4月1日〜2019年6月30日 for any other.
func (v view) period(p analysis.Period) string {
	if m, ok := p.Month(); ok {
		return v.month(m)
	}
	if v.lang == i18n.Ja {
		return p.From.Time.Format(labels.DateFormat.Ja) + "〜" + p.To.Time.Format(labels.DateFormat.Ja)
	}
	return p.From.String() + " to " + p.To.String()
}

// month names a calendar month: 2019-06 in English, 2019年6月 in Japanese.
func (v view) month(m analysis.Month) string {
	if v.lang == i18n.Ja {
		return fmt.Sprintf("%d年%d月", m.Year, int(m.Month))
	}
	return m.String()
}

// periodCounts is the subtitle line of a period report: how many incidents were disclosed
// in the period, how many could not be placed in it and how many have no disclosure date.
func (v view) periodCounts(pr *analysis.PeriodReport) string {
	s := v.f(labels.PeriodCount, num(len(pr.Subject.Incidents)))
	if n := len(pr.Subject.Unplaced); n > 0 {
		s += v.t(labels.ListSep) + v.f(labels.PeriodUnplaced, num(n))
	}
	if pr.Undated > 0 {
		s += v.t(labels.ListSep) + v.f(labels.PeriodUndated, num(pr.Undated))
	}
	return s
}
