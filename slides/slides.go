// Package slides writes a report as a PowerPoint deck (16:9) whose charts are native and
// editable: each chart part and the workbook embedded behind it are made with excelize, and
// the PresentationML parts around them are written here.
package slides

import (
	"bytes"
	"fmt"
	"image"
	_ "image/png" // the timeline picture's size
	"io"
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
	"breachreport/input"

	"github.com/xuri/excelize/v2"
)

// Options are the deck's options. The zero value is an English deck on the whole input with
// no timeline picture.
type Options struct {
	Lang i18n.Lang
	// Period is the subject period's report, or nil for a deck on the whole input.
	Period *analysis.PeriodReport
	// Taxonomy puts the causes of a deck on the whole input into standard categories (a
	// period's breakdowns come with Period).
	Taxonomy data.Taxonomy
	// EPMap is the JNSA model's EP map; the zero value means analysis.DefaultEPMap.
	EPMap analysis.EPMap
	// Title is the deck's title ("" for the default); Client names the client on the
	// title slide ("" for none).
	Title, Client string
	// Incomplete, when not empty, says that the input was not read to its end and what the
	// deck lacks (--keep-going), in the deck's language: the title slide states it.
	Incomplete string
	// Timeline is the timeline chart as a PNG (the --images picture), or nil: then its slide
	// is left out, and NoTimeline, in the deck's language, says why on the closing slide.
	Timeline   []byte
	NoTimeline string
}

// RowsPerSlide is how many incidents a slide of the incident list holds.
const RowsPerSlide = 12

// maxListSlides bounds the incident list: past it the list says how many it leaves out.
const maxListSlides = 5

// maxCases is the most incidents a per-incident chart shows, as on the dashboard.
const maxCases = 12

// maxGroups is the most groups a breakdown chart shows: more bars than this cannot be read
// on a slide.
const maxGroups = 15

// Write writes the deck of rep to w. The bytes depend only on rep and opts.
func Write(w io.Writer, rep analysis.Report, opts Options) error {
	if opts.Lang != i18n.Ja {
		opts.Lang = i18n.En
	}
	d := &deck{rep: rep, opts: opts, l: opts.Lang, parts: map[string][]byte{}}
	d.build()
	if d.err != nil {
		return d.err
	}
	return d.write(w)
}

// deck is a deck being built: its slides in order and the chart and media parts they use.
type deck struct {
	rep    analysis.Report
	opts   Options
	l      i18n.Lang
	slides []*slideXML
	parts  map[string][]byte
	charts int
	err    error
}

func (d *deck) t(x i18n.Text) string { return x.In(d.l) }

func (d *deck) f(x i18n.Text, args ...any) string { return fmt.Sprintf(x.In(d.l), args...) }

func (d *deck) langTag() string {
	if d.l == i18n.Ja {
		return "ja-JP"
	}
	return "en-US"
}

// Layout of a content slide, in EMU.
var (
	takeawayBox = box{x: 457200, y: 960000, w: slideW - 2*457200, h: 520000}
	bodyBox     = box{x: 457200, y: 1560000, w: slideW - 2*457200, h: 4600000}
	sourceBox   = box{x: 457200, y: 6250000, w: slideW - 2*457200, h: 400000}
)

func (d *deck) newSlide(title string) *slideXML {
	s := newSlideXML(d.langTag())
	s.rect(box{x: 0, y: 0, w: slideW, h: 120000}, "accent1")
	s.title(title)
	d.slides = append(d.slides, s)
	return s
}

// content adds a slide with a title, a one-line takeaway and the source note, for body to
// fill bodyBox.
func (d *deck) content(title, takeaway string) *slideXML {
	s := d.newSlide(title)
	if takeaway != "" {
		s.text(takeawayBox, "t", []para{{runs: []run{{text: takeaway, bold: true, color: "333F4F"}}, size: 18}})
	}
	s.text(sourceBox, "b", []para{{runs: []run{{text: d.sourceNote(), color: "595959"}}, size: 10}})
	return s
}

