package reports

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
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
