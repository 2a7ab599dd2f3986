package analysis

import (
	"sort"
	"strings"

	"breachreport/data"
)

// Dimension names what a Breakdown groups incidents by.
type Dimension string

// The dimensions. Cause, industry and size are incident fields: each incident is in exactly
// one group. Causes and industries are grouped by SpellingKey, so that spelling variants
// form one group. Size groups incidents by the SizeBandOf their total. Record type and
// certainty belong to scopes: an incident is in the group of every record type (certainty)
// any of its scopes has, so it may count in several groups and the shares may add up to
// more than 100%.
const (
	ByCause      Dimension = "cause"
	ByIndustry   Dimension = "industry"
	ByRecordType Dimension = "record_type"
	BySize       Dimension = "size"
	ByCertainty  Dimension = "certainty"
	// ByCauseCategory and ByIndustryCategory group causes and industries by the standard
	// categories of a data.Taxonomy; a value no category matches is in the unmapped group.
	ByCauseCategory    Dimension = "cause_category"
	ByIndustryCategory Dimension = "industry_category"
)

// Dimensions returns every dimension in report order, in a new slice.
func Dimensions() []Dimension {
	return []Dimension{ByCause, ByIndustry, ByRecordType, BySize, ByCertainty, ByCauseCategory, ByIndustryCategory}
}

// Breakdown groups a set of incidents by one dimension.
type Breakdown struct {
	Dimension Dimension
	// Incidents is the number of incidents broken down: the denominator of the shares.
	Incidents int
	// Groups are ordered: for cause and industry by number of incidents (most first, so
	// that the largest take the colours), then by name, "not stated" last; for record type
	// as BucketLess orders types; for size as SizeBands, every band present even when empty
	// (SizeZero only when it has incidents; none at all when there are no incidents); for certainty confirmed, suspected, unknown.
	Groups []Group
	// Merges lists, for cause and industry, each group that joined several spellings, in
	// the order of Groups.
	Merges []Merge
}

// Group is one group of a Breakdown.
type Group struct {
	// Key is the group's value as the input states it: the cause or industry text (a
	// disputed one lists every value, joined by " / "; of several spellings, the one most
	// incidents use), the record type, the certainty's name ("confirmed", "suspected",
	// "unknown") or the size band's (SizeBand.String). "" means not stated.
	Key string
	// Spellings are, for cause and industry, every spelling of the group's value, most
	// incidents first; Key is the first. More than one means variants were merged. For the
	// category dimensions they are the values as typed that the group holds.
	Spellings []Spelling
	// Category is the standard category of a category group; Unmapped marks the group of
	// the values no category matches (its Key is then "").
	Category data.Category
	Unmapped bool
	// RecordType, Certainty and Band are the typed key of the record-type, certainty and
	// size groups.
	RecordType data.RecordType
	Certainty  data.Certainty
	Band       SizeBand
	// Incidents is how many incidents the group holds, and Share that over
	// Breakdown.Incidents (0 when there are none), shown for every group whatever its size.
	// Only the medians and percentiles of Stats need MinSample values (Stat.Reliable).
	Incidents int
	Share     float64
	// Records sums the group's records over its incidents: for cause and industry each
	// incident's total, for record type and certainty the incident's scopes of that type or
	// certainty. An incident's part counts only when every scope in it has a known count (a
	// partial sum is not a total); RecordsN is how many incidents are counted. Records is
	// unknown when RecordsN is 0 and approximate when any part is.
	Records  data.Count
	RecordsN int
	// Stats has one entry per Metrics(), over the group's incidents: N, median and p90 (and
	// mean, min, max). Show the median and p90 only when the Stat is Reliable.
	Stats []Stat
}

// Stat returns the entry of g.Stats for metric m.
func (g Group) Stat(m Metric) Stat {
	for _, s := range g.Stats {
		if s.Metric == m {
			return s
		}
	}
	return Stat{Metric: m}
}

// BreakdownAll breaks incidents down by every dimension, in Dimensions order, the category
// dimensions by tax.
func BreakdownAll(incidents []IncidentFigures, tax data.Taxonomy) []Breakdown {
	return BreakdownEach(Each(incidents), len(incidents), tax)
}

