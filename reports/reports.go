// Package reports renders a breachreport analysis as an Excel workbook: a summary, every
// incident and input row with its figures, a side-by-side comparison, the data issues and
// the definitions, in English or Japanese.
package reports

import (
	"fmt"
	"io"
	"sort"
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
}

// Write renders the workbook for rep to w (an .xlsx).
//
// The sheets are, in order: Summary (the active sheet), Incidents, Scopes, Comparison,
// Data issues and Method, with localised names. Dates are date cells, counts and day
// figures are numbers, and a figure that is unknown is an empty cell, never 0. Text from
// the input is always stored as a string, so that it can never become a formula.
func Write(w io.Writer, rep analysis.Report, opts Options) error {
	lang := opts.Lang
	switch lang {
	case "":
		lang = i18n.En
	case i18n.En, i18n.Ja:
	default:
		return fmt.Errorf("workbook: language %q not supported (use en or ja)", lang)
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := build(f, rep, lang); err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("writing workbook: %w", err)
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

// sheetNames returns the sheet names in order, in language l.
func sheetNames(l i18n.Lang) []string {
	return []string{lSheetSummary.in(l), lSheetIncidents.in(l), lSheetScopes.in(l),
		lSheetComparison.in(l), lSheetIssues.in(l), lSheetMethod.in(l)}
}

func build(f *excelize.File, rep analysis.Report, l i18n.Lang) error {
	if err := f.SetDefaultFont(fontFor(l)); err != nil {
		return err
	}
	st, err := newStyles(f, l)
	if err != nil {
		return err
	}
	names := sheetNames(l)
	if err := f.SetSheetName(f.GetSheetName(0), names[0]); err != nil {
		return err
	}
	for _, n := range names[1:] {
		if _, err := f.NewSheet(n); err != nil {
			return err
		}
	}
	render := []func(*sheetWriter, analysis.Report, i18n.Lang){
		summarySheet, incidentsSheet, scopesSheet, comparisonSheet, issuesSheet, methodSheet,
	}
	for i, fn := range render {
		sw := &sheetWriter{f: f, st: st, name: names[i], lineHt: lineHeight(l)}
		fn(sw, rep, l)
		if sw.err != nil {
			return sw.err
		}
	}
	f.SetActiveSheet(0)
	props := &excelize.DocProperties{
		Title:   "breachreport",
		Creator: "breachreport",
		Language: map[i18n.Lang]string{
			i18n.En: "en-US", i18n.Ja: "ja-JP",
		}[l],
	}
	if !rep.Generated.IsZero() {
		props.Created = rep.Generated.UTC().Format(time.RFC3339)
		props.Modified = props.Created
	}
	return f.SetDocProps(props)
}

// summarySheet writes the key figures with their n, and the aggregates of every metric.
func summarySheet(w *sheetWriter, rep analysis.Report, l i18n.Lang) {
	s := rep.Summary
	w.header(lFigure.in(l), lValue.in(l), lN.in(l), lNote.in(l))
	w.write(text(lIncidents.in(l)), countN(s.Incidents))
	w.write(text(lScopes.in(l)), countN(s.Scopes))
	w.write(text(lRowsRead.in(l)), countN(rep.RowsRead))
	w.write(text(lRowsUsed.in(l)), countN(rep.RowsUsed))
	w.write(text(lRowsRejected.in(l)), countN(rep.RowsRejected))
	w.write(text(lRowsBlank.in(l)), countN(rep.RowsBlank))
	w.write(text(lWarnings.in(l)), countN(rep.Warnings()), cell{}, spill(lWarningsNote.in(l)))
	w.write(bold(lTotalRecords.in(l)), count(s.TotalRecords), intN(s.RecordsN), spill(lTotalsNoteShort.in(l)))
	for _, b := range s.Buckets {
		note := cell{}
		if b.Unknown > 0 {
			note = spill(fmt.Sprintf("%s%d", lUnknownScopesNote.in(l), b.Unknown))
		}
		w.write(indented(lBreakdownPrefix.in(l)+i18n.Bucket(b).In(l)), count(b.Records),
			intN(incidentsWithBucket(rep.Incidents, b)), note)
	}
	w.para(i18n.TotalsNote.In(l), 4)
	w.write(text(lFirstDisclosed.in(l)), date(s.FirstDisclosed), intN(s.DisclosedN))
	w.write(text(lLastDisclosed.in(l)), date(s.LastDisclosed), intN(s.DisclosedN))
	w.write(text(lInput.in(l)), spill(rep.Input))
	w.write(text(lInputSHA256.in(l)), spill(rep.InputSHA256))
	gen := cell{}
	if !rep.Generated.IsZero() {
		gen = spill(rep.Generated.Format(time.RFC3339))
	}
	w.write(text(lGenerated.in(l)), dateTime(rep.Generated), cell{}, gen)

	w.blank()
	w.header(lDayFigure.in(l), lN.in(l), lMedian.in(l), lMean.in(l), lP90.in(l), lMin.in(l), lMax.in(l))
	for _, m := range analysis.Metrics() {
		st := s.Stat(m)
		ok := st.N > 0
		row := []cell{text(i18n.Metric(m).Name.In(l)), intN(st.N),
			float(st.Median, ok), float(st.Mean, ok), float(st.P90, ok)}
		if ok {
			row = append(row, intN(st.Min), intN(st.Max))
		}
		w.write(row...)
	}
	w.blank()
	w.para(i18n.StatsNote.In(l), 7)
	w.finish(0, false)
}

// incidentsWithBucket counts the incidents with a known count in b's type × certainty.
func incidentsWithBucket(figs []analysis.IncidentFigures, b analysis.Bucket) int {
	n := 0
	for _, f := range figs {
		for _, ib := range f.Buckets {
			if ib.Type == b.Type && ib.Certainty == b.Certainty && ib.Records.Known {
				n++
			}
		}
	}
	return n
}

// bucketKeys returns the distinct record type × certainty of figs, in report order.
func bucketKeys(figs []analysis.IncidentFigures) []analysis.Bucket {
	type key struct {
		t data.RecordType
		c data.Certainty
	}
	seen := map[key]bool{}
	var out []analysis.Bucket
	for _, f := range figs {
		for _, b := range f.Buckets {
			k := key{b.Type, b.Certainty}
			if !seen[k] {
				seen[k] = true
				out = append(out, analysis.Bucket{Type: b.Type, Certainty: b.Certainty})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return analysis.BucketLess(out[i], out[j]) })
	return out
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

// maxSources is the largest number of source URLs of any of figs.
func maxSources(figs []analysis.IncidentFigures) int {
	n := 0
	for _, f := range figs {
		n = max(n, len(f.Incident.SourceURLs))
	}
	return n
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
	buckets := bucketKeys(rep.Incidents)
	nsrc := max(maxSources(rep.Incidents), 1)
	head := []string{lIncidentID.in(l), lOrganization.in(l), lService.in(l), lIndustry.in(l),
		lCause.in(l), lDetected.in(l), lContained.in(l), lDisclosed.in(l)}
	for _, b := range buckets {
		head = append(head, lRecordsPrefix.in(l)+i18n.Bucket(b).In(l))
	}
	head = append(head, lTotalRecords.in(l), lScopeCount.in(l), lScopesUnknownCount.in(l))
	for _, m := range analysis.Metrics() {
		head = append(head, i18n.Metric(m).Name.In(l))
	}
	for i := range nsrc {
		head = append(head, numbered(lSource.in(l), i, nsrc))
	}
	head = append(head, lFirstLine.in(l))
	w.header(head...)

	for _, f := range rep.Incidents {
		in := f.Incident
		row := []cell{text(in.ID), text(in.Organization), text(in.Service), text(in.Industry),
			text(in.Cause), date(in.Detected), date(in.Contained), date(in.Disclosed)}
		unknown := 0
		for _, b := range f.Buckets {
			unknown += b.Unknown
		}
		for _, b := range buckets {
			row = append(row, bucketCell(f, b))
		}
		row = append(row, count(f.Total), intN(len(f.Scopes)), intN(unknown))
		for _, m := range analysis.Metrics() {
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
		w.write(row...)
	}
	w.finish(1, true)
}

// scopesSheet writes one row per input row used.
func scopesSheet(w *sheetWriter, rep analysis.Report, l i18n.Lang) {
	// The input's own columns outside the schema follow, under their headers as written.
	head := []string{lLine.in(l), lIncidentID.in(l), lOrganization.in(l), lRecordType.in(l),
		lCertainty.in(l), lRecords.in(l), lExposureStart.in(l), lExposureEnd.in(l),
		lWindowDays.in(l), lSource.in(l), lNotes.in(l)}
	w.header(append(head, rep.ExtraColumns...)...)
	for _, f := range rep.Incidents {
		for _, sf := range f.Scopes {
			sc := sf.Scope
			cells := []cell{intPos(sc.Line), text(sc.IncidentID), text(sc.Organization),
				text(i18n.RecordType(sc.RecordType).In(l)), text(i18n.Certainty(sc.Certainty).In(l)),
				count(sc.Records), date(sc.ExposureStart), date(sc.ExposureEnd), days(sf.Window),
				link(sc.SourceURL), text(sc.Notes)}
			for i := range rep.ExtraColumns {
				var v string
				if i < len(sc.Extra) {
					v = sc.Extra[i]
				}
				cells = append(cells, text(v))
			}
			w.write(cells...)
		}
	}
	w.finish(0, true)
}

// comparisonSheet writes rep.Compare side by side: one column per incident.
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
	row := func(name string, get func(analysis.IncidentFigures) cell) {
		cells := []cell{text(name)}
		for _, f := range cmp {
			cells = append(cells, get(f))
		}
		w.write(cells...)
	}
	row(lIncidentID.in(l), func(f analysis.IncidentFigures) cell { return text(f.Incident.ID) })
	row(lOrganization.in(l), func(f analysis.IncidentFigures) cell { return text(f.Incident.Organization) })
	row(lService.in(l), func(f analysis.IncidentFigures) cell { return text(f.Incident.Service) })
	row(lIndustry.in(l), func(f analysis.IncidentFigures) cell { return text(f.Incident.Industry) })
	row(lCause.in(l), func(f analysis.IncidentFigures) cell { return text(f.Incident.Cause) })
	for _, b := range bucketKeys(cmp) {
		row(lRecordsPrefix.in(l)+i18n.Bucket(b).In(l), func(f analysis.IncidentFigures) cell { return bucketCell(f, b) })
	}
	row(lTotalRecords.in(l), func(f analysis.IncidentFigures) cell { return count(f.Total) })
	row(lStartConfirmed.in(l), func(f analysis.IncidentFigures) cell { return date(f.WindowConfirmed.Start) })
	row(lEndConfirmed.in(l), func(f analysis.IncidentFigures) cell { return date(f.WindowConfirmed.End) })
	row(lStartAll.in(l), func(f analysis.IncidentFigures) cell { return date(f.WindowAll.Start) })
	row(lEndAll.in(l), func(f analysis.IncidentFigures) cell { return date(f.WindowAll.End) })
	row(lDetected.in(l), func(f analysis.IncidentFigures) cell { return date(f.Incident.Detected) })
	row(lContained.in(l), func(f analysis.IncidentFigures) cell { return date(f.Incident.Contained) })
	row(lDisclosed.in(l), func(f analysis.IncidentFigures) cell { return date(f.Incident.Disclosed) })
	for _, m := range analysis.Metrics() {
		row(i18n.Metric(m).Name.In(l), func(f analysis.IncidentFigures) cell { return days(f.Get(m)) })
	}
	nsrc := maxSources(cmp)
	for i := range nsrc {
		row(numbered(lSource.in(l), i, nsrc), func(f analysis.IncidentFigures) cell {
			if i < len(f.Incident.SourceURLs) {
				return link(f.Incident.SourceURLs[i])
			}
			return cell{}
		})
	}
	row(lFirstLine.in(l), func(f analysis.IncidentFigures) cell { return intPos(f.Incident.FirstLine()) })
	w.finish(1, false)
}

// issuesSheet writes every data issue, or a line saying there are none.
func issuesSheet(w *sheetWriter, rep analysis.Report, l i18n.Lang) {
	w.header(lLine.in(l), lColumn.in(l), lColumnIndex.in(l), lValue.in(l), lSeverity.in(l),
		lKind.in(l), lIncidentID.in(l), lMessage.in(l))
	if len(rep.Issues) == 0 {
		w.write(spill(lNoIssues.in(l)))
		w.finish(0, false)
		return
	}
	for _, is := range rep.Issues {
		col := is.Header
		if col == "" {
			col = is.Column
		}
		sev := lSevWarning
		if is.Severity == data.Rejected {
			sev = lSevRejected
		}
		w.write(intPos(is.Line), text(col), intPos(is.ColumnIndex), text(is.Value),
			text(sev.in(l)), text(i18n.Kind(is.Kind).In(l)), text(is.IncidentID), text(is.Message))
	}
	w.finish(0, true)
}

// methodSheet writes the definitions of the figures and the sources.
func methodSheet(w *sheetWriter, rep analysis.Report, l i18n.Lang) {
	w.header(lItem.in(l), lDefinition.in(l))
	for _, m := range analysis.Metrics() {
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
	srcs := distinctSources(rep.Incidents)
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
	w.finish(0, false)
}

// distinctSources returns the source URLs of the incidents, each once, in input order.
func distinctSources(figs []analysis.IncidentFigures) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range figs {
		for _, u := range f.Incident.SourceURLs {
			if u != "" && !seen[u] {
				seen[u] = true
				out = append(out, u)
			}
		}
	}
	return out
}
