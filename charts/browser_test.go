package charts

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"breachreport/i18n"
	"breachreport/internal/clienttest"
)

// startBrowser starts the Chromium the tests use, or skips (see clienttest.Find).
func startBrowser(t testing.TB) *Browser {
	t.Helper()
	b, err := StartBrowser(context.Background(), clienttest.Chromium(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

// writeSample writes the sample's dashboard in lang into a temporary directory.
func writeSample(t testing.TB, lang i18n.Lang) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "charts.html")
	if err := os.WriteFile(path, []byte(render(t, sampleReport(t), lang)), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestFormatters runs page.js's axis formatters in Chromium on values worked out by hand.
func TestFormatters(t *testing.T) {
	b := startBrowser(t)
	if _, err := b.Load(context.Background(), writeSample(t, i18n.En), 1280, 1); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		expr, want string
	}{
		{`compact(41355, "ja")`, "4.1万"},
		{`compact(41355, "en")`, "41.4K"},
		{`compact(10000, "ja")`, "1万"},
		{`compact(10000, "en")`, "10K"},
		{`compact(9999, "ja")`, "9,999"},
		{`compact(1000, "en")`, "1K"},
		{`compact(999, "en")`, "999"},
		{`compact(0, "en")`, "0"},
		{`compact(1234567, "en")`, "1.23M"},
		{`compact(999999, "en")`, "1M"},
		{`compact(1200000, "ja")`, "120万"},
		{`compact(99999999, "ja")`, "1億"},
		{`compact(150000000, "ja")`, "1.5億"},
		{`compact(3000000000, "en")`, "3B"},
		{`dateLabel(Date.UTC(2019, 0, 1), 3, "en")`, "2019"},
		{`dateLabel(Date.UTC(2019, 0, 1), 3, "ja")`, "2019年"},
		{`dateLabel(Date.UTC(2019, 6, 1), 3, "en")`, "Jul"},
		{`dateLabel(Date.UTC(2019, 6, 1), 3, "ja")`, "7月"},
		{`dateLabel(Date.UTC(2019, 2, 1), 0, "en")`, "Mar 2019"},
		{`dateLabel(Date.UTC(2019, 2, 1), 0, "ja")`, "2019年3月"},
		{`dateLabel(Date.UTC(2019, 2, 15), 2, "en")`, "Mar 15"},
		{`dateLabel(Date.UTC(2019, 2, 15), 2, "ja")`, "3月15日"},
		{`escapeHTML("<b a=\"1\">'&'</b>")`, "&lt;b a=&quot;1&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;"},
	}
	for _, tt := range tests {
		got, err := chromedp.Run(b.ctx, chromedp.Evaluate[string]("breachreport."+tt.expr))
		if err != nil {
			t.Fatalf("%s: %v", tt.expr, err)
		}
		if got != tt.want {
			t.Errorf("%s = %q, want %q", tt.expr, got, tt.want)
		}
	}
}

// TestAxisLabels loads the sample in both languages and reads the axis labels the charts
// drew: record counts compact by language, time axes with years.
func TestAxisLabels(t *testing.T) {
	b := startBrowser(t)
	tests := []struct {
		lang i18n.Lang
		want []string
	}{
		{i18n.En, []string{">10K<", ">40K<", ">2016<", ">2019<", ">Jul<", ">159 days<", ">148 days<"}},
		{i18n.Ja, []string{">1万<", ">4万<", ">2016年<", ">2019年<", ">7月<", ">159日<", ">148日<"}},
	}
	for _, tt := range tests {
		l, err := b.Load(context.Background(), writeSample(t, tt.lang), 1280, 1)
		if err != nil {
			t.Fatal(err)
		}
		if l.Charts != len(chartIDs) || len(l.Events) > 0 || len(l.Suspect) > 0 {
			t.Errorf("%s: %d charts, events %v, suspect %v", tt.lang, l.Charts, l.Events, l.Suspect)
		}
		dom := markupOnly(l.DOM)
		for _, w := range tt.want {
			if !strings.Contains(dom, w) {
				t.Errorf("%s: no chart text %s", tt.lang, w)
			}
		}
	}
}

func TestParseImageSize(t *testing.T) {
	tests := []struct {
		in   string
		want ImageSize
		err  bool
	}{
		{"", DefaultImageSize, false},
		{"1600x900", ImageSize{1600, 900}, false},
		{" 1920X1080 ", ImageSize{1920, 1080}, false},
		{"1280×720", ImageSize{1280, 720}, false},
		{"800x600", ImageSize{800, 600}, false},
		{"1600", ImageSize{}, true},
		{"1600x", ImageSize{}, true},
		{"x900", ImageSize{}, true},
		{"1600x900x2", ImageSize{}, true},
		{"16.5x9", ImageSize{}, true},
		{"-1600x900", ImageSize{}, true},
		{"16x9", ImageSize{}, true},
		{"9000x900", ImageSize{}, true},
		{"1600x100", ImageSize{}, true},
	}
	for _, tt := range tests {
		got, err := ParseImageSize(tt.in)
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("ParseImageSize(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestImageLayout(t *testing.T) {
	tests := []struct {
		size       ImageSize
		cssW, cssH int
		scale      float64
	}{
		{ImageSize{1600, 900}, 1000, 563, 1.6},
		{ImageSize{2000, 1000}, 1000, 500, 2},
		{ImageSize{1000, 1000}, 1000, 1000, 1},
		{ImageSize{800, 450}, 800, 450, 1},
	}
	for _, tt := range tests {
		w, h, s := tt.size.layout()
		if w != tt.cssW || h != tt.cssH || s != tt.scale {
			t.Errorf("%v.layout() = %d, %d, %v; want %d, %d, %v", tt.size, w, h, s, tt.cssW, tt.cssH, tt.scale)
		}
		if float64(w)*s < float64(tt.size.W) || float64(h)*s < float64(tt.size.H) {
			t.Errorf("%v.layout() draws %v×%v pixels, smaller than the image", tt.size, float64(w)*s, float64(h)*s)
		}
	}
}

// TestChartImageSizes makes the images of the sample's records chart at several sizes: the
// PNG is exactly the size asked for, the SVG says the same size, and every case's total is
// written on the chart.
func TestChartImageSizes(t *testing.T) {
	b := startBrowser(t)
	s, err := Build(context.Background(), sampleReport(t), Options{Lang: i18n.Ja, Client: "株式会社サンプル", Title: "月次報告"})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "records.html")
	var buf bytes.Buffer
	if err := s.WriteChart(&buf, "records"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, z := range []ImageSize{DefaultImageSize, {1280, 720}, {800, 450}, {2000, 1500}} {
		imgs, err := b.ChartImages(context.Background(), path, "chart-records", z)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(imgs.PNG))
		if err != nil {
			t.Fatal(err)
		}
		if w, h := img.Bounds().Dx(), img.Bounds().Dy(); w != z.W || h != z.H {
			t.Errorf("%v: PNG is %dx%d", z, w, h)
		}
		head := string(imgs.SVG[:min(len(imgs.SVG), 300)])
		if want := fmt.Sprintf(`<svg width="%d" height="%d"`, z.W, z.H); !strings.Contains(head, want) {
			t.Errorf("%v: SVG starts %q, want %s", z, head, want)
		}
		// The totals at the bars' ends, and the client and title in the subtitle.
		for _, want := range []string{"4.4万件", "4.04万件", "株式会社サンプル／月次報告"} {
			if !strings.Contains(string(imgs.SVG), want) {
				t.Errorf("%v: the image does not say %s", z, want)
			}
		}
	}
}
