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

// printArea sets the part's print area to its printed columns when they are not all of
// them, and returns the note for the page header ("" when every column prints).
func (w *sheetWriter) printArea() string {
	lo := w.lo
	n, all := lo.printed(), max(len(lo.colWidths), lo.cols)
	if n >= all || w.row == 0 {
		return ""
	}
	last, _ := excelize.ColumnNumberToName(n)
	area := fmt.Sprintf("%s!$A$1:$%s$%d", quoteSheet(w.name), last, w.row)
	w.fail(w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: area, Scope: w.name}))
	return fmt.Sprintf(lPrintedCols.In(w.bk.lang), last, all)
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
