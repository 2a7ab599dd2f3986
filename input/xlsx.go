package input

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"strconv"
	"strings"

	"breachreport/data"

	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html/charset"
)

// zipMagic starts every .xlsx workbook (a zip archive).
var zipMagic = []byte("PK\x03\x04")

// ErrWorkbook wraps the error for input that starts like a workbook but cannot be opened.
var ErrWorkbook = data.Errorf("not a readable .xlsx workbook")

// ErrSheet wraps the errors about choosing the sheet of a workbook, for errors.Is.
var ErrSheet = data.Errorf("no sheet to read")

// xlsxSource reads the rows of one workbook sheet, with cell values as stored: a date cell
// gives its serial number, which the date fields read as a date (DateOptions.Serial).
type xlsxSource struct {
	sheet *sheetStream
	// row is the sheet row of the last record, 1-based; stored is the row the stream read
	// last (stored), and cells its cells: the rows between the two are blank, as the sheet leaves
	// them out.
	row, stored int
	cells       []sheetCell
	// date1904 is true when the workbook counts dates from 1904.
	date1904 bool
	// fields holds the canonical column name of each position once the header is known
	// (see setFields); data cells are then checked against the type the sheet stores.
	fields []string
	last   []cellNote
	lim    Limits
	err    error // the error that ended the stream, returned again on every call
}

// cellNote is a warning about one cell of the last record, which its value alone cannot
// show (a formula without a value, an error value).
type cellNote struct {
	col   int
	kind  data.Kind
	value string
	msg   data.Msg
}

// openWorkbook opens an .xlsx workbook from r and the sheet to read: opts.Sheet, or the
// workbook's only visible sheet. It returns the source and the sheet's name.
func openWorkbook(r io.Reader, opts Options) (*xlsxSource, string, error) {
	if opts.Encoding != "" || opts.Delimiter != 0 {
		return nil, "", &ParseError{Err: data.Errorf("%w: the input is an .xlsx workbook; an encoding or delimiter applies to CSV input only", ErrEncoding)}
	}
	// excelize's row iterator ends quietly where the sheet's XML is damaged; the workbook is
	// kept to check the sheet itself (verify). excelize reads it whole anyway.
	var raw bytes.Buffer
	f, err := excelize.OpenReader(io.TeeReader(r, &raw), excelize.Options{UnzipSizeLimit: opts.Limits.MaxInputSize, TmpDir: opts.TempDir})
	var pe *ParseError
	switch {
	case errors.As(err, &pe):
		return nil, "", pe // over the input size limit
	case err != nil && err.Error() == fmt.Sprintf("unzip size exceeds the %d bytes limit", opts.Limits.MaxInputSize):
		return nil, "", &ParseError{Err: data.Errorf("%w: the workbook unpacks to more than %s, the most read", ErrInputSize, FormatSize(opts.Limits.MaxInputSize))}
	case err != nil:
		return nil, "", &ParseError{Err: data.Errorf("%w: the input starts like an .xlsx workbook but cannot be opened as one (%v); save it again from Excel, or as CSV", ErrWorkbook, err)}
	}
	names := f.GetSheetList()
	var visible, listed []string
	for _, n := range names {
		if v, err := f.GetSheetVisible(n); err == nil && !v {
			listed = append(listed, n+" (hidden)")
			continue
		}
		visible = append(visible, n)
		listed = append(listed, n)
	}
	sheet := ""
	fail := func(err error) (*xlsxSource, string, error) {
		f.Close()
		return nil, "", &ParseError{Err: err}
	}
	switch {
	case opts.Sheet != "":
		var loose []string
		for _, n := range names {
			if n == opts.Sheet {
				sheet = n
			}
			if normalizeHeader(n) == normalizeHeader(opts.Sheet) {
				loose = append(loose, n)
			}
		}
		switch {
		case sheet != "":
		case len(loose) == 1:
			sheet = loose[0]
		case len(loose) > 1:
			return fail(data.Errorf("%w: the sheet %q could be any of %s; give the name exactly", ErrSheet, opts.Sheet, quoteList(loose)))
		default:
			return fail(data.Errorf("%w: the workbook has no sheet %q; its sheets are %s", ErrSheet, opts.Sheet, quoteList(listed)))
		}
	case len(visible) == 1:
		sheet = visible[0]
	case len(visible) == 0:
		return fail(data.Errorf("%w: the workbook has no visible sheet; its sheets are %s: name one", ErrSheet, quoteList(listed)))
	default:
		return fail(data.Errorf("%w: the workbook has %d sheets (%s); name the one to read", ErrSheet, len(visible), quoteList(listed)))
	}
	date1904 := false
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		date1904 = *props.Date1904
	}
	// The sheet is read from the archive as a stream (see sheetStream): excelize reads the
	// cell types only from the whole sheet, held in memory.
	f.Close()
	parts, err := workbookParts(raw.Bytes(), sheet)
	if err != nil {
		return nil, "", &ParseError{Err: data.Errorf("%w: sheet %q cannot be found in the archive (%v)", ErrWorkbook, sheet, err)}
	}
	sst, err := readSharedStrings(raw.Bytes(), parts.sst)
	if err != nil {
		return nil, "", &ParseError{Err: data.Errorf("%w: the workbook's shared strings cannot be read (%v); open and save the workbook in Excel or LibreOffice, or export the sheet as CSV", ErrWorkbook, err)}
	}
	ss, err := openSheet(raw.Bytes(), parts.sheet, sst)
	if err != nil {
		return nil, "", err
	}
	return &xlsxSource{sheet: ss, date1904: date1904, lim: opts.Limits}, sheet, nil
}

