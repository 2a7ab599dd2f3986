package data

import (
	"strings"
)

// Group gathers scopes into incidents by incident id, in order of first appearance; rows
// whose id is derived from organization and disclosed date are grouped by Scope.GroupKey,
// so that one organization spelled two ways is one incident. An incident's ID is its first
// scope's.
//
// Organization, detected, contained and disclosed must agree across an incident's scopes
// (blank agrees with anything); organizations are compared as OrgKey compares them, and a
// row that spells the incident's organization otherwise is a Warning naming both spellings,
// and takes the incident's id when its own was derived from that spelling, in scopes too
// when the incident shares its array. A disagreement is a Warning on each disagreeing scope; a
// disputed date is left unknown on the incident, so that no figure rests on a guess, and
// disputed text (organization, service, industry, cause) lists every value given, joined by " / ".
// The incidents' Scopes may share scopes' array: neither is to be changed afterwards.
func Group(scopes []Scope) ([]Incident, []Issue) {
	var (
		incidents []Incident
		issues    []Issue
		pos       = make(map[string]int, len(scopes))
		of        = make([]int, len(scopes)) // the incident of each scope
		counts    []int                      // the scopes of each incident
	)
	for k := range scopes {
		sc := &scopes[k]
		key := sc.GroupKey()
		i, ok := pos[key]
		if !ok {
			i = len(incidents)
			pos[key] = i
			incidents = append(incidents, Incident{ID: sc.IncidentID})
			counts = append(counts, 0)
		}
		of[k] = i
		counts[i]++
	}
	// Every incident's scopes are a slice of one array, in input order within each. When
	// each incident's rows come together in the input, as they usually do, that array is
	// scopes itself; otherwise the scopes are copied into incident order.
	grouped := true
	for k := 1; k < len(of) && grouped; k++ {
		grouped = of[k] >= of[k-1]
	}
	all := scopes
	if !grouped {
		all = make([]Scope, len(scopes))
	}
	start := 0
	for i, n := range counts {
		end := start // the copy below fills the incident's part
		if grouped {
			end = start + n
		}
		incidents[i].Scopes = all[start : end : start+n]
		start += n
	}
	if !grouped {
		for k, sc := range scopes {
			in := &incidents[of[k]]
			in.Scopes = append(in.Scopes, sc)
		}
	}
	for i := range incidents {
		issues = incidents[i].settle(issues)
	}
	return incidents, issues
}

// GroupRun returns the incident of scopes, which all have the same Scope.GroupKey,
// as Group would make it from them, with the issues Group would report on it.
func GroupRun(scopes []Scope) (Incident, []Issue) {
	in := Incident{ID: scopes[0].IncidentID, Scopes: scopes[:len(scopes):len(scopes)]}
	return in, in.settle(nil)
}

// settle sets in's incident-level fields from its scopes, appending the disagreements to issues.
func (in *Incident) settle(issues []Issue) []Issue {
	in.Organization, issues = agreeOrganization(in, issues)
	// A row grouped by another spelling of the organization is named by the incident's id
	// on every sheet, as the rows spelled alike are.
	for i := 1; i < len(in.Scopes); i++ {
		if sc := &in.Scopes[i]; sc.IDDerived && sc.IncidentID != in.ID {
			sc.IncidentID = in.ID
		}
	}
	in.Service, issues = agreeText(in, ColService, func(s *Scope) string { return s.Service }, issues, false)
	in.Industry, issues = agreeText(in, ColIndustry, func(s *Scope) string { return s.Industry }, issues, false)
	in.Cause, issues = agreeText(in, ColCause, func(s *Scope) string { return s.Cause }, issues, false)
	in.Detected, issues = agreeDate(in, ColDetected, func(s *Scope) Date { return s.Detected }, issues)
	in.Contained, issues = agreeDate(in, ColContained, func(s *Scope) Date { return s.Contained }, issues)
	in.Disclosed, issues = agreeDate(in, ColDisclosed, func(s *Scope) Date { return s.Disclosed }, issues)
	in.Vendor, issues = agreeText(in, ColVendor, func(s *Scope) string { return s.Vendor }, issues, false)
	in.ReportedPreliminary, issues = agreeDate(in, ColReportedPreliminary, func(s *Scope) Date { return s.ReportedPreliminary }, issues)
	in.ReportedFinal, issues = agreeDate(in, ColReportedFinal, func(s *Scope) Date { return s.ReportedFinal }, issues)
	if len(in.Scopes) == 1 {
		if u := in.Scopes[0].SourceURL; u != "" {
			in.SourceURLs = []string{u}
		}
		return issues
	}
	seen := map[string]bool{}
	for _, sc := range in.Scopes {
		if sc.SourceURL != "" && !seen[sc.SourceURL] {
			seen[sc.SourceURL] = true
			in.SourceURLs = append(in.SourceURLs, sc.SourceURL)
		}
	}
	return issues
}

