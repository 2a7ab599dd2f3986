package crash

import (
	"errors"
	"strings"
	"testing"
)

func TestCatch(t *testing.T) {
	tests := []struct {
		name string
		f    func() error
		want string // the error; empty for none
	}{
		{"no panic", func() error { return nil }, ""},
		{"an error returned", func() error { return errors.New("plain") }, "plain"},
		{"a string", func() error { panic("boom") }, "internal error: boom"},
		{"a runtime error", func() error {
			var s []int
			_ = s[3]
			return nil
		}, "internal error: runtime error: index out of range [3] with length 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan error)
			// On a goroutine of its own, as the panics Catch is for are met.
			go func() {
				var err error
				func() {
					defer Catch(&err)
					err = tt.f()
				}()
				done <- err
			}()
			err := <-done
			switch {
			case tt.want == "" && err != nil, tt.want != "" && (err == nil || err.Error() != tt.want):
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			var ce *Error
			if errors.As(err, &ce) != strings.HasPrefix(tt.want, "internal error") {
				t.Fatalf("%v: *Error %v", err, ce)
			}
			if ce != nil && !strings.Contains(string(ce.Stack), "crash.TestCatch") {
				t.Errorf("the stack does not reach the panic:\n%s", ce.Stack)
			}
		})
	}
}
