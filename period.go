package main

import (
	"flag"
	"fmt"
	"strings"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
)

// periodFlags are generate's flags that choose a subject period: --month, --from/--to and
// --all-months.
type periodFlags struct {
	month, from, to                                *string
	fiscalYear, fiscalHalf, quarter, fiscalQuarter *string
	allMonths                                      *bool
	maxMonths                                      *int
}

// defaultMaxMonths bounds --all-months: two decades of monthly reports. A single mistyped
// date (1970, 2207) would otherwise make hundreds of empty folders.
const defaultMaxMonths = 240

func addPeriodFlags(fs *flag.FlagSet) periodFlags {
	return periodFlags{
		month:         fs.String("month", "", "report on the incidents disclosed in `MONTH` (2019-06), with the trailing 12-month trend"),
		from:          fs.String("from", "", "with --to: report on the incidents disclosed from `DATE` (2019-04-01) to --to, both included"),
		to:            fs.String("to", "", "with --from: the last `DATE` of the period reported on (2019-06-30)"),
		quarter:       fs.String("quarter", "", "report on calendar quarter `Q` (2024-Q1 = January–March; 2024年第1四半期)"),
		fiscalYear:    fs.String("fiscal-year", "", "report on fiscal year `YEAR` (2024 = 2024-04-01 … 2025-03-31; 2024年度, 令和6年度)"),
		fiscalHalf:    fs.String("fiscal-half", "", "report on fiscal half `H` (2024-H1 = April–September 2024, 2024-H2 = October–March; 2024年度上期)"),
		fiscalQuarter: fs.String("fiscal-quarter", "", "report on fiscal quarter `Q` (2024-Q1 = April–June 2024, 2024-Q4 = January–March 2025; 2024年度第1四半期)"),
		allMonths:     fs.Bool("all-months", false, "write one monthly report per month found in the data, each into DIR/yyyy-mm/, and DIR/index.html linking them"),
		maxMonths:     fs.Int("max-months", defaultMaxMonths, "with --all-months: write at most `N` months, else stop before writing any"),
	}
}

// periodChoice is what the period flags ask for: nothing (the whole input), one period, or
// every month.
type periodChoice struct {
	period    analysis.Period
	set       bool
	allMonths bool
	maxMonths int
}

// choice checks the period flags. Combining them, or giving --from without --to, is an
// error.
func (f periodFlags) choice() (periodChoice, error) {
	given := 0
	for _, set := range []bool{*f.month != "", *f.from != "" || *f.to != "", *f.allMonths,
		*f.quarter != "", *f.fiscalYear != "", *f.fiscalHalf != "", *f.fiscalQuarter != ""} {
		if set {
			given++
		}
	}
	if given > 1 {
		return periodChoice{}, data.Errorf("give only one of --month, --quarter, --fiscal-year, --fiscal-half, --fiscal-quarter, --from/--to and --all-months")
	}
	if *f.maxMonths < 1 {
		return periodChoice{}, data.Errorf("--max-months %d: give at least 1", *f.maxMonths)
	}
	switch {
	case *f.allMonths:
		return periodChoice{allMonths: true, maxMonths: *f.maxMonths}, nil
	case *f.month != "":
		m, err := analysis.ParseMonth(*f.month)
		if err != nil {
			return periodChoice{}, data.Errorf("--month: %w", err)
		}
		return periodChoice{period: m.Period(), set: true}, nil
	case *f.quarter != "":
		return named("--quarter", *f.quarter, func(s string) (analysis.Period, error) { return analysis.ParseQuarter(s, false) })
	case *f.fiscalQuarter != "":
		return named("--fiscal-quarter", *f.fiscalQuarter, func(s string) (analysis.Period, error) { return analysis.ParseQuarter(s, true) })
	case *f.fiscalHalf != "":
		return named("--fiscal-half", *f.fiscalHalf, analysis.ParseFiscalHalf)
	case *f.fiscalYear != "":
		return named("--fiscal-year", *f.fiscalYear, analysis.ParseFiscalYear)
	case *f.from != "" && *f.to == "":
		return periodChoice{}, data.Errorf("--from needs --to (the last day of the period)")
	case *f.to != "" && *f.from == "":
		return periodChoice{}, data.Errorf("--to needs --from (the first day of the period)")
	case *f.from != "":
		p, err := analysis.ParsePeriod(*f.from, *f.to)
		if err != nil {
			return periodChoice{}, data.Errorf("--from %s --to %s: %w", *f.from, *f.to, err)
		}
		return periodChoice{period: p, set: true}, nil
	}
	return periodChoice{}, nil
}

// named reads the value of one of the flags that name a period (--fiscal-year 2024).
func named(flag, value string, parse func(string) (analysis.Period, error)) (periodChoice, error) {
	p, err := parse(value)
	if err != nil {
		return periodChoice{}, fmt.Errorf("%s: %w", flag, err)
	}
	return periodChoice{period: p, set: true}, nil
}