func (d *deck) sourceNote() string {
	name := d.inputName()
	if d.rep.Summary.SourcesN == 0 {
		return d.f(lSourceNoteNone, name)
	}
	return d.f(lSourceNote, name, num(d.rep.Summary.SourcesN))
}

// inputName is the input's file name without its directories (a client deck does not show
// the consultant's paths), or the sample's name in the deck's language.
func (d *deck) inputName() string {
	if d.rep.Input == input.SampleName {
		return d.t(lSample)
	}
	return path.Base(strings.ReplaceAll(d.rep.Input, `\`, "/"))
}

// chart adds the chart c to slide s in the body's frame.
func (d *deck) chart(s *slideXML, c *chartDef, descr string) {
	if d.err != nil {
		return
	}
	c.font, _, _ = fonts(d.l)
	x, book, err := c.build()
	if err != nil {
		d.err = fmt.Errorf("chart %q: %w", descr, err)
		return
	}
	d.charts++
	n := d.charts
	d.parts[fmt.Sprintf("ppt/charts/chart%d.xml", n)] = x
	d.parts[fmt.Sprintf("ppt/charts/_rels/chart%d.xml.rels", n)] = []byte(relsXML([]rel{
		{id: "rId1", typ: relPackage, target: fmt.Sprintf("../embeddings/Microsoft_Excel_Worksheet%d.xlsx", n)}}))
	d.parts[fmt.Sprintf("ppt/embeddings/Microsoft_Excel_Worksheet%d.xlsx", n)] = book
	s.chart(bodyBox, fmt.Sprintf("../charts/chart%d.xml", n), descr)
}

func (d *deck) build() {
	d.titleSlide()
	d.summarySlide()
	cases := d.cases()
	d.recordsSlide(cases)
	d.lagsSlide(cases)
	d.damageSlide(cases)
	d.timelineSlide()
	d.breakdownSlides()
	d.trendSlide()
	d.listSlides()
	d.methodSlide()
}

// subject returns the incidents the deck is about: the period's, or every incident.
func (d *deck) subject() []analysis.IncidentFigures {
	if d.opts.Period != nil {
		return d.opts.Period.Subject.Incidents
	}
	return d.rep.Incidents.Slice()
}

func (d *deck) title() string {
	if d.opts.Title != "" {
		return d.opts.Title
	}
	return d.t(lDefaultTitle)
}

// periodLine says what the deck covers.
func (d *deck) periodLine() string {
	if p := d.opts.Period; p != nil {
		return i18n.PeriodTitle(p.Subject.Period, d.l)
	}
	s := d.rep.Summary
	if s.DisclosedN == 0 {
		return d.t(lWholeUndated)
	}
	return d.f(lWholeLine, d.dateText(s.FirstDisclosed), d.dateText(s.LastDisclosed))
}

func (d *deck) titleSlide() {
	s := newSlideXML(d.langTag())
	d.slides = append(d.slides, s)
	s.rect(box{x: 0, y: 0, w: slideW, h: slideH / 2}, "tx2")
	s.rect(box{x: 0, y: slideH / 2, w: slideW, h: 80000}, "accent1")
	s.text(box{x: 685800, y: 1200000, w: slideW - 2*685800, h: 2000000}, "b",
		[]para{{runs: []run{{text: d.title(), bold: true, color: "FFFFFF"}}, size: 40}})
	var ps []para
	if d.opts.Client != "" {
		ps = append(ps, para{runs: []run{{text: d.f(lClient, d.opts.Client), bold: true}}, size: 24, after: 12})
	}
	ps = append(ps, para{runs: []run{{text: d.periodLine()}}, size: 20, after: 6})
	ps = append(ps, para{runs: []run{{text: d.f(lGenerated, d.dateOf(d.rep.Generated.Year(), int(d.rep.Generated.Month()), d.rep.Generated.Day())), color: "595959"}}, size: 16})
	if d.opts.Incomplete != "" {
		ps[len(ps)-1].after = 12
		ps = append(ps, para{runs: []run{{text: d.opts.Incomplete, bold: true, color: "C00000"}}, size: 14})
	}
	s.text(box{x: 685800, y: slideH/2 + 400000, w: slideW - 2*685800, h: 2400000}, "t", ps)
}

// summarySlide states the key figures: for a period, its summary sentences
// (i18n.PeriodSummary) and then the records by kind, the largest incident and the
// detection → disclosure lag; for the whole input the same figures as a list.
func (d *deck) summarySlide() {
	s := d.content(d.t(lSummaryTitle), d.periodLine())
	figs := d.subject()
	var ps []para
	var lines []string
	sum := d.rep.Summary
	if p := d.opts.Period; p != nil {
		sum = p.Subject.Summary
		for _, st := range i18n.PeriodSummary(*p, d.l) {
			ps = append(ps, para{runs: []run{{text: st.Text, bold: true}}, size: 20, after: 10})
		}
		if sum.Incidents == 0 {
			s.text(bodyBox, "t", ps)
			return
		}
	} else {
		lines = append(lines, d.f(lIncidents, num(sum.Incidents)))
		if sum.RecordsN > 0 {
			lines = append(lines, d.f(lRecordsTotal, d.count(sum.TotalRecords), num(sum.RecordsN)))
		} else {
			lines = append(lines, d.t(lRecordsNone))
		}
	}
	var parts []string
	for _, b := range sum.Buckets {
		if b.Records.Known {
			parts = append(parts, d.bucketName(b)+" "+d.count(b.Records))
		}
	}
	if len(parts) > 1 {
		lines = append(lines, d.f(lRecordsMix, strings.Join(parts, d.t(i18n.Text{En: "; ", Ja: "、"}))))
	}
	if i, ok := largest(figs); ok {
		lines = append(lines, d.f(lLargest, figs[i].Incident.Label(), d.count(figs[i].Total)))
	}
	lines = append(lines, d.lagLine(sum.Stat(analysis.Disclose)))
	if d.opts.Period == nil {
		if b := analysis.BreakdownAll(figs, d.opts.Taxonomy); len(b) > 0 {
			if g, ok := topGroup(b[0]); ok {
				lines = append(lines, d.f(lTopCause, g.Key, num(g.Incidents), num(b[0].Incidents)))
			}
		}
	}
	for _, l := range lines {
		ps = append(ps, para{runs: []run{{text: l}}, size: 18, bullet: true, after: 8})
	}
	s.text(bodyBox, "t", ps)
}

// lagLine states the detection → disclosure lag: its median over 5 incidents or more, else
// its range, as the small-sample rule asks.
func (d *deck) lagLine(st analysis.Stat) string {
	switch {
	case st.N == 0:
		return d.t(lLagNone)
	case st.Reliable():
		return d.f(lLagMedian, d.daysF(st.Median), num(st.N))
	}
	return d.f(lLagRange, d.days(st.Min), d.days(st.Max), num(st.N))
}

// topGroup returns the largest stated group of a breakdown, when one group is larger than
// every other.
func topGroup(b analysis.Breakdown) (analysis.Group, bool) {
	var gs []analysis.Group
	for _, g := range b.Groups {
		if g.Key != "" {
			gs = append(gs, g)
		}
	}
	if len(gs) == 0 || len(gs) > 1 && gs[1].Incidents == gs[0].Incidents {
		return analysis.Group{}, false
	}
	return gs[0], true
}

// largest returns the index of the incident with the largest known total.
func largest(figs []analysis.IncidentFigures) (int, bool) {
	best, ok := 0, false
	for i, f := range figs {
		if f.Total.Known && (!ok || f.Total.N > figs[best].Total.N) {
			best, ok = i, true
		}
	}
	return best, ok
}

// cases returns the incidents of the per-incident charts: the comparison's, or those of the
// subject with the most records, at most maxCases.
func (d *deck) cases() []analysis.IncidentFigures {
	figs := d.rep.Compare
	if len(figs) == 0 {
		figs = d.subject()
	}
	if len(figs) <= maxCases {
		return figs
	}
	idx := make([]int, len(figs))
	for i := range idx {
		idx[i] = i
	}
	known := func(f analysis.IncidentFigures) int64 {
		var n int64 = -1
		for _, b := range f.Buckets {
			if b.Records.Known {
				n = max(n, 0) + b.Records.N
			}
		}
		return n
	}
	sort.SliceStable(idx, func(a, b int) bool { return known(figs[idx[a]]) > known(figs[idx[b]]) })
	idx = idx[:maxCases]
	slices.Sort(idx)
	out := make([]analysis.IncidentFigures, len(idx))
	for i, k := range idx {
		out[i] = figs[k]
	}
	return out
}

// charted says, after a per-incident chart's title, how many of the subject's incidents it
// shows, when not all of them.
func (d *deck) charted(cases []analysis.IncidentFigures) string {
	if n := len(d.subject()); n > len(cases) {
		return d.f(lSmallCharted, num(len(cases)), num(n))
	}
	return ""
}

// caseLabels are the incidents' labels, the id added to any label two share.
func caseLabels(figs []analysis.IncidentFigures) []string {
	n := map[string]int{}
	for _, f := range figs {
		n[f.Incident.Label()]++
	}
	out := make([]string, len(figs))
	for i, f := range figs {
		l := f.Incident.Label()
		if l == "" || n[l] > 1 {
			l = strings.TrimSpace(l + " [" + f.Incident.ID + "]")
		}
		out[i] = l
	}
	return out
}

// maxAxisLabel is the longest category label of a chart, in characters: a longer one
// crowds out the bars. The incident list has the whole name.
const maxAxisLabel = 28

// axisLabels are caseLabels cut to maxAxisLabel.
func axisLabels(figs []analysis.IncidentFigures) []string {
	out := caseLabels(figs)
	for i, l := range out {
		out[i] = cut(l, maxAxisLabel)
	}
	return out
}

func (d *deck) bucketName(b analysis.Bucket) string {
	return i18n.RecordType(b.Type).In(d.l) + d.t(i18n.Text{En: " (", Ja: "（"}) + i18n.Certainty(b.Certainty).In(d.l) + d.t(i18n.Text{En: ")", Ja: "）"})
}

func (d *deck) recordsSlide(cases []analysis.IncidentFigures) {
	if len(cases) == 0 {
		return
	}
	c := &chartDef{typ: excelize.Bar, header: d.t(lCase), cats: axisLabels(cases), numFmt: d.countFmt(), labels: true,
		valueTitle: d.t(lRecordsAxis)}
	var keys []analysis.Bucket
	for _, f := range cases {
		for _, b := range f.Buckets {
			if !slices.ContainsFunc(keys, func(k analysis.Bucket) bool { return k.Type == b.Type && k.Certainty == b.Certainty }) {
				keys = append(keys, analysis.Bucket{Type: b.Type, Certainty: b.Certainty})
			}
		}
	}
	sort.SliceStable(keys, func(i, j int) bool { return analysis.BucketLess(keys[i], keys[j]) })
	for _, k := range keys {
		sr := series{name: d.bucketName(k), vals: make([]float64, len(cases)), ok: make([]bool, len(cases))}
		for i, f := range cases {
			for _, b := range f.Buckets {
				if b.Type == k.Type && b.Certainty == k.Certainty && b.Records.Known {
					sr.vals[i], sr.ok[i] = float64(b.Records.N), true
				}
			}
		}
		c.series = append(c.series, sr)
	}
	take := d.t(lRecordsTakeNo)
	if i, ok := largest(cases); ok {
		take = d.f(lRecordsTake, caseLabels(cases)[i], d.count(cases[i].Total))
	}
	s := d.content(d.t(lRecordsTitle)+d.charted(cases), take)
	s.notes = append(s.notes, d.t(lMethodTotals))
	d.chart(s, c, d.t(lRecordsTitle))
}

// damageSlide charts the JNSA damage estimate of each case, its confirmed scopes and all
// its scopes; a case whose estimate is unknown is a gap, and the slide is left out when no
// case has one.
func (d *deck) damageSlide(cases []analysis.IncidentFigures) {
	m := d.opts.EPMap
	if m.Points() == nil {
		m = analysis.DefaultEPMap()
	}
	c := &chartDef{typ: excelize.Bar, header: d.t(lCase), cats: axisLabels(cases), numFmt: d.yenFmt(), labels: true,
		valueTitle: d.t(lDamageAxis)}
	conf := series{name: d.t(lDamageConfirmed), vals: make([]float64, len(cases)), ok: make([]bool, len(cases))}
	all := series{name: d.t(lDamageAll), vals: make([]float64, len(cases)), ok: make([]bool, len(cases))}
	top, at := int64(-1), -1
	for i, f := range cases {
		e := analysis.EstimateOf(f.Incident, m)
		if e.Confirmed.Known {
			conf.vals[i], conf.ok[i] = float64(e.Confirmed.N), true
		}
		if e.All.Known {
			all.vals[i], all.ok[i] = float64(e.All.N), true
			if e.All.N > top {
				top, at = e.All.N, i
			}
		}
	}
	if at < 0 {
		return
	}
	c.series = []series{conf, all}
	take := d.f(lDamageTake, caseLabels(cases)[at], i18n.Yen(top, d.l))
	s := d.content(d.t(lDamageTitle)+d.charted(cases), take)
	s.notes = append(s.notes, d.t(lDamageNotes))
	d.chart(s, c, d.t(lDamageTitle))
}

// lagMetrics are the figures of the lags chart, as on the dashboard.
var lagMetrics = []analysis.Metric{analysis.DetectConfirmed, analysis.DetectAll, analysis.Contain, analysis.Disclose}

func (d *deck) lagsSlide(cases []analysis.IncidentFigures) {
	if len(cases) == 0 {
		return
	}
	c := &chartDef{typ: excelize.Bar, header: d.t(lCase), cats: axisLabels(cases), numFmt: d.daysFmt(), labels: true,
		valueTitle: d.t(lLagsAxis)}
	for _, m := range lagMetrics {
		sr := series{name: i18n.Metric(m).Short.In(d.l), vals: make([]float64, len(cases)), ok: make([]bool, len(cases))}
		known := false
		for i, f := range cases {
			if v := f.Get(m); v.Known {
				sr.vals[i], sr.ok[i] = float64(v.N), true
				known = true
			}
		}
		// A figure no charted incident has is left out, not drawn as an empty series.
		if known {
			c.series = append(c.series, sr)
		}
	}
	if len(c.series) == 0 {
		return
	}
	best, ok := -1, false
	for i, f := range cases {
		if v := f.Disclose; v.Known && (!ok || v.N > cases[best].Disclose.N) {
			best, ok = i, true
		}
	}
	take := d.t(lLagNone)
	if ok {
		take = d.f(lLagsTake, caseLabels(cases)[best], d.days(cases[best].Disclose.N))
	}
	s := d.content(d.t(lLagsTitle)+d.charted(cases), take)
	for _, m := range lagMetrics {
		mt := i18n.Metric(m)
		s.notes = append(s.notes, mt.Short.In(d.l)+d.t(i18n.Text{En: ": ", Ja: "："})+mt.Definition.In(d.l))
	}
	d.chart(s, c, d.t(lLagsTitle))
}

func (d *deck) timelineSlide() {
	if len(d.opts.Timeline) == 0 {
		return
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(d.opts.Timeline))
	if err != nil || cfg.Width == 0 || cfg.Height == 0 {
		d.err = fmt.Errorf("timeline picture: not a PNG image")
		return
	}
	s := d.content(d.t(lTimelineTitle), d.t(lTimelineTake))
	// Fit the picture in the body's frame, keeping its shape.
	b := bodyBox
	w, h := b.w, b.w*cfg.Height/cfg.Width
	if h > b.h {
		w, h = b.h*cfg.Width/cfg.Height, b.h
	}
	pic := box{x: b.x + (b.w-w)/2, y: b.y, w: w, h: h}
	d.parts["ppt/media/image1.png"] = d.opts.Timeline
	s.picture(pic, "../media/image1.png", d.t(lTimelineTitle)+" — "+d.t(lTimelineNote))
	s.text(box{x: sourceBox.x, y: sourceBox.y - 300000, w: sourceBox.w, h: 300000}, "b",
		[]para{{runs: []run{{text: d.t(lTimelineNote), color: "595959"}}, size: 10}})
	s.notes = append(s.notes, d.t(lTimelineNote))
}

// breakdownSlides add one bar chart per breakdown of the subject: by cause, by industry.
func (d *deck) breakdownSlides() {
	var bs []analysis.Breakdown
	if p := d.opts.Period; p != nil {
		bs = p.Breakdowns
	} else {
		bs = analysis.BreakdownAll(d.subject(), d.opts.Taxonomy)
	}
	for _, b := range bs {
		var title i18n.Text
		switch b.Dimension {
		case analysis.ByCause:
			title = lByCause
		case analysis.ByIndustry:
			title = lByIndustry
		case analysis.BySize:
			title = lBySize
		case analysis.ByCauseCategory:
			title = lByCauseCategory
		default:
			continue
		}
		if b.Incidents == 0 || len(b.Groups) == 0 {
			continue
		}
		groups := b.Groups
		heading := d.t(title)
		if len(groups) > maxGroups && b.Dimension != analysis.BySize {
			// Groups come largest first: the chart keeps the largest; the workbook has all.
			heading += d.f(lGroupsShown, num(maxGroups), num(len(groups)))
			groups = groups[:maxGroups]
		}
		c := &chartDef{typ: excelize.Bar, header: d.t(title), numFmt: d.incidentsFmt(), labels: true, valueTitle: d.t(lIncidentsAxis)}
		sr := series{name: d.t(lIncidentsAxis)}
		for _, g := range groups {
			name := i18n.GroupName(b.Dimension, g, d.l)
			c.cats = append(c.cats, cut(name, maxAxisLabel))
			sr.vals = append(sr.vals, float64(g.Incidents))
			sr.ok = append(sr.ok, true)
		}
		c.series = []series{sr}
		take := ""
		if g, ok := topGroup(b); ok {
			name := i18n.GroupName(b.Dimension, g, d.l)
			take = d.f(lBreakdownTake, name, num(g.Incidents), num(b.Incidents), i18n.Percent(g.Share))
		}
		s := d.content(heading, take)
		d.chart(s, c, d.t(title))
	}
}

func (d *deck) trendSlide() {
	p := d.opts.Period
	if p == nil {
		return
	}
	// The trend starts at the first month the data covers: earlier months are not rows.
	rows := p.Trend
	for len(rows) > 1 && !rows[0].Covered {
		rows = rows[1:]
	}
	if len(rows) < 2 {
		return
	}
	c := &chartDef{typ: excelize.Col, header: d.t(i18n.Text{En: "Month", Ja: "月"}), numFmt: d.incidentsFmt(), labels: true,
		valueTitle: d.t(lIncidentsAxis), lineFmt: d.countFmt(), lineTitle: d.t(lTrendRecords)}
	inc := series{name: d.t(lIncidentsAxis)}
	recs := series{name: d.t(lTrendRecords)}
	total := 0
	for _, r := range rows {
		c.cats = append(c.cats, d.month(r.Month))
		inc.vals = append(inc.vals, float64(r.Summary.Incidents))
		inc.ok = append(inc.ok, r.Covered)
		total += r.Summary.Incidents
		rc := r.Records()
		recs.vals = append(recs.vals, float64(rc.N))
		recs.ok = append(recs.ok, r.Covered && rc.Known)
	}
	c.series = []series{inc}
	c.line = &recs
	// The busiest months, up to three when tied.
	most := 0
	var busiest []string
	for _, r := range rows {
		switch n := r.Summary.Incidents; {
		case n > most:
			most, busiest = n, []string{d.month(r.Month)}
		case n == most && n > 0:
			busiest = append(busiest, d.month(r.Month))
		}
	}
	take := d.f(lTrendTakeNone, num(len(rows)))
	if most > 0 {
		if len(busiest) > 3 {
			busiest = busiest[:3]
		}
		take = d.f(lTrendTake, strings.Join(busiest, d.t(i18n.Text{En: ", ", Ja: "、"})), i18n.Incidents(most, d.l), i18n.Incidents(total, d.l), num(len(rows)))
	}
	s := d.content(d.t(lTrendTitle), take)
	d.chart(s, c, d.t(lTrendTitle))
}

// listSlides add the incident list as native tables, RowsPerSlide rows a slide, ordered by
// disclosure date.
func (d *deck) listSlides() {
	figs := slices.Clone(d.subject())
	sort.SliceStable(figs, func(i, j int) bool {
		a, b := figs[i].Incident.Disclosed, figs[j].Incident.Disclosed
		if a.Known() != b.Known() {
			return a.Known()
		}
		return a.Before(b)
	})
	if len(figs) == 0 {
		d.content(d.t(lListTitle), d.t(lListNone))
		return
	}
	total := len(figs)
	take := d.f(lListAll, num(total))
	if total > RowsPerSlide*maxListSlides {
		figs = figs[:RowsPerSlide*maxListSlides]
		take = d.f(lListCut, num(len(figs)), num(total))
	}
	pages := (len(figs) + RowsPerSlide - 1) / RowsPerSlide
	header := []string{d.t(lColDisclosed), d.t(lColOrg), d.t(lColIndustry), d.t(lColCause), d.t(lColRecords), d.t(lColLag), d.t(lColSource)}
	// Column widths, in parts of the body's width.
	shares := []int{9, 30, 13, 17, 12, 8, 11}
	widths := make([]int, len(shares))
	sum := 0
	for i, sh := range shares {
		widths[i] = bodyBox.w * sh / 100
		sum += widths[i]
	}
	widths[1] += bodyBox.w - sum
	for p := 0; p < pages; p++ {
		part := figs[p*RowsPerSlide : min(len(figs), (p+1)*RowsPerSlide)]
		title := d.t(lListTitle)
		if pages > 1 {
			title = d.f(lListPage, p+1, pages)
		}
		s := d.content(title, take)
		var rows [][]cell
		for _, f := range part {
			in := f.Incident
			lag := ""
			if f.Disclose.Known {
				lag = d.days(f.Disclose.N)
			}
			src := cell{}
			if len(in.SourceURLs) > 0 {
				if u, host, ok := webLink(in.SourceURLs[0]); ok {
					src = cell{text: host, link: u}
				}
			}
			rows = append(rows, []cell{
				{text: d.cellDate(in.Disclosed)},
				{text: cut(in.Label(), 48)},
				{text: cut(in.Industry, 28)},
				{text: cut(in.Cause, 36)},
				{text: d.cellCount(f.Total), right: true},
				{text: lag, right: true},
				src,
			})
		}
		// Twelve rows of two lines at 10 points fit between the takeaway and the source
		// note; longer texts are cut to keep to two lines.
		tb := box{x: bodyBox.x, y: bodyBox.y - 120000, w: bodyBox.w, h: sourceBox.y - bodyBox.y}
		tb.h = min(tb.h, (len(rows)+1)*tb.h/(RowsPerSlide+1))
		s.table(tb, widths, header, rows, 10)
	}
}

// cut shortens s to n characters, ending it with … when it is longer: the workbook has
// the whole text.
func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// webLink returns u and its host when u is an absolute http(s) URL, the only links a deck
// holds.
func webLink(u string) (string, string, bool) {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" || p.User != nil {
		return "", "", false
	}
	return p.String(), p.Hostname(), true
}

func (d *deck) methodSlide() {
	s := d.content(d.t(lMethodTitle), "")
	r := d.rep
	lines := []string{d.t(lMethodDays), d.t(lMethodTotals), d.t(lMethodUnknown), d.t(lMethodCharts)}
	if r.Summary.SourcesN > 0 {
		lines = append(lines, d.f(lMethodSources, num(r.Summary.SourcesN)))
	} else {
		lines = append(lines, d.t(lMethodNoSource))
	}
	lines = append(lines, d.f(lMethodInput, d.inputName(), num(r.Incidents.Len()), num(r.RowsRead), num(r.RowsUsed), num(r.RowsRejected),
		d.dateOf(r.Generated.Year(), int(r.Generated.Month()), r.Generated.Day())))
	if len(d.opts.Timeline) == 0 && d.opts.NoTimeline != "" {
		lines = append(lines, d.f(lMethodNoTime, d.opts.NoTimeline))
	}
	var ps []para
	for _, l := range lines {
		ps = append(ps, para{runs: []run{{text: l}}, size: 16, bullet: true, after: 8})
	}
	s.text(box{x: bodyBox.x, y: takeawayBox.y, w: bodyBox.w, h: bodyBox.y + bodyBox.h - takeawayBox.y}, "t", ps)
}

// write writes the package: the parts made while building, and the PresentationML parts
// around them, in a fixed order.
func (d *deck) write(w io.Writer) error {
	n := len(d.slides)
	parts := d.parts
	parts["_rels/.rels"] = []byte(relsXML([]rel{
		{id: "rId1", typ: relOffice, target: "ppt/presentation.xml"},
		{id: "rId2", typ: relCore, target: "docProps/core.xml"},
		{id: "rId3", typ: relApp, target: "docProps/app.xml"},
	}))
	parts["docProps/core.xml"] = []byte(coreXML(d.title(), d.rep.Generated.UTC().Format("2006-01-02T15:04:05Z")))
	parts["docProps/app.xml"] = []byte(appXML(n))
	parts["ppt/presentation.xml"] = []byte(presentationXML(n))
	parts["ppt/_rels/presentation.xml.rels"] = []byte(presentationRels(n))
	parts["ppt/presProps.xml"] = []byte(presPropsXML)
	parts["ppt/viewProps.xml"] = []byte(viewPropsXML)
	parts["ppt/tableStyles.xml"] = []byte(tableStylesXML)
	parts["ppt/theme/theme1.xml"] = []byte(themeXML(d.l))
	parts["ppt/slideMasters/slideMaster1.xml"] = []byte(masterXML())
	parts["ppt/slideMasters/_rels/slideMaster1.xml.rels"] = []byte(relsXML([]rel{
		{id: "rId1", typ: relLayout, target: "../slideLayouts/slideLayout1.xml"},
		{id: "rId2", typ: relTheme, target: "../theme/theme1.xml"},
	}))
	parts["ppt/slideLayouts/slideLayout1.xml"] = []byte(layoutXML())
	parts["ppt/slideLayouts/_rels/slideLayout1.xml.rels"] = []byte(relsXML([]rel{
		{id: "rId1", typ: relMaster, target: "../slideMasters/slideMaster1.xml"},
	}))
	parts["ppt/notesMasters/notesMaster1.xml"] = []byte(notesMasterXML())
	parts["ppt/notesMasters/_rels/notesMaster1.xml.rels"] = []byte(relsXML([]rel{
		{id: "rId1", typ: relTheme, target: "../theme/theme2.xml"},
	}))
	// The notes master has a theme of its own, as PowerPoint wants; the same one.
	parts["ppt/theme/theme2.xml"] = []byte(themeXML(d.l))
	for i, s := range d.slides {
		name := fmt.Sprintf("slide%d.xml", i+1)
		if len(s.notes) > 0 {
			notes := fmt.Sprintf("notesSlide%d.xml", i+1)
			s.addRel(relNotes, "../notesSlides/"+notes, false)
			parts["ppt/notesSlides/"+notes] = []byte(notesSlideXML(s, s.notes))
			parts["ppt/notesSlides/_rels/"+notes+".rels"] = []byte(relsXML([]rel{
				{id: "rId1", typ: relNotesMstr, target: "../notesMasters/notesMaster1.xml"},
				{id: "rId2", typ: relSlide, target: "../slides/" + name},
			}))
		}
		parts["ppt/slides/"+name] = []byte(s.xml())
		parts["ppt/slides/_rels/"+name+".rels"] = []byte(relsXML(s.rels))
	}
	var names []string
	for k := range parts {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool { return partLess(names[i], names[j]) })
	parts["[Content_Types].xml"] = []byte(contentTypesXML(names))
	names = append(names, "[Content_Types].xml")
	return writeParts(w, names, parts)
}
