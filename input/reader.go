// Package input reads incident lists: CSV text in any of the encodings and delimiters a
// spreadsheet saves, or a sheet of an .xlsx workbook, in the tool's own columns (with their
// Japanese aliases) or through a column mapping. Every problem is reported with its line,
// column and value; rows that cannot be used are rejected and counted, never dropped.
package input

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"breachreport/data"
)

// Options configure Scan. The zero value is ready to use.
type Options struct {
	// Now is the reference time for the latest plausible date: dates after the end of the
	// year after Now's year are rejected as typos. The zero value means time.Now().
	Now time.Time
	// Encoding names the encoding of the input, in any spelling ParseEncoding accepts
	// ("utf-8", "utf-16le", "utf-16be", "shift_jis", "cp932", "windows-1252", "latin1", …).
	// The zero value "" means detect it: from a byte-order mark, else UTF-8 if the start of
	// the input is valid UTF-8, else Shift_JIS or Windows-1252 when the text clearly is one
	// and not the other (an error asks for the encoding when it is not clear).
	Encoding string
	// Delimiter separates the fields. The zero value means detect it from the header and
	// the records after it (up to 20 in all): comma, tab or semicolon, whichever splits the
	// header into more than one field and the records after it alike; when that is not clear
	// Scan returns a *ParseError wrapping ErrDelimiter.
	Delimiter rune
	// DateOrder says how to read the ambiguous n/n/yyyy dates of US and European exports.
	// The zero value reads none of them: each is reported, never guessed.
	DateOrder data.DateOrder
	// Mapping, when set, says which columns fill which fields, for files in a layout that
	// is not the tool's own (see Mapping). Its date orders override DateOrder.
	Mapping *Mapping
	// Sheet names the sheet to read when the input is an .xlsx workbook; "" reads the
	// workbook's only sheet (a workbook with several is an error that lists them).
	Sheet string
	// HeaderRow is the line (a workbook sheet's row) of the header, 1-based. The zero
	// value means find it: the first non-blank row, unless that row names no organization
	// column and one of the next rows (up to 20) names it and another known column (under
	// a Mapping: the columns it reads); the rows above that one are skipped with a warning
	// of kind data.KindHeader naming them.
	HeaderRow int
	// TempDir is the directory of the temporary files excelize makes while it reads a large
	// .xlsx workbook; "" means the system's (os.TempDir).
	TempDir string
	// Limits bound the input's size, its fields and its columns; the zero value means the
	// defaults (DefaultMaxInputSize, …).
	Limits Limits
	// Progress, when not nil, is called with the number of rows read so far every 4,096
	// rows, from the goroutine that reads (calls never overlap), for a progress display.
	Progress func(rowsRead int)
	// IssueCap is the most issues of one kind the Result holds, data.IssueCap when 0;
	// the rest are counted in Result.Omitted.
	IssueCap int
	// EachIssue, when not nil, is handed every issue, held or not, as it is found, with
	// the stage that found it (data.StageRead or data.StageDecode), before its column is
	// located (see Layout.Locate). It is called from one goroutine at a time per stage, but
	// the two stages' calls may overlap.
	EachIssue func(stage int, is data.Issue)
	// KeepGoing makes damage in a workbook's sheet after its header (see IsDamage) end the
	// rows instead of failing the read: the rows above it are read, Result.Stopped holds
	// the damage, and a warning at its row says what is lost. The zero value fails the read.
	KeepGoing bool
}

// dateOptions returns the date-parsing options: dates up to the end of next year, and the
// order asked for.
func (o Options) dateOptions() data.DateOptions {
	now := o.Now
	if now.IsZero() {
		now = time.Now()
	}
	return data.DateOptions{MaxYear: now.Year() + 1, Order: o.DateOrder}
}

// Layout describes the header of the file that was read.
type Layout struct {
	// Header is the header row as written.
	Header []string
	// index maps canonical column names to 0-based positions in Header.
	index map[string]int
	// extra holds the positions of the columns outside the schema, in file order.
	extra []int
	// sheet names the workbook sheet the header is on; issues then name cells.
	sheet string
}

// Extra returns the headers of the columns outside the schema, as written, in file order.
// Each Scope's Extra holds its values of these columns.
func (l Layout) Extra() []string {
	out := make([]string, len(l.extra))
	for i, j := range l.extra {
		out[i] = l.Header[j]
	}
	return out
}

// HeaderOf returns the header, as written, of the canonical column col; "" when the file
// lacks it.
func (l Layout) HeaderOf(col string) string {
	if j, ok := l.index[col]; ok {
		return l.Header[j]
	}
	return ""
}

// Has reports whether the file has the canonical column col.
func (l Layout) Has(col string) bool {
	_, ok := l.index[col]
	return ok
}

// Locate fills in the header text and position of each issue's column, where the file has
// that column.
func (l Layout) Locate(issues []data.Issue) {
	for i := range issues {
		is := &issues[i]
		if j, ok := l.index[is.Column]; ok && is.Header == "" {
			is.Header = l.Header[j]
			is.ColumnIndex = j + 1
		}
		if l.sheet != "" {
			is.Sheet = l.sheet
			if is.ColumnIndex > 0 && is.Line > 0 && is.Cell == "" {
				is.Cell = cellName(is.ColumnIndex-1, is.Line)
			}
		}
	}
}

