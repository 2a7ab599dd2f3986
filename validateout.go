package main

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
)

// issueRow is one issue as validate --format json and --format csv write it: the JSON
// object's keys and the CSV table's columns are the same, in the same order.
type issueRow struct {
	Kind        data.Kind `json:"kind" csv:"kind"`
	Severity    string    `json:"severity" csv:"severity"`
	Line        blankZero `json:"line,omitempty" csv:"line"`
	Column      string    `json:"column,omitempty" csv:"column"`
	Header      string    `json:"header,omitempty" csv:"header"`
	ColumnIndex blankZero `json:"column_index,omitempty" csv:"column_index"`
	Sheet       string    `json:"sheet,omitempty" csv:"sheet"`
	Cell        string    `json:"cell,omitempty" csv:"cell"`
	Value       string    `json:"value" csv:"value"`
	IncidentID  string    `json:"incident_id,omitempty" csv:"incident_id"`
	Message     string    `json:"message" csv:"message"`
}

// blankZero is a number that is 0 when not known (an issue's line or column position): JSON
// leaves it out (omitempty) and a CSV cell leaves it empty.
type blankZero int

// MarshalCSV writes n in decimal, or nothing when it is 0 (gocsv.TypeMarshaller).
func (n blankZero) MarshalCSV() (string, error) {
	if n == 0 {
		return "", nil
	}
	return strconv.Itoa(int(n)), nil
}

// rowOf is the issueRow of is, whose message is msg, rendered. Its value is valid UTF-8, as
// JSON needs, with the control characters left for JSON to escape; record escapes them.
func rowOf(is data.Issue, msg string) issueRow {
	return issueRow{
		Kind: is.Kind, Severity: is.Severity.String(), Line: blankZero(is.Line), Column: is.Column,
		Header: is.Header, ColumnIndex: blankZero(is.ColumnIndex), Sheet: is.Sheet, Cell: is.Cell,
		Value: data.ValidUTF8(is.Value), IncidentID: is.IncidentID, Message: msg,
	}
}

// record is r as a row of the CSV table, in the order of issueCSVHeader, its value's control
// characters escaped: a spreadsheet shows them as nothing, or breaks on them.
func (r issueRow) record() []string {
	line, _ := r.Line.MarshalCSV()
	col, _ := r.ColumnIndex.MarshalCSV()
	return []string{string(r.Kind), r.Severity, line, r.Column, r.Header, col, r.Sheet, r.Cell, data.ShownInCell(r.Value), r.IncidentID, r.Message}
}

// issueCSVHeader is the CSV table's header: issueRow's csv tags, in order.
var issueCSVHeader = []string{"kind", "severity", "line", "column", "header", "column_index", "sheet", "cell", "value", "incident_id", "message"}

// issueSource hands every issue to fn, in the order validate lists them.
type issueSource func(fn func(issueRow) error) error

// heldIssues is the issues rep holds as validate lists them: grouped by kind in the order
// of data.Kinds, each kind's in line order, their messages in language l.
func heldIssues(rep analysis.Report, l i18n.Lang) issueSource {
	return func(fn func(issueRow) error) error {
		for _, g := range groupIssues(rep.Issues) {
			for _, is := range g.issues {
				if err := fn(rowOf(is, i18n.Sprint(l, is.Message))); err != nil {
					return err
				}
			}
		}
		return nil
	}
}

// utf8BOM is the byte-order mark that tells Excel a CSV file is UTF-8; without it Excel reads
// the file in the system's code page (Shift_JIS on Japanese Windows) and garbles Japanese.
const utf8BOM = "\uFEFF"

// writeValidationCSV writes every issue of issues as a CSV table for spreadsheets: a UTF-8
// byte-order mark, a header row of the issueRow columns, then one row per issue in the
// order of --format text and json, with CRLF line ends. Every cell is made inert (see
// inertCell). The accounting is not in the table: the caller prints it elsewhere.
func writeValidationCSV(w io.Writer, issues issueSource) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	iw := &inertCSVWriter{Writer: cw}
	if err := iw.Write(issueCSVHeader); err != nil {
		return err
	}
	if err := issues(func(r issueRow) error { return iw.Write(r.record()) }); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// inertCSVWriter is a gocsv.CSVWriter that writes each record through a csv.Writer with
// every field passed through inertCell.
type inertCSVWriter struct {
	*csv.Writer
	rec []string
}

// Write writes rec with each field made inert; rec itself is left as it was.
func (w *inertCSVWriter) Write(rec []string) error {
	w.rec = w.rec[:0]
	for _, v := range rec {
		w.rec = append(w.rec, inertCell(v))
	}
	return w.Writer.Write(w.rec)
}

// formulaStarts are the characters that make a spreadsheet read a cell of a CSV file as a
// formula (=, +, -, @), and tab, which some skip before looking for one: with carriage
// returns, which inertCell takes out, the same set that no CSV the tool writes may start a
// cell with (TestWrittenCSVIsSafe).
const formulaStarts = "=+-@\t"

// inertCell returns v as a CSV cell that a spreadsheet shows as text and never runs.
//
// Carriage returns are taken out: line breaks in a value are LF, which the CSV writer writes
// as CRLF and a reader reads back as LF (with UseCRLF, encoding/csv drops a lone CR anyway).
// A value that then starts with one of formulaStarts gets a single quote in front ('=1+2,
// '-4), the usual guard against CSV injection, and so does a value that starts with a quote
// itself, so that the guard can always be undone: the value of a cell is the cell with its
// first character taken off when that is a quote, and the cell itself otherwise. Any other
// value is returned as it is.
func inertCell(v string) string {
	v = strings.ReplaceAll(v, "\r", "")
	if v != "" && (v[0] == '\'' || strings.IndexByte(formulaStarts, v[0]) >= 0) {
		return "'" + v
	}
	return v
}
