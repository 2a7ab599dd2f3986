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
// the pages each sheet takes, from the sheet's name in each page's header. The months are
// the example's June 2024 (22 incidents, with the trailing year before it) and the same
// with eight of them repeated under new ids (30, the most a month of the issue's target
// holds). By default only the report sheets print, in order, and a month takes at most 8
// pages (the example 7, as now); with --print-all every sheet prints, in order, one page wide (TestPrintScale
// checks the scale and widths), no sheet taking more pages than it does now (2026-12).
// BREACHREPORT_PDF_DIR keeps the PDFs. (Scopes is left out: every incident has one scope.)
func TestLibreOfficePages(t *testing.T) {
	soffice := clienttest.LibreOffice(t)
	pdftotext := clienttest.Find(t, "poppler-utils", "pdftotext")
	raw, err := os.ReadFile(japanExample)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		raw      []byte
		printAll bool
		total    int
		most     map[label]int
	}{
		{"japan-2024-06", raw, false, 7, map[label]int{lSheetGlance: 2, lSheetTrend: 1, lSheetBreakdowns: 4}},
		{"japan-2024-06-30", thirtyIncidents(t, raw), false, 8, map[label]int{lSheetGlance: 3, lSheetTrend: 1, lSheetBreakdowns: 4}},
		{"japan-all-in-june", allInJune(t, raw), false, 8, map[label]int{lSheetGlance: 3, lSheetTrend: 1, lSheetBreakdowns: 4}},
		{"japan-2024-06-print-all", raw, true, 25, map[label]int{lSheetGlance: 2, lSheetSummary: 2, lSheetTrend: 2, lSheetBreakdowns: 6,
			lSheetIncidents: 2, lSheetComparison: 2, lSheetDuty: 3, lSheetDamage: 2, lSheetIssues: 1, lSheetMethod: 3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, book, pr := japanBookWith(t, tc.raw, Options{Lang: i18n.Ja, Client: "株式会社サンプル", PrintAll: tc.printAll})
			if strings.HasSuffix(tc.name, "-30") && len(pr.Subject.Incidents) != 30 {
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
			t.Logf("%d pages: %s", total, strings.Join(got, ", "))
			want := b.f.GetSheetList()
			if !tc.printAll {
				want = []string{lSheetGlance.in(i18n.Ja), lSheetTrend.in(i18n.Ja), lSheetBreakdowns.in(i18n.Ja)}
			}
			if strings.Join(order, " ") != strings.Join(want, " ") {
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
func thirtyIncidents(t *testing.T, raw []byte) []byte { return sameMonthAgain(t, raw, 8) }

// allInJune returns the example input with every incident disclosed in June 2024: the
// month then holds the example's 30 incidents, as typed, with their variety of causes and
// industries (a date such as 2023-05 becomes 2024-06-15, 2023-06-21 2024-06-21).
func allInJune(t *testing.T, raw []byte) []byte {
	recs, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	disclosed := slices.Index(recs[0], "公表日")
	for _, r := range recs[1:] {
		day := "15"
		if d := r[disclosed]; len(d) == len("2024-06-21") {
			day = d[8:]
		}
		r[disclosed] = "2024-06-" + min(day, "30")
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
