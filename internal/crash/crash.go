// Package crash turns a panic into an error that its goroutine's caller can return, so that
// the command reports a bug (exit status 3) whichever goroutine met it, instead of crashing.
package crash

import (
	"fmt"
	"runtime/debug"
)

// Error is a recovered panic: a bug, not a problem of the input or of the command line.
type Error struct {
	Value any    // what was passed to panic
	Stack []byte // the panicking goroutine's stack, as debug.Stack gives it
}

// Error returns "internal error: " and the panic's value.
func (e *Error) Error() string { return fmt.Sprintf("internal error: %v", e.Value) }

// Catch, deferred, recovers a panic and stores it in *err as an *Error; without a panic it
// leaves *err as it is.
func Catch(err *error) {
	if p := recover(); p != nil {
		*err = &Error{Value: p, Stack: debug.Stack()}
	}
}
