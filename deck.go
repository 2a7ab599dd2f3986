package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
	"breachreport/internal/atomicfile"
	"breachreport/slides"
)

// deckName is the name of the deck --pptx writes for a report on the whole input.
const deckName = "breach-report.pptx"

// deckFor returns the deck's name beside the workbook named workbook: breach-report.pptx,
// breach-report-2019-06.pptx.
func deckFor(workbook string) string {
	return strings.TrimSuffix(workbook, filepath.Ext(workbook)) + ".pptx"
}

// writeDeck writes rep's deck into o.dir. The timeline is a picture, so it is on the deck
// only when the run wrote its PNG (--images png); otherwise stderr says why it is left out.
func (o outputs) writeDeck(rep analysis.Report, formats []string, e env) (string, error) {
	opts := slides.Options{Lang: o.lang, Period: o.period, Title: o.wb.Title, Client: o.wb.Client, Taxonomy: o.taxonomy, EPMap: o.wb.EPMap}
	why := data.Msgf("the timeline is a picture, made by --images png (which needs Chromium); this run wrote no PNG")
	if slices.Contains(formats, "png") {
		png := filepath.Join(o.dir, o.pages, "timeline.png")
		b, err := os.ReadFile(png)
		switch {
		case err == nil:
			opts.Timeline = b
		case errors.Is(err, fs.ErrNotExist):
			why = data.Msgf("the timeline chart has no picture: no incident has a date to plot")
		default:
			return "", fmt.Errorf("reading %s: %w", png, err)
		}
	}
	if opts.Timeline == nil {
		opts.NoTimeline = i18n.Sprint(o.lang, why)
		fmt.Fprintf(e.stderr, "breachreport: %s\n", i18n.Sprint(o.lang, data.Msgf("the deck leaves out the timeline slide: %s", why)))
	}
	path := filepath.Join(o.dir, deckFor(o.workbook))
	if err := atomicfile.Write(path, 0o644, func(w io.Writer) error { return slides.Write(w, rep, opts) }); err != nil {
		return "", fmt.Errorf("writing %s: %w", path, err)
	}
	fmt.Fprintf(e.stdout, "wrote %s\n", path)
	return path, nil
}
