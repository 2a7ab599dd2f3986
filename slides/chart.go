package slides

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// chartDef is one native chart: its categories and series, the data of its embedded
// workbook. A value that is not known is a blank cell, a gap in the chart, never a zero.
type chartDef struct {
	typ    excelize.ChartType
	header string // the categories' column header
	cats   []string
	series []series
	// line, when set, is drawn as a line over the columns on a second value axis.
	line *series
	// numFmt is the number format of the values and their labels; lineFmt the line's.
	numFmt, lineFmt string
	// valueTitle and lineTitle name the value axes.
	valueTitle, lineTitle string
	labels                bool
	// font is the typeface of the chart's text.
	font string
}

type series struct {
	name string
	vals []float64
	ok   []bool
}

// dataSheet is the embedded workbook's sheet the chart's series refer to.
const dataSheet = "Sheet1"

// refs of the embedded sheet: the categories in column A from row 2, series i in column
// i+2 (its name in row 1), the line after the series.
func (c *chartDef) catRef() string { return cellRange(1, 2, 1, len(c.cats)+1) }

func (c *chartDef) nameRef(i int) string { return cellRange(i+2, 1, i+2, 1) }

func (c *chartDef) valRef(i int) string { return cellRange(i+2, 2, i+2, len(c.cats)+1) }

func cellRange(c1, r1, c2, r2 int) string {
	a, _ := excelize.CoordinatesToCellName(c1, r1, true)
	b, _ := excelize.CoordinatesToCellName(c2, r2, true)
	if a == b {
		return dataSheet + "!" + a
	}
	return dataSheet + "!" + a + ":" + b
}

// all returns the bar series and then the line, in column order.
func (c *chartDef) all() []series {
	out := append([]series(nil), c.series...)
	if c.line != nil {
		out = append(out, *c.line)
	}
	return out
}

// workbook writes the chart's data into a new workbook: the categories, and one column per
// series. With chart set it also adds the chart, so that excelize writes its part.
func (c *chartDef) workbook(withChart bool) (*excelize.File, error) {
	f := excelize.NewFile()
	set := func(col, row int, v any) error {
		name, _ := excelize.CoordinatesToCellName(col, row)
		return f.SetCellValue(dataSheet, name, v)
	}
	if err := set(1, 1, c.header); err != nil {
		return nil, err
	}
	for i, cat := range c.cats {
		// SetCellStr: a label is text, never a formula, whatever it starts with.
		name, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetCellStr(dataSheet, name, cat); err != nil {
			return nil, err
		}
	}
	for j, s := range c.all() {
		name, _ := excelize.CoordinatesToCellName(j+2, 1)
		if err := f.SetCellStr(dataSheet, name, s.name); err != nil {
			return nil, err
		}
		for i, v := range s.vals {
			if s.ok[i] {
				if err := set(j+2, i+2, v); err != nil {
					return nil, err
				}
			}
		}
	}
	_ = f.SetColWidth(dataSheet, "A", "A", 40)
	// No author (excelize's default names its own), a fixed time, the tool as application.
	stamp := zipTime.Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{Created: stamp, Modified: stamp}); err != nil {
		return nil, err
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: "breachreport"}); err != nil {
		return nil, err
	}
	if !withChart {
		return f, nil
	}
	font := excelize.Font{Family: c.font, Size: 12, Color: "404040"}
	ch := &excelize.Chart{
		Type:         c.typ,
		Legend:       excelize.ChartLegend{Position: "bottom", Font: &font},
		XAxis:        excelize.ChartAxis{Font: font, ReverseOrder: c.typ == excelize.Bar || c.typ == excelize.BarStacked},
		YAxis:        excelize.ChartAxis{Font: font, MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: c.numFmt}},
		ShowBlanksAs: "gap",
		VaryColors:   boolPtr(false),
	}
	if len(c.series) == 1 && c.line == nil {
		ch.Legend.Position = "none"
	}
	if c.valueTitle != "" {
		ch.YAxis.Title = excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.valueTitle, Font: &font}}}
	}
	if c.labels {
		ch.PlotArea = excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: c.numFmt}}
	}
	for i := range c.series {
		cs := excelize.ChartSeries{Name: c.nameRef(i), Categories: c.catRef(), Values: c.valRef(i), DataLabel: excelize.ChartDataLabel{Font: font}}
		if c.typ == excelize.Bar || c.typ == excelize.Col {
			// Beyond the bar's end, a short bar's label stays readable.
			cs.DataLabelPosition = excelize.ChartDataLabelsPositionOutsideEnd
		}
		ch.Series = append(ch.Series, cs)
	}
	var combo []*excelize.Chart
	if c.line != nil {
		i := len(c.series)
		lc := &excelize.Chart{Type: excelize.Line,
			YAxis: excelize.ChartAxis{Font: font, Secondary: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: c.lineFmt}},
		}
		if c.lineTitle != "" {
			lc.YAxis.Title = excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.lineTitle, Font: &font}}}
		}
		lc.Series = []excelize.ChartSeries{{Name: c.nameRef(i), Categories: c.catRef(), Values: c.valRef(i),
			Marker: excelize.ChartMarker{Symbol: "circle", Size: 6}, Line: excelize.LineOptions{Width: 2.25}}}
		combo = append(combo, lc)
	}
	err := f.AddChart(dataSheet, "H2", ch, combo...)
	return f, err
}

