package reports

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"breachreport/data"
	"breachreport/i18n"
)

// styles are the cell styles of one workbook.
type styles struct {
	header, title, text, bold, indent, wrap, count, countApprox, countAtLeast, countAtMost, int, days, float, dateTime, link int
	// percent, diff and diffDays format shares and changes; floatSmall is a statistic on
	// fewer than analysis.MinSample incidents, grey and italic.
	percent, share, diff, diffDays, floatSmall, daysSmall, diffDaysSmall int
	date                                                                 map[data.Precision]int
	// yen formats amounts of yen by their Count.Prefix: "", ≈, ≥, ≤.
	yen map[string]int
	// longLag is the conditional style of a lag over longLagDays: a fill and dark text.
	longLag int
}

// Column widths are in characters of the default font; text wider than wrapAt wraps.
const (
	minWidth = 6
	maxWidth = 66
	wrapAt   = 66
)

// longLagDays is the detection-to-disclosure lag above which a figure is highlighted.
const longLagDays = 90

func newStyles(f *excelize.File, lang i18n.Lang) (*styles, error) {
	font := func(s excelize.Font) *excelize.Font {
		s.Family = fontFor(lang)
		if s.Size == 0 {
			s.Size = 11
		}
		return &s
	}
	dayFmt, monthFmt, yearFmt := "yyyy-mm-dd", "yyyy-mm", "yyyy"
	timeFmt := "yyyy-mm-dd hh:mm:ss"
	daysFmt, daysFloatFmt := `#,##0" days"`, `#,##0.0" days"`
	diffDaysFmt := `+#,##0.0" days";-#,##0.0" days";0.0" days"`
	if lang == i18n.Ja {
		dayFmt, monthFmt = "yyyy/mm/dd", "yyyy/mm"
		timeFmt = "yyyy/mm/dd hh:mm:ss"
		daysFmt, daysFloatFmt = `#,##0"日"`, `#,##0.0"日"`
		diffDaysFmt = `+#,##0.0"日";-#,##0.0"日";0.0"日"`
	}
	// An approximate or bounded count: in Japanese as the text writes it (約1,200件,
	// 30,000件以上, 最大35,000件), in English with a sign before it.
	signFmt := func(c data.Count, en string) string {
		if lang == i18n.Ja {
			return i18n.RecordsNumFmt(c, lang)
		}
		return en
	}
	top := &excelize.Alignment{Vertical: "top"}
	var err error
	mk := func(st excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(&st)
		return id
	}
	numFmt := func(s string) *string { return &s }
	s := &styles{
		header: mk(excelize.Style{
			Font:      font(excelize.Font{Bold: true}),
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Border:    []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}},
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
		}),
		title:  mk(excelize.Style{Font: font(excelize.Font{Bold: true, Size: 16, Color: "1F3864"})}),
		text:   mk(excelize.Style{Alignment: top}),
		bold:   mk(excelize.Style{Font: font(excelize.Font{Bold: true}), Alignment: top}),
		indent: mk(excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", Indent: 1}}),
		wrap:   mk(excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}),
		count:  mk(excelize.Style{NumFmt: 3, Alignment: top}), // #,##0
		// An approximate count (約4万件) or a bound (3万件以上, 最大3万5千件) stays a number,
		// shown with a leading ≈, ≥ or ≤.
		countApprox:  mk(excelize.Style{CustomNumFmt: numFmt(signFmt(data.Count{Approx: true}, `"≈"#,##0`)), Alignment: top}),
		countAtLeast: mk(excelize.Style{CustomNumFmt: numFmt(signFmt(data.Count{Bound: data.AtLeast}, `"≥"#,##0`)), Alignment: top}),
		countAtMost:  mk(excelize.Style{CustomNumFmt: numFmt(signFmt(data.Count{Bound: data.AtMost}, `"≤"#,##0`)), Alignment: top}),
		int:          mk(excelize.Style{NumFmt: 3, Alignment: top}), // #,##0
		// Day counts carry their unit: 1,132 days, 1,132日.
		days:  mk(excelize.Style{CustomNumFmt: &daysFmt, Alignment: top}),
		float: mk(excelize.Style{CustomNumFmt: &daysFloatFmt, Alignment: top}),
		floatSmall: mk(excelize.Style{CustomNumFmt: &daysFloatFmt, Alignment: top,
			Font: font(excelize.Font{Italic: true, Color: "7F7F7F"})}),
		daysSmall: mk(excelize.Style{CustomNumFmt: &daysFmt, Alignment: top,
			Font: font(excelize.Font{Italic: true, Color: "7F7F7F"})}),
		diffDaysSmall: mk(excelize.Style{CustomNumFmt: &diffDaysFmt, Alignment: top,
			Font: font(excelize.Font{Italic: true, Color: "7F7F7F"})}),
		percent:  mk(excelize.Style{CustomNumFmt: numFmt(`+0.0%;-0.0%;0.0%`), Alignment: top}),
		share:    mk(excelize.Style{CustomNumFmt: numFmt(`0.0%`), Alignment: top}),
		diff:     mk(excelize.Style{CustomNumFmt: numFmt(`+#,##0;-#,##0;0`), Alignment: top}),
		diffDays: mk(excelize.Style{CustomNumFmt: &diffDaysFmt, Alignment: top}),
		dateTime: mk(excelize.Style{CustomNumFmt: &timeFmt, Alignment: top}),
		link:     mk(excelize.Style{Font: font(excelize.Font{Color: "0563C1", Underline: "single"}), Alignment: top}),
		date: map[data.Precision]int{
			data.PrecisionDay:   mk(excelize.Style{CustomNumFmt: &dayFmt, Alignment: top}),
			data.PrecisionMonth: mk(excelize.Style{CustomNumFmt: &monthFmt, Alignment: top}),
			data.PrecisionYear:  mk(excelize.Style{CustomNumFmt: &yearFmt, Alignment: top}),
		},
	}
	// In a fixed order: the styles' ids are part of the workbook's bytes.
	yenFmts := []struct{ sign, en, ja string }{
		{"", `"¥"#,##0`, `#,##0"円"`},
		{"≈", `"about ¥"#,##0`, `"約"#,##0"円"`},
		{"≥", `"at least ¥"#,##0`, `#,##0"円以上"`},
		{"≤", `"up to ¥"#,##0`, `"最大"#,##0"円"`},
	}
	s.yen = map[string]int{}
	for _, y := range yenFmts {
		nf := y.en
		if lang == i18n.Ja {
			nf = y.ja
		}
		s.yen[y.sign] = mk(excelize.Style{CustomNumFmt: numFmt(nf), Alignment: top})
	}
	if err != nil {
		return nil, err
	}
	s.longLag, err = f.NewConditionalStyle(&excelize.Style{
		Font: &excelize.Font{Color: "9C0006", Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}},
	})
	return s, err
}

