package data

import (
	"bytes"
	"context"
	"errors"
	"math"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// TestPackRoundTrip packs values at the edges of what each field holds and reads them back.
func TestPackRoundTrip(t *testing.T) {
	dates := []Date{{}, NewDate(1960, 2, 29), NewDate(1970, 1, 1), NewDate(2019, 6, 4),
		DateOf(NewDate(2019, 6, 4).Time(), PrecisionMonth), DateOf(NewDate(1969, 12, 31).Time(), PrecisionYear),
		NewDate(9999, 12, 31), NewDate(1, 1, 1)}
	counts := []Count{{}, KnownCount(0), KnownCount(math.MaxInt64), {N: 40000, Known: true, Approx: true}, {N: -3}}
	in := Incident{ID: "INC-1", Organization: "Alpha / Beta", Service: "", Industry: "retail", Cause: "web skimming",
		Detected: dates[3], Disclosed: dates[4], SourceURLs: []string{"https://a", "https://b"}}
	for i, d := range dates {
		in.Scopes = append(in.Scopes, Scope{Line: i * 1000003, IncidentID: "INC-1", Organization: "Alpha", Industry: "retail",
			Cause: "", RecordType: RecordType([]string{"personal", "card", "", "顧客情報"}[i%4]), Certainty: Certainty(i % 3),
			Records: counts[i%len(counts)], ExposureStart: d, ExposureEnd: dates[(i+1)%len(dates)], Detected: dates[(i+2)%len(dates)],
			Contained: dates[(i+3)%len(dates)], Disclosed: dates[(i+4)%len(dates)], SourceURL: []string{"https://a", "https://c", ""}[i%3],
			Notes: []string{"", "株式会社", "x"}[i%3], Extra: [][]string{nil, {}, {"", "a"}}[i%3]})
	}
	in.Scopes[2].IncidentID, in.Scopes[2].IDDerived = "Alpha 2019-06-04", true
	for _, tt := range []Incident{in, {}, {ID: "only", SourceURLs: []string{}, Scopes: []Scope{}}} {
		var p Packer
		p.Incident(&tt)
		p.Int(math.MinInt64)
		p.Uint(math.MaxUint64)
		p.Bool(true)
		p.StringLike("same", "same")
		p.StringLike("", "ref")
		var got Incident
		u := Unpacker{B: p.B}
		u.Incident(&got)
		if !reflect.DeepEqual(got, tt) {
			t.Errorf("incident:\n got %+v\nwant %+v", got, tt)
		}
		if v := u.Int(); v != math.MinInt64 {
			t.Errorf("Int = %d", v)
		}
		if v := u.Uint(); v != math.MaxUint64 {
			t.Errorf("Uint = %d", v)
		}
		if !u.Bool() || u.StringLike("same") != "same" || u.StringLike("ref") != "" {
			t.Error("Bool or StringLike read back wrong")
		}
		if u.I != len(p.B) {
			t.Errorf("read %d of %d bytes", u.I, len(p.B))
		}
		if IDOfPacked(p.B) != tt.ID {
			t.Errorf("IDOfPacked = %q, want %q", IDOfPacked(p.B), tt.ID)
		}
	}
	// Reading into an incident with larger arrays reuses them and leaves nothing behind.
	var p Packer
	small := Incident{ID: "s", SourceURLs: []string{"u"}, Scopes: []Scope{{Line: 2, IncidentID: "s", Notes: "n"}}}
	p.Incident(&small)
	got := in
	u := Unpacker{B: p.B}
	u.Incident(&got)
	if !reflect.DeepEqual(got, small) || &got.Scopes[0] != &in.Scopes[0] {
		t.Errorf("reuse: got %+v, want %+v in the same array", got, small)
	}
}

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
	var got []Scope
	batches := 0
	res, err := Scan(context.Background(), bytes.NewReader(in.Bytes()), Options{Now: testNow}, func(s []Scope) error {
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
	_, err = Scan(context.Background(), bytes.NewReader(in.Bytes()), Options{Now: testNow}, func([]Scope) error {
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
			_, err := Scan(ctx, strings.NewReader(tc.in), opts, func([]Scope) error {
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
