package input

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"breachreport/data"

	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html/charset"
)

// sheetStream reads the rows of a sheet's XML part as a stream, each cell with the type the
// sheet stores: the one pass over the sheet, which finds its damage too. Only the row being
// read is held, never the sheet, so a sheet of millions of cells reads in little memory.
type sheetStream struct {
	rc   io.ReadCloser
	d    *xml.Decoder
	part string
	sst  []string
	// row is the sheet row of the row last read, and inRow set while one is being read.
	row   int
	inRow bool
	// shared holds the formula text of each shared formula's first cell, by its si.
	shared map[string]sharedFormula
	cells  []sheetCell
	end    bool
}

// sheetCell is a cell as the sheet stores it.
type sheetCell struct {
	col int // 0-based
	// typ is the cell's t attribute: "" or n (a number), s (a shared string), str (a
	// formula's text), inlineStr, b, d (an ISO 8601 date) or e (an error value).
	typ string
	// val is the value as stored: a shared string's text, a number as written.
	val string
	// formula is set when the cell holds a formula; text is its text, or for a shared
	// formula's other cells the text of its first cell, which from names.
	formula     bool
	formulaText string
	from        string
	// badIndex is the shared string index of a cell that refers to a string the workbook
	// does not have.
	badIndex string
}

type sharedFormula struct{ text, cell string }

// openSheet opens the sheet's XML part named part in the workbook raw, whose shared strings
// are sst.
func openSheet(raw []byte, part string, sst []string) (*sheetStream, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, &ParseError{Err: data.Errorf("%w: %v", ErrWorkbook, err)}
	}
	zf := findPart(zr, part)
	if zf == nil {
		return nil, &ParseError{Err: data.Errorf("%w: the archive has no part %s", ErrWorkbook, part)}
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, &ParseError{Err: data.Errorf("%w: part %s cannot be read (%v)", ErrWorkbook, part, err)}
	}
	d := xml.NewDecoder(rc)
	d.CharsetReader = charset.NewReaderLabel
	return &sheetStream{rc: rc, d: d, part: part, sst: sst, shared: map[string]sharedFormula{}}, nil
}

func (s *sheetStream) close() { s.rc.Close() }

