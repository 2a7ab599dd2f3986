package reports

import (
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
)

// kind is how a cell is written and formatted.
type kind int

const (
	kEmpty    kind = iota // an unknown figure: no cell at all
	kText                 // a string, never a formula
	kCount                // a number of records, #,##0
	kInt                  // a plain whole number (days, lines, positions), 0
	kFloat                // a statistic, 0.0
	kDate                 // a calendar date
	kDateTime             // a time of day (the generation time)
	kLink                 // a URL shown as text and linked
)

// cell is one value to write. The zero cell is empty.
type cell struct {
	kind kind
	s    string
	n    int64
	f    float64
	t    time.Time
	prec data.Precision
	// approx marks an approximate count, shown with a leading ≈.
	approx bool
	bold   bool
	ind    bool // indent the text one level
	spill  bool // let the text run into the empty cells to its right: no wrap, no widening
	head   bool // a header: it wraps, so it needs only about half its width
}

func text(s string) cell {
	if s == "" {
		return cell{}
	}
	return cell{kind: kText, s: s}
}

func bold(s string) cell { c := text(s); c.bold = true; return c }

func indented(s string) cell { c := text(s); c.ind = true; return c }

func spill(s string) cell { c := text(s); c.spill = true; return c }

func count(c data.Count) cell {
	if !c.Known {
		return cell{}
	}
	return cell{kind: kCount, n: c.N, approx: c.Approx}
}

func countN(n int) cell { return cell{kind: kCount, n: int64(n)} }

func days(d analysis.Days) cell {
	if !d.Known {
		return cell{}
	}
	return cell{kind: kInt, n: int64(d.N)}
}

// intPos is a whole number that is unknown when not positive (lines, column positions).
func intPos(n int) cell {
	if n <= 0 {
		return cell{}
	}
	return cell{kind: kInt, n: int64(n)}
}

func intN(n int) cell { return cell{kind: kInt, n: int64(n)} }

func float(v float64, ok bool) cell {
	if !ok || math.IsNaN(v) || math.IsInf(v, 0) {
		return cell{}
	}
	return cell{kind: kFloat, f: v}
}

func date(d data.Date) cell {
	if !d.Known() {
		return cell{}
	}
	return cell{kind: kDate, t: d.Time, prec: d.Precision}
}

func dateTime(t time.Time) cell {
	if t.IsZero() {
		return cell{}
	}
	return cell{kind: kDateTime, t: t}
}

// link is a source URL: a hyperlink when it is an absolute http(s) URL Excel accepts,
// plain text otherwise (so that no other scheme becomes clickable).
func link(u string) cell {
	if u == "" {
		return cell{}
	}
	if !linkable(u) {
		return text(u)
	}
	return cell{kind: kLink, s: u}
}

// maxSheetLinks is how many hyperlinks a sheet gets; further URLs are written as plain
// text. Excel allows 65,530, but excelize adds each link in time proportional to the links
// before it, so that many would take minutes to write.
const maxSheetLinks = 5000

// maxLinkLen is the longest URL Excel opens as a hyperlink.
const maxLinkLen = 2079

func linkable(u string) bool {
	if len(u) > maxLinkLen || strings.ContainsAny(u, " \t\r\n\"<>") {
		return false
	}
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != ""
}

// styles are the cell styles of one workbook.
type styles struct {
	header, text, bold, indent, wrap, count, countApprox, int, float, dateTime, link int
	date                                                                             map[data.Precision]int
}

// Column widths are in characters of the default font; text wider than wrapAt wraps.
const (
	minWidth = 6
	maxWidth = 66
	wrapAt   = 66
)

