package i18n

import (
	"fmt"
	"strings"

	"breachreport/data"
)

// The catalogue maps each message's English format (its key, see data.Msg) to its Japanese
// format. A Japanese format may take the arguments in another order with fmt's explicit
// indexes (%[2]s). golang.org/x/text/message is not used: its printer writes every %d with
// the locale's digit grouping, which would turn line 1234 into "1,234" and 2024年 into
// "2,024年".
var ja = map[string]string{}

// register adds entries to the Japanese catalogue; each area of the program keeps its own
// file of entries. A key registered twice is a programming error.
func register(m map[string]string) struct{} {
	for k, v := range m {
		if _, dup := ja[k]; dup {
			panic("i18n: message registered twice: " + k)
		}
		ja[k] = v
	}
	return struct{}{}
}

// Sprint renders m in language l. A message the catalogue lacks is rendered in English (the
// catalogue test keeps that from happening).
func Sprint(l Lang, m data.Msg) string {
	format := m.Format
	if l == Ja {
		if t, ok := ja[m.Format]; ok {
			format = t
		}
	}
	if len(m.Args) == 0 {
		return format
	}
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		args[i] = arg(l, a)
	}
	return fmt.Sprintf(strings.ReplaceAll(format, "%w", "%v"), args...)
}

// arg renders a message's argument in language l when it is a message, a label, an error
// or a list of them; any other argument is formatted as it is.
func arg(l Lang, a any) any {
	switch a := a.(type) {
	case data.Msg:
		return Sprint(l, a)
	case Text:
		return a.In(l)
	case error:
		return ErrorText(l, a)
	case data.List:
		if l != Ja {
			items := make(data.List, len(a))
			for i, v := range a {
				items[i] = arg(l, v)
			}
			return items.String()
		}
		s := make([]string, len(a))
		for i, v := range a {
			s[i] = fmt.Sprint(arg(l, v))
		}
		return strings.Join(s, "、")
	case data.Clauses:
		s := make([]string, len(a))
		for i, v := range a {
			s[i] = fmt.Sprint(arg(l, v))
		}
		if l == Ja {
			return strings.Join(s, "。")
		}
		return strings.Join(s, "; ")
	}
	return a
}

// ErrorText renders err in language l: an error made by data.Errorf, or one that says its
// message as a data.Msg (a Message method), is translated with the errors it names; an
// error that only wraps another without adding words is rendered as the one it wraps; any other error (from the
// system or a library) keeps its own text.
func ErrorText(l Lang, err error) string {
	if e, ok := err.(*data.Error); ok {
		return Sprint(l, e.Msg)
	}
	if e, ok := err.(interface{ Message() data.Msg }); ok {
		if m := e.Message(); m.Format != "" {
			return Sprint(l, m)
		}
	}
	if e, ok := err.(interface{ Unwrap() error }); ok {
		if in := e.Unwrap(); in != nil && in.Error() == err.Error() {
			return ErrorText(l, in)
		}
	}
	return err.Error()
}
