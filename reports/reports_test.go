package reports

import (
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
	"breachreport/input"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var langs = []i18n.Lang{i18n.En, i18n.Ja}

// none marks an unknown figure: the cell must be empty.
const none = -1

// bucketID names a record type × certainty in the tables below.
type bucketID struct {
	t data.RecordType
	c data.Certainty
}

var (
	personalSuspected = bucketID{data.Personal, data.Suspected}
	cardConfirmed     = bucketID{data.Card, data.Confirmed}
	cardSuspected     = bucketID{data.Card, data.Suspected}
	allBuckets        = []bucketID{personalSuspected, cardConfirmed, cardSuspected}
)

// seedIncident is what the workbook must show for one of the reference cases
// (/work/shared/seed-cases.md).
type seedIncident struct {
	id                             string
	records                        map[bucketID]int64 // a bucket not listed is an empty cell
	total                          int64
	detected, contained, disclosed string
	startConfirmed, endConfirmed   string
	startAll, endAll               string
	metrics                        map[analysis.Metric]int // none: an empty cell
	firstLine                      int
	source                         string
}

var seedIncidents = []seedIncident{
	{
		id:      "sanpo-create-2019",
		records: map[bucketID]int64{personalSuspected: 41355, cardSuspected: 2606},
		total:   43961,
		// detected = contained = 2018-12-27, disclosed 2019-06-04
		detected: "2018-12-27", contained: "2018-12-27", disclosed: "2019-06-04",
		startAll: "2018-09-03", endAll: "2018-12-27",
		metrics: map[analysis.Metric]int{
			analysis.WindowConfirmed:          none,
			analysis.WindowAll:                115,
			analysis.DetectConfirmed:          none,
			analysis.DetectAll:                115,
			analysis.Contain:                  0,
			analysis.Disclose:                 159,
			analysis.StartToDiscloseConfirmed: none,
			analysis.StartToDiscloseAll:       274,
		},
		firstLine: 2,
		source:    "https://cybersecurity-jp.com/news/31610",
	},
	{
		id:       "omochabako-2019",
		records:  map[bucketID]int64{cardConfirmed: 210, cardSuspected: 40233},
		total:    40443,
		detected: "2019-03-11", contained: "2019-03-11", disclosed: "2019-08-06",
		startConfirmed: "2019-01-31", endConfirmed: "2019-03-08",
		startAll: "2016-02-03", endAll: "2019-03-11",
		metrics: map[analysis.Metric]int{
			analysis.WindowConfirmed:          36,
			analysis.WindowAll:                1132,
			analysis.DetectConfirmed:          39,
			analysis.DetectAll:                1132,
			analysis.Contain:                  0,
			analysis.Disclose:                 148,
			analysis.StartToDiscloseConfirmed: 187,
			analysis.StartToDiscloseAll:       1280,
		},
		firstLine: 4,
		source:    "https://cybersecurity-jp.com/news/32854",
	},
}

// seedScope is what the Scopes sheet must show for one input row of the sample.
type seedScope struct {
	line       int
	id         string
	typ        data.RecordType
	certainty  data.Certainty
	records    int64
	start, end string
	window     int
}

var seedScopes = []seedScope{
	{2, "sanpo-create-2019", data.Personal, data.Suspected, 41355, "", "", none},
	{3, "sanpo-create-2019", data.Card, data.Suspected, 2606, "2018-09-03", "2018-12-27", 115},
	{4, "omochabako-2019", data.Card, data.Confirmed, 210, "2019-01-31", "2019-03-08", 36},
	{5, "omochabako-2019", data.Card, data.Suspected, 40233, "2016-02-03", "2019-03-11", 1132},
}

func bucketHeader(b bucketID, l i18n.Lang) string {
	return lRecordsPrefix.in(l) + i18n.Bucket(analysis.Bucket{Type: b.t, Certainty: b.c}).In(l)
}

// checkCount checks a count cell: the number want with format #,##0, or empty for none.
func checkCount(t *testing.T, b *book, sheet string, col, row int, want int64, what string) {
	t.Helper()
	checkNumber(t, b, sheet, col, row, want, what)
}

// checkInt checks a whole-number cell (a line, a column number, an n): the number want
// with format #,##0, or empty for none.
func checkInt(t *testing.T, b *book, sheet string, col, row int, want int, what string) {
	t.Helper()
	checkNumber(t, b, sheet, col, row, int64(want), what)
}

// checkDays checks a day-count cell: the number want with the day format of the book's
// language (1,132 days, 1,132日), or empty for none.
func checkDays(t *testing.T, b *book, sheet string, col, row int, want int, what string) {
	t.Helper()
	checkValue(t, b, sheet, col, row, int64(want), what)
	if want != none {
		if got, _ := b.numFmt(sheet, col, row); got != daysFormat(b.lang) {
			t.Errorf("%s %s (%s): number format %q, want %q", sheet, cellRef(col, row), what, got, daysFormat(b.lang))
		}
	}
}

// daysFormat is the number format of day counts in language l.
func daysFormat(l i18n.Lang) string {
	if l == i18n.Ja {
		return `#,##0"日"`
	}
	return `#,##0" days"`
}

// checkNumber checks a whole-number cell: want with the built-in format 3 (#,##0), or an
// empty cell for none.
func checkNumber(t *testing.T, b *book, sheet string, col, row int, want int64, what string) {
	t.Helper()
	checkValue(t, b, sheet, col, row, want, what)
	if want != none {
		if _, fmtID := b.numFmt(sheet, col, row); fmtID != 3 {
			t.Errorf("%s %s (%s): number format %d, want 3 (#,##0)", sheet, cellRef(col, row), what, fmtID)
		}
	}
}

// checkValue checks that a cell holds the number want, or is empty for none.
func checkValue(t *testing.T, b *book, sheet string, col, row int, want int64, what string) {
	t.Helper()
	got, ok := b.number(sheet, col, row)
	switch {
	case want == none && ok:
		t.Errorf("%s %s (%s) = %v, want an empty cell", sheet, cellRef(col, row), what, got)
	case want != none && !ok:
		t.Errorf("%s %s (%s) is empty, want %d", sheet, cellRef(col, row), what, want)
	case want != none && got != float64(want):
		t.Errorf("%s %s (%s) = %v, want %d", sheet, cellRef(col, row), what, got, want)
	}
}

func checkDate(t *testing.T, b *book, sheet string, col, row int, want, what string) {
	t.Helper()
	if got := b.date(sheet, col, row); got != want {
		t.Errorf("%s %s (%s) = %q, want %q", sheet, cellRef(col, row), what, got, want)
	}
}

// TestSeedFigures reads every figure of the reference cases back from the Incidents,
// Scopes and Comparison sheets, cell by cell, in both languages.
func TestSeedFigures(t *testing.T) {
	rep := sampleReport(t)
	for _, l := range langs {
		t.Run(string(l), func(t *testing.T) {
			b, _ := writeBook(t, rep, l)
			t.Run("incidents", func(t *testing.T) { checkIncidentsSheet(t, b) })
			t.Run("scopes", func(t *testing.T) { checkScopesSheet(t, b) })
			t.Run("comparison", func(t *testing.T) { checkComparisonSheet(t, b, rep) })
		})
	}
}

func checkIncidentsSheet(t *testing.T, b *book) {
	l := b.lang
	sh := b.sheet(lSheetIncidents)
	hdr := b.header(sh, 1)
	idCol := b.col(sh, hdr, lIncidentID.in(l))
	for _, want := range seedIncidents {
		t.Run(want.id, func(t *testing.T) {
			r := b.rowWhere(sh, idCol, want.id)
			for _, bk := range allBuckets {
				n, ok := want.records[bk]
				if !ok {
					n = none
				}
				checkCount(t, b, sh, b.col(sh, hdr, bucketHeader(bk, l)), r, n, bucketHeader(bk, l))
			}
			checkCount(t, b, sh, b.col(sh, hdr, lTotalRecords.in(l)), r, want.total, "total")
			checkDate(t, b, sh, b.col(sh, hdr, lDetected.in(l)), r, want.detected, "detected")
			checkDate(t, b, sh, b.col(sh, hdr, lContained.in(l)), r, want.contained, "contained")
			checkDate(t, b, sh, b.col(sh, hdr, lDisclosed.in(l)), r, want.disclosed, "disclosed")
			for _, m := range analysis.Metrics() {
				name := i18n.Metric(m).Name.In(l)
				checkDays(t, b, sh, b.col(sh, hdr, name), r, want.metrics[m], name)
			}
			checkInt(t, b, sh, b.col(sh, hdr, lFirstLine.in(l)), r, want.firstLine, "first line")
			srcCol := b.col(sh, hdr, lSource.in(l))
			if got := b.str(sh, srcCol, r); got != want.source {
				t.Errorf("source = %q, want %q", got, want.source)
			}
			if ok, target, err := b.f.GetCellHyperLink(sh, cellRef(srcCol, r)); err != nil || !ok || target != want.source {
				t.Errorf("source hyperlink = %v %q %v, want a link to %q", ok, target, err, want.source)
			}
		})
	}
}

func checkScopesSheet(t *testing.T, b *book) {
	l := b.lang
	sh := b.sheet(lSheetScopes)
	hdr := b.header(sh, 1)
	for i, want := range seedScopes {
		r := i + 2
		t.Run(fmt.Sprint("line ", want.line), func(t *testing.T) {
			checkInt(t, b, sh, b.col(sh, hdr, lLine.in(l)), r, want.line, "line")
			if got := b.str(sh, b.col(sh, hdr, lIncidentID.in(l)), r); got != want.id {
				t.Errorf("incident id = %q, want %q", got, want.id)
			}
			if got, w := b.str(sh, b.col(sh, hdr, lRecordType.in(l)), r), i18n.RecordType(want.typ).In(l); got != w {
				t.Errorf("record type = %q, want %q", got, w)
			}
			if got, w := b.str(sh, b.col(sh, hdr, lCertainty.in(l)), r), i18n.Certainty(want.certainty).In(l); got != w {
				t.Errorf("certainty = %q, want %q", got, w)
			}
			checkCount(t, b, sh, b.col(sh, hdr, lRecords.in(l)), r, want.records, "records")
			checkDate(t, b, sh, b.col(sh, hdr, lExposureStart.in(l)), r, want.start, "exposure start")
			checkDate(t, b, sh, b.col(sh, hdr, lExposureEnd.in(l)), r, want.end, "exposure end")
			checkDays(t, b, sh, b.col(sh, hdr, lWindowDays.in(l)), r, want.window, "window")
		})
	}
	if v, _ := b.raw(sh, 1, len(seedScopes)+2); v != "" {
		t.Errorf("Scopes has a row after the last input row: %q", v)
	}
}

func checkComparisonSheet(t *testing.T, b *book, rep analysis.Report) {
	l := b.lang
	sh := b.sheet(lSheetComparison)
	hdr := b.header(sh, 1)
	figure := b.col(sh, hdr, lFigure.in(l))
	row := func(name string) int { return b.rowWhere(sh, figure, name) }
	for _, want := range seedIncidents {
		t.Run(want.id, func(t *testing.T) {
			var label string
			for _, f := range rep.Compare {
				if f.Incident.ID == want.id {
					label = f.Incident.Label()
				}
			}
			c := b.col(sh, hdr, label)
			if got := b.str(sh, c, row(lIncidentID.in(l))); got != want.id {
				t.Errorf("incident id = %q, want %q", got, want.id)
			}
			for _, bk := range allBuckets {
				n, ok := want.records[bk]
				if !ok {
					n = none
				}
				checkCount(t, b, sh, c, row(bucketHeader(bk, l)), n, bucketHeader(bk, l))
			}
			checkCount(t, b, sh, c, row(lTotalRecords.in(l)), want.total, "total")
			checkDate(t, b, sh, c, row(lStartConfirmed.in(l)), want.startConfirmed, "start confirmed")
			checkDate(t, b, sh, c, row(lEndConfirmed.in(l)), want.endConfirmed, "end confirmed")
			checkDate(t, b, sh, c, row(lStartAll.in(l)), want.startAll, "start all")
			checkDate(t, b, sh, c, row(lEndAll.in(l)), want.endAll, "end all")
			checkDate(t, b, sh, c, row(lDetected.in(l)), want.detected, "detected")
			checkDate(t, b, sh, c, row(lContained.in(l)), want.contained, "contained")
			checkDate(t, b, sh, c, row(lDisclosed.in(l)), want.disclosed, "disclosed")
			for _, m := range analysis.Metrics() {
				name := i18n.Metric(m).Name.In(l)
				checkDays(t, b, sh, c, row(name), want.metrics[m], name)
			}
		})
	}
}

// julianDay returns the Julian day number of a Gregorian date (Fliegel and Van Flandern,
// 1968), an arithmetic independent of package time.
func julianDay(y, m, d int) int {
	return (1461*(y+4800+(m-14)/12))/4 + (367*(m-2-12*((m-14)/12)))/12 -
		(3*((y+4900+(m-14)/12)/100))/4 + d - 32075
}

// jdn parses yyyy-mm-dd into a Julian day number; ok is false for a blank date.
func jdn(t *testing.T, s string) (int, bool) {
	t.Helper()
	if s == "" {
		return 0, false
	}
	p := strings.Split(s, "-")
	if len(p) != 3 {
		t.Fatalf("date %q is not yyyy-mm-dd", s)
	}
	y, _ := strconv.Atoi(p[0])
	m, _ := strconv.Atoi(p[1])
	d, _ := strconv.Atoi(p[2])
	return julianDay(y, m, d), true
}

// TestIndependentDayFigures recomputes every day figure from the sample CSV with its own
// reading (encoding/csv) and arithmetic (Julian day numbers) and compares them with the
// workbook, and checks that the dates in the workbook are those of the CSV.
func TestIndependentDayFigures(t *testing.T) {
	if got := julianDay(2000, 1, 1); got != 2451545 {
		t.Fatalf("julianDay(2000-01-01) = %d, want 2451545", got)
	}
	recs, err := csv.NewReader(bytes.NewReader(input.Sample())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	type inc struct {
		detected, contained, disclosed int
		startConf, endConf             []int
		startAll, endAll               []int
		windows                        map[int]int // line → window days, -1 unknown
	}
	incs := map[string]*inc{}
	var order []string
	for i, r := range recs[1:] {
		id := r[col["incident_id"]]
		in := incs[id]
		if in == nil {
			in = &inc{windows: map[int]int{}}
			incs[id] = in
			order = append(order, id)
		}
		in.detected, _ = jdn(t, r[col["detected"]])
		in.contained, _ = jdn(t, r[col["contained"]])
		in.disclosed, _ = jdn(t, r[col["disclosed"]])
		s, okS := jdn(t, r[col["exposure_start"]])
		e, okE := jdn(t, r[col["exposure_end"]])
		line := i + 2 // the sample has no multi-line fields
		in.windows[line] = none
		if okS && okE {
			in.windows[line] = e - s
			in.startAll, in.endAll = append(in.startAll, s), append(in.endAll, e)
			if r[col["certainty"]] == "confirmed" {
				in.startConf, in.endConf = append(in.startConf, s), append(in.endConf, e)
			}
		}
	}
	minOf := func(xs []int) int {
		m := xs[0]
		for _, x := range xs {
			m = min(m, x)
		}
		return m
	}
	maxOf := func(xs []int) int {
		m := xs[0]
		for _, x := range xs {
			m = max(m, x)
		}
		return m
	}
	expected := func(in *inc) map[analysis.Metric]int {
		m := map[analysis.Metric]int{
			analysis.Contain:  in.contained - in.detected,
			analysis.Disclose: in.disclosed - in.detected,
		}
		for _, x := range []analysis.Metric{analysis.WindowConfirmed, analysis.DetectConfirmed, analysis.StartToDiscloseConfirmed,
			analysis.WindowAll, analysis.DetectAll, analysis.StartToDiscloseAll} {
			m[x] = none
		}
		if len(in.startConf) > 0 {
			m[analysis.WindowConfirmed] = maxOf(in.endConf) - minOf(in.startConf)
			m[analysis.DetectConfirmed] = in.detected - minOf(in.startConf)
			m[analysis.StartToDiscloseConfirmed] = in.disclosed - minOf(in.startConf)
		}
		if len(in.startAll) > 0 {
			m[analysis.WindowAll] = maxOf(in.endAll) - minOf(in.startAll)
			m[analysis.DetectAll] = in.detected - minOf(in.startAll)
			m[analysis.StartToDiscloseAll] = in.disclosed - minOf(in.startAll)
		}
		return m
	}

	rep := sampleReport(t)
	for _, l := range langs {
		t.Run(string(l), func(t *testing.T) {
			b, _ := writeBook(t, rep, l)
			sh := b.sheet(lSheetIncidents)
			hdr := b.header(sh, 1)
			idCol := b.col(sh, hdr, lIncidentID.in(l))
			for _, id := range order {
				r := b.rowWhere(sh, idCol, id)
				for m, want := range expected(incs[id]) {
					name := i18n.Metric(m).Name.In(l)
					checkDays(t, b, sh, b.col(sh, hdr, name), r, want, id+" "+name)
				}
				for _, d := range []struct {
					lbl  label
					want int
				}{{lDetected, incs[id].detected}, {lContained, incs[id].contained}, {lDisclosed, incs[id].disclosed}} {
					got, ok := jdn(t, b.date(sh, b.col(sh, hdr, d.lbl.in(l)), r))
					if !ok || got != d.want {
						t.Errorf("%s %s: Julian day %d, want %d", id, d.lbl.in(l), got, d.want)
					}
				}
			}
			sh = b.sheet(lSheetScopes)
			hdr = b.header(sh, 1)
			lineCol := b.col(sh, hdr, lLine.in(l))
			for _, id := range order {
				for line, want := range incs[id].windows {
					r := b.rowWhere(sh, lineCol, strconv.Itoa(line))
					checkDays(t, b, sh, b.col(sh, hdr, lWindowDays.in(l)), r, want, fmt.Sprint("window of line ", line))
					s, okS := jdn(t, b.date(sh, b.col(sh, hdr, lExposureStart.in(l)), r))
					e, okE := jdn(t, b.date(sh, b.col(sh, hdr, lExposureEnd.in(l)), r))
					if okS && okE && e-s != want {
						t.Errorf("line %d: the workbook's dates span %d days, want %d", line, e-s, want)
					}
				}
			}
		})
	}
}

// TestNoFormulas writes text that spreadsheets would read as formulas, in every place
// that text from the input reaches, and checks that every such cell reads back as the
// same text with no formula.
func TestNoFormulas(t *testing.T) {
	evil := []string{
		"=1+1",
		"@SUM(A1)",
		"+1+1",
		"-1+1",
		`=HYPERLINK("http://example.com","x")`,
		"=cmd|' /C calc'!A0",
		"\t=1+1",
		"=1+1\n=2+2",
		"'=1+1",
	}
	for _, l := range langs {
		for i, s := range evil {
			t.Run(fmt.Sprintf("%s/%d", l, i), func(t *testing.T) {
				sc := data.Scope{Line: 2, IncidentID: s, Organization: s, Service: s, Industry: s, Cause: s,
					RecordType: data.RecordType(s), Certainty: data.Suspected, Records: data.KnownCount(5),
					SourceURL: s, Notes: s}
				in := data.Incident{ID: s, Organization: s, Service: s, Industry: s, Cause: s,
					SourceURLs: []string{s}, Scopes: []data.Scope{sc}}
				figs, _ := analysis.Analyze([]data.Incident{in})
				rep := analysis.Report{
					Input: s, InputSHA256: s, RowsRead: 1, RowsUsed: 1,
					Incidents: analysis.NewIncidents(figs), Summary: analysis.Summarize(figs), Compare: figs,
					Issues: []data.Issue{{Line: 2, Column: s, Header: s, Value: s, IncidentID: s, Message: data.Msgf("%s", s)}},
				}
				b, _ := writeBook(t, rep, l)
				found := 0
				for _, sh := range b.f.GetSheetList() {
					rows, err := b.f.GetRows(sh, excelize.Options{RawCellValue: true})
					if err != nil {
						t.Fatal(err)
					}
					for r, row := range rows {
						for c := range row {
							ref := cellRef(c+1, r+1)
							formula, err := b.f.GetCellFormula(sh, ref)
							if err != nil {
								t.Fatal(err)
							}
							if formula != "" {
								t.Errorf("%s!%s has formula %q", sh, ref, formula)
							}
							v, typ := b.raw(sh, c+1, r+1)
							if v == s {
								found++
							}
							if strings.Contains(v, s) && typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
								t.Errorf("%s!%s holding %q has type %v, want a string", sh, ref, v, typ)
							}
							// The only links are Summary's to the sheets, shown as their names.
							if ok, target, _ := b.f.GetCellHyperLink(sh, ref); ok && (target != "'"+v+"'!A1" || !slices.Contains(b.f.GetSheetList(), v)) {
								t.Errorf("%s!%s links to %q: only http(s) URLs and the sheets may be links", sh, ref, target)
							}
						}
					}
				}
				// id, organization, service, industry, cause on Incidents and Comparison; id,
				// organization, type, source, notes on Scopes; 4 on Data issues; input and
				// hash on Summary; the source on Incidents and Comparison; one in Method.
				if found < 20 {
					t.Errorf("found the text in %d cells, want at least 20", found)
				}
			})
		}
	}
}

// TestStructure checks the sheets, their order and names, the active sheet, frozen headers,
// autofilters, hyperlinks and the font, in both languages.
func TestStructure(t *testing.T) {
	rep := sampleReport(t)
	tests := []struct {
		lang   i18n.Lang
		sheets []string
		font   string
	}{
		{i18n.En, []string{"Summary", "Incidents", "Scopes", "Comparison", "Reporting duty", "Damage estimate", "Data issues", "Method"}, "Calibri"},
		{i18n.Ja, []string{"概要", "事案一覧", "範囲", "比較", "報告義務", "想定損害賠償額", "データ不備", "定義"}, "Yu Gothic"},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang), func(t *testing.T) {
			b, _ := writeBook(t, rep, tt.lang)
			if got := b.f.GetSheetList(); strings.Join(got, "|") != strings.Join(tt.sheets, "|") {
				t.Errorf("sheets = %q, want %q", got, tt.sheets)
			}
			if got := b.f.GetActiveSheetIndex(); got != 0 {
				t.Errorf("active sheet = %d, want 0 (%s)", got, tt.sheets[0])
			}
			if got, _ := b.f.GetDefaultFont(); got != tt.font {
				t.Errorf("default font = %q, want %q", got, tt.font)
			}
			for _, sh := range tt.sheets {
				p, err := b.f.GetPanes(sh)
				if err != nil {
					t.Fatal(err)
				}
				// Summary's table starts under its title.
				head := map[bool]int{true: 3, false: 1}[sh == tt.sheets[0]]
				if !p.Freeze || p.YSplit != head {
					t.Errorf("%s: panes %+v, want the header row frozen", sh, p)
				}
				id, _ := b.f.GetCellStyle(sh, "A1")
				if st, _ := b.f.GetStyle(id); st == nil || st.Font == nil || !st.Font.Bold {
					t.Errorf("%s: header A1 is not bold", sh)
				}
				w, _ := b.f.GetColWidth(sh, "A")
				if w < minWidth || w > maxWidth+2 {
					t.Errorf("%s: column A width %v", sh, w)
				}
			}
			// Banded tables with filter buttons over the table sheets, from the header to the
			// last row; none over Data issues, which only says there are none.
			for _, k := range []label{lSheetIncidents, lSheetScopes, lSheetIssues, lSheetMethod} {
				sh := b.sheet(k)
				rows, _ := b.f.GetRows(sh)
				tables, err := b.f.GetTables(sh)
				if err != nil {
					t.Fatal(err)
				}
				if k == lSheetIssues {
					if len(tables) != 0 {
						t.Errorf("%s: tables %+v, want none", sh, tables)
					}
					continue
				}
				want := "A1:" + cellRef(len(rows[0]), len(rows))
				if len(tables) != 1 || tables[0].Range != want || tables[0].StyleName != tableStyle ||
					tables[0].ShowRowStripes == nil || !*tables[0].ShowRowStripes {
					t.Errorf("%s: tables %+v, want one banded table over %s", sh, tables, want)
				}
			}
			// Method lists the sources as links.
			sh := b.sheet(lSheetMethod)
			links := 0
			rows, _ := b.f.GetRows(sh)
			for r := range rows {
				if ok, target, _ := b.f.GetCellHyperLink(sh, cellRef(2, r+1)); ok && strings.HasPrefix(target, "https://cybersecurity-jp.com/news/") {
					links++
				}
			}
			if links != 2 {
				t.Errorf("Method links %d sources, want 2", links)
			}
			// Data issues says there are none.
			sh = b.sheet(lSheetIssues)
			if got := b.str(sh, 1, 2); got != lNoIssues.in(tt.lang) {
				t.Errorf("Data issues A2 = %q, want %q", got, lNoIssues.in(tt.lang))
			}
		})
	}
}