// Result is what Scan found: how the input was read, the counts of its rows, and every
// problem as an Issue.
type Result struct {
	// Encoding is the encoding the input was read in (EncodingUTF8, …), and Delimiter the
	// field delimiter, whether detected or given in Options.
	Encoding  string
	Delimiter rune
	// Sheet is the sheet read when the input was an .xlsx workbook (Encoding and Delimiter
	// are then empty); its rows are the lines of Scopes and Issues.
	Sheet  string
	Layout Layout
	// Scopes is left nil by Scan, which hands the scopes to its callback; a caller that keeps
	// them all may put them here.
	Scopes []data.Scope
	// Issues are sorted by line. Rejected rows have exactly one Rejected issue each, but
	// for total rows (合計, Total), which have one warning of kind data.KindTotalRow. Past
	// Options.IssueCap issues of one kind, the rest are counted in Omitted, not held.
	Issues  []data.Issue
	Omitted data.Tally
	// RowsRead counts data rows after the header, blank rows excepted; it always equals
	// RowsUsed + RowsRejected. RowsUsed counts the scopes handed over; RowsRejected the
	// rows left out of every figure, total rows included.
	RowsRead     int
	RowsUsed     int
	RowsRejected int
	// RowsBlank counts rows whose every field is blank; they are skipped and not read.
	RowsBlank int
	// Stopped, when not nil, is the damage where reading stopped under Options.KeepGoing:
	// the rows from its row on were not read.
	Stopped *ParseError
	// IDColumns are the headers, as written, of the columns a mapping joins into the
	// incident id (incident_id = { columns = […] }); nil when the id is read otherwise.
	// Rows that give one joined id are one incident, though the file may mean them apart.
	IDColumns []string
}

// csvRow is a data row's text by field, with where it stands in the file: what toScope
// converts and checks. gocsv binds the text fields by their tags, the canonical column
// names, from the mapped header (rowConfig.header). They are strings, so gocsv converts
// nothing ("010" stays "010", "" stays ""): toScope reads each value, where its line,
// column and date options are known for any issue.
type csvRow struct {
	// Line is the physical line where the row starts; FieldLines, for a row that spans
	// several lines, the line where each field (by position in the file) starts, else nil.
	Line       int      `csv:"-"`
	FieldLines []int    `csv:"-"`
	Extra      []string `csv:"-"` // the values of the columns outside the schema, in file order

	IncidentID    string `csv:"incident_id"`
	Organization  string `csv:"organization"`
	Service       string `csv:"service"`
	Industry      string `csv:"industry"`
	Cause         string `csv:"cause"`
	RecordType    string `csv:"record_type"`
	Certainty     string `csv:"certainty"`
	Records       string `csv:"records"`
	ExposureStart string `csv:"exposure_start"`
	ExposureEnd   string `csv:"exposure_end"`
	Detected      string `csv:"detected"`
	Contained     string `csv:"contained"`
	Disclosed     string `csv:"disclosed"`
	SourceURL     string `csv:"source_url"`
	Notes         string `csv:"notes"`

	ReportedPreliminary string `csv:"reported_preliminary"`
	ReportedFinal       string `csv:"reported_final"`
	DataItems           string `csv:"data_items"`
	Vendor              string `csv:"vendor"`
	JNSAEP              string `csv:"jnsa_ep"`
	JNSAIdentifiability string `csv:"jnsa_identifiability"`
	JNSASocial          string `csv:"jnsa_social"`
	JNSAResponse        string `csv:"jnsa_response"`
}

// Scan reads incident scopes from CSV text or from a sheet of an .xlsx workbook (told from
// the bytes; see Options.Sheet and "Excel workbooks" in the README) and hands the usable
// rows to each as they are decoded, in input order, a batch at a time: the Result's Scopes
// is nil, and its RowsUsed counts them. Each batch is a new array, each's to keep. An error
// from each stops the reading and is returned as it is, and so does ctx's end, between
// batches of rows (the error then wraps ctx.Err()).
//
// CSV text is UTF-8, UTF-16, Shift_JIS (CP932) or Windows-1252, its fields separated by
// commas, tabs or semicolons; see Options for how the encoding and the delimiter are
// detected. A byte-order mark is skipped. For CSV, Scan never holds more than the start of
// the input (64 KiB, to tell the encoding and delimiter) and the rows in flight (a few
// batches of 1,024) in memory, besides what each keeps; a workbook is held in memory packed,
// as read, and its sheet is read from it as a stream, a row at a time.
//
// The first non-blank row is the header; names are matched case-insensitively, after NFKC,
// against each column's name and aliases (see data.Columns). A missing required column, a
// duplicated column, an empty input or one whose encoding cannot be told is a *ParseError;
// an Options.Encoding or Options.Delimiter that Scan does not know is an error too, and so
// is input that goes over one of Options.Limits (wrapping ErrLimit, naming the line and
// column): it stops reading before the field or row that is too big is held. Every other
// problem is an Issue in the Result: a row that cannot be used (wrong number of fields,
// broken quoting, bytes that do not decode in the file's encoding, no organization) is
// rejected; a field that cannot be read (a date or count that does not parse, an unknown
// certainty) is treated as unknown and warned about.
func Scan(ctx context.Context, r io.Reader, opts Options, each func([]data.Scope) error) (*Result, error) {
	opts.Limits = opts.Limits.withDefaults()
	br := bufio.NewReaderSize(&sizeLimitReader{r: r, limit: opts.Limits.MaxInputSize}, sniffSize)
	head, _ := br.Peek(len(zipMagic))
	res := &Result{}
	var src source
	if isWorkbook(head) {
		xs, sheet, err := openWorkbook(br, opts)
		if err != nil {
			return nil, err
		}
		defer xs.close()
		src, res.Sheet = xs, sheet
	} else {
		if opts.Sheet != "" {
			return nil, &ParseError{Err: data.Errorf("%w: the sheet %q is named, but the input is not an .xlsx workbook", ErrSheet, opts.Sheet)}
		}
		in, err := openInput(br, opts)
		if err != nil {
			return nil, err
		}
		src, res.Encoding, res.Delimiter = newCSVSource(in, opts.Limits), in.enc, in.delim
	}
	rr := &rowReader{ctx: ctx, src: src, res: res, opts: opts,
		log: data.IssueLog{Cap: opts.IssueCap, Each: opts.EachIssue, Stage: data.StageRead}}

	n, rowIssues, err := decodeRows(ctx, rr, func(scopes []data.Scope) error {
		if err := each(scopes); err != nil {
			return &sinkError{err}
		}
		return nil
	})
	if err != nil {
		if se, ok := err.(*sinkError); ok {
			return nil, se.err
		}
		var pe *ParseError
		if errors.As(err, &pe) {
			pe.Sheet = res.Sheet
			return nil, pe
		}
		return nil, data.Errorf("reading: %w", err)
	}
	if res.Stopped != nil {
		res.Stopped.Sheet = res.Sheet
	}
	res.RowsUsed = n
	res.Issues = append(rr.log.Issues, rowIssues.Issues...)
	for _, is := range rowIssues.Issues {
		if is.Severity == data.Rejected {
			res.RowsRejected++
		}
	}
	res.Omitted = data.Tally{}
	res.Omitted.Merge(rr.log.Omitted)
	res.Omitted.Merge(rowIssues.Omitted)
	res.RowsRejected += rowIssues.Omitted.Severity(data.Rejected)
	res.Layout.Locate(res.Issues)
	sort.SliceStable(res.Issues, func(i, j int) bool { return res.Issues[i].Line < res.Issues[j].Line })
	return res, nil
}

