package charts

import (
	"fmt"
	"math"
	"strconv"
	"time"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
)

// period names a period in the page's language (i18n.PeriodName): 2024年5月, May 2024;
// 2024年4月〜6月, April–June 2024.
func (v view) period(p analysis.Period) string { return i18n.PeriodName(p, v.lang) }

// month names a calendar month: 2024年5月, May 2024.
func (v view) month(m analysis.Month) string { return i18n.MonthName(m, v.lang) }

// monthTick is the axis label of a month: with its year for the first month and every
// January (Jul 2018, 2018年7月), else the month alone (Aug, 8月), so that twelve fit a narrow
// chart.
func (v view) monthTick(m analysis.Month, first bool) string {
	ja := v.lang == i18n.Ja
	switch {
	case (first || m.Month == time.January) && ja:
		return fmt.Sprintf("%d年%d月", m.Year, int(m.Month))
	case first || m.Month == time.January:
		return m.Month.String()[:3] + " " + strconv.Itoa(m.Year)
	case ja:
		return fmt.Sprintf("%d月", int(m.Month))
	}
	return m.Month.String()[:3]
}

// year is the axis label of a year: 2019, 2019年.
func (v view) year(y int) string {
	if v.lang == i18n.Ja {
		return fmt.Sprintf("%d年", y)
	}
	return strconv.Itoa(y)
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

// smallMark marks a figure resting on fewer than analysis.MinSample incidents.
const smallMark = " *"

// daysF formats a day figure that may have a fraction (a median of an even number of
// values), with one decimal only when it is not .0: 120日, 153.5日; 120 days, 153.5 days.
func (v view) daysF(x float64) string { return i18n.MedianDays(x, v.lang) }

// median formats a median with its n, "120 days (n=14)", marked when n is small, or a dash
// when no value is known.
func (v view) median(s analysis.Stat) string {
	if s.N == 0 {
		return v.f(labels.NoValueN, 0)
	}
	out := v.f(labels.MedianN, v.daysF(s.Median), s.N)
	if !s.Reliable() {
		out += smallMark
	}
	return out
}

// periodRecords formats the records of a month or period with the incidents they rest on:
// "1,500 (n=2)"; 0 when nothing was disclosed; unknown when no total is known.
func (v view) periodRecords(p analysis.PeriodFigures) string {
	r := p.Records()
	if p.Summary.Incidents == 0 {
		return v.records(0)
	}
	if !r.Known {
		return v.t(labels.Unknown)
	}
	return v.f(labels.ValueN, v.count(r), p.Summary.RecordsN)
}

// trendChart is the monthly trend of a period report: a go-echarts Bar of the incidents
// disclosed in each month of the trailing window, the months of the period darker, with a
// Line of the records on a second axis. Empty months are bars of zero. The tooltip of a
// month gives its incidents, records and the median of each lag with its n; the tables
// under the chart give the same per month and pooled over the window, and the changes
// against the previous period and a year earlier. The trend starts at the first month the
// data covers: the months before it are not rows.
func (v view) trendChart(pr *analysis.PeriodReport) (chart, error) {
	trend := pr.Trend // from the first month with data
	c := chart{ID: "chart-trend", Title: v.f(labels.TrendTitle, num(len(trend))), Height: 380, Wide: true}
	tablePeriod := pr.Trailing.Period
	if len(trend) > 0 {
		tablePeriod.From = trend[0].Period.From
	}
	var months []string
	inSubject := func(m analysis.Month) bool {
		for _, r := range pr.Months {
			if r.Month == m {
				return true
			}
		}
		return false
	}
	bars := make([]opts.BarData, 0, len(pr.Trend))
	recs := make([]opts.LineData, 0, len(pr.Trend))
	tbl := &table{Caption: v.f(labels.TrendTableCaption, v.period(tablePeriod)),
		Head: []string{v.t(labels.Month), v.t(labels.IncidentsHead), v.t(labels.RecordsHead)}}
	for _, lm := range v.metrics {
		tbl.Head = append(tbl.Head, v.f(labels.MedianHead, v.t(i18n.Metric(lm.m).Short)))
	}
	row := func(name string, p analysis.PeriodFigures) ([]string, tip) {
		tp := tip{Title: name, Rows: []tipRow{
			{Label: v.t(labels.IncidentsHead), Value: num(p.Summary.Incidents), Color: skyBlue},
			{Label: v.t(labels.RecordsHead), Value: v.periodRecords(p), Color: vermillion},
		}}
		cells := []string{name, num(p.Summary.Incidents), v.periodRecords(p)}
		for _, lm := range v.metrics {
			md := v.median(p.Summary.Stat(lm.m))
			cells = append(cells, md)
			tp.Rows = append(tp.Rows, tipRow{Label: v.f(labels.MedianHead, v.t(i18n.Metric(lm.m).Short)), Value: md})
		}
		return cells, tp
	}
	uncovered := false
	for i, r := range trend {
		name := v.month(r.Month)
		months = append(months, v.monthTick(r.Month, i == 0))
		if !r.Covered {
			// Before the first or after the last month of the data: no data, not zero.
			bars = append(bars, opts.BarData{Value: missing})
			recs = append(recs, opts.LineData{Value: missing})
			nd := v.t(labels.NoData)
			cells := []string{name, nd, nd}
			for range v.metrics {
				cells = append(cells, nd)
			}
			tbl.Rows = append(tbl.Rows, cells)
			c.Payload.Tips.Axis = append(c.Payload.Tips.Axis, tip{Title: name, Rows: []tipRow{{Label: v.t(labels.IncidentsHead), Value: nd}}})
			uncovered = true
			continue
		}
		b := opts.BarData{Value: r.Summary.Incidents}
		if inSubject(r.Month) {
			b.ItemStyle = &opts.ItemStyle{Color: blue}
		}
		bars = append(bars, b)
		if rc := r.Records(); rc.Known {
			recs = append(recs, opts.LineData{Value: rc.N})
		} else {
			recs = append(recs, opts.LineData{Value: missing})
		}
		cells, tp := row(name, r.PeriodFigures)
		tbl.Rows = append(tbl.Rows, cells)
		c.Payload.Tips.Axis = append(c.Payload.Tips.Axis, tp)
	}
	pooled, _ := row(v.f(labels.TrailingRow, num(len(pr.Trend))), pr.Trailing)
	tbl.Rows = append(tbl.Rows, pooled)

	bar := v.monthlyBars(c.Title, v.f(labels.TrendSubtitle, v.period(pr.Subject.Period)), months, bars, recs, true)

	// The changes against the previous period and a year earlier are at the top of the page.
	c.Tables = []*table{tbl}
	c.Notes = []string{
		v.t(labels.TrendKey),
		v.f(labels.TrailingNote, num(len(pr.Trend))),
		v.t(labels.SmallNote),
	}
	if uncovered || !pr.Previous.Covered || !pr.YearEarlier.Covered {
		c.Notes = append(c.Notes, v.t(labels.NoDataNote))
	}
	c.Payload.Kind = "trend"
	c.Payload.Compact = []string{"yAxis"}
	opt, err := v.option(bar, monthAxisExtra(v.sub("x")))
	c.Payload.Option = opt
	return c, err
}

// monthAxisExtra asks ECharts to try every label of the month axis (interval 0, a number,
// which go-echarts can only write as a string), leaving out only those that would overlap,
// and lowers the plot so that the names above the two value axes clear the legend.
func monthAxisExtra(subtitle string) extra {
	return extra{"xAxis": []any{extra{"axisLabel": extra{"interval": 0}}},
		"grid": []any{extra{"top": gridTop(subtitle) + 14}}}
}

// monthlyBars is the chart of incidents (bars, left axis) and records (a line, right axis)
// per month that the trend and the index's overview share; barLabels writes each bar's
// count on top of it.
func (v view) monthlyBars(title, subtitle string, ticks []string, bars []opts.BarData, recs []opts.LineData, barLabels bool) *ec.Bar {
	bar := ec.NewBar()
	bar.SetGlobalOptions(append(v.globals(title, subtitle),
		ec.WithTooltipOpts(opts.Tooltip{Trigger: "axis", AxisPointer: &opts.AxisPointer{Type: "shadow"}}),
		ec.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: &opts.AxisLabel{HideOverlap: opts.Bool(true)}}),
		ec.WithYAxisOpts(opts.YAxis{Type: "value", Name: v.t(labels.IncidentsHead), MinInterval: 1}),
	)...)
	bar.ExtendYAxis(opts.YAxis{Type: "value", Name: v.t(labels.RecordsHead), SplitLine: &opts.SplitLine{Show: opts.Bool(false)}})
	bar.SetXAxis(ticks)
	bar.AddSeries(v.t(labels.IncidentsHead), bars,
		ec.WithItemStyleOpts(opts.ItemStyle{Color: skyBlue}),
		ec.WithLabelOpts(opts.Label{Show: opts.Bool(barLabels), Position: "top", Color: "#222222"}),
		barMaxWidth(36))
	line := ec.NewLine()
	line.SetXAxis(ticks)
	line.AddSeries(v.t(labels.RecordsHead), recs,
		ec.WithLineChartOpts(opts.LineChart{YAxisIndex: 1, ShowSymbol: opts.Bool(len(ticks) <= 24)}),
		ec.WithItemStyleOpts(opts.ItemStyle{Color: vermillion}),
		ec.WithLineStyleOpts(opts.LineStyle{Color: vermillion, Width: 2}))
	bar.Overlap(line)
	return bar
}

