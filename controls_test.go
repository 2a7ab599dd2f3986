package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestNoControlCharsInOutputs writes control characters, Windows-1252's undefined bytes and a
// byte that is not UTF-8 into cells of a list and checks that neither the workbook's cells
// (read back) nor the dashboard hold a control character (as a character or as a JSON
// escape) or a U+FFFD that the input did not hold, that the text around them is there, and
// that each cell's warning is printed with its line and column.
func TestNoControlCharsInOutputs(t *testing.T) {
	control := regexp.MustCompile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\u009f\ufffd]")
	// A JSON escape of one (not one escaped again, as a warning shows it: \\u0019 in JSON is
	// the inert text \u0019).
	jsonControl := regexp.MustCompile(`(^|[^\\])\\u(?i:00[01][0-9a-f]|007f|00[89][0-9a-f]|fffd)`)
	const header = "incident_id,organization,service,records,disclosed,notes,ticket\n"
	for _, tc := range []struct {
		name, row, enc string
		clean          string // text that must be in a cell
		warning        string // printed on stderr
	}{
		{"U+0019 in organization", "X1,Example\x19 Co.,web,10,2019-06-04,none,T0\n", "", "Example Co.", "line 2, column organization (2)"},
		{"DEL in service", "X1,Example Co.,we\x7fb,10,2019-06-04,none,T0\n", "", "web", "line 2, column service (3)"},
		{"C1 NEL in notes", "X1,Example Co.,web,10,2019-06-04,see\u0085report,T0\n", "", "seereport", "line 2, column notes (6)"},
		{"U+0001 in a column outside the schema", "X1,Example Co.,web,10,2019-06-04,none,T\x01-1\n", "", "T-1", "line 2, column ticket (7)"},
		{"Windows-1252 0x9D in notes", "X1,M\xfcller GmbH,web,10,2019-06-04,Grand\x9d total,T0\n", "windows-1252", "Grand total", "line 2, column notes (6)"},
		{"not UTF-8 in a column outside the schema", "X1,Example Co.,web,10,2019-06-04,none,T\x9d1\n", "", `T\x9d1`, "line 2, column ticket (7)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			args := []string{"generate", "-i", "-", "-o", out, "--lang", "en"}
			if tc.enc != "" {
				args = append(args, "--encoding", tc.enc)
			}
			r := runCmd(t, header+tc.row, args...)
			if r.status != 0 {
				t.Fatalf("exit %d\n%s%s", r.status, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stderr, tc.warning) {
				t.Errorf("stderr does not warn of %s:\n%s", tc.warning, r.stderr)
			}
			checkOutputsLack(t, out, tc.clean, control, jsonControl)
		})
	}
}

// checkOutputsLack checks the workbook and dashboard in out: some cell holds clean, and no
// cell, nor the dashboard's text or its JSON escapes, matches the pattern raw or asJSON.
func checkOutputsLack(t *testing.T, out, clean string, raw, asJSON *regexp.Regexp) {
	t.Helper()
	wb, err := excelize.OpenFile(filepath.Join(out, workbookName))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	found := false
	for _, sheet := range wb.GetSheetList() {
		rows, err := wb.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			for j, v := range row {
				found = found || strings.Contains(v, clean)
				if m := raw.FindString(v); m != "" {
					t.Errorf("sheet %q row %d column %d holds %+q: %+q", sheet, i+1, j+1, m, v)
				}
			}
		}
	}
	if !found {
		t.Errorf("no cell holds %q", clean)
	}
	html, err := os.ReadFile(filepath.Join(out, chartsName))
	if err != nil {
		t.Fatal(err)
	}
	if m := raw.Find(html); m != nil {
		t.Errorf("%s holds %+q", chartsName, m)
	}
	if m := asJSON.Find(html); m != nil {
		t.Errorf("%s holds %q", chartsName, m)
	}
}