// fontFor is the workbook font: a Japanese UI font for Japanese, Excel's default otherwise.
func fontFor(lang i18n.Lang) string {
	if lang == i18n.Ja {
		return "Yu Gothic"
	}
	return "Calibri"
}

// tableStyle is the built-in table style of every table: banded rows, Excel's default.
const tableStyle = "TableStyleMedium2"

// excelMaxRows is how many rows an Excel sheet holds.
const excelMaxRows = 1048576

// layout is what a sheet's first, measuring pass finds out: what the second, writing pass
// needs before it writes the first row (a streamed sheet cannot change it afterwards).
type layout struct {
	widths     []float64 // the widest content per column, in characters
	colWidths  []float64 // the column widths set
	head, cols int       // the header row (0 if none) and its number of columns
	rows       int       // the rows of the whole sheet, over all its parts
	freezeCols int       // the columns frozen left of the table
	table      bool      // the rows from the header down are an Excel table
	// capped are the columns narrowed to fit the page, whose longer text wraps.
	capped []bool
	// numWidths are the widest numbers and dates per column, which cannot wrap: a column
	// is never narrowed below them.
	numWidths []float64
	// leastWidths are, per column of text, the widest text below the header and the
	// header's longest word: a column narrowed to fit the page need not stay wider.
	leastWidths []float64
	// pageChars is pageChars of the workbook's language.
	pageChars float64
	// chartWidth is how far right the sheet's charts reach, in characters of column width.
	chartWidth float64
	// printCols, when not 0, is how many leading columns a wide reference table prints:
	// its key columns, fitted to the page; the others are on screen only (a print area).
	printCols int
	// maxWidths caps the widths of some columns (0: no cap), whose longer text wraps; fill,
	// when not 0, is the 1-based column that gives up width first when the columns are too
	// wide for a page, so that the others keep theirs (see capWidth).
	maxWidths []float64
	fill      int
}

// printed is how many leading columns print: printCols, or all of them.
func (lo *layout) printed() int {
	if lo.printCols > 0 && lo.printCols < len(lo.colWidths) {
		return lo.printCols
	}
	return len(lo.colWidths)
}

// parts returns how many sheets the rows take when a sheet holds at most maxRows rows and
// every continuation sheet repeats the header.
func (lo *layout) parts(maxRows int) int {
	if lo.rows <= maxRows || lo.head == 0 || lo.head >= maxRows {
		return 1
	}
	per := maxRows - lo.head
	return 1 + (lo.rows-maxRows+per-1)/per
}

// setColWidths turns the widest content into column widths. When the printed columns
// (see printCols) are too wide for a page at minPrintScale, the widest are narrowed alike,
// to no less than minCapWidth, and their text wraps; the columns that do not print keep
// their width.
func (lo *layout) setColWidths() {
	lo.colWidths = make([]float64, len(lo.widths))
	for i, wd := range lo.widths {
		// Bold header text and cell padding need a little more than the characters.
		lo.colWidths[i] = math.Round(math.Min(math.Max(wd*1.1+2, minWidth), maxWidth+2)*10) / 10
	}
	lo.capped = make([]bool, len(lo.colWidths))
	for i, most := range lo.maxWidths {
		if i < len(lo.numWidths) && lo.numWidths[i] > 0 {
			most = math.Max(most, math.Ceil(lo.numWidths[i]+2)) // numbers do not wrap
		}
		if i < len(lo.colWidths) && most > 0 && lo.colWidths[i] > most {
			lo.colWidths[i], lo.capped[i] = most, true
		}
	}
	lo.fitPage()
}

// fitPage narrows the widest columns alike when the columns are too wide for a page at
// minPrintScale.
func (lo *layout) fitPage() {
	limit := 0.97 * lo.pageChars * 100 / minPrintScale
	if len(lo.capped) < len(lo.colWidths) {
		lo.capped = make([]bool, len(lo.colWidths))
	}
	total := 0.0
	for _, wd := range lo.colWidths[:lo.printed()] {
		total += wd
	}
	if f := lo.fill - 1; f >= 0 && f < lo.printed() {
		// The column that fills takes all of the page at minPrintScale.
		limit = lo.pageChars * 100 / minPrintScale
		if total > limit && lo.colWidths[f] > minCapWidth {
			give := math.Min(total-limit, lo.colWidths[f]-minCapWidth)
			lo.colWidths[f], lo.capped[f] = math.Floor((lo.colWidths[f]-give)*10)/10, true
			total -= give
		}
	}
	if total <= limit {
		return
	}
	// Each column keeps minCapWidth and gives up the same part of its width beyond it,
	// so that the wide columns (names) stay the widest.
	// A column of numbers keeps their width and two characters of padding (its header
	// wraps); one of text at least minCapWidth, or its short text (yes, no, unknown) and
	// its header's longest word, when they are narrower.
	floor := func(i int) float64 {
		if i < len(lo.numWidths) && lo.numWidths[i] > 0 {
			return math.Max(minWidth+2, math.Ceil(lo.numWidths[i]+2))
		}
		if i < len(lo.leastWidths) {
			return math.Min(minCapWidth, math.Max(minWidth+2, math.Ceil(lo.leastWidths[i]*1.1+2)))
		}
		return minCapWidth
	}
	fixed, extra := 0.0, 0.0
	for i, wd := range lo.colWidths[:lo.printed()] {
		fixed += math.Min(wd, floor(i))
		extra += math.Max(wd-floor(i), 0)
	}
	k := math.Max(limit-fixed, 0) / extra
	for i, wd := range lo.colWidths[:lo.printed()] {
		if f := floor(i); wd > f {
			lo.colWidths[i], lo.capped[i] = math.Floor((f+(wd-f)*k)*10)/10, true
		}
	}
}

