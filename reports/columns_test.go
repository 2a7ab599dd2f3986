package reports

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"breachreport/analysis"
	"breachreport/i18n"
)

// TestColRuns checks that the widths become runs of adjacent equal widths.
func TestColRuns(t *testing.T) {
	for _, tc := range []struct {
		name   string
		widths []float64
		want   []colRun
	}{
		{"none", nil, nil},
		{"one", []float64{8}, []colRun{{1, 1, 8}}},
		{"equal neighbours", []float64{8, 8, 12.5, 12.5, 12.5, 8}, []colRun{{1, 2, 8}, {3, 5, 12.5}, {6, 6, 8}}},
		{"all distinct", []float64{6, 7, 8}, []colRun{{1, 1, 6}, {2, 2, 7}, {3, 3, 8}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lo := &layout{colWidths: tc.widths}
			if got := lo.colRuns(); !slices.Equal(got, tc.want) {
				t.Errorf("runs %v,\nwant %v", got, tc.want)
			}
			want := "<cols>"
			for _, r := range tc.want {
				want += fmt.Sprintf(`<col min="%d" max="%d" width="%v" customWidth="1"/>`, r.first, r.last, r.width)
			}
			if got := string(colsXML(lo.colRuns())); got != want+"</cols>" {
				t.Errorf("colsXML %s,\nwant %s</cols>", got, want)
			}
		})
	}
}

// wideInput is an input of the schema's columns, then extra columns with the headers
// extra, each row's value in them "v".
func wideInput(extra []string, rows int) []byte {
	var b strings.Builder
	b.WriteString("incident_id,organization,records,disclosed")
	for _, h := range extra {
		b.WriteString("," + h)
	}
	for i := range rows {
		fmt.Fprintf(&b, "\nex-%d,Example Co. %d,%d,2024-05-01%s", i, i, 100+i, strings.Repeat(",v", len(extra)))
	}
	return []byte(b.String() + "\n")
}

// wideReport builds the report of wideInput.
func wideReport(t testing.TB, extra []string, rows int) analysis.Report {
	t.Helper()
	return reportFrom(t, wideInput(extra, rows))
}

// tableColumns returns the column names of every table of a workbook, by table name, as
// its table parts hold them.
func tableColumns(t *testing.T, xlsx []byte) map[string][]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/tables/") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		var tbl struct {
			Name    string `xml:"name,attr"`
			Columns []struct {
				Name string `xml:"name,attr"`
			} `xml:"tableColumns>tableColumn"`
		}
		if err := xml.Unmarshal(b, &tbl); err != nil {
			t.Fatalf("%s: %v", zf.Name, err)
		}
		for _, c := range tbl.Columns {
			out[tbl.Name] = append(out[tbl.Name], c.Name)
		}
	}
	return out
}

