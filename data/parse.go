package data

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// MinYear is the earliest year a date may have: no breach record predates it.
const MinYear = 1970

// DateOrder says how to read the ambiguous numeric forms n/n/yyyy.
type DateOrder int

// The date orders. DateOrderNone, the zero value, reads no n/n/yyyy date at all: 06/04/2019
// is June 4 in the US and 6 April in Europe, and breachreport never guesses which.
const (
	DateOrderNone DateOrder = iota
	DateOrderMDY
	DateOrderDMY
)

// String returns "mdy", "dmy" or "none".
func (o DateOrder) String() string {
	switch o {
	case DateOrderMDY:
		return "mdy"
	case DateOrderDMY:
		return "dmy"
	}
	return "none"
}

// ParseDateOrder reads "mdy" or "dmy" (case-insensitive); "" gives DateOrderNone.
func ParseDateOrder(s string) (DateOrder, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return DateOrderNone, nil
	case "mdy":
		return DateOrderMDY, nil
	case "dmy":
		return DateOrderDMY, nil
	}
	return DateOrderNone, Errorf("date order %q not supported (use mdy or dmy)", s)
}

// DateOptions configure ParseDateWith. The zero value accepts years from MinYear to 9999
// and reads no ambiguous n/n/yyyy dates.
type DateOptions struct {
	// MaxYear is the latest plausible year; 0 means no limit below 9999.
	MaxYear int
	// Order says how to read n/n/yyyy dates (with an optional time such as 12:00:00 AM).
	Order DateOrder
	// Layout, when set, is a Go time layout tried before the built-in forms; a date read
	// with it is known to the day and its time of day is dropped.
	Layout string
	// Serial reads a plain number as an Excel date serial (days since 1899-12-30, or since
	// 1904-01-01 when Date1904), the way a workbook stores a date cell; the fraction, the
	// time of day, is dropped.
	Serial   bool
	Date1904 bool
}

var (
	// dateYMD matches yyyy-m-d, yyyy/m/d and yyyy.m.d (one or two digits for month and day).
	dateYMD = regexp.MustCompile(`^(\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2})$`)
	// dateYM matches the partial yyyy-mm, yyyy/m and yyyy.m.
	dateYM = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})$`)
	// dateY matches a year alone.
	dateY = regexp.MustCompile(`^(\d{4})$`)
	// dateKanji matches yyyy年m月d日, yyyy年m月 and yyyy年 (spaces allowed between parts).
	dateKanji = regexp.MustCompile(`^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?$`)
	// dateEra matches 令和元年6月4日, 平成31年4月30日, R1.6.4, H31.4.30 and their partial forms.
	dateEra = regexp.MustCompile(`^(令和|平成|昭和|[RHS])\s*(元|\d{1,2})\s*(?:年|[./-])(?:\s*(\d{1,2})\s*(?:月|[./-])?(?:\s*(\d{1,2})\s*日?)?)?$`)
	// dateSerial matches an Excel date serial: a plain number, perhaps with a fraction.
	dateSerial = regexp.MustCompile(`^\d{1,7}(\.\d+)?$`)
	// dateNumeric matches the ambiguous n/n/yyyy, with an optional time of day.
	dateNumeric = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$`)
)

// era is a Japanese era: its first day and the day after its last.
type era struct {
	name       string
	start, end time.Time
}

var eras = map[string]era{
	"令和": {"令和", time.Date(2019, 5, 1, 0, 0, 0, 0, time.UTC), time.Time{}},
	"平成": {"平成", time.Date(1989, 1, 8, 0, 0, 0, 0, time.UTC), time.Date(2019, 5, 1, 0, 0, 0, 0, time.UTC)},
	"昭和": {"昭和", time.Date(1926, 12, 25, 0, 0, 0, 0, time.UTC), time.Date(1989, 1, 8, 0, 0, 0, 0, time.UTC)},
}

var eraLetters = map[string]string{"R": "令和", "H": "平成", "S": "昭和"}