// minCapWidth is the narrowest a column is made to fit the page.
const minCapWidth = 12.0

// colRun is a run of adjacent columns of one width, first to last (1-based).
type colRun struct {
	first, last int
	width       float64
}

// colRuns returns the column widths as runs of adjacent equal widths, in column order.
func (lo *layout) colRuns() []colRun {
	var runs []colRun
	for i, wd := range lo.colWidths {
		if n := len(runs); n > 0 && runs[n-1].width == wd {
			runs[n-1].last = i + 1
			continue
		}
		runs = append(runs, colRun{i + 1, i + 1, wd})
	}
	return runs
}

// colsXML is the <cols> element of a sheet whose columns have the widths runs, as Excel
// writes it.
func colsXML(runs []colRun) []byte {
	b := []byte("<cols>")
	for _, r := range runs {
		b = fmt.Appendf(b, `<col min="%d" max="%d" width="%s" customWidth="1"/>`, r.first, r.last, strconv.FormatFloat(r.width, 'f', -1, 64))
	}
	return append(b, "</cols>"...)
}

// colWidth is the width of 1-based column col.
func (lo *layout) colWidth(col int) float64 {
	if col-1 < len(lo.colWidths) {
		return lo.colWidths[col-1]
	}
	return defaultColWidth
}

// sheetWriter writes the rows of one sheet, one after the other. A sheet is rendered twice
// by the same function: first measuring (nothing is written; the widest content of each
// column, the header and the number of rows are noted, and cells too long for Excel are
// found), then writing, either cell by cell or, for the large sheets, streamed. A streamed
// sheet whose rows pass maxRows continues on further sheets, parts[1:], each with the
// header again. sheetWriter records the first error and does nothing after it.
type sheetWriter struct {
	f    *excelize.File
	st   *styles
	bk   *bookState
	key  label  // the sheet's label
	name string // the sheet being written: parts[part]
	// measuring is set in the first pass; lo is what it finds and the second pass uses.
	measuring bool
	lo        *layout
	parts     []string
	part      int
	streamed  bool
	maxRows   int
	sw        *excelize.StreamWriter
	row       int    // the last row written on this part, 1-based
	headCells []cell // the header row, repeated on every part
	// renamed are the headers renamed to be table column names; overNoted says the columns
	// past Excel's last are noted.
	renamed   []renamedColumn
	overNoted bool
	links     int // hyperlinks on this part so far
	// flagCols are the columns whose day figures over longLagDays are highlighted.
	flagCols []int
	// line and incident are the input line and incident of the row being written, for the
	// Data issues entry of a cell that is too long.
	line     int
	incident string
	lineHt   float64 // the height of one line of text, in points
	// y is how far down its printed page the last row written ends, and pageHt how much a
	// page holds, in points at 100%; pageHt is 0 where pages are not followed (streamed
	// sheets, the measuring pass).
	y, pageHt float64
	// breakEvery makes every page break one set in the sheet where y starts a page, so
	// that the pages end where keep reckons (a printer's page holds a little more, and
	// would otherwise leave a heading at the foot of a page, its text on the next).
	breakEvery bool
	// page counts the printed pages before the one y is on; repeatHead makes the header
	// row print at the top of every page, as a table's does.
	page       int
	repeatHead bool
	// printRows, when not 0, is the last row the part prints (see printUntil).
	printRows int
	// collectCuts makes the measuring pass note the cells it cuts in cuts: the first
	// bk.cuts.Cap cells cut, the rest counted in cutsOver.
	collectCuts bool
	cuts        []data.Issue
	cellCuts    int
	cutsOver    int
	// mu guards the workbook (excelize's File) when several sheets are written at once;
	// only a stream's own rows are written without it. Before it changes the workbook's
	// shared parts (tables, names, conditional formats), a sheet waits for prev, closed
	// when the sheet before it is done, so that they are numbered in the sheets' order
	// whatever the scheduling. Both are nil when sheets are written one at a time.
	// outBuf, and rowBuf for the sheets that use it, are reused by every row, to spare
	// the garbage collector.
	outBuf []out
	rowBuf []cell
	// sink writes the rows of the stream sw.
	sink *rowSink
	mu   *sync.Mutex
	prev <-chan struct{}
	err  error
}

// lock takes the workbook for the calls that change it; unlock gives it back.
func (w *sheetWriter) lock() {
	if w.mu != nil {
		w.mu.Lock()
	}
}

func (w *sheetWriter) unlock() {
	if w.mu != nil {
		w.mu.Unlock()
	}
}

// lockInTurn waits until the sheets before this one are done, then takes the workbook.
func (w *sheetWriter) lockInTurn() {
	if w.prev != nil {
		<-w.prev
	}
	w.lock()
}

func (w *sheetWriter) fail(err error) {
	if w.err == nil && err != nil {
		w.err = fmt.Errorf("sheet %q: %w", w.name, err)
	}
}

