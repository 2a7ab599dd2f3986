package progress

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// frames splits what a bar drew into the lines it drew, one per redraw, without the
// escape sequences that erase the rest of the line.
func frames(out string) []string {
	var fs []string
	for _, f := range strings.Split(out, "\r") {
		f = strings.ReplaceAll(strings.ReplaceAll(f, "\033[0K", ""), "\033[K", "")
		if strings.TrimSpace(f) != "" {
			fs = append(fs, f)
		}
	}
	return fs
}

// lastWith returns the last frame holding s.
func lastWith(t *testing.T, fs []string, s string) string {
	t.Helper()
	for i := len(fs) - 1; i >= 0; i-- {
		if strings.Contains(fs[i], s) {
			return fs[i]
		}
	}
	t.Fatalf("no frame holds %q; frames:\n%s", s, strings.Join(fs, "\n"))
	return ""
}

// TestBar drives a bar drawn at once through a read of 10,000 bytes and 12,345 rows and
// the writing of a workbook of two sheets, and checks the final frame of each phase and
// that each ends with the line cleared.
func TestBar(t *testing.T) {
	var out bytes.Buffer
	b := New(&out, true, 0)
	b.throttle = 0
	r, hook := b.Reading("/some/dir/in.csv", 10000, strings.NewReader(strings.Repeat("x", 10000)))
	buf := make([]byte, 4096)
	for rows := 4096; ; rows += 4096 {
		if _, err := r.Read(buf); err == io.EOF {
			break
		}
		hook(rows)
	}
	b.ReadDone(12345)
	if !strings.HasSuffix(out.String(), clearLine) {
		t.Errorf("the reading phase does not end with the line cleared: %q", tail(out.String()))
	}
	fs := frames(out.String())
	if got := lastWith(t, fs, "reading in.csv: "); !regexp.MustCompile(`^reading in\.csv: 12,345 rows +100% \|█+\| \(10/10 kB, `).MatchString(got) {
		t.Errorf("final reading frame %q, want 12,345 rows, 100%%, 10 kB of 10 kB", got)
	}
	if got := lastWith(t, fs, "8,192 rows"); !strings.Contains(got, "(8.2/10 kB, ") {
		t.Errorf("frame at 8,192 rows %q: want 8.2 kB of 10 kB read", got)
	}

	// Three sheets of 40, 9,001 and 12 rows, the first two written at once.
	out.Reset()
	write := b.Writing("out/breach-report.xlsx")
	for _, c := range []struct {
		sheet       string
		done, total int
	}{{"Summary", 0, 40}, {"Scopes", 0, 9001}, {"Method", 0, 12}, {"Scopes", 4096, 9001}, {"Summary", 40, 40},
		{"Scopes", 8192, 9001}, {"Scopes", 9001, 9001}, {"Method", 12, 12}} {
		write(c.sheet, c.done, c.total)
	}
	b.Done()
	b.Done() // a second Done draws nothing more
	if !strings.HasSuffix(out.String(), clearLine) || strings.HasSuffix(out.String(), clearLine+clearLine) {
		t.Errorf("the writing phase does not end with the line cleared once: %q", tail(out.String()))
	}
	// Each update draws the new description, then the new count: the frame of both is
	// there.
	fs = frames(out.String())
	for _, tt := range []struct{ at, want string }{
		{"(4096/9053, ", "writing breach-report.xlsx: 0 of 3 sheets   45% |"},
		{"(4136/9053, ", "writing breach-report.xlsx: 1 of 3 sheets   45% |"},
		{"(9041/9053, ", "writing breach-report.xlsx: 2 of 3 sheets   99% |"},
		{"(9053/9053, ", "writing breach-report.xlsx: 3 of 3 sheets  100% |"},
	} {
		if !slices.ContainsFunc(fs, func(f string) bool { return strings.HasPrefix(f, tt.want) && strings.Contains(f, tt.at) }) {
			t.Errorf("no frame starts %q and holds %q; frames:\n%s", tt.want, tt.at, strings.Join(fs, "\n"))
		}
	}
	if got := fs[len(fs)-1]; !strings.Contains(got, "(9053/9053, ") {
		t.Errorf("last frame %q, want all 9,053 rows written", got)
	}
}

