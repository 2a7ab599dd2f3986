package reports

import (
	"archive/zip"
	"breachreport/data"
	"breachreport/internal/crash"
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"maps"
	"os"
	"runtime"
	"slices"
	"sort"
	"sync"

	"github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"
)

// sortedZip is the zip writer excelize writes the workbook with. excelize adds the
// streamed sheets in map order; sortedZip writes the parts, on Close, in a fixed order
// ([Content_Types].xml first, then by name), so that the same report gives the same bytes.
//
// Compression is the largest single cost of a large workbook, so it uses every core: each
// part is cut into chunks of chunkSize bytes, and each chunk is deflated on its own in a
// goroutine, ending with a sync flush (the last with the final block). Joined in order,
// the chunks are one valid deflate stream; a chunk only loses back-references into the one
// before it, a fraction of a percent in size. The chunk boundaries depend only on the
// bytes, so the output does not depend on the scheduling.
//
// The compressed chunks are held in memory up to memoryLimit bytes in all; past that they
// go to a temporary file, read back in order on Close and then removed, so that a large
// workbook costs disk, not memory.
type sortedZip struct {
	// ctx, when cancelled, makes the writing of parts and of the archive fail with its error.
	ctx     context.Context
	w       io.Writer
	entries []*zipEntry
	// tempDir is where the temporary file goes; "" is the system's.
	tempDir string
	// slots bounds the chunks being compressed at once, and so the memory they hold.
	slots chan struct{}

	mu      sync.Mutex // guards what follows, written by the compressing goroutines
	held    int        // bytes of compressed chunks in memory
	tmp     *os.File   // the chunks past memoryLimit, or nil
	tmpSize int64
	limit   int
	// fastAfter is how many chunks of a part go at zipLevel before the rest go at
	// fastLevel; tests lower it.
	fastAfter int
	// closeErr is the first error of the compression, as Close found it.
	closeErr error
	// fault is Options.Fault.
	fault func(stage string)
	// inserts are texts to put into parts as they are written, by part name (see
	// insertBefore); a part takes its insert out when it starts.
	inserts map[string]*zipInsert
}

// zipInsert is a text put into a part just before the first occurrence of marker.
type zipInsert struct {
	marker, text []byte
}

// maxInsertSearch is how far into a part its marker is looked for, the bytes before it held.
const maxInsertSearch = 1 << 20

// memoryLimit is how many compressed bytes a workbook holds in memory before it uses a
// temporary file.
const memoryLimit = 8 << 20

var _ excelize.ZipWriter = (*sortedZip)(nil)

// chunkSize is how many bytes of a part are deflated together.
const chunkSize = 1 << 20

// zipLevel is the deflate level: 5, as archive/zip and so excelize's own writer use. Past
// the first fastAfter chunks of a part (64 MiB of a sheet of about 70,000 rows), the rest
// of the part goes at fastLevel: a million-row sheet compresses about twice as fast, for
// about a fifth more bytes.
const (
	zipLevel  = 5
	fastLevel = 1
	fastAfter = 64
)

// zipEntry is one part: its chunks, compressed or being compressed, in order.
type zipEntry struct {
	z       *sortedZip
	name    string
	crc     hash.Hash32
	size    uint64
	pending []byte
	chunks  []*zipChunk
	ended   bool
	// ins is the part's insert until it is placed; held are the bytes written before its
	// marker is found.
	ins  *zipInsert
	held []byte
	// err is the error of the insert: a marker not found.
	err error
}

// zipChunk is one chunk of a part, deflated in its own goroutine.
type zipChunk struct {
	done chan struct{}
	out  bytes.Buffer
	err  error
	// onDisk says the chunk is the n bytes at off in the temporary file, not out.
	onDisk bool
	off, n int64
}

// chunkBufs are the buffers of uncompressed chunks, reused once deflated.
var chunkBufs = sync.Pool{New: func() any {
	b := make([]byte, 0, chunkSize)
	return &b
}}

// flateWriters are the deflaters of each level, reused.
var flateWriters = map[int]*sync.Pool{zipLevel: flatePool(zipLevel), fastLevel: flatePool(fastLevel)}

