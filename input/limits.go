package input

import (
	"breachreport/data"
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The default limits of Scan, which Options.Limits raise. They are far above any real list
// of incidents and far below what would exhaust a laptop's memory.
const (
	// DefaultMaxInputSize is the largest input read: 256 MiB of CSV text, or an .xlsx
	// workbook whose files unpack to at most 256 MiB. The rows' text is held until the
	// report is written, so this is what bounds memory for long text: 256 MiB of long
	// notes peak at about 450 MB (see BENCHMARKS.md).
	DefaultMaxInputSize int64 = 256 << 20
	// DefaultMaxFieldSize is the longest field (cell) read, in bytes of its value in UTF-8
	// (without the quotes around it, doubled quotes or line endings' CR): 1 MiB.
	DefaultMaxFieldSize = 1 << 20
	// DefaultMaxColumns is the most columns (fields in one row) read: 16,384, Excel's
	// last column (XFD), so that any sheet Excel saves is read.
	DefaultMaxColumns = 16384
	// DefaultMaxRows is the most data rows read: as many as a sheet of Excel holds under
	// its header. Every row is held, packed, until the report is written (a row without an
	// incident id is an incident of its own), about 230 bytes for a short row: the default
	// keeps such an input within about 600 MB of memory (see BENCHMARKS.md).
	DefaultMaxRows = 1<<20 - 1
)

// ErrLimit is wrapped by the *ParseError returned when the input goes over one of the
// Limits; ErrInputSize, ErrFieldSize, ErrColumns and ErrRows say which one, for the caller
// to name the setting that raises it.
var ErrLimit = data.Errorf("over a limit")

// The limits, each an error that is ErrLimit too.
var (
	ErrInputSize error = limitErr("MaxInputSize")
	ErrFieldSize error = limitErr("MaxFieldSize")
	ErrColumns   error = limitErr("MaxColumns")
	ErrRows      error = limitErr("MaxRows")
)

// limitErr names the field of Limits gone over; it reads, and is, ErrLimit.
type limitErr string

func (limitErr) Error() string        { return ErrLimit.Error() }
func (limitErr) Is(target error) bool { return target == ErrLimit }

// Message is ErrLimit's, for i18n.ErrorText.
func (limitErr) Message() data.Msg { return data.Msgf("over a limit") }

// Limits bound what Scan takes in, so that a broken or hostile file stops with an error
// naming where it went over, not with the process running out of memory. A zero field means
// its default.
type Limits struct {
	// MaxInputSize is the largest input, in bytes (DefaultMaxInputSize). For an .xlsx
	// workbook it bounds the file and the total size of the files it unpacks to.
	MaxInputSize int64
	// MaxFieldSize is the longest field, in bytes of its value decoded to UTF-8: without
	// the quotes around it, one of each doubled quote, and a line ending's CR not counted
	// (DefaultMaxFieldSize).
	MaxFieldSize int
	// MaxColumns is the most fields a row may have, the header included
	// (DefaultMaxColumns).
	MaxColumns int
	// MaxRows is the most data rows, blank rows aside (DefaultMaxRows).
	MaxRows int
}

// withDefaults returns l with every zero field set to its default.
func (l Limits) withDefaults() Limits {
	if l.MaxInputSize <= 0 {
		l.MaxInputSize = DefaultMaxInputSize
	}
	if l.MaxFieldSize <= 0 {
		l.MaxFieldSize = DefaultMaxFieldSize
	}
	if l.MaxColumns <= 0 {
		l.MaxColumns = DefaultMaxColumns
	}
	if l.MaxRows <= 0 {
		l.MaxRows = DefaultMaxRows
	}
	return l
}

// ParseSize reads a size in bytes: a whole number, optionally followed by a unit, KB, MB or
// GB (powers of 1,000), KiB, MiB or GiB (powers of 1,024) or bytes, in any case, with or
// without a space ("50MB", "1 GiB", "1048576").
func ParseSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	units := []struct {
		suffix string
		mult   int64
	}{{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30}, {"kb", 1e3}, {"mb", 1e6}, {"gb", 1e9}, {"bytes", 1}, {"byte", 1}, {"b", 1}}
	mult := int64(1)
	for _, u := range units {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/mult {
		return 0, data.Errorf("size %q: want a positive whole number of bytes, optionally with KB, MB, GB, KiB, MiB or GiB", s)
	}
	return n * mult, nil
}

// FormatSize writes n bytes the way ParseSize reads them: "1 GiB", "50 MB", or bytes.
func FormatSize(n int64) string {
	for _, u := range []struct {
		name string
		mult int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}} {
		if n >= u.mult && n%u.mult == 0 {
			return fmt.Sprintf("%d %s", n/u.mult, u.name)
		}
	}
	return fmt.Sprintf("%d bytes", n)
}

