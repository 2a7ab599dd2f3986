package input

import (
	"errors"
	"fmt"
)

// Sentinel errors about the header, for errors.Is.
var (
	ErrNoHeader     = errors.New("no header row")
	ErrEmpty        = errors.New("empty input")
	ErrMissingCol   = errors.New("missing required column")
	ErrDuplicateCol = errors.New("duplicate column")
	// ErrLayout is wrapped, with ErrMissingCol, when the header names none of the columns:
	// the file is in another layout, to be read through a Mapping.
	ErrLayout = errors.New("the header names none of the columns")
	// ErrTwoRowHeader is a header written on two rows: merged cells, or sub-headings.
	ErrTwoRowHeader = errors.New("the header is on two rows")
)

// ParseError is a problem that stops reading the file as a whole (for example a header
// without a required column). Problems confined to one row are Issues instead.
type ParseError struct {
	Line   int    // physical line (a workbook sheet's row), 1-based; 0 if not tied to a line
	Column string // header as written, if any
	Sheet  string // the workbook sheet, for .xlsx input
	Err    error
}

// Error formats the error with its line (or sheet and row) and column.
func (e *ParseError) Error() string {
	where := ""
	switch {
	case e.Sheet != "" && e.Line > 0:
		where = fmt.Sprintf("sheet %q row %d", e.Sheet, e.Line)
	case e.Sheet != "":
		where = fmt.Sprintf("sheet %q", e.Sheet)
	case e.Line > 0:
		where = fmt.Sprintf("line %d", e.Line)
	}
	switch {
	case where != "" && e.Column != "":
		return fmt.Sprintf("%s, column %s: %v", where, e.Column, e.Err)
	case where != "":
		return fmt.Sprintf("%s: %v", where, e.Err)
	}
	return e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }
