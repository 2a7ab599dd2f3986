package reports

import (
	"context"
	"testing"

	"breachreport/i18n"
	"breachreport/internal/benchdata"
)

// BenchmarkWriteSynthetic is the workbook stage of generate on the input shared by the stage
// benchmarks of every package: 100,000 synthetic incidents (seed 1; 172,704 scope rows), six
// of them compared. workbook-bytes is the size of the .xlsx.
func BenchmarkWriteSynthetic(b *testing.B) {
	rep := reportFrom(b, benchdata.CSV(b))
	if rep.Incidents.Len() != benchdata.Incidents || len(rep.Issues) != 0 {
		b.Fatalf("%d incidents, %d issues", rep.Incidents.Len(), len(rep.Issues))
	}
	b.ReportAllocs()
	var size int64
	for b.Loop() {
		var cw countingWriter
		if err := Write(context.Background(), &cw, rep, Options{Lang: i18n.Ja}); err != nil {
			b.Fatal(err)
		}
		size = int64(cw)
	}
	b.ReportMetric(float64(rep.RowsUsed), "rows/op")
	b.ReportMetric(float64(size), "workbook-bytes")
}

// countingWriter counts the bytes written to it and keeps none.
type countingWriter int64

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}