// header writes a bold header row; it becomes the frozen row, the table's header and the
// row repeated on printed pages and on continuation sheets.
func (w *sheetWriter) header(names ...string) {
	if len(names) > excelMaxCols {
		w.overColumns(names)
		names = names[:excelMaxCols]
	}
	cells := make([]cell, len(names))
	// An Excel table needs distinct (in any case), non-empty column names of at most
	// maxTableColumnName characters; Excel repairs a workbook otherwise.
	seen := make(map[string]bool, len(names))
	next := map[string]int{} // the number to try next after a name taken
	for i, name := range names {
		base := name
		if base == "" {
			base = fmt.Sprintf("(%d)", i+1)
		}
		n := base
		cut := utf16Len(base) > maxTableColumnName
		if cut {
			n = cutText(base, "", maxTableColumnName)
		}
		numbered := false
		if key := strings.ToLower(n); seen[key] {
			numbered = true
			k := max(next[key], 2)
			for ; seen[strings.ToLower(n)]; k++ {
				n = cutText(base, fmt.Sprintf(" (%d)", k), maxTableColumnName)
			}
			next[key] = k
		}
		seen[strings.ToLower(n)] = true
		if name != "" && n != name && w.measuring {
			w.renamed = append(w.renamed, renamedColumn{col: i + 1, name: name, as: n, cut: cut, numbered: numbered})
		}
		cells[i] = text(n)
		cells[i].head = true
	}
	if w.headCells == nil {
		w.headCells = cells
		if w.measuring {
			w.lo.head, w.lo.cols = w.row+1, len(names)
		}
	}
	w.write(cells...)
}

// maxTableColumnName is the longest name of an Excel table's column, in UTF-16 code units.
const maxTableColumnName = 255

// excelMaxCols is how many columns an Excel sheet holds: A to XFD.
const excelMaxCols = 16384

// renamedColumn is a header that header changed to be a table column's name: cut to
// maxTableColumnName, numbered to be distinct, or both.
type renamedColumn struct {
	col           int
	name, as      string
	cut, numbered bool
}

// noteRenamed adds a Data issues entry for each header renamed on a sheet with a table.
func (w *sheetWriter) noteRenamed() {
	if !w.collectCuts || !w.lo.table {
		return
	}
	notes := make([]data.Issue, 0, len(w.renamed))
	for _, r := range w.renamed {
		letter := colName(r.col)
		var msg data.Msg
		switch n := groupDigits(int64(utf16Len(r.name))); {
		case r.cut && r.numbered:
			msg = data.Msgf("column name of %s characters is longer than the 255 an Excel table column name holds, and another column's is the same once cut: cut and numbered on sheet %s, column %s", n, w.parts[0], letter)
		case r.cut:
			msg = data.Msgf("column name of %s characters is longer than the 255 an Excel table column name holds: cut on sheet %s, column %s", n, w.parts[0], letter)
		default:
			msg = data.Msgf("column name is the same as another column's, and an Excel table needs distinct names: numbered on sheet %s, column %s", w.parts[0], letter)
		}
		notes = append(notes, data.Issue{Kind: kindTableColumn, Severity: data.Warning, Header: r.as, Value: r.name, Message: msg})
	}
	w.cuts = append(notes, w.cuts...)
}

// overColumns notes, in the measuring pass, the columns past Excel's last of a sheet whose
// header names has more.
func (w *sheetWriter) overColumns(names []string) {
	if !w.measuring || !w.collectCuts || w.overNoted {
		return
	}
	w.overNoted = true
	w.cuts = append(w.cuts, data.Issue{
		Kind: kindSheetColumns, Severity: data.Warning, Header: names[excelMaxCols],
		Message: data.Msgf("sheet %s would have %s columns, more than the 16,384 an Excel sheet holds: the last %s, from %s on, are left off",
			w.parts[0], groupDigits(int64(len(names))), groupDigits(int64(len(names)-excelMaxCols)), names[excelMaxCols]),
	})
}

// flagColumn highlights the day figures over longLagDays in 1-based column col, below the
// header.
func (w *sheetWriter) flagColumn(col int) { w.flagCols = append(w.flagCols, col) }

// flagRow highlights the day figures over longLagDays in the row last written, from column
// first to last.
func (w *sheetWriter) flagRow(first, last int) {
	if w.measuring || w.err != nil {
		return
	}
	ref := cellRef(first, w.row) + ":" + cellRef(last, w.row)
	w.lockInTurn()
	defer w.unlock()
	w.fail(w.f.SetConditionalFormat(w.name, ref, w.longLagRule()))
}

func (w *sheetWriter) longLagRule() []excelize.ConditionalFormatOptions {
	style := w.st.longLag
	return []excelize.ConditionalFormatOptions{{
		Type: "cell", Criteria: ">", Format: &style, Value: strconv.Itoa(longLagDays),
	}}
}

// para writes a long text in a row of its own, across the first cols columns, wrapped.
func (w *sheetWriter) para(s string, cols int) {
	if s == "" {
		w.blank()
		return
	}
	c := text(s)
	c.span = cols
	w.write(c)
}

// blank skips a row.
func (w *sheetWriter) blank() {
	if w.streamed && !w.measuring {
		w.write()
		return
	}
	w.row++
	if w.measuring {
		w.lo.rows = max(w.lo.rows, w.row)
	}
	w.advance(w.lineHt)
}

// advance follows a row of height h onto the printed page: a row that does not fit what
// is left of a page starts the next.
func (w *sheetWriter) advance(h float64) {
	if w.pageHt == 0 {
		return
	}
	if w.y+h > w.pageHt {
		if w.breakEvery && w.y > 0 {
			w.lockInTurn()
			w.fail(w.f.InsertPageBreak(w.name, cellRef(1, w.row)))
			w.unlock()
		}
		w.y = 0
		w.page++
	}
	w.y += h
}

