package data

import (
	"math"
	"time"
)

// Precision says how much of a Date the input stated.
type Precision int8

// The precisions. PrecisionNone marks an unknown date.
const (
	PrecisionNone Precision = iota
	PrecisionYear
	PrecisionMonth
	PrecisionDay
)

// Date is a calendar date with no time of day and no time zone, as breach write-ups give them,
// known to the day, the month or the year. The zero value is an unknown date.
//
// A Date is 8 bytes with no pointer, so that the garbage collector need not scan the
// millions of them a large report holds. Make one with NewDate, DateOf or ParseDate.
type Date struct {
	// day is the number of days from 1970-01-01 to the first day of the date's period: the
	// date itself, the first of its month or the first of January of its year. It is 0
	// when the date is unknown.
	day  int32
	prec Precision
}

// Int returns d as one integer, its day number times 4 plus its precision, for compact
// storage; DateFromInt gives d back.
func (d Date) Int() int64 { return int64(d.day)*4 + int64(d.prec) }

// DateFromInt returns the Date whose Int is v.
func DateFromInt(v int64) Date { return Date{day: int32(v >> 2), prec: Precision(v & 3)} }

// secondsPerDay is the length of every day in UTC.
const secondsPerDay = 24 * 60 * 60

// NewDate returns the day-precision Date y-m-d. Like time.Date it normalises out-of-range
// months and days: NewDate(2019, 2, 29) is 2019-03-01.
func NewDate(y int, m time.Month, d int) Date {
	return Date{day: dayNumber(y, m, d), prec: PrecisionDay}
}

// DateOf returns the Date of precision p of the calendar day t falls on in t's own location:
// with PrecisionMonth the first day of that month, with PrecisionYear the first of January
// of that year, and with PrecisionNone (or any value that is no Precision) the unknown date.
func DateOf(t time.Time, p Precision) Date {
	if p <= PrecisionNone || p > PrecisionDay {
		return Date{}
	}
	y, m, d := t.Date()
	if p < PrecisionDay {
		d = 1
	}
	if p < PrecisionMonth {
		m = time.January
	}
	return Date{day: dayNumber(y, m, d), prec: p}
}

// dayNumber returns the number of days from 1970-01-01 to y-m-d in the proleptic Gregorian
// calendar (negative before 1970), normalising months and days as time.Date does. Days
// beyond the reach of an int32 (about 5.8 million years either way) are clamped to it.
func dayNumber(y int, m time.Month, d int) int32 {
	// Bring the month into 1 … 12, carrying whole years.
	mo := int64(m) - 1
	yy := int64(y) + mo/12
	if mo %= 12; mo < 0 {
		mo += 12
		yy--
	}
	mo++
	// Howard Hinnant's days_from_civil: a year that starts on 1 March puts the leap day
	// last; an era is 400 years, 146097 days. The day enters linearly, so days outside the
	// month simply count on.
	if mo <= 2 {
		yy--
	}
	era := yy / 400
	if yy < 0 && yy%400 != 0 {
		era--
	}
	yoe := yy - era*400
	mp := (mo + 9) % 12
	doy := (153*mp+2)/5 + int64(d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	n := era*146097 + doe - 719468
	return int32(max(math.MinInt32, min(math.MaxInt32, n)))
}

// Precision returns how much of d the input stated.
func (d Date) Precision() Precision { return d.prec }

// Time returns midnight UTC of the date, or of the first day of its month or year for a
// partial date; it is the zero time when the date is unknown.
func (d Date) Time() time.Time {
	if d.prec == PrecisionNone {
		return time.Time{}
	}
	return time.Unix(int64(d.day)*secondsPerDay, 0).UTC()
}

// Known reports whether the input stated the date at all.
func (d Date) Known() bool { return d.prec != PrecisionNone }

// IsDay reports whether the date is known to the day, so that day counts can use it.
func (d Date) IsDay() bool { return d.prec == PrecisionDay }

// String formats d as yyyy-mm-dd (yyyy-mm or yyyy for partial dates), or "" when unknown.
func (d Date) String() string {
	switch d.prec {
	case PrecisionDay:
		return d.Time().Format("2006-01-02")
	case PrecisionMonth:
		return d.Time().Format("2006-01")
	case PrecisionYear:
		return d.Time().Format("2006")
	}
	return ""
}

// Equal reports whether d and e state the same date with the same precision.
func (d Date) Equal(e Date) bool { return d == e }

// Before reports whether the first day of d comes before the first day of e. An unknown
// date counts as its Time, the zero time 0001-01-01, so it comes before every date of the
// years ParseDate reads.
func (d Date) Before(e Date) bool { return d.key() < e.key() }

// After reports whether the first day of d comes after the first day of e. An unknown date
// counts as its Time, the zero time 0001-01-01, as in Before.
func (d Date) After(e Date) bool { return d.key() > e.key() }

// zeroTimeDay is the day number of 0001-01-01, the day of the zero time.
const zeroTimeDay = -719162

// key is the day number d is ordered by: that of its first day, or of the zero time when d
// is unknown.
func (d Date) key() int32 {
	if d.prec == PrecisionNone {
		return zeroTimeDay
	}
	return d.day
}

// AddDays returns the day-precision date n days after the first day of d (before it when
// n < 0). The unknown date stays unknown.
func (d Date) AddDays(n int) Date {
	if d.prec == PrecisionNone {
		return Date{}
	}
	return Date{day: int32(max(math.MinInt32, min(math.MaxInt32, int64(d.day)+int64(n)))), prec: PrecisionDay}
}

// DaysUntil returns the elapsed days from d to e (e minus d, no +1) and true, or 0 and false
// when either date is not known to the day.
func (d Date) DaysUntil(e Date) (int, bool) {
	if !d.IsDay() || !e.IsDay() {
		return 0, false
	}
	return int(e.day) - int(d.day), true
}
