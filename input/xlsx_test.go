package input

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"breachreport/data"

	"github.com/xuri/excelize/v2"
)

// workbook builds an .xlsx in memory: sheets maps each sheet name (in order) to its rows,
// whose cells are set with SetCellValue, so a time.Time becomes a date cell as Excel
// stores it: a serial number with a date format.
func workbook(t testing.TB, date1904 bool, sheets []string, rows map[string][][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if date1904 {
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}); err != nil {
			t.Fatal(err)
		}
	}
	for i, name := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range rows[name] {
			for c, v := range row {
				if v == nil {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellValue(name, cell, v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestReadWorkbook(t *testing.T) {
	rows := [][]any{
		{"事案ID", "企業名", "件数", "漏えい開始日", "漏えい終了日", "公表日", "担当"},
		// Date cells, a numeric count, and a column outside the schema.
		{"a", "株式会社A", 41355, day(2018, 9, 3), day(2018, 12, 27), day(2019, 6, 4), "山田"},
		// Text dates and counts as a consultant types them; no value in the last columns.
		{"b", "株式会社B", "4万1,355件", "2018/9/3", "平成30年12月27日", "令和元年6月4日"},
		// A blank row: skipped, and still counted in the row numbers.
		{},
		// A date with a time of day: the day is kept.
		{"c", "株式会社C", 5, time.Date(2020, 2, 29, 13, 30, 0, 0, time.UTC), nil, day(2020, 3, 2)},
		// The seed's own typo, in a text cell: a warning naming the sheet, row and cell.
		{"d", "株式会社D", 2606, "2018年12月27日7", nil, day(2019, 6, 4)},
		// A value beyond the header's last column: the row is rejected, naming the cell.
		{"e", "株式会社E", 1, nil, nil, day(2019, 6, 4), nil, "stray note"},
		// No organization: rejected.
		{"f", nil, 1, nil, nil, day(2019, 6, 4)},
	}
	b := workbook(t, false, []string{"事案一覧"}, map[string][][]any{"事案一覧": rows})
	res, err := Read(bytes.NewReader(b), Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if res.Sheet != "事案一覧" || res.Encoding != "" {
		t.Errorf("sheet %q, encoding %q; want the only sheet and no encoding", res.Sheet, res.Encoding)
	}
	if res.RowsRead != 6 || len(res.Scopes) != 4 || res.RowsRejected != 2 || res.RowsBlank != 1 {
		t.Fatalf("read %d, used %d, rejected %d, blank %d; want 6, 4, 2, 1", res.RowsRead, len(res.Scopes), res.RowsRejected, res.RowsBlank)
	}
	want := []struct {
		id, start, end, disclosed string
		records                   int64
		line                      int
		extra                     string
	}{
		{"a", "2018-09-03", "2018-12-27", "2019-06-04", 41355, 2, "山田"},
		{"b", "2018-09-03", "2018-12-27", "2019-06-04", 41355, 3, ""},
		{"c", "2020-02-29", "", "2020-03-02", 5, 5, ""},
		{"d", "", "", "2019-06-04", 2606, 6, ""},
	}
	for i, w := range want {
		sc := res.Scopes[i]
		n := sc.Records
		n.Written = "" // the text as written is ParseCount's to test
		if sc.IncidentID != w.id || sc.ExposureStart.String() != w.start || sc.ExposureEnd.String() != w.end ||
			sc.Disclosed.String() != w.disclosed || n != data.KnownCount(w.records) || sc.Line != w.line ||
			strings.Join(sc.Extra, ",") != w.extra {
			t.Errorf("scope %d = %+v; want %+v", i, sc, w)
		}
	}
	checkIssues(t, res.Issues, true,
		`warning: sheet "事案一覧" row 6, column 漏えい開始日 (cell D6), value "2018年12月27日7": not a date`,
		`rejected: sheet "事案一覧" row 7, value "e,株式会社E,1,,,2019-06-04,,stray note": cell H7 holds a value beyond the header's last column, G`,
		`rejected: sheet "事案一覧" row 8, column 企業名 (cell B8), value "": organization is required`)
}

func TestReadWorkbook1904(t *testing.T) {
	// In a workbook that counts from 1904, serial 42158 is 2019-06-04 (43620 in 1900 terms).
	rows := [][]any{{"organization", "disclosed", "detected"}, {"Acme", 42158, day(2019, 5, 1)}}
	b := workbook(t, true, []string{"list"}, map[string][][]any{"list": rows})
	res, err := Read(bytes.NewReader(b), Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Scopes) != 1 || res.Scopes[0].Disclosed.String() != "2019-06-04" || res.Scopes[0].Detected.String() != "2019-05-01" {
		t.Fatalf("scopes = %+v; want disclosed 2019-06-04, detected 2019-05-01", res.Scopes)
	}
}

func TestReadWorkbookSheets(t *testing.T) {
	list := [][]any{{"organization", "disclosed"}, {"Acme", day(2019, 6, 4)}}
	notes := [][]any{{"These are notes"}}
	b := workbook(t, false, []string{"Notes", "Incident list"}, map[string][][]any{"Notes": notes, "Incident list": list})

	res, err := Read(bytes.NewReader(b), Options{Now: testNow, Sheet: "incident LIST"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Sheet != "Incident list" || len(res.Scopes) != 1 {
		t.Errorf("sheet %q, %d scopes; want Incident list, 1 (sheet names match like headers)", res.Sheet, len(res.Scopes))
	}

	tests := []struct {
		name  string
		input []byte
		opts  Options
		is    error
		want  string
	}{
		{"several sheets and none named", b, Options{}, ErrSheet, `the workbook has 2 sheets ("Notes", "Incident list"); name the one to read`},
		{"a sheet that is not there", b, Options{Sheet: "2019"}, ErrSheet, `the workbook has no sheet "2019"; its sheets are "Notes", "Incident list"`},
		{"a sheet named, CSV input", []byte("organization\nAcme\n"), Options{Sheet: "x"}, ErrSheet, `the sheet "x" is named, but the input is not an .xlsx workbook`},
		{"an encoding with a workbook", b, Options{Sheet: "Notes", Encoding: "cp932"}, ErrEncoding, "applies to CSV input only"},
		{"a sheet without the columns", b, Options{Sheet: "Notes"}, ErrMissingCol, `sheet "Notes" row 1: missing required column: organization`},
		{"a loose name matching two sheets", workbook(t, false, []string{"2019-list", "2019 list"}, nil), Options{Sheet: "2019_LIST"}, ErrSheet, `the sheet "2019_LIST" could be any of "2019-list", "2019 list"`},
		{"an empty sheet", workbook(t, false, []string{"empty"}, nil), Options{}, ErrEmpty, `sheet "empty": empty input`},
		{"a broken workbook", append([]byte("PK\x03\x04"), make([]byte, 100)...), Options{}, ErrWorkbook, "cannot be opened"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(bytes.NewReader(tt.input), tt.opts)
			if !errors.Is(err, tt.is) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v; want %v containing %q", err, tt.is, tt.want)
			}
		})
	}
}

func TestReadWorkbookHiddenSheet(t *testing.T) {
	// A hidden lookup sheet beside the list does not make the choice ambiguous.
	list := [][]any{{"organization", "disclosed"}, {"Acme", day(2019, 6, 4)}}
	b := workbook(t, false, []string{"lookup", "list"}, map[string][][]any{"lookup": {{"codes"}}, "list": list})
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	f.SetActiveSheet(1)
	if err := f.SetSheetVisible("lookup", false); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	res, err := Read(&buf, Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if res.Sheet != "list" || len(res.Scopes) != 1 {
		t.Errorf("read sheet %q, %d scopes; want the only visible sheet, list", res.Sheet, len(res.Scopes))
	}
}

func TestReadWorkbookWithMapping(t *testing.T) {
	// A mapping applies to a sheet as to CSV; a date format applies to text cells, and date
	// cells are read as dates whatever the format says.
	m := mustMapping(t, "[fields]\norganization = \"Name\"\ndisclosed = { column = \"Reported\", date_format = \"January 2, 2006\" }\ndetected = \"Aware\"\n")
	rows := [][]any{{"Name", "Reported", "Aware"}, {"Acme", "June 4, 2019", day(2019, 5, 1)}, {"Beta", day(2019, 7, 1), "2019-06-30"}}
	b := workbook(t, false, []string{"x"}, map[string][][]any{"x": rows})
	res, err := Read(bytes.NewReader(b), Options{Now: testNow, Mapping: m})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Scopes) != 2 || len(res.Issues) != 0 {
		t.Fatalf("scopes %+v, issues %v", res.Scopes, res.Issues)
	}
	if a, b := res.Scopes[0], res.Scopes[1]; a.Disclosed.String() != "2019-06-04" || a.Detected.String() != "2019-05-01" ||
		b.Disclosed.String() != "2019-07-01" || b.Detected.String() != "2019-06-30" {
		t.Errorf("dates = %v %v / %v %v", a.Disclosed, a.Detected, b.Disclosed, b.Detected)
	}
}

// patchZip returns the .xlsx b with the text of one part changed: each regular expression of
// repl replaced by its value, so that a test can store cells excelize has no setter for, such
// as error values.
func patchZip(t *testing.T, b []byte, part string, repl map[string]string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == part {
			for old, new := range repl {
				re := regexp.MustCompile(old)
				if !re.Match(body) {
					t.Fatalf("%s has no %q:\n%s", part, old, body)
				}
				body = re.ReplaceAll(body, []byte(new))
			}
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestReadWorkbookCellTypes checks that cells are read by the type the sheet stores, not
// only by their text: serials only from numeric cells, formulas without a saved value and
// error values reported, booleans as words, counts stored as floats.
func TestReadWorkbookCellTypes(t *testing.T) {
	rows := [][]any{
		{"organization", "records", "disclosed", "detected", "notes"},
		// Text that looks like a serial is not a date; the text "2019" is a year, as in CSV.
		{"A", 1, "2019", "43620", nil},
		// The number 2019 is no plausible serial (it would be 1905): read as its text, a year.
		{"B", 2, 2019, day(2019, 5, 1), true},
		// A count a formula stored as 41354.9999999 is 41355.
		{"C", 41354.9999999, day(2019, 6, 4), nil, nil},
		// Formulas without saved values, and an error value (patched in below).
		{"D", nil, nil, nil, "ERR"},
	}
	b := workbook(t, false, []string{"s"}, map[string][][]any{"s": rows})
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	for cell, formula := range map[string]string{"B5": "1000+355", "C5": "DATE(2019,6,4)"} {
		if err := f.SetCellFormula("s", cell, formula); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	f.Close()
	// The notes cell of row 5 becomes the error value #N/A, as a failed VLOOKUP leaves it.
	b = patchZip(t, buf.Bytes(), "xl/worksheets/sheet1.xml", map[string]string{`<c r="E5" t="s"><v>\d+</v></c>`: `<c r="E5" t="e"><v>#N/A</v></c>`})

	res, err := Read(bytes.NewReader(b), Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Scopes) != 4 {
		t.Fatalf("%d scopes, issues %v", len(res.Scopes), res.Issues)
	}
	a, bb, c, d := res.Scopes[0], res.Scopes[1], res.Scopes[2], res.Scopes[3]
	if a.Disclosed.String() != "2019" || a.Disclosed.Precision() != data.PrecisionYear || a.Detected.Known() {
		t.Errorf("A: disclosed %v (precision %d), detected %v; want the year 2019 and an unknown detected", a.Disclosed, a.Disclosed.Precision(), a.Detected)
	}
	if bb.Disclosed.String() != "2019" || bb.Detected.String() != "2019-05-01" || bb.Notes != "TRUE" {
		t.Errorf("B: disclosed %v, detected %v, notes %q", bb.Disclosed, bb.Detected, bb.Notes)
	}
	if c.Records != data.KnownCount(41355) || c.Disclosed.String() != "2019-06-04" {
		t.Errorf("C: records %v, disclosed %v", c.Records, c.Disclosed)
	}
	if d.Records.Known || d.Disclosed.Known() || d.Notes != "" {
		t.Errorf("D: records %v, disclosed %v, notes %q; want all blank", d.Records, d.Disclosed, d.Notes)
	}
	var got []string
	for _, is := range res.Issues {
		got = append(got, is.String())
	}
	want := []string{
		`sheet "s" row 2, column detected (cell D2), value "43620": not a date`,
		`sheet "s" row 5, column records (cell B5), value "=1000+355": the cell holds a formula with no saved value`,
		`sheet "s" row 5, column disclosed (cell C5), value "=DATE(2019,6,4)": the cell holds a formula with no saved value`,
		`sheet "s" row 5, column notes (cell E5), value "#N/A": the cell holds an error value; treated as blank`,
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, w)
		}
		if !found {
			t.Errorf("no issue %q in %q", w, got)
		}
	}
}

// TestReadWorkbookDamaged checks that damage to a sheet's XML stops the reading, naming the
// sheet's own row where it is, and that a cell refering to a shared string the workbook
// does not have is an issue naming the cell: never rows lost in silence.
func TestReadWorkbookDamaged(t *testing.T) {
	rows := [][]any{{"organization", "records", "disclosed"}}
	for i := range 1000 {
		rows = append(rows, []any{fmt.Sprintf("Org%d", i), i + 1, day(2019, 6, 4)})
	}
	b := workbook(t, false, []string{"s"}, map[string][][]any{"s": rows})
	const fix = "; the rows before it can be read, not the rest: open and save the workbook in Excel or LibreOffice, or export the sheet as CSV"
	tests := []struct {
		name string
		repl map[string]string
		// understate makes the zip header of the sheet's part state a size smaller than the
		// part inflates to.
		understate bool
		err        string // the error; empty when the sheet reads
		// issue is an issue the reading must give, and used the rows used.
		issue string
		used  int
		// kept is the rows used under KeepGoing, when not all the rows above the error's.
		kept int
	}{
		{name: "bad entity in row 2",
			repl: map[string]string{`<c r="A2" t="s"><v>\d+</v></c>`: `<c r="A2" t="inlineStr"><is><t>a&bad;b</t></is></c>`},
			err:  `sheet "s" row 2: not a readable .xlsx workbook: the sheet is damaged at this row (XML syntax error on line 2: invalid character entity &bad;)` + fix},
		{name: "bad entity in row 60",
			repl: map[string]string{`<c r="A60" t="s"><v>\d+</v></c>`: `<c r="A60" t="inlineStr"><is><t>a&bad;b</t></is></c>`},
			err:  `sheet "s" row 60: not a readable .xlsx workbook: the sheet is damaged at this row (XML syntax error on line 2: invalid character entity &bad;)` + fix},
		{name: "element not closed in row 600",
			repl: map[string]string{`<row r="600"`: `<row r="600"><x`},
			err:  `sheet "s" row 600: not a readable .xlsx workbook: the sheet is damaged at this row (XML syntax error on line 2: element <x> closed by </row>)` + fix},
		{name: "sheet cut after row 59",
			repl: map[string]string{`<row r="60".*`: ``},
			err:  `sheet "s" row 60: not a readable .xlsx workbook: the sheet is damaged at this row (XML syntax error on line 2: unexpected EOF)` + fix},
		{name: "row numbered past the last",
			repl: map[string]string{`<row r="60"`: `<row r="1048577"`},
			kept: 58,
			err:  `sheet "s" row 1048577: not a readable .xlsx workbook: the sheet is damaged at this row (a sheet has 1048576 rows at most)` + fix},
		{name: "row out of order",
			repl: map[string]string{`<row r="80"`: `<row r="20"`},
			kept: 78,
			err:  `sheet "s" row 20: not a readable .xlsx workbook: the sheet is damaged at this row (the row comes after row 79; a sheet's rows are in order)` + fix},
		{name: "cell reference that is no cell",
			repl: map[string]string{`<c r="B70"`: `<c r="B0"`},
			err:  `sheet "s" row 70: not a readable .xlsx workbook: the sheet is damaged at this row (the cell reference "B0" is no cell)` + fix},
		{name: "part larger than its header says", understate: true,
			err: `sheet "s" row 1: not a readable .xlsx workbook: the sheet is damaged at this row (the archive's part xl/worksheets/sheet1.xml does not inflate as its header says: zip: not a valid zip file)` + fix},
		{name: "shared string out of range",
			repl:  map[string]string{`<c r="A60" t="s"><v>\d+</v></c>`: `<c r="A60" t="s"><v>99999</v></c>`},
			issue: `sheet "s" row 60, column organization (cell A60), value "99999": the cell refers to a shared string the workbook does not have (the file is damaged); treated as blank`,
			used:  999},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := b
			if tt.repl != nil {
				p = patchZip(t, b, "xl/worksheets/sheet1.xml", tt.repl)
			}
			if tt.understate {
				p = understateSize(t, b, "xl/worksheets/sheet1.xml", 100)
			}
			res, err := Read(bytes.NewReader(p), Options{Now: testNow})
			if tt.err != "" {
				var pe *ParseError
				if !errors.As(err, &pe) || err.Error() != tt.err || !errors.Is(err, ErrWorkbook) {
					t.Fatalf("error %v (%T)\nwant *ParseError %s", err, err, tt.err)
				}
				checkKeepGoing(t, p, pe, tt.kept)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.RowsUsed != tt.used {
				t.Errorf("%d rows used, want %d", res.RowsUsed, tt.used)
			}
			found := false
			for _, is := range res.Issues {
				found = found || is.String() == tt.issue
			}
			if !found {
				t.Errorf("no issue %q in %v", tt.issue, res.Issues)
			}
		})
	}
}

// checkKeepGoing checks that under KeepGoing the workbook b, whose reading fails with
// damage, reads the rows above the damage (each data row of the test's sheet is used), with
// the damage in Result.Stopped and a warning at its row; damage in the header's row still
// fails the read. kept, when not 0, is the rows read, when not all those above the damage's
// (the row numbers went wrong before).
func checkKeepGoing(t *testing.T, b []byte, damage *ParseError, kept int) {
	t.Helper()
	res, err := Read(bytes.NewReader(b), Options{Now: testNow, KeepGoing: true})
	if damage.Line <= 1 {
		if err == nil || err.Error() != damage.Error() {
			t.Errorf("keep going: error %v, want %v", err, damage)
		}
		return
	}
	if err != nil {
		t.Fatalf("keep going: %v", err)
	}
	if res.Stopped == nil || res.Stopped.Error() != damage.Error() {
		t.Errorf("keep going: stopped at %v, want %v", res.Stopped, damage)
	}
	want := damage.Line - 2
	if kept != 0 {
		want = kept
	}
	if res.RowsUsed != want || res.RowsRead != want {
		t.Errorf("keep going: %d rows read, %d used; want %d", res.RowsRead, res.RowsUsed, want)
	}
	issue := fmt.Sprintf(`sheet "s" row %d: reading stopped here: %s; the rows from here on are lost, and the figures hold only the rows above`,
		damage.Line, damage.Err)
	if n := len(res.Issues); n != 1 || res.Issues[n-1].String() != issue || res.Issues[n-1].Severity != data.Warning {
		t.Errorf("keep going: issues %q\nwant the one warning %q", res.Issues, issue)
	}
}

// understateSize returns the .xlsx b with the zip header of part stating size bytes, fewer
// than the part inflates to, as a damaged or forged archive does.
func understateSize(t *testing.T, b []byte, part string, size uint64) []byte {
	t.Helper()
	return rewriteHeaders(t, b, func(h *zip.FileHeader) {
		if h.Name != part {
			return
		}
		if h.UncompressedSize64 <= size {
			t.Fatalf("%s inflates to %d bytes, no more than %d", part, h.UncompressedSize64, size)
		}
		h.UncompressedSize64 = size
	})
}

// TestReadWorkbookPartNames checks that the sheet is found, to be checked, where the archive's
// relationships put it, as excelize finds it: a workbook part not named xl/workbook.xml, and
// a sheet's target given from the archive's root.
func TestReadWorkbookPartNames(t *testing.T) {
	rows := [][]any{{"organization", "records", "disclosed"}, {"A", 1, day(2019, 6, 4)}, {"B", 2, day(2019, 6, 5)}}
	b := workbook(t, false, []string{"s"}, map[string][][]any{"s": rows})
	tests := []struct {
		name    string
		rename  map[string]string
		patches map[string]map[string]string
	}{
		{name: "as excelize writes it"},
		{name: "workbook part elsewhere",
			rename: map[string]string{"xl/workbook.xml": "xl/book.xml", "xl/_rels/workbook.xml.rels": "xl/_rels/book.xml.rels"},
			patches: map[string]map[string]string{
				"_rels/.rels":         {`xl/workbook\.xml`: "xl/book.xml"},
				"[Content_Types].xml": {`/xl/workbook\.xml`: "/xl/book.xml"},
			}},
		{name: "sheet target from the root",
			patches: map[string]map[string]string{"xl/_rels/workbook.xml.rels": {`Target="worksheets/sheet1\.xml"`: `Target="/xl/worksheets/sheet1.xml"`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := b
			for part, repl := range tt.patches {
				p = patchZip(t, p, part, repl)
			}
			p = renameParts(t, p, tt.rename)
			res, err := Read(bytes.NewReader(p), Options{Now: testNow})
			if err != nil {
				t.Fatal(err)
			}
			if res.RowsUsed != 2 {
				t.Errorf("%d rows used, want 2", res.RowsUsed)
			}
		})
	}
}

// renameParts returns the .xlsx b with the parts named by the keys of names renamed.
func renameParts(t *testing.T, b []byte, names map[string]string) []byte {
	t.Helper()
	return rewriteHeaders(t, b, func(h *zip.FileHeader) {
		if n, ok := names[h.Name]; ok {
			h.Name = n
		}
	})
}

// rewriteHeaders returns the zip archive b with each part's header as edit leaves it, the
// parts' compressed bytes copied as they are.
func rewriteHeaders(t *testing.T, b []byte, edit func(*zip.FileHeader)) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		h := f.FileHeader
		edit(&h)
		w, err := zw.CreateRaw(&h)
		if err != nil {
			t.Fatal(err)
		}
		rc, err := f.OpenRaw()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, rc); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
