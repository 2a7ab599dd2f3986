// Package reports renders a breachreport analysis as an Excel workbook: a summary, every
// incident and input row with its figures, a side-by-side comparison, the data issues and
// the definitions, in English or Japanese.
package reports

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
)

// Options configure Write. The zero value writes English.
type Options struct {
	// Lang is the language of the sheet names, labels and date formats: i18n.En (or "")
	// or i18n.Ja. Text from the input is written as it is.
	Lang i18n.Lang
	// Author and Company go into the document properties; empty leaves them out. The
	// application property names breachreport whatever they are.
	Author, Company string
	// Title is the report's title, on the first sheet and in every page footer; empty
	// means the report's own title (for a period report, the period's). Client, when not
	// empty, is the client the report is for, named under the title.
	Title, Client string

	// PrintAll makes every sheet of a period workbook print. Without it only its report
	// sheets print (see prints); the others are for the screen. A workbook on the whole
	// list prints every sheet either way.
	PrintAll bool

	// EPMap is the JNSA model's EP map; the zero value means analysis.DefaultEPMap.
	EPMap analysis.EPMap

	// Lacking are lines, one per column the figures need that the input lacks, saying what
	// cannot be computed; Summary lists them under the input. The command writes them.
	Lacking []string

	// Incomplete, when not empty, says that the input was not read to its end and what the
	// report then holds; it heads the first sheet. The command writes it.
	Incomplete string

	// Period, when not nil, makes the workbook a monthly or period report: the report
	// passed to Write holds the incidents of Period's subject, and Trend and Breakdowns
	// sheets follow Summary.
	Period *analysis.PeriodReport

	// Progress, when not nil, is called as the sheets are written, for a progress display:
	// once the sheets are measured, with done 0 for every sheet in the workbook's order;
	// then, as the sheets are written (several at once), every 4,096 rows of a sheet's
	// part and with done == total as a sheet is finished. sheet is the sheet's name (its
	// first part's), total its rows over all its parts. The calls come from several
	// goroutines but never overlap.
	Progress func(sheet string, done, total int)

	// TempDir is the directory of the temporary files that a large workbook needs while it
	// is written (excelize's and the compressed parts'); "" means the system's (os.TempDir).
	TempDir string

	// Fault, when not nil, is called at named stages of the writing, on the goroutine that
	// reaches them, so that a test can make the writing fail there ("workbook:
	// compressing": in each goroutine that compresses a part of the archive).
	Fault func(stage string)

	// BookIssues, when not nil, receives the issues only the workbook finds (cells cut to
	// Excel's limit, table columns renamed, columns past Excel's last), capped by kind as
	// the input's are, so that the caller can report and count them with the input's.
	BookIssues *data.IssueLog

	// maxRows is the most rows of a sheet, Excel's 1,048,576 when 0; tests lower it.
	maxRows int
	// maxDutyIncidents is MaxDutyIncidents when 0; tests lower it.
	maxDutyIncidents int
	// maxDataRows is the most data rows of Incidents, Scopes or Data issues, MaxDataRows
	// when 0; tests lower it.
	maxDataRows int
	// cutCap is the most workbook issues of one kind held, data.IssueCap when 0; tests
	// lower it.
	cutCap int
}

// Write renders the workbook for rep to w (an .xlsx).
//
// The sheets are, in order: Summary (the active sheet), Incidents, Scopes, Comparison,
// Data issues and Method, with localised names. Dates are date cells, counts and day
// figures are numbers, and a figure that is unknown is an empty cell, never 0. Text from
// the input is always stored as a string, so that it can never become a formula. The
// Incidents, Scopes, Data issues and Method sheets are streamed, so that large inputs fit
// in memory; past Excel's 1,048,576 rows they continue on "Incidents (2)" and so on, with
// a note on Summary, up to MaxSheetParts sheets (a report that needs more is refused with
// a *TooManyRowsError before anything is written). Text longer than an Excel cell holds is cut with a visible marker and
// listed on Data issues. The Comparison sheet holds native Excel charts of its figures.
//
// Write checks ctx as it goes, every few thousand rows, so that it returns soon after ctx
// is cancelled, with ctx's error; w may then hold the start of the file.
func Write(ctx context.Context, w io.Writer, rep analysis.Report, opts Options) error {
	switch opts.Lang {
	case "":
		opts.Lang = i18n.En
	case i18n.En, i18n.Ja:
	default:
		return fmt.Errorf("workbook: language %q not supported (use en or ja)", opts.Lang)
	}
	if opts.maxRows == 0 {
		opts.maxRows = excelMaxRows
	}
	if err := CheckSize(rep, opts.maxDataRows); err != nil {
		return err
	}
	f := excelize.NewFile(excelize.Options{TmpDir: opts.TempDir})
	defer f.Close()
	// The archive goes straight to w: excelize would otherwise build the whole file in a
	// buffer of its own first (which then stays empty).
	zw := newSortedZip(ctx, w)
	zw.tempDir = opts.TempDir
	zw.fault = opts.Fault
	defer zw.removeTemp()
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zw })
	if err := build(ctx, f, zw, rep, opts); err != nil {
		return data.Errorf("workbook: %w", err)
	}
	// excelize adds some content types in map order; sorted, the same report gives the
	// same bytes.
	if ct := f.ContentTypes; ct != nil {
		d := ct.Defaults
		sort.SliceStable(d, func(i, j int) bool { return d[i].Extension < d[j].Extension })
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return data.Errorf("writing workbook: %w", err)
	}
	if buf.Len() != 0 {
		return fmt.Errorf("writing workbook: internal error: excelize wrote %d bytes past the archive", buf.Len())
	}
	if err := zw.finish(); err != nil {
		return data.Errorf("writing workbook: %w", err)
	}
	return nil
}

// lineHeight is the height of a line of text in the workbook's font, in points.
func lineHeight(l i18n.Lang) float64 {
	if l == i18n.Ja {
		return 18.75
	}
	return 15
}

// The kinds of the Data issues entries the workbook adds: a cell cut to Excel's limit, a
// table column renamed to be a valid name, columns left off a sheet past Excel's last.
const (
	kindCellLength   data.Kind = "cell-length"
	kindTableColumn  data.Kind = "table-column"
	kindSheetColumns data.Kind = "sheet-columns"
)

