package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestGenerateTotalRow checks that a 合計 row under the two reference cases (testdata/
// total-rows.csv) is left out of the figures, with a warning, and does not fail the run: the
// Summary's total is the cases' 43,961 + 40,443 = 84,404, not twice that.
func TestGenerateTotalRow(t *testing.T) {
	out := t.TempDir()
	r := runCmd(t, "", "generate", "-i", "testdata/total-rows.csv", "-o", out, "--lang", "en")
	if r.status != 0 {
		t.Fatalf("exit status %d, want 0; stderr:\n%s", r.status, r.stderr)
	}
	if !strings.Contains(r.stdout+r.stderr, `warning: line 6, column organization (2), value "合計": a total row`) {
		t.Errorf("no total-row warning in the output:\n%s%s", r.stdout, r.stderr)
	}
	f, err := excelize.OpenFile(filepath.Join(out, "breach-report.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Summary")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, row := range rows {
		if len(row) >= 2 && row[0] == "Records exposed, total" {
			found = true
			if v := strings.TrimPrefix(row[1], "≈"); v != "84404" && v != "84,404" {
				t.Errorf("Summary total %q, want 84,404", row[1])
			}
		}
	}
	if !found {
		t.Errorf("no total on the Summary sheet: %q", rows)
	}
}
