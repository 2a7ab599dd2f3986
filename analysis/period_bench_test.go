package analysis

import (
	"bytes"
	"sync"
	"testing"

	"breachreport/input"
)

var (
	benchOnce sync.Once
	benchInc  Incidents
)

// benchIncidents returns the packed figures of 100,000 synthetic incidents (seed 1), read
// as the command reads them.
func benchIncidents(b *testing.B) Incidents {
	benchOnce.Do(func() {
		var buf bytes.Buffer
		if err := input.WriteSynthetic(&buf, 100_000, 1); err != nil {
			b.Fatal(err)
		}
		benchInc = NewIncidents(figuresOf(b, buf.Bytes()))
	})
	return benchInc
}

// BenchmarkAllMonths is the analysis of --all-months on 100,000 synthetic incidents: one
// Timeline, then the report of each of the 72 months (trend, trailing year, changes,
// cases, breakdowns of the month and of its trailing year).
func BenchmarkAllMonths(b *testing.B) {
	inc := benchIncidents(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		tl := inc.Timeline()
		months := tl.Months()
		for _, m := range months {
			r := tl.Report(m.Period())
			if r.Trailing.Summary.Incidents == 0 {
				b.Fatal("empty trailing year")
			}
		}
		if len(months) != 72 {
			b.Fatalf("%d months", len(months))
		}
	}
}

// BenchmarkMonthReport is one --month report on the same incidents, Timeline included.
func BenchmarkMonthReport(b *testing.B) {
	inc := benchIncidents(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		inc.Timeline().Report(Month{2021, 6}.Period())
	}
}
