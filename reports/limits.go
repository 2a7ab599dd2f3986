package reports

import (
	"strconv"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
)

// MaxSheetParts is the most sheets Incidents, Scopes or Data issues continue over: the sheet
// and its continuations "Incidents (2)" … "Incidents (16)".
//
// Excel itself sets no limit on the sheets of a workbook, only on the rows of one sheet
// (1,048,576). The limit here is a practical one: 16 full sheets hold 16,777,200 rows, on
// Scopes alone about 185 million cells (11 columns), a workbook of several gigabytes
// unpacked that Excel needs gigabytes of memory to open, and whose input is already a CSV
// file of about 4 GB at 240 bytes a row (four times the default --max-input-size). Past
// that, a workbook is no longer a report anyone can open; a report on part of the input is.
const MaxSheetParts = 16

// MaxDataRows is the most data rows (rows under the header) one of those sheets holds over
// all its parts: MaxSheetParts sheets of 1,048,575 rows each, the header row being repeated
// on each.
const MaxDataRows = MaxSheetParts * (excelMaxRows - 1)

// TooManyRowsError reports a workbook that would need more rows than MaxDataRows on one
// sheet.
type TooManyRowsError struct {
	// Input names the input, as Report.Input does.
	Input string
	// Sheet is the sheet that would be too long (its English name), and What what its rows
	// are ("incidents", "scope rows", "data issues").
	Sheet, What string
	// Rows is how many data rows the sheet would need; Max the most it holds.
	Rows, Max int
}

// ErrTooManyRows is what every *TooManyRowsError is, for errors.Is.
var ErrTooManyRows = data.Errorf("too many rows for a workbook")

// Is makes every *TooManyRowsError ErrTooManyRows.
func (e *TooManyRowsError) Is(target error) bool { return target == ErrTooManyRows }

func (e *TooManyRowsError) Error() string { return e.Message().String() }

// Message is the error's text, for i18n.ErrorText.
func (e *TooManyRowsError) Message() data.Msg {
	what := map[string]data.Msg{
		"incidents": data.Msgf("incidents"), "scope rows": data.Msgf("scope rows"), "data issues": data.Msgf("data issues"),
	}[e.What]
	var sheet any = e.Sheet
	for _, k := range []label{lSheetIncidents, lSheetScopes, lSheetIssues} {
		if k.in(i18n.En) == e.Sheet {
			sheet = i18n.Text{En: k.in(i18n.En), Ja: k.in(i18n.Ja)}
		}
	}
	return data.Msgf("%s: %s %v, more than the %s rows a workbook holds: the %s sheet continues over at most %d sheets of %s rows; "+
		"report on part of the input or split the file", e.Input, groupThousands(e.Rows), what,
		groupThousands(e.Max), sheet, MaxSheetParts, groupThousands(excelMaxRows-1))
}

// CheckSize returns a *TooManyRowsError when the workbook of rep would need more than limit
// data rows on its Incidents, Scopes or Data issues sheet; limit 0 means MaxDataRows. It
// counts without rendering anything, so that a caller can stop before writing any output.
// Write checks the same, with MaxDataRows.
func CheckSize(rep analysis.Report, limit int) error {
	if limit <= 0 {
		limit = MaxDataRows
	}
	scopes := rep.Summary.Scopes
	for _, s := range []struct {
		sheet label
		what  string
		rows  int
	}{
		{lSheetIncidents, "incidents", rep.Incidents.Len()},
		{lSheetScopes, "scope rows", scopes},
		// The cells cut to Excel's limit add to the issues; they are only known once the
		// sheets are measured, and Write's measuring finds them.
		{lSheetIssues, "data issues", issuesRows(rep, nil)},
	} {
		if s.rows > limit {
			return &TooManyRowsError{Input: rep.Input, Sheet: s.sheet.in(i18n.En), What: s.what, Rows: s.rows, Max: limit}
		}
	}
	return nil
}

// issuesRows counts the data rows of the Data issues sheet: the issues rep and cuts hold,
// and a row for each kind and severity they count past the cap. cuts, the issues only the
// workbook finds, are known once its sheets are measured; nil before.
func issuesRows(rep analysis.Report, cuts *data.IssueLog) int {
	n := len(rep.Issues) + omittedRows(rep.Omitted)
	if cuts != nil {
		n += len(cuts.Issues) + omittedRows(cuts.Omitted)
	}
	return n
}

// checkIssuesRows returns a *TooManyRowsError when the Data issues sheet, with the
// workbook's cuts, would need more than limit data rows; limit 0 means MaxDataRows.
func checkIssuesRows(rep analysis.Report, cuts *data.IssueLog, limit int) error {
	if limit <= 0 {
		limit = MaxDataRows
	}
	if n := issuesRows(rep, cuts); n > limit {
		return &TooManyRowsError{Input: rep.Input, Sheet: lSheetIssues.in(i18n.En), What: "data issues", Rows: n, Max: limit}
	}
	return nil
}

// groupThousands formats n with commas between groups of three digits.
func groupThousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
