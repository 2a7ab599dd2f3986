package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"breachreport/charts"
	"breachreport/i18n"
	"breachreport/input"
	"breachreport/internal/clienttest"
)

// hostileNames are case names and causes that would run code or inject markup if written
// unescaped into a script, into HTML, into an ECharts formatter or into a template.
var hostileNames = []string{
	`</script><script>document.title='x'</script>`,
	`"'><img src=x onerror=alert(1)>`,
	`__f__`,
	`{{.}}`,
	`__f__function(){document.title='f'}`,
}

// hostileCSV writes an input whose organizations, services, causes, record types, ids and
// notes are the hostile names, with known counts of very different sizes (so every incident
// is a bubble and the records chart goes to a log scale).
func hostileCSV(t *testing.T) string {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"incident_id", "organization", "service", "cause", "record_type", "certainty", "records",
		"exposure_start", "exposure_end", "detected", "contained", "disclosed", "source_url", "notes"})
	n := int64(100)
	for i, h := range hostileNames {
		day := fmt.Sprintf("2020-0%d-", i+1)
		w.Write([]string{fmt.Sprintf("%s-%d", h, i), h, "svc " + h, h, h, "confirmed", fmt.Sprint(n),
			day + "01", day + "20", day + "21", day + "22", fmt.Sprintf("2020-%02d-05", i+3), "https://example.com/" + h, h})
		w.Write([]string{fmt.Sprintf("%s-%d", h, i), h, "svc " + h, h, "card", "suspected", fmt.Sprint(3 * n),
			"2019-12-01", day + "20", day + "21", day + "22", fmt.Sprintf("2020-%02d-05", i+3), "", h})
		n *= 10
	}
	w.Flush()
	path := filepath.Join(t.TempDir(), "hostile.csv")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// runWithEnv runs the command in-process with the environment given.
func runWithEnv(t *testing.T, vars map[string]string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, env{
		stdin: strings.NewReader(""), stdout: &out, stderr: &errb,
		getenv: func(k string) string { return vars[k] },
		now:    func() time.Time { return fixedNow },
	})
	status := exitCode(err, &errb)
	return result{out.String(), errb.String(), status}
}

// TestHostileNamesInChromium feeds the hostile names through the whole generate command,
// images included, and loads the dashboard and every chart page in Chromium with no
// network: every chart is drawn, nothing is logged, fetched or opened, the title is the
// page's own, no element or attribute came from the data, and the names are shown as text.
// The SVG images hold the names as text too.
func TestHostileNamesInChromium(t *testing.T) {
	bin := clienttest.Chromium(t)
	in := hostileCSV(t)
	b, err := charts.StartBrowser(context.Background(), bin)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	titles := map[string]string{"en": "Data-breach incidents compared", "ja": "情報漏えい事案の比較"}
	for _, lang := range []string{"en", "ja"} {
		t.Run(lang, func(t *testing.T) {
			out := t.TempDir()
			r := runCmd(t, "", "generate", "-i", in, "-o", out, "--lang", lang, "--images", "png,svg")
			if r.status != 0 {
				t.Fatalf("exit %d\n%s%s", r.status, r.stdout, r.stderr)
			}
			// Each standalone page is titled with its chart's title.
			rep, _, _, err := load(context.Background(), in, input.Options{}, env{now: func() time.Time { return fixedNow }})
			if err != nil {
				t.Fatal(err)
			}
			l, _ := i18n.ParseLang(lang)
			set, err := charts.Build(context.Background(), rep, charts.Options{Lang: l})
			if err != nil {
				t.Fatal(err)
			}
			pages := map[string]string{filepath.Join(out, chartsName): titles[lang]}
			for _, c := range set.Charts() {
				pages[filepath.Join(out, chartDir, c.Name+".html")] = c.Title
			}
			// The four breakdowns, by cause category, records, timeline, lags and bubbles.
			if len(pages) != 10 {
				t.Fatalf("%d pages, want the dashboard and 9 charts", len(pages))
			}
			for path, title := range pages {
				l, err := b.Load(context.Background(), path, 1280, 1)
				if err != nil {
					t.Fatal(err)
				}
				wantCharts := 1
				if filepath.Base(path) == chartsName {
					wantCharts = 9
				}
				if l.Charts != wantCharts || len(l.Failed) > 0 {
					t.Errorf("%s: %d charts drawn, failed %v; want %d", path, l.Charts, l.Failed, wantCharts)
				}
				if len(l.Events) > 0 {
					t.Errorf("%s: the page logged, threw, fetched or opened a dialog:\n%s", path, strings.Join(l.Events, "\n"))
				}
				if len(l.Suspect) > 0 {
					t.Errorf("%s: injected elements or attributes: %s", path, strings.Join(l.Suspect, "\n"))
				}
				if l.Scripts != 2+wantCharts {
					t.Errorf("%s: %d script elements, want the runtime, page.js and %d payloads", path, l.Scripts, wantCharts)
				}
				if l.Title != title {
					t.Errorf("%s: document title %q, want %q (did injected code run?)", path, l.Title, title)
				}
				// The dashboard's tables and notes and the charts' own text (axis labels,
				// legends) show the names as they are; the breakdowns but by cause name
				// groups of other columns, which the hostile rows leave plain.
				if b := filepath.Base(path); strings.HasPrefix(b, "by-") && b != "by-cause.html" {
					continue
				}
				for _, h := range hostileNames {
					if !strings.Contains(l.Text, h) && !strings.Contains(noSpace(svgText(l.DOM)), noSpace(h)) {
						t.Errorf("%s: %q is not shown as text", path, h)
					}
				}
			}
			for _, name := range []string{"records", "timeline", "lags", "bubbles"} {
				checkSVG(t, filepath.Join(out, chartDir, name+".svg"))
				checkPNG(t, filepath.Join(out, chartDir, name+".png"))
			}
		})
	}
}

