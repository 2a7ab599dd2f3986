package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"breachreport/data"
	"breachreport/i18n"
	"breachreport/input"
)

// TestSpoolMatchesHeld checks that the issues validate --format json and csv list from the
// spool are, for inputs under the cap, exactly the issues the report holds, in the same
// order and completed the same way (columns located, incident ids renamed): inputs whose
// issues come from every stage, a kind found by two stages, and rows of one incident apart,
// which make the builder find the grouping's issues again.
func TestSpoolMatchesHeld(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	inputs := map[string]string{
		"bad rows":   "testdata/bad-rows.csv",
		"consultant": "testdata/consultant.csv",
		"renamed":    "testdata/disclosed-renamed.csv",
		"total rows": "testdata/total-rows.csv",
		"title row":  "testdata/title-row.csv",
		"seed typo":  "testdata/seed-typo.csv",
		"bidi in header and rows": write("bidi.csv", "incident_id,organization,notes\u202e\n"+
			"A,Example\u202e Corp,x\nB,Other,y\u202e\n"),
		// A's rows are apart: its conflict and B's are found again at the end.
		"rows apart": write("apart.csv", "incident_id,organization,records,disclosed\n"+
			"A,Example,10,2024-01-05\nA,Exampel Corp,20,2024-01-06\nB,Other,x,2024-02-01\nB,Othre,5,2024-02-02\n"+
			"A,Third,30,2024-01-07\nC,Late,,2023-13-01\n"),
	}
	// A mapping's joined id: rows apart that differ give a conflict warning of the figures'
	// stage, besides the grouping's.
	joined, err := input.ParseMapping(strings.NewReader(`date_order = "mdy"
[fields]
incident_id = { columns = ["Entity", "Submitted"] }
organization = "Entity"
disclosed = "Submitted"
records = "Affected"
`), "joined.toml")
	if err != nil {
		t.Fatal(err)
	}
	inputs["joined ids"] = write("joined.csv", "Entity,Submitted,Affected\nA,01/02/2020,10\nB,01/02/2020,5\nA,01/02/2020,20\nA,01/02/2020,x\n")
	for name, path := range inputs {
		t.Run(name, func(t *testing.T) {
			opts := input.Options{}
			if name == "joined ids" {
				opts.Mapping = joined
			}
			e := env{now: func() time.Time { return fixedNow }, stdin: strings.NewReader("")}
			e.spool = newIssueSpool(i18n.En)
			defer e.spool.close()
			rep, _, _, err := load(context.Background(), path, opts, e)
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Omitted) != 0 {
				t.Fatalf("issues omitted: %v", rep.Omitted)
			}
			held, spooled := collectIssues(t, heldIssues(rep, i18n.En)), collectIssues(t, e.spool.source(rep))
			if len(held) == 0 {
				t.Fatal("no issues: the input tests nothing")
			}
			if name == "joined ids" && !slices.ContainsFunc(held, func(r issueRow) bool { return strings.Contains(r.Message, "give the same incident id") }) {
				t.Errorf("no warning of the joined ids: %v", held)
			}
			if !reflect.DeepEqual(spooled, held) {
				for i := range max(len(held), len(spooled)) {
					var h, s issueRow
					if i < len(held) {
						h = held[i]
					}
					if i < len(spooled) {
						s = spooled[i]
					}
					if h != s {
						t.Errorf("issue %d:\nspooled %+v\n   held %+v", i, s, h)
					}
				}
			}
		})
	}
}