func flatePool(level int) *sync.Pool {
	return &sync.Pool{New: func() any {
		w, _ := flate.NewWriter(io.Discard, level)
		return w
	}}
}

// newSortedZip returns the writer of a workbook to w. (excelize passes the writer a
// buffer of its own, to hold the whole file in memory; Write gives it w instead.)
func newSortedZip(ctx context.Context, w io.Writer) *sortedZip {
	return &sortedZip{ctx: ctx, w: w, slots: make(chan struct{}, 2*runtime.GOMAXPROCS(0)), limit: memoryLimit, fastAfter: fastAfter}
}

// keep holds a compressed chunk in memory, or moves it to the temporary file once the
// chunks in memory pass the limit.
func (z *sortedZip) keep(c *zipChunk) error {
	z.mu.Lock()
	defer z.mu.Unlock()
	if z.tmp == nil && z.held+c.out.Len() <= z.limit {
		z.held += c.out.Len()
		return nil
	}
	if z.tmp == nil {
		f, err := os.CreateTemp(z.tempDir, "breachreport-*.zip-parts")
		if err != nil {
			return data.Errorf("temporary file for the workbook: %w", err)
		}
		// Where the system allows it (not Windows), the file goes from the directory at
		// once and lives on as long as it is open: even a killed run leaves nothing.
		_ = os.Remove(f.Name())
		z.tmp = f
	}
	n, err := z.tmp.Write(c.out.Bytes())
	if err != nil {
		return data.Errorf("temporary file for the workbook: %w", err)
	}
	c.onDisk, c.off, c.n = true, z.tmpSize, int64(n)
	z.tmpSize += int64(n)
	c.out = bytes.Buffer{}
	return nil
}

// removeTemp removes the temporary file, if any.
func (z *sortedZip) removeTemp() {
	if z.tmp != nil {
		z.tmp.Close()
		os.Remove(z.tmp.Name())
		z.tmp = nil
	}
}

func (e *zipEntry) Write(p []byte) (int, error) {
	if err := e.z.ctx.Err(); err != nil {
		return 0, err
	}
	if e.ins == nil {
		return e.write(p), nil
	}
	e.held = append(e.held, p...)
	i := bytes.Index(e.held, e.ins.marker)
	if i < 0 {
		if len(e.held) > maxInsertSearch {
			e.err = fmt.Errorf("internal error: part %s has no %s in its first %d bytes", e.name, e.ins.marker, len(e.held))
			return 0, e.err
		}
		return len(p), nil
	}
	held, text := e.held, e.ins.text
	e.ins, e.held = nil, nil
	e.write(held[:i])
	e.write(text)
	e.write(held[i:])
	return len(p), nil
}

// write adds p to the part, compressing each full chunk.
func (e *zipEntry) write(p []byte) int {
	n := len(p)
	e.crc.Write(p)
	e.size += uint64(n)
	for len(p) > 0 {
		if e.pending == nil {
			e.pending = (*chunkBufs.Get().(*[]byte))[:0]
		}
		k := min(len(p), chunkSize-len(e.pending))
		e.pending = append(e.pending, p[:k]...)
		p = p[k:]
		if len(e.pending) == chunkSize {
			e.compress(false)
		}
	}
	return n
}

// compress hands the pending bytes to a goroutine; last ends the deflate stream.
func (e *zipEntry) compress(last bool) {
	c := &zipChunk{done: make(chan struct{})}
	level := zipLevel
	if len(e.chunks) >= e.z.fastAfter {
		level = fastLevel
	}
	e.chunks = append(e.chunks, c)
	in := e.pending
	e.pending = nil
	e.z.slots <- struct{}{}
	go func() {
		defer func() {
			if cap(in) >= chunkSize {
				in = in[:0]
				chunkBufs.Put(&in)
			}
			<-e.z.slots
			close(c.done)
		}()
		// A panic here would end the program: it is the chunk's error instead, which
		// Write returns and the command reports as a bug.
		defer crash.Catch(&c.err)
		if e.z.fault != nil {
			e.z.fault("workbook: compressing")
		}
		pool := flateWriters[level]
		fw := pool.Get().(*flate.Writer)
		defer pool.Put(fw)
		fw.Reset(&c.out)
		if _, c.err = fw.Write(in); c.err != nil {
			return
		}
		if last {
			c.err = fw.Close()
		} else {
			c.err = fw.Flush()
		}
		if c.err == nil {
			c.err = e.z.keep(c)
		}
	}()
}