// sinkError carries the error of Scan's each through the reading, to be returned unwrapped.
type sinkError struct{ err error }

func (e *sinkError) Error() string { return e.err.Error() }

// rowReader reads the rows of a source: it checks and maps the header, fills constant and
// derived fields, notes where each row stands in the file, and takes structurally broken
// rows out of the stream as Rejected issues.
type rowReader struct {
	ctx  context.Context
	src  source
	res  *Result
	opts Options
	// log collects the issues of the rows' structure and text.
	log   data.IssueLog
	cfg   rowConfig
	width int
	// consts are the values of the columns appended to every row: a mapping's constants.
	consts []string
	// idCols are the positions a mapping joins into the incident id; nil when it does not.
	idCols []int
	// idEachRow makes each row an incident of its own, named by orgPos's value (or the
	// constant organization, when orgPos is -1) and the line.
	idEachRow bool
	orgPos    int
	orgConst  string
	// used marks the positions of the columns the report reads: the schema's, or those the
	// mapping reads (its joined id's too).
	used []bool
	// values translate the text of the columns at their positions (a mapping's values).
	values map[int]map[string]string
	// subheadings is set until the first row after the header is read, which is checked
	// for a second row of the header (see checkSubheadings).
	subheadings bool
	// sums add up the known counts of the rows above with an organization: of all of them,
	// and of those since the last total row; n counts the rows each adds. A row without an
	// organization whose count equals one of them is a total row.
	sumAll, sumSince int64
	nAll, nSince     int
}

// rowConfig is what toScope needs to know about the file.
type rowConfig struct {
	layout *Layout
	// header names each position of a rawRow's values: a canonical column name, or a name
	// no csvRow field has for a column outside the schema.
	header []string
	// dates says how each date column reads its dates.
	dates map[string]data.DateOptions
	// dateOpts are dates' options in the order toScope reads the dates: exposure start and
	// end, detected, contained, disclosed, reported preliminary and final.
	dateOpts [7]data.DateOptions
	// encoding is the encoding CSV text is read in (Result.Encoding); "" for a workbook.
	encoding string
	// suggestFormat is set under a mapping: a date warning then names the date_format that
	// would read the date, when one of suggestedLayouts does.
	suggestFormat bool
}

// rawRow is a data row as rowReader reads it: its values, by position in the mapped header
// (the file's columns, then a mapping's constants and joined id), and where it stands.
type rawRow struct {
	vals       []string
	line       int
	fieldLines []int
	extra      []string
}

// next returns the next data row, after the header; io.EOF at the end.
func (rr *rowReader) next() (rawRow, error) {
	for i := 1; ; i++ {
		// Rows that are skipped or rejected come here again without leaving: a file of them
		// must stop on ctx's end too.
		if i&1023 == 0 && rr.ctx.Err() != nil {
			return rawRow{}, rr.ctx.Err()
		}
		rec, err := rr.src.next()
		if err == io.EOF {
			return rawRow{}, io.EOF
		}
		// Type assertions, not errors.As, which would allocate for every row.
		if pe, ok := err.(*csv.ParseError); ok {
			// encoding/csv has consumed the broken record; reading goes on after it.
			rr.reject(data.Issue{Kind: data.KindStructure, Line: pe.StartLine, Message: data.Msgf("broken CSV quoting (%v at line %d, character %d)", pe.Err, pe.Line, pe.Column)})
			continue
		}
		if br, ok := err.(*brokenRow); ok {
			rr.reject(data.Issue{Kind: data.KindStructure, Line: br.line, Value: br.value,
				Message: data.Msgf("broken CSV quoting: a quote opened in this line is not closed; the lines after it are read as rows of their own")})
			continue
		}
		if err != nil && rr.opts.KeepGoing && IsDamage(err) {
			pe := err.(*ParseError)
			rr.res.Stopped = pe
			rr.log.Add(data.Issue{Kind: data.KindStructure, Severity: data.Warning, Line: pe.Line,
				Message: data.Msgf("reading stopped here: %v; the rows from here on are lost, and the figures hold only the rows above", pe.Err)})
			return rawRow{}, io.EOF
		}
		if err != nil {
			return rawRow{}, rr.fatal(err)
		}
		line := rr.src.line(0)
		for _, n := range rr.src.notes() {
			rr.log.Add(data.Issue{Kind: n.kind, Severity: data.Warning, Line: line, Column: rr.canonical(n.col),
				Header: rr.res.Layout.Header[n.col], ColumnIndex: n.col + 1, Value: n.value, Message: n.msg})
		}
		if isBlank(rec) {
			rr.res.RowsBlank++
			continue
		}
		if rr.res.RowsRead >= rr.opts.Limits.MaxRows {
			return rawRow{}, &ParseError{Line: line, Err: data.Errorf("%w: the input has more than %d rows, the most read", ErrRows, rr.opts.Limits.MaxRows)}
		}
		if rr.subheadings {
			rr.subheadings = false
			if err := rr.checkSubheadings(rec, line); err != nil {
				return rawRow{}, err
			}
		}
		fitted, why, ok := rr.src.fit(rec, rr.width)
		if !ok {
			rr.reject(data.Issue{Kind: data.KindStructure, Line: line, Value: rr.show(rr.src.text(rec)), Message: why})
			continue
		}
		rec = fitted
		if bad := rr.badText(rec); bad != nil {
			rr.reject(*bad)
			continue
		}
		if is, ok := rr.totalRow(rec, line); ok {
			rr.leaveOut(is)
			continue
		}
		rr.res.RowsRead++
		if rr.opts.Progress != nil && rr.res.RowsRead&4095 == 0 {
			rr.opts.Progress(rr.res.RowsRead)
		}
		row := rawRow{vals: rec, line: line, fieldLines: rr.fieldLines(rec, line), extra: rr.extraValues(rec)}
		if rr.opts.Mapping == nil {
			return row, nil
		}
		out := make([]string, 0, len(rec)+len(rr.consts)+1)
		out = append(out, rec...)
		for j, tr := range rr.values {
			if v, ok := tr[foldValue(rec[j])]; ok {
				out[j] = v
			}
		}
		out = append(out, rr.consts...)
		switch {
		case rr.idCols != nil:
			out = append(out, rr.joinedID(rec))
		case rr.idEachRow:
			org := rr.orgConst
			if rr.orgPos >= 0 {
				org, _ = stripControls(rec[rr.orgPos])
			}
			out = append(out, fmt.Sprintf("%s (line %d)", strings.TrimSpace(org), line))
		}
		row.vals = out
		return row, nil
	}
}

