package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"breachreport/data"
	"breachreport/i18n"
	"breachreport/internal/crash"
	"breachreport/internal/progress"
	"breachreport/internal/similar"
)

// env is the outside world a command sees; tests give it buffers and a fixed clock.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	now            func() time.Time
	// terminal treats stderr as a terminal, drawing the progress bar on it at once (tests).
	terminal bool
	// maxDataRows lowers the most data rows of a workbook sheet (reports.MaxDataRows when
	// 0; tests).
	maxDataRows int
	// bar is the run's progress bar, nil when none is drawn; generate and validate set it.
	bar *progress.Bar
	// fault, when set, is called at named stages of a run, so that a test can make the run
	// panic there (tests; nil in the command).
	fault func(stage string)
	// spool, when set, keeps every issue found by load (validate --format json and csv).
	spool *issueSpool
}

// at calls e.fault, when set, at the stage of a run.
func (e env) at(stage string) {
	if e.fault != nil {
		e.fault(stage)
	}
}

// progressDelayEnv names the environment variable that sets how long a phase runs before
// its bar is drawn (a Go duration such as 0s or 2s; default progress.DefaultDelay).
const progressDelayEnv = "BREACHREPORT_PROGRESS_DELAY"

// newBar returns the progress bar of a run: drawn on stderr when it is a terminal, unless
// quiet; nil otherwise.
func newBar(e env, quiet bool) *progress.Bar {
	delay := progress.DefaultDelay
	if d, err := time.ParseDuration(e.getenv(progressDelayEnv)); err == nil && d >= 0 {
		delay = d
	}
	if e.terminal {
		delay = 0
	}
	return progress.New(e.stderr, !quiet && (e.terminal || progress.IsTerminal(e.stderr)), delay)
}

// usageError is a mistake in the command line. It makes the command exit with status 2 and
// print the usage text it carries.
type usageError struct {
	err   error
	usage string
}

func (e *usageError) Error() string { return e.err.Error() }

// Unwrap returns the mistake, which i18n.ErrorText renders.
func (e *usageError) Unwrap() error { return e.err }

// langError carries the language a command speaks to the end of the run, where exitCode
// prints the error in it.
type langError struct {
	err  error
	lang i18n.Lang
}

func (e *langError) Error() string { return e.err.Error() }
func (e *langError) Unwrap() error { return e.err }

// inLang returns err to be printed in language l, unless it is nil or already has a language.
func inLang(err error, l i18n.Lang) error {
	var le *langError
	if err == nil || errors.As(err, &le) {
		return err
	}
	return &langError{err, l}
}

// interruptedError ends a run stopped by Ctrl-C (its context cancelled). It makes the
// command exit with status 130, as a shell reports a command that SIGINT killed, after its
// message, which is in the user's language.
type interruptedError struct {
	msg string
}

func (e *interruptedError) Error() string { return e.msg }

// interrupted returns err as the interruption of the run, in language l, when ctx was
// cancelled and err is what stopped the run. A run that got to its end (with rows
// rejected, say) was not interrupted, and an interruption said already stays as it is.
func interrupted(ctx context.Context, err error, l i18n.Lang) error {
	var (
		ie *interruptedError
		re *rejectedError
	)
	if err == nil || ctx.Err() == nil || errors.As(err, &ie) || errors.As(err, &re) {
		return err
	}
	return &interruptedError{msg: i18n.Interrupted.In(l)}
}

// synopsis is the synopsis of one command: its name and its options, a group per line.
type synopsis struct {
	name    string
	options []string
}

// synopses are the commands' synopses, in the order the usage lists them: the one source of
// the usage text, which is also in main.go's doc comment and README.md's Commands block
// (TestDoc checks both).
var synopses = []synopsis{
	{"generate", []string{
		"[-i FILE|-] [-o DIR] [--compare ID,ID,…] [--lang en|ja] [--strict] [--quiet]",
		"[--author NAME] [--company NAME] [--client NAME] [--title TEXT] [--as-of DATE] [--print-all]",
		"[--encoding NAME] [--delimiter ,|tab|;] [--date-order mdy|dmy]",
		"[--map FILE] [--sheet NAME] [--header-row N] [--ep-map FILE] [--taxonomy FILE]",
		"[--images png,svg] [--image-size WxH] [--log-scale auto|on|off]",
		"[--month yyyy-mm | --quarter Q | --fiscal-year YEAR | --fiscal-half H",
		" | --fiscal-quarter Q | --from DATE --to DATE | --all-months [--max-months N]]",
		"[--max-input-size SIZE] [--max-field-size SIZE] [--max-columns N] [--max-rows N] [--keep-going]",
	}},
	{"validate", []string{
		"-i FILE|- [--format text|json|csv] [--lang en|ja] [--strict] [--quiet]",
		"[--encoding NAME] [--delimiter ,|tab|;] [--date-order mdy|dmy] [--map FILE] [--sheet NAME]",
		"[--header-row N] [--max-input-size SIZE] [--max-field-size SIZE] [--max-columns N] [--max-rows N]",
	}},
	{"sample", []string{"[--lang en|ja] [--template] [--excel] [--format csv|xlsx] [-o FILE]", "| --synthetic N [--seed S]"}},
	{"version", nil},
}

