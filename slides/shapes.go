package slides

import (
	"fmt"
	"strings"
)

// slideXML accumulates the shapes of one slide and the relationships they use. Every text
// it is given goes through esc.
type slideXML struct {
	shapes strings.Builder
	rels   []rel
	nextID int
	lang   string
	// notes are the slide's speaker notes, one paragraph each.
	notes []string
}

func newSlideXML(lang string) *slideXML {
	s := &slideXML{nextID: 2, lang: lang}
	s.addRel(relLayout, "../slideLayouts/slideLayout1.xml", false)
	return s
}

func (s *slideXML) addRel(typ, target string, external bool) string {
	id := fmt.Sprintf("rId%d", len(s.rels)+1)
	s.rels = append(s.rels, rel{id: id, typ: typ, target: target, external: external})
	return id
}

func (s *slideXML) id() int {
	s.nextID++
	return s.nextID - 1
}

// run is a stretch of text with one format. link, when set, is an http(s) URL.
type run struct {
	text  string
	bold  bool
	color string
	link  string
}

// para is one paragraph: its runs, size in points, alignment and whether it is a bullet.
type para struct {
	runs   []run
	size   int
	bullet bool
	align  string
	// after is the space after the paragraph, in points.
	after int
}

func (s *slideXML) parasXML(ps []para) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(`<a:p>`)
		var ppr strings.Builder
		if p.align != "" {
			fmt.Fprintf(&ppr, ` algn="%s"`, p.align)
		}
		if p.bullet {
			ppr.WriteString(` marL="285750" indent="-285750"`)
		}
		inner := ""
		if p.after > 0 {
			inner += fmt.Sprintf(`<a:spcAft><a:spcPts val="%d"/></a:spcAft>`, p.after*100)
		}
		if p.bullet {
			inner += `<a:buFont typeface="Arial"/><a:buChar char="•"/>`
		} else {
			inner += `<a:buNone/>`
		}
		fmt.Fprintf(&b, `<a:pPr%s>%s</a:pPr>`, ppr.String(), inner)
		for _, r := range p.runs {
			b.WriteString(s.runXML(r, p.size))
		}
		fmt.Fprintf(&b, `<a:endParaRPr lang="%s" sz="%d"/></a:p>`, s.lang, p.size*100)
	}
	return b.String()
}

func (s *slideXML) runXML(r run, size int) string {
	attrs := fmt.Sprintf(` lang="%s" sz="%d"`, s.lang, size*100)
	if r.bold {
		attrs += ` b="1"`
	}
	inner := ""
	color := r.color
	if r.link != "" && color == "" {
		color = "0563C1"
		attrs += ` u="sng"`
	}
	if color != "" {
		inner += `<a:solidFill><a:srgbClr val="` + color + `"/></a:solidFill>`
	}
	if r.link != "" {
		inner += `<a:hlinkClick r:id="` + s.addRel(relHyperlink, r.link, true) + `"/>`
	}
	return `<a:r><a:rPr` + attrs + `>` + inner + `</a:rPr><a:t>` + esc(r.text) + `</a:t></a:r>`
}

// title adds the slide's title, in the layout's title placeholder.
func (s *slideXML) title(text string) {
	id := s.id()
	fmt.Fprintf(&s.shapes, `<p:sp><p:nvSpPr><p:cNvPr id="%d" name="Title %d"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>`, id, id)
	s.shapes.WriteString(`<p:spPr>` + titleXfrm.xfrm() + `</p:spPr><p:txBody><a:bodyPr anchor="b"><a:normAutofit/></a:bodyPr><a:lstStyle/>`)
	s.shapes.WriteString(s.parasXML([]para{{runs: []run{{text: text, bold: true}}, size: 28}}))
	s.shapes.WriteString(`</p:txBody></p:sp>`)
}

// text adds a text box at b; anchor is t, ctr or b.
func (s *slideXML) text(b box, anchor string, ps []para) {
	id := s.id()
	fmt.Fprintf(&s.shapes, `<p:sp><p:nvSpPr><p:cNvPr id="%d" name="Text %d"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>`, id, id)
	s.shapes.WriteString(`<p:spPr>` + b.xfrm() + `<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>`)
	fmt.Fprintf(&s.shapes, `<p:txBody><a:bodyPr wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="%s"><a:normAutofit/></a:bodyPr><a:lstStyle/>`, anchor)
	s.shapes.WriteString(s.parasXML(ps))
	s.shapes.WriteString(`</p:txBody></p:sp>`)
}

