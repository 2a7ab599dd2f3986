package reports

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"breachreport/i18n"
)

// BenchmarkWriteLarge writes the workbook of 50,000 input rows (25,000 incidents of two
// scopes each): the Incidents, Scopes and Data issues sheets are streamed. Run with
// go test -run '^$' -bench WriteLarge -benchmem -benchtime 1x ./reports.
func BenchmarkWriteLarge(b *testing.B) {
	var in strings.Builder
	in.WriteString("incident_id,organization,service,record_type,certainty,records,exposure_start,exposure_end,detected,contained,disclosed,source_url,notes\n")
	for i := range 25000 {
		for _, typ := range []string{"personal", "card"} {
			fmt.Fprintf(&in, "inc-%d,株式会社テスト%d,shop %d,%s,suspected,%d,2018-09-03,2018-12-27,2018-12-27,2018-12-28,2019-06-04,https://example.com/news/%d,顧客情報が流出した可能性があります。\n",
				i, i, i, typ, 1000+i, i)
		}
	}
	rep := reportFrom(b, []byte(in.String()))
	b.ResetTimer()
	for range b.N {
		if err := Write(context.Background(), io.Discard, rep, Options{Lang: i18n.Ja}); err != nil {
			b.Fatal(err)
		}
	}
}
