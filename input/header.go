package input

import (
	"strings"

	"golang.org/x/text/unicode/norm"

	"breachreport/data"
	"breachreport/internal/similar"
)

// normalizeHeader folds a header for matching: NFKC (so full-width and half-width forms
// match), without control characters, trimmed, lower-case, with spaces and hyphens read as
// underscores.
func normalizeHeader(h string) string {
	// So that a header holding control characters is still found; stripHeaderControls warns of them.
	h, _ = stripControls(h)
	h = norm.NFKC.String(h)
	h = strings.TrimSpace(h)
	h = strings.ToLower(h)
	h = strings.NewReplacer(" ", "_", "-", "_").Replace(h)
	return h
}

// headerIndex maps every normalized header and alias to its canonical column name.
func headerIndex(cols []data.Column) map[string]string {
	idx := make(map[string]string)
	for _, c := range cols {
		idx[normalizeHeader(c.Name)] = c.Name
		for _, a := range c.Aliases {
			idx[normalizeHeader(a)] = c.Name
		}
	}
	return idx
}

// certaintyWords maps normalized certainty values to certainties.

// headerSuffixes are what a header may add to a column's name or alias and still mean it:
// 公表日付 and 公表年月日 for 公表日.
var headerSuffixes = []string{"年月日", "日付", "付"}

// Suggest returns the header of a column outside the schema that is close to the canonical
// column col, to name in a "did you mean": one of col's names or aliases with 付, 日付 or
// 年月日 added (公表日付, 公表年月日 for 公表日), or within a small edit distance of one
// (disclosd). It returns the header as written and its 1-based position, or ok false when
// none is close.
func (l Layout) Suggest(col string) (header string, index int, ok bool) {
	var names []string
	for _, c := range data.Columns() {
		if c.Name == col {
			names = append(names, normalizeHeader(c.Name))
			for _, a := range c.Aliases {
				names = append(names, normalizeHeader(a))
			}
		}
	}
	best, bestDist := -1, 3
	for _, j := range l.extra {
		h := normalizeHeader(l.Header[j])
		if h == "" {
			continue
		}
		for _, n := range names {
			d := similar.Distance(h, n)
			if withSuffix(h, n) {
				d = 0
			}
			if limit := maxEdits(n); d <= limit && d < bestDist {
				best, bestDist = j, d
			}
		}
	}
	if best < 0 {
		return "", 0, false
	}
	return l.Header[best], best + 1, true
}

// withSuffix reports whether h is name with one of headerSuffixes added, or name's stem
// without its last 日 with one added (公表年月日 for 公表日).
func withSuffix(h, name string) bool {
	for _, s := range headerSuffixes {
		if h == name+s || (strings.HasSuffix(name, "日") && h == strings.TrimSuffix(name, "日")+s) {
			return true
		}
	}
	return false
}

// maxEdits is how many edits a header may be from name and still be suggested for it: none
// for names of up to 2 characters, which too many words are close to, 1 up to 5, else 2.
func maxEdits(name string) int {
	switch n := len([]rune(name)); {
	case n <= 2:
		return 0
	case n <= 5:
		return 1
	}
	return 2
}
