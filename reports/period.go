package reports

import (
	"fmt"
	"math"
	"slices"
	"strings"

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
	if s.N == 0 {
		return cell{}
	}
	return smallIf(median(s.Median), !s.Reliable())
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
	w.write(title(fmt.Sprintf(lTrendTitle.in(l), i18n.PeriodName(pr.Subject.Period, l), months)))
	w.gap()
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
			cells[0], cells[len(head)-1] = unbroken(i18n.MonthName(r.Month, l)), text(lNoData.in(l))
			w.write(cells...)
			continue
		}
		row(unbroken(i18n.MonthName(r.Month, l)), r.PeriodFigures)
	}
	last := w.row
	row(bold(fmt.Sprintf(lTrailingPooled.in(l), months)), pr.Trailing)
	w.gap()
	w.write(spill(fmt.Sprintf(lSeeMethod.in(l), lSheetMethod.in(l))))
	if !w.bk.printAll {
		// The printed report's changes are on the first sheet; these tables, and each case
		// against the trailing medians, are for the screen.
		onScreen := lTrendOnScreen
		if len(pr.Cases) == 0 {
			onScreen = lTrendChangesOnScreen
		}
		w.para(fmt.Sprintf(onScreen.in(l), w.name), len(head))
	}

	// The chart of the month rows: incidents as columns, records as a line on a second
	// axis, both drawn from the cells above.
	w.gap()
	w.placeCharts(chartSpec{typ: excelize.Col, title: lChartTrend.in(l),
		cats:       ref(w.name, 1, first, 1, last),
		series:     []chartSeries{colSeries(w.name, 2, first-1, first, last, "56B4E9")},
		line:       []chartSeries{colSeries(w.name, 3, first-1, first, last, "D55E00")},
		valueTitle: lIncidentsCol.in(l), valueFmt: "#,##0", lineTitle: lRecordsCol.in(l), lineFmt: "#,##0",
		labels: true, width: 900, height: 260})
	w.printUntil()

	changesBlock(w, pr, l)
	w.gap()
	casesBlock(w, pr, l)
	w.finish(1, false)
}

// changesBlock writes the changes of the incidents, the records and the median of each lag
// against the previous period and a year earlier.
func changesBlock(w *sheetWriter, pr *analysis.PeriodReport, l i18n.Lang) {
	head := []string{lFigure.in(l), fmt.Sprintf(lThisPeriod.in(l), i18n.PeriodName(pr.Subject.Period, l)), lN.in(l),
		fmt.Sprintf(lPreviousPeriod.in(l), i18n.PeriodName(pr.Previous.Period, l)), lN.in(l), lChangePrev.in(l), lChangePrevPct.in(l),
		fmt.Sprintf(lYearEarlier.in(l), i18n.PeriodName(pr.YearEarlier.Period, l)), lN.in(l), lChangeYear.in(l), lChangeYearPct.in(l), lNote.in(l)}
	// The heading, the header and the rows on one page, at their heights as emit sets
	// them: a figure's name wraps in column A, and a period the input does not cover
	// reads データなし across its four columns.
	names := []string{lIncidentsCol.in(l), lRecordsCol.in(l)}
	for _, m := range w.periodLags() {
		names = append(names, fmt.Sprintf(lMedianOf.in(l), lagName(m, l)))
	}
	height := w.lineHt + w.headerHeight(head)
	for _, n := range names {
		h := w.textHeight(1, n)
		if !pr.Previous.Covered {
			h = max(h, w.spanHeight(4, 4, lNoData.in(l)))
		}
		if !pr.YearEarlier.Covered {
			h = max(h, w.spanHeight(8, 4, lNoData.in(l)))
		}
		height += h
	}
	w.keep(height)
	w.write(heading(lChanges.in(l)))
	w.header(head...)
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
		// A period the input does not cover has no value, n, change or percentage: one
		// データなし across the four.
		against := func(c analysis.Change) []cell {
			if !c.Covered {
				return []cell{across(lNoData.in(l), 4), {}, {}, {}}
			}
			return append([]cell{value(c, c.Earlier), intN(c.Earlier.N)}, change(c)...)
		}
		cells := []cell{text(fg.name), value(p, p.Current), intN(p.Current.N)}
		cells = append(cells, against(p)...)
		cells = append(cells, against(y)...)
		note := cell{}
		if (p.Small && p.Covered) || (y.Small && y.Covered) {
			note = text(lSmallSample.in(l))
		}
		w.write(append(cells, note)...)
	}
}

