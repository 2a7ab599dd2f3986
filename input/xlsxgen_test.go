package input

import (
	"archive/zip"
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"testing"
)

// bigXLSX names a file for TestWriteBigWorkbook to write: the workbook of the memory
// figures in BENCHMARKS.md.
var bigXLSX = flag.String("bigxlsx", "", "write the 12M-cell workbook of BENCHMARKS.md to this `FILE`")

// TestWriteBigWorkbook writes, with -bigxlsx FILE, a workbook of 1,000,000 rows of 12
// numeric cells under a header: 12M numeric cells, about 6 MB packed.
func TestWriteBigWorkbook(t *testing.T) {
	if *bigXLSX == "" {
		t.Skip("no -bigxlsx")
	}
	f, err := os.Create(*bigXLSX)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := writeNumericWorkbook(f, 1_000_000, 12, 0); err != nil {
		t.Fatal(err)
	}
}

// writeNumericWorkbook writes to w an .xlsx of one sheet: a header (organization, records,
// disclosed, then x4…), and rows data rows of cols numeric cells each, with merges
// ranges of two cells merged across in the columns after the third, from row 2 down.
// It writes the parts itself, as a stream: excelize would take minutes for millions of
// cells.
func writeNumericWorkbook(w io.Writer, rows, cols, merges int) error {
	zw := zip.NewWriter(w)
	part := func(name, text string) error {
		pw, err := zw.Create(name)
		if err != nil {
			return err
		}
		_, err = io.WriteString(pw, text)
		return err
	}
	const xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	parts := [][2]string{
		{"[Content_Types].xml", xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
		{"_rels/.rels", xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", xmlHead + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
	}
	for _, p := range parts {
		if err := part(p[0], p[1]); err != nil {
			return err
		}
	}
	pw, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(pw, 1<<16)
	fmt.Fprint(bw, xmlHead+`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	fmt.Fprint(bw, `<row r="1">`)
	names := []string{"organization", "records", "disclosed"}
	for c := 0; c < cols; c++ {
		name := fmt.Sprintf("x%d", c+1)
		if c < len(names) {
			name = names[c]
		}
		fmt.Fprintf(bw, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, cellName(c, 1), name)
	}
	fmt.Fprint(bw, `</row>`)
	for r := 2; r <= rows+1; r++ {
		fmt.Fprintf(bw, `<row r="%d">`, r)
		for c := 0; c < cols; c++ {
			v := c + 1
			if c == 2 {
				v = 43000 + r%1000 // a date serial in 2017–2020
			}
			// No cell reference: a cell follows the one before it, as some writers leave it.
			fmt.Fprintf(bw, `<c><v>%d</v></c>`, v)
		}
		fmt.Fprint(bw, `</row>`)
	}
	fmt.Fprint(bw, `</sheetData>`)
	if merges > 0 {
		fmt.Fprintf(bw, `<mergeCells count="%d">`, merges)
		per := max(1, (cols-3)/2)
		for i := 0; i < merges; i++ {
			r, c := 2+i/per, 3+2*(i%per)
			fmt.Fprintf(bw, `<mergeCell ref="%s:%s"/>`, cellName(c, r), cellName(c+1, r))
		}
		fmt.Fprint(bw, `</mergeCells>`)
	}
	fmt.Fprint(bw, `</worksheet>`)
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}
