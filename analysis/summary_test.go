package analysis

import (
	"slices"
	"testing"

	"breachreport/data"
)

// TestDistinctSources checks the sources listed (each once, in input order, at most max)
// and the count of all of them.
func TestDistinctSources(t *testing.T) {
	fig := func(urls ...string) IncidentFigures {
		return IncidentFigures{Incident: data.Incident{SourceURLs: urls}}
	}
	figs := []IncidentFigures{fig("https://a", "https://b"), fig(), fig("https://b", "https://c"), fig("", "https://a", "https://d")}
	tests := []struct {
		max   int
		first []string
	}{
		{0, nil},
		{1, []string{"https://a"}},
		{3, []string{"https://a", "https://b", "https://c"}},
		{10, []string{"https://a", "https://b", "https://c", "https://d"}},
	}
	for _, tt := range tests {
		first, total := DistinctSources(Each(figs), tt.max)
		if !slices.Equal(first, tt.first) || total != 4 {
			t.Errorf("DistinctSources(max %d) = %q, %d; want %q, 4", tt.max, first, total, tt.first)
		}
	}
	if first, total := DistinctSources(Each(nil), 5); first != nil || total != 0 {
		t.Errorf("no incidents: %q, %d", first, total)
	}
}