// bookKinds are the labels of those kinds, and bookKindOrder the kinds in the order their
// counted-but-not-listed rows come.
var (
	bookKinds = map[data.Kind]label{
		kindCellLength: lKindCellLength, kindTableColumn: lKindTableColumn, kindSheetColumns: lKindSheetColumns,
	}
	bookKindOrder = []data.Kind{kindCellLength, kindTableColumn, kindSheetColumns}
)

// BookKinds returns the kinds of the issues only the workbook finds, in listing order.
func BookKinds() []data.Kind { return slices.Clone(bookKindOrder) }

// KindText returns the label of kind k, one of BookKinds or an input issue's kind.
func KindText(k data.Kind) i18n.Text {
	if b, ok := bookKinds[k]; ok {
		return i18n.Text{En: b.in(i18n.En), Ja: b.in(i18n.Ja)}
	}
	return i18n.Kind(k)
}

// BookOmittedMsg says that n more workbook issues of kind k were counted but not listed.
func BookOmittedMsg(k data.Kind, n int) data.Msg {
	return data.Msgf("%d more issues of kind %v were counted but not listed (the first %d of each kind are)", n, KindText(k), data.IssueCap)
}

// MaxDutyIncidents is the most incidents a workbook gives the Reporting duty and Damage
// estimate sheets for.
const MaxDutyIncidents = 10000

// bookState is what the sheets of one workbook share.
type bookState struct {
	// ctx stops the writing when it is cancelled (sheetWriter.write checks it).
	ctx context.Context
	// zw is the archive the workbook is written to.
	zw   *sortedZip
	lang i18n.Lang
	rep  analysis.Report
	// generated is the generation date as the page footers show it; "" when unknown.
	generated string
	// title and client are Options.Title (or the default title) and Options.Client.
	title, client string
	// cuts are the Data issues entries of the cells cut on the sheets before it, the first
	// data.IssueCap of each kind held and the rest counted.
	cuts data.IssueLog
	// incomplete is Options.Incomplete.
	incomplete string
	// lacking are Options.Lacking.
	lacking []string
	// parts are the names of each sheet's parts, by the sheet's label; tableNames the
	// table name of each sheet with a table, by its first part's name.
	parts      map[label][]string
	tableNames map[string]string
	// period is the period report of a monthly or period workbook, or nil.
	period *analysis.PeriodReport
	// metrics are the day figures the report has a value of, in report order; the others
	// are left out of every sheet, and notComputed says which they are and what they need
	// ("" when none is left out).
	metrics     []analysis.Metric
	notComputed string
	// progress is Options.Progress; progressMu serializes its calls.
	progress   func(sheet string, done, total int)
	progressMu sync.Mutex
	// epMap is Options.EPMap, or the shipped map; sameVendor lists, for each incident that
	// shares its vendor with others, those others' ids.
	epMap      analysis.EPMap
	sameVendor map[string][]string
	// omitted are the sheets a period workbook leaves out as adding nothing to it, with
	// why (see leaveOut); Method lists them. scopesOnIncidents is set when Scopes is one
	// of them: Incidents then carries the columns only Scopes had.
	omitted           []omission
	scopesOnIncidents bool
	// printAll is Options.PrintAll.
	printAll bool
}

// headerFooter is the page header and footer of every sheet: the client, the note (which
// columns print, or "") and the sheet's name at the top; the title, the page number and
// the generation date below. The input's name stays off the page: it is on the Method
// sheet.
func (bk *bookState) headerFooter(note string) *excelize.HeaderFooterOptions {
	esc := func(s string) string { return strings.ReplaceAll(s, "&", "&&") }
	l := bk.lang
	cut := func(s string, n int) string {
		if r := []rune(s); len(r) > n {
			return string(r[:n-1]) + "…"
		}
		return s
	}
	footer := "&L" + esc(cut(bk.title, 60)) + "&C" + lPageOf.in(l)
	if bk.generated != "" {
		footer += "&R" + esc(bk.generated)
	}
	header := "&R&A"
	if note != "" {
		header = "&C" + esc(note) + header
	}
	if bk.client != "" {
		header = "&L" + esc(cut(fmt.Sprintf(lForClient.in(l), bk.client), 60)) + header
	}
	return &excelize.HeaderFooterOptions{OddHeader: header, OddFooter: footer}
}

// sheetDef is one sheet of the workbook: how it is rendered and what its measuring pass
// found.
type sheetDef struct {
	key      label
	render   func(*sheetWriter, analysis.Report, i18n.Lang)
	streamed bool
	table    string // the name of its table, if it has one
	lo       layout
}