// checkTables checks every table of a workbook: column names of at most 255 UTF-16 code
// units, distinct in any case, each the text of its header cell.
func checkTables(t *testing.T, b *book, xlsx []byte) {
	t.Helper()
	tables := tableColumns(t, xlsx)
	for _, sheet := range b.f.GetSheetList() {
		ts, err := b.f.GetTables(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(ts) == 0 {
			continue
		}
		rows, err := b.f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, tb := range ts {
			cols := tables[tb.Name]
			c1, r1, _ := excelize.CellNameToCoordinates(strings.Split(tb.Range, ":")[0])
			head := append(rows[r1-1], make([]string, c1+len(cols))...)
			seen := map[string]int{}
			for i, name := range cols {
				if n := utf16Len(name); n > maxTableColumnName {
					t.Errorf("table %s column %d: name of %d UTF-16 units, more than %d", tb.Name, i+1, n, maxTableColumnName)
				}
				if j, dup := seen[strings.ToLower(name)]; dup {
					t.Errorf("table %s: columns %d and %d are both named %q", tb.Name, j, i+1, name)
				}
				seen[strings.ToLower(name)] = i + 1
				if cell := head[c1-1+i]; cell != name {
					t.Errorf("table %s column %d: name %.40q, header cell %.40q", tb.Name, i+1, name, cell)
				}
			}
		}
	}
}

// TestTableColumnNames writes inputs whose own column names are not valid table column
// names as they are: longer than 255 characters (in UTF-16 code units, which Excel
// counts), the same as another once cut, or the same as one of the sheet's own. The
// tables, read back, have valid names equal to their header cells, and Data issues lists
// each renamed column with the sheet, the column and the name as it was.
func TestTableColumnNames(t *testing.T) {
	long := strings.Repeat("L", 300)
	longToo := strings.Repeat("L", 255) + strings.Repeat("M", 45)
	emoji := strings.Repeat("😀", 200) // 400 UTF-16 code units
	for _, tc := range []struct {
		name  string
		extra []string
		// want are the Scopes header cells of the extra columns, and issues the Data issues
		// entries, as column | value | kind | message.
		want   []string
		issues map[i18n.Lang][]string
	}{
		{"300 characters", []string{long, "short"},
			[]string{long[:255], "short"},
			map[i18n.Lang][]string{
				i18n.En: {long[:255] + " | " + long + " | table-column | column name of 300 characters is longer than the 255 an Excel table column name holds: cut on sheet Scopes, column M"},
				i18n.Ja: {long[:255] + " | " + long + " | テーブルの列名 | 300文字の列名は Excel のテーブルの列名に使える255文字を超えるため、シート「範囲」のM列で切り詰めました"},
			}},
		{"equal once cut", []string{long, longToo},
			[]string{long[:255], long[:251] + " (2)"},
			map[i18n.Lang][]string{
				i18n.En: {
					long[:255] + " | " + long + " | table-column | column name of 300 characters is longer than the 255 an Excel table column name holds: cut on sheet Scopes, column M",
					long[:251] + " (2) | " + longToo + " | table-column | column name of 300 characters is longer than the 255 an Excel table column name holds, and another column's is the same once cut: cut and numbered on sheet Scopes, column N",
				},
				i18n.Ja: {
					long[:255] + " | " + long + " | テーブルの列名 | 300文字の列名は Excel のテーブルの列名に使える255文字を超えるため、シート「範囲」のM列で切り詰めました",
					long[:251] + " (2) | " + longToo + " | テーブルの列名 | 300文字の列名は Excel のテーブルの列名に使える255文字を超え、切り詰めると別の列名と同じになるため、シート「範囲」のN列で切り詰めて番号を付けました",
				},
			}},
		{"characters outside the BMP count twice", []string{emoji},
			[]string{strings.Repeat("😀", 127)},
			map[i18n.Lang][]string{
				i18n.En: {strings.Repeat("😀", 127) + " | " + emoji + " | table-column | column name of 400 characters is longer than the 255 an Excel table column name holds: cut on sheet Scopes, column M"},
			}},
		{"the same as the sheet's own column, in another case", []string{"LINE"},
			[]string{"LINE (2)"},
			map[i18n.Lang][]string{
				i18n.En: {"LINE (2) | LINE | table-column | column name is the same as another column's, and an Excel table needs distinct names: numbered on sheet Scopes, column M"},
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep := wideReport(t, tc.extra, 2)
			for l, wantIssues := range tc.issues {
				b, xlsx := writeBook(t, rep, l)
				checkTables(t, b, xlsx)
				scopes := b.sheet(lSheetScopes)
				for i, w := range tc.want {
					if got := b.str(scopes, 13+i, 1); got != w {
						t.Errorf("%s: Scopes header of extra column %d: %q, want %q", l, i+1, got, w)
					}
				}
				issues := b.sheet(lSheetIssues)
				rows, err := b.f.GetRows(issues)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, r := range rows[1:] {
					r = append(r, make([]string, 8)...)
					got = append(got, strings.Join([]string{r[1], r[3], r[5], r[7]}, " | "))
				}
				if !slices.Equal(got, wantIssues) {
					t.Errorf("%s: Data issues:\n%s\nwant:\n%s", l, strings.Join(got, "\n"), strings.Join(wantIssues, "\n"))
				}
				summary := b.sheet(lSheetSummary)
				if n, ok := summaryFigure(b, summary, lColumnsFitted.in(l)); !ok || n != float64(len(wantIssues)) {
					t.Errorf("%s: Summary %q: %v (%v), want %d", l, lColumnsFitted.in(l), n, ok, len(wantIssues))
				}
			}
		})
	}
}

// summaryFigure returns the number beside a Summary row's label.
func summaryFigure(b *book, sheet, label string) (float64, bool) {
	b.t.Helper()
	rows, err := b.f.GetRows(sheet)
	if err != nil {
		b.t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 1 && r[0] == label {
			return b.number(sheet, 2, i+1)
		}
	}
	return 0, false
}

// TestExcelLastColumn writes inputs of Excel's 16,384 columns and more: Scopes, which adds
// its 12 columns to the input's own, ends at Excel's last column, the rest left off with
// one Data issues entry naming the first of them; the column widths reach the last column.
func TestExcelLastColumn(t *testing.T) {
	for _, tc := range []struct {
		name   string
		inputs int // the input's columns
		issue  string
		long   bool // skipped under -short
	}{
		{"16,376 input columns fill Scopes", 16376, "", true},
		{"16,384 input columns", 16384,
			"extra16377 |  | sheet-columns | sheet Scopes would have 16,392 columns, more than the 16,384 an Excel sheet holds: the last 8, from extra16377 on, are left off", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.long && testing.Short() {
				t.Skip("a second workbook of 16,384 columns")
			}
			extra := make([]string, tc.inputs-4)
			for i := range extra {
				extra[i] = fmt.Sprintf("extra%d", i+5)
			}
			rep := wideReport(t, extra, 3)
			b, xlsx := writeBook(t, rep, i18n.En)
			checkTables(t, b, xlsx)
			scopes := b.sheet(lSheetScopes)
			if got, want := b.str(scopes, excelMaxCols, 1), extra[excelMaxCols-13]; got != want {
				t.Errorf("Scopes XFD1 = %q, want %q", got, want)
			}
			if got := b.str(scopes, excelMaxCols, 4); got != "v" {
				t.Errorf("Scopes XFD4 = %q, want v", got)
			}
			for _, col := range []string{"A", "M", "XFD"} {
				if w, err := b.f.GetColWidth(scopes, col); err != nil || w == defaultColWidth {
					t.Errorf("Scopes column %s: width %v (%v), want one set", col, w, err)
				}
			}
			rows, err := b.f.GetRows(b.sheet(lSheetIssues))
			if err != nil {
				t.Fatal(err)
			}
			var got string
			for _, r := range rows[1:] {
				if r = append(r, make([]string, 8)...); r[5] == string(kindSheetColumns) {
					got = strings.Join([]string{r[1], r[3], r[5], r[7]}, " | ")
				}
			}
			if got != tc.issue {
				t.Errorf("Data issues entry: %q, want %q", got, tc.issue)
			}
		})
	}
}

