package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"breachreport/analysis"
	"breachreport/charts"
	"breachreport/data"
	"breachreport/i18n"
	"breachreport/input"
	"breachreport/internal/atomicfile"
	"breachreport/internal/progress"
	"breachreport/reports"
)

// version is the release of this build; "go build -ldflags -X main.version=…" may set it.
var version = "0.1.0-dev"

// The names of the files generate writes into the output directory.
const (
	workbookName = "breach-report.xlsx"
	chartsName   = "charts.html"
)

// maxCompare is how many incidents the Comparison sheet shows when --compare is not given.
const maxCompare = 6

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
}

// newBar returns the progress bar of a run: drawn on stderr when it is a terminal, unless
// quiet; nil otherwise.
// progressDelayEnv names the environment variable that sets how long a phase runs before
// its bar is drawn (a Go duration such as 0s or 2s; default progress.DefaultDelay).
const progressDelayEnv = "BREACHREPORT_PROGRESS_DELAY"

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
	msg   string
	usage string
}

func (e *usageError) Error() string { return e.msg }

// rejectedError reports that some input rows could not be used. The outputs are still
// written; the command exits with status 1.
type rejectedError struct {
	rejected, read int
	warnings       int
	// written says whether the issues are also in a written workbook's Data issues sheet.
	written bool
	// listed says where the issues were listed, "above" when empty.
	listed string
}

func (e *rejectedError) Error() string {
	listed := e.listed
	if listed == "" {
		listed = "above"
	}
	if e.rejected == 0 {
		return fmt.Sprintf("--strict: %s (listed %s)", plural(e.warnings, "warning"), listed)
	}
	if e.written {
		return fmt.Sprintf("%d of %d rows rejected (listed %s and in the Data issues sheet)", e.rejected, e.read, listed)
	}
	return fmt.Sprintf("%d of %d rows rejected (listed %s)", e.rejected, e.read, listed)
}

const mainUsage = `Usage:
  breachreport generate [-i FILE|-] [-o DIR] [--compare ID,ID,…] [--lang en|ja] [--strict] [--quiet]
                        [--author NAME] [--company NAME] [--as-of DATE]
                        [--encoding NAME] [--delimiter ,|tab|;] [--date-order mdy|dmy]
                        [--map FILE] [--sheet NAME] [--images png,svg] [--log-scale auto|on|off]
                        [--month yyyy-mm | --from DATE --to DATE | --all-months]
                        [--max-input-size SIZE] [--max-field-size SIZE] [--max-columns N]
  breachreport validate -i FILE|- [--format text|json|csv] [--strict] [--quiet] [--encoding NAME] [--delimiter ,|tab|;]
                        [--date-order mdy|dmy] [--map FILE] [--sheet NAME]
                        [--max-input-size SIZE] [--max-field-size SIZE] [--max-columns N]
  breachreport sample [--synthetic N [--seed S]]
  breachreport version

Run "breachreport COMMAND --help" for a command's options.
`

