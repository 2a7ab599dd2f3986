package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	if err := Write(path, 0o644, func(w io.Writer) error {
		_, err := io.WriteString(w, "complete")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "complete" {
		t.Fatalf("read back %q, %v; want %q", got, err, "complete")
	}

	// A failing writer leaves the old file untouched and no temp file behind.
	boom := errors.New("boom")
	err = Write(path, 0o644, func(w io.Writer) error {
		io.WriteString(w, "half")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want %v", err, boom)
	}
	got, _ = os.ReadFile(path)
	if string(got) != "complete" {
		t.Errorf("after a failed write the file holds %q, want the old %q", got, "complete")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %v, want only out.txt", names)
	}
}

func TestWriteMissingDir(t *testing.T) {
	err := Write(filepath.Join(t.TempDir(), "no", "such", "out.txt"), 0o644, func(io.Writer) error { return nil })
	if err == nil {
		t.Fatal("want an error for a missing directory")
	}
}

// deadPID returns the id of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

func TestRemoveStale(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("processes are not checked on Windows; old files are removed by age")
	}
	dir := t.TempDir()
	dead, self := deadPID(t), os.Getpid()
	files := map[string]bool{ // name → want it removed
		fmt.Sprintf(".out.txt.tmp-%d-123", dead): true,  // its writer was killed
		fmt.Sprintf(".out.txt.tmp-%d-456", self): false, // still being written
		".out.txt.tmp-789":                       false, // no process named, and new
		".out.txt.tmp-old":                       true,  // no process named, and old
		fmt.Sprintf(".other.txt.tmp-%d-1", dead): false, // another output's
		"out.txt":                                false, // the output itself
		fmt.Sprintf("out.txt.tmp-%d-1", dead):    false, // not Write's name
	}
	for name := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * time.Hour)
	if err := os.Chtimes(filepath.Join(dir, ".out.txt.tmp-old"), old, old); err != nil {
		t.Fatal(err)
	}
	removed := RemoveStale(dir, "out.txt")
	if len(removed) != 2 {
		t.Errorf("removed %v, want 2 files", removed)
	}
	for name, wantGone := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if gone := os.IsNotExist(err); gone != wantGone {
			t.Errorf("%s: removed %v, want %v", name, gone, wantGone)
		}
	}

	// Write removes them too, before it writes.
	stale := filepath.Join(dir, fmt.Sprintf(".out.txt.tmp-%d-999", dead))
	if err := os.WriteFile(stale, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(filepath.Join(dir, "out.txt"), 0o644, func(w io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("Write left the stale %s: %v", stale, err)
	}
}

// TestSweepStale: in a directory, the temporary files and directories of killed processes
// go whatever output they were for; a running process's, and names that are not wholly
// ".BASE.tmp-PID-REST" (which may be the user's), stay, however old.
func TestSweepStale(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("processes are not checked on Windows; old files are removed by age")
	}
	dead, self, parent := deadPID(t), os.Getpid(), os.Getppid()
	tests := []struct {
		name string
		dir  bool // a directory, holding a file
		gone bool
	}{
		{name: fmt.Sprintf(".breach-report.pptx.tmp-%d-1", dead), gone: true},
		{name: fmt.Sprintf(".cases.png.tmp-%d-123456", dead), gone: true},
		{name: fmt.Sprintf(".breach-report.xlsx.tmp-%d-earlier", dead), gone: true},
		{name: fmt.Sprintf(".breachreport.tmp-%d-42", dead), dir: true, gone: true},
		{name: fmt.Sprintf(".a.tmp-5-b.tmp-%d-1", dead), gone: true}, // the temporary file of "a.tmp-5-b"
		{name: fmt.Sprintf(".out.txt.tmp-%d-1", self)},
		{name: fmt.Sprintf(".out.txt.tmp-%d-1", parent)},
		{name: fmt.Sprintf(".breachreport.tmp-%d-7", parent), dir: true},
		{name: ".notes.tmp"},
		{name: "x.tmp-abc"},
		{name: fmt.Sprintf("out.txt.tmp-%d-1", dead)},   // no leading dot
		{name: fmt.Sprintf(".tmp-%d-1", dead)},          // no BASE
		{name: fmt.Sprintf(".out.txt.tmp-%d", dead)},    // no REST
		{name: fmt.Sprintf(".out.txt.tmp-%d-", dead)},   // empty REST
		{name: fmt.Sprintf(".out.txt.tmp-+%d-1", dead)}, // not a PID
		{name: ".out.txt.tmp-abc-1"},
		{name: ".out.txt.tmp-0-1"},
		{name: ".out.txt.tmp-old"},
	}
	dir := t.TempDir()
	old := time.Now().Add(-2 * staleAge)
	for _, tt := range tests {
		p := filepath.Join(dir, tt.name)
		if tt.dir {
			if err := os.Mkdir(p, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(p, "excelize-1"), nil, 0o644); err != nil {
				t.Fatal(err)
			}
		} else if err := os.WriteFile(p, []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
		// Old enough for RemoveStale's fallback: SweepStale must not use it for them.
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	removed := SweepStale(dir)
	want := 0
	for _, tt := range tests {
		_, err := os.Stat(filepath.Join(dir, tt.name))
		if gone := os.IsNotExist(err); gone != tt.gone {
			t.Errorf("%s: removed %v, want %v", tt.name, gone, tt.gone)
		}
		if tt.gone {
			want++
		}
	}
	if len(removed) != want {
		t.Errorf("says it removed %q, want %d", removed, want)
	}
}

// TestWriteTempName checks that the temporary file names the writing process, which
// RemoveStale relies on.
func TestWriteTempName(t *testing.T) {
	dir := t.TempDir()
	var seen []string
	err := Write(filepath.Join(dir, "out.txt"), 0o644, func(io.Writer) error {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			seen = append(seen, e.Name())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf(".out.txt.tmp-%d-", os.Getpid())
	if len(seen) != 1 || !strings.HasPrefix(seen[0], want) {
		t.Errorf("while writing the directory held %v, want one file named %s…", seen, want)
	}
}

// TestWriteLocked plays Windows refusing to replace a file another program holds open:
// Write returns a *LockedError for the path, leaves the file as it was and removes its
// temporary file. It also writes under a Japanese directory and file name.
func TestWriteLocked(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "顧客レポート")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "漏えい報告.xlsx")
	if err := Write(path, 0o644, func(w io.Writer) error { _, err := io.WriteString(w, "old"); return err }); err != nil {
		t.Fatalf("writing under a Japanese name: %v", err)
	}
	sharing := syscall.Errno(32) // ERROR_SHARING_VIOLATION
	defer func(r func(string, string) error, l func(error) bool) { rename, isLocked = r, l }(rename, isLocked)
	rename = func(old, new string) error { return &os.LinkError{Op: "rename", Old: old, New: new, Err: sharing} }
	isLocked = func(err error) bool { return errors.Is(err, sharing) }

	err := Write(path, 0o644, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err })
	var le *LockedError
	if !errors.As(err, &le) || le.Path != path || !errors.Is(err, sharing) {
		t.Fatalf("Write = %v, want a *LockedError for %s wrapping the sharing violation", err, path)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("the file holds %q, want it left as it was", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the directory holds %d files, want the file alone", len(entries))
	}
}

// TestStage checks that a staged file is at its temporary name only, until Commit puts it
// in place or Discard removes it, the file at the path staying as it was meanwhile.
func TestStage(t *testing.T) {
	for _, commit := range []bool{true, false} {
		t.Run(fmt.Sprintf("commit=%v", commit), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.txt")
			if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
			p, err := Stage(path, 0o644, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err })
			if err != nil {
				t.Fatal(err)
			}
			if b, _ := os.ReadFile(path); string(b) != "old" {
				t.Errorf("staged: the file holds %q, want the old one", b)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 2 {
				t.Errorf("staged: the directory holds %d files, want the file and the staged one", len(entries))
			}
			want := "old"
			if commit {
				want = "new"
				if err := p.Commit(); err != nil {
					t.Fatal(err)
				}
			} else {
				p.Discard()
			}
			if b, _ := os.ReadFile(path); string(b) != want {
				t.Errorf("the file holds %q, want %q", b, want)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("the directory holds %d files, want the file alone", len(entries))
			}
		})
	}
}

// TestMkdirTemp: the directory names the process; a killed process's directory goes, with
// what it holds, when the next one is made; a running one's stays.
func TestMkdirTemp(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("processes are not checked on Windows; old directories are removed by age")
	}
	dir := t.TempDir()
	stale := filepath.Join(dir, fmt.Sprintf(".excelize.tmp-%d-1", deadPID(t)))
	live := filepath.Join(dir, fmt.Sprintf(".excelize.tmp-%d-2", os.Getppid()))
	for _, d := range []string{stale, live} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "excelize-123"), []byte("sheet"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := MkdirTemp(dir, "excelize")
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf(".excelize.tmp-%d-", os.Getpid()); !strings.HasPrefix(filepath.Base(got), want) {
		t.Errorf("made %s, want a name starting %s", got, want)
	}
	if st, err := os.Stat(got); err != nil || !st.IsDir() {
		t.Errorf("%s is no directory: %v", got, err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the killed process's %s stays: %v", stale, err)
	}
	if _, err := os.Stat(filepath.Join(live, "excelize-123")); err != nil {
		t.Errorf("the running process's directory was emptied: %v", err)
	}
}

// TestCommitAll puts a set in place over an earlier one: a.txt replaced, b.txt (the earlier
// set's, not written again) removed, c.txt new, other.txt (no file of the set) kept. When a
// step fails, the directory holds the earlier set exactly and no temporary file.
func TestCommitAll(t *testing.T) {
	sharing := syscall.Errno(32)
	boom := errors.New("boom")
	tests := []struct {
		name string
		// fail makes the rename from or to a path ending in it fail with err.
		fail string
		err  error
		dir  bool // b.txt is a directory
		want string
	}{
		{name: "put in place"},
		{name: "a new file cannot be renamed in", fail: "c.txt", err: boom, want: "boom"},
		{name: "an earlier file is held open", fail: "b.txt", err: sharing, want: "another program has it open"},
		{name: "a directory in the way", dir: true, want: "is a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			earlier := map[string]string{"a.txt": "old a", "other.txt": "mine"}
			if !tt.dir {
				earlier["b.txt"] = "old b"
			}
			for n, text := range earlier {
				if err := os.WriteFile(filepath.Join(dir, n), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if tt.dir {
				if err := os.MkdirAll(filepath.Join(dir, "b.txt", "x"), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			var staged []*Pending
			for _, n := range []string{"a.txt", "c.txt"} {
				p, err := Stage(filepath.Join(dir, n), 0o644, func(w io.Writer) error { _, err := io.WriteString(w, "new "+n); return err })
				if err != nil {
					t.Fatal(err)
				}
				staged = append(staged, p)
			}
			defer func(r func(string, string) error, l func(error) bool) { rename, isLocked = r, l }(rename, isLocked)
			isLocked = func(err error) bool { return errors.Is(err, sharing) }
			rename = func(from, to string) error {
				if tt.fail != "" && (strings.HasSuffix(to, tt.fail) || strings.HasSuffix(from, tt.fail)) {
					return &os.LinkError{Op: "rename", Old: from, New: to, Err: tt.err}
				}
				return os.Rename(from, to)
			}
			removed, err := CommitAll(staged, []string{filepath.Join(dir, "b.txt")})
			want := map[string]string{"a.txt": "new a.txt", "c.txt": "new c.txt", "other.txt": "mine"}
			if tt.want != "" {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("err = %v, want one saying %q", err, tt.want)
				}
				want = earlier
				if tt.dir {
					want["b.txt/x"] = ""
				}
			} else if err != nil || len(removed) != 1 || removed[0] != filepath.Join(dir, "b.txt") {
				t.Fatalf("CommitAll = %v, %v; want b.txt removed", removed, err)
			}
			got := map[string]string{}
			filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
				rel, _ := filepath.Rel(dir, p)
				if err != nil || rel == "." {
					return err
				}
				if d.IsDir() {
					if entries, _ := os.ReadDir(p); len(entries) == 0 {
						got[rel] = ""
					}
					return nil
				}
				b, _ := os.ReadFile(p)
				got[rel] = string(b)
				return nil
			})
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("the directory holds %v, want %v", got, want)
			}
		})
	}
}
