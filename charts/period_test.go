package charts

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"strings"
	"testing"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
	"breachreport/input"
	"breachreport/internal/inputtest"
)

// periodCSV holds eight incidents, one confirmed card scope each, worked out by hand (the
// same as the command's testdata/period.csv):
//
//	id  disclosed   detected    to detect  lag  records
//	A   2019-06-04  2018-12-27  115        159  1,000
//	B   2019-06-30  2019-06-10   40         20    500
//	C   2019-05-31  2019-05-01   30         30    200
//	D   2019-07-01  2019-06-01   31         30     50
//	E   2018-06-15  2018-06-01   31         14    300
//	F   2019-01-10  2018-10-02   31        100    700
//	G   2019        2018-11-01   31          –     10
//	H   2018-07-01  2018-03-23   22        100    400
//
// The month 2019-06 holds A and B; its trailing year 2018-07 … 2019-06 holds H, F, C, A and
// B: lags 100, 100, 30, 159, 20 (median 100, n=5), days to detect 22, 31, 30, 115, 40
// (median 31, n=5), 2,800 records.
const periodCSV = `incident_id,organization,industry,cause,record_type,certainty,records,exposure_start,exposure_end,detected,contained,disclosed
A,Example Co. A,Retail,Web skimming,card,confirmed,1000,2018-09-03,2018-12-27,2018-12-27,2018-12-27,2019-06-04
B,Example Co. B,Retail,Web skimming,card,confirmed,500,2019-05-01,2019-06-10,2019-06-10,2019-06-12,2019-06-30
C,Example Co. C,Retail,Ransomware,card,confirmed,200,2019-04-01,2019-05-01,2019-05-01,2019-05-02,2019-05-31
D,Example Co. D,Retail,Ransomware,card,confirmed,50,2019-05-01,2019-06-01,2019-06-01,2019-06-02,2019-07-01
E,Example Co. E,Retail,Ransomware,card,confirmed,300,2018-05-01,2018-06-01,2018-06-01,2018-06-01,2018-06-15
F,Example Co. F,Retail,Web skimming,card,confirmed,700,2018-09-01,2018-10-02,2018-10-02,2018-10-03,2019-01-10
G,Example Co. G,Retail,Web skimming,card,confirmed,10,2018-10-01,2018-11-01,2018-11-01,2018-11-01,2019
H,Example Co. H,Retail,Ransomware,card,confirmed,400,2018-03-01,2018-03-23,2018-03-23,2018-03-24,2018-07-01
`

// periodSet builds the charts of the report on month m of periodCSV, as generate --month
// does: the report holds the month's incidents, and Options.Period the period report.
func periodSet(t testing.TB, month string, lang i18n.Lang) (*Set, analysis.PeriodReport) {
	t.Helper()
	return periodSetOf(t, periodCSV, month, lang, Options{})
}

// periodSetOf is periodSet on the list csv, with the options given besides the language
// and the period.
func periodSetOf(t testing.TB, csv, month string, lang i18n.Lang, opts Options) (*Set, analysis.PeriodReport) {
	t.Helper()
	res, err := inputtest.Read(strings.NewReader(csv), input.Options{Now: generated})
	if err != nil {
		t.Fatal(err)
	}
	incs, issues := data.Group(res.Scopes)
	rep := report(t, "period.csv", incs, append(res.Issues, issues...))
	m, err := analysis.ParseMonth(month)
	if err != nil {
		t.Fatal(err)
	}
	pr := rep.Incidents.Timeline().Report(m.Period())
	rep.Incidents, rep.Summary = analysis.NewIncidents(pr.Subject.Incidents), pr.Subject.Summary
	if rep.Compare, err = analysis.SelectComparison(rep.Incidents, nil, 6); err != nil {
		t.Fatal(err)
	}
	opts.Lang, opts.Period = lang, &pr
	s, err := Build(context.Background(), rep, opts)
	if err != nil {
		t.Fatal(err)
	}
	return s, pr
}

// chartByID returns the chart with the given id of s, or fails.
func chartByID(t testing.TB, s *Set, id string) pageChart {
	t.Helper()
	for _, c := range s.dashboard.Charts {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("no chart %s", id)
	return pageChart{}
}

// checkRows compares a table's rows with the rows wanted, cell by cell.
func checkRows(t *testing.T, name string, got, want [][]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d rows, want %d:\n%q", name, len(got), len(want), got)
		return
	}
	for i := range want {
		if strings.Join(got[i], " | ") != strings.Join(want[i], " | ") {
			t.Errorf("%s row %d:\n got %q\nwant %q", name, i, got[i], want[i])
		}
	}
}

