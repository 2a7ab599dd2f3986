package analysis

import (
	"bytes"
	"context"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"breachreport/data"
	"breachreport/input"
	"breachreport/internal/inputtest"
)

// oddities is an input with what the synthetic lists lack: rows of one incident apart
// (INC-A), a disputed organization and dates (INC-A), a blank incident id, partial and
// contradictory dates, an unknown certainty, a free-text record type, notes, several
// sources, approximate, bounded and unknown counts, and a column outside the schema.
const oddities = `incident_id,organization,service,industry,cause,record_type,certainty,records,exposure_start,exposure_end,detected,contained,disclosed,source_url,notes,region
INC-A,Alpha KK,alpha.example,retail,web skimming,personal,confirmed,"1,200",2019-01-05,2019-03-01,2019-03-10,2019-03-12,2019-04-01,https://example.com/a1,first row,Kanto
INC-B,Beta KK,,finance,ransomware,card,suspected,約4万件,2019-02,2019-05,2019-05-20,2019-05-10,2019-05-30,https://example.com/b,,Kansai
INC-A,Alpha Holdings,alpha.example,retail,web skimming,card,suspected,不明,2019-02-01,2019-01-15,2019-03-11,,2019-04-01,https://example.com/a2,disputed,Kanto
,Gamma KK,gamma.example,,,customer records,maybe,55,2020,,2020-06-01,,2020-07-01,,note only,
INC-C,Delta KK,delta.example,education,misconfiguration,account,confirmed,7,2021-01-01,2021-01-31,2020-12-01,2021-02-01,2021-01-15,https://example.com/c,,Tohoku
INC-C,Delta KK,delta.example,education,misconfiguration,account,confirmed,最大8件,2021-01-10,2021-02-10,2020-12-01,2021-02-01,2021-01-15,https://example.com/c,,Tohoku
INC-A,Alpha KK,alpha.example,retail,web skimming,personal,suspected,300,2018-12-01,2019-03-01,2019-03-10,2019-03-12,2019-04-01,https://example.com/a1,third row,
`

// duties is an input with the columns of the reporting duty and the damage estimate set.
const duties = `incident_id,organization,record_type,records,detected,disclosed,reported_preliminary,reported_final,data_items,vendor,jnsa_ep,jnsa_identifiability,jnsa_social,jnsa_response
D-1,Epsilon KK,personal,10,2023-01-01,2023/2/1,2023-01-04,2023-01-30,"氏名、住所",Vendor KK,"2,3",6,2,2
D-1,Epsilon KK,card,5,2023-01-01,2023-02-01,2023-01-04,2023-01-30,クレジットカード番号,Vendor KK,,3,,
`

var storeNow = time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)

// storeFixtures returns inputs read as the command reads them: the sample, a synthetic list
// and the oddities, with the oddities' rows also put in order (each incident's rows
// together, and a second input with rows apart), so that the Builder meets both.
func storeFixtures(t *testing.T) map[string]*input.Result {
	t.Helper()
	var synth bytes.Buffer
	if err := input.WriteSynthetic(&synth, 400, 3); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(oddities, "\n"), "\n")
	together := append([]string{lines[0], lines[1], lines[3], lines[7]}, lines[2], lines[4], lines[5], lines[6])
	inputs := map[string][]byte{
		"sample":    input.Sample(),
		"synthetic": synth.Bytes(),
		"oddities":  []byte(oddities),
		"duties":    []byte(duties),
		"together":  []byte(strings.Join(together, "\n") + "\n"),
		// INC-C's rows are apart, and INC-C is not the first incident.
		"apart later": []byte(strings.Join([]string{lines[0], lines[2], lines[5], lines[4], lines[6]}, "\n") + "\n"),
	}
	out := map[string]*input.Result{}
	for name, in := range inputs {
		res, err := inputtest.Read(bytes.NewReader(in), input.Options{Now: storeNow})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = res
	}
	return out
}

