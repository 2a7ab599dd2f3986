package analysis

import (
	"sync"
	"testing"

	"breachreport/input"
	"breachreport/internal/benchdata"
)

var (
	benchResOnce sync.Once
	benchRes     *input.Result
)

// benchResult returns the shared input of the stage benchmarks, read once.
func benchResult(b *testing.B) *input.Result {
	benchResOnce.Do(func() { benchRes = benchdata.Result(b) })
	return benchRes
}

// BenchmarkNewReport is the analysis stage of generate on the whole input, a Builder given
// every row: grouping the scope rows of 100,000 synthetic incidents into incidents, every
// incident's figures, the summary and the issues.
func BenchmarkNewReport(b *testing.B) {
	res := benchResult(b)
	b.ReportAllocs()
	for b.Loop() {
		rep := reportOf(res)
		if rep.Incidents.Len() != benchdata.Incidents || rep.Summary.Incidents != benchdata.Incidents || rep.RowsUsed != len(res.Scopes) || len(rep.Issues) != 0 {
			b.Fatalf("%d incidents (summary %d), %d of %d rows used, %d issues",
				rep.Incidents.Len(), rep.Summary.Incidents, rep.RowsUsed, len(res.Scopes), len(rep.Issues))
		}
	}
	b.ReportMetric(float64(len(res.Scopes)), "rows/op")
}

// BenchmarkIncidentsAll is one pass over the packed incidents of the shared input, as each
// sheet and chart that lists them makes: every incident unpacked. It reports the bytes
// they are packed into.
func BenchmarkIncidentsAll(b *testing.B) {
	inc := reportOf(benchResult(b)).Incidents
	packed := 0
	for _, c := range inc.chunks {
		packed += len(c)
	}
	b.ReportAllocs()
	for b.Loop() {
		scopes := 0
		for _, f := range inc.All() {
			scopes += len(f.Scopes)
		}
		if scopes != len(benchResult(b).Scopes) {
			b.Fatalf("%d scopes", scopes)
		}
	}
	b.ReportMetric(float64(packed)/float64(inc.Len()), "packed-bytes/incident")
}
