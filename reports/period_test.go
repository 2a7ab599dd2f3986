package reports

import (
	"bytes"
	"context"
	"encoding/xml"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"breachreport/analysis"
	"breachreport/i18n"
)

// periodCSV holds eight incidents, one confirmed card scope each, worked out by hand (the
// same as the command's testdata/period.csv):
//
//	id  disclosed   detected    to detect  to contain  lag  records
//	A   2019-06-04  2018-12-27  115        0           159  1,000
//	B   2019-06-30  2019-06-10   40        2            20    500
//	C   2019-05-31  2019-05-01   30        1            30    200
//	D   2019-07-01  2019-06-01   31        1            30     50
//	E   2018-06-15  2018-06-01   31        0            14    300
//	F   2019-01-10  2018-10-02   31        1           100    700
//	G   2019        2018-11-01   31        0             –     10
//	H   2018-07-01  2018-03-23   22        1           100    400
//
// The month 2019-06 holds A and B; its trailing year 2018-07 … 2019-06 holds H, F, C, A and
// B: to detect 22, 30, 31, 40, 115 (median 31, p90 85), to contain 0, 1, 1, 1, 2 (median 1,
// p90 1.6), lags 20, 30, 100, 100, 159 (median 100, p90 135.4), 2,800 records.
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

// periodReport builds the report on month of periodCSV as generate --month does.
func periodReport(t testing.TB, month string) (analysis.Report, *analysis.PeriodReport) {
	t.Helper()
	rep := reportFrom(t, []byte(periodCSV))
	m, err := analysis.ParseMonth(month)
	if err != nil {
		t.Fatal(err)
	}
	pr := rep.Incidents.Timeline().Report(m.Period())
	rep.Incidents, rep.Summary = analysis.NewIncidents(pr.Subject.Incidents), pr.Subject.Summary
	if rep.Compare, err = analysis.SelectComparison(rep.Incidents, nil, 6); err != nil {
		t.Fatal(err)
	}
	return rep, &pr
}

// writePeriodBook writes the period workbook of month in language l and opens it again.
func writePeriodBook(t testing.TB, month string, l i18n.Lang) (*book, []byte) {
	t.Helper()
	rep, pr := periodReport(t, month)
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, rep, Options{Lang: l, Period: pr}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return &book{t: t, f: f, lang: l}, buf.Bytes()
}

// rawRows returns the stored values of a sheet's rows, trailing empty cells dropped.
func rawRows(t *testing.T, b *book, sheet string) [][]string {
	t.Helper()
	rows, err := b.f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// rowsFrom returns n rows of rows starting at the row whose first cell is first.
func rowsFrom(t *testing.T, rows [][]string, first string, n int) [][]string {
	t.Helper()
	for i, r := range rows {
		if len(r) > 0 && r[0] == first {
			if i+n > len(rows) {
				t.Fatalf("only %d rows after %q", len(rows)-i, first)
			}
			return rows[i : i+n]
		}
	}
	t.Fatalf("no row starts with %q", first)
	return nil
}

func checkSheetRows(t *testing.T, what string, got, want [][]string) {
	t.Helper()
	for i := range want {
		if i >= len(got) || strings.Join(got[i], " | ") != strings.Join(want[i], " | ") {
			var g []string
			if i < len(got) {
				g = got[i]
			}
			t.Errorf("%s row %d:\n got %q\nwant %q", what, i, g, want[i])
		}
	}
}

// ratio is how a relative change is stored: to Excel's 15 significant digits.
func ratio(d, earlier float64) string {
	return strconv.FormatFloat(excelDigits(d/earlier), 'f', -1, 64)
}

// excelDigits rounds x to the 15 significant digits a workbook stores (Excel's precision,
// which excelize writes).
func excelDigits(x float64) float64 {
	y, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 15, 64), 64)
	return y
}

const smallEn = "small sample (n < 5)"