// rect adds a filled rectangle with no text, a band of colour.
func (s *slideXML) rect(b box, color string) {
	id := s.id()
	fmt.Fprintf(&s.shapes, `<p:sp><p:nvSpPr><p:cNvPr id="%d" name="Band %d"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>`, id, id)
	s.shapes.WriteString(`<p:spPr>` + b.xfrm() + `<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:schemeClr val="` + color + `"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>`)
}

// chart adds the chart part at target (relative to the slide) in frame b.
func (s *slideXML) chart(b box, target, descr string) {
	rid := s.addRel(relChart, target, false)
	id := s.id()
	fmt.Fprintf(&s.shapes, `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="%d" name="Chart %d" descr="%s"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>`, id, id, esc(descr))
	s.shapes.WriteString(b.pxfrm())
	s.shapes.WriteString(`<a:graphic><a:graphicData uri="` + nsC + `"><c:chart xmlns:c="` + nsC + `" r:id="` + rid + `"/></a:graphicData></a:graphic></p:graphicFrame>`)
}

// picture adds the image part at target in frame b.
func (s *slideXML) picture(b box, target, descr string) {
	rid := s.addRel(relImage, target, false)
	id := s.id()
	fmt.Fprintf(&s.shapes, `<p:pic><p:nvPicPr><p:cNvPr id="%d" name="Picture %d" descr="%s"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>`, id, id, esc(descr))
	s.shapes.WriteString(`<p:blipFill><a:blip r:embed="` + rid + `"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>`)
	s.shapes.WriteString(`<p:spPr>` + b.xfrm() + `<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`)
}

// cell is one table cell: its text, and a link (an http(s) URL) or "".
type cell struct {
	text, link string
	right      bool
}

// table adds a native table at b: a header row, then rows, the columns widths in EMU.
func (s *slideXML) table(b box, widths []int, header []string, rows [][]cell, size int) {
	id := s.id()
	fmt.Fprintf(&s.shapes, `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="%d" name="Table %d"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>`, id, id)
	s.shapes.WriteString(b.pxfrm())
	s.shapes.WriteString(`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblPr firstRow="1" bandRow="1"/><a:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(&s.shapes, `<a:gridCol w="%d"/>`, w)
	}
	s.shapes.WriteString(`</a:tblGrid>`)
	rowH := b.h / (len(rows) + 1)
	tc := func(c cell, fill string, bold bool, color string) {
		p := para{runs: []run{{text: c.text, link: c.link, bold: bold, color: color}}, size: size}
		if c.right {
			p.align = "r"
		}
		s.shapes.WriteString(`<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>` + s.parasXML([]para{p}) + `</a:txBody>`)
		s.shapes.WriteString(`<a:tcPr marL="54864" marR="54864" marT="18288" marB="18288" anchor="ctr"><a:solidFill><a:schemeClr val="` + fill + `"/></a:solidFill></a:tcPr></a:tc>`)
	}
	fmt.Fprintf(&s.shapes, `<a:tr h="%d">`, rowH)
	for i, h := range header {
		right := len(rows) > 0 && i < len(rows[0]) && rows[0][i].right
		tc(cell{text: h, right: right}, "tx2", true, "FFFFFF")
	}
	s.shapes.WriteString(`</a:tr>`)
	for i, r := range rows {
		fill := "bg1"
		if i%2 == 1 {
			fill = "bg2"
		}
		fmt.Fprintf(&s.shapes, `<a:tr h="%d">`, rowH)
		for _, c := range r {
			tc(c, fill, false, "")
		}
		s.shapes.WriteString(`</a:tr>`)
	}
	s.shapes.WriteString(`</a:tbl></a:graphicData></a:graphic></p:graphicFrame>`)
}

func (s *slideXML) xml() string {
	return xmlHeader + `<p:sld xmlns:a="` + nsA + `" xmlns:r="` + nsR + `" xmlns:p="` + nsP + `"><p:cSld><p:spTree>` + spTreeStart +
		s.shapes.String() + `</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`
}
