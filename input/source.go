package input

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"breachreport/data"
)

// source yields the records of the input, CSV text or a workbook sheet, one at a time.
type source interface {
	// next returns the next record, io.EOF at the end, or a *csv.ParseError for a record
	// that is broken; reading goes on after a broken record.
	next() ([]string, error)
	// line returns the line (a workbook's row) where field j of the last record starts.
	line(j int) int
	// fit shapes a data record to the header's width. It returns false, with a message,
	// when the record does not fit.
	fit(rec []string, width int) ([]string, data.Msg, bool)
	// setFields gives the canonical column name of each header position, once known.
	setFields(fields []string)
	// notes returns warnings about cells of the last record.
	notes() []cellNote
	// setWidth tells the source the header's number of fields.
	setWidth(n int)
	// text returns the last record, rec, as the input wrote it, for an issue's value.
	text(rec []string) string
}

// csvSource reads CSV text through encoding/csv. When a row breaks on a quote that is not
// closed, encoding/csv has read the lines after it into that row; if one of those lines is a
// good row on its own, csvSource rejects only the first line and reads the others again, so
// that the good rows among them are kept.
type csvSource struct {
	cr    *csv.Reader
	tape  *tapeReader // what cr has read, from the start of the current row on
	guard io.Reader   // the text not yet read into the tape
	delim rune
	// decoded is set when the text comes from a decoder, whose undecodable bytes a broken
	// row shows as they were.
	decoded bool
	// base is the offset in the text of the start of cr's input, and lineBase the line before
	// its first line.
	base     int64
	lineBase int
	width    int
	// from and to are the offsets in cr's input of the last record's text.
	from, to int64
}

func newCSVSource(in *input, lim Limits) *csvSource {
	s := &csvSource{guard: newFieldGuard(in.text, in.delim, lim), delim: in.delim, decoded: in.dec != nil}
	s.restart(nil, 0, 0)
	return s
}

// restart makes cr read pushback and then the rest of the text; pushback starts at offset
// base of the text, on the line after lineBase.
func (s *csvSource) restart(pushback []byte, base int64, lineBase int) {
	s.tape = &tapeReader{r: io.MultiReader(bytes.NewReader(pushback), s.guard)}
	s.cr = csv.NewReader(s.tape)
	s.cr.Comma = s.delim
	s.cr.FieldsPerRecord = -1
	s.base, s.lineBase = base, lineBase
}

// brokenRow is the error next returns for the first line of a row that a quote left open
// ran on from, when the lines after it are read again.
type brokenRow struct {
	line  int
	value string
}

func (e *brokenRow) Error() string { return fmt.Sprintf("line %d: a quote is not closed", e.line) }

func (s *csvSource) next() ([]string, error) {
	start := s.cr.InputOffset()
	s.tape.drop(start)
	rec, err := s.cr.Read()
	end := s.cr.InputOffset()
	s.from, s.to = start, end
	pe, _ := err.(*csv.ParseError) // encoding/csv returns it as it is
	if pe != nil || (err == nil && s.width > 0 && len(rec) != s.width) {
		if cut, ok := s.swallowed(s.tape.bytes(start, end)); ok {
			// Reject the first line and read the rest again, with what cr has read ahead.
			var first int
			if pe != nil {
				first = pe.StartLine
			} else {
				first, _ = s.cr.FieldPos(0) // rec has fields: FieldPos panics without
			}
			line := s.lineBase + first
			value := strings.TrimRight(string(s.tape.bytes(start, start+cut)), "\r\n")
			s.restart(bytes.Clone(s.tape.bytes(start+cut, s.tape.end())), s.base+start+cut, line)
			value = strings.TrimLeft(value, "\r\n")
			if s.decoded && hasEscapes(value) {
				value = putBack(value)
			} else {
				value = truncate(value, 80)
			}
			return nil, &brokenRow{line: line, value: value}
		}
	}
	if pe != nil {
		pe.StartLine += s.lineBase
		pe.Line += s.lineBase
	}
	return rec, err
}

// swallowed reports whether raw, the text of a broken row, holds after its first line a line
// that is a row of the header's width on its own. It returns the length of the first line
// (and of the blank lines before it, which encoding/csv skips).
func (s *csvSource) swallowed(raw []byte) (cut int64, ok bool) {
	first := true
	for off := 0; off < len(raw); {
		n := bytes.IndexByte(raw[off:], '\n') + 1
		if n == 0 {
			n = len(raw) - off
		}
		line := raw[off : off+n]
		off += n
		if first {
			cut = int64(off)
			first = string(line) == "\n" || string(line) == "\r\n" // blank lines come before the row
			continue
		}
		cr := csv.NewReader(bytes.NewReader(line))
		cr.Comma = s.delim
		cr.FieldsPerRecord = -1
		if rec, err := cr.Read(); err == nil && len(rec) == s.width {
			return cut, true
		}
	}
	return 0, false
}

func (s *csvSource) line(j int) int {
	l, _ := s.cr.FieldPos(j)
	return s.lineBase + l
}

func (s *csvSource) setFields([]string) {}

// text returns the last record's text, without the blank lines before it and its line end.
func (s *csvSource) text([]string) string {
	return strings.Trim(string(s.tape.bytes(s.from, s.to)), "\r\n")
}

func (s *csvSource) notes() []cellNote { return nil }
func (s *csvSource) setWidth(n int)    { s.width = n }

// tapeReader keeps what is read through it, from the start of the current row on, so that
// a broken row can be read again.
type tapeReader struct {
	r   io.Reader
	buf []byte
	off int64 // offset of buf[0] in the stream
}

func (t *tapeReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	t.buf = append(t.buf, p[:n]...)
	return n, err
}

// drop forgets the bytes before offset at; it moves the rest only when that frees much.
func (t *tapeReader) drop(at int64) {
	if dead := int(at - t.off); dead > 64<<10 && dead > len(t.buf)/2 {
		t.buf = t.buf[:copy(t.buf, t.buf[dead:])]
		t.off = at
	}
}

// bytes returns the stream's bytes from offset from to offset to.
func (t *tapeReader) bytes(from, to int64) []byte { return t.buf[from-t.off : to-t.off] }

// end returns the offset after the last byte read.
func (t *tapeReader) end() int64 {
	return t.off + int64(len(t.buf))
}

// fit accepts only records with exactly the header's number of fields: in CSV text, any
// other number means the row's quoting or delimiters are broken.
func (s *csvSource) fit(rec []string, width int) ([]string, data.Msg, bool) {
	if len(rec) == width {
		return rec, data.Msg{}, true
	}
	return nil, data.Msgf("row has %d fields but the header has %d", len(rec), width), false
}
