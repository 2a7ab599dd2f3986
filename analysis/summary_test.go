package analysis

import (
	"slices"
	"testing"

	"breachreport/data"
)

// TestSourceSet checks the sources listed (each once, in input order, at most max) and the
// count of all of them, as the Summary gathers them; and the Summary's own.
func TestSourceSet(t *testing.T) {
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
		set := newSourceSet(tt.max)
		for _, f := range figs {
			set.add(f.Incident.SourceURLs)
		}
		first, total := set.first, len(set.seen)
		if !slices.Equal(first, tt.first) || total != 4 {
			t.Errorf("max %d: %q, %d; want %q, 4", tt.max, first, total, tt.first)
		}
	}
	if s := Summarize(figs); !slices.Equal(s.Sources, []string{"https://a", "https://b", "https://c", "https://d"}) || s.SourcesN != 4 || s.MostSources != 3 {
		t.Errorf("summary: sources %q, %d in all, at most %d an incident", s.Sources, s.SourcesN, s.MostSources)
	}
	if s := Summarize(nil); s.Sources != nil || s.SourcesN != 0 {
		t.Errorf("no incidents: %q, %d", s.Sources, s.SourcesN)
	}
}
