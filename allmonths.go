package main

import (
	"context"
	"io"
	"path/filepath"

	"breachreport/analysis"
	"breachreport/charts"
	"breachreport/data"
	"breachreport/internal/atomicfile"
	"breachreport/reports"
)

// indexName is the name of the page generate --all-months writes beside the month folders.
const indexName = "index.html"

// generateAllMonths writes one monthly report per month from the first to the last month
// with a disclosure known to the month, empty months included, each into its own folder
// DIR/yyyy-mm/ (the workbook and the dashboard, named as for --month), and then
// DIR/index.html linking them. The row accounting and the data issues are printed once.
// The months and the index are one output set (see outputSet): when the run is interrupted
// or fails, the previous run's months and index stay as they were; once it has written
// every month, the previous run's months the data no longer reaches are removed.
// More than maxMonths months is an error before anything is written.
func generateAllMonths(ctx context.Context, rep analysis.Report, readAs []data.Msg, outDir string, maxMonths int, wb reports.Options, tax data.Taxonomy, scale charts.LogScale, strict bool, e env) error {
	l := wb.Lang
	tl := rep.Incidents.Timeline()
	tl.Taxonomy = tax
	months := tl.Months()
	if len(months) > maxMonths {
		return data.Errorf("--all-months: the disclosures run from %s to %s, %d months, more than the %d allowed (--max-months %d raises the limit)",
			monthText(months[0]), monthText(months[len(months)-1]), len(months), maxMonths, len(months))
	}
	for _, m := range months {
		if err := notSymlink(filepath.Join(outDir, m.String()), data.Msgf("remove the link")); err != nil {
			return err
		}
	}
	// A killed run's temporary files in the month folders this run writes, and in those of
	// earlier runs it may leave empty and remove.
	folders := map[string]bool{}
	for _, p := range previousMonths(outDir) {
		folders[filepath.Dir(p)] = true
	}
	for _, m := range months {
		folders[filepath.Join(outDir, m.String())] = true
	}
	for d := range folders {
		atomicfile.SweepStale(d)
	}
	// Stop before writing anything when a month's workbook would hold too many rows. When
	// the whole input fits, every month does.
	if reports.CheckSize(rep, e.maxDataRows) != nil {
		for _, m := range months {
			sub, err := subjectReport(rep, tl.Report(m.Period()), nil)
			if err == nil {
				err = reports.CheckSize(sub, e.maxDataRows)
			}
			if err != nil {
				return data.Errorf("--all-months, %s: %w", monthText(m), err)
			}
		}
	}
	printIssues(e.stderr, rep, l)
	var notes []data.Msg
	switch len(months) {
	case 0:
		notes = append(notes, data.Msgf("no month reported on"))
	case 1:
		notes = append(notes, data.Msgf("1 month reported on, %s", monthText(months[0])))
	default:
		notes = append(notes, data.Msgf("%d months reported on, %s to %s", len(months), monthText(months[0]), monthText(months[len(months)-1])))
	}
	if n := tl.Undated(); n > 0 {
		notes = append(notes, data.Msgf("%d with no disclosure date", n))
	}
	if len(months) == 0 {
		printAccounting(e.stdout, rep, readAs, notes, l)
		return data.Errorf("--all-months: no incident has a disclosure date known to the month, so there is no month to report on")
	}
	book := &data.IssueLog{}
	wb.BookIssues = book
	idx := charts.Index{Input: rep.Input, Generated: rep.Generated, Undated: tl.Undated()}
	files := &outputSet{at: e.at, previous: previousMonths(outDir)}
	defer files.discard()
	for _, m := range months {
		if err := ctx.Err(); err != nil {
			return err
		}
		pr := tl.Report(m.Period())
		sub, err := subjectReport(rep, pr, nil)
		if err != nil {
			return err
		}
		out := outputs{dir: filepath.Join(outDir, m.String()), lang: l, scale: scale, wb: wb, period: &pr, noPages: true}
		out.workbook, out.dashboard, _ = periodNames(m.Period())
		if err := out.write(ctx, sub, nil, files, e); err != nil {
			return err
		}
		idx.Months = append(idx.Months, charts.IndexMonth{
			MonthRow: analysis.MonthRow{Month: m, PeriodFigures: pr.Subject},
			Workbook: m.String() + "/" + out.workbook, Dashboard: m.String() + "/" + out.dashboard,
		})
	}
	path := filepath.Join(outDir, indexName)
	if err := files.stage(path, func(w io.Writer) error {
		return charts.WriteIndex(w, idx, charts.Options{Lang: l, Client: wb.Client, Title: wb.Title, Incomplete: wb.Incomplete})
	}); err != nil {
		return err
	}
	// Past this check a Ctrl-C waits for the renames, a matter of milliseconds.
	if err := ctx.Err(); err != nil {
		return err
	}
	// The workbooks' own issues are known once they are written: they count with the input's.
	printBookIssues(e.stderr, rep.Input, book, l)
	rep = withBookIssues(rep, book)
	printAccounting(e.stdout, rep, readAs, notes, l)
	if err := files.commit(e.stdout, l); err != nil {
		return err
	}
	return outcome(rep, strict, true)
}
