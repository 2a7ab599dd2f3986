package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// TestSweepKilledLeftovers plants, in the output directory and in the folders a run writes
// into (chart pages, a period's chart pages, month folders), the temporary files and run
// folder a killed run leaves, with names this run does not write: the run removes them.
// A running process's temporary files and the user's files with like names stay.
func TestSweepKilledLeftovers(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("processes are not checked on Windows; old files are removed by age")
	}
	b, err := os.ReadFile(filepath.Join("examples", "japan-2024-06.csv"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		in   string
		dirs []string // relative to the output directory
	}{
		{name: "whole input", dirs: []string{".", chartDir}},
		{name: "period", args: []string{"--month", "2024-06"}, in: string(b), dirs: []string{".", "charts-2024-06"}},
		// 2019-03: an earlier run's month, which the data no longer reaches.
		{name: "all months", args: []string{"--all-months"}, in: monthsCSV(1, 2), dirs: []string{".", "2019-01", "2019-02", "2019-03"}},
	}
	dead := deadPID(t)
	type file struct {
		name string
		dir  bool
		gone bool
	}
	files := []file{
		{name: fmt.Sprintf(".breach-report.pptx.tmp-%d-1", dead), gone: true},
		{name: fmt.Sprintf(".cases.png.tmp-%d-1", dead), gone: true},
		{name: fmt.Sprintf(".breach-report.xlsx.tmp-%d-earlier", dead), gone: true},
		{name: fmt.Sprintf(".%s.tmp-%d-2", tempBase, dead), dir: true, gone: true},
		{name: fmt.Sprintf(".cases.png.tmp-%d-1", os.Getpid())}, // the run's own process
		{name: fmt.Sprintf(".cases.png.tmp-%d-1", os.Getppid())},
		{name: fmt.Sprintf(".%s.tmp-%d-3", tempBase, os.Getppid()), dir: true},
		{name: ".notes.tmp"},
		{name: "x.tmp-abc"},
		{name: fmt.Sprintf("notes.tmp-%d-1", dead)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			for _, d := range tt.dirs {
				for _, f := range files {
					p := filepath.Join(out, d, f.name)
					if f.dir {
						writeFile(t, filepath.Join(p, "excelize-1"), "sheet")
					} else {
						writeFile(t, p, "half")
					}
				}
			}
			args := append([]string{"generate", "-o", out, "--quiet"}, tt.args...)
			if tt.in != "" {
				args = append(args, "-i", "-")
			}
			if r := runCmd(t, tt.in, args...); r.status != 0 {
				t.Fatalf("exit %d\n%s", r.status, r.stderr)
			}
			for _, d := range tt.dirs {
				for _, f := range files {
					p := filepath.Join(d, f.name)
					_, err := os.Lstat(filepath.Join(out, p))
					if gone := os.IsNotExist(err); gone != f.gone {
						t.Errorf("%s: removed %v, want %v", p, gone, f.gone)
					}
				}
			}
		})
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
