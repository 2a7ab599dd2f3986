package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// unwritableDir returns a directory that exists but in which this process cannot create a
// file, and the system's reason. A directory without write permission serves when not
// running as root; root writes there anyway, so it takes /sys (sysfs, where nobody creates
// files) instead; with neither, the test is skipped.
func unwritableDir(t *testing.T) (dir, why string) {
	t.Helper()
	ro := filepath.Join(t.TempDir(), "read-only")
	if err := os.Mkdir(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(ro, 0o755) })
	for _, d := range []string{ro, "/sys"} {
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			continue
		}
		f, err := os.CreateTemp(d, ".probe-*")
		if err == nil {
			f.Close()
			os.Remove(f.Name())
			continue
		}
		return d, reason(err).Error()
	}
	t.Skip("no directory found that this process cannot write to (root, and no /sys)")
	return "", ""
}

// TestOutputDirChecked checks that generate stops before reading its input when the outputs
// cannot be written: a directory it may not write to, and a path under a regular file. The
// input named does not exist, so an error about it would show that it was read first.
func TestOutputDirChecked(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-input.csv")
	dir, why := unwritableDir(t)
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, out, want string }{
		{"not writable", dir, "breachreport: output directory " + dir + " is not writable: " + why + "\n"},
		{"not writable, to be created below", filepath.Join(dir, "sub"), "breachreport: output directory " + filepath.Join(dir, "sub") + " cannot be created: "},
		{"under a regular file", filepath.Join(file, "out"), "breachreport: output directory " + filepath.Join(file, "out") + " cannot be created: not a directory\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := runCmd(t, "", "generate", "-i", missing, "-o", tt.out)
			if r.status != 1 || r.stdout != "" || !strings.HasPrefix(r.stderr, tt.want) || strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("exit %d, stdout %q, stderr %q; want 1, nothing and %q", r.status, r.stdout, r.stderr, tt.want)
			}
		})
	}
	if why == "" {
		t.Error("no reason given for the directory not writable")
	}
}

// TestOutputDirCreated checks the directory generate creates: with its missing parents when
// the run writes, holding only the outputs (no probe file); removed again, parents included,
// when the run fails before writing; and a directory that was there is left as it was.
func TestOutputDirCreated(t *testing.T) {
	base := t.TempDir()
	out := filepath.Join(base, "a", "b", "out")
	if r := runCmd(t, "", "generate", "-o", out); r.status != 0 {
		t.Fatalf("exit %d: %s", r.status, r.stderr)
	}
	checkOutputDir(t, out, true, true)

	missing := filepath.Join(base, "no-such-input.csv")
	failed := filepath.Join(base, "c", "d", "out")
	r := runCmd(t, "", "generate", "-i", missing, "-o", failed)
	if r.status != 1 || !strings.HasPrefix(r.stderr, "breachreport: reading input: open "+missing) {
		t.Errorf("exit %d, stderr %q; want 1 and the input's error", r.status, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(base, "c")); !os.IsNotExist(err) {
		t.Errorf("a failed run left the directories it created: %v", err)
	}

	kept := filepath.Join(base, "kept")
	if err := os.MkdirAll(kept, 0o755); err != nil {
		t.Fatal(err)
	}
	if r := runCmd(t, "", "generate", "-i", missing, "-o", kept); r.status != 1 {
		t.Errorf("exit %d, want 1", r.status)
	}
	if st, err := os.Stat(kept); err != nil || !st.IsDir() {
		t.Errorf("a failed run removed the output directory that was there: %v", err)
	}
	if names := outputFiles(t, kept); len(names) != 0 {
		t.Errorf("a failed run left %q", names)
	}
}

// TestRowLimit lowers the most data rows of a sheet and checks that generate stops after
// reading, before writing anything, naming the input, the rows and the limit; for a
// period, on the period's incidents; for --all-months, on each month's.
// testdata/period.csv has 8 incidents of one scope each and one warning; 2019-06 has 2
// (A and B), and no month has more.
func TestRowLimit(t *testing.T) {
	const in = "testdata/period.csv"
	const tail = " rows a workbook holds: the Incidents sheet continues over at most 16 sheets of 1,048,575 rows; report on part of the input or split the file (--month or --from/--to report on part of the input)\n"
	for _, tt := range []struct {
		name  string
		limit int
		args  []string
		want  string // the error; "" for a run that writes
	}{
		{"whole input over", 7, nil, "breachreport: " + in + ": 8 incidents, more than the 7" + tail},
		{"whole input fits", 8, nil, ""},
		{"month fits", 2, []string{"--month", "2019-06"}, ""},
		{"month over", 1, []string{"--month", "2019-06"}, "breachreport: " + in + ": 2 incidents, more than the 1" + tail},
		{"every month fits", 2, []string{"--all-months"}, ""},
		{"a month over", 1, []string{"--all-months"}, "breachreport: --all-months, 2019-06: " + in + ": 2 incidents, more than the 1" + tail},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			var errb bytes.Buffer
			stdout, status := runEnv(t, env{maxDataRows: tt.limit}, &errb, append([]string{"generate", "-i", in, "-o", out}, tt.args...)...)
			if tt.want == "" {
				if status != 0 || len(outputFiles(t, out)) == 0 {
					t.Errorf("exit %d, %d files written; want 0 and the outputs\n%s", status, len(outputFiles(t, out)), errb.String())
				}
				return
			}
			if status != 1 || stdout != "" || errb.String() != tt.want {
				t.Errorf("exit %d, stdout %q, stderr %q\nwant 1, nothing and %q", status, stdout, errb.String(), tt.want)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("the output directory is there: %v; want nothing written", err)
			}
		})
	}
}