func newStyles(f *excelize.File, lang i18n.Lang) (*styles, error) {
	font := func(s excelize.Font) *excelize.Font {
		s.Family, s.Size = fontFor(lang), 11
		return &s
	}
	dayFmt, monthFmt, yearFmt := "yyyy-mm-dd", "yyyy-mm", "yyyy"
	timeFmt := "yyyy-mm-dd hh:mm:ss"
	if lang == i18n.Ja {
		dayFmt, monthFmt = "yyyy/mm/dd", "yyyy/mm"
		timeFmt = "yyyy/mm/dd hh:mm:ss"
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
		text:   mk(excelize.Style{Alignment: top}),
		bold:   mk(excelize.Style{Font: font(excelize.Font{Bold: true}), Alignment: top}),
		indent: mk(excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", Indent: 1}}),
		wrap:   mk(excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}),
		count:  mk(excelize.Style{NumFmt: 3, Alignment: top}), // #,##0
		// An approximate count (約4万件) stays a number, shown with a leading ≈.
		countApprox: mk(excelize.Style{CustomNumFmt: numFmt(`"≈"#,##0`), Alignment: top}),
		int:         mk(excelize.Style{NumFmt: 3, Alignment: top}), // #,##0 (days: 1,132 as in the write-ups)
		float:       mk(excelize.Style{CustomNumFmt: numFmt("#,##0.0"), Alignment: top}),
		dateTime:    mk(excelize.Style{CustomNumFmt: &timeFmt, Alignment: top}),
		link:        mk(excelize.Style{Font: font(excelize.Font{Color: "0563C1", Underline: "single"}), Alignment: top}),
		date: map[data.Precision]int{
			data.PrecisionDay:   mk(excelize.Style{CustomNumFmt: &dayFmt, Alignment: top}),
			data.PrecisionMonth: mk(excelize.Style{CustomNumFmt: &monthFmt, Alignment: top}),
			data.PrecisionYear:  mk(excelize.Style{CustomNumFmt: &yearFmt, Alignment: top}),
		},
	}
	return s, err
}

// fontFor is the workbook font: a Japanese UI font for Japanese, Excel's default otherwise.
func fontFor(lang i18n.Lang) string {
	if lang == i18n.Ja {
		return "Yu Gothic"
	}
	return "Calibri"
}

// sheetWriter writes the rows of one sheet, one after the other, and keeps the widest
// content of each column for setting column widths. It records the first error and does
// nothing after it.
type sheetWriter struct {
	f      *excelize.File
	st     *styles
	name   string
	row    int       // the last row written, 1-based
	widths []float64 // widest content per column, in characters
	head   int       // the header row of the sheet's table, 0 if none
	cols   int       // the header's number of columns
	links  int       // hyperlinks on the sheet so far
	// wrapped are the cells with wrapped text, whose row heights finish sets: neither
	// Excel nor LibreOffice reliably fits them when opening a file.
	wrapped []wrapped
	lineHt  float64 // the height of one line of text, in points
	err     error
}

func (w *sheetWriter) fail(err error) {
	if w.err == nil && err != nil {
		w.err = fmt.Errorf("sheet %q: %w", w.name, err)
	}
}

// header writes a bold header row; it becomes the frozen row and the autofilter's.
func (w *sheetWriter) header(names ...string) {
	cells := make([]cell, len(names))
	for i, n := range names {
		cells[i] = text(n)
		cells[i].head = true
	}
	w.write(cells...)
	if w.head == 0 {
		w.head, w.cols = w.row, len(names)
	}
}

// para writes a long text in a row of its own, across the first cols columns, wrapped.
// Its row height is set by finish, once the column widths are known (Excel does not fit
// the height of merged cells).
func (w *sheetWriter) para(s string, cols int) {
	w.row++
	if w.err != nil || s == "" {
		return
	}
	first, _ := excelize.CoordinatesToCellName(1, w.row)
	last, _ := excelize.CoordinatesToCellName(cols, w.row)
	w.fail(w.f.SetCellStr(w.name, first, s))
	w.fail(w.f.MergeCell(w.name, first, last))
	w.fail(w.f.SetCellStyle(w.name, first, last, w.st.wrap))
	w.wrapped = append(w.wrapped, wrapped{row: w.row, col: 1, span: cols, text: s})
}

// wrapped is a cell whose text wraps, spanning span columns from col.
type wrapped struct {
	row, col, span int
	text           string
}

// blank skips a row.
func (w *sheetWriter) blank() { w.row++ }

