package data

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"unsafe"
)

// defaultChunkSize is about how much CSV text a worker reads at a time (Options.chunkSize
// changes it).
const defaultChunkSize = 256 << 10

// errIrregular is what rowReader.next returns, reading a chunk, at a row that is broken or
// read again (csvSource.irregular): the rows after it may not start where the chunks do.
var errIrregular = errors.New("irregular row")

// chunk is a run of whole rows of CSV text, cut where fieldGuard ended a row, and what
// reading it gave.
type chunk struct {
	text     []byte
	base     int64 // offset of text in the input's text
	lineBase int   // lines before text
	marks    []mark
	// err is where the text stopped after text: an error of the input or a limit; nil when
	// the text goes on or ends there.
	err error
	// tail is set on the last chunk sent after the reading was told to stop: the text read
	// and not yet cut, which no worker reads.
	tail bool

	res       Result // RowsRead, RowsBlank, RowsRejected and the structural Issues
	scopes    []Scope
	rowIssues []Issue
	fatal     error
	irregular bool
	done      chan struct{}
}

// readChunks reads the CSV rows after the header in parallel: one goroutine takes the text
// through the fieldGuard (which bounds what is held, and knows where each row ends) and
// cuts it into chunks of whole rows; a pool of goroutines reads each chunk as rowReader.next
// would, each with its own encoding/csv reader, and turns its rows into scopes; the chunks'
// results are then taken in the input's order. Rows start where fieldGuard ends them only
// as long as every row is well formed (quotes closed, no row read again), so at the first
// chunk with a row that is not, the reading stops cutting and goes on from that chunk's
// start one row after the other (decodeBatches), exactly as it would have from the start.
func readChunks(rr *rowReader, src *csvSource, g *fieldGuard, each func([]Scope) error) (n int, issues []Issue, err error) {
	workers := runtime.GOMAXPROCS(0)
	queue := make(chan *chunk, 2*workers)
	inOrder := make(chan *chunk, 2*workers)
	var stop atomic.Bool
	ahead, base, lines := src.rest(rr.res.Layout.Header)
	size := rr.opts.chunkSize
	if size == 0 {
		size = defaultChunkSize
	}
	go cutChunks(ahead, base, lines, size, g, src.dec, &stop, queue, inOrder)
	for range workers {
		go func() {
			for c := range queue {
				c.read(rr, src.delim)
				close(c.done)
			}
		}()
	}
	var redo []*chunk // from the first irregular chunk on
	// Every chunk is waited for, even after an error, so that no goroutine is left behind.
	for c := range inOrder {
		<-c.done
		switch {
		case redo != nil:
			redo = append(redo, c)
			continue
		case err != nil || c.tail:
			continue
		case c.irregular:
			stop.Store(true)
			redo = []*chunk{c}
			continue
		}
		putChunkBuf(c.text)
		c.text = nil
		before := rr.res.RowsRead
		rr.res.RowsRead += c.res.RowsRead
		rr.res.RowsBlank += c.res.RowsBlank
		rr.res.RowsRejected += c.res.RowsRejected
		rr.res.Issues = append(rr.res.Issues, c.res.Issues...)
		if p := rr.opts.Progress; p != nil {
			for m := (before/4096 + 1) * 4096; m <= rr.res.RowsRead; m += 4096 {
				p(m)
			}
		}
		if c.fatal != nil {
			err = c.fatal
			stop.Store(true)
			continue
		}
		issues = append(issues, c.rowIssues...)
		if len(c.scopes) > 0 {
			n += len(c.scopes)
			if err = each(c.scopes); err != nil {
				stop.Store(true)
			}
		}
	}
	if err != nil || redo == nil {
		return n, issues, err
	}
	var (
		text  []byte
		marks []mark
		after error
	)
	for _, c := range redo {
		text = append(text, c.text...)
		marks = append(marks, c.marks...)
		after = c.err
	}
	rest := io.Reader(g)
	if after != nil {
		rest = errReader{after}
	}
	src.guard = io.MultiReader(bytes.NewReader(text), rest)
	src.dec = &markList{marks: marks, more: src.dec}
	src.restart(nil, redo[0].base, redo[0].lineBase)
	m, more, err := decodeBatches(rr, each)
	return n + m, append(issues, more...), err
}

