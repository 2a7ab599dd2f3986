package charts

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"breachreport/analysis"
	"breachreport/i18n"
	"breachreport/internal/clienttest"
	"breachreport/third_party/echarts"
)

// screenshotsEnv names a directory to keep the Chromium screenshots in, for looking at them.
const screenshotsEnv = "BREACHREPORT_CHART_SCREENSHOTS"

var chartIDs = []string{"chart-by-cause", "chart-by-industry", "chart-by-type", "chart-by-size", "chart-by-cause-category", "chart-records", "chart-timeline", "chart-lags", "chart-bubbles"}

// chromium runs Chromium headless with no network on the page file in dir, with extra
// flags, and returns its standard output and its log.
func chromium(t *testing.T, bin, dir, file string, extra ...string) (stdout, log string) {
	t.Helper()
	args := append(clienttest.ChromiumArgs(dir), "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000")
	args = append(args, extra...)
	args = append(args, "file://"+filepath.Join(dir, file))
	ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			// A page that runs alert() from injected markup blocks headless Chromium.
			t.Fatalf("chromium timed out: the page never finished (did injected code open a dialog?)")
		}
		t.Fatalf("chromium: %v\n%s", err, errb.String())
	}
	return out.String(), errb.String()
}

// consoleRE finds what the page logged to the console: script errors, CSP violations.
var consoleRE = regexp.MustCompile(`(?m)^.*:CONSOLE.*$`)

// markupOnly removes the text of the page's own scripts from a DOM dump: the runtime holds
// markup in strings, which is code, not part of the document.
func markupOnly(dom string) string {
	return strings.Replace(strings.Replace(dom, echarts.MinJS, "", 1), pageJS, "", 1)
}

func TestChromiumRenders(t *testing.T) {
	bin := clienttest.Chromium(t)
	tests := []struct {
		name  string
		rep   analysis.Report
		lang  i18n.Lang
		texts []string // must appear as text in the rendered DOM
	}{
		{"sample-en", sampleReport(t), i18n.En, []string{"41,355", "40,233", "Records exposed, by record type and certainty"}},
		{"sample-ja", sampleReport(t), i18n.Ja, []string{"41,355件", "40,233件", "漏えい件数（情報種別 × 確度）", "発覚→公表"}},
		{"hostile-en", hostileReport(t), i18n.En, []string{
			`&lt;/script&gt;&lt;script&gt;document.title='x'&lt;/script&gt;`,
			`"'&gt;&lt;img src=x onerror=alert(1)&gt;`, `__f__function(){document.title='f'}`, `{{.}}`}},
		{"hostile-ja", hostileReport(t), i18n.Ja, []string{
			`&lt;/script&gt;&lt;script&gt;document.title='x'&lt;/script&gt;`, `"'&gt;&lt;img src=x onerror=alert(1)&gt;`}},
		// Nothing to plot in most charts, no bubble at all: still drawn, without errors.
		{"nothing-known", nothingKnown(t), i18n.En, []string{"Disclosure dates unknown", "1 incident(s) not plotted"}},
		{"log-scale-ja", twoSizes(t), i18n.Ja, []string{"対数目盛", "1,000,000件", ">100万</text>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "charts.html"), []byte(render(t, tt.rep, tt.lang)), 0o644); err != nil {
				t.Fatal(err)
			}
			dom, log := chromium(t, bin, dir, "charts.html", "--dump-dom")
			if m := consoleRE.FindAllString(log, -1); len(m) > 0 {
				t.Errorf("the page logged to the console (script error or CSP violation):\n%s", strings.Join(m, "\n"))
			}
			dom = markupOnly(dom)
			if want := "<title>" + labels.PageTitle.In(tt.lang) + "</title>"; !strings.Contains(dom, want) {
				t.Errorf("document title changed: want %s in %.300s", want, dom)
			}
			checkCharts(t, dom)
			checkNoInjectedMarkup(t, dom)
			for _, s := range tt.texts {
				if !strings.Contains(dom, s) {
					t.Errorf("rendered page lacks the text %q", s)
				}
			}
		})
	}
}

// checkCharts asserts that each chart container of the dashboard holds a drawn SVG: the
// charts of chartIDs the page has, the records, timeline and bubbles among them (the lags
// chart is left out when no incident has a day figure).
func checkCharts(t *testing.T, dom string) {
	t.Helper()
	var ids []string
	for _, id := range chartIDs {
		if strings.Contains(dom, `id="`+id+`-data"`) || id == "chart-records" || id == "chart-timeline" || id == "chart-bubbles" {
			ids = append(ids, id)
		}
	}
	checkChartIDs(t, dom, ids)
}

var tagRE2 = regexp.MustCompile(`(?i)<[a-z][^>]*>`)

// checkNoInjectedMarkup asserts that no element came from the data: no <img>, and no
// element with an event handler.
func checkNoInjectedMarkup(t *testing.T, dom string) {
	t.Helper()
	for _, tag := range tagRE2.FindAllString(dom, -1) {
		low := strings.ToLower(tag)
		if strings.HasPrefix(low, "<img") || strings.Contains(low, " onerror") || strings.Contains(low, " onload") {
			t.Errorf("injected element in the DOM: %s", tag)
		}
	}
}