// agreeOrganization returns the incident's organization: its first row's spelling when all
// its rows name one organization as OrgKey compares names, with a warning on each row that
// spells it otherwise; else every organization named, joined by " / ", with a warning on
// each row naming another than the first row, as agreeText gives.
func agreeOrganization(in *Incident, issues []Issue) (string, []Issue) {
	first := in.Scopes[0].Organization
	same := true
	for i := 1; i < len(in.Scopes) && same; i++ {
		same = in.Scopes[i].Organization == first
	}
	if same {
		// Most incidents are one row, or rows spelled alike.
		return first, issues
	}
	type spelling struct {
		name string
		line int
	}
	var (
		keys  []string
		byKey = map[string]spelling{}
		rowKs = make([]string, len(in.Scopes))
	)
	for i := range in.Scopes {
		sc := &in.Scopes[i]
		if sc.Organization == "" {
			continue
		}
		k := OrgKey(sc.Organization)
		rowKs[i] = k
		if _, ok := byKey[k]; !ok {
			byKey[k] = spelling{sc.Organization, sc.Line}
			keys = append(keys, k)
		}
	}
	for i := range in.Scopes {
		sc := &in.Scopes[i]
		if sc.Organization == "" {
			continue
		}
		f := byKey[rowKs[i]]
		switch {
		case rowKs[i] != keys[0]:
			f0 := byKey[keys[0]]
			issues = append(issues, Issue{Kind: KindConflict, Severity: Warning, Line: sc.Line, Column: ColOrganization, Value: sc.Organization, IncidentID: in.ID,
				Message: Msgf("incident %q has %s %q on line %d: rows of one incident must agree; the report lists both", in.ID, ColOrganization, f0.name, f0.line)})
		case sc.Organization != f.name:
			issues = append(issues, Issue{Kind: KindConflict, Severity: Warning, Line: sc.Line, Column: ColOrganization, Value: sc.Organization, IncidentID: in.ID,
				Message: Msgf("incident %q has %s %q on line %d, spelled %q here: read as one organization (legal form, spaces and ・ aside), shown as %q",
					in.ID, ColOrganization, f.name, f.line, sc.Organization, f.name)})
		}
	}
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = byKey[k].name
	}
	return strings.Join(names, " / "), issues
}

// agreeText returns the incident's value of a text field: the one non-blank value, or every
// distinct value joined by " / ". When mustAgree, distinct values are warned about.
func agreeText(in *Incident, col string, get func(*Scope) string, issues []Issue, mustAgree bool) (string, []Issue) {
	if len(in.Scopes) == 1 {
		// Nothing to agree with: most incidents are one row.
		return get(&in.Scopes[0]), issues
	}
	var vals []string
	first := map[string]int{}
	for i := range in.Scopes {
		sc := &in.Scopes[i]
		v := get(sc)
		if v == "" {
			continue
		}
		if _, ok := first[v]; !ok {
			first[v] = sc.Line
			vals = append(vals, v)
		}
	}
	if len(vals) > 1 && mustAgree {
		for i := range in.Scopes {
			sc := &in.Scopes[i]
			if v := get(sc); v != "" && v != vals[0] {
				issues = append(issues, Issue{Kind: KindConflict, Severity: Warning, Line: sc.Line, Column: col, Value: v, IncidentID: in.ID,
					Message: Msgf("incident %q has %s %q on line %d: rows of one incident must agree; the report lists both", in.ID, col, vals[0], first[vals[0]])})
			}
		}
	}
	return strings.Join(vals, " / "), issues
}

// agreeDate returns the incident's date for a field: the one date its scopes give, or the
// unknown date (with a warning per disagreeing scope) when they give different ones.
func agreeDate(in *Incident, col string, get func(*Scope) Date, issues []Issue) (Date, []Issue) {
	var (
		got      Date
		gotSc    *Scope
		conflict bool
	)
	for i := range in.Scopes {
		sc := &in.Scopes[i]
		d := get(sc)
		if !d.Known() {
			continue
		}
		if !got.Known() {
			got, gotSc = d, sc
			continue
		}
		if !d.Equal(got) {
			conflict = true
			issues = append(issues, Issue{Kind: KindConflict, Severity: Warning, Line: sc.Line, Column: col, Value: sc.DateText(col), IncidentID: in.ID,
				Message: Msgf("incident %q has %s %s on line %d: rows of one incident must agree, so the incident's %s is left blank", in.ID, col, gotSc.DateText(col), gotSc.Line, col)})
		}
	}
	if conflict {
		return Date{}, issues
	}
	return got, issues
}