// badText returns the Rejected issue of a row whose text is not usable: holding a NUL byte,
// or bytes that are not valid UTF-8 (or did not decode) in a column the report uses; nil when
// it is usable. Such bytes in a column it does not use (neither in the schema nor read by the
// mapping: a description column of an export) do not cost the row: they are written into
// the value as escapes (\x9d), with a warning.
func (rr *rowReader) badText(rec []string) *data.Issue {
	issue := func(j int, msg data.Msg) *data.Issue {
		return &data.Issue{Kind: data.KindEncoding, Line: rr.src.line(j), Column: rr.canonical(j), Header: rr.res.Layout.Header[j], ColumnIndex: j + 1,
			Value: rr.show(rec[j]), Message: msg}
	}
	// Decoded text is valid UTF-8 but for the bytes that did not decode.
	decoded := rr.decoded()
	bad := func(f string) bool { return !utf8.ValidString(f) }
	first := invalidUTF8(rec)
	if decoded {
		bad = hasEscapes
		first, _ = undecodable(rec)
	}
	for j := max(first, 0); first >= 0 && j < len(rec); j++ {
		if !rr.used[j] || !bad(rec[j]) {
			continue
		}
		switch {
		case !decoded:
			return issue(j, data.Msgf("text is not valid UTF-8; save the file as UTF-8 (CSV UTF-8 in Excel)"))
		case rr.res.Encoding == EncodingWindows1252:
			return issue(j, data.Msgf(`text is not valid %s, the encoding the file is read in; the bytes shown could not be decoded (or they are a UTF-8 character, such as \xc3\xa9 for é, in a file that mixes UTF-8 into Windows-1252)`, rr.res.Encoding))
		}
		return issue(j, data.Msgf("text is not valid %s, the encoding the file is read in; the bytes shown could not be decoded", rr.res.Encoding))
	}
	if j := fieldWithNUL(rec); j >= 0 {
		return issue(j, data.Msgf("text holds a NUL byte: the row is damaged, or not text"))
	}
	for j := max(first, 0); first >= 0 && j < len(rec); j++ {
		if !bad(rec[j]) {
			continue
		}
		is := issue(j, data.Msgf("text is not valid UTF-8, in a column the report does not use: the row is kept, with the bytes that are not UTF-8 written as escapes (\\xNN)"))
		is.Value = rr.showBadBytes(rec[j], decoded)
		if decoded {
			is.Message = data.Msgf("text is not valid %s, the encoding the file is read in, in a column the report does not use: the row is kept, with the bytes that could not be decoded written as escapes (\\xNN)", rr.res.Encoding)
		}
		is.Severity = data.Warning
		rr.log.Add(*is)
		rec[j] = escapeBytes(rec[j], decoded)
	}
	return nil
}

// showBadBytes returns f for a message about its bad bytes: from a little before the first
// of them, so that a long description shows them, cut as show does.
func (rr *rowReader) showBadBytes(f string, decoded bool) string {
	i := 0
	for i < len(f) {
		if decoded && f[i]&0xFC == escapeLead {
			break
		}
		r, size := utf8.DecodeRuneInString(f[i:])
		if !decoded && r == utf8.RuneError && size == 1 {
			break
		}
		i += size
	}
	start := i
	for n := 0; n < 20 && start > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(f[:start])
		start -= size
	}
	if start == 0 {
		return rr.show(f)
	}
	return "…" + rr.show(f[start:])
}

// decoded reports whether the text was decoded from another encoding than UTF-8: its
// invalid UTF-8 is then bytes that did not decode (see decoder).
func (rr *rowReader) decoded() bool {
	src, ok := rr.src.(*csvSource)
	return ok && src.decoded
}

// show returns text from the input for an issue's value, as read: cut to 80 characters, with
// the bytes that did not decode put back.
func (rr *rowReader) show(f string) string {
	if rr.decoded() && hasEscapes(f) {
		return putBack(f)
	}
	return truncate(f, 80)
}

