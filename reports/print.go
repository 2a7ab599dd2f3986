package reports

import (
	"fmt"
	"slices"

	"github.com/xuri/excelize/v2"

	"breachreport/analysis"
	"breachreport/i18n"
)

// printThrough makes the sheet print only its first n columns, its key ones, fitted to the
// page's width: a wide reference table would otherwise print its rows over several pages
// across. The other columns stay on screen; the printed pages say so in their header.
func (w *sheetWriter) printThrough(n int) {
	if w.measuring {
		w.lo.printCols = n
	}
}

// capWidth makes 1-based column col at most width characters wide: its longer text
// wraps. It is for a column whose rare long text would otherwise take the page's width
// from the others.
func (w *sheetWriter) capWidth(col int, width float64) {
	if !w.measuring {
		return
	}
	for len(w.lo.maxWidths) < col {
		w.lo.maxWidths = append(w.lo.maxWidths, 0)
	}
	w.lo.maxWidths[col-1] = width
}

// fillWidth makes 1-based column col the one that gives up width first when the columns
// are too wide for a page at minPrintScale: the others keep theirs.
func (w *sheetWriter) fillWidth(col int) {
	if w.measuring {
		w.lo.fill = col
	}
}

// lPrintedCols heads the printed pages of a sheet that prints only its key columns.
var lPrintedCols = i18n.Text{
	En: "Printed: columns A–%s of %d (all of them in the workbook)",
	Ja: "印刷はA～%s列（全%d列はブックで表示）",
}

// printArea sets the part's print area to its printed columns and rows when they are not
// all of them, and returns the note for the page header ("" when every column prints).
func (w *sheetWriter) printArea() string {
	if !w.bk.prints(w.key) {
		w.screenOnly()
		return ""
	}
	lo := w.lo
	n, all := lo.printed(), max(len(lo.colWidths), lo.cols)
	rows := w.row
	if w.printRows > 0 {
		rows = w.printRows
	}
	if w.row == 0 || (n >= all && rows == w.row) {
		return ""
	}
	note := ""
	if n < all {
		note = fmt.Sprintf(lPrintedCols.In(w.bk.lang), colName(n), all)
	} else {
		// Every column prints, and the charts beside them too.
		n = lo.reach()
	}
	area := fmt.Sprintf("%s!$A$1:$%s$%d", quoteSheet(w.name), colName(n), rows)
	w.fail(w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: area, Scope: w.name}))
	return note
}

// printUntil makes the rows written so far the last the sheet prints: those after it are
// for the screen (Trend's tables under its chart, the trailing year's breakdowns). With
// --print-all every row prints.
func (w *sheetWriter) printUntil() {
	if !w.bk.printAll {
		w.printRows = w.row
	}
}

// colName is the name of 1-based column col.
func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// prints reports whether sheet k prints when the whole workbook is printed. A period
// workbook is the deliverable a client reads on paper: its report sheets (the month at a
// glance, the trend, the breakdowns) print, in a few pages; the reference sheets (every
// column of every incident, the duty and damage judgements, the definitions) are for the
// screen, unless --print-all. A workbook on the whole list prints every sheet.
func (bk *bookState) prints(k label) bool {
	if bk.printAll || bk.period == nil {
		return true
	}
	return k == lSheetGlance || k == lSheetTrend || k == lSheetBreakdowns
}

// The Method sheet's note on what a period workbook prints.
var (
	lPrintItem = i18n.Text{En: "Printing", Ja: "印刷"}
	lPrintText = i18n.Text{
		En: "Printed, the workbook is the report: %[1]s, %[2]s down to its chart and %[3]s down to the period's breakdowns (in Excel, choose Print Entire Workbook under Settings in File → Print; by default Excel prints the active sheet only). The other sheets and the rest of those two are for the screen: the print area of each other sheet is an empty cell. To print one in Excel, choose Ignore Print Area under Settings in File → Print, or Page Layout → Print Area → Clear Print Area; or make the report again with --print-all.",
		Ja: "印刷すると、レポート部分（「%[1]s」、「%[2]s」のグラフまで、「%[3]s」の当期間の内訳まで）になります（Excel では［ファイル］→［印刷］の設定で「ブック全体を印刷」を選びます。既定では作業中のシートだけを印刷します）。ほかのシートと、この2つのシートの続きは画面用で、ほかのシートの印刷範囲は空のセルにしてあります。Excel で印刷するには、［ファイル］→［印刷］の設定で「印刷範囲を無視」を選ぶか、［ページレイアウト］→［印刷範囲］→［印刷範囲のクリア］を選んでください。--print-all を付けて作り直すこともできます。",
	}
)

// screenOnly makes the part print nothing: its print area is an empty cell below and to
// the right of its rows and charts (a chart reaching into the area would print), and
// printSetup repeats no header on it. LibreOffice leaves a page with no content out of a
// print; Excel prints the active sheet unless told to print the workbook. Clearing the
// print area prints the sheet again; Method says how.
func (w *sheetWriter) screenOnly() {
	if w.row >= excelMaxRows {
		return
	}
	area := fmt.Sprintf("%s!$%s$%d", quoteSheet(w.name), colName(min(w.lo.reach()+1, excelMaxCols)), w.row+1)
	w.fail(w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: area, Scope: w.name}))
}

// reach is the last column the sheet's cells or charts reach.
func (lo *layout) reach() int {
	n := max(len(lo.colWidths), lo.cols, 1)
	width := 0.0
	for c := 1; c <= n; c++ {
		width += lo.colWidth(c)
	}
	for width < lo.chartWidth && n < excelMaxCols {
		n++
		width += lo.colWidth(n)
	}
	return n
}

// lTrailingSame stands on Breakdowns for the trailing window's breakdowns when the window
// holds only the period's incidents.
var lTrailingSame = i18n.Text{
	En: "The trailing %d months hold no incidents besides the period's: their breakdowns would be the same as those above, and are left out.",
	Ja: "直近%dか月の事案は当期間の事案だけです。直近の内訳は上の内訳と同じになるため省きます。",
}

// omission is a sheet a period workbook leaves out, and why: a format of the sheet's name
// and Incidents'.
type omission struct {
	sheet label
	why   i18n.Text
}

// The sheets a period workbook leaves out as adding nothing to it, so that it prints in
// fewer pages; Method says which and why.
var (
	whyScopes = i18n.Text{
		En: "%[1]s: left out, as every incident has one scope: its columns are on %[2]s.",
		Ja: "%[1]s：どの事案も範囲が1つのため省きました。その列は「%[2]s」にあります。",
	}
	whyIssues = i18n.Text{
		En: "%[1]s: left out, as the input has no data issue.",
		Ja: "%[1]s：データ不備がないため省きました。",
	}
	lOmittedItem = i18n.Text{En: "Sheets left out", Ja: "省いたシート"}
)

// isOmitted reports whether the workbook leaves sheet k out.
func (bk *bookState) isOmitted(k label) bool {
	return slices.ContainsFunc(bk.omitted, func(o omission) bool { return o.sheet == k })
}

// without returns ds without the sheet k.
func without(ds []*sheetDef, k label) []*sheetDef {
	return slices.DeleteFunc(ds, func(d *sheetDef) bool { return d.key == k })
}

// oneScopeEach reports whether every incident of rep has exactly one scope: its Scopes
// sheet would then repeat Incidents, row for row.
func oneScopeEach(rep analysis.Report) bool {
	for _, f := range rep.Incidents.All() {
		if len(f.Incident.Scopes) != 1 {
			return false
		}
	}
	return true
}
