package reports

import (
	"archive/zip"
	"bytes"
	"errors"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"runtime"
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
// bytes, so the output does not depend on the scheduling. The compressed parts are held in
// memory, as excelize itself does with the whole file.
type sortedZip struct {
	w       io.Writer
	entries []*zipEntry
	// slots bounds the chunks being compressed at once, and so the memory they hold.
	slots chan struct{}
}

// chunkSize is how many bytes of a part are deflated together.
const chunkSize = 1 << 20

// zipLevel is the deflate level: 5, as archive/zip and so excelize's own writer use.
const zipLevel = 5

// zipEntry is one part: its chunks, compressed or being compressed, in order.
type zipEntry struct {
	z       *sortedZip
	name    string
	crc     hash.Hash32
	size    uint64
	pending []byte
	chunks  []*zipChunk
	ended   bool
}

// zipChunk is one chunk of a part, deflated in its own goroutine.
type zipChunk struct {
	done chan struct{}
	out  bytes.Buffer
	err  error
}

var flateWriters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(io.Discard, zipLevel)
	return w
}}

func newSortedZip(w io.Writer) excelize.ZipWriter {
	return &sortedZip{w: w, slots: make(chan struct{}, 2*runtime.GOMAXPROCS(0))}
}

func (e *zipEntry) Write(p []byte) (int, error) {
	n := len(p)
	e.crc.Write(p)
	e.size += uint64(n)
	for len(p) > 0 {
		if e.pending == nil {
			e.pending = make([]byte, 0, chunkSize)
		}
		k := min(len(p), chunkSize-len(e.pending))
		e.pending = append(e.pending, p[:k]...)
		p = p[k:]
		if len(e.pending) == chunkSize {
			e.compress(false)
		}
	}
	return n, nil
}

// compress hands the pending bytes to a goroutine; last ends the deflate stream.
func (e *zipEntry) compress(last bool) {
	c := &zipChunk{done: make(chan struct{})}
	e.chunks = append(e.chunks, c)
	in := e.pending
	e.pending = nil
	e.z.slots <- struct{}{}
	go func() {
		defer func() { <-e.z.slots; close(c.done) }()
		fw := flateWriters.Get().(*flate.Writer)
		defer flateWriters.Put(fw)
		fw.Reset(&c.out)
		if _, c.err = fw.Write(in); c.err != nil {
			return
		}
		if last {
			c.err = fw.Close()
		} else {
			c.err = fw.Flush()
		}
	}()
}

// end hands the rest of the part to be compressed, with the final block.
func (e *zipEntry) end() {
	if !e.ended {
		e.ended = true
		e.compress(true)
	}
}

// Create starts a part, ending the one before.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	z.end()
	e := &zipEntry{z: z, name: name, crc: crc32.NewIEEE()}
	z.entries = append(z.entries, e)
	return e, nil
}

// end ends the last part.
func (z *sortedZip) end() {
	if n := len(z.entries); n > 0 {
		z.entries[n-1].end()
	}
}

// AddFS is not used by excelize when it writes a workbook.
func (z *sortedZip) AddFS(fs.FS) error { return errors.New("sortedZip: AddFS not supported") }

// Close waits for the compression, writes the parts in order and ends the archive.
func (z *sortedZip) Close() error {
	z.end()
	var err error
	for _, e := range z.entries {
		for _, c := range e.chunks {
			<-c.done
			if err == nil {
				err = c.err
			}
		}
	}
	if err != nil {
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
			compressed += uint64(c.out.Len())
		}
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name: e.name, Method: zip.Deflate, CRC32: e.crc.Sum32(),
			CompressedSize64: compressed, UncompressedSize64: e.size,
		})
		if err != nil {
			return err
		}
		for _, c := range e.chunks {
			if _, err := w.Write(c.out.Bytes()); err != nil {
				return err
			}
			c.out = bytes.Buffer{}
		}
	}
	return zw.Close()
}
