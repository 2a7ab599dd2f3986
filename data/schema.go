// Package data is breachreport's vocabulary: incidents and their scopes, dates and counts as
// the input states them, the issues found in an input, and the parsers of single values
// (dates, counts, certainties, record types). Reading whole inputs is package input's job.
package data

import (
	"fmt"
	"strings"
)

// RecordType is the kind of data a scope exposed. The four well-known kinds have constants;
// any other text from the input is kept as it is.
type RecordType string

// The well-known record types.
const (
	Personal RecordType = "personal"
	Card     RecordType = "card"
	Account  RecordType = "account"
	Other    RecordType = "other"
)

// Certainty says whether a scope's exposure is confirmed or only suspected.
type Certainty int

// The certainties. CertaintyUnknown is used only when the input gave a value that is neither;
// a blank certainty means Confirmed, as the schema documents.
const (
	Confirmed Certainty = iota
	Suspected
	CertaintyUnknown
)

// String returns the canonical English name of c: "confirmed", "suspected" or "unknown".
func (c Certainty) String() string {
	switch c {
	case Confirmed:
		return "confirmed"
	case Suspected:
		return "suspected"
	default:
		return "unknown"
	}
}

// Count is a number of records that may be unknown. The zero value is unknown, never 0.
type Count struct {
	N     int64
	Known bool
	// Approx marks a count the source gave as approximate (約4万件), or a sum that includes one.
	Approx bool
}

// KnownCount returns a known Count of n.
func KnownCount(n int64) Count { return Count{N: n, Known: true} }

// String formats c as digits, with a leading ≈ when approximate, or "" when unknown.
func (c Count) String() string {
	if !c.Known {
		return ""
	}
	if c.Approx {
		return fmt.Sprintf("≈%d", c.N)
	}
	return fmt.Sprintf("%d", c.N)
}

// Scope is one input row: one kind of data exposed in one incident, with its own count,
// certainty and exposure window, plus the incident-level fields the row repeats.
type Scope struct {
	// Line is the physical line of the file where the row starts (the header is line 1
	// in a file without blank lines or multi-line fields before it).
	Line int
	// IncidentID is the incident_id column, or the default built from organization and
	// disclosed when that column is blank (IDDerived is then true).
	IncidentID string
	IDDerived  bool

	Organization string
	Service      string
	Industry     string
	Cause        string
	RecordType   RecordType
	Certainty    Certainty
	Records      Count

	ExposureStart Date
	ExposureEnd   Date
	Detected      Date
	Contained     Date
	Disclosed     Date

	SourceURL string
	Notes     string
	// Extra holds the row's values of the columns outside the schema, in the order of
	// Layout.Extra; nil when the file has none.
	Extra []string
}

// Incident groups the scopes that share an incident id. Its incident-level fields are those
// every scope agreed on; a field the scopes disagree on is left unknown (and reported).
type Incident struct {
	ID           string
	Organization string
	Service      string
	Industry     string
	Cause        string
	Detected     Date
	Contained    Date
	Disclosed    Date
	// SourceURLs are the distinct source URLs of the scopes, in input order.
	SourceURLs []string
	// Scopes are in input order.
	Scopes []Scope
}

// Label returns a short human name for the incident: its organization, and its service
// when one is given.
func (in Incident) Label() string {
	if in.Service != "" && !strings.Contains(in.Organization, in.Service) {
		return in.Organization + " / " + in.Service
	}
	return in.Organization
}

// FirstLine returns the line of the incident's first scope.
func (in Incident) FirstLine() int {
	if len(in.Scopes) == 0 {
		return 0
	}
	return in.Scopes[0].Line
}
