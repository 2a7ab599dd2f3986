package input

import (
	"context"
	"io"
	"runtime"

	"breachreport/data"
	"breachreport/internal/crash"

	"github.com/gocarina/gocsv"
)

// decodeBatch is how many rows a worker decodes at a time, unless they pass decodeCells
// fields first: a batch of 1,024 rows of 16,384 columns would hold 16 million fields, and
// several batches are in flight.
const (
	decodeBatch = 1024
	decodeCells = 1 << 15
)

// batch is a run of rows read, and what decoding them gave: their scopes and issues.
type batch struct {
	rows   []rawRow
	scopes []data.Scope
	issues []data.Issue
	// err ends the input: a fatal error of the reader after rows.
	err  error
	done chan struct{}
}

// decodeRows reads rr's header, then its rows, and turns them into scopes, spread over the
// cores: CSV text in chunks of whole rows (see readChunks), a workbook's rows in batches
// (see decodeBatches). Either way the scopes are handed to each in the input's order, so the
// result is the same as reading one row after the other. The scopes come in runs, each a new
// array; n counts them. Issues found in converting rows are returned; those of the rows'
// structure go into rr.log. An error from each ends the reading and is returned.
func decodeRows(ctx context.Context, rr *rowReader, each func([]data.Scope) error) (n int, issues *data.IssueLog, err error) {
	if err := rr.header(); err != nil {
		return 0, nil, err
	}
	return decodeBatches(ctx, rr, each)
}

// decodeBatches reads rr's rows after the header and turns them into scopes: one goroutine
// reads and checks the rows and cuts them into batches; in a pool of goroutines each row of
// a batch becomes a scope; the batches are handed to each in the input's order.
func decodeBatches(ctx context.Context, rr *rowReader, each func([]data.Scope) error) (n int, issues *data.IssueLog, err error) {
	issues = &data.IssueLog{Cap: rr.opts.IssueCap, Each: rr.opts.EachIssue, Stage: data.StageDecode}
	workers := runtime.GOMAXPROCS(0)
	queue := make(chan *batch, 2*workers)
	inOrder := make(chan *batch, 2*workers)
	go func() {
		defer close(queue)
		defer close(inOrder)
		for {
			b := &batch{done: make(chan struct{}), err: ctx.Err()}
			b.rows = make([]rawRow, 0, decodeBatch)
			eof := false
			if b.err == nil {
				eof, b.err = b.read(rr)
			}
			if len(b.rows) == 0 && b.err == nil {
				return
			}
			last := b.err != nil || eof
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
				if err := b.decodeCaught(&rr.cfg); err != nil && b.err == nil {
					b.err = err
				}
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
		issues.AddAll(b.issues)
		if len(b.scopes) > 0 {
			n += len(b.scopes)
			err = each(b.scopes)
		}
	}
	return n, issues, err
}

// read reads rr's rows into the batch, until it is full or the rows end; eof says they
// ended. A panic is returned as a *crash.Error: on this goroutine it would end the program.
func (b *batch) read(rr *rowReader) (eof bool, err error) {
	defer crash.Catch(&err)
	for cells := 0; len(b.rows) < decodeBatch && cells < decodeCells; {
		row, err := rr.next()
		if err == io.EOF {
			return true, nil
		}
		if err != nil {
			return false, err
		}
		b.rows = append(b.rows, row)
		cells += len(row.vals) + len(row.extra)
	}
	return false, nil
}

// decodeCaught is decode, with a panic returned as a *crash.Error.
func (b *batch) decodeCaught(cfg *rowConfig) (err error) {
	defer crash.Catch(&err)
	return b.decode(cfg)
}

// decode turns each of the batch's rows into a scope, gathering their issues: gocsv binds
// the rows' values to csvRows by the mapped header, and toScope checks and converts each.
func (b *batch) decode(cfg *rowConfig) error {
	if len(b.rows) == 0 {
		return nil
	}
	var rows []csvRow
	if err := gocsv.UnmarshalDecoder(batchRows{cfg.header, b.rows}, &rows); err != nil {
		return data.Errorf("binding the rows' values: %w", err)
	}
	b.scopes = make([]data.Scope, 0, len(rows))
	for i := range rows {
		r := &b.rows[i]
		rows[i].Line, rows[i].FieldLines, rows[i].Extra = r.line, r.fieldLines, r.extra
		sc, iss, ok := rows[i].toScope(cfg)
		b.issues = append(b.issues, iss...)
		if ok {
			b.scopes = append(b.scopes, sc)
		}
	}
	b.rows = nil
	return nil
}

// batchRows is a gocsv.Decoder of a batch of rows: the mapped header, then each row's values.
type batchRows struct {
	header []string
	rows   []rawRow
}

func (d batchRows) GetCSVRows() ([][]string, error) {
	out := make([][]string, 0, len(d.rows)+1)
	out = append(out, d.header)
	for _, r := range d.rows {
		out = append(out, r.vals)
	}
	return out, nil
}
