package reports

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"breachreport/internal/crash"
)

// TestSortedZipChunks writes parts of sizes around the chunk boundaries, in writes of
// several sizes, and reads them back with archive/zip (which checks each part's CRC): the
// chunks deflated apart must join into the same bytes, in the sorted order, and the
// archive must not depend on how the bytes were split into writes.
func TestSortedZipChunks(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	sizes := []int{0, 1, 100, chunkSize - 1, chunkSize, chunkSize + 1, 3*chunkSize + 12345}
	const text = `<row r="1"><c t="s"><v>42</v></c></row>`
	parts := map[string][]byte{}
	var names []string
	for i, n := range sizes {
		b := make([]byte, n)
		for j := range b {
			// Half compressible text, half noise, so that both kinds of deflate block occur.
			if (j/4096)%2 == 0 {
				b[j] = text[j%len(text)]
			} else {
				b[j] = byte(rng.Uint32())
			}
		}
		// Created in reverse name order: Close must sort them.
		name := fmt.Sprintf("xl/part%d.xml", len(sizes)-i)
		parts[name] = b
		names = append(names, name)
	}
	write := func(step, limit, fast int) []byte {
		var buf bytes.Buffer
		z := newSortedZip(context.Background(), &buf)
		z.limit, z.fastAfter = limit, fast
		for _, name := range names {
			w, err := z.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			b := parts[name]
			for len(b) > 0 {
				k := min(step, len(b))
				if _, err := w.Write(b[:k]); err != nil {
					t.Fatal(err)
				}
				b = b[k:]
			}
		}
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		if buf.Len() != 0 {
			t.Fatalf("Close wrote %d bytes; only finish writes", buf.Len())
		}
		if err := z.finish(); err != nil {
			t.Fatal(err)
		}
		if limit == 0 && z.tmpSize == 0 {
			t.Error("nothing went to the temporary file with no memory allowed")
		}
		return buf.Bytes()
	}
	// The chunks past the limit go to a temporary file, removed on Close.
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	first := write(32<<10, memoryLimit, fastAfter)
	checkArchive(t, first, parts)
	for _, c := range []struct{ step, limit int }{{1 << 20, memoryLimit}, {7919, memoryLimit}, {3 << 20, memoryLimit}, {32 << 10, 0}, {7919, chunkSize}} {
		if !bytes.Equal(write(c.step, c.limit, fastAfter), first) {
			t.Errorf("writes of %d bytes with %d bytes in memory give another archive than writes of 32 KiB", c.step, c.limit)
		}
	}
	// Parts whose later chunks go at the fast level read back the same, are smaller than
	// stored, and do not depend on how they were written either.
	mixed := write(32<<10, memoryLimit, 1)
	if bytes.Equal(mixed, first) {
		t.Error("the fast level changed nothing")
	}
	checkArchive(t, mixed, parts)
	if !bytes.Equal(write(7919, 0, 1), mixed) {
		t.Error("writes of 7919 bytes, all in the temporary file, give another archive at the fast level")
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// checkArchive reads archive back and compares every part with parts, and the parts' order.
func checkArchive(t *testing.T, archive []byte, parts map[string][]byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(archive), int64(len(archive)))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != len(parts) {
		t.Fatalf("%d parts, want %d", len(zr.File), len(parts))
	}
	for i, f := range zr.File {
		if i > 0 && zr.File[i-1].Name >= f.Name {
			t.Errorf("part %q after %q: not sorted", f.Name, zr.File[i-1].Name)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if !bytes.Equal(got, parts[f.Name]) {
			t.Errorf("%s: read back %d bytes that differ from the %d written", f.Name, len(got), len(parts[f.Name]))
		}
	}
}

// TestSortedZipInsert checks insertBefore: the text goes right before the first marker
// however the writes split the part (the marker itself across two writes), and a part
// without its marker, or never written, fails Close.
func TestSortedZipInsert(t *testing.T) {
	head := `<worksheet><sheetViews/>` + strings.Repeat(" ", 3000)
	body := `<sheetData><row r="1"/></sheetData><sheetData/></worksheet>`
	const cols = `<cols><col min="1" max="2" width="9" customWidth="1"/></cols>`
	for _, tc := range []struct {
		name    string
		part    string // what is written to the part with the insert; "-" writes no such part
		steps   []int
		wantErr string
	}{
		{"one write", head + body, nil, ""},
		{"marker split across writes", head + body, []int{len(head) + 4}, ""},
		{"a byte at a time", head + body, []int{1}, ""},
		{"marker at the start", body, []int{3}, ""},
		{"no marker", head, nil, "internal error: part xl/worksheets/sheet2.xml has no <sheetData>"},
		{"part not written", "-", nil, "internal error: part xl/worksheets/sheet2.xml, which has an insert, was not written"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			z := newSortedZip(context.Background(), &buf)
			defer z.removeTemp()
			const name = "xl/worksheets/sheet2.xml"
			z.insertBefore(name, "<sheetData>", []byte(cols))
			other := []byte("<sheetData>not this part</sheetData>")
			parts := map[string][]byte{"xl/worksheets/sheet1.xml": other}
			w, _ := z.Create("xl/worksheets/sheet1.xml")
			w.Write(other)
			if tc.part != "-" {
				w, _ := z.Create(name)
				p := []byte(tc.part)
				for len(p) > 0 {
					k := len(p)
					if len(tc.steps) > 0 {
						k = min(k, tc.steps[0])
					}
					if _, err := w.Write(p[:k]); err != nil {
						t.Fatal(err)
					}
					p = p[k:]
				}
				parts[name] = []byte(strings.Replace(tc.part, "<sheetData>", cols+"<sheetData>", 1))
			}
			err := z.finish()
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("finish: %v, want %s", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkArchive(t, buf.Bytes(), parts)
		})
	}
}

// TestCompressPanic makes the goroutines that compress the workbook's parts panic: Write
// returns the panic as a *crash.Error, with the stack of the goroutine that panicked, and
// does not end the program.
func TestCompressPanic(t *testing.T) {
	rep := sampleReport(t)
	for _, tc := range []struct {
		name    string
		panicOf func()
		want    string
	}{
		{"a string", func() { panic("boom") }, "internal error: boom"},
		{"a runtime error", func() {
			var s []int
			_ = s[3]
		}, "internal error: runtime error: index out of range [3] with length 0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Write(context.Background(), io.Discard, rep, Options{Fault: func(stage string) {
				if stage == "workbook: compressing" {
					tc.panicOf()
				}
			}})
			var ce *crash.Error
			if !errors.As(err, &ce) || ce.Error() != tc.want {
				t.Fatalf("Write: %v, want a *crash.Error %q", err, tc.want)
			}
			if !strings.Contains(string(ce.Stack), "TestCompressPanic") || !strings.Contains(string(ce.Stack), "compress") {
				t.Errorf("the stack does not reach the panic:\n%s", ce.Stack)
			}
		})
	}
}
