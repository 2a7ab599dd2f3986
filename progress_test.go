package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"breachreport/input"
	"breachreport/internal/clienttest"
)

// progressInput writes n synthetic incidents and one more incident whose count is
// negative (a warning on stderr) to dir/in.csv, and returns its path and, counted from the
// CSV text, its data rows and incidents.
func progressInput(t *testing.T, dir string, n int) (path string, rows, incidents int) {
	t.Helper()
	var b bytes.Buffer
	if err := input.WriteSynthetic(&b, n, 1); err != nil {
		t.Fatal(err)
	}
	b.WriteString("ex-warn,Example Co. warn,,,,card,confirmed,-4,,,,,2019-06-04,,\n")
	recs, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, r := range recs[1:] {
		ids[r[0]] = true
	}
	path = filepath.Join(dir, "in.csv")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, len(recs) - 1, len(ids)
}

// runEnv runs the command in-process with stderr going to stderr, e's other fields set as
// runCmd sets them, and returns stdout and the exit status.
func runEnv(t *testing.T, e env, stderr *bytes.Buffer, args ...string) (string, int) {
	t.Helper()
	var out bytes.Buffer
	e.stdin, e.stdout, e.getenv, e.now = strings.NewReader(""), &out, englishEnv, func() time.Time { return fixedNow }
	if e.stderr == nil {
		e.stderr = stderr
	}
	status := exitCode(run(context.Background(), args, e), e.stderr)
	return out.String(), status
}

// outputsOf returns every file below dir with its content, by its path relative to dir.
func outputsOf(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	for _, name := range outputFiles(t, dir) {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = string(b)
	}
	return files
}

// barFrame is one drawing of the bar: from a carriage return to the sequence that erases
// the rest of the line; barClear is the bar erasing itself at the end of a phase.
var (
	barFrame = regexp.MustCompile(`\r[^\r\n]*\x1b\[0K`)
	barClear = regexp.MustCompile(`\r\x1b\[K`)
)

// TestProgressRedirected runs generate and validate with stderr redirected, to a buffer and
// to a file, without --quiet, and checks that not a byte of a bar is written (no carriage
// return, no escape sequence), and that stdout, stderr and every output file are the same
// bytes as a run with --quiet, which never draws one.
func TestProgressRedirected(t *testing.T) {
	in, _, _ := progressInput(t, t.TempDir(), 3000)
	for _, cmd := range []string{"generate", "validate"} {
		t.Run(cmd, func(t *testing.T) {
			var want struct {
				stdout, stderr string
				files          map[string]string
			}
			for i, mode := range []string{"--quiet", "buffer", "file"} {
				dir := filepath.Join(t.TempDir(), "out")
				args := []string{cmd, "-i", in}
				if cmd == "generate" {
					args = append(args, "-o", dir)
				}
				var e env
				var errb bytes.Buffer
				switch mode {
				case "--quiet":
					args = append(args, "--quiet")
				case "file":
					f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
					if err != nil {
						t.Fatal(err)
					}
					defer f.Close()
					e.stderr = f
				}
				stdout, status := runEnv(t, e, &errb, args...)
				stderr := errb.String()
				if f, ok := e.stderr.(*os.File); ok {
					b, err := os.ReadFile(f.Name())
					if err != nil {
						t.Fatal(err)
					}
					stderr = string(b)
				}
				if status != 0 {
					t.Fatalf("%s: exit status %d\n%s", mode, status, stderr)
				}
				if strings.ContainsAny(stderr, "\r\x1b") || strings.ContainsAny(stdout, "\r\x1b") {
					t.Errorf("%s: a carriage return or an escape sequence is written:\nstderr %q", mode, tail(stderr))
				}
				// generate lists the problems on stderr, validate on stdout.
				if !strings.Contains(stderr+stdout, `warning: line `) || cmd == "generate" && !strings.Contains(stderr, `warning: line `) {
					t.Errorf("%s: the warning is not listed:\nstdout %q\nstderr %q", mode, tail(stdout), stderr)
				}
				stdout = strings.ReplaceAll(stdout, dir, "OUT")
				files := outputsOf(t, dir)
				if i == 0 {
					want.stdout, want.stderr, want.files = stdout, stderr, files
					continue
				}
				if stdout != want.stdout || stderr != want.stderr {
					t.Errorf("%s: stdout and stderr differ from --quiet's:\nstdout %q\nwant   %q\nstderr %q\nwant   %q", mode, stdout, want.stdout, stderr, want.stderr)
				}
				checkSameFiles(t, mode, files, want.files)
			}
		})
	}
}