// IsDateSerial reports whether s has the form of an Excel date serial: a plain number,
// perhaps with a fraction (whether it is a plausible date is ParseDateWith's to say).
func IsDateSerial(s string) bool { return dateSerial.MatchString(s) }

// ParseDate reads one date with the years limited to MinYear … maxYear and no ambiguous
// n/n/yyyy forms; see ParseDateWith.
func ParseDate(s string, maxYear int) (Date, error) {
	return ParseDateWith(s, DateOptions{MaxYear: maxYear})
}

// ParseDateWith reads one date. All date parsing in breachreport goes through here.
//
// The text is first NFKC-normalised, so full-width digits and punctuation read like ASCII.
// Accepted forms:
//   - yyyy-mm-dd, yyyy/m/d, yyyy.m.d and yyyy年m月d日;
//   - Japanese eras: 令和元年6月4日, 平成31年4月30日, 昭和64年1月7日, R1.6.4, H31.4.30
//     (the date must fall inside the era);
//   - partial dates yyyy-mm, yyyy/m, yyyy年m月, yyyy年, yyyy and their era forms, kept with
//     their precision (month or year);
//   - m/d/yyyy or d/m/yyyy, with an optional time such as 12:00:00 AM that is dropped, only
//     when opt.Order says which;
//   - the Go time layout opt.Layout, when set (tried first);
//   - Excel date serials such as 43620 (2019-06-04), when opt.Serial is set.
//
// Blank text gives the unknown Date and no error. Anything else, an impossible calendar date
// such as 2019-02-30, or a year outside MinYear … opt.MaxYear is an error wrapping ErrNotDate
// or ErrDateRange; the text is never guessed at.
func ParseDateWith(s string, opt DateOptions) (Date, error) {
	maxYear := opt.MaxYear
	if maxYear == 0 {
		maxYear = 9999
	}
	// The common yyyy-mm-dd first, as it is (ASCII digits need no NFKC and hold no space),
	// with no regular expression and no calendar arithmetic.
	var y, mo, d int
	if opt.Layout == "" && isoDay(s, &y, &mo, &d) && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) && y >= MinYear && y <= maxYear {
		return dayOf(y, mo, d), nil
	}
	t := strings.TrimSpace(nfkc(s))
	if t == "" {
		return Date{}, nil
	}
	if opt.Layout == "" && isoDay(t, &y, &mo, &d) && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) && y >= MinYear && y <= maxYear {
		return dayOf(y, mo, d), nil
	}
	if opt.Layout != "" {
		if tm, err := time.Parse(opt.Layout, t); err == nil {
			return checkYear(DateOf(tm, PrecisionDay), maxYear)
		}
	}
	if opt.Serial && dateSerial.MatchString(t) {
		f, err := strconv.ParseFloat(t, 64)
		if err != nil {
			return Date{}, Errorf("%w: %q is not an Excel date serial", ErrNotDate, t)
		}
		tm, err := excelize.ExcelDateToTime(f, opt.Date1904)
		if err != nil {
			return Date{}, Errorf("%w: %q is not an Excel date serial (%v)", ErrNotDate, t, err)
		}
		return checkYear(DateOf(tm, PrecisionDay), maxYear)
	}
	var (
		prec    = PrecisionDay
		eraName string
	)
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	// m holds the submatches of the pattern that matched; each pattern runs once.
	var m []string
	matched := func(re *regexp.Regexp) bool { m = re.FindStringSubmatch(t); return m != nil }
	switch {
	case len(t) == 10 && t[4] == '-' && t[7] == '-' && isoDay(t, &y, &mo, &d):
		// The common yyyy-mm-dd, read without a regular expression.
	case matched(dateYMD):
		if m[2] != m[4] {
			return Date{}, Errorf("%w: mixed separators %q and %q", ErrNotDate, m[2], m[4])
		}
		y, mo, d = atoi(m[1]), atoi(m[3]), atoi(m[5])
	case matched(dateKanji):
		y, mo, d, prec = atoi(m[1]), atoi(m[2]), atoi(m[3]), precisionOf(m[2], m[3])
	case matched(dateYM):
		y, mo, prec = atoi(m[1]), atoi(m[2]), PrecisionMonth
	case matched(dateY):
		y, prec = atoi(t), PrecisionYear
	case matched(dateEra):
		eraName = m[1]
		if full, ok := eraLetters[eraName]; ok {
			eraName = full
		}
		n := 1
		if m[2] != "元" {
			n = atoi(m[2])
		}
		if n < 1 {
			return Date{}, Errorf("%w: %s has no year %d", ErrNotDate, eraName, n)
		}
		y = eras[eraName].start.Year() + n - 1
		mo, d, prec = atoi(m[3]), atoi(m[4]), precisionOf(m[3], m[4])
	case matched(dateNumeric):
		switch opt.Order {
		case DateOrderMDY:
			mo, d = atoi(m[1]), atoi(m[2])
		case DateOrderDMY:
			d, mo = atoi(m[1]), atoi(m[2])
		default:
			return Date{}, Errorf("%w: %s/%s/%s could be month/day or day/month, and the order is not guessed", ErrDateOrder, m[1], m[2], m[3])
		}
		y = atoi(m[3])
		if m[4] != "" && (atoi(m[4]) > 23 || atoi(m[5]) > 59 || (m[7] != "" && (atoi(m[4]) < 1 || atoi(m[4]) > 12))) {
			return Date{}, Errorf("%w: the time of day %s:%s is not a time", ErrNotDate, m[4], m[5])
		}
	default:
		return Date{}, Errorf("%w: expected a date such as 2019-06-04, 2019/6/4, 2019年6月4日 or 令和元年6月4日", ErrNotDate)
	}
	if prec >= PrecisionMonth && (mo < 1 || mo > 12) {
		return Date{}, Errorf("%w: month %d does not exist", ErrNotDate, mo)
	}
	if prec < PrecisionMonth {
		mo = 1
	}
	if prec < PrecisionDay {
		d = 1
	}
	tm := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if d < 1 || tm.Day() != d {
		return Date{}, Errorf("%w: month %d has no day %d", ErrNotDate, mo, d)
	}
	if eraName != "" {
		e := eras[eraName]
		// A partial date must overlap the era; a full date must lie inside it.
		last := tm
		switch prec {
		case PrecisionYear:
			last = tm.AddDate(1, 0, -1)
		case PrecisionMonth:
			last = tm.AddDate(0, 1, -1)
		}
		if last.Before(e.start) || (!e.end.IsZero() && !tm.Before(e.end)) {
			return Date{}, Errorf("%w: %s ran from %s to %s", ErrNotDate, e.name, e.start.Format("2006-01-02"), eraEnd(e))
		}
	}
	return checkYear(DateOf(tm, prec), maxYear)
}