// format returns the synopsis, its first line starting with prefix and the option groups
// after it lined up under the first.
func (s synopsis) format(prefix string) string {
	head := prefix + "breachreport " + s.name
	if len(s.options) == 0 {
		return head + "\n"
	}
	indent := strings.Repeat(" ", utf8.RuneCountInString(head)+1)
	return head + " " + strings.Join(s.options, "\n"+indent) + "\n"
}

// synopsesText returns every command's synopsis, each line starting with prefix.
func synopsesText(prefix string) string {
	var b strings.Builder
	for _, s := range synopses {
		b.WriteString(s.format(prefix))
	}
	return b.String()
}

// commandUsage is the usage text of the command name: its synopsis, then about.
func commandUsage(name, about string) string {
	for _, s := range synopses {
		if s.name == name {
			return s.format("Usage: ") + "\n" + about
		}
	}
	panic("no synopsis of command " + name)
}

// mainUsage is what breachreport prints with --help or no command.
var mainUsage = "Usage:\n" + synopsesText("  ") + `
Run "breachreport COMMAND --help" for a command's options.
`

// run executes the command line args (without the program name).
func run(ctx context.Context, args []string, e env) (err error) {
	// Go exits a crash with status 2, the status of a usage error: a panic becomes a
	// *crash.Error instead (exit status 3); the goroutines of a run catch their own.
	defer crash.Catch(&err)
	// A command that chooses its language says so; the others speak the default one.
	defer func() { err = inLang(err, messageLang(e)) }()
	if len(args) == 0 {
		return &usageError{err: data.Errorf("no command given"), usage: mainUsage}
	}
	switch args[0] {
	case "generate":
		return cmdGenerate(ctx, args[1:], e)
	case "validate":
		return cmdValidate(ctx, args[1:], e)
	case "sample":
		return cmdSample(ctx, args[1:], e)
	case "version", "--version", "-version":
		return cmdVersion(args[1:], e)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(e.stdout, mainUsage)
		return nil
	}
	msg := data.Errorf("unknown command %q", args[0])
	if c := closest(args[0], []string{"generate", "validate", "sample", "version", "help"}); c != "" {
		msg = data.Errorf("unknown command %q; did you mean %q?", args[0], c)
	}
	return &usageError{err: msg, usage: "Run 'breachreport help' for the commands.\n"}
}

// closest returns the word of words nearest to s: one that s, at least two letters long,
// begins, or else one within two edits and no more than one edit per two letters of s; ""
// when none is that near.
func closest(s string, words []string) string {
	best, bestDist := "", 3
	for _, w := range words {
		if len(s) >= 2 && strings.HasPrefix(w, s) {
			return w
		}
		if d := similar.Distance(s, w); d < bestDist && 2*d <= len(s) {
			best, bestDist = w, d
		}
	}
	return best
}

// newFlagSet returns a flag set whose errors and help go through run's error handling.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseFlags parses args; --help prints the usage to stdout and returns errHelp.
func parseFlags(fs *flag.FlagSet, args []string, usage string, e env) error {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(e.stdout, usage+flagDefaults(fs))
		return errHelp
	}
	if name, ok := strings.CutPrefix(fmt.Sprint(err), "flag provided but not defined: -"); ok {
		// One line naming the flag, not the whole usage: the mistake is a typo more often
		// than not.
		name = strings.TrimPrefix(name, "-")
		msg := data.Errorf("unknown flag --%s", name)
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		if c := closest(name, names); c != "" {
			msg = data.Errorf("unknown flag --%s; did you mean --%s?", name, c)
		}
		return &usageError{err: msg, usage: fmt.Sprintf("Run 'breachreport %s --help' for its flags.\n", fs.Name())}
	}
	if err != nil {
		return &usageError{err: err, usage: usage + flagDefaults(fs)}
	}
	if fs.NArg() > 0 {
		return &usageError{err: data.Errorf("unexpected argument %q", fs.Arg(0)), usage: usage + flagDefaults(fs)}
	}
	return nil
}

// errHelp ends a command that printed its help; run returns nil for it.
var errHelp = errors.New("help shown")

func flagDefaults(fs *flag.FlagSet) string {
	var b strings.Builder
	b.WriteString("\nOptions:\n")
	fs.SetOutput(&b)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	return b.String()
}

// isFlagSet reports whether the command line set the flag name.
func isFlagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

func helpOK(err error) error {
	if errors.Is(err, errHelp) {
		return nil
	}
	return err
}
