package reports

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"breachreport/analysis"
	"breachreport/i18n"
)

// japanExample is the Japanese example list: a year of incidents disclosed in Japan, up to
// June 2024.
const japanExample = "../examples/japan-2023-06_2024-06.csv"

// japanBook writes the June 2024 workbook of the Japanese example in language l, as
// generate --month 2024-06 --client … does.
func japanBook(t testing.TB, l i18n.Lang) (*book, []byte, *analysis.PeriodReport, []byte) {
	t.Helper()
	raw, err := os.ReadFile(japanExample)
	if err != nil {
		t.Fatal(err)
	}
	b, buf, pr := japanBookFrom(t, l, raw)
	return b, buf, pr, raw
}

// japanBookFrom is japanBook of the input raw instead of the example.
func japanBookFrom(t testing.TB, l i18n.Lang, raw []byte) (*book, []byte, *analysis.PeriodReport) {
	t.Helper()
	return japanBookWith(t, raw, Options{Lang: l, Client: "株式会社サンプル"})
}

// japanBookWith is japanBookFrom written with opts (their Period is June 2024's).
func japanBookWith(t testing.TB, raw []byte, opts Options) (*book, []byte, *analysis.PeriodReport) {
	t.Helper()
	var err error
	l := opts.Lang
	rep := reportFrom(t, raw)
	rep.Input = "C:\\Users\\consultant\\案件\\japan.csv"
	pr := rep.Incidents.Timeline().Report(analysis.Month{Year: 2024, Month: 6}.Period())
	rep.Incidents, rep.Summary = analysis.NewIncidents(pr.Subject.Incidents), pr.Subject.Summary
	if rep.Compare, err = analysis.SelectComparison(rep.Incidents, nil, 6); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	opts.Period = &pr
	if err := Write(context.Background(), &buf, rep, opts); err != nil {
		t.Fatalf("Write: %v", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return &book{t: t, f: f, lang: l}, buf.Bytes(), &pr
}

// TestGlanceIncidents: the first sheet of a period workbook lists exactly the period's
// incidents, one row each, by disclosure date, with their organisation and count.
func TestGlanceIncidents(t *testing.T) {
	for _, l := range langs {
		t.Run(string(l), func(t *testing.T) {
			b, _, pr, _ := japanBook(t, l)
			sh := b.f.GetSheetList()[0]
			if sh != lSheetGlance.in(l) {
				t.Fatalf("first sheet %q, want %q", sh, lSheetGlance.in(l))
			}
			head := b.rowWhere(sh, 1, lDisclosed.in(l))
			var got []string
			prev := 0.0
			for r := head + 1; b.str(sh, 2, r) != ""; r++ {
				d, ok := b.number(sh, 1, r)
				if !ok || d < prev {
					t.Errorf("row %d: disclosed %v after %v", r, d, prev)
				}
				prev = d
				tm, _ := excelize.ExcelDateToTime(d, false)
				got = append(got, tm.Format("2006-01-02")+" "+b.str(sh, 2, r))
			}
			var want []string
			for _, f := range pr.Subject.Incidents {
				want = append(want, f.Incident.Disclosed.Time().Format("2006-01-02")+" "+orgService(&f.Incident, l))
			}
			slices.Sort(got)
			slices.Sort(want)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("listed:\n%s\nwant the period's %d incidents:\n%s", strings.Join(got, "\n"), len(want), strings.Join(want, "\n"))
			}
			if len(want) != 22 {
				t.Errorf("the example has %d incidents in June 2024, want 22", len(want))
			}
		})
	}
}

// TestGlanceSentences: every figure the summary sentences state is a cell of the
// comparison under them, with the same value, and the sentence writes it as the figure's
// text.
func TestGlanceSentences(t *testing.T) {
	for _, l := range langs {
		t.Run(string(l), func(t *testing.T) {
			b, _, pr, _ := japanBook(t, l)
			sh := lSheetGlance.in(l)
			// The comparison's columns: B the figure, C this period, E the change against
			// the previous period, G against a year earlier.
			cells := map[i18n.FigureName][2]any{
				i18n.FigIncidents:         {lIncidentsCol, 3},
				i18n.FigVsPrevious:        {lIncidentsCol, 5},
				i18n.FigVsYearEarlier:     {lIncidentsCol, 7},
				i18n.FigRecords:           {lRecordsCol, 3},
				i18n.FigRecordsUnknown:    {lUnknownCountRow, 3},
				i18n.FigTopCauseIncidents: {lTopCauseRow, 3},
			}
			sentences := i18n.PeriodSummary(*pr, l)
			figures := 0
			for _, s := range sentences {
				b.rowWhere(sh, 1, s.Text) // the sentence is on the sheet
				for _, f := range s.Figures {
					figures++
					at, ok := cells[f.Name]
					if !ok {
						t.Errorf("%q: figure %s has no cell", s.Text, f.Name)
						continue
					}
					r := b.rowWhere(sh, 2, at[0].(label).in(l))
					v, ok := b.number(sh, at[1].(int), r)
					if !ok || v != f.Value {
						t.Errorf("%q: %s = %v, but cell %s holds %v", s.Text, f.Name, f.Value, cellRef(at[1].(int), r), v)
					}
					if !strings.Contains(s.Text, f.Text) {
						t.Errorf("%q does not write %s as %q", s.Text, f.Name, f.Text)
					}
				}
			}
			if figures < 5 {
				t.Errorf("the sentences state %d figures, want at least 5: %+v", figures, sentences)
			}
		})
	}
}

// anchor is where a chart sits, 0-based, with offsets in EMU.
type anchor struct {
	From cellPoint `xml:"from"`
	To   cellPoint `xml:"to"`
}

type cellPoint struct {
	Col    int   `xml:"col"`
	ColOff int64 `xml:"colOff"`
	Row    int   `xml:"row"`
	RowOff int64 `xml:"rowOff"`
}

// TestChartAnchors reads every chart's anchor from the drawing XML of the period
// workbooks and checks that no two charts overlap, that no cell with a value lies under a
// chart, that only table rows lie beside one (a lone line of text spills right, under
// it), that each ends inside the printed page's width, and that no page break set by the
// workbook cuts through one. The breakdowns' charts go side by side in pairs.
func TestChartAnchors(t *testing.T) {
	type bookOf func(t *testing.T, l i18n.Lang) (*book, []byte)
	for name, mk := range map[string]bookOf{
		"japan": func(t *testing.T, l i18n.Lang) (*book, []byte) { b, raw, _, _ := japanBook(t, l); return b, raw },
		"japan-30": func(t *testing.T, l i18n.Lang) (*book, []byte) {
			raw, err := os.ReadFile(japanExample)
			if err != nil {
				t.Fatal(err)
			}
			b, book, _ := japanBookFrom(t, l, thirtyIncidents(t, raw))
			return b, book
		},
		"small": func(t *testing.T, l i18n.Lang) (*book, []byte) { return writePeriodBook(t, "2019-06", l) },
	} {
		for _, l := range langs {
			t.Run(name+"/"+string(l), func(t *testing.T) {
				b, raw := mk(t, l)
				pkg := unzip(t, raw)
				charts, besides := 0, 0
				for _, sh := range b.f.GetSheetList() {
					part := pkg.sheetPart(t, sh)
					d := struct{ Anchors []anchor }{pkg.anchors(t, sh)}
					charts += len(d.Anchors)
					before := func(r1 int, o1 int64, r2 int, o2 int64) bool { return r1 < r2 || r1 == r2 && o1 <= o2 }
					for i, a := range d.Anchors {
						for _, c := range d.Anchors[i+1:] {
							rowsApart := before(a.To.Row, a.To.RowOff, c.From.Row, c.From.RowOff) || before(c.To.Row, c.To.RowOff, a.From.Row, a.From.RowOff)
							colsApart := before(a.To.Col, a.To.ColOff, c.From.Col, c.From.ColOff) || before(c.To.Col, c.To.ColOff, a.From.Col, a.From.ColOff)
							if !rowsApart && !colsApart {
								t.Errorf("%s: charts at rows %d–%d and %d–%d overlap", sh, a.From.Row+1, a.To.Row+1, c.From.Row+1, c.To.Row+1)
							}
						}
						rows, _ := b.f.GetRows(sh)
						for r := a.From.Row; r <= a.To.Row && r < len(rows); r++ {
							for c := a.From.Col; c <= a.To.Col && c < len(rows[r]); c++ {
								if rows[r][c] != "" {
									t.Errorf("%s: cell %s (%q) lies under the chart at rows %d–%d", sh, cellRef(c+1, r+1), rows[r][c], a.From.Row+1, a.To.Row+1)
								}
							}
							var values []int
							for c, v := range rows[r][:min(a.From.Col, len(rows[r]))] {
								if v != "" {
									values = append(values, c)
								}
							}
							if len(values) == 1 {
								t.Errorf("%s: the line %s (%q) lies beside the chart at rows %d–%d, and spills under it", sh, cellRef(values[0]+1, r+1), rows[r][values[0]], a.From.Row+1, a.To.Row+1)
							}
						}
						for _, c := range d.Anchors {
							if c != a && c.From.Row <= a.To.Row && a.From.Row <= c.To.Row {
								besides++
							}
						}
						// The chart's right edge, in characters of column width as the
						// print scale counts them: seven pixels each (see colPixels), on
						// the period sheets, whose charts are placed by the page's width.
						if sh == lSheetTrend.in(l) || sh == lSheetBreakdowns.in(l) {
							px := float64(a.To.ColOff) / 9525
							for c := range a.To.Col {
								name, _ := excelize.ColumnNumberToName(c + 1)
								cw, _ := b.f.GetColWidth(sh, name)
								px += float64(colPixels(cw))
							}
							if lay, _ := b.f.GetPageLayout(sh); lay.AdjustTo != nil && px/7 > pageChars(l)*100/float64(*lay.AdjustTo)+0.5 {
								t.Errorf("%s: the chart at rows %d–%d ends %.1f characters right, past the page's width at %d%%", sh, a.From.Row+1, a.To.Row+1, px/7, *lay.AdjustTo)
							}
						}
						for _, brk := range rowBreaks(t, pkg[part]) {
							// A break after row brk (1-based) starts row brk+1 on a new page.
							if brk > a.From.Row && brk <= a.To.Row {
								t.Errorf("%s: a page break after row %d cuts the chart at rows %d–%d", sh, brk, a.From.Row+1, a.To.Row+1)
							}
						}
					}
				}
				if charts < 4 {
					t.Errorf("%d charts in the workbook, want at least the trend's and the breakdowns'", charts)
				}
				if name != "small" && besides < 4 {
					t.Errorf("%d charts beside another, want the breakdowns' two pairs", besides)
				}
			})
		}
	}
}

// rowBreaks returns the manual row breaks of a sheet part: the rows after which a new page
// starts.
func rowBreaks(t *testing.T, part []byte) []int {
	var ws struct {
		Breaks []struct {
			ID int `xml:"id,attr"`
		} `xml:"rowBreaks>brk"`
	}
	if err := xml.Unmarshal(part, &ws); err != nil {
		t.Fatal(err)
	}
	var out []int
	for _, b := range ws.Breaks {
		out = append(out, b.ID)
	}
	return out
}

// englishWords finds two English words in a row: a sentence or a label left in English.
var englishWords = regexp.MustCompile(`[A-Za-z]{2,} +[A-Za-z]{2,}`)

// inputSpellings are the English spellings of the input the Method sheet quotes as read.
var inputSpellings = strings.NewReplacer("credit card", "", "up to", "")

// TestNoEnglishInJapanese scans every cell of the Japanese period workbook: none but the
// input's own text (names, causes, URLs, its file name) holds English words. The Data
// issues sheet's messages are the message catalogue's, checked with it.
func TestNoEnglishInJapanese(t *testing.T) {
	b, _, _, raw := japanBook(t, i18n.Ja)
	input := string(raw)
	for _, sh := range b.f.GetSheetList() {
		if sh == lSheetIssues.in(i18n.Ja) {
			continue
		}
		rows, err := b.f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v == "" || strings.Contains(input, v) || strings.Contains(v, `C:\Users`) {
					continue
				}
				if m := englishWords.FindString(inputSpellings.Replace(v)); m != "" {
					t.Errorf("%s!%s: %q holds English (%q)", sh, cellRef(c+1, r+1), v, m)
				}
			}
		}
	}
}