// write writes one row of cells from column A.
func (w *sheetWriter) write(cells ...cell) {
	w.row++
	for i, c := range cells {
		if w.err != nil {
			return
		}
		w.put(i+1, w.row, c)
	}
}

func (w *sheetWriter) put(col, row int, c cell) {
	if c.kind == kEmpty {
		return
	}
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		w.fail(err)
		return
	}
	var style int
	var wide float64
	switch c.kind {
	case kText, kLink:
		// SetCellStr stores a string cell: text such as "=1+1" stays text, never a formula.
		err = w.f.SetCellStr(w.name, ref, c.s)
		wide = textWidth(c.s)
		switch {
		case c.kind == kLink && w.links < maxSheetLinks:
			style = w.st.link
			w.links++
			if err == nil {
				err = w.f.SetCellHyperLink(w.name, ref, c.s, "External")
			}
		case c.spill:
			style, wide = w.st.text, 0
		case c.head:
			style, wide = w.st.header, headerWidth(c.s)
			w.wrapped = append(w.wrapped, wrapped{row: row, col: col, span: 1, text: c.s})
		case wide > wrapAt:
			style = w.st.wrap
			w.wrapped = append(w.wrapped, wrapped{row: row, col: col, span: 1, text: c.s})
		case c.bold:
			style = w.st.bold
		case c.ind:
			style = w.st.indent
			wide += 2
		default:
			style = w.st.text
		}
	case kCount:
		err = w.f.SetCellInt(w.name, ref, c.n)
		style, wide = w.st.count, float64(len(groupDigits(c.n)))
		if c.approx {
			style, wide = w.st.countApprox, wide+1
		}
	case kInt:
		err = w.f.SetCellInt(w.name, ref, c.n)
		style, wide = w.st.int, float64(len(strconv.FormatInt(c.n, 10)))
	case kFloat:
		err = w.f.SetCellFloat(w.name, ref, c.f, -1, 64)
		style, wide = w.st.float, float64(len(strconv.FormatFloat(c.f, 'f', 1, 64)))
	case kDate:
		err = w.f.SetCellValue(w.name, ref, c.t)
		style, wide = w.st.date[c.prec], 10
	case kDateTime:
		// The wall-clock time where it was taken; Excel times have no zone.
		err = w.f.SetCellValue(w.name, ref, c.t)
		style, wide = w.st.dateTime, 19
	}
	if err == nil {
		err = w.f.SetCellStyle(w.name, ref, ref, style)
	}
	w.fail(err)
	for len(w.widths) < col {
		w.widths = append(w.widths, 0)
	}
	w.widths[col-1] = max(w.widths[col-1], wide)
}

