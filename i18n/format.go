package i18n

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"breachreport/analysis"
	"breachreport/data"
)

// This file holds the one style every output writes numbers, dates and periods in: the
// workbook, the dashboard, the images and the summary sentences. One function per kind of
// thing, each taking the language.
//
// Counts have two forms. The full form, for tables and lists, writes every digit:
// 1,200,000件 / 1,200,000 records. The short form, for chart labels, axes and sentences,
// writes 万 and 億 in Japanese and K, M and B in English, rounded to three significant
// figures but never dropping a digit of the whole part: 959万件, 120万件, 1.2万件, 6.04万件,
// 1,235万件; 1.2M, 40K, 959 records. Below 1万 (1,000 in English) the short form is the
// full form. The rounding of the short form is not marked: 約 (about) says only that the
// source gave the count as approximate, as the input stated it. A bound the source stated
// is written with the count in both forms: 2万件以上 / at least 20,000 records, 最大4万件 /
// up to 40,000 records.

// Digits writes n with a comma between groups of three digits: 1,200,000.
func Digits(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// UnknownCount is what a count the source does not state is written as, where a blank
// would not do (a chart label, a sentence).
var UnknownCount = Text{"count unknown", "件数不明"}

// Records writes a count in full, for tables and lists: 1,200,000件, 約1,200,000件,
// 20,000件以上, 最大約40,000件; 1,200,000 records, about 1,200,000 records, at least 20,000
// records, up to about 40,000 records. An unknown count is UnknownCount.
func Records(c data.Count, l Lang) string {
	if !c.Known {
		return UnknownCount.In(l)
	}
	return withBound(c, Digits(c.N), l)
}

// RecordsShort writes a count in the short form, for chart labels and sentences: 120万件,
// 959万件, 1.2万件, 約4万件, 2万件以上; 1.2M records, about 40K records. An unknown count is
// UnknownCount.
func RecordsShort(c data.Count, l Lang) string {
	if !c.Known {
		return UnknownCount.In(l)
	}
	return withBound(c, ShortNumber(c.N, l), l)
}

// withBound writes the number num of count c with its unit and what the source said of it.
func withBound(c data.Count, num string, l Lang) string {
	approx := c.Approx || c.Bound == data.BothBounds
	if l == Ja {
		if approx {
			num = "約" + num
		}
		switch c.Bound {
		case data.AtLeast:
			return num + "件以上"
		case data.AtMost:
			return "最大" + num + "件"
		}
		return num + "件"
	}
	unit := " records"
	if c.N == 1 && !approx && c.Bound == data.BoundNone {
		unit = " record"
	}
	if approx {
		num = "about " + num
	}
	switch c.Bound {
	case data.AtLeast:
		num = "at least " + num
	case data.AtMost:
		num = "up to " + num
	}
	return num + unit
}

// ShortNumber writes n in the short form with no unit, for an axis: 120万, 1.2万, 9,999;
// 1.2M, 40K, 999 (see the rule at the top of this file).
func ShortNumber(n int64, l Lang) string {
	if n < 0 {
		return "-" + ShortNumber(-n, l)
	}
	type unit struct {
		size int64
		name string
	}
	units := []unit{{1_000_000_000_000, "兆"}, {100_000_000, "億"}, {10_000, "万"}}
	if l != Ja {
		units = []unit{{1_000_000_000_000, "T"}, {1_000_000_000, "B"}, {1_000_000, "M"}, {1_000, "K"}}
	}
	for i, u := range units {
		if n < u.size {
			continue
		}
		q, dec := roundSignificant(n, u.size)
		// A rounding that reaches the next unit is written in it: 9,999.6万 is 1億.
		if i > 0 && q*pow10(2-dec)*u.size >= units[i-1].size*100 {
			q, dec = roundSignificant(q*u.size/pow10(dec), units[i-1].size)
			u = units[i-1]
		}
		return fixed(q, dec) + u.name
	}
	return Digits(n)
}

// roundSignificant returns n/size rounded, half up, to three significant figures, keeping
// every digit of its whole part (1.234 → 1.23, 12.34 → 12.3, 1234.5 → 1235), as q/10^dec.
// It works on integers, so that 10,050 is 1.01万 and not, by a binary fraction, 1万.
func roundSignificant(n, size int64) (q int64, dec int) {
	switch whole := n / size; {
	case whole >= 100:
		dec = 0
	case whole >= 10:
		dec = 1
	default:
		dec = 2
	}
	d := size / pow10(dec)
	q = n / d
	if (n%d)*2 >= d {
		q++
	}
	return q, dec
}

func pow10(n int) int64 {
	p := int64(1)
	for range n {
		p *= 10
	}
	return p
}

// fixed writes q/10^dec with its whole part grouped and no trailing zeros: 1,235, 6.04, 1.2.
func fixed(q int64, dec int) string {
	p := pow10(dec)
	s := Digits(q / p)
	if dec == 0 || q%p == 0 {
		return s
	}
	frac := strings.TrimRight(fmt.Sprintf("%0*d", dec, q%p), "0")
	return s + "." + frac
}

// RecordsNumFmt returns the Excel number format of a cell holding count c's number, so the
// cell shows what Records writes while keeping the number: #,##0"件", "約"#,##0"件",
// #,##0"件以上", "最大"#,##0"件"; in English the number alone (the column header names the
// unit), after "about ", "at least " or "up to ".
func RecordsNumFmt(c data.Count, l Lang) string {
	approx := c.Approx || c.Bound == data.BothBounds
	if l == Ja {
		f := `#,##0`
		if approx {
			f = `"約"` + f
		}
		switch c.Bound {
		case data.AtLeast:
			return f + `"件以上"`
		case data.AtMost:
			return `"最大"` + strings.TrimPrefix(f, `"約"`) + `"件"`
		}
		return f + `"件"`
	}
	var prefix string
	switch c.Bound {
	case data.AtLeast:
		prefix = "at least "
	case data.AtMost:
		prefix = "up to "
	}
	if approx {
		prefix += "about "
	}
	if prefix == "" {
		return `#,##0`
	}
	return `"` + prefix + `"#,##0`
}

// Incidents writes a number of incidents: 16件; 16 incidents, 1 incident.
func Incidents(n int, l Lang) string {
	switch {
	case l == Ja:
		return Digits(int64(n)) + "件"
	case n == 1:
		return "1 incident"
	}
	return Digits(int64(n)) + " incidents"
}

// Signed writes a change with its sign: +9, −3 (a minus sign, U+2212), ±0. format writes
// the magnitude, such as func(x) { return Incidents(x, l) } for +9件.
func Signed(x float64, format func(float64) string) string {
	switch {
	case x > 0:
		return "+" + format(x)
	case x < 0:
		return "−" + format(-x)
	}
	return "±" + format(0)
}

// Days writes a whole number of days: 159日; 159 days, 1 day.
func Days(n int, l Lang) string {
	switch {
	case l == Ja:
		return Digits(int64(n)) + "日"
	case n == 1 || n == -1:
		return strconv.Itoa(n) + " day"
	}
	return Digits(int64(n)) + " days"
}

// MedianDays writes a median (or other statistic) of days, with one decimal only when it
// is not .0: 159日, 153.5日; 159 days, 153.5 days. x is rounded to one decimal first.
func MedianDays(x float64, l Lang) string {
	r := math.Round(x*10) / 10
	if r == math.Trunc(r) {
		return Days(int(r), l)
	}
	s := Digits(int64(math.Trunc(r))) + strings.TrimPrefix(strconv.FormatFloat(math.Abs(r-math.Trunc(r)), 'f', 1, 64), "0")
	if r < 0 && math.Trunc(r) == 0 {
		s = "-" + s
	}
	if l == Ja {
		return s + "日"
	}
	return s + " days"
}

// Percent writes a share (0.4375) as a percentage with one decimal: 43.8%.
func Percent(share float64) string {
	return strconv.FormatFloat(math.Round(share*1000)/10, 'f', 1, 64) + "%"
}

// Date writes a date in running text: 2024年5月10日, May 10, 2024; known to the month
// 2024年5月, May 2024; to the year 2024年, 2024. An unknown date is "".
func Date(d data.Date, l Lang) string {
	t := d.Time()
	switch d.Precision() {
	case data.PrecisionDay:
		if l == Ja {
			return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
		}
		return t.Format("January 2, 2006")
	case data.PrecisionMonth:
		return MonthName(analysis.Month{Year: t.Year(), Month: t.Month()}, l)
	case data.PrecisionYear:
		if l == Ja {
			return fmt.Sprintf("%d年", t.Year())
		}
		return strconv.Itoa(t.Year())
	}
	return ""
}

// DateCell writes a date as a table cell shows it: 2024/05/10 (2024/05 to the month);
// 2024-05-10 (2024-05) in English. An unknown date is "".
func DateCell(d data.Date, l Lang) string {
	sep := "-"
	if l == Ja {
		sep = "/"
	}
	t := d.Time()
	switch d.Precision() {
	case data.PrecisionDay:
		return fmt.Sprintf("%04d%s%02d%s%02d", t.Year(), sep, int(t.Month()), sep, t.Day())
	case data.PrecisionMonth:
		return fmt.Sprintf("%04d%s%02d", t.Year(), sep, int(t.Month()))
	case data.PrecisionYear:
		return fmt.Sprintf("%04d", t.Year())
	}
	return ""
}

// DateNumFmt returns the Excel number format of a date cell, showing what DateCell writes
// for a date known to the day: yyyy/mm/dd; yyyy-mm-dd in English.
func DateNumFmt(l Lang) string {
	if l == Ja {
		return "yyyy/mm/dd"
	}
	return "yyyy-mm-dd"
}

// MonthName writes a calendar month: 2024年5月; May 2024.
func MonthName(m analysis.Month, l Lang) string {
	if l == Ja {
		return fmt.Sprintf("%d年%d月", m.Year, int(m.Month))
	}
	return fmt.Sprintf("%s %d", m.Month, m.Year)
}

// PeriodName writes a period: a quarter or fiscal span as unitName names it (2024年度上期);
// one month as MonthName; whole months as 2024年4月〜6月,
// 2023年12月〜2024年2月 (April–June 2024, December 2023 – February 2024), a whole year as
// 2024年 (2024); other periods as their first and last days, 2024年5月1日〜5月15日 (May 1–15,
// 2024).
func PeriodName(p analysis.Period, l Lang) string {
	if s, ok := unitName(p, l); ok {
		return s
	}
	if m, ok := p.Month(); ok {
		return MonthName(m, l)
	}
	from, to := p.From.Time(), p.To.Time()
	sameYear := from.Year() == to.Year()
	if p.WholeMonths() {
		if sameYear && from.Month() == time.January && to.Month() == time.December {
			return Date(data.DateOf(from, data.PrecisionYear), l)
		}
		if l == Ja {
			if sameYear {
				return fmt.Sprintf("%d年%d月〜%d月", from.Year(), int(from.Month()), int(to.Month()))
			}
			return fmt.Sprintf("%d年%d月〜%d年%d月", from.Year(), int(from.Month()), to.Year(), int(to.Month()))
		}
		if sameYear {
			return fmt.Sprintf("%s–%s %d", from.Month(), to.Month(), to.Year())
		}
		return fmt.Sprintf("%s %d – %s %d", from.Month(), from.Year(), to.Month(), to.Year())
	}
	if l == Ja {
		if sameYear {
			return fmt.Sprintf("%s〜%d月%d日", Date(p.From, l), int(to.Month()), to.Day())
		}
		return Date(p.From, l) + "〜" + Date(p.To, l)
	}
	switch {
	case sameYear && from.Month() == to.Month():
		return fmt.Sprintf("%s %d–%d, %d", from.Month(), from.Day(), to.Day(), to.Year())
	case sameYear:
		return fmt.Sprintf("%s %d – %s %d, %d", from.Month(), from.Day(), to.Month(), to.Day(), to.Year())
	}
	return Date(p.From, l) + " – " + Date(p.To, l)
}

// PeriodTitle writes the title of a period report: 2024年5月に公表された事案; Incidents
// disclosed in May 2024 (from May 1 to 15, 2024: "Incidents disclosed May 1–15, 2024").
func PeriodTitle(p analysis.Period, l Lang) string {
	if l == Ja {
		return PeriodName(p, l) + "に公表された事案"
	}
	if p.WholeMonths() {
		return "Incidents disclosed in " + PeriodName(p, l)
	}
	return "Incidents disclosed " + PeriodName(p, l)
}

// SizeBand returns the name of a size band: 1〜999件, 1,000〜9,999件, 1万〜9.9万件,
// 10万〜99.9万件, 100万件以上, 不明 (0件); 1–999, 1,000–9,999, 10,000–99,999,
// 100,000–999,999, 1,000,000 or more records, band unknown (0 records).
func SizeBand(b analysis.SizeBand) Text {
	switch b {
	case analysis.SizeZero:
		return Text{"0 records", "0件"}
	case analysis.Size1:
		return Text{"1–999 records", "1〜999件"}
	case analysis.Size1K:
		return Text{"1,000–9,999 records", "1,000〜9,999件"}
	case analysis.Size10K:
		return Text{"10,000–99,999 records", "1万〜9.9万件"}
	case analysis.Size100K:
		return Text{"100,000–999,999 records", "10万〜99.9万件"}
	case analysis.Size1M:
		return Text{"1,000,000 records or more", "100万件以上"}
	}
	// Not 件数不明: the band also holds counts stated only as a bound that spans bands.
	return Text{"band unknown", "不明"}
}

// Yen writes an amount of yen as text says it: 3億4,976万円; ¥349,764,000.
func Yen(n int64, l Lang) string {
	if l == Ja {
		return strings.TrimSuffix(RecordsShort(data.KnownCount(n), l), "件") + "円"
	}
	return "¥" + Digits(n)
}
