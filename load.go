package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
	"breachreport/input"
	"breachreport/reports"
)

// inputFlags are the flags that say how to read the input, shared by generate and validate.
type inputFlags struct {
	encoding, delimiter, dateOrder, mapFile, sheet *string
	maxInput, maxField                             *string
	maxColumns, maxRows, headerRow                 *int
}

func addInputFlags(fs *flag.FlagSet) inputFlags {
	return inputFlags{
		encoding:  fs.String("encoding", "", "read the input as encoding `NAME`: utf-8, utf-16le, utf-16be, shift_jis (also sjis, cp932) or windows-1252 (also cp1252, latin1, iso-8859-1) (default: detected)"),
		delimiter: fs.String("delimiter", "", "field delimiter `,|tab|;` (default: detected from the header line)"),
		dateOrder: fs.String("date-order", "", "read dates such as 02/04/2021 as `mdy|dmy` (default: such dates are reported, never guessed)"),
		mapFile:   fs.String("map", "", "read the columns as the mapping `FILE` (TOML) says, for files in another layout; see examples/mappings"),
		sheet:     fs.String("sheet", "", "read sheet `NAME` of an .xlsx input (default: the workbook's only sheet)"),
		headerRow: fs.Int("header-row", 0, "read the header from line (an .xlsx: row) `N` and the data after it; the rows above are skipped (default: the first row naming organization and another column)"),
		maxInput: fs.String("max-input-size", strings.ReplaceAll(input.FormatSize(input.DefaultMaxInputSize), " ", ""),
			"read at most `SIZE` of input (an .xlsx: unpacked), e.g. 2GiB; more is an error"),
		maxField: fs.String("max-field-size", strings.ReplaceAll(input.FormatSize(input.DefaultMaxFieldSize), " ", ""),
			"read fields (cells) of at most `SIZE` of UTF-8 text, e.g. 8MiB; a longer one is an error"),
		maxColumns: fs.Int("max-columns", input.DefaultMaxColumns, "read rows of at most `N` fields (columns); more is an error"),
		maxRows:    fs.Int("max-rows", input.DefaultMaxRows, "read at most `N` data rows (as many as an Excel sheet holds); more is an error"),
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
		return nil, data.Errorf("reading mapping: %w", err)
	}
	defer file.Close()
	return input.ParseMapping(file, *f.mapFile)
}

// options checks the flags and returns the reading options they give; Now is left to load.
func (f inputFlags) options() (input.Options, error) {
	enc, err := input.ParseEncoding(*f.encoding)
	if err != nil {
		return input.Options{}, data.Errorf("--encoding: %w", err)
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
		return input.Options{}, data.Errorf("--delimiter: unknown delimiter %q (want , tab or ;)", *f.delimiter)
	}
	order, err := data.ParseDateOrder(*f.dateOrder)
	if err != nil {
		return input.Options{}, data.Errorf("--date-order: %w", err)
	}
	var lim input.Limits
	if lim.MaxInputSize, err = input.ParseSize(*f.maxInput); err != nil {
		return input.Options{}, data.Errorf("--max-input-size: %w", err)
	}
	field, err := input.ParseSize(*f.maxField)
	if err != nil || field > 1<<31-1 {
		return input.Options{}, data.Errorf("--max-field-size: %q: want a size from 1 byte to 2 GiB, e.g. 8MiB", *f.maxField)
	}
	lim.MaxFieldSize = int(field)
	if lim.MaxColumns = *f.maxColumns; lim.MaxColumns < 1 {
		return input.Options{}, data.Errorf("--max-columns: %d: want at least 1", lim.MaxColumns)
	}
	if lim.MaxRows = *f.maxRows; lim.MaxRows < 1 {
		return input.Options{}, data.Errorf("--max-rows: %d: want at least 1", lim.MaxRows)
	}
	if *f.headerRow < 0 {
		return input.Options{}, data.Errorf("--header-row: %d: want a line number, 1 or more", *f.headerRow)
	}
	return input.Options{Encoding: enc, Delimiter: delim, DateOrder: order, Sheet: *f.sheet, HeaderRow: *f.headerRow, Limits: lim}, nil
}

