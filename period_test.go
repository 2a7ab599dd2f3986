package main

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// testdata/period.csv holds eight incidents, one scope each, worked out by hand:
//
//	id  disclosed   detected    lag  records  month of disclosure
//	A   2019-06-04  2018-12-27  159  1,000    2019-06 (subject)
//	B   2019-06-30  2019-06-10   20    500    2019-06 (subject, last day)
//	C   2019-05-31  2019-05-01   30    200    2019-05 (previous month, last day)
//	D   2019-07-01  2019-06-01   30     50    2019-07 (after the subject, first day)
//	E   2018-06-15  2018-06-01   14    300    2018-06 (a year earlier; first month of data)
//	F   2019-01-10  2018-10-02  100    700    2019-01
//	G   2019        2018-11-01    –     10    year only: in no month, not placed in June
//	H   2018-07-01  2018-03-23  100    400    2018-07 (first day of the trailing year)
//
// For --month 2019-06 the trailing year is 2018-07 … 2019-06: H, F, C, A, B, whose
// detection → disclosure lags 100, 100, 30, 159, 20 have the median 100 (n=5).
const periodCSV = "testdata/period.csv"

// incidentIDs reads the incident ids listed in the Incidents sheet of a workbook, sorted.
func incidentIDs(t *testing.T, path string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Incidents")
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	var ids []string
	for _, r := range rows {
		if col < 0 {
			for i, c := range r {
				if c == "Incident ID" || c == "incident_id" || c == "ID" {
					col = i
				}
			}
			continue
		}
		if col < len(r) && r[col] != "" {
			ids = append(ids, r[col])
		}
	}
	if col < 0 {
		t.Fatalf("%s: no incident id column in the Incidents sheet: %q", path, rows)
	}
	sort.Strings(ids)
	return ids
}

// allPages are the chart pages of a period with incidents, sorted.
var allPages = []string{"bubbles.html", "by-cause-category.html", "by-cause.html", "by-industry.html", "by-size.html", "by-type.html", "cases.html", "lags.html", "records.html", "timeline.html", "trend.html"}

