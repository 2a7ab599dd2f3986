package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"breachreport/data"
)

// TestQuickStart runs the commands of the README's quick starts and install block, in order,
// as a new user pastes them into a fresh directory: every `go run .` line must succeed
// (in-process; `go test` lines are left out, and so is --images, which needs Chromium and
// has tests of its own). The Japanese quick start must also list every column under its
// Japanese names.
func TestQuickStart(t *testing.T) {
	repo, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		file, heading string
		wrote         []string // files the block must leave
	}{
		{"README.md", "## Quick start", []string{"out/breach-report.xlsx", "incidents.xlsx", "out/breach-report-2019-06.xlsx", "out/charts-2019-06.html"}},
		{"README.md", "## Install", []string{"out/breach-report.xlsx", "incidents.csv", "out/breach-report-2019-06.xlsx", "out/2019-06/breach-report-2019-06.xlsx", "out/index.html"}},
		{"README.ja.md", "## クイックスタート", []string{"out/breach-report.xlsx", "事案一覧.xlsx", "out/breach-report-2019-06.xlsx"}},
	} {
		t.Run(tt.file+" "+tt.heading, func(t *testing.T) {
			text, err := os.ReadFile(filepath.Join(repo, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			lines := shellBlock(t, string(text), tt.heading)
			t.Chdir(t.TempDir())
			ran := 0
			for _, line := range lines {
				args, stdoutFile, ok := goRunArgs(line)
				if !ok {
					continue
				}
				var stdout, stderr bytes.Buffer
				err := run(context.Background(), args, env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr,
					getenv: func(string) string { return "" }, now: time.Now})
				if code := exitCode(err, &stderr); code != 0 {
					t.Fatalf("%s: exit %d\n%s%s", line, code, stdout.String(), stderr.String())
				}
				if stdoutFile != "" {
					if err := os.WriteFile(stdoutFile, stdout.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				ran++
			}
			if ran < 3 {
				t.Errorf("%d commands run from the block, want at least 3", ran)
			}
			for _, f := range tt.wrote {
				if _, err := os.Stat(f); err != nil {
					t.Errorf("after the block: %v", err)
				}
			}
		})
	}
	ja, err := os.ReadFile(filepath.Join(repo, "README.ja.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range data.Columns() {
		row := regexp.MustCompile(`(?m)^\| ([^|]*) \| ` + "`" + c.Name + "`" + ` \|`).FindSubmatch(ja)
		if row == nil {
			t.Errorf("README.ja.md: no row for %s", c.Name)
			continue
		}
		for _, a := range c.Aliases {
			if !strings.Contains(string(row[1]), a) {
				t.Errorf("README.ja.md: the row of %s lacks the name %q", c.Name, a)
			}
		}
	}
}

// shellBlock returns the lines of the first ```sh block after heading in a Markdown text.
func shellBlock(t *testing.T, text, heading string) []string {
	t.Helper()
	_, after, ok := strings.Cut(text, "\n"+heading+"\n")
	if !ok {
		t.Fatalf("no heading %q", heading)
	}
	_, block, ok := strings.Cut(after, "```sh\n")
	if !ok {
		t.Fatalf("no sh block after %q", heading)
	}
	block, _, _ = strings.Cut(block, "```")
	return strings.Split(strings.TrimSpace(block), "\n")
}

// goRunArgs returns the arguments of a `go run . ARGS [> FILE] # comment` line and the file
// its standard output goes to; false for any other line, and for one with --images.
func goRunArgs(line string) (args []string, stdoutFile string, ok bool) {
	line, _, _ = strings.Cut(line, "#")
	fields := strings.Fields(line)
	if len(fields) < 3 || fields[0] != "go" || fields[1] != "run" || fields[2] != "." {
		return nil, "", false
	}
	args = fields[3:]
	for i, a := range args {
		if a == ">" && i+1 < len(args) {
			args, stdoutFile = args[:i], args[i+1]
			break
		}
	}
	for _, a := range args {
		if a == "--images" {
			return nil, "", false
		}
	}
	return args, stdoutFile, true
}
