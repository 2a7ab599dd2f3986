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
	f     *excelize.File
	sheet string
	rows  *excelize.Rows
	row   int // the sheet row of the last record, 1-based
	// date1904 is true when the workbook counts dates from 1904.
	date1904 bool
	// fields holds the canonical column name of each position once the header is known
	// (see setFields); data cells are then checked against the type the sheet stores.
	fields []string
	last   []cellNote
	lim    Limits
	// raw is the workbook as read, for checking the sheet's XML (see verify), and part the
	// sheet's name in the archive.
	raw  []byte
	part string
	// verified holds verify's result, once it has run.
	verified error
	done     bool
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
	rows, err := f.Rows(sheet)
	if err != nil {
		f.Close()
		return nil, "", &ParseError{Err: data.Errorf("%w: sheet %q cannot be read: %v", ErrSheet, sheet, err)}
	}
	date1904 := false
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		date1904 = *props.Date1904
	}
	part, err := sheetPart(raw.Bytes(), sheet)
	if err != nil {
		rows.Close()
		return fail(data.Errorf("%w: sheet %q cannot be found in the archive (%v)", ErrWorkbook, sheet, err))
	}
	return &xlsxSource{f: f, sheet: sheet, rows: rows, date1904: date1904, lim: opts.Limits, raw: raw.Bytes(), part: part}, sheet, nil
}

func (s *xlsxSource) next() ([]string, error) {
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return nil, s.damaged(err)
		}
		// The iterator also ends at damaged XML, without an error: the end must be the
		// sheet's own.
		if err := s.verify(); err != nil {
			return nil, err
		}
		return nil, io.EOF
	}
	s.row++
	s.last = s.last[:0]
	rec, err := s.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, s.damaged(err)
	}
	// excelize has read the row; what is too big for the CSV reader is too big here too.
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
	for j := 0; j < len(s.fields); j++ {
		v := ""
		if j < len(rec) {
			v = rec[j]
		}
		v2, ok, err := s.check(j, v)
		if err != nil {
			return nil, s.damaged(err)
		}
		if ok {
			rec[j] = v2
		}
	}
	return rec, nil
}

// setFields tells the source the canonical column name of each header position, so that it
// can check data cells against the types the sheet stores.
func (s *xlsxSource) setFields(fields []string) { s.fields = fields }

// check looks at cell j of the current row, whose stored value is v, and returns the text to
// read in its place, when that differs: a date serial in a date column becomes yyyy-mm-dd,
// an error value (#N/A) becomes blank with a note, a boolean reads TRUE or FALSE. A formula
// without a stored value gets a note: the workbook was saved by a program that does not
// calculate, and the value Excel would show is not in the file.
func (s *xlsxSource) check(j int, v string) (string, bool, error) {
	cell := cellName(j, s.row)
	if v == "" {
		// The iterator reads a shared string the workbook does not have as blank.
		if _, err := s.f.GetCellValue(s.sheet, cell); err != nil {
			idx, ok := strings.CutPrefix(err.Error(), "invalid shared string index ")
			if !ok {
				return "", false, err
			}
			s.last = append(s.last, cellNote{j, data.KindStructure, idx,
				data.Msgf("the cell refers to a shared string the workbook does not have (the file is damaged); treated as blank")})
			return "", false, nil
		}
		formula, err := s.f.GetCellFormula(s.sheet, cell)
		if err != nil {
			return "", false, err
		}
		if formula != "" {
			s.last = append(s.last, cellNote{j, data.KindFormula, "=" + formula,
				data.Msgf("the cell holds a formula with no saved value (the workbook was saved by a program that does not calculate); open and save it in Excel or LibreOffice; treated as blank")})
		}
		return "", false, nil
	}
	typ, err := s.f.GetCellType(s.sheet, cell)
	if err != nil {
		return "", false, err
	}
	field := s.fields[j]
	switch typ {
	case excelize.CellTypeError:
		s.last = append(s.last, cellNote{j, data.KindFormula, v, data.Msgf("the cell holds an error value; treated as blank")})
		return "", true, nil
	case excelize.CellTypeBool:
		if v == "1" {
			return "TRUE", true, nil
		}
		return "FALSE", true, nil
	case excelize.CellTypeDate:
		// An ISO 8601 date cell (t="d"): the day is what counts.
		if dateFields[field] {
			if i := strings.IndexByte(v, 'T'); i > 0 {
				return v[:i], true, nil
			}
		}
	case excelize.CellTypeUnset, excelize.CellTypeNumber, excelize.CellTypeFormula:
		switch {
		case dateFields[field]:
			// A number in a date column is a date serial, when it is one of a plausible year;
			// any other number is read as its text would be (2019 is the year 2019).
			if d, err := data.ParseDateWith(v, data.DateOptions{Serial: true, Date1904: s.date1904}); err == nil && data.IsDateSerial(v) {
				return d.String(), true, nil
			}
		case field == data.ColRecords:
			// A count stored as 4.1355E4, or as 41354.9999999 by a formula, is a whole number.
			if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 0 && f < 1e18 && math.Abs(f-math.Round(f)) < 1e-6 {
				return strconv.FormatInt(int64(math.Round(f)), 10), true, nil
			}
		}
	}
	return "", false, nil
}

