// Package analysis computes the figures of breachreport from incident records: records
// exposed, exposure windows and lags per incident, and their aggregates. Its functions are
// pure: no I/O, deterministic order, problems returned as data.Issue values.
package analysis

import (
	"sort"

	"breachreport/data"
)

// Days is a number of elapsed days that may be unknown. The zero value is unknown.
type Days struct {
	N     int
	Known bool
}

// Span is the envelope of a set of exposure windows: earliest start to latest end.
type Span struct {
	Start, End data.Date
	Days       Days
	// Scopes is how many scope windows the span covers; 0 means the span is unknown.
	Scopes int
}

// ScopeFigures are the figures of one input row.
type ScopeFigures struct {
	// Scope points into the incident's Scopes: a scope is held once, however many figures
	// refer to it.
	Scope *data.Scope
	// Window is exposure_start → exposure_end, unknown when either is missing or the end
	// comes before the start.
	Window Days
}

// Bucket is the records of one record type and certainty within an incident (or, in
// Summary, across incidents).
type Bucket struct {
	Type      data.RecordType
	Certainty data.Certainty
	// Records sums the known counts of the bucket's scopes; it is known when at least one is,
	// and approximate, or a bound, when any of them is.
	Records data.Count
	// Scopes is how many scopes fall in the bucket, and Unknown how many of them have no count.
	Scopes  int
	Unknown int
	// Incidents counts, in a Summary's buckets, the incidents whose bucket of this type and
	// certainty has a known count; it is 0 in an incident's own buckets.
	Incidents int
}

// IncidentFigures are the figures of one incident.
type IncidentFigures struct {
	Incident data.Incident
	Scopes   []ScopeFigures
	// Buckets break the records down by record type × certainty, sorted by type then certainty.
	Buckets []Bucket
	// Total is the sum of all scopes' records. It is known only when every scope's count is
	// known: a partial sum is not a total. It adds records of different kinds (people and
	// cards may overlap), so it is always shown beside Buckets.
	Total data.Count
	// WindowConfirmed is the envelope of the confirmed scopes' windows; WindowAll of every scope's.
	WindowConfirmed, WindowAll Span
	// DetectConfirmed and DetectAll are the time to detect: earliest window start (of the
	// confirmed scopes, or of all scopes) → detected.
	DetectConfirmed, DetectAll Days
	// Contain is detected → contained.
	Contain Days
	// Disclose is the detection-to-disclosure lag: detected → disclosed.
	Disclose Days
	// StartToDiscloseConfirmed and StartToDiscloseAll are earliest window start → disclosed.
	StartToDiscloseConfirmed, StartToDiscloseAll Days
}

// Analyze computes the figures of every incident, in the order given, and the issues found
// in them: contradictions (an end before its start, disclosure or containment before
// detection, detection before the exposure began) leave the figure blank and are reported.
func Analyze(incidents []data.Incident) ([]IncidentFigures, []data.Issue) {
	out := make([]IncidentFigures, 0, len(incidents))
	var issues []data.Issue
	for _, in := range incidents {
		f, iss := incidentFigures(in)
		out = append(out, f)
		issues = append(issues, iss...)
	}
	return out, issues
}

