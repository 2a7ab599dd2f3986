package analysis

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"

	"breachreport/data"
)

func scope(line int, c data.Certainty, records string, start, end string) data.Scope {
	sc := data.Scope{Line: line, IncidentID: "x", Organization: "Example Co.", RecordType: data.Card, Certainty: c}
	sc.Records, _ = data.ParseCount(records)
	sc.ExposureStart, _ = data.ParseDate(start, 2100)
	sc.ExposureEnd, _ = data.ParseDate(end, 2100)
	return sc
}

func date(s string) data.Date {
	d, err := data.ParseDate(s, 2100)
	if err != nil {
		panic(err)
	}
	return d
}

func TestContradictionsAndUnknowns(t *testing.T) {
	tests := []struct {
		name       string
		inc        data.Incident
		check      func(t *testing.T, f IncidentFigures)
		wantIssues []string // "line column: message part"
	}{
		{
			name: "end before start blanks the window and leaves the start out of time to detect",
			inc: data.Incident{ID: "x", Detected: date("2019-03-01"), Scopes: []data.Scope{
				scope(2, data.Confirmed, "1", "2019-02-10", "2019-02-01"),
			}},
			check: func(t *testing.T, f IncidentFigures) {
				if f.Scopes[0].Window.Known || f.WindowAll.Days.Known || f.DetectAll.Known {
					t.Errorf("window %+v, span %+v, detect %+v: want all blank", f.Scopes[0].Window, f.WindowAll, f.DetectAll)
				}
			},
			wantIssues: []string{"2 exposure_end: exposure_end 2019-02-01 is before exposure_start 2019-02-10"},
		},
		{
			name: "disclosed before detected blanks the lag only",
			inc: data.Incident{ID: "x", Detected: date("2019-03-01"), Contained: date("2019-03-02"), Disclosed: date("2019-02-01"),
				Scopes: []data.Scope{scope(7, data.Confirmed, "1", "", "")}},
			check: func(t *testing.T, f IncidentFigures) {
				if f.Disclose.Known || f.Contain != days(1) {
					t.Errorf("disclose %+v contain %+v", f.Disclose, f.Contain)
				}
			},
			wantIssues: []string{"7 disclosed: disclosed 2019-02-01 is before detected 2019-03-01; the detection-to-disclosure lag"},
		},
		{
			name: "contained before detected",
			inc: data.Incident{ID: "x", Detected: date("2019-03-05"), Contained: date("2019-03-02"),
				Scopes: []data.Scope{scope(3, data.Confirmed, "1", "", "")}},
			check: func(t *testing.T, f IncidentFigures) {
				if f.Contain.Known {
					t.Errorf("contain %+v, want blank", f.Contain)
				}
			},
			wantIssues: []string{"3 contained: contained 2019-03-02 is before detected 2019-03-05; time to contain"},
		},
		{
			name: "detected before the exposure started",
			inc: data.Incident{ID: "x", Detected: date("2019-01-01"),
				Scopes: []data.Scope{scope(4, data.Confirmed, "1", "2019-02-01", "2019-02-03")}},
			check: func(t *testing.T, f IncidentFigures) {
				if f.DetectAll.Known || f.DetectConfirmed.Known || f.WindowAll.Days != days(2) {
					t.Errorf("detect %+v/%+v window %+v", f.DetectConfirmed, f.DetectAll, f.WindowAll)
				}
			},
			wantIssues: []string{"4 detected: detected 2019-01-01 is before the earliest exposure_start of the confirmed scopes 2019-02-01"},
		},
		{
			name: "unknown dates and counts give blanks, never 0",
			inc: data.Incident{ID: "x", Scopes: []data.Scope{
				scope(2, data.Confirmed, "", "", ""),
				scope(3, data.Suspected, "5", "2019-01-01", ""),
			}},
			check: func(t *testing.T, f IncidentFigures) {
				for _, m := range Metrics() {
					if f.Get(m).Known {
						t.Errorf("%s = %+v, want blank", m, f.Get(m))
					}
				}
				if f.Total.Known {
					t.Errorf("total %+v: a partial sum is not a total", f.Total)
				}
				if f.Buckets[0].Records.Known || f.Buckets[0].Unknown != 1 || f.Buckets[1].Records != data.KnownCount(5) {
					t.Errorf("buckets %+v", f.Buckets)
				}
			},
		},
		{
			name: "an approximate count makes its bucket and the total approximate",
			inc: data.Incident{ID: "x", Scopes: []data.Scope{
				scope(2, data.Confirmed, "約4万件", "", ""),
				scope(3, data.Suspected, "5", "", ""),
			}},
			check: func(t *testing.T, f IncidentFigures) {
				want := data.Count{N: 40005, Known: true, Approx: true}
				if f.Total != want || !f.Buckets[0].Records.Approx || f.Buckets[1].Records.Approx {
					t.Errorf("total %+v buckets %+v", f.Total, f.Buckets)
				}
				if s := Summarize([]IncidentFigures{f}); s.TotalRecords != want {
					t.Errorf("summary total %+v, want %+v", s.TotalRecords, want)
				}
			},
		},
		{
			name: "envelope over several scopes",
			inc: data.Incident{ID: "x", Detected: date("2019-04-01"), Scopes: []data.Scope{
				scope(2, data.Suspected, "1", "2019-01-01", "2019-01-10"),
				scope(3, data.Confirmed, "1", "2019-02-01", "2019-03-01"),
				scope(4, data.Confirmed, "1", "2019-01-20", "2019-02-05"),
			}},
			check: func(t *testing.T, f IncidentFigures) {
				if f.WindowAll.Days != days(59) || f.WindowConfirmed.Days != days(40) ||
					f.DetectAll != days(90) || f.DetectConfirmed != days(71) || f.WindowConfirmed.Scopes != 2 {
					t.Errorf("all %+v confirmed %+v detect %+v/%+v", f.WindowAll, f.WindowConfirmed, f.DetectAll, f.DetectConfirmed)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			figs, issues := Analyze([]data.Incident{tt.inc})
			tt.check(t, figs[0])
			if len(issues) != len(tt.wantIssues) {
				t.Fatalf("issues = %v, want %v", issues, tt.wantIssues)
			}
			for i, w := range tt.wantIssues {
				got := fmt.Sprintf("%d %s: %s", issues[i].Line, issues[i].Column, issues[i].Message)
				if !strings.HasPrefix(got, w) || issues[i].Severity != data.Warning || issues[i].IncidentID != "x" {
					t.Errorf("issue %d = %q (%v), want prefix %q", i, got, issues[i].Severity, w)
				}
			}
		})
	}
}

func TestSelectComparison(t *testing.T) {
	mk := func(id, org string, n int64, known bool) IncidentFigures {
		b := Bucket{Type: data.Card}
		if known {
			b.Records = data.KnownCount(n)
		}
		return IncidentFigures{Incident: data.Incident{ID: id, Organization: org}, Buckets: []Bucket{b}}
	}
	figs := []IncidentFigures{mk("a", "株式会社サンポークリエイト", 10, true), mk("b", "", 0, false),
		mk("c", "みなと精機", 30, true), mk("d", "みなと精機", 20, true)}
	ids := func(fs []IncidentFigures) string {
		var s []string
		for _, f := range fs {
			s = append(s, f.Incident.ID)
		}
		return strings.Join(s, ",")
	}
	tests := []struct {
		name    string
		ids     []string
		max     int
		want    string
		wantErr string
	}{
		{"all when few", nil, 6, "a,b,c,d", ""},
		{"top by records, input order, unknown last", nil, 2, "c,d", ""},
		{"top 3", nil, 3, "a,c,d", ""},
		{"named, in the order given", []string{"d", "a"}, 6, "d,a", ""},
		{"unknown id", []string{"zz"}, 6, "", `no incident has the id or organization "zz"; ids in the input: "a", "b", "c", "d"`},
		{"by organization, as grouping compares names", []string{"(株)サンポークリエイト", "d"}, 6, "a,d", ""},
		{"an organization of several incidents", []string{"みなと精機"}, 6, "", `"みなと精機" is the organization of 2 incidents: "c", "d"; give the id of the one meant`},
		{"an organization mistyped", []string{"サンポクリエイト"}, 6, "", `no incident has the id or organization "サンポクリエイト"; did you mean "株式会社サンポークリエイト"?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SelectComparison(NewIncidents(figs), tt.ids, tt.max)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || ids(got) != tt.want {
				t.Errorf("got %s, %v; want %s", ids(got), err, tt.want)
			}
		})
	}
}

// TestSelectComparisonTies checks the choice of the incidents with the most records, kept
// in a heap as they go by, against a stable sort of them all, on counts with many ties and
// unknown ones.
func TestSelectComparisonTies(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 9))
	var figs []IncidentFigures
	for i := range 300 {
		b := Bucket{Type: data.Personal}
		if rng.IntN(5) > 0 {
			b.Records = data.KnownCount(int64(rng.IntN(8)))
		}
		figs = append(figs, IncidentFigures{Incident: data.Incident{ID: fmt.Sprint("inc-", i)}, Buckets: []Bucket{b}})
	}
	order := make([]int, len(figs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return figs[order[a]].knownRecords() > figs[order[b]].knownRecords() })
	for _, max := range []int{0, 1, 5, 6, 50, 299} {
		want := slices.Clone(order[:max])
		sort.Ints(want)
		got, err := SelectComparison(NewIncidents(figs), nil, max)
		if err != nil {
			t.Fatal(err)
		}
		var gotIdx []int
		for _, f := range got {
			var i int
			fmt.Sscanf(f.Incident.ID, "inc-%d", &i)
			gotIdx = append(gotIdx, i)
		}
		if !slices.Equal(gotIdx, want) {
			t.Errorf("max %d: %v, want %v", max, gotIdx, want)
		}
	}
}
