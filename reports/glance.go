package reports

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
)

// longDate is a time's date as text reads it: 2024年6月10日, June 10, 2024.
func longDate(t time.Time, l i18n.Lang) string {
	return i18n.Date(data.DateOf(t, data.PrecisionDay), l)
}

// defaultTitle is the title of a report without --title: the period's for a period
// report (2024年5月に公表された事案), else the report's own.
func defaultTitle(pr *analysis.PeriodReport, l i18n.Lang) string {
	if pr == nil {
		return lReportTitle.in(l)
	}
	return i18n.PeriodTitle(pr.Subject.Period, l)
}

// glanceSheet writes the first sheet of a period workbook: the title, the period's
// incidents one row each by disclosure date, the summary in sentences, and the figures
// the sentences state set against the previous period and a year earlier.
func glanceSheet(w *sheetWriter, _ analysis.Report, l i18n.Lang) {
	pr := w.bk.period
	w.write(title(w.bk.title))
	if w.bk.client != "" {
		w.write(spill(fmt.Sprintf(lForClient.in(l), w.bk.client)))
	}
	if w.bk.generated != "" {
		w.write(spill(lIssuedOn.in(l) + w.bk.generated))
	}
	if w.bk.incomplete != "" {
		w.para(w.bk.incomplete, 8)
	}
	w.gap()
	glanceWidths(w)
	top := w.y
	w.header(lDisclosed.in(l), lOrgService.in(l), lIndustry.in(l), lCause.in(l), lExposedInfo.in(l),
		lRecords.in(l), lDiscloseDays.in(l), lSource.in(l))
	// A page the list continues on begins with the header again: it is reckoned there,
	// and repeated when the list ends on the sheet's last page (below).
	headHt, first := w.y-top, w.page
	incidents := glanceIncidents(pr)
	for _, f := range incidents {
		page := w.page
		in := &f.Incident
		rec := count(f.Total)
		if !f.Total.Known {
			rec = text(lCountUnknown.in(l))
		}
		src := cell{}
		if len(in.SourceURLs) > 0 {
			src = namedLink(in.SourceURLs[0])
		}
		w.write(date(in.Disclosed), text(orgService(in, l)), text(in.Industry), text(in.Cause),
			text(exposedInfo(in, l)), rec, days(f.Disclose), src)
		if w.page != page && headHt > 0 {
			w.y += headHt
		}
	}
	continued := w.page != first
	if len(incidents) == 0 {
		w.write(spill(fmt.Sprintf(lNoCases.in(l), i18n.PeriodName(pr.Subject.Period, l))))
	}
	last := w.page
	w.gap()
	fig := glanceFiguresOf(pr, l)
	w.keepRows(3)
	w.write(heading(lSummaryHeading.in(l)))
	for _, s := range i18n.PeriodSummary(*pr, l) {
		w.para(s.Text, 8)
	}
	if w.bk.notComputed != "" {
		w.para(w.bk.notComputed, 8)
	}
	w.gap()
	glanceComparison(w, pr, fig, l)
	w.gap()
	largestTable(w, pr, l)
	// The blocks under the list follow it on its last page: every page after the first
	// begins with the list's rows.
	w.repeatHead = continued && w.page == last
	w.finish(0, false)
}

// glanceCaps are the widths, in characters, of the list's columns after the name (C to
// H): their usual text on one line (地方公共団体, ランサムウェア, アカウント情報, 約1,440,686件,
// データなし, a source's host name), a rarer longer one wrapped. The comparison under the
// list holds its figures in the same columns.
var glanceCaps = map[int]float64{3: 14.5, 4: 15.5, 5: 15.5, 6: 14.5, 7: 11.5, 8: 16}

// glanceWidths lays the sheet's columns out to print one page wide: the organisations'
// names, the longest text of the list, get the width the other columns leave at
// minPrintScale, so that a name of usual length takes one line, a long one two.
func glanceWidths(w *sheetWriter) {
	w.fillWidth(2)
	w.breakEvery = true
	for col, most := range glanceCaps {
		w.capWidth(col, most)
	}
}

