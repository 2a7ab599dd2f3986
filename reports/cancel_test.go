package reports

import (
	"bytes"
	"context"
	"errors"
	"sync"
	"testing"

	"breachreport/i18n"
)

// TestCancel cancels Write at each stage of its work and checks that it returns ctx's
// error and writes nothing.
func TestCancel(t *testing.T) {
	rep := cardIncidents(t, 12000)
	tests := []struct {
		name string
		// cancelAt says, from the calls of Options.Progress, when to cancel; nil cancels
		// before Write starts.
		cancelAt func(sheet string, done, total int) bool
	}{
		{"before", nil},
		{"rows", func(_ string, done, total int) bool { return done > 0 && done < total }},
		{"archive", func() func(string, int, int) bool {
			// Every sheet is announced (done 0) before any is written.
			announced, finished := map[string]bool{}, map[string]bool{}
			return func(sheet string, done, total int) bool {
				announced[sheet] = true
				if done == total {
					finished[sheet] = true
				}
				return len(finished) == len(announced)
			}
		}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			opts := Options{Lang: i18n.En, maxRows: 5000}
			if tt.cancelAt == nil {
				cancel()
			} else {
				var once sync.Once
				opts.Progress = func(sheet string, done, total int) {
					if tt.cancelAt(sheet, done, total) {
						once.Do(cancel)
					}
				}
			}
			var buf bytes.Buffer
			err := Write(ctx, &buf, rep, opts)
			if !errors.Is(err, context.Canceled) {
				t.Errorf("Write = %v, want context.Canceled", err)
			}
			if buf.Len() != 0 {
				t.Errorf("Write wrote %d bytes after it was cancelled", buf.Len())
			}
		})
	}
}