// keep starts a new printed page before the next row unless a block of height h (in
// points) fits on what is left of this one, so that a table is not cut across two pages,
// or unless this page holds little yet. A block taller than a page starts on a page of its
// own only when less than a third of this one is left.
func (w *sheetWriter) keep(h float64) {
	if w.pageHt == 0 || w.measuring || w.err != nil || w.y == 0 || w.y+h <= w.pageHt {
		return
	}
	if w.y < w.pageHt/6 {
		// The page holds only a heading or two: moving the block would leave them alone
		// on it. The block starts here; a chart in it keeps itself (keepWhole).
		return
	}
	w.keepWhole(h)
}

// keepWhole is keep for a block that must never be cut, a chart: it starts a new page
// whenever it does not fit on what is left of this one (and fits on a page).
func (w *sheetWriter) keepWhole(h float64) {
	if w.pageHt == 0 || w.measuring || w.err != nil || w.y == 0 || w.y+h <= w.pageHt {
		return
	}
	if h > w.pageHt && w.y < w.pageHt*2/3 {
		// It breaks across pages anyway: a new page would only leave this one empty.
		return
	}
	w.lockInTurn()
	defer w.unlock()
	w.fail(w.f.InsertPageBreak(w.name, cellRef(1, w.row+1)))
	w.y = 0
	w.page++
}

// textHeight is the height of a row whose cell in column col holds the text s, as emit
// sets it: one line, or the lines s wraps to.
func (w *sheetWriter) textHeight(col int, s string) float64 {
	wide := textWidth(s)
	narrowed := col-1 < len(w.lo.capped) && w.lo.capped[col-1]
	if wide > wrapAt || (narrowed && wide+1 > w.lo.colWidth(col)) {
		if lines := wrappedLines(s, w.lo.colWidth(col)); lines > 1 {
			return math.Min(lines*w.lineHt+2, 409)
		}
	}
	return w.lineHt
}

// keepRows is keep for a block of n rows of one line each.
func (w *sheetWriter) keepRows(n int) { w.keep(float64(n) * w.lineHt) }

// out is one cell as written: its value, style and the width it needs. The value is kept
// typed (one of s, n, f and t, as vk says) and made an interface only when it is written:
// the measuring pass needs none, and boxing every cell's value costs an allocation each.
type out struct {
	col   int
	vk    valueKind
	s     string
	n     int64
	f     float64
	t     time.Time
	style int
	link  string // a URL, or a place in the workbook for a kSheetLink
	local bool   // link is a place in the workbook
	span  int    // columns a paragraph spans, merged
	wrap  string // the text of a wrapped cell, for the row height
	big   bool   // a title, whose row is taller
}

// valueKind says which field of an out holds its value.
type valueKind uint8

const (
	vString valueKind = iota
	vInt
	vFloat
	vTime
)

// value is the cell's value, as excelize takes it.
func (o *out) value() any {
	switch o.vk {
	case vInt:
		return o.n
	case vFloat:
		return o.f
	case vTime:
		return o.t
	}
	return o.s
}

// cancelEvery is how many rows of a sheet's part apart write checks whether the writing is
// cancelled: a few milliseconds of work; a power of two, so that the check is a mask.
const cancelEvery = 1024

// write writes one row of cells from column A.
func (w *sheetWriter) write(cells ...cell) {
	if w.err != nil {
		return
	}
	if w.streamed && !w.measuring && w.row >= w.maxRows {
		if w.nextPart(); w.err != nil {
			return
		}
	}
	w.row++
	if w.row&(cancelEvery-1) == 0 {
		if err := w.bk.ctx.Err(); err != nil {
			w.err = err
			return
		}
	}
	row := w.outBuf[:0]
	defer func() { w.outBuf = row[:0] }()
	// Cells past Excel's last column are left off; header notes them.
	cells = cells[:min(len(cells), excelMaxCols)]
	for i, c := range cells {
		if c.kind == kEmpty {
			continue
		}
		row = append(row, w.prepare(i+1, c))
	}
	if w.measuring {
		w.lo.rows = max(w.lo.rows, w.row)
		return
	}
	w.progress()
	w.emit(row)
}

// groupedWidth is the length of n with its digits grouped by commas, as groupDigits
// writes it, without writing it.
func groupedWidth(n int64) float64 {
	digits, sign := 1, 0
	u := uint64(n)
	if n < 0 {
		u, sign = -u, 1
	}
	for ; u >= 10; u /= 10 {
		digits++
	}
	return float64(sign + digits + (digits-1)/3)
}

