package main

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// stopWithin is how soon after Ctrl-C a run must end: a second is the aim; the rest is
// leeway for a machine busy with other tests (3 s was overrun on a loaded CI machine). A run
// that ignored Ctrl-C would go on for much longer than this.
const stopWithin = 10 * time.Second

// TestInterrupt sends SIGINT to the built binary while generate, validate and generate
// --all-months work on a large input, and checks that each stops soon with exit status 130
// and the one-line message in the user's language, leaving no temporary file and nothing
// half done at a final path.
func TestInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and makes a 130 MB input (-short)")
	}
	if runtime.GOOS == "windows" {
		t.Skip("SIGINT is Unix")
	}
	bin := buildBinary(t)
	in := filepath.Join(t.TempDir(), "incidents.csv")
	// 300,000 incidents (519,112 rows): seconds to read, ten or more to write.
	sample, err := exec.Command(bin, "sample", "--synthetic", "300000").Output()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, sample, 0o644); err != nil {
		t.Fatal(err)
	}
	sample = nil

	tests := []struct {
		name string
		args []string
		lang string // LANG
		// ready says, from the output dir and the lines on stdout so far, when to send
		// SIGINT; nil sends it 300 ms after the start, while the input is read.
		ready   func(out string, stdout []string) bool
		message string // on stderr; OUT stands for the output directory
		check   func(t *testing.T, out string)
	}{
		{
			name:    "generate while reading",
			args:    []string{"generate", "--quiet"},
			message: "breachreport: interrupted\n",
			check:   checkNoWorkbook,
		},
		{
			name: "generate while writing the workbook",
			args: []string{"generate", "--lang", "ja"},
			ready: func(out string, _ []string) bool {
				return len(stagedFiles(out)) > 0
			},
			message: "breachreport: 中断しました\n",
			check:   checkNoWorkbook,
		},
		{
			name:    "validate",
			args:    []string{"validate"},
			lang:    "ja_JP.UTF-8",
			message: "breachreport: 中断しました\n",
		},
		{
			name: "all months",
			args: []string{"generate", "--all-months"},
			// Once a few months are staged: the set is written whole or not at all.
			ready: func(out string, _ []string) bool {
				return len(stagedFiles(out)) > 4
			},
			message: "breachreport: interrupted\n",
			check: func(t *testing.T, out string) {
				if _, err := os.Stat(out); err == nil {
					t.Errorf("the output directory %s is left after an interrupted run that created it", out)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out")
			tmp := filepath.Join(dir, "tmp")
			if err := os.Mkdir(tmp, 0o755); err != nil {
				t.Fatal(err)
			}
			args := append([]string{tt.args[0], "-i", in}, tt.args[1:]...)
			if tt.args[0] == "generate" {
				args = append(args, "-o", out)
			}
			cmd := exec.Command(bin, args...)
			cmd.Env = append(os.Environ(), "LC_ALL=", "LANG="+tt.lang, "TMPDIR="+tmp, langEnv+"=")
			if tt.lang == "" {
				cmd.Env = append(cmd.Env, langEnv+"=en") // English chosen: no line about Japanese
			}
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			pipe, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			var (
				mu    sync.Mutex
				lines []string
			)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan struct{})
			go func() {
				defer close(done)
				sc := bufio.NewScanner(pipe)
				for sc.Scan() {
					mu.Lock()
					lines = append(lines, sc.Text())
					mu.Unlock()
				}
			}()
			ready := tt.ready
			if ready == nil {
				start := time.Now()
				ready = func(string, []string) bool { return time.Since(start) > 300*time.Millisecond }
			}
			deadline := time.Now().Add(60 * time.Second)
			for {
				mu.Lock()
				ok := ready(out, lines)
				mu.Unlock()
				if ok || time.Now().After(deadline) {
					break
				}
				time.Sleep(5 * time.Millisecond)
			}
			sent := time.Now()
			if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
				t.Fatalf("SIGINT: %v", err)
			}
			<-done
			cmd.Wait()
			took := time.Since(sent)
			t.Logf("stopped %v after SIGINT", took.Round(time.Millisecond))

			if code := cmd.ProcessState.ExitCode(); code != 130 {
				t.Errorf("exit status %d, want 130; stderr:\n%s", code, stderr.String())
			}
			if took > stopWithin {
				t.Errorf("stopped %v after SIGINT, want within %v", took, stopWithin)
			}
			if stderr.String() != tt.message {
				t.Errorf("stderr = %q, want %q", stderr.String(), tt.message)
			}
			if left := tempFiles(out); len(left) > 0 {
				t.Errorf("temporary files left in the output: %q", left)
			}
			if left, _ := os.ReadDir(tmp); len(left) > 0 {
				t.Errorf("%d temporary files left in TMPDIR, such as %s", len(left), left[0].Name())
			}
			if tt.check != nil {
				tt.check(t, out)
			}
		})
	}
}

