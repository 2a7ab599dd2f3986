package data

import (
	"fmt"
	"strings"
)

// Msg is a sentence not yet in a language: an English fmt format, which is also its key in
// the i18n catalogue, and its arguments. Arguments that are Msgs or errors made by Errorf
// are translated with it.
type Msg struct {
	Format string
	Args   []any
}

// Msgf makes a Msg. The format must be a constant, so that the catalogue's test finds it.
func Msgf(format string, args ...any) Msg { return Msg{Format: format, Args: args} }

// String renders m in English.
func (m Msg) String() string {
	if len(m.Args) == 0 {
		return m.Format
	}
	return fmt.Sprintf(strings.ReplaceAll(m.Format, "%w", "%v"), m.Args...)
}

// Error is an error whose text i18n can translate: Msg holds its format and arguments.
type Error struct {
	Msg
	err error
}

// Errorf is fmt.Errorf whose message i18n can translate; %w wraps as in fmt.Errorf. The
// format must be a constant.
func Errorf(format string, args ...any) error {
	return &Error{Msg: Msg{Format: format, Args: args}, err: fmt.Errorf(format, args...)}
}

// Error returns the English text.
func (e *Error) Error() string { return e.err.Error() }

// Unwrap returns the errors wrapped with %w.
func (e *Error) Unwrap() []error {
	switch u := e.err.(type) {
	case interface{ Unwrap() []error }:
		return u.Unwrap()
	case interface{ Unwrap() error }:
		return []error{u.Unwrap()}
	}
	return nil
}

// List is items, texts or Msgs, to be rendered as a list of the language: "a, b and c" in
// English, "a、b、c" in Japanese.
type List []any

// String renders l in English.
func (l List) String() string {
	s := make([]string, len(l))
	for i, v := range l {
		s[i] = fmt.Sprint(v)
	}
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

// Clauses is items, texts or Msgs, to be rendered one after another as clauses of one
// sentence: joined by "; " in English, by "。" in Japanese.
type Clauses []any

// String renders c in English.
func (c Clauses) String() string {
	s := make([]string, len(c))
	for i, v := range c {
		s[i] = fmt.Sprint(v)
	}
	return strings.Join(s, "; ")
}