func (s *xlsxSource) notes() []cellNote { return s.last }

// damaged returns the error for err, met while reading the sheet: where the sheet's XML is
// damaged, when verify finds it, or err at the current row. excelize reports some damage
// only when it parses the whole sheet, at the first cell it looks up, rows before it.
func (s *xlsxSource) damaged(err error) error {
	if v := s.verify(); v != nil {
		return v
	}
	var pe *ParseError
	if errors.As(err, &pe) {
		return pe
	}
	return &ParseError{Line: s.row, Err: data.Errorf("%w: the sheet cannot be read (%v)", ErrWorkbook, err)}
}

// verify reads the sheet's XML from the archive, as a stream, and returns a *ParseError at
// the sheet's row where it is damaged: XML that does not parse, a part that does not inflate
// to its stated size, a row past the last a sheet has or out of order, a cell reference that
// is no cell.
func (s *xlsxSource) verify() error {
	if s.done {
		return s.verified
	}
	s.done = true
	s.verified = verifySheet(s.raw, s.part)
	return s.verified
}

// verifySheet checks the XML of the archive part named part of the workbook raw.
func verifySheet(raw []byte, part string) error {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return &ParseError{Err: data.Errorf("%w: %v", ErrWorkbook, err)}
	}
	zf := findPart(zr, part)
	if zf == nil {
		return &ParseError{Err: data.Errorf("%w: the archive has no part %s", ErrWorkbook, part)}
	}
	rc, err := zf.Open()
	if err != nil {
		return &ParseError{Err: data.Errorf("%w: part %s cannot be read (%v)", ErrWorkbook, part, err)}
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	d.CharsetReader = charset.NewReaderLabel
	row, inRow := 0, false
	damage := func(line int, m any) error {
		return &ParseError{Line: line, Err: data.Errorf("%w: the sheet is damaged at this row (%v); the rows before it can be read, not the rest: open and save the workbook in Excel or LibreOffice, or export the sheet as CSV", ErrWorkbook, m)}
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			line := row
			if !inRow {
				line = row + 1
			}
			var se *xml.SyntaxError
			if !errors.As(err, &se) {
				// A read error: the part does not inflate to the size and checksum it states.
				return damage(line, data.Msgf("the archive's part %s does not inflate as its header says: %v", part, err))
			}
			return damage(line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				n := row + 1
				if v := attr(t, "r"); v != "" {
					if n, err = strconv.Atoi(v); err != nil || n < 1 {
						return damage(row+1, data.Msgf("the row number %q is no number", v))
					}
				}
				if n > excelize.TotalRows {
					return damage(n, data.Msgf("a sheet has %d rows at most", excelize.TotalRows))
				}
				// excelize numbers the rows by their order: out of order, they would be
				// read under the wrong numbers.
				if n <= row {
					return damage(n, data.Msgf("the row comes after row %d; a sheet's rows are in order", row))
				}
				row, inRow = n, true
			case "c":
				if v := attr(t, "r"); v != "" {
					if _, _, err := excelize.CellNameToCoordinates(v); err != nil {
						return damage(row, data.Msgf("the cell reference %q is no cell", v))
					}
				}
			}
		case xml.EndElement:
			if t.Name.Local == "row" {
				inRow = false
			}
		}
	}
}

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

// sheetPart returns the archive part of the sheet named sheet in the workbook raw, found as
// excelize finds it: the workbook part that _rels/.rels names (xl/workbook.xml when it names
// none), then the sheet's relationship beside it.
func sheetPart(raw []byte, sheet string) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return "", err
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
		return "", err
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
		return "", err
	}
	for _, r := range rels.Rels {
		if r.ID == id && id != "" {
			return target(strings.TrimSuffix(dir, "/"), r.Target), nil
		}
	}
	return "", data.Errorf("no relationship for sheet %q", sheet)
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

func (s *xlsxSource) close() {
	s.rows.Close()
	s.f.Close()
}

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
