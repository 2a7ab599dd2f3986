package analysis

import (
	"container/heap"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"breachreport/data"
	"breachreport/internal/similar"
)

// Metric names one day figure of an incident. Metrics lists them in report order.
type Metric string

// The day figures.
const (
	WindowConfirmed          Metric = "window_confirmed"
	WindowAll                Metric = "window_all"
	DetectConfirmed          Metric = "detect_confirmed"
	DetectAll                Metric = "detect_all"
	Contain                  Metric = "contain"
	Disclose                 Metric = "disclose"
	StartToDiscloseConfirmed Metric = "start_to_disclose_confirmed"
	StartToDiscloseAll       Metric = "start_to_disclose_all"
)

// Metrics returns every day figure in report order, in a new slice.
func Metrics() []Metric {
	return []Metric{WindowConfirmed, WindowAll, DetectConfirmed, DetectAll, Contain, Disclose,
		StartToDiscloseConfirmed, StartToDiscloseAll}
}

// Get returns the figure m of f.
func (f IncidentFigures) Get(m Metric) Days {
	switch m {
	case WindowConfirmed:
		return f.WindowConfirmed.Days
	case WindowAll:
		return f.WindowAll.Days
	case DetectConfirmed:
		return f.DetectConfirmed
	case DetectAll:
		return f.DetectAll
	case Contain:
		return f.Contain
	case Disclose:
		return f.Disclose
	case StartToDiscloseConfirmed:
		return f.StartToDiscloseConfirmed
	case StartToDiscloseAll:
		return f.StartToDiscloseAll
	}
	panic(fmt.Sprintf("analysis: unknown metric %q", string(m)))
}

// Stat summarises one figure over incidents. Median, Mean and P90 are meaningful only when
// N > 0; N is the number of incidents whose figure is known.
type Stat struct {
	Metric            Metric
	N                 int
	Median, Mean, P90 float64
	Min, Max          int
}

// Summary holds the aggregates over all incidents.
type Summary struct {
	Incidents int
	Scopes    int
	// TotalRecords sums the totals of the incidents whose total is known; RecordsN is how
	// many incidents that is.
	TotalRecords data.Count
	RecordsN     int
	// Buckets sum records by record type × certainty over all incidents.
	Buckets []Bucket
	// Stats has one entry per Metrics(), in that order.
	Stats []Stat
	// FirstDisclosed and LastDisclosed bound the disclosure dates; DisclosedN counts the
	// incidents with a known disclosure date.
	FirstDisclosed, LastDisclosed data.Date
	DisclosedN                    int
	// Sources are the first ListedSources distinct source URLs of the incidents, in input
	// order; SourcesN counts all the distinct ones, and MostSources is the most source URLs
	// one incident has.
	Sources     []string
	SourcesN    int
	MostSources int
}

// ListedSources is how many source URLs a Summary lists.
const ListedSources = 1000

// Summarize aggregates the figures of all incidents.
func Summarize(figs []IncidentFigures) Summary { return summarize(Each(figs)) }

func summarize(figs Figures) Summary {
	var s Summary
	var total data.Count
	buckets := map[bucketKey]*Bucket{}
	sources := newSourceSet(ListedSources)
	metrics := Metrics()
	vals := make([][]float64, len(metrics))
	for _, f := range figs {
		s.Incidents++
		for i, m := range metrics {
			if d := f.Get(m); d.Known {
				vals[i] = append(vals[i], float64(d.N))
			}
		}
		s.Scopes += len(f.Scopes)
		sources.add(f.Incident.SourceURLs)
		s.MostSources = max(s.MostSources, len(f.Incident.SourceURLs))
		if f.Total.Known {
			total = addCount(total, f.Total)
			s.RecordsN++
		}
		for _, b := range f.Buckets {
			k := bucketKey{b.Type, b.Certainty}
			sb := buckets[k]
			if sb == nil {
				sb = &Bucket{Type: b.Type, Certainty: b.Certainty}
				buckets[k] = sb
			}
			sb.Scopes += b.Scopes
			sb.Unknown += b.Unknown
			if b.Records.Known {
				sb.Records = addCount(sb.Records, b.Records)
				sb.Incidents++
			}
		}
		if d := f.Incident.Disclosed; d.Known() {
			s.DisclosedN++
			if !s.FirstDisclosed.Known() || d.Before(s.FirstDisclosed) {
				s.FirstDisclosed = d
			}
			if !s.LastDisclosed.Known() || d.After(s.LastDisclosed) {
				s.LastDisclosed = d
			}
		}
	}
	if s.RecordsN > 0 {
		s.TotalRecords = total
	}
	s.Buckets = sortedBuckets(buckets)
	s.Sources, s.SourcesN = sources.first, len(sources.seen)
	// Each figure's values are sorted for its median and percentile: a million of them
	// take a while, so the figures go two at a time.
	s.Stats = make([]Stat, len(metrics))
	var wg sync.WaitGroup
	for i, m := range metrics {
		wg.Go(func() { s.Stats[i] = statSorted(m, vals[i]) })
		if i%2 == 1 {
			wg.Wait()
		}
	}
	wg.Wait()
	return s
}

