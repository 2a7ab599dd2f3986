package analysis

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"breachreport/data"
	"breachreport/input"
	"breachreport/internal/inputtest"
)

// sampleFigures runs the embedded sample through the same steps as the command.
func sampleFigures(t *testing.T) []IncidentFigures {
	t.Helper()
	res, err := inputtest.Read(bytes.NewReader(input.Sample()), input.Options{Now: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	incs, issues := data.Group(res.Scopes)
	figs, more := Analyze(incs)
	if len(res.Issues)+len(issues)+len(more) != 0 {
		t.Fatalf("sample has issues: %v %v %v", res.Issues, issues, more)
	}
	return figs
}

func days(n int) Days { return Days{N: n, Known: true} }

var blank = Days{}

// TestSeedFigures checks every figure of ../shared/seed-cases.md, computed by hand there.
func TestSeedFigures(t *testing.T) {
	figs := sampleFigures(t)
	type bucket struct {
		rt data.RecordType
		c  data.Certainty
		n  int64
	}
	want := []struct {
		id                          string
		buckets                     []bucket
		total                       int64
		windowConfirmed, windowAll  Days
		detectConfirmed, detectAll  Days
		contain, disclose           Days
		startDiscConf, startDiscAll Days
	}{
		{
			id:              "sanpo-create-2019",
			buckets:         []bucket{{data.Personal, data.Suspected, 41355}, {data.Card, data.Suspected, 2606}},
			total:           43961,
			windowConfirmed: blank, windowAll: days(115), // 2018-09-03 → 2018-12-27, card scope
			detectConfirmed: blank, detectAll: days(115),
			contain: days(0), disclose: days(159), // 2018-12-27 → 2019-06-04
			startDiscConf: blank, startDiscAll: days(274),
		},
		{
			id:              "omochabako-2019",
			buckets:         []bucket{{data.Card, data.Confirmed, 210}, {data.Card, data.Suspected, 40233}},
			total:           40443,
			windowConfirmed: days(36), windowAll: days(1132), // 2019-01-31 → 03-08; 2016-02-03 → 2019-03-11
			detectConfirmed: days(39), detectAll: days(1132),
			contain: days(0), disclose: days(148), // 2019-03-11 → 2019-08-06
			startDiscConf: days(187), startDiscAll: days(1280),
		},
	}
	if len(figs) != len(want) {
		t.Fatalf("got %d incidents, want %d", len(figs), len(want))
	}
	for i, w := range want {
		f := figs[i]
		t.Run(w.id, func(t *testing.T) {
			if f.Incident.ID != w.id {
				t.Fatalf("incident %d is %q, want %q", i, f.Incident.ID, w.id)
			}
			if len(f.Buckets) != len(w.buckets) {
				t.Fatalf("buckets = %+v, want %+v", f.Buckets, w.buckets)
			}
			for j, b := range w.buckets {
				g := f.Buckets[j]
				if g.Type != b.rt || g.Certainty != b.c || g.Records != data.KnownCount(b.n) {
					t.Errorf("bucket %d = %+v, want %+v", j, g, b)
				}
			}
			if f.Total != data.KnownCount(w.total) {
				t.Errorf("total = %+v, want %d", f.Total, w.total)
			}
			checks := []struct {
				name      string
				got, want Days
			}{
				{"window, confirmed scopes", f.WindowConfirmed.Days, w.windowConfirmed},
				{"window, all scopes", f.WindowAll.Days, w.windowAll},
				{"time to detect, confirmed", f.DetectConfirmed, w.detectConfirmed},
				{"time to detect, all", f.DetectAll, w.detectAll},
				{"time to contain", f.Contain, w.contain},
				{"detection to disclosure", f.Disclose, w.disclose},
				{"start to disclosure, confirmed", f.StartToDiscloseConfirmed, w.startDiscConf},
				{"start to disclosure, all", f.StartToDiscloseAll, w.startDiscAll},
			}
			for _, c := range checks {
				if c.got != c.want {
					t.Errorf("%s = %+v, want %+v", c.name, c.got, c.want)
				}
			}
		})
	}
	// Per-scope windows: Sanpo personal has none; the others are 115, 36 and 1,132 days.
	wantScope := []Days{blank, days(115), days(36), days(1132)}
	var got []Days
	for _, f := range figs {
		for _, s := range f.Scopes {
			got = append(got, s.Window)
		}
	}
	for i := range wantScope {
		if got[i] != wantScope[i] {
			t.Errorf("scope %d window = %+v, want %+v", i, got[i], wantScope[i])
		}
	}
}

// jdn is the Julian day number of a Gregorian date (Fliegel & Van Flandern), an arithmetic
// independent of package time, used as a second computation of day counts.
func jdn(y, m, d int) int {
	a := (14 - m) / 12
	yy := y + 4800 - a
	mm := m + 12*a - 3
	return d + (153*mm+2)/5 + 365*yy + yy/4 - yy/100 + yy/400 - 32045
}

func parseJDN(t *testing.T, s string) (int, bool) {
	t.Helper()
	if s == "" {
		return 0, false
	}
	var y, m, d int
	if _, err := fmt.Sscanf(s, "%d-%d-%d", &y, &m, &d); err != nil {
		t.Fatalf("bad date %q: %v", s, err)
	}
	return jdn(y, m, d), true
}

// TestIndependentComputation recomputes the day figures of the sample from the raw CSV text
// with Julian day numbers and compares them to Analyze.
func TestIndependentComputation(t *testing.T) {
	figs := sampleFigures(t)
	lines := strings.Split(strings.TrimSpace(string(input.Sample())), "\n")
	type scope struct {
		confirmed                    bool
		start, end, det, cont, discl string
	}
	byID := map[string][]scope{}
	var order []string
	for _, l := range lines[1:] {
		// The sample's only quoted field is the last one (notes), so the first 13 commas split the rest.
		f := strings.SplitN(l, ",", 14)
		id := f[0]
		if _, ok := byID[id]; !ok {
			order = append(order, id)
		}
		byID[id] = append(byID[id], scope{f[6] == "confirmed", f[8], f[9], f[10], f[11], f[12]})
	}
	for i, id := range order {
		scs := byID[id]
		minStart := func(onlyConfirmed bool) (int, bool) {
			best, ok := 0, false
			for _, s := range scs {
				if onlyConfirmed && !s.confirmed {
					continue
				}
				if j, has := parseJDN(t, s.start); has && (!ok || j < best) {
					best, ok = j, true
				}
			}
			return best, ok
		}
		maxEnd := func(onlyConfirmed bool) (int, bool) {
			best, ok := 0, false
			for _, s := range scs {
				if onlyConfirmed && !s.confirmed {
					continue
				}
				if j, has := parseJDN(t, s.end); has && (!ok || j > best) {
					best, ok = j, true
				}
			}
			return best, ok
		}
		diff := func(a int, aok bool, b int, bok bool) Days {
			if !aok || !bok {
				return Days{}
			}
			return days(b - a)
		}
		det, detOK := parseJDN(t, scs[0].det)
		cont, contOK := parseJDN(t, scs[0].cont)
		disc, discOK := parseJDN(t, scs[0].discl)
		sc, scOK := minStart(true)
		sa, saOK := minStart(false)
		ec, ecOK := maxEnd(true)
		ea, eaOK := maxEnd(false)
		f := figs[i]
		for _, c := range []struct {
			m    Metric
			want Days
		}{
			{WindowConfirmed, diff(sc, scOK, ec, ecOK)},
			{WindowAll, diff(sa, saOK, ea, eaOK)},
			{DetectConfirmed, diff(sc, scOK, det, detOK)},
			{DetectAll, diff(sa, saOK, det, detOK)},
			{Contain, diff(det, detOK, cont, contOK)},
			{Disclose, diff(det, detOK, disc, discOK)},
			{StartToDiscloseConfirmed, diff(sc, scOK, disc, discOK)},
			{StartToDiscloseAll, diff(sa, saOK, disc, discOK)},
		} {
			if got := f.Get(c.m); got != c.want {
				t.Errorf("%s %s: Analyze %+v, independent %+v", id, c.m, got, c.want)
			}
		}
	}
}

func TestPercentile(t *testing.T) {
	tests := []struct {
		vals []float64
		p    float64
		want float64
	}{
		{[]float64{148, 159}, 0.5, 153.5},
		{[]float64{148, 159}, 0.9, 157.9},
		{[]float64{1, 2, 3, 4, 5}, 0.5, 3},
		{[]float64{1, 2, 3, 4, 5}, 0.9, 4.6},
		{[]float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.9, 9.1},
		{[]float64{7}, 0.9, 7},
		{[]float64{1, 2}, 1, 2},
		{[]float64{1, 2}, 0, 1},
	}
	for _, tt := range tests {
		if got := Percentile(tt.vals, tt.p); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("Percentile(%v, %v) = %v, want %v", tt.vals, tt.p, got, tt.want)
		}
	}
	if got := Percentile(nil, 0.5); !math.IsNaN(got) {
		t.Errorf("Percentile(nil) = %v, want NaN", got)
	}
}

func TestSummarizeSample(t *testing.T) {
	s := Summarize(sampleFigures(t))
	if s.Incidents != 2 || s.Scopes != 4 || s.TotalRecords != data.KnownCount(84404) || s.RecordsN != 2 {
		t.Errorf("summary counts = %+v", s)
	}
	if s.FirstDisclosed.String() != "2019-06-04" || s.LastDisclosed.String() != "2019-08-06" || s.DisclosedN != 2 {
		t.Errorf("period = %s … %s (n=%d)", s.FirstDisclosed, s.LastDisclosed, s.DisclosedN)
	}
	tests := []struct {
		m                 Metric
		n                 int
		median, mean, p90 float64
	}{
		{Disclose, 2, 153.5, 153.5, 157.9},
		{Contain, 2, 0, 0, 0},
		{WindowConfirmed, 1, 36, 36, 36},
		{WindowAll, 2, 623.5, 623.5, 1030.3},
		{DetectConfirmed, 1, 39, 39, 39},
		{StartToDiscloseAll, 2, 777, 777, 1179.4},
	}
	for _, tt := range tests {
		st := s.Stat(tt.m)
		if st.N != tt.n || math.Abs(st.Median-tt.median) > 1e-9 || math.Abs(st.Mean-tt.mean) > 1e-9 || math.Abs(st.P90-tt.p90) > 1e-9 {
			t.Errorf("%s: %+v, want n=%d median %v mean %v p90 %v", tt.m, st, tt.n, tt.median, tt.mean, tt.p90)
		}
	}
	wantBuckets := []struct {
		rt data.RecordType
		c  data.Certainty
		n  int64
	}{{data.Personal, data.Suspected, 41355}, {data.Card, data.Confirmed, 210}, {data.Card, data.Suspected, 42839}}
	for i, w := range wantBuckets {
		b := s.Buckets[i]
		if b.Type != w.rt || b.Certainty != w.c || b.Records != data.KnownCount(w.n) {
			t.Errorf("bucket %d = %+v, want %+v", i, b, w)
		}
	}
}
