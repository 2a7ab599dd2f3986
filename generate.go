package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"breachreport/analysis"
	"breachreport/charts"
	"breachreport/data"
	"breachreport/i18n"
	"breachreport/input"
	"breachreport/internal/atomicfile"
	"breachreport/internal/crash"
	"breachreport/internal/progress"
	"breachreport/reports"
)

// The names of the files generate writes into the output directory.
const (
	workbookName = "breach-report.xlsx"
	chartsName   = "charts.html"
)

// tempBase names the directory of a run's temporary files (DIR/.breachreport.tmp-PID-…):
// excelize's, those of a large workbook's compressed parts and the pages Chromium renders.
// It is removed at the end of the run, and by the next run when the run was killed.
const tempBase = "breachreport"

// maxCompare is how many incidents the Comparison sheet shows when --compare is not given.
const maxCompare = 6

var generateUsage = commandUsage("generate", `Reads incidents (CSV or an .xlsx sheet, one scope per row) and writes DIR/`+workbookName+`, the charts dashboard
DIR/`+chartsName+` and one page per chart in DIR/`+chartDir+`/ (with --images, also PNG and SVG).
Without -i it reads the embedded sample. Rows that cannot be used are listed on stderr and in
the workbook's Data issues sheet; the report is still written and the exit status is 1.
The input may be UTF-8, UTF-16, Shift_JIS or Windows-1252, separated by commas, tabs or
semicolons; both are detected unless given. A file in another layout is read through a
column mapping (--map).

With --month 2019-06 (or --from 2019-04-01 --to 2019-06-30) the report is on the incidents
disclosed in that period, set against the trailing 12 months, and the names carry the period:
breach-report-2019-06.xlsx, charts-2019-06.html and charts-2019-06/ (for other periods
breach-report-2019-04-01_2019-06-30.xlsx, and so on). --all-months writes the report of every
month from the first to the last month of the data, each into DIR/2019-06/ (the workbook and
the dashboard), and DIR/index.html linking them under an overview chart.
`+columnsHelp())

