package slides

import (
	"fmt"
	"strings"

	"breachreport/i18n"
)

// The namespaces and relationship types of the parts written here.
const (
	nsP     = "http://schemas.openxmlformats.org/presentationml/2006/main"
	nsA     = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsR     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsC     = "http://schemas.openxmlformats.org/drawingml/2006/chart"
	nsRel   = "http://schemas.openxmlformats.org/package/2006/relationships"
	relBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

	relSlide     = relBase + "slide"
	relLayout    = relBase + "slideLayout"
	relMaster    = relBase + "slideMaster"
	relTheme     = relBase + "theme"
	relChart     = relBase + "chart"
	relImage     = relBase + "image"
	relHyperlink = relBase + "hyperlink"
	relPackage   = relBase + "package"
	relPresProps = relBase + "presProps"
	relViewProps = relBase + "viewProps"
	relTblStyles = relBase + "tableStyles"
	relOffice    = relBase + "officeDocument"
	relNotes     = relBase + "notesSlide"
	relNotesMstr = relBase + "notesMaster"
	relCore      = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	relApp       = relBase + "extended-properties"
)

// Slide size: 16:9 at 13.333 × 7.5 inches, in EMU.
const (
	slideW = 12192000
	slideH = 6858000
	emuPt  = 12700
)

// palette is the charts' Okabe–Ito palette in the order the accents take it, so that series
// 1..6 of a chart take these colours and a theme change recolours them.
var palette = [6]string{"0072B2", "D55E00", "009E73", "E69F00", "CC79A7", "56B4E9"}

// esc returns s escaped for XML text and attribute values. Characters XML 1.0 cannot hold
// become U+FFFD (encoding/xml's rule).
func esc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&apos;")
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteString(" ")
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF):
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// rel is one relationship of a part.
type rel struct {
	id, typ, target string
	external        bool
}

func relsXML(rels []rel) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Relationships xmlns="` + nsRel + `">`)
	for _, r := range rels {
		mode := ""
		if r.external {
			mode = ` TargetMode="External"`
		}
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="%s" Target="%s"%s/>`, r.id, r.typ, esc(r.target), mode)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

// fonts are the theme's fonts: Calibri for English text, Yu Gothic for Japanese (Meiryo
// where Yu Gothic is missing, for the Japanese script).
func fonts(l i18n.Lang) (latin, ea, jpan string) {
	if l == i18n.Ja {
		return "Yu Gothic", "Yu Gothic", "Meiryo"
	}
	return "Calibri", "Yu Gothic", "Meiryo"
}

func themeXML(l i18n.Lang) string {
	latin, ea, jpan := fonts(l)
	font := func(tag string) string {
		return fmt.Sprintf(`<a:%s><a:latin typeface="%s"/><a:ea typeface="%s"/><a:cs typeface=""/><a:font script="Jpan" typeface="%s"/></a:%s>`, tag, latin, ea, jpan, tag)
	}
	var acc strings.Builder
	for i, c := range palette {
		fmt.Fprintf(&acc, `<a:accent%d><a:srgbClr val="%s"/></a:accent%d>`, i+1, c, i+1)
	}
	fill := `<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>`
	line := `<a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>`
	return xmlHeader + `<a:theme xmlns:a="` + nsA + `" name="breachreport">` +
		`<a:themeElements><a:clrScheme name="Okabe-Ito">` +
		`<a:dk1><a:srgbClr val="000000"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1>` +
		`<a:dk2><a:srgbClr val="333F4F"/></a:dk2><a:lt2><a:srgbClr val="EEF1F5"/></a:lt2>` +
		acc.String() +
		`<a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme>` +
		`<a:fontScheme name="breachreport">` + font("majorFont") + font("minorFont") + `</a:fontScheme>` +
		`<a:fmtScheme name="breachreport"><a:fillStyleLst>` + fill + fill + fill + `</a:fillStyleLst>` +
		`<a:lnStyleLst>` + line + line + line + `</a:lnStyleLst>` +
		`<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>` +
		`<a:bgFillStyleLst>` + fill + fill + fill + `</a:bgFillStyleLst></a:fmtScheme>` +
		`</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>`
}

// titleXfrm is where a slide's title sits, in the master, the layout and every slide.
var titleXfrm = box{x: 457200, y: 228600, w: slideW - 2*457200, h: 685800}

const clrMap = `<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>`

const spTreeStart = `<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>` +
	`<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>`