// end hands the rest of the part to be compressed, with the final block.
func (e *zipEntry) end() {
	if e.ended {
		return
	}
	e.ended = true
	if e.ins != nil && e.err == nil {
		e.err = fmt.Errorf("internal error: part %s has no %s", e.name, e.ins.marker)
	}
	e.compress(true)
}

// Create starts a part, ending the one before.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	z.end()
	e := &zipEntry{z: z, name: name, crc: crc32.NewIEEE()}
	z.mu.Lock()
	e.ins = z.inserts[name]
	delete(z.inserts, name)
	z.mu.Unlock()
	z.entries = append(z.entries, e)
	return e, nil
}

// insertBefore makes part name, when it is written, have text just before the first
// occurrence of marker, which must be within its first maxInsertSearch bytes. Close fails
// if the part is never written or has no marker.
func (z *sortedZip) insertBefore(name, marker string, text []byte) {
	z.mu.Lock()
	defer z.mu.Unlock()
	if z.inserts == nil {
		z.inserts = map[string]*zipInsert{}
	}
	z.inserts[name] = &zipInsert{marker: []byte(marker), text: text}
}

// end ends the last part.
func (z *sortedZip) end() {
	if n := len(z.entries); n > 0 {
		z.entries[n-1].end()
	}
}

// AddFS is not used by excelize when it writes a workbook.
func (z *sortedZip) AddFS(fs.FS) error { return errors.New("sortedZip: AddFS not supported") }

// Close waits for the compression to end; it writes nothing. excelize calls it whether or
// not it wrote every part, so the archive is written by finish, once Write knows excelize
// succeeded: a failed workbook never reaches the output half written.
func (z *sortedZip) Close() error {
	z.end()
	z.closeErr = nil
	for _, e := range z.entries {
		if z.closeErr == nil {
			z.closeErr = e.err
		}
		for _, c := range e.chunks {
			<-c.done
			if z.closeErr == nil {
				z.closeErr = c.err
			}
		}
	}
	z.mu.Lock()
	defer z.mu.Unlock()
	if names := slices.Sorted(maps.Keys(z.inserts)); len(names) > 0 && z.closeErr == nil {
		z.closeErr = fmt.Errorf("internal error: part %s, which has an insert, was not written", names[0])
	}
	return z.closeErr
}

// finish writes the parts in order and ends the archive; then, as on every path, the
// temporary file goes.
func (z *sortedZip) finish() error {
	defer z.removeTemp()
	if err := z.Close(); err != nil {
		return err
	}
	const first = "[Content_Types].xml"
	sort.SliceStable(z.entries, func(i, j int) bool {
		a, b := z.entries[i].name, z.entries[j].name
		if (a == first) != (b == first) {
			return a == first
		}
		return a < b
	})
	zw := zip.NewWriter(z.w)
	for _, e := range z.entries {
		var compressed uint64
		for _, c := range e.chunks {
			compressed += uint64(c.out.Len() + int(c.n))
		}
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name: e.name, Method: zip.Deflate, CRC32: e.crc.Sum32(),
			CompressedSize64: compressed, UncompressedSize64: e.size,
		})
		if err != nil {
			return err
		}
		for _, c := range e.chunks {
			if err := z.ctx.Err(); err != nil {
				return err
			}
			if c.onDisk {
				if _, err := io.Copy(w, io.NewSectionReader(z.tmp, c.off, c.n)); err != nil {
					return data.Errorf("temporary file for the workbook: %w", err)
				}
				continue
			}
			if _, err := w.Write(c.out.Bytes()); err != nil {
				return err
			}
			c.out = bytes.Buffer{}
		}
	}
	return zw.Close()
}