// prepare works out how cell c in column col is written, and notes its width.
func (w *sheetWriter) prepare(col int, c cell) out {
	o := out{col: col}
	var wide float64
	switch c.kind {
	case kText, kLink, kSheetLink:
		s := c.s
		// A string has no more UTF-16 units than UTF-8 bytes.
		if len(s) > maxCellChars && utf16Len(s) > maxCellChars {
			s = w.cut(col, s)
		}
		// A string cell: text such as "=1+1" stays text, never a formula.
		o.s, o.style = s, w.st.text
		// Writing needs the width only to wrap, and a text of n bytes is at most 2n wide.
		narrowed := !w.measuring && col-1 < len(w.lo.capped) && w.lo.capped[col-1]
		if w.measuring || 2*len(s) > wrapAt || narrowed {
			wide = textWidth(s)
		}
		switch {
		case c.span > 0:
			o.span, o.style, o.wrap, wide = c.span, w.st.wrap, s, 0
		case c.kind == kSheetLink:
			o.style, o.link, o.local = w.st.link, c.target, true
		case c.kind == kLink && c.target != "" && !w.measuring && w.links < maxSheetLinks:
			// A link shown by a name of its own (namedLink checked the URL).
			o.style, o.link = w.st.link, c.target
			w.links++
		case c.kind == kLink && s == c.s && !w.measuring && w.links < maxSheetLinks && linkable(s):
			// (The measuring pass needs only the width, the same as a link's.)
			o.style, o.link = w.st.link, s
			w.links++
		case c.title:
			o.style, o.big, wide = w.st.title, true, 0
		case c.spill:
			wide = 0
			if c.bold {
				o.style = w.st.bold
			}
		case c.head:
			o.style, wide, o.wrap = w.st.header, headerWidth(s), s
		case wide > wrapAt || (narrowed && wide+1 > w.lo.colWidth(col)):
			o.style, o.wrap = w.st.wrap, s
		case c.bold:
			o.style = w.st.bold
		case c.ind:
			o.style = w.st.indent
			wide += 2
		}
	case kCount:
		o.vk, o.n, o.style, wide = vInt, c.n, w.st.count, groupedWidth(c.n)
		// The sign takes a character; in Japanese the words 約…件, …件以上 and 最大…件
		// take two a character.
		ja := w.bk.lang == i18n.Ja
		more := map[bool]float64{false: 1, true: 4}[ja]
		switch c.sign {
		case "≈":
			o.style, wide = w.st.countApprox, wide+more
		case "≥":
			o.style, wide = w.st.countAtLeast, wide+map[bool]float64{false: 1, true: 6}[ja]
		case "≤":
			o.style, wide = w.st.countAtMost, wide+map[bool]float64{false: 1, true: 6}[ja]
		}
	case kInt:
		o.vk, o.n, o.style, wide = vInt, c.n, w.st.int, groupedWidth(c.n)
	case kDays:
		o.vk, o.n, o.style, wide = vInt, c.n, w.st.days, groupedWidth(c.n)+5
		if c.small {
			o.style = w.st.daysSmall
		}
	case kFloat:
		o.vk, o.f, o.style = vFloat, c.f, w.st.float
		if c.small {
			o.style = w.st.floatSmall
		}
		wide = float64(len(strconv.FormatFloat(c.f, 'f', 1, 64))) + 5
	case kPercent, kShare:
		o.vk, o.f, o.style = vFloat, c.f, w.st.percent
		if c.kind == kShare {
			o.style = w.st.share
		}
		wide = float64(len(strconv.FormatFloat(c.f*100, 'f', 1, 64))) + 2
	case kDiff:
		o.vk, o.f, o.style = vFloat, c.f, w.st.diff
		wide = groupedWidth(int64(c.f)) + 1
	case kYen:
		// The unit: 円, a wide character (約 adds another, and fits the cell's padding).
		o.vk, o.n, o.style, wide = vInt, c.n, w.st.yen[c.sign], groupedWidth(c.n)+2
	case kDiffDays:
		o.vk, o.f, o.style = vFloat, c.f, w.st.diffDays
		if c.small {
			o.style = w.st.diffDaysSmall
		}
		wide = float64(len(strconv.FormatFloat(c.f, 'f', 1, 64))) + 6
	case kDate:
		o.vk, o.f, o.style, wide = vFloat, c.f, w.st.date[c.prec], 10
	case kDateTime:
		// The wall-clock time where it was taken; Excel times have no zone.
		o.vk, o.t, o.style, wide = vTime, c.t, w.st.dateTime, 19
	}
	if w.measuring {
		for len(w.lo.widths) < col {
			w.lo.widths = append(w.lo.widths, 0)
		}
		w.lo.widths[col-1] = max(w.lo.widths[col-1], wide)
		if least := wide; (c.kind == kText || c.kind == kLink || c.kind == kSheetLink) && o.span == 0 && !c.spill && !c.title {
			switch {
			case c.kind != kText:
				least = minCapWidth // a link does not wrap
			case c.head:
				least = longestWord(c.s)
			}
			for len(w.lo.leastWidths) < col {
				w.lo.leastWidths = append(w.lo.leastWidths, 0)
			}
			w.lo.leastWidths[col-1] = max(w.lo.leastWidths[col-1], least)
		}
		if (c.kind != kText && c.kind != kLink && c.kind != kSheetLink) || c.whole {
			for len(w.lo.numWidths) < col {
				w.lo.numWidths = append(w.lo.numWidths, 0)
			}
			w.lo.numWidths[col-1] = max(w.lo.numWidths[col-1], wide)
		}
	}
	return o
}

// cut shortens a text too long for a cell, with a visible marker, and in the measuring
// pass adds a Data issues entry for it.
func (w *sheetWriter) cut(col int, s string) string {
	n := utf8.RuneCountInString(s)
	marker := fmt.Sprintf(lCutMarker.in(w.bk.lang), groupDigits(int64(n)))
	if w.measuring && w.collectCuts && w.cellCuts >= w.bk.cuts.Cap {
		w.cutsOver++
	} else if w.measuring && w.collectCuts {
		w.cellCuts++
		sheet, row := w.locate(w.row)
		head := ""
		if col-1 < len(w.headCells) {
			head = w.headCells[col-1].s
		}
		preview := []rune(s)[:80]
		w.cuts = append(w.cuts, data.Issue{
			Kind: kindCellLength, Severity: data.Warning, Line: w.line, Header: head,
			Value: string(preview) + "…", IncidentID: w.incident,
			Message: data.Msgf("text of %s characters is longer than the 32,767 an Excel cell holds: cut on sheet %s, cell %s, and marked",
				groupDigits(int64(n)), sheet, cellRef(col, row)),
		})
	}
	return cutText(s, marker, maxCellChars)
}

// locate returns the sheet and row a row of the measuring pass is written to.
func (w *sheetWriter) locate(row int) (string, int) {
	head := w.lo.head
	if !w.streamed || row <= w.maxRows || head == 0 {
		return w.parts[0], row
	}
	per := w.maxRows - head
	i := (row - w.maxRows - 1) / per
	part := 1 + i
	name := w.parts[0]
	if part < len(w.parts) {
		name = w.parts[part]
	}
	return name, head + (row-w.maxRows-1)%per + 1
}

