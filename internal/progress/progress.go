// Package progress draws the progress bar of a long generate or validate run on a terminal:
// the rows read, then the rows of the workbook's sheets written.
package progress

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// throttle is the least time between two drawings of the bar.
const throttle = 100 * time.Millisecond

// DefaultDelay is how long a phase runs before its bar is drawn: a short run shows none.
const DefaultDelay = 500 * time.Millisecond

// clearLine returns the cursor to the start of the line and erases the line.
const clearLine = "\r\033[K"

// IsTerminal reports whether w is a terminal: an *os.File whose descriptor is one.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Bar draws the progress of one run on a terminal, a phase at a time: reading the input
// (Reading, ReadDone), then writing each workbook (Writing, Done). A phase shorter than
// the delay draws nothing; a longer one ends by drawing its final counts and clearing the
// line, so that what is printed next starts on a clean line and nothing of the bar stays
// on the screen.
//
// A nil *Bar draws nothing: its hooks are nil, which the data and reports packages skip at
// no cost, and its methods do nothing. New returns nil unless the bar is to be shown.
type Bar struct {
	w               io.Writer
	delay, throttle time.Duration
	mu              sync.Mutex
	// cur is the phase's bar, nil between phases; drawn says it has drawn. start is when
	// the phase started, shown when the bar last drew.
	cur          *progressbar.ProgressBar
	drawn        bool
	start, shown time.Time
	// size is the input's size in the reading phase, -1 when not known.
	size int64
	// name is the input or the workbook of the phase.
	name string
	// sheets are the rows written and the rows of each sheet of the workbook being
	// written, by name; nil in the reading phase. done, total and finished sum them up.
	sheets                map[string]*sheetCount
	done, total, finished int
	// read counts the bytes read in the reading phase.
	read atomic.Int64
	num  *message.Printer
	// ja labels the phases in Japanese.
	ja bool
}

// Japanese labels b's phases in Japanese when ja is true, in English otherwise; it returns
// b. A nil *Bar stays nil.
func (b *Bar) Japanese(ja bool) *Bar {
	if b != nil {
		b.ja = ja
	}
	return b
}

// New returns a Bar drawing on w when show is true, and nil otherwise. Callers pass
// IsTerminal(stderr) && !quiet: the bar is for a person watching a terminal, never for a
// log file or a pipe, which must not receive a single byte of it. A phase's bar is drawn
// once the phase has run for delay (DefaultDelay, or 0 to draw at once).
func New(w io.Writer, show bool, delay time.Duration) *Bar {
	if !show {
		return nil
	}
	return &Bar{w: w, delay: delay, throttle: throttle, num: message.NewPrinter(language.English)}
}

// due reports whether the current bar may draw now: the phase has run for the delay, and
// the bar last drew at least throttle ago. It then takes the time as the last drawing.
func (b *Bar) due() bool {
	now := time.Now()
	if !b.drawn && now.Sub(b.start) < b.delay || b.drawn && now.Sub(b.shown) < b.throttle {
		return false
	}
	b.drawn, b.shown = true, now
	return true
}

// newBar starts a bar of total steps (-1: not known) that shows what it counts: bytes, or
// the count and rate of its.
func (b *Bar) newBar(total int64, desc string, bytes bool, its string) *progressbar.ProgressBar {
	opts := []progressbar.Option{
		progressbar.OptionSetWriter(b.w),
		progressbar.OptionSetVisibility(true),
		progressbar.OptionUseANSICodes(true),
		// due throttles, so that the description and the count change in one drawing.
		progressbar.OptionThrottle(0),
		// Redraw only when told: a spinner of its own would draw from a goroutine.
		progressbar.OptionSetSpinnerChangeInterval(0),
		progressbar.OptionSetWidth(30),
		progressbar.OptionShowCount(),
		progressbar.OptionSetDescription(desc),
	}
	if bytes {
		opts = append(opts, progressbar.OptionShowBytes(true))
	} else {
		opts = append(opts, progressbar.OptionShowIts(), progressbar.OptionSetItsString(its))
	}
	bar := progressbar.NewOptions64(total, opts...)
	bar.StartWithoutRender()
	return bar
}