// TestChromiumTooltips shows a tooltip on every chart, on the hostile incidents, and checks
// that the tooltip formatters in page.js put their names in as text. The test copy of the
// page drops the Content-Security-Policy so that it can run its own script, and so that the
// escaping alone is what is tested.
func TestChromiumTooltips(t *testing.T) {
	bin := clienttest.Chromium(t)
	page := render(t, hostileReport(t), i18n.En)
	cspMeta := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy"[^>]*>`)
	if !cspMeta.MatchString(page) {
		t.Fatal("no CSP meta element")
	}
	page = cspMeta.ReplaceAllString(page, "")
	ps := payloads(t, page)
	// The bubble shown is the first of the first cause series whose first bubble has a
	// name with markup in it.
	bs := slices.IndexFunc(ps["chart-bubbles"].Tips.Item, func(tt []tip) bool { return strings.Contains(tt[0].Title, "<") })
	if bs < 0 {
		t.Fatal("no bubble series starts with a hostile name")
	}
	// The records and lags charts show the axis tooltip of incident 1, through a series that
	// has a bar there; the timeline the item tooltip of the window that renderWindow drew for
	// the first data item of series 0, found by its pixel position.
	const show = `<script>
function chart(id) { return echarts.getInstanceByDom(document.getElementById(id)); }
["chart-records", "chart-lags"].forEach(function (id) {
  var c = chart(id);
  var s = c.getOption().series.findIndex(function (x) { return x.data[1].value !== "-"; });
  c.dispatchAction({type: "showTip", seriesIndex: s, dataIndex: 1});
});
var bu = chart("chart-bubbles");
bu.dispatchAction({type: "showTip", seriesIndex: BUBBLE_SERIES, dataIndex: 0});
var tl = chart("chart-timeline");
var w = tl.getOption().series[0].data[0].value;
var at = tl.convertToPixel({xAxisIndex: 0, yAxisIndex: 0}, [(w[1] + w[2]) / 2, w[0]]);
tl.dispatchAction({type: "showTip", x: at[0], y: at[1]});
</script>
</body>`
	// The runtime has "</body>" in a string; the document's own is the last.
	i := strings.LastIndex(page, "</body>")
	page = page[:i] + strings.Replace(show, "BUBBLE_SERIES", strconv.Itoa(bs), 1) + page[i+len("</body>"):]
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "tips.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	dom, log := chromium(t, bin, dir, "tips.html", "--dump-dom")
	if m := consoleRE.FindAllString(log, -1); len(m) > 0 {
		t.Errorf("the page logged to the console:\n%s", strings.Join(m, "\n"))
	}
	dom = markupOnly(dom)
	if want := "<title>" + labels.PageTitle.En + "</title>"; !strings.Contains(dom, want) {
		t.Errorf("document title changed: want %s", want)
	}
	checkCharts(t, dom)
	checkNoInjectedMarkup(t, dom)
	want := map[string]string{
		"chart-records":  ps["chart-records"].Tips.Axis[1].Title,
		"chart-lags":     ps["chart-lags"].Tips.Axis[1].Title,
		"chart-timeline": ps["chart-timeline"].Tips.Item[0][0].Title,
		"chart-bubbles":  ps["chart-bubbles"].Tips.Item[bs][0].Title,
	}
	headRE := regexp.MustCompile(`white-space:normal">([^<]*)</div>`)
	for _, id := range []string{"chart-records", "chart-timeline", "chart-lags", "chart-bubbles"} {
		inner := dom[strings.Index(dom, `id="`+id+`"`):strings.Index(dom, `id="`+id+`-data"`)]
		m := headRE.FindStringSubmatch(inner)
		if m == nil {
			t.Errorf("%s: no tooltip was shown", id)
			continue
		}
		// The heading is the hostile name as text: the DOM serializer writes <, > and &
		// of text as entities, so html.EscapeString without quotes is what it must be.
		if esc := textEscaper.Replace(want[id]); m[1] != esc {
			t.Errorf("%s: tooltip heading %q, want %q", id, m[1], esc)
		}
		if !strings.Contains(want[id], "<") {
			t.Errorf("%s: the tooltip shown is not of a hostile name: %q", id, want[id])
		}
	}
}

// textEscaper escapes text the way the DOM serializer writes text nodes.
var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\u00a0", "&nbsp;")

// TestChromiumScreenshot takes a screenshot of the sample page in each language and checks
// that it shows more than a blank page. With BREACHREPORT_CHART_SCREENSHOTS=dir the images
// are kept in dir, to look at.
func TestChromiumScreenshot(t *testing.T) {
	bin := clienttest.Chromium(t)
	keep := os.Getenv(screenshotsEnv)
	for _, lang := range []i18n.Lang{i18n.En, i18n.Ja} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "charts.html"), []byte(render(t, sampleReport(t), lang)), 0o644); err != nil {
				t.Fatal(err)
			}
			shot := filepath.Join(dir, "charts.png")
			if keep != "" {
				shot = filepath.Join(keep, "charts-"+string(lang)+".png")
			}
			chromium(t, bin, dir, "charts.html", "--screenshot="+shot, "--window-size=1400,1200", "--hide-scrollbars")
			f, err := os.Open(shot)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			img, err := png.Decode(f)
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() != 1400 || b.Dy() != 1200 {
				t.Errorf("screenshot is %v, want 1400×1200", b)
			}
			if n := colours(img); n < 200 {
				t.Errorf("screenshot has only %d colours; the charts were not drawn", n)
			}
		})
	}
}

// colours counts the distinct colours of img, up to 10,000.
func colours(img image.Image) int {
	seen := map[uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[(r>>8)<<16|(g>>8)<<8|bl>>8] = true
			if len(seen) >= 10000 {
				return len(seen)
			}
		}
	}
	return len(seen)
}
