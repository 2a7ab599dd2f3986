package charts

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"breachreport/analysis"
	"breachreport/i18n"
)

// maxDashboard is the limit on the dashboard of 1,000 incidents.
const maxDashboard = 2 << 20

// benchReport is 1,000 synthetic incidents, all of them compared: the per-case charts show
// their first maxCases, the bubble chart the maxBubbles largest.
func benchReport(b *testing.B) analysis.Report {
	rep := manyIncidents(b, 1000)
	rep.Compare = rep.Incidents.Slice()
	return rep
}

// BenchmarkDashboard1000 builds and writes the dashboard of 1,000 incidents and reports its
// size, which must stay within 2 MB.
func BenchmarkDashboard1000(b *testing.B) {
	rep := benchReport(b)
	var size int
	for b.Loop() {
		s, err := Build(context.Background(), rep, Options{Lang: i18n.Ja})
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := s.WriteDashboard(&buf); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "page-bytes")
	if size > maxDashboard {
		b.Errorf("dashboard of 1,000 incidents is %d bytes, over the 2 MB limit", size)
	}
}

// BenchmarkRender1000 loads the dashboard of 1,000 incidents in headless Chromium (one
// browser, started before the timer) and reports, per load, the time until the load event,
// by which page.js has drawn every chart (render-ms, from the page's navigation timing).
// ns/op is the whole round trip through the DevTools protocol.
func BenchmarkRender1000(b *testing.B) {
	br := startBrowser(b)
	s, err := Build(context.Background(), benchReport(b), Options{Lang: i18n.Ja})
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := s.WriteDashboard(&buf); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "charts.html")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	// A first load, untimed, checks that every chart is drawn cleanly.
	l, err := br.Load(context.Background(), path, 1400, 1)
	if err != nil {
		b.Fatal(err)
	}
	if l.Charts != len(s.Charts()) || len(l.Failed) > 0 || len(l.Events) > 0 {
		b.Fatalf("%d charts drawn, failed %v, events %v", l.Charts, l.Failed, l.Events)
	}
	u := (&url.URL{Scheme: "file", Path: path}).String()
	var total time.Duration
	n := 0
	for b.Loop() {
		if err := chromedp.Do(br.ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(u)); err != nil {
			b.Fatal(err)
		}
		ms, err := chromedp.Run(br.ctx, chromedp.Evaluate[float64](fmt.Sprintf(
			`document.documentElement.getAttribute('data-charts') === '%d' ? performance.getEntriesByType('navigation')[0].loadEventEnd : -1`, len(s.Charts()))))
		if err != nil || ms < 0 {
			b.Fatalf("charts not drawn: %v", err)
		}
		total += time.Duration(ms * float64(time.Millisecond))
		n++
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(n), "render-ms")
}