// TestPrintScale: every sheet of the Japanese period workbook prints one page wide at 70%
// or more: fitted to the page's width, or at a scale of 70% or more, with the columns it
// prints (its print area's, or all) no wider than the page at that scale. With
// --print-all the wide reference tables print their key columns only, and the page header
// says so; without it they print nothing (TestPrintSet), and their page setup is the same
// for when their print area is cleared.
func TestPrintScale(t *testing.T) {
	raw, err := os.ReadFile(japanExample)
	if err != nil {
		t.Fatal(err)
	}
	for _, printAll := range []bool{true, false} {
		t.Run(fmt.Sprint("print-all=", printAll), func(t *testing.T) {
			b, _, _ := japanBookWith(t, raw, Options{Lang: i18n.Ja, PrintAll: printAll})
			areas := printAreas(b)
			for _, k := range []label{lSheetIncidents, lSheetScopes, lSheetDamage} {
				if i, _ := b.f.GetSheetIndex(k.in(i18n.Ja)); printAll && i >= 0 && !strings.Contains(areas[k.in(i18n.Ja)], ":") {
					t.Errorf("%s has no print area of its key columns", k.in(i18n.Ja))
				}
			}
			for _, sh := range b.f.GetSheetList() {
				lay, err := b.f.GetPageLayout(sh)
				if err != nil {
					t.Fatal(err)
				}
				sp, _ := b.f.GetSheetProps(sh)
				fit := sp.FitToPage != nil && *sp.FitToPage
				scale := float64(minPrintScale)
				switch {
				case fit && (lay.FitToWidth == nil || *lay.FitToWidth != 1 || lay.FitToHeight == nil || *lay.FitToHeight != 0):
					t.Errorf("%s: fitted %v wide and %v tall, want 1 and any", sh, lay.FitToWidth, lay.FitToHeight)
				case !fit && (lay.AdjustTo == nil || *lay.AdjustTo < minPrintScale):
					t.Errorf("%s: scale %v, want %d%% or more", sh, lay.AdjustTo, minPrintScale)
				case !fit:
					scale = float64(*lay.AdjustTo)
				}
				dim, _ := b.f.GetSheetDimension(sh)
				last, _, _ := excelize.CellNameToCoordinates(dim[strings.LastIndex(dim, ":")+1:])
				hf, _ := b.f.GetHeaderFooter(sh)
				if a := areas[sh]; strings.Contains(a, ":") && printAll {
					ref := a[strings.LastIndex(a, ":")+1:]
					col, _, err := excelize.CellNameToCoordinates(strings.ReplaceAll(ref, "$", ""))
					if err != nil {
						t.Fatalf("%s: print area %q: %v", sh, a, err)
					}
					last = col
					if !strings.Contains(hf.OddHeader, "印刷は") {
						t.Errorf("%s: the page header %q does not say which columns print", sh, hf.OddHeader)
					}
				} else if strings.Contains(hf.OddHeader, "印刷は") {
					t.Errorf("%s: the page header %q says which columns print, but all of them would", sh, hf.OddHeader)
				}
				w := 0.0
				for i := range last {
					name, _ := excelize.ColumnNumberToName(i + 1)
					cw, _ := b.f.GetColWidth(sh, name)
					w += cw
				}
				if w > pageChars(i18n.Ja)*100/scale+0.5 {
					t.Errorf("%s: prints %s characters wide at %v%%, wider than a page", sh, strconv.FormatFloat(w, 'f', 1, 64), scale)
				}
			}
		})
	}
}

