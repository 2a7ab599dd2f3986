package analysis

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"breachreport/data"
	"breachreport/input"
)

// mergeShown is how many characters of a differing value a merge warning shows: enough to
// tell two values apart, short enough for a long description to stay one line.
const mergeShown = 60

// scopeText gives a scope's value of each canonical column a merge warning compares, as
// text. Columns not here (the JNSA factors, the incident id) are not compared.
var scopeText = []struct {
	col string
	get func(*data.Scope) string
}{
	{data.ColOrganization, func(s *data.Scope) string { return s.Organization }},
	{data.ColService, func(s *data.Scope) string { return s.Service }},
	{data.ColIndustry, func(s *data.Scope) string { return s.Industry }},
	{data.ColCause, func(s *data.Scope) string { return s.Cause }},
	{data.ColRecordType, func(s *data.Scope) string { return string(s.RecordType) }},
	{data.ColCertainty, func(s *data.Scope) string { return s.Certainty.String() }},
	{data.ColRecords, func(s *data.Scope) string {
		if s.Records.Written != "" {
			return s.Records.Written
		}
		return s.Records.String()
	}},
	{data.ColExposureStart, func(s *data.Scope) string { return s.ExposureStart.String() }},
	{data.ColExposureEnd, func(s *data.Scope) string { return s.ExposureEnd.String() }},
	{data.ColDetected, func(s *data.Scope) string { return s.Detected.String() }},
	{data.ColContained, func(s *data.Scope) string { return s.Contained.String() }},
	{data.ColDisclosed, func(s *data.Scope) string { return s.Disclosed.String() }},
	{data.ColSourceURL, func(s *data.Scope) string { return s.SourceURL }},
	{data.ColNotes, func(s *data.Scope) string { return s.Notes }},
	{data.ColDataItems, func(s *data.Scope) string { return strings.Join(s.DataItems, ", ") }},
	{data.ColVendor, func(s *data.Scope) string { return s.Vendor }},
	{data.ColReportedPreliminary, func(s *data.Scope) string { return s.ReportedPreliminary.String() }},
	{data.ColReportedFinal, func(s *data.Scope) string { return s.ReportedFinal.String() }},
}

// mergeIssues returns one warning for each incident of several rows that a mapping's joined
// id made of rows differing in a column other than the id's: a file such as the HHS export
// has no id, and one entity's two reports of one day are then one incident whose counts are
// added up. The warning names the rows' lines, the id, the columns in which they differ and
// each row's value there.
func mergeIssues(incidents Figures, layout input.Layout, idColumns []string) []data.Issue {
	if len(idColumns) == 0 {
		return nil
	}
	inID := map[string]bool{}
	for _, h := range idColumns {
		inID[h] = true
	}
	type column struct {
		header string
		get    func(*data.Scope) string
	}
	var cols []column
	for _, c := range scopeText {
		if h := layout.HeaderOf(c.col); h != "" && !inID[strings.TrimSpace(h)] {
			cols = append(cols, column{h, c.get})
		}
	}
	for i, h := range layout.Extra() {
		if !inID[strings.TrimSpace(h)] {
			cols = append(cols, column{h, func(s *data.Scope) string {
				if i < len(s.Extra) {
					return s.Extra[i]
				}
				return ""
			}})
		}
	}
	var issues []data.Issue
	for _, f := range incidents {
		in := &f.Incident
		if len(in.Scopes) < 2 {
			continue
		}
		var differ []any
		for _, c := range cols {
			first := c.get(&in.Scopes[0])
			same := true
			for k := 1; k < len(in.Scopes) && same; k++ {
				same = c.get(&in.Scopes[k]) == first
			}
			if same {
				continue
			}
			vals := make(data.List, len(in.Scopes))
			for k := range in.Scopes {
				sc := &in.Scopes[k]
				vals[k] = data.Msgf("%q on line %d", shorten(c.get(sc)), sc.Line)
			}
			differ = append(differ, data.Msgf("%s (%v)", c.header, vals))
		}
		if len(differ) == 0 {
			continue
		}
		lines := make(data.List, len(in.Scopes))
		for k := range in.Scopes {
			lines[k] = strconv.Itoa(in.Scopes[k].Line)
		}
		ids := make(data.List, len(idColumns))
		for k, h := range idColumns {
			ids[k] = strconv.Quote(h)
		}
		issues = append(issues, data.Issue{Kind: data.KindConflict, Severity: data.Warning, Line: in.Scopes[0].Line, Value: in.ID, IncidentID: in.ID,
			Message: data.Msgf("lines %v give the same incident id %q, made by the mapping from %v, so they are read as one incident and their counts added up; but they differ in %v. If they are separate reports, map incident_id = { each_row = true }",
				lines, in.ID, ids, data.List(differ))})
	}
	return issues
}

// shorten cuts s to mergeShown characters, marking the cut with "…".
func shorten(s string) string {
	if utf8.RuneCountInString(s) <= mergeShown {
		return s
	}
	n := 0
	for i := range s {
		if n == mergeShown {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
