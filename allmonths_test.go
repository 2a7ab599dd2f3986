package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"breachreport/charts"
	"breachreport/input"
	"breachreport/internal/clienttest"
)

// yearOfSynthetic returns the rows of sample --synthetic 300 --seed 1 disclosed in 2019 (a
// year of data keeps the test cheap), and, computed from the CSV text alone, the ids of the
// incidents disclosed in each month, by "yyyy-mm".
func yearOfSynthetic(t *testing.T) (csvText string, byMonth map[string][]string) {
	t.Helper()
	var all bytes.Buffer
	if err := input.WriteSynthetic(&all, 300, 1); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&all).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	var out bytes.Buffer
	w := csv.NewWriter(&out)
	w.Write(rows[0])
	byMonth = map[string][]string{}
	seen := map[string]bool{}
	for _, r := range rows[1:] {
		disc := r[col["disclosed"]]
		if !strings.HasPrefix(disc, "2019-") {
			continue
		}
		w.Write(r)
		id := r[col["incident_id"]]
		if len(disc) != len("2019-06-04") {
			t.Fatalf("incident %s: disclosure date %q is not a full date", id, disc)
		}
		if !seen[id] {
			seen[id] = true
			byMonth[disc[:7]] = append(byMonth[disc[:7]], id)
		}
	}
	w.Flush()
	for _, ids := range byMonth {
		sort.Strings(ids)
	}
	return out.String(), byMonth
}

var indexRowRE = regexp.MustCompile(`<tr><th scope="row"><a href="([^"]+)">([^<]+)</a></th><td>([^<]+)</td><td>([^<]+)</td><td><a href="([^"]+)">[^<]*</a></td><td><a href="([^"]+)">`)

