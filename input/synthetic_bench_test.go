package input

import (
	"bytes"
	"sync"
	"testing"
)

// syntheticIncidents is the size of the input shared by the stage benchmarks of every
// package (BenchmarkReadSynthetic here, analysis.BenchmarkNewReport,
// reports.BenchmarkWriteSynthetic and charts.BenchmarkWriteSynthetic): WriteSynthetic's
// 100,000 incidents of seed 1, which are 172,704 scope rows.
const syntheticIncidents = 100_000

var (
	synthOnce sync.Once
	synthCSV  []byte
)

// syntheticInput returns the shared input, made once per test binary.
func syntheticInput(b *testing.B) []byte {
	synthOnce.Do(func() {
		var buf bytes.Buffer
		if err := WriteSynthetic(&buf, syntheticIncidents, 1); err != nil {
			b.Fatal(err)
		}
		synthCSV = buf.Bytes()
	})
	return synthCSV
}

// BenchmarkReadSynthetic is the read stage of generate on the shared synthetic input: Read
// with every check, all scopes kept. rows/op is the number of scope rows.
func BenchmarkReadSynthetic(b *testing.B) {
	in := syntheticInput(b)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	var rows int
	for b.Loop() {
		res, err := Read(bytes.NewReader(in), Options{Now: testNow})
		if err != nil {
			b.Fatal(err)
		}
		if res.RowsRejected != 0 || len(res.Issues) != 0 || len(res.Scopes) != res.RowsRead || res.RowsRead < syntheticIncidents {
			b.Fatalf("%d rows read, %d scopes, %d rejected, %d issues", res.RowsRead, len(res.Scopes), res.RowsRejected, len(res.Issues))
		}
		rows = res.RowsRead
	}
	b.ReportMetric(float64(rows), "rows/op")
}