func (s *xlsxSource) next() ([]string, error) {
	if s.err != nil {
		return nil, s.err
	}
	if s.stored <= s.row {
		n, cells, err := s.sheet.next()
		if err != nil {
			s.err = err
			return nil, err
		}
		s.stored, s.cells = n, cells
	}
	s.row++
	s.last = s.last[:0]
	if s.row < s.stored {
		return []string{}, nil
	}
	// A cell is a value where it holds one or a formula, as excelize reads it.
	width := 0
	for _, c := range s.cells {
		if c.val != "" || c.formula {
			width = max(width, c.col+1)
		}
	}
	rec := make([]string, width)
	for _, c := range s.cells {
		if c.col < width {
			rec[c.col] = c.val
		}
	}
	// What is too big for the CSV reader is too big here too.
	n := len(rec)
	for n > 0 && rec[n-1] == "" {
		n--
	}
	if n > s.lim.MaxColumns {
		return nil, &ParseError{Line: s.row, Err: data.Errorf("%w: the row has values in %d columns, more than %d, the most read",
			ErrColumns, n, s.lim.MaxColumns)}
	}
	for j, v := range rec {
		if len(v) > s.lim.MaxFieldSize {
			return nil, &ParseError{Line: s.row, Err: data.Errorf("%w: cell %s, value %q, is longer than %s, the longest field read",
				ErrFieldSize, cellName(j, s.row), truncate(v, 40), FormatSize(int64(s.lim.MaxFieldSize)))}
		}
	}
	if s.fields == nil {
		return rec, nil
	}
	for i := range s.cells {
		c := &s.cells[i]
		if c.col >= len(s.fields) || c.col >= len(rec) && c.badIndex == "" {
			continue
		}
		if v, ok := s.check(c); ok {
			rec[c.col] = v
		}
	}
	return rec, nil
}

// setFields tells the source the canonical column name of each header position, so that it
// can check data cells against the types the sheet stores.
func (s *xlsxSource) setFields(fields []string) { s.fields = fields }

// check looks at cell c of the current row and returns the text to read in place of its
// value, when that differs: a date serial in a date column becomes yyyy-mm-dd, an error value
// (#N/A) becomes blank with a note, a boolean reads TRUE or FALSE. A formula without a stored
// value gets a note: the workbook was saved by a program that does not calculate, and the
// value Excel would show is not in the file.
func (s *xlsxSource) check(c *sheetCell) (string, bool) {
	v := c.val
	if v == "" {
		switch {
		case c.badIndex != "":
			s.last = append(s.last, cellNote{c.col, data.KindStructure, c.badIndex,
				data.Msgf("the cell refers to a shared string the workbook does not have (the file is damaged); treated as blank")})
		case c.formula && c.from != "":
			s.last = append(s.last, cellNote{c.col, data.KindFormula, "=" + c.formulaText,
				data.Msgf("the cell holds a formula, shared with cell %s (whose text is the value shown), with no saved value (the workbook was saved by a program that does not calculate); open and save it in Excel or LibreOffice; treated as blank", c.from)})
		case c.formula:
			s.last = append(s.last, cellNote{c.col, data.KindFormula, "=" + c.formulaText,
				data.Msgf("the cell holds a formula with no saved value (the workbook was saved by a program that does not calculate); open and save it in Excel or LibreOffice; treated as blank")})
		}
		return "", false
	}
	field := s.fields[c.col]
	switch c.typ {
	case "s", "inlineStr":
	case "e":
		s.last = append(s.last, cellNote{c.col, data.KindFormula, v, data.Msgf("the cell holds an error value; treated as blank")})
		return "", true
	case "b":
		if v == "1" {
			return "TRUE", true
		}
		return "FALSE", true
	case "d":
		// An ISO 8601 date cell: the day is what counts.
		if dateFields[field] {
			if i := strings.IndexByte(v, 'T'); i > 0 {
				return v[:i], true
			}
		}
	default: // a number, a formula's text, or a type no sheet should have, read as excelize reads it
		switch {
		case dateFields[field]:
			// A number in a date column is a date serial, when it is one of a plausible year;
			// any other number is read as its text would be (2019 is the year 2019).
			if d, err := data.ParseDateWith(v, data.DateOptions{Serial: true, Date1904: s.date1904}); err == nil && data.IsDateSerial(v) {
				return d.String(), true
			}
		case field == data.ColRecords:
			// A count stored as 4.1355E4, or as 41354.9999999 by a formula, is a whole number.
			if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 0 && f < 1e18 && math.Abs(f-math.Round(f)) < 1e-6 {
				return strconv.FormatInt(int64(math.Round(f)), 10), true
			}
		}
	}
	return "", false
}