// checkYear returns d, or an error wrapping ErrDateRange when its year is outside
// MinYear … maxYear.
func checkYear(d Date, maxYear int) (Date, error) {
	if y := d.Time().Year(); y < MinYear || y > maxYear {
		return Date{}, Errorf("%w: year %d is outside %d…%d", ErrDateRange, y, MinYear, maxYear)
	}
	return d, nil
}

// daysIn returns the number of days in month mo of year y.
func daysIn(y, mo int) int {
	switch mo {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// nfkc returns s in Unicode NFKC, skipping the work for ASCII text, which NFKC leaves as it is.
func nfkc(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return norm.NFKC.String(s)
		}
	}
	return s
}

// isoDay reads t as yyyy-mm-dd into y, m and d; it reports false when t is not ten bytes
// with hyphens at 4 and 7 and digits elsewhere. Range checks are left to the caller.
func isoDay(t string, y, m, d *int) bool {
	if len(t) != 10 || t[4] != '-' || t[7] != '-' {
		return false
	}
	// Bytes below '0' wrap around to large values, so one comparison checks each digit.
	d0, d1, d2, d3 := t[0]-'0', t[1]-'0', t[2]-'0', t[3]-'0'
	d5, d6, d8, d9 := t[5]-'0', t[6]-'0', t[8]-'0', t[9]-'0'
	if d0 > 9 || d1 > 9 || d2 > 9 || d3 > 9 || d5 > 9 || d6 > 9 || d8 > 9 || d9 > 9 {
		return false
	}
	*y = int(d0)*1000 + int(d1)*100 + int(d2)*10 + int(d3)
	*m = int(d5)*10 + int(d6)
	*d = int(d8)*10 + int(d9)
	return true
}

