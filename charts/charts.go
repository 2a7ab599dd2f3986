// Package charts renders breachreport's comparison charts — records exposed, exposure
// timeline and lags — as one self-contained HTML page that carries the ECharts runtime inline
// and opens with no network.
//
// Chart options are built with go-echarts (its option types only, never its page template),
// marshalled with encoding/json (which escapes <, > and &) into <script
// type="application/json"> elements of the package's own html/template, and read by a static
// script with JSON.parse, so no text from the input is ever executed as code or markup.
package charts

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"io"

	"breachreport/analysis"
	"breachreport/i18n"
	"breachreport/third_party/echarts"
)

// Options configure Write. The zero value writes English.
type Options struct {
	// Lang is the language of the page's titles, axis names, legends, tooltips and notes:
	// i18n.En or i18n.Ja. Any other value, including "", means English.
	Lang i18n.Lang
}

//go:embed page.html.tmpl
var pageHTML string

//go:embed page.js
var pageJS string

var pageTemplate = template.Must(template.New("page").Parse(pageHTML))

// page is what page.html.tmpl renders.
type page struct {
	Lang string
	// CSP is the page's Content-Security-Policy: no network at all, and only the page's
	// own two scripts, by hash, so that markup injected by any means could not run code.
	CSP       string
	Title     string
	Subtitle  []string
	Comparing string
	Empty     string
	NoScript  string
	Failed    string
	Charts    []pageChart
	ECharts   template.JS
	Script    template.JS
}

type pageChart struct {
	chart
	// JSON is the chart's payload, marshalled by encoding/json: it contains no <, > or &,
	// so it cannot close its <script> element.
	JSON template.JS
}

// Write renders the charts page (one self-contained HTML document) for rep to w. It charts
// the incidents of rep.Compare, or of rep.Incidents when Compare is empty. The output
// depends only on rep and opts: the same report gives byte-identical HTML.
func Write(w io.Writer, rep analysis.Report, opts Options) error {
	p, err := buildPage(rep, opts.Lang)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, p); err != nil {
		return fmt.Errorf("rendering charts page: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("writing charts page: %w", err)
	}
	return nil
}

func buildPage(rep analysis.Report, lang i18n.Lang) (page, error) {
	figs := rep.Compare
	if len(figs) == 0 {
		figs = rep.Incidents
	}
	v := newView(lang, figs)
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
	if s.FirstDisclosed.Known() {
		p.Subtitle = append(p.Subtitle, v.f(labels.Period, s.FirstDisclosed, s.LastDisclosed))
	} else {
		p.Subtitle = append(p.Subtitle, v.t(labels.PeriodUnknown))
	}
	p.Subtitle = append(p.Subtitle, v.f(labels.Input, rep.Input))
	if !rep.Generated.IsZero() {
		p.Subtitle = append(p.Subtitle, v.f(labels.Generated, rep.Generated.Format(v.t(labels.DateFormat))))
	}
	if len(rep.Incidents) > len(figs) {
		p.Comparing = v.f(labels.Comparing, len(figs), len(rep.Incidents))
	}
	if len(figs) == 0 {
		p.Empty = v.t(labels.NoIncidents)
		return p, nil
	}
	for _, build := range []func() (chart, error){v.recordsChart, v.timelineChart, v.lagsChart} {
		c, err := build()
		if err != nil {
			return page{}, fmt.Errorf("building chart %s: %w", c.ID, err)
		}
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
