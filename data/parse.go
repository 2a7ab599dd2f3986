package data

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// MinYear is the earliest year a date may have: no breach record predates it.
const MinYear = 1970

var (
	// dateISO matches yyyy-m-d and yyyy/m/d (one or two digits for month and day).
	dateISO = regexp.MustCompile(`^(\d{4})([-/])(\d{1,2})([-/])(\d{1,2})$`)
	// dateKanji matches yyyy年m月d日.
	dateKanji = regexp.MustCompile(`^(\d{4})年(\d{1,2})月(\d{1,2})日$`)
)

// ParseDate reads one date. All date parsing in breachreport goes through here.
//
// Accepted forms: yyyy-mm-dd, yyyy/m/d and yyyy年m月d日. Blank text gives the unknown
// Date and no error. Anything else, an impossible calendar date such as 2019-02-30, or a
// year outside MinYear … maxYear is an error wrapping ErrNotDate or ErrDateRange; the text
// is never guessed at.
func ParseDate(s string, maxYear int) (Date, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return Date{}, nil
	}
	var ys, ms, ds string
	if m := dateISO.FindStringSubmatch(t); m != nil {
		if m[2] != m[4] {
			return Date{}, fmt.Errorf("%w: mixed separators %q and %q", ErrNotDate, m[2], m[4])
		}
		ys, ms, ds = m[1], m[3], m[5]
	} else if m := dateKanji.FindStringSubmatch(t); m != nil {
		ys, ms, ds = m[1], m[2], m[3]
	} else {
		return Date{}, fmt.Errorf("%w: expected yyyy-mm-dd, yyyy/m/d or yyyy年m月d日", ErrNotDate)
	}
	y, _ := strconv.Atoi(ys)
	mo, _ := strconv.Atoi(ms)
	d, _ := strconv.Atoi(ds)
	if mo < 1 || mo > 12 {
		return Date{}, fmt.Errorf("%w: month %d does not exist", ErrNotDate, mo)
	}
	tm := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if d < 1 || tm.Day() != d {
		return Date{}, fmt.Errorf("%w: %s has no day %d", ErrNotDate, time.Month(mo), d)
	}
	if y < MinYear || y > maxYear {
		return Date{}, fmt.Errorf("%w: year %d is outside %d…%d", ErrDateRange, y, MinYear, maxYear)
	}
	return Date{Time: tm, Precision: PrecisionDay}, nil
}

var (
	countPlain   = regexp.MustCompile(`^\d+$`)
	countGrouped = regexp.MustCompile(`^\d{1,3}(,\d{3})+$`)
)

// unknownCountWords are the values that state a count is unknown, like a blank.
var unknownCountWords = map[string]bool{"不明": true, "unknown": true, "unkn": true, "-": true, "n/a": true}

// ParseCount reads a number of records: digits, optionally grouped by thousands with commas
// (41355 or 41,355). Blank text and the words 不明, unknown, UNKN, n/a and "-" give an
// unknown Count and no error; blank never means 0. Negative numbers, decimals, badly grouped
// digits and any other text are errors wrapping ErrNegative or ErrNotCount.
func ParseCount(s string) (Count, error) {
	t := strings.TrimSpace(s)
	if t == "" || unknownCountWords[strings.ToLower(t)] {
		return Count{}, nil
	}
	if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "−") {
		return Count{}, fmt.Errorf("%w: a number of records cannot be below zero", ErrNegative)
	}
	switch {
	case countPlain.MatchString(t):
	case countGrouped.MatchString(t):
		t = strings.ReplaceAll(t, ",", "")
	case strings.ContainsAny(t, "."):
		return Count{}, fmt.Errorf("%w: a number of records must be a whole number", ErrNotCount)
	default:
		return Count{}, fmt.Errorf("%w: expected digits such as 41355 or 41,355", ErrNotCount)
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil {
		return Count{}, fmt.Errorf("%w: too large", ErrNotCount)
	}
	return KnownCount(n), nil
}
