package input

import (
	"strings"

	"breachreport/data"
)

// The messages of a value that held control characters, one per class (see controlClass).
const (
	bidiMessage    = "text holds bidirectional control characters (U+202A–U+202E, U+2066–U+2069), which can make it read in another order than it is written; they are removed"
	controlMessage = "text holds control characters (U+0000–U+001F but tab and line breaks, U+007F–U+009F), which a workbook cell cannot hold and a screen does not show; they are removed"
	// undefined1252Message is controlMessage's in a Windows-1252 file, where a C1 control
	// can only come from one of the five bytes Windows-1252 leaves undefined (decodeWindows1252).
	undefined1252Message = "text holds bytes that Windows-1252 does not define (0x81, 0x8D, 0x8F, 0x90, 0x9D), read as the control characters U+0081, U+008D, U+008F, U+0090 and U+009D as Excel reads them; they are removed"
)

// controlClass is a set of the kinds of control character a text held, as stripControls
// finds them; each kind has its own warning.
type controlClass uint8

const (
	// classBidi: bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
	classBidi controlClass = 1 << iota
	// classC0: C0 controls but tab, line feed and carriage return, and DEL (U+007F).
	classC0
	// classC1: C1 controls (U+0080–U+009F).
	classC1
)

// isBidi reports whether r is a bidirectional embedding, override or isolate control.
func isBidi(r rune) bool {
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

// isControl reports whether r is a control character removed from cell text: C0 but tab, line
// feed and carriage return, DEL and C1. Tab and line breaks are text a cell holds.
func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || 0x7f <= r && r <= 0x9f
}

// isRemoved reports whether stripControls removes r.
func isRemoved(r rune) bool { return isControl(r) || isBidi(r) }

// messages returns the warnings of the classes in c, for a text in a file read as enc; header
// says the text is a name in the header.
func (c controlClass) messages(enc string, header bool) []data.Msg {
	var out []data.Msg
	add := func(cell, head data.Msg) {
		if header {
			out = append(out, head)
		} else {
			out = append(out, cell)
		}
	}
	if c&classBidi != 0 {
		add(data.Msgf(bidiMessage), data.Msgf(bidiMessage+" (in the header)"))
	}
	if c&classC1 != 0 && enc == EncodingWindows1252 {
		add(data.Msgf(undefined1252Message), data.Msgf(undefined1252Message+" (in the header)"))
		c &^= classC1
	}
	if c&(classC0|classC1) != 0 {
		add(data.Msgf(controlMessage), data.Msgf(controlMessage+" (in the header)"))
	}
	return out
}

// stripHeaderControls returns the header rec without control characters, with a warning for
// each name that held some, so that a hidden override neither disguises a column in the
// outputs nor keeps its name from being recognised.
func (rr *rowReader) stripHeaderControls(rec []string, line int) []string {
	out := rec
	for j, v := range rec {
		clean, found := stripControls(v)
		if found == 0 {
			continue
		}
		if &out[0] == &rec[0] {
			out = append([]string(nil), rec...)
		}
		out[j] = clean
		name := strings.TrimSpace(clean)
		for _, msg := range found.messages(rr.res.Encoding, true) {
			rr.log.Add(data.Issue{Kind: data.KindControlChar, Severity: data.Warning, Line: line,
				Column: name, Header: name, ColumnIndex: j + 1, Value: truncate(v, 80), Message: msg})
		}
	}
	return out
}

// stripControls returns s without the characters isRemoved removes, and the classes of those
// it held (0 when none: clean is s).
func stripControls(s string) (clean string, found controlClass) {
	if found = controls(s); found == 0 {
		return s, 0
	}
	return strings.Map(func(r rune) rune {
		if isRemoved(r) {
			return -1
		}
		return r
	}, s), found
}

// controlByte marks the bytes where controls looks closer: 1 for a C0 control but tab and line
// breaks, and DEL; 2 for 0xC2, which starts the C1 controls in UTF-8 (C2 80–C2 9F); 3 for
// 0xE2, which starts the bidi controls (E2 80 AA–AE, E2 81 A6–A9).
var controlByte = func() (t [256]uint8) {
	for c := range 0x20 {
		if c != '\t' && c != '\n' && c != '\r' {
			t[c] = 1
		}
	}
	t[0x7f], t[0xc2], t[0xe2] = 1, 2, 3
	return t
}()

// controls returns the classes of the control characters s holds. It looks at the bytes, as
// every field of every row passes here: one table lookup a byte.
func controls(s string) controlClass {
	var found controlClass
	for i := 0; i < len(s); i++ {
		switch controlByte[s[i]] {
		case 0:
		case 1:
			found |= classC0
		case 2:
			if i+1 < len(s) && 0x80 <= s[i+1] && s[i+1] <= 0x9f {
				found |= classC1
			}
		case 3:
			if i+2 < len(s) {
				if b1, b2 := s[i+1], s[i+2]; b1 == 0x80 && 0xAA <= b2 && b2 <= 0xAE || b1 == 0x81 && 0xA6 <= b2 && b2 <= 0xA9 {
					found |= classBidi
				}
			}
		}
	}
	return found
}
