package analysis

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"breachreport/data"
	"breachreport/input"
	"breachreport/internal/inputtest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixtureCounts is how many incidents the fixture discloses in each month from 2018-05 on.
// 2018-05 lies before the trailing year of 2019-06 and 2018-06 is its year-earlier month.
var fixtureCounts = []int{2, 3, 0, 1, 4, 0, 2, 5, 1, 0, 6, 2, 3, 7}

var fixtureFirst = Month{2018, time.May}

// fixtureDay is the disclosure day of incident j of month m: the first and the last day of
// the month come first.
func fixtureDay(m Month, j int) int {
	switch j {
	case 0:
		return 1
	case 1:
		return m.Last().Time().Day()
	}
	return []int{15, 2, 28, 10, 20}[j-2]
}

// fixtureCSV builds the fixture as an input file. Incident j (0-based) of a month is
// disclosed on fixtureDay, detected 10·(j+1) days before, contained j days after detection;
// its confirmed card scope has the window detected − 20·(j+1) … detected and 100·(j+1)
// records, except j = 3, which states "約1,000件" (approximately 1,000). Incident 2 also has
// a suspected card scope of unknown count, so its total is unknown. Causes alternate
// between web skimming (even j) and ransomware (odd j).
func fixtureCSV() string {
	var b strings.Builder
	b.WriteString("incident_id,organization,industry,cause,record_type,certainty,records,exposure_start,exposure_end,detected,contained,disclosed\n")
	for k, c := range fixtureCounts {
		m := fixtureFirst.Add(k)
		for j := 0; j < c; j++ {
			disc := time.Date(m.Year, m.Month, fixtureDay(m, j), 0, 0, 0, 0, time.UTC)
			det := disc.AddDate(0, 0, -10*(j+1))
			cont := det.AddDate(0, 0, j)
			start := det.AddDate(0, 0, -20*(j+1))
			cause := []string{"Web skimming", "Ransomware"}[j%2]
			records := fmt.Sprint(100 * (j + 1))
			if j == 3 {
				records = `"約1,000件"`
			}
			id := fmt.Sprintf("%s-%d", m, j)
			f := func(t time.Time) string { return t.Format("2006-01-02") }
			fmt.Fprintf(&b, "%s,Example Co. %s,Retail,%s,card,confirmed,%s,%s,%s,%s,%s,%s\n",
				id, id, cause, records, f(start), f(det), f(det), f(cont), f(disc))
			if j == 2 {
				fmt.Fprintf(&b, "%s,Example Co. %s,Retail,%s,card,suspected,不明,,,%s,%s,%s\n", id, id, cause, f(det), f(cont), f(disc))
			}
		}
	}
	return b.String()
}

