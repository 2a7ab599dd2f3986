package main

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"breachreport/internal/clienttest"
)

// TestDeckNames checks where --pptx writes the deck: beside the workbook, under its name,
// the period's for a period report; and that --all-months refuses it.
func TestDeckNames(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		status int
		want   string
	}{
		{"sample", []string{"generate", "--pptx"}, 0, "breach-report.pptx"},
		{"month", []string{"generate", "--pptx", "--month", "2019-06"}, 0, "breach-report-2019-06.pptx"},
		{"range", []string{"generate", "--pptx", "--from", "2019-06-01", "--to", "2019-08-31"}, 0, "breach-report-2019-06-01_2019-08-31.pptx"},
		{"all-months", []string{"generate", "--pptx", "--all-months"}, 2, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			r := runCmd(t, "", append(tc.args, "-o", out)...)
			if r.status != tc.status {
				t.Fatalf("exit %d, want %d\n%s%s", r.status, tc.status, r.stdout, r.stderr)
			}
			if tc.want == "" {
				return
			}
			path := filepath.Join(out, tc.want)
			if !strings.Contains(r.stdout, "wrote "+path+"\n") {
				t.Errorf("stdout does not say it wrote %s:\n%s", path, r.stdout)
			}
			if _, err := zip.OpenReader(path); err != nil {
				t.Error(err)
			}
			if !strings.Contains(r.stderr, "timeline") {
				t.Errorf("stderr does not say why the timeline slide is left out:\n%s", r.stderr)
			}
		})
	}
}

// xmlPayloads are labels that would change a part's XML if they were written into it
// unescaped.
var xmlPayloads = []string{
	`</a:t></a:r></a:p><a:p><a:r><a:t>injected`,
	`<a:hlinkClick r:id="rId1"/>`,
	`"/><p:sp>`,
	`A & B <C> 'D'`,
	"]]>\x01\x7f",
}

// TestDeckHasOnlyText generates a deck from labels that are formula, XML and link payloads
// and checks that every part still parses, that every payload is on a slide or in a
// chart's workbook as text, that no embedded workbook holds a formula, and that the only
// external relationships are hyperlinks to http(s) URLs.
func TestDeckHasOnlyText(t *testing.T) {
	var b strings.Builder
	b.WriteString(injectionCSV())
	w := csv.NewWriter(&b)
	for i, p := range xmlPayloads {
		w.Write([]string{"xml-" + string(rune('a'+i)), p, "", p, p, "personal", "confirmed", "5", "2019-06-1" + string(rune('0'+i)), "https://example.com/" + p, "", ""})
	}
	w.Flush()
	out := t.TempDir()
	r := runCmd(t, b.String(), "generate", "-i", "-", "-o", out, "--pptx", "--lang", "ja")
	if r.status != 0 {
		t.Fatalf("exit %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	zr, err := zip.OpenReader(filepath.Join(out, "breach-report.pptx"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var text strings.Builder
	target := regexp.MustCompile(`<Relationship [^>]*>`)
	formula := regexp.MustCompile(`<(\w+:)?f[ >/]`)
	links := 0
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		x, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case strings.HasSuffix(f.Name, ".xlsx"):
			text.WriteString(embeddedText(t, f.Name, x, formula))
			continue
		case strings.HasSuffix(f.Name, ".rels"):
			for _, m := range target.FindAll(x, -1) {
				if !bytes.Contains(m, []byte(`TargetMode="External"`)) {
					continue
				}
				if !bytes.Contains(m, []byte(`/relationships/hyperlink"`)) || !regexp.MustCompile(`Target="https?://`).Match(m) {
					t.Errorf("%s: %s", f.Name, m)
				}
				links++
			}
		}
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			d := xml.NewDecoder(bytes.NewReader(x))
			for {
				tok, err := d.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%s: %v", f.Name, err)
				}
				if c, ok := tok.(xml.CharData); ok {
					text.Write(c)
					text.WriteString("\n")
				}
			}
		}
	}
	if links == 0 {
		t.Error("no source URL is a hyperlink: the check of link targets saw none")
	}
	all := text.String()
	for _, p := range append(formulaPayloads, xmlPayloads[:4]...) {
		// A long label is cut with … on the axes and in the list: its start must be there.
		if r := []rune(p); len(r) > 20 {
			p = string(r[:20])
		}
		if !strings.Contains(all, p) {
			t.Errorf("the deck lacks the label %q as text", p)
		}
	}
	// Control characters cannot be in XML: the reader removes them from the cell, the rest
	// is kept.
	if !strings.Contains(all, "]]>") || strings.ContainsAny(all, "\x01\x7f\uFFFD") {
		t.Errorf("the deck lacks the label %q without its control characters, or holds one", xmlPayloads[4])
	}
}

// embeddedText returns the cell texts of an embedded workbook, failing the test on a
// formula in its sheets.
func embeddedText(t *testing.T, name string, b []byte, formula *regexp.Regexp) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "xl/worksheets/sheet") {
			rc, _ := f.Open()
			x, _ := io.ReadAll(rc)
			rc.Close()
			if formula.Match(x) {
				t.Errorf("%s: %s holds a formula", name, f.Name)
			}
		}
	}
	wb, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	rows, err := wb.GetRows("Sheet1", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	var s strings.Builder
	for _, row := range rows {
		s.WriteString(strings.Join(row, "\n") + "\n")
	}
	return s.String()
}

// TestDeckDeterministic runs generate --pptx twice on the same input and generation time:
// the decks are the same bytes, in both languages and for a month.
func TestDeckDeterministic(t *testing.T) {
	for _, args := range [][]string{{"--lang", "ja"}, {"--lang", "en", "--month", "2019-06"}} {
		var decks [][]byte
		for range 2 {
			out := t.TempDir()
			r := runCmd(t, "", append([]string{"generate", "--pptx", "-o", out}, args...)...)
			if r.status != 0 {
				t.Fatalf("exit %d: %s", r.status, r.stderr)
			}
			name := deckName
			if len(args) > 2 {
				name = "breach-report-2019-06.pptx"
			}
			b, err := os.ReadFile(filepath.Join(out, name))
			if err != nil {
				t.Fatal(err)
			}
			decks = append(decks, b)
		}
		if !bytes.Equal(decks[0], decks[1]) {
			t.Errorf("%v: the decks of two runs differ", args)
		}
	}
}

// TestDeckTimelinePicture runs generate --pptx --images png with Chromium: the deck holds
// the timeline's PNG as written beside the chart pages, and stderr does not say the slide
// is left out.
func TestDeckTimelinePicture(t *testing.T) {
	clienttest.SkipShort(t, "Chromium")
	clienttest.Chromium(t)
	out := t.TempDir()
	r := runCmd(t, "", "generate", "--pptx", "--images", "png", "-o", out)
	if r.status != 0 {
		t.Fatalf("exit %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	if strings.Contains(r.stderr, "timeline") {
		t.Errorf("stderr: %s", r.stderr)
	}
	want, err := os.ReadFile(filepath.Join(out, chartDir, "timeline.png"))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(filepath.Join(out, deckName))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	found := false
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "ppt/media/") {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			found = found || bytes.Equal(b, want)
		}
	}
	if !found {
		t.Error("the deck does not hold charts/timeline.png")
	}
}