// TestGenerateAllMonths runs generate --all-months on a year of synthetic incidents: one
// folder per month from the first to the last month of the data, each with that month's
// workbook (listing exactly the incidents disclosed in it, counted independently from the
// CSV text) and dashboard, and index.html linking them all with the same counts; Chromium
// draws the index's overview chart with no network, and it links only to the reports.
func TestGenerateAllMonths(t *testing.T) {
	text, byMonth := yearOfSynthetic(t)
	in := filepath.Join(t.TempDir(), "2019.csv")
	if err := os.WriteFile(in, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	r := runCmd(t, "", "generate", "-i", in, "-o", out, "--all-months", "--lang", "en")
	if r.status != 0 {
		t.Fatalf("exit %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	total := 0
	for _, ids := range byMonth {
		total += len(ids)
	}
	if want := fmt.Sprintf("; %d incidents (12 months reported on, 2019-01 to 2019-12); 0 warnings\n", total); !strings.Contains(r.stdout, want) {
		t.Errorf("accounting line lacks %q:\n%s", want, r.stdout)
	}

	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	wantNames := []string{"2019-01", "2019-02", "2019-03", "2019-04", "2019-05", "2019-06", "2019-07", "2019-08", "2019-09", "2019-10", "2019-11", "2019-12", "index.html"}
	if strings.Join(names, " ") != strings.Join(wantNames, " ") {
		t.Fatalf("output directory holds %q, want %q", names, wantNames)
	}
	empty := 0
	for _, m := range wantNames[:12] {
		files, _ := os.ReadDir(filepath.Join(out, m))
		var got []string
		for _, f := range files {
			got = append(got, f.Name())
		}
		// Exactly the two reports: no temporary file left behind, no chart pages.
		if want := "breach-report-" + m + ".xlsx charts-" + m + ".html"; strings.Join(got, " ") != want {
			t.Errorf("%s holds %q, want %s", m, got, want)
		}
		if ids := incidentIDs(t, filepath.Join(out, m, "breach-report-"+m+".xlsx")); strings.Join(ids, ",") != strings.Join(byMonth[m], ",") {
			t.Errorf("%s: workbook lists %q, want %q", m, ids, byMonth[m])
		}
		if len(byMonth[m]) == 0 {
			empty++
			page, _ := os.ReadFile(filepath.Join(out, m, "charts-"+m+".html"))
			if !strings.Contains(string(page), "No incidents were disclosed in "+monthName(t, m)+".") {
				t.Errorf("%s: the empty month's dashboard does not say so", m)
			}
		}
	}
	if empty == 0 {
		t.Error("the year has no empty month, which the test needs (seed 1 has none in 2019-10)")
	}

	index, err := os.ReadFile(filepath.Join(out, indexName))
	if err != nil {
		t.Fatal(err)
	}
	rows := indexRowRE.FindAllStringSubmatch(string(index), -1)
	if len(rows) != 12 {
		t.Fatalf("index lists %d months, want 12", len(rows))
	}
	for i, row := range rows {
		m := wantNames[i]
		if row[2] != monthName(t, m) || row[1] != m+"/charts-"+m+".html" || row[5] != row[1] || row[6] != m+"/breach-report-"+m+".xlsx" {
			t.Errorf("index row %d: %q", i, row[1:])
		}
		if row[3] != fmt.Sprint(len(byMonth[m])) {
			t.Errorf("index: %s has %s incidents, want %d", m, row[3], len(byMonth[m]))
		}
	}

	bin := clienttest.Chromium(t)
	b, err := charts.StartBrowser(context.Background(), bin)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	l, err := b.Load(context.Background(), filepath.Join(out, indexName), 1280, 1)
	if err != nil {
		t.Fatal(err)
	}
	if l.Charts != 1 || len(l.Failed) > 0 {
		t.Errorf("index: %d charts drawn, failed %v; want 1", l.Charts, l.Failed)
	}
	if len(l.Events) > 0 {
		t.Errorf("index: the page logged, threw, fetched or opened a dialog:\n%s", strings.Join(l.Events, "\n"))
	}
	if l.Title != "Monthly data-breach reports" {
		t.Errorf("index title %q", l.Title)
	}
	// The only links are to the month reports.
	linkRE := regexp.MustCompile(`^<a href="2019-(0[1-9]|1[0-2])/(charts|breach-report)-2019-(0[1-9]|1[0-2])\.(html|xlsx)">$`)
	if len(l.Suspect) != 36 {
		t.Errorf("index: %d links found, want 36 (the month and the dashboard to its dashboard, and its workbook): %q", len(l.Suspect), l.Suspect)
	}
	for _, s := range l.Suspect {
		if !linkRE.MatchString(s) {
			t.Errorf("index: unexpected element %s", s)
		}
	}
	svg := svgText(l.DOM)
	for _, want := range []string{"Jan 2019", "Jun", "Dec"} {
		if !strings.Contains(svg, want) {
			t.Errorf("overview chart lacks the axis label %q", want)
		}
	}
}

func TestGenerateAllMonthsUsage(t *testing.T) {
	for _, args := range [][]string{
		{"--all-months", "--month", "2019-06"},
		{"--all-months", "--from", "2019-01-01", "--to", "2019-12-31"},
		{"--all-months", "--images", "png"},
		{"--all-months", "--compare", "A"},
		{"--max-months", "300"},
		{"--month", "2019-06", "--max-months", "300"},
	} {
		out := t.TempDir()
		r := runCmd(t, "", append([]string{"generate", "-i", periodCSV, "-o", out}, args...)...)
		if r.status != 2 {
			t.Errorf("%q: exit %d, want 2; stderr %s", args, r.status, r.stderr)
		}
		if entries, _ := os.ReadDir(out); len(entries) > 0 {
			t.Errorf("%q: a usage error wrote %d files", args, len(entries))
		}
	}
	// No disclosure date known to the month: nothing to report by month.
	in := filepath.Join(t.TempDir(), "undated.csv")
	os.WriteFile(in, []byte("incident_id,organization,record_type,certainty,records,disclosed\nX,Example Co. X,card,confirmed,10,2019\n"), 0o644)
	r := runCmd(t, "", "generate", "-i", in, "-o", t.TempDir(), "--all-months")
	if r.status != 1 || !strings.Contains(r.stderr, "no month to report on") {
		t.Errorf("year-only dates: exit %d, stderr %s", r.status, r.stderr)
	}
}

// TestGenerateAllMonthsBound checks --max-months: more months than it allows (empty months
// count) is an error that names the first and last month and the count, before any file is
// written; at the limit the months are written.
func TestGenerateAllMonthsBound(t *testing.T) {
	csvOf := func(disclosed ...string) string {
		s := "incident_id,organization,record_type,certainty,records,disclosed\n"
		for i, d := range disclosed {
			s += fmt.Sprintf("X%d,Example Co. %d,card,confirmed,10,%s\n", i, i, d)
		}
		return s
	}
	for _, tc := range []struct {
		name    string
		csv     string
		args    []string
		status  int
		stderr  string // in stderr when the run fails
		folders int    // month folders written when it succeeds
	}{
		{"1970 to 2027 over the default", csvOf("1970-01-05", "2027-12-20"), nil, 1,
			"the disclosures run from 1970-01 to 2027-12, 696 months, more than the 240 allowed (--max-months 696 raises the limit)", 0},
		{"one month over --max-months", csvOf("2019-01-10", "2019-03-10"), []string{"--max-months", "2"}, 1,
			"from 2019-01 to 2019-03, 3 months, more than the 2 allowed", 0},
		{"at --max-months", csvOf("2019-01-10", "2019-03-10"), []string{"--max-months", "3"}, 0, "", 3},
		{"twenty years at the default", csvOf("2000-01-10", "2019-12-10"), nil, 0, "", 240},
		{"--max-months 0", csvOf("2019-01-10"), []string{"--max-months", "0"}, 2, "--max-months 0: give at least 1", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.folders > 12 && testing.Short() {
				t.Skip("writes many months")
			}
			in := filepath.Join(t.TempDir(), "in.csv")
			if err := os.WriteFile(in, []byte(tc.csv), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "out")
			r := runCmd(t, "", append([]string{"generate", "-i", in, "-o", out, "--all-months", "--as-of", "2030-01-01"}, tc.args...)...)
			if r.status != tc.status {
				t.Fatalf("exit %d, want %d\n%s%s", r.status, tc.status, r.stdout, r.stderr)
			}
			if tc.status != 0 {
				if !strings.Contains(r.stderr, tc.stderr) {
					t.Errorf("stderr %q, want it to contain %q", r.stderr, tc.stderr)
				}
				if _, err := os.Stat(out); !os.IsNotExist(err) {
					t.Errorf("the failed run left %s (stat: %v)", out, err)
				}
				return
			}
			entries, err := os.ReadDir(out)
			if err != nil {
				t.Fatal(err)
			}
			folders := 0
			for _, e := range entries {
				if e.IsDir() {
					folders++
				}
			}
			if folders != tc.folders {
				t.Errorf("%d month folders, want %d", folders, tc.folders)
			}
		})
	}
}

// monthName is the English name of month m (2019-06) as the pages write it: June 2019.
func monthName(t *testing.T, m string) string {
	t.Helper()
	d, err := time.Parse("2006-01", m)
	if err != nil {
		t.Fatal(err)
	}
	return d.Format("January 2006")
}
