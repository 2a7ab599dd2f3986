package main

import (
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestIssueValueShownOnce checks that an issue's value, the text as read, is escaped once
// where it is shown, and only what cannot be shown: on stderr, in validate's CSV and JSON and
// in the Data issues sheet; quotes and backslashes show as they are.
func TestIssueValueShownOnce(t *testing.T) {
	for _, tc := range []struct {
		name, records string
		line, cell    string // shown on stderr; in the CSV and workbook cells
		json          string // the JSON string, decoded
	}{
		{"plain", "many", `many`, `many`, "many"},
		{"quote", `約"10"件`, `約"10"件`, `約"10"件`, `約"10"件`},
		{"backslash", `C:\dir`, `C:\dir`, `C:\dir`, `C:\dir`},
		{"control character", "10\x02", `10\x02`, `10\x02`, "10\x02"},
		{"invalid byte", "10\xff", `10\xff`, `10\xff`, `10\xff`},
		{"C1 control", "10\u009d", `10\u009d`, `10\u009d`, "10\u009d"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			w := csv.NewWriter(&b)
			w.WriteAll([][]string{{"incident_id", "organization", "records", "disclosed"},
				{"X0", "Plain Co.", "5", "2019-06-01"}, {"X1", "Example Co.", tc.records, "2019-06-04"}})
			in := b.String()

			out := t.TempDir()
			r := runCmd(t, in, "generate", "-i", "-", "-o", out, "--lang", "en")
			if r.status != 0 && r.status != 1 { // 1: a row rejected
				t.Fatalf("exit %d\n%s%s", r.status, r.stdout, r.stderr)
			}
			if want := `line 3, column records (3), value "` + tc.line + `": `; !strings.Contains(r.stderr, want) {
				t.Errorf("stderr lacks %s:\n%s", want, r.stderr)
			}
			wb, err := excelize.OpenFile(filepath.Join(out, workbookName))
			if err != nil {
				t.Fatal(err)
			}
			defer wb.Close()
			rows, err := wb.GetRows("Data issues", excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.ContainsFunc(rows, func(row []string) bool { return slices.Contains(row, tc.cell) }) {
				t.Errorf("no cell of Data issues is %q: %q", tc.cell, rows)
			}

			ja := runCmd(t, in, "validate", "-i", "-", "--lang", "ja")
			if want := "3行目、列「records」（3列目）、値「" + tc.line + "」："; !strings.Contains(ja.stdout+ja.stderr, want) {
				t.Errorf("validate --lang ja lacks %s:\n%s%s", want, ja.stdout, ja.stderr)
			}

			tab := runCmd(t, in, "validate", "-i", "-", "--format", "csv")
			var cells []string
			for _, row := range readValidationCSV(t, tab.stdout) {
				cells = append(cells, valueOfCell(row[slices.Index(csvColumns, "value")]))
			}
			if !slices.Contains(cells, tc.cell) {
				t.Errorf("validate --format csv values %q, want %q among them", cells, tc.cell)
			}

			js := runCmd(t, in, "validate", "-i", "-", "--format", "json")
			var doc struct {
				Issues []issueRow `json:"issues"`
			}
			if err := json.Unmarshal([]byte(js.stdout), &doc); err != nil {
				t.Fatalf("json: %v\n%s", err, js.stdout)
			}
			if !slices.ContainsFunc(doc.Issues, func(is issueRow) bool { return is.Value == tc.json }) {
				t.Errorf("validate --format json issues %+v, want a value %q", doc.Issues, tc.json)
			}
		})
	}
}
