package i18n

import (
	"fmt"

	"breachreport/analysis"
)

// unitName names a quarter or a fiscal span, as Japanese surveys name them:
//
//	quarter         2024年第1四半期            Q1 2024
//	fiscal quarter  2024年度第1四半期          FY2024 Q1 (April–June 2024)
//	fiscal half     2024年度上期               FY2024 H1 (April–September 2024)
//	fiscal year     2024年度（令和6年度）        FY2024 (April 2024 – March 2025)
//
// and reports false for other periods. The English names of fiscal spans carry their
// months, since readers abroad do not assume an April start.
func unitName(p analysis.Period, l Lang) (string, bool) {
	y, part := p.FiscalYearOf()
	ja := l == Ja
	switch p.Unit {
	case analysis.UnitQuarter:
		if ja {
			return fmt.Sprintf("%d年第%d四半期", y, part), true
		}
		return fmt.Sprintf("Q%d %d", part, y), true
	case analysis.UnitFiscalQuarter:
		if ja {
			return fmt.Sprintf("%d年度第%d四半期", y, part), true
		}
		return fmt.Sprintf("FY%d Q%d (%s)", y, part, monthSpan(p)), true
	case analysis.UnitFiscalHalf:
		if ja {
			return fmt.Sprintf("%d年度%s", y, [...]string{"上期", "下期"}[part-1]), true
		}
		return fmt.Sprintf("FY%d H%d (%s)", y, part, monthSpan(p)), true
	case analysis.UnitFiscalYear:
		if ja {
			return fmt.Sprintf("%d年度（%s年度）", y, eraYear(y)), true
		}
		return fmt.Sprintf("FY%d (%s)", y, monthSpan(p)), true
	}
	return "", false
}

// monthSpan is "April–June 2024", or "October 2024 – March 2025" across a year's end.
func monthSpan(p analysis.Period) string {
	f, t := p.From.Time(), p.To.Time()
	if f.Year() == t.Year() {
		return fmt.Sprintf("%s–%s %d", f.Month(), t.Month(), t.Year())
	}
	return fmt.Sprintf("%s %d – %s %d", f.Month(), f.Year(), t.Month(), t.Year())
}

// eraYear names the Japanese era year a fiscal year starting in April y falls in: 令和6
// for 2024, 令和元 for 2019 (whose April was still 平成31年, but whose fiscal year is
// called 令和元年度 by the government and in surveys).
func eraYear(y int) string {
	eras := []struct {
		name  string
		first int
	}{{"令和", 2019}, {"平成", 1989}, {"昭和", 1926}}
	for _, e := range eras {
		if y >= e.first {
			if n := y - e.first + 1; n > 1 {
				return fmt.Sprintf("%s%d", e.name, n)
			}
			return e.name + "元"
		}
	}
	return fmt.Sprint(y)
}
