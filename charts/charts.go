// Package charts renders breachreport's charts — records exposed, exposure timeline, lags
// and the disclosure bubble chart — as a self-contained HTML dashboard and one standalone
// page per chart, each carrying the ECharts runtime inline and opening with no network, and
// turns the charts into PNG and SVG images with headless Chromium.
//
// Chart options are built with go-echarts (its option types only, never its page template),
// marshalled with encoding/json (which escapes <, > and &) into <script
// type="application/json"> elements of the package's own html/template, and read by a static
// script with JSON.parse, so no text from the input is ever executed as code or markup.
package charts

import (
	"bytes"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
	"breachreport/third_party/echarts"
)

// Options configure Build. The zero value writes English, with the records axis
// on a log scale only when the cases differ by orders of magnitude.
type Options struct {
	// Lang is the language of the page's titles, axis names, legends, tooltips and notes:
	// i18n.En or i18n.Ja. Any other value, including "", means English.
	Lang i18n.Lang
	// LogScale says when the records chart uses a logarithmic axis; the zero value is
	// LogAuto.
	LogScale LogScale
	// Client and Title, when not empty, name the client the report is for and give it a
	// title (generate's --client and --title): the dashboard's heading is Title, with the
	// client above it, and every chart's subtitle starts with "client · title", so that
	// each image carries them.
	Client, Title string
	// Incomplete, when not empty, says that the input was not read to its end and what the
	// report lacks (--keep-going), in the page's language: it stands under the heading.
	Incomplete string
	// Period, when not nil, makes the page a monthly or period report: the report passed
	// to Build holds the incidents of Period's subject, the title names the period, and
	// the page also shows the trailing 12-month trend, the changes and each case against
	// the trailing medians, even when no incident was disclosed in the period.
	Period *analysis.PeriodReport
	// Taxonomy puts the causes of a dashboard on the whole input into standard categories
	// (a period's breakdowns come with Period).
	Taxonomy data.Taxonomy
}

// LogScale says when the records chart uses a logarithmic axis.
type LogScale int

// The log-scale choices.
const (
	// LogAuto uses a log axis when the largest charted total is at least logRatio times
	// the smallest.
	LogAuto LogScale = iota
	// LogOn always uses a log axis.
	LogOn
	// LogOff never does.
	LogOff
)

// ParseLogScale reads "auto", "on" or "off" (case-insensitive); "" is auto.
func ParseLogScale(s string) (LogScale, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return LogAuto, nil
	case "on":
		return LogOn, nil
	case "off":
		return LogOff, nil
	}
	return LogAuto, data.Errorf("log scale %q not supported (use auto, on or off)", s)
}

//go:embed page.html.tmpl
var pageHTML string

//go:embed page.js
var pageJS string

var pageTemplate = template.Must(template.New("page").Parse(pageHTML))

// page is what page.html.tmpl renders: the dashboard, or one chart alone.
type page struct {
	Lang string
	// Standalone is true for the page of one chart, made to be embedded with an iframe.
	Standalone bool
	// CSP is the page's Content-Security-Policy: no network at all, and only the page's
	// own two scripts, by hash, so that markup injected by any means could not run code.
	CSP   string
	Title string
	// Client is the client the report is for, shown above the title, or "".
	Client    string
	Subtitle  []string
	Comparing string
	Empty     string
	// Lacking is the line naming the figures no incident has, with the columns they need.
	Lacking string
	// Incomplete is Options.Incomplete.
	Incomplete string
	NoScript   string
	// Top are the cards above the charts of a period's dashboard: the period's incidents,
	// the summary and the comparison with earlier periods.
	Top    []topCard
	Failed string
	Charts []pageChart
	// Links and LinkHead are the index page's table of the monthly reports.
	Links    []indexLink
	LinkHead []string
	ECharts  template.JS
	Script   template.JS
}

// topCard is a card of text and tables, with no chart.
type topCard struct {
	Heading    string
	Paragraphs []string
	Tables     []*table
	Notes      []string
}

type pageChart struct {
	chart
	// JSON is the chart's payload, marshalled by encoding/json: it contains no <, > or &,
	// so it cannot close its <script> element.
	JSON template.JS
}

// Set is the charts of one report, built once and written as the dashboard and as one
// standalone page per chart.
type Set struct {
	dashboard page
}

// Chart names one chart of a Set.
type Chart struct {
	// ID is the chart's element id, the same in every page and every run: "chart-records".
	ID string
	// Name is the chart's short name, for file names: "records".
	Name string
	// Title is the chart's title in the report's language.
	Title string
}