// checkSameFiles checks that got holds the files of want, with the same bytes.
func checkSameFiles(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d output files, want %d", what, len(got), len(want))
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s: %s differs from the run with --quiet", what, name)
		}
	}
}

// TestProgressTerminal draws the bar on a fake terminal (a buffer taken for one, drawn at
// once) and checks its final counts: the rows read, as counted from the CSV text, and the
// rows written of all the sheets, as the workbook's sheets hold them (those of Incidents,
// Scopes and Data issues also counted from the CSV text); that with the bar's drawings
// taken out stderr is exactly the redirected run's; and that the outputs are the same
// bytes as with --quiet.
func TestProgressTerminal(t *testing.T) {
	in, rows, incidents := progressInput(t, t.TempDir(), 3000)
	if rows <= 4096 {
		t.Fatalf("fixture: %d rows; want more than 4,096, so that the reader reports progress", rows)
	}
	group := func(n int) string {
		s := fmt.Sprint(n)
		for i := len(s) - 3; i > 0; i -= 3 {
			s = s[:i] + "," + s[i:]
		}
		return s
	}
	for _, cmd := range []string{"generate", "validate"} {
		t.Run(cmd, func(t *testing.T) {
			quietDir, dir := filepath.Join(t.TempDir(), "out"), filepath.Join(t.TempDir(), "out")
			args := []string{cmd, "-i", in}
			var quietErr, errb bytes.Buffer
			quietArgs := append([]string{}, args...)
			if cmd == "generate" {
				quietArgs = append(quietArgs, "-o", quietDir)
				args = append(args, "-o", dir)
			}
			quietOut, _ := runEnv(t, env{}, &quietErr, append(quietArgs, "--quiet")...)
			stdout, status := runEnv(t, env{terminal: true}, &errb, args...)
			if status != 0 {
				t.Fatalf("exit status %d\n%s", status, tail(errb.String()))
			}
			stderr := errb.String()
			frames := barFrame.FindAllString(stderr, -1)
			last := func(prefix string) string {
				t.Helper()
				for i := len(frames) - 1; i >= 0; i-- {
					if strings.HasPrefix(frames[i], "\r"+prefix) {
						return frames[i]
					}
				}
				t.Fatalf("no frame starts with %q; stderr:\n%q", prefix, tail(stderr))
				return ""
			}
			if got, want := last("reading in.csv: "), fmt.Sprintf("\rreading in.csv: %s rows  100%% |", group(rows)); !strings.HasPrefix(got, want) {
				t.Errorf("final reading frame %q, want it to start %q", got, want)
			}
			if cmd == "generate" {
				// The rows of every sheet, from the workbook written; those of the long
				// sheets also from the CSV text.
				total := 0
				for sheet, n := range sheetRows(t, filepath.Join(dir, workbookName)) {
					want := map[string]int{
						"Incidents":   incidents + 1, // a header and a row per incident
						"Scopes":      rows + 1,      // a header and a row per row read (all used)
						"Data issues": 1 + 1,         // a header and the one warning
						// a header and a row per incident, and one per scope
						"Reporting duty":  incidents + 1,
						"Damage estimate": rows + 1,
					}[sheet]
					if want > 0 && n != want {
						t.Errorf("sheet %s has %d rows, want %d", sheet, n, want)
					}
					total += n
				}
				want := fmt.Sprintf("\rwriting breach-report.xlsx: 8 of 8 sheets  100%% |██████████████████████████████| (%d/%d, ", total, total)
				if got := last("writing breach-report.xlsx: "); !strings.HasPrefix(got, want) {
					t.Errorf("final writing frame %q, want it to start %q", got, want)
				}
				if !strings.Contains(stdout, "\nwrote "+filepath.Join(dir, workbookName)+"\n") {
					t.Errorf("stdout lacks the workbook written:\n%s", stdout)
				}
			}
			// The bar's drawings and the erasing that ends each phase taken out, stderr is
			// that of the run with --quiet: each line whole, on a line of its own.
			if plain := barClear.ReplaceAllString(barFrame.ReplaceAllString(stderr, ""), ""); plain != quietErr.String() {
				t.Errorf("stderr without the bar:\n%q\nwant (--quiet):\n%q", tail(plain), tail(quietErr.String()))
			}
			if n, m := strings.Count(stderr, "\r\x1b[K"), strings.Count(stderr, "\x1b[0K"); n == 0 || m == 0 {
				t.Errorf("%d frames and %d clears drawn; want some of each", m, n)
			}
			if strings.ReplaceAll(stdout, dir, "OUT") != strings.ReplaceAll(quietOut, quietDir, "OUT") {
				t.Errorf("stdout %q differs from --quiet's %q", stdout, quietOut)
			}
			if cmd == "generate" {
				checkSameFiles(t, "with the bar", outputsOf(t, dir), outputsOf(t, quietDir))
			}
		})
	}
}