// run executes the command line args (without the program name).
func run(ctx context.Context, args []string, e env) error {
	if len(args) == 0 {
		return &usageError{msg: "no command given", usage: mainUsage}
	}
	switch args[0] {
	case "generate":
		return cmdGenerate(ctx, args[1:], e)
	case "validate":
		return cmdValidate(ctx, args[1:], e)
	case "sample":
		return cmdSample(args[1:], e)
	case "version":
		return cmdVersion(args[1:], e)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(e.stdout, mainUsage)
		return nil
	}
	return &usageError{msg: fmt.Sprintf("unknown command %q", args[0]), usage: mainUsage}
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
	if err != nil {
		return &usageError{msg: err.Error(), usage: usage + flagDefaults(fs)}
	}
	if fs.NArg() > 0 {
		return &usageError{msg: fmt.Sprintf("unexpected argument %q", fs.Arg(0)), usage: usage + flagDefaults(fs)}
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

const generateUsage = `Usage: breachreport generate [-i FILE|-] [-o DIR] [--compare ID,ID,…] [--lang en|ja] [--strict] [--quiet]
                             [--author NAME] [--company NAME] [--as-of DATE]
                             [--encoding NAME] [--delimiter ,|tab|;] [--date-order mdy|dmy]
                             [--map FILE] [--sheet NAME] [--images png,svg] [--log-scale auto|on|off]
                             [--month yyyy-mm | --from DATE --to DATE | --all-months]
                             [--max-input-size SIZE] [--max-field-size SIZE] [--max-columns N]

Reads incidents (CSV or an .xlsx sheet, one scope per row) and writes DIR/` + workbookName + `, the charts dashboard
DIR/` + chartsName + ` and one page per chart in DIR/` + chartDir + `/ (with --images, also PNG and SVG).
Without -i it reads the embedded sample. Rows that cannot be used are listed on stderr and in
the workbook's Data issues sheet; the report is still written and the exit status is 1.
The input may be UTF-8, UTF-16 or Shift_JIS, separated by commas, tabs or semicolons; both
are detected unless given. A file in another layout is read through a column mapping (--map).

With --month 2019-06 (or --from 2019-04-01 --to 2019-06-30) the report is on the incidents
disclosed in that period, set against the trailing 12 months, and the names carry the period:
breach-report-2019-06.xlsx, charts-2019-06.html and charts-2019-06/ (for other periods
breach-report-2019-04-01_2019-06-30.xlsx, and so on). --all-months writes the report of every
month from the first to the last month of the data, each into DIR/2019-06/ (the workbook and
the dashboard), and DIR/index.html linking them under an overview chart.
`

func cmdGenerate(ctx context.Context, args []string, e env) (err error) {
	fs := newFlagSet("generate")
	in := fs.String("i", "", "read incidents from `FILE` (- for standard input); default: the embedded sample")
	outDir := fs.String("o", "out", "write the outputs into `DIR`, created if missing")
	compare := fs.String("compare", "", "compare the incidents with these comma-separated `IDs` side by side (default: all if at most 6, else the 6 with the most records)")
	lang := fs.String("lang", "", "output language `en|ja` (default: ja when LC_ALL or LANG starts with ja, else en)")
	strict := fs.Bool("strict", false, "exit with status 1 on warnings too, not only on rejected rows")
	author := fs.String("author", "", "write `NAME` as the workbook's author (document properties; default: breachreport)")
	company := fs.String("company", "", "write `NAME` as the workbook's company (document properties)")
	inFlags := addInputFlags(fs)
	pf := addPeriodFlags(fs)
	images := fs.String("images", "", "also write each chart as images in these comma-separated `FORMATS`: png, svg (needs Chromium)")
	logScale := fs.String("log-scale", "auto", "when to put the records chart on a log axis: `auto|on|off` (auto: when the cases' totals differ 100-fold or more)")
	asOf := fs.String("as-of", "", "take `DATE` (2019-07-01, or 2019-07-01T09:00:00+09:00) as the generation time, so that the same input gives the same files (default: now)")
	quiet := fs.Bool("quiet", false, "draw no progress bar on stderr (it is drawn only when stderr is a terminal)")
	if err := parseFlags(fs, args, generateUsage, e); err != nil {
		return helpOK(err)
	}
	if *asOf != "" {
		t, err := parseAsOf(*asOf)
		if err != nil {
			return &usageError{msg: err.Error(), usage: generateUsage + flagDefaults(fs)}
		}
		e.now = func() time.Time { return t }
	}
	formats, err := parseImageFormats(*images)
	if err != nil {
		return &usageError{msg: err.Error(), usage: generateUsage + flagDefaults(fs)}
	}
	scale, err := charts.ParseLogScale(*logScale)
	if err != nil {
		return &usageError{msg: "--log-scale: " + err.Error(), usage: generateUsage + flagDefaults(fs)}
	}
	l, err := chooseLang(*lang, e)
	if err != nil {
		return &usageError{msg: err.Error(), usage: generateUsage + flagDefaults(fs)}
	}
	opts, err := inFlags.options()
	if err != nil {
		return &usageError{msg: err.Error(), usage: generateUsage + flagDefaults(fs)}
	}
	if opts.Mapping, err = inFlags.mapping(); err != nil {
		return err
	}
	var ids []string
	for _, id := range strings.Split(*compare, ",") {
		if id = strings.TrimSpace(id); id != "" {
			ids = append(ids, id)
		}
	}

	choice, err := pf.choice()
	if err != nil {
		return &usageError{msg: err.Error(), usage: generateUsage + flagDefaults(fs)}
	}
	if choice.allMonths && (len(formats) > 0 || len(ids) > 0) {
		return &usageError{msg: "--all-months cannot be combined with --images or --compare", usage: generateUsage + flagDefaults(fs)}
	}

	created, err := prepareOutputDir(*outDir)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			removeCreated(created)
		}
	}()
	e.bar = newBar(e, *quiet)
	rep, readAs, err := load(*in, opts, e)
	if err != nil {
		return err
	}
	wbOpts := reports.Options{Lang: l, Author: *author, Company: *company}
	if choice.allMonths {
		return generateAllMonths(ctx, rep, readAs, *outDir, wbOpts, scale, *strict, e)
	}
	out := outputs{dir: *outDir, workbook: workbookName, dashboard: chartsName, pages: chartDir, lang: l, scale: scale, wb: wbOpts}
	whole := rep
	note := ""
	if choice.set {
		pr := rep.Incidents.Timeline().Report(choice.period)
		if rep, err = subjectReport(rep, pr, ids); err != nil {
			return &usageError{msg: err.Error()}
		}
		out.period = &pr
		out.workbook, out.dashboard, out.pages = periodNames(choice.period)
		note = periodAccounting(pr)
	} else if rep.Compare, err = analysis.SelectComparison(rep.Incidents, ids, maxCompare); err != nil {
		return &usageError{msg: err.Error()}
	}
	if err := reports.CheckSize(rep, e.maxDataRows); err != nil {
		return err
	}
	printIssues(e.stderr, whole)
	if err := ctx.Err(); err != nil {
		return err
	}
	printAccounting(e.stdout, whole, readAs, note)
	if err := out.write(ctx, rep, formats, e); err != nil {
		// Everything written before the failure stays; say why the run still fails on top
		// of this.
		if res := outcome(whole, *strict, true); res != nil {
			fmt.Fprintf(e.stderr, "breachreport: %v\n", res)
		}
		return err
	}
	return outcome(whole, *strict, true)
}

