package reports

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
)

// periodLags are the lags the Trend and Breakdowns sheets give the median (and p90) of:
// those of the Comparison sheet's lag chart that the report has a value of, in report
// order.
func (w *sheetWriter) periodLags() []analysis.Metric {
	var out []analysis.Metric
	for _, m := range w.bk.metrics {
		if _, ok := lagColors[m]; ok {
			out = append(out, m)
		}
	}
	return out
}

// lagName is the short name of a lag, for the headers of the period sheets.
func lagName(m analysis.Metric, l i18n.Lang) string { return i18n.Metric(m).Short.In(l) }

// medianCell is the median of s as a day figure, grey and italic when it rests on fewer
// than analysis.MinSample incidents; empty when no value is known.
func medianCell(s analysis.Stat) cell {
	return smallIf(float(s.Median, s.N > 0), !s.Reliable())
}

// small reports whether a statistic with n values is shown with the small-sample mark.
func small(n int) bool { return n > 0 && n < analysis.MinSample }

// trendSheet writes the Trend sheet of a period report: the trailing months, one row each,
// with a native chart of the incidents and records drawn from those cells; the changes
// against the previous period and a year earlier; and each case against the trailing
// medians.
func trendSheet(w *sheetWriter, _ analysis.Report, l i18n.Lang) {
	pr := w.bk.period
	lags := w.periodLags()
	months := len(pr.Trend)
	w.write(title(fmt.Sprintf(lTrendTitle.in(l), pr.Subject.Period, months)))
	w.blank()
	head := []string{lMonth.in(l), lIncidentsCol.in(l), lRecordsCol.in(l), lRecordsN.in(l)}
	for _, m := range lags {
		head = append(head, fmt.Sprintf(lMedianOf.in(l), lagName(m, l)), fmt.Sprintf(lNOf.in(l), lagName(m, l)))
	}
	head = append(head, lNote.in(l))
	w.header(head...)
	first := w.row + 1
	row := func(name cell, p analysis.PeriodFigures) {
		cells := []cell{name, countN(p.Summary.Incidents), count(p.Records()), intN(p.Summary.RecordsN)}
		anySmall := false
		for _, m := range lags {
			st := p.Summary.Stat(m)
			cells = append(cells, medianCell(st), intN(st.N))
			anySmall = anySmall || small(st.N)
		}
		note := cell{}
		if anySmall {
			note = text(lSmallSample.in(l))
		}
		w.write(append(cells, note)...)
	}
	// The trend starts at the first month the input covers: the months before it are not
	// months without incidents but months without data.
	trend := pr.Trend
	for len(trend) > 0 && !trend[0].Covered {
		trend = trend[1:]
	}
	for _, r := range trend {
		if !r.Covered {
			cells := make([]cell, len(head))
			cells[0], cells[len(head)-1] = text(r.Month.String()), text(lNoData.in(l))
			w.write(cells...)
			continue
		}
		row(text(r.Month.String()), r.PeriodFigures)
	}
	last := w.row
	row(bold(fmt.Sprintf(lTrailingPooled.in(l), months)), pr.Trailing)
	w.blank()
	w.para(lTrendNote.in(l), len(head))
	w.para(lSmallNote.in(l), len(head))

	// The chart of the month rows: incidents as columns, records as a line on a second
	// axis, both drawn from the cells above.
	w.blank()
	w.placeCharts(chartSpec{typ: excelize.Col, title: lChartTrend.in(l),
		cats:       ref(w.name, 1, first, 1, last),
		series:     []chartSeries{colSeries(w.name, 2, first-1, first, last, "56B4E9")},
		line:       []chartSeries{colSeries(w.name, 3, first-1, first, last, "D55E00")},
		valueTitle: lIncidentsCol.in(l), valueFmt: "#,##0", lineTitle: lRecordsCol.in(l), lineFmt: "#,##0",
		labels: true, width: 720, height: 300})

	changesBlock(w, pr, l)
	w.blank()
	casesBlock(w, pr, l)
	w.finish(1, false)
}

