package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestGenerateTotalRow checks that a 合計 row under the two reference cases is left out of
// the figures, with a warning, and does not fail the run: the Summary's total is the cases'
// 43,961 + 40,443 = 84,404, not twice that. testdata/consultant.csv has, besides, a title
// row above its header, No. as the id and 公表日付 for the disclosure date.
func TestGenerateTotalRow(t *testing.T) {
	tests := []struct {
		in      string
		warning string
		ids     []string
		lacking string // a line the Summary has on a missing column, "" for no check
	}{
		{"testdata/total-rows.csv", `warning: line 6, column organization (2), value "合計": a total row`, []string{"omocha", "sanpo"}, ""},
		{"testdata/consultant.csv", `warning: line 8, column 企業名 (2), value "合計": a total row`, []string{"1", "2"},
			`no disclosed column (公表日): detection → disclosure, window start → disclosure and the period reports (--month, --from/--to, --all-months) cannot be computed; did you mean "公表日付" (column 9)?`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			out := t.TempDir()
			r := runCmd(t, "", "generate", "-i", tt.in, "-o", out, "--lang", "en")
			if r.status != 0 {
				t.Fatalf("exit status %d, want 0; stderr:\n%s", r.status, r.stderr)
			}
			checkAccounting(t, r.stdout, 5, 4, 1)
			if !strings.Contains(r.stdout+r.stderr, tt.warning) {
				t.Errorf("no total-row warning in the output:\n%s%s", r.stdout, r.stderr)
			}
			book := filepath.Join(out, "breach-report.xlsx")
			if got := incidentIDs(t, book); strings.Join(got, ",") != strings.Join(tt.ids, ",") {
				t.Errorf("incidents %q, want %q", got, tt.ids)
			}
			f, err := excelize.OpenFile(book)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rows, err := f.GetRows("Summary")
			if err != nil {
				t.Fatal(err)
			}
			var lacking []string
			for _, row := range rows {
				if len(row) >= 2 && row[0] == "Column missing" {
					lacking = append(lacking, row[1])
				}
			}
			if tt.lacking != "" && !slices.Contains(lacking, tt.lacking) {
				t.Errorf("the Summary's missing columns %q lack\n%s", lacking, tt.lacking)
			}
			found := false
			for _, row := range rows {
				if len(row) >= 2 && row[0] == "Records exposed, total" {
					found = true
					if row[1] != "84404" && row[1] != "84,404" {
						t.Errorf("Summary total %q, want 84,404", row[1])
					}
				}
			}
			if !found {
				t.Errorf("no total on the Summary sheet: %q", rows)
			}
			issues, err := f.GetRows("Data issues")
			if err != nil {
				t.Fatal(err)
			}
			listed := false
			for _, row := range issues {
				if strings.Contains(strings.Join(row, "|"), "total row (left out)|") && strings.Contains(strings.Join(row, "|"), "合計") {
					listed = true
				}
			}
			if !listed {
				t.Errorf("the total row is not in the Data issues sheet: %q", issues)
			}
		})
	}
}
