// Package benchdata is the input shared by the stage benchmarks of the analysis, charts and
// reports packages (data's own benchmarks make it themselves, since data cannot import
// this package): input.WriteSynthetic's 100,000 incidents of seed 1, which are 172,704
// scope rows, made once per test binary and read as generate reads them.
package benchdata

import (
	"bytes"
	"sync"
	"testing"
	"time"

	"breachreport/input"
	"breachreport/internal/inputtest"
)

// Incidents is how many incidents the shared input holds.
const Incidents = 100_000

var (
	once sync.Once
	csv  []byte
	err  error
)

// CSV returns the shared input's text.
func CSV(tb testing.TB) []byte {
	tb.Helper()
	once.Do(func() {
		var buf bytes.Buffer
		err = input.WriteSynthetic(&buf, Incidents, 1)
		csv = buf.Bytes()
	})
	if err != nil {
		tb.Fatal(err)
	}
	return csv
}

// Result reads the shared input as generate does, and fails tb unless every row is used
// without an issue.
func Result(tb testing.TB) *input.Result {
	tb.Helper()
	res, err := inputtest.Read(bytes.NewReader(CSV(tb)), input.Options{Now: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		tb.Fatal(err)
	}
	if res.RowsRejected != 0 || len(res.Issues) != 0 {
		tb.Fatalf("the shared input: %d rows rejected, %d issues", res.RowsRejected, len(res.Issues))
	}
	return res
}
