package slides

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"breachreport/analysis"
	"breachreport/i18n"
	"breachreport/internal/clienttest"
)

// TestLibreOfficeDeck converts decks to PDF with LibreOffice Impress and reads the pages'
// text back with pdftotext: there is one page per slide, and each page shows every text of
// its slide (title, takeaway, table cells, notes) and every bar's figure as its data label
// (the seed figures for the sample). A synthetic half-year checks the incident list's split
// over slides.
func TestLibreOfficeDeck(t *testing.T) {
	clienttest.SkipShort(t, "LibreOffice Impress")
	soffice := clienttest.LibreOffice(t)
	pdftotext := clienttest.Find(t, "poppler-utils", "pdftotext")
	pdfinfo := clienttest.Find(t, "poppler-utils", "pdfinfo")

	half, err := analysis.ParsePeriod("2022-07-01", "2022-12-31")
	if err != nil {
		t.Fatal(err)
	}
	halfRep, halfPR := syntheticPeriod(t, 200, half)
	monthRep, monthPR := syntheticMonth(t, 200, "2022-11")
	emptyRep, emptyPR := syntheticMonth(t, 200, "2022-06")
	cases := []struct {
		name string
		rep  analysis.Report
		opts Options
		// want are texts the PDF must show (the seed figures); minList is the fewest
		// incident-list slides.
		want    []string
		minList int
	}{
		{"sample-en", sampleReport(t), Options{Lang: i18n.En}, []string{"43,961", "40,443", "41,355", "2,606", "40,233", "210", "115", "1,132", "159", "148"}, 1},
		{"sample-ja", sampleReport(t), Options{Lang: i18n.Ja, Client: "株式会社テスト"}, []string{"43,961件", "40,443件", "41,355件", "2,606件", "40,233件", "159日", "148日", "株式会社テスト 御中"}, 1},
		{"month-ja", monthRep, Options{Lang: i18n.Ja, Period: monthPR}, []string{"2022年11月に公表された事案"}, 1},
		{"half-year-en", halfRep, Options{Lang: i18n.En, Period: halfPR}, nil, 2},
		{"empty-month-ja", emptyRep, Options{Lang: i18n.Ja, Period: emptyPR}, []string{"2022年6月に公表された情報漏えい事案はありません。"}, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			deckPath := filepath.Join(dir, tc.name+".pptx")
			b := writeDeck(t, tc.rep, tc.opts)
			if err := os.WriteFile(deckPath, b, 0o644); err != nil {
				t.Fatal(err)
			}
			out := convertPDF(t, soffice, deckPath)
			pdf := filepath.Join(out, tc.name+".pdf")
			info, err := clienttest.Run(t, time.Minute, pdfinfo, pdf)
			if err != nil {
				t.Fatalf("pdfinfo: %v\n%s", err, info)
			}
			p := openPkg(t, b)
			slides := p.slides()
			m := regexp.MustCompile(`Pages:\s+(\d+)`).FindSubmatch(info)
			if m == nil || string(m[1]) != strconv.Itoa(len(slides)) {
				t.Fatalf("the PDF has %q pages, the deck %d slides", m, len(slides))
			}
			all := ""
			list := 0
			for i, s := range slides {
				page := pageText(t, pdftotext, pdf, i+1)
				all += page
				paras := paragraphs(t, p.parts[s])
				if strings.HasPrefix(paras[0].text, lListTitle.In(tc.opts.Lang)) {
					list++
				}
				for _, want := range paras {
					// A table's cells are read column by column, their lines
					// interleaved: each word of a cell must be there.
					words := []string{want.text}
					if want.inTable {
						words = strings.Fields(want.text)
					}
					for _, w := range words {
						if !strings.Contains(page, squeeze(w)) {
							t.Errorf("page %d lacks %q; it reads:\n%s", i+1, w, page)
						}
					}
				}
				for _, want := range chartLabels(t, p, s) {
					if !strings.Contains(page, want) {
						t.Errorf("page %d lacks the data label %q; it reads:\n%s", i+1, want, page)
					}
				}
			}
			for _, want := range tc.want {
				if !strings.Contains(all, squeeze(want)) {
					t.Errorf("the PDF lacks %q", want)
				}
			}
			if list < tc.minList {
				t.Errorf("%d incident-list slides, want at least %d", list, tc.minList)
			}
		})
	}
}

// chartLabels returns the data labels the bar charts of slide s show, as the number format
// writes them, without the unit (件, 日) that the labels of small neighbouring bars may
// hide under each other.
func chartLabels(t *testing.T, p *pkg, s string) []string {
	t.Helper()
	var out []string
	for _, r := range p.rels(s) {
		if r.Type != relChart {
			continue
		}
		var cs chartSpace
		if err := xml.Unmarshal(p.parts[r.Target], &cs); err != nil {
			t.Fatal(err)
		}
		for _, ser := range cs.Series {
			for _, pt := range ser.Val.Pts {
				x, err := strconv.ParseFloat(pt.V, 64)
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, i18n.Digits(int64(x)))
			}
		}
	}
	return out
}

// pageText returns the text of one page of a PDF, squeezed: a line broken by the layout
// still matches.
func pageText(t *testing.T, pdftotext, pdf string, page int) string {
	t.Helper()
	n := strconv.Itoa(page)
	txt := filepath.Join(t.TempDir(), "page.txt")
	if msg, err := clienttest.Run(t, time.Minute, pdftotext, "-f", n, "-l", n, pdf, txt); err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, msg)
	}
	b, err := os.ReadFile(txt)
	if err != nil {
		t.Fatal(err)
	}
	return squeeze(string(b))
}

// squeeze removes white space and hyphens: pdftotext joins a word hyphenated at a line's
// end without its hyphen.
func squeeze(s string) string { return strings.ReplaceAll(spaces.ReplaceAllString(s, ""), "-", "") }

// convertPDF runs LibreOffice on file with a profile of its own, so that runs may go in
// parallel and as root, and returns the output directory.
func convertPDF(t *testing.T, soffice, file string) string {
	t.Helper()
	out := t.TempDir()
	profile := t.TempDir()
	args := []string{"-env:UserInstallation=file://" + filepath.ToSlash(profile), "--headless", "--norestore",
		"--convert-to", "pdf", "--outdir", out, file}
	msg, err := clienttest.Run(t, 3*time.Minute, soffice, args...)
	if err != nil {
		t.Fatalf("soffice %s: %v\n%s", strings.Join(args, " "), err, msg)
	}
	return out
}
