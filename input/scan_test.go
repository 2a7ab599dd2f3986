package input

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"breachreport/data"
)

// TestScan checks that Scan hands over every usable row once, in order, counts them, and
// stops with each's own error.
func TestScan(t *testing.T) {
	var in bytes.Buffer
	if err := WriteSynthetic(&in, 3000, 5); err != nil {
		t.Fatal(err)
	}
	want, err := Read(bytes.NewReader(in.Bytes()), Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	var got []data.Scope
	batches := 0
	res, err := Scan(context.Background(), bytes.NewReader(in.Bytes()), Options{Now: testNow}, func(s []data.Scope) error {
		got = append(got, s...)
		batches++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want.Scopes) || res.Scopes != nil || res.RowsUsed != len(want.Scopes) || want.RowsUsed != len(want.Scopes) {
		t.Errorf("Scan gave %d scopes (RowsUsed %d, Scopes kept %d), Read %d", len(got), res.RowsUsed, len(res.Scopes), len(want.Scopes))
	}
	if batches < 2 {
		t.Errorf("%d batches; the test wants several", batches)
	}
	stop := errors.New("stop here")
	calls := 0
	_, err = Scan(context.Background(), bytes.NewReader(in.Bytes()), Options{Now: testNow}, func([]data.Scope) error {
		calls++
		return stop
	})
	if err != stop || calls != 1 {
		t.Errorf("each's error: got %v after %d calls, want it as it is after 1", err, calls)
	}
}

// TestScanCancelled checks that Scan stops with ctx's error, whether ctx ends while good rows
// are handed over or while rows that are all rejected are read (which hand nothing over).
func TestScanCancelled(t *testing.T) {
	var good bytes.Buffer
	if err := WriteSynthetic(&good, 20_000, 5); err != nil {
		t.Fatal(err)
	}
	bad := "organization,records\n" + strings.Repeat("A,1,extra\n", 50_000)
	// A batch of good rows, then rows that are all rejected: the reading is cancelled inside
	// the run of rejected rows, which hands nothing over.
	goodThenBad := "organization,records\n" + strings.Repeat("A,1\n", 1500) + strings.Repeat("A,1,extra\n", 200_000)
	for _, tc := range []struct {
		name  string
		in    string
		after int // batches handed over before ctx is cancelled; -1: cancelled before the read
	}{
		{"good rows, cancelled after a batch", good.String(), 1},
		{"good rows, cancelled before", good.String(), -1},
		{"rejected rows, cancelled before", bad, -1},
		{"rejected rows, cancelled among them", goodThenBad, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tc.after < 0 {
				cancel()
			}
			base := runtime.NumGoroutine()
			batches, rowsRead := 0, 0
			opts := Options{Now: testNow, Progress: func(n int) { rowsRead = n }}
			_, err := Scan(ctx, strings.NewReader(tc.in), opts, func([]data.Scope) error {
				batches++
				if batches == tc.after {
					cancel()
				}
				return nil
			})
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want it to wrap context.Canceled", err)
			}
			if max := max(tc.after, 0) + 2*runtime.GOMAXPROCS(0) + 1; batches > max {
				t.Errorf("%d batches handed over after the cancel, want at most the %d in flight", batches, max)
			}
			if rows := strings.Count(tc.in, "\n") - 1; rowsRead > rows/2 {
				t.Errorf("%d of %d rows read before the reading stopped", rowsRead, rows)
			}
			settleGoroutines(t, base)
		})
	}
}