// emit writes one row of prepared cells, with the height its wrapped cells need.
func (w *sheetWriter) emit(row []out) {
	lines := 1.0
	for _, o := range row {
		if o.wrap == "" {
			continue
		}
		across := 0.0
		for c := o.col; c < o.col+max(o.span, 1); c++ {
			across += w.lo.colWidth(c)
		}
		lines = max(lines, wrappedLines(o.wrap, across))
	}
	height := 0.0
	if lines > 1 {
		// Neither Excel nor LibreOffice reliably fits wrapped rows when opening a file.
		height = math.Min(lines*w.lineHt+2, 409)
	}
	for _, o := range row {
		if o.big {
			height = max(height, 2*w.lineHt)
		}
	}
	if height > 0 {
		w.advance(height)
	} else {
		w.advance(w.lineHt)
	}
	if w.sw != nil {
		w.sink.add(w.row, row, height)
	} else {
		w.lockInTurn()
		defer w.unlock()
		for _, o := range row {
			ref := cellRef(o.col, w.row)
			w.fail(w.f.SetCellValue(w.name, ref, o.value()))
			w.fail(w.f.SetCellStyle(w.name, ref, ref, o.style))
		}
		if height > 0 {
			w.fail(w.f.SetRowHeight(w.name, w.row, height))
		}
	}
	for _, o := range row {
		if o.span <= 1 && o.link == "" {
			continue
		}
		ref := cellRef(o.col, w.row)
		if w.sw != nil {
			// A hyperlink goes into the workbook's parts: under the lock. (A cell-by-cell
			// sheet holds it already.)
			w.lock()
		}
		switch {
		case o.span > 1 && w.sw != nil:
			w.fail(w.sw.MergeCell(ref, cellRef(o.col+o.span-1, w.row)))
		case o.span > 1:
			last := cellRef(o.col+o.span-1, w.row)
			w.fail(w.f.MergeCell(w.name, ref, last))
			w.fail(w.f.SetCellStyle(w.name, ref, last, o.style))
		case o.link != "" && o.local:
			w.fail(w.f.SetCellHyperLink(w.name, ref, o.link, "Location"))
		case o.link != "":
			w.fail(w.f.SetCellHyperLink(w.name, ref, o.link, "External"))
		}
		if w.sw != nil {
			w.unlock()
		}
	}
}

// begin sets up the part being written before its first row: what a streamed sheet must
// have before it (page fit, column widths, frozen panes) and the stream itself.
func (w *sheetWriter) begin() {
	if w.measuring || w.err != nil {
		return
	}
	lo := w.lo
	w.lock()
	defer w.unlock()
	if w.streamed {
		// The sheet properties are written when the stream starts.
		fit := lo.fitsPage()
		w.fail(w.f.SetSheetProps(w.name, &excelize.SheetPropsOptions{FitToPage: &fit}))
		sw, err := w.f.NewStreamWriter(w.name)
		if err != nil {
			w.fail(err)
			return
		}
		w.sw, w.sink = sw, newRowSink(sw)
		// The widths go into the sheet's XML as the archive is written, not through
		// excelize: it keeps a column at a time, and goes through them all when setting a
		// width and when writing each cell, which is quadratic in the columns (16,384
		// columns took minutes). No streamed sheet has a chart, which excelize would place
		// by the widths it knows.
		if runs := lo.colRuns(); len(runs) > 0 {
			w.bk.zw.insertBefore(fmt.Sprintf("xl/worksheets/sheet%d.xml", sw.SheetID), "<sheetData>", colsXML(runs))
		}
		if lo.head > 0 {
			w.fail(sw.SetPanes(w.panes()))
		}
		return
	}
	for _, r := range lo.colRuns() {
		w.fail(w.f.SetColWidth(w.name, colName(r.first), colName(r.last), r.width))
	}
	// Every row is one line of the workbook's font high unless set otherwise, in Excel,
	// in LibreOffice and where excelize places the charts' bottom edges.
	ht, custom := w.lineHt, true
	w.fail(w.f.SetSheetProps(w.name, &excelize.SheetPropsOptions{DefaultRowHeight: &ht, CustomHeight: &custom}))
	w.pageHt = pageHeight / lo.printScale()
	if lo.head > 0 {
		w.fail(w.f.SetPanes(w.name, w.panes()))
	}
}

// panes freezes the rows down to the header and the first freezeCols columns.
func (w *sheetWriter) panes() *excelize.Panes {
	lo := w.lo
	top := cellRef(lo.freezeCols+1, lo.head+1)
	pane := "bottomLeft"
	if lo.freezeCols > 0 {
		pane = "bottomRight"
	}
	return &excelize.Panes{
		Freeze: true, XSplit: lo.freezeCols, YSplit: lo.head, TopLeftCell: top, ActivePane: pane,
		Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: pane}},
	}
}

// nextPart ends a full streamed sheet and continues on the next one, header first.
func (w *sheetWriter) nextPart() {
	w.finishPart()
	w.part++
	if w.part >= len(w.parts) {
		w.fail(fmt.Errorf("more rows than the %d sheets planned", len(w.parts)))
		return
	}
	w.name, w.row, w.links = w.parts[w.part], 0, 0
	w.begin()
	w.write(w.headCells...)
}

// finish ends the sheet. freezeCols columns left of the table stay in view; with table
// set, the rows from the header down become an Excel table (banded, with filter buttons).
// In the measuring pass it only notes them.
func (w *sheetWriter) finish(freezeCols int, table bool) {
	if w.measuring {
		w.lo.freezeCols, w.lo.table = freezeCols, table && w.lo.head > 0
		w.noteRenamed()
		return
	}
	w.finishPart()
}

