package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestPanic makes runs panic through env.fault: a panic is an internal error, exit status 3,
// with the panic's value, a request for a bug report and a stack trace that reaches the
// panic, and generate leaves no output directory it created.
func TestPanic(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		stage   string
		panicOf func()
		want    string // the first line on stderr
		existed bool   // -o names a directory that exists already
	}{
		{name: "generate, a string", args: []string{"generate"}, stage: "generate: loaded",
			panicOf: func() { panic("boom") }, want: "breachreport: internal error: boom"},
		{name: "generate, an error", args: []string{"generate"}, stage: "generate: loaded",
			panicOf: func() { panic(errors.New("no such state")) }, want: "breachreport: internal error: no such state"},
		{name: "generate, a runtime error", args: []string{"generate"}, stage: "generate: loaded",
			panicOf: func() {
				var m map[string]int
				//lint:ignore SA5000 the runtime error is the point
				m["x"]++
			}, want: "breachreport: internal error: assignment to entry in nil map"},
		{name: "generate into a directory that exists", args: []string{"generate"}, stage: "generate: loaded", existed: true,
			panicOf: func() { panic("boom") }, want: "breachreport: internal error: boom"},
		// The goroutines that compress the workbook's parts.
		{name: "generate, compressing the workbook", args: []string{"generate"}, stage: "workbook: compressing",
			panicOf: func() { panic("boom") }, want: "breachreport: internal error: boom"},
		{name: "validate", args: []string{"validate", "-i", "testdata/seed-typo.csv"}, stage: "validate: loaded",
			panicOf: func() { panic("boom") }, want: "breachreport: internal error: boom"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "a", "b")
			if tt.existed {
				if err := os.MkdirAll(out, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			args := tt.args
			if args[0] == "generate" {
				args = append(args, "-o", out, "--quiet")
			}
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), args, env{
				stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr,
				getenv: englishEnv, now: func() time.Time { return fixedNow },
				fault: func(stage string) {
					if stage == tt.stage {
						tt.panicOf()
					}
				},
			})
			status := exitCode(err, &stderr)
			if status != 3 {
				t.Errorf("exit status %d, want 3; stderr:\n%s", status, stderr.String())
			}
			lines := strings.SplitN(stderr.String(), "\n", 3)
			if len(lines) < 3 || lines[0] != tt.want || !strings.HasPrefix(lines[1], "This is a bug in breachreport "+version+": please report it") {
				t.Fatalf("stderr:\n%s\nwant first %q, then a request for a bug report", stderr.String(), tt.want)
			}
			// The stack trace reaches the function that panicked.
			if !strings.Contains(lines[2], "goroutine ") || !strings.Contains(lines[2], "TestPanic") {
				t.Errorf("no stack trace through the panic:\n%s", lines[2])
			}
			if args[0] != "generate" {
				return
			}
			entries, err := os.ReadDir(parent)
			switch {
			case tt.existed && (err != nil || len(entries) != 1):
				t.Errorf("%s: %v, %v; want the directory that existed kept", parent, entries, err)
			case !tt.existed && (err != nil || len(entries) != 0):
				t.Errorf("%s holds %v (%v); want the directories the run created removed", parent, entries, err)
			}
		})
	}
}
