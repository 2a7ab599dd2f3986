package charts

import (
	"bytes"
	"context"
	"io"
	"testing"

	"breachreport/analysis"
	"breachreport/i18n"
	"breachreport/internal/benchdata"
)

// BenchmarkWriteSynthetic is the charts stage of generate on the input shared by the stage
// benchmarks of every package: 100,000 synthetic incidents (seed 1; 172,704 scope rows), six
// of them compared. It builds the charts, writes the dashboard and every chart's own page
// (to memory), and reports the dashboard's size, which must stay within 2 MB.
func BenchmarkWriteSynthetic(b *testing.B) {
	res := benchdata.Result(b)
	var build analysis.Builder
	build.Add(res.Scopes)
	rep, err := build.Report(context.Background(), res)
	if err != nil {
		b.Fatal(err)
	}
	if rep.Incidents.Len() != benchdata.Incidents || len(rep.Issues) != 0 {
		b.Fatalf("%d incidents, %d issues", rep.Incidents.Len(), len(rep.Issues))
	}
	if rep.Compare, err = analysis.SelectComparison(rep.Incidents, nil, 6); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var size, pages int
	for b.Loop() {
		set, err := Build(context.Background(), rep, Options{Lang: i18n.Ja})
		if err != nil {
			b.Fatal(err)
		}
		var dash bytes.Buffer
		if err := set.WriteDashboard(&dash); err != nil {
			b.Fatal(err)
		}
		size = dash.Len()
		list := set.Charts()
		for _, c := range list {
			if err := set.WriteChart(io.Discard, c.ID); err != nil {
				b.Fatal(err)
			}
		}
		pages = len(list)
	}
	if pages != 4 {
		b.Errorf("%d chart pages, want 4", pages)
	}
	b.ReportMetric(float64(size), "page-bytes")
	if size > maxDashboard {
		b.Errorf("dashboard of 100,000 incidents is %d bytes, over the 2 MB limit", size)
	}
}
