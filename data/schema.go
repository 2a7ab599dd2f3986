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
	// Approx marks a count the source gave as approximate (約4万件, 1.2万件), or a sum that
	// includes one.
	Approx bool
	// Bound says whether N is a bound the source stated (3万件以上, 最大3万5千件) rather than
	// the count itself, or whether a sum includes such a bound.
	Bound Bound
	// Written is the count as the input wrote it, kept when that was more than ASCII digits
	// (grouped by commas or not), so a report can show it beside the number; "" otherwise.
	Written string
}

// Bound says which side of the true count a Count's N lies on.
type Bound int8

// The bounds. BoundNone, the zero value, means N is the count (exact or approximate).
const (
	BoundNone Bound = iota
	// AtLeast: the count is N or more (3万件以上, 3万件超, 30,000+).
	AtLeast
	// AtMost: the count is N or fewer (最大3万5千件, up to 35,000).
	AtMost
	// BothBounds: a sum of at-least and at-most counts, so N is neither bound; it is shown
	// as approximate.
	BothBounds
)

// KnownCount returns a known Count of n.
func KnownCount(n int64) Count { return Count{N: n, Known: true} }

// Prefix returns the sign shown before a known count's number: "≥" for at least, "≤" for
// at most, "≈" for approximate or a sum of both kinds of bound, "" for exact. A bound wins over approximate, being the
// stronger statement about which way the count may be off.
func (c Count) Prefix() string {
	switch {
	case !c.Known:
		return ""
	case c.Bound == AtLeast:
		return "≥"
	case c.Bound == AtMost:
		return "≤"
	case c.Approx || c.Bound == BothBounds:
		return "≈"
	}
	return ""
}

// Add returns the sum of two known counts. The sum is approximate when either part is, and
// a bound when either part is one: at least plus exact is at least. A sum of an at-least and
// an at-most count bounds the total neither way (BothBounds).
func (c Count) Add(d Count) Count {
	sum := Count{N: c.N + d.N, Known: true, Approx: c.Approx || d.Approx}
	switch {
	case c.Bound == d.Bound || d.Bound == BoundNone:
		sum.Bound = c.Bound
	case c.Bound == BoundNone:
		sum.Bound = d.Bound
	default:
		sum.Bound = BothBounds
	}
	return sum
}

// String formats c as digits after its Prefix, or "" when unknown.
func (c Count) String() string {
	if !c.Known {
		return ""
	}
	return fmt.Sprintf("%s%d", c.Prefix(), c.N)
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

	// DataItems are the items the announcement lists (氏名, クレジットカード番号 …), as
	// SplitItems reads them; nil when not given.
	DataItems []string
	// Vendor is the contractor (委託先) the breach happened at, when one is named.
	Vendor string
	// ReportedPreliminary and ReportedFinal are the days the 速報 and the 確報 went to the
	// Personal Information Protection Commission.
	ReportedPreliminary Date
	ReportedFinal       Date
	// JNSA holds the JNSA model's factors the input sets for the scope; zero fields are not
	// set.
	JNSA JNSAFactors

	// Extra holds the row's values of the columns outside the schema, in the order of
	// Layout.Extra; nil when the file has none.
	Extra []string

	// DatesWritten holds the scope's dates as the input wrote them, in the order of
	// DateColumns, where one is written otherwise than in its own form (Date.String): an
	// export's 11/18/2021 12:00:00 AM for 2021-11-18. It is nil when none is, and "" for each
	// date written in its own form. Issues show dates as written (see DateText).
	DatesWritten []string
}

// DateColumns are the date columns of a Scope, in the order of its DatesWritten.
var DateColumns = [...]string{ColExposureStart, ColExposureEnd, ColDetected, ColContained, ColDisclosed, ColReportedPreliminary, ColReportedFinal}

// Date returns the scope's date of the date column col; the unknown date for another column.
func (sc *Scope) Date(col string) Date {
	switch col {
	case ColExposureStart:
		return sc.ExposureStart
	case ColExposureEnd:
		return sc.ExposureEnd
	case ColDetected:
		return sc.Detected
	case ColContained:
		return sc.Contained
	case ColDisclosed:
		return sc.Disclosed
	case ColReportedPreliminary:
		return sc.ReportedPreliminary
	case ColReportedFinal:
		return sc.ReportedFinal
	}
	return Date{}
}

// DateText returns the scope's date of the date column col as the input wrote it: the text
// DatesWritten holds, else the date's own form ("" when it is unknown).
func (sc *Scope) DateText(col string) string {
	if sc.DatesWritten != nil {
		for i, c := range DateColumns {
			if c == col && i < len(sc.DatesWritten) && sc.DatesWritten[i] != "" {
				return sc.DatesWritten[i]
			}
		}
	}
	return sc.Date(col).String()
}

// WrittenInOwnForm reports whether text, the date d was read from, is written in d's own
// form (Date.String: yyyy-mm-dd, yyyy-mm or yyyy), spaces around it aside, so that a scope
// need not keep it. It looks at the text's shape only, as every date of every row passes
// here: a date of that shape that parses is written as it reads.
func WrittenInOwnForm(text string, d Date) bool {
	t := strings.TrimSpace(text)
	digits := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return true
	}
	switch d.Precision() {
	case PrecisionDay:
		return len(t) == 10 && t[4] == '-' && t[7] == '-' && digits(t[:4]) && digits(t[5:7]) && digits(t[8:])
	case PrecisionMonth:
		return len(t) == 7 && t[4] == '-' && digits(t[:4]) && digits(t[5:])
	case PrecisionYear:
		return len(t) == 4 && digits(t)
	}
	return true
}

// JNSAFactors are the factors of the JNSA damage model as the input states them for a
// scope, overriding those the model would take; 0 is not stated.
type JNSAFactors struct {
	// EPX and EPY are the 精神的苦痛 and 経済的損失 levels (1–3) of the EP map.
	EPX, EPY int
	// Identifiability is 本人特定容易度 (1, 3 or 6), Social 社会的責任度 (1 or 2) and
	// Response 事後対応評価 (1 or 2).
	Identifiability, Social, Response int
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
	Vendor       string
	// ReportedPreliminary and ReportedFinal are the days of the reports to the PPC.
	ReportedPreliminary Date
	ReportedFinal       Date
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