// sizeLimitReader fails with a *ParseError wrapping ErrLimit once more than limit bytes have
// been read from r.
type sizeLimitReader struct {
	r     io.Reader
	limit int64
	n     int64
}

func (s *sizeLimitReader) Read(p []byte) (int, error) {
	if s.n > s.limit {
		return 0, s.err()
	}
	if int64(len(p)) > s.limit-s.n+1 {
		p = p[:s.limit-s.n+1]
	}
	n, err := s.r.Read(p)
	s.n += int64(n)
	if s.n > s.limit {
		return n - int(s.n-s.limit), s.err()
	}
	return n, err
}

func (s *sizeLimitReader) err() error {
	return &ParseError{Err: data.Errorf("%w: the input is larger than %s, the most read", ErrInputSize, FormatSize(s.limit))}
}

// limitError is what fieldGuard returns when a field or a row goes over a limit. Scan turns
// it into a *ParseError naming the column.
type limitError struct {
	line  int // where the field (or row) starts
	field int // 0-based index of the field; -1 for too many fields
	limit int
	value string // the start of the field
}

func (e *limitError) Error() string {
	if e.field < 0 {
		return fmt.Sprintf("line %d: more than %d fields", e.line, e.limit)
	}
	return fmt.Sprintf("line %d, field %d: longer than %d bytes", e.line, e.field+1, e.limit)
}

// parseError returns the *ParseError that reports e, naming the column by header (nil while
// the header is read).
func (e *limitError) parseError(header []string) *ParseError {
	if e.field < 0 {
		return &ParseError{Line: e.line, Err: data.Errorf("%w: the row has more than %d fields, the most read", ErrColumns, e.limit)}
	}
	col := fmt.Sprintf("%d", e.field+1)
	if e.field < len(header) {
		col = fmt.Sprintf("%s (%d)", header[e.field], e.field+1)
	}
	return &ParseError{Line: e.line, Column: col, Err: data.Errorf("%w: value %q is longer than %s, the longest field read; if the text is not meant to be this long, a quote is not closed",
		ErrFieldSize, e.value, FormatSize(int64(e.limit)))}
}

// The states of fieldGuard's scan of the CSV text.
const (
	atFieldStart = iota
	inUnquoted
	inQuoted
	afterQuote // a quote inside a quoted field: its end, or the first of a doubled quote
)

// fieldGuard passes CSV text on to encoding/csv, following its quoting, and stops with a
// *limitError before a field longer than maxField bytes or a row of more than maxFields
// fields is passed on: encoding/csv holds a whole row in memory, so it must never see one
// without bound. A field's length is that of its value, decoded, without the quotes around
// it, doubled quotes or a line ending's CR (see scan). It also turns a carriage return that
// ends a line on its own (old Mac line endings, mixed with others) into a line feed, inside
// quotes too, which encoding/csv would otherwise keep as it is and count no line; the text
// keeps its length, so offsets into it stay right.
type fieldGuard struct {
	src       *bufio.Reader
	delim     []byte
	maxField  int
	maxFields int

	special  [256]bool // the bytes the fast path stops at: the delimiter's first, quote, line breaks
	state    int
	dmatch   int // bytes of a multi-byte delimiter matched so far
	line     int // current line, 1-based
	field    int // index of the current field in its row
	fieldLen int
	start    int    // line where the current field starts
	rowStart int    // line where the current row starts
	value    []byte // the start of the current field, for messages (see keep)
	cut      bool   // value has stopped at a line break
	from     int    // where the current field's bytes not yet in value start, in the text being read
	err      error
	pos      int64 // offset in the text of the next byte Read gives
}

func newFieldGuard(src *bufio.Reader, delim rune, lim Limits) *fieldGuard {
	g := &fieldGuard{src: src, delim: utf8.AppendRune(nil, delim), maxField: lim.MaxFieldSize, maxFields: lim.MaxColumns, line: 1, start: 1, rowStart: 1}
	for _, c := range []byte{g.delim[0], '"', '\n', '\r'} {
		g.special[c] = true
	}
	return g
}

