package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
	"breachreport/input"
)

// mappedWant is what one incident of a shipped mapping's fixture must give, computed by hand
// from the fixture: -1 stands for an unknown figure.
type mappedWant struct {
	org, cause, industry, disclosed string
	records                         int64
	window, detect, disclose        int
	extra                           string // the first column outside the schema
}

// mappedFixture is what a shipped mapping's fixture must give. An invented fixture lists
// every incident; an excerpt of a real export lists a few, checked by hand against the raw
// rows, and the warnings that its own mistakes must raise.
type mappedFixture struct {
	incidents int
	want      map[string]mappedWant
	warnings  []string // "line column", in the order reported
	// rejected are the lines of the rows the fixture's real bytes make the reader reject,
	// each with an issue in column Web Description; every other row must be used.
	rejected []int
}

// TestShippedMappings reads each fixture in examples/mappings through its mapping, checks
// that every row is used and every date cell read, checks incidents' figures against
// hand-computed values, and runs generate on it.
func TestShippedMappings(t *testing.T) {
	tests := map[string]mappedFixture{
		// An excerpt of the real export (examples/mappings/README.md): 51 of its 1,109 rows.
		"wa-ag": {incidents: 51, want: map[string]mappedWant{
			// Line 2: start 2021-02-04 → end 02-08 is 4 days; → aware 02-04 is 0; aware →
			// submitted 03-17 is 24 + 17 = 41 (the export's DaysElapsedBeforeNotification: 41).
			"10427": {"Automatic Funds Transfer Services Inc.", "Cyberattack", "Finance", "2021-03-17", 695, 4, 0, 41, "Ransomware"},
			// Line 3: 2021-03-06 → 03-30 is 24 (end and aware alike); 03-30 → 04-26 is 27.
			"10450": {"Seattle Police Officers' Guild", "Cyberattack", "Non-Profit/Charity", "2021-04-26", 1297, 24, 24, 27, "Malware"},
			// Line 8: no DateAware; 2020-02-07 → 05-20 is 22 + 31 + 30 + 20 = 103 (leap year).
			"10331": {"Gallaudet University", "Cyberattack", "Education", "2020-10-01", 1195, 103, -1, -1, "Ransomware"},
			// Line 12: no WashingtoniansAffected, no DateEnd; 2020-01-27 → aware 05-20 is
			// 4 + 29 + 31 + 30 + 20 = 114; → submitted 08-17 is 11 + 30 + 31 + 17 = 89.
			"10246": {"Mammoth Media, Inc.", "Cyberattack", "Business", "2020-08-17", -1, -1, 114, 89, "Unclear/unknown"},
			// Line 19: only DateSubmitted, and no CyberattackType.
			"9659": {"Western Union Financial Services", "Unauthorized Access", "Finance", "2016-12-20", 2470, -1, -1, -1, ""},
			// Line 38: start and end 2022-09-28; aware 09-29; submitted 10-17.
			"13902": {"North Pacific Paper Company", "Cyberattack", "Business", "2022-10-17", 972, 0, 1, 18, "Ransomware"},
			// Line 47: the export's own mistake: aware 2022-06-02 and submitted 07-25 before the
			// start 2023-05-18 (its DaysToIdentifyBreach is -350). The window 05-18 → 06-02 is
			// 15 and 06-02 → 07-25 is 53; the time to detect is left blank, with the warnings.
			"15777": {"Alaska USA Credit Union (Kaye-Smith Enterprises, Inc.)", "Cyberattack", "Finance", "2022-07-25", 2262, 15, -1, 53, "Ransomware"},
			// Line 52: aware 2023-05-30 → submitted 2024-04-16 is 366 - 44 = 322.
			"16715": {"Greylock McKinnon & Associates", "Cyberattack", "Business", "2024-04-16", 1323, -1, -1, 322, "Unclear/unknown"},
		}, warnings: []string{"47 detected", "47 disclosed"}},
		"hhs-ocr": {incidents: 4, want: map[string]mappedWant{
			"Example Health Plan / 06/04/2019":          {"Example Health Plan", "Hacking/IT Incident", "Health Plan", "2019-06-04", 12500, -1, -1, -1, "CA"},
			"Example Clinic / 06/28/2019":               {"Example Clinic", "Unauthorized Access/Disclosure", "Healthcare Provider", "2019-06-28", 612, -1, -1, -1, "TX"},
			"Example Clinic / 07/15/2019":               {"Example Clinic", "Theft", "Healthcare Provider", "2019-07-15", 510, -1, -1, -1, "TX"},
			"Example Billing Services LLC / 08/30/2019": {"Example Billing Services LLC", "Hacking/IT Incident", "Business Associate", "2019-08-30", 98000, -1, -1, -1, "NY"},
		}},
		// An excerpt of a real export (examples/mappings/README.md): 50 of its 810 rows, dates
		// written January 5, 2016; the descriptions, PRC's own text under no stated licence, are
		// left out, so that only the facts of the export are kept.
		"prc-chronology-2016": {incidents: 50, want: map[string]mappedWant{
			"Washington Hospital Healthcare System (line 2)": {"Washington Hospital Healthcare System", "Hacking or malware", "Healthcare", "2016-01-05", -1, -1, -1, -1, "Fremont, California"},
			"University of Virginia (line 3)":                {"University of Virginia", "Hacking or malware", "Education", "2016-01-25", 1440, -1, -1, -1, "Charlottesville, Virginia"},
			"Washington State Health Authority (HCA) (line 5)": {"Washington State Health Authority (HCA)", "Insider", "Government and military", "2016-02-09", 91000, -1, -1, -1,
				"Washington, District Of Columbia"},
			// The description of line 6 runs to line 11; the name is written with two spaces after it.
			"Turner Construction (line 6)":       {"Turner Construction", "Unintended disclosure", "Other business", "2016-03-07", -1, -1, -1, -1, "San Diego, California"},
			"Katherman Kitts & Company (line 7)": {"Katherman Kitts & Company", "Portable device lost or stolen", "Financial and insurance services", "2016-04-05", -1, -1, -1, -1, "Irvine, California"},
			// Records Breached is a sentence here; Total Records is 315.
			"Salem Five Cents Savings Bank (line 33)":    {"Salem Five Cents Savings Bank", "Hacking or malware", "Financial and insurance services", "2016-01-04", 315, -1, -1, -1, "Salem, Massachusetts"},
			"California Department of Justice (line 34)": {"California Department of Justice", "Unintended disclosure", "Government and military", "2017-01-18", 3424, -1, -1, -1, "Sacramento, California"},
			// Records Breached 11400, Total Records Unknown: records is the total, unknown.
			"Susan M Hughes Center (line 51)": {"Susan M Hughes Center", "Hacking or malware", "Healthcare", "2016-12-27", -1, -1, -1, -1, ", New Jersey"},
		}},
		// An excerpt of a real export (examples/mappings/README.md): 52 of its 857 rows.
		"hhs-ocr-2024": {incidents: 51, want: map[string]mappedWant{
			"Potomac Medical Aesthetics, LLC / 11/01/2024":     {"Potomac Medical Aesthetics, LLC", "Unauthorized Access/Disclosure", "Healthcare Provider", "2024-11-01", 2876, -1, -1, -1, "MD"},
			"Hafetz and Associates / 09/27/2024":               {"Hafetz and Associates", "Hacking/IT Incident", "Business Associate", "2024-09-27", 26474, -1, -1, -1, "NJ"},
			"Kaiser Foundation Health Plan, Inc. / 04/12/2024": {"Kaiser Foundation Health Plan, Inc.", "Unauthorized Access/Disclosure", "Health Plan", "2024-04-12", 13400000, -1, -1, -1, "CA"},
			// Lines 34 and 35: one entity's two reports of one day, as a healthcare provider
			// (19,303) and as a business associate (123,651), are one incident by the id rule:
			// 19,303 + 123,651 = 142,954, and both types named, with a warning that the rows
			// differ (TestMappingMergeWarning checks its text).
			"Independent Living Systems, LLC / 12/08/2023": {"Independent Living Systems, LLC", "Hacking/IT Incident", "Healthcare Provider / Business Associate", "2023-12-08", 142954, -1, -1, -1, "FL"},
			"Fred Hutchinson Cancer Center / 12/26/2023":   {"Fred Hutchinson Cancer Center", "Loss", "Healthcare Provider", "2023-12-26", 544, -1, -1, -1, "WA"},
			"Eastside Pediatrics, PLLC / 11/08/2022":       {"Eastside Pediatrics, PLLC", "Hacking/IT Incident", "Healthcare Provider", "2022-11-08", 1723, -1, -1, -1, "NY"},
		}, warnings: []string{"34 "}},
		// An excerpt of a real export of the portal's archive (examples/mappings/README.md): 58
		// of its 5,590 rows, as a user saved them, undecodable bytes in Web Description (where
		// the portal has curly quotes), "\N" for no description and lone CRs (line 60) included.
		// The 17 rows with those bytes (lines 3–5, 17, … 51) are used, each with a warning:
		// Web Description is neither mapped nor in the schema.
		"hhs-ocr-archive": {incidents: 54, want: map[string]mappedWant{
			// Lines 3 and 4: 94,807 as a business associate and 105,387 as a health plan, one
			// incident by the id rule: 200,194, with a warning of the merge.
			"Pan-American Life Insurance Group, Inc. / 12/04/2023": {"Pan-American Life Insurance Group, Inc.", "Hacking/IT Incident", "Business Associate / Health Plan", "2023-12-04", 200194, -1, -1, -1, "LA"},
			"Mass General Brigham Health Plan / 06/28/2024":        {"Mass General Brigham Health Plan", "Unauthorized Access/Disclosure", "Health Plan", "2024-06-28", 3659, -1, -1, -1, "MA"},
			"Stephen Harkins, DDS, PC, dba: Harkins Pain & Sleep Management Group / 07/18/2023": {"Stephen Harkins, DDS, PC, dba: Harkins Pain & Sleep Management Group",
				"Hacking/IT Incident", "Healthcare Provider", "2023-07-18", 6411, -1, -1, -1, "AZ"},
			// Line 7: the name ends in a space in the export.
			"Upper Peninsula Health Plan / 04/20/2023": {"Upper Peninsula Health Plan", "Hacking/IT Incident", "Health Plan", "2023-04-20", 833, -1, -1, -1, "MI"},
			"Change Healthcare / 07/07/2022":           {"Change Healthcare", "Unauthorized Access/Disclosure", "Business Associate", "2022-07-07", 1262, -1, -1, -1, "GA"},
			"Luxottica of America Inc. / 10/27/2020":   {"Luxottica of America Inc.", "Hacking/IT Incident", "Business Associate", "2020-10-27", 829454, -1, -1, -1, "OH"},
			// Lines 32 and 33: two reports of one day, by the id rule one incident:
			// 31,300 + 576 = 31,876, both types of breach named, and a warning of the merge.
			"Managed Health Services / 01/03/2019": {"Managed Health Services", "Hacking/IT Incident / Unauthorized Access/Disclosure", "Health Plan", "2019-01-03", 31876, -1, -1, -1, "IN"},
			// Lines 39 and 40 differ only in Web Description, line 39's reading "This is a
			// duplicate case and is being deleted.": 1,741 twice is 3,482, and the warning
			// shows the description.
			"Area Agency of Aging 1-B / 04/13/2017":           {"Area Agency of Aging 1-B", "Unauthorized Access/Disclosure", "Healthcare Provider", "2017-04-13", 3482, -1, -1, -1, "MI"},
			"Jefferson Medical Associates, P.A. / 07/29/2016": {"Jefferson Medical Associates, P.A.", "Hacking/IT Incident", "Healthcare Provider", "2016-07-29", 10401, -1, -1, -1, "MS"},
			// Line 55: two spaces inside the name, kept.
			"Affiliated Computer Services, Inc.  (ACS, Inc.) A Xerox Company / 02/08/2012": {"Affiliated Computer Services, Inc.  (ACS, Inc.) A Xerox Company", "Other", "Business Associate", "2012-02-08", 1700, -1, -1, -1, "NJ"},
			"University Health System / 06/22/2010":                                        {"University Health System", "Theft", "Healthcare Provider", "2010-06-22", 7526, -1, -1, -1, "NV"},
			// Lines 59 and 60: 10,000 + 646 = 10,646; line 60's description holds lone CRs.
			"Detroit Department of Health and Wellness Promotion / 12/15/2009": {"Detroit Department of Health and Wellness Promotion", "Theft", "Healthcare Provider", "2009-12-15", 10646, -1, -1, -1, "MI"},
		}, warnings: []string{"3 Web Description", "3 ", "4 Web Description", "5 Web Description", "17 Web Description", "20 Web Description",
			"25 Web Description", "26 Web Description", "28 Web Description", "32 ", "38 Web Description", "39 ", "42 Web Description",
			"43 Web Description", "46 Web Description", "47 Web Description", "48 Web Description", "49 Web Description", "50 Web Description",
			"51 Web Description", "59 "}},
		"prc-chronology": {incidents: 4, want: map[string]mappedWant{
			"Example University (line 2)": {"Example University", "Hacking or malware", "Education", "2005-01-10", 3500, -1, -1, -1, "Springfield"},
			"Example Bank (line 3)":       {"Example Bank", "Portable device lost or stolen", "Financial and insurance services", "2005-03-15", 12000, -1, -1, -1, "Columbus"},
			"Example Bank (line 4)":       {"Example Bank", "Unintended disclosure", "Financial and insurance services", "2005-03-15", 250, -1, -1, -1, "Columbus"},
			"Example Mart (line 5)":       {"Example Mart", "Payment card fraud", "Retail", "2005-07-01", -1, -1, -1, -1, "Austin"},
		}},
	}
	shipped, _ := filepath.Glob(filepath.Join("examples", "mappings", "*.toml"))
	if len(shipped) < 3 {
		t.Fatalf("%d mappings shipped in examples/mappings; want at least 3", len(shipped))
	}
	// A mapping's test files are NAME.csv and NAME-*.csv: one per layout or date style.
	type pair struct{ mapFile, fixture string }
	var pairs []pair
	for _, mapFile := range shipped {
		base := strings.TrimSuffix(mapFile, ".toml")
		more, _ := filepath.Glob(base + "-*.csv")
		for _, fixture := range append([]string{base + ".csv"}, more...) {
			pairs = append(pairs, pair{mapFile, fixture})
		}
	}
	if len(pairs) != len(tests) {
		t.Errorf("%d test files for the mappings, %d in this test: %v", len(pairs), len(tests), pairs)
	}
	for _, p := range pairs {
		mapFile, fixture := p.mapFile, p.fixture
		name := strings.TrimSuffix(filepath.Base(fixture), ".csv")
		t.Run(name, func(t *testing.T) {
			tt, ok := tests[name]
			if !ok {
				t.Fatalf("no expected figures for %s: add them to this test", fixture)
			}
			f, err := os.Open(mapFile)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			m, err := input.ParseMapping(f, mapFile)
			if err != nil {
				t.Fatal(err)
			}
			rep, readAs, _, err := load(context.Background(), fixture, input.Options{Mapping: m}, env{now: func() time.Time { return fixedNow }})
			if err != nil {
				t.Fatal(err)
			}
			var warnings []string
			var rejected []int
			for _, is := range rep.Issues {
				if is.Severity == data.Rejected {
					rejected = append(rejected, is.Line)
					if is.Kind != data.KindEncoding || is.Header != "Web Description" {
						t.Errorf("line %d rejected: %v; want only undecodable bytes in Web Description", is.Line, is)
					}
					continue
				}
				warnings = append(warnings, fmt.Sprintf("%d %s", is.Line, is.Column))
			}
			if strings.Join(warnings, ", ") != strings.Join(tt.warnings, ", ") || !slices.Equal(rejected, tt.rejected) ||
				rep.RowsRejected != len(tt.rejected) || rep.RowsUsed != rep.RowsRead-len(tt.rejected) {
				t.Errorf("warnings at %q (the first issues: %v), rejected lines %v, %d rows read, %d used; want the warnings at %q, lines %v rejected and every other row used",
					warnings, rep.Issues[:min(len(rep.Issues), 3)], rejected, rep.RowsRead, rep.RowsUsed, tt.warnings, tt.rejected)
			}
			if !strings.Contains(joinMsgs(i18n.En, readAs, clauseSep), "columns mapped by") {
				t.Errorf("read as %q; want the mapping named", readAs)
			}
			if rep.Incidents.Len() != tt.incidents {
				t.Errorf("%d incidents; want %d", rep.Incidents.Len(), tt.incidents)
			}
			checked := 0
			scopes := map[int]data.Scope{}
			for _, fig := range rep.Incidents.All() {
				for _, sc := range fig.Incident.Scopes {
					scopes[sc.Line] = sc
				}
				w, ok := tt.want[fig.Incident.ID]
				if !ok {
					if tt.incidents == len(tt.want) {
						t.Errorf("unexpected incident %q", fig.Incident.ID)
					}
					continue
				}
				checked++
				checkMapped(t, *fig, w)
			}
			if checked != len(tt.want) {
				t.Errorf("%d of the %d incidents listed found", checked, len(tt.want))
			}
			checkDatesRead(t, fixture, m, scopes, tt.rejected)

			dir := t.TempDir()
			r := runCmd(t, "", "generate", "-i", fixture, "--map", mapFile, "-o", dir)
			// Rejected rows make the exit status 1, the report written all the same.
			if want := min(len(tt.rejected), 1); r.status != want {
				t.Fatalf("generate: exit %d, want %d; stderr %s", r.status, want, r.stderr)
			}
			checkAccounting(t, r.stdout, rep.RowsRead, rep.RowsUsed, rep.RowsRejected)
			for _, out := range []string{workbookName, chartsName} {
				if _, err := os.Stat(filepath.Join(dir, out)); err != nil {
					t.Error(err)
				}
			}
		})
	}
}