// firstDays holds the day number (see Date) of the first of every month from January of
// MinYear to December of lastTableYear, for dayOf.
var firstDays = func() []int32 {
	out := make([]int32, 0, (lastTableYear-MinYear+1)*12)
	for y := MinYear; y <= lastTableYear; y++ {
		for m := time.January; m <= time.December; m++ {
			out = append(out, dayNumber(y, m, 1))
		}
	}
	return out
}()

// lastTableYear is the last year of firstDays.
const lastTableYear = 2199

// dayOf returns the Date of y-m-d, a valid calendar day, looking its month up in firstDays
// when it is there.
func dayOf(y, m, d int) Date {
	if y >= MinYear && y <= lastTableYear {
		return Date{day: firstDays[(y-MinYear)*12+m-1] + int32(d-1), prec: PrecisionDay}
	}
	return NewDate(y, time.Month(m), d)
}

// precisionOf is the precision of a date whose month and day parts are given or "".
func precisionOf(month, day string) Precision {
	switch {
	case month == "":
		return PrecisionYear
	case day == "":
		return PrecisionMonth
	}
	return PrecisionDay
}

func eraEnd(e era) string {
	if e.end.IsZero() {
		return "today"
	}
	return e.end.AddDate(0, 0, -1).Format("2006-01-02")
}

var (
	countPlain   = regexp.MustCompile(`^\d+$`)
	countGrouped = regexp.MustCompile(`^\d{1,3}(,\d{3})+$`)
	// countKanji matches Japanese large-number notation such as 4万1,355, 1万2千 or 1億2,000万.
	countKanji = regexp.MustCompile(`^(?:([\d,]+)億)?(?:([\d,]+)万)?(?:(\d+)千)?([\d,]*)$`)
	// countDecimal matches a decimal before a unit of Japanese notation: 1.2万.
	countDecimal = regexp.MustCompile(`^(\d+)\.(\d+)(億|万|千)$`)
)

// unknownCountWords are the values that state a count is unknown, like a blank.
var unknownCountWords = map[string]bool{"不明": true, "unknown": true, "unkn": true, "-": true, "n/a": true}

// approxPrefixes mark a count as approximate (約4万件, about 40,000).
var approxPrefixes = []string{"約", "およそ", "approximately", "approx.", "approx", "about", "ca.", "~", "≈"}

// boundWords state that a count is a bound, before the number or after it (after its unit
// when it has one: 3万件以上).
var (
	atLeastPrefixes = []string{"at least", "≥"}
	atLeastSuffixes = []string{"以上", "超", "+", "or more"}
	atMostPrefixes  = []string{"最大", "up to", "at most", "≤"}
	atMostSuffixes  = []string{"以下", "未満"}
)

// countUnits are unit words that may follow a count (41,355件).
var countUnits = []string{"件", "名", "人", "枚"}

