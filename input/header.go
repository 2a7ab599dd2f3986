package input

import (
	"strings"

	"golang.org/x/text/unicode/norm"

	"breachreport/data"
)

// normalizeHeader folds a header for matching: NFKC (so full-width and half-width forms
// match), trimmed, lower-case, with spaces and hyphens read as underscores.
func normalizeHeader(h string) string {
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