// gap skips a row half a line high: it sets two blocks of the sheet apart and leaves the
// page's height to the list.
func (w *sheetWriter) gap() {
	w.row++
	if w.measuring {
		w.lo.rows = max(w.lo.rows, w.row)
		return
	}
	h := w.lineHt / 2
	w.advance(h)
	if w.err != nil {
		return
	}
	w.lockInTurn()
	defer w.unlock()
	w.fail(w.f.SetRowHeight(w.name, w.row, h))
}

// largestTable writes the period's incidents with the most records, largest first, in
// the list's columns: disclosure date (A), organisation (B) and records (F).
func largestTable(w *sheetWriter, pr *analysis.PeriodReport, l i18n.Lang) {
	// The heading, the header and the rows on one page, at the rows' real heights. The
	// name takes columns B to E, which the table leaves empty, so that it wraps less.
	nameWidth := 0.0
	for c := 2; c <= 5; c++ {
		nameWidth += w.lo.colWidth(c)
	}
	height := 3 * w.lineHt
	for _, f := range pr.Largest {
		height += max(wrappedLines(orgService(&f.Incident, l), nameWidth), 1)*w.lineHt + 2
	}
	w.keep(height)
	if len(pr.Largest) == 0 {
		w.write(heading(fmt.Sprintf(lLargestTitle.in(l), analysis.TopIncidents)))
		w.write(spill(lNoLargest.in(l)))
		return
	}
	w.write(heading(fmt.Sprintf(lLargestTitle.in(l), len(pr.Largest))))
	// The header is filled across the name's columns too, as one band over the table.
	head := make([]cell, 6)
	for i := range head {
		head[i] = cell{kind: kText, head: true}
	}
	for i, h := range map[int]string{0: lDisclosed.in(l), 1: lOrgService.in(l), 5: lRecords.in(l)} {
		head[i].s = h
	}
	w.write(head...)
	for _, f := range pr.Largest {
		in := f.Incident
		w.write(date(in.Disclosed), across(orgService(&in, l), 4), cell{}, cell{}, cell{}, count(f.Total))
	}
}

// glanceIncidents are the period's incidents by disclosure date (unknown last), then in
// input order.
func glanceIncidents(pr *analysis.PeriodReport) []analysis.IncidentFigures {
	out := slices.Clone(pr.Subject.Incidents)
	slices.SortStableFunc(out, func(a, b analysis.IncidentFigures) int {
		da, db := a.Incident.Disclosed, b.Incident.Disclosed
		switch {
		case !da.Known() && !db.Known():
			return 0
		case !da.Known():
			return 1
		case !db.Known():
			return -1
		}
		return da.Time().Compare(db.Time())
	})
	return out
}

// orgService is 企業名（サービス）: the organisation, with the service in brackets when
// the input names one the organisation's name does not hold.
func orgService(in *data.Incident, l i18n.Lang) string {
	if in.Service == "" || strings.Contains(in.Organization, in.Service) {
		return in.Organization
	}
	if l == i18n.Ja {
		return in.Organization + "（" + in.Service + "）"
	}
	return in.Organization + " (" + in.Service + ")"
}

// exposedInfo lists the record types of in's scopes, each once, in input order.
func exposedInfo(in *data.Incident, l i18n.Lang) string {
	var seen []data.RecordType
	var names []string
	for _, sc := range in.Scopes {
		if slices.Contains(seen, sc.RecordType) {
			continue
		}
		seen = append(seen, sc.RecordType)
		names = append(names, i18n.RecordType(sc.RecordType).In(l))
	}
	sep := ", "
	if l == i18n.Ja {
		sep = "、"
	}
	return strings.Join(names, sep)
}

// namedLink is a source URL shown by its host name (example.jp), linked to the whole URL.
func namedLink(u string) cell {
	c := link(u)
	if p, err := url.Parse(u); err == nil && p.Host != "" && linkable(u) {
		c.s, c.target = strings.TrimPrefix(p.Host, "www."), u
	}
	return c
}