// headerHeight is the height of a header row of head, as emit sets it: its longest
// header's wrapped lines.
func (w *sheetWriter) headerHeight(head []string) float64 {
	lines := 1.0
	for i, h := range head {
		lines = max(lines, wrappedLines(h, w.lo.colWidth(i+1)))
	}
	if lines == 1 {
		return w.lineHt
	}
	return lines*w.lineHt + 2
}

// spanHeight is the height of a row whose cells from column col across span columns,
// merged, hold the text s, as emit sets it.
func (w *sheetWriter) spanHeight(col, span int, s string) float64 {
	wd := 0.0
	for c := col; c < col+span; c++ {
		wd += w.lo.colWidth(c)
	}
	if lines := wrappedLines(s, wd); lines > 1 {
		return math.Min(lines*w.lineHt+2, 409)
	}
	return w.lineHt
}

// changesCols is how many columns the changes table takes: the figure, then the value,
// n, change and percentage for this period, the previous one and a year earlier, and a
// note.
const changesCols = 12

// casesBlock sets each case of the period against the trailing medians: one row per case
// and lag, "detection → disclosure 159 days; 12-month median 120 days (n=14)".
func casesBlock(w *sheetWriter, pr *analysis.PeriodReport, l i18n.Lang) {
	months := len(pr.Trend)
	lags := w.periodLags()
	if len(pr.Cases) == 0 {
		w.keepRows(2)
		w.write(heading(fmt.Sprintf(lCasesTitle.in(l), months)))
		w.write(text(fmt.Sprintf(lNoCases.in(l), i18n.PeriodName(pr.Subject.Period, l))))
		return
	}
	// One row per case that has one of the lags: its days and the difference from the
	// trailing median of the pooled row above, lag by lag.
	// The organisation comes last, wrapped across the columns up to the sheet's last (the
	// changes table's), so that it prints inside the page.
	head := []string{lIncidentID.in(l)}
	for _, m := range lags {
		head = append(head, lagName(m, l), fmt.Sprintf(lDiffOf.in(l), lagName(m, l)))
	}
	head = append(head, lOrganization.in(l))
	var rows [][]cell
	for _, c := range pr.Cases {
		in := c.Incident.Incident
		cells := []cell{text(in.ID)}
		any := false
		for _, m := range lags {
			lg := c.Lag(m)
			d := cell{}
			if lg.DiffKnown {
				d = smallIf(diffDays(lg.Diff), small(lg.Baseline.N))
			}
			cells = append(cells, days(lg.Value), d)
			any = any || lg.Value.Known
		}
		if any {
			rows = append(rows, append(cells, across(in.Label(), max(changesCols-len(cells), 1))))
		}
	}
	// The heading, the note, the header and the rows on one page when they fit one, at
	// the rows' heights as emit sets them.
	lines := func(s string, from, span int) float64 {
		wd := 0.0
		for c := from; c < from+span; c++ {
			wd += w.lo.colWidth(c)
		}
		return wrappedLines(s, wd)
	}
	height := 2*w.lineHt + w.headerHeight(head)
	for _, r := range rows {
		org := r[len(r)-1]
		n := max(lines(org.s, len(r), org.span), w.textHeight(1, r[0].s)/w.lineHt)
		height += n * w.lineHt
		if n > 1 {
			height += 2
		}
	}
	w.keep(height)
	w.write(heading(fmt.Sprintf(lCasesTitle.in(l), months)))
	w.write(spill(fmt.Sprintf(lCasesNote.in(l), months)))
	w.header(head...)
	for _, r := range rows {
		w.write(r...)
	}
}