// outputs says where one report goes: the directory, the names of the workbook, the
// dashboard and the chart pages' directory, and how they are rendered.
type outputs struct {
	dir                        string
	workbook, dashboard, pages string
	lang                       i18n.Lang
	scale                      charts.LogScale
	// wb are the workbook's options: its language, author and company.
	wb reports.Options
	// period is the subject period's report, or nil for a report on the whole input.
	period *analysis.PeriodReport
	// noPages leaves out the standalone chart pages (--all-months).
	noPages bool
}

// write renders rep's workbook, dashboard and (unless noPages) chart pages, with the
// images of formats, into o.dir, each file atomically, saying on stdout what it wrote.
func (o outputs) write(ctx context.Context, rep analysis.Report, formats []string, e env) error {
	if err := os.MkdirAll(o.dir, 0o755); err != nil {
		return fmt.Errorf("creating output directory: %w", err)
	}
	// The charts are worked out while the workbook is written, on whichever core the
	// workbook leaves free.
	var (
		set      *charts.Set
		setErr   error
		setReady = make(chan struct{})
	)
	go func() {
		defer close(setReady)
		set, setErr = charts.Build(rep, charts.Options{Lang: o.lang, LogScale: o.scale, Period: o.period})
	}()
	defer func() { <-setReady }()
	wb := o.wb
	wb.Period = o.period
	files := []struct {
		name  string
		write func(io.Writer) error
	}{
		{o.workbook, func(w io.Writer) error { return reports.Write(w, rep, wb) }},
		{o.dashboard, func(w io.Writer) error {
			<-setReady
			if setErr != nil {
				return setErr
			}
			return set.WriteDashboard(w)
		}},
	}
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		path := filepath.Join(o.dir, f.name)
		if i == 0 {
			wb.Progress = e.bar.Writing(path)
		}
		err := atomicfile.Write(path, 0o644, f.write)
		e.bar.Done()
		if err != nil {
			return fmt.Errorf("writing %s: %w", path, err)
		}
		fmt.Fprintf(e.stdout, "wrote %s\n", path)
	}
	if o.noPages {
		return nil
	}
	<-setReady
	return writeChartFiles(ctx, set, filepath.Join(o.dir, o.pages), formats, e)
}