func boolPtr(b bool) *bool { return &b }

// build returns the chart's part, made by excelize and given its caches and the link to the
// embedded workbook (relationship rId1), and the embedded workbook's bytes.
func (c *chartDef) build() (chartXML []byte, embedded []byte, err error) {
	f, err := c.workbook(true)
	if err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return nil, nil, err
	}
	for _, zf := range zr.File {
		if zf.Name == "xl/charts/chart1.xml" {
			rc, err := zf.Open()
			if err != nil {
				return nil, nil, err
			}
			chartXML, err = io.ReadAll(rc)
			rc.Close()
			if err != nil {
				return nil, nil, err
			}
		}
	}
	if chartXML == nil {
		return nil, nil, fmt.Errorf("excelize wrote no chart part")
	}
	if chartXML, err = c.withCaches(chartXML); err != nil {
		return nil, nil, err
	}
	book, err := c.workbook(false)
	if err != nil {
		return nil, nil, err
	}
	buf.Reset()
	if err := book.Write(&buf); err != nil {
		return nil, nil, err
	}
	embedded, err = sortedCopy(buf.Bytes())
	return chartXML, embedded, err
}

// withCaches fills the caches of the chart's references with the values they point to, so
// that a reader draws the chart without opening the embedded workbook (PowerPoint and
// LibreOffice both draw from the caches), and links the chart to the embedded workbook.
func (c *chartDef) withCaches(x []byte) ([]byte, error) {
	s := string(x)
	replace := func(old, new string) error {
		if !strings.Contains(s, old) {
			return fmt.Errorf("chart part: %s not found", old)
		}
		s = strings.ReplaceAll(s, old, new)
		return nil
	}
	var cats strings.Builder
	fmt.Fprintf(&cats, `<strCache><ptCount val="%d"></ptCount>`, len(c.cats))
	for i, v := range c.cats {
		fmt.Fprintf(&cats, `<pt idx="%d"><v>%s</v></pt>`, i, esc(v))
	}
	cats.WriteString(`</strCache>`)
	if err := replace(`<cat><strRef><f>`+c.catRef()+`</f></strRef></cat>`,
		`<cat><strRef><f>`+c.catRef()+`</f>`+cats.String()+`</strRef></cat>`); err != nil {
		return nil, err
	}
	for i, sr := range c.all() {
		if err := replace(`<tx><strRef><f>`+c.nameRef(i)+`</f></strRef></tx>`,
			`<tx><strRef><f>`+c.nameRef(i)+`</f><strCache><ptCount val="1"></ptCount><pt idx="0"><v>`+esc(sr.name)+`</v></pt></strCache></strRef></tx>`); err != nil {
			return nil, err
		}
		var nums strings.Builder
		fmt.Fprintf(&nums, `<numCache><formatCode>General</formatCode><ptCount val="%d"></ptCount>`, len(c.cats))
		for j, v := range sr.vals {
			if sr.ok[j] {
				fmt.Fprintf(&nums, `<pt idx="%d"><v>%s</v></pt>`, j, strconv.FormatFloat(v, 'f', -1, 64))
			}
		}
		nums.WriteString(`</numCache>`)
		if err := replace(`<numRef><f>`+c.valRef(i)+`</f><numCache><formatCode></formatCode></numCache></numRef>`,
			`<numRef><f>`+c.valRef(i)+`</f>`+nums.String()+`</numRef>`); err != nil {
			return nil, err
		}
	}
	ext := `<externalData xmlns:r="` + nsR + `" r:id="rId1"><autoUpdate val="0"></autoUpdate></externalData>`
	if strings.Contains(s, `<printSettings>`) {
		s = strings.Replace(s, `<printSettings>`, ext+`<printSettings>`, 1)
	} else if err := replace(`</chartSpace>`, ext+`</chartSpace>`); err != nil {
		return nil, err
	}
	return []byte(s), nil
}

// zipTime is the modification time of every part: a fixed one, so that the same report
// gives the same bytes.
var zipTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// sortedCopy rewrites a zip package with its parts in a fixed order ([Content_Types].xml
// first, then by name) and fixed times: excelize writes some parts in map order.
func sortedCopy(b []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	parts := map[string][]byte{}
	var names []string
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		parts[zf.Name] = data
		names = append(names, zf.Name)
	}
	var out bytes.Buffer
	if err := writeParts(&out, names, parts); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// writeParts writes a zip package of parts, in partOrder.
func writeParts(w io.Writer, names []string, parts map[string][]byte) error {
	sort.Slice(names, func(i, j int) bool { return partLess(names[i], names[j]) })
	zw := zip.NewWriter(w)
	for _, n := range names {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return err
		}
		if _, err := fw.Write(parts[n]); err != nil {
			return err
		}
	}
	return zw.Close()
}

func partLess(a, b string) bool {
	const first = "[Content_Types].xml"
	if (a == first) != (b == first) {
		return a == first
	}
	return a < b
}
