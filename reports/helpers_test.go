package reports

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"breachreport/analysis"
	"breachreport/i18n"
	"breachreport/input"
	"breachreport/internal/inputtest"
)

// testNow is the fixed generation time of the test reports.
var testNow = time.Date(2026, 3, 1, 9, 30, 0, 0, time.FixedZone("JST", 9*3600))

// sampleReport builds the report of the embedded sample the way main does.
func sampleReport(t testing.TB) analysis.Report {
	t.Helper()
	rep := reportFrom(t, input.Sample())
	rep.Input = input.SampleName
	return rep
}

// reportFrom builds the report of a CSV input the way main does.
func reportFrom(t testing.TB, raw []byte) analysis.Report {
	t.Helper()
	res, err := inputtest.Read(bytes.NewReader(raw), input.Options{Now: testNow})
	if err != nil {
		t.Fatalf("reading the sample: %v", err)
	}
	var build analysis.Builder
	build.Add(res.Scopes)
	rep, err := build.Report(context.Background(), res)
	if err != nil {
		t.Fatal(err)
	}
	cmp, err := analysis.SelectComparison(rep.Incidents, nil, 6)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(raw)
	rep.Input, rep.InputSHA256, rep.Generated, rep.Compare = input.SampleName, hex.EncodeToString(sum[:]), testNow, cmp
	return rep
}

// writeBook writes rep in language l and opens the result again.
func writeBook(t testing.TB, rep analysis.Report, l i18n.Lang) (*book, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, rep, Options{Lang: l}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("opening the workbook written: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return &book{t: t, f: f, lang: l}, buf.Bytes()
}

// book reads back a written workbook cell by cell.
type book struct {
	t    testing.TB
	f    *excelize.File
	lang i18n.Lang
}

// sheet returns the name of sheet k in the book's language, failing if it is missing.
func (b *book) sheet(k label) string {
	b.t.Helper()
	name := k.in(b.lang)
	if idx, err := b.f.GetSheetIndex(name); err != nil || idx < 0 {
		b.t.Fatalf("no sheet %q in %v", name, b.f.GetSheetList())
	}
	return name
}

// raw returns the stored value of a cell (a serial number for dates) and its type.
func (b *book) raw(sheet string, col, row int) (string, excelize.CellType) {
	b.t.Helper()
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		b.t.Fatal(err)
	}
	v, err := b.f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		b.t.Fatal(err)
	}
	typ, err := b.f.GetCellType(sheet, ref)
	if err != nil {
		b.t.Fatal(err)
	}
	return v, typ
}

// numFmt returns the number format of a cell, custom or built-in.
func (b *book) numFmt(sheet string, col, row int) (custom string, builtin int) {
	b.t.Helper()
	ref, _ := excelize.CoordinatesToCellName(col, row)
	id, err := b.f.GetCellStyle(sheet, ref)
	if err != nil {
		b.t.Fatal(err)
	}
	st, err := b.f.GetStyle(id)
	if err != nil {
		b.t.Fatal(err)
	}
	if st.CustomNumFmt != nil {
		return *st.CustomNumFmt, st.NumFmt
	}
	return "", st.NumFmt
}

// isNumber reports whether a cell is stored as a number.
func isNumber(typ excelize.CellType) bool {
	return typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber
}

// number returns a numeric cell's value, and false when the cell is empty. A cell that is
// text fails the test.
func (b *book) number(sheet string, col, row int) (float64, bool) {
	b.t.Helper()
	v, typ := b.raw(sheet, col, row)
	if v == "" {
		return 0, false
	}
	if !isNumber(typ) {
		b.t.Errorf("%s %s: %q is stored as type %v, not as a number", sheet, cellRef(col, row), v, typ)
		return 0, false
	}
	n, err := strconv.ParseFloat(v, 64)
	if err != nil {
		b.t.Errorf("%s %s: %q is not a number: %v", sheet, cellRef(col, row), v, err)
	}
	return n, true
}

// date returns a date cell's calendar date as yyyy-mm-dd, or "" for an empty cell. The
// cell must be a number with the book's date format.
func (b *book) date(sheet string, col, row int) string {
	b.t.Helper()
	n, ok := b.number(sheet, col, row)
	if !ok {
		return ""
	}
	want := map[i18n.Lang]string{i18n.En: "yyyy-mm-dd", i18n.Ja: "yyyy/mm/dd"}[b.lang]
	if got, _ := b.numFmt(sheet, col, row); got != want {
		b.t.Errorf("%s %s: number format %q, want %q", sheet, cellRef(col, row), got, want)
	}
	tm, err := excelize.ExcelDateToTime(n, false)
	if err != nil {
		b.t.Fatal(err)
	}
	if n != float64(int64(n)) {
		b.t.Errorf("%s %s: date serial %v has a time of day", sheet, cellRef(col, row), n)
	}
	return tm.Format("2006-01-02")
}

// str returns a text cell's text; "" for an empty cell.
func (b *book) str(sheet string, col, row int) string {
	b.t.Helper()
	v, _ := b.raw(sheet, col, row)
	return v
}

// header maps the texts of a sheet's header row to their 1-based columns.
func (b *book) header(sheet string, row int) map[string]int {
	b.t.Helper()
	rows, err := b.f.GetRows(sheet)
	if err != nil {
		b.t.Fatal(err)
	}
	if len(rows) < row {
		b.t.Fatalf("sheet %s has %d rows, want a header on row %d", sheet, len(rows), row)
	}
	m := map[string]int{}
	for i, h := range rows[row-1] {
		if h != "" {
			m[h] = i + 1
		}
	}
	return m
}

// col returns the column of header text h, failing when there is none.
func (b *book) col(sheet string, hdr map[string]int, h string) int {
	b.t.Helper()
	c, ok := hdr[h]
	if !ok {
		b.t.Fatalf("sheet %s has no column %q; columns: %v", sheet, h, hdr)
	}
	return c
}

// rowWhere returns the first row from 2 whose column col holds text s.
func (b *book) rowWhere(sheet string, col int, s string) int {
	b.t.Helper()
	rows, err := b.f.GetRows(sheet)
	if err != nil {
		b.t.Fatal(err)
	}
	for i := 1; i < len(rows); i++ {
		if col-1 < len(rows[i]) && rows[i][col-1] == s {
			return i + 1
		}
	}
	b.t.Fatalf("sheet %s has no row with %q in column %d", sheet, s, col)
	return 0
}

// cardIncidents returns the report of n incidents of one card scope each, disclosed on one
// day, for the tests of long sheets.
func cardIncidents(t *testing.T, n int) analysis.Report {
	t.Helper()
	var b strings.Builder
	b.WriteString("incident_id,organization,record_type,records,disclosed\n")
	for i := range n {
		fmt.Fprintf(&b, "inc-%05d,Org %d,card,%d,2020-01-15\n", i, i, i+1)
	}
	return reportFrom(t, []byte(b.String()))
}