const validateUsage = `Usage: breachreport validate -i FILE|- [--format text|json|csv] [--strict] [--quiet] [--encoding NAME] [--delimiter ,|tab|;]
                             [--date-order mdy|dmy] [--map FILE] [--sheet NAME]
                             [--max-input-size SIZE] [--max-field-size SIZE] [--max-columns N]

Reads incidents and reports every problem found, grouped by kind, with line, column and
value; writes nothing. Exit status 1 when any row cannot be used. The encoding and the delimiter are detected
unless given, as for generate.

--format json prints the problems and the accounting as one JSON object; --format csv prints
the problems as a table for Excel (UTF-8 with a byte-order mark, CRLF line ends, one row per
problem, a ' before any value that a spreadsheet would run as a formula) and the accounting
on stderr.
`

func cmdValidate(_ context.Context, args []string, e env) error {
	fs := newFlagSet("validate")
	in := fs.String("i", "", "read incidents from `FILE` (- for standard input)")
	strict := fs.Bool("strict", false, "exit with status 1 on warnings too, not only on rejected rows")
	format := fs.String("format", "text", "print the problems as `text|json|csv` (csv: a table for Excel on stdout, the accounting on stderr)")
	quiet := fs.Bool("quiet", false, "draw no progress bar on stderr (it is drawn only when stderr is a terminal)")
	inFlags := addInputFlags(fs)
	if err := parseFlags(fs, args, validateUsage, e); err != nil {
		return helpOK(err)
	}
	if *in == "" {
		return &usageError{msg: "validate needs -i FILE", usage: validateUsage + flagDefaults(fs)}
	}
	switch *format {
	case "text", "json", "csv":
	default:
		return &usageError{msg: fmt.Sprintf("--format: %q not supported (use text, json or csv)", *format), usage: validateUsage + flagDefaults(fs)}
	}
	opts, err := inFlags.options()
	if err != nil {
		return &usageError{msg: err.Error(), usage: validateUsage + flagDefaults(fs)}
	}
	if opts.Mapping, err = inFlags.mapping(); err != nil {
		return err
	}
	e.bar = newBar(e, *quiet)
	rep, readAs, err := load(*in, opts, e)
	if err != nil {
		return err
	}
	switch *format {
	case "json":
		if err := writeValidationJSON(e.stdout, rep, readAs); err != nil {
			return err
		}
		return outcome(rep, *strict, false)
	case "csv":
		// stdout holds the table alone, so that it can be saved and opened as it is.
		if err := writeValidationCSV(e.stdout, rep); err != nil {
			return err
		}
		printAccounting(e.stderr, rep, readAs, "")
		err := outcome(rep, *strict, false)
		if re, ok := err.(*rejectedError); ok {
			re.listed = "in the CSV table on standard output"
		}
		return err
	}
	for _, g := range groupIssues(rep.Issues) {
		fmt.Fprintf(e.stdout, "%s (%d):\n", g.kind, len(g.issues))
		for _, is := range g.issues {
			fmt.Fprintf(e.stdout, "  %s: %s: %s\n", rep.Input, is.Severity, is)
		}
	}
	printAccounting(e.stdout, rep, readAs, "")
	return outcome(rep, *strict, false)
}

// issueGroup is the issues of one kind, in line order.
type issueGroup struct {
	kind   data.Kind
	issues []data.Issue
}

// groupIssues groups issues by kind, in the order of data.Kinds.
func groupIssues(issues []data.Issue) []issueGroup {
	byKind := map[data.Kind][]data.Issue{}
	for _, is := range issues {
		byKind[is.Kind] = append(byKind[is.Kind], is)
	}
	var out []issueGroup
	for _, k := range data.Kinds() {
		if len(byKind[k]) > 0 {
			out = append(out, issueGroup{k, byKind[k]})
		}
	}
	return out
}