// TestSummary checks the key figures of the Summary sheet and their n.
func TestSummary(t *testing.T) {
	rep := sampleReport(t)
	for _, l := range langs {
		t.Run(string(l), func(t *testing.T) {
			b, _ := writeBook(t, rep, l)
			sh := b.sheet(lSheetSummary)
			figures := []struct {
				name string
				want int64
				n    int64
			}{
				{lIncidents.in(l), 2, none},
				{lScopes.in(l), 4, none},
				{lRowsRead.in(l), 4, none},
				{lRowsUsed.in(l), 4, none},
				{lRowsRejected.in(l), 0, none},
				{lRowsBlank.in(l), 0, none},
				{lWarnings.in(l), 0, none},
				{lTotalRecords.in(l), 43961 + 40443, 2},
				{lBreakdownPrefix.in(l) + i18n.Bucket(analysis.Bucket{Type: data.Personal, Certainty: data.Suspected}).In(l), 41355, 1},
				{lBreakdownPrefix.in(l) + i18n.Bucket(analysis.Bucket{Type: data.Card, Certainty: data.Confirmed}).In(l), 210, 1},
				{lBreakdownPrefix.in(l) + i18n.Bucket(analysis.Bucket{Type: data.Card, Certainty: data.Suspected}).In(l), 2606 + 40233, 2},
			}
			for _, fg := range figures {
				r := b.rowWhere(sh, 1, fg.name)
				checkCount(t, b, sh, 2, r, fg.want, fg.name)
				if fg.n != none {
					checkInt(t, b, sh, 3, r, int(fg.n), fg.name+" n")
				}
			}
			// The note on totals follows the breakdown, which follows the total.
			r := b.rowWhere(sh, 1, lTotalRecords.in(l)) + len(rep.Summary.Buckets) + 1
			if got := b.str(sh, 1, r); got != i18n.TotalsNote.In(l) {
				t.Errorf("A%d = %q, want i18n.TotalsNote after the breakdown", r, got)
			}
			checkDate(t, b, sh, 2, b.rowWhere(sh, 1, lFirstDisclosed.in(l)), "2019-06-04", "first disclosed")
			checkDate(t, b, sh, 2, b.rowWhere(sh, 1, lLastDisclosed.in(l)), "2019-08-06", "last disclosed")
			// The input's name, checksum and the generation time are on Method, not here.
			for _, k := range []label{lInput, lInputSHA256, lGenerated} {
				rows, _ := b.f.GetRows(sh)
				for i, r := range rows {
					if len(r) > 0 && r[0] == k.in(l) {
						t.Errorf("Summary row %d is %q", i+1, r[0])
					}
				}
			}
			method := b.sheet(lSheetMethod)
			if got := b.str(method, 2, b.rowWhere(method, 1, lInputSHA256.in(l))); got != rep.InputSHA256 || len(got) != 64 {
				t.Errorf("SHA-256 = %q, want %q", got, rep.InputSHA256)
			}
			if got := b.str(method, 2, b.rowWhere(method, 1, lInput.in(l))); got != rep.Input {
				t.Errorf("input = %q, want %q", got, rep.Input)
			}
			gen, ok := b.number(method, 2, b.rowWhere(method, 1, lGenerated.in(l)))
			if tm, _ := excelize.ExcelDateToTime(gen, false); !ok || tm.Format("2006-01-02 15:04") != "2026-03-01 09:30" {
				t.Errorf("generated = %v, want 2026-03-01 09:30 (wall clock)", tm)
			}
			// Statistics: n, median, mean, p90 per metric.
			statRow := b.rowWhere(sh, 1, lDayFigure.in(l))
			for i, m := range analysis.Metrics() {
				r := statRow + 1 + i
				name := i18n.Metric(m).Name.In(l)
				if got := b.str(sh, 1, r); got != name {
					t.Fatalf("row %d = %q, want %q", r, got, name)
				}
				st := rep.Summary.Stat(m)
				checkInt(t, b, sh, 2, r, st.N, name+" n")
				for c, want := range []float64{st.Median, st.Mean, st.P90} {
					got, ok := b.number(sh, 3+c, r)
					if st.N == 0 && ok {
						t.Errorf("%s: statistic %d = %v with n = 0, want empty", name, c, got)
					}
					if st.N > 0 && (!ok || got != excelDigits(want)) {
						t.Errorf("%s: statistic %d = %v, want %v", name, c, got, want)
					}
				}
			}
			// Disclose has n = 2, median (159+148)/2.
			r = statRow + 1 + 5
			if got, _ := b.number(sh, 3, r); got != 153.5 {
				t.Errorf("median lag = %v, want 153.5", got)
			}
		})
	}
}

