package input

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"breachreport/data"
)

// BenchmarkScanXLSX scans a sheet of numeric cells (12 columns, a date serial in the
// disclosed column) and one whose rows have merged ranges: reading is linear in the cells
// and the merged ranges cost nothing, as 40,000 rows with 100,000 merges once took 88 s.
func BenchmarkScanXLSX(b *testing.B) {
	for _, c := range []struct{ rows, merges int }{
		{4000, 0}, {4000, 10_000}, {40_000, 0}, {40_000, 100_000},
	} {
		var buf bytes.Buffer
		if err := writeNumericWorkbook(&buf, c.rows, 12, c.merges); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("rows=%d/merges=%d", c.rows, c.merges), func(b *testing.B) {
			b.SetBytes(int64(buf.Len()))
			for b.Loop() {
				res, err := Scan(context.Background(), bytes.NewReader(buf.Bytes()), Options{Now: testNow}, func([]data.Scope) error { return nil })
				if err != nil || res.RowsUsed != c.rows || len(res.Issues) != 0 {
					b.Fatalf("used %v rows, issues %v, err %v", res, res.Issues, err)
				}
			}
		})
	}
}