func TestGeneratePeriod(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		label    string
		ids      []string // the subject incidents, in the workbook
		note     string   // the accounting line's note on the period
		pages    []string // the chart pages written
		dashText []string
	}{
		{"month", []string{"--month", "2019-06"}, "2019-06", []string{"A", "B"},
			"8 incidents (2 disclosed in 2019-06, 1 not placed for a partial date)", allPages,
			[]string{"Incidents disclosed in June 2019", "2 incident(s) disclosed in the period"}},
		{"month-ja-form", []string{"--month", "2019年5月"}, "2019-05", []string{"C"},
			"8 incidents (1 disclosed in 2019-05, 1 not placed for a partial date)", allPages, nil},
		{"quarter", []string{"--from", "2019-04-01", "--to", "2019-06-30"}, "2019-04-01_2019-06-30", []string{"A", "B", "C"},
			"8 incidents (3 disclosed in 2019-04-01 … 2019-06-30, 1 not placed for a partial date)", allPages,
			[]string{"Incidents disclosed in April–June 2019"}},
		// The whole year holds G, disclosed "2019".
		{"year", []string{"--from", "2019-01-01", "--to", "2019-12-31"}, "2019-01-01_2019-12-31", []string{"A", "B", "C", "D", "F", "G"},
			"8 incidents (6 disclosed in 2019-01-01 … 2019-12-31)", allPages, nil},
		// Days cut across months: 2019-06-04 … 2019-07-01 holds A, B, D; G is not placed.
		{"days", []string{"--from", "2019-06-04", "--to", "2019-07-01"}, "2019-06-04_2019-07-01", []string{"A", "B", "D"},
			"8 incidents (3 disclosed in 2019-06-04 … 2019-07-01, 1 not placed for a partial date)", allPages, nil},
		// The fiscal year 2019 runs from 2019-04-01 to 2020-03-31; G, disclosed "2019", may
		// lie on either side of its start.
		{"fiscal-year", []string{"--fiscal-year", "2019"}, "FY2019", []string{"A", "B", "C", "D"},
			"8 incidents (4 disclosed in FY2019, 1 not placed for a partial date)", allPages,
			[]string{"Incidents disclosed in FY2019 (April 2019 – March 2020)"}},
		{"fiscal-year-ja-form", []string{"--fiscal-year", "平成30年度"}, "FY2018", []string{"E", "F", "H"},
			"8 incidents (3 disclosed in FY2018, 1 not placed for a partial date)", allPages, nil},
		{"fiscal-half", []string{"--fiscal-half", "2018-H2"}, "FY2018-H2", []string{"F"},
			"8 incidents (1 disclosed in FY2018-H2, 1 not placed for a partial date)", allPages,
			[]string{"Incidents disclosed in FY2018 H2 (October 2018 – March 2019)"}},
		// The same days as a fiscal first quarter and a calendar second quarter.
		{"fiscal-quarter", []string{"--fiscal-quarter", "2019年度第1四半期"}, "FY2019-Q1", []string{"A", "B", "C"},
			"8 incidents (3 disclosed in FY2019-Q1, 1 not placed for a partial date)", allPages, nil},
		{"calendar-quarter", []string{"--quarter", "2019-Q2"}, "2019-Q2", []string{"A", "B", "C"},
			"8 incidents (3 disclosed in 2019-Q2, 1 not placed for a partial date)", allPages,
			[]string{"Incidents disclosed in Q2 2019"}},
		{"empty-month", []string{"--month", "2019-03"}, "2019-03", nil,
			"8 incidents (0 disclosed in 2019-03, 1 not placed for a partial date)", []string{"trend.html"},
			[]string{"No incidents were disclosed in March 2019."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			r := runCmd(t, "", append([]string{"generate", "-i", periodCSV, "-o", out, "--lang", "en"}, tt.args...)...)
			if r.status != 0 {
				t.Fatalf("exit %d, stderr %s", r.status, r.stderr)
			}
			checkAccounting(t, r.stdout, 8, 8, 0)
			if !strings.Contains(r.stdout, "; "+tt.note+"; 1 warning\n") {
				t.Errorf("accounting line lacks %q:\n%s", tt.note, r.stdout)
			}
			book := filepath.Join(out, "breach-report-"+tt.label+".xlsx")
			dash := filepath.Join(out, "charts-"+tt.label+".html")
			for _, p := range []string{book, dash} {
				if !strings.Contains(r.stdout, "wrote "+p+"\n") {
					t.Errorf("stdout does not say it wrote %s:\n%s", p, r.stdout)
				}
			}
			if got := incidentIDs(t, book); strings.Join(got, ",") != strings.Join(tt.ids, ",") {
				t.Errorf("workbook lists incidents %q, want %q", got, tt.ids)
			}
			if f, err := excelize.OpenFile(book); err != nil {
				t.Error(err)
			} else {
				if got := strings.Join(f.GetSheetList(), ","); !strings.HasPrefix(got, "At a glance,Summary,Trend,Breakdowns,Incidents,") {
					t.Errorf("workbook sheets %s, want At a glance, Summary, Trend, Breakdowns first", got)
				}
				f.Close()
			}
			page, err := os.ReadFile(dash)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range tt.dashText {
				if !strings.Contains(string(page), s) {
					t.Errorf("dashboard lacks %q", s)
				}
			}
			var pages []string
			entries, _ := os.ReadDir(filepath.Join(out, "charts-"+tt.label))
			for _, e := range entries {
				pages = append(pages, e.Name())
			}
			sort.Strings(pages)
			if strings.Join(pages, " ") != strings.Join(tt.pages, " ") {
				t.Errorf("chart pages %q, want %q", pages, tt.pages)
			}
			// Nothing is written under the names of a whole-input report.
			for _, n := range []string{workbookName, chartsName, chartDir} {
				if _, err := os.Stat(filepath.Join(out, n)); err == nil {
					t.Errorf("%s written beside the period report", n)
				}
			}
		})
	}
}

func TestGeneratePeriodUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"full date", []string{"--month", "2019-06-01"}, `--month: month "2019-06-01": expected a month such as 2019-06`},
		{"not a month", []string{"--month", "June"}, `--month: month "June"`},
		{"from alone", []string{"--from", "2019-04-01"}, "--from needs --to"},
		{"to alone", []string{"--to", "2019-04-01"}, "--to needs --from"},
		{"reversed", []string{"--from", "2019-06-30", "--to", "2019-04-01"}, "not a period: 2019-06-30 is after 2019-04-01"},
		{"month only", []string{"--from", "2019-04", "--to", "2019-06-30"}, "--from 2019-04 --to 2019-06-30: not a period: its first and last days need full dates"},
		{"both", []string{"--month", "2019-06", "--from", "2019-04-01", "--to", "2019-06-30"}, "give only one of --month, --quarter"},
		{"fiscal year and month", []string{"--fiscal-year", "2019", "--month", "2019-06"}, "give only one of --month, --quarter"},
		{"fiscal year not a year", []string{"--fiscal-year", "2019-04"}, `--fiscal-year: not a period: "2019-04" is not a year such as 2024 or 令和6年`},
		{"fiscal half 3", []string{"--fiscal-half", "2019-H3"}, `--fiscal-half: not a period: "2019-H3" is not a fiscal half`},
		{"quarter 5", []string{"--quarter", "2019-Q5"}, `--quarter: not a period: "2019-Q5" is not a quarter`},
		{"compare outside", []string{"--month", "2019-06", "--compare", "C"}, `--compare: no incident has the id or organization "C"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			r := runCmd(t, "", append([]string{"generate", "-i", periodCSV, "-o", out}, tt.args...)...)
			if r.status != 2 {
				t.Errorf("exit %d, want 2; stderr %s", r.status, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.msg) {
				t.Errorf("stderr lacks %q:\n%s", tt.msg, r.stderr)
			}
			if entries, _ := os.ReadDir(out); len(entries) > 0 {
				t.Errorf("a usage error wrote %d files", len(entries))
			}
		})
	}
}

// TestGeneratePeriodOutsideInput checks that a period report the input cannot give is an
// error (exit 1) that says why and names the input's range, and that nothing is written: a
// period wholly before or after the input's disclosures, or an input with no disclosed
// column (testdata/disclosed-renamed.csv names it 公表日付, which the line on the lacking
// column suggests).
func TestGeneratePeriodOutsideInput(t *testing.T) {
	const renamed = "testdata/disclosed-renamed.csv"
	tests := []struct {
		name    string
		in      string
		args    []string
		wantErr string
	}{
		{"month after", periodCSV, []string{"--month", "2019-08"},
			"breachreport: --month 2019-08: the period is after the last disclosure in testdata/period.csv: its disclosures run from 2018-06 to 2019-07\n"},
		{"month before", periodCSV, []string{"--month", "2018-05"},
			"breachreport: --month 2018-05: the period is before the first disclosure in testdata/period.csv: its disclosures run from 2018-06 to 2019-07\n"},
		{"days after", periodCSV, []string{"--from", "2019-08-01", "--to", "2019-12-31"},
			"breachreport: --from 2019-08-01 --to 2019-12-31: the period is after the last disclosure in testdata/period.csv: its disclosures run from 2018-06 to 2019-07\n"},
		{"no disclosed column, --month", renamed, []string{"--month", "2019-06"},
			"breachreport: --month 2019-06: testdata/disclosed-renamed.csv has no disclosed column, and periods are periods of disclosure\n"},
		{"no disclosed column, --all-months", renamed, []string{"--all-months"},
			"breachreport: --all-months: testdata/disclosed-renamed.csv has no disclosed column, and periods are periods of disclosure\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			r := runCmd(t, "", append([]string{"generate", "-i", tt.in, "-o", out, "--lang", "en"}, tt.args...)...)
			if r.status != 1 {
				t.Errorf("exit status %d, want 1", r.status)
			}
			if !strings.HasSuffix(r.stderr, tt.wantErr) {
				t.Errorf("stderr:\n%s\nwant it to end\n%s", r.stderr, tt.wantErr)
			}
			if tt.in == renamed {
				const lacking = `testdata/disclosed-renamed.csv: no disclosed column (公表日): detection → disclosure, window start → disclosure and the period reports (--month, --from/--to, --all-months) cannot be computed; did you mean "公表日付" (column 4)?`
				if !strings.HasPrefix(r.stderr, "testdata/disclosed-renamed.csv: no exposure_start column") || !strings.Contains(r.stderr, lacking+"\n") {
					t.Errorf("stderr does not start with the lacking columns:\n%s", r.stderr)
				}
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s written", out)
			}
		})
	}
}
