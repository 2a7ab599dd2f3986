package reports

import (
	"bytes"
	"context"
	"encoding/csv"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
	"breachreport/internal/clienttest"
)

// csvFilter exports every sheet (the last token, -1) as UTF-8 CSV to FILE-Sheet.csv. The
// ninth token chooses between the stored values (false) and the values as shown with their
// number formats (true).
func csvFilter(asShown bool) string {
	return "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true," + strconv.FormatBool(asShown) + ",false,false,-1"
}

// convert runs LibreOffice on file with a profile of its own, so that runs may go in
// parallel and as root, and returns the output directory.
func convert(t *testing.T, soffice, file, filter string) string {
	t.Helper()
	out := t.TempDir()
	profile := t.TempDir()
	args := []string{"-env:UserInstallation=file://" + filepath.ToSlash(profile), "--headless", "--norestore",
		"--convert-to", filter, "--outdir", out, file}
	msg, err := clienttest.Run(t, 3*time.Minute, soffice, args...)
	if err != nil {
		t.Fatalf("soffice %s: %v\n%s", strings.Join(args, " "), err, msg)
	}
	return out
}

// table is one sheet as LibreOffice exported it.
type table struct {
	t    *testing.T
	name string
	rows [][]string
}

func readTable(t *testing.T, dir, base, sheet string) *table {
	t.Helper()
	path := filepath.Join(dir, base+"-"+sheet+".csv")
	b, err := os.ReadFile(path)
	if err != nil {
		entries, _ := os.ReadDir(dir)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Fatalf("%v; LibreOffice wrote %q", err, names)
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &table{t: t, name: sheet, rows: rows}
}

func (tb *table) cell(r, c int) string {
	if r < len(tb.rows) && c < len(tb.rows[r]) {
		return tb.rows[r][c]
	}
	return ""
}

func (tb *table) col(h string) int {
	tb.t.Helper()
	for i, v := range tb.rows[0] {
		if v == h {
			return i
		}
	}
	tb.t.Fatalf("%s: no column %q in %q", tb.name, h, tb.rows[0])
	return 0
}

func (tb *table) rowWhere(c int, v string) int {
	tb.t.Helper()
	for i, row := range tb.rows {
		if c < len(row) && row[c] == v {
			return i
		}
	}
	tb.t.Fatalf("%s: no row with %q in column %d", tb.name, v, c)
	return 0
}

// export is one conversion of the workbook: its values as stored or as shown.
type export struct {
	lang    i18n.Lang
	asShown bool
}

// count is how the export writes a count: 41355 as stored, 41,355 as shown.
func (e export) count(n int64) string {
	if n == none {
		return ""
	}
	if e.asShown {
		return groupDigits(n)
	}
	return strconv.FormatInt(n, 10)
}

// days is how the export writes a day count: 1132 as stored, 1,132 days or 1,132日 as
// shown.
func (e export) days(n int) string {
	if n == none {
		return ""
	}
	if e.asShown {
		return groupDigits(int64(n)) + map[i18n.Lang]string{i18n.En: " days", i18n.Ja: "日"}[e.lang]
	}
	return e.count(int64(n))
}

// checkDate checks a date exported by LibreOffice: as shown it is in the workbook's format;
// as stored LibreOffice writes the date value in a format of its own choosing, which must
// still be the same date (a text cell would come out as written).
func (e export) checkDate(t *testing.T, got, want, what string) {
	t.Helper()
	if want == "" {
		if got != "" {
			t.Errorf("%s = %q, want empty", what, got)
		}
		return
	}
	if e.asShown {
		if e.lang == i18n.Ja {
			want = strings.ReplaceAll(want, "-", "/")
		}
		if got != want {
			t.Errorf("%s = %q, want %q", what, got, want)
		}
		return
	}
	for _, layout := range []string{"2006-01-02", "01/02/2006", "1/2/06", "01/02/06", "2006/01/02"} {
		if d, err := time.Parse(layout, got); err == nil {
			if d.Format("2006-01-02") != want {
				t.Errorf("%s = %q (%s), want %s", what, got, d.Format("2006-01-02"), want)
			}
			return
		}
	}
	t.Errorf("%s = %q, not a date; want %s", what, got, want)
}

// TestLibreOfficeReadsBack opens the workbook in LibreOffice, exports every sheet to CSV,
// once with the stored values and once as shown, and checks the seed figures in both.
func TestLibreOfficeReadsBack(t *testing.T) {
	soffice := clienttest.LibreOffice(t)
	rep := sampleReport(t)
	for _, l := range langs {
		t.Run(string(l), func(t *testing.T) {
			t.Parallel()
			_, raw := writeBook(t, rep, l)
			file := filepath.Join(t.TempDir(), "sample.xlsx")
			if err := os.WriteFile(file, raw, 0o644); err != nil {
				t.Fatal(err)
			}
			for _, asShown := range []bool{false, true} {
				e := export{lang: l, asShown: asShown}
				name := map[bool]string{false: "stored", true: "shown"}[asShown]
				t.Run(name, func(t *testing.T) {
					dir := convert(t, soffice, file, csvFilter(asShown))
					checkLibreOffice(t, e, rep, func(k label) *table { return readTable(t, dir, "sample", k.in(l)) })
				})
			}
		})
	}
}

// checkFigures checks one incident's records by bucket, total and day figures, as the export
// wrote them; get reads a figure by its label on the sheet named what.
func (e export) checkFigures(t *testing.T, what string, want seedIncident, get func(string) string) {
	t.Helper()
	l := e.lang
	for _, bk := range allBuckets {
		n, ok := want.records[bk]
		if !ok {
			n = none
		}
		if got := get(bucketHeader(bk, l)); got != e.count(n) {
			t.Errorf("%s %s %s = %q, want %q", what, want.id, bucketHeader(bk, l), got, e.count(n))
		}
	}
	if got := get(lTotalRecords.in(l)); got != e.count(want.total) {
		t.Errorf("%s %s total = %q, want %q", what, want.id, got, e.count(want.total))
	}
	for _, m := range analysis.Metrics() {
		name := i18n.Metric(m).Name.In(l)
		if got := get(name); got != e.days(want.metrics[m]) {
			t.Errorf("%s %s %s = %q, want %q", what, want.id, name, got, e.days(want.metrics[m]))
		}
	}
}

func checkLibreOffice(t *testing.T, e export, rep analysis.Report, sheet func(label) *table) {
	l := e.lang
	inc := sheet(lSheetIncidents)
	for _, want := range seedIncidents {
		r := inc.rowWhere(inc.col(lIncidentID.in(l)), want.id)
		get := func(h string) string { return inc.cell(r, inc.col(h)) }
		e.checkFigures(t, "Incidents", want, get)
		e.checkDate(t, get(lDetected.in(l)), want.detected, "Incidents "+want.id+" detected")
		e.checkDate(t, get(lContained.in(l)), want.contained, "Incidents "+want.id+" contained")
		e.checkDate(t, get(lDisclosed.in(l)), want.disclosed, "Incidents "+want.id+" disclosed")
		if got := get(lSource.in(l)); got != want.source {
			t.Errorf("Incidents %s source = %q, want %q", want.id, got, want.source)
		}
	}

	sc := sheet(lSheetScopes)
	for _, want := range seedScopes {
		r := sc.rowWhere(sc.col(lLine.in(l)), strconv.Itoa(want.line))
		get := func(h string) string { return sc.cell(r, sc.col(h)) }
		if got := get(lRecords.in(l)); got != e.count(want.records) {
			t.Errorf("Scopes line %d records = %q, want %q", want.line, got, e.count(want.records))
		}
		if got := get(lWindowDays.in(l)); got != e.days(want.window) {
			t.Errorf("Scopes line %d window = %q, want %q", want.line, got, e.days(want.window))
		}
		e.checkDate(t, get(lExposureStart.in(l)), want.start, "Scopes start")
		e.checkDate(t, get(lExposureEnd.in(l)), want.end, "Scopes end")
	}

	cmp := sheet(lSheetComparison)
	fig := cmp.col(lFigure.in(l))
	for _, want := range seedIncidents {
		var c int
		for _, f := range rep.Compare {
			if f.Incident.ID == want.id {
				c = cmp.col(f.Incident.Label())
			}
		}
		get := func(name string) string { return cmp.cell(cmp.rowWhere(fig, name), c) }
		e.checkFigures(t, "Comparison", want, get)
		e.checkDate(t, get(lStartConfirmed.in(l)), want.startConfirmed, "Comparison "+want.id+" start confirmed")
		e.checkDate(t, get(lStartAll.in(l)), want.startAll, "Comparison "+want.id+" start all")
		e.checkDate(t, get(lDisclosed.in(l)), want.disclosed, "Comparison "+want.id+" disclosed")
	}

	sum := sheet(lSheetSummary)
	r := sum.rowWhere(0, lTotalRecords.in(l))
	if got := sum.cell(r, 1); got != e.count(43961+40443) {
		t.Errorf("Summary total = %q, want %q", got, e.count(43961+40443))
	}
	if got := sum.cell(r, 2); got != "2" {
		t.Errorf("Summary total n = %q, want 2", got)
	}
	// The detection → disclosure lag over the two cases: n 2, median and mean (159+148)/2,
	// min 148, max 159.
	r = sum.rowWhere(0, i18n.Metric(analysis.Disclose).Name.In(l))
	unit := ""
	if e.asShown {
		unit = map[i18n.Lang]string{i18n.En: " days", i18n.Ja: "日"}[l]
	}
	for c, want := range []string{"2", "153.5" + unit, "153.5" + unit, "", e.days(148), e.days(159)} {
		if got := sum.cell(r, c+1); want != "" && got != want {
			t.Errorf("Summary lag statistic %d = %q, want %q", c+1, got, want)
		}
	}

	if got := sheet(lSheetIssues).cell(1, 0); got != lNoIssues.in(l) {
		t.Errorf("Data issues A2 = %q, want %q", got, lNoIssues.in(l))
	}
	method := sheet(lSheetMethod)
	for _, want := range seedIncidents {
		method.rowWhere(1, want.source)
	}
}

// TestLibreOfficePDF prints the workbook to PDF with LibreOffice and checks that
// the figures are on the pages. Set BREACHREPORT_PDF_DIR to keep the PDFs for viewing.
func TestLibreOfficePDF(t *testing.T) {
	soffice := clienttest.LibreOffice(t)
	pdftotext := clienttest.Find(t, "poppler-utils", "pdftotext")
	rep := sampleReport(t)
	for _, l := range langs {
		t.Run(string(l), func(t *testing.T) {
			t.Parallel()
			_, raw := writeBook(t, rep, l)
			file := filepath.Join(t.TempDir(), "sample-"+string(l)+".xlsx")
			if err := os.WriteFile(file, raw, 0o644); err != nil {
				t.Fatal(err)
			}
			dir := convert(t, soffice, file, "pdf")
			pdf := filepath.Join(dir, "sample-"+string(l)+".pdf")
			if keep := os.Getenv("BREACHREPORT_PDF_DIR"); keep != "" {
				b, err := os.ReadFile(pdf)
				if err == nil {
					err = os.WriteFile(filepath.Join(keep, filepath.Base(pdf)), b, 0o644)
				}
				if err != nil {
					t.Error(err)
				}
			}
			out, err := clienttest.Run(t, time.Minute, pdftotext, "-layout", pdf, "-")
			if err != nil {
				t.Fatalf("pdftotext: %v\n%s", err, out)
			}
			text := string(out)
			date := map[i18n.Lang]string{i18n.En: "2019-06-04", i18n.Ja: "2019/06/04"}[l]
			for _, want := range []string{"41,355", "43,961", "40,443", "84,404", "1,132", "1,280", date,
				"株式会社サンポークリエイト", "株式会社おもちゃ箱", "https://cybersecurity-jp.com/news/31610",
				lIncidentID.in(l), lTotalRecords.in(l), lChartRecords.in(l), lChartLags.in(l), lReportTitle.in(l)} {
				if !strings.Contains(text, want) {
					t.Errorf("the PDF has no %q", want)
				}
			}
			checkChartPixels(t, pdf)
			if l == i18n.Ja {
				checkJapaneseFont(t, pdf)
			}
		})
	}
}

// checkChartPixels renders the PDF's pages to PNG and checks that one page shows the
// bars of both charts: large areas in the colour of suspected personal records (the
// records chart) and of the detection → disclosure lag (the lag chart), colours that
// nothing else on the pages uses.
func checkChartPixels(t *testing.T, pdf string) {
	t.Helper()
	pdftoppm := clienttest.Find(t, "poppler-utils", "pdftoppm")
	dir := t.TempDir()
	if out, err := clienttest.Run(t, time.Minute, pdftoppm, "-r", "50", "-png", pdf, filepath.Join(dir, "page")); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
	if len(pages) == 0 {
		t.Fatal("pdftoppm wrote no pages")
	}
	colours := map[string]color.RGBA{
		"personal, suspected": hexColour(bucketColor(analysis.Bucket{Type: data.Personal, Certainty: data.Suspected}, 0)),
		"disclosure lag":      hexColour(lagColors[analysis.Disclose]),
	}
	best := map[string]int{}
	for _, page := range pages {
		f, err := os.Open(page)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		n := map[string]int{}
		bounds := img.Bounds()
		for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
			for x := bounds.Min.X; x < bounds.Max.X; x++ {
				r, g, b, _ := img.At(x, y).RGBA()
				for name, c := range colours {
					if near(r>>8, c.R) && near(g>>8, c.G) && near(b>>8, c.B) {
						n[name]++
					}
				}
			}
		}
		if n["personal, suspected"] > 0 && n["disclosure lag"] > 0 {
			for name := range colours {
				best[name] = max(best[name], n[name])
			}
		}
	}
	// At 50 dpi a bar of the charts covers several hundred pixels.
	for name := range colours {
		if best[name] < 150 {
			t.Errorf("no page shows both charts: at most %d pixels in the colour of %s", best[name], name)
		}
	}
}