// definedNames returns what the defined name (such as _xlnm.Print_Titles) of each sheet of
// b that has one refers to, by sheet name.
func definedNames(b *book, name string) map[string]string {
	refs := map[string]string{}
	for _, dn := range b.f.GetDefinedName() {
		if dn.Name == name {
			refs[dn.Scope] = dn.RefersTo
		}
	}
	return refs
}

// printAreas returns the print area of each sheet of b that has one, by sheet name, with
// the sheet's name taken off ("$A$1:$H$30").
func printAreas(b *book) map[string]string {
	areas := definedNames(b, "_xlnm.Print_Area")
	for sh, a := range areas {
		areas[sh] = a[strings.LastIndex(a, "!")+1:]
	}
	return areas
}

// TestPrintSet: a period workbook prints its report sheets: the first sheet whole, Trend
// down to its chart (the changes and the cases follow on screen), Breakdowns down to the
// line saying the trailing year's breakdowns follow on screen, each print area taking in
// the charts above its end. Every other sheet's print area is one empty cell below and to
// the right of its cells and charts, so that it prints nothing. With --print-all, no sheet
// has such an area, and Trend and Breakdowns print whole. In both languages.
func TestPrintSet(t *testing.T) {
	raw, err := os.ReadFile(japanExample)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range langs {
		for _, printAll := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/print-all=%v", l, printAll), func(t *testing.T) {
				b, book, _ := japanBookWith(t, raw, Options{Lang: l, PrintAll: printAll})
				pkg := unzip(t, book)
				areas := printAreas(b)
				titles := definedNames(b, "_xlnm.Print_Titles")
				report := map[string]bool{lSheetGlance.in(l): true, lSheetTrend.in(l): true, lSheetBreakdowns.in(l): true}
				screenOnly := 0
				for _, sh := range b.f.GetSheetList() {
					a := areas[sh]
					dim, _ := b.f.GetSheetDimension(sh)
					lastCol, lastRow, _ := excelize.CellNameToCoordinates(dim[strings.LastIndex(dim, ":")+1:])
					if report[sh] || printAll {
						if a != "" && !strings.Contains(a, ":") {
							t.Errorf("%s: print area %q, one cell: it prints nothing", sh, a)
						}
						if end := strings.LastIndex(a, ":"); a != "" && end > 0 {
							col, row, _ := excelize.CellNameToCoordinates(strings.ReplaceAll(a[end+1:], "$", ""))
							for _, an := range pkg.anchors(t, sh) {
								if an.From.Row+1 <= row && an.To.Col+1 > col {
									t.Errorf("%s: print area %q leaves out part of the chart at columns %d–%d", sh, a, an.From.Col+1, an.To.Col+1)
								}
							}
						}
						continue
					}
					col, row, err := excelize.CellNameToCoordinates(strings.ReplaceAll(a, "$", ""))
					if err != nil {
						t.Errorf("%s: print area %q, want one empty cell", sh, a)
						continue
					}
					if titles[sh] != "" {
						t.Errorf("%s: print titles %q on a sheet that prints nothing (Excel would print them)", sh, titles[sh])
					}
					if v, _ := b.f.GetCellValue(sh, cellRef(col, row)); v != "" || row <= lastRow || col <= lastCol {
						t.Errorf("%s: print area %q holds %q (the sheet's cells end at %s), want an empty cell past them", sh, a, v, cellRef(lastCol, lastRow))
					}
					for _, an := range pkg.anchors(t, sh) {
						if an.To.Row+1 >= row && an.To.Col+1 >= col {
							t.Errorf("%s: print area %q lies under the chart at rows %d–%d, columns %d–%d", sh, a, an.From.Row+1, an.To.Row+1, an.From.Col+1, an.To.Col+1)
						}
					}
					screenOnly++
				}
				if printAll && titles[lSheetIncidents.in(l)] == "" {
					t.Errorf("with --print-all, %s repeats no header row", lSheetIncidents.in(l))
				}
				if want := len(b.f.GetSheetList()) - len(report); !printAll && screenOnly != want {
					t.Errorf("%d sheets print nothing, want %d (all but the report's)", screenOnly, want)
				}
				// Trend prints down to its chart; Breakdowns down to the line on the
				// trailing year. What follows is on screen, and a line above says so.
				window := i18n.PeriodName(analysis.Period{From: analysis.Month{Year: 2023, Month: 7}.First(), To: analysis.Month{Year: 2024, Month: 6}.Last()}, l)
				for _, c := range []struct {
					sheet       label
					line, after string
				}{
					{lSheetTrend, fmt.Sprintf(lTrendOnScreen.in(l), lSheetTrend.in(l)), lChanges.in(l)},
					{lSheetBreakdowns, fmt.Sprintf(lTrailingOnScreen.in(l), 12, window, i18n.Incidents(28, l), lSheetBreakdowns.in(l)),
						fmt.Sprintf(lBreakdownTrailing.in(l), 12, window, i18n.Incidents(28, l))},
				} {
					sh := c.sheet.in(l)
					rows, err := b.f.GetRows(sh)
					if err != nil {
						t.Fatal(err)
					}
					at := func(s string) int {
						return slices.IndexFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == s }) + 1
					}
					line, after := at(c.line), at(c.after)
					if after == 0 {
						t.Fatalf("%s: no row %q", sh, c.after)
					}
					if printAll {
						if line != 0 || areas[sh] != "" {
							t.Errorf("%s with --print-all: the on-screen line on row %d, print area %q; want neither", sh, line, areas[sh])
						}
						continue
					}
					end := 0
					if i := strings.LastIndex(areas[sh], "$"); strings.HasPrefix(areas[sh], "$A$1:") && i > 0 {
						end, _ = strconv.Atoi(areas[sh][i+1:])
					}
					if line == 0 || end < line || end >= after {
						t.Errorf("%s: print area %q, the on-screen line on row %d, %q on row %d; want the area from A1 past the line, ending above %q",
							sh, areas[sh], line, c.after, after, c.after)
					}
					for _, an := range pkg.anchors(t, sh) {
						if an.From.Row+1 < after && an.To.Row+1 > end {
							t.Errorf("%s: the chart at rows %d–%d runs past the printed rows (1–%d)", sh, an.From.Row+1, an.To.Row+1, end)
						}
					}
				}
			})
		}
	}
}