// ParseCount reads a number of records. The text is first NFKC-normalised, so full-width
// digits and commas read like ASCII. Accepted forms:
//   - digits, optionally grouped by thousands with commas: 41355, 41,355;
//   - Japanese large numbers: 4万1,355 (41,355), 4万 (40,000), 1万2千 (12,000), 3千,
//     1億2,000万;
//   - a decimal before 億, 万 or 千: 1.2万 (12,000), read as approximate, as such a figure
//     is rounded; it must come to a whole number;
//   - a unit after the number: 41,355件 (also 名, 人, 枚);
//   - 約, およそ, about or approx. before it: the count is marked approximate (Approx);
//   - a bound, kept as one (Bound): 3万件以上, 3万件超, 30,000+, at least 30,000 are at
//     least 30,000; 最大3万5千件, up to 35,000, 3万件以下, 3万件未満 at most.
//
// Whenever the text was more than ASCII digits and commas, Written keeps it as given
// (trimmed), to be shown beside the number.
//
// Blank text and the words 不明, unknown, UNKN, n/a and "-" give an unknown Count and no error;
// blank never means 0. Negative numbers, other decimals, badly grouped digits, a count that
// is both a lower and an upper bound and any other text are errors wrapping ErrNegative or
// ErrNotCount.
func ParseCount(s string) (Count, error) {
	if n, ok := plainDigits(s); ok {
		return Count{N: n, Known: true}, nil
	}
	if n, ok := groupedDigits(s); ok {
		return Count{N: n, Known: true}, nil
	}
	t := strings.TrimSpace(nfkc(s))
	if t == "" || unknownCountWords[strings.ToLower(t)] {
		return Count{}, nil
	}
	c := Count{Known: true}
	// Approximate and bound words may come in either order before the number (約最大…).
	for range 2 {
		if cutPrefix(&t, approxPrefixes) {
			c.Approx = true
		} else if cutPrefix(&t, atLeastPrefixes) {
			c.Bound = setBound(c.Bound, AtLeast)
		} else if cutPrefix(&t, atMostPrefixes) {
			c.Bound = setBound(c.Bound, AtMost)
		}
	}
	if cutSuffix(&t, atLeastSuffixes) {
		c.Bound = setBound(c.Bound, AtLeast)
	} else if cutSuffix(&t, atMostSuffixes) {
		c.Bound = setBound(c.Bound, AtMost)
	}
	cutSuffix(&t, countUnits)
	if c.Bound == BothBounds {
		return Count{}, Errorf("%w: a count cannot be both at least and at most a number", ErrNotCount)
	}
	if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "−") {
		return Count{}, Errorf("%w: a number of records cannot be below zero", ErrNegative)
	}
	var (
		n   int64
		err error
	)
	if strings.Contains(t, ".") {
		n, err = parseCountDecimal(t)
		c.Approx = true
	} else {
		n, err = parseCountDigits(t)
	}
	if err != nil {
		return Count{}, err
	}
	c.N = n
	if w := strings.TrimSpace(s); strings.Trim(w, "0123456789,") != "" {
		c.Written = w
	}
	return c, nil
}

// cutPrefix removes from *t the first of words it starts with (ASCII case-insensitively)
// and the spaces after it, when something is left.
func cutPrefix(t *string, words []string) bool {
	for _, p := range words {
		if len(*t) > len(p) && strings.EqualFold((*t)[:len(p)], p) {
			*t = strings.TrimSpace((*t)[len(p):])
			return true
		}
	}
	return false
}

// cutSuffix removes from *t the first of words it ends with (ASCII case-insensitively) and
// the spaces before it, when something is left.
func cutSuffix(t *string, words []string) bool {
	for _, w := range words {
		if len(*t) > len(w) && strings.EqualFold((*t)[len(*t)-len(w):], w) {
			*t = strings.TrimSpace((*t)[:len(*t)-len(w)])
			return true
		}
	}
	return false
}

// setBound adds a stated bound to the one found so far; stating both is BothBounds, which
// ParseCount rejects.
func setBound(had, b Bound) Bound {
	if had == BoundNone || had == b {
		return b
	}
	return BothBounds
}