// columnsHelp lists the input's columns for --help, one a line: the name, the Japanese and
// other names also read, and whether it is required. The README's "Input" section says more.
func columnsHelp() string {
	var b strings.Builder
	b.WriteString("\nColumns (the header may use any of the names; README.md, \"Input\", says more):\n")
	for _, c := range data.Columns() {
		fmt.Fprintf(&b, "  %-15s %s", c.Name, strings.Join(c.Aliases, ", "))
		if c.Required {
			b.WriteString("  (required)")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func cmdGenerate(ctx context.Context, args []string, e env) (err error) {
	fs := newFlagSet("generate")
	in := fs.String("i", "", "read incidents from `FILE` (- for standard input); default: the embedded sample")
	outDir := fs.String("o", "out", "write the outputs into `DIR`, created if missing")
	compare := fs.String("compare", "", "compare the incidents with these comma-separated `IDs` (or organization names) side by side (default: all if at most 6, else the 6 with the most records)")
	lang := fs.String("lang", "", "output language `en|ja` (default: BREACHREPORT_LANG, else ja when LC_ALL or LANG starts with ja, else en)")
	strict := fs.Bool("strict", false, "exit with status 1 on warnings too, not only on rejected rows")
	author := fs.String("author", "", "write `NAME` as the workbook's author (document properties; default: none)")
	client := fs.String("client", "", "name the client `NAME` the report is for, under the title of the first sheet")
	titleText := fs.String("title", "", "title the report `TEXT` (first sheet and page footers; default: the report's own title)")
	company := fs.String("company", "", "write `NAME` as the workbook's company (document properties)")
	printAll := fs.Bool("print-all", false, "make every sheet of a period workbook print (by default only its report sheets do: the month at a glance, the trend and the breakdowns)")
	inFlags := addInputFlags(fs)
	pf := addPeriodFlags(fs)
	pptx := fs.Bool("pptx", false, "also write the report as a PowerPoint deck with editable charts, DIR/"+deckName+" (a period's name carries the period)")
	ruleFl := addRuleFlags(fs)
	images := fs.String("images", "", "also write each chart as images in these comma-separated `FORMATS`: png, svg (needs Chromium)")
	imageSize := fs.String("image-size", charts.DefaultImageSize.String(), "make each image `WxH` pixels (with --images; the default is 16:9, for slides)")
	logScale := fs.String("log-scale", "auto", "when to put the records chart on a log axis: `auto|on|off` (auto: when the cases' totals differ 100-fold or more)")
	asOf := fs.String("as-of", "", "take `DATE` (2019-07-01, or 2019-07-01T09:00:00+09:00) as the generation time, so that the same input gives the same files (default: now)")
	quiet := fs.Bool("quiet", false, "draw no progress bar on stderr (it is drawn only when stderr is a terminal)")
	keepGoing := fs.Bool("keep-going", false, "when a sheet of an .xlsx input is damaged, write the report from the rows above the damage, the loss stated on its first sheet (the exit status is still 1)")
	if err := parseFlags(fs, args, generateUsage, e); err != nil {
		return helpOK(err)
	}
	if *asOf != "" {
		t, err := parseAsOf(*asOf)
		if err != nil {
			return &usageError{err: err, usage: generateUsage + flagDefaults(fs)}
		}
		e.now = func() time.Time { return t }
	}
	formats, err := parseImageFormats(*images)
	if err != nil {
		return &usageError{err: err, usage: generateUsage + flagDefaults(fs)}
	}
	size, err := charts.ParseImageSize(*imageSize)
	if err != nil {
		return &usageError{err: data.Errorf("--image-size: %w", err), usage: generateUsage + flagDefaults(fs)}
	}
	scale, err := charts.ParseLogScale(*logScale)
	if err != nil {
		return &usageError{err: data.Errorf("--log-scale: %w", err), usage: generateUsage + flagDefaults(fs)}
	}
	l, err := chooseLang(*lang, e)
	if err != nil {
		return &usageError{err: err, usage: generateUsage + flagDefaults(fs)}
	}
	if *lang == "" && e.getenv(langEnv) == "" && l == i18n.En {
		// The English report is only the fallback of a machine without a Japanese locale.
		// In both languages: the reader's is the one not known.
		fmt.Fprintf(e.stderr, "breachreport: the report is in English; --lang ja writes it in Japanese (%s=ja or %s=en sets the default) / 日本語のレポートは --lang ja（既定にするには %s=ja）\n", langEnv, langEnv, langEnv)
	}
	defer func() { err = inLang(interrupted(ctx, err, l), l) }()
	opts, err := inFlags.options()
	if err != nil {
		return &usageError{err: err, usage: generateUsage + flagDefaults(fs)}
	}
	opts.KeepGoing = *keepGoing
	if opts.Mapping, err = inFlags.mapping(); err != nil {
		return err
	}
	rl, err := ruleFl.load()
	if err != nil {
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
		return &usageError{err: err, usage: generateUsage + flagDefaults(fs)}
	}
	if !choice.allMonths && isFlagSet(fs, "max-months") {
		return &usageError{err: data.Errorf("--max-months bounds --all-months, which is not given"), usage: generateUsage + flagDefaults(fs)}
	}
	if choice.allMonths && (len(formats) > 0 || len(ids) > 0) {
		return &usageError{err: data.Errorf("--all-months cannot be combined with --images or --compare"), usage: generateUsage + flagDefaults(fs)}
	}
	if choice.allMonths && *pptx {
		return &usageError{err: data.Errorf("--all-months cannot be combined with --pptx: give --month for one month's deck"), usage: generateUsage + flagDefaults(fs)}
	}

	created, err := prepareOutputDir(*outDir)
	if err != nil {
		return err
	}
	// Also when a panic unwinds through here, which leaves err nil: removeCreated removes
	// only the directories left empty, none after a run that wrote its files.
	defer removeCreated(created)
	// A killed run's leftovers go even when this run writes none of the same names.
	atomicfile.SweepStale(*outDir)
	tmp, err := atomicfile.MkdirTemp(*outDir, tempBase)
	if err != nil {
		return data.Errorf("output directory %s: cannot make a temporary directory in it: %w", *outDir, reason(err))
	}
	defer os.RemoveAll(tmp)
	if !choice.allMonths { // --all-months checks its month folders once it knows them
		pages := chartDir
		if choice.set {
			_, _, pages = periodNames(choice.period)
		}
		if err := notSymlink(filepath.Join(*outDir, pages), data.Msgf("remove the link")); err != nil {
			return err
		}
		atomicfile.SweepStale(filepath.Join(*outDir, pages))
	}
	e.bar = newBar(e, *quiet).Japanese(l == i18n.Ja)
	if *in == "" && (e.terminal || progress.IsTerminal(e.stderr)) {
		// Someone trying the tool by hand may not know that no -i means the sample.
		fmt.Fprintln(e.stderr, "breachreport: "+sampleNote.In(l))
	}
	opts.TempDir = tmp
	rep, readAs, lacking, err := load(ctx, *in, opts, e)
	var pe *input.ParseError
	if errors.As(err, &pe) && input.IsDamage(pe) {
		return data.Errorf("%w (--keep-going writes the report from the rows above the damage)", err)
	}
	if err != nil {
		return err
	}
	e.at("generate: loaded")
	printLacking(e.stderr, inputName(rep.Input).In(l), lacking, l)
	if err := checkPeriodInput(rep, choice, lacks(lacking, data.ColDisclosed)); err != nil {
		return err
	}
	wbOpts := reports.Options{EPMap: rl.ep, Lang: l, Author: *author, Company: *company, Client: *client, Title: *titleText, PrintAll: *printAll, TempDir: tmp, Fault: e.fault}
	if rep.Stopped != nil {
		wbOpts.Incomplete = i18n.Sprint(l, stoppedMsg(rep))
	}
	for _, c := range lacking {
		if c.line.Format != "" {
			wbOpts.Lacking = append(wbOpts.Lacking, i18n.Sprint(l, c.line))
		}
	}
	if choice.allMonths {
		return generateAllMonths(ctx, rep, readAs, *outDir, choice.maxMonths, wbOpts, rl.taxonomy, scale, *strict, e)
	}
	out := outputs{dir: *outDir, workbook: workbookName, dashboard: chartsName, pages: chartDir, lang: l, scale: scale, imageSize: size, wb: wbOpts, pptx: *pptx, taxonomy: rl.taxonomy}
	whole := rep
	var note []data.Msg
	if choice.set {
		tl := rep.Incidents.Timeline()
		tl.Taxonomy = rl.taxonomy
		pr := tl.Report(choice.period)
		if rep, err = subjectReport(rep, pr, ids); err != nil {
			return &usageError{err: data.Errorf("--compare: %w", err)}
		}
		out.period = &pr
		out.workbook, out.dashboard, out.pages = periodNames(choice.period)
		note = periodAccounting(pr)
	} else if rep.Compare, err = analysis.SelectComparison(rep.Incidents, ids, maxCompare); err != nil {
		return &usageError{err: data.Errorf("--compare: %w", err)}
	}
	if err := reports.CheckSize(rep, e.maxDataRows); err != nil {
		return err
	}
	printIssues(e.stderr, whole, l)
	if err := ctx.Err(); err != nil {
		return err
	}
	book := &data.IssueLog{}
	out.wb.BookIssues = book
	files := &outputSet{at: e.at}
	defer files.discard()
	err = out.write(ctx, rep, formats, files, e)
	var ie *imagesError
	if err != nil && (ctx.Err() != nil || !errors.As(err, &ie)) {
		return err
	}
	// Past this check a Ctrl-C waits for the renames, a matter of milliseconds.
	if err := ctx.Err(); err != nil {
		return err
	}
	// The workbook's own issues are known once it is written: they count with the input's.
	printBookIssues(e.stderr, whole.Input, book, l)
	whole = withBookIssues(whole, book)
	printAccounting(e.stdout, whole, readAs, note, l)
	// Without its images the set is still whole: the images an earlier run made go.
	if err := files.commit(e.stdout, l); err != nil {
		return err
	}
	if err != nil {
		// Say why the run still fails on top of the images, if it does.
		if res := outcome(whole, *strict, true); res != nil {
			fmt.Fprintf(e.stderr, "breachreport: %s\n", i18n.ErrorText(l, res))
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
	// imageSize is the size of each image --images writes.
	imageSize charts.ImageSize
	// wb are the workbook's options: its language, author, company, client and title (the
	// dashboard, images and deck take Client and Title from here too, and the dashboard and
	// deck Incomplete).
	wb reports.Options
	// period is the subject period's report, or nil for a report on the whole input.
	period *analysis.PeriodReport
	// noPages leaves out the standalone chart pages (--all-months).
	noPages bool
	// pptx writes the deck too (--pptx).
	pptx bool
	// taxonomy puts causes into standard categories where no period report has (the deck
	// on the whole input).
	taxonomy data.Taxonomy
}

// write renders rep's workbook, dashboard and (unless noPages) chart pages, with the
// images of formats, and the deck (pptx), into o.dir, staging each file in files. When the
// images cannot be made, it returns an *imagesError with the other files staged, the deck
// without its timeline slide.
func (o outputs) write(ctx context.Context, rep analysis.Report, formats []string, files *outputSet, e env) error {
	if err := notSymlink(o.dir, data.Msgf("remove the link")); err != nil {
		return err
	}
	if err := files.mkdir(o.dir); err != nil {
		return data.Errorf("creating output directory: %w", err)
	}
	files.previous = append(files.previous, o.previousReport()...)
	// The charts are worked out while the workbook is written, on whichever core the
	// workbook leaves free.
	var (
		set      *charts.Set
		setErr   error
		setReady = make(chan struct{})
	)
	go func() {
		defer close(setReady)
		defer crash.Catch(&setErr)
		set, setErr = charts.Build(ctx, rep, charts.Options{Lang: o.lang, LogScale: o.scale, Period: o.period, Client: o.wb.Client, Title: o.wb.Title, Incomplete: o.wb.Incomplete, Taxonomy: o.taxonomy})
	}()
	defer func() { <-setReady }()
	wb := o.wb
	wb.Period = o.period
	if err := ctx.Err(); err != nil {
		return err
	}
	path := filepath.Join(o.dir, o.workbook)
	wb.Progress = e.bar.Writing(path)
	err := files.stage(path, func(w io.Writer) error { return reports.Write(ctx, w, rep, wb) })
	e.bar.Done()
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	<-setReady
	if setErr != nil {
		return setErr
	}
	if err := files.stage(filepath.Join(o.dir, o.dashboard), set.WriteDashboard); err != nil {
		return err
	}
	if o.noPages {
		return nil
	}
	timeline, err := writeChartFiles(ctx, set, files, filepath.Join(o.dir, o.pages), o.wb.TempDir, formats, o.imageSize, e)
	var ie *imagesError
	if err != nil && (ctx.Err() != nil || !errors.As(err, &ie)) {
		return err
	}
	if o.pptx {
		// Without the images the deck is the one a run without --images writes, so that
		// the images error's "everything else was written" holds.
		deckFormats := formats
		if ie != nil {
			deckFormats, timeline = nil, nil
		}
		if err := o.writeDeck(rep, deckFormats, timeline, files, e); err != nil {
			return err
		}
	}
	return err
}

func chooseLang(flagValue string, e env) (i18n.Lang, error) {
	if flagValue == "" {
		return defaultLang(e)
	}
	return i18n.ParseLang(flagValue)
}

// langEnv names the environment variable that sets the default language (ja or en), before
// the locale.
const langEnv = "BREACHREPORT_LANG"

// defaultLang returns the language of a run without --lang: BREACHREPORT_LANG's, else the
// locale's (LC_ALL, else LANG).
func defaultLang(e env) (i18n.Lang, error) {
	if v := e.getenv(langEnv); v != "" {
		l, err := i18n.ParseLang(v)
		if err != nil {
			return l, data.Errorf("%s: %w", langEnv, err)
		}
		return l, nil
	}
	return i18n.FromEnv(e.getenv), nil
}

// messageLang is the language of a command's messages: the default language, or English
// when BREACHREPORT_LANG is not one (generate reports that mistake; the others need not).
func messageLang(e env) i18n.Lang {
	l, _ := defaultLang(e)
	return l
}

// parseAsOf reads --as-of: a day (taken at midnight UTC) or an RFC 3339 time.
func parseAsOf(s string) (time.Time, error) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Time{}, data.Errorf("--as-of: %q is not a date such as 2019-07-01 or a time such as 2019-07-01T09:00:00+09:00", s)
}

// sampleNote says that a run without -i reports on the embedded sample.
var sampleNote = i18n.Text{
	En: "no -i given: reporting on the embedded sample (2 reference cases)",
	Ja: "-i の指定がないため、組み込みサンプル（参考2事例）のレポートを作成します",
}
