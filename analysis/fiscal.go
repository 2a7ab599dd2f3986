package analysis

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"breachreport/data"
)

// Unit says what kind of span a Period is, for its name: the dates alone cannot tell a
// fiscal first quarter (April–June) from a calendar second quarter.
type Unit int

// The units. Japanese fiscal years (年度) run from April to March and are named by the
// calendar year they start in: 2024年度 is 2024-04-01 … 2025-03-31.
const (
	UnitDays          Unit = iota // any range of days (--from/--to)
	UnitMonth                     // a calendar month
	UnitQuarter                   // a calendar quarter: Q1 is January–March
	UnitFiscalQuarter             // a fiscal quarter: 第1四半期 is April–June
	UnitFiscalHalf                // a fiscal half: 上期 is April–September, 下期 October–March
	UnitFiscalYear                // a fiscal year: April–March
)

// fiscalStart is the month the Japanese fiscal year starts in.
const fiscalStart = time.April

// Quarter returns calendar quarter q (1–4) of year y.
func Quarter(y, q int) Period {
	return monthsPeriod(Month{y, time.Month(3*(q-1) + 1)}, 3, UnitQuarter)
}

// FiscalQuarter returns quarter q (1–4) of fiscal year y: Q1 is April–June of y, Q4
// January–March of y+1.
func FiscalQuarter(y, q int) Period {
	return monthsPeriod(Month{y, fiscalStart}.Add(3*(q-1)), 3, UnitFiscalQuarter)
}

// FiscalHalf returns half h (1 = 上期, 2 = 下期) of fiscal year y.
func FiscalHalf(y, h int) Period {
	return monthsPeriod(Month{y, fiscalStart}.Add(6*(h-1)), 6, UnitFiscalHalf)
}

// FiscalYear returns fiscal year y: April y to March y+1.
func FiscalYear(y int) Period { return monthsPeriod(Month{y, fiscalStart}, 12, UnitFiscalYear) }

func monthsPeriod(first Month, n int, u Unit) Period {
	return Period{From: first.First(), To: first.Add(n - 1).Last(), Unit: u}
}

// FiscalYearOf returns the fiscal year p starts in, and its part within that year (the
// quarter or half, 0 for a year); for a calendar quarter, the calendar year and quarter.
// It is meant for the units that have them.
func (p Period) FiscalYearOf() (year, part int) {
	m, _ := MonthOf(p.From)
	switch p.Unit {
	case UnitQuarter:
		return m.Year, (int(m.Month)-1)/3 + 1
	case UnitFiscalQuarter, UnitFiscalHalf, UnitFiscalYear:
		n := m.Sub(Month{m.Year, fiscalStart})
		y := m.Year
		if n < 0 {
			y--
			n += 12
		}
		switch p.Unit {
		case UnitFiscalQuarter:
			return y, n/3 + 1
		case UnitFiscalHalf:
			return y, n/6 + 1
		}
		return y, 0
	}
	return m.Year, 0
}

// partForms reads what follows a year: a half or a quarter, in the forms consultants write.
var (
	halfForm    = regexp.MustCompile(`^(.*?)[-\s]*(?:H([12])|(上|下)(?:期|半期))$`)
	quarterForm = regexp.MustCompile(`^(.*?)[-\s]*(?:Q([1-4])|第([1-4１-４])四半期)$`)
	fyPrefix    = regexp.MustCompile(`^(?i:FY)\s*`)
)

// ParseFiscalYear reads a fiscal year: 2024, FY2024, 2024年度, 令和6年度, 令和元年度.
func ParseFiscalYear(s string) (Period, error) {
	y, err := fiscalYearNumber(s)
	if err != nil {
		return Period{}, err
	}
	return FiscalYear(y), nil
}

// ParseFiscalHalf reads a fiscal half: 2024-H1, FY2024H2, 2024年度上期, 令和6年度下半期.
func ParseFiscalHalf(s string) (Period, error) {
	m := halfForm.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return Period{}, data.Errorf("%w: %q is not a fiscal half such as 2024-H1 or 2024年度上期", ErrPeriod, s)
	}
	y, err := fiscalYearNumber(m[1])
	if err != nil {
		return Period{}, err
	}
	h := 1
	if m[2] == "2" || m[3] == "下" {
		h = 2
	}
	return FiscalHalf(y, h), nil
}

// ParseQuarter reads a calendar quarter (2024-Q1, 2024Q1, 2024年第1四半期) when fiscal is
// false, and a fiscal quarter (2024-Q1, FY2024Q1, 2024年度第1四半期) when it is true.
func ParseQuarter(s string, fiscal bool) (Period, error) {
	m := quarterForm.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return Period{}, data.Errorf("%w: %q is not a quarter such as 2024-Q1 or 2024年第1四半期", ErrPeriod, s)
	}
	q := m[2]
	if q == "" {
		q = strings.Map(func(r rune) rune {
			if r >= '１' && r <= '４' {
				return r - '１' + '1'
			}
			return r
		}, m[3])
	}
	n, _ := strconv.Atoi(q)
	if fiscal {
		y, err := fiscalYearNumber(m[1])
		if err != nil {
			return Period{}, err
		}
		return FiscalQuarter(y, n), nil
	}
	y, err := yearNumber(m[1])
	if err != nil {
		return Period{}, err
	}
	return Quarter(y, n), nil
}

// fiscalYearNumber reads the year of a fiscal year: 2024, FY2024, 2024年度, 令和6年度.
func fiscalYearNumber(s string) (int, error) {
	t := fyPrefix.ReplaceAllString(strings.TrimSpace(s), "")
	t = strings.TrimSuffix(t, "度")
	return yearNumber(t)
}

// yearNumber reads a year alone (2024, 2024年, 令和6年) as data.ParseDate does.
func yearNumber(s string) (int, error) {
	t := strings.TrimSpace(s)
	if t != "" && !strings.HasSuffix(t, "年") && strings.ContainsAny(t[len(t)-1:], "0123456789") && strings.ContainsAny(t, "令平昭RHS") {
		t += "年"
	}
	d, err := data.ParseDate(t, 9999)
	if err != nil || d.Precision() != data.PrecisionYear {
		return 0, data.Errorf("%w: %q is not a year such as 2024 or 令和6年", ErrPeriod, s)
	}
	return d.Time().Year(), nil
}