// changesTable compares the subject with the previous period and with a year earlier: the
// incidents, the records and the median of each lag.
func (v view) changesTable(pr *analysis.PeriodReport) *table {
	t := &table{Caption: v.t(labels.ChangesCaption), Head: []string{"", v.period(pr.Subject.Period),
		v.f(labels.PreviousHead, v.period(pr.Previous.Period)), v.t(labels.ChangeHead),
		v.f(labels.YearEarlierHead, v.period(pr.YearEarlier.Period)), v.t(labels.ChangeHead)}}
	byKey := func(cs []analysis.Change, f analysis.ChangeFigure, m analysis.Metric) analysis.Change {
		for _, c := range cs {
			if c.Figure == f && c.Metric == m {
				return c
			}
		}
		return analysis.Change{}
	}
	type figure struct {
		name string
		f    analysis.ChangeFigure
		m    analysis.Metric
	}
	figs := []figure{{v.t(labels.IncidentsHead), analysis.ChangeIncidents, ""}, {v.t(labels.RecordsHead), analysis.ChangeRecords, ""}}
	for _, lm := range v.metrics {
		figs = append(figs, figure{v.f(labels.MedianHead, v.t(i18n.Metric(lm.m).Short)), analysis.ChangeMedian, lm.m})
	}
	for _, fg := range figs {
		prev, year := byKey(pr.VsPrevious, fg.f, fg.m), byKey(pr.VsYearEarlier, fg.f, fg.m)
		t.Rows = append(t.Rows, []string{fg.name, v.changeValue(prev, prev.Current, true),
			v.changeValue(prev, prev.Earlier, prev.Covered), v.change(prev),
			v.changeValue(year, year.Earlier, year.Covered), v.change(year)})
	}
	return t
}

