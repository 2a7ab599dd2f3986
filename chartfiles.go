package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"breachreport/charts"
	"breachreport/data"
	"breachreport/i18n"
	"breachreport/internal/atomicfile"
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

// writeChartFiles writes the standalone page of every chart into dir (DIR/charts/), and then,
// when formats are asked for, each chart's images of the given size beside its page, made by one headless
// Chromium for all charts. Without Chromium the pages are still written and the error says
// what to install.
func writeChartFiles(ctx context.Context, set *charts.Set, dir string, formats []string, size charts.ImageSize, l i18n.Lang, e env) error {
	list := set.Charts()
	if len(list) == 0 {
		return nil
	}
	if err := notSymlink(dir, data.Msgf("remove the link")); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return data.Errorf("creating chart directory: %w", err)
	}
	pages := make([]string, len(list))
	for i, c := range list {
		if err := ctx.Err(); err != nil {
			return err
		}
		pages[i] = filepath.Join(dir, c.Name+".html")
		id := c.ID
		if err := atomicfile.Write(pages[i], 0o644, func(w io.Writer) error { return set.WriteChart(w, id) }); err != nil {
			return data.Errorf("writing %s: %w", pages[i], err)
		}
		fmt.Fprintln(e.stdout, i18n.Sprint(l, data.Msgf("wrote %s", pages[i])))
	}
	if len(formats) == 0 {
		return nil
	}
	bin, err := charts.FindChromium(e.getenv)
	if err != nil {
		return data.Errorf("chart images not written (everything else was): %w", err)
	}
	b, err := charts.StartBrowser(ctx, bin)
	if err != nil {
		return data.Errorf("chart images not written (everything else was): %w", err)
	}
	defer b.Close()
	for i, c := range list {
		imgs, err := b.ChartImages(ctx, pages[i], c.ID, size)
		if err != nil {
			return data.Errorf("chart images: %w", err)
		}
		for _, f := range formats {
			body := imgs.PNG
			if f == "svg" {
				body = imgs.SVG
			}
			path := filepath.Join(dir, c.Name+"."+f)
			if err := atomicfile.Write(path, 0o644, func(w io.Writer) error { _, err := w.Write(body); return err }); err != nil {
				return data.Errorf("writing %s: %w", path, err)
			}
			fmt.Fprintln(e.stdout, i18n.Sprint(l, data.Msgf("wrote %s", path)))
		}
	}
	return nil
}