// tempFiles returns the paths of the temporary files and directories atomicfile makes
// (".NAME.tmp-…") under dir.
func tempFiles(dir string) []string {
	var found []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), ".tmp-") {
			found = append(found, path)
		}
		return nil
	})
	return found
}

// stagedFiles returns the paths of the output files staged under dir: the temporary files
// but the run's temporary directory and what it holds.
func stagedFiles(dir string) []string {
	var found []string
	for _, p := range tempFiles(dir) {
		if !strings.Contains(p, "."+tempBase+".tmp-") {
			found = append(found, p)
		}
	}
	return found
}

// checkNoWorkbook checks that no workbook is at its final path in out.
func checkNoWorkbook(t *testing.T, out string) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(out, workbookName)); err == nil {
		t.Errorf("%s exists after the interruption", workbookName)
	}
}

// TestInterruptedRun runs commands in-process with their context cancelled from the start:
// each ends with exit status 130 and the one line in the language of its outputs or of the
// locale, and generate leaves no output directory behind.
func TestInterruptedRun(t *testing.T) {
	tests := []struct {
		name string
		args []string
		lang string // LANG
		want string
	}{
		{"generate", []string{"generate"}, "", "breachreport: interrupted\n"},
		{"generate --lang ja", []string{"generate", "--lang", "ja"}, "", "breachreport: 中断しました\n"},
		{"generate, Japanese locale", []string{"generate"}, "ja_JP.UTF-8", "breachreport: 中断しました\n"},
		{"generate --lang en, Japanese locale", []string{"generate", "--lang", "en"}, "ja_JP.UTF-8", "breachreport: interrupted\n"},
		{"generate --all-months", []string{"generate", "--all-months"}, "", "breachreport: interrupted\n"},
		{"validate", []string{"validate", "-i", "testdata/seed-typo.csv"}, "", "breachreport: interrupted\n"},
		{"validate, Japanese locale", []string{"validate", "-i", "testdata/seed-typo.csv"}, "ja_JP.UTF-8", "breachreport: 中断しました\n"},
		{"sample --synthetic", []string{"sample", "--synthetic", "1000"}, "", "breachreport: interrupted\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			args := tt.args
			if args[0] == "generate" {
				args = append(args, "-o", out)
			}
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			var stdout, stderr bytes.Buffer
			err := run(ctx, args, env{
				stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr,
				getenv: func(k string) string {
					switch {
					case k == "LANG":
						return tt.lang
					case k == langEnv && tt.lang == "":
						return "en"
					}
					return ""
				},
				now: func() time.Time { return fixedNow },
			})
			if code := exitCode(err, &stderr); code != 130 {
				t.Errorf("exit status %d, want 130", code)
			}
			if stderr.String() != tt.want {
				t.Errorf("stderr = %q, want %q", stderr.String(), tt.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("the output directory %s was left behind", out)
			}
		})
	}
}
