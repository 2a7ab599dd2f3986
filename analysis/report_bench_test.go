package analysis

import (
	"bytes"
	"sync"
	"testing"
	"time"

	"breachreport/data"
)

var (
	benchResOnce sync.Once
	benchRes     *data.Result
)

// benchResult returns the rows of 100,000 synthetic incidents (seed 1; 172,704 scope rows)
// as the command reads them: the input of the stage benchmarks of every package.
func benchResult(b *testing.B) *data.Result {
	benchResOnce.Do(func() {
		var buf bytes.Buffer
		if err := data.WriteSynthetic(&buf, 100_000, 1); err != nil {
			b.Fatal(err)
		}
		res, err := data.Read(&buf, data.Options{Now: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			b.Fatal(err)
		}
		if res.RowsRejected != 0 || len(res.Issues) != 0 {
			b.Fatalf("%d rows rejected, %d issues", res.RowsRejected, len(res.Issues))
		}
		benchRes = res
	})
	return benchRes
}

// BenchmarkNewReport is the analysis stage of generate on the whole input: grouping the
// scope rows of 100,000 synthetic incidents into incidents, every incident's figures, the
// summary and the issues.
func BenchmarkNewReport(b *testing.B) {
	res := benchResult(b)
	b.ReportAllocs()
	for b.Loop() {
		rep := NewReport(res)
		if len(rep.Incidents) != 100_000 || rep.Summary.Incidents != 100_000 || rep.RowsUsed != len(res.Scopes) || len(rep.Issues) != 0 {
			b.Fatalf("%d incidents (summary %d), %d of %d rows used, %d issues",
				len(rep.Incidents), rep.Summary.Incidents, rep.RowsUsed, len(res.Scopes), len(rep.Issues))
		}
	}
	b.ReportMetric(float64(len(res.Scopes)), "rows/op")
}