// TestGolden compares the formatted text of every sheet with testdata/sample.LANG.golden;
// -update rewrites the files.
func TestGolden(t *testing.T) {
	rep := sampleReport(t)
	for _, l := range langs {
		t.Run(string(l), func(t *testing.T) {
			b, _ := writeBook(t, rep, l)
			var got strings.Builder
			for _, sh := range b.f.GetSheetList() {
				fmt.Fprintf(&got, "== %s\n", sh)
				rows, err := b.f.GetRows(sh)
				if err != nil {
					t.Fatal(err)
				}
				for _, row := range rows {
					for i := range row {
						row[i] = strings.ReplaceAll(row[i], "\n", `\n`)
					}
					got.WriteString(strings.Join(row, "\t") + "\n")
				}
			}
			path := filepath.Join("testdata", "sample."+string(l)+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got.String() != string(want) {
				gotPath := path + ".got"
				_ = os.WriteFile(gotPath, []byte(got.String()), 0o644)
				t.Errorf("the workbook differs from %s; wrote %s (diff them, or run go test -update)", path, gotPath)
			}
		})
	}
}

// TestWriteBadLang checks that an unsupported language is an error, not English.
func TestWriteBadLang(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, sampleReport(t), Options{Lang: "fr"}); err == nil {
		t.Fatal("Write with language fr succeeded, want an error")
	}
}

