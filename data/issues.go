package data

import (
	"fmt"
	"strings"
)

// Severity says what a data issue did to its row.
type Severity int

// The severities.
const (
	// Warning: the row was used; the field named is treated as unknown, or a figure that
	// depends on it is left blank.
	Warning Severity = iota
	// Rejected: the row could not be used and is left out of every figure.
	Rejected
)

// String returns "warning" or "rejected".
func (s Severity) String() string {
	if s == Rejected {
		return "rejected"
	}
	return "warning"
}

// Kind names what sort of problem an Issue is, so that reports can group them.
type Kind string

// The kinds of issue.
const (
	KindStructure     Kind = "structure"     // wrong number of fields, broken quoting
	KindEncoding      Kind = "encoding"      // bytes that do not decode
	KindRequired      Kind = "required"      // a required field is blank
	KindDate          Kind = "date"          // a date that does not parse
	KindDateOrder     Kind = "date-order"    // a date such as 02/04/2021, month and day either way round
	KindPartialDate   Kind = "partial-date"  // a date known only to the month or year
	KindCount         Kind = "count"         // a count that does not parse
	KindCertainty     Kind = "certainty"     // a certainty that is neither confirmed nor suspected
	KindIncidentID    Kind = "incident-id"   // no way to group the row with others
	KindConflict      Kind = "conflict"      // rows of one incident disagree
	KindContradiction Kind = "contradiction" // dates contradict each other
	KindFormula       Kind = "formula"       // a workbook cell with an error value or an uncalculated formula
	KindControlChar   Kind = "control-char"  // control characters (C0, DEL, C1, bidi), removed from the text
	// KindTotalRow is a row that adds up the rows above it (合計, Total): it is left out of
	// every figure and counted with the rejected rows, but its issue is a warning, since
	// nothing in it is lost.
	KindTotalRow Kind = "total-row"
	// KindHeader is rows above the header, a title or notes, skipped.
	KindHeader Kind = "header"
	// KindFactor is a JNSA model factor (jnsa_ep …) that cannot be read.
	KindFactor Kind = "factor"
)

// Kinds returns every kind in the order reports list them.
func Kinds() []Kind {
	return []Kind{KindHeader, KindStructure, KindEncoding, KindControlChar, KindFormula, KindTotalRow, KindRequired, KindDate, KindDateOrder, KindPartialDate, KindCount,
		KindCertainty, KindFactor, KindIncidentID, KindConflict, KindContradiction}
}

// Issue is one problem found in the input or in its figures. Issues are values collected
// alongside the records; they never stop a run.
type Issue struct {
	Kind     Kind
	Severity Severity
	// Line is the physical line of the file (1-based); 0 when the issue is not tied to a line.
	Line int
	// Column is the canonical name of the column (see Columns); "" when the issue concerns
	// a whole row.
	Column string
	// Header is the column's header as written in the file, and ColumnIndex its 1-based
	// position; they are filled by Layout.Locate and are empty when the file lacks the column.
	Header      string
	ColumnIndex int
	// Sheet is the workbook sheet the issue is on, whose rows are then the lines, and Cell
	// the A1-style cell (C5) when the column is known; both are "" for CSV input.
	Sheet string
	Cell  string
	// Value is the offending text as read.
	Value string
	// IncidentID names the incident the issue belongs to, when known.
	IncidentID string
	// Message says what is wrong, lower-case, without a trailing period; i18n renders it in
	// either language.
	Message Msg
}

// String formats the issue as `line 3, column exposure_end (10), value "x": message`, naming
// the column by its header as written when Layout.Locate has filled it in.
func (is Issue) String() string {
	var b strings.Builder
	switch {
	case is.Line > 0 && is.Sheet != "":
		fmt.Fprintf(&b, "sheet %q row %d", is.Sheet, is.Line)
	case is.Line > 0:
		fmt.Fprintf(&b, "line %d", is.Line)
	}
	if is.Column != "" {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		name := is.Column
		if is.Header != "" {
			name = is.Header
		}
		fmt.Fprintf(&b, "column %s", name)
		if is.Cell != "" {
			fmt.Fprintf(&b, " (cell %s)", is.Cell)
		} else if is.ColumnIndex > 0 {
			fmt.Fprintf(&b, " (%d)", is.ColumnIndex)
		}
	}
	if is.Column != "" || is.Value != "" {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`value "` + Shown(is.Value) + `"`)
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(is.Message.String())
	return b.String()
}

// Sentinel errors wrapped by the parsers, for errors.Is.
var (
	ErrNotDate = Errorf("not a date")
	// ErrDateOrder is a date whose month and day could be either way round (02/04/2021):
	// the order is never guessed. It reads as, and is, ErrNotDate.
	ErrDateOrder error = &Error{Msg: Msg{Format: "not a date"}, err: fmt.Errorf("%w", ErrNotDate)}
	ErrDateRange       = Errorf("date out of range")
	ErrNotCount        = Errorf("not a count")
	ErrNegative        = Errorf("negative count")
)
