package input

import (
	"errors"

	"breachreport/data"
)

// Sentinel errors about the header, for errors.Is.
var (
	ErrNoHeader     = data.Errorf("no header row")
	ErrEmpty        = data.Errorf("empty input")
	ErrMissingCol   = data.Errorf("missing required column")
	ErrDuplicateCol = data.Errorf("duplicate column")
	// ErrLayout is wrapped, with ErrMissingCol, when the header names none of the columns:
	// the file is in another layout, to be read through a Mapping.
	ErrLayout = data.Errorf("the header names none of the columns")
	// ErrTwoRowHeader is a header written on two rows: merged cells, or sub-headings.
	ErrTwoRowHeader = data.Errorf("the header is on two rows")
)

// IsDamage reports whether err is damage in a workbook's sheet, met after reading the rows
// above it: a *ParseError wrapping ErrWorkbook, at a row.
func IsDamage(err error) bool {
	pe, ok := err.(*ParseError)
	return ok && pe.Line > 0 && errors.Is(pe.Err, ErrWorkbook)
}

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
	if m := e.Message(); m.Format != "" {
		return m.String()
	}
	return e.Err.Error()
}

// Message is the error's text, for i18n.ErrorText; empty when the error has no place, and
// its text is Err's.
func (e *ParseError) Message() data.Msg {
	switch {
	case e.Sheet != "" && e.Line > 0 && e.Column != "":
		return data.Msgf("sheet %q row %d, column %s: %v", e.Sheet, e.Line, e.Column, e.Err)
	case e.Sheet != "" && e.Line > 0:
		return data.Msgf("sheet %q row %d: %v", e.Sheet, e.Line, e.Err)
	case e.Sheet != "" && e.Column != "":
		return data.Msgf("sheet %q, column %s: %v", e.Sheet, e.Column, e.Err)
	case e.Sheet != "":
		return data.Msgf("sheet %q: %v", e.Sheet, e.Err)
	case e.Line > 0 && e.Column != "":
		return data.Msgf("line %d, column %s: %v", e.Line, e.Column, e.Err)
	case e.Line > 0:
		return data.Msgf("line %d: %v", e.Line, e.Err)
	}
	return data.Msg{}
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }
