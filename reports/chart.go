package reports

import (
	"fmt"
	"math"

	"github.com/xuri/excelize/v2"
)

// chartSpec is a native Excel chart over the workbook's own cells, so that a client can
// restyle it or copy it into a slide with its data. Each series takes its name from one
// cell and its values from a row or column of cells; the categories are another row or
// column. rowSeries and colSeries build series from the two layouts: a table with one row
// per series (Comparison) or one column per series (a table by month).
type chartSpec struct {
	typ    excelize.ChartType
	title  string
	cats   string // reference of the category labels
	series []chartSeries
	// valueTitle names the value axis; valueFmt is its number format.
	valueTitle, valueFmt string
	// labels shows each value on its bar, in the number format of its cell.
	labels bool
	// vary gives each bar of a one-series chart its own colour of the theme, in order:
	// the first groups (the largest) take the distinct colours. (excelize writes colours
	// point by point only for pie charts.)
	vary bool
	// line are series drawn as lines over the columns, on a second value axis titled
	// lineTitle, in number format lineFmt.
	line               []chartSeries
	lineTitle, lineFmt string
	// width and height are its size, offsetX how far right of its anchor cell it starts,
	// in pixels.
	width, height uint
	offsetX       int
}

// chartSeries is one series: a reference to the cell with its name, a reference to its
// values, and its colour (RRGGBB; "" for the theme's).
type chartSeries struct {
	name, values, color string
}

// ref returns the absolute reference to the cells from (c1, r1) to (c2, r2) of sheet.
func ref(sheet string, c1, r1, c2, r2 int) string {
	a, _ := excelize.CoordinatesToCellName(c1, r1, true)
	b, _ := excelize.CoordinatesToCellName(c2, r2, true)
	if a == b {
		return quoteSheet(sheet) + "!" + a
	}
	return quoteSheet(sheet) + "!" + a + ":" + b
}

// rowSeries is the series whose name is in column nameCol of row and whose values are in
// that row from column first to last.
func rowSeries(sheet string, row, nameCol, first, last int, color string) chartSeries {
	return chartSeries{name: ref(sheet, nameCol, row, nameCol, row), values: ref(sheet, first, row, last, row), color: color}
}

// colSeries is the series whose name is in row nameRow of col and whose values are in that
// column from row first to last.
func colSeries(sheet string, col, nameRow, first, last int, color string) chartSeries {
	return chartSeries{name: ref(sheet, col, nameRow, col, nameRow), values: ref(sheet, col, first, col, last), color: color}
}

// chart adds c to the sheet being written, its top-left corner at cell (col, row). Only a
// sheet written cell by cell can hold a chart: excelize drops a chart added to a streamed
// sheet without an error.
func (w *sheetWriter) chart(col, row int, c chartSpec) {
	if w.measuring || w.err != nil {
		return
	}
	if w.streamed {
		w.fail(fmt.Errorf("chart %q on a streamed sheet", c.title))
		return
	}
	font := excelize.Font{Family: fontFor(w.bk.lang), Size: 10, Color: "404040"}
	titleFont := font
	titleFont.Size, titleFont.Bold = 12, true
	// A chart of one series in varied colours needs no legend: it would repeat the
	// category labels, in a block as tall as a table's rows.
	legend := "bottom"
	if c.vary && len(c.series) == 1 {
		legend = "none"
	}
	ch := &excelize.Chart{
		Type:      c.typ,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.title, Font: &titleFont}}},
		Dimension: excelize.ChartDimension{Width: c.width, Height: c.height},
		Legend:    excelize.ChartLegend{Position: legend, Font: &font},
		Format: excelize.GraphicOptions{
			AltText: c.title, PrintObject: boolPtr(true), Locked: boolPtr(false),
			OffsetY: 4,
		},
		XAxis:        excelize.ChartAxis{Font: font, ReverseOrder: c.typ == excelize.Bar || c.typ == excelize.BarStacked},
		YAxis:        excelize.ChartAxis{Font: font, MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: c.valueFmt}},
		ShowBlanksAs: "gap",
		VaryColors:   boolPtr(c.vary),
	}
	if c.valueTitle != "" {
		ch.YAxis.Title = excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.valueTitle, Font: &font}}}
	}
	if c.labels {
		ch.PlotArea = excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{SourceLinked: true}}
	}
	for _, s := range c.series {
		cs := excelize.ChartSeries{Name: s.name, Categories: c.cats, Values: s.values, DataLabel: excelize.ChartDataLabel{Font: font}}
		if s.color != "" {
			cs.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{s.color}}
		}
		ch.Series = append(ch.Series, cs)
	}
	var combo []*excelize.Chart
	if len(c.line) > 0 {
		lc := &excelize.Chart{Type: excelize.Line,
			YAxis: excelize.ChartAxis{Font: font, Secondary: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: c.lineFmt}},
		}
		if c.lineTitle != "" {
			lc.YAxis.Title = excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.lineTitle, Font: &font}}}
		}
		for _, s := range c.line {
			cs := excelize.ChartSeries{Name: s.name, Categories: c.cats, Values: s.values, Marker: excelize.ChartMarker{Symbol: "circle", Size: 5}}
			if s.color != "" {
				cs.Line = excelize.LineOptions{Width: 2.25}
				cs.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{s.color}}
			}
			lc.Series = append(lc.Series, cs)
		}
		combo = append(combo, lc)
	}
	// The anchor is the cell the offset falls in: readers do not all honour an offset
	// wider than its cell.
	x := 4 + c.offsetX
	for x >= colPixels(w.lo.colWidth(col)) {
		x -= colPixels(w.lo.colWidth(col))
		col++
	}
	ch.Format.OffsetX = x
	w.lockInTurn()
	defer w.unlock()
	w.fail(w.f.AddChart(w.name, cellRef(col, row), ch, combo...))
}

// placeCharts puts the charts cs side by side (each at its offsetX) on the rows after the
// last written, starting a new printed page first unless they fit on this one, and leaves
// empty the rows they cover: what follows starts below them. The rows are counted at the
// sheet's row height, which the workbook sets (see begin), so that the charts' anchors in
// the file are the rows they take in Excel and LibreOffice.
func (w *sheetWriter) placeCharts(cs ...chartSpec) {
	h := uint(0)
	for _, c := range cs {
		h = max(h, c.height)
	}
	rows := w.chartRows(h)
	if w.measuring {
		// The page must be as wide as the charts, not only the columns under them: seven
		// pixels a character of column width (see colPixels).
		for _, c := range cs {
			w.lo.chartWidth = max(w.lo.chartWidth, float64(c.offsetX+int(c.width)+12)/7)
		}
	}
	w.keepWhole(float64(rows) * w.lineHt)
	at := w.row + 1
	for _, c := range cs {
		w.chart(1, at, c)
	}
	for range rows {
		w.blank()
	}
}

// chartRows is how many rows a chart of height h pixels covers: pixels are ¾ of a point;
// 8 pixels for the offset and a margin below, and a row to spare, as excelize rounds the
// rows' heights to whole pixels.
func (w *sheetWriter) chartRows(h uint) int {
	return int(math.Ceil((float64(h)+8)*0.75/w.lineHt)) + 1
}

// chartHeight is the height, in points, of the rows a chart of height h pixels covers.
func (w *sheetWriter) chartHeight(h uint) float64 { return float64(w.chartRows(h)) * w.lineHt }

// colPixels is the width in pixels of a column width in characters, as Excel draws it at
// 100%: seven pixels a character of the default font, plus five of padding.
func colPixels(width float64) int {
	return int(width*7+0.5) + 5
}