// changesBlock writes the changes of the incidents, the records and the median of each lag
// against the previous period and a year earlier.
func changesBlock(w *sheetWriter, pr *analysis.PeriodReport, l i18n.Lang) {
	w.write(bold(lChanges.in(l)))
	w.header(lFigure.in(l), fmt.Sprintf(lThisPeriod.in(l), pr.Subject.Period), lN.in(l),
		fmt.Sprintf(lPreviousPeriod.in(l), pr.Previous.Period), lN.in(l), lChangePrev.in(l), lChangePrevPct.in(l),
		fmt.Sprintf(lYearEarlier.in(l), pr.YearEarlier.Period), lN.in(l), lChangeYear.in(l), lChangeYearPct.in(l), lNote.in(l))
	find := func(cs []analysis.Change, f analysis.ChangeFigure, m analysis.Metric) analysis.Change {
		for _, c := range cs {
			if c.Figure == f && c.Metric == m {
				return c
			}
		}
		return analysis.Change{Figure: f, Metric: m}
	}
	value := func(c analysis.Change, v analysis.Value) cell {
		switch {
		case !v.Known:
			return cell{}
		case c.Figure == analysis.ChangeIncidents:
			return countN(int(v.V))
		case c.Figure == analysis.ChangeRecords:
			return count(data.Count{N: int64(v.V), Known: true, Approx: v.Approx, Bound: v.Bound})
		}
		return smallIf(float(v.V, true), v.N < analysis.MinSample)
	}
	change := func(c analysis.Change) []cell {
		if !c.Covered {
			return []cell{text(lNoData.in(l)), cell{}}
		}
		if !c.Known {
			return []cell{{}, {}}
		}
		d := diff(c.Diff)
		if c.Figure == analysis.ChangeMedian {
			d = diffDays(c.Diff)
		}
		return []cell{d, percent(c.Ratio, c.RatioKnown)}
	}
	type fig struct {
		name string
		f    analysis.ChangeFigure
		m    analysis.Metric
	}
	figs := []fig{{lIncidentsCol.in(l), analysis.ChangeIncidents, ""}, {lRecordsCol.in(l), analysis.ChangeRecords, ""}}
	for _, m := range w.periodLags() {
		figs = append(figs, fig{fmt.Sprintf(lMedianOf.in(l), lagName(m, l)), analysis.ChangeMedian, m})
	}
	for _, fg := range figs {
		p, y := find(pr.VsPrevious, fg.f, fg.m), find(pr.VsYearEarlier, fg.f, fg.m)
		cells := []cell{text(fg.name), value(p, p.Current), intN(p.Current.N)}
		if p.Covered {
			cells = append(cells, value(p, p.Earlier), intN(p.Earlier.N))
		} else {
			cells = append(cells, cell{}, cell{})
		}
		cells = append(cells, change(p)...)
		if y.Covered {
			cells = append(cells, value(y, y.Earlier), intN(y.Earlier.N))
		} else {
			cells = append(cells, cell{}, cell{})
		}
		cells = append(cells, change(y)...)
		note := cell{}
		if (p.Small && p.Covered) || (y.Small && y.Covered) {
			note = text(lSmallSample.in(l))
		}
		w.write(append(cells, note)...)
	}
}

// casesBlock sets each case of the period against the trailing medians: one row per case
// and lag, "detection → disclosure 159 days; 12-month median 120 days (n=14)".
func casesBlock(w *sheetWriter, pr *analysis.PeriodReport, l i18n.Lang) {
	months := len(pr.Trend)
	w.write(bold(fmt.Sprintf(lCasesTitle.in(l), months)))
	if len(pr.Cases) == 0 {
		w.write(text(fmt.Sprintf(lNoCases.in(l), pr.Subject.Period)))
		return
	}
	w.header(lIncidentID.in(l), lOrganization.in(l), lFigure.in(l), lThisCase.in(l),
		fmt.Sprintf(lTrailingMedian.in(l), months), fmt.Sprintf(lTrailingN.in(l), months), lDifference.in(l), lNote.in(l))
	for _, c := range pr.Cases {
		in := c.Incident.Incident
		for _, m := range w.periodLags() {
			lg := c.Lag(m)
			d := cell{}
			if lg.DiffKnown {
				d = diffDays(lg.Diff)
			}
			note := cell{}
			if small(lg.Baseline.N) {
				note = text(lSmallSample.in(l))
			}
			w.write(text(in.ID), text(in.Label()), text(i18n.Metric(m).Name.In(l)), days(lg.Value),
				medianCell(lg.Baseline), intN(lg.Baseline.N), d, note)
		}
	}
}