// validationJSON is what validate --format json prints.
type validationJSON struct {
	Input        string     `json:"input"`
	ReadAs       string     `json:"read_as,omitempty"`
	SHA256       string     `json:"sha256"`
	RowsRead     int        `json:"rows_read"`
	RowsUsed     int        `json:"rows_used"`
	RowsRejected int        `json:"rows_rejected"`
	RowsBlank    int        `json:"rows_blank"`
	Incidents    int        `json:"incidents"`
	Warnings     int        `json:"warnings"`
	Issues       []issueRow `json:"issues"`
}

// writeValidationJSON prints the accounting and every issue, grouped by kind, as one JSON
// object.
func writeValidationJSON(w io.Writer, rep analysis.Report, readAs string) error {
	out := validationJSON{
		Input: rep.Input, ReadAs: readAs, SHA256: rep.InputSHA256,
		RowsRead: rep.RowsRead, RowsUsed: rep.RowsUsed, RowsRejected: rep.RowsRejected, RowsBlank: rep.RowsBlank,
		Incidents: rep.Incidents.Len(), Warnings: rep.Warnings(), Issues: issueRows(rep),
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

const sampleUsage = `Usage: breachreport sample [--synthetic N [--seed S]]

Prints the embedded sample CSV (the two reference cases), a template to copy.
With --synthetic it prints N fictional incidents (Example Co. 0001, …) instead, for demos
and tests; the same N and seed always give the same file.
`

func cmdSample(args []string, e env) error {
	fs := newFlagSet("sample")
	synthetic := fs.Int("synthetic", 0, "print `N` fictional incidents instead of the embedded sample")
	seed := fs.Uint64("seed", 1, "seed `S` of the fictional incidents (with --synthetic)")
	if err := parseFlags(fs, args, sampleUsage, e); err != nil {
		return helpOK(err)
	}
	switch {
	case *synthetic < 0 || (*synthetic == 0 && isFlagSet(fs, "synthetic")):
		return &usageError{msg: fmt.Sprintf("--synthetic: %d incidents: give at least 1", *synthetic), usage: sampleUsage + flagDefaults(fs)}
	case *synthetic == 0 && isFlagSet(fs, "seed"):
		return &usageError{msg: "--seed needs --synthetic N", usage: sampleUsage + flagDefaults(fs)}
	case *synthetic > 0:
		return input.WriteSynthetic(e.stdout, *synthetic, *seed)
	}
	_, err := e.stdout.Write(input.Sample())
	return err
}

// isFlagSet reports whether the command line set the flag name.
func isFlagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

const versionUsage = `Usage: breachreport version

Prints the version of breachreport and of the Go toolchain that built it.
`

func cmdVersion(args []string, e env) error {
	fs := newFlagSet("version")
	if err := parseFlags(fs, args, versionUsage, e); err != nil {
		return helpOK(err)
	}
	v := version
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " (" + s.Value[:12] + ")"
			}
		}
		fmt.Fprintf(e.stdout, "breachreport %s %s\n", v, bi.GoVersion)
		return nil
	}
	fmt.Fprintf(e.stdout, "breachreport %s\n", v)
	return nil
}

func helpOK(err error) error {
	if errors.Is(err, errHelp) {
		return nil
	}
	return err
}

func chooseLang(flagValue string, e env) (i18n.Lang, error) {
	if flagValue == "" {
		return i18n.FromEnv(e.getenv), nil
	}
	return i18n.ParseLang(flagValue)
}

// parseAsOf reads --as-of: a day (taken at midnight UTC) or an RFC 3339 time.
func parseAsOf(s string) (time.Time, error) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("--as-of: %q is not a date such as 2019-07-01 or a time such as 2019-07-01T09:00:00+09:00", s)
}

// inputFlags are the flags that say how to read the input, shared by generate and validate.
type inputFlags struct {
	encoding, delimiter, dateOrder, mapFile, sheet *string
	maxInput, maxField                             *string
	maxColumns                                     *int
}