// load reads the input named by path ("" for the embedded sample, "-" for stdin) and
// computes every figure. A file that cannot be read at all is an error; problems in rows are
// issues in the report. readAs says how the input was read ("read as Shift_JIS,
// tab-separated", "read sheet "List" of the workbook", the mapping used), or is empty for
// plain UTF-8 with commas in the tool's own layout. lacking are the columns the figures
// need that the input lacks. Once ctx is cancelled, load stops and returns its error.
func load(ctx context.Context, path string, opts input.Options, e env) (rep analysis.Report, readAs []data.Msg, lacking []lackingColumn, err error) {
	var (
		r    io.Reader
		name string
		size int64 // the input's size, 0 when not known
	)
	switch path {
	case "":
		r, name, size = bytes.NewReader(input.Sample()), input.SampleName, int64(len(input.Sample()))
	case "-":
		r, name = e.stdin, stdinName
		if f, ok := e.stdin.(*os.File); ok {
			if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
				size = st.Size()
			}
		}
	default:
		f, err := os.Open(path)
		if err != nil {
			return analysis.Report{}, nil, nil, data.Errorf("reading input: %w", err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			size = st.Size()
		}
		if opts.Limits.MaxInputSize > 0 && size > opts.Limits.MaxInputSize {
			return analysis.Report{}, nil, nil, data.Errorf("reading %s: the file is %d bytes, larger than %s, the most read (--max-input-size raises it)",
				path, size, input.FormatSize(opts.Limits.MaxInputSize))
		}
		r, name = f, path
	}
	h := sha256.New()
	opts.Now = e.now()
	defer e.bar.Done()
	// Scan stops between its batches of rows once ctx is cancelled; ctxReader stops what
	// reads the bytes whole first (a workbook is unpacked before its rows are read).
	r, opts.Progress = e.bar.Reading(name, size, ctxReader{ctx, r})
	// The rows go into the report as they are read, so that they are never all held.
	var b analysis.Builder
	if e.spool != nil {
		opts.EachIssue, b.EachIssue, b.RestartIssues = e.spool.add, e.spool.add, e.spool.restart
	}
	res, err := input.Scan(ctx, io.TeeReader(r, h), opts, func(scopes []data.Scope) error {
		b.Add(scopes)
		return nil
	})
	if err != nil {
		return analysis.Report{}, nil, nil, data.Errorf("reading %s: %w", inputName(name), err)
	}
	// Hash the rest too, should the reader have stopped before the end.
	if _, err := io.Copy(h, r); err != nil {
		return analysis.Report{}, nil, nil, data.Errorf("reading %s: %w", inputName(name), err)
	}
	e.bar.ReadDone(res.RowsRead)
	if rep, err = b.Report(ctx, res); err != nil {
		return analysis.Report{}, nil, nil, err
	}
	rep.Input, rep.InputSHA256, rep.Generated = name, hex.EncodeToString(h.Sum(nil)), e.now()
	rep.Stopped = res.Stopped
	var how []data.Msg
	switch {
	case res.Sheet != "":
		how = append(how, data.Msgf("read sheet %q of the workbook", res.Sheet))
	case res.Encoding != input.EncodingUTF8 || res.Delimiter != ',':
		how = append(how, data.Msgf("read as %s, %v-separated", res.Encoding, input.DelimiterMsg(res.Delimiter)))
	}
	if opts.Mapping != nil {
		how = append(how, data.Msgf("columns mapped by %q", opts.Mapping.Name))
	}
	return rep, how, lackingColumns(res.Layout, opts.Mapping), nil
}

// printIssues lists the issues on w in language l, one per line, naming the input, and
// how many more of each kind there were past the first data.IssueCap.
func printIssues(w io.Writer, rep analysis.Report, l i18n.Lang) {
	for _, is := range rep.Issues {
		fmt.Fprintf(w, "%s: %s: %s\n", inputName(rep.Input).In(l), i18n.Severity(is.Severity).In(l), i18n.IssueText(l, is))
	}
	for _, k := range data.Kinds() {
		if n := rep.Omitted.Kind(k); n > 0 {
			fmt.Fprintf(w, "%s: %s\n", inputName(rep.Input).In(l), i18n.Sprint(l, omittedMsg(k, n)))
		}
	}
	printDateOrderHint(w, rep, l)
}

