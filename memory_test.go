package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"breachreport/data"
	"breachreport/input"
	"breachreport/internal/clienttest"
)

// maxRSS is the most memory a run may take within the default limits (issue 20).
const maxRSS = 600 << 20

// TestMemoryBounded runs the built binary under /usr/bin/time -v on generated inputs at the
// default row limit, the worst case the limits allow for rows: one field a row
// (`organization`, then `Example` on every line), so that every row is an incident of its
// own and has a warning (no incident id). It checks the peak resident set of each run,
// that validate --format csv still lists every warning, and that one row more stops with
// the error naming --max-rows, from a file and from a pipe.
func TestMemoryBounded(t *testing.T) {
	timeBin := clienttest.Find(t, "time", "/usr/bin/time")
	bin := buildBinary(t)
	dir := t.TempDir()
	rows := input.DefaultMaxRows
	atLimit := writeOneFieldCSV(t, filepath.Join(dir, "at-limit.csv"), rows)
	overLimit := writeOneFieldCSV(t, filepath.Join(dir, "over-limit.csv"), rows+1)
	longText, longRows := writeLongTextCSV(t, filepath.Join(dir, "long-text.csv"), input.DefaultMaxInputSize)
	for _, c := range []struct {
		name string
		args []string
		// in is the input file; pipe feeds it through a pipe as standard input (-i -).
		in   string
		pipe bool
		// wantStatus is the exit status; stdoutLines, when not 0, the lines of stdout;
		// stdout and stderr are texts the start of the output and the error output must hold.
		wantStatus  int
		stdoutLines int
		stdout      string
		stderr      string
	}{
		{name: "generate, a file", args: []string{"generate", "-o", filepath.Join(dir, "out-file"), "--as-of", "2026-01-01"}, in: atLimit,
			stdout: fmt.Sprintf("%d rows read, %[1]d used, 0 rejected; %[1]d incidents; %[1]d warnings", rows),
			stderr: fmt.Sprintf("%d more issues of kind incident id were counted but not listed", rows-data.IssueCap)},
		{name: "validate --format csv, a pipe", args: []string{"validate", "--format", "csv"}, in: atLimit, pipe: true,
			stdoutLines: rows + 1, stderr: strconv.Itoa(rows) + " warnings"},
		{name: "validate, one row over, a pipe", args: []string{"validate"}, in: overLimit, pipe: true,
			wantStatus: 1, stderr: "more than " + strconv.Itoa(rows) + " rows, the most read (--max-rows raises it)"},
		// Text is held as well as rows: the size limit is what bounds it.
		{name: "generate, long notes up to the size limit", args: []string{"generate", "-o", filepath.Join(dir, "out-long"), "--as-of", "2026-01-01"}, in: longText,
			stdout: fmt.Sprintf("%d rows read, %[1]d used, 0 rejected; %[1]d incidents", longRows)},
		{name: "generate, over --max-input-size, a pipe", args: []string{"generate", "-o", filepath.Join(dir, "out-size"), "--max-input-size", "5MB"}, in: overLimit, pipe: true,
			wantStatus: 1, stderr: "larger than 5 MB, the most read (--max-input-size raises it)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			report := filepath.Join(dir, "time.txt")
			args := append([]string{"-v", "-o", report, bin}, c.args...)
			if c.pipe {
				args = append(args, "-i", "-")
			} else {
				args = append(args, "-i", c.in)
			}
			cmd := exec.Command(timeBin, args...)
			f, err := os.Open(c.in)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if c.pipe {
				// Not an *os.File: exec feeds it through a pipe.
				cmd.Stdin = struct{ io.Reader }{f}
			}
			var stdout lineCounter
			var stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			cmd.Env = append(os.Environ(), "LANG=C", "BREACHREPORT_LANG=en")
			start := time.Now()
			err = cmd.Run()
			status := 0
			if ee, ok := err.(*exec.ExitError); ok {
				status = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			rss := peakRSS(t, report)
			t.Logf("%s: %.1f s, peak RSS %d MB", strings.Join(c.args[:1], " "), time.Since(start).Seconds(), rss>>20)
			if status != c.wantStatus {
				t.Errorf("exit status %d, want %d; stderr:\n%s", status, c.wantStatus, tail(stderr.String()))
			}
			if !strings.Contains(stderr.String(), c.stderr) {
				t.Errorf("stderr lacks %q:\n%s", c.stderr, tail(stderr.String()))
			}
			if !strings.Contains(stdout.head.String(), c.stdout) {
				t.Errorf("stdout lacks %q:\n%s", c.stdout, stdout.head.String())
			}
			if c.stdoutLines > 0 && stdout.n != c.stdoutLines {
				t.Errorf("stdout has %d lines, want %d (a header and every issue)", stdout.n, c.stdoutLines)
			}
			if rss > maxRSS {
				t.Errorf("peak RSS %d MB, more than %d MB", rss>>20, maxRSS>>20)
			}
		})
	}
}

// writeOneFieldCSV writes a CSV file of the header organization and n rows Example, and
// returns its path.
func writeOneFieldCSV(t *testing.T, path string, n int) string {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("organization\n")
	for range n {
		w.WriteString("Example\n")
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// writeLongTextCSV writes a CSV file of incidents with 2,000-character notes, as near to size
// bytes as whole rows come, and returns its path and its rows.
func writeLongTextCSV(t *testing.T, path string, size int64) (string, int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	n, _ := w.WriteString("incident_id,organization,records,disclosed,notes\n")
	written, rows := int64(n), 0
	notes := strings.Repeat("x", 2000)
	for {
		row := fmt.Sprintf("%d,Org %[1]d,%d,2024-05-%02d,%s\n", rows+1, rows%99999+1, rows%28+1, notes)
		if written+int64(len(row)) > size {
			break
		}
		w.WriteString(row)
		written += int64(len(row))
		rows++
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path, rows
}

// peakRSS reads the "Maximum resident set size (kbytes)" of GNU time's -v report, in bytes.
func peakRSS(t *testing.T, report string) int {
	t.Helper()
	b, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`Maximum resident set size \(kbytes\): (\d+)`).FindSubmatch(b)
	if m == nil {
		t.Fatalf("no maximum resident set size in /usr/bin/time's report:\n%s", b)
	}
	kb, _ := strconv.Atoi(string(m[1]))
	return kb << 10
}

// lineCounter counts the lines written to it, holding only the first 4 KiB.
type lineCounter struct {
	n    int
	head bytes.Buffer
}

func (c *lineCounter) Write(p []byte) (int, error) {
	c.n += bytes.Count(p, []byte{'\n'})
	if room := 4096 - c.head.Len(); room > 0 {
		c.head.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}