func (s *xlsxSource) notes() []cellNote { return s.last }

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// findPart returns the archive's part name, matched as excelize matches it (case and
// backslashes aside), or nil.
func findPart(zr *zip.Reader, name string) *zip.File {
	for _, f := range zr.File {
		if strings.EqualFold(strings.ReplaceAll(f.Name, "\\", "/"), name) {
			return f
		}
	}
	return nil
}

// parts names the archive parts a sheet is read from.
type parts struct{ sheet, sst string }

// workbookParts returns the archive parts of the sheet named sheet in the workbook raw and of
// the shared strings, found as excelize finds them: the workbook part that _rels/.rels names
// (xl/workbook.xml when it names none), then the relationships beside it.
func workbookParts(raw []byte, sheet string) (parts, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return parts{}, err
	}
	read := func(name string, v any) error {
		zf := findPart(zr, name)
		if zf == nil {
			return data.Errorf("no part %s", name)
		}
		rc, err := zf.Open()
		if err != nil {
			return err
		}
		defer rc.Close()
		d := xml.NewDecoder(rc)
		d.CharsetReader = charset.NewReaderLabel
		return d.Decode(v)
	}
	type relationships struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	// target resolves a relationship's target against the directory of the part it is from.
	target := func(dir, t string) string {
		t = strings.ReplaceAll(t, "\\", "/")
		if a, ok := strings.CutPrefix(t, "/"); ok {
			return path.Clean(a)
		}
		return path.Join(dir, t)
	}
	wbPath := "xl/workbook.xml"
	var root relationships
	if read("_rels/.rels", &root) == nil {
		for _, r := range root.Rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wbPath = target("", r.Target)
				break
			}
		}
	}
	var wb struct {
		Sheets []struct {
			Name string     `xml:"name,attr"`
			Attr []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := read(wbPath, &wb); err != nil {
		return parts{}, err
	}
	id := ""
	for _, sh := range wb.Sheets {
		if sh.Name != sheet {
			continue
		}
		for _, a := range sh.Attr {
			if a.Name.Local == "id" {
				id = a.Value
			}
		}
	}
	dir, base := path.Split(wbPath)
	var rels relationships
	if err := read(dir+"_rels/"+base+".rels", &rels); err != nil {
		return parts{}, err
	}
	p := parts{sst: path.Join(dir, "sharedStrings.xml")}
	for _, r := range rels.Rels {
		if strings.HasSuffix(r.Type, "/sharedStrings") {
			p.sst = target(strings.TrimSuffix(dir, "/"), r.Target)
		}
	}
	for _, r := range rels.Rels {
		if r.ID == id && id != "" {
			p.sheet = target(strings.TrimSuffix(dir, "/"), r.Target)
			return p, nil
		}
	}
	return parts{}, data.Errorf("no relationship for sheet %q", sheet)
}

func (s *xlsxSource) line(int) int { return s.row }

func (s *xlsxSource) setWidth(int) {}

// text returns the row's cells joined by commas: a sheet's row has no text of its own.
func (s *xlsxSource) text(rec []string) string { return strings.Join(rec, ",") }

// fit pads a row to the header's width (a sheet does not store the empty cells at the end
// of a row) and drops empty cells beyond it; a value beyond the header's last column does
// not fit.
func (s *xlsxSource) fit(rec []string, width int) ([]string, data.Msg, bool) {
	for j := width; j < len(rec); j++ {
		if strings.TrimSpace(rec[j]) != "" {
			cell, _ := excelize.CoordinatesToCellName(j+1, s.row)
			last, _ := excelize.ColumnNumberToName(width)
			return nil, data.Msgf("cell %s holds a value beyond the header's last column, %s", cell, last), false
		}
	}
	if len(rec) > width {
		rec = rec[:width]
	}
	for len(rec) < width {
		rec = append(rec, "")
	}
	return rec, data.Msg{}, true
}

func (s *xlsxSource) close() { s.sheet.close() }

// isWorkbook reports whether head starts like an .xlsx workbook.
func isWorkbook(head []byte) bool { return bytes.HasPrefix(head, zipMagic) }

// cellName returns the A1-style name of column j (0-based) on sheet row row.
func cellName(j, row int) string {
	c, err := excelize.CoordinatesToCellName(j+1, row)
	if err != nil {
		return strconv.Itoa(j + 1)
	}
	return c
}
