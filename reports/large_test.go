package reports

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
)

// writeWith writes rep with opts and opens the result again.
func writeWith(t *testing.T, rep analysis.Report, opts Options) *book {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, rep, opts); err != nil {
		t.Fatalf("Write: %v", err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("opening the workbook written: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return &book{t: t, f: f, lang: opts.Lang}
}

// continuationCSV has 7 incidents on 8 rows (inc-3 has two scopes); the 6 rows of the
// first 5 incidents have a date that does not parse, so 6 warnings.
func continuationCSV() string {
	var b strings.Builder
	b.WriteString("incident_id,organization,record_type,records,detected,disclosed\n")
	for i := 1; i <= 7; i++ {
		disclosed := fmt.Sprintf("2020-01-%02d", i)
		if i <= 5 {
			disclosed = "someday"
		}
		fmt.Fprintf(&b, "inc-%d,Org %d,card,%d,2019-12-01,%s\n", i, i, i*100, disclosed)
		if i == 3 {
			fmt.Fprintf(&b, "inc-%d,Org %d,personal,%d,2019-12-01,%s\n", i, i, 7, disclosed)
		}
	}
	return b.String()
}

// TestContinuationSheets lowers the row limit of a sheet to 4 (a header and 3 rows) and
// checks that the streamed sheets continue on numbered sheets, each with the header, a
// table, frozen panes and column widths, with every row written once and in order, and
// that Summary links every part and says the sheet is continued.
func TestContinuationSheets(t *testing.T) {
	rep := reportFrom(t, []byte(continuationCSV()))
	if rep.Incidents.Len() != 7 || rep.Summary.Scopes != 8 || len(rep.Issues) != 6 {
		t.Fatalf("fixture: %d incidents, %d scopes, %d issues; want 7, 8, 6", rep.Incidents.Len(), rep.Summary.Scopes, len(rep.Issues))
	}
	for _, l := range langs {
		t.Run(string(l), func(t *testing.T) {
			b := writeWith(t, rep, Options{Lang: l, maxRows: 4})
			inc, sc, cmp, iss, meth := lSheetIncidents.in(l), lSheetScopes.in(l), lSheetComparison.in(l), lSheetIssues.in(l), lSheetMethod.in(l)
			duty, dmg := lSheetDuty.in(l), lSheetDamage.in(l)
			want := []string{lSheetSummary.in(l), inc, inc + " (2)", inc + " (3)", sc, sc + " (2)", sc + " (3)",
				cmp, duty, duty + " (2)", duty + " (3)", dmg, dmg + " (2)", dmg + " (3)", iss, iss + " (2)", meth}
			// Method, streamed too, takes its own number of sheets of 4 rows.
			for k := 2; len(want) < len(b.f.GetSheetList()); k++ {
				want = append(want, fmt.Sprintf("%s (%d)", meth, k))
			}
			if got := b.f.GetSheetList(); !slices.Equal(got, want) || len(want) < 12 {
				t.Fatalf("sheets %q, want %q", got, want)
			}
			for _, tc := range []struct {
				parts []string
				rows  []int // data rows per part
				key   label // the column of the values that must come in order
				vals  []string
			}{
				{want[1:4], []int{3, 3, 1}, lIncidentID, []string{"inc-1", "inc-2", "inc-3", "inc-4", "inc-5", "inc-6", "inc-7"}},
				{want[4:7], []int{3, 3, 2}, lLine, []string{"2", "3", "4", "5", "6", "7", "8", "9"}},
				{want[8:11], []int{3, 3, 1}, lIncidentID, []string{"inc-1", "inc-2", "inc-3", "inc-4", "inc-5", "inc-6", "inc-7"}},
				{want[11:14], []int{3, 3, 2}, lOrganization, []string{"Org 1", "Org 2", "Org 3", "Org 3", "Org 4", "Org 5", "Org 6", "Org 7"}},
				{want[14:16], []int{3, 3}, lLine, []string{"2", "3", "4", "5", "6", "7"}},
			} {
				var got []string
				first, err := b.f.GetRows(tc.parts[0])
				if err != nil {
					t.Fatal(err)
				}
				firstWidth, _ := b.f.GetColWidth(tc.parts[0], "B")
				for i, sh := range tc.parts {
					rows, err := b.f.GetRows(sh)
					if err != nil {
						t.Fatal(err)
					}
					if len(rows) != tc.rows[i]+1 {
						t.Errorf("%s: %d rows, want a header and %d", sh, len(rows), tc.rows[i])
					}
					if !slices.Equal(rows[0], first[0]) {
						t.Errorf("%s: header %q, want %q", sh, rows[0], first[0])
					}
					col := b.col(sh, b.header(sh, 1), tc.key.in(l))
					for _, r := range rows[1:] {
						got = append(got, r[col-1])
					}
					tables, _ := b.f.GetTables(sh)
					if wantRange := "A1:" + cellRef(len(first[0]), len(rows)); len(tables) != 1 || tables[0].Range != wantRange {
						t.Errorf("%s: tables %+v, want one over %s", sh, tables, wantRange)
					}
					if p, _ := b.f.GetPanes(sh); !p.Freeze || p.YSplit != 1 {
						t.Errorf("%s: panes %+v, want the header frozen", sh, p)
					}
					if w, _ := b.f.GetColWidth(sh, "B"); w != firstWidth || w == defaultColWidth {
						t.Errorf("%s: column B width %v, want %v as on the first part", sh, w, firstWidth)
					}
				}
				if !slices.Equal(got, tc.vals) {
					t.Errorf("%s…: values %q, want %q", tc.parts[0], got, tc.vals)
				}
			}
			// Summary links every part and says which sheets are continued.
			sum := b.sheet(lSheetSummary)
			rows, _ := b.f.GetRows(sum)
			links := map[string]bool{}
			notes := 0
			for r, row := range rows {
				if ok, target, _ := b.f.GetCellHyperLink(sum, cellRef(1, r+1)); ok && len(row) > 0 {
					links[target] = true
				}
				for _, base := range []string{inc, sc, iss} {
					if len(row) > 1 && strings.HasPrefix(row[1], base+" ") && strings.Contains(row[1], "1,048,576") {
						notes++
					}
				}
			}
			for _, sh := range want[1:] {
				if !links[quoteSheet(sh)+"!A1"] {
					t.Errorf("Summary has no link to %s (links %v)", sh, links)
				}
			}
			if notes != 3 {
				t.Errorf("Summary has %d notes on continued sheets, want 3", notes)
			}
		})
	}
}

// TestLayoutParts checks how many sheets a number of rows takes.
func TestLayoutParts(t *testing.T) {
	tests := []struct {
		rows, head, maxRows, want int
	}{
		{1, 1, 4, 1},
		{4, 1, 4, 1},
		{5, 1, 4, 2},
		{7, 1, 4, 2},
		{8, 1, 4, 3},
		{excelMaxRows, 1, excelMaxRows, 1},
		{excelMaxRows + 1, 1, excelMaxRows, 2},
		{2*excelMaxRows - 1, 1, excelMaxRows, 2},
		{2 * excelMaxRows, 1, excelMaxRows, 3},
		{10, 0, 4, 1}, // no header: nothing to continue under
	}
	for _, tt := range tests {
		lo := layout{rows: tt.rows, head: tt.head}
		if got := lo.parts(tt.maxRows); got != tt.want {
			t.Errorf("%d rows, header on row %d, %d rows a sheet: %d parts, want %d", tt.rows, tt.head, tt.maxRows, got, tt.want)
		}
	}
}

// TestLongCell checks that a text longer than an Excel cell holds is cut, without splitting
// a character, and ends with a marker giving its length, and that Data issues and Summary
// say so.
func TestLongCell(t *testing.T) {
	// 17,000 emoji are 34,000 UTF-16 code units, over Excel's 32,767.
	notes := strings.Repeat("😀", 17000)
	in := "incident_id,organization,records,notes\nx,Example Co.,1," + notes + "\n"
	rep := reportFrom(t, []byte(in))
	for _, l := range langs {
		t.Run(string(l), func(t *testing.T) {
			b := writeWith(t, rep, Options{Lang: l})
			sh := b.sheet(lSheetScopes)
			hdr := b.header(sh, 1)
			col := b.col(sh, hdr, lNotes.in(l))
			got := b.str(sh, col, 2)
			marker := fmt.Sprintf(lCutMarker.in(l), "17,000")
			if !utf8.ValidString(got) || !strings.HasSuffix(got, marker) || utf16Len(got) > maxCellChars {
				t.Fatalf("notes cell: valid %v, %d UTF-16 units, ends %q; want valid, at most %d, ending %q",
					utf8.ValidString(got), utf16Len(got), got[max(0, len(got)-120):], maxCellChars, marker)
			}
			kept := strings.TrimSuffix(got, marker)
			if kept != strings.Repeat("😀", utf8.RuneCountInString(kept)) || utf16Len(kept)+utf16Len(marker) < maxCellChars-1 {
				t.Errorf("kept %d emoji (%d units) before the marker, want as many as fit", utf8.RuneCountInString(kept), utf16Len(kept))
			}

			iss := b.sheet(lSheetIssues)
			ih := b.header(iss, 1)
			r := b.rowWhere(iss, b.col(iss, ih, lKind.in(l)), lKindCellLength.in(l))
			for h, want := range map[label]string{lLine: "2", lColumn: lNotes.in(l), lIncidentID: "x", lSeverity: lSevWarning.in(l)} {
				if got := b.str(iss, b.col(iss, ih, h.in(l)), r); got != want {
					t.Errorf("Data issues %s = %q, want %q", h.in(l), got, want)
				}
			}
			msg := b.str(iss, b.col(iss, ih, lMessage.in(l)), r)
			where := "sheet " + sh + ", cell " + cellRef(col, 2)
			if l == i18n.Ja {
				where = "シート「" + sh + "」のセル" + cellRef(col, 2)
			}
			if !strings.Contains(msg, "17,000") || !strings.Contains(msg, where) {
				t.Errorf("Data issues message %q does not name the length, the sheet and the cell", msg)
			}
			sum := b.sheet(lSheetSummary)
			checkCount(t, b, sum, 2, b.rowWhere(sum, 1, lCutCells.in(l)), 1, "cells cut")
		})
	}
}

// TestCutText checks cutting at the limit in UTF-16 code units.
func TestCutText(t *testing.T) {
	tests := []struct {
		in, marker string
		max        int
		want       string
	}{
		{"abcdef", "~", 4, "abc~"},
		{"ab😀cd", "~", 4, "ab~"}, // the emoji takes two units: it does not fit before the marker
		{"ab😀cd", "~", 5, "ab😀~"},
		{"漢字かな", "…", 3, "漢字…"},
	}
	for _, tt := range tests {
		if got := cutText(tt.in, tt.marker, tt.max); got != tt.want {
			t.Errorf("cutText(%q, %q, %d) = %q, want %q", tt.in, tt.marker, tt.max, got, tt.want)
		}
	}
}

// TestPropertiesAndPrinting checks the document properties, and on every sheet the print
// setup (landscape A4, one page wide, the header row repeated), the page header and footer,
// and the highlighting of long lags.
func TestPropertiesAndPrinting(t *testing.T) {
	rep := sampleReport(t)
	for _, l := range langs {
		t.Run(string(l), func(t *testing.T) {
			b := writeWith(t, rep, Options{Lang: l, Author: "Hanako Sato & Co", Company: "Example Consulting K.K."})
			p, err := b.f.GetDocProps()
			if err != nil {
				t.Fatal(err)
			}
			for what, got := range map[string][2]string{
				"title":    {p.Title, lReportTitle.in(l)},
				"subject":  {p.Subject, lSubject.in(l)},
				"keywords": {p.Keywords, lKeywords.in(l)},
				"creator":  {p.Creator, "Hanako Sato & Co"},
				"created":  {p.Created, "2026-03-01T00:30:00Z"}, // 09:30 JST
				"language": {p.Language, map[string]string{"en": "en-US", "ja": "ja-JP"}[string(l)]},
			} {
				if got[0] != got[1] {
					t.Errorf("%s = %q, want %q", what, got[0], got[1])
				}
			}
			if !strings.Contains(p.Description, rep.InputSHA256) {
				t.Errorf("description %q does not give the input's SHA-256", p.Description)
			}
			if a, err := b.f.GetAppProps(); err != nil || a.Company != "Example Consulting K.K." {
				t.Errorf("company = %+v (%v), want Example Consulting K.K.", a, err)
			}
			if a, err := b.f.GetAppProps(); err != nil || a.Application != "breachreport" {
				t.Errorf("application = %+v (%v), want breachreport", a, err)
			}
			if p, _ := writeWith(t, rep, Options{Lang: l}).f.GetDocProps(); p.Creator != "" || p.LastModifiedBy != "" {
				t.Errorf("without an author: creator %q, last modified by %q; want none", p.Creator, p.LastModifiedBy)
			}
			date := map[string]string{"en": "March 1, 2026", "ja": "2026年3月1日"}[string(l)]
			titles := definedNames(b, "_xlnm.Print_Titles")
			tables := map[string]bool{b.sheet(lSheetIncidents): true, b.sheet(lSheetScopes): true, b.sheet(lSheetMethod): true,
				b.sheet(lSheetDuty): true, b.sheet(lSheetDamage): true}
			for _, sh := range b.f.GetSheetList() {
				lay, err := b.f.GetPageLayout(sh)
				if err != nil {
					t.Fatal(err)
				}
				if lay.Orientation == nil || *lay.Orientation != "landscape" || lay.Size == nil || *lay.Size != 9 {
					t.Errorf("%s: page layout %+v, want landscape A4", sh, lay)
				}
				// One page wide, at a readable scale: fitted to the width, or at the scale
				// the sheet's page breaks were placed for.
				sp, _ := b.f.GetSheetProps(sh)
				fit := sp.FitToPage != nil && *sp.FitToPage
				switch {
				case fit && (lay.FitToWidth == nil || *lay.FitToWidth != 1 || lay.FitToHeight == nil || *lay.FitToHeight != 0):
					t.Errorf("%s: page layout %+v, want one page wide", sh, lay)
				case !fit && (lay.AdjustTo == nil || *lay.AdjustTo < minPrintScale || *lay.AdjustTo > 100):
					t.Errorf("%s: page layout %+v, want a scale of %d%% to 100%%", sh, lay, minPrintScale)
				}
				hf, err := b.f.GetHeaderFooter(sh)
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(hf.OddHeader, "&A") || !strings.Contains(hf.OddFooter, lReportTitle.in(l)) ||
					!strings.Contains(hf.OddFooter, "&P") || !strings.Contains(hf.OddFooter, "&N") || !strings.Contains(hf.OddFooter, date) {
					t.Errorf("%s: header %q, footer %q; want the sheet, and the title, page n of N and %s", sh, hf.OddHeader, hf.OddFooter, date)
				}
				if strings.Contains(hf.OddHeader+hf.OddFooter, filepath.Base(rep.Input)) {
					t.Errorf("%s: header %q, footer %q name the input", sh, hf.OddHeader, hf.OddFooter)
				}
				// The header row repeats on a sheet that is one table, and only there.
				if want := quoteSheet(sh) + "!$1:$1"; tables[sh] != strings.HasSuffix(titles[sh], want) {
					t.Errorf("%s: print titles %q; a table of its own: %v", sh, titles[sh], tables[sh])
				}
			}
			// The detection → disclosure lag over 90 days is highlighted on Incidents (a
			// column) and Comparison (a row).
			inc := b.sheet(lSheetIncidents)
			col := b.col(inc, b.header(inc, 1), i18n.Metric(analysis.Disclose).Name.In(l))
			cmp := b.sheet(lSheetComparison)
			row := b.rowWhere(cmp, 1, i18n.Metric(analysis.Disclose).Name.In(l))
			for sh, ref := range map[string]string{
				inc: cellRef(col, 2) + ":" + cellRef(col, 3),
				cmp: cellRef(2, row) + ":" + cellRef(3, row),
			} {
				cf, err := b.f.GetConditionalFormats(sh)
				if err != nil {
					t.Fatal(err)
				}
				rules := cf[ref]
				if len(cf) != 1 || len(rules) != 1 || rules[0].Type != "cell" || rules[0].Criteria != "greater than" || rules[0].Value != "90" {
					t.Errorf("%s: conditional formats %+v, want one rule > 90 over %s", sh, cf, ref)
				}
			}
		})
	}
}

// TestSameBytes checks that the same report, generation time included, gives a
// byte-identical workbook, 20 times over (excelize writes some parts in map order).
func TestSameBytes(t *testing.T) {
	rep := sampleReport(t)
	for _, l := range langs {
		var first []byte
		for i := range 20 {
			var buf bytes.Buffer
			if err := Write(context.Background(), &buf, rep, Options{Lang: l, Author: "A", Company: "B"}); err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				first = buf.Bytes()
				continue
			}
			if !bytes.Equal(buf.Bytes(), first) {
				t.Fatalf("%s: run %d wrote different bytes from run 1", l, i+1)
			}
		}
	}
}

// TestMethodSourcesCap checks that Method lists the first maxMethodSources source URLs, in
// input order, and says how many more there are and where they are, while Incidents still
// has every URL.
func TestMethodSourcesCap(t *testing.T) {
	const n = maxMethodSources + 7
	var b strings.Builder
	b.WriteString("incident_id,organization,record_type,records,source_url\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "inc-%d,Org %d,card,%d,https://example.com/news/%d\n", i, i, i, i)
	}
	for _, l := range []i18n.Lang{i18n.En, i18n.Ja} {
		bk := writeWith(t, reportFrom(t, []byte(b.String())), Options{Lang: l})
		method := bk.sheet(lSheetMethod)
		first := bk.rowWhere(method, 2, "https://example.com/news/1")
		last := fmt.Sprintf("https://example.com/news/%d", maxMethodSources)
		if got := bk.str(method, 2, first+maxMethodSources-1); got != last {
			t.Errorf("%s: row %d of %s is %q, want %q", l, first+maxMethodSources-1, method, got, last)
		}
		more := bk.str(method, 2, first+maxMethodSources)
		want := fmt.Sprintf(lMoreSources.in(l), "7", lSheetIncidents.in(l), lSheetScopes.in(l))
		if more != want {
			t.Errorf("%s: after the sources %q, want %q", l, more, want)
		}
		if got := bk.str(method, 2, first+maxMethodSources+1); got != "" {
			t.Errorf("%s: %q after the note on %s", l, got, method)
		}
		// Every source stays on Incidents (rowWhere fails the test when it is not there).
		incidents := bk.sheet(lSheetIncidents)
		col := bk.col(incidents, bk.header(incidents, 1), lSource.in(l))
		bk.rowWhere(incidents, col, fmt.Sprintf("https://example.com/news/%d", n))
	}
}

// TestCutCap checks that the cells cut past the cap of their kind are counted, not listed:
// Data issues lists the first ones and a row saying how many more, Summary counts them all,
// and Options.BookIssues receives the same.
func TestCutCap(t *testing.T) {
	var in strings.Builder
	in.WriteString("incident_id,organization,records,notes\n")
	for i := 1; i <= 5; i++ {
		fmt.Fprintf(&in, "x%d,Example Co. %d,1,%s\n", i, i, strings.Repeat("n", maxCellChars+1))
	}
	rep := reportFrom(t, []byte(in.String()))
	for _, l := range langs {
		t.Run(string(l), func(t *testing.T) {
			var got data.IssueLog
			b := writeWith(t, rep, Options{Lang: l, BookIssues: &got, cutCap: 2})
			if len(got.Issues) != 2 || got.Omitted.Of(kindCellLength, data.Warning) != 3 {
				t.Errorf("BookIssues: %d held, %d counted; want 2, 3", len(got.Issues), got.Omitted.Of(kindCellLength, data.Warning))
			}
			iss := b.sheet(lSheetIssues)
			ih := b.header(iss, 1)
			rows, err := b.f.GetRows(iss)
			if err != nil {
				t.Fatal(err)
			}
			kind, msg := b.col(iss, ih, lKind.in(l)), b.col(iss, ih, lMessage.in(l))
			var msgs []string
			for _, r := range rows[1:] {
				if len(r) >= msg && r[kind-1] == lKindCellLength.in(l) {
					msgs = append(msgs, r[msg-1])
				}
			}
			more := i18n.Sprint(l, BookOmittedMsg(kindCellLength, 3))
			if len(msgs) != 3 || msgs[2] != more {
				t.Errorf("Data issues cell-length messages %q, want 2 then %q", msgs, more)
			}
			sum := b.sheet(lSheetSummary)
			checkCount(t, b, sum, 2, b.rowWhere(sum, 1, lCutCells.in(l)), 5, "cells cut")
		})
	}
	// The cells cut count against the Data issues sheet's row limit: here 10 rows, two a
	// scope, where Incidents and Scopes have 5.
	in.Reset()
	in.WriteString("incident_id,organization,records,notes,extra\n")
	for i := 1; i <= 5; i++ {
		fmt.Fprintf(&in, "x%d,Example Co. %d,1,%s,%[3]s\n", i, i, strings.Repeat("n", maxCellChars+1))
	}
	rep = reportFrom(t, []byte(in.String()))
	for limit, fits := range map[int]bool{9: false, 10: true} {
		err := Write(context.Background(), io.Discard, rep, Options{maxDataRows: limit})
		var tm *TooManyRowsError
		if fits != (err == nil) || (!fits && (!errors.As(err, &tm) || tm.Rows != 10 || tm.Sheet != "Data issues")) {
			t.Errorf("Data issues of 10 rows, limit %d: %v; want fits %v", limit, err, fits)
		}
	}
}
