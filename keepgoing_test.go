package main

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// workbookDamagedAt returns an .xlsx workbook whose sheet has a header, good rows, a bad XML
// entity in row at, and good rows after it to row 200: organization "Example Co. NNNN",
// records, and disclosed on a day of June 2019. At 0 the workbook is not damaged.
func workbookDamagedAt(t *testing.T, at int) []byte {
	t.Helper()
	rows := [][]any{{"organization", "records", "disclosed"}}
	for r := 2; r <= 200; r++ {
		records := r
		if r == at {
			records = damageMark
		}
		rows = append(rows, []any{fmt.Sprintf("Example Co. %04d", r), records, fmt.Sprintf("2019-06-%02d", r%28+1)})
	}
	if at == 0 {
		return streamedWorkbook(t, rows)
	}
	return withBadEntity(t, streamedWorkbook(t, rows))
}

// damageMark is the count that withBadEntity turns into a bad XML entity.
const damageMark = 987654321

// streamedWorkbook returns an .xlsx workbook of one sheet, Sheet1, holding rows from A1,
// written as excelize's stream writer writes it.
func streamedWorkbook(t *testing.T, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, r); err != nil {
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
	return buf.Bytes()
}

// withBadEntity returns the workbook with the one cell of Sheet1 holding damageMark
// replaced by an XML entity that does not exist.
func withBadEntity(t *testing.T, xlsx []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		t.Fatal(err)
	}
	mark := []byte(fmt.Sprintf(">%d<", damageMark))
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
		if err != nil || bytes.Count(body, mark) != 1 {
			t.Fatalf("sheet1.xml: %v, or not one %d in it", err, damageMark)
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(bytes.Replace(body, mark, []byte(">&bad;<"), 1))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestKeepGoing checks a workbook damaged at row 60: without --keep-going the run fails,
// naming the row and the flag, and writes nothing; with it, the report is written from the
// 58 rows above, the loss is stated on Summary (and on the first sheet of a period
// workbook), in Data issues, under the dashboards' headings (the --all-months index's and
// each month's too), on the deck's title slide and on stderr, in the report's language, and
// the exit status is still 1. An undamaged workbook's outputs state no loss.
func TestKeepGoing(t *testing.T) {
	damaged, whole := workbookDamagedAt(t, 60), workbookDamagedAt(t, 0)
	stopped := map[string]string{
		"en": `reading stopped at row 60 of sheet "Sheet1", where the sheet is damaged: the report holds only the 58 rows read above it, and the rest of the sheet is lost`,
		"ja": `シート "Sheet1" の60行目でシートが壊れているため、そこで読み込みを打ち切りました。レポートはそれより上で読んだ58行だけによるもので、シートの残りは失われています`,
	}
	issue := map[string]string{
		"en": "reading stopped here: not a readable .xlsx workbook: the sheet is damaged at this row (XML syntax error on line 2: invalid character entity &bad;)",
		"ja": "ここで読み込みを打ち切りました：",
	}
	accounting := map[string]string{"en": "58 rows read, 58 used, 0 rejected", "ja": "58行を読み込み、58行を使用、0行を除外"}
	// stoppedStart begins the loss's statement: no output of an undamaged workbook has it.
	stoppedStart := map[string]string{"en": "reading stopped at row", "ja": "で読み込みを打ち切りました"}
	const (
		wholeDashboard = "charts.html"
		monthWorkbook  = "breach-report-2019-06.xlsx"
		monthDashboard = "charts-2019-06.html"
	)
	tests := []struct {
		name, lang string
		keepGoing  bool
		undamaged  bool
		args       []string
		// workbook is the workbook checked, and sheets its sheets that must state the loss.
		workbook string
		sheets   []string
		// dashboards are the pages, and deck the deck, that must state it under their heading.
		dashboards []string
		deck       string
	}{
		{name: "fails", lang: "en"},
		{name: "fails, Japanese", lang: "ja"},
		{name: "keeps going", lang: "en", keepGoing: true, args: []string{"--pptx"},
			workbook: workbookName, sheets: []string{"Summary"}, dashboards: []string{wholeDashboard}, deck: deckName},
		{name: "keeps going, Japanese", lang: "ja", keepGoing: true, args: []string{"--pptx"},
			workbook: workbookName, sheets: []string{"概要"}, dashboards: []string{wholeDashboard}, deck: deckName},
		{name: "keeps going, a month", lang: "en", keepGoing: true, args: []string{"--month", "2019-06", "--pptx"},
			workbook: monthWorkbook, sheets: []string{"At a glance", "Summary"}, dashboards: []string{monthDashboard}, deck: deckFor(monthWorkbook)},
		{name: "keeps going, a month, Japanese", lang: "ja", keepGoing: true, args: []string{"--month", "2019-06", "--pptx"},
			workbook: monthWorkbook, sheets: []string{"概況", "概要"}, dashboards: []string{monthDashboard}, deck: deckFor(monthWorkbook)},
		{name: "keeps going, all months", lang: "en", keepGoing: true, args: []string{"--all-months"},
			workbook: "2019-06/" + monthWorkbook, sheets: []string{"At a glance", "Summary"}, dashboards: []string{indexName, "2019-06/" + monthDashboard}},
		{name: "keeps going, all months, Japanese", lang: "ja", keepGoing: true, args: []string{"--all-months"},
			workbook: "2019-06/" + monthWorkbook, sheets: []string{"概況", "概要"}, dashboards: []string{indexName, "2019-06/" + monthDashboard}},
		{name: "undamaged", lang: "en", keepGoing: true, undamaged: true, args: []string{"--pptx"},
			workbook: workbookName, sheets: []string{"Summary"}, dashboards: []string{wholeDashboard}, deck: deckName},
		{name: "undamaged, a month, Japanese", lang: "ja", keepGoing: true, undamaged: true, args: []string{"--month", "2019-06", "--pptx"},
			workbook: monthWorkbook, sheets: []string{"概況", "概要"}, dashboards: []string{monthDashboard}, deck: deckFor(monthWorkbook)},
		{name: "undamaged, all months", lang: "en", keepGoing: true, undamaged: true, args: []string{"--all-months"},
			workbook: "2019-06/" + monthWorkbook, sheets: []string{"At a glance", "Summary"}, dashboards: []string{indexName, "2019-06/" + monthDashboard}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			args := append([]string{"generate", "-i", "-", "-o", out, "--lang", tt.lang, "--as-of", "2026-01-01"}, tt.args...)
			if tt.keepGoing {
				args = append(args, "--keep-going")
			}
			in := damaged
			if tt.undamaged {
				in = whole
			}
			r := runRecover(t, in, args...)
			if tt.undamaged {
				if r.status != 0 || strings.Contains(r.stderr, stoppedStart[tt.lang]) {
					t.Errorf("exit status %d, want 0, and stderr must not state a loss:\n%s", r.status, r.stderr)
				}
				f, err := excelize.OpenFile(filepath.Join(out, tt.workbook))
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				for _, sh := range tt.sheets {
					if sheetHas(t, f, sh, stoppedStart[tt.lang]) {
						t.Errorf("sheet %q states a loss", sh)
					}
				}
				for _, d := range tt.dashboards {
					if got, ok := incompleteNotice(t, filepath.Join(out, d)); ok {
						t.Errorf("%s states a loss: %q", d, got)
					}
				}
				if tt.deck != "" && strings.Contains(titleSlideText(t, filepath.Join(out, tt.deck)), stoppedStart[tt.lang]) {
					t.Errorf("%s's title slide states a loss", tt.deck)
				}
				return
			}
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
			for _, d := range tt.dashboards {
				if got, ok := incompleteNotice(t, filepath.Join(out, d)); !strings.Contains(got, stopped[tt.lang]) {
					t.Errorf("%s: the notice under the heading is %q (found %v), want it to hold %q", d, got, ok, stopped[tt.lang])
				}
			}
			if tt.deck != "" {
				if got := titleSlideText(t, filepath.Join(out, tt.deck)); !strings.Contains(got, stopped[tt.lang]) {
					t.Errorf("%s's title slide does not state the loss %q:\n%s", tt.deck, stopped[tt.lang], got)
				}
			}
			f, err := excelize.OpenFile(filepath.Join(out, tt.workbook))
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

// incompleteRE matches a dashboard's statement of an incomplete input, in its header after
// the title.
var incompleteRE = regexp.MustCompile(`(?s)<header>.*<h1>.*</h1>.*<p class="incomplete" role="alert">([^<]*)</p>.*</header>`)

// incompleteNotice returns the text of the dashboard's statement that its input is
// incomplete, and whether it has one; a statement anywhere but in the header after the title
// fails the test.
func incompleteNotice(t *testing.T, path string) (string, bool) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := incompleteRE.FindSubmatch(b)
	if n := bytes.Count(b, []byte(`class="incomplete"`)); n != len(m)/2 {
		t.Errorf("%s: %d statements of an incomplete input, %d in the header under the title", path, n, len(m)/2)
	}
	if m == nil {
		return "", false
	}
	return html.UnescapeString(string(m[1])), true
}

// titleSlideText returns the text of the deck's first slide, one line per text element.
func titleSlideText(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	rc, err := zr.Open("ppt/slides/slide1.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	var text strings.Builder
	d := xml.NewDecoder(rc)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return text.String()
		}
		if err != nil {
			t.Fatalf("%s: slide1.xml: %v", path, err)
		}
		if c, ok := tok.(xml.CharData); ok {
			text.Write(c)
			text.WriteString("\n")
		}
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