func TestPeriodWorkbook(t *testing.T) {
	b, _ := writePeriodBook(t, "2019-06", i18n.En)
	if got, want := strings.Join(b.f.GetSheetList(), ", "), "At a glance, Summary, Trend, Breakdowns, Incidents, Comparison, Reporting duty, Damage estimate, Data issues, Method"; got != want {
		// Scopes is left out: every incident of June 2019 has one scope (TestLeftOut).
		t.Errorf("sheets %s, want %s", got, want)
	}
	trend := rawRows(t, b, b.sheet(lSheetTrend))
	if trend[0][0] != "Incidents disclosed in June 2019, against the trailing 12 months" {
		t.Errorf("title %q", trend[0][0])
	}
	head := "Month | Incidents | Records | Records: n | Median: To detect (confirmed) | n: To detect (confirmed) | Median: To detect (all) | n: To detect (all) | Median: To contain | n: To contain | Median: Detection → disclosure | n: Detection → disclosure | Note"
	if got := strings.Join(trend[2], " | "); got != head {
		t.Errorf("trend header\n got %s\nwant %s", got, head)
	}
	zero := func(m string) []string { return []string{m, "0", "0", "0", "", "0", "", "0", "", "0", "", "0"} }
	checkSheetRows(t, "trend", trend[3:16], [][]string{
		{"July 2018", "1", "400", "1", "22", "1", "22", "1", "1", "1", "100", "1", smallEn},
		zero("August 2018"), zero("September 2018"), zero("October 2018"), zero("November 2018"), zero("December 2018"),
		{"January 2019", "1", "700", "1", "31", "1", "31", "1", "1", "1", "100", "1", smallEn},
		zero("February 2019"), zero("March 2019"), zero("April 2019"),
		{"May 2019", "1", "200", "1", "30", "1", "30", "1", "1", "1", "30", "1", smallEn},
		{"June 2019", "2", "1500", "2", "77.5", "2", "77.5", "2", "1", "2", "89.5", "2", smallEn},
		{"Trailing 12 months (pooled)", "5", "2800", "5", "31", "5", "31", "5", "1", "5", "100", "5"},
	})
	// A median on fewer than 5 incidents is grey italic; the pooled ones are not.
	for _, c := range []struct {
		cell  string
		small bool
	}{{"E4", true}, {"K15", true}, {"E16", false}, {"K16", false}} {
		id, _ := b.f.GetCellStyle(b.sheet(lSheetTrend), c.cell)
		st, _ := b.f.GetStyle(id)
		if italic := st.Font != nil && st.Font.Italic; italic != c.small {
			t.Errorf("%s italic %v, want %v", c.cell, italic, c.small)
		}
	}

	// 2019-06 against 2019-05 (C) and 2018-06 (E).
	checkSheetRows(t, "changes", rowsFrom(t, trend, "Changes", 8), [][]string{
		{"Changes"},
		{"Figure", "This period (June 2019)", "n", "Previous (May 2019)", "n (2)", "Change vs previous", "Change vs previous, %", "A year earlier (June 2018)", "n (3)", "Change vs a year earlier", "Change vs a year earlier, %", "Note"},
		{"Incidents", "2", "2", "1", "1", "1", "1", "1", "1", "1", "1"},
		{"Records", "1500", "2", "200", "1", "1300", "6.5", "300", "1", "1200", "4"},
		{"Median: To detect (confirmed)", "77.5", "2", "30", "1", "47.5", ratio(47.5, 30), "31", "1", "46.5", "1.5", smallEn},
		{"Median: To detect (all)", "77.5", "2", "30", "1", "47.5", ratio(47.5, 30), "31", "1", "46.5", "1.5", smallEn},
		// Against 0 days a year earlier there is no relative change.
		{"Median: To contain", "1", "2", "1", "1", "0", "0", "0", "1", "1", "", smallEn},
		{"Median: Detection → disclosure", "89.5", "2", "30", "1", "59.5", ratio(59.5, 30), "14", "1", "75.5", ratio(75.5, 14), smallEn},
	})
	checkSheetRows(t, "cases", rowsFrom(t, trend, "Each case against the trailing 12-month medians", 5)[2:], [][]string{
		{"Incident ID", "To detect (confirmed)", "Difference: To detect (confirmed)", "To detect (all)", "Difference: To detect (all)",
			"To contain", "Difference: To contain", "Detection → disclosure", "Difference: Detection → disclosure", "Organization"},
		{"A", "115", "84", "115", "84", "0", "-1", "159", "59", "Example Co. A"},
		{"B", "40", "9", "40", "9", "2", "1", "20", "-80", "Example Co. B"},
	})

	bd := rawRows(t, b, b.sheet(lSheetBreakdowns))
	// small is a group's row of a table with no median and p90 columns (no group has the
	// 5 values they need): its count, share, records and the n of each lag.
	small := func(name string, n int, share, records string, recordsN int) []string {
		r := []string{name, strconv.Itoa(n), share, records, strconv.Itoa(recordsN)}
		for range 4 {
			r = append(r, strconv.Itoa(n))
		}
		return r
	}
	// The month: A (1,000 records) and B (500), both web skimming.
	// The month's tables have no median and p90 columns: its groups are too small for them.
	checkSheetRows(t, "breakdowns of the month", rowsFrom(t, bd, "Disclosed in June 2019: 2 incidents", 3)[1:], [][]string{
		{"Cause", "Incidents", "Share", "Records", "Records: n", "n: To detect (confirmed)", "n: To detect (all)", "n: To contain", "n: Detection → disclosure"},
		{"Web skimming", "2", "1", "1500", "2", "2", "2", "2", "2"},
	})
	// The trailing year: H (400), F (700), C (200), A (1,000), B (500).
	full := func(name string) []string {
		return []string{name, "5", "1", "2800", "5", "31", "85", "5", "31", "85", "5", "1", "1.6", "5", "100", "135.4", "5"}
	}
	trailing := rowsFrom(t, bd, "Trailing 12 months, July 2018 – June 2019: 5 incidents", 21)
	checkSheetRows(t, "trailing cause", trailing[2:4], [][]string{small("Web skimming", 3, "0.6", "2200", 3), small("Ransomware", 2, "0.4", "600", 2)})
	checkSheetRows(t, "trailing industry", trailing[6:7], [][]string{full("Retail")})
	checkSheetRows(t, "trailing record type", trailing[9:10], [][]string{full("card")})
	checkSheetRows(t, "trailing size", trailing[11:14], [][]string{
		// No group has the 5 values a median and a p90 need: the table has no such columns.
		{"Size (records)", "Incidents", "Share", "Records", "Records: n", "n: To detect (confirmed)", "n: To detect (all)", "n: To contain", "n: Detection → disclosure"},
		small("1–999 records", 4, "0.8", "1800", 4),
		small("1,000–9,999 records", 1, "0.2", "1000", 1),
	})
	checkSheetRows(t, "trailing certainty", trailing[20:21], [][]string{full("confirmed")})

	sum := b.sheet(lSheetSummary)
	if r := b.rowWhere(sum, 1, "Period reported on"); b.str(sum, 2, r) != "June 2019" {
		t.Errorf("Summary: period %q", b.str(sum, 2, r))
	}
	for _, k := range []label{lSheetTrend, lSheetBreakdowns} {
		b.rowWhere(sum, 1, k.in(i18n.En)) // linked from Summary
	}
}