func addInputFlags(fs *flag.FlagSet) inputFlags {
	return inputFlags{
		encoding:  fs.String("encoding", "", "read the input as encoding `NAME`: utf-8, utf-16le, utf-16be, shift_jis (also sjis, cp932) or windows-1252 (also latin1) (default: detected)"),
		delimiter: fs.String("delimiter", "", "field delimiter `,|tab|;` (default: detected from the header line)"),
		dateOrder: fs.String("date-order", "", "read dates such as 02/04/2021 as `mdy|dmy` (default: such dates are reported, never guessed)"),
		mapFile:   fs.String("map", "", "read the columns as the mapping `FILE` (TOML) says, for files in another layout; see examples/mappings"),
		sheet:     fs.String("sheet", "", "read sheet `NAME` of an .xlsx input (default: the workbook's only sheet)"),
		maxInput: fs.String("max-input-size", strings.ReplaceAll(input.FormatSize(input.DefaultMaxInputSize), " ", ""),
			"read at most `SIZE` of input (an .xlsx: unpacked), e.g. 2GiB; more is an error"),
		maxField: fs.String("max-field-size", strings.ReplaceAll(input.FormatSize(input.DefaultMaxFieldSize), " ", ""),
			"read fields (cells) of at most `SIZE` of UTF-8 text, e.g. 8MiB; a longer one is an error"),
		maxColumns: fs.Int("max-columns", input.DefaultMaxColumns, "read rows of at most `N` fields (columns); more is an error"),
	}
}

// mapping reads the column mapping named by --map; nil when there is none. A mapping that
// cannot be read or has mistakes is an error, not a usage error: its message names the key.
func (f inputFlags) mapping() (*input.Mapping, error) {
	if *f.mapFile == "" {
		return nil, nil
	}
	file, err := os.Open(*f.mapFile)
	if err != nil {
		return nil, fmt.Errorf("reading mapping: %w", err)
	}
	defer file.Close()
	return input.ParseMapping(file, *f.mapFile)
}

// options checks the flags and returns the reading options they give; Now is left to load.
func (f inputFlags) options() (input.Options, error) {
	enc, err := input.ParseEncoding(*f.encoding)
	if err != nil {
		return input.Options{}, fmt.Errorf("--encoding: %w", err)
	}
	var delim rune
	switch strings.ToLower(*f.delimiter) {
	case "":
	case ",", "comma":
		delim = ','
	case "tab", `\t`, "\t":
		delim = '\t'
	case ";", "semicolon":
		delim = ';'
	default:
		return input.Options{}, fmt.Errorf("--delimiter: unknown delimiter %q (want , tab or ;)", *f.delimiter)
	}
	order, err := data.ParseDateOrder(*f.dateOrder)
	if err != nil {
		return input.Options{}, fmt.Errorf("--date-order: %w", err)
	}
	var lim input.Limits
	if lim.MaxInputSize, err = input.ParseSize(*f.maxInput); err != nil {
		return input.Options{}, fmt.Errorf("--max-input-size: %w", err)
	}
	field, err := input.ParseSize(*f.maxField)
	if err != nil || field > 1<<31-1 {
		return input.Options{}, fmt.Errorf("--max-field-size: %q: want a size from 1 byte to 2 GiB, e.g. 8MiB", *f.maxField)
	}
	lim.MaxFieldSize = int(field)
	if lim.MaxColumns = *f.maxColumns; lim.MaxColumns < 1 {
		return input.Options{}, fmt.Errorf("--max-columns: %d: want at least 1", lim.MaxColumns)
	}
	return input.Options{Encoding: enc, Delimiter: delim, DateOrder: order, Sheet: *f.sheet, Limits: lim}, nil
}