// printBookIssues prints the issues only the workbook found (see reports.Options.BookIssues),
// and how many of each kind were counted past the cap, as printIssues does the input's.
func printBookIssues(w io.Writer, input string, book *data.IssueLog, l i18n.Lang) {
	for _, is := range book.Issues {
		fmt.Fprintf(w, "%s: %s: %s\n", inputName(input).In(l), i18n.Severity(is.Severity).In(l), i18n.IssueText(l, is))
	}
	for _, k := range reports.BookKinds() {
		if n := book.Omitted.Kind(k); n > 0 {
			fmt.Fprintf(w, "%s: %s\n", inputName(input).In(l), i18n.Sprint(l, reports.BookOmittedMsg(k, n)))
		}
	}
}

// withBookIssues returns rep with the issues only its workbook found added, so that the
// accounting line and --strict count them; rep's own slices and counts are left as they were.
func withBookIssues(rep analysis.Report, book *data.IssueLog) analysis.Report {
	if len(book.Issues) == 0 && len(book.Omitted) == 0 {
		return rep
	}
	rep.Issues = append(rep.Issues[:len(rep.Issues):len(rep.Issues)], book.Issues...)
	omitted := data.Tally{}
	omitted.Merge(rep.Omitted)
	omitted.Merge(book.Omitted)
	rep.Omitted = omitted
	return rep
}

// omittedMsg says that n more issues of kind k were counted but not listed.
func omittedMsg(k data.Kind, n int) data.Msg {
	return data.Msgf("%d more issues of kind %v were counted but not listed (the first %d of each kind are): validate --format csv lists every one",
		n, i18n.Kind(k), data.IssueCap)
}

// printDateOrderHint says, after the issues, how to read the dates whose month and day could
// be either way round, when there are any: the input package leaves the flag to the command.
func printDateOrderHint(w io.Writer, rep analysis.Report, l i18n.Lang) {
	switch n := rep.IssuesOf(data.KindDateOrder); {
	case n == 1:
		fmt.Fprintf(w, "%s: %s\n", inputName(rep.Input).In(l), i18n.Sprint(l, data.Msgf("1 date could be month/day or day/month: --date-order mdy or --date-order dmy reads it")))
	case n > 1:
		fmt.Fprintf(w, "%s: %s\n", inputName(rep.Input).In(l), i18n.Sprint(l, data.Msgf("%d dates could be month/day or day/month: --date-order mdy or --date-order dmy reads them", n)))
	}
}

// printAccounting prints the one-line row accounting of a run in language l, after a line
// saying how the input was read when that is not plain UTF-8 with commas. Notes, when there
// are any, go after the number of incidents, in brackets.
func printAccounting(w io.Writer, rep analysis.Report, readAs []data.Msg, notes []data.Msg, l i18n.Lang) {
	if len(readAs) > 0 {
		fmt.Fprintf(w, "%s: %s\n", inputName(rep.Input).In(l), joinMsgs(l, readAs, listSep))
	}
	line := []data.Msg{data.Msgf("%d rows read, %d used, %d rejected", rep.RowsRead, rep.RowsUsed, rep.RowsRejected)}
	switch {
	case rep.RowsBlank == 1:
		line = append(line, data.Msgf(" (1 blank row skipped)"))
	case rep.RowsBlank > 1:
		line = append(line, data.Msgf(" (%d blank rows skipped)", rep.RowsBlank))
	}
	text := joinMsgs(l, line, i18n.Text{}) + clauseSep.In(l) + i18n.Sprint(l, incidentsMsg(rep.Incidents.Len()))
	if len(notes) > 0 {
		text += i18n.Sprint(l, data.Msgf(" (%v)", joinMsgs(l, notes, listSep)))
	}
	text += clauseSep.In(l) + i18n.Sprint(l, warningsMsg(rep.Warnings()))
	fmt.Fprintf(w, "%s: %s\n", inputName(rep.Input).In(l), text)
}

// Separators of the parts of a message line: a list's items, and a line's clauses.
var (
	listSep   = i18n.Text{En: ", ", Ja: "、"}
	clauseSep = i18n.Text{En: "; ", Ja: "、"}
)