func build(ctx context.Context, f *excelize.File, zw *sortedZip, rep analysis.Report, opts Options) error {
	l := opts.Lang
	if err := f.SetDefaultFont(fontFor(l)); err != nil {
		return err
	}
	st, err := newStyles(f, l)
	if err != nil {
		return err
	}
	bk := &bookState{ctx: ctx, zw: zw, lang: l, rep: rep, parts: map[label][]string{}, tableNames: map[string]string{}, period: opts.Period, progress: opts.Progress, lacking: opts.Lacking, incomplete: opts.Incomplete}
	if !rep.Generated.IsZero() {
		bk.generated = longDate(rep.Generated, l)
	}
	bk.title, bk.client = opts.Title, opts.Client
	bk.printAll = opts.PrintAll
	bk.cuts.Cap = cmp.Or(opts.cutCap, data.IssueCap)
	bk.epMap = opts.EPMap
	if bk.epMap.Points() == nil {
		bk.epMap = analysis.DefaultEPMap()
	}
	var withVendor []data.Incident
	for _, f := range rep.Incidents.All() {
		if f.Incident.Vendor != "" {
			withVendor = append(withVendor, data.Incident{ID: f.Incident.ID, Vendor: f.Incident.Vendor})
		}
	}
	bk.sameVendor = analysis.SameVendor(analysis.VendorGroups(withVendor))
	bk.metrics, bk.notComputed = shownMetrics(rep, opts.Period, l)
	if bk.title == "" {
		bk.title = defaultTitle(opts.Period, l)
	}
	defs := []*sheetDef{
		{key: lSheetSummary, render: summarySheet},
		{key: lSheetIncidents, render: incidentsSheet, streamed: true, table: "Incidents"},
		{key: lSheetScopes, render: scopesSheet, streamed: true, table: "Scopes"},
		{key: lSheetComparison, render: comparisonSheet},
		{key: lSheetDuty, render: dutySheet, streamed: true, table: "ReportingDuty"},
		{key: lSheetDamage, render: damageSheet, streamed: true, table: "DamageEstimate"},
		{key: lSheetIssues, render: issuesSheet, streamed: true, table: "DataIssues"},
		{key: lSheetMethod, render: methodSheet, streamed: true, table: "Method"},
	}
	newWriter := func(d *sheetDef, measuring bool) *sheetWriter {
		name := d.key.in(l)
		parts := bk.parts[d.key]
		if parts == nil {
			parts = []string{name}
		}
		return &sheetWriter{f: f, st: st, bk: bk, key: d.key, name: name, parts: parts, lo: &d.lo,
			measuring: measuring, streamed: d.streamed, maxRows: opts.maxRows, lineHt: lineHeight(l)}
	}
	// Measure every sheet first: the cells cut on the sheets before Data issues are listed
	// on it, and Summary links to every part of every sheet. The sheets that hold input
	// text are measured first.
	measure := []*sheetDef{defs[1], defs[2], defs[3], defs[4], defs[5], defs[7], defs[6], defs[0]}
	if opts.Period != nil {
		// A period report's sheets follow Summary; they hold input text (causes, names),
		// so they are measured before Data issues.
		glance := &sheetDef{key: lSheetGlance, render: glanceSheet}
		trend := &sheetDef{key: lSheetTrend, render: trendSheet}
		breakdowns := &sheetDef{key: lSheetBreakdowns, render: breakdownsSheet}
		defs = append([]*sheetDef{glance, defs[0], trend, breakdowns}, defs[1:]...)
		measure = append(measure[:6:6], glance, trend, breakdowns, measure[6], measure[7])
	}
	dutyLimit := opts.maxDutyIncidents
	if dutyLimit == 0 {
		dutyLimit = MaxDutyIncidents
	}
	if n := rep.Incidents.Len(); n > dutyLimit {
		// A judgement per incident is for a consultant's list or a period, not for a
		// national register: past the bound the two sheets, a row per incident and per
		// scope, are left out, and Summary says so.
		drop := func(ds []*sheetDef) []*sheetDef {
			return slices.DeleteFunc(ds, func(d *sheetDef) bool { return d.key == lSheetDuty || d.key == lSheetDamage })
		}
		defs, measure = drop(defs), drop(measure)
		bk.lacking = append(bk.lacking, i18n.Sprint(l, data.Msgf("the Reporting duty and Damage estimate sheets are left out: %s incidents, more than the %s they are written for (report on part of the input with --month or --from/--to)",
			groupDigits(int64(n)), groupDigits(int64(dutyLimit)))))
	}
	if opts.Period != nil && oneScopeEach(rep) {
		bk.omitted = append(bk.omitted, omission{lSheetScopes, whyScopes})
		bk.scopesOnIncidents = true
		defs, measure = without(defs, lSheetScopes), without(measure, lSheetScopes)
	}
	// The sheets before Data issues are measured at once, each in its goroutine; their
	// cuts are then listed in measuring order. A period workbook's Method sheet comes
	// after them: it lists the sheets left out, and Data issues is left out when they cut
	// no cell and the input has no issue.
	later := func(d *sheetDef) bool {
		return d.key == lSheetIssues || d.key == lSheetSummary || (opts.Period != nil && d.key == lSheetMethod)
	}
	measured := make([]*sheetWriter, len(measure))
	var wg sync.WaitGroup
	for i, d := range measure {
		w := newWriter(d, true)
		w.collectCuts = d.key != lSheetIssues && d.key != lSheetSummary
		measured[i] = w
		if !later(d) {
			wg.Go(func() { d.render(w, rep, l) })
		}
	}
	wg.Wait()
	if opts.Period != nil && len(rep.Issues) == 0 && !slices.ContainsFunc(measured, func(w *sheetWriter) bool { return len(w.cuts) > 0 }) {
		bk.omitted = append(bk.omitted, omission{lSheetIssues, whyIssues})
	}
	for i, d := range measure {
		w := measured[i]
		if d.key == lSheetIssues && bk.isOmitted(lSheetIssues) {
			continue
		}
		if d.key == lSheetIssues {
			if err := checkIssuesRows(rep, &bk.cuts, opts.maxDataRows); err != nil {
				return err
			}
		}
		if later(d) {
			// Data issues and Summary come last, after the cuts are known.
			d.render(w, rep, l)
		}
		if d.key == lSheetMethod && len(w.cuts) > 0 && bk.isOmitted(lSheetIssues) {
			// Method cut a cell of its own (a huge EP map): Data issues lists it after all.
			bk.omitted = slices.DeleteFunc(bk.omitted, func(o omission) bool { return o.sheet == lSheetIssues })
			d.lo = layout{}
			w = newWriter(d, true)
			w.collectCuts = true
			d.render(w, rep, l)
		}
		if w.err != nil {
			return w.err
		}
		bk.cuts.AddAll(w.cuts)
		if w.cutsOver > 0 {
			if bk.cuts.Omitted == nil {
				bk.cuts.Omitted = data.Tally{}
			}
			for range w.cutsOver {
				bk.cuts.Omitted.Add(kindCellLength, data.Warning)
			}
		}
		d.lo.pageChars = pageChars(l)
		d.lo.setColWidths()
		name := d.key.in(l)
		bk.parts[d.key] = []string{name}
		if d.streamed {
			for p := 2; p <= d.lo.parts(opts.maxRows); p++ {
				bk.parts[d.key] = append(bk.parts[d.key], fmt.Sprintf("%s (%d)", name, p))
			}
		}
		if d.table != "" {
			bk.tableNames[name] = d.table
		}
	}
	if bi := opts.BookIssues; bi != nil {
		bi.AddAll(bk.cuts.Issues)
		if len(bk.cuts.Omitted) > 0 {
			if bi.Omitted == nil {
				bi.Omitted = data.Tally{}
			}
			bi.Omitted.Merge(bk.cuts.Omitted)
		}
	}
	if bk.isOmitted(lSheetIssues) {
		defs = without(defs, lSheetIssues)
	}
	first := true
	for _, d := range defs {
		for _, name := range bk.parts[d.key] {
			if first {
				if err := f.SetSheetName(f.GetSheetName(0), name); err != nil {
					return err
				}
				first = false
				continue
			}
			if _, err := f.NewSheet(name); err != nil {
				return err
			}
		}
	}
	// Summary is the active sheet. Set before any sheet is streamed: excelize marks the
	// active sheet by reading every sheet back, which for a streamed sheet means parsing
	// all of its rows again.
	f.SetActiveSheet(0)
	// Every sheet is written in its own goroutine: the streamed sheets' rows go out at
	// once, on both cores, while everything else that touches the workbook takes a lock,
	// and what numbers the workbook's shared parts waits for the sheets before it.
	var mu sync.Mutex
	writers := make([]*sheetWriter, len(defs))
	prev := make(chan struct{})
	close(prev)
	for _, d := range defs {
		bk.report(d, 0)
	}
	for i, d := range defs {
		w := newWriter(d, false)
		w.mu, w.prev = &mu, prev
		done := make(chan struct{})
		prev, writers[i] = done, w
		wg.Go(func() {
			defer close(done)
			w.begin()
			d.render(w, rep, l)
			if w.err == nil {
				bk.report(d, d.lo.rows)
			}
		})
	}
	wg.Wait()
	for _, w := range writers {
		if w.err != nil {
			return w.err
		}
	}
	return setProperties(f, rep, opts)
}

