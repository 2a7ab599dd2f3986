package reports

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"breachreport/i18n"
)

// settle waits up to two seconds for the goroutine count to come back to base.
func settle(t *testing.T, base int) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > base {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			n := runtime.Stack(buf, true)
			t.Fatalf("goroutines: %d, want %d\n%s", runtime.NumGoroutine(), base, buf[:n])
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// linkedCSV has n incidents, each with an external source URL (a hyperlink on the streamed
// Incidents sheet) and a lag over 90 days (a conditional format).
func linkedCSV(n int) string {
	var b strings.Builder
	b.WriteString("incident_id,organization,record_type,certainty,records,detected,disclosed,source_url,notes\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "inc-%d,Org %d,card,confirmed,%d,2019-01-01,2019-%02d-01,https://example.com/n/%d,note %d\n", i, i, i*10, 1+i%12, i, i)
	}
	return b.String()
}

// TestRowSinkError checks that the rows sink keeps the first error of excelize's, drops the rows after it without
// blocking, and its goroutine ends on close.
func TestRowSinkError(t *testing.T) {
	base := runtime.NumGoroutine()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	s := newRowSink(sw)
	row := []out{{col: 1, s: "x"}}
	s.add(1, row, 0)
	s.add(1, row, 0) // the same row again: SetRow fails
	for r := 2; r < 20*batchRows; r++ {
		s.add(r, row, 0)
	}
	if err := s.close(); err == nil {
		t.Fatal("close: no error")
	}
	settle(t, base)
}

// TestSameBytesAnyScheduling checks that the workbook does not depend on the scheduling: continuation sheets with tables,
// external links, conditional formats and defined names, and a period workbook with charts
// on several sheets, give the same bytes on 1, 2 and 8 threads, many times over.
func TestSameBytesAnyScheduling(t *testing.T) {
	rep := reportFrom(t, []byte(linkedCSV(300)))
	prep, pr := periodReport(t, "2019-06")
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, tc := range []struct {
		name string
		do   func(*bytes.Buffer) error
	}{
		{"continuation", func(b *bytes.Buffer) error {
			return Write(context.Background(), b, rep, Options{Lang: i18n.Ja, maxRows: 37})
		}},
		{"period", func(b *bytes.Buffer) error {
			return Write(context.Background(), b, prep, Options{Lang: i18n.En, Period: pr, maxRows: 5})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var first []byte
			for _, procs := range []int{1, 2, 8, 2, 1, 8} {
				runtime.GOMAXPROCS(procs)
				for i := range 5 {
					var buf bytes.Buffer
					if err := tc.do(&buf); err != nil {
						t.Fatal(err)
					}
					if first == nil {
						first = buf.Bytes()
						continue
					}
					if !bytes.Equal(buf.Bytes(), first) {
						t.Fatalf("GOMAXPROCS %d, run %d: different bytes", procs, i+1)
					}
				}
			}
		})
	}
}