func collectIssues(t *testing.T, src issueSource) []issueRow {
	t.Helper()
	var rows []issueRow
	if err := src(func(r issueRow) error { rows = append(rows, r); return nil }); err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestIssueCap runs validate and generate on an input with more warnings of one kind than
// the cap (rows without an incident id) and more of another (dates that do not parse), and
// checks that the text output and stderr say how many more there were, in both languages,
// that the counts stay whole, and that --format json and csv list every one.
func TestIssueCap(t *testing.T) {
	const extra = 7
	rows := data.IssueCap + extra
	var b strings.Builder
	b.WriteString("organization,disclosed\n")
	for i := range rows {
		fmt.Fprintf(&b, "Example %d,2024-13-%02d\n", i, i%28+1)
	}
	in := b.String()
	n := rows * 2 // an id warning and a date warning each
	for _, c := range []struct {
		name string
		env  func(string) string
		args []string
		// out is what stdout must hold, err what stderr must hold.
		out, err []string
	}{
		{"validate, English", englishEnv, []string{"validate", "-i", "-"},
			[]string{fmt.Sprintf("incident-id (%d):", rows), fmt.Sprintf("date (%d):", rows),
				fmt.Sprintf("standard input: %d more issues of kind incident id were counted but not listed (the first %d of each kind are): validate --format csv lists every one", extra, data.IssueCap),
				fmt.Sprintf("%d rows read, %d used, 0 rejected; %d incidents; %d warnings", rows, rows, rows, n)}, nil},
		{"validate, Japanese", japaneseEnv, []string{"validate", "-i", "-"},
			[]string{fmt.Sprintf("標準入力: 種類「事案ID」の不備はほかに%d件あり、件数だけを数えて一覧には載せていません（各種類の最初の%d件まで載せます）。validate --format csv ですべてを出力できます", extra, data.IssueCap)}, nil},
		{"generate, English", englishEnv, []string{"generate", "-i", "-", "-o", t.TempDir(), "--as-of", "2026-01-01"},
			[]string{fmt.Sprintf("%d warnings", n)},
			[]string{fmt.Sprintf("standard input: %d more issues of kind date were counted but not listed", extra)}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := runCmdEnv(t, c.env, in, c.args...)
			if r.status != 0 {
				t.Fatalf("exit status %d:\n%s", r.status, tail(r.stderr))
			}
			for _, s := range c.out {
				if !strings.Contains(r.stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, tail(r.stdout))
				}
			}
			for _, s := range c.err {
				if !strings.Contains(r.stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, tail(r.stderr))
				}
			}
		})
	}
	t.Run("csv and json list every one", func(t *testing.T) {
		csvOut := runCmd(t, in, "validate", "-i", "-", "--format", "csv")
		jsonOut := runCmd(t, in, "validate", "-i", "-", "--format", "json")
		if csvOut.status != 0 || jsonOut.status != 0 {
			t.Fatalf("exit status %d and %d", csvOut.status, jsonOut.status)
		}
		if got := len(readValidationCSV(t, csvOut.stdout)); got != n {
			t.Errorf("the CSV table has %d issues, want %d", got, n)
		}
		var v validationJSON
		if err := json.Unmarshal([]byte(jsonOut.stdout), &v); err != nil {
			t.Fatal(err)
		}
		if len(v.Issues) != n || v.Warnings != n {
			t.Errorf("JSON: %d issues, %d warnings; want %d", len(v.Issues), v.Warnings, n)
		}
		// By kind, each kind's by line.
		for i := 1; i < len(v.Issues); i++ {
			a, b := v.Issues[i-1], v.Issues[i]
			if a.Kind == b.Kind && a.Line >= b.Line {
				t.Fatalf("issue %d (%s, line %d) after line %d", i, b.Kind, b.Line, a.Line)
			}
		}
		checkCSVMatchesJSON(t, csvOut.stdout, jsonOut.stdout)
	})
}

// TestIssueLogCap checks what data.IssueLog holds and counts.
func TestIssueLogCap(t *testing.T) {
	for _, c := range []struct {
		name    string
		cap     int
		kinds   []data.Kind
		held    int
		omitted map[data.Kind]int
	}{
		{"under", 3, []data.Kind{data.KindDate, data.KindDate, data.KindCount}, 3, map[data.Kind]int{}},
		{"at", 2, []data.Kind{data.KindDate, data.KindDate, data.KindCount}, 3, map[data.Kind]int{}},
		{"over, per kind", 1, []data.Kind{data.KindDate, data.KindDate, data.KindCount, data.KindDate}, 2, map[data.Kind]int{data.KindDate: 2}},
		{"none held", -1, []data.Kind{data.KindDate, data.KindCount}, 0, map[data.Kind]int{data.KindDate: 1, data.KindCount: 1}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var seen int
			l := data.IssueLog{Cap: c.cap, Each: func(int, data.Issue) { seen++ }}
			for i, k := range c.kinds {
				l.Add(data.Issue{Kind: k, Line: i + 1})
			}
			if len(l.Issues) != c.held {
				t.Errorf("held %d, want %d", len(l.Issues), c.held)
			}
			for k, n := range c.omitted {
				if got := l.Omitted.Of(k, data.Warning); got != n {
					t.Errorf("omitted %s: %d, want %d", k, got, n)
				}
			}
			if got := l.Omitted.Severity(data.Warning); got != len(c.kinds)-c.held {
				t.Errorf("omitted %d in all, want %d", got, len(c.kinds)-c.held)
			}
			if seen != len(c.kinds) {
				t.Errorf("Each saw %d, want every one, %d", seen, len(c.kinds))
			}
		})
	}
}