func (g *fieldGuard) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.src.Read(p)
	q, special := p[:n], &g.special
	g.from = 0
	for i := 0; i < n; {
		// The fast path: a run of bytes that are none of delimiter, quote and line break only
		// makes the field longer.
		j := i
		if g.dmatch == 0 {
			for j < len(q) && !special[q[j]] {
				j++
			}
		}
		if run := j - i; run > 0 {
			if g.state != inQuoted {
				g.state = inUnquoted
			}
			// A run that would take the field past its limit stops at the limit, so that the
			// next byte is over it: never a scan of the rest of the run byte by byte.
			if room := g.maxField - g.fieldLen; run > room {
				run = room
			}
			g.fieldLen += run
			i += run
			if i < j {
				if lerr := g.scan(q, i); lerr != nil {
					return g.fail(i, lerr)
				}
				i++
			}
			continue
		}
		// The next fast path: a one-byte delimiter or a line feed outside quotes.
		if c := q[i]; g.state != inQuoted && len(g.delim) == 1 && (c == g.delim[0] || c == '\n') && j == i {
			if c == '\n' {
				g.line++
			}
			if lerr := g.nextField(c == '\n', i+1); lerr != nil {
				return g.fail(i, lerr)
			}
			i++
			continue
		}
		if lerr := g.scan(q, i); lerr != nil {
			return g.fail(i, lerr)
		}
		i++
	}
	g.keep(q, n)
	g.pos += int64(n)
	return n, err
}

// fail stops the reading with err at byte i of the text just read.
func (g *fieldGuard) fail(i int, err error) (int, error) {
	g.err = err
	g.pos += int64(i)
	return i, err
}

// keep adds to value the current field's bytes in p before end, from g.from on, up to 60
// bytes in all and up to the field's first line break.
func (g *fieldGuard) keep(p []byte, end int) {
	if g.cut || len(g.value) >= 60 || g.from >= end {
		g.from = end
		return
	}
	seg := p[g.from:end]
	if k := bytes.IndexAny(seg, "\r\n"); k >= 0 {
		seg, g.cut = seg[:k], true
	}
	g.value = append(g.value, seg[:min(len(seg), 60-len(g.value))]...)
	g.from = end
}

// scan takes byte p[i] through the state machine, rewriting a lone carriage return. It counts
// the bytes of the field's value as encoding/csv gives it: not the quotes around a quoted
// field, one of a doubled quote, and a line ending's carriage return in none.
func (g *fieldGuard) scan(p []byte, i int) error {
	c := p[i]
	if c == '\r' {
		next := byte(0)
		if i+1 < len(p) {
			next = p[i+1]
		} else if b, err := g.src.Peek(1); err == nil {
			next = b[0]
		} else {
			return nil // a carriage return at the very end: encoding/csv drops it
		}
		if next == '\n' {
			return nil // a CRLF's CR, which encoding/csv drops, in quotes too
		}
		// A line ending on its own, in quotes too, where encoding/csv would keep it as it is
		// and count no line: the lines of every issue after it would be too low.
		p[i], c = '\n', '\n'
	}
	if c == '\n' {
		g.line++
	}
	if g.state != inQuoted && c == g.delim[g.dmatch] {
		g.dmatch++
		if g.dmatch == len(g.delim) {
			g.dmatch = 0
			return g.nextField(false, i+1)
		}
		return nil
	}
	g.dmatch = 0
	switch g.state {
	case atFieldStart:
		if c == '\n' {
			return g.nextField(true, i+1)
		}
		if c == '"' {
			g.state = inQuoted
			return nil
		}
		g.state = inUnquoted
	case inUnquoted:
		if c == '\n' {
			return g.nextField(true, i+1)
		}
	case inQuoted:
		if c == '"' {
			g.state = afterQuote // the closing quote, or the first of a doubled one
			return nil
		}
	case afterQuote:
		switch c {
		case '\n':
			return g.nextField(true, i+1)
		case '"':
			g.state = inQuoted // a doubled quote, which is one in the value
		default:
			g.state = inUnquoted
		}
	}
	g.fieldLen++
	if g.fieldLen > g.maxField {
		g.keep(p, i+1)
		v := truncate(strings.ToValidUTF8(string(g.value), "\uFFFD"), 40)
		if !strings.HasSuffix(v, "…") {
			v += "…"
		}
		return &limitError{line: g.start, field: g.field, limit: g.maxField, value: v}
	}
	return nil
}

// nextField starts the next field at byte at of the text being read, of a new row when
// endRow (the row before it then ends just before at).
func (g *fieldGuard) nextField(endRow bool, at int) error {
	g.state, g.fieldLen, g.value, g.cut, g.start, g.from = atFieldStart, 0, g.value[:0], false, g.line, at
	if endRow {
		g.field, g.rowStart = 0, g.line
		return nil
	}
	g.field++
	if g.field >= g.maxFields {
		return &limitError{line: g.rowStart, field: -1, limit: g.maxFields}
	}
	return nil
}