func TestPeriodTrend(t *testing.T) {
	s, _ := periodSet(t, "2019-06", i18n.En)
	ids := []string{}
	for _, c := range s.Charts() {
		ids = append(ids, c.ID)
	}
	if got := strings.Join(ids, " "); got != "chart-trend chart-cases chart-by-cause chart-by-industry chart-by-type chart-by-size chart-by-cause-category chart-records chart-timeline chart-lags chart-bubbles" {
		t.Errorf("charts %s", got)
	}
	if s.dashboard.Title != "Incidents disclosed in June 2019" {
		t.Errorf("title %q", s.dashboard.Title)
	}
	if got := s.dashboard.Subtitle[0]; got != "2 incident(s) disclosed in the period; 1 not placed (disclosure date known only to the month or year)" {
		t.Errorf("subtitle %q", got)
	}

	c := chartByID(t, s, "chart-trend")
	var buf bytes.Buffer
	if err := s.WriteChart(&buf, "trend"); err != nil {
		t.Fatal(err)
	}
	p := payloads(t, buf.String())["chart-trend"]
	var axes struct {
		Option struct {
			XAxis []struct {
				Data []any `json:"data"`
			} `json:"xAxis"`
		} `json:"option"`
	}
	if err := json.Unmarshal([]byte(payloadJSON(buf.String())["chart-trend"]), &axes); err != nil {
		t.Fatal(err)
	}
	// 2018-07 … 2019-06: H in 2018-07, F in 2019-01, C in 2019-05, A and B in 2019-06.
	months := []any{"Jul 2018", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan 2019", "Feb", "Mar", "Apr", "May", "Jun"}
	if got := axes.Option.XAxis[0].Data; strings.Join(toStrings(got), " ") != strings.Join(toStrings(months), " ") {
		t.Errorf("months %v", got)
	}
	checkValues(t, "incidents", values(t, findSeries(t, p, "Incidents")), []float64{1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 2})
	checkValues(t, "records", values(t, findSeries(t, p, "Records")), []float64{400, 0, 0, 0, 0, 0, 700, 0, 0, 0, 200, 1500})
	june := tipText(map[string]shown{"x": {Tips: tips{Axis: p.Tips.Axis[11:]}}})
	for _, want := range []string{"Incidents: 2", "Records: 1,500 records (n=2)", "Median Detection → disclosure: 89.5 days (n=2) *", "Median To detect (confirmed): 77.5 days (n=2) *"} {
		if !strings.Contains(june, want) {
			t.Errorf("June tooltip lacks %q:\n%s", want, june)
		}
	}

	if len(c.Tables) != 1 {
		t.Fatalf("%d tables under the trend, want 1 (the changes are at the top)", len(c.Tables))
	}
	trend := c.Tables[0]
	if got := strings.Join(trend.Head, " | "); got != "Month | Incidents | Records | Median To detect (confirmed) | Median To detect (all) | Median To contain | Median Detection → disclosure" {
		t.Errorf("trend head %s", got)
	}
	zero := func(m string) []string {
		return []string{m, "0", "0 records", "– (n=0)", "– (n=0)", "– (n=0)", "– (n=0)"}
	}
	checkRows(t, "trend", trend.Rows, [][]string{
		{"July 2018", "1", "400 records (n=1)", "22 days (n=1) *", "22 days (n=1) *", "1 day (n=1) *", "100 days (n=1) *"},
		zero("August 2018"), zero("September 2018"), zero("October 2018"), zero("November 2018"), zero("December 2018"),
		{"January 2019", "1", "700 records (n=1)", "31 days (n=1) *", "31 days (n=1) *", "1 day (n=1) *", "100 days (n=1) *"},
		zero("February 2019"), zero("March 2019"), zero("April 2019"),
		{"May 2019", "1", "200 records (n=1)", "30 days (n=1) *", "30 days (n=1) *", "1 day (n=1) *", "30 days (n=1) *"},
		// A: 115, 115, 0, 159; B: 40, 40, 2, 20.
		{"June 2019", "2", "1,500 records (n=2)", "77.5 days (n=2) *", "77.5 days (n=2) *", "1 day (n=2) *", "89.5 days (n=2) *"},
		// Pooled: to detect 22, 30, 31, 40, 115; to contain 1, 1, 1, 0, 2; lag 20, 30, 100, 100, 159.
		{"Trailing 12 months, pooled", "5", "2,800 records (n=5)", "31 days (n=5)", "31 days (n=5)", "1 day (n=5)", "100 days (n=5)"},
	})

	changes := cardAtTop(t, s, "Changes").Tables[0]
	if got := strings.Join(changes.Head, " | "); got != " | June 2019 | Previous: May 2019 | Change | A year earlier: June 2018 | Change" {
		t.Errorf("changes head %s", got)
	}
	// 2019-06 against 2019-05 (C) and 2018-06 (E: 300 records, detected → disclosed 14 days,
	// to detect 31 days, to contain 0 days).
	checkRows(t, "changes", changes.Rows, [][]string{
		{"Incidents", "2", "1", "+1 (+100%)", "1", "+1 (+100%)"},
		{"Records", "1,500 records (n=2)", "200 records (n=1)", "+1,300 records (+650%)", "300 records (n=1)", "+1,200 records (+400%)"},
		{"Median To detect (confirmed)", "77.5 days (n=2) *", "30 days (n=1) *", "+47.5 days (+158.3%) *", "31 days (n=1) *", "+46.5 days (+150%) *"},
		{"Median To detect (all)", "77.5 days (n=2) *", "30 days (n=1) *", "+47.5 days (+158.3%) *", "31 days (n=1) *", "+46.5 days (+150%) *"},
		// 1 day against 0 days: no relative change.
		{"Median To contain", "1 day (n=2) *", "1 day (n=1) *", "±0 days (±0%) *", "0 days (n=1) *", "+1 day *"},
		{"Median Detection → disclosure", "89.5 days (n=2) *", "30 days (n=1) *", "+59.5 days (+198.3%) *", "14 days (n=1) *", "+75.5 days (+539.3%) *"},
	})
}

func TestPeriodCases(t *testing.T) {
	s, _ := periodSet(t, "2019-06", i18n.En)
	c := chartByID(t, s, "chart-cases")
	if c.Title != "Each case against the trailing 12-month medians" {
		t.Errorf("title %q", c.Title)
	}
	checkRows(t, "cases", c.Tables[0].Rows, [][]string{
		{"Example Co. A", "To detect (confirmed)", "115 days", "31 days (n=5)", "+84 days"},
		{"Example Co. A", "To detect (all)", "115 days", "31 days (n=5)", "+84 days"},
		{"Example Co. A", "To contain", "0 days", "1 day (n=5)", "−1 day"},
		{"Example Co. A", "Detection → disclosure", "159 days", "100 days (n=5)", "+59 days"},
		{"Example Co. B", "To detect (confirmed)", "40 days", "31 days (n=5)", "+9 days"},
		{"Example Co. B", "To detect (all)", "40 days", "31 days (n=5)", "+9 days"},
		{"Example Co. B", "To contain", "2 days", "1 day (n=5)", "+1 day"},
		{"Example Co. B", "Detection → disclosure", "20 days", "100 days (n=5)", "−80 days"},
	})
	tip := tipText(map[string]shown{"x": {Tips: c.Payload.Tips}})
	if want := "Detection → disclosure: 159 days; 12-month median 100 days (n=5)"; !strings.Contains(tip, want) {
		t.Errorf("tooltips lack %q:\n%s", want, tip)
	}
	// The dashed line of each figure stands at its trailing median.
	series := c.Payload.Option["series"].([]any)
	want := []string{"31", "31", "1", "100"}
	for i, s := range series {
		ml, _ := s.(map[string]any)["markLine"].(map[string]any)
		if ml == nil {
			t.Errorf("series %d has no median line", i)
			continue
		}
		x := ml["data"].([]any)[0].(map[string]any)["xAxis"]
		if got := strings.TrimSpace(stringOf(x)); got != want[i] {
			t.Errorf("series %d median line at %s, want %s", i, got, want[i])
		}
	}
}

// TestPeriodSmallAndEmpty: 2018-07 rests on two incidents (E, H), so its medians and the
// differences from them are marked; the trend starts with the data, in 2018-06.
func TestPeriodSmallAndEmpty(t *testing.T) {
	s, _ := periodSet(t, "2018-07", i18n.En)
	c := chartByID(t, s, "chart-cases")
	checkRows(t, "cases", c.Tables[0].Rows[3:4], [][]string{
		// H: 100 days; the trailing year 2017-08 … 2018-07 holds E (14) and H (100).
		{"Example Co. H", "Detection → disclosure", "100 days", "57 days (n=2) *", "+43 days *"},
	})
	trend := chartByID(t, s, "chart-trend")
	// 2017-08 … 2018-05 lie before the first month of the data: they are not rows; the
	// trend starts with 2018-06 (E).
	if got := strings.Join(trend.Tables[0].Rows[0][:3], " | "); got != "June 2018 | 1 | 300 records (n=1)" {
		t.Errorf("first trend row %s", got)
	}
	if got := strings.Join(cardAtTop(t, s, "Changes").Tables[0].Rows[0], " | "); got != "Incidents | 1 | 1 | ±0 (±0%) | no data | no data" {
		t.Errorf("incidents change %s", got)
	}

	empty, _ := periodSet(t, "2019-03", i18n.En)
	if got := empty.dashboard.Empty; got != "No incidents were disclosed in March 2019." {
		t.Errorf("empty month says %q", got)
	}
	if ch := empty.Charts(); len(ch) != 1 || ch[0].ID != "chart-trend" {
		t.Errorf("empty month charts %v, want the trend alone", ch)
	}
	rows := chartByID(t, empty, "chart-trend").Tables[0].Rows
	// 2018-04, 2018-05: before the data, left out; 2018-06: E; 2018-07: H; 2019-01: F.
	var counts []string
	for _, r := range rows {
		counts = append(counts, r[1])
	}
	if got := strings.Join(counts, " "); got != "1 1 0 0 0 0 0 1 0 0 3" {
		t.Errorf("empty month's trend counts %s", got)
	}
}

func TestPeriodJapanese(t *testing.T) {
	s, _ := periodSet(t, "2019-06", i18n.Ja)
	var buf bytes.Buffer
	if err := s.WriteDashboard(&buf); err != nil {
		t.Fatal(err)
	}
	page := html.UnescapeString(buf.String())
	for _, want := range []string{"2019年6月に公表された事案", "期間内の公表 2 件", "月別の事案数と漏えい件数（直近 12 か月）",
		"100日（対象事案数 5件）", "89.5日（対象事案数 2件） *", "+1,300件（+650%）", "前年同期: 2018年6月", "5 件未満"} {
		if !strings.Contains(page, want) {
			t.Errorf("Japanese page lacks %q", want)
		}
	}
}

func TestDaysF(t *testing.T) {
	for _, tt := range []struct {
		x    float64
		want string
	}{{0, "0 days"}, {1, "1 day"}, {153.5, "153.5 days"}, {1234.5, "1,234.5 days"}, {0.5, "0.5 days"}} {
		if got := newView(i18n.En, nil).daysF(tt.x); got != tt.want {
			t.Errorf("daysF(%v) = %q, want %q", tt.x, got, tt.want)
		}
	}
}

func checkValues(t *testing.T, name string, got []any, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", name, len(got), len(want))
	}
	for i := range want {
		if f, ok := got[i].(float64); !ok || f != want[i] {
			t.Errorf("%s[%d] = %v, want %v", name, i, got[i], want[i])
		}
	}
}