// breakdownsSheet writes the Breakdowns sheet of a period report: the incidents of the
// period, then those of the trailing window, by cause, industry, record type and
// certainty, each group with its count, share, records and the median and p90 of each lag
// with n. A median or p90 of fewer than analysis.MinSample values is not shown.
func breakdownsSheet(w *sheetWriter, _ analysis.Report, l i18n.Lang) {
	pr := w.bk.period
	w.write(title(fmt.Sprintf(lBreakdownsTitle.in(l), pr.Subject.Period)))
	w.para(lBreakdownNote.in(l), 8)
	w.blank()
	sections := []struct {
		heading string
		bds     []analysis.Breakdown
	}{
		{fmt.Sprintf(lBreakdownSubject.in(l), pr.Subject.Period, pr.Subject.Summary.Incidents), pr.Breakdowns},
		{fmt.Sprintf(lBreakdownTrailing.in(l), len(pr.Trend), pr.Trend[0].Month.String()+" … "+pr.Trend[len(pr.Trend)-1].Month.String(),
			pr.Trailing.Summary.Incidents), pr.TrailingBreakdowns},
	}
	for _, sec := range sections {
		w.write(title(sec.heading))
		for _, b := range sec.bds {
			breakdownTable(w, b, l)
			w.blank()
		}
	}
	w.finish(1, false)
}

// dimensionName is the header of a breakdown's first column.
func dimensionName(d analysis.Dimension, l i18n.Lang) string {
	switch d {
	case analysis.ByCause:
		return lCause.in(l)
	case analysis.ByIndustry:
		return lIndustry.in(l)
	case analysis.ByRecordType:
		return lRecordType.in(l)
	case analysis.BySize:
		return lSizeBand.in(l)
	}
	return lCertainty.in(l)
}

// groupName is the name of a group as the sheet shows it.
func groupName(d analysis.Dimension, g analysis.Group, l i18n.Lang) string {
	switch {
	case d == analysis.ByRecordType:
		return i18n.RecordType(g.RecordType).In(l)
	case d == analysis.ByCertainty:
		return i18n.Certainty(g.Certainty).In(l)
	case d == analysis.BySize:
		return i18n.SizeBand(g.Band).In(l)
	case g.Key == "":
		return lNotStated.in(l)
	}
	return g.Key
}

func breakdownTable(w *sheetWriter, b analysis.Breakdown, l i18n.Lang) {
	head := []string{dimensionName(b.Dimension, l), lIncidentsCol.in(l), lShare.in(l), lRecordsCol.in(l), lRecordsN.in(l)}
	for _, m := range w.periodLags() {
		n := lagName(m, l)
		head = append(head, fmt.Sprintf(lMedianOf.in(l), n), fmt.Sprintf(lP90Of.in(l), n), fmt.Sprintf(lNOf.in(l), n))
	}
	head = append(head, lNote.in(l))
	w.header(head...)
	for _, g := range b.Groups {
		name := text(groupName(b.Dimension, g, l))
		cells := []cell{name, countN(g.Incidents), share(g.Share), count(g.Records), intN(g.RecordsN)}
		hidden := false
		for _, m := range w.periodLags() {
			st := g.Stat(m)
			ok := st.Reliable()
			hidden = hidden || (st.N > 0 && !ok)
			cells = append(cells, float(st.Median, ok), float(st.P90, ok), intN(st.N))
		}
		note := cell{}
		if hidden {
			note = text(lSomeNotShown.in(l))
		}
		w.write(append(cells, note)...)
	}
}