// TestColumnWidthsInserted checks the <cols> element the archive writer puts into a
// streamed sheet: right before <sheetData>, once, with the runs of the sheet's widths, and
// the sheet's XML otherwise as excelize wrote it.
func TestColumnWidthsInserted(t *testing.T) {
	rep := wideReport(t, []string{"a", "bb", "bb", "a long header of the input"}, 2)
	_, xlsx := writeBook(t, rep, i18n.En)
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			continue
		}
		rc, _ := zf.Open()
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if n := strings.Count(s, "<cols>"); n != 1 {
			t.Errorf("%s: %d <cols> elements, want 1", zf.Name, n)
			continue
		}
		if !strings.Contains(s, "</cols><sheetData") {
			t.Errorf("%s: <cols> is not right before <sheetData>", zf.Name)
		}
	}
}

// BenchmarkWideSheet writes the workbook of an input of 3 rows and 1,000 to 16,384
// columns, the extra ones named extra5, extra6, … (a few runs of equal width) or of
// headers of alternating lengths (a run per column). Run with
// go test -run '^$' -bench WideSheet -benchtime 1x ./reports.
func BenchmarkWideSheet(b *testing.B) {
	for _, cols := range []int{1000, 4096, 16384} {
		for _, kind := range []string{"named", "alternating"} {
			extra := make([]string, cols-4)
			for i := range extra {
				extra[i] = fmt.Sprintf("extra%d", i+5)
				if kind == "alternating" {
					extra[i] = fmt.Sprintf("%d%s", i, strings.Repeat("x", 10*(i%2)))
				}
			}
			rep := wideReport(b, extra, 3)
			b.Run(fmt.Sprintf("%d/%s", cols, kind), func(b *testing.B) {
				for range b.N {
					if err := Write(context.Background(), io.Discard, rep, Options{Lang: i18n.Ja}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
