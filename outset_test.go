package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"breachreport/charts"
	"breachreport/internal/clienttest"
)

// monthsCSV is an input with one incident disclosed in each of the given months of 2019.
func monthsCSV(months ...int) string {
	var b strings.Builder
	b.WriteString("incident_id,organization,records,disclosed\n")
	for _, m := range months {
		fmt.Fprintf(&b, "m%d,Org %d,%d,2019-%02d-10\n", m, m, m*100, m)
	}
	return b.String()
}

// TestOutputSet replaces an earlier run's outputs with a run that is interrupted, or fails,
// after each file it writes: the directory then holds exactly the earlier set. The same run
// left to finish leaves exactly the set it writes into an empty directory: every earlier
// file of the set replaced or removed (a deck, images and pages it does not write, months
// no longer in the data), files that are not the set's kept.
func TestOutputSet(t *testing.T) {
	noChromium := map[string]string{charts.ChromiumEnv: "/nonexistent/chromium"}
	b, err := os.ReadFile(filepath.Join("examples", "japan-2024-06.csv"))
	if err != nil {
		t.Fatal(err)
	}
	japan := string(b)
	tests := []struct {
		name     string
		old, new []string // generate's arguments of the earlier run and of this one
		oldIn    string   // the earlier run's input (standard input), if not the sample
		newIn    string
		vars     map[string]string
		plant    []string // files put in the output directory after the earlier run
		status   int      // this run's exit status when it finishes
		chromium bool     // makes images: not with -short
		// deckAs, when set, are the arguments of a run that writes the same deck as this one.
		deckAs []string
	}{
		{name: "whole input", old: []string{"--pptx", "--title", "Old"}, new: []string{"--title", "New"},
			plant: []string{"charts/records.png", "charts/records.svg", "charts/retired-chart.html"}},
		{name: "period with deck", old: []string{"--month", "2024-06", "--title", "Old"},
			new: []string{"--month", "2024-06", "--title", "New", "--pptx"}, oldIn: japan, newIn: japan},
		{name: "all months", old: []string{"--all-months"}, new: []string{"--all-months", "--title", "New"},
			oldIn: monthsCSV(1, 2, 3, 5), newIn: monthsCSV(2, 3)},
		{name: "images and deck", old: []string{"--title", "Old", "--images", "svg"}, new: []string{"--title", "New", "--images", "png", "--pptx"},
			chromium: true},
		{name: "images without Chromium", old: []string{"--title", "Old"}, new: []string{"--title", "New", "--images", "png"},
			vars: noChromium, plant: []string{"charts/timeline.png"}, status: 1},
		// The deck is still written, as without --images: no timeline slide, and why.
		{name: "images and deck without Chromium", old: []string{"--title", "Old", "--pptx"}, new: []string{"--title", "New", "--images", "png", "--pptx"},
			vars: noChromium, plant: []string{"charts/timeline.png"}, status: 1, deckAs: []string{"--title", "New", "--pptx"}},
	}
	// Files of the user's, which no run may touch.
	user := []string{"notes.txt", "charts/README.txt", "2019-01/my-notes.txt"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.chromium {
				clienttest.SkipShort(t, "Chromium making the images")
			}
			getenv := func(k string) string {
				if k == langEnv {
					return "en"
				}
				return tt.vars[k]
			}
			gen := func(dir, in string, args []string, fault func(string, context.CancelFunc)) (result, []string) {
				t.Helper()
				if in != "" {
					args = append([]string{"-i", "-"}, args...)
				}
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				var stdout, stderr bytes.Buffer
				var staged []string
				err := run(ctx, append([]string{"generate", "-o", dir, "--quiet"}, args...), env{
					stdin: strings.NewReader(in), stdout: &stdout, stderr: &stderr, getenv: getenv,
					now: func() time.Time { return fixedNow },
					fault: func(stage string) {
						if p, ok := strings.CutPrefix(stage, "staged "); ok {
							staged = append(staged, p)
							if fault != nil {
								fault(p, cancel)
							}
						}
					},
				})
				return result{stdout.String(), stderr.String(), exitCode(err, &stderr)}, staged
			}
			// The set this run writes into an empty directory.
			fresh := filepath.Join(t.TempDir(), "out")
			r, staged := gen(fresh, tt.newIn, tt.new, nil)
			if r.status != tt.status {
				t.Fatalf("into an empty directory: exit %d, want %d\n%s", r.status, tt.status, r.stderr)
			}
			want := snapshot(t, fresh)
			if len(staged) < 2 || len(want) != len(staged) {
				t.Fatalf("%d files staged, %d written: %q", len(staged), len(want), staged)
			}
			if tt.deckAs != nil {
				as := filepath.Join(t.TempDir(), "as")
				if r, _ := gen(as, tt.newIn, tt.deckAs, nil); r.status != 0 {
					t.Fatalf("%q: exit %d\n%s", tt.deckAs, r.status, r.stderr)
				}
				deck, ok := want[deckName]
				if !ok || deck != snapshot(t, as)[deckName] {
					t.Errorf("%s written %v, not the deck of %q", deckName, ok, tt.deckAs)
				}
				if why := "this run wrote no PNG"; !strings.Contains(r.stderr, why) {
					t.Errorf("stderr does not say %q:\n%s", why, r.stderr)
				}
			}

			// The earlier set, with the user's files.
			old := filepath.Join(t.TempDir(), "old")
			if r, _ := gen(old, tt.oldIn, tt.old, nil); r.status != 0 {
				t.Fatalf("earlier run: exit %d\n%s", r.status, r.stderr)
			}
			for _, p := range append(append([]string{}, tt.plant...), user...) {
				writeFile(t, filepath.Join(old, p), "earlier "+p)
			}
			before := snapshot(t, old)

			// Interrupted after the first, a middle and the last file staged; a panic after
			// the second.
			points := []struct {
				after int
				panic bool
			}{{1, false}, {len(staged) / 2, false}, {len(staged), false}, {2, true}}
			for _, pt := range points {
				dir := filepath.Join(t.TempDir(), "out")
				copyDir(t, old, dir)
				n := 0
				r, _ := gen(dir, tt.newIn, tt.new, func(_ string, cancel context.CancelFunc) {
					if n++; n == pt.after {
						if pt.panic {
							panic("boom")
						}
						cancel()
					}
				})
				wantStatus := 130
				if pt.panic {
					wantStatus = 3
				}
				if r.status != wantStatus {
					t.Errorf("stopped after %d of %d files (panic %v): exit %d, want %d\n%s", pt.after, len(staged), pt.panic, r.status, wantStatus, r.stderr)
				}
				if strings.Contains(r.stdout, "wrote ") {
					t.Errorf("stopped after %d files: stdout says it wrote:\n%s", pt.after, r.stdout)
				}
				compareSets(t, fmt.Sprintf("stopped after %d of %d files (panic %v)", pt.after, len(staged), pt.panic), snapshot(t, dir), before)
			}

			// Left to finish: the new set, and the user's files.
			dir := filepath.Join(t.TempDir(), "out")
			copyDir(t, old, dir)
			r, _ = gen(dir, tt.newIn, tt.new, nil)
			if r.status != tt.status {
				t.Errorf("over the earlier set: exit %d, want %d\n%s", r.status, tt.status, r.stderr)
			}
			got := snapshot(t, dir)
			for _, p := range user {
				if _, ok := before[p]; !ok {
					continue // in a month folder the earlier run did not write
				}
				if got[p] != before[p] {
					t.Errorf("the user's %s was changed or removed", p)
				}
				delete(got, p)
			}
			compareSets(t, "finished", got, want)
			for p := range before {
				if _, kept := want[p]; !kept && !slices.Contains(user, p) && !strings.Contains(r.stdout, "removed "+filepath.Join(dir, p)) {
					t.Errorf("stdout does not say %s was removed:\n%s", p, r.stdout)
				}
			}
		})
	}
}

