package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// zipMagic starts every .xlsx workbook (a zip archive).
var zipMagic = []byte("PK\x03\x04")

// ErrWorkbook wraps the error for input that starts like a workbook but cannot be opened.
var ErrWorkbook = errors.New("not a readable .xlsx workbook")

// ErrSheet wraps the errors about choosing the sheet of a workbook, for errors.Is.
var ErrSheet = errors.New("no sheet to read")

// xlsxSource reads the rows of one workbook sheet, with cell values as stored: a date cell
// gives its serial number, which the date fields read as a date (DateOptions.Serial).
type xlsxSource struct {
	f    *excelize.File
	rows *excelize.Rows
	row  int // the sheet row of the last record, 1-based
}

// openWorkbook opens an .xlsx workbook from r and the sheet to read: opts.Sheet, or the
// workbook's only sheet. It returns the source, the sheet's name and whether the workbook
// counts dates from 1904.
func openWorkbook(r io.Reader, opts Options) (*xlsxSource, string, bool, error) {
	if opts.Encoding != "" || opts.Delimiter != 0 {
		return nil, "", false, &ParseError{Err: fmt.Errorf("%w: the input is an .xlsx workbook; an encoding or delimiter applies to CSV input only", ErrEncoding)}
	}
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, "", false, &ParseError{Err: fmt.Errorf("%w: the input starts like an .xlsx workbook but cannot be opened as one (%v); save it again from Excel, or as CSV", ErrWorkbook, err)}
	}
	names := f.GetSheetList()
	sheet := ""
	switch {
	case opts.Sheet != "":
		want := normalizeHeader(opts.Sheet)
		for _, n := range names {
			if n == opts.Sheet || (sheet == "" && normalizeHeader(n) == want) {
				sheet = n
			}
		}
		if sheet == "" {
			f.Close()
			return nil, "", false, &ParseError{Err: fmt.Errorf("%w: the workbook has no sheet %q; its sheets are %s", ErrSheet, opts.Sheet, quoteList(names))}
		}
	case len(names) == 1:
		sheet = names[0]
	default:
		f.Close()
		return nil, "", false, &ParseError{Err: fmt.Errorf("%w: the workbook has %d sheets (%s); name the one to read with --sheet", ErrSheet, len(names), quoteList(names))}
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		f.Close()
		return nil, "", false, &ParseError{Err: fmt.Errorf("%w: sheet %q cannot be read: %v", ErrSheet, sheet, err)}
	}
	date1904 := false
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		date1904 = *props.Date1904
	}
	return &xlsxSource{f: f, rows: rows}, sheet, date1904, nil
}

func (s *xlsxSource) next() ([]string, error) {
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return nil, err
		}
		return nil, io.EOF
	}
	s.row++
	return s.rows.Columns(excelize.Options{RawCellValue: true})
}

func (s *xlsxSource) line(int) int { return s.row }

func (s *xlsxSource) marks() []mark { return nil }

// fit pads a row to the header's width (a sheet does not store the empty cells at the end
// of a row) and drops empty cells beyond it; a value beyond the header's last column does
// not fit.
func (s *xlsxSource) fit(rec []string, width int) ([]string, string, bool) {
	for j := width; j < len(rec); j++ {
		if strings.TrimSpace(rec[j]) != "" {
			cell, _ := excelize.CoordinatesToCellName(j+1, s.row)
			last, _ := excelize.ColumnNumberToName(width)
			return nil, fmt.Sprintf("cell %s holds a value beyond the header's last column, %s", cell, last), false
		}
	}
	if len(rec) > width {
		rec = rec[:width]
	}
	for len(rec) < width {
		rec = append(rec, "")
	}
	return rec, "", true
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