// figuresOf reads an input file as the command does and returns the incident figures,
// failing on any issue.
func figuresOf(t testing.TB, csv []byte) []IncidentFigures {
	t.Helper()
	res, err := inputtest.Read(bytes.NewReader(csv), input.Options{Now: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	rep := reportOf(res)
	if len(rep.Issues) != 0 {
		t.Fatalf("%d issues; first: %v", len(rep.Issues), rep.Issues[0])
	}
	return rep.Incidents.Slice()
}

// formatTrend renders a monthly table as text, for the golden file.
func formatTrend(rows []MonthRow) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-7s %9s %9s %8s", "month", "incidents", "records", "rec. n")
	for _, m := range Metrics() {
		fmt.Fprintf(&b, " | %-27s", m)
	}
	b.WriteString("\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%-7s %9d %9s %8d", r.Month, r.Summary.Incidents, r.Records(), r.Summary.RecordsN)
		for _, m := range Metrics() {
			s := r.Summary.Stat(m)
			if s.N == 0 {
				fmt.Fprintf(&b, " | %-27s", "n=0")
				continue
			}
			small := ""
			if !s.Reliable() {
				small = " (small)"
			}
			fmt.Fprintf(&b, " | %-27s", fmt.Sprintf("n=%d median=%g%s", s.N, s.Median, small))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		_ = os.WriteFile(golden+".got", []byte(got), 0o644)
		t.Errorf("%s differs (see the .got file beside it):\n%s", golden, got)
	}
}

// TestMonthlyTableFixture checks the trailing-year table of 2019-06 on the fixture: against
// a golden file, and every figure against the closed forms that follow from fixtureCSV's
// rules (not from the code under test).
func TestMonthlyTableFixture(t *testing.T) {
	figs := figuresOf(t, []byte(fixtureCSV()))
	rep := NewIncidents(figs).Timeline().Report(Month{2019, time.June}.Period())
	checkGolden(t, "monthly-trend-2019-06.golden", formatTrend(rep.Trend))

	if len(rep.Trend) != 12 || rep.Trend[0].Month.String() != "2018-07" || rep.Trend[11].Month.String() != "2019-06" {
		t.Fatalf("trend months %v … %v (%d rows), want 2018-07 … 2019-06", rep.Trend[0].Month, rep.Trend[len(rep.Trend)-1].Month, len(rep.Trend))
	}
	for i, row := range rep.Trend {
		k := row.Month.Sub(fixtureFirst)
		c := fixtureCounts[k]
		if row.Summary.Incidents != c {
			t.Errorf("%s: %d incidents, want %d", row.Month, row.Summary.Incidents, c)
		}
		// Records: 100·(j+1) for every j but 2 (unknown total) and 3 (≈1,000).
		var want int64
		wantN := 0
		for j := 0; j < c; j++ {
			switch j {
			case 2:
				continue
			case 3:
				want += 1000
			default:
				want += int64(100 * (j + 1))
			}
			wantN++
		}
		got := row.Records()
		if got.N != want || row.Summary.RecordsN != wantN || got.Approx != (c > 3) || got.Known != (c == 0 || wantN > 0) {
			t.Errorf("%s: records %+v from %d incidents, want %d from %d (approximate %v)", row.Month, got, row.Summary.RecordsN, want, wantN, c > 3)
		}
		// Lags: detection → disclosure 10, 20, … 10c; contain 0 … c−1; time to detect
		// (confirmed) 20, 40, … 20c; window start → disclosure 30, 60, … 30c.
		wantMedian := map[Metric]float64{
			Disclose:                 5 * float64(c+1),
			Contain:                  float64(c-1) / 2,
			DetectConfirmed:          10 * float64(c+1),
			WindowConfirmed:          10 * float64(c+1),
			StartToDiscloseConfirmed: 15 * float64(c+1),
		}
		for m, w := range wantMedian {
			s := row.Summary.Stat(m)
			if s.N != c || (c > 0 && s.Median != w) {
				t.Errorf("%s %s: n=%d median %g, want n=%d median %g", row.Month, m, s.N, s.Median, c, w)
			}
		}
		if row.Covered != true {
			t.Errorf("%s: not covered", row.Month)
		}
		if i == 11 && row.Summary.Incidents != len(rep.Subject.Incidents) {
			t.Errorf("the last trend row is not the subject month")
		}
	}
	// Empty months are rows of zeros: 2018-07, 2018-10 and 2019-02.
	for _, i := range []int{0, 3, 7} {
		r := rep.Trend[i]
		if r.Summary.Incidents != 0 || r.Records() != data.KnownCount(0) || r.Summary.Stat(Disclose).N != 0 {
			t.Errorf("%s: %+v, want a row of zeros", r.Month, r.Summary)
		}
	}

	// The trailing year pools 31 incidents; the detection → disclosure lags are 10 (9 times),
	// 20 (7), 30 (5), 40 (4), 50 (3), 60 (2) and 70 (1): median the 16th value, 20; p90 at
	// rank 1 + 0.9·30 = 28, which is 50.
	tr := rep.Trailing.Summary.Stat(Disclose)
	if rep.Trailing.Summary.Incidents != 31 || tr.N != 31 || tr.Median != 20 || tr.P90 != 50 {
		t.Errorf("trailing: %d incidents, disclose %+v; want 31, n=31, median 20, p90 50", rep.Trailing.Summary.Incidents, tr)
	}
	if p := rep.Trailing.Period.String(); p != "2018-07-01 … 2019-06-30" {
		t.Errorf("trailing period %s", p)
	}
}

func TestMonthReportSubjectChangesAndCases(t *testing.T) {
	figs := figuresOf(t, []byte(fixtureCSV()))
	tl := NewIncidents(figs).Timeline()
	rep := tl.Report(Month{2019, time.June}.Period())
	if rep.Month.String() != "2019-06" || len(rep.Months) != 1 {
		t.Fatalf("month %v, %d month rows", rep.Month, len(rep.Months))
	}
	if got := ids(rep.Subject.Incidents); got != "2019-06-0 2019-06-3 2019-06-5 2019-06-2 2019-06-6 2019-06-4 2019-06-1" {
		// Days 1, 30, 15, 2, 28, 10, 20 for j = 0 … 6, so in date order j = 0, 3, 5, 2, 6, 4, 1.
		t.Errorf("subject incidents in date order: %s", got)
	}

	// Changes: 2019-06 has 7 incidents, 2019-05 has 3, 2018-06 has 3.
	byFig := func(cs []Change, f ChangeFigure, m Metric) Change {
		for _, c := range cs {
			if c.Figure == f && c.Metric == m {
				return c
			}
		}
		t.Fatalf("no change %s %s", f, m)
		return Change{}
	}
	c := byFig(rep.VsPrevious, ChangeIncidents, "")
	if !c.Known || c.Current.V != 7 || c.Earlier.V != 3 || c.Diff != 4 || !c.RatioKnown || math.Abs(c.Ratio-4.0/3) > 1e-12 || c.Small || !c.Covered {
		t.Errorf("incidents vs previous month: %+v", c)
	}
	// Records: 2019-06: 100+200+1000+500+600+700 = 3,100 (approximate, 6 of 7 known);
	// 2019-05: 100+200 = 300 from 2 of 3.
	c = byFig(rep.VsPrevious, ChangeRecords, "")
	if !c.Known || c.Current.V != 3100 || !c.Current.Approx || c.Current.N != 6 || c.Earlier.V != 300 || c.Earlier.N != 2 || c.Diff != 2800 {
		t.Errorf("records vs previous month: %+v", c)
	}
	// Median detection → disclosure: 40 (n=7) against 20 (n=3): small, as 3 < MinSample.
	c = byFig(rep.VsPrevious, ChangeMedian, Disclose)
	if !c.Known || c.Current.V != 40 || c.Current.N != 7 || c.Earlier.V != 20 || c.Earlier.N != 3 || c.Diff != 20 || c.Ratio != 1 || !c.Small {
		t.Errorf("median lag vs previous month: %+v", c)
	}
	c = byFig(rep.VsYearEarlier, ChangeIncidents, "")
	if rep.YearEarlier.Period.String() != "2018-06" || c.Earlier.V != 3 || c.Diff != 4 || !c.Covered {
		t.Errorf("vs 2018-06: %v %+v", rep.YearEarlier.Period, c)
	}
	if len(rep.VsPrevious) != 2+len(Metrics()) {
		t.Errorf("%d changes, want incidents, records and one median per metric", len(rep.VsPrevious))
	}

	// Cases against the trailing median of 20 days (n=31): incident j has 10·(j+1) days.
	for _, cs := range rep.Cases {
		var j int
		fmt.Sscanf(cs.Incident.Incident.ID, "2019-06-%d", &j)
		l := cs.Lags[indexOf(Disclose)]
		if l.Metric != Disclose || l.Value != days(10*(j+1)) || l.Baseline.N != 31 || l.Baseline.Median != 20 || !l.DiffKnown || l.Diff != float64(10*(j+1)-20) {
			t.Errorf("case %s: %+v", cs.Incident.Incident.ID, l)
		}
		if w := cs.Lags[indexOf(WindowAll)]; w.Value != days(20*(j+1)) {
			t.Errorf("case %s window: %+v", cs.Incident.Incident.ID, w)
		}
	}

	// Year earlier of 2019-05 is 2018-05, the first month of the data: covered. Of 2019-04,
	// 2018-04: before the data, so its zero is "no data".
	if r := tl.Report(Month{2019, time.April}.Period()); r.YearEarlier.Covered || r.VsYearEarlier[0].Covered || r.VsYearEarlier[0].RatioKnown {
		t.Errorf("2019-04 vs 2018-04: %+v", r.VsYearEarlier[0])
	}
}

func indexOf(m Metric) int {
	for i, x := range Metrics() {
		if x == m {
			return i
		}
	}
	return -1
}

// TestEmptyMonthReport checks that a month without incidents still gets a full report:
// zeros, the trend, and changes against months that had incidents.
func TestEmptyMonthReport(t *testing.T) {
	figs := figuresOf(t, []byte(fixtureCSV()))
	tl := NewIncidents(figs).Timeline()
	rep := tl.Report(Month{2019, time.February}.Period())
	if len(rep.Subject.Incidents) != 0 || rep.Subject.Summary.Incidents != 0 || rep.Subject.Records() != data.KnownCount(0) || !rep.Subject.Covered {
		t.Errorf("subject: %+v", rep.Subject.Summary)
	}
	if len(rep.Cases) != 0 {
		t.Errorf("%d cases in an empty month", len(rep.Cases))
	}
	// The trend starts with the data, in 2018-05: 2018-03 and 2018-04 are before it and
	// are no rows.
	if len(rep.Trend) != 10 || rep.Trend[0].Month.String() != "2018-05" || rep.Trend[9].Month.String() != "2019-02" || rep.Trend[9].Summary.Incidents != 0 {
		t.Errorf("trend of an empty month: %d rows", len(rep.Trend))
	}
	// 2018-05 … 2019-02 holds 2+3+0+1+4+0+2+5+1+0 = 18 incidents.
	if rep.Trailing.Summary.Incidents != 18 || !rep.Trailing.Covered {
		t.Errorf("trailing: %d incidents, covered %v; want 18, covered", rep.Trailing.Summary.Incidents, rep.Trailing.Covered)
	}
	c := rep.VsPrevious[0]
	if !c.Known || c.Current.V != 0 || c.Earlier.V != 1 || c.Diff != -1 || c.Ratio != -1 {
		t.Errorf("incidents vs 2019-01: %+v", c)
	}
	m := rep.VsPrevious[2+indexOf(Disclose)]
	if m.Known || m.Current.N != 0 || m.Earlier.N != 1 {
		t.Errorf("median lag vs 2019-01 with no incident now: %+v", m)
	}
	for _, b := range rep.Breakdowns {
		if b.Incidents != 0 || len(b.Groups) != 0 {
			t.Errorf("breakdown %s of an empty month: %+v", b.Dimension, b)
		}
	}
	// A month far from any data: covered by nothing, still a report.
	far := tl.Report(Month{2030, time.January}.Period())
	if far.Subject.Covered || far.Trailing.Summary.Incidents != 0 || len(far.Trend) != 12 {
		t.Errorf("2030-01: %+v", far.Subject)
	}
}

// TestMonthBoundaries puts incidents on the first and last days of months around a leap day.
func TestMonthBoundaries(t *testing.T) {
	csv := "incident_id,organization,detected,disclosed\n" +
		"jan-31,Example Co. A,2020-01-01,2020-01-31\n" +
		"feb-01,Example Co. B,2020-01-01,2020-02-01\n" +
		"feb-29,Example Co. C,2020-01-01,2020-02-29\n" +
		"mar-01,Example Co. D,2020-01-01,2020-03-01\n" +
		"feb-28-2019,Example Co. E,2019-01-01,2019-02-28\n" +
		"mar-01-2019,Example Co. F,2019-01-01,2019-03-01\n"
	figs := figuresOf(t, []byte(csv))
	tl := NewIncidents(figs).Timeline()
	rows := tl.MonthlyTable(Month{2019, time.February}, Month{2020, time.March})
	want := map[string]string{
		"2019-02": "feb-28-2019", "2019-03": "mar-01-2019",
		"2020-01": "jan-31", "2020-02": "feb-01 feb-29", "2020-03": "mar-01",
	}
	if len(rows) != 14 {
		t.Fatalf("%d rows, want 14 (2019-02 … 2020-03)", len(rows))
	}
	for _, r := range rows {
		if got := ids(r.Incidents); got != want[r.Month.String()] {
			t.Errorf("%s: %q, want %q", r.Month, got, want[r.Month.String()])
		}
	}
	// Detection → disclosure across the leap day: 2020-01-01 → 2020-02-29 is 59 days,
	// → 2020-03-01 is 60; 2019-01-01 → 2019-03-01 is 59.
	feb := rows[12].Summary.Stat(Disclose)
	if feb.N != 2 || feb.Min != 31 || feb.Max != 59 || feb.Median != 45 {
		t.Errorf("2020-02 detection → disclosure: %+v, want n=2, 31 and 59, median 45", feb)
	}
	if s := rows[13].Summary.Stat(Disclose); s.Median != 60 {
		t.Errorf("2020-03: %+v", s)
	}
	if s := rows[1].Summary.Stat(Disclose); s.Median != 59 {
		t.Errorf("2019-03: %+v", s)
	}
	// A year before the leap-day month is 2019-02, which ends on the 28th.
	if p := (Month{2020, time.February}).Period().YearEarlier(); p.To.String() != "2019-02-28" {
		t.Errorf("year earlier of 2020-02 ends %s", p.To)
	}
}

// TestPartialDisclosureDates checks the rule for partial disclosure dates: a month-precision
// date is in its month; a year-precision date is in no month (unplaced) but in a whole year.
func TestPartialDisclosureDates(t *testing.T) {
	csv := "incident_id,organization,detected,disclosed\n" +
		"day,Example Co. A,2019-05-01,2019-06-04\n" +
		"month,Example Co. B,2019-05-01,2019-06\n" +
		"year,Example Co. C,2019-05-01,2019\n" +
		"none,Example Co. D,2019-05-01,\n"
	res, err := inputtest.Read(strings.NewReader(csv), input.Options{Now: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	tl := reportOf(res).Incidents.Timeline()
	rep := tl.Report(Month{2019, time.June}.Period())
	if got := ids(rep.Subject.Incidents); got != "month day" {
		t.Errorf("2019-06: %q, want the month-precision and the day incident", got)
	}
	if got := ids(rep.Subject.Unplaced); got != "year" {
		t.Errorf("2019-06 unplaced: %q, want year", got)
	}
	if rep.Undated != 1 {
		t.Errorf("undated %d, want 1", rep.Undated)
	}
	// The lag needs the day: only the day-precision incident has one.
	if s := rep.Subject.Summary.Stat(Disclose); s.N != 1 || s.Median != 34 {
		t.Errorf("disclose %+v, want n=1 median 34", s)
	}
	y := tl.Report(period(t, "2019-01-01", "2019-12-31"))
	if got := ids(y.Subject.Incidents); got != "year month day" || len(y.Subject.Unplaced) != 0 {
		t.Errorf("2019: %q, unplaced %q", got, ids(y.Subject.Unplaced))
	}
	// The year-only incident is in no month row of the year report.
	n := 0
	for _, r := range y.Months {
		n += r.Summary.Incidents
	}
	if len(y.Months) != 12 || n != 2 {
		t.Errorf("month rows of 2019: %d rows, %d incidents; want 12 and 2", len(y.Months), n)
	}
}

func TestPeriodReportQuarter(t *testing.T) {
	figs := figuresOf(t, []byte(fixtureCSV()))
	tl := NewIncidents(figs).Timeline()
	rep := tl.Report(period(t, "2019-03-01", "2019-05-31"))
	if !rep.Month.IsZero() || rep.Subject.Summary.Incidents != 6+2+3 {
		t.Errorf("month %v, %d incidents; want no month and 11", rep.Month, rep.Subject.Summary.Incidents)
	}
	if len(rep.Months) != 3 || rep.Months[0].Summary.Incidents != 6 || rep.Months[2].Summary.Incidents != 3 {
		t.Errorf("month rows: %d", len(rep.Months))
	}
	// Previous: 2018-12 … 2019-02, 5+1+0. A year earlier: 2018-03 … 2018-05, only 2018-05
	// (2 incidents) in the data, so not covered.
	if rep.Previous.Period.String() != "2018-12-01 … 2019-02-28" || rep.Previous.Summary.Incidents != 6 || !rep.Previous.Covered {
		t.Errorf("previous %v: %d", rep.Previous.Period, rep.Previous.Summary.Incidents)
	}
	if rep.YearEarlier.Summary.Incidents != 2 || rep.YearEarlier.Covered || rep.VsYearEarlier[0].Covered {
		t.Errorf("year earlier %v: %d, covered %v", rep.YearEarlier.Period, rep.YearEarlier.Summary.Incidents, rep.YearEarlier.Covered)
	}
	// Trend: the 12 months ending 2019-05.
	if len(rep.Trend) != 12 || rep.Trend[0].Month.String() != "2018-06" {
		t.Errorf("trend starts %v", rep.Trend[0].Month)
	}
	// A period starting and ending inside months: rows clipped to it.
	mid := tl.Report(period(t, "2019-03-11", "2019-05-14"))
	// 2019-03: days 1, 31, 15, 2, 28, 10 → 15, 31, 28 from the 11th; 2019-05: days 1, 31, 15 → 1.
	if len(mid.Months) != 3 || mid.Months[0].Summary.Incidents != 3 || mid.Months[0].Period.From.String() != "2019-03-11" ||
		mid.Months[2].Summary.Incidents != 1 || mid.Subject.Summary.Incidents != 3+2+1 {
		t.Errorf("clipped rows: %d %d %d, subject %d", mid.Months[0].Summary.Incidents, mid.Months[1].Summary.Incidents, mid.Months[2].Summary.Incidents, mid.Subject.Summary.Incidents)
	}
	// A period longer than a year has a trend as long as itself.
	long := tl.Report(period(t, "2018-05-01", "2019-06-30"))
	if len(long.Trend) != 14 || long.Trailing.Summary.Incidents != len(figs) {
		t.Errorf("long period: %d trend rows, trailing %d", len(long.Trend), long.Trailing.Summary.Incidents)
	}
}

// TestSeedCasesAgainstTrailingMedians sets the two reference cases against each other: in
// the report of 2019-08 the trailing year holds both, so the detection → disclosure median
// is (148 + 159) / 2 = 153.5 days (n=2), and Omochabako's 148 days is 5.5 days below it.
func TestSeedCasesAgainstTrailingMedians(t *testing.T) {
	tl := NewIncidents(sampleFigures(t)).Timeline()
	rep := tl.Report(Month{2019, time.August}.Period())
	if len(rep.Cases) != 1 || rep.Cases[0].Incident.Incident.ID != "omochabako-2019" {
		t.Fatalf("cases: %d", len(rep.Cases))
	}
	l := rep.Cases[0].Lags[indexOf(Disclose)]
	if l.Value != days(148) || l.Baseline.N != 2 || l.Baseline.Median != 153.5 || l.Diff != -5.5 || l.Baseline.Reliable() {
		t.Errorf("Omochabako against the trailing year: %+v", l)
	}
	// In the report of 2019-06, Sanpo Create is alone in its trailing year.
	june := tl.Report(Month{2019, time.June}.Period())
	l = june.Cases[0].Lags[indexOf(Disclose)]
	if june.Cases[0].Incident.Incident.ID != "sanpo-create-2019" || l.Value != days(159) || l.Baseline.N != 1 || l.Baseline.Median != 159 || l.Diff != 0 {
		t.Errorf("Sanpo Create in 2019-06: %+v", l)
	}
	// 2019-07 has no incident; vs 2019-06 one fewer.
	july := tl.Report(Month{2019, time.July}.Period())
	if july.Subject.Summary.Incidents != 0 || july.VsPrevious[0].Diff != -1 || july.Trailing.Summary.Incidents != 1 {
		t.Errorf("2019-07: %+v", july.VsPrevious[0])
	}
}

// TestChangeRecordsKeepsTheSign checks that a period's records carry the approximation or
// bound of their sum into the change, where the reports show it.
func TestChangeRecordsKeepsTheSign(t *testing.T) {
	tests := []struct {
		name  string
		total data.Count
	}{
		{"exact", data.KnownCount(100)},
		{"approximate", data.Count{N: 100, Known: true, Approx: true}},
		{"at least", data.Count{N: 100, Known: true, Bound: data.AtLeast}},
		{"at most", data.Count{N: 100, Known: true, Bound: data.AtMost}},
		{"both bounds", data.Count{N: 100, Known: true, Bound: data.BothBounds}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cur := PeriodFigures{Summary: Summary{Incidents: 1, RecordsN: 1, TotalRecords: tt.total}}
			for _, c := range Changes(cur, PeriodFigures{}) {
				if c.Figure != ChangeRecords {
					continue
				}
				got := data.Count{N: int64(c.Current.V), Known: c.Current.Known, Approx: c.Current.Approx, Bound: c.Current.Bound}
				if got != tt.total {
					t.Errorf("records %+v, want %+v", got, tt.total)
				}
			}
		})
	}
}