// BreakdownEach is BreakdownAll over the n incidents figs yields, read once per dimension
// and never held: a whole large input passes its packed Incidents.All().
func BreakdownEach(figs Figures, n int, tax data.Taxonomy) []Breakdown {
	vals := metricValues(figs, n)
	out := make([]Breakdown, 0, len(Dimensions()))
	for _, d := range Dimensions() {
		out = append(out, breakdownBy(figs, n, d, vals, tax))
	}
	return out
}

// metricValues holds the day figures of incidents, one row per incident in Metrics order,
// -1 for an unknown figure: a compact copy that the groups' statistics read many times.
func metricValues(figs Figures, n int) [][numMetrics]int {
	out := make([][numMetrics]int, n)
	for i, f := range figs {
		for k, m := range Metrics() {
			if d := f.Get(m); d.Known {
				out[i][k] = d.N
			} else {
				out[i][k] = -1
			}
		}
	}
	return out
}

// numMetrics is len(Metrics()).
const numMetrics = 8

// groupAcc accumulates one group: its incidents, by index, and its records.
type groupAcc struct {
	g         Group
	idx       []int
	sum       data.Count
	spellings map[string]int
	typed     []string // a category group's values as typed, one per incident
}

// unmappedKey is the accumulating key of the values no category matches: no category name
// is empty, and "" is the group of blank values.
const unmappedKey = "\x00unmapped"

// countSpellings counts the values as typed, most incidents first.
func countSpellings(typed []string) []Spelling {
	n := map[string]int{}
	for _, v := range typed {
		n[v]++
	}
	out := make([]Spelling, 0, len(n))
	for v, k := range n {
		out = append(out, Spelling{Text: v, Incidents: k})
	}
	sortSpellings(out)
	return out
}

func breakdownBy(figs Figures, n int, d Dimension, vals [][numMetrics]int, tax data.Taxonomy) Breakdown {
	b := Breakdown{Dimension: d, Incidents: n}
	accs := map[string]*groupAcc{}
	var order []string
	add := func(key string, rt data.RecordType, c data.Certainty, i int, part data.Count) {
		a := accs[key]
		if a == nil {
			a = &groupAcc{g: Group{Key: key, RecordType: rt, Certainty: c}, spellings: map[string]int{}}
			accs[key] = a
			order = append(order, key)
		}
		a.idx = append(a.idx, i)
		if part.Known {
			a.sum = addCount(a.sum, part)
			a.g.RecordsN++
		}
	}
	for fi, f := range figs {
		switch d {
		case ByCause, ByIndustry:
			v := f.Incident.Cause
			if d == ByIndustry {
				v = f.Incident.Industry
			}
			key := SpellingKey(v)
			add(key, "", 0, fi, f.Total)
			accs[key].spellings[v]++
		case ByCauseCategory, ByIndustryCategory:
			v, find := f.Incident.Cause, tax.Cause
			if d == ByIndustryCategory {
				v, find = f.Incident.Industry, tax.Industry
			}
			key := ""
			c, ok := find(v)
			switch {
			case ok:
				key = c.Name
			case strings.TrimSpace(v) != "":
				key = unmappedKey
			}
			add(key, "", 0, fi, f.Total)
			a := accs[key]
			a.g.Category, a.g.Unmapped = c, key == unmappedKey
			if v != "" {
				a.typed = append(a.typed, v)
			}
		case BySize:
			add(SizeBandOf(f.Total).String(), "", 0, fi, f.Total)
		case ByRecordType, ByCertainty:
			// The incident's part of each group: the sum of its scopes in it, known only
			// when every one of them has a known count.
			type part struct {
				key   string
				rt    data.RecordType
				c     data.Certainty
				sum   data.Count
				known bool
			}
			var parts []part
			idx := map[string]int{}
			for _, sc := range f.Incident.Scopes {
				key := string(sc.RecordType)
				if d == ByCertainty {
					key = sc.Certainty.String()
				}
				i, ok := idx[key]
				if !ok {
					i = len(parts)
					idx[key] = i
					parts = append(parts, part{key: key, rt: sc.RecordType, c: sc.Certainty, known: true})
				}
				if sc.Records.Known {
					parts[i].sum = addCount(parts[i].sum, sc.Records)
				} else {
					parts[i].known = false
				}
			}
			for _, p := range parts {
				if !p.known {
					p.sum = data.Count{}
				}
				if d == ByCertainty {
					p.rt = ""
				} else {
					p.c = 0
				}
				add(p.key, p.rt, p.c, fi, p.sum)
			}
		}
	}
	if d == BySize && n > 0 {
		// Every band is a group, so that size breakdowns of different periods line up.
		for _, band := range SizeBands() {
			if accs[band.String()] == nil {
				accs[band.String()] = &groupAcc{g: Group{Key: band.String()}}
				order = append(order, band.String())
			}
		}
	}
	for _, key := range order {
		a := accs[key]
		g := a.g
		g.Incidents = len(a.idx)
		if b.Incidents > 0 {
			g.Share = float64(g.Incidents) / float64(b.Incidents)
		}
		if d == BySize {
			g.Band = bandOfKey(key)
		}
		if a.typed != nil {
			g.Spellings = countSpellings(a.typed)
			if g.Unmapped {
				g.Key = ""
			}
		}
		if len(a.spellings) > 0 {
			for text, n := range a.spellings {
				g.Spellings = append(g.Spellings, Spelling{Text: text, Incidents: n})
			}
			sortSpellings(g.Spellings)
			g.Key = g.Spellings[0].Text
		}
		if g.RecordsN > 0 {
			g.Records = a.sum
		}
		g.Stats = statsOf(vals, a.idx)
		b.Groups = append(b.Groups, g)
	}
	sort.SliceStable(b.Groups, func(i, j int) bool { return groupLess(d, b.Groups[i], b.Groups[j]) })
	for _, g := range b.Groups {
		if len(g.Spellings) > 1 && (d == ByCause || d == ByIndustry) {
			b.Merges = append(b.Merges, Merge{Into: g.Key, From: g.Spellings[1:]})
		}
	}
	return b
}