// svgText returns the text of the <text> and <tspan> elements of the SVGs in a DOM dump or
// an SVG file, unescaped and run together, so that a label wrapped onto lines reads whole.
func svgText(dom string) string {
	var b strings.Builder
	d := xml.NewDecoder(strings.NewReader(dom))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	inText := 0
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == "text" || tok.Name.Local == "tspan" {
				inText++
			}
		case xml.EndElement:
			if (tok.Name.Local == "text" || tok.Name.Local == "tspan") && inText > 0 {
				inText--
			}
		case xml.CharData:
			if inText > 0 {
				b.Write(tok)
			}
		}
	}
	return b.String()
}

// checkSVG checks an SVG image with charts.CheckSVG (well-formed, drawing elements only) and
// that its text holds the short hostile names, as text.
func checkSVG(t *testing.T, path string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := charts.CheckSVG(raw); err != nil {
		t.Errorf("%s: %v", path, err)
	}
	text := svgText(string(raw))
	for _, h := range []string{`{{.}}`, `__f__`, `"'><img src=x onerror=alert(1)>`} {
		if !strings.Contains(noSpace(text), noSpace(h)) {
			t.Errorf("%s: %q is not in the image's text:\n%s", path, h, text)
		}
	}
}

// noSpace removes the spaces of s: a label wrapped onto lines loses the spaces it broke at.
func noSpace(s string) string { return strings.ReplaceAll(s, " ", "") }

// checkPNG decodes a chart PNG: the default image size, and not blank.
func checkPNG(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if w, h := img.Bounds().Dx(), img.Bounds().Dy(); w != charts.DefaultImageSize.W || h != charts.DefaultImageSize.H {
		t.Errorf("%s is %dx%d pixels, want %s", path, w, h, charts.DefaultImageSize)
	}
	seen := map[uint32]bool{}
	bnd := img.Bounds()
	for y := bnd.Min.Y; y < bnd.Max.Y; y += 3 {
		for x := bnd.Min.X; x < bnd.Max.X; x += 3 {
			r, g, b, _ := img.At(x, y).RGBA()
			seen[(r>>8)<<16|(g>>8)<<8|b>>8] = true
		}
	}
	if len(seen) < 50 {
		t.Errorf("%s has %d colours: nothing was drawn", path, len(seen))
	}
}

// TestImagesWithoutChromium asks for images with no Chromium to be found: every other output
// is written, the error says what to install, and the exit status is 1.
func TestImagesWithoutChromium(t *testing.T) {
	out := t.TempDir()
	r := runWithEnv(t, map[string]string{charts.ChromiumEnv: filepath.Join(out, "no-such-chromium")},
		"generate", "-o", out, "--images", "png")
	if r.status != 1 {
		t.Errorf("exit %d, want 1", r.status)
	}
	if !strings.Contains(r.stderr, "chart images not written (everything else was)") || !strings.Contains(r.stderr, "apt-get install chromium") {
		t.Errorf("stderr does not say the images are missing and what to install:\n%s", r.stderr)
	}
	for _, name := range []string{workbookName, chartsName, "charts/records.html", "charts/bubbles.html"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("%s not written: %v", name, err)
		}
	}
	if m, _ := filepath.Glob(filepath.Join(out, chartDir, "*.png")); len(m) > 0 {
		t.Errorf("PNGs written without Chromium: %v", m)
	}
}

func TestImagesFlag(t *testing.T) {
	tests := []struct {
		in   string
		want string
		err  bool
	}{
		{"", "", false},
		{"png", "png", false},
		{"svg,png", "png svg", false},
		{" SVG , svg ", "svg", false},
		{"pdf", "", true},
		{"png,jpeg", "", true},
	}
	for _, tt := range tests {
		got, err := parseImageFormats(tt.in)
		if (err != nil) != tt.err || strings.Join(got, " ") != tt.want {
			t.Errorf("parseImageFormats(%q) = %v, %v; want %q, error %v", tt.in, got, err, tt.want, tt.err)
		}
	}
	r := runCmd(t, "", "generate", "-o", t.TempDir(), "--images", "gif")
	if r.status != 2 || !strings.Contains(r.stderr, `--images: format "gif" not supported`) {
		t.Errorf("--images gif: exit %d, stderr %q", r.status, r.stderr)
	}
	r = runCmd(t, "", "generate", "-o", t.TempDir(), "--image-size", "16x9")
	if r.status != 2 || !strings.Contains(r.stderr, `--image-size: image size "16x9" out of range`) {
		t.Errorf("--image-size 16x9: exit %d, stderr %q", r.status, r.stderr)
	}
	r = runCmd(t, "", "generate", "-o", t.TempDir(), "--log-scale", "sometimes")
	if r.status != 2 || !strings.Contains(r.stderr, `--log-scale: log scale "sometimes" not supported`) {
		t.Errorf("--log-scale sometimes: exit %d, stderr %q", r.status, r.stderr)
	}
}

// TestGenerateDeterministic runs generate twice on the same input and clock: the dashboard
// and every chart page are byte-identical.
func TestGenerateDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if r := runCmd(t, "", "generate", "-o", dir, "--lang", "ja"); r.status != 0 {
			t.Fatalf("exit %d: %s", r.status, r.stderr)
		}
	}
	for _, name := range []string{chartsName, "charts/records.html", "charts/timeline.html", "charts/lags.html", "charts/bubbles.html"} {
		x, err1 := os.ReadFile(filepath.Join(a, name))
		y, err2 := os.ReadFile(filepath.Join(b, name))
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v %v", name, err1, err2)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs on the same input", name)
		}
	}
}