// Build builds every chart of rep. The per-case charts (records, timeline, lags) show the
// incidents of rep.Compare, or of rep.Incidents when Compare is empty; the bubble chart
// shows every incident, or the largest of them when there are more than a reader can tell
// apart. The output depends only on rep and opts. Build checks ctx between charts and
// returns its error once it is cancelled.
func Build(ctx context.Context, rep analysis.Report, opts Options) (*Set, error) {
	p, err := buildPage(ctx, rep, opts)
	if err != nil {
		return nil, err
	}
	return &Set{dashboard: p}, nil
}

// Charts returns the charts of the set, in dashboard order.
func (s *Set) Charts() []Chart {
	var out []Chart
	for _, c := range s.dashboard.Charts {
		out = append(out, Chart{ID: c.ID, Name: strings.TrimPrefix(c.ID, "chart-"), Title: c.Title})
	}
	return out
}

// WriteDashboard writes the dashboard, charts.html: every chart in a responsive grid under
// a title, the data period, the source note and the generation date.
func (s *Set) WriteDashboard(w io.Writer) error {
	return writePage(w, s.dashboard)
}

// WriteChart writes the standalone page of the chart with the given id (or name): the chart
// alone, filling the width of its frame, with its notes, for embedding with an iframe.
func (s *Set) WriteChart(w io.Writer, id string) error {
	for _, c := range s.dashboard.Charts {
		if c.ID == id || c.ID == "chart-"+id {
			p := s.dashboard
			p.Standalone = true
			p.Title = c.Title
			p.Comparing, p.Empty = "", ""
			p.Charts = []pageChart{c}
			return writePage(w, p)
		}
	}
	return fmt.Errorf("no chart %q", id)
}

func writePage(w io.Writer, p page) error {
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, p); err != nil {
		return data.Errorf("rendering charts page: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return data.Errorf("writing charts page: %w", err)
	}
	return nil
}

