package input

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// settleGoroutines waits up to a second for the goroutine count to come back to base
// (decodeRows' workers leave just after it returns, once the queue is closed).
func settleGoroutines(t *testing.T, base int) {
	t.Helper()
	deadline := time.Now().Add(time.Second)
	for runtime.NumGoroutine() > base {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			n := runtime.Stack(buf, true)
			t.Fatalf("goroutines: %d, want %d\n%s", runtime.NumGoroutine(), base, buf[:n])
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func batchCSV(rows int, longAt int, long string) string {
	var b strings.Builder
	b.WriteString("incident_id,organization,records,notes\n")
	for i := 1; i <= rows; i++ {
		note := "n"
		if i == longAt {
			note = long
		}
		fmt.Fprintf(&b, "id-%d,Org %d,%d,%s\n", i, i, i, note)
	}
	return b.String()
}

// TestReadLimitInLaterBatch puts a field over --max-field-size in the first, a middle or
// the last batch of rows decoded in parallel: the error names its line (the row's
// number + 1 for the header), nothing is returned, and no goroutine is left.
func TestReadLimitInLaterBatch(t *testing.T) {
	for _, at := range []int{1, 1023, 1024, 1025, 2500, 3000} {
		t.Run(fmt.Sprint(at), func(t *testing.T) {
			base := runtime.NumGoroutine()
			in := batchCSV(3000, at, strings.Repeat("x", 200))
			res, err := Read(strings.NewReader(in), Options{Now: testNow, Limits: Limits{MaxFieldSize: 100}})
			var pe *ParseError
			if !errors.As(err, &pe) || !errors.Is(err, ErrLimit) {
				t.Fatalf("err = %v (res %v), want a *ParseError wrapping ErrLimit", err, res != nil)
			}
			if want := fmt.Sprintf("line %d, column notes (4)", at+1); !strings.HasPrefix(err.Error(), want) {
				t.Errorf("err = %q, want it to start %q", err, want)
			}
			settleGoroutines(t, base)
		})
	}
}

// TestReadBatchEdges checks that every count of rows around the batch size reads every row, in order; the progress hook is
// called every 4,096 rows, never two calls at once; no goroutine is left.
func TestReadBatchEdges(t *testing.T) {
	for _, n := range []int{0, 1, 1023, 1024, 1025, 2048, 4096, 3 * 4096, 3*4096 + 1} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			base := runtime.NumGoroutine()
			var calls []int
			var inCall atomic.Int32
			var mu sync.Mutex
			res, err := Read(strings.NewReader(batchCSV(n, -1, "")), Options{Now: testNow, Progress: func(rows int) {
				if inCall.Add(1) != 1 {
					t.Error("progress calls overlap")
				}
				mu.Lock()
				calls = append(calls, rows)
				mu.Unlock()
				inCall.Add(-1)
			}})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Scopes) != n || res.RowsRead != n {
				t.Fatalf("scopes %d, rows read %d, want %d", len(res.Scopes), res.RowsRead, n)
			}
			for i, sc := range res.Scopes {
				if sc.Line != i+2 || sc.IncidentID != fmt.Sprintf("id-%d", i+1) {
					t.Fatalf("scope %d: line %d id %q", i, sc.Line, sc.IncidentID)
				}
			}
			if want := n / 4096; len(calls) != want {
				t.Errorf("progress calls %v, want %d", calls, want)
			}
			settleGoroutines(t, base)
		})
	}
}

// TestReadIssuesStable checks that rejected rows and warnings from every batch come back, in line order, whatever the
// scheduling: the same input read many times gives the same issues.
func TestReadIssuesStable(t *testing.T) {
	var b strings.Builder
	b.WriteString("incident_id,organization,records,certainty\n")
	for i := 1; i <= 5000; i++ {
		switch i % 7 {
		case 0:
			fmt.Fprintf(&b, "id-%d,,1,confirmed\n", i) // rejected in toScope (a worker)
		case 3:
			fmt.Fprintf(&b, "id-%d,Org,1\n", i) // wrong number of fields: rejected by the reader
		case 5:
			fmt.Fprintf(&b, "id-%d,Org,1,perhaps\n", i) // warning in toScope
		default:
			fmt.Fprintf(&b, "id-%d,Org,%d,confirmed\n", i, i)
		}
	}
	in := b.String()
	first, err := Read(strings.NewReader(in), Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	for range 20 {
		again, err := Read(strings.NewReader(in), Options{Now: testNow})
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(again.Issues) != fmt.Sprint(first.Issues) || len(again.Scopes) != len(first.Scopes) ||
			again.RowsRejected != first.RowsRejected || again.RowsRead != first.RowsRead {
			t.Fatal("a second read differs")
		}
	}
	if first.RowsRead != len(first.Scopes)+first.RowsRejected {
		t.Errorf("rows read %d != scopes %d + rejected %d", first.RowsRead, len(first.Scopes), first.RowsRejected)
	}
}