// checkDatesRead checks that every non-blank cell of a column the mapping reads as a date
// gave a known date in the scope of its line.
func checkDatesRead(t *testing.T, fixture string, m *input.Mapping, scopes map[int]data.Scope, rejected []int) {
	t.Helper()
	get := map[string]func(data.Scope) data.Date{
		data.ColExposureStart: func(s data.Scope) data.Date { return s.ExposureStart },
		data.ColExposureEnd:   func(s data.Scope) data.Date { return s.ExposureEnd },
		data.ColDetected:      func(s data.Scope) data.Date { return s.Detected },
		data.ColContained:     func(s data.Scope) data.Date { return s.Contained },
		data.ColDisclosed:     func(s data.Scope) data.Date { return s.Disclosed },
	}
	raw, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	cr := csv.NewReader(bytes.NewReader(raw))
	header, err := cr.Read()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for field := range get {
		fm, ok := m.Fields[field]
		if !ok || fm.Column == "" {
			continue
		}
		i := slices.Index(header, fm.Column)
		if i < 0 {
			t.Fatalf("%s: column %q of %s not in the header %q", fixture, fm.Column, field, header)
		}
		col[field] = i
	}
	if len(col) == 0 {
		t.Fatalf("%s: the mapping reads no date column", fixture)
	}
	cells := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		line, _ := cr.FieldPos(0)
		if slices.Contains(rejected, line) {
			continue
		}
		sc, ok := scopes[line]
		if !ok {
			t.Errorf("%s: line %d gave no scope", fixture, line)
			continue
		}
		for field, i := range col {
			if strings.TrimSpace(rec[i]) == "" {
				continue
			}
			cells++
			if !get[field](sc).Known() {
				t.Errorf("%s: line %d, %s %q not read", fixture, line, field, rec[i])
			}
		}
	}
	if cells == 0 {
		t.Errorf("%s: no date cell", fixture)
	}
}