// changeValue formats one side of a change: a count, records with their n, or a median
// with its n (marked when small); "no data" for a period outside the data.
func (v view) changeValue(c analysis.Change, x analysis.Value, covered bool) string {
	if !covered {
		return v.t(labels.NoData)
	}
	switch c.Figure {
	case analysis.ChangeIncidents:
		return num(int(x.V))
	case analysis.ChangeRecords:
		if x.N == 0 && x.Known {
			return v.records(int64(x.V))
		}
		if !x.Known {
			return v.t(labels.Unknown)
		}
		return v.f(labels.ValueN, v.count(data.Count{N: int64(x.V), Known: true, Approx: x.Approx, Bound: x.Bound}), x.N)
	}
	if !x.Known {
		return v.f(labels.NoValueN, x.N)
	}
	out := v.f(labels.MedianN, v.daysF(x.V), x.N)
	if x.N < analysis.MinSample {
		out += smallMark
	}
	return out
}

// change formats a change: the difference and, when the earlier value is not 0, the
// relative change: "+1 (+100%)", "−80 days". Medians resting on a small sample are marked.
func (v view) change(c analysis.Change) string {
	if !c.Covered {
		return v.t(labels.NoData)
	}
	if !c.Known {
		return v.t(labels.NoValue)
	}
	var out string
	switch c.Figure {
	case analysis.ChangeIncidents:
		out = i18n.Signed(c.Diff, func(x float64) string { return num(int(x)) })
	case analysis.ChangeRecords:
		out = i18n.Signed(c.Diff, func(x float64) string { return v.records(int64(x)) })
	default:
		out = i18n.Signed(c.Diff, v.daysF)
	}
	if c.RatioKnown {
		out = v.f(labels.WithRatio, out, i18n.Signed(math.Round(c.Ratio*1000)/10, func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) + "%" }))
	}
	if c.Small {
		out += smallMark
	}
	return out
}