// Stat returns the aggregate of metric m from s.
func (s Summary) Stat(m Metric) Stat {
	for _, st := range s.Stats {
		if st.Metric == m {
			return st
		}
	}
	return Stat{Metric: m}
}

func stat(m Metric, vals []float64) Stat {
	return statSorted(m, append([]float64(nil), vals...))
}

// statSorted is stat, sorting vals in place.
func statSorted(m Metric, vals []float64) Stat {
	st := Stat{Metric: m, N: len(vals)}
	if len(vals) == 0 {
		return st
	}
	sorted := vals
	slices.Sort(sorted)
	sum := 0.0
	for _, v := range sorted {
		sum += v
	}
	st.Mean = sum / float64(len(sorted))
	st.Median = Percentile(sorted, 0.5)
	st.P90 = Percentile(sorted, 0.9)
	st.Min, st.Max = int(sorted[0]), int(sorted[len(sorted)-1])
	return st
}

// Percentile returns the p-quantile (0 ≤ p ≤ 1) of sorted values by linear interpolation
// between closest ranks, the method of Excel's PERCENTILE.INC and of numpy's default:
// rank h = (n−1)·p, value = x[⌊h⌋] + (h−⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). It returns NaN for no values.
func Percentile(sorted []float64, p float64) float64 {
	n := len(sorted)
	if n == 0 {
		return math.NaN()
	}
	h := float64(n-1) * p
	lo := int(math.Floor(h))
	if lo >= n-1 {
		return sorted[n-1]
	}
	return sorted[lo] + (h-float64(lo))*(sorted[lo+1]-sorted[lo])
}

// SelectComparison picks the incidents to compare side by side. With ids, it returns those
// incidents in the order given, or an error naming an id that no incident has; an id that
// is not one exactly finds the incident whose id it matches as data.IDKey compares them
// (another spelling of the organization in a derived id). Without ids,
// it returns every incident when there are at most max, else the max incidents with the
// most records (unknown totals last), in input order.
func SelectComparison(figs Incidents, ids []string, max int) ([]IncidentFigures, error) {
	n := figs.Len()
	if len(ids) > 0 {
		byID := make(map[string]int, n)
		for i := range n {
			byID[figs.ID(i)] = i
		}
		var (
			out   []IncidentFigures
			byKey map[string]int
		)
		for _, id := range ids {
			i, ok := byID[id]
			if !ok {
				if byKey == nil {
					byKey = make(map[string]int, n)
					for i := n - 1; i >= 0; i-- { // the first of equal keys wins
						byKey[data.IDKey(figs.ID(i))] = i
					}
				}
				i, ok = byKey[data.IDKey(id)]
			}
			if !ok {
				var err error
				if i, err = byOrganization(figs, id); err != nil {
					return nil, err
				}
			}
			out = append(out, figs.At(i))
		}
		return out, nil
	}
	if n <= max {
		return figs.Slice(), nil
	}
	if max <= 0 {
		return []IncidentFigures{}, nil
	}
	// The max with the most records, ties in input order (the first of equals wins),
	// kept as the incidents go by in a heap whose least is first: no sort of them all.
	top := make(rankHeap, 0, max)
	for i, f := range figs.All() {
		r := ranked{i, f.knownRecords()}
		switch {
		case len(top) < max:
			heap.Push(&top, r)
		case top.less(top[0], r):
			top[0] = r
			heap.Fix(&top, 0)
		}
	}
	idx := make([]int, 0, max)
	for _, r := range top {
		idx = append(idx, r.i)
	}
	sort.Ints(idx)
	out := make([]IncidentFigures, 0, max)
	for _, i := range idx {
		out = append(out, figs.At(i))
	}
	return out, nil
}

