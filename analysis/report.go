package analysis

import (
	"sort"
	"time"

	"breachreport/data"
)

// Report is everything the renderers show: the figures of every incident, their aggregates,
// the incidents chosen for side-by-side comparison, and the accounting of the input rows.
// main builds it; charts and reports only read it.
type Report struct {
	// Input names the input file as the user gave it (or data.SampleName); InputSHA256 is
	// the hex SHA-256 of its bytes.
	Input       string
	InputSHA256 string
	// Generated is the generation time shown in the outputs.
	Generated time.Time

	// RowsRead = RowsUsed + RowsRejected. RowsBlank rows were skipped and are not read.
	RowsRead, RowsUsed, RowsRejected, RowsBlank int

	Incidents []IncidentFigures
	Summary   Summary
	Compare   []IncidentFigures
	// Issues are every data issue, rejected rows and warnings, sorted by line.
	Issues []data.Issue
	// ExtraColumns are the headers of the input's columns outside the schema, as written;
	// each scope's Extra holds its values of them.
	ExtraColumns []string
}

// Warnings counts the issues that did not reject a row.
func (r Report) Warnings() int {
	n := 0
	for _, is := range r.Issues {
		if is.Severity == data.Warning {
			n++
		}
	}
	return n
}

// NewReport groups the scopes read into incidents, computes every figure and aggregate,
// and gathers every issue (the reader's, the grouping's and the figures') with its column
// located in the file and sorted by line. The caller fills in Input, InputSHA256, Generated
// and Compare.
func NewReport(res *data.Result) Report {
	incidents, groupIssues := data.Group(res.Scopes)
	figs, figIssues := Analyze(incidents)
	issues := make([]data.Issue, 0, len(res.Issues)+len(groupIssues)+len(figIssues))
	issues = append(append(append(issues, res.Issues...), groupIssues...), figIssues...)
	res.Layout.Locate(issues)
	// The order within a line is meaningful (reader, then grouping, then figures).
	sort.SliceStable(issues, func(i, j int) bool { return issues[i].Line < issues[j].Line })
	return Report{
		RowsRead:     res.RowsRead,
		RowsUsed:     len(res.Scopes),
		RowsRejected: res.RowsRejected,
		RowsBlank:    res.RowsBlank,
		Incidents:    figs,
		Summary:      Summarize(figs),
		Issues:       issues,
		ExtraColumns: res.Layout.Extra(),
	}
}
