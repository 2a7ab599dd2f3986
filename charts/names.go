package charts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// nameLineWidth is how wide one line of a name on a category axis may be, in half-width
// units (a kanji or kana counts two): 30 fill the axis' 190 pixels at 12 pixels a kanji.
const nameLineWidth = 30

// nameLines is how many lines a name on a category axis may take.
const nameLines = 2

// ellipsis ends a name cut short.
const ellipsis = "…"

// runeWidth is the width of r in half-width units: two for East Asian wide and full-width
// characters, one for the rest.
func runeWidth(r rune) int {
	switch {
	case r >= 0x1100 && (r <= 0x115F || r == 0x2329 || r == 0x232A ||
		(r >= 0x2E80 && r <= 0xA4CF && r != 0x303F) ||
		(r >= 0xAC00 && r <= 0xD7A3) ||
		(r >= 0xF900 && r <= 0xFAFF) ||
		(r >= 0xFE30 && r <= 0xFE4F) ||
		(r >= 0xFF00 && r <= 0xFF60) ||
		(r >= 0xFFE0 && r <= 0xFFE6) ||
		(r >= 0x20000 && r <= 0x3FFFD)):
		return 2
	}
	return 1
}

// textWidth is the width of s in half-width units.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

// wrapName fits a name into at most lines lines of width half-width units each, joined with
// "\n": it breaks at a space when one falls in the second half of a line (English), else
// between any two characters (Japanese), and ends the last line with … when the name is
// longer. The whole name goes in the tooltip.
func wrapName(s string, width, lines int) string {
	s = strings.Join(strings.Fields(s), " ")
	var out []string
	for len(out) < lines && s != "" {
		if textWidth(s) <= width {
			out = append(out, s)
			s = ""
			break
		}
		last := len(out) == lines-1
		limit := width
		if last {
			limit = width - textWidth(ellipsis)
		}
		cut, w, space := 0, 0, -1
		for i, r := range s {
			if w+runeWidth(r) > limit {
				break
			}
			w += runeWidth(r)
			cut = i + utf8.RuneLen(r)
			if unicode.IsSpace(r) && w > limit/2 {
				space = i
			}
		}
		if cut < len(s) && s[cut] == ' ' {
			space = cut // the line ends just before a space
		}
		if last {
			out = append(out, strings.TrimSpace(s[:cut])+ellipsis)
			s = ""
			break
		}
		if space > 0 {
			cut = space
		}
		out = append(out, strings.TrimSpace(s[:cut]))
		s = strings.TrimSpace(s[cut:])
	}
	return strings.Join(out, "\n")
}

// caseTicks are the axis labels of the charted cases: each name wrapped at two lines, then
// cut with ….
func caseTicks(cases []string) []string {
	out := make([]string, len(cases))
	for i, c := range cases {
		out[i] = wrapName(c, nameLineWidth, nameLines)
	}
	return out
}