// setProperties sets the document properties: title, subject, keywords, author, company,
// language and, when known, the generation time as created and modified.
func setProperties(f *excelize.File, rep analysis.Report, opts Options) error {
	l := opts.Lang
	author := opts.Author
	title := opts.Title
	if title == "" {
		title = defaultTitle(opts.Period, l)
	}
	props := &excelize.DocProperties{
		Title:    title,
		Subject:  lSubject.in(l),
		Keywords: lKeywords.in(l),
		// The input by its checksum only: its path is the consultant's, not the client's.
		Description:    lInputSHA256.in(l) + ": " + rep.InputSHA256,
		Creator:        author,
		LastModifiedBy: author,
		Category:       lReportTitle.in(l),
		Language:       map[i18n.Lang]string{i18n.En: "en-US", i18n.Ja: "ja-JP"}[l],
	}
	if !rep.Generated.IsZero() {
		props.Created = rep.Generated.UTC().Format(time.RFC3339)
		props.Modified = props.Created
	}
	if err := f.SetDocProps(props); err != nil {
		return err
	}
	return f.SetAppProps(&excelize.AppProperties{Application: "breachreport", Company: opts.Company})
}

// summarySheet writes the key figures with their n, and the aggregates of every metric.
func summarySheet(w *sheetWriter, rep analysis.Report, l i18n.Lang) {
	s := rep.Summary
	w.write(title(lReportTitle.in(l)))
	if w.bk.incomplete != "" {
		w.para(w.bk.incomplete, 4)
	}
	w.blank()
	w.header(lFigure.in(l), lValue.in(l), lN.in(l), lNote.in(l))
	w.write(text(lIncidents.in(l)), countN(s.Incidents))
	w.write(text(lScopes.in(l)), countN(s.Scopes))
	w.write(text(lRowsRead.in(l)), countN(rep.RowsRead))
	w.write(text(lRowsUsed.in(l)), countN(rep.RowsUsed))
	w.write(text(lRowsRejected.in(l)), countN(rep.RowsRejected))
	w.write(text(lRowsBlank.in(l)), countN(rep.RowsBlank))
	warnings := text(lWarningsNote.in(l))
	if w.bk.isOmitted(lSheetIssues) {
		warnings = text(fmt.Sprintf(whyIssues.In(l), lSheetIssues.in(l)))
	}
	w.write(text(lWarnings.in(l)), countN(rep.Warnings()), cell{}, warnings)
	w.write(bold(lTotalRecords.in(l)), count(s.TotalRecords), intN(s.RecordsN), text(lTotalsNoteShort.in(l)))
	for _, b := range s.Buckets {
		note := cell{}
		if b.Unknown > 0 {
			note = text(fmt.Sprintf("%s%d", lUnknownScopesNote.in(l), b.Unknown))
		}
		w.write(indented(lBreakdownPrefix.in(l)+i18n.Bucket(b).In(l)), count(b.Records),
			intN(b.Incidents), note)
	}
	w.para(i18n.TotalsNote.In(l), 4)
	w.write(text(lFirstDisclosed.in(l)), date(s.FirstDisclosed), intN(s.DisclosedN))
	w.write(text(lLastDisclosed.in(l)), date(s.LastDisclosed), intN(s.DisclosedN))
	if pr := w.bk.period; pr != nil {
		w.write(text(lPeriodRow.in(l)), spill(i18n.PeriodName(pr.Subject.Period, l)))
	}
	for _, line := range w.bk.lacking {
		w.write(text(lLackingColumn.in(l)), across(line, 3))
	}
	if w.bk.notComputed != "" {
		w.blank()
		w.para(w.bk.notComputed, 4)
	}
	cells, columns := 0, 0
	for _, is := range w.bk.cuts.Issues {
		if is.Kind == kindCellLength {
			cells++
		} else {
			columns++
		}
	}
	cells += w.bk.cuts.Omitted.Kind(kindCellLength)
	columns += w.bk.cuts.Omitted.Kind(kindTableColumn) + w.bk.cuts.Omitted.Kind(kindSheetColumns)
	if cells > 0 {
		w.write(text(lCutCells.in(l)), countN(cells), cell{}, text(lCutCellsNote.in(l)))
	}
	if columns > 0 {
		w.write(text(lColumnsFitted.in(l)), countN(columns), cell{}, text(lColumnsFittedNote.in(l)))
	}

	if len(w.bk.metrics) > 0 {
		summaryStats(w, rep, l)
	}

	// The sheets, each linked, with what it holds and where it continues.
	w.blank()
	w.keepRows(4)
	w.header(lSheet.in(l), lContents.in(l))
	sheets := []label{lSheetIncidents, lSheetScopes, lSheetComparison, lSheetDuty, lSheetDamage, lSheetIssues, lSheetMethod}
	if w.bk.period != nil {
		sheets = append([]label{lSheetGlance, lSheetTrend, lSheetBreakdowns}, sheets...)
	}
	for _, k := range sheets {
		parts := w.bk.parts[k]
		if len(parts) == 0 && (k == lSheetDuty || k == lSheetDamage) || w.bk.isOmitted(k) {
			continue // left out (of a workbook of more than MaxDutyIncidents incidents; see leaveOut)
		}
		if len(parts) == 0 {
			parts = []string{k.in(l)}
		}
		for i, p := range parts {
			desc := sheetContents[k].In(l)
			if i > 0 {
				desc = fmt.Sprintf(lContinuedFrom.in(l), parts[i-1])
			}
			w.write(sheetLink(p), across(desc, 3))
		}
		if len(parts) > 1 {
			w.write(cell{}, spill(fmt.Sprintf(lContinuedNote.in(l), parts[0], len(parts), groupDigits(excelMaxRows))))
		}
	}
	w.finish(0, false)
}