// TestLargest: the first sheet lists the period's ten incidents with the most records,
// largest first, as analysis ranks them.
func TestLargest(t *testing.T) {
	b, _, pr, _ := japanBook(t, i18n.Ja)
	sh := lSheetGlance.in(i18n.Ja)
	r := b.rowWhere(sh, 1, fmt.Sprintf(lLargestTitle.in(i18n.Ja), 10)) + 1
	if len(pr.Largest) != 10 {
		t.Fatalf("the example month has %d incidents to rank, want 10", len(pr.Largest))
	}
	prev := 0.0
	for i, f := range pr.Largest {
		row := r + 1 + i
		if got := b.str(sh, 2, row); got != orgService(&f.Incident, i18n.Ja) {
			t.Errorf("rank %d: %q, want %q", i+1, got, orgService(&f.Incident, i18n.Ja))
		}
		n, ok := b.number(sh, 6, row)
		if !ok || n != float64(f.Total.N) || (i > 0 && n > prev) {
			t.Errorf("rank %d: records %v, want %d, no more than the one above (%v)", i+1, n, f.Total.N, prev)
		}
		prev = n
	}
}

// TestGlanceNoData: a change against a period the input does not cover reads データなし
// (no data), and one line under the comparison says why; with both periods covered, the
// changes are numbers and the line is left out.
func TestGlanceNoData(t *testing.T) {
	for _, tc := range []struct {
		input   string
		covered bool // the previous month and a year earlier
	}{
		{japanExample, true},
		{"../examples/japan-2024-06.csv", false},
	} {
		raw, err := os.ReadFile(tc.input)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range langs {
			t.Run(tc.input+"/"+string(l), func(t *testing.T) {
				b, _, _ := japanBookFrom(t, l, raw)
				sh := lSheetGlance.in(l)
				r := b.rowWhere(sh, 2, lIncidentsCol.in(l))
				for _, col := range []int{5, 7} {
					if !tc.covered {
						if got := b.str(sh, col, r); got != lNoDataShort.In(l) {
							t.Errorf("change in column %d: %q, want %q", col, got, lNoDataShort.In(l))
						}
					} else if _, ok := b.number(sh, col, r); !ok {
						t.Errorf("change in column %d: %q, want a number", col, b.str(sh, col, r))
					}
				}
				rows, err := b.f.GetRows(sh)
				if err != nil {
					t.Fatal(err)
				}
				noted := slices.ContainsFunc(rows, func(r []string) bool { return len(r) > 1 && r[1] == lNoDataWhy.In(l) })
				if noted == tc.covered {
					t.Errorf("the line saying what %q means is written: %v, want %v", lNoDataShort.In(l), noted, !tc.covered)
				}
			})
		}
	}
}