// next returns the next row the sheet stores, its row number and cells (valid until the
// next call), or io.EOF after the last; the end is the part's own, read to its end. Damage is
// a *ParseError at the sheet's row where it is: XML that does not parse, a part that does
// not inflate to its stated size, a row past the last a sheet has or out of order, a cell
// reference that is no cell.
func (s *sheetStream) next() (int, []sheetCell, error) {
	if s.end {
		return 0, nil, io.EOF
	}
	for {
		tok, err := s.d.Token()
		if err == io.EOF {
			s.end = true
			return 0, nil, io.EOF
		}
		if err != nil {
			return 0, nil, s.syntax(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "row" {
			continue
		}
		n := s.row + 1
		if v := attr(se, "r"); v != "" {
			if n, err = strconv.Atoi(v); err != nil || n < 1 {
				return 0, nil, s.damage(s.row+1, data.Msgf("the row number %q is no number", v))
			}
		}
		if n > excelize.TotalRows {
			return 0, nil, s.damage(n, data.Msgf("a sheet has %d rows at most", excelize.TotalRows))
		}
		// Rows out of order would be read under the wrong numbers.
		if n <= s.row {
			return 0, nil, s.damage(n, data.Msgf("the row comes after row %d; a sheet's rows are in order", s.row))
		}
		s.row, s.inRow = n, true
		if err := s.readRow(); err != nil {
			return 0, nil, err
		}
		s.inRow = false
		return n, s.cells, nil
	}
}

// readRow reads the cells of the row just started, to its end.
func (s *sheetStream) readRow() error {
	s.cells = s.cells[:0]
	col := -1
	for {
		tok, err := s.d.Token()
		if err != nil {
			return s.syntax(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil // the row's end: the decoder checks that the names match
		case xml.StartElement:
			if t.Name.Local != "c" {
				if err := s.d.Skip(); err != nil {
					return s.syntax(err)
				}
				continue
			}
			col++
			c := sheetCell{col: col}
			if v := attr(t, "r"); v != "" {
				x, _, err := excelize.CellNameToCoordinates(v)
				if err != nil {
					return s.damage(s.row, data.Msgf("the cell reference %q is no cell", v))
				}
				c.col, col = x-1, x-1
			}
			c.typ = attr(t, "t")
			if err := s.readCell(&c, t.Name); err != nil {
				return err
			}
			s.cells = append(s.cells, c)
		}
	}
}

// readCell reads the children of a cell: its value, formula and inline string.
func (s *sheetStream) readCell(c *sheetCell, name xml.Name) error {
	var v, is string
	hasIS := false
	for {
		tok, err := s.d.Token()
		if err != nil {
			return s.syntax(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			switch c.typ {
			case "s":
				if v == "" {
					break
				}
				i, err := strconv.Atoi(strings.TrimSpace(v))
				if err != nil || i < 0 || i >= len(s.sst) {
					c.badIndex = v
					break
				}
				c.val = s.sst[i]
			case "inlineStr":
				if hasIS {
					c.val = is
				} else {
					c.val = v
				}
			default:
				c.val = v
			}
			return nil
		case xml.StartElement:
			switch t.Name.Local {
			case "v":
				if v, err = chardata(s.d); err != nil {
					return s.syntax(err)
				}
			case "f":
				c.formula = true
				typ, si := attr(t, "t"), attr(t, "si")
				if c.formulaText, err = chardata(s.d); err != nil {
					return s.syntax(err)
				}
				if typ == "shared" && si != "" {
					if c.formulaText != "" {
						s.shared[si] = sharedFormula{c.formulaText, cellName(c.col, s.row)}
					} else if sf, ok := s.shared[si]; ok {
						c.formulaText, c.from = sf.text, sf.cell
					}
				}
			case "is":
				hasIS = true
				if is, err = richText(s.d); err != nil {
					return s.syntax(err)
				}
			default:
				if err := s.d.Skip(); err != nil {
					return s.syntax(err)
				}
			}
		}
	}
}

// syntax returns the damage error for err, met reading the XML.
func (s *sheetStream) syntax(err error) error {
	line := s.row
	if !s.inRow {
		line = s.row + 1
	}
	var se *xml.SyntaxError
	if errors.Is(err, io.EOF) {
		line, _ := s.d.InputPos()
		err = &xml.SyntaxError{Msg: "unexpected EOF", Line: line}
	}
	if !errors.As(err, &se) {
		// A read error: the part does not inflate to the size and checksum it states.
		return s.damage(line, data.Msgf("the archive's part %s does not inflate as its header says: %v", s.part, err))
	}
	return s.damage(line, err)
}

func (s *sheetStream) damage(line int, m any) error {
	// encoding/xml quotes the bytes it cannot read in its messages, as they are.
	if err, ok := m.(error); ok && !utf8.ValidString(err.Error()) {
		m = data.Shown(err.Error())
	}
	return &ParseError{Line: line, Err: data.Errorf("%w: the sheet is damaged at this row (%v); the rows before it can be read, not the rest: open and save the workbook in Excel or LibreOffice, or export the sheet as CSV", ErrWorkbook, m)}
}

// chardata returns the text of the element just started, to its end; the text of elements
// inside it is left out.
func chardata(d *xml.Decoder) (string, error) {
	var b []byte
	for {
		tok, err := d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b = append(b, t...)
		case xml.StartElement:
			if err := d.Skip(); err != nil {
				return "", err
			}
		case xml.EndElement:
			return string(b), nil
		}
	}
}

// richText returns the text of a string item (a shared string's si, an inline string's is)
// just started: its t, or the t of each of its runs, as Excel shows it; phonetic runs (rPh)
// are left out.
func richText(d *xml.Decoder) (string, error) {
	var b strings.Builder
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				s, err := chardata(d)
				if err != nil {
					return "", err
				}
				b.WriteString(s)
			case "r":
				depth++
			default:
				if err := d.Skip(); err != nil {
					return "", err
				}
			}
		case xml.EndElement:
			if depth == 0 {
				return unescapeOOXML(b.String()), nil
			}
			depth--
		}
	}
}

// unescapeOOXML decodes the _xHHHH_ escapes OOXML writes for characters XML cannot hold
// (_x000D_ for a CR), and _x005F_ for a literal underscore, as Excel and excelize read them.
func unescapeOOXML(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b []byte
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if r, err := strconv.ParseUint(s[i+2:i+6], 16, 32); err == nil {
				b = utf8.AppendRune(b, rune(r))
				i += 7
				continue
			}
		}
		b = append(b, s[i])
		i++
	}
	return string(b)
}

// readSharedStrings reads the workbook's shared strings from its part named part; none when
// the archive has no such part.
func readSharedStrings(raw []byte, part string) ([]string, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, err
	}
	zf := findPart(zr, part)
	if zf == nil {
		return nil, nil
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	d.CharsetReader = charset.NewReaderLabel
	var sst []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return sst, nil
		}
		if err != nil {
			return nil, err
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "si" {
			s, err := richText(d)
			if err != nil {
				return nil, err
			}
			sst = append(sst, s)
		}
	}
}
