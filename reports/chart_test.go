package reports

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"breachreport/analysis"
	"breachreport/i18n"
)

// xlsxPackage is the parts of a written workbook, by their path in the zip.
type xlsxPackage map[string][]byte

func unzip(t *testing.T, raw []byte) xlsxPackage {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	p := xlsxPackage{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		p[f.Name] = b
	}
	return p
}

// relationship is one entry of a .rels part.
type relationship struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
}

// rels returns the relationships of part, their targets resolved to package paths.
func (p xlsxPackage) rels(t *testing.T, part string) []relationship {
	t.Helper()
	dir, file := path.Split(part)
	b, ok := p[dir+"_rels/"+file+".rels"]
	if !ok {
		return nil
	}
	var doc struct {
		Rel []relationship `xml:"Relationship"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	for i, r := range doc.Rel {
		if !strings.Contains(r.Target, "://") {
			doc.Rel[i].Target = path.Join(dir, r.Target)
		}
	}
	return doc.Rel
}

// sheetPart returns the package path of the worksheet named name.
func (p xlsxPackage) sheetPart(t *testing.T, name string) string {
	t.Helper()
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(p["xl/workbook.xml"], &wb); err != nil {
		t.Fatal(err)
	}
	for _, s := range wb.Sheets {
		if s.Name != name {
			continue
		}
		for _, r := range p.rels(t, "xl/workbook.xml") {
			if r.ID == s.RID {
				return r.Target
			}
		}
	}
	t.Fatalf("no sheet %q in the workbook", name)
	return ""
}

// chartPart is what a test checks of one chart part.
type chartPart struct {
	Title    string   `xml:"chart>title>tx>rich>p>r>t"`
	BarDir   attrVal  `xml:"chart>plotArea>barChart>barDir"`
	Grouping attrVal  `xml:"chart>plotArea>barChart>grouping"`
	Vary     attrVal  `xml:"chart>plotArea>barChart>varyColors"`
	Series   []series `xml:"chart>plotArea>barChart>ser"`
}

type attrVal struct {
	Val string `xml:"val,attr"`
}

type series struct {
	Name   string `xml:"tx>strRef>f"`
	Cats   string `xml:"cat>strRef>f"`
	Values string `xml:"val>numRef>f"`
}

// sheetCharts returns the charts anchored on sheet: each reached from the sheet's own
// drawing element through its drawing relationship, then the drawing's chart relationships.
func (p xlsxPackage) sheetCharts(t *testing.T, sheet string) []chartPart {
	t.Helper()
	part := p.sheetPart(t, sheet)
	var ws struct {
		Drawing *struct {
			RID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"drawing"`
	}
	if err := xml.Unmarshal(p[part], &ws); err != nil {
		t.Fatal(err)
	}
	if ws.Drawing == nil {
		return nil
	}
	var drawing string
	for _, r := range p.rels(t, part) {
		if r.ID == ws.Drawing.RID && strings.HasSuffix(r.Type, "/drawing") {
			drawing = r.Target
		}
	}
	if _, ok := p[drawing]; !ok {
		t.Fatalf("%s: the drawing element points at %q, which is not in the package", sheet, drawing)
	}
	var charts []chartPart
	for _, r := range p.rels(t, drawing) {
		if !strings.HasSuffix(r.Type, "/chart") {
			continue
		}
		var c chartPart
		if err := xml.Unmarshal(p[r.Target], &c); err != nil {
			t.Fatalf("%s: %v", r.Target, err)
		}
		charts = append(charts, c)
	}
	return charts
}

// refValues reads the cells of a chart reference such as 'Comparison'!$B$7:$C$7.
func refValues(t *testing.T, f *excelize.File, ref string) []string {
	t.Helper()
	i := strings.LastIndex(ref, "!")
	if i < 0 {
		t.Fatalf("reference %q has no sheet", ref)
	}
	sheet := strings.ReplaceAll(strings.Trim(ref[:i], "'"), "''", "'")
	cells := strings.Split(strings.ReplaceAll(ref[i+1:], "$", ""), ":")
	c1, r1, err := excelize.CellNameToCoordinates(cells[0])
	if err != nil {
		t.Fatal(err)
	}
	c2, r2 := c1, r1
	if len(cells) == 2 {
		if c2, r2, err = excelize.CellNameToCoordinates(cells[1]); err != nil {
			t.Fatal(err)
		}
	}
	var out []string
	for r := r1; r <= r2; r++ {
		for c := c1; c <= c2; c++ {
			v, err := f.GetCellValue(sheet, cellRef(c, r), excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, v)
		}
	}
	return out
}