// checkJapaneseFont checks that the PDF embeds a font with Japanese glyphs (LibreOffice
// substitutes one, such as Noto Sans CJK JP, for Yu Gothic), so the Japanese text is drawn,
// not only present as text.
func checkJapaneseFont(t *testing.T, pdf string) {
	t.Helper()
	pdffonts := clienttest.Find(t, "poppler-utils", "pdffonts")
	out, err := clienttest.Run(t, time.Minute, pdffonts, pdf)
	if err != nil {
		t.Fatalf("pdffonts: %v\n%s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		for _, name := range []string{"CJK", "Gothic", "Mincho", "IPA", "Takao", "Meiryo"} {
			// The embedded column ("emb") is yes for a font drawn from the file.
			if len(f) > 4 && strings.Contains(f[0], name) && slices.Contains(f[1:], "yes") {
				return
			}
		}
	}
	t.Errorf("the Japanese PDF embeds no Japanese font:\n%s", out)
}

func near(v uint32, c uint8) bool { return v+8 >= uint32(c) && v <= uint32(c)+8 }

func hexColour(s string) color.RGBA {
	v, _ := strconv.ParseUint(s, 16, 32)
	return color.RGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 255}
}

// TestLibreOfficeContinuation has LibreOffice read a workbook whose streamed sheets continue
// on further sheets (the row limit lowered to 4): every part opens, with its header and its
// rows in order.
func TestLibreOfficeContinuation(t *testing.T) {
	soffice := clienttest.LibreOffice(t)
	rep := reportFrom(t, []byte(continuationCSV()))
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, rep, Options{Lang: i18n.En, maxRows: 4}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "parts.xlsx")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := convert(t, soffice, file, csvFilter(false))
	var got []string
	for _, sh := range []string{"Incidents", "Incidents (2)", "Incidents (3)"} {
		tb := readTable(t, dir, "parts", sh)
		if tb.cell(0, 0) != lIncidentID.in(i18n.En) {
			t.Errorf("%s A1 = %q, want the header", sh, tb.cell(0, 0))
		}
		for r := 1; r < len(tb.rows); r++ {
			got = append(got, tb.cell(r, 0))
		}
	}
	if want := "inc-1 inc-2 inc-3 inc-4 inc-5 inc-6 inc-7"; strings.Join(got, " ") != want {
		t.Errorf("incidents over the parts = %q, want %q", got, want)
	}
}