// breakdownsSheet writes the Breakdowns sheet of a period report: the incidents of the
// period, then those of the trailing window, by cause, industry, record type and
// certainty, each group with its count, share, records and the median and p90 of each lag
// with n. A median or p90 of fewer than analysis.MinSample values is not shown.
func breakdownsSheet(w *sheetWriter, _ analysis.Report, l i18n.Lang) {
	pr := w.bk.period
	w.write(title(fmt.Sprintf(lBreakdownsTitle.in(l), i18n.PeriodName(pr.Subject.Period, l))))
	w.write(spill(fmt.Sprintf(lSeeMethod.in(l), lSheetMethod.in(l))))
	w.gap()
	w.write(title(fmt.Sprintf(lBreakdownSubject.in(l), i18n.PeriodName(pr.Subject.Period, l), i18n.Incidents(pr.Subject.Summary.Incidents, l))))
	// Each charted breakdown's bar chart goes under its table. Where the page is wide
	// enough for two, the charts of two charted tables in a row go side by side between
	// them, under the first and above the second: a chart is narrower than a table, and
	// beside another it takes no rows of its own.
	pair := w.pairWidth()
	bs := pr.Breakdowns
	withChart := func(i int) bool { return i < len(bs) && charted[bs[i].Dimension] && len(bs[i].Groups) > 0 }
	for i := 0; i < len(bs); i++ {
		if !withChart(i) {
			breakdownTable(w, bs[i], l, false, 0)
			w.gap()
			continue
		}
		spec := breakdownChart(bs[i], l)
		if pair == 0 || !withChart(i+1) {
			first, last := breakdownTable(w, bs[i], l, true, spec.height)
			spec.cells(w.name, first, last)
			w.placeCharts(*spec)
			w.gap()
			continue
		}
		next := breakdownChart(bs[i+1], l)
		first, last := breakdownTable(w, bs[i], l, true, max(spec.height, next.height))
		spec.cells(w.name, first, last)
		spec.width, next.width, next.offsetX = pair, pair, int(pair)+chartGap
		// The second table's groups start under the charts' rows, a gap and its header.
		rows := w.chartRows(max(spec.height, next.height))
		nextFirst := w.row + rows + 3
		next.cells(w.name, nextFirst, nextFirst+len(bs[i+1].Groups)-1)
		w.placeCharts(*spec, *next)
		w.gap()
		if first, _ := breakdownTable(w, bs[i+1], l, true, 0); first != nextFirst && !w.measuring {
			w.fail(fmt.Errorf("the chart of %q refers to rows from %d, but its table's groups start at %d", next.title, nextFirst, first))
		}
		w.gap()
		i++
	}
	dutyCounts(w, pr.Subject.Incidents, l)
	w.gap()
	trend := pr.Trend
	if pr.Trailing.Summary.Incidents == pr.Subject.Summary.Incidents {
		// The trailing window ends with the period and holds it: with no more incidents
		// it holds the same ones, and its breakdowns would repeat the period's.
		w.write(spill(fmt.Sprintf(lTrailingSame.In(l), len(trend))))
		w.finish(1, false)
		return
	}
	window := i18n.PeriodName(analysis.Period{From: trend[0].Month.First(), To: trend[len(trend)-1].Month.Last()}, l)
	if !w.bk.printAll {
		// The printed report is the period's; the trailing year's breakdowns are for the
		// screen.
		w.para(fmt.Sprintf(lTrailingOnScreen.in(l), len(trend), window, i18n.Incidents(pr.Trailing.Summary.Incidents, l), w.name), onScreenSpan)
		w.printUntil()
		w.blank()
	}
	// The title on the page of the first table's first rows (see breakdownTable).
	w.keep(2*w.lineHt + 8*w.lineHt)
	w.write(title(fmt.Sprintf(lBreakdownTrailing.in(l), len(trend), window, i18n.Incidents(pr.Trailing.Summary.Incidents, l))))
	// The trailing year's long tail of causes and industries would fill pages: its ten
	// largest groups are shown, and the rest counted in one line.
	for _, b := range pr.TrailingBreakdowns {
		rest := 0
		if len(b.Groups) > trailingGroups {
			for _, g := range b.Groups[trailingGroups:] {
				rest += g.Incidents
			}
			b.Groups = b.Groups[:trailingGroups]
			b.Merges = slices.DeleteFunc(slices.Clone(b.Merges), func(m analysis.Merge) bool {
				return !slices.ContainsFunc(b.Groups, func(g analysis.Group) bool { return g.Key == m.Into })
			})
		}
		breakdownTable(w, b, l, false, 0)
		if rest > 0 {
			w.write(spill(fmt.Sprintf(lOtherGroups.in(l), i18n.Incidents(rest, l))))
		}
		w.gap()
	}
	w.finish(1, false)
}

