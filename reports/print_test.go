package reports

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestTrailingBreakdowns: Breakdowns lists the trailing window's breakdowns when the window
// holds incidents besides the period's, and otherwise says in one line that they would
// repeat the period's.
func TestTrailingBreakdowns(t *testing.T) {
	for _, tc := range []struct {
		input string
		same  bool
	}{
		{japanExample, false},                   // a year of incidents before June 2024
		{"../examples/japan-2024-06.csv", true}, // June 2024 only
	} {
		t.Run(tc.input, func(t *testing.T) {
			raw, err := os.ReadFile(tc.input)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range langs {
				b, _, pr := japanBookFrom(t, l, raw)
				if got := pr.Trailing.Summary.Incidents == pr.Subject.Summary.Incidents; got != tc.same {
					t.Fatalf("the trailing window holds %d incidents and the period %d", pr.Trailing.Summary.Incidents, pr.Subject.Summary.Incidents)
				}
				rows, err := b.f.GetRows(lSheetBreakdowns.in(l))
				if err != nil {
					t.Fatal(err)
				}
				has := func(prefix string) bool {
					return slices.ContainsFunc(rows, func(r []string) bool { return len(r) > 0 && strings.HasPrefix(r[0], prefix) })
				}
				months := len(pr.Trend)
				trailing := fmt.Sprintf(strings.SplitN(lBreakdownTrailing.in(l), "%s", 2)[0], months)
				same := fmt.Sprintf(lTrailingSame.In(l), months)
				if has(trailing) == tc.same || has(same) != tc.same {
					t.Errorf("%s: trailing breakdowns %v, the line saying they are left out %v; want %v and %v", l, has(trailing), has(same), !tc.same, tc.same)
				}
			}
		})
	}
}

// TestLeftOut: a period workbook leaves out Scopes when every incident has one scope, its
// columns then on Incidents, and Data issues when there is none, and Method says so in the
// workbook's language; a workbook of the whole input keeps both.
func TestLeftOut(t *testing.T) {
	raw, err := os.ReadFile("../examples/japan-2024-06.csv")
	if err != nil {
		t.Fatal(err)
	}
	// The month-only disclosure date is the example's one data issue.
	var clean []byte
	for _, line := range bytes.SplitAfter(raw, []byte("\n")) {
		if !bytes.Contains(line, []byte("nishinomiya")) {
			clean = append(clean, line...)
		}
	}
	// A second scope of the first incident.
	lines := bytes.SplitAfter(raw, []byte("\n"))
	twoScopes := append(bytes.Clone(raw), bytes.Replace(lines[1], []byte(",個人情報,"), []byte(",アカウント情報,"), 1)...)
	for _, tc := range []struct {
		name   string
		raw    []byte
		period bool
		left   []label
	}{
		{"month", raw, true, []label{lSheetScopes}},
		{"month without issues", clean, true, []label{lSheetScopes, lSheetIssues}},
		{"month with two scopes", twoScopes, true, nil},
		{"whole input", clean, false, nil},
	} {
		for _, l := range langs {
			t.Run(tc.name+"/"+string(l), func(t *testing.T) {
				var b *book
				if tc.period {
					b, _, _ = japanBookFrom(t, l, tc.raw)
				} else {
					var buf bytes.Buffer
					if err := Write(context.Background(), &buf, reportFrom(t, tc.raw), Options{Lang: l}); err != nil {
						t.Fatal(err)
					}
					f, err := excelize.OpenReader(&buf)
					if err != nil {
						t.Fatal(err)
					}
					b = &book{t: t, f: f, lang: l}
				}
				sheets := b.f.GetSheetList()
				method := rawRows(t, b, lSheetMethod.in(l))
				var said []string
				for _, r := range method {
					for _, k := range []label{lSheetScopes, lSheetIssues} {
						if len(r) > 1 && (strings.HasPrefix(r[1], k.in(l)+":") || strings.HasPrefix(r[1], k.in(l)+"：")) {
							said = append(said, k.in(l))
						}
					}
				}
				item := slices.ContainsFunc(method, func(r []string) bool { return len(r) > 0 && r[0] == lOmittedItem.In(l) })
				if item != (len(tc.left) > 0) {
					t.Errorf("Method has the item %q: %v, want %v", lOmittedItem.In(l), item, len(tc.left) > 0)
				}
				for _, k := range []label{lSheetScopes, lSheetIssues} {
					want := slices.Contains(tc.left, k)
					if slices.Contains(sheets, k.in(l)) == want {
						t.Errorf("sheet %s written: %v, want %v", k.in(l), !want, !want)
					}
					if slices.Contains(said, k.in(l)) != want {
						t.Errorf("Method says %s is left out: %v, want %v", k.in(l), !want, want)
					}
				}
				hdr := b.header(lSheetIncidents.in(l), 1)
				_, carried := hdr[lNotes.in(l)]
				if want := slices.Contains(tc.left, lSheetScopes); carried != want {
					t.Errorf("Incidents has the notes column: %v, want %v", carried, want)
				}
				if !carried {
					return
				}
				// Each incident's notes and exposure dates as the input states them.
				inc := lSheetIncidents.in(l)
				id, notes, start := b.col(inc, hdr, lIncidentID.in(l)), b.col(inc, hdr, lNotes.in(l)), b.col(inc, hdr, lExposureStart.in(l))
				rep := reportFrom(t, tc.raw)
				byID := map[string]int{}
				for r := 2; b.str(inc, id, r) != ""; r++ {
					byID[b.str(inc, id, r)] = r
				}
				for _, f := range rep.Incidents.All() {
					r, ok := byID[f.Incident.ID]
					if !ok {
						continue // not disclosed in the month
					}
					sc := f.Incident.Scopes[0]
					if got := b.str(inc, notes, r); got != sc.Notes {
						t.Errorf("%s: notes %q, want %q", f.Incident.ID, got, sc.Notes)
					}
					if got, want := b.date(inc, start, r) != "", sc.ExposureStart.Known(); got != want {
						t.Errorf("%s: exposure start given %v, want %v", f.Incident.ID, got, want)
					}
				}
			})
		}
	}
}