// escapeBytes returns f with its bytes that are not UTF-8, or that did not decode when
// decoded, written as escapes (\x9d), and its text as it is.
func escapeBytes(f string, decoded bool) string {
	var b strings.Builder
	for i := 0; i < len(f); {
		if c := f[i]; decoded && c&0xFC == escapeLead && i+1 < len(f) {
			fmt.Fprintf(&b, `\x%02x`, (c-escapeLead)<<6|f[i+1]&0x3F)
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(f[i:])
		if r == utf8.RuneError && size == 1 {
			fmt.Fprintf(&b, `\x%02x`, f[i])
		} else {
			b.WriteString(f[i : i+size])
		}
		i += size
	}
	return b.String()
}

// joinedID returns the incident id a mapping builds from several columns: their non-blank
// values joined with " / ", without control characters (each column's own cell is warned
// about, once).
func (rr *rowReader) joinedID(rec []string) string {
	parts := make([]string, 0, len(rr.idCols))
	for _, j := range rr.idCols {
		v, _ := stripControls(rec[j])
		if v = strings.TrimSpace(v); v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, " / ")
}

// fatal returns the error that stops reading for err from the source: a *ParseError naming
// the column for a field or row over the limits.
func (rr *rowReader) fatal(err error) error {
	var le *limitError
	if errors.As(err, &le) {
		return le.parseError(rr.res.Layout.Header)
	}
	return err
}

// totalRow returns the issue of a row that adds up the rows above it, and true, when rec is
// one: its organization, or when that is blank its first non-blank cell, is a total label
// (see data.IsTotalLabel), or it has no organization and its count is the sum of the counts
// of two or more rows above (all of them, or those since the last total row). Otherwise it
// adds the row's count to the sums.
func (rr *rowReader) totalRow(rec []string, line int) (data.Issue, bool) {
	org := ""
	orgPos, hasOrg := rr.res.Layout.index[data.ColOrganization]
	if hasOrg {
		org = strings.TrimSpace(rec[orgPos])
	} else {
		org = strings.TrimSpace(rr.orgConst)
	}
	issue := func(j int, msg data.Msg) (data.Issue, bool) {
		rr.sumSince, rr.nSince = 0, 0
		return data.Issue{Kind: data.KindTotalRow, Line: rr.src.line(j), Column: rr.canonical(j), Header: rr.res.Layout.Header[j], ColumnIndex: j + 1,
			Value: rr.show(rec[j]), Message: msg}, true
	}
	leftOut := data.Msgf("a total row, not an incident: left out of every figure")
	if hasOrg && data.IsTotalLabel(org) {
		return issue(orgPos, leftOut)
	}
	recPos, hasCount := rr.res.Layout.index[data.ColRecords]
	if org == "" {
		for j, v := range rec {
			if strings.TrimSpace(v) == "" {
				continue
			}
			if data.IsTotalLabel(v) {
				return issue(j, leftOut)
			}
			break
		}
		if hasCount {
			c, err := data.ParseCount(rec[recPos])
			if err == nil && c.Known && c.N > 0 {
				switch {
				case rr.nSince >= 2 && c.N == rr.sumSince:
					return issue(recPos, data.Msgf("no organization, and the count is the sum of the %d rows above since the last total: a total row, left out of every figure", rr.nSince))
				case rr.nAll >= 2 && c.N == rr.sumAll:
					return issue(recPos, data.Msgf("no organization, and the count is the sum of the %d rows above: a total row, left out of every figure", rr.nAll))
				}
			}
		}
		return data.Issue{}, false
	}
	if hasCount {
		if c, err := data.ParseCount(rec[recPos]); err == nil && c.Known {
			rr.sumAll += c.N
			rr.sumSince += c.N
			rr.nAll++
			rr.nSince++
		}
	}
	return data.Issue{}, false
}

// leaveOut counts a total row with the rejected rows, left out of every figure, under its
// warning: nothing in it is lost.
func (rr *rowReader) leaveOut(is data.Issue) {
	is.Severity = data.Warning
	rr.res.RowsRead++
	rr.res.RowsRejected++
	rr.log.Add(is)
}

func (rr *rowReader) reject(is data.Issue) {
	is.Severity = data.Rejected
	rr.res.RowsRead++
	rr.res.RowsRejected++
	rr.log.Add(is)
}

// canonical returns the canonical column name of position j, or the header as written for
// a column outside the schema.
func (rr *rowReader) canonical(j int) string {
	for name, k := range rr.res.Layout.index {
		if k == j {
			return name
		}
	}
	return rr.res.Layout.Header[j]
}

// extraValues returns the row's values of the columns outside the schema, or nil when the
// file has no such column.
func (rr *rowReader) extraValues(rec []string) []string {
	if len(rr.res.Layout.extra) == 0 {
		return nil
	}
	vals := make([]string, len(rr.res.Layout.extra))
	for i, j := range rr.res.Layout.extra {
		vals[i] = rec[j]
	}
	return vals
}

// fieldLines returns, for a row that spans several physical lines, the starting line of
// each field; nil when the whole row is on one line.
func (rr *rowReader) fieldLines(rec []string, line int) []int {
	if rr.src.line(len(rec)-1) == line {
		return nil
	}
	lines := make([]int, len(rec))
	for j := range rec {
		lines[j] = rr.src.line(j)
	}
	return lines
}

// maxHeaderSearch is how many non-blank rows the header is looked for in, when the first
// is not one: a title and a few notes above it, not a table.
const maxHeaderSearch = 20

// header finds the header row, checks and maps it, and sets up the reading of the rows after
// it. The header is Options.HeaderRow when given; else the first non-blank row, unless that
// row names no organization column and a later one names it and another known column (see
// looksLikeHeader): the rows above that one are skipped, with one note naming them.
func (rr *rowReader) header() error {
	type row struct {
		rec  []string
		line int
	}
	var (
		first, hdr row
		above      []row
	)
search:
	for n := 0; ; n++ {
		rec, err := rr.headerCandidate()
		if err == io.EOF {
			switch {
			case rr.opts.HeaderRow > 0:
				return &ParseError{Err: data.Errorf("%w: the header row given, %d, is past the end of the input", ErrNoHeader, rr.opts.HeaderRow)}
			case first.rec == nil:
				return &ParseError{Err: ErrEmpty}
			}
			hdr, above = first, nil
			break search
		}
		if err != nil && first.rec != nil && rr.opts.HeaderRow == 0 {
			// No header was found; the first row's own error says most (a wrong delimiter
			// can break the quoting of the rows after it).
			hdr, above = first, nil
			break
		}
		if err != nil {
			return err
		}
		r := row{rec, rr.src.line(0)}
		if h := rr.opts.HeaderRow; h > 0 {
			if r.line < h {
				continue
			}
			if r.line > h {
				return &ParseError{Line: h, Err: data.Errorf("%w: the header row given, %d, is blank or inside a row that starts above it", ErrNoHeader, h)}
			}
			hdr = r
			break
		}
		if first.rec == nil {
			first = r
			if rr.looksLikeHeader(rec, true) {
				hdr = r
				break
			}
		} else if rr.looksLikeHeader(rec, false) {
			hdr = r
			break
		}
		if n+1 >= maxHeaderSearch {
			hdr, above = first, nil
			break
		}
		above = append(above, r)
	}
	rec := hdr.rec
	if len(above) > 0 && hdr.line != first.line {
		if err := twoRowHeader(above[len(above)-1].rec, rec, above[len(above)-1].line, hdr.line); err != nil {
			return err
		}
		var (
			lines data.List
			texts []string
		)
		for _, a := range above {
			lines = append(lines, a.line)
			texts = append(texts, strings.Join(nonBlank(a.rec), " "))
		}
		msg := data.Msgf("1 row above the header (line %d) skipped as a title or notes: line %d", hdr.line, above[0].line)
		if len(above) > 1 {
			msg = data.Msgf("%d rows above the header (line %d) skipped as a title or notes: lines %v", len(above), hdr.line, lines)
		}
		rr.log.Add(data.Issue{Kind: data.KindHeader, Severity: data.Warning, Line: above[0].line,
			Value: truncate(strings.Join(texts, " | "), 120), Message: msg})
	}
	rr.subheadings = rr.opts.Mapping == nil
	line := hdr.line
	if j := fieldWithNUL(rec); j >= 0 {
		return &ParseError{Line: line, Err: data.Errorf("%w: header %q holds NUL bytes: the file is damaged, or not text", ErrEncoding, truncate(rec[j], 40))}
	}
	if j := invalidUTF8(rec); j >= 0 {
		return &ParseError{Line: line, Err: data.Errorf("header %q is not valid UTF-8; save the file as UTF-8 (CSV UTF-8 in Excel)", rec[j])}
	}
	rec = rr.stripHeaderControls(rec, line)
	var (
		mapped []string
		err    error
	)
	if rr.opts.Mapping != nil {
		mapped, err = rr.mapHeader(rec, line)
	} else {
		mapped, err = rr.aliasHeader(rec, line)
	}
	if err != nil {
		return err
	}
	rr.width = len(rec)
	rr.used = make([]bool, len(rec))
	for _, j := range rr.res.Layout.index {
		rr.used[j] = true
	}
	for _, j := range rr.idCols {
		if j >= 0 {
			rr.used[j] = true
		}
	}
	fields := make([]string, len(rec))
	for name, j := range rr.res.Layout.index {
		fields[j] = name
	}
	rr.src.setFields(fields)
	rr.src.setWidth(rr.width)
	rr.cfg.layout = &rr.res.Layout
	rr.cfg.dates = rr.dateOptions()
	for i, col := range []string{data.ColExposureStart, data.ColExposureEnd, data.ColDetected, data.ColContained, data.ColDisclosed, data.ColReportedPreliminary, data.ColReportedFinal} {
		rr.cfg.dateOpts[i] = rr.cfg.dates[col]
	}
	rr.cfg.suggestFormat = rr.opts.Mapping != nil
	rr.cfg.encoding = rr.res.Encoding
	rr.cfg.header = mapped
	return nil
}

// headerCandidate returns the next non-blank row where the header may be, with the checks of
// a header's text that can be made before it is mapped; io.EOF at the end.
func (rr *rowReader) headerCandidate() ([]string, error) {
	for {
		r, err := rr.src.next()
		if err == io.EOF {
			return nil, io.EOF
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &ParseError{Line: pe.StartLine, Err: data.Errorf("%w: broken CSV quoting in the header (%v)", ErrNoHeader, pe.Err)}
			}
			return nil, rr.fatal(err)
		}
		if j, value := undecodable(r); rr.decoded() && j >= 0 {
			return nil, &ParseError{Line: rr.src.line(j), Err: data.Errorf("%w: header \"%s\" holds bytes that are not valid %s (shown escaped); the file was %v: is that right?",
				ErrEncoding, data.Shown(value), rr.res.Encoding, rr.readAs())}
		}
		if !isBlank(r) {
			return r, nil
		}
	}
}