// TestCharts checks the two charts of the Comparison sheet: anchored on it through its
// drawing relationship, of the right kind, and drawn from the cells that hold the seed
// figures. No other sheet has a chart.
func TestCharts(t *testing.T) {
	rep := sampleReport(t)
	for _, l := range langs {
		t.Run(string(l), func(t *testing.T) {
			b, raw := writeBook(t, rep, l)
			pkg := unzip(t, raw)
			for _, sh := range b.f.GetSheetList() {
				if sh != lSheetComparison.in(l) && len(pkg.sheetCharts(t, sh)) > 0 {
					t.Errorf("sheet %s has charts", sh)
				}
			}
			charts := pkg.sheetCharts(t, lSheetComparison.in(l))
			if len(charts) != 2 {
				t.Fatalf("Comparison has %d charts, want 2", len(charts))
			}
			cases := []string{"sanpo-create-2019", "omochabako-2019"}
			labels := map[string]string{}
			for _, f := range rep.Compare {
				labels[f.Incident.ID] = f.Incident.Label()
			}
			type want struct {
				title, grouping string
				series          map[string][]string // series name → values per case
			}
			wants := []want{
				{lChartRecords.in(l), "stacked", map[string][]string{
					bucketHeader(personalSuspected, l): {"41355", ""},
					bucketHeader(cardConfirmed, l):     {"", "210"},
					bucketHeader(cardSuspected, l):     {"2606", "40233"},
				}},
				{lChartLags.in(l), "clustered", map[string][]string{
					i18n.Metric(analysis.DetectConfirmed).Name.In(l): {"", "39"},
					i18n.Metric(analysis.DetectAll).Name.In(l):       {"115", "1132"},
					i18n.Metric(analysis.Contain).Name.In(l):         {"0", "0"},
					i18n.Metric(analysis.Disclose).Name.In(l):        {"159", "148"},
				}},
			}
			for i, w := range wants {
				c := charts[i]
				if c.Title != w.title || c.BarDir.Val != "col" || c.Grouping.Val != w.grouping || c.Vary.Val != "0" {
					t.Errorf("chart %d: %q %s %s varyColors %s, want %q col %s 0", i, c.Title, c.BarDir.Val, c.Grouping.Val, c.Vary.Val, w.title, w.grouping)
				}
				if len(c.Series) != len(w.series) {
					t.Errorf("chart %q has %d series, want %d", c.Title, len(c.Series), len(w.series))
				}
				for _, s := range c.Series {
					name := refValues(t, b.f, s.Name)
					if len(name) != 1 {
						t.Fatalf("series name %q is %d cells", s.Name, len(name))
					}
					vals, ok := w.series[name[0]]
					if !ok {
						t.Errorf("chart %q: unexpected series %q (%s)", c.Title, name[0], s.Name)
						continue
					}
					cats := refValues(t, b.f, s.Cats)
					got := refValues(t, b.f, s.Values)
					if len(cats) != len(cases) || len(got) != len(cases) {
						t.Fatalf("series %q: categories %q, values %q, want %d each", name[0], cats, got, len(cases))
					}
					for k, id := range cases {
						if cats[k] != labels[id] || got[k] != vals[k] {
							t.Errorf("chart %q, series %q, category %q = %q; want %q = %q", c.Title, name[0], cats[k], got[k], labels[id], vals[k])
						}
					}
				}
			}
		})
	}
}

// TestColumnsInOrder checks that every sheet lists its column widths in column order, as
// the file format requires (excelize's stream writer puts each before the last).
func TestColumnsInOrder(t *testing.T) {
	for _, l := range langs {
		b, raw := writeBook(t, sampleReport(t), l)
		pkg := unzip(t, raw)
		for _, sh := range b.f.GetSheetList() {
			var ws struct {
				Cols []struct {
					Min int `xml:"min,attr"`
					Max int `xml:"max,attr"`
				} `xml:"cols>col"`
			}
			if err := xml.Unmarshal(pkg[pkg.sheetPart(t, sh)], &ws); err != nil {
				t.Fatal(err)
			}
			if len(ws.Cols) == 0 {
				t.Errorf("%s: no column widths", sh)
			}
			last := 0
			for _, c := range ws.Cols {
				if c.Min <= last || c.Max < c.Min {
					t.Errorf("%s: columns %+v out of order", sh, ws.Cols)
					break
				}
				last = c.Max
			}
		}
	}
}

// TestTableColumns checks that every table's column names are its header cells, distinct
// and not empty (Excel repairs a file whose table disagrees with its sheet), also when the
// input's own columns repeat a header of the sheet or have none.
func TestTableColumns(t *testing.T) {
	in := "incident_id,organization,records,Line,,notes2\n" +
		"x,Example Co.,1,a,b,c\n"
	rep := reportFrom(t, []byte(in))
	for _, l := range langs {
		b, raw := writeBook(t, rep, l)
		pkg := unzip(t, raw)
		for _, sh := range b.f.GetSheetList() {
			for _, r := range pkg.rels(t, pkg.sheetPart(t, sh)) {
				if !strings.HasSuffix(r.Type, "/table") {
					continue
				}
				var tbl struct {
					Ref  string `xml:"ref,attr"`
					Cols []struct {
						Name string `xml:"name,attr"`
					} `xml:"tableColumns>tableColumn"`
				}
				if err := xml.Unmarshal(pkg[r.Target], &tbl); err != nil {
					t.Fatal(err)
				}
				rows, _ := b.f.GetRows(sh)
				seen := map[string]bool{}
				for i, c := range tbl.Cols {
					if i >= len(rows[0]) || c.Name != rows[0][i] || c.Name == "" || seen[strings.ToLower(c.Name)] {
						t.Errorf("%s: table column %d %q; header row %q", sh, i+1, c.Name, rows[0])
					}
					seen[strings.ToLower(c.Name)] = true
				}
				if len(tbl.Cols) != len(rows[0]) {
					t.Errorf("%s: %d table columns, %d header cells", sh, len(tbl.Cols), len(rows[0]))
				}
			}
		}
	}
}

// anchors returns the anchors of sheet sh's charts, read from its drawing part (none when
// it has no drawing).
func (p xlsxPackage) anchors(t *testing.T, sh string) []anchor {
	t.Helper()
	for _, r := range p.rels(t, p.sheetPart(t, sh)) {
		if !strings.HasSuffix(r.Type, "/drawing") {
			continue
		}
		var d struct {
			Anchors []anchor `xml:"twoCellAnchor"`
		}
		if err := xml.Unmarshal(p[r.Target], &d); err != nil {
			t.Fatal(err)
		}
		return d.Anchors
	}
	return nil
}
