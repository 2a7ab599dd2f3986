package reports

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/klauspost/compress/flate"
)

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n -= len(p); w.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

// TestSortedZipOutputError spills every chunk to the temporary file: whether the output
// fails at once or halfway, finish returns the error, the file is gone, and no goroutine
// is left.
func TestSortedZipOutputError(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	rng := rand.New(rand.NewPCG(3, 4))
	data := make([]byte, 5*chunkSize+77)
	for i := range data {
		data[i] = byte(rng.Uint32() % 16)
	}
	for _, okBytes := range []int{0, 100, chunkSize} {
		base := runtime.NumGoroutine()
		z := newSortedZip(context.Background(), &failWriter{n: okBytes})
		z.limit = 0 // every chunk goes to the temporary file
		for _, name := range []string{"b.xml", "a.xml"} {
			w, _ := z.Create(name)
			w.Write(data)
		}
		if err := z.Close(); err != nil {
			t.Fatalf("ok %d: Close: %v", okBytes, err)
		}
		if err := z.finish(); err == nil {
			t.Fatalf("ok %d: finish: no error", okBytes)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) != 0 {
			t.Errorf("ok %d: left behind: %v", okBytes, left)
		}
		settle(t, base)
	}
}

// TestPooledFlateDeterministic checks that a pooled deflater gives the same bytes as a fresh one, whatever it compressed before,
// at both levels: the chunks, and so the workbook, do not depend on which goroutine got
// which deflater.
func TestPooledFlateDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	mk := func(n int) []byte {
		b := make([]byte, n)
		const text = `<row r="12"><c r="A12" s="3" t="str"><v>Example Co.</v></c></row>`
		for i := range b {
			if (i/3000)%3 == 0 {
				b[i] = byte(rng.Uint32())
			} else {
				b[i] = text[i%len(text)]
			}
		}
		return b
	}
	chunk := mk(chunkSize)
	for _, level := range []int{zipLevel, fastLevel} {
		fresh := func() []byte {
			var out bytes.Buffer
			fw, _ := flate.NewWriter(&out, level)
			fw.Write(chunk)
			fw.Flush()
			return out.Bytes()
		}()
		fw, _ := flate.NewWriter(io.Discard, level)
		for i := range 5 {
			fw.Reset(io.Discard)
			fw.Write(mk(chunkSize - i*1000))
			fw.Flush()
			var out bytes.Buffer
			fw.Reset(&out)
			fw.Write(chunk)
			fw.Flush()
			if !bytes.Equal(out.Bytes(), fresh) {
				t.Fatalf("level %d: a reused deflater wrote different bytes (use %d)", level, i)
			}
		}
	}
	_ = os.Remove
}
