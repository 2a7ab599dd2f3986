package reports

import (
	"strings"
	"testing"
)

// TestLabelsComplete checks that every label has text in both languages, and that the
// sheet names, those of a period workbook included, are valid and distinct.
func TestLabelsComplete(t *testing.T) {
	for k := range numLabels {
		for _, l := range langs {
			if strings.TrimSpace(k.in(l)) == "" {
				t.Errorf("label %d has no %s text (en: %q)", k, l, labels[k].En)
			}
		}
	}
	sheets := []label{lSheetSummary, lSheetTrend, lSheetBreakdowns, lSheetIncidents, lSheetScopes, lSheetComparison, lSheetIssues, lSheetMethod}
	for _, l := range langs {
		seen := map[string]bool{}
		for _, k := range sheets {
			n := k.in(l)
			if len([]rune(n)) > 31 || strings.ContainsAny(n, `:\/?*[]`) || seen[n] {
				t.Errorf("%s: sheet name %q is too long, has a forbidden character or repeats", l, n)
			}
			seen[n] = true
		}
	}
}
