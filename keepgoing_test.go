package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// workbookDamagedAt returns an .xlsx workbook whose sheet has a header, good rows, a bad XML
// entity in row at, and good rows after it to row 200: organization "Example Co. NNNN",
// records, and disclosed on a day of June 2019.
func workbookDamagedAt(t *testing.T, at int) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{"organization", "records", "disclosed"}); err != nil {
		t.Fatal(err)
	}
	for r := 2; r <= 200; r++ {
		records := r
		if r == at {
			records = 987654321
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", r), []any{fmt.Sprintf("Example Co. %04d", r), records, fmt.Sprintf("2019-06-%02d", r%28+1)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		if zf.Name != "xl/worksheets/sheet1.xml" {
			if err := zw.Copy(zf); err != nil {
				t.Fatal(err)
			}
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil || bytes.Count(body, []byte(">987654321<")) != 1 {
			t.Fatalf("sheet1.xml: %v, or not one 987654321 in it", err)
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(bytes.Replace(body, []byte(">987654321<"), []byte(">&bad;<"), 1))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestKeepGoing checks a workbook damaged at row 60: without --keep-going the run fails,
// naming the row and the flag, and writes nothing; with it, the report is written from the
// 58 rows above, the loss is stated on Summary (and on the first sheet of a period
// workbook), in Data issues and on stderr, in the report's language, and the exit status is
// still 1.
func TestKeepGoing(t *testing.T) {
	in := workbookDamagedAt(t, 60)
	stopped := map[string]string{
		"en": `reading stopped at row 60 of sheet "Sheet1", where the sheet is damaged: the report holds only the 58 rows read above it, and the rest of the sheet is lost`,
		"ja": `シート "Sheet1" の60行目でシートが壊れているため、そこで読み込みを打ち切りました。レポートはそれより上で読んだ58行だけによるもので、シートの残りは失われています`,
	}
	issue := map[string]string{
		"en": "reading stopped here: not a readable .xlsx workbook: the sheet is damaged at this row (XML syntax error on line 2: invalid character entity &bad;)",
		"ja": "ここで読み込みを打ち切りました：",
	}
	accounting := map[string]string{"en": "58 rows read, 58 used, 0 rejected", "ja": "58行を読み込み、58行を使用、0行を除外"}
	tests := []struct {
		name, lang string
		keepGoing  bool
		args       []string
		// sheets are the sheets that must state the loss.
		sheets []string
	}{
		{name: "fails", lang: "en"},
		{name: "fails, Japanese", lang: "ja"},
		{name: "keeps going", lang: "en", keepGoing: true, sheets: []string{"Summary"}},
		{name: "keeps going, Japanese", lang: "ja", keepGoing: true, sheets: []string{"概要"}},
		{name: "keeps going, a month", lang: "en", keepGoing: true, args: []string{"--month", "2019-06"}, sheets: []string{"At a glance", "Summary"}},
		{name: "keeps going, a month, Japanese", lang: "ja", keepGoing: true, args: []string{"--month", "2019-06"}, sheets: []string{"概況", "概要"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			args := append([]string{"generate", "-i", "-", "-o", out, "--lang", tt.lang, "--as-of", "2026-01-01"}, tt.args...)
			if tt.keepGoing {
				args = append(args, "--keep-going")
			}
			r := runRecover(t, in, args...)
			if r.status != 1 {
				t.Errorf("exit status %d, want 1\nstderr:\n%s", r.status, r.stderr)
			}
			if !tt.keepGoing {
				want := map[string]string{
					"en": `breachreport: reading standard input: sheet "Sheet1" row 60: not a readable .xlsx workbook: the sheet is damaged at this row (XML syntax error on line 2: invalid character entity &bad;)`,
					"ja": `breachreport: 標準入力 を読み込めません：シート "Sheet1" の60行目：`,
				}[tt.lang]
				hint := map[string]string{"en": "(--keep-going writes the report from the rows above the damage)", "ja": "（--keep-going を付けると"}[tt.lang]
				if !strings.Contains(r.stderr, want) || !strings.Contains(r.stderr, hint) || strings.Count(r.stderr, "\n") != 1 {
					t.Errorf("stderr:\n%s\nwant the one line %q … %q", r.stderr, want, hint)
				}
				if _, err := os.Stat(out); err == nil {
					t.Errorf("%s was made", out)
				}
				return
			}
			if !strings.Contains(r.stderr, "breachreport: "+stopped[tt.lang]) || !strings.Contains(r.stderr, issue[tt.lang]) {
				t.Errorf("stderr lacks %q or %q:\n%s", stopped[tt.lang], issue[tt.lang], r.stderr)
			}
			if !strings.Contains(r.stdout, accounting[tt.lang]) {
				t.Errorf("stdout lacks %q:\n%s", accounting[tt.lang], r.stdout)
			}
			name := "breach-report.xlsx"
			if len(tt.args) > 0 {
				name = "breach-report-2019-06.xlsx"
			}
			f, err := excelize.OpenFile(filepath.Join(out, name))
			if err != nil {
				entries, _ := os.ReadDir(out)
				t.Fatalf("%v; the directory holds %v", err, entries)
			}
			defer f.Close()
			if first := f.GetSheetList()[0]; first != tt.sheets[0] {
				t.Errorf("first sheet %q, want %q", first, tt.sheets[0])
			}
			for _, sh := range tt.sheets {
				if !sheetHas(t, f, sh, stopped[tt.lang]) {
					t.Errorf("sheet %q does not state the loss %q", sh, stopped[tt.lang])
				}
			}
			issues := map[string]string{"en": "Data issues", "ja": "データ不備"}[tt.lang]
			if !sheetHas(t, f, issues, issue[tt.lang]) {
				t.Errorf("sheet %q lacks %q", issues, issue[tt.lang])
			}
		})
	}
}

// sheetHas reports whether a cell of the workbook's sheet holds text.
func sheetHas(t *testing.T, f *excelize.File, sheet, text string) bool {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("sheet %q: %v", sheet, err)
	}
	for _, row := range rows {
		for _, c := range row {
			if strings.Contains(c, text) {
				return true
			}
		}
	}
	return false
}
