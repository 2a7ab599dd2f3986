package input

import (
	"errors"
	"fmt"
	"strings"

	"breachreport/data"
)

// toScope converts a decoded row into a Scope. It returns the issues found, and ok false
// when the row cannot be used at all (its one Rejected issue says why).
func (row *csvRow) toScope(cfg *rowConfig) (data.Scope, []data.Issue, bool) {
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

	var issues []data.Issue
	warn := func(kind data.Kind, col, val string, msg data.Msg) {
		issues = append(issues, data.Issue{Kind: kind, Severity: data.Warning, Line: lineOf(col), Column: col, Value: val, Message: msg})
	}
	// Control characters go from every text an output shows, here where every output's text
	// passes: bidi controls, so that "evil\u202egnp.exe" cannot show as "evilexe.png", and C0
	// and C1 controls, which a workbook cannot hold. The warning shows the text as read; the
	// checks after this one see it without them.
	for _, f := range [...]struct {
		col string
		v   *string
	}{
		{data.ColIncidentID, &row.IncidentID}, {data.ColOrganization, &row.Organization}, {data.ColService, &row.Service},
		{data.ColIndustry, &row.Industry}, {data.ColCause, &row.Cause}, {data.ColRecordType, &row.RecordType},
		{data.ColCertainty, &row.Certainty}, {data.ColRecords, &row.Records}, {data.ColExposureStart, &row.ExposureStart},
		{data.ColExposureEnd, &row.ExposureEnd}, {data.ColDetected, &row.Detected}, {data.ColContained, &row.Contained},
		{data.ColDisclosed, &row.Disclosed}, {data.ColSourceURL, &row.SourceURL}, {data.ColNotes, &row.Notes},
		{data.ColReportedPreliminary, &row.ReportedPreliminary}, {data.ColReportedFinal, &row.ReportedFinal},
		{data.ColDataItems, &row.DataItems}, {data.ColVendor, &row.Vendor}, {data.ColJNSAEP, &row.JNSAEP},
		{data.ColJNSAIdentifiability, &row.JNSAIdentifiability}, {data.ColJNSASocial, &row.JNSASocial}, {data.ColJNSAResponse, &row.JNSAResponse},
	} {
		if clean, found := stripControls(*f.v); found != 0 {
			for _, msg := range found.messages(cfg.encoding, false) {
				warn(data.KindControlChar, f.col, truncate(*f.v, 80), msg)
			}
			*f.v = clean
		}
	}
	extra := row.Extra
	for i, v := range row.Extra {
		clean, found := stripControls(v)
		if found == 0 {
			continue
		}
		if &extra[0] == &row.Extra[0] {
			extra = append([]string(nil), row.Extra...)
		}
		extra[i] = clean
		for _, msg := range found.messages(cfg.encoding, false) {
			is := data.Issue{Kind: data.KindControlChar, Severity: data.Warning, Line: line, Value: truncate(v, 80), Message: msg}
			if i < len(layout.extra) {
				j := layout.extra[i]
				is.Column, is.Header, is.ColumnIndex = layout.Header[j], layout.Header[j], j+1
				if j < len(fieldLines) {
					is.Line = fieldLines[j]
				}
			}
			issues = append(issues, is)
		}
	}
	sc := data.Scope{
		Line:         line,
		IncidentID:   strings.TrimSpace(row.IncidentID),
		Organization: strings.TrimSpace(row.Organization),
		Service:      strings.TrimSpace(row.Service),
		Industry:     strings.TrimSpace(row.Industry),
		Cause:        strings.TrimSpace(row.Cause),
		RecordType:   data.ParseRecordType(row.RecordType),
		SourceURL:    strings.TrimSpace(row.SourceURL),
		Notes:        strings.TrimSpace(row.Notes),
		Extra:        extra,
	}
	if sc.Organization == "" {
		return data.Scope{}, []data.Issue{{Kind: data.KindRequired, Severity: data.Rejected, Line: lineOf(data.ColOrganization), Column: data.ColOrganization, Value: row.Organization,
			Message: data.Msgf("organization is required")}}, false
	}
	c, ok := data.ParseCertainty(row.Certainty)
	sc.Certainty = c
	if !ok {
		warn(data.KindCertainty, data.ColCertainty, row.Certainty, data.Msgf("certainty must be confirmed or suspected (確定/確認 or 可能性/疑い/恐れ); counted as unknown certainty"))
	}
	n, err := data.ParseCount(row.Records)
	if err != nil {
		warn(data.KindCount, data.ColRecords, row.Records, data.Msgf("%v; records treated as unknown", err))
	}
	sc.Records = n
	dates := [...]struct {
		col string
		raw string
	}{
		{data.ColExposureStart, row.ExposureStart},
		{data.ColExposureEnd, row.ExposureEnd},
		{data.ColDetected, row.Detected},
		{data.ColContained, row.Contained},
		{data.ColDisclosed, row.Disclosed},
		{data.ColReportedPreliminary, row.ReportedPreliminary},
		{data.ColReportedFinal, row.ReportedFinal},
	}
	var parsed [len(dates)]data.Date
	for i, d := range dates {
		v, err := data.ParseDateWith(d.raw, cfg.dateOpts[i])
		if err != nil {
			kind := data.KindDate
			if errors.Is(err, data.ErrDateOrder) {
				kind = data.KindDateOrder
			}
			msg := data.Msgf("%v; date treated as unknown", err)
			if cfg.suggestFormat && kind == data.KindDate {
				if l := suggestLayout(d.raw, cfg.dateOpts[i]); l != "" {
					msg = data.Msgf("%v; date treated as unknown (the mapping's date_format = %q would read it)", err, l)
				}
			}
			warn(kind, d.col, d.raw, msg)
			continue
		}
		parsed[i] = v
		if v.Known() && !data.WrittenInOwnForm(d.raw, v) {
			if sc.DatesWritten == nil {
				sc.DatesWritten = make([]string, len(dates))
			}
			sc.DatesWritten[i] = strings.TrimSpace(d.raw)
		}
		if v.Known() && !v.IsDay() {
			msg := data.Msgf("date known only to the month (%s): figures that need the day are left blank", v)
			if v.Precision() == data.PrecisionYear {
				msg = data.Msgf("date known only to the year (%s): figures that need the day are left blank", v)
			}
			warn(data.KindPartialDate, d.col, d.raw, msg)
		}
	}
	sc.ExposureStart, sc.ExposureEnd, sc.Detected, sc.Contained, sc.Disclosed = parsed[0], parsed[1], parsed[2], parsed[3], parsed[4]
	sc.ReportedPreliminary, sc.ReportedFinal = parsed[5], parsed[6]
	issues = row.dutyFields(&sc, lineOf, issues)
	if sc.IncidentID == "" {
		sc.IDDerived = true
		if sc.Disclosed.Known() {
			sc.IncidentID = sc.Organization + " " + sc.Disclosed.String()
		} else {
			sc.IncidentID = fmt.Sprintf("%s (line %d)", sc.Organization, line)
			warn(data.KindIncidentID, data.ColIncidentID, "", data.Msgf("no incident_id and no disclosed date to group by: the row is an incident of its own"))
		}
	}
	for i := range issues {
		issues[i].IncidentID = sc.IncidentID
	}
	return sc, issues, true
}
