package input

import (
	"strings"

	"breachreport/data"
)

// bidiMessage is the message of a value that held bidirectional controls.
const bidiMessage = "text holds bidirectional control characters (U+202A–U+202E, U+2066–U+2069), which can make it read in another order than it is written; they are removed"

// isBidi reports whether r is a bidirectional embedding, override or isolate control.
func isBidi(r rune) bool {
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

// stripHeaderBidi returns the header rec without bidi controls, with a warning for each
// name that held some, so that a hidden override neither disguises a column in the outputs
// nor keeps its name from being recognised.
func (rr *rowReader) stripHeaderBidi(rec []string, line int) []string {
	out := rec
	for j, v := range rec {
		clean, ok := stripBidi(v)
		if ok {
			continue
		}
		if &out[0] == &rec[0] {
			out = append([]string(nil), rec...)
		}
		out[j] = clean
		name := strings.TrimSpace(clean)
		rr.log.Add(data.Issue{Kind: data.KindControlChar, Severity: data.Warning, Line: line,
			Column: name, Header: name, ColumnIndex: j + 1, Value: escapeInvalid(truncate(v, 80)), Message: data.Msgf(bidiMessage + " (in the header)")})
	}
	return out
}

// stripBidi returns s without its bidi controls, and ok true when it held none.
func stripBidi(s string) (clean string, ok bool) {
	if !hasBidi(s) {
		return s, true
	}
	return strings.Map(func(r rune) rune {
		if isBidi(r) {
			return -1
		}
		return r
	}, s), false
}

// hasBidi reports whether s holds a bidi control. It looks at the bytes, as every field of
// every row passes here: each control is E2 80 AA–AE or E2 81 A6–A9 in UTF-8, and IndexByte
// skips the rest of the text at memory speed.
func hasBidi(s string) bool {
	for {
		i := strings.IndexByte(s, 0xE2)
		if i < 0 || i+2 >= len(s) {
			return false
		}
		if b1, b2 := s[i+1], s[i+2]; b1 == 0x80 && 0xAA <= b2 && b2 <= 0xAE || b1 == 0x81 && 0xA6 <= b2 && b2 <= 0xA9 {
			return true
		}
		s = s[i+1:]
	}
}