// TestOutputsNotThroughSymlinks plants a symbolic link where generate would write a
// directory (-o itself, its charts folder, a period's pages, a month of --all-months) and
// checks that the run refuses before writing anything, and that nothing lands where the link
// points. A link above -o is the user's own path and is followed.
func TestOutputsNotThroughSymlinks(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in.csv")
	csvText := "incident_id,organization,records,disclosed\nA,Example Co. A,10,2019-05-04\nB,Example Co. B,20,2019-06-30\n"
	if err := os.WriteFile(in, []byte(csvText), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		link string // the link, under the test's root; its target is root/target
		o    string // -o, under the root
		args []string
		ok   bool
	}{
		{"-o is a link", "out", "out", nil, false},
		{"-o is a link, with a trailing slash", "out", "out/", nil, false},
		{"charts is a link", "out/charts", "out", nil, false},
		{"a period's pages are a link", "out/charts-2019-06", "out", []string{"--month", "2019-06"}, false},
		{"a month of --all-months is a link", "out/2019-06", "out", []string{"--all-months"}, false},
		{"a link above -o", "above", "above/out", nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			target := filepath.Join(root, "target")
			if err := os.Mkdir(target, 0o755); err != nil {
				t.Fatal(err)
			}
			link := filepath.Join(root, tc.link)
			if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(target, link); err != nil {
				t.Skipf("no symbolic links here: %v", err)
			}
			out := filepath.Join(root, tc.o)
			r := runCmd(t, "", append([]string{"generate", "-i", in, "-o", out, "--lang", "en"}, tc.args...)...)
			if tc.ok {
				if r.status != 0 {
					t.Fatalf("exit %d\n%s", r.status, r.stderr)
				}
				return
			}
			want := "output directory " + link + " is a symbolic link (to " + target + "): outputs are not written through one"
			if r.status != 1 || !strings.Contains(r.stderr, want) {
				t.Fatalf("exit %d, stderr %q; want 1 and %q", r.status, r.stderr, want)
			}
			if entries, _ := os.ReadDir(target); len(entries) > 0 {
				t.Errorf("%d files written through the link", len(entries))
			}
			if entries, _ := os.ReadDir(filepath.Join(root, "out")); len(entries) > 1 {
				t.Errorf("the refused run wrote into out: %d entries beside the link", len(entries)-1)
			}
		})
	}
}