func masterXML() string {
	return xmlHeader + `<p:sldMaster xmlns:a="` + nsA + `" xmlns:r="` + nsR + `" xmlns:p="` + nsP + `">` +
		`<p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>` + spTreeStart +
		`<p:sp><p:nvSpPr><p:cNvPr id="2" name="Title"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>` +
		`<p:spPr>` + titleXfrm.xfrm() + `</p:spPr><p:txBody><a:bodyPr anchor="b"/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>` +
		`</p:spTree></p:cSld>` + clrMap +
		`<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst>` +
		`<p:txStyles>` +
		`<p:titleStyle><a:lvl1pPr><a:defRPr sz="2800" b="1"><a:solidFill><a:schemeClr val="tx2"/></a:solidFill><a:latin typeface="+mj-lt"/><a:ea typeface="+mj-ea"/></a:defRPr></a:lvl1pPr></p:titleStyle>` +
		`<p:bodyStyle><a:lvl1pPr><a:defRPr sz="1800"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/></a:defRPr></a:lvl1pPr></p:bodyStyle>` +
		`<p:otherStyle><a:lvl1pPr><a:defRPr sz="1800"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/></a:defRPr></a:lvl1pPr></p:otherStyle>` +
		`</p:txStyles></p:sldMaster>`
}

func layoutXML() string {
	return xmlHeader + `<p:sldLayout xmlns:a="` + nsA + `" xmlns:r="` + nsR + `" xmlns:p="` + nsP + `" type="titleOnly" preserve="1">` +
		`<p:cSld name="Title Only"><p:spTree>` + spTreeStart +
		`<p:sp><p:nvSpPr><p:cNvPr id="2" name="Title"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>` +
		`<p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>` +
		`</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`
}

// The presentation's relationships: rId1 the slide master, rId2… the slides, then the
// theme, the properties parts and the notes master (notesMasterRID).
func notesMasterRID(slides int) string { return fmt.Sprintf("rId%d", slides+6) }

func presentationXML(slides int) string {
	var ids strings.Builder
	for i := 0; i < slides; i++ {
		fmt.Fprintf(&ids, `<p:sldId id="%d" r:id="rId%d"/>`, 256+i, i+2)
	}
	return xmlHeader + `<p:presentation xmlns:a="` + nsA + `" xmlns:r="` + nsR + `" xmlns:p="` + nsP + `" saveSubsetFonts="1">` +
		`<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>` +
		`<p:notesMasterIdLst><p:notesMasterId r:id="` + notesMasterRID(slides) + `"/></p:notesMasterIdLst>` +
		`<p:sldIdLst>` + ids.String() + `</p:sldIdLst>` +
		fmt.Sprintf(`<p:sldSz cx="%d" cy="%d"/><p:notesSz cx="6858000" cy="9144000"/>`, slideW, slideH) +
		`<p:defaultTextStyle><a:lvl1pPr><a:defRPr sz="1800"><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/></a:defRPr></a:lvl1pPr></p:defaultTextStyle>` +
		`</p:presentation>`
}

func presentationRels(slides int) string {
	rels := []rel{{id: "rId1", typ: relMaster, target: "slideMasters/slideMaster1.xml"}}
	for i := 0; i < slides; i++ {
		rels = append(rels, rel{id: fmt.Sprintf("rId%d", i+2), typ: relSlide, target: fmt.Sprintf("slides/slide%d.xml", i+1)})
	}
	n := slides + 2
	rels = append(rels,
		rel{id: fmt.Sprintf("rId%d", n), typ: relTheme, target: "theme/theme1.xml"},
		rel{id: fmt.Sprintf("rId%d", n+1), typ: relPresProps, target: "presProps.xml"},
		rel{id: fmt.Sprintf("rId%d", n+2), typ: relViewProps, target: "viewProps.xml"},
		rel{id: fmt.Sprintf("rId%d", n+3), typ: relTblStyles, target: "tableStyles.xml"},
		rel{id: notesMasterRID(slides), typ: relNotesMstr, target: "notesMasters/notesMaster1.xml"},
	)
	return relsXML(rels)
}

const presPropsXML = xmlHeader + `<p:presentationPr xmlns:a="` + nsA + `" xmlns:r="` + nsR + `" xmlns:p="` + nsP + `"/>`

const viewPropsXML = xmlHeader + `<p:viewPr xmlns:a="` + nsA + `" xmlns:r="` + nsR + `" xmlns:p="` + nsP + `"><p:normalViewPr/><p:gridSpacing cx="76200" cy="76200"/></p:viewPr>`