// looksLikeHeader reports whether rec may be the header: the first non-blank row when it
// names the organization column (a mapping's: any column it reads), a later row when it
// names the organization and one more column of the schema (a mapping's: two columns it
// reads, the organization's among them when the mapping reads it from a column).
func (rr *rowReader) looksLikeHeader(rec []string, first bool) bool {
	m := rr.opts.Mapping
	if m == nil {
		return names(rec, data.ColOrganization) && (first || namesColumns(rec) >= 2)
	}
	cells := map[string]bool{}
	for _, h := range rec {
		cells[normalizeHeader(h)] = true
	}
	n := 0
	for _, fm := range m.Fields {
		for _, c := range append([]string{fm.Column}, fm.Columns...) {
			if c != "" && cells[normalizeHeader(c)] {
				n++
			}
		}
	}
	if org := m.Fields[data.ColOrganization].Column; org != "" && !cells[normalizeHeader(org)] {
		return false
	}
	return n >= 1 && (first || n >= 2)
}

// knownHeaders maps every normalised column name and alias to its canonical name.
var knownHeaders = headerIndex(data.Columns())

// names reports whether rec has a cell that names the canonical column col, or one of its
// aliases.
func names(rec []string, col string) bool {
	for _, h := range rec {
		if knownHeaders[normalizeHeader(h)] == col {
			return true
		}
	}
	return false
}