// glanceFigures are what the comparison under the summary sentences states besides the
// changes: every figure of the sentences is one of its cells (TestGlanceSentences).
type glanceFigures struct {
	period, previous, yearEarlier string // the periods' names
	incidents                     int
	vsPrevious                    analysis.Change // of the incidents
	records                       analysis.Value  // the known totals summed
	unknown                       int             // incidents whose total is unknown
	topCause                      string          // "" when no incident states a cause
	topCauseN                     int
	disclose                      analysis.Stat // detection → disclosure over the period
}

func glanceFiguresOf(pr *analysis.PeriodReport, l i18n.Lang) glanceFigures {
	s := pr.Subject.Summary
	g := glanceFigures{incidents: s.Incidents, unknown: s.Incidents - s.RecordsN, disclose: s.Stat(analysis.Disclose),
		period: i18n.PeriodName(pr.Subject.Period, l), previous: i18n.PeriodName(pr.Previous.Period, l),
		yearEarlier: i18n.PeriodName(pr.YearEarlier.Period, l)}
	g.vsPrevious = findChange(pr.VsPrevious, analysis.ChangeIncidents, "")
	g.records = findChange(pr.VsPrevious, analysis.ChangeRecords, "").Current
	if f := pr.Facts(); len(f.TopCauses) > 0 {
		sep := ", "
		if l == i18n.Ja {
			sep = "、"
		}
		g.topCause, g.topCauseN = strings.Join(f.TopCauses, sep), f.TopCauseIncidents
	}
	return g
}

// findChange returns the change of figure f (and metric m) in cs, or an uncovered one.
func findChange(cs []analysis.Change, f analysis.ChangeFigure, m analysis.Metric) analysis.Change {
	for _, c := range cs {
		if c.Figure == f && c.Metric == m {
			return c
		}
	}
	return analysis.Change{Figure: f, Metric: m}
}

// glanceComparison writes the figures of the period against the previous period and a
// year earlier: the incidents, the records, the incidents whose count is unknown, the
// most frequent cause and the median detection → disclosure lag.
func glanceComparison(w *sheetWriter, pr *analysis.PeriodReport, g glanceFigures, l i18n.Lang) {
	// The table starts in column B, under the organisations' names: column A holds only
	// the list's dates, and stays narrow. It is kept on one page at its rows' heights: a
	// change against a period the input does not cover reads データなし, which may wrap,
	// and the line under the table says why.
	rowHt, uncovered := w.lineHt, !pr.Previous.Covered || !pr.YearEarlier.Covered
	if uncovered {
		rowHt = max(w.textHeight(5, lNoDataShort.In(l)), w.textHeight(7, lNoDataShort.In(l)))
	}
	w.keep(4*w.lineHt + 6*rowHt)
	w.write(cell{}, heading(lComparisonHeading.in(l)))
	head := []cell{{}}
	for _, h := range []string{lFigure.in(l), fmt.Sprintf(lThisPeriod.in(l), g.period),
		fmt.Sprintf(lPreviousPeriod.in(l), g.previous), lChangePrev.in(l),
		fmt.Sprintf(lYearEarlier.in(l), g.yearEarlier), lChangeYear.in(l)} {
		c := text(h)
		c.head = true
		head = append(head, c)
	}
	// The notes' column H has no name, but its header is filled as the others are.
	w.write(append(head, cell{kind: kText, head: true})...)
	type sides struct{ prev, year analysis.Change }
	get := func(f analysis.ChangeFigure, m analysis.Metric) sides {
		return sides{findChange(pr.VsPrevious, f, m), findChange(pr.VsYearEarlier, f, m)}
	}
	value := func(c analysis.Change, v analysis.Value) cell {
		switch {
		case !v.Known:
			return cell{}
		case c.Figure == analysis.ChangeRecords:
			return count(data.Count{N: int64(v.V), Known: true, Approx: v.Approx, Bound: v.Bound})
		case c.Figure == analysis.ChangeMedian:
			return median(v.V)
		}
		return countN(int(v.V))
	}
	change := func(c analysis.Change) cell {
		switch {
		case !c.Covered:
			return text(lNoDataShort.In(l))
		case !c.Known:
			return cell{}
		case c.Figure == analysis.ChangeMedian:
			return diffDays(c.Diff)
		}
		return diff(c.Diff)
	}
	earlier := func(c analysis.Change) cell {
		if !c.Covered {
			return cell{}
		}
		return value(c, c.Earlier)
	}
	// The notes are in column H, under the sources, so that they print inside the page.
	row := func(name string, s sides, note cell) {
		w.write(cell{}, text(name), value(s.prev, s.prev.Current), earlier(s.prev), change(s.prev),
			earlier(s.year), change(s.year), note)
	}
	row(lIncidentsCol.in(l), get(analysis.ChangeIncidents, ""), cell{})
	rec := get(analysis.ChangeRecords, "")
	row(lRecordsCol.in(l), rec, text(lRecordsKnownNote.in(l)))
	u := func(inc, recs analysis.Change) analysis.Change {
		cur := analysis.Value{V: float64(int(inc.Current.V) - recs.Current.N), Known: true}
		ear := analysis.Value{V: float64(int(inc.Earlier.V) - recs.Earlier.N), Known: inc.Covered}
		c := analysis.Change{Figure: analysis.ChangeIncidents, Current: cur, Earlier: ear, Covered: inc.Covered, Known: inc.Covered}
		c.Diff = cur.V - ear.V
		return c
	}
	inc := get(analysis.ChangeIncidents, "")
	row(lUnknownCountRow.in(l), sides{u(inc.prev, rec.prev), u(inc.year, rec.year)}, cell{})
	if g.topCause != "" {
		w.write(cell{}, text(lTopCauseRow.in(l)), countN(g.topCauseN), cell{}, cell{}, cell{}, cell{}, text(g.topCause))
	}
	if g.disclose.N > 0 {
		d := get(analysis.ChangeMedian, analysis.Disclose)
		row(fmt.Sprintf(lMedianOf.in(l), lagName(analysis.Disclose, l)), d,
			text(fmt.Sprintf(lCasesN.in(l), i18n.Incidents(g.disclose.N, l))))
	}
	if uncovered {
		w.write(cell{}, across(lNoDataWhy.In(l), 7))
	}
}

