package data

import (
	"io"
	"runtime"

	"github.com/gocarina/gocsv"
)

// decodeBatch is how many rows go to gocsv at a time.
const decodeBatch = 1024

// batch is a run of rows read, and what decoding them gave: their scopes and issues.
type batch struct {
	recs   [][]string
	scopes []Scope
	issues []Issue
	// err ends the input: a fatal error of the reader after recs, or gocsv's.
	err  error
	done chan struct{}
}

// decodeRows reads rr's rows and turns them into scopes, spread over the cores: after the
// header, one goroutine reads and checks the rows and cuts them into batches; in a pool of
// goroutines gocsv decodes each batch and each of its rows becomes a scope; the batches are
// then handed to each in the input's order, so the result is the same as reading one row
// after the other. The scopes come in chunks, one per batch, each a new array; n counts
// them. An error from each ends the reading and is returned.
func decodeRows(rr *rowReader, each func([]Scope) error) (n int, issues []Issue, err error) {
	header, err := rr.Read()
	if err != nil {
		return 0, nil, err
	}
	workers := runtime.GOMAXPROCS(0)
	queue := make(chan *batch, 2*workers)
	inOrder := make(chan *batch, 2*workers)
	go func() {
		defer close(queue)
		defer close(inOrder)
		for {
			b := &batch{done: make(chan struct{})}
			for len(b.recs) < decodeBatch && b.err == nil {
				rec, err := rr.Read()
				if err == io.EOF {
					break
				}
				if err != nil {
					b.err = err
					break
				}
				b.recs = append(b.recs, rec)
			}
			if len(b.recs) == 0 && b.err == nil {
				return
			}
			last := b.err != nil || len(b.recs) < decodeBatch
			inOrder <- b
			queue <- b
			if last {
				return
			}
		}
	}()
	for range workers {
		go func() {
			for b := range queue {
				b.decode(header, &rr.cfg)
				close(b.done)
			}
		}()
	}
	// Every batch is waited for, even after an error, so that no goroutine is left behind.
	for b := range inOrder {
		<-b.done
		if err != nil {
			continue
		}
		if b.err != nil {
			err = b.err
			continue
		}
		issues = append(issues, b.issues...)
		if len(b.scopes) > 0 {
			n += len(b.scopes)
			err = each(b.scopes)
		}
	}
	return n, issues, err
}

// decode decodes the batch's rows with gocsv and turns each into a scope. A fatal error
// read after the rows stays in b.err, and so does gocsv's.
func (b *batch) decode(header []string, cfg *rowConfig) {
	if len(b.recs) == 0 {
		return
	}
	rows := make([]csvRow, 0, len(b.recs))
	all := make([][]string, 0, len(b.recs)+1)
	all = append(append(all, header), b.recs...)
	if err := gocsv.UnmarshalDecoder(gocsv.NewSimpleDecoderFromCSVReader(recordsReader(all)), &rows); err != nil {
		if b.err == nil {
			b.err = err
		}
		return
	}
	b.recs = nil
	b.scopes = make([]Scope, 0, len(rows))
	for i := range rows {
		sc, iss, ok := rows[i].toScope(cfg)
		b.issues = append(b.issues, iss...)
		if ok {
			b.scopes = append(b.scopes, sc)
		}
	}
}

// recordsReader hands records already read to gocsv.
type recordsReader [][]string

func (r recordsReader) ReadAll() ([][]string, error) { return r, nil }

func (r recordsReader) Read() ([]string, error) {
	panic("recordsReader: gocsv reads a batch with ReadAll")
}