// onScreenSpan is how many columns the line on the trailing breakdowns wraps across: those
// of the narrowest breakdown table (its name, count, share, records and their n, and an n
// per lag).
const onScreenSpan = 9

// trailingGroups is how many groups of each trailing breakdown the sheet lists.
const trailingGroups = 10

// charted are the breakdowns of the period drawn as a bar chart with their table.
var charted = map[analysis.Dimension]bool{
	analysis.ByCause: true, analysis.ByIndustry: true, analysis.ByRecordType: true, analysis.BySize: true,
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
	case analysis.ByCauseCategory:
		return lCauseCategory.in(l)
	case analysis.ByIndustryCategory:
		return lIndustryCategory.in(l)
	}
	return lCertainty.in(l)
}

// groupName is the name of a group as the sheet shows it.
func groupName(d analysis.Dimension, g analysis.Group, l i18n.Lang) string {
	return i18n.GroupName(d, g, l)
}

// breakdownChart is the bar chart of a breakdown's incidents by group, without its cells:
// every bar labelled, each group in its own colour.
func breakdownChart(b analysis.Breakdown, l i18n.Lang) *chartSpec {
	// A bar takes 20 pixels, or 32 where a group's name has spaces and is long: in a chart
	// half a page wide LibreOffice wraps such a name at its spaces, over two lines that
	// would run into the next name's. (It does not wrap Japanese names.)
	bar := 20
	for _, g := range b.Groups {
		if name := groupName(b.Dimension, g, l); strings.Contains(name, " ") && textWidth(name) > 20 {
			bar = 32
		}
	}
	return &chartSpec{typ: excelize.Bar, title: fmt.Sprintf(lChartBreakdown.in(l), dimensionName(b.Dimension, l)),
		valueFmt: "#,##0", labels: true, vary: true, width: 640, height: uint(min(max(50+bar*len(b.Groups), 100), 460))}
}

// cells points c at the groups' names and incidents of a breakdown table whose groups
// take rows first to last of sheet.
func (c *chartSpec) cells(sheet string, first, last int) {
	c.cats = ref(sheet, 1, first, 1, last)
	c.series = []chartSeries{colSeries(sheet, 2, first-1, first, last, "")}
}