// namesColumns counts the cells of rec that name a column of the schema.
func namesColumns(rec []string) int {
	n := 0
	for _, h := range rec {
		if _, ok := knownHeaders[normalizeHeader(h)]; ok {
			n++
		}
	}
	return n
}

// nonBlank returns the cells of rec that are not blank, trimmed.
func nonBlank(rec []string) []string {
	var out []string
	for _, f := range rec {
		if t := strings.TrimSpace(f); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// twoRowHeader returns the error for a header written on two rows, when the row above the
// header (on the line just above it) has text over a blank header cell and more than one
// cell: the top of cells merged down, or headings over sub-headings. Nil otherwise.
func twoRowHeader(above, hdr []string, aboveLine, hdrLine int) error {
	if aboveLine != hdrLine-1 || len(nonBlank(above)) < 2 {
		return nil
	}
	for j, v := range above {
		if strings.TrimSpace(v) != "" && (j >= len(hdr) || strings.TrimSpace(hdr[j]) == "") {
			return &ParseError{Line: aboveLine, Err: data.Errorf("%w: lines %d and %d: %q (column %d) is above a blank header cell; unmerge the header's cells and write one header row, one name per column",
				ErrTwoRowHeader, aboveLine, hdrLine, truncate(strings.TrimSpace(v), 40), j+1)}
		}
	}
	return nil
}

// checkSubheadings returns the error for a header written on two rows, when rec, the first
// row after the header, has no organization and, under a blank header cell or as a column's
// name, text that is a sub-heading rather than data. Nil otherwise.
func (rr *rowReader) checkSubheadings(rec []string, line int) error {
	hdr := rr.res.Layout.Header
	if j, ok := rr.res.Layout.index[data.ColOrganization]; !ok || j >= len(rec) || strings.TrimSpace(rec[j]) != "" {
		return nil
	}
	for j, v := range rec {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		_, known := knownHeaders[normalizeHeader(v)]
		if known || j >= len(hdr) || strings.TrimSpace(hdr[j]) == "" {
			return &ParseError{Line: line, Err: data.Errorf("%w: lines %d and %d: %q (column %d) is under the header, in a row without an organization; unmerge the header's cells and write one header row, one name per column",
				ErrTwoRowHeader, line-1, line, truncate(v, 40), j+1)}
		}
	}
	return nil
}

// aliasHeader maps a header by the names and aliases of Columns.
func (rr *rowReader) aliasHeader(rec []string, line int) ([]string, error) {
	cols := data.Columns()
	idx := headerIndex(cols)
	layout := Layout{Header: append([]string(nil), rec...), index: map[string]int{}, sheet: rr.res.Sheet}
	mapped := make([]string, len(rec), len(rec)+3)
	for j, h := range rec {
		name, ok := idx[normalizeHeader(h)]
		if !ok {
			mapped[j] = "\x00extra" + strconv.Itoa(j)
			layout.extra = append(layout.extra, j)
			continue
		}
		if k, dup := layout.index[name]; dup {
			return nil, &ParseError{Line: line, Column: h, Err: data.Errorf("%w: %q (column %d) and %q (column %d) both name %s", ErrDuplicateCol, rec[k], k+1, h, j+1, name)}
		}
		layout.index[name] = j
		mapped[j] = name
	}
	var missing data.List
	for _, c := range cols {
		if _, ok := layout.index[c.Name]; c.Required && !ok {
			missing = append(missing, data.Msgf("%s (or %s)", c.Name, strings.Join(c.Aliases, ", ")))
		}
	}
	if len(missing) > 0 {
		known := 0
		for _, n := range mapped {
			if !strings.HasPrefix(n, "\x00") {
				known++
			}
		}
		err := data.Errorf("%w: %v; the header found has %s",
			ErrMissingCol, missing, quoteList(rec))
		if known == 0 {
			err = data.Errorf("%w; %w (is the first row a header? accepted names: %s)", err, ErrLayout, acceptedNames(cols))
		}
		if rr.res.Sheet == "" && (rr.res.Encoding != EncodingUTF8 || rr.res.Delimiter != ',') {
			err = data.Errorf("%w; the file was %v: is that right?", err, rr.readAs())
		}
		return nil, &ParseError{Line: line, Err: err}
	}
	rr.res.Layout = layout
	return mapped, nil
}

// mapHeader maps a header by the columns a Mapping names. Columns it does not name are kept
// as extra columns; constants and a joined incident id become columns appended to each row.
func (rr *rowReader) mapHeader(rec []string, line int) ([]string, error) {
	m := rr.opts.Mapping
	if rr.opts.DateOrder != data.DateOrderNone && m.DateOrder != data.DateOrderNone && rr.opts.DateOrder != m.DateOrder {
		return nil, &ParseError{Err: data.Errorf("%w: the mapping %q reads dates as %s, and the date order given is %s; drop one", ErrMapping, m.Name, m.DateOrder, rr.opts.DateOrder)}
	}
	for _, c := range data.Columns() {
		if o := m.Fields[c.Name].DateOrder; rr.opts.DateOrder != data.DateOrderNone && o != data.DateOrderNone && o != rr.opts.DateOrder {
			return nil, &ParseError{Err: data.Errorf("%w: the mapping %q reads %s as %s, and the date order given is %s; drop one", ErrMapping, m.Name, c.Name, o, rr.opts.DateOrder)}
		}
	}
	byName := map[string][]int{}
	for j, h := range rec {
		n := normalizeHeader(h)
		byName[n] = append(byName[n], j)
	}
	// Every mapped column the header lacks is collected, so that one run names them all.
	var (
		missing      []string                // the columns missing, in the order the fields name them
		missingReads = map[string][]string{} // the fields each missing column would fill
	)
	find := func(field, col string) (int, error) {
		pos := byName[normalizeHeader(col)]
		switch len(pos) {
		case 0:
			if missingReads[col] == nil {
				missing = append(missing, col)
			}
			missingReads[col] = append(missingReads[col], field)
			return -1, nil
		case 1:
			return pos[0], nil
		}
		return 0, &ParseError{Line: line, Column: col, Err: data.Errorf("%w: the header has %q in columns %d and %d; the mapping %q cannot tell which one is %s",
			ErrDuplicateCol, col, pos[0]+1, pos[1]+1, m.Name, field)}
	}
	layout := Layout{Header: append([]string(nil), rec...), index: map[string]int{}, sheet: rr.res.Sheet}
	mapped := make([]string, len(rec), len(rec)+len(m.Fields)+4)
	var constNames []string
	for _, c := range data.Columns() {
		fm, ok := m.Fields[c.Name]
		if !ok {
			continue
		}
		switch {
		case fm.Column != "":
			j, err := find(c.Name, fm.Column)
			if err != nil {
				return nil, err
			}
			if j < 0 {
				continue
			}
			if mapped[j] != "" {
				return nil, &ParseError{Line: line, Column: rec[j], Err: data.Errorf("%w: the mapping %q reads both %s and %s from column %q; a column fills one field",
					ErrMapping, m.Name, mapped[j], c.Name, rec[j])}
			}
			mapped[j] = c.Name
			layout.index[c.Name] = j
			if fm.Values != nil {
				if rr.values == nil {
					rr.values = map[int]map[string]string{}
				}
				rr.values[j] = fm.Values
			}
		case fm.Value != "":
			constNames = append(constNames, c.Name)
			rr.consts = append(rr.consts, fm.Value)
		case fm.EachRow:
			rr.idEachRow = true
		case len(fm.Columns) > 0:
			rr.idCols = []int{}
			for _, col := range fm.Columns {
				j, err := find(c.Name, col)
				if err != nil {
					return nil, err
				}
				rr.idCols = append(rr.idCols, j)
				if j >= 0 {
					rr.res.IDColumns = append(rr.res.IDColumns, strings.TrimSpace(rec[j]))
				}
			}
		}
	}
	if len(missing) > 0 {
		reads := make(data.List, len(missing))
		for i, col := range missing {
			fields := make(data.List, len(missingReads[col]))
			for k, f := range missingReads[col] {
				fields[k] = f
			}
			reads[i] = data.Msgf("%v from column %q", fields, col)
		}
		if len(missing) == 1 {
			return nil, &ParseError{Line: line, Err: data.Errorf("%w: the mapping %q reads %v, which the header does not have; the header found has %s",
				ErrMissingCol, m.Name, reads, quoteList(rec))}
		}
		return nil, &ParseError{Line: line, Err: data.Errorf("%w: the mapping %q reads %v, columns the header does not have; the header found has %s",
			ErrMissingCol, m.Name, reads, quoteList(rec))}
	}
	for j := range mapped {
		if mapped[j] == "" {
			mapped[j] = "\x00extra" + strconv.Itoa(j)
			layout.extra = append(layout.extra, j)
		}
	}
	rr.res.Layout = layout
	mapped = append(mapped, constNames...)
	if rr.idCols != nil || rr.idEachRow {
		mapped = append(mapped, data.ColIncidentID)
	}
	rr.orgPos, rr.orgConst = -1, m.Fields[data.ColOrganization].Value
	if j, ok := layout.index[data.ColOrganization]; ok {
		rr.orgPos = j
	}
	return mapped, nil
}

// dateOptions returns how each date column reads its dates: the Options' order, dates up to
// the end of next year, and a mapping's own order and format. (A workbook's date serials are
// turned into yyyy-mm-dd by its source, which knows the cells' types.)
func (rr *rowReader) dateOptions() map[string]data.DateOptions {
	base := rr.opts.dateOptions()
	out := map[string]data.DateOptions{}
	for col := range dateFields {
		opt := base
		if m := rr.opts.Mapping; m != nil {
			mo := m.dateOptions(col, m.Fields[col])
			if mo.Order != data.DateOrderNone {
				opt.Order = mo.Order
			}
			opt.Layout = mo.Layout
		}
		out[col] = opt
	}
	return out
}

// readAs says how the file is read: "read as Shift_JIS, comma-separated".
func (rr *rowReader) readAs() data.Msg {
	return data.Msgf("read as %s, %v-separated", rr.res.Encoding, DelimiterMsg(rr.res.Delimiter))
}

// DelimiterMsg names a delimiter in words that i18n translates: comma, tab, semicolon.
func DelimiterMsg(d rune) any {
	switch d {
	case ',':
		return data.Msgf("comma")
	case '\t':
		return data.Msgf("tab")
	case ';':
		return data.Msgf("semicolon")
	}
	return DelimiterName(d)
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(truncate(s, 40))
	}
	return truncate(strings.Join(q, ", "), 600)
}

func acceptedNames(cols []data.Column) string {
	var names []string
	for _, c := range cols {
		names = append(names, c.Name)
	}
	return strings.Join(names, ", ")
}

func isBlank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// fieldWithNUL returns the index of the first field of rec that holds a NUL byte, or -1.
func fieldWithNUL(rec []string) int {
	for j, f := range rec {
		if strings.IndexByte(f, 0) >= 0 {
			return j
		}
	}
	return -1
}

func invalidUTF8(rec []string) int {
	for j, f := range rec {
		if !utf8.ValidString(f) {
			return j
		}
	}
	return -1
}

// truncate shortens s to at most n runes, marking the cut with an ellipsis. It cuts the
// bytes, so that bytes that are not UTF-8 stay themselves (each counts as one rune), to be
// shown escaped, not turned into U+FFFD.
func truncate(s string, n int) string {
	i := 0
	for k := 0; k < n; k++ {
		if i >= len(s) {
			return s
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	if i >= len(s) {
		return s
	}
	return s[:i] + "…"
}