// ranked is an incident by index, with the sum of its known counts.
type ranked struct {
	i     int
	known int64
}

// rankHeap is a container/heap of ranked incidents, the one with the fewest records (the
// later of equals) first.
type rankHeap []ranked

func (h rankHeap) less(a, b ranked) bool { return a.known < b.known || a.known == b.known && a.i > b.i }
func (h rankHeap) Len() int              { return len(h) }
func (h rankHeap) Less(i, j int) bool    { return h.less(h[i], h[j]) }
func (h rankHeap) Swap(i, j int)         { h[i], h[j] = h[j], h[i] }
func (h *rankHeap) Push(x any)           { *h = append(*h, x.(ranked)) }
func (h *rankHeap) Pop() any             { x := (*h)[len(*h)-1]; *h = (*h)[:len(*h)-1]; return x }

// knownRecords is the sum of the known counts, for ranking; -1 when none is known.
func (f IncidentFigures) knownRecords() int64 {
	var n int64 = -1
	for _, b := range f.Buckets {
		if b.Records.Known {
			if n < 0 {
				n = 0
			}
			n += b.Records.N
		}
	}
	return n
}

// sourceSet gathers distinct source URLs, keeping the first max in order.
type sourceSet struct {
	seen  map[string]struct{}
	first []string
	max   int
}

func newSourceSet(max int) *sourceSet { return &sourceSet{seen: map[string]struct{}{}, max: max} }

func (s *sourceSet) add(urls []string) {
	for _, u := range urls {
		if _, ok := s.seen[u]; u == "" || ok {
			continue
		}
		s.seen[u] = struct{}{}
		if len(s.first) < s.max {
			s.first = append(s.first, u)
		}
	}
}

// byOrganization returns the one incident of the organization name (compared as grouping
// compares names: data.OrgKey). A name of several incidents is an error listing their ids;
// an unknown one an error suggesting the nearest names, or the first ids when none is near.
func byOrganization(figs Incidents, name string) (int, error) {
	key := data.OrgKey(name)
	var (
		found []int
		keys  []string              // each organization's key once, in input order
		names = map[string]string{} // the first spelling of each key
	)
	for i, f := range figs.All() {
		org := f.Incident.Organization
		k := data.OrgKey(org)
		if k == key {
			found = append(found, i)
		}
		if _, ok := names[k]; k != "" && !ok {
			names[k] = org
			keys = append(keys, k)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
	default:
		ids := make([]string, len(found))
		for j, k := range found {
			ids[j] = fmt.Sprintf("%q", figs.ID(k))
		}
		return 0, data.Errorf("%q is the organization of %d incidents: %s; give the id of the one meant", name, len(found), strings.Join(ids, ", "))
	}
	// Up to a third of the name's characters may be off, at least two.
	if near := similar.Nearest(key, keys, max(2, utf8.RuneCountInString(key)/3), 3); len(near) > 0 {
		for j := range near {
			near[j] = fmt.Sprintf("%q", names[near[j]])
		}
		return 0, data.Errorf("no incident has the id or organization %q; did you mean %s?", name, strings.Join(near, " or "))
	}
	n := figs.Len()
	known := make([]string, 0, min(n, 21))
	for i := range min(n, 21) {
		known = append(known, fmt.Sprintf("%q", figs.ID(i)))
	}
	if len(known) > 20 {
		known = append(known[:20], "…")
	}
	return 0, data.Errorf("no incident has the id or organization %q; ids in the input: %s", name, strings.Join(known, ", "))
}
