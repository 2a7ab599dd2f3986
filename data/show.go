package data

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Shown returns an issue's value, the text as read, for a line of text (stderr, validate's
// text): bytes that are not UTF-8 as \xNN, control and bidi characters as Go escapes (\x01,
// \n, \u009d), and the rest, quotes and backslashes too, as it is.
func Shown(v string) string { return escape(v, inLine) }

// ShownInCell returns v as Shown does, for a cell (CSV, workbook): tab and line breaks,
// which a cell holds, are kept.
func ShownInCell(v string) string { return escape(v, inCell) }

// ValidUTF8 returns v with only its bytes that are not UTF-8 written as \xNN: for JSON, which
// escapes control characters itself and cannot hold those bytes.
func ValidUTF8(v string) string { return escape(v, inJSON) }

// where a value is shown, which decides the characters escaped.
type where int

const (
	inJSON where = iota
	inCell
	inLine
)

func escape(v string, w where) string {
	i := 0
	for i < len(v) {
		r, size := utf8.DecodeRuneInString(v[i:])
		if (r == utf8.RuneError && size == 1) || hidden(r, w) {
			break
		}
		i += size
	}
	if i == len(v) {
		return v
	}
	var b strings.Builder
	b.WriteString(v[:i])
	for i < len(v) {
		r, size := utf8.DecodeRuneInString(v[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, v[i])
		case hidden(r, w):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(v[i : i+size])
		}
		i += size
	}
	return b.String()
}

// hidden reports whether r cannot be shown as itself in w: a control character (C0, DEL,
// C1), which a workbook cannot hold and a terminal acts on, or a bidi control, which
// reorders the text around it.
func hidden(r rune, w where) bool {
	switch {
	case w == inJSON:
		return false
	case r == '\t' || r == '\n' || r == '\r':
		return w == inLine
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r)
}
