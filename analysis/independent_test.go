package analysis

import (
	"bytes"
	"encoding/csv"
	"math"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"breachreport/input"
)

// rawIncident is an incident as TestMonthlyIndependently reads it from the CSV text itself,
// without input.Read, data.Group or Analyze.
type rawIncident struct {
	id, cause                     string
	detected, contained, disclose string
	// starts and windows: the exposure starts stated, and the (start, end) pairs stated.
	starts     []int
	windows    [][2]int
	total      int64
	totalKnown bool
	approx     bool
}

// dayNumber returns the Julian day number (jdn, package time not involved) of a
// yyyy-mm-dd string, and false for a blank one.
func dayNumber(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	y, _ := strconv.Atoi(s[0:4])
	m, _ := strconv.Atoi(s[5:7])
	d, _ := strconv.Atoi(s[8:10])
	return jdn(y, m, d), true
}

// rawCount reads the count forms the synthetic generator writes: digits, digits with
// commas, 約…件, blank and 不明.
func rawCount(s string) (n int64, known, approx bool) {
	if s == "" || s == "不明" {
		return 0, false, false
	}
	if strings.HasPrefix(s, "約") {
		approx = true
		s = strings.TrimSuffix(strings.TrimPrefix(s, "約"), "件")
	}
	n, err := strconv.ParseInt(strings.ReplaceAll(s, ",", ""), 10, 64)
	if err != nil {
		panic("rawCount: " + s)
	}
	return n, true, approx
}

// readRaw parses the synthetic CSV with encoding/csv and groups its rows by incident_id.
func readRaw(t *testing.T, b []byte) []*rawIncident {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	var out []*rawIncident
	byID := map[string]*rawIncident{}
	for _, r := range rows[1:] {
		id := r[col["incident_id"]]
		in := byID[id]
		if in == nil {
			in = &rawIncident{id: id, cause: r[col["cause"]], detected: r[col["detected"]], contained: r[col["contained"]],
				disclose: r[col["disclosed"]], totalKnown: true}
			byID[id] = in
			out = append(out, in)
		}
		n, known, approx := rawCount(r[col["records"]])
		if known {
			in.total += n
			in.approx = in.approx || approx
		} else {
			in.totalKnown = false
		}
		s, okS := dayNumber(r[col["exposure_start"]])
		e, okE := dayNumber(r[col["exposure_end"]])
		if okS {
			in.starts = append(in.starts, s)
		}
		if okS && okE {
			in.windows = append(in.windows, [2]int{s, e})
		}
	}
	return out
}

// lags returns the incident's detection → disclosure, time to contain, time to detect (all
// scopes), exposure window (all scopes) and window start → disclosure (all scopes), each
// with whether it is known.
func (in *rawIncident) lags() map[Metric][2]int {
	out := map[Metric][2]int{}
	put := func(m Metric, v int, ok bool) {
		if ok {
			out[m] = [2]int{v, 1}
		}
	}
	det, okDet := dayNumber(in.detected)
	cont, okCont := dayNumber(in.contained)
	disc, okDisc := dayNumber(in.disclose)
	put(Disclose, disc-det, okDet && okDisc)
	put(Contain, cont-det, okDet && okCont)
	if len(in.starts) > 0 {
		first := in.starts[0]
		for _, s := range in.starts {
			first = min(first, s)
		}
		put(DetectAll, det-first, okDet)
		put(StartToDiscloseAll, disc-first, okDisc)
	}
	if len(in.windows) > 0 {
		lo, hi := in.windows[0][0], in.windows[0][1]
		for _, w := range in.windows {
			lo, hi = min(lo, w[0]), max(hi, w[1])
		}
		put(WindowAll, hi-lo, true)
	}
	return out
}

// rawMedian is the median of ints: the middle value, or the mean of the two middle ones.
func rawMedian(v []int) float64 {
	s := append([]int(nil), v...)
	sort.Ints(s)
	n := len(s)
	if n%2 == 1 {
		return float64(s[n/2])
	}
	return float64(s[n/2-1]+s[n/2]) / 2
}

// rawP90 is the 90th percentile as Excel's PERCENTILE.INC defines it, written out again:
// the value at 1-based rank 1 + 0.9·(n − 1), interpolating between neighbours.
func rawP90(v []int) float64 {
	s := append([]int(nil), v...)
	sort.Ints(s)
	rank := 1 + 0.9*float64(len(s)-1)
	k := int(rank) // 1-based
	frac := rank - float64(k)
	if k >= len(s) {
		return float64(s[len(s)-1])
	}
	return float64(s[k-1]) + frac*float64(s[k]-s[k-1])
}

// rawMonth is what the independent computation finds for one month.
type rawMonth struct {
	incidents int
	records   int64
	recordsN  int
	approx    bool
	lags      map[Metric][]int
}