// casesChart sets each case of the period against the trailing medians: a go-echarts Bar of
// the cases' lags, one series per lag, each with a dashed line at its trailing median. The
// table under it reads "detection → disclosure 159 days; 12-month median 100 days (n=5)".
func (v view) casesChart(pr *analysis.PeriodReport) (chart, error) {
	cases := pr.Cases
	shown := len(cases)
	if shown > maxCases {
		cases = cases[:maxCases]
	}
	figs := make([]analysis.IncidentFigures, len(cases))
	for i, cc := range cases {
		figs[i] = cc.Incident
	}
	cv := v
	cv.figs, cv.cases, cv.compared = figs, caseLabels(figs), shown
	months := num(len(pr.Trend))
	c := chart{ID: "chart-cases", Title: v.f(labels.CasesTitle, months), Height: cv.height(110)}
	bar := cv.caseBars(c.Title, cv.casesNote(),
		opts.XAxis{Type: "value", Name: v.t(labels.LagsAxis), NameLocation: "middle", NameGap: 26})
	var series []any
	for _, lm := range v.metrics {
		name := v.t(i18n.Metric(lm.m).Short)
		items := make([]opts.BarData, 0, len(cases))
		for _, cc := range cases {
			l := cc.Lag(lm.m)
			if !l.Value.Known {
				items = append(items, opts.BarData{Value: missing})
				continue
			}
			items = append(items, opts.BarData{Value: l.Value.N,
				Label: &opts.Label{Show: opts.Bool(true), Formatter: v.days(l.Value.N)}})
		}
		bar.AddSeries(name, items,
			ec.WithBarChartOpts(opts.BarChart{BarGap: "15%"}),
			ec.WithItemStyleOpts(opts.ItemStyle{Color: lm.color}),
			ec.WithLabelOpts(opts.Label{Position: "right", FontSize: 11, Color: "#222222"}),
			barMaxWidth(18))
		ex := extra{}
		if base := pr.Trailing.Summary.Stat(lm.m); base.N > 0 {
			// The label is the formatted median: no braces, so ECharts shows it as it is.
			// The lines of the four figures may lie close together, so they carry no
			// label: the tooltip and the table give each median with its n.
			ex["markLine"] = extra{"silent": true, "symbol": []any{"none", "none"},
				"lineStyle": extra{"color": lm.color, "type": "dashed", "width": 1.5},
				"label":     extra{"show": false},
				"data":      []any{extra{"name": v.f(labels.MedianLine, v.median(base)), "xAxis": base.Median}}}
		}
		series = append(series, ex)
	}
	tbl := &table{Head: []string{v.t(labels.RecordsTableCase), v.t(labels.Figure), v.t(labels.ThisCase),
		v.f(labels.TrailingMedian, months), v.t(labels.Difference)}}
	for i, cc := range cases {
		tp := tip{Title: cv.cases[i]}
		for _, lm := range v.metrics {
			l := cc.Lag(lm.m)
			val := v.t(labels.Unknown)
			if l.Value.Known {
				val = v.days(l.Value.N)
			}
			diff := v.t(labels.NoValue)
			if l.DiffKnown {
				diff = i18n.Signed(l.Diff, v.daysF)
				if !l.Baseline.Reliable() {
					diff += smallMark
				}
			}
			name := v.t(i18n.Metric(lm.m).Short)
			tbl.Rows = append(tbl.Rows, []string{cv.cases[i], name, val, v.median(l.Baseline), diff})
			tp.Rows = append(tp.Rows, tipRow{Label: name, Color: lm.color,
				Value: v.f(labels.CaseVsMedian, val, months, v.median(l.Baseline))})
		}
		c.Payload.Tips.Axis = append(c.Payload.Tips.Axis, tp)
	}
	c.Tables = []*table{tbl}
	c.Notes = []string{v.f(labels.CasesKey, months), v.t(labels.SmallNote), v.t(i18n.DayConvention)}
	c.Payload.Kind = "cases"
	c.Payload.Ticks = map[string][]string{"yAxis": caseTicks(cv.cases)}
	opt, err := v.option(bar, extra{"series": series})
	c.Payload.Option = opt
	return c, err
}