func buildPage(ctx context.Context, rep analysis.Report, opts Options) (page, error) {
	figs := rep.Compare
	compared := len(figs)
	if len(figs) == 0 {
		compared = rep.Incidents.Len()
		for i := range min(compared, maxCases) {
			figs = append(figs, rep.Incidents.At(i))
		}
	}
	if len(figs) > maxCases {
		figs = figs[:maxCases]
	}
	v := newView(opts.Lang, figs)
	v.log = opts.LogScale
	v.compared = compared

	p := page{
		Lang:     string(v.lang),
		Title:    v.t(labels.PageTitle),
		NoScript: v.t(labels.NoScript),
		Failed:   v.t(labels.ChartFailed),
		ECharts:  template.JS(echarts.MinJS),
		Script:   template.JS(pageJS),
		CSP:      csp(echarts.MinJS, pageJS),
	}
	s := rep.Summary
	if pr := opts.Period; pr != nil {
		p.Title = i18n.PeriodTitle(pr.Subject.Period, v.lang)
		p.Subtitle = append(p.Subtitle, v.periodCounts(pr))
	} else if s.FirstDisclosed.Known() {
		p.Subtitle = append(p.Subtitle, v.f(labels.Period, v.date(s.FirstDisclosed), v.date(s.LastDisclosed)))
	} else {
		p.Subtitle = append(p.Subtitle, v.t(labels.PeriodUnknown))
	}
	v.brand = v.applyBrand(&p, opts)
	p.Subtitle = append(p.Subtitle, v.sourceNote(rep))
	// The input by its file name only: its folders are the consultant's, not the reader's.
	p.Subtitle = append(p.Subtitle, v.f(labels.Input, inputName(rep.Input)))
	if !rep.Generated.IsZero() {
		p.Subtitle = append(p.Subtitle, v.f(labels.Generated, v.day(rep.Generated)))
	}
	if rep.Incidents.Len() > compared {
		p.Comparing = v.f(labels.Comparing, num(compared), num(rep.Incidents.Len()))
	}
	// A day figure no incident of the report has is left out of every chart and table and
	// named once.
	missing := missingMetrics(rep)
	if pr := opts.Period; pr != nil {
		missing = pr.Missing
	}
	v.metrics = knownMetrics(missing)
	p.Lacking = v.notComputed(missing)
	if pr := opts.Period; pr != nil {
		p.Top = v.periodTop(pr)
		p.Top = append(p.Top, v.dutyCard(analysis.Each(pr.Subject.Incidents)))
	} else if rep.Incidents.Len() > 0 {
		p.Top = append(p.Top, v.dutyCard(rep.Incidents.All()))
	}
	// A period report starts with the monthly trend and the cases against the trailing
	// medians, shown even when the period has no incident.
	var builders []func() (chart, error)
	if pr := opts.Period; pr != nil {
		builders = append(builders, func() (chart, error) { return v.trendChart(pr) })
		if v.casesHaveLags(pr) {
			builders = append(builders, func() (chart, error) { return v.casesChart(pr) })
		}
	}
	if len(figs) == 0 {
		p.Empty = v.t(labels.NoIncidents)
		if opts.Period != nil {
			p.Empty = v.f(labels.PeriodNone, v.period(opts.Period.Subject.Period))
		}
	} else {
		// The charts of the incidents, in order.
		// The breakdowns first: by cause is the first chart a client asks for.
		var bs []analysis.Breakdown
		if pr := opts.Period; pr != nil {
			bs = pr.Breakdowns
		} else {
			// Breaking a large input down takes a while and cannot be stopped: an
			// interrupted run does not wait for it.
			done := make(chan []analysis.Breakdown, 1)
			go func() {
				done <- analysis.BreakdownEach(rep.Incidents.All(), rep.Incidents.Len(), opts.Taxonomy)
			}()
			select {
			case bs = <-done:
			case <-ctx.Done():
				return page{}, ctx.Err()
			}
		}
		// The largest incident, whose cause always has a colour.
		largest := ""
		var top int64 = -1
		for _, f := range rep.Incidents.All() {
			if f.Total.Known && f.Total.N > top {
				top, largest = f.Total.N, f.Incident.Cause
			}
		}
		for _, b := range bs {
			if b.Dimension == analysis.ByCause {
				v.causeColor, v.causeOrder = causeColorMap(b, largest)
			}
		}
		builders = append(builders, v.breakdownCharts(bs)...)
		builders = append(builders, v.recordsChart, v.timelineChart)
		if v.figsHaveLags() {
			builders = append(builders, v.lagsChart)
		}
		var span *analysis.Period
		if opts.Period != nil {
			span = &opts.Period.Subject.Period
		}
		builders = append(builders, func() (chart, error) { return v.bubbleChart(rep.Incidents, span) })
	}
	for _, build := range builders {
		if err := ctx.Err(); err != nil {
			return page{}, err
		}
		c, err := build()
		if err != nil {
			return page{}, fmt.Errorf("building chart %s: %w", c.ID, err)
		}
		c.Payload.Lang = string(v.lang)
		// encoding/json escapes <, > and & (as \u003c, \u003e, \u0026), and go-echarts'
		// "__f__" function strings stay plain strings: the page never evaluates them.
		js, err := json.Marshal(c.Payload)
		if err != nil {
			return page{}, fmt.Errorf("encoding chart %s: %w", c.ID, err)
		}
		p.Charts = append(p.Charts, pageChart{chart: c, JSON: template.JS(js)})
	}
	return p, nil
}

// applyBrand heads page p with the client and title of opts, when given: the title given
// heads the page, the page's own title follows it, and the client stands above; the loss of
// an incomplete input is stated under them. It returns the line every chart's subtitle
// starts with: "client · title".
func (v view) applyBrand(p *page, opts Options) string {
	p.Incomplete = opts.Incomplete
	client, title := strings.TrimSpace(opts.Client), strings.TrimSpace(opts.Title)
	if title != "" {
		p.Subtitle = append([]string{p.Title}, p.Subtitle...)
		p.Title = title
	}
	p.Client = client
	return strings.Join(nonEmpty(client, title), v.t(labels.BrandSep))
}

// nonEmpty returns the strings of ss that are not "".
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// inputName is the file name of the input path, whichever separator it was given with.
func inputName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}

// sourceNote says where the figures come from: the distinct source URLs the input cites.
func (v view) sourceNote(rep analysis.Report) string {
	n := rep.Summary.SourcesN
	if n == 0 {
		return v.t(labels.SourcesNone)
	}
	return v.f(labels.Sources, num(n))
}

// csp returns a Content-Security-Policy that allows no network and runs only the inline
// scripts whose exact text is given.
func csp(scripts ...string) string {
	src := ""
	for _, s := range scripts {
		sum := sha256.Sum256([]byte(s))
		src += " 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	return "default-src 'none'; script-src" + src + "; style-src 'unsafe-inline'; img-src data: blob:; base-uri 'none'; form-action 'none'"
}