// finishPart adds the table, the highlights and the print setup to the part written, and
// ends its stream.
func (w *sheetWriter) finishPart() {
	if w.sink != nil {
		w.fail(w.sink.close())
		w.sink = nil
	}
	if w.err != nil {
		return
	}
	w.lockInTurn()
	defer w.unlock()
	lo := w.lo
	lastCol := max(len(lo.colWidths), lo.cols, 1)
	if w.sw == nil && w.row > 0 {
		w.fail(w.f.SetSheetDimension(w.name, "A1:"+cellRef(lastCol, w.row)))
	}
	if lo.head > 0 && lo.table {
		tbl := &excelize.Table{
			Range: cellRef(1, lo.head) + ":" + cellRef(lo.cols, max(w.row, lo.head+1)),
			Name:  w.tableName(), StyleName: tableStyle, ShowRowStripes: boolPtr(true),
		}
		if w.sw != nil {
			w.fail(w.sw.AddTable(tbl))
		} else {
			w.fail(w.f.AddTable(w.name, tbl))
		}
	}
	if lo.head > 0 && w.row > lo.head {
		for _, col := range w.flagCols {
			ref := cellRef(col, lo.head+1) + ":" + cellRef(col, w.row)
			w.fail(w.f.SetConditionalFormat(w.name, ref, w.longLagRule()))
		}
	}
	w.printSetup()
	if w.sw != nil {
		w.fail(w.sw.Flush())
		w.sw = nil
	}
}

// tableName names the part's table after its sheet's key: Incidents, Incidents_2, ….
func (w *sheetWriter) tableName() string {
	name := w.bk.tableNames[w.parts[0]]
	if w.part > 0 {
		name += "_" + strconv.Itoa(w.part+1)
	}
	return name
}

// printSetup sets the part up to print landscape on A4, one page wide (unless that would
// shrink it below minPrintScale: then at that scale, over as many pages across as it
// takes), with the header row (and frozen columns) repeated on every page, and the
// report's title, the sheet, the page number and the generation date in the page header
// and footer.
func (w *sheetWriter) printSetup() {
	a4, landscape, one, tall := 9, "landscape", 1, 0
	layout := &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape}
	// A streamed sheet, one table, is fitted to the page's width; the others print at the
	// scale their page breaks were placed for (see keep).
	fit := w.lo.fitsPage() && w.streamed
	if fit {
		layout.FitToWidth, layout.FitToHeight = &one, &tall
	} else {
		scale := uint(w.lo.printScale() * 100)
		layout.AdjustTo = &scale
	}
	w.fail(w.f.SetPageLayout(w.name, layout))
	if w.sw == nil {
		w.fail(w.f.SetSheetProps(w.name, &excelize.SheetPropsOptions{FitToPage: &fit}))
	}
	margin, edge := 0.5, 0.3
	w.fail(w.f.SetPageMargins(w.name, &excelize.PageLayoutMarginsOptions{
		Left: &margin, Right: &margin, Top: &margin, Bottom: &margin, Header: &edge, Footer: &edge,
	}))
	note := w.printArea()
	w.fail(w.f.SetHeaderFooter(w.name, w.bk.headerFooter(note)))
	// The header row is repeated on every page only where one table runs down the whole
	// sheet, or every page after the first begins with its rows (repeatHead): on a sheet
	// of several blocks it would otherwise head the wrong one. The frozen columns
	// are repeated too, unless the sheet prints one page wide from column A. A sheet
	// that does not print repeats nothing: Excel would print the repeated cells.
	if lo := w.lo; lo.head > 0 && (lo.table || w.repeatHead) && w.bk.prints(w.key) {
		titles := fmt.Sprintf("%s!$%d:$%d", quoteSheet(w.name), lo.head, lo.head)
		if lo.freezeCols > 0 && note == "" {
			titles = fmt.Sprintf("%s!$A:$%s,%s", quoteSheet(w.name), colName(lo.freezeCols), titles)
		}
		w.fail(w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: titles, Scope: w.name}))
	}
}

func boolPtr(b bool) *bool { return &b }

// defaultColWidth is Excel's width of a column left as it is.
const defaultColWidth = 8.43

// minPrintScale is the smallest print scale, in percent, that stays readable.
const minPrintScale = 70

// pageChars is how many characters of column width a landscape A4 page with half-inch
// margins shows at 100%, as LibreOffice prints it: a column's character is the default
// font's digit, which LibreOffice draws in the font it puts for Calibri or Yu Gothic
// (DejaVu Sans, Noto Sans CJK), wider than Excel's. In Excel the pages have room to spare
// at the right.
func pageChars(i18n.Lang) float64 { return 104 }

// pageHeight is the height of a landscape A4 page's printed area at 100%, in points: 595
// less the half-inch margins, less a little for the rounding of row heights in print.
const pageHeight = 595 - 2*36 - 20

// fitsPage reports whether the sheet's columns fit one page wide at minPrintScale or more.
func (lo *layout) fitsPage() bool {
	return lo.width() <= lo.pageChars*100/minPrintScale
}

// width is the width of the sheet's printed columns, or of its charts where they reach
// further, in characters.
func (lo *layout) width() float64 {
	total := 0.0
	for _, wd := range lo.colWidths[:lo.printed()] {
		total += wd
	}
	return max(total, lo.chartWidth)
}

// printScale is the scale the sheet prints at, as a fraction: what fits its columns on a
// page's width, at most 1 and at least minPrintScale.
func (lo *layout) printScale() float64 {
	s := math.Floor(100*lo.pageChars/math.Max(lo.width(), 1)) / 100
	return math.Max(math.Min(1, s), minPrintScale/100.0)
}

func cellRef(col, row int) string {
	ref, _ := excelize.CoordinatesToCellName(col, row)
	return ref
}