// finish sets column widths, freezes the rows above the table's first data row (and the
// first freezeCols columns), puts an autofilter on the table when filter is set, and sets
// the sheet up to print landscape on A4, as many pages across as it needs to stay
// readable, with the frozen header row and columns repeated on every page.
func (w *sheetWriter) finish(freezeCols int, filter bool) {
	if w.err != nil {
		return
	}
	total := 0.0
	colWidths := make([]float64, len(w.widths))
	for i, wd := range w.widths {
		name, _ := excelize.ColumnNumberToName(i + 1)
		// Bold header text and cell padding need a little more than the characters.
		wd = math.Round(math.Min(math.Max(wd*1.1+2, minWidth), maxWidth+2)*10) / 10
		colWidths[i] = wd
		total += wd
		w.fail(w.f.SetColWidth(w.name, name, name, wd))
	}
	lines := map[int]float64{}
	for _, c := range w.wrapped {
		across := 0.0
		for i := c.col - 1; i < c.col-1+c.span; i++ {
			if i < len(colWidths) {
				across += colWidths[i]
			} else {
				across += defaultColWidth
			}
		}
		lines[c.row] = max(lines[c.row], wrappedLines(c.text, across))
	}
	for row, n := range lines {
		if n > 1 {
			w.fail(w.f.SetRowHeight(w.name, row, math.Min(n*w.lineHt+2, 409)))
		}
	}
	lastCol := max(len(w.widths), w.cols, 1)
	if w.row > 0 {
		last, _ := excelize.CoordinatesToCellName(lastCol, w.row)
		w.fail(w.f.SetSheetDimension(w.name, "A1:"+last))
	}
	if w.head > 0 {
		top, _ := excelize.CoordinatesToCellName(freezeCols+1, w.head+1)
		pane := "bottomLeft"
		if freezeCols > 0 {
			pane = "bottomRight"
		}
		w.fail(w.f.SetPanes(w.name, &excelize.Panes{
			Freeze: true, XSplit: freezeCols, YSplit: w.head, TopLeftCell: top, ActivePane: pane,
			Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: pane}},
		}))
		titles := fmt.Sprintf("'%s'!$%d:$%d", w.name, w.head, w.head)
		if freezeCols > 0 {
			last, _ := excelize.ColumnNumberToName(freezeCols)
			titles = fmt.Sprintf("'%s'!$A:$%s,%s", w.name, last, titles)
		}
		w.fail(w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: titles, Scope: w.name}))
		if filter && w.row > w.head {
			first, _ := excelize.CoordinatesToCellName(1, w.head)
			last, _ := excelize.CoordinatesToCellName(w.cols, w.row)
			w.fail(w.f.AutoFilter(w.name, first+":"+last, nil))
		}
	}
	// Print setup comes after the autofilter, which replaces the sheet properties. A
	// sheet that fits across one page at a readable scale is fitted to it; a wider one is
	// printed at that scale over as many pages as it takes.
	a4, landscape, one, tall := 9, "landscape", 1, 0
	layout := &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape}
	fit := total <= pageWidth
	if fit {
		layout.FitToWidth, layout.FitToHeight = &one, &tall
	} else {
		scale := uint(printScale)
		layout.AdjustTo = &scale
	}
	w.fail(w.f.SetPageLayout(w.name, layout))
	w.fail(w.f.SetSheetProps(w.name, &excelize.SheetPropsOptions{FitToPage: &fit}))
	margin := 0.5
	w.fail(w.f.SetPageMargins(w.name, &excelize.PageLayoutMarginsOptions{
		Left: &margin, Right: &margin, Top: &margin, Bottom: &margin,
	}))
}

// pageWidth is how many characters of column width one landscape A4 page shows at
// printScale percent; defaultColWidth is Excel's width of a column left as it is.
const (
	printScale      = 75
	pageWidth       = 190
	defaultColWidth = 8.43
)

// wrappedLines estimates how many lines text takes when wrapped in a cell across columns
// of the given total width.
func wrappedLines(text string, across float64) float64 {
	avail := math.Max(across-1.5, 1)
	n := 0.0
	for _, line := range strings.Split(text, "\n") {
		// Wrapping breaks Latin text only at spaces, so its lines hold somewhat less than
		// the full width; East Asian text breaks between any two characters.
		wide := textWidth(line)
		narrow := float64(utf8.RuneCountInString(line))*2 - wide // runes counted once
		n += math.Max(1, math.Ceil(((wide-narrow)+narrow*1.1)/avail))
	}
	return n
}

// headerWidth is the width a wrapped header needs: half its text, and at least its longest
// word (words with East Asian characters break anywhere).
func headerWidth(s string) float64 {
	longest := 0.0
	for _, word := range strings.Fields(s) {
		if w := textWidth(word); w == float64(len([]rune(word))) {
			longest = max(longest, w)
		}
	}
	return max(longest, math.Ceil(textWidth(s)/2))
}

// textWidth estimates the displayed width of s in characters of the default font: East
// Asian wide and full-width characters count double. For text on several lines it is the
// widest line.
func textWidth(s string) float64 {
	widest, cur := 0, 0
	for _, r := range s {
		if r == '\n' {
			widest, cur = max(widest, cur), 0
			continue
		}
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			cur += 2
		default:
			cur++
		}
	}
	return float64(max(widest, cur))
}

// groupDigits formats n with thousands separators, as #,##0 shows it.
func groupDigits(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
