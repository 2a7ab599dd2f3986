package reports

import "github.com/xuri/excelize/v2"

// rowSink writes the rows of one streamed sheet part in a goroutine of its own: the sheet's
// cells are worked out on one core while excelize encodes the rows before them on the
// other. Rows go over in batches, and a few batches are reused, so the memory it takes is
// fixed. The first error of excelize's is kept, and the rows after it are dropped.
type rowSink struct {
	sw      *excelize.StreamWriter
	batches chan *rowBatch
	free    chan *rowBatch
	cur     *rowBatch
	done    chan struct{}
	err     error
}

// rowBatch is batchRows rows, or fewer of batchCells cells or more: their cells (with the
// column of each) in one slice.
type rowBatch struct {
	cells []excelize.Cell
	cols  []int
	rows  []sinkRow
}

// sinkRow is a row of a batch: its number, the end of its cells in the batch and its
// height (0 leaves the default).
type sinkRow struct {
	row, end int
	height   float64
}

// A batch goes at batchRows rows or batchCells cells, whichever comes first: a sheet of
// 16,384 columns (the input's own, on Scopes) would otherwise hold a thousand rows of them,
// gigabytes, in its batches.
const (
	batchRows   = 256
	batchCells  = 1 << 14
	sinkBatches = 4
)

func newRowSink(sw *excelize.StreamWriter) *rowSink {
	s := &rowSink{sw: sw, batches: make(chan *rowBatch, sinkBatches), free: make(chan *rowBatch, sinkBatches),
		done: make(chan struct{})}
	for range sinkBatches - 1 {
		s.free <- &rowBatch{}
	}
	s.cur = &rowBatch{}
	go s.run()
	return s
}

// add queues row number row, of cells row.
func (s *rowSink) add(row int, cells []out, height float64) {
	b := s.cur
	for i := range cells {
		o := &cells[i]
		b.cells = append(b.cells, excelize.Cell{StyleID: o.style, Value: o.value()})
		b.cols = append(b.cols, o.col)
	}
	b.rows = append(b.rows, sinkRow{row: row, end: len(b.cells), height: height})
	if len(b.rows) == batchRows || len(b.cells) >= batchCells {
		s.batches <- b
		s.cur = <-s.free
	}
}

// close writes the rows queued and ends the goroutine, returning excelize's first error.
func (s *rowSink) close() error {
	if len(s.cur.rows) > 0 {
		s.batches <- s.cur
	}
	close(s.batches)
	<-s.done
	return s.err
}

func (s *rowSink) run() {
	defer close(s.done)
	var vals []any
	for b := range s.batches {
		start := 0
		for _, r := range b.rows {
			if s.err == nil {
				// excelize takes a *Cell without copying it into an interface; the columns
				// skipped are nil.
				vals = vals[:0]
				for i := start; i < r.end; i++ {
					for len(vals) < b.cols[i]-1 {
						vals = append(vals, nil)
					}
					vals = append(vals, &b.cells[i])
				}
				var opts []excelize.RowOpts
				if r.height > 0 {
					opts = append(opts, excelize.RowOpts{Height: r.height})
				}
				s.err = s.sw.SetRow(cellRef(1, r.row), vals, opts...)
			}
			start = r.end
		}
		clear(b.cells)
		b.cells, b.cols, b.rows = b.cells[:0], b.cols[:0], b.rows[:0]
		s.free <- b
	}
}