func checkMapped(t *testing.T, fig analysis.IncidentFigures, w mappedWant) {
	t.Helper()
	in := fig.Incident
	sc := fig.Scopes[0].Scope
	if in.Organization != w.org || in.Cause != w.cause || in.Industry != w.industry || in.Disclosed.String() != w.disclosed {
		t.Errorf("%s: org %q cause %q industry %q disclosed %v; want %+v", in.ID, in.Organization, in.Cause, in.Industry, in.Disclosed, w)
	}
	if (w.records < 0 && fig.Total.Known) || (w.records >= 0 && fig.Total != data.KnownCount(w.records)) {
		t.Errorf("%s: total %+v; want %d", in.ID, fig.Total, w.records)
	}
	days := map[analysis.Metric]int{analysis.WindowAll: w.window, analysis.DetectAll: w.detect, analysis.Disclose: w.disclose}
	for m, want := range days {
		got := fig.Get(m)
		if (want < 0 && got.Known) || (want >= 0 && (!got.Known || got.N != want)) {
			t.Errorf("%s: %s = %+v; want %d", in.ID, m, got, want)
		}
	}
	if got := fig.Get(analysis.Contain); got.Known {
		t.Errorf("%s: contain = %+v; no shipped layout states containment", in.ID, got)
	}
	if len(sc.Extra) == 0 || sc.Extra[0] != w.extra {
		t.Errorf("%s: first extra column %q; want %q", in.ID, sc.Extra, w.extra)
	}
}

