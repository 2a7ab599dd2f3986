package slides

import (
	"fmt"
	"strconv"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
)

// num writes n with grouped digits: 43,961.
func num(n int) string { return groupDigits(int64(n)) }

func groupDigits(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	var out []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}

// signed writes n with its sign: +3, -2, ±0.
func signed(n int) string {
	switch {
	case n > 0:
		return "+" + num(n)
	case n < 0:
		return num(n)
	}
	return "±0"
}

// count writes a record count in text: 43,961件 / 43,961 records, with 約/about for an
// approximate count and 以上/最大 (at least/up to) for a bound.
func (d *deck) count(c data.Count) string {
	if !c.Known {
		return d.t(lUnknown)
	}
	n := groupDigits(c.N)
	if d.l == i18n.Ja {
		switch {
		case c.Bound == data.AtLeast:
			return n + "件以上"
		case c.Bound == data.AtMost:
			return "最大" + n + "件"
		case c.Approx || c.Bound == data.BothBounds:
			return "約" + n + "件"
		}
		return n + "件"
	}
	switch {
	case c.Bound == data.AtLeast:
		return "at least " + n + " records"
	case c.Bound == data.AtMost:
		return "up to " + n + " records"
	case c.Approx || c.Bound == data.BothBounds:
		return "about " + n + " records"
	}
	return n + " records"
}

// cellCount writes a record count in a table cell: 1,200,000件 / 1,200,000, marked as in
// count; "" when unknown.
func (d *deck) cellCount(c data.Count) string {
	if !c.Known {
		return d.t(lUnknown)
	}
	if d.l == i18n.Ja {
		return d.count(c)
	}
	return c.Prefix() + groupDigits(c.N)
}

// days writes a day count: 159日 / 159 days.
func (d *deck) days(n int) string {
	if d.l == i18n.Ja {
		return num(n) + "日"
	}
	if n == 1 {
		return "1 day"
	}
	return num(n) + " days"
}

// daysF writes a median: one decimal only when it is not .0.
func (d *deck) daysF(x float64) string {
	s := strconv.FormatFloat(x, 'f', 1, 64)
	if x == float64(int64(x)) {
		s = groupDigits(int64(x))
	}
	if d.l == i18n.Ja {
		return s + "日"
	}
	return s + " days"
}

// dateOf writes a day in text: 2019年6月4日 / 2019-06-04.
func (d *deck) dateOf(y, m, day int) string {
	if d.l == i18n.Ja {
		return fmt.Sprintf("%d年%d月%d日", y, m, day)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, day)
}

// dateText writes a date of the data in text, at its precision.
func (d *deck) dateText(x data.Date) string {
	if !x.Known() {
		return d.t(lUnknown)
	}
	t := x.Time()
	switch {
	case x.IsDay():
		return d.dateOf(t.Year(), int(t.Month()), t.Day())
	case x.Precision() == data.PrecisionMonth:
		return d.month(analysis.Month{Year: t.Year(), Month: t.Month()})
	}
	if d.l == i18n.Ja {
		return fmt.Sprintf("%d年", t.Year())
	}
	return strconv.Itoa(t.Year())
}

// cellDate writes a date in a table cell: 2019/06/04 / 2019-06-04.
func (d *deck) cellDate(x data.Date) string {
	if !x.Known() {
		return d.t(lUnknown)
	}
	if d.l == i18n.Ja && x.IsDay() {
		return x.Time().Format("2006/01/02")
	}
	if d.l == i18n.Ja && x.Precision() == data.PrecisionMonth {
		return x.Time().Format("2006/01")
	}
	return x.String()
}

// month names a calendar month: 2019年6月 / 2019-06.
func (d *deck) month(m analysis.Month) string {
	if d.l == i18n.Ja {
		return fmt.Sprintf("%d年%d月", m.Year, int(m.Month))
	}
	return m.String()
}

// period names a period: its month, or its first and last days.
func (d *deck) period(p analysis.Period) string {
	if m, ok := p.Month(); ok {
		return d.month(m)
	}
	sep := " to "
	if d.l == i18n.Ja {
		sep = "〜"
	}
	return d.dateText(p.From) + sep + d.dateText(p.To)
}

// The charts' number formats: records, days and incidents, with their unit in Japanese.
func (d *deck) countFmt() string {
	if d.l == i18n.Ja {
		return `#,##0"件"`
	}
	return `#,##0`
}

func (d *deck) daysFmt() string {
	if d.l == i18n.Ja {
		return `#,##0"日"`
	}
	return `#,##0`
}

func (d *deck) incidentsFmt() string {
	if d.l == i18n.Ja {
		return `#,##0"件"`
	}
	return `#,##0`
}