// snapshot returns every file below dir (no temporary file or directory may be left) by its
// path relative to dir, with its content; the workbooks' and decks' content by their size
// and a hash would do, but the bytes are small enough.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	for _, p := range outputFiles(t, dir) {
		if strings.Contains(p, ".tmp-") {
			t.Errorf("temporary file left: %s", p)
		}
		b, err := os.ReadFile(filepath.Join(dir, p))
		if err != nil {
			t.Fatal(err)
		}
		files[p] = string(b)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary directory left: %s", e.Name())
		}
	}
	return files
}

// compareSets reports the files of got missing from want, extra, or different.
func compareSets(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	for p, b := range want {
		g, ok := got[p]
		switch {
		case !ok:
			t.Errorf("%s: %s is missing", what, p)
		case g != b:
			t.Errorf("%s: %s is not the file expected (%d bytes, want %d)", what, p, len(g), len(b))
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: %s should not be there", what, p)
		}
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// copyDir copies the files below from into to.
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	for _, p := range outputFiles(t, from) {
		b, err := os.ReadFile(filepath.Join(from, p))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(to, p), string(b))
	}
}

// TestOutputSetWriteError: a file of the set that cannot be put in place (here a folder of
// the user's where a chart page goes) fails the run, exit 1 with the reason, and leaves the
// earlier outputs exactly as they were.
func TestOutputSetWriteError(t *testing.T) {
	out := t.TempDir()
	if r := runCmd(t, "", "generate", "-o", out, "--title", "Old"); r.status != 0 {
		t.Fatalf("earlier run: exit %d\n%s", r.status, r.stderr)
	}
	page := filepath.Join(out, chartDir, "records.html")
	if err := os.Remove(page); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(page, "mine.txt"), "mine")
	before := snapshot(t, out)
	r := runCmd(t, "", "generate", "-o", out, "--title", "New")
	if r.status != 1 || !strings.Contains(r.stderr, page+" is a directory") {
		t.Errorf("exit %d, stderr %q; want 1 and the folder named", r.status, r.stderr)
	}
	if strings.Contains(r.stdout, "wrote ") {
		t.Errorf("stdout says it wrote:\n%s", r.stdout)
	}
	compareSets(t, "after the failure", snapshot(t, out), before)
}