// lNoDataShort is a change against a period the input does not cover; lNoDataWhy, under
// the comparison, says what it means.
var (
	lNoDataShort = i18n.Text{En: "no data", Ja: "データなし"}
	lNoDataWhy   = i18n.Text{
		En: "No data: the period is outside the months of the input, so there is nothing to compare with.",
		Ja: "データなし：その期間は入力データの範囲外のため、比較できません。",
	}
)

// metricNeeds are the columns each day figure is computed from.
var metricNeeds = map[analysis.Metric][]label{
	analysis.WindowConfirmed:          {lExposureStart, lExposureEnd},
	analysis.WindowAll:                {lExposureStart, lExposureEnd},
	analysis.DetectConfirmed:          {lExposureStart, lDetected},
	analysis.DetectAll:                {lExposureStart, lDetected},
	analysis.Contain:                  {lDetected, lContained},
	analysis.Disclose:                 {lDetected, lDisclosed},
	analysis.StartToDiscloseConfirmed: {lExposureStart, lDisclosed},
	analysis.StartToDiscloseAll:       {lExposureStart, lDisclosed},
}

// shownMetrics returns the day figures some incident of the report has (of the period's
// trailing window too, for a period report), and a line naming the others with the
// columns they need; "" when every figure has a value.
func shownMetrics(rep analysis.Report, pr *analysis.PeriodReport, l i18n.Lang) ([]analysis.Metric, string) {
	var shown []analysis.Metric
	var missing []string
	sep := ", "
	if l == i18n.Ja {
		sep = "、"
	}
	for _, m := range analysis.Metrics() {
		n := rep.Summary.Stat(m).N
		if pr != nil {
			n += pr.Trailing.Summary.Stat(m).N
		}
		if n > 0 {
			shown = append(shown, m)
			continue
		}
		var cols []string
		for _, c := range metricNeeds[m] {
			cols = append(cols, c.in(l))
		}
		missing = append(missing, fmt.Sprintf(lNeeds.in(l), i18n.Metric(m).Short.In(l), strings.Join(cols, sep)))
	}
	if len(missing) == 0 {
		return shown, ""
	}
	return shown, fmt.Sprintf(lNotComputed.in(l), strings.Join(missing, sep))
}
