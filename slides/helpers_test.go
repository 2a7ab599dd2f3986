package slides

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"path"
	"regexp"
	"strings"
	"testing"
	"time"

	"breachreport/analysis"
	"breachreport/input"
	"breachreport/internal/inputtest"
)

// testNow is the fixed generation time of the test decks.
var testNow = time.Date(2026, 3, 1, 9, 30, 0, 0, time.FixedZone("JST", 9*3600))

// sampleReport builds the report of the embedded sample the way main does.
func sampleReport(t testing.TB) analysis.Report {
	t.Helper()
	return reportFrom(t, input.Sample(), input.SampleName)
}

// reportFrom builds the report of a CSV input the way main does.
func reportFrom(t testing.TB, raw []byte, name string) analysis.Report {
	t.Helper()
	res, err := inputtest.Read(bytes.NewReader(raw), input.Options{Now: testNow})
	if err != nil {
		t.Fatalf("reading the input: %v", err)
	}
	var build analysis.Builder
	build.Add(res.Scopes)
	rep, err := build.Report(context.Background(), res)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Compare, err = analysis.SelectComparison(rep.Incidents, nil, 6); err != nil {
		t.Fatal(err)
	}
	rep.Input, rep.Generated = name, testNow
	return rep
}

// syntheticMonth builds the synthetic list's report on one month, as main does for
// --month.
func syntheticMonth(t testing.TB, n int, month string) (analysis.Report, *analysis.PeriodReport) {
	t.Helper()
	m, err := analysis.ParseMonth(month)
	if err != nil {
		t.Fatal(err)
	}
	return syntheticPeriod(t, n, m.Period())
}

// syntheticPeriod builds the synthetic list's report on period p, as main does for
// --month and --from/--to: the subject's incidents, their summary and comparison.
func syntheticPeriod(t testing.TB, n int, p analysis.Period) (analysis.Report, *analysis.PeriodReport) {
	t.Helper()
	var raw bytes.Buffer
	if err := input.WriteSynthetic(&raw, n, 1); err != nil {
		t.Fatal(err)
	}
	rep := reportFrom(t, raw.Bytes(), "synthetic.csv")
	pr := rep.Incidents.Timeline().Report(p)
	sub := rep
	sub.Incidents = analysis.NewIncidents(pr.Subject.Incidents)
	sub.Summary = pr.Subject.Summary
	var err error
	if sub.Compare, err = analysis.SelectComparison(sub.Incidents, nil, 6); err != nil {
		t.Fatal(err)
	}
	return sub, &pr
}

// pkg is a deck read back: its parts by name.
type pkg struct {
	t     testing.TB
	parts map[string][]byte
	names []string
}

func writeDeck(t testing.TB, rep analysis.Report, opts Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, rep, opts); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func openPkg(t testing.TB, b []byte) *pkg {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	p := &pkg{t: t, parts: map[string][]byte{}}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		p.parts[f.Name] = data
		p.names = append(p.names, f.Name)
	}
	return p
}

// relationship is one <Relationship> of a .rels part.
type relationship struct {
	ID         string `xml:"Id,attr"`
	Type       string `xml:"Type,attr"`
	Target     string `xml:"Target,attr"`
	TargetMode string `xml:"TargetMode,attr"`
}

// rels returns the relationships of part, and the part each internal one points to.
func (p *pkg) rels(part string) []relationship {
	p.t.Helper()
	dir, base := path.Split(part)
	b, ok := p.parts[dir+"_rels/"+base+".rels"]
	if !ok {
		return nil
	}
	var doc struct {
		Rels []relationship `xml:"Relationship"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		p.t.Fatalf("%s's relationships: %v", part, err)
	}
	for i, r := range doc.Rels {
		if r.TargetMode != "External" {
			doc.Rels[i].Target = path.Join(dir, r.Target)
		}
	}
	return doc.Rels
}

// slides returns the slide parts in presentation order.
func (p *pkg) slides() []string {
	p.t.Helper()
	byID := map[string]string{}
	for _, r := range p.rels("ppt/presentation.xml") {
		byID[r.ID] = r.Target
	}
	var doc struct {
		IDs []struct {
			RID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sldIdLst>sldId"`
	}
	if err := xml.Unmarshal(p.parts["ppt/presentation.xml"], &doc); err != nil {
		p.t.Fatal(err)
	}
	var out []string
	for _, id := range doc.IDs {
		out = append(out, byID[id.RID])
	}
	return out
}

// notes returns the paragraphs of slide's speaker notes.
func (p *pkg) notes(slide string) []string {
	p.t.Helper()
	for _, r := range p.rels(slide) {
		if r.Type == relNotes {
			return texts(p.t, p.parts[r.Target])
		}
	}
	return nil
}

// texts returns the paragraphs of an XML part's DrawingML text (a:p of a:t runs), in order.
func texts(t testing.TB, b []byte) []string {
	t.Helper()
	var out []string
	for _, p := range paragraphs(t, b) {
		out = append(out, p.text)
	}
	return out
}

// paragraph is one a:p's text, and whether it is in a table cell.
type paragraph struct {
	text    string
	inTable bool
}

func paragraphs(t testing.TB, b []byte) []paragraph {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	var out []paragraph
	var cur strings.Builder
	inT, tables := false, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			inT = x.Name.Local == "t" && x.Name.Space == nsA
			if x.Name.Local == "tbl" && x.Name.Space == nsA {
				tables++
			}
		case xml.EndElement:
			switch {
			case x.Name.Local == "p" && x.Name.Space == nsA:
				if cur.Len() > 0 {
					out = append(out, paragraph{text: cur.String(), inTable: tables > 0})
				}
				cur.Reset()
			case x.Name.Local == "tbl" && x.Name.Space == nsA:
				tables--
			}
			inT = false
		case xml.CharData:
			if inT {
				cur.Write(x)
			}
		}
	}
	return out
}

var spaces = regexp.MustCompile(`\s+`)
