package slides

import (
	"strings"
	"time"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
)

// The deck writes numbers, dates and periods in the one style of i18n/format.go: counts in
// the short form (120万件) in sentences and in full (1,200,000件) in tables.

// num writes n with grouped digits: 43,961.
func num(n int) string { return i18n.Digits(int64(n)) }

// count writes a record count in a sentence: 4.4万件, 約4万件; 44K records.
func (d *deck) count(c data.Count) string { return i18n.RecordsShort(c, d.l) }

// cellCount writes a record count in a table cell: 43,961件, 約1,200件; in English the
// number alone (the header names the unit), after "about", "at least" or "up to".
func (d *deck) cellCount(c data.Count) string {
	s := i18n.Records(c, d.l)
	if d.l == i18n.En && c.Known {
		s = strings.TrimSuffix(strings.TrimSuffix(s, " records"), " record")
	}
	return s
}

func (d *deck) days(n int) string { return i18n.Days(n, d.l) }

func (d *deck) daysF(x float64) string { return i18n.MedianDays(x, d.l) }

// dateOf writes a day in text: 2019年6月4日; June 4, 2019.
func (d *deck) dateOf(y, m, day int) string {
	return i18n.Date(data.NewDate(y, time.Month(m), day), d.l)
}

func (d *deck) dateText(x data.Date) string {
	if !x.Known() {
		return d.t(lUnknown)
	}
	return i18n.Date(x, d.l)
}

func (d *deck) cellDate(x data.Date) string {
	if !x.Known() {
		return d.t(lUnknown)
	}
	return i18n.DateCell(x, d.l)
}

func (d *deck) month(m analysis.Month) string { return i18n.MonthName(m, d.l) }

// The charts' number formats: the full count, with its unit in Japanese. The native
// charts keep every digit: the short form is a division no Excel number format makes.
func (d *deck) countFmt() string {
	if d.l == i18n.Ja {
		return `#,##0"件"`
	}
	return `#,##0`
}

func (d *deck) yenFmt() string {
	if d.l == i18n.Ja {
		return `#,##0"円"`
	}
	return `"¥"#,##0`
}

func (d *deck) daysFmt() string {
	if d.l == i18n.Ja {
		return `#,##0"日"`
	}
	return `#,##0`
}

func (d *deck) incidentsFmt() string { return d.countFmt() }