// TestProgressPTY runs the built binary on a real terminal (a pseudo-terminal made by
// script(1) from util-linux) and checks that the bar is drawn there, ending each phase
// with the line cleared, so that the "wrote" lines start at the left margin; and that
// --quiet draws nothing.
func TestProgressPTY(t *testing.T) {
	clienttest.SkipShort(t, "the pseudo-terminal")
	script, err := exec.LookPath("script")
	if err != nil {
		t.Skip("script (util-linux) not found: the pseudo-terminal test needs it")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	// The bar is drawn at once, however fast the run.
	in, _, _ := progressInput(t, dir, 2000)
	typescript := func(extra string) string {
		t.Helper()
		cmd := fmt.Sprintf("%s generate -i %s -o %s %s", bin, in, filepath.Join(dir, "out"+extra), extra)
		c := exec.Command(script, "-qec", cmd, "/dev/null")
		c.Env = append(os.Environ(), "TERM=xterm", progressDelayEnv+"=0s")
		out, err := c.Output()
		if err != nil {
			t.Fatalf("script -qec %q: %v\n%q", cmd, err, tail(string(out)))
		}
		return string(out)
	}
	tty := typescript("")
	frames := barFrame.FindAllString(tty, -1)
	if len(frames) == 0 || !strings.Contains(tty, "\rwriting breach-report.xlsx: ") {
		t.Fatalf("no bar drawn on the terminal:\n%q", tail(tty))
	}
	// After the bar's last clearing come whole lines only (the accounting line, then the
	// "wrote" lines), each starting at the left margin: no carriage return but a line's end,
	// no escape sequence.
	wrote := "\r\nwrote " + filepath.Join(dir, "out", workbookName) + "\r\n"
	cleared := strings.LastIndex(tty, "\r\x1b[K")
	rest := tty[cleared+len("\r\x1b[K"):]
	if cleared < 0 || !strings.Contains(rest, wrote) || strings.ContainsAny(strings.ReplaceAll(rest, "\r\n", "\n"), "\r\x1b") {
		t.Errorf("the line %q is not on the terminal in whole lines after the bar is cleared:\n%q", wrote, tail(tty))
	}
	if quiet := typescript("--quiet"); strings.Contains(quiet, "\x1b") || strings.Contains(strings.ReplaceAll(quiet, "\r\n", "\n"), "\r") {
		t.Errorf("--quiet drew on the terminal:\n%q", tail(quiet))
	}
}

// sheetRows returns the rows of each sheet of the workbook at path: the last row of its
// dimension, or of the rows read back when the dimension does not say (a streamed sheet).
func sheetRows(t *testing.T, path string) map[string]int {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows := map[string]int{}
	for _, sheet := range f.GetSheetList() {
		dim, err := f.GetSheetDimension(sheet)
		if err != nil {
			t.Fatal(err)
		}
		_, last, err := excelize.CellNameToCoordinates(dim[strings.LastIndex(dim, ":")+1:])
		if err != nil {
			t.Fatalf("%s: dimension %q: %v", sheet, dim, err)
		}
		all, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		rows[sheet] = max(last, len(all))
	}
	if len(rows) != 8 {
		t.Fatalf("sheets %v, want 8", rows)
	}
	return rows
}

// tail keeps the end of a long output, for failure messages.
func tail(s string) string {
	if len(s) > 3000 {
		return "…" + s[len(s)-3000:]
	}
	return s
}