// joinMsgs renders msgs in language l, joined by sep.
func joinMsgs(l i18n.Lang, msgs []data.Msg, sep i18n.Text) string {
	parts := make([]string, len(msgs))
	for i, m := range msgs {
		parts[i] = i18n.Sprint(l, m)
	}
	return strings.Join(parts, sep.In(l))
}

// incidentsMsg is "1 incident" or "n incidents".
func incidentsMsg(n int) data.Msg {
	if n == 1 {
		return data.Msgf("1 incident")
	}
	return data.Msgf("%d incidents", n)
}

// warningsMsg is "1 warning" or "n warnings".
func warningsMsg(n int) data.Msg {
	if n == 1 {
		return data.Msgf("1 warning")
	}
	return data.Msgf("%d warnings", n)
}

// rejectedError reports that some input rows could not be used. The outputs are still
// written; the command exits with status 1.
type rejectedError struct {
	rejected, read int
	warnings       int
	// written says whether the issues are also in a written workbook's Data issues sheet.
	written bool
	// csv says that the issues were listed in the CSV table on standard output, not above.
	csv bool
}

func (e *rejectedError) Error() string { return e.Message().String() }

// Message is the error's text, for i18n.ErrorText.
func (e *rejectedError) Message() data.Msg {
	switch {
	case e.rejected == 0 && e.csv:
		return data.Msgf("--strict: %v (listed in the CSV table on standard output)", warningsMsg(e.warnings))
	case e.rejected == 0:
		return data.Msgf("--strict: %v (listed above)", warningsMsg(e.warnings))
	case e.written:
		return data.Msgf("%d of %d rows rejected (listed above and in the Data issues sheet)", e.rejected, e.read)
	case e.csv:
		return data.Msgf("%d of %d rows rejected (listed in the CSV table on standard output)", e.rejected, e.read)
	}
	return data.Msgf("%d of %d rows rejected (listed above)", e.rejected, e.read)
}

// outcome turns the row accounting into the command's result.
// written says whether a workbook with a Data issues sheet was written.
func outcome(rep analysis.Report, strict, written bool) error {
	if rep.RowsRead != rep.RowsUsed+rep.RowsRejected {
		return data.Errorf("internal error: %d rows read but %d used and %d rejected", rep.RowsRead, rep.RowsUsed, rep.RowsRejected)
	}
	if rep.Stopped != nil {
		return data.Errorf(stoppedFormat, rep.Stopped.Line, rep.Stopped.Sheet, rep.RowsRead)
	}
	// A total row is counted with the rejected rows, left out of every figure, but its
	// issue is a warning: nothing in it is lost, so alone it does not fail the run.
	rejected := rep.RowsRejected - rep.IssuesOf(data.KindTotalRow)
	if rejected > 0 || (strict && rep.Warnings() > 0) {
		return &rejectedError{rejected: rejected, read: rep.RowsRead, warnings: rep.Warnings(), written: written}
	}
	return nil
}

// stoppedFormat says that reading stopped at the damage of a report's Stopped (--keep-going),
// and what the report then holds: on its first sheet and as the run's error.
const stoppedFormat = "reading stopped at row %d of sheet %q, where the sheet is damaged: the report holds only the %d rows read above it, and the rest of the sheet is lost; open and save the workbook in Excel or LibreOffice, or export the sheet as CSV, and run again"

// stoppedMsg is stoppedFormat's message for rep.
func stoppedMsg(rep analysis.Report) data.Msg {
	return data.Msgf(stoppedFormat, rep.Stopped.Line, rep.Stopped.Sheet, rep.RowsRead)
}

// stdinName is the name of the input read from standard input.
const stdinName = "standard input"

// inputName is how messages name the input called name: standard input and the embedded
// sample in words of the language, a file by its path.
func inputName(name string) i18n.Text {
	switch name {
	case stdinName:
		return i18n.Text{En: stdinName, Ja: "標準入力"}
	case input.SampleName:
		return i18n.Text{En: input.SampleName, Ja: "組み込みサンプル（sample.csv）"}
	}
	return i18n.Text{En: name, Ja: name}
}
