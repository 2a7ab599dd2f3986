package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"breachreport/analysis"
	"breachreport/data"
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

// TestShippedMappings reads each fixture in examples/mappings through its mapping, checks
// every incident's figures against hand-computed values, and runs generate on it.
func TestShippedMappings(t *testing.T) {
	tests := map[string]map[string]mappedWant{
		"wa-ag": {
			// 2021-02-04 → 02-06 is 2 days; → aware 03-01 is 25; aware → submitted 04-02 is 32.
			"1001": {"Example Dental Group", "Cyberattack", "Health", "2021-04-02", 1200, 2, 25, 32, "Ransomware"},
			"1002": {"Example Credit Union", "Cyberattack", "Finance", "2022-12-20", 5310, 15, 16, 35, "Phishing"},
			"1003": {"Example Retail Inc.", "Unauthorized Access", "Business", "2023-07-05", 842, -1, -1, 25, ""},
			"1004": {"Example School District", "Theft", "Education", "2023-08-29", -1, 0, 1, 28, ""},
		},
		"hhs-ocr": {
			"Example Health Plan / 06/04/2019":          {"Example Health Plan", "Hacking/IT Incident", "Health Plan", "2019-06-04", 12500, -1, -1, -1, "CA"},
			"Example Clinic / 06/28/2019":               {"Example Clinic", "Unauthorized Access/Disclosure", "Healthcare Provider", "2019-06-28", 612, -1, -1, -1, "TX"},
			"Example Clinic / 07/15/2019":               {"Example Clinic", "Theft", "Healthcare Provider", "2019-07-15", 510, -1, -1, -1, "TX"},
			"Example Billing Services LLC / 08/30/2019": {"Example Billing Services LLC", "Hacking/IT Incident", "Business Associate", "2019-08-30", 98000, -1, -1, -1, "NY"},
		},
		"prc-chronology": {
			"Example University (line 2)": {"Example University", "Hacking or malware", "Education", "2005-01-10", 3500, -1, -1, -1, "Springfield"},
			"Example Bank (line 3)":       {"Example Bank", "Portable device lost or stolen", "Financial and insurance services", "2005-03-15", 12000, -1, -1, -1, "Columbus"},
			"Example Bank (line 4)":       {"Example Bank", "Unintended disclosure", "Financial and insurance services", "2005-03-15", 250, -1, -1, -1, "Columbus"},
			"Example Mart (line 5)":       {"Example Mart", "Payment card fraud", "Retail", "2005-07-01", -1, -1, -1, -1, "Austin"},
		},
	}
	shipped, _ := filepath.Glob(filepath.Join("examples", "mappings", "*.toml"))
	if len(shipped) < 3 {
		t.Fatalf("%d mappings shipped in examples/mappings; want at least 3", len(shipped))
	}
	for _, mapFile := range shipped {
		name := strings.TrimSuffix(filepath.Base(mapFile), ".toml")
		t.Run(name, func(t *testing.T) {
			want, ok := tests[name]
			if !ok {
				t.Fatalf("no expected figures for %s: add them to this test", mapFile)
			}
			fixture := strings.TrimSuffix(mapFile, ".toml") + ".csv"
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
			if len(rep.Issues) != 0 || rep.RowsRejected != 0 || rep.RowsUsed != rep.RowsRead {
				t.Errorf("issues %v, %d rows read, %d used", rep.Issues, rep.RowsRead, rep.RowsUsed)
			}
			if !strings.Contains(readAs, "columns mapped by") {
				t.Errorf("read as %q; want the mapping named", readAs)
			}
			if rep.Incidents.Len() != len(want) {
				t.Errorf("%d incidents; want %d", rep.Incidents.Len(), len(want))
			}
			for _, fig := range rep.Incidents.All() {
				w, ok := want[fig.Incident.ID]
				if !ok {
					t.Errorf("unexpected incident %q", fig.Incident.ID)
					continue
				}
				checkMapped(t, *fig, w)
			}

			dir := t.TempDir()
			r := runCmd(t, "", "generate", "-i", fixture, "--map", mapFile, "-o", dir)
			if r.status != 0 {
				t.Fatalf("generate: exit %d, stderr %s", r.status, r.stderr)
			}
			checkAccounting(t, r.stdout, rep.RowsRead, rep.RowsRead, 0)
			for _, out := range []string{workbookName, chartsName} {
				if _, err := os.Stat(filepath.Join(dir, out)); err != nil {
					t.Error(err)
				}
			}
		})
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