func toStrings(xs []any) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = stringOf(x)
	}
	return out
}

func stringOf(x any) string { return fmt.Sprint(x) }

// TestIndex writes the index of the months of periodCSV: the overview's bars are the
// incidents of each month, the table links each month's reports, and an index of no month
// says there is nothing to report on.
func TestIndex(t *testing.T) {
	res, err := inputtest.Read(strings.NewReader(periodCSV), input.Options{Now: generated})
	if err != nil {
		t.Fatal(err)
	}
	incs, _ := data.Group(res.Scopes)
	figs, _ := analysis.Analyze(incs)
	tl := analysis.NewIncidents(figs).Timeline()
	months := tl.Months()
	if len(months) == 0 {
		t.Fatal("no month with a disclosure")
	}
	idx := Index{Input: "period.csv", Generated: generated, Undated: tl.Undated()}
	for _, r := range tl.MonthlyTable(months[0], months[len(months)-1]) {
		idx.Months = append(idx.Months, IndexMonth{MonthRow: r, Workbook: r.Month.String() + "/b.xlsx", Dashboard: r.Month.String() + "/c.html"})
	}
	var buf bytes.Buffer
	if err := WriteIndex(&buf, idx, Options{Lang: i18n.Ja}); err != nil {
		t.Fatal(err)
	}
	page := html.UnescapeString(buf.String())
	p := payloads(t, buf.String())["chart-overview"]
	// 2018-06 … 2019-07: E, H, –, –, –, –, –, F, –, –, –, C, A B, D.
	checkValues(t, "incidents", values(t, findSeries(t, p, "事案数")), []float64{1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 2, 1})
	checkValues(t, "records", values(t, findSeries(t, p, "漏えい件数")), []float64{300, 400, 0, 0, 0, 0, 0, 700, 0, 0, 0, 200, 1500, 50})
	for _, want := range []string{"<title>情報漏えい事案の月次レポート</title>", "14 か月（2018年6月〜2019年7月）",
		`<a href="2019-06/c.html">2019年6月</a></th><td>2</td><td>1,500件（対象事案数 2件）</td>`, `<a href="2019-06/b.xlsx">`} {
		if !strings.Contains(page, want) {
			t.Errorf("index lacks %q", want)
		}
	}
	buf.Reset()
	if err := WriteIndex(&buf, Index{}, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "there is no month to report on") || strings.Contains(buf.String(), "chart-overview") {
		t.Error("an index of no month does not say so")
	}
}

// cardAtTop returns the card at the top of s's dashboard with the given heading.
func cardAtTop(t *testing.T, s *Set, heading string) topCard {
	t.Helper()
	for _, c := range s.dashboard.Top {
		if c.Heading == heading {
			return c
		}
	}
	t.Fatalf("no card %q at the top of the dashboard", heading)
	return topCard{}
}