func incidentFigures(in data.Incident) (IncidentFigures, []data.Issue) {
	f := IncidentFigures{Incident: in}
	var issues []data.Issue
	warn := func(line int, col, val string, msg data.Msg) {
		issues = append(issues, data.Issue{Kind: data.KindContradiction, Severity: data.Warning, Line: line, Column: col, Value: val, IncidentID: in.ID, Message: msg})
	}

	var total data.Count
	allKnown := len(in.Scopes) > 0
	buckets := map[bucketKey]*Bucket{}
	var earliestConfirmed, earliestAll data.Date
	for i := range in.Scopes {
		sc := &in.Scopes[i]
		sf := ScopeFigures{Scope: sc}
		if n, ok := sc.ExposureStart.DaysUntil(sc.ExposureEnd); ok {
			if n < 0 {
				warn(sc.Line, data.ColExposureEnd, sc.DateText(data.ColExposureEnd),
					data.Msgf("exposure_end %s is before exposure_start %s; the window is left blank", sc.DateText(data.ColExposureEnd), sc.DateText(data.ColExposureStart)))
			} else {
				sf.Window = Days{N: n, Known: true}
				f.WindowAll = widen(f.WindowAll, sc)
				if sc.Certainty == data.Confirmed {
					f.WindowConfirmed = widen(f.WindowConfirmed, sc)
				}
			}
		}
		// A start counts towards time to detect unless its window is contradictory.
		if sc.ExposureStart.IsDay() && (sf.Window.Known || !sc.ExposureEnd.IsDay()) {
			earliestAll = earlier(earliestAll, sc.ExposureStart)
			if sc.Certainty == data.Confirmed {
				earliestConfirmed = earlier(earliestConfirmed, sc.ExposureStart)
			}
		}
		f.Scopes = append(f.Scopes, sf)

		k := bucketKey{sc.RecordType, sc.Certainty}
		b := buckets[k]
		if b == nil {
			b = &Bucket{Type: sc.RecordType, Certainty: sc.Certainty}
			buckets[k] = b
		}
		b.Scopes++
		if sc.Records.Known {
			b.Records = addCount(b.Records, sc.Records)
			total = addCount(total, sc.Records)
		} else {
			b.Unknown++
			allKnown = false
		}
	}
	f.Buckets = sortedBuckets(buckets)
	if allKnown {
		f.Total = total
	}

	// lag returns from → to in days; a negative count is a contradiction, reported on the
	// line and column of the later date, each date as written, and left blank.
	lag := func(from, to data.Date, fromCol string, fromName any, col string, figure data.Msg) Days {
		n, ok := from.DaysUntil(to)
		if !ok {
			return Days{}
		}
		if n < 0 {
			toText, line := written(&in, col, to)
			fromText, _ := written(&in, fromCol, from)
			warn(line, col, toText, data.Msgf("%s %s is before %s %s; %s is left blank", col, toText, fromName, fromText, figure))
			return Days{}
		}
		return Days{N: n, Known: true}
	}
	var (
		startConfirmed = data.Msgf("the earliest exposure_start of the confirmed scopes")
		startAll       = data.Msgf("the earliest exposure_start")
		toStart        = data.Msgf("window start to disclosure")
	)
	const start, detected, prelim = data.ColExposureStart, data.ColDetected, data.ColReportedPreliminary
	f.DetectConfirmed = lag(earliestConfirmed, in.Detected, start, startConfirmed, data.ColDetected, data.Msgf("time to detect"))
	f.DetectAll = lag(earliestAll, in.Detected, start, startAll, data.ColDetected, data.Msgf("time to detect"))
	f.Contain = lag(in.Detected, in.Contained, detected, data.ColDetected, data.ColContained, data.Msgf("time to contain"))
	f.Disclose = lag(in.Detected, in.Disclosed, detected, data.ColDetected, data.ColDisclosed, data.Msgf("the detection-to-disclosure lag"))
	f.StartToDiscloseConfirmed = lag(earliestConfirmed, in.Disclosed, start, startConfirmed, data.ColDisclosed, toStart)
	f.StartToDiscloseAll = lag(earliestAll, in.Disclosed, start, startAll, data.ColDisclosed, toStart)
	// The reports to the PPC: DutyOf counts their days; a contradiction is reported here.
	lag(in.Detected, in.ReportedPreliminary, detected, data.ColDetected, data.ColReportedPreliminary, data.Msgf("the days to the preliminary report"))
	lag(in.Detected, in.ReportedFinal, detected, data.ColDetected, data.ColReportedFinal, data.Msgf("the days to the final report"))
	lag(in.ReportedPreliminary, in.ReportedFinal, prelim, data.ColReportedPreliminary, data.ColReportedFinal, data.Msgf("the order of the reports"))
	return f, dedupe(issues)
}

// written returns the incident's date d of column col as the input wrote it, and the line
// of the first scope that gives it; d's own form and the incident's first line when no
// scope does.
func written(in *data.Incident, col string, d data.Date) (string, int) {
	for i := range in.Scopes {
		if sc := &in.Scopes[i]; sc.Date(col).Equal(d) {
			return sc.DateText(col), sc.Line
		}
	}
	return d.String(), in.FirstLine()
}

type bucketKey struct {
	t data.RecordType
	c data.Certainty
}

func sortedBuckets(m map[bucketKey]*Bucket) []Bucket {
	out := make([]Bucket, 0, len(m))
	for _, b := range m {
		out = append(out, *b)
	}
	sort.Slice(out, func(i, j int) bool { return BucketLess(out[i], out[j]) })
	return out
}

// typeOrder ranks the well-known record types before free-text ones.
var typeOrder = map[data.RecordType]int{data.Personal: 0, data.Card: 1, data.Account: 2, data.Other: 3}

// BucketLess orders buckets: well-known record types first (personal, card, account, other),
// then free-text types alphabetically, blank last; within a type confirmed before suspected.
func BucketLess(a, b Bucket) bool {
	ra, oka := typeOrder[a.Type]
	rb, okb := typeOrder[b.Type]
	if !oka {
		ra = 4
	}
	if !okb {
		rb = 4
	}
	if a.Type == "" {
		ra = 5
	}
	if b.Type == "" {
		rb = 5
	}
	if ra != rb {
		return ra < rb
	}
	if a.Type != b.Type {
		return a.Type < b.Type
	}
	return a.Certainty < b.Certainty
}

// addCount adds a known count to a sum, which stays approximate, or a bound, once any part
// is (see data.Count.Add).
func addCount(sum, c data.Count) data.Count {
	return sum.Add(c)
}

func widen(s Span, sc *data.Scope) Span {
	if s.Scopes == 0 {
		s.Start, s.End = sc.ExposureStart, sc.ExposureEnd
	} else {
		s.Start = earlier(s.Start, sc.ExposureStart)
		if sc.ExposureEnd.After(s.End) {
			s.End = sc.ExposureEnd
		}
	}
	s.Scopes++
	n, _ := s.Start.DaysUntil(s.End)
	s.Days = Days{N: n, Known: true}
	return s
}

func earlier(a, b data.Date) data.Date {
	if !a.IsDay() || b.Before(a) {
		return b
	}
	return a
}

// dedupe drops repeated issues (the same contradiction seen through two figures).
func dedupe(issues []data.Issue) []data.Issue {
	var out []data.Issue
	// The key is the issue without its message, which is not comparable.
	type issueKey struct {
		kind                                data.Kind
		sev                                 data.Severity
		line, colIndex                      int
		col, header, sheet, cell, value, id string
	}
	seen := map[issueKey]bool{}
	for _, is := range issues {
		key := issueKey{is.Kind, is.Severity, is.Line, is.ColumnIndex, is.Column, is.Header, is.Sheet, is.Cell, is.Value, is.IncidentID}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, is)
	}
	return out
}