// TestMonthlyIndependently computes the monthly figures of a synthetic file a second way —
// from the CSV text with encoding/csv, string month keys, Julian day numbers and its own
// median and percentile — and checks that the production path (input.Read, Builder,
// Timeline) gives the same for every month, for the pooled trailing year and for the
// breakdown by cause.
func TestMonthlyIndependently(t *testing.T) {
	var b bytes.Buffer
	if err := input.WriteSynthetic(&b, 6000, 2026); err != nil {
		t.Fatal(err)
	}
	raw := readRaw(t, b.Bytes())
	metrics := []Metric{Disclose, Contain, DetectAll, WindowAll, StartToDiscloseAll}

	months := map[string]*rawMonth{}
	undated := 0
	for _, in := range raw {
		if in.disclose == "" {
			undated++
			continue
		}
		key := in.disclose[:7]
		m := months[key]
		if m == nil {
			m = &rawMonth{lags: map[Metric][]int{}}
			months[key] = m
		}
		m.incidents++
		if in.totalKnown {
			m.records += in.total
			m.recordsN++
			m.approx = m.approx || in.approx
		}
		for metric, v := range in.lags() {
			m.lags[metric] = append(m.lags[metric], v[0])
		}
	}

	figs := figuresOf(t, b.Bytes())
	tl := NewIncidents(figs).Timeline()
	if tl.Undated() != undated || undated == 0 {
		t.Errorf("undated: %d, independently %d", tl.Undated(), undated)
	}
	covered := tl.Months()
	if len(covered) == 0 {
		t.Fatal("no month with a disclosure")
	}
	first, last := covered[0], covered[len(covered)-1]
	if first.String() != "2018-01" || last.String() != "2023-12" {
		t.Errorf("data months %v … %v", first, last)
	}
	rows := tl.MonthlyTable(first, last)
	if len(rows) != 72 {
		t.Fatalf("%d monthly rows, want 72", len(rows))
	}
	total := 0
	for _, r := range rows {
		w := months[r.Month.String()]
		if w == nil {
			w = &rawMonth{}
		}
		total += w.incidents
		rec := r.Records()
		if r.Summary.Incidents != w.incidents || rec.N != w.records || r.Summary.RecordsN != w.recordsN || rec.Approx != w.approx {
			t.Errorf("%s: %d incidents, records %v from %d; independently %d, %d from %d (approx %v)",
				r.Month, r.Summary.Incidents, rec, r.Summary.RecordsN, w.incidents, w.records, w.recordsN, w.approx)
		}
		for _, m := range metrics {
			s := r.Summary.Stat(m)
			v := w.lags[m]
			if s.N != len(v) || (len(v) > 0 && s.Median != rawMedian(v)) {
				t.Errorf("%s %s: n=%d median %g; independently n=%d median %g", r.Month, m, s.N, s.Median, len(v), rawMedian(v))
			}
		}
	}
	if total != len(raw)-undated {
		t.Errorf("the months hold %d incidents, independently %d", total, len(raw)-undated)
	}

	// The report of 2021-06: the trailing year pooled, the cases against it, and the
	// breakdown by cause of the trailing year.
	rep := tl.Report(Month{2021, time.June}.Period())
	var pooled []int
	byCause := map[string][]int{}
	causeN := map[string]int{}
	n := 0
	for _, in := range raw {
		if in.disclose < "2020-07-01" || in.disclose > "2021-06-30" {
			continue
		}
		n++
		causeN[in.cause]++
		if v, ok := in.lags()[Disclose]; ok {
			pooled = append(pooled, v[0])
			byCause[in.cause] = append(byCause[in.cause], v[0])
		}
	}
	st := rep.Trailing.Summary.Stat(Disclose)
	if rep.Trailing.Summary.Incidents != n || st.N != len(pooled) || st.Median != rawMedian(pooled) || math.Abs(st.P90-rawP90(pooled)) > 1e-9 {
		t.Errorf("trailing year: %d incidents, %+v; independently %d, n=%d median %g p90 %g", rep.Trailing.Summary.Incidents, st, n, len(pooled), rawMedian(pooled), rawP90(pooled))
	}
	for _, c := range rep.Cases {
		l := c.Lags[indexOf(Disclose)]
		if l.Baseline.Median != rawMedian(pooled) || (l.DiffKnown && l.Diff != float64(l.Value.N)-rawMedian(pooled)) {
			t.Errorf("case %s: %+v", c.Incident.Incident.ID, l)
		}
	}
	bc := breakdownOf(t, rep.TrailingBreakdowns, ByCause)
	if len(bc.Groups) != len(causeN) {
		t.Errorf("%d cause groups, independently %d", len(bc.Groups), len(causeN))
	}
	for _, g := range bc.Groups {
		v := byCause[g.Key]
		s := g.Stats[indexOf(Disclose)]
		if g.Incidents != causeN[g.Key] || s.N != len(v) || (len(v) > 0 && (s.Median != rawMedian(v) || math.Abs(s.P90-rawP90(v)) > 1e-9)) {
			t.Errorf("cause %q: %d incidents, %+v; independently %d, n=%d median %g p90 %g", g.Key, g.Incidents, s, causeN[g.Key], len(v), rawMedian(v), rawP90(v))
		}
		if want := float64(causeN[g.Key]) / float64(n); math.Abs(g.Share-want) > 1e-12 {
			t.Errorf("cause %q: share %g; independently %g", g.Key, g.Share, want)
		}
	}
}