// summaryStats writes the n, median, mean, p90, minimum and maximum of every day figure
// the report has.
func summaryStats(w *sheetWriter, rep analysis.Report, l i18n.Lang) {
	s := rep.Summary
	w.blank()
	w.keepRows(len(w.bk.metrics) + 3)
	w.header(lDayFigure.in(l), lN.in(l), lMedian.in(l), lMean.in(l), lP90.in(l), lMin.in(l), lMax.in(l))
	for _, m := range w.bk.metrics {
		st := s.Stat(m)
		ok := st.N > 0
		med := cell{}
		if ok {
			med = median(st.Median)
		}
		mean, p90 := cell{}, cell{}
		if ok {
			mean, p90 = median(st.Mean), median(st.P90)
		}
		row := []cell{text(i18n.Metric(m).Name.In(l)), intN(st.N), med, mean, p90}
		if ok {
			row = append(row, dayN(st.Min), dayN(st.Max))
		}
		w.write(row...)
	}
	w.blank()
	w.para(i18n.StatsNote.In(l), 7)
}

// sheetContents says what each sheet holds, for the list on Summary.
var sheetContents = map[label]i18n.Text{
	lSheetIncidents:  {En: "one row per incident, with every figure", Ja: "事案ごとに1行、すべての数値"},
	lSheetScopes:     {En: "one row per input row used: what was exposed, how many, and when", Ja: "使用した入力行ごとに1行（漏えいした情報・件数・期間）"},
	lSheetComparison: {En: "the compared incidents side by side, with charts", Ja: "比較する事案を並べた表とグラフ"},
	lSheetIssues:     {En: "every rejected row and warning", Ja: "除外した行と警告のすべて"},
	lSheetDuty:       {En: "whether each incident was reportable to the Personal Information Protection Commission, the deadlines and the reports", Ja: "事案ごとの個人情報保護委員会への報告要否、期限、速報・確報"},
	lSheetDamage:     {En: "the JNSA model's damage estimate of each scope, with its factors", Ja: "JNSAモデルによる範囲ごとの想定損害賠償額と係数"},
	lSheetMethod:     {En: "definitions, day-count convention and sources", Ja: "定義・日数の数え方・出典"},
	lSheetGlance:     {En: "the period's incidents by disclosure date, a summary in sentences and the comparison with earlier periods", Ja: "当期間の事案一覧（公表日順）、まとめ、前期間・前年同期との比較"},
	lSheetTrend:      {En: "the trailing 12 months, one row each, with a chart; the changes; each case against the trailing medians", Ja: "直近12か月の月別の推移とグラフ、増減、各事案と中央値の比較"},
	lSheetBreakdowns: {En: "the period's and the trailing months' incidents by cause, industry, record type and certainty", Ja: "当期間と直近の事案の原因・業種・情報種別・確度別の内訳"},
}

// bucketKey is a record type × certainty.
type bucketKey struct {
	t data.RecordType
	c data.Certainty
}

func bucketKeyOf(b analysis.Bucket) bucketKey { return bucketKey{b.Type, b.Certainty} }

