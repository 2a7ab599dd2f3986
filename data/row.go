package data

import (
	"fmt"
	"strings"
)

// toScope converts a decoded row into a Scope. It returns the issues found, and ok false
// when the row cannot be used at all (its one Rejected issue says why).
func (row *csvRow) toScope(cfg *rowConfig) (Scope, []Issue, bool) {
	layout := cfg.layout
	line, fieldLines := row.Line, row.FieldLines
	// lineOf returns the physical line where a field starts: the row's line unless the
	// row spans several lines.
	lineOf := func(col string) int {
		if j, ok := layout.index[col]; ok && j < len(fieldLines) {
			return fieldLines[j]
		}
		return line
	}

	var issues []Issue
	warn := func(kind Kind, col, val, msg string) {
		issues = append(issues, Issue{Kind: kind, Severity: Warning, Line: lineOf(col), Column: col, Value: val, Message: msg})
	}
	sc := Scope{
		Line:         line,
		IncidentID:   strings.TrimSpace(row.IncidentID),
		Organization: strings.TrimSpace(row.Organization),
		Service:      strings.TrimSpace(row.Service),
		Industry:     strings.TrimSpace(row.Industry),
		Cause:        strings.TrimSpace(row.Cause),
		RecordType:   ParseRecordType(row.RecordType),
		SourceURL:    strings.TrimSpace(row.SourceURL),
		Notes:        strings.TrimSpace(row.Notes),
		Extra:        row.Extra,
	}
	if sc.Organization == "" {
		return Scope{}, []Issue{{Kind: KindRequired, Severity: Rejected, Line: lineOf(ColOrganization), Column: ColOrganization, Value: row.Organization,
			Message: "organization is required"}}, false
	}
	c, ok := ParseCertainty(row.Certainty)
	sc.Certainty = c
	if !ok {
		warn(KindCertainty, ColCertainty, row.Certainty, "certainty must be confirmed or suspected (確定/確認 or 可能性/疑い/恐れ); counted as unknown certainty")
	}
	n, err := ParseCount(row.Records)
	if err != nil {
		warn(KindCount, ColRecords, row.Records, err.Error()+"; records treated as unknown")
	}
	sc.Records = n
	dates := [...]struct {
		col string
		raw string
	}{
		{ColExposureStart, row.ExposureStart},
		{ColExposureEnd, row.ExposureEnd},
		{ColDetected, row.Detected},
		{ColContained, row.Contained},
		{ColDisclosed, row.Disclosed},
	}
	var parsed [len(dates)]Date
	for i, d := range dates {
		v, err := ParseDateWith(d.raw, cfg.dateOpts[i])
		if err != nil {
			warn(KindDate, d.col, d.raw, err.Error()+"; date treated as unknown")
			continue
		}
		parsed[i] = v
		if v.Known() && !v.IsDay() {
			warn(KindPartialDate, d.col, d.raw, fmt.Sprintf("date known only to the %s (%s): figures that need the day are left blank", precisionName(v.Precision()), v))
		}
	}
	sc.ExposureStart, sc.ExposureEnd, sc.Detected, sc.Contained, sc.Disclosed = parsed[0], parsed[1], parsed[2], parsed[3], parsed[4]
	if sc.IncidentID == "" {
		sc.IDDerived = true
		if sc.Disclosed.Known() {
			sc.IncidentID = sc.Organization + " " + sc.Disclosed.String()
		} else {
			sc.IncidentID = fmt.Sprintf("%s (line %d)", sc.Organization, line)
			warn(KindIncidentID, ColIncidentID, "", "no incident_id and no disclosed date to group by: the row is an incident of its own")
		}
	}
	for i := range issues {
		issues[i].IncidentID = sc.IncidentID
	}
	return sc, issues, true
}

func precisionName(p Precision) string {
	if p == PrecisionYear {
		return "year"
	}
	return "month"
}
