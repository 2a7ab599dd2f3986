package reports

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"breachreport/i18n"
	"breachreport/internal/clienttest"
)

// TestLibreOfficePeriod opens the 2019-06 workbook of periodCSV in LibreOffice, exports the
// Trend and Breakdowns sheets to CSV as shown, and checks the hand-computed figures: the
// month's row and the pooled row of the trend, the changes of the records and of the lag,
// a case against the trailing median, and a breakdown group with its p90.
func TestLibreOfficePeriod(t *testing.T) {
	soffice := clienttest.LibreOffice(t)
	tests := []struct {
		lang i18n.Lang
		want map[label][]string // rows, cells joined by " | ", that each sheet must hold
	}{
		{i18n.En, map[label][]string{
			lSheetTrend: {
				"June 2019 | 2 | 1,500 | 2 | 77.5 days | 2 | 77.5 days | 2 | 1 days | 2 | 89.5 days | 2 | small sample (n < 5)",
				"Trailing 12 months (pooled) | 5 | 2,800 | 5 | 31 days | 5 | 31 days | 5 | 1 days | 5 | 100 days | 5",
				"Records | 1,500 | 2 | 200 | 1 | +1,300 | +650.0% | 300 | 1 | +1,200 | +400.0% | ",
				"Median: Detection → disclosure | 89.5 days | 2 | 30.0 days | 1 | +59.5 days | +198.3% | 14.0 days | 1 | +75.5 days | +539.3% | small sample (n < 5)",
				"A | 115 days | +84.0 days | 115 days | +84.0 days | 0 days | -1.0 days | 159 days | +59.0 days | Example Co. A",
				"B | 40 days | +9.0 days | 40 days | +9.0 days | 2 days | +1.0 days | 20 days | -80.0 days | Example Co. B",
			},
			lSheetBreakdowns: {
				"Retail | 5 | 100.0% | 2,800 | 5 | 31 days | 85 days | 5 | 31 days | 85 days | 5 | 1 days | 1.6 days | 5 | 100 days | 135.4 days | 5",
				"Web skimming | 3 | 60.0% | 2,200 | 3 | 3 | 3 | 3 | 3",
			},
		}},
		{i18n.Ja, map[label][]string{
			lSheetTrend: {
				"2019年6月 | 2 | 1,500 | 2 | 77.5日 | 2 | 77.5日 | 2 | 1日 | 2 | 89.5日 | 2 | 少数標本（n < 5）",
				"A | 115日 | +84.0日 | 115日 | +84.0日 | 0日 | -1.0日 | 159日 | +59.0日 | Example Co. A",
			},
		}},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang), func(t *testing.T) {
			t.Parallel()
			_, raw := writePeriodBook(t, "2019-06", tt.lang)
			file := filepath.Join(t.TempDir(), "period.xlsx")
			if err := os.WriteFile(file, raw, 0o644); err != nil {
				t.Fatal(err)
			}
			dir := convert(t, soffice, file, csvFilter(true))
			for k, rows := range tt.want {
				tb := readTable(t, dir, "period", k.in(tt.lang))
				have := map[string]bool{}
				for _, r := range tb.rows {
					have[strings.Join(r, " | ")] = true
					// LibreOffice writes every row as wide as the widest.
					for n := len(r); n > 0; n-- {
						have[strings.Join(r[:n], " | ")] = true
					}
				}
				for _, w := range rows {
					if !have[w] {
						t.Errorf("%s: LibreOffice shows no row %q", k.in(tt.lang), w)
					}
				}
				if t.Failed() {
					for _, r := range tb.rows {
						t.Logf("%s", strings.Join(r, " | "))
					}
				}
			}
		})
	}
}