// bandOfKey returns the size band whose String is key.
func bandOfKey(key string) SizeBand {
	for _, b := range append(SizeBands(), SizeZero) {
		if b.String() == key {
			return b
		}
	}
	return SizeUnknown
}

// statsOf returns the Stat of every metric over the incidents at the indices idx of the
// metricValues vals, as Summarize computes them.
func statsOf(vals [][numMetrics]int, idx []int) []Stat {
	out := make([]Stat, 0, numMetrics)
	buf := make([]float64, 0, len(idx))
	for k, m := range Metrics() {
		buf = buf[:0]
		for _, i := range idx {
			if v := vals[i][k]; v >= 0 {
				buf = append(buf, float64(v))
			}
		}
		out = append(out, stat(m, buf))
	}
	return out
}

// groupLess orders the groups of a breakdown by dimension d.
func groupLess(d Dimension, a, b Group) bool {
	switch d {
	case ByRecordType:
		return BucketLess(Bucket{Type: a.RecordType}, Bucket{Type: b.RecordType})
	case ByCertainty:
		return a.Certainty < b.Certainty
	case BySize:
		return sizeOrder(a.Band) < sizeOrder(b.Band)
	}
	// Unmapped values come after the categories, blank ones last.
	if ra, rb := groupRank(a), groupRank(b); ra != rb {
		return ra < rb
	}
	if (a.Key == "") != (b.Key == "") {
		return b.Key == ""
	}
	if a.Incidents != b.Incidents {
		return a.Incidents > b.Incidents
	}
	return a.Key < b.Key
}

// groupRank places a group: named ones first, then the unmapped values, then blank.
func groupRank(g Group) int {
	switch {
	case g.Unmapped:
		return 1
	case g.Key == "":
		return 2
	}
	return 0
}

// sizeOrder is the place of band b in a size breakdown: SizeZero first, then SizeBands.
func sizeOrder(b SizeBand) int {
	if b == SizeUnknown {
		return int(Size1M) + 1
	}
	return int(b)
}
