package reports

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"sort"

	"github.com/xuri/excelize/v2"
)

// sortedZip is the zip writer excelize writes the workbook with. excelize adds the
// streamed sheets in map order; sortedZip compresses each part as it comes and writes
// them, on Close, in a fixed order ([Content_Types].xml first, then by name), so that the
// same report gives the same bytes. It holds the compressed parts in memory, as excelize
// itself does with the whole file.
type sortedZip struct {
	w       io.Writer
	entries []*zipEntry
}

// zipEntry is one part, compressed.
type zipEntry struct {
	name string
	data bytes.Buffer
	fw   *flate.Writer
	crc  hash.Hash32
	size uint64
}

func (e *zipEntry) Write(p []byte) (int, error) {
	e.crc.Write(p)
	e.size += uint64(len(p))
	return e.fw.Write(p)
}

func newSortedZip(w io.Writer) excelize.ZipWriter { return &sortedZip{w: w} }

// Create starts a part, ending the one before.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.end(); err != nil {
		return nil, err
	}
	e := &zipEntry{name: name, crc: crc32.NewIEEE()}
	fw, err := flate.NewWriter(&e.data, flate.DefaultCompression)
	if err != nil {
		return nil, err
	}
	e.fw = fw
	z.entries = append(z.entries, e)
	return e, nil
}

// end finishes the compression of the last part.
func (z *sortedZip) end() error {
	if n := len(z.entries); n > 0 && z.entries[n-1].fw != nil {
		e := z.entries[n-1]
		err := e.fw.Close()
		e.fw = nil
		return err
	}
	return nil
}

// AddFS is not used by excelize when it writes a workbook.
func (z *sortedZip) AddFS(fs.FS) error { return errors.New("sortedZip: AddFS not supported") }

// Close writes the parts in order and ends the archive.
func (z *sortedZip) Close() error {
	if err := z.end(); err != nil {
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
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name: e.name, Method: zip.Deflate, CRC32: e.crc.Sum32(),
			CompressedSize64: uint64(e.data.Len()), UncompressedSize64: e.size,
		})
		if err != nil {
			return err
		}
		if _, err := w.Write(e.data.Bytes()); err != nil {
			return err
		}
		e.data = bytes.Buffer{}
	}
	return zw.Close()
}