// drawingAnchor is the cell range a chart of a drawing spans, 0-based.
type drawingAnchor struct {
	FromRow int `xml:"from>row"`
	ToRow   int `xml:"to>row"`
}

// TestPeriodChart checks the Trend sheet's native chart: anchored on the sheet, between
// the month table and the Changes block, columns of incidents and a line of records on a
// second axis, both drawn from the month rows' cells.
func TestPeriodChart(t *testing.T) {
	for _, l := range langs {
		t.Run(string(l), func(t *testing.T) {
			b, raw := writePeriodBook(t, "2019-06", l)
			pkg := unzip(t, raw)
			sheet := b.sheet(lSheetTrend)
			for _, sh := range b.f.GetSheetList() {
				// The Breakdowns sheet has one bar chart per breakdown of the period.
				if n := len(pkg.sheetCharts(t, sh)); n > 0 && sh != sheet && sh != b.sheet(lSheetComparison) && sh != b.sheet(lSheetBreakdowns) {
					t.Errorf("sheet %s has %d charts", sh, n)
				}
			}
			charts := pkg.sheetCharts(t, sheet)
			if len(charts) != 1 || charts[0].Title != lChartTrend.in(l) || len(charts[0].Series) != 1 {
				t.Fatalf("Trend charts %+v, want one column chart %q", charts, lChartTrend.in(l))
			}
			// The chart part itself, for the line and the axes.
			var part string
			for _, r := range pkg.rels(t, pkg.sheetPart(t, sheet)) {
				if strings.HasSuffix(r.Type, "/drawing") {
					part = r.Target
				}
			}
			var drawing struct {
				Anchors []drawingAnchor `xml:"twoCellAnchor"`
			}
			if err := xml.Unmarshal(pkg[part], &drawing); err != nil {
				t.Fatal(err)
			}
			var chartXML []byte
			for _, r := range pkg.rels(t, part) {
				if strings.HasSuffix(r.Type, "/chart") {
					chartXML = pkg[r.Target]
				}
			}
			var c struct {
				Line  []series `xml:"chart>plotArea>lineChart>ser"`
				ValAx []struct {
					Pos attrVal `xml:"axPos"`
				} `xml:"chart>plotArea>valAx"`
			}
			if err := xml.Unmarshal(chartXML, &c); err != nil {
				t.Fatal(err)
			}
			if len(c.Line) != 1 || len(c.ValAx) != 2 {
				t.Fatalf("%d line series and %d value axes, want 1 and 2", len(c.Line), len(c.ValAx))
			}
			var months []string
			for m := (analysis.Month{Year: 2018, Month: 7}); m.Year < 2019 || m.Month <= 6; m = m.Add(1) {
				months = append(months, i18n.MonthName(m, l))
			}
			for _, s := range []struct {
				ser  series
				name string
				want []string
			}{
				{charts[0].Series[0], lIncidentsCol.in(l), []string{"1", "0", "0", "0", "0", "0", "1", "0", "0", "0", "1", "2"}},
				{c.Line[0], lRecordsCol.in(l), []string{"400", "0", "0", "0", "0", "0", "700", "0", "0", "0", "200", "1500"}},
			} {
				if got := refValues(t, b.f, s.ser.Name); len(got) != 1 || got[0] != s.name {
					t.Errorf("series name %q, want %q", got, s.name)
				}
				if got := refValues(t, b.f, s.ser.Cats); strings.Join(got, " ") != strings.Join(months, " ") {
					t.Errorf("%s: categories %q", s.name, got)
				}
				if got := refValues(t, b.f, s.ser.Values); strings.Join(got, " ") != strings.Join(s.want, " ") {
					t.Errorf("%s: values %q, want %q", s.name, got, s.want)
				}
			}
			// Below the pooled row and the notes, above the Changes block.
			if len(drawing.Anchors) != 1 {
				t.Fatalf("%d anchors", len(drawing.Anchors))
			}
			a := drawing.Anchors[0]
			pooled := b.rowWhere(sheet, 1, strings.Replace(lTrailingPooled.in(l), "%d", "12", 1))
			changes := b.rowWhere(sheet, 1, lChanges.in(l))
			if a.FromRow+1 <= pooled+3 || a.ToRow+1 >= changes {
				t.Errorf("chart spans rows %d–%d; the pooled row is %d, Changes %d", a.FromRow+1, a.ToRow+1, pooled, changes)
			}
		})
	}
}

