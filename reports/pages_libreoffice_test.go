package reports

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"breachreport/i18n"
	"breachreport/internal/clienttest"
)

// TestLibreOfficePages prints the Japanese period workbook of the example month (22
// incidents of June 2024) to PDF in LibreOffice and counts the pages each sheet takes, from
// the sheet's name in each page's header: every sheet prints, in order, and the sheets a
// consultant reads first stay within the pages they take now. BREACHREPORT_PDF_DIR keeps
// the PDF.
func TestLibreOfficePages(t *testing.T) {
	soffice := clienttest.LibreOffice(t)
	pdftotext := clienttest.Find(t, "poppler-utils", "pdftotext")
	b, raw, _, _ := japanBook(t, i18n.Ja)
	file := filepath.Join(t.TempDir(), "japan-2024-06.xlsx")
	if err := os.WriteFile(file, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(convert(t, soffice, file, "pdf"), "japan-2024-06.pdf")
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
	t.Logf("%d pages: %s", total, strings.Join(got, ", "))
	if want := b.f.GetSheetList(); strings.Join(order, " ") != strings.Join(want, " ") {
		t.Errorf("the pages' headers name the sheets %q, want %q", order, want)
	}
	// The bounds are the pages measured (2026-12), so that a change that adds pages is
	// seen; the whole workbook is far from the 8 pages a month should take (see README).
	// Breakdowns holds the standard categories and the reporting duty's counts too.
	for k, most := range map[label]int{lSheetGlance: 3, lSheetSummary: 2, lSheetTrend: 5, lSheetBreakdowns: 8, lSheetMethod: 3, lSheetIssues: 1,
		lSheetDuty: 4, lSheetDamage: 5} {
		if n := pages[k.in(i18n.Ja)]; n > most {
			t.Errorf("%s prints on %d pages, want at most %d", k.in(i18n.Ja), n, most)
		}
	}
}