// cutChunks reads the text after ahead (which starts at offset base, after lines lines)
// through g and sends it cut into chunks of about size bytes, each ending where g ended a
// row, to queue and to inOrder, until the text ends, an error stops it, or stop is set; it
// then closes both. After a stop, the text read and not sent goes to inOrder as a tail.
func cutChunks(ahead []byte, base int64, lines int, size int, g *fieldGuard, dec markSource, stop *atomic.Bool, queue, inOrder chan<- *chunk) {
	defer close(queue)
	defer close(inOrder)
	buf := append(getChunkBuf(size), ahead...)
	var err error
	for {
		if stop.Load() {
			inOrder <- &chunk{text: buf, base: base, lineBase: lines, err: err, tail: true, done: closed}
			return
		}
		for err == nil && (len(buf) < size || g.rowEnd <= base) {
			// Read up to size, then on in steps of size until a row ends.
			want := size - len(buf)
			if want <= 0 {
				want = size
			}
			buf = slices.Grow(buf, want)
			var k int
			k, err = g.Read(buf[len(buf) : len(buf)+want])
			buf = buf[:len(buf)+k]
		}
		cut := len(buf)
		if err == nil {
			cut = int(g.rowEnd - base)
		}
		c := &chunk{text: buf[:cut], base: base, lineBase: lines, marks: dec.take(base + int64(cut)), done: make(chan struct{})}
		if cut == len(buf) && err != io.EOF {
			c.err = err
		}
		lines += bytes.Count(c.text, newline)
		base += int64(cut)
		buf = append(getChunkBuf(size), buf[cut:]...)
		if len(c.text) > 0 || c.err != nil {
			queue <- c
			inOrder <- c
		}
		if err != nil && len(buf) == 0 {
			return
		}
	}
}

// readAhead is the room cutChunks leaves in a chunk's buffer for a read.
const readAhead = 64 << 10

// chunkBufs keeps the buffers of chunks read, for the chunks cut after them.
var chunkBufs sync.Pool

// getChunkBuf returns an empty buffer for a chunk of about size bytes.
func getChunkBuf(size int) []byte {
	if b, ok := chunkBufs.Get().(*[]byte); ok && cap(*b) >= size+readAhead {
		return (*b)[:0]
	}
	return make([]byte, 0, size+readAhead)
}

// putChunkBuf gives back the buffer of a chunk that is read and no longer needed.
func putChunkBuf(b []byte) {
	chunkBufs.Put(&b)
}

// closed is a channel that is closed: a tail chunk is done as it is sent.
var closed = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

// read reads the chunk's rows as rr would (rr is not changed), from text in delim-separated
// CSV, and turns them into scopes. It stops at the first irregular row.
func (c *chunk) read(proto *rowReader, delim rune) {
	src := newChunkSource(c.text, c.base, c.lineBase, c.marks, c.err, delim, proto.width)
	c.res = Result{Layout: proto.res.Layout, Encoding: proto.res.Encoding, Delimiter: proto.res.Delimiter, Sheet: proto.res.Sheet}
	rr := *proto
	rr.src, rr.res, rr.chunk = src, &c.res, src
	rr.opts.Progress = nil
	rr.cfg.plain = plainText([]string{unsafe.String(unsafe.SliceData(c.text), len(c.text))})
	c.scopes = make([]Scope, 0, bytes.Count(c.text, newline)+1)
	var row csvRow
	for {
		raw, err := rr.next()
		if err == io.EOF {
			return
		}
		if err == errIrregular {
			c.irregular = true
			c.scopes, c.rowIssues = nil, nil
			return
		}
		if err != nil {
			c.fatal = err
			return
		}
		c.scopes, c.rowIssues = raw.convert(&rr.cfg, &row, c.scopes, c.rowIssues)
	}
}