// TestGlancePages: 概況 sets each of its page breaks, and no page holds more than the
// reckoned page height at the sheet's print scale (with the list's header where it is
// repeated), so that no printer breaks it elsewhere; the header repeats exactly when the
// list continues on a page and the blocks under it end there.
func TestGlancePages(t *testing.T) {
	raw, err := os.ReadFile(japanExample)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		again  int // June's incidents repeated under new ids
		pages  int
		repeat bool
	}{
		{"22 incidents", 0, 2, false},
		{"25 incidents", 3, 2, true},
		{"30 incidents", 8, 3, false}, // the ten largest on a page of their own
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, book, pr := japanBookWith(t, sameMonthAgain(t, raw, tc.again), Options{Lang: i18n.Ja, Client: "株式会社サンプル"})
			if n := len(pr.Subject.Incidents); n != 22+tc.again {
				t.Fatalf("the month has %d incidents, want %d", n, 22+tc.again)
			}
			sh := lSheetGlance.in(i18n.Ja)
			zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
			if err != nil {
				t.Fatal(err)
			}
			var xmlText []byte
			for _, f := range zr.File {
				if f.Name == "xl/worksheets/sheet1.xml" {
					rc, err := f.Open()
					if err != nil {
						t.Fatal(err)
					}
					xmlText, err = io.ReadAll(rc)
					rc.Close()
					if err != nil {
						t.Fatal(err)
					}
				}
			}
			var breaks []int
			for _, m := range regexp.MustCompile(`<brk id="(\d+)"`).FindAllSubmatch(xmlText, -1) {
				n, _ := strconv.Atoi(string(m[1]))
				breaks = append(breaks, n)
			}
			titles := definedNames(b, "_xlnm.Print_Titles")[sh]
			head := b.rowWhere(sh, 1, lDisclosed.in(i18n.Ja))
			if want := fmt.Sprintf("'%s'!$%d:$%d", sh, head, head); (titles == want) != tc.repeat || (!tc.repeat && titles != "") {
				t.Errorf("the rows repeated on every page: %q, want the header's: %v", titles, tc.repeat)
			}
			if len(breaks)+1 != tc.pages {
				t.Errorf("page breaks after rows %v: %d pages, want %d", breaks, len(breaks)+1, tc.pages)
			}
			lay, err := b.f.GetPageLayout(sh)
			if err != nil || lay.AdjustTo == nil {
				t.Fatalf("page layout %+v: %v", lay, err)
			}
			page := pageHeight * 100 / float64(*lay.AdjustTo)
			dim, _ := b.f.GetSheetDimension(sh)
			_, last, _ := excelize.CellNameToCoordinates(dim[strings.LastIndex(dim, ":")+1:])
			height := func(r int) float64 {
				h, err := b.f.GetRowHeight(sh, r)
				if err != nil {
					t.Fatal(err)
				}
				return h
			}
			first := 1
			for i, end := range append(breaks, last) {
				used := 0.0
				if i > 0 && titles != "" {
					used = height(head)
				}
				for r := first; r <= end; r++ {
					used += height(r)
				}
				if used > page {
					t.Errorf("page %d (rows %d–%d) holds %.1f points, more than the %.1f of a page", i+1, first, end, used, page)
				}
				first = end + 1
			}
		})
	}
}

// sameMonthAgain returns the example input with June 2024's first n incidents (their first
// rows) repeated under new ids.
func sameMonthAgain(t *testing.T, raw []byte, n int) []byte {
	recs, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	disclosed := slices.Index(recs[0], "公表日")
	seen := map[string]bool{}
	out := recs
	for _, r := range recs[1:] {
		if len(seen) < n && strings.HasPrefix(r[disclosed], "2024-06-") && !seen[r[0]] {
			seen[r[0]] = true
			out = append(out, append([]string{r[0] + "-b"}, r[1:]...))
		}
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(out); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