// incidentColumns returns the distinct record type × certainty of figs, in report order,
// and the most source URLs an incident has.
func incidentColumns(figs analysis.Figures) (buckets []analysis.Bucket, sources int) {
	seen := map[bucketKey]bool{}
	var out []analysis.Bucket
	for _, f := range figs {
		sources = max(sources, len(f.Incident.SourceURLs))
		for _, b := range f.Buckets {
			k := bucketKeyOf(b)
			if !seen[k] {
				seen[k] = true
				out = append(out, analysis.Bucket{Type: b.Type, Certainty: b.Certainty})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return analysis.BucketLess(out[i], out[j]) })
	return out, sources
}

// bucketOf returns f's bucket of b's type × certainty, and false when f has none.
func bucketOf(f analysis.IncidentFigures, b analysis.Bucket) (analysis.Bucket, bool) {
	for _, ib := range f.Buckets {
		if ib.Type == b.Type && ib.Certainty == b.Certainty {
			return ib, true
		}
	}
	return analysis.Bucket{}, false
}

// bucketCell is f's records in b's type × certainty: empty when f has no such scope or
// its count is unknown.
func bucketCell(f analysis.IncidentFigures, b analysis.Bucket) cell {
	if ib, ok := bucketOf(f, b); ok {
		return count(ib.Records)
	}
	return cell{}
}

// numbered returns the label with a number after it when there are several.
func numbered(s string, i, of int) string {
	if of <= 1 {
		return s
	}
	return fmt.Sprintf("%s %d", s, i+1)
}

// incidentsSheet writes one row per incident with every figure.
func incidentsSheet(w *sheetWriter, rep analysis.Report, l i18n.Lang) {
	// The bucket columns are those of the summary: every record type × certainty of the
	// incidents, in report order.
	buckets, nsrc := rep.Summary.Buckets, max(rep.Summary.MostSources, 1)
	head := []string{lIncidentID.in(l), lOrganization.in(l), lService.in(l), lIndustry.in(l),
		lCause.in(l), lDetected.in(l), lContained.in(l), lDisclosed.in(l)}
	for _, b := range buckets {
		head = append(head, lRecordsPrefix.in(l)+i18n.Bucket(b).In(l))
	}
	head = append(head, lTotalRecords.in(l), lRecordsWritten.in(l), lScopeCount.in(l), lScopesUnknownCount.in(l),
		lEstimateConfirmed.in(l), lEstimateAll.in(l))
	for _, m := range w.bk.metrics {
		head = append(head, i18n.Metric(m).Name.In(l))
	}
	for i := range nsrc {
		head = append(head, numbered(lSource.in(l), i, nsrc))
	}
	head = append(head, lFirstLine.in(l))
	if w.bk.scopesOnIncidents {
		// The Scopes sheet is left out: its columns that Incidents lacks follow.
		head = append(append(head, lExposureStart.in(l), lExposureEnd.in(l), lNotes.in(l)), rep.ExtraColumns...)
	}
	// The printed page holds who and when, through the disclosure date: the counts of a
	// period's incidents print on its first sheet.
	w.printThrough(slices.Index(head, lDisclosed.in(l)) + 1)
	w.header(head...)
	// The detection → disclosure lag over longLagDays is highlighted.
	if i := slices.Index(head, i18n.Metric(analysis.Disclose).Name.In(l)); i >= 0 {
		w.flagColumn(i + 1)
	}

	for _, f := range rep.Incidents.All() {
		if w.err != nil {
			break
		}
		in := &f.Incident
		w.line, w.incident = in.FirstLine(), in.ID
		row := append(w.rowBuf[:0], text(in.ID), text(in.Organization), text(in.Service), text(in.Industry),
			text(in.Cause), date(in.Detected), date(in.Contained), date(in.Disclosed))
		unknown := 0
		for _, b := range f.Buckets {
			unknown += b.Unknown
		}
		for _, b := range buckets {
			row = append(row, bucketCell(*f, b))
		}
		e := analysis.EstimateOf(*in, w.bk.epMap)
		row = append(row, count(f.Total), text(writtenCounts(in, l)), intN(len(f.Scopes)), intN(unknown), yen(e.Confirmed), yen(e.All))
		for _, m := range w.bk.metrics {
			row = append(row, days(f.Get(m)))
		}
		for i := range nsrc {
			c := cell{}
			if i < len(in.SourceURLs) {
				c = link(in.SourceURLs[i])
			}
			row = append(row, c)
		}
		row = append(row, intPos(in.FirstLine()))
		if w.bk.scopesOnIncidents {
			sc := &in.Scopes[0]
			row = append(row, date(sc.ExposureStart), date(sc.ExposureEnd), text(sc.Notes))
			for i := range rep.ExtraColumns {
				var v string
				if i < len(sc.Extra) {
					v = sc.Extra[i]
				}
				row = append(row, text(v))
			}
		}
		w.write(row...)
		w.rowBuf = row
	}
	w.finish(1, true)
}

// writtenCounts lists the counts of in's scopes that the input wrote as more than digits
// (4万1,355件, 3万件以上), each after its record type and certainty, so the text stays
// beside the numbers read from it; "" when there are none.
func writtenCounts(in *data.Incident, l i18n.Lang) string {
	var parts []string
	for i := range in.Scopes {
		sc := &in.Scopes[i]
		if sc.Records.Written == "" {
			continue
		}
		b := i18n.Bucket(analysis.Bucket{Type: sc.RecordType, Certainty: sc.Certainty}).In(l)
		parts = append(parts, b+": "+sc.Records.Written)
	}
	return strings.Join(parts, "; ")
}

// scopesSheet writes one row per input row used.
func scopesSheet(w *sheetWriter, rep analysis.Report, l i18n.Lang) {
	// The input's own columns outside the schema follow, under their headers as written.
	head := []string{lLine.in(l), lIncidentID.in(l), lOrganization.in(l), lRecordType.in(l),
		lCertainty.in(l), lRecords.in(l), lRecordsWritten.in(l), lExposureStart.in(l), lExposureEnd.in(l),
		lWindowDays.in(l), lSource.in(l), lNotes.in(l)}
	// The printed page holds each row's figures, through the exposure window; the sources
	// and notes, long text, are on screen.
	w.printThrough(slices.Index(head, lWindowDays.in(l)) + 1)
	w.header(append(head, rep.ExtraColumns...)...)
	for _, f := range rep.Incidents.All() {
		if w.err != nil {
			break
		}
		for _, sf := range f.Scopes {
			sc := sf.Scope
			w.line, w.incident = sc.Line, sc.IncidentID
			cells := append(w.rowBuf[:0], intPos(sc.Line), text(sc.IncidentID), text(sc.Organization),
				text(i18n.RecordType(sc.RecordType).In(l)), text(i18n.Certainty(sc.Certainty).In(l)),
				count(sc.Records), text(sc.Records.Written), date(sc.ExposureStart), date(sc.ExposureEnd), days(sf.Window),
				link(sc.SourceURL), text(sc.Notes))
			for i := range rep.ExtraColumns {
				var v string
				if i < len(sc.Extra) {
					v = sc.Extra[i]
				}
				cells = append(cells, text(v))
			}
			w.write(cells...)
			w.rowBuf = cells
		}
	}
	w.finish(0, true)
}

// comparisonSheet writes rep.Compare side by side, one column per incident, and under
// the table two charts of its figures: the records by type and certainty, stacked, and the
// lags, clustered.
func comparisonSheet(w *sheetWriter, rep analysis.Report, l i18n.Lang) {
	cmp := rep.Compare
	if len(cmp) == 0 {
		w.write(spill(lNoComparison.in(l)))
		w.finish(0, false)
		return
	}
	head := []string{lFigure.in(l)}
	for _, f := range cmp {
		head = append(head, f.Incident.Label())
	}
	w.header(head...)
	row := func(name string, get func(analysis.IncidentFigures) cell) int {
		cells := []cell{text(name)}
		for _, f := range cmp {
			cells = append(cells, get(f))
		}
		w.write(cells...)
		return w.row
	}
	row(lIncidentID.in(l), func(f analysis.IncidentFigures) cell { return text(f.Incident.ID) })
	row(lOrganization.in(l), func(f analysis.IncidentFigures) cell { return text(f.Incident.Organization) })
	row(lService.in(l), func(f analysis.IncidentFigures) cell { return text(f.Incident.Service) })
	row(lIndustry.in(l), func(f analysis.IncidentFigures) cell { return text(f.Incident.Industry) })
	row(lCause.in(l), func(f analysis.IncidentFigures) cell { return text(f.Incident.Cause) })
	var records, lags []chartSeries
	last := 1 + len(cmp)
	buckets, nsrc := incidentColumns(analysis.Each(cmp))
	for i, b := range buckets {
		r := row(lRecordsPrefix.in(l)+i18n.Bucket(b).In(l), func(f analysis.IncidentFigures) cell { return bucketCell(f, b) })
		records = append(records, rowSeries(w.name, r, 1, 2, last, bucketColor(b, i)))
	}
	row(lTotalRecords.in(l), func(f analysis.IncidentFigures) cell { return count(f.Total) })
	row(lEstimateConfirmed.in(l), func(f analysis.IncidentFigures) cell {
		return yen(analysis.EstimateOf(f.Incident, w.bk.epMap).Confirmed)
	})
	row(lEstimateAll.in(l), func(f analysis.IncidentFigures) cell { return yen(analysis.EstimateOf(f.Incident, w.bk.epMap).All) })
	row(lReportable.in(l), func(f analysis.IncidentFigures) cell { return text(reportableText(analysis.DutyOf(f.Incident), l)) })
	row(lStartConfirmed.in(l), func(f analysis.IncidentFigures) cell { return date(f.WindowConfirmed.Start) })
	row(lEndConfirmed.in(l), func(f analysis.IncidentFigures) cell { return date(f.WindowConfirmed.End) })
	row(lStartAll.in(l), func(f analysis.IncidentFigures) cell { return date(f.WindowAll.Start) })
	row(lEndAll.in(l), func(f analysis.IncidentFigures) cell { return date(f.WindowAll.End) })
	row(lDetected.in(l), func(f analysis.IncidentFigures) cell { return date(f.Incident.Detected) })
	row(lContained.in(l), func(f analysis.IncidentFigures) cell { return date(f.Incident.Contained) })
	row(lDisclosed.in(l), func(f analysis.IncidentFigures) cell { return date(f.Incident.Disclosed) })
	for _, m := range w.bk.metrics {
		r := row(i18n.Metric(m).Name.In(l), func(f analysis.IncidentFigures) cell { return days(f.Get(m)) })
		if c, ok := lagColors[m]; ok {
			lags = append(lags, rowSeries(w.name, r, 1, 2, last, c))
		}
		if m == analysis.Disclose {
			w.flagRow(2, last)
		}
	}
	for i := range nsrc {
		row(numbered(lSource.in(l), i, nsrc), func(f analysis.IncidentFigures) cell {
			if i < len(f.Incident.SourceURLs) {
				return link(f.Incident.SourceURLs[i])
			}
			return cell{}
		})
	}
	row(lFirstLine.in(l), func(f analysis.IncidentFigures) cell { return intPos(f.Incident.FirstLine()) })
	w.blank()
	w.para(lHighlightNote.in(l), last)

	// The charts, side by side below the table, as wide together as the table, on the
	// table's own cells.
	cats := ref(w.name, 2, 1, last, 1)
	tableWidth := 0
	for c := 1; c <= last; c++ {
		tableWidth += colPixels(w.lo.colWidth(c))
	}
	width := uint(max(500, (tableWidth-16)/2))
	height := uint(360)
	w.blank()
	cs := []chartSpec{{typ: excelize.ColStacked, title: lChartRecords.in(l), cats: cats, series: records,
		valueTitle: lAxisRecords.in(l), valueFmt: "#,##0", width: width, height: height}}
	if len(lags) > 0 {
		cs = append(cs, chartSpec{typ: excelize.Col, title: lChartLags.in(l), cats: cats, series: lags,
			valueTitle: lAxisDays.in(l), valueFmt: "#,##0", labels: true, width: width, height: height,
			offsetX: int(width) + 16})
	}
	w.placeCharts(cs...)
	w.finish(1, false)
}

// lagColors are the lags the lag chart shows, each with its colour (Okabe–Ito, safe for
// colour-blind readers).
var lagColors = map[analysis.Metric]string{
	analysis.DetectConfirmed: "56B4E9",
	analysis.DetectAll:       "0072B2",
	analysis.Contain:         "009E73",
	analysis.Disclose:        "D55E00",
}

// bucketColor is the colour of a record type × certainty in the records chart: one hue per
// record type (Okabe–Ito), full for confirmed records and light for suspected ones. Record
// types the tool does not know take grey shades in turn.
func bucketColor(b analysis.Bucket, i int) string {
	hues := map[data.RecordType][2]string{
		data.Personal: {"E69F00", "F3CF80"},
		data.Card:     {"0072B2", "80B9D9"},
		data.Account:  {"009E73", "80CFB9"},
		data.Other:    {"CC79A7", "E6BCD3"},
	}
	h, ok := hues[b.Type]
	if !ok {
		greys := [][2]string{{"595959", "A6A6A6"}, {"7F7F7F", "BFBFBF"}, {"404040", "8C8C8C"}}
		h = greys[i%len(greys)]
	}
	if b.Certainty == data.Confirmed {
		return h[0]
	}
	return h[1]
}

// issuesSheet writes every data issue, or a line saying there are none.
func issuesSheet(w *sheetWriter, rep analysis.Report, l i18n.Lang) {
	w.header(lLine.in(l), lColumn.in(l), lColumnIndex.in(l), lValue.in(l), lSeverity.in(l),
		lKind.in(l), lIncidentID.in(l), lMessage.in(l))
	cuts := &w.bk.cuts
	issues := append(rep.Issues[:len(rep.Issues):len(rep.Issues)], cuts.Issues...)
	if len(issues) == 0 && len(cuts.Omitted) == 0 {
		w.write(spill(lNoIssues.in(l)))
		w.finish(0, false)
		return
	}
	for _, is := range issues {
		if w.err != nil {
			break
		}
		col := is.Header
		if col == "" {
			col = is.Column
		}
		sev := lSevWarning
		if is.Severity == data.Rejected {
			sev = lSevRejected
		}
		kind := i18n.Kind(is.Kind).In(l)
		if k, ok := bookKinds[is.Kind]; ok {
			kind = k.in(l)
		}
		w.line, w.incident = is.Line, is.IncidentID
		w.write(intPos(is.Line), text(col), intPos(is.ColumnIndex), text(data.ShownInCell(is.Value)),
			text(sev.in(l)), text(kind), text(is.IncidentID), text(i18n.Sprint(l, is.Message)))
	}
	// The issues past the cap of their kind are counted: a row for each kind and severity.
	for _, k := range data.Kinds() {
		for _, s := range []data.Severity{data.Rejected, data.Warning} {
			n := rep.Omitted.Of(k, s)
			if n == 0 || w.err != nil {
				continue
			}
			sev := lSevWarning
			if s == data.Rejected {
				sev = lSevRejected
			}
			w.line, w.incident = 0, ""
			w.write(intPos(0), text(""), intPos(0), text(""), text(sev.in(l)), text(i18n.Kind(k).In(l)), text(""),
				text(i18n.Sprint(l, omittedMsg(n))))
		}
	}
	for _, k := range bookKindOrder {
		if n := cuts.Omitted.Of(k, data.Warning); n > 0 && w.err == nil {
			w.line, w.incident = 0, ""
			w.write(intPos(0), text(""), intPos(0), text(""), text(lSevWarning.in(l)), text(bookKinds[k].in(l)), text(""),
				text(i18n.Sprint(l, BookOmittedMsg(k, n))))
		}
	}
	w.finish(0, true)
}

// omittedMsg says that n more issues of one kind were counted but not listed.
func omittedMsg(n int) data.Msg {
	return data.Msgf("%d more issues of this kind were counted but not listed (the first %d of each kind are): validate --format csv lists every one",
		n, data.IssueCap)
}

// omittedRows counts the rows issuesSheet writes for the issues t counts but a report or
// the workbook does not hold: one for each kind and severity.
func omittedRows(t data.Tally) int {
	n := 0
	for _, c := range t {
		for _, m := range c {
			if m > 0 {
				n++
			}
		}
	}
	return n
}

// methodSheet writes the definitions of the figures and the sources.
func methodSheet(w *sheetWriter, rep analysis.Report, l i18n.Lang) {
	w.header(lItem.in(l), lDefinition.in(l))
	for _, m := range w.bk.metrics {
		t := i18n.Metric(m)
		w.write(text(t.Name.In(l)), text(t.Definition.In(l)))
	}
	w.write(text(lDayCounts.in(l)), text(i18n.DayConvention.In(l)))
	w.write(text(lStatistics.in(l)), text(i18n.StatsNote.In(l)))
	w.write(text(lTotals.in(l)), text(i18n.TotalsNote.In(l)))
	w.write(text(lCertaintyRead.in(l)), text(lCertaintyReadText.in(l)))
	w.write(text(lRecordTypesRead.in(l)), text(lRecordTypesReadText.in(l)))
	w.write(text(lCountsRead.in(l)), text(lCountsReadText.in(l)))
	w.write(text(lDatesRead.in(l)), text(lDatesReadText.in(l)))
	w.write(text(lHighlight.in(l)), text(lHighlightNote.in(l)))
	w.write(text(lCharts.in(l)), text(lChartsText.in(l)))
	w.write(text(lLongText.in(l)), text(lLongTextText.in(l)))
	if w.bk.period != nil {
		w.write(text(lReadingNotes.in(l)), text(lTrendNote.in(l)))
		w.write(cell{}, text(lSmallNote.in(l)))
		w.write(cell{}, text(lBreakdownNote.in(l)))
		w.write(text(lSizeBand.in(l)), text(lSizeBandsText.in(l)))
	}
	if w.bk.notComputed != "" {
		w.write(text(lNotComputedItem.in(l)), text(w.bk.notComputed))
	}
	for i, o := range w.bk.omitted {
		item := cell{}
		if i == 0 {
			item = text(lOmittedItem.In(l))
		}
		w.write(item, text(fmt.Sprintf(o.why.In(l), o.sheet.in(l), lSheetIncidents.in(l))))
	}
	if !w.bk.printAll && w.bk.period != nil {
		w.write(text(lPrintItem.In(l)), text(fmt.Sprintf(lPrintText.In(l), lSheetGlance.in(l), lSheetTrend.in(l), lSheetBreakdowns.in(l))))
	}
	w.write(text(lDutyItem.in(l)), text(lDutyRules.in(l)))
	w.write(cell{}, text(lDutyDeadlines.in(l)))
	w.write(text(lDamageItem.in(l)), text(lDamageModel.in(l)))
	w.write(text(lDamageEPMap.in(l)), text(epMapText(w.bk.epMap, l)))
	srcs := rep.Summary.Sources
	if len(srcs) == 0 {
		w.write(text(lSources.in(l)), text(lNoSources.in(l)))
	}
	for i, u := range srcs {
		name := cell{}
		if i == 0 {
			name = text(lSources.in(l))
		}
		w.write(name, link(u))
	}
	if more := rep.Summary.SourcesN - len(srcs); more > 0 {
		w.write(cell{}, text(fmt.Sprintf(lMoreSources.in(l), groupDigits(int64(more)), lSheetIncidents.in(l), lSheetScopes.in(l))))
	}
	// The provenance: the input as read, for whoever checks the report against it. It is
	// here, not on the first pages or in the footer, which the client reads.
	w.write(bold(lProvenance.in(l)))
	w.write(text(lInput.in(l)), text(rep.Input))
	w.write(text(lInputSHA256.in(l)), text(rep.InputSHA256))
	if !rep.Generated.IsZero() {
		w.write(text(lGenerated.in(l)), dateTime(rep.Generated))
	}
	w.finish(0, true)
}

// maxMethodSources is how many source URLs the Method sheet lists (those the summary
// lists); a larger input's sources are on its Incidents and Scopes sheets.
const maxMethodSources = analysis.ListedSources
