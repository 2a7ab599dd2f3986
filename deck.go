package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
	"breachreport/slides"
)

// deckName is the name of the deck --pptx writes for a report on the whole input.
const deckName = "breach-report.pptx"

// deckFor returns the deck's name beside the workbook named workbook: breach-report.pptx,
// breach-report-2019-06.pptx.
func deckFor(workbook string) string {
	return strings.TrimSuffix(workbook, filepath.Ext(workbook)) + ".pptx"
}

// writeDeck stages rep's deck in files, into o.dir. The timeline is a picture, so it is on
// the deck only when the run made its PNG (--images png), timeline; otherwise stderr says
// why it is left out.
func (o outputs) writeDeck(rep analysis.Report, formats []string, timeline []byte, files *outputSet, e env) error {
	opts := slides.Options{Lang: o.lang, Period: o.period, Title: o.wb.Title, Client: o.wb.Client, Incomplete: o.wb.Incomplete, Taxonomy: o.taxonomy, EPMap: o.wb.EPMap, Timeline: timeline}
	why := data.Msgf("the timeline is a picture, made by --images png (which needs Chromium); this run wrote no PNG")
	if slices.Contains(formats, "png") {
		why = data.Msgf("the timeline chart has no picture: no incident has a date to plot")
	}
	if opts.Timeline == nil {
		opts.NoTimeline = i18n.Sprint(o.lang, why)
		fmt.Fprintf(e.stderr, "breachreport: %s\n", i18n.Sprint(o.lang, data.Msgf("the deck leaves out the timeline slide: %s", why)))
	}
	return files.stage(filepath.Join(o.dir, deckFor(o.workbook)), func(w io.Writer) error { return slides.Write(w, rep, opts) })
}