// reference computes a report's incidents and issues the direct way: every row grouped at
// once by data.Group, then Analyze, with nothing packed.
func reference(res *input.Result) ([]IncidentFigures, []data.Issue) {
	incs, gi := data.Group(res.Scopes)
	figs, fi := Analyze(incs)
	issues := append(append(append(make([]data.Issue, 0), res.Issues...), gi...), fi...)
	res.Layout.Locate(issues)
	sort.SliceStable(issues, func(i, j int) bool { return issues[i].Line < issues[j].Line })
	return figs, issues
}

// TestIncidentsRoundTrip checks that every incident comes back from its packed bytes equal
// to what was packed, through At, Slice and All, and that All's reused values are right
// each time.
func TestIncidentsRoundTrip(t *testing.T) {
	for name, res := range storeFixtures(t) {
		figs, _ := reference(res)
		s := NewIncidents(figs)
		if s.Len() != len(figs) {
			t.Fatalf("%s: %d incidents, want %d", name, s.Len(), len(figs))
		}
		for i := range figs {
			if got := s.At(i); !reflect.DeepEqual(got, figs[i]) {
				t.Errorf("%s: incident %d:\n got %+v\nwant %+v", name, i, got, figs[i])
			}
			if s.ID(i) != figs[i].Incident.ID {
				t.Errorf("%s: ID(%d) = %q, want %q", name, i, s.ID(i), figs[i].Incident.ID)
			}
		}
		if got := s.Slice(); !reflect.DeepEqual(got, figs) {
			t.Errorf("%s: Slice differs", name)
		}
		n := 0
		for i, f := range s.All() {
			if i != n || !reflect.DeepEqual(*f, figs[i]) {
				t.Errorf("%s: All's incident %d (index %d) differs:\n got %+v\nwant %+v", name, n, i, *f, figs[i])
			}
			for k := range f.Scopes {
				if f.Scopes[k].Scope != &f.Incident.Scopes[k] {
					t.Errorf("%s: incident %d: scope figures %d do not point at scope %d", name, i, k, k)
				}
			}
			n++
		}
		if n != len(figs) {
			t.Errorf("%s: All yielded %d incidents, want %d", name, n, len(figs))
		}
	}
}

// TestIncidentsPackEveryField checks that the fixtures give every field of IncidentFigures
// a value other than its zero value somewhere, so that the round trip above covers each
// field: a field added to the figures without being packed fails here until a fixture
// sets it (and then fails the round trip until it is packed).
func TestIncidentsPackEveryField(t *testing.T) {
	all := map[string]bool{}
	leaves(reflect.TypeFor[IncidentFigures](), "", all)
	set := map[string]bool{}
	for _, res := range storeFixtures(t) {
		figs, _ := reference(res)
		for i := range figs {
			setLeaves(reflect.ValueOf(figs[i]), "", set)
		}
	}
	// A bucket's Incidents is set only in a Summary's buckets, which are not packed.
	delete(all, ".Buckets[].Incidents")
	// Sums keep no text as written.
	delete(all, ".Buckets[].Records.Written")
	delete(all, ".Total.Written")
	for path := range all {
		if !set[path] {
			t.Errorf("no fixture sets %s", path)
		}
	}
	if len(all) < 60 {
		t.Errorf("only %d fields found: %v", len(all), all)
	}
}

var dateType = reflect.TypeFor[data.Date]()

// leaves adds the paths of every field of t that holds a value: scalars and data.Date.
func leaves(t reflect.Type, path string, out map[string]bool) {
	switch {
	case t == dateType:
		out[path] = true
	case t.Kind() == reflect.Struct:
		for i := range t.NumField() {
			leaves(t.Field(i).Type, path+"."+t.Field(i).Name, out)
		}
	case t.Kind() == reflect.Slice:
		out[path+"[]"] = true // a non-empty slice
		leaves(t.Elem(), path+"[]", out)
	case t.Kind() == reflect.Pointer:
		out[path] = true // ScopeFigures.Scope: checked by the round trip, not walked again
	default:
		out[path] = true
	}
}