// breakdownTable writes one breakdown: each group with its incidents, share and records
// (with the incidents they rest on), and the median and p90 of each lag the report has;
// and the spelling variants merged, one line each. It returns the rows of the groups.
// With whole, the table is kept on one page, with the charts placed right after it,
// chart pixels high; otherwise only a long table's first rows are kept together.
func breakdownTable(w *sheetWriter, b analysis.Breakdown, l i18n.Lang, whole bool, chart uint) (first, last int) {
	head := []string{dimensionName(b.Dimension, l), lIncidentsCol.in(l), lShare.in(l), lRecordsCol.in(l), lRecordsN.in(l)}
	// A lag's median and p90 columns are there only when a group has enough values to
	// show them: the small groups of a month seldom do. Its n column is always there.
	withStat := map[analysis.Metric]bool{}
	for _, m := range w.periodLags() {
		n := lagName(m, l)
		for _, g := range b.Groups {
			withStat[m] = withStat[m] || g.Stat(m).Reliable()
		}
		if withStat[m] {
			head = append(head, fmt.Sprintf(lMedianOf.in(l), n), fmt.Sprintf(lP90Of.in(l), n))
		}
		head = append(head, fmt.Sprintf(lNOf.in(l), n))
	}
	// The table's height is its rows' as emit will set them (a long name wraps).
	height := w.headerHeight(head) + float64(len(b.Merges)+categoryLines(b))*w.lineHt
	for _, g := range b.Groups {
		height += w.textHeight(1, groupName(b.Dimension, g, l))
	}
	switch {
	case whole && chart > 0:
		w.keep(height + w.chartHeight(chart))
	case whole:
		w.keep(height)
	default:
		w.keep(min(height, 8*w.lineHt))
	}
	w.header(head...)
	first = w.row + 1
	for _, g := range b.Groups {
		cells := []cell{text(groupName(b.Dimension, g, l)), countN(g.Incidents), share(g.Share), count(g.Records), intN(g.RecordsN)}
		for _, m := range w.periodLags() {
			st := g.Stat(m)
			if withStat[m] {
				med, p90 := cell{}, cell{}
				if st.Reliable() {
					med, p90 = median(st.Median), median(st.P90)
				}
				cells = append(cells, med, p90)
			}
			cells = append(cells, intN(st.N))
		}
		w.write(cells...)
	}
	last = w.row
	for _, m := range b.Merges {
		var from []string
		for _, sp := range m.From {
			from = append(from, fmt.Sprintf(lSpellingCount.in(l), sp.Text, i18n.Incidents(sp.Incidents, l)))
		}
		w.write(spill(fmt.Sprintf(lMerged.in(l), strings.Join(from, lListSep.in(l)), m.Into)))
	}
	categoryContents(w, b, l)
	return first, last
}

// chartGap is the room between two charts side by side, in pixels.
const chartGap = 12

// Bounds of the width of a chart beside another, in pixels: no wider than a bar chart of
// groups needs, and wide enough for a group's name and its labelled bar.
const (
	pairMaxWidth = 480
	pairMinWidth = 400
)

// pairWidth is the width of each of two charts side by side on the sheet being written:
// half the page's width at the sheet's print scale, up to pairMaxWidth; 0 when that is
// less than pairMinWidth, and while measuring, before the print scale is known (charts
// are then counted one under another, which never makes the sheet wider).
func (w *sheetWriter) pairWidth() uint {
	if w.measuring || len(w.lo.colWidths) == 0 {
		return 0
	}
	// The page's width in pixels at 100%, seven a character (see placeCharts), less the
	// margin placeCharts leaves right of the charts.
	page := w.lo.pageChars/w.lo.printScale()*7 - 12
	each := (int(page) - chartGap) / 2
	if each < pairMinWidth {
		return 0
	}
	return uint(min(each, pairMaxWidth))
}

// categoryLines is how many lines categoryContents writes under a breakdown.
func categoryLines(b analysis.Breakdown) int {
	if b.Dimension != analysis.ByCauseCategory && b.Dimension != analysis.ByIndustryCategory {
		return 0
	}
	n := 0
	for _, g := range b.Groups {
		if len(g.Spellings) > 0 {
			n++
		}
	}
	return n
}

// categoryContents writes, under a breakdown by standard category, the values as typed
// that each category holds, and those no category matches.
func categoryContents(w *sheetWriter, b analysis.Breakdown, l i18n.Lang) {
	if categoryLines(b) == 0 {
		return
	}
	for _, g := range b.Groups {
		if len(g.Spellings) == 0 {
			continue
		}
		vals := make([]string, len(g.Spellings))
		for i, sp := range g.Spellings {
			vals[i] = fmt.Sprintf(lSpellingCount.in(l), sp.Text, i18n.Incidents(sp.Incidents, l))
		}
		w.write(spill(fmt.Sprintf(lCategoryHolds.in(l), groupName(b.Dimension, g, l), strings.Join(vals, lListSep.in(l)))))
	}
}
