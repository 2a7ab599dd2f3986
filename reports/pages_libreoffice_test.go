package reports

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"breachreport/i18n"
	"breachreport/internal/clienttest"
)

// TestLibreOfficePages prints Japanese period workbooks to PDF in LibreOffice and counts
// the pages each sheet takes, from the sheet's name in each page's header: every sheet
// prints, in order, one page wide (TestPrintScale checks the scale and widths), and no
// sheet takes more pages than it does now. The months are the example's June 2024 (22
// incidents) and the same with eight of them repeated under new ids (30, the most a month
// of the issue's target holds). BREACHREPORT_PDF_DIR keeps the PDFs.
//
// The target is 8 pages for such a month; the bounds are the pages measured (2026-12),
// far above it: see README.md, "Monthly and period reports", for where the pages go.
// (Scopes is left out of both: every incident has one scope.)
func TestLibreOfficePages(t *testing.T) {
	soffice := clienttest.LibreOffice(t)
	pdftotext := clienttest.Find(t, "poppler-utils", "pdftotext")
	raw, err := os.ReadFile(japanExample)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		raw   []byte
		total int
		most  map[label]int
	}{
		{"japan-2024-06", raw, 29, map[label]int{lSheetGlance: 2, lSheetSummary: 2, lSheetTrend: 3, lSheetBreakdowns: 8,
			lSheetIncidents: 2, lSheetComparison: 2, lSheetDuty: 3, lSheetDamage: 2, lSheetIssues: 1, lSheetMethod: 3}},
		{"japan-2024-06-30", thirtyIncidents(t, raw), 30, map[label]int{lSheetGlance: 3, lSheetSummary: 2, lSheetTrend: 3, lSheetBreakdowns: 8,
			lSheetIncidents: 2, lSheetComparison: 2, lSheetDuty: 4, lSheetDamage: 2, lSheetIssues: 1, lSheetMethod: 3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, book, pr := japanBookFrom(t, i18n.Ja, tc.raw)
			if tc.name != "japan-2024-06" && len(pr.Subject.Incidents) != 30 {
				t.Fatalf("the month has %d incidents, want 30", len(pr.Subject.Incidents))
			}
			file := filepath.Join(t.TempDir(), tc.name+".xlsx")
			if err := os.WriteFile(file, book, 0o644); err != nil {
				t.Fatal(err)
			}
			pdf := filepath.Join(convert(t, soffice, file, "pdf"), tc.name+".pdf")
			if keep := os.Getenv("BREACHREPORT_PDF_DIR"); keep != "" {
				if b, err := os.ReadFile(pdf); err == nil {
					os.WriteFile(filepath.Join(keep, filepath.Base(pdf)), b, 0o644)
				}
			}
			out, err := clienttest.Run(t, time.Minute, pdftotext, "-layout", pdf, "-")
			if err != nil {
				t.Fatalf("pdftotext: %v\n%s", err, out)
			}
			pages := map[string]int{}
			var order []string
			for i, page := range strings.Split(strings.TrimSuffix(string(out), "\f"), "\f") {
				fields := strings.Fields(strings.SplitN(strings.TrimSpace(page), "\n", 2)[0])
				if len(fields) == 0 {
					t.Fatalf("page %d has no header", i+1)
				}
				sheet := fields[len(fields)-1]
				if pages[sheet] == 0 {
					order = append(order, sheet)
				}
				pages[sheet]++
			}
			var got []string
			total := 0
			for _, sh := range order {
				got = append(got, sh+" "+strconv.Itoa(pages[sh]))
				total += pages[sh]
			}
			t.Logf("%d pages (the target is 8): %s", total, strings.Join(got, ", "))
			if want := b.f.GetSheetList(); strings.Join(order, " ") != strings.Join(want, " ") {
				t.Errorf("the pages' headers name the sheets %q, want %q", order, want)
			}
			if total > tc.total {
				t.Errorf("%d pages, want at most %d", total, tc.total)
			}
			for k, most := range tc.most {
				if n := pages[k.in(i18n.Ja)]; n > most {
					t.Errorf("%s prints on %d pages, want at most %d", k.in(i18n.Ja), n, most)
				}
			}
		})
	}
}

// thirtyIncidents returns the example input with June 2024's first eight incidents (their
// first rows) repeated under new ids, so that the month holds 30.
func thirtyIncidents(t *testing.T, raw []byte) []byte {
	recs, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	disclosed := slices.Index(recs[0], "公表日")
	seen := map[string]bool{}
	out := recs
	for _, r := range recs[1:] {
		if len(seen) < 8 && strings.HasPrefix(r[disclosed], "2024-06-") && !seen[r[0]] {
			seen[r[0]] = true
			out = append(out, append([]string{r[0] + "-b"}, r[1:]...))
		}
	}
	if len(seen) != 8 || disclosed < 0 {
		t.Fatalf("the example has %d incidents of June 2024 to repeat, want 8", len(seen))
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(out); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