// parseCountDecimal reads a decimal before 億, 万 or 千 (1.2万), which must come to a whole
// number of records.
func parseCountDecimal(t string) (int64, error) {
	m := countDecimal.FindStringSubmatch(t)
	if m == nil && strings.ContainsAny(t, "億万千") {
		return 0, Errorf("%w: a number of records must be a whole number (a decimal is read only before 億, 万 or 千 alone, as in 1.2万)", ErrNotCount)
	}
	if m == nil {
		return 0, Errorf("%w: a number of records must be a whole number", ErrNotCount)
	}
	unit := map[string]int64{"億": 100_000_000, "万": 10_000, "千": 1_000}[m[3]]
	frac := strings.TrimRight(m[2], "0")
	scale := int64(1)
	for range frac {
		scale *= 10
		if scale > unit {
			return 0, Errorf("%w: %s is not a whole number of records", ErrNotCount, t)
		}
	}
	whole, err1 := strconv.ParseInt(m[1], 10, 64)
	part := int64(0)
	if frac != "" {
		var err2 error
		part, err2 = strconv.ParseInt(frac, 10, 64)
		if err2 != nil {
			return 0, errNotDigits
		}
	}
	if err1 != nil || whole > (1<<62)/unit {
		return 0, Errorf("%w: too large", ErrNotCount)
	}
	return whole*unit + part*(unit/scale), nil
}

// parseCountDigits reads plain or comma-grouped digits, or 億/万 notation.
// errNotDigits is the error for a count that is not digits.
var errNotDigits = Errorf("%w: expected digits such as 41355, 41,355, 4万1,355 or 1万2千", ErrNotCount)

// plainDigits reads s when it is nothing but 1 to 18 ASCII digits, the common case, without
// normalising it first; ok is false for anything else.
func plainDigits(s string) (n int64, ok bool) {
	if len(s) == 0 || len(s) > 18 {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

// groupedDigits reads s when it is ASCII digits grouped by thousands with commas (41,355),
// at most 18 digits, without normalising it first; ok is false for anything else.
func groupedDigits(s string) (n int64, ok bool) {
	first := strings.IndexByte(s, ',')
	if first < 1 || first > 3 || (len(s)-first)%4 != 0 || len(s) > 24 {
		return 0, false
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i >= first && (i-first)%4 == 0 {
			if c != ',' {
				return 0, false
			}
			continue
		}
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
		digits++
	}
	return n, digits <= 18
}

func parseCountDigits(t string) (int64, error) {
	bad := errNotDigits
	group := func(g string) (int64, bool) {
		switch {
		case countPlain.MatchString(g):
		case countGrouped.MatchString(g):
			g = strings.ReplaceAll(g, ",", "")
		default:
			return 0, false
		}
		n, err := strconv.ParseInt(g, 10, 64)
		return n, err == nil
	}
	if !strings.ContainsAny(t, "億万千") {
		n, ok := group(t)
		if !ok {
			if countPlain.MatchString(strings.ReplaceAll(t, ",", "")) && len(t) > 18 {
				return 0, Errorf("%w: too large", ErrNotCount)
			}
			return 0, bad
		}
		return n, nil
	}
	m := countKanji.FindStringSubmatch(t)
	if m == nil {
		return 0, bad
	}
	var total int64
	for i, unit := range []int64{100_000_000, 10_000, 1_000, 1} {
		part := m[i+1]
		if part == "" {
			continue
		}
		n, ok := group(part)
		if !ok {
			return 0, bad
		}
		// Each part must stay under the next larger unit present: below 億 the 万 part
		// under 10,000, the 千 part under 10, and the rest under 1,000 after 千 or
		// 10,000 after 万 or 億.
		higher := m[1 : i+1]
		var limit int64
		switch {
		case unit == 1_000:
			limit = 10
		case unit == 1 && m[3] != "":
			limit = 1_000
		case slices.ContainsFunc(higher, func(p string) bool { return p != "" }):
			limit = 10_000
		}
		if limit > 0 && n >= limit {
			return 0, Errorf("%w: %s is too large for its place in %s", ErrNotCount, part, t)
		}
		if n > (1<<62)/unit {
			return 0, Errorf("%w: too large", ErrNotCount)
		}
		total += n * unit
	}
	return total, nil
}