// TestBarUnknownSize reads from a stream of unknown length: the bar counts bytes and rows
// without a total.
func TestBarUnknownSize(t *testing.T) {
	var out bytes.Buffer
	b := New(&out, true, 0)
	r, hook := b.Reading("standard input", 0, strings.NewReader(strings.Repeat("y", 5000)))
	if _, err := io.Copy(io.Discard, r); err != nil {
		t.Fatal(err)
	}
	hook(4096)
	b.ReadDone(4100)
	got := lastWith(t, frames(out.String()), "reading standard input: ")
	if !strings.Contains(got, "reading standard input: 4,100 rows") || !strings.Contains(got, "(5.0 kB") || strings.Contains(got, "%") {
		t.Errorf("final frame %q: want 4,100 rows and 5.0 kB read, no percentage", got)
	}
}

// TestBarDelay checks that a phase shorter than the delay draws nothing at all.
func TestBarDelay(t *testing.T) {
	var out bytes.Buffer
	b := New(&out, true, DefaultDelay)
	_, hook := b.Reading("in.csv", 100, strings.NewReader("z"))
	hook(4096)
	b.ReadDone(5000)
	write := b.Writing("out.xlsx")
	write("Scopes", 0, 10)
	write("Method", 0, 5)
	write("Scopes", 10, 10)
	write("Method", 5, 5)
	b.Done()
	if out.Len() != 0 {
		t.Errorf("a short run drew %q", out.String())
	}
}

// TestHidden checks that a bar not shown is nil, with nil hooks, and that its methods do
// nothing; and that IsTerminal is false for a file and a buffer.
func TestHidden(t *testing.T) {
	var out bytes.Buffer
	b := New(&out, false, 0)
	if b != nil {
		t.Fatal("New(w, false) is not nil")
	}
	in := strings.NewReader("a")
	if r, hook := b.Reading("in.csv", 1, in); r != io.Reader(in) || hook != nil {
		t.Error("a nil bar's Reading changes the reader or gives a hook")
	}
	if b.Writing("x.xlsx") != nil {
		t.Error("a nil bar's Writing gives a hook")
	}
	b.ReadDone(1)
	b.Done()
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if IsTerminal(f) || IsTerminal(&out) {
		t.Error("IsTerminal is true for a regular file or a buffer")
	}
}

func TestShort(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"out/breach-report.xlsx", "breach-report.xlsx"},
		{"standard input", "standard input"},
		{strings.Repeat("あ", 45) + ".csv", strings.Repeat("あ", 39) + "…"},
	} {
		if got := short(tt.in); got != tt.want {
			t.Errorf("short(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func tail(s string) string {
	if len(s) > 200 {
		return "…" + s[len(s)-200:]
	}
	return s
}

// TestBarJapanese checks the phases' labels in Japanese.
func TestBarJapanese(t *testing.T) {
	var out bytes.Buffer
	b := New(&out, true, 0).Japanese(true)
	b.throttle = 0
	r, hook := b.Reading("/some/dir/事案一覧.csv", 100, strings.NewReader(strings.Repeat("x", 100)))
	if _, err := io.ReadAll(r); err != nil {
		t.Fatal(err)
	}
	hook(1234)
	b.ReadDone(1234)
	if got := lastWith(t, frames(out.String()), "事案一覧.csv"); !strings.HasPrefix(got, "事案一覧.csv を読み込み中：1,234行 ") {
		t.Errorf("reading frame %q", got)
	}
	out.Reset()
	write := b.Writing("out/breach-report.xlsx")
	write("概要", 10, 10)
	write("範囲", 5, 10)
	b.Done()
	fs := frames(out.String())
	if !slices.ContainsFunc(fs, func(f string) bool {
		return strings.HasPrefix(f, "breach-report.xlsx を書き出し中：シート1/") && strings.Contains(f, " 行/")
	}) {
		t.Errorf("no frame of the sheets written in Japanese; frames:\n%s", strings.Join(fs, "\n"))
	}
	if New(&out, false, 0).Japanese(true) != nil {
		t.Error("a hidden bar is not nil")
	}
}
