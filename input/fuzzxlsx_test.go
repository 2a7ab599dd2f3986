package input

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"breachreport/data"
)

// FuzzReadXLSX reads workbooks made of a fuzzed sheet part and shared-string part: any of
// them is either refused with a *ParseError or read with every row accounted for, as
// FuzzRead checks. Under KeepGoing a damaged sheet reads the rows above the damage, so a
// workbook that reads without it reads the same with it, and one refused with it is refused
// without it.
func FuzzReadXLSX(f *testing.F) {
	rows := [][]any{
		{"事案ID", "企業名", "件数", "公表日", "備考"},
		{"a", "株式会社A", 41355, day(2019, 6, 4), true},
		{"b", "B社", "4万1,355件", "令和元年6月4日", "_x000D_ line"},
		{},
		{"c", nil, 5, day(2020, 3, 2)},
	}
	plain := workbook(f, false, []string{"s"}, map[string][][]any{"s": rows})
	merged := mergedWorkbook(f, [][]any{{"organization", "dates"}, {nil, "disclosed", "detected"}, {"A", "2019-06-04"}}, [2]string{"A1", "A2"}, [2]string{"B1", "C1"})
	for _, b := range [][]byte{plain, merged} {
		f.Add(partText(f, b, "xl/worksheets/sheet1.xml"), partText(f, b, "xl/sharedStrings.xml"))
	}
	sheet := partText(f, plain, "xl/worksheets/sheet1.xml")
	sst := partText(f, plain, "xl/sharedStrings.xml")
	for _, s := range []string{
		strings.Replace(sheet, `<row r="3"`, `<row r="3"><c t="inlineStr"><is><t>a&bad;b</t></is></c>`, 1), // broken XML
		strings.Replace(sheet, `<row r="5"`, `<row r="2"`, 1),                                              // rows out of order
		strings.Replace(sheet, `<row r="5"`, `<row r="1048577"`, 1),                                        // past the last row
		strings.Replace(sheet, `<row r="5"`, `<row r="1048576"`, 1),                                        // the last row
		strings.Replace(sheet, `<sheetData>`, `<dimension ref="A1:XFD1048576"/><sheetData>`, 1),            // a huge dimension
		strings.Replace(sheet, `<c r="B2"`, `<c r="XFD2"`, 1),                                              // the last column
		regexpReplace(sheet, `<c r="B2" t="s"><v>\d+</v>`, `<c r="B2" t="s"><v>99999</v>`),                 // a shared string index out of range
		regexpReplace(sheet, `<c r="B2" t="s"><v>\d+</v>`, `<c r="B2" t="s"><v>-1</v>`),
		regexpReplace(sheet, `<c r="C2"[^>]*><v>[^<]*</v>`, `<c r="C2"><f t="shared" ref="C2:C5" si="0">1+1</f>`), // shared formulas without values
		regexpReplace(sheet, `<c r="C5"[^>]*><v>[^<]*</v>`, `<c r="C5"><f t="shared" si="0"/>`),
		regexpReplace(sheet, `<c r="E2"[^>]*><v>[^<]*</v>`, `<c r="E2" t="e"><v>#N/A</v>`),
		sheet[:len(sheet)/2], // cut
	} {
		f.Add(s, sst)
	}
	f.Add(sheet, strings.Replace(sst, "<si>", "<si><r><t>", 1)) // broken shared strings
	f.Add(sheet, "")
	f.Fuzz(func(t *testing.T, sheet, sst string) {
		in := xlsxOf(t, sheet, sst)
		res, err := Read(bytes.NewReader(in), Options{Now: testNow})
		checkRead(t, res, err)
		kept, keptErr := Read(bytes.NewReader(in), Options{Now: testNow, KeepGoing: true})
		checkRead(t, kept, keptErr)
		// A workbook's text is XML, so even the values as read are UTF-8.
		for _, r := range []*Result{res, kept} {
			if r == nil {
				continue
			}
			for _, is := range r.Issues {
				if !utf8.ValidString(is.Value) {
					t.Fatalf("issue value of a workbook is not UTF-8: %q", is.Value)
				}
			}
		}
		switch {
		case err == nil && keptErr != nil:
			t.Fatalf("reads, but not under KeepGoing: %v", keptErr)
		case err == nil && (kept.Stopped != nil || kept.RowsRead != res.RowsRead || len(kept.Issues) != len(res.Issues)):
			t.Fatalf("reads %d rows, %d issues; under KeepGoing %d rows, %d issues, stopped at %v", res.RowsRead, len(res.Issues), kept.RowsRead, len(kept.Issues), kept.Stopped)
		case keptErr == nil && err != nil && kept.Stopped == nil && !errors.Is(err, ErrLimit):
			t.Fatalf("refused (%v), but read under KeepGoing without stopping", err)
		}
	})
}

// checkRead checks what Read returned, for FuzzRead and FuzzReadXLSX: a *ParseError or
// every row accounted for, and issue text that shows as UTF-8.
func checkRead(t *testing.T, res *Result, err error) {
	t.Helper()
	if err != nil {
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("Read error %T %v is not a *ParseError", err, err)
		}
		return
	}
	if res.RowsRead != len(res.Scopes)+res.RowsRejected {
		t.Fatalf("read %d != used %d + rejected %d", res.RowsRead, len(res.Scopes), res.RowsRejected)
	}
	rejected := 0
	for _, is := range res.Issues {
		if is.Severity == data.Rejected {
			rejected++
		}
		if is.Kind == "" {
			t.Fatalf("issue without a kind: %+v", is)
		}
		if !utf8.ValidString(is.String()) || !utf8.ValidString(data.Shown(is.Value)) || !utf8.ValidString(is.Message.String()) {
			t.Fatalf("issue text is not UTF-8: %q", is.String())
		}
	}
	if rejected != res.RowsRejected {
		t.Fatalf("%d rejected issues for %d rejected rows", rejected, res.RowsRejected)
	}
	for _, sc := range res.Scopes {
		if sc.Organization == "" || sc.Line < 1 {
			t.Fatalf("scope without organization or line: %+v", sc)
		}
	}
}

// xlsxOf returns a workbook of one sheet "s" whose sheet part is sheet and whose shared
// strings part is sst (none when empty).
func xlsxOf(t testing.TB, sheet, sst string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	rels := `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`
	if sst != "" {
		rels += `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
	}
	parts := [][2]string{
		{"[Content_Types].xml", head + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
		{"_rels/.rels", head + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", head + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", head + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels + `</Relationships>`},
		{"xl/worksheets/sheet1.xml", sheet},
	}
	if sst != "" {
		parts = append(parts, [2]string{"xl/sharedStrings.xml", sst})
	}
	for _, p := range parts {
		w, err := zw.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p[1])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// regexpReplace returns s with the matches of the regular expression old replaced by new.
func regexpReplace(s, old, new string) string {
	return regexp.MustCompile(old).ReplaceAllString(s, new)
}

// partText returns the text of the part named name of the workbook b, "" when it has none.
func partText(t testing.TB, b []byte, name string) string {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			text, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(text)
		}
	}
	return ""
}