// load reads the input named by path ("" for the embedded sample, "-" for stdin) and
// computes every figure. A file that cannot be read at all is an error; problems in rows are
// issues in the report. readAs says how the input was read ("read as Shift_JIS,
// tab-separated", "read sheet "List" of the workbook", the mapping used), or is empty for
// plain UTF-8 with commas in the tool's own layout.
func load(path string, opts input.Options, e env) (rep analysis.Report, readAs string, err error) {
	var (
		r    io.Reader
		name string
		size int64 // the input's size, 0 when not known
	)
	switch path {
	case "":
		r, name, size = bytes.NewReader(input.Sample()), input.SampleName, int64(len(input.Sample()))
	case "-":
		r, name = e.stdin, "standard input"
		if f, ok := e.stdin.(*os.File); ok {
			if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
				size = st.Size()
			}
		}
	default:
		f, err := os.Open(path)
		if err != nil {
			return analysis.Report{}, "", fmt.Errorf("reading input: %w", err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			size = st.Size()
		}
		if opts.Limits.MaxInputSize > 0 && size > opts.Limits.MaxInputSize {
			return analysis.Report{}, "", fmt.Errorf("reading %s: the file is %d bytes, larger than %s, the most read (--max-input-size raises it)",
				path, size, input.FormatSize(opts.Limits.MaxInputSize))
		}
		r, name = f, path
	}
	h := sha256.New()
	opts.Now = e.now()
	defer e.bar.Done()
	r, opts.Progress = e.bar.Reading(name, size, r)
	// The rows go into the report as they are read, so that they are never all held.
	var b analysis.Builder
	res, err := input.Scan(context.TODO(), io.TeeReader(r, h), opts, func(scopes []data.Scope) error {
		b.Add(scopes)
		return nil
	})
	if err != nil {
		return analysis.Report{}, "", fmt.Errorf("reading %s: %w", name, err)
	}
	// Hash the rest too, should the reader have stopped before the end.
	if _, err := io.Copy(h, r); err != nil {
		return analysis.Report{}, "", fmt.Errorf("reading %s: %w", name, err)
	}
	e.bar.ReadDone(res.RowsRead)
	rep = b.Report(res)
	rep.Input, rep.InputSHA256, rep.Generated = name, hex.EncodeToString(h.Sum(nil)), e.now()
	var how []string
	switch {
	case res.Sheet != "":
		how = append(how, fmt.Sprintf("read sheet %q of the workbook", res.Sheet))
	case res.Encoding != input.EncodingUTF8 || res.Delimiter != ',':
		how = append(how, fmt.Sprintf("read as %s, %s-separated", res.Encoding, input.DelimiterName(res.Delimiter)))
	}
	if opts.Mapping != nil {
		how = append(how, fmt.Sprintf("columns mapped by %q", opts.Mapping.Name))
	}
	return rep, strings.Join(how, "; "), nil
}

// printIssues lists every issue on w, one per line, naming the input.
func printIssues(w io.Writer, rep analysis.Report) {
	for _, is := range rep.Issues {
		fmt.Fprintf(w, "%s: %s: %s\n", rep.Input, is.Severity, is)
	}
}

// printAccounting prints the one-line row accounting of a run, after a line saying how the
// input was read when that is not plain UTF-8 with commas.
// A note, when not empty, goes after the number of incidents, in brackets.
func printAccounting(w io.Writer, rep analysis.Report, readAs, note string) {
	if readAs != "" {
		fmt.Fprintf(w, "%s: %s\n", rep.Input, readAs)
	}
	fmt.Fprintf(w, "%s: %d rows read, %d used, %d rejected", rep.Input, rep.RowsRead, rep.RowsUsed, rep.RowsRejected)
	if rep.RowsBlank > 0 {
		fmt.Fprintf(w, " (%s skipped)", plural(rep.RowsBlank, "blank row"))
	}
	if note != "" {
		note = " (" + note + ")"
	}
	fmt.Fprintf(w, "; %s%s; %s\n", plural(rep.Incidents.Len(), "incident"), note, plural(rep.Warnings(), "warning"))
}

// plural formats n and a noun, adding s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// outcome turns the row accounting into the command's result.
// written says whether a workbook with a Data issues sheet was written.
func outcome(rep analysis.Report, strict, written bool) error {
	if rep.RowsRead != rep.RowsUsed+rep.RowsRejected {
		return fmt.Errorf("internal error: %d rows read but %d used and %d rejected", rep.RowsRead, rep.RowsUsed, rep.RowsRejected)
	}
	if rep.RowsRejected > 0 || (strict && rep.Warnings() > 0) {
		return &rejectedError{rejected: rep.RowsRejected, read: rep.RowsRead, warnings: rep.Warnings(), written: written}
	}
	return nil
}