// tableStylesXML names PowerPoint's built-in Medium Style 2 – Accent 1 as the default; the
// tables here set their own fills, so none is defined.
const tableStylesXML = xmlHeader + `<a:tblStyleLst xmlns:a="` + nsA + `" def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>`

func coreXML(title, created string) string {
	return xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(title) + `</dc:title>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + created + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + created + `</dcterms:modified>` +
		`</cp:coreProperties>`
}

func appXML(slides int) string {
	return xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
		`<Application>breachreport</Application>` + fmt.Sprintf(`<Slides>%d</Slides>`, slides) + `</Properties>`
}

func contentTypesXML(parts []string) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	b.WriteString(`<Default Extension="png" ContentType="image/png"/>`)
	b.WriteString(`<Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>`)
	for _, p := range parts {
		ct := ""
		switch {
		case p == "ppt/presentation.xml":
			ct = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
		case strings.HasPrefix(p, "ppt/slides/slide"):
			ct = "application/vnd.openxmlformats-officedocument.presentationml.slide+xml"
		case strings.HasPrefix(p, "ppt/slideLayouts/slideLayout"):
			ct = "application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml"
		case strings.HasPrefix(p, "ppt/slideMasters/slideMaster"):
			ct = "application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml"
		case strings.HasPrefix(p, "ppt/theme/"):
			ct = "application/vnd.openxmlformats-officedocument.theme+xml"
		case strings.HasPrefix(p, "ppt/notesMasters/notesMaster"):
			ct = "application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml"
		case strings.HasPrefix(p, "ppt/notesSlides/notesSlide"):
			ct = "application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml"
		case strings.HasPrefix(p, "ppt/charts/chart"):
			ct = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
		case p == "ppt/presProps.xml":
			ct = "application/vnd.openxmlformats-officedocument.presentationml.presProps+xml"
		case p == "ppt/viewProps.xml":
			ct = "application/vnd.openxmlformats-officedocument.presentationml.viewProps+xml"
		case p == "ppt/tableStyles.xml":
			ct = "application/vnd.openxmlformats-officedocument.presentationml.tableStyles+xml"
		case p == "docProps/core.xml":
			ct = "application/vnd.openxmlformats-package.core-properties+xml"
		case p == "docProps/app.xml":
			ct = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
		}
		if ct != "" {
			fmt.Fprintf(&b, `<Override PartName="/%s" ContentType="%s"/>`, p, ct)
		}
	}
	b.WriteString(`</Types>`)
	return b.String()
}

// box is a shape's position and size in EMU.
type box struct{ x, y, w, h int }

func (b box) xfrm() string {
	return fmt.Sprintf(`<a:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm>`, b.x, b.y, b.w, b.h)
}

func (b box) pxfrm() string {
	return fmt.Sprintf(`<p:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></p:xfrm>`, b.x, b.y, b.w, b.h)
}

// notesBox is where the notes' text sits on a notes page (portrait, 7.5 × 10 inches).
var notesBox = box{x: 685800, y: 4400550, w: 5486400, h: 3600450}

// notesMasterXML is the notes master: a body placeholder for the speaker notes.
func notesMasterXML() string {
	return xmlHeader + `<p:notesMaster xmlns:a="` + nsA + `" xmlns:r="` + nsR + `" xmlns:p="` + nsP + `">` +
		`<p:cSld><p:spTree>` + spTreeStart +
		`<p:sp><p:nvSpPr><p:cNvPr id="2" name="Notes"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr>` +
		`<p:spPr>` + notesBox.xfrm() + `</p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>` +
		`</p:spTree></p:cSld>` + clrMap + `</p:notesMaster>`
}

// notesSlideXML is the speaker notes of a slide: each paragraph of notes in the body.
func notesSlideXML(s *slideXML, notes []string) string {
	var ps []para
	for _, n := range notes {
		ps = append(ps, para{runs: []run{{text: n}}, size: 12})
	}
	return xmlHeader + `<p:notes xmlns:a="` + nsA + `" xmlns:r="` + nsR + `" xmlns:p="` + nsP + `">` +
		`<p:cSld><p:spTree>` + spTreeStart +
		`<p:sp><p:nvSpPr><p:cNvPr id="2" name="Notes"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr>` +
		`<p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>` + s.parasXML(ps) + `</p:txBody></p:sp>` +
		`</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>`
}