// TestGenerateFromWorkbook runs generate and validate on an .xlsx workbook with two sheets:
// the sheet must be named, the typo is reported by sheet, row and cell, and the other rows
// are kept.
func TestGenerateFromWorkbook(t *testing.T) {
	recs, err := csv.NewReader(bytes.NewReader(input.Sample())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "README"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.NewSheet("事案一覧"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("README", "A1", "Incident list of a fictional consultancy"); err != nil {
		t.Fatal(err)
	}
	for r, rec := range recs {
		row := make([]any, len(rec))
		for c, v := range rec {
			row[c] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow("事案一覧", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	// The seed's typo, typed over the end of the card scope's window (row 3, column J).
	if err := f.SetCellValue("事案一覧", "J3", "2018年12月27日7"); err != nil {
		t.Fatal(err)
	}
	// A date cell, as Excel stores a typed date.
	if err := f.SetCellValue("事案一覧", "M4", time.Date(2019, 8, 6, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "incidents.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}

	r := runCmd(t, "", "validate", "-i", path)
	if r.status != 1 || !strings.Contains(r.stderr, `the workbook has 2 sheets ("README", "事案一覧"); name the one to read (--sheet NAME names the sheet to read)`) {
		t.Errorf("without --sheet: exit %d, stderr %q", r.status, r.stderr)
	}
	dir := t.TempDir()
	r = runCmd(t, "", "generate", "-i", path, "--sheet", "事案一覧", "-o", dir)
	if r.status != 0 {
		t.Fatalf("generate: exit %d, stderr %s", r.status, r.stderr)
	}
	checkAccounting(t, r.stdout, 4, 4, 0)
	want := `warning: sheet "事案一覧" row 3, column exposure_end (cell J3), value "2018年12月27日7": not a date`
	if !strings.Contains(r.stderr, want) || !strings.Contains(r.stdout, `read sheet "事案一覧" of the workbook`) {
		t.Errorf("stdout %q\nstderr %q\nwant the sheet read and %q", r.stdout, r.stderr, want)
	}
}

// TestJapaneseExamples reads the Japanese example lists (examples/README.md): every row is
// used, and each has the number of rows disclosed in June 2024 that the README states.
func TestJapaneseExamples(t *testing.T) {
	tests := []struct {
		path            string
		incidents, june int
	}{
		{"examples/japan-2024-06.csv", 22, 22},
		{"examples/japan-2023-06_2024-06.csv", 30, 22},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			r := runCmd(t, "", "validate", "-i", tt.path)
			if r.status != 0 {
				t.Fatalf("validate exit status %d\n%s", r.status, r.stderr)
			}
			want := fmt.Sprintf("%d rows read, %d used, 0 rejected; %d incidents", tt.incidents, tt.incidents, tt.incidents)
			if !strings.Contains(r.stdout+r.stderr, want) {
				t.Errorf("validate output lacks %q:\n%s%s", want, r.stdout, r.stderr)
			}
			b, err := os.ReadFile(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			june := 0
			for _, rec := range recs[1:] {
				if strings.HasPrefix(rec[12], "2024-06") { // 公表日
					june++
				}
			}
			if june != tt.june {
				t.Errorf("%d rows disclosed in 2024-06; want %d", june, tt.june)
			}
		})
	}
}

// TestMappingMergeWarning checks the warning of rows that the HHS mapping's id (name and
// submission date) makes one incident though they differ, on the real archive excerpt: one
// warning per merge, naming the file, the lines, the id and each differing value, in both
// languages, a long value cut short.
func TestMappingMergeWarning(t *testing.T) {
	fixture := filepath.Join("examples", "mappings", "hhs-ocr-archive.csv")
	mapFile := filepath.Join("examples", "mappings", "hhs-ocr.toml")
	tests := []struct {
		lang string
		want []string // each must be one line of validate's list
	}{
		{"en", []string{
			fixture + `: warning: line 32, value "Managed Health Services / 01/03/2019": lines 32 and 33 give the same incident id "Managed Health Services / 01/03/2019", made by the mapping from "Name of Covered Entity" and "Breach Submission Date", so they are read as one incident and their counts added up; but they differ in Type of Breach ("Hacking/IT Incident" on line 32 and "Unauthorized Access/Disclosure" on line 33), Individuals Affected ("31300" on line 32 and "576" on line 33), Location of Breached Information ("Email" on line 32 and "Paper/Films" on line 33), Business Associate Present ("Yes" on line 32 and "No" on line 33) and Web Description ("The covered entity (CE), Managed Health Services, reported t…" on line 32 and "Managed Health Services, the covered entity (CE), reported t…" on line 33). If they are separate reports, map incident_id = { each_row = true }`,
			fixture + `: warning: line 39, value "Area Agency of Aging 1-B / 04/13/2017": lines 39 and 40 give the same incident id "Area Agency of Aging 1-B / 04/13/2017", made by the mapping from "Name of Covered Entity" and "Breach Submission Date", so they are read as one incident and their counts added up; but they differ in Web Description ("This is a duplicate case and is being deleted.  " on line 39 and "A workforce member failed to encrypt emails containing sprea…" on line 40). If they are separate reports, map incident_id = { each_row = true }`,
		}},
		{"ja", []string{
			fixture + `: 警告: 59行目、値「Detroit Department of Health and Wellness Promotion / 12/15/2009」：59、60行目は、マッピングが"Name of Covered Entity"、"Breach Submission Date"から作る事案 ID が同じ "Detroit Department of Health and Wellness Promotion / 12/15/2009" のため一つの事案として読み、件数を合算しました。しかし次の列の値が異なります：Individuals Affected（59行目は"10000"、60行目は"646"）、Location of Breached Information（59行目は"Other Portable Electronic Device"、60行目は"Desktop Computer, Laptop"）、Web Description（59行目は"\\N"、60行目は"A desktop and four laptop computers were stolen from the cov…"）。別々の報告であれば、マッピングで incident_id = { each_row = true } としてください`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			r := runCmd(t, "", "validate", "--lang", tt.lang, "-i", fixture, "--map", mapFile)
			// validate lists the issues on stdout.
			lines := strings.Split(r.stdout, "\n")
			for _, w := range tt.want {
				if !slices.ContainsFunc(lines, func(l string) bool { return strings.TrimSpace(l) == w }) {
					t.Errorf("stdout lacks the line\n%s\nstdout:\n%s", w, r.stdout)
				}
			}
			// Pan-American Life Insurance Group, Managed Health Services, Area Agency of Aging
			// 1-B and the Detroit Department: one warning each.
			if n := strings.Count(r.stdout, "incident_id = { each_row = true }"); n != 4 {
				t.Errorf("%d merge warnings; want 4", n)
			}
		})
	}
}

// TestPRCRenamedExport reads a real copy of the Privacy Rights Clearinghouse chronology in
// the layout whose dates are written 1/10/2005 (testdata/prc-chronology-renamed.csv, see
// examples/mappings/README.md). Its publisher renamed three columns (Type_of_breach,
// Type_of_organization, Records) and dropped Source URL: the shipped mapping must name both
// columns it lacks at once, and, with those two fields pointed at what the file has, read
// every row and every date as the mapping reads them, codes and "0" (not known) included.
func TestPRCRenamedExport(t *testing.T) {
	fixture := filepath.Join("testdata", "prc-chronology-renamed.csv")
	mapFile := filepath.Join("examples", "mappings", "prc-chronology.toml")

	r := runCmd(t, "", "validate", "-i", fixture, "--map", mapFile)
	want := `the mapping "Privacy Rights Clearinghouse chronology" reads records from column "Total Records" and source_url from column "Source URL", columns the header does not have`
	if r.status != 1 || !strings.Contains(r.stderr, want) {
		t.Errorf("validate with the shipped mapping: exit %d, stderr %s; want exit 1 and %q", r.status, r.stderr, want)
	}

	shipped, err := os.ReadFile(mapFile)
	if err != nil {
		t.Fatal(err)
	}
	adapted := string(shipped)
	for _, edit := range []struct{ old, new string }{
		{`records = { column = "Total Records"`, `records = { column = "Records"`},
		{"source_url = \"Source URL\"\n", ""},
	} {
		if !strings.Contains(adapted, edit.old) {
			t.Fatalf("%s no longer has %q: adapt this test", mapFile, edit.old)
		}
		adapted = strings.Replace(adapted, edit.old, edit.new, 1)
	}
	m, err := input.ParseMapping(strings.NewReader(adapted), mapFile)
	if err != nil {
		t.Fatal(err)
	}
	rep, _, _, err := load(context.Background(), fixture, input.Options{Mapping: m}, env{now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Issues) != 0 || rep.RowsRead != 50 || rep.RowsUsed != 50 || rep.Incidents.Len() != 50 {
		t.Errorf("%d rows read, %d used, %d incidents, issues %v; want 50 rows, all used, 50 incidents, no issue",
			rep.RowsRead, rep.RowsUsed, rep.Incidents.Len(), rep.Issues)
	}
	// Checked by hand against the raw rows; the first column outside the schema is City.
	wants := map[string]mappedWant{
		"PayDay OK LLC (line 2)":     {"PayDay OK LLC", "Hacking or malware", "Financial and insurance services", "2006-03-03", 88, -1, -1, -1, ""},
		"Coca-Cola Company (line 3)": {"Coca-Cola Company", "Portable device lost or stolen", "Other business", "2014-01-24", 18000, -1, -1, -1, "Atlanta"},
		// Records 0: not known, as the Chronology writes it.
		"Scripps Network LLC. (Food.com) (line 4)": {"Scripps Network LLC. (Food.com)", "Hacking or malware", "Other business", "2015-10-16", -1, -1, -1, -1, "Knocksville"},
		"Hewlett, Packard, California Department of Social Services (line 10)": {"Hewlett, Packard, California Department of Social Services",
			"Portable device lost or stolen", "Government and military", "2012-05-12", 701000, -1, -1, -1, "Riverside"},
		// Two spaces inside the name, kept.
		"University of Connecticut  (UCONN) (line 11)": {"University of Connecticut  (UCONN)", "Hacking or malware", "Education", "2005-06-25", 72000, -1, -1, -1, "Storrs"},
		"Butler County Department of Mental Retardation & Developmental Disabilities (line 12)": {"Butler County Department of Mental Retardation & Developmental Disabilities",
			"Portable device lost or stolen", "Non-profit", "2006-05-23", 100, -1, -1, -1, "Cincinnati"},
		"Colt Express Outsourcing Services, CNET Networks (line 17)": {"Colt Express Outsourcing Services, CNET Networks", "Stationary device lost or stolen", "Other business", "2008-06-23", 17241, -1, -1, -1, "Walnut Creek"},
		"monoprice.com (line 19)":                                    {"monoprice.com", "Hacking or malware", "Retail", "2010-03-11", -1, -1, -1, -1, "Rancho Cucamonga"},
		// UNKN in both codes.
		"Delta air lines inc (line 24)":                 {"Delta air lines inc", "Unknown", "Unknown", "2018-04-11", 825000, -1, -1, -1, ""},
		"U.S. Department of Veterans Affairs (line 28)": {"U.S. Department of Veterans Affairs", "Physical loss (paper)", "Government and military", "2007-01-22", -1, -1, -1, -1, "Seattle"},
		"Brandywyne Healthcare Center (line 35)":        {"Brandywyne Healthcare Center", "Insider", "Healthcare", "2011-09-15", 83, -1, -1, -1, "Winter Haven"},
		"Inova Fairfax Hospital Cardiac Care Center, Inova Fair Oaks Hospital (line 36)": {"Inova Fairfax Hospital Cardiac Care Center, Inova Fair Oaks Hospital",
			"Payment card fraud", "Healthcare", "2012-11-30", -1, -1, -1, -1, "Fairfax"},
		// 2/29/2012, a leap day; a count without a thousands separator.
		"Lee Miller Rehabilitation Associates (line 49)": {"Lee Miller Rehabilitation Associates", "Physical loss (paper)", "Healthcare", "2012-02-29", 10480, -1, -1, -1, ""},
		"AvMed, Inc. (line 51)":                          {"AvMed, Inc.", "Physical loss (paper)", "Healthcare", "2010-06-03", 1220000, -1, -1, -1, ""},
	}
	checked := 0
	scopes := map[int]data.Scope{}
	for _, fig := range rep.Incidents.All() {
		for _, sc := range fig.Incident.Scopes {
			scopes[sc.Line] = sc
		}
		if w, ok := wants[fig.Incident.ID]; ok {
			checked++
			checkMapped(t, *fig, w)
		}
	}
	if checked != len(wants) {
		t.Errorf("%d of the %d incidents listed found", checked, len(wants))
	}
	checkDatesRead(t, fixture, m, scopes, nil)
}
