package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"breachreport/charts"
	"breachreport/data"
)

// chartDir is the directory, inside the output directory, of the standalone chart pages
// and the chart images.
const chartDir = "charts"

// imageFormats are the formats --images takes, in the order they are written.
var imageFormats = []string{"png", "svg"}

// parseImageFormats reads the --images list: comma-separated formats of imageFormats, in any
// case, each at most once. "" is no images.
func parseImageFormats(s string) ([]string, error) {
	want := map[string]bool{}
	for _, f := range strings.Split(s, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" {
			continue
		}
		ok := false
		for _, k := range imageFormats {
			ok = ok || f == k
		}
		if !ok {
			return nil, data.Errorf("--images: format %q not supported (use png, svg or png,svg)", f)
		}
		want[f] = true
	}
	var out []string
	for _, k := range imageFormats {
		if want[k] {
			out = append(out, k)
		}
	}
	return out, nil
}

// imagesError is the error of a run whose chart images could not be made (no Chromium, or
// a chart that did not render): the other outputs are still written.
type imagesError struct{ err error }

func (e *imagesError) Error() string { return e.err.Error() }
func (e *imagesError) Unwrap() error { return e.err }

// writeChartFiles stages in files the standalone page of every chart, in dir (DIR/charts/),
// and then, when formats are asked for, each chart's images of the given size beside its
// page, made by one headless Chromium for all charts. It returns the timeline's PNG, if it
// made one, for the deck. When the images cannot be made the pages are still staged and the
// error is an *imagesError saying what to install.
//
// Chromium renders each page from a copy in tmp: the staged file's name does not end in
// .html, and Chromium tells a page by its name.
func writeChartFiles(ctx context.Context, set *charts.Set, files *outputSet, dir, tmp string, formats []string, size charts.ImageSize, e env) (timeline []byte, err error) {
	list := set.Charts()
	if len(list) == 0 {
		return nil, nil
	}
	if err := notSymlink(dir, data.Msgf("remove the link")); err != nil {
		return nil, err
	}
	if err := files.mkdir(dir); err != nil {
		return nil, data.Errorf("creating chart directory: %w", err)
	}
	pages := make([]string, len(list)) // the copies Chromium renders
	for i, c := range list {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var page bytes.Buffer
		if err := set.WriteChart(&page, c.ID); err != nil {
			return nil, err
		}
		if err := files.stage(filepath.Join(dir, c.Name+".html"), func(w io.Writer) error { _, err := w.Write(page.Bytes()); return err }); err != nil {
			return nil, err
		}
		if len(formats) > 0 {
			pages[i] = filepath.Join(tmp, c.Name+".html")
			if err := os.WriteFile(pages[i], page.Bytes(), 0o644); err != nil {
				return nil, data.Errorf("writing %s: %w", pages[i], err)
			}
		}
	}
	if len(formats) == 0 {
		return nil, nil
	}
	bin, err := charts.FindChromium(e.getenv)
	if err != nil {
		return nil, &imagesError{data.Errorf("chart images not written (everything else was): %w", err)}
	}
	b, err := charts.StartBrowser(ctx, bin)
	if err != nil {
		return nil, &imagesError{data.Errorf("chart images not written (everything else was): %w", err)}
	}
	defer b.Close()
	for i, c := range list {
		imgs, err := b.ChartImages(ctx, pages[i], c.ID, size)
		if err != nil {
			return nil, &imagesError{data.Errorf("chart images: %w", err)}
		}
		if c.Name == "timeline" {
			timeline = imgs.PNG
		}
		for _, f := range formats {
			body := imgs.SVG
			if f == "png" {
				body = imgs.PNG
			}
			path := filepath.Join(dir, c.Name+"."+f)
			if err := files.stage(path, func(w io.Writer) error { _, err := w.Write(body); return err }); err != nil {
				return nil, err
			}
		}
	}
	if !slices.Contains(formats, "png") {
		timeline = nil
	}
	return timeline, nil
}