// setLeaves adds the paths of v's fields that are not zero.
func setLeaves(v reflect.Value, path string, out map[string]bool) {
	t := v.Type()
	switch {
	case t == dateType, t.Kind() == reflect.Pointer:
		if !v.IsZero() {
			out[path] = true
		}
	case t.Kind() == reflect.Struct:
		for i := range t.NumField() {
			setLeaves(v.Field(i), path+"."+t.Field(i).Name, out)
		}
	case t.Kind() == reflect.Slice:
		if v.Len() > 0 {
			out[path+"[]"] = true
		}
		for i := range v.Len() {
			setLeaves(v.Index(i), path+"[]", out)
		}
	default:
		if !v.IsZero() {
			out[path] = true
		}
	}
}

// TestBuilderMatchesReference feeds each fixture's rows to a Builder in batches of several
// sizes, with the real hash and with one under which every id collides, and checks the
// report against the direct computation: the same incidents, figures, issues, summary and
// accounting, whether the rows of each incident come together or not.
func TestBuilderMatchesReference(t *testing.T) {
	for name, res := range storeFixtures(t) {
		want, wantIssues := reference(res)
		for _, size := range []int{1, 2, 7, 1024} {
			for _, collide := range []bool{false, true} {
				var b Builder
				if collide {
					b.hash = func(string) uint64 { return 42 }
				}
				for start := 0; start < len(res.Scopes); start += size {
					b.Add(res.Scopes[start:min(start+size, len(res.Scopes))])
				}
				rep, err := b.Report(context.Background(), res)
				if err != nil {
					t.Fatal(err)
				}
				what := name + ", batches of " + strconv.Itoa(size)
				if collide {
					what += ", every id colliding"
				}
				if got := rep.Incidents.Slice(); !reflect.DeepEqual(got, want) {
					t.Errorf("%s: incidents differ:\n got %+v\nwant %+v", what, got, want)
				}
				if !reflect.DeepEqual(rep.Issues, wantIssues) {
					t.Errorf("%s: issues differ:\n got %v\nwant %v", what, rep.Issues, wantIssues)
				}
				if !reflect.DeepEqual(rep.Summary, Summarize(want)) {
					t.Errorf("%s: summary differs:\n got %+v\nwant %+v", what, rep.Summary, Summarize(want))
				}
				if rep.RowsUsed != len(res.Scopes) || rep.RowsRead != res.RowsRead || rep.RowsRejected != res.RowsRejected {
					t.Errorf("%s: accounting %d used, %d read, %d rejected; want %d, %d, %d", what,
						rep.RowsUsed, rep.RowsRead, rep.RowsRejected, len(res.Scopes), res.RowsRead, res.RowsRejected)
				}
				if b.apart != (name == "oddities" || name == "apart later") {
					t.Errorf("%s: apart is %v", what, b.apart)
				}
			}
		}
	}
}

// TestIncidentsTimeline checks that a Timeline over packed incidents reports every period
// exactly as one over the same figures in a slice.
func TestIncidentsTimeline(t *testing.T) {
	for name, res := range storeFixtures(t) {
		figs, _ := reference(res)
		slice := newTimeline(Each(figs), func(i int) IncidentFigures { return figs[i] })
		packed := NewIncidents(figs).Timeline()
		months := slice.Months()
		if !reflect.DeepEqual(packed.Months(), months) || packed.Undated() != slice.Undated() {
			t.Fatalf("%s: months %v, undated %d; want %v, %d", name, packed.Months(), packed.Undated(), months, slice.Undated())
		}
		if len(months) == 0 {
			t.Fatalf("%s: no months", name)
		}
		ps := []Period{months[0].Period(), months[len(months)/2].Period(), {From: months[0].First(), To: months[len(months)-1].Last()}}
		for _, p := range ps {
			if got, want := packed.Report(p), slice.Report(p); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: report on %v differs", name, p)
			}
		}
	}
}
