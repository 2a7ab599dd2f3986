package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"breachreport/input"
	"breachreport/internal/clienttest"
)

// buildBinary builds the command into a temporary directory and returns its path.
func buildBinary(t *testing.T) string {
	t.Helper()
	clienttest.SkipShort(t, "building the binary")
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command to build the binary with: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "breachreport")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestKilledGenerate kills generate with SIGKILL while it writes the workbook, then checks
// that no output exists at its final path, and that the next run removes the temporary file
// the killed one left and writes complete outputs.
func TestKilledGenerate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is Unix")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	// 2,000 incidents: read in a fraction of a second, a workbook that takes much longer to
	// build and write.
	in := syntheticFile(t, filepath.Join(dir, "incidents.csv"), 2000)
	out := filepath.Join(dir, "out")

	cmd := exec.Command(bin, "generate", "-i", in, "-o", out)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it as soon as the workbook's temporary file is there, and no later than 20 s.
	var temp string
	deadline := time.Now().Add(20 * time.Second)
	for temp == "" && time.Now().Before(deadline) {
		entries, _ := os.ReadDir(out)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), "."+workbookName+".tmp-") {
				temp = e.Name()
			}
		}
		if temp == "" {
			time.Sleep(time.Millisecond)
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("kill: %v", err)
	}
	err := cmd.Wait()
	if temp == "" {
		t.Fatalf("no temporary workbook appeared in 20 s (generate ended with %v)", err)
	}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("generate was not killed mid-write: %v", cmd.ProcessState)
	}

	names := func() []string {
		entries, _ := os.ReadDir(out)
		var ns []string
		for _, e := range entries {
			ns = append(ns, e.Name())
		}
		return ns
	}
	for _, n := range names() {
		if n == workbookName || n == chartsName {
			t.Errorf("after the kill %s exists at its final path", n)
		}
	}
	for _, n := range names() {
		if n != temp && !strings.HasPrefix(n, "."+tempBase+".tmp-") {
			t.Errorf("after the kill the directory holds %s, want only the temporary %s and the run's temporary directory", n, temp)
		}
	}

	// The next run, here on the embedded sample, removes the stale file and writes both
	// outputs whole.
	if b, err := exec.Command(bin, "generate", "-o", out).CombinedOutput(); err != nil {
		t.Fatalf("second run: %v\n%s", err, b)
	}
	checkOutputDir(t, out, true, true)
}

// TestKilledRunTempFiles kills generate with SIGKILL while excelize holds a large sheet in its
// temporary files, then checks that they are in the run's own directory inside the output
// directory, not in TMPDIR, and that the next run removes them: no excelize file is left
// anywhere.
func TestKilledRunTempFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is Unix")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	// 60,000 incidents: an Incidents sheet past excelize's 16 MiB in memory.
	in := syntheticFile(t, filepath.Join(dir, "incidents.csv"), 60000)
	out, tmp := filepath.Join(dir, "out"), filepath.Join(dir, "tmp")
	if err := os.Mkdir(tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	excelizeFiles := func() []string {
		var found []string
		for _, root := range []string{out, tmp} {
			filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
				if err == nil && strings.HasPrefix(d.Name(), "excelize-") {
					found = append(found, p)
				}
				return nil
			})
		}
		return found
	}
	cmd := exec.Command(bin, "generate", "-i", in, "-o", out, "--quiet")
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var left []string
	for deadline := time.Now().Add(60 * time.Second); len(left) == 0 && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
		left = excelizeFiles()
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("kill: %v", err)
	}
	err := cmd.Wait()
	if len(left) == 0 {
		t.Fatalf("no excelize temporary file appeared in 60 s (generate ended with %v)", err)
	}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("generate was not killed mid-write: %v", cmd.ProcessState)
	}
	left = excelizeFiles()
	for _, p := range left {
		if rel, _ := filepath.Rel(out, p); !strings.HasPrefix(rel, "."+tempBase+".tmp-") {
			t.Errorf("excelize wrote %s, outside the run's directory in %s", p, out)
		}
	}
	t.Logf("the kill left %d excelize files, such as %s", len(left), left[0])

	// The next run, on the embedded sample, removes them.
	second := exec.Command(bin, "generate", "-o", out)
	second.Env = cmd.Env
	if b, err := second.CombinedOutput(); err != nil {
		t.Fatalf("second run: %v\n%s", err, b)
	}
	if left := excelizeFiles(); len(left) > 0 {
		t.Errorf("after the next run excelize files are left: %q", left)
	}
	if left := tempFiles(out); len(left) > 0 {
		t.Errorf("after the next run temporary files are left: %q", left)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) > 0 {
		t.Errorf("TMPDIR holds %s", entries[0].Name())
	}
	checkOutputDir(t, out, true, true)
}

// syntheticFile writes n synthetic incidents (seed 1) to path and returns it.
func syntheticFile(t *testing.T, path string, n int) string {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := input.WriteSynthetic(f, n, 1); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}