// Reading starts the reading phase of the input name, size bytes long (0 or less when
// that is not known, as for standard input: then the bytes and rows are counted without a
// bar). It returns r, wrapped to count the bytes read, and the hook for
// input.Options.Progress, which shows the rows read so far.
func (b *Bar) Reading(name string, size int64, r io.Reader) (io.Reader, func(rows int)) {
	if b == nil {
		return r, nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.finish()
	if size <= 0 {
		size = -1
	}
	b.size = size
	b.name, b.start = short(name), time.Now()
	b.read.Store(0)
	b.cur = b.newBar(size, b.readDesc(0), true, "")
	return &countingReader{r: r, n: &b.read}, b.rows
}

func (b *Bar) readDesc(rows int) string {
	if b.ja {
		return b.num.Sprintf("%s を読み込み中：%d行 ", b.name, rows)
	}
	return b.num.Sprintf("reading %s: %d rows ", b.name, rows)
}

// rows is the reading phase's hook: rows have been read so far.
func (b *Bar) rows(rows int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.cur == nil || !b.due() {
		return
	}
	b.setRead(rows)
}

// setRead draws rows and the bytes read. Until ReadDone the bar stays short of its end:
// the bytes are read ahead of the rows, so they reach the size first.
func (b *Bar) setRead(rows int) {
	n := b.read.Load()
	if b.size > 0 {
		n = min(n, b.size-1)
	}
	b.cur.Describe(b.readDesc(rows))
	_ = b.cur.Set64(n)
}

// ReadDone ends the reading phase: it draws the final count of rows read, then clears the
// line.
func (b *Bar) ReadDone(rows int) {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.cur != nil && b.drawn {
		b.setRead(rows)
	}
	b.finish()
}

// Writing starts the writing phase of the workbook name and returns the hook for
// reports.Options.Progress. The sheets may be written several at once: the bar shows the
// rows written of all of them, and how many sheets are finished.
func (b *Bar) Writing(name string) func(sheet string, done, total int) {
	if b == nil {
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.finish()
	b.name, b.start = short(name), time.Now()
	b.sheets, b.done, b.total, b.finished = map[string]*sheetCount{}, 0, 0, 0
	return b.sheetRows
}

// sheetCount is the rows written of a sheet, and its rows.
type sheetCount struct{ done, total int }

// sheetRows is the writing phase's hook: done of the total rows of sheet are written.
func (b *Bar) sheetRows(sheet string, done, total int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.sheets == nil {
		return
	}
	c := b.sheets[sheet]
	if c == nil {
		c = &sheetCount{}
		b.sheets[sheet] = c
	}
	done = min(done, total)
	if c.total > 0 && c.done == c.total {
		b.finished--
	}
	b.done += done - c.done
	b.total += total - c.total
	c.done, c.total = done, total
	if c.total > 0 && c.done == c.total {
		b.finished++
	}
	if b.due() {
		b.drawSheets()
	}
}

// drawSheets draws the rows written of all the sheets, and how many are finished.
func (b *Bar) drawSheets() {
	total := int64(max(b.total, 1))
	if b.cur == nil {
		its := "rows"
		if b.ja {
			its = "行"
		}
		b.cur = b.newBar(total, "", false, its)
	} else if b.cur.GetMax64() != total {
		b.cur.ChangeMax64(total)
	}
	if b.ja {
		b.cur.Describe(fmt.Sprintf("%s を書き出し中：シート%d/%d ", b.name, b.finished, len(b.sheets)))
	} else {
		b.cur.Describe(fmt.Sprintf("writing %s: %d of %d sheets ", b.name, b.finished, len(b.sheets)))
	}
	_ = b.cur.Set64(int64(b.done))
}

// Done ends the phase shown, drawing its final state, and clears the line. It may be
// called more than once, and on any path out of a phase, errors included.
func (b *Bar) Done() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.finish()
}

// finish draws the final state of the phase, if its bar has drawn, and clears the line.
func (b *Bar) finish() {
	if b.drawn {
		if b.sheets != nil {
			b.drawSheets()
		} else if b.cur != nil {
			_ = b.cur.Finish()
		}
		io.WriteString(b.w, clearLine)
	}
	b.cur, b.drawn, b.sheets = nil, false, nil
}

// short returns the file name of path, cut to 40 characters, so that the bar fits a line.
func short(path string) string {
	name := []rune(filepath.Base(path))
	if len(name) > 40 {
		name = append(name[:39], '…')
	}
	return string(name)
}

// countingReader counts the bytes read through it into n.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	c.n.Add(int64(k))
	return k, err
}