// periodLabel is the part of the output names that says which period they are about:
// 2019-06 for a calendar month, 2024-Q1, FY2024, FY2024-H1 or FY2024-Q1 for the named
// spans, 2019-04-01_2019-06-30 for any other period.
func periodLabel(p analysis.Period) string {
	if m, ok := p.Month(); ok && p.Unit <= analysis.UnitMonth {
		return m.String()
	}
	if p.Unit > analysis.UnitMonth {
		return p.String()
	}
	return p.From.String() + "_" + p.To.String()
}

// periodNames returns the names of the workbook, the dashboard and the chart pages'
// directory of a report on p: breach-report-2019-06.xlsx, charts-2019-06.html, charts-2019-06.
func periodNames(p analysis.Period) (workbook, dashboard, pages string) {
	l := periodLabel(p)
	return strings.TrimSuffix(workbookName, ".xlsx") + "-" + l + ".xlsx",
		strings.TrimSuffix(chartsName, ".html") + "-" + l + ".html",
		chartDir + "-" + l
}

// subjectReport returns rep restricted to the incidents of pr's subject period, as the
// renderers of the whole input expect it: its incidents, their summary and the incidents
// compared (by ids, or chosen as for the whole input). The row accounting and the data
// issues stay those of the whole input.
func subjectReport(rep analysis.Report, pr analysis.PeriodReport, ids []string) (analysis.Report, error) {
	sub := rep
	sub.Incidents = analysis.NewIncidents(pr.Subject.Incidents)
	sub.Summary = pr.Subject.Summary
	var err error
	sub.Compare, err = analysis.SelectComparison(sub.Incidents, ids, maxCompare)
	if err != nil {
		return analysis.Report{}, data.Errorf("%w (in %s)", err, periodText(pr.Subject.Period))
	}
	return sub, nil
}

// periodAccounting is the part of the accounting line about the subject period: "3
// disclosed in 2019-06", with the incidents not placed and undated when there are any.
func periodAccounting(pr analysis.PeriodReport) []data.Msg {
	s := []data.Msg{data.Msgf("%d disclosed in %s", len(pr.Subject.Incidents), periodText(pr.Subject.Period))}
	if n := len(pr.Subject.Unplaced); n > 0 {
		s = append(s, data.Msgf("%d not placed for a partial date", n))
	}
	if pr.Undated > 0 {
		s = append(s, data.Msgf("%d with no disclosure date", pr.Undated))
	}
	return s
}

// checkPeriodInput returns the error for a period report the input cannot give: with no
// disclosed column (noDisclosed), or, for --month and --from/--to, for a period wholly
// before the first or after the last month with a disclosure, which would be empty for want
// of data, not of incidents. A period inside the input's months may be empty: its report
// says so.
func checkPeriodInput(rep analysis.Report, c periodChoice, noDisclosed bool) error {
	if !c.set && !c.allMonths {
		return nil
	}
	flag := "--all-months"
	if c.set {
		if m, ok := c.period.Month(); ok {
			flag = "--month " + m.String()
		} else {
			flag = fmt.Sprintf("--from %s --to %s", c.period.From, c.period.To)
		}
	}
	if noDisclosed {
		return data.Errorf("%s: %s has no disclosed column, and periods are periods of disclosure", flag, inputName(rep.Input))
	}
	if !c.set {
		return nil
	}
	months := rep.Incidents.Timeline().Months()
	if len(months) == 0 {
		return data.Errorf("%s: no incident in %s has a disclosure date known to the month, so no period has data", flag, inputName(rep.Input))
	}
	first, last := months[0], months[len(months)-1]
	switch {
	case c.period.From.After(last.Last()):
		return data.Errorf("%s: the period is after the last disclosure in %s: its disclosures run from %s to %s", flag, inputName(rep.Input), monthText(first), monthText(last))
	case c.period.To.Before(first.First()):
		return data.Errorf("%s: the period is before the first disclosure in %s: its disclosures run from %s to %s", flag, inputName(rep.Input), monthText(first), monthText(last))
	}
	return nil
}

// monthText names a month in messages: 2019-06, 2019年6月.
func monthText(m analysis.Month) i18n.Text {
	return i18n.Text{En: m.String(), Ja: fmt.Sprintf("%d年%d月", m.Year, int(m.Month))}
}

// periodText names a period in messages: a month as monthText does, any other period as
// 2019-04-01 … 2019-06-30, 2019年4月1日〜2019年6月30日.
func periodText(p analysis.Period) i18n.Text {
	if m, ok := p.Month(); ok {
		return monthText(m)
	}
	day := func(d data.Date) string {
		t := d.Time()
		return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
	}
	return i18n.Text{En: p.String(), Ja: day(p.From) + "〜" + day(p.To)}
}
