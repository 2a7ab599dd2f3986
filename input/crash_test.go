package input

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"breachreport/data"
	"breachreport/internal/crash"
)

// panicSource is a source whose row panicAt (1-based, after the header) panics.
type panicSource struct {
	row, panicAt int
}

func (s *panicSource) next() ([]string, error) {
	s.row++
	switch {
	case s.row == 1:
		return []string{"organization", "disclosed"}, nil
	case s.row-1 == s.panicAt:
		panic("source broken")
	case s.row > 5000:
		return nil, io.EOF
	}
	return []string{"Example Co.", "2019-06-04"}, nil
}
func (s *panicSource) line(int) int { return s.row }
func (s *panicSource) fit(rec []string, width int) ([]string, data.Msg, bool) {
	return rec, data.Msg{}, true
}
func (s *panicSource) setFields([]string)   {}
func (s *panicSource) notes() []cellNote    { return nil }
func (s *panicSource) setWidth(int)         {}
func (s *panicSource) text([]string) string { return "" }

// TestReadPanic checks that a panic while the rows are read, on a goroutine of the reading,
// comes back from it as a *crash.Error, which the command reports as a bug, instead of
// ending the program.
func TestReadPanic(t *testing.T) {
	for _, at := range []int{1, 1024, 3000} {
		rr := &rowReader{ctx: context.Background(), src: &panicSource{panicAt: at}, res: &Result{}, opts: Options{Now: testNow, Limits: Limits{}.withDefaults()}}
		_, _, err := decodeRows(context.Background(), rr, func([]data.Scope) error { return nil })
		var ce *crash.Error
		if !errors.As(err, &ce) || ce.Value != "source broken" || !strings.Contains(string(ce.Stack), "panicSource") {
			t.Errorf("panic at row %d: %v, want a *crash.Error with the stack of the panic", at, err)
		}
	}
}
