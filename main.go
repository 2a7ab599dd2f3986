// Command breachreport turns a CSV of data-breach incidents into a client-ready Excel
// workbook and a self-contained HTML charts page.
//
// Usage:
//
//	breachreport generate [-i FILE|-] [-o DIR] [--compare ID,ID,…] [--lang en|ja] [--strict] [--quiet]
//	                      [--author NAME] [--company NAME] [--client NAME] [--title TEXT] [--as-of DATE] [--print-all]
//	                      [--encoding NAME] [--delimiter ,|tab|;] [--date-order mdy|dmy]
//	                      [--map FILE] [--sheet NAME] [--header-row N] [--ep-map FILE] [--taxonomy FILE]
//	                      [--images png,svg] [--image-size WxH] [--log-scale auto|on|off]
//	                      [--month yyyy-mm | --quarter Q | --fiscal-year YEAR | --fiscal-half H
//	                       | --fiscal-quarter Q | --from DATE --to DATE | --all-months [--max-months N]]
//	                      [--max-input-size SIZE] [--max-field-size SIZE] [--max-columns N] [--max-rows N] [--keep-going]
//	breachreport validate -i FILE|- [--format text|json|csv] [--lang en|ja] [--strict] [--quiet]
//	                      [--encoding NAME] [--delimiter ,|tab|;] [--date-order mdy|dmy] [--map FILE] [--sheet NAME]
//	                      [--header-row N] [--max-input-size SIZE] [--max-field-size SIZE] [--max-columns N] [--max-rows N]
//	breachreport sample [--lang en|ja] [--template] [--excel] [--format csv|xlsx] [-o FILE]
//	                    | --synthetic N [--seed S]
//	breachreport version
//
// Without -i, generate reads the embedded sample (the two reference cases). It writes
// breach-report.xlsx, the charts dashboard charts.html and one page per chart in charts/
// into DIR (default ./out, created if missing); --images png,svg adds each chart's images,
// made with headless Chromium. With --month (or --from and --to) the report is on the
// incidents disclosed in that period, with the trailing 12-month trend, and the names carry
// the period (breach-report-2019-06.xlsx, charts-2019-06.html, charts-2019-06/);
// --all-months writes one such report per month into DIR/yyyy-mm/ and DIR/index.html.
// Run any command with --help for its options.
//
// Exit status: 0 when every row was used; 1 when some rows were rejected (the report is
// still written) or the run failed; 2 for a usage error; 3 for an internal error (a bug,
// reported with a stack trace); 130 when Ctrl-C stopped the run. A run that is interrupted
// or fails leaves the previous run's outputs as they were: every file is written before any
// is put in place.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"time"

	"breachreport/data"
	"breachreport/i18n"
	"breachreport/input"
	"breachreport/internal/crash"
	"breachreport/reports"
)

// gcPercent is the garbage collector's target heap growth, in percent, unless GOGC is set.
const gcPercent = 25

func main() {
	if os.Getenv("GOGC") == "" {
		// A report's incidents are held as packed bytes, and excelize's buffers are bytes
		// too: the collector marks them at almost no cost, so collecting when the heap has
		// grown by a quarter instead of doubled costs little time and keeps the peak memory
		// close to what is live (BENCHMARKS.md). GOGC, when set, still decides.
		debug.SetGCPercent(gcPercent)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	// A second Ctrl-C kills the run at once, should the first not stop it soon enough.
	context.AfterFunc(ctx, stop)
	err := run(ctx, os.Args[1:], env{
		stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr,
		getenv: os.Getenv, now: time.Now,
	})
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// exitCode prints err once, in the language its command speaks (English when none is
// known), and returns the exit status it calls for.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	l := i18n.En
	var le *langError
	if errors.As(err, &le) {
		l = le.lang
	}
	var bug *crash.Error
	if errors.As(err, &bug) {
		fmt.Fprintf(stderr, "breachreport: %v\nThis is a bug in breachreport %s: please report it, with the command line and everything printed here.\n\n%s", bug, version, bug.Stack)
		return 3
	}
	var ie *interruptedError
	if errors.As(err, &ie) {
		fmt.Fprintf(stderr, "breachreport: %s\n", i18n.ErrorText(l, err))
		return 130
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "breachreport: %s\n", i18n.ErrorText(l, err))
		if ue.usage != "" {
			fmt.Fprint(stderr, ue.usage)
		}
		return 2
	}
	text := i18n.ErrorText(l, err)
	if h, ok := flagHint(err); ok {
		text = i18n.Sprint(l, data.Msgf("%s (%v)", text, h))
	}
	fmt.Fprintf(stderr, "breachreport: %s\n", text)
	return 1
}

// flagHints name the flag that gets past each error of the reading that one can: the
// input package leaves the command line to the command.
var flagHints = []struct {
	err  error
	hint data.Msg
}{
	{input.ErrInputSize, data.Msgf("--max-input-size raises it")},
	{input.ErrFieldSize, data.Msgf("--max-field-size raises it")},
	{input.ErrColumns, data.Msgf("--max-columns raises it")},
	{input.ErrRows, data.Msgf("--max-rows raises it")},
	{input.ErrSheet, data.Msgf("--sheet NAME names the sheet to read")},
	{input.ErrEncoding, data.Msgf("--encoding NAME names the encoding")},
	{input.ErrDelimiter, data.Msgf("--delimiter names the delimiter: , or tab or ;")},
	{input.ErrLayout, data.Msgf("--map FILE reads a file in another layout through a column mapping")},
	{reports.ErrTooManyRows, data.Msgf("--month or --from/--to report on part of the input")},
}

// flagHint returns the hint naming the flag that gets past err; ok is false when no flag
// does.
func flagHint(err error) (hint data.Msg, ok bool) {
	for _, h := range flagHints {
		if errors.Is(err, h.err) {
			return h.hint, true
		}
	}
	return data.Msg{}, false
}