// messyCSV has the kinds of trouble real input has: the typo of the Sanpo Create write-up in
// an exposure end, an unknown count, a row without an organization, and Japanese headers.
const messyCSV = `事案ID,企業名,漏えい情報,確度,件数,漏えい開始日,漏えい終了日,発覚日,公表日,出典URL
sanpo,株式会社サンポークリエイト,card,可能性,2606,2018-09-03,2018年12月27日7,2018-12-27,2019-06-04,https://cybersecurity-jp.com/news/31610
sanpo,株式会社サンポークリエイト,個人情報,可能性,不明,,,2018-12-27,2019-06-04,https://cybersecurity-jp.com/news/31610
orphan,,card,,10,,,,,
`

// TestMessyInput checks how the workbook shows unknown figures and data issues.
func TestMessyInput(t *testing.T) {
	rep := reportFrom(t, []byte(messyCSV))
	if len(rep.Issues) < 2 {
		t.Fatalf("want at least 2 issues, got %v", rep.Issues)
	}
	for _, l := range langs {
		t.Run(string(l), func(t *testing.T) {
			b, _ := writeBook(t, rep, l)

			sh := b.sheet(lSheetScopes)
			hdr := b.header(sh, 1)
			r := b.rowWhere(sh, b.col(sh, hdr, lLine.in(l)), "2")
			checkDate(t, b, sh, b.col(sh, hdr, lExposureStart.in(l)), r, "2018-09-03", "start")
			checkDate(t, b, sh, b.col(sh, hdr, lExposureEnd.in(l)), r, "", "end with a typo")
			checkDays(t, b, sh, b.col(sh, hdr, lWindowDays.in(l)), r, none, "window")
			r = b.rowWhere(sh, b.col(sh, hdr, lLine.in(l)), "3")
			checkCount(t, b, sh, b.col(sh, hdr, lRecords.in(l)), r, none, "unknown count")

			sh = b.sheet(lSheetIncidents)
			hdr = b.header(sh, 1)
			r = b.rowWhere(sh, b.col(sh, hdr, lIncidentID.in(l)), "sanpo")
			checkCount(t, b, sh, b.col(sh, hdr, lTotalRecords.in(l)), r, none, "total with an unknown count")
			checkCount(t, b, sh, b.col(sh, hdr, bucketHeader(cardSuspected, l)), r, 2606, "card")
			checkCount(t, b, sh, b.col(sh, hdr, bucketHeader(personalSuspected, l)), r, none, "personal")
			checkInt(t, b, sh, b.col(sh, hdr, lScopesUnknownCount.in(l)), r, 1, "scopes with unknown count")
			// No incident has an exposure window: the figure is left out, not a column of
			// blanks.
			if _, ok := hdr[i18n.Metric(analysis.WindowAll).Name.In(l)]; ok {
				t.Errorf("Incidents has a column for the window, which no incident has")
			}
			checkDays(t, b, sh, b.col(sh, hdr, i18n.Metric(analysis.DetectAll).Name.In(l)), r, 115, "time to detect")

			sh = b.sheet(lSheetIssues)
			hdr = b.header(sh, 1)
			lineCol := b.col(sh, hdr, lLine.in(l))
			for _, is := range rep.Issues {
				r := b.rowWhere(sh, lineCol, strconv.Itoa(is.Line))
				wantCol := is.Header
				if wantCol == "" {
					wantCol = is.Column
				}
				sev := map[data.Severity]label{data.Warning: lSevWarning, data.Rejected: lSevRejected}[is.Severity].in(l)
				for h, want := range map[label]string{lColumn: wantCol, lValue: is.Value, lSeverity: sev, lKind: i18n.Kind(is.Kind).In(l),
					lIncidentID: is.IncidentID, lMessage: i18n.Sprint(l, is.Message)} {
					if got := b.str(sh, b.col(sh, hdr, h.in(l)), r); got != want {
						t.Errorf("issue on line %d: %s = %q, want %q", is.Line, h.in(l), got, want)
					}
				}
				if is.ColumnIndex > 0 {
					checkInt(t, b, sh, b.col(sh, hdr, lColumnIndex.in(l)), r, is.ColumnIndex, "column index")
				}
			}
			if got := b.str(sh, 1, 2); got == lNoIssues.in(l) {
				t.Error("Data issues says there are none")
			}
			if _, err := b.f.GetPanes(sh); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestEmpty checks that a report with no incidents still writes every sheet.
func TestEmpty(t *testing.T) {
	for _, l := range langs {
		t.Run(string(l), func(t *testing.T) {
			b, _ := writeBook(t, analysis.Report{}, l)
			if got := len(b.f.GetSheetList()); got != 8 {
				t.Fatalf("%d sheets, want 8", got)
			}
			if got := b.str(b.sheet(lSheetComparison), 1, 1); got != lNoComparison.in(l) {
				t.Errorf("Comparison A1 = %q, want %q", got, lNoComparison.in(l))
			}
			if got := b.str(b.sheet(lSheetMethod), 2, b.rowWhere(b.sheet(lSheetMethod), 1, lSources.in(l))); got != lNoSources.in(l) {
				t.Errorf("Method sources = %q, want %q", got, lNoSources.in(l))
			}
		})
	}
}