// TestPeriodWorkbookEmpty: a month with no incident still has its trend and says that no
// incident was disclosed; the trend starts with the data.
func TestPeriodWorkbookEmpty(t *testing.T) {
	b, _ := writePeriodBook(t, "2018-07", i18n.Ja)
	trend := rawRows(t, b, b.sheet(lSheetTrend))
	// The trend starts with the first month of the data, 2018-06 (E, 300 records): the
	// months before are no rows.
	if got := trend[3]; got[0] != "2018年6月" || got[1] != "1" || got[2] != "300" {
		t.Errorf("first month %q", got)
	}
	// H, 100 days, against E (14) and H (100): median 57 on 2 incidents, marked.
	// The pooled row gives the median (57); the case's row its days and the difference,
	// grey as the median rests on 2 incidents.
	rows := rowsFrom(t, trend, "H", 1)
	if got := strings.Join(rows[0], " | "); !strings.HasSuffix(got, " | 100 | 43 | Example Co. H") || !strings.HasPrefix(got, "H | ") {
		t.Errorf("case H: %s", got)
	}
	r := b.rowWhere(b.sheet(lSheetTrend), 1, "H")
	id, _ := b.f.GetCellStyle(b.sheet(lSheetTrend), cellRef(len(rows[0])-1, r))
	if st, _ := b.f.GetStyle(id); st.Font == nil || !st.Font.Italic {
		t.Errorf("case H: the difference from a median of 2 incidents is not marked")
	}

	b, _ = writePeriodBook(t, "2019-03", i18n.En)
	trend = rawRows(t, b, b.sheet(lSheetTrend))
	rowsFrom(t, trend, "No incidents were disclosed in March 2019.", 1)
	if got := rowsFrom(t, trend, "March 2019", 1)[0]; got[1] != "0" || got[2] != "0" {
		t.Errorf("2019-03 row %q, want zeros", got)
	}
}
