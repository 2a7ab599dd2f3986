package charts

import (
	"breachreport/data"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"image"
	"image/png"
	"io"
	"math"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// ChromiumEnv is the environment variable that names the Chromium binary to use, for a
// Chromium that is not on PATH.
const ChromiumEnv = "BREACHREPORT_CHROMIUM"

// ErrNoChromium is returned by FindChromium when no Chromium is installed.
var ErrNoChromium = data.Errorf("no Chromium found: install Debian's chromium (apt-get install chromium fonts-noto-cjk) or set %s to its path", ChromiumEnv)

// chromiumNames are the binaries FindChromium looks for on PATH, Debian's first.
var chromiumNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// FindChromium returns the path of the Chromium to drive: the value of BREACHREPORT_CHROMIUM
// when set (it must exist), otherwise the first of chromium, chromium-browser, google-chrome
// and google-chrome-stable found on PATH. getenv is usually os.Getenv. With none found it
// returns an error wrapping ErrNoChromium.
func FindChromium(getenv func(string) string) (string, error) {
	if p := getenv(ChromiumEnv); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", data.Errorf("%s=%s: %w (%v)", ChromiumEnv, p, ErrNoChromium, err)
		}
		return p, nil
	}
	for _, n := range chromiumNames {
		if p, err := exec.LookPath(n); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChromium
}

// ImageSize is the size, in pixels, of a chart's PNG image; the SVG image has the same
// size. The zero value means DefaultImageSize.
type ImageSize struct {
	W, H int
}

// DefaultImageSize is 1600×900, 16:9, the shape of a slide.
var DefaultImageSize = ImageSize{1600, 900}

// Image sizes outside these bounds are refused: smaller is unreadable, larger is more
// than a screenshot can hold.
const (
	minImageSide = 320
	maxImageSide = 8000
)

// ParseImageSize reads a size such as 1600x900 (x, X or ×; "" is DefaultImageSize).
func ParseImageSize(s string) (ImageSize, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return DefaultImageSize, nil
	}
	w, h, ok := strings.Cut(strings.NewReplacer("X", "x", "×", "x").Replace(s), "x")
	var sz ImageSize
	if ok {
		_, err1 := fmt.Sscanf(w, "%d", &sz.W)
		_, err2 := fmt.Sscanf(h, "%d", &sz.H)
		ok = err1 == nil && err2 == nil && strconv.Itoa(sz.W) == strings.TrimSpace(w) && strconv.Itoa(sz.H) == strings.TrimSpace(h)
	}
	if !ok {
		return ImageSize{}, fmt.Errorf("image size %q is not WIDTHxHEIGHT in pixels, such as 1600x900", s)
	}
	if sz.W < minImageSide || sz.H < minImageSide/2 || sz.W > maxImageSide || sz.H > maxImageSide {
		return ImageSize{}, fmt.Errorf("image size %q out of range: each side from %d to %d pixels (the height at least %d)", s, minImageSide, maxImageSide, minImageSide/2)
	}
	return sz, nil
}

// String formats the size as 1600x900.
func (z ImageSize) String() string { return fmt.Sprintf("%dx%d", z.W, z.H) }

// layout returns the CSS size at which a chart is drawn for an image of size z and the
// device pixel ratio that makes it z in pixels: 1,000 CSS pixels wide, so that the text keeps
// its size against the chart whatever the image's size (1600×900 is 1000×563 at 1.6), and
// never a ratio below 1, which would blur the text.
func (z ImageSize) layout() (cssW, cssH int, scale float64) {
	scale = max(1, float64(z.W)/imageCSSWidth)
	cssW = int(math.Ceil(float64(z.W) / scale))
	cssH = int(math.Ceil(float64(z.H) / scale))
	return cssW, cssH, scale
}

// imageCSSWidth is the width, in CSS pixels, at which images of 1,000 pixels and wider are
// drawn.
const imageCSSWidth = 1000

// pageTimeout bounds loading one page and taking its images.
const pageTimeout = 60 * time.Second

// Browser is one headless Chromium, started once and used for every page: it makes the
// images of every chart, and the tests load pages in it. It has no network: every host
// name fails to resolve and every request goes to a proxy that does not exist, so a page
// renders only with what it carries.
type Browser struct {
	ctx    context.Context // the tab's context
	cancel func()

	mu     sync.Mutex
	events []string // console messages, exceptions, network requests, dialogs
}

// StartBrowser starts the Chromium at bin. Close stops it.
func StartBrowser(ctx context.Context, bin string) (*Browser, error) {
	dir, err := os.MkdirTemp("", "breachreport-chromium-")
	if err != nil {
		return nil, err
	}
	flags := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin),
		chromedp.UserDataDir(dir),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
		chromedp.Flag("proxy-server", "http://127.0.0.1:9"),
		chromedp.Flag("allow-file-access-from-files", false),
	)
	actx, acancel := chromedp.NewExecAllocator(context.WithoutCancel(ctx), flags...)
	tctx, tcancel := chromedp.NewContext(actx)
	b := &Browser{ctx: tctx}
	b.cancel = func() {
		tcancel()
		acancel()
		os.RemoveAll(dir)
	}
	if err := chromedp.Listen(tctx, b.listen); err != nil {
		b.cancel()
		return nil, data.Errorf("starting %s: %w", bin, err)
	}
	return b, nil
}

// listen records what a page does that a chart page must not: writing to the console,
// throwing, fetching anything but itself, opening a dialog.
func (b *Browser) listen(ev any) {
	var msg string
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		var parts []string
		for _, a := range ev.Args {
			if a.Value != nil {
				var s string
				if json.Unmarshal(a.Value, &s) == nil {
					parts = append(parts, s)
					continue
				}
				parts = append(parts, string(a.Value))
			} else {
				parts = append(parts, a.Description)
			}
		}
		msg = fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(parts, " "))
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg = "exception: " + d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
	case *log.EventEntryAdded:
		msg = fmt.Sprintf("log %s %s: %s", ev.Entry.Level, ev.Entry.Source, ev.Entry.Text)
	case *network.EventRequestWillBeSent:
		u := ev.Request.URL
		if strings.HasPrefix(u, "file:") || strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "blob:") || u == "about:blank" {
			return
		}
		msg = "request: " + u
	case *cdppage.EventJavascriptDialogOpening:
		msg = fmt.Sprintf("dialog %s: %s", ev.Type, ev.Message)
		// The page waits for the dialog; close it from another goroutine.
		go chromedp.Call(b.ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: false})
	default:
		return
	}
	b.mu.Lock()
	b.events = append(b.events, msg)
	b.mu.Unlock()
}

// Close stops the browser and removes its profile.
func (b *Browser) Close() error {
	b.cancel()
	return nil
}

// Loaded is what loading a page showed.
type Loaded struct {
	// DOM is the document as serialized after the page's scripts ran.
	DOM string
	// Title is document.title.
	Title string
	// Charts is how many charts the page says it drew (its data-charts attribute).
	Charts int
	// Failed lists the ids of the charts that could not be drawn.
	Failed []string
	// Text is the text of the body as a reader sees it (innerText).
	Text string
	// Scripts counts the script elements.
	Scripts int
	// Suspect lists the elements a chart page never has: elements that load or embed
	// something (img, iframe, object, embed, link, base, form, audio, video, source,
	// frame), event-handler attributes (on…), srcdoc, and links to anything but a
	// fragment, an inline image or, from an a element, an http(s) page (the sources of a
	// period's incidents). A chart page is clean when it is empty.
	Suspect []string
	// Events are what a chart page must never do: console messages, uncaught exceptions,
	// browser log entries (such as Content-Security-Policy violations), requests for
	// anything but the page itself, dialogs.
	Events []string
}

// Load opens the HTML file at path at the given width (CSS pixels) and device pixel ratio
// and returns what it showed.
func (b *Browser) Load(ctx context.Context, path string, width int, scale float64) (Loaded, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return Loaded{}, err
	}
	b.mu.Lock()
	b.events = nil
	b.mu.Unlock()
	ctx, cancel := context.WithTimeout(ctx, pageTimeout)
	defer cancel()
	stop := context.AfterFunc(ctx, func() { chromedp.Cancel(b.ctx) })
	defer stop()
	u := url.URL{Scheme: "file", Path: abs}
	if err := chromedp.Do(b.ctx,
		chromedp.EmulateViewport(int64(width), 900, chromedp.EmulateScale(scale)),
		chromedp.Navigate(u.String()),
	); err != nil {
		return Loaded{}, data.Errorf("loading %s: %w", path, err)
	}
	type state struct {
		Charts  string   `json:"charts"`
		Title   string   `json:"title"`
		Failed  []string `json:"failed"`
		DOM     string   `json:"dom"`
		Text    string   `json:"text"`
		Scripts int      `json:"scripts"`
		Suspect []string `json:"suspect"`
	}
	st, err := chromedp.Run(b.ctx, chromedp.Evaluate[state](`({
		charts: document.documentElement.getAttribute('data-charts') || '',
		title: document.title,
		failed: Array.prototype.map.call(document.querySelectorAll('.chart.failed'), function (e) { return e.id; }),
		dom: document.documentElement.outerHTML,
		text: document.body.innerText,
		scripts: document.scripts.length,
		suspect: (function () {
			var bad = ['img', 'iframe', 'object', 'embed', 'link', 'base', 'form', 'audio', 'video', 'source', 'frame'];
			var out = [];
			Array.prototype.forEach.call(document.querySelectorAll('*'), function (e) {
				var n = e.tagName.toLowerCase();
				if (bad.indexOf(n) >= 0) {
					out.push(e.outerHTML.slice(0, 200));
				}
				Array.prototype.forEach.call(e.attributes, function (a) {
					var k = a.name.toLowerCase();
					var link = k === 'href' || k === 'src' || k === 'xlink:href' || k === 'action';
					// A period's list of incidents links each source, an http(s) URL.
					var source = n === 'a' && k === 'href' && /^https?:\/\//.test(a.value);
					if (k.indexOf('on') === 0 || k === 'srcdoc' || (link && !source && !/^(#|data:image\/)/.test(a.value))) {
						out.push('<' + n + ' ' + k + '="' + a.value.slice(0, 100) + '">');
					}
				});
			});
			return out;
		})()
	})`))
	if err != nil {
		return Loaded{}, data.Errorf("reading %s: %w", path, err)
	}
	l := Loaded{DOM: st.DOM, Title: st.Title, Failed: st.Failed, Text: st.Text, Scripts: st.Scripts, Suspect: st.Suspect}
	if _, err := fmt.Sscan(st.Charts, &l.Charts); err != nil {
		l.Events = append(l.Events, "page script did not run: no data-charts attribute")
	}
	b.mu.Lock()
	l.Events = append(l.Events, b.events...)
	b.mu.Unlock()
	return l, nil
}

// Images are one chart as pictures.
type Images struct {
	// PNG is a screenshot of the chart, exactly the ImageSize asked for.
	PNG []byte
	// SVG is the chart as drawn by the ECharts SVG renderer (renderToSVGString), with the
	// same width and height as the PNG.
	SVG []byte
}

// ChartImages loads the standalone chart page at path (written by Set.WriteChart) and
// returns the images of its chart id at size z (the zero value is DefaultImageSize): the
// chart alone fills the image, its notes and tables left out. A page that fails to draw the
// chart, logs to the console or reaches for the network is an error.
func (b *Browser) ChartImages(ctx context.Context, path, id string, z ImageSize) (Images, error) {
	if z == (ImageSize{}) {
		z = DefaultImageSize
	}
	cssW, cssH, scale := z.layout()
	l, err := b.Load(ctx, path, cssW, scale)
	if err != nil {
		return Images{}, err
	}
	if len(l.Failed) > 0 || l.Charts != 1 || len(l.Events) > 0 || len(l.Suspect) > 0 {
		return Images{}, data.Errorf("%s did not draw chart %s cleanly: %d drawn, failed %v, %s %s",
			path, id, l.Charts, l.Failed, strings.Join(l.Events, "; "), strings.Join(l.Suspect, " "))
	}
	ctx, cancel := context.WithTimeout(ctx, pageTimeout)
	defer cancel()
	stop := context.AfterFunc(ctx, func() { chromedp.Cancel(b.ctx) })
	defer stop()
	// The chart is laid over the page at the viewport's size and drawn again at that size;
	// the viewport is then the image.
	if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(int64(cssW), int64(cssH), chromedp.EmulateScale(scale))); err != nil {
		return Images{}, fmt.Errorf("sizing %s: %w", id, err)
	}
	_, err = chromedp.Run(b.ctx, chromedp.Evaluate[bool](`(function () {
			var el = document.getElementById(`+jsString(id)+`);
			el.style.cssText = 'position:fixed;left:0;top:0;width:`+strconv.Itoa(cssW)+`px;height:`+strconv.Itoa(cssH)+`px;z-index:10;background:#fff';
			echarts.getInstanceByDom(el).resize();
			return true;
		})()`))
	if err != nil {
		return Images{}, fmt.Errorf("sizing %s: %w", id, err)
	}
	shot, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		return Images{}, fmt.Errorf("screenshot of %s: %w", id, err)
	}
	png, err := cropPNG(shot, z)
	if err != nil {
		return Images{}, data.Errorf("screenshot of %s: %w", id, err)
	}
	svg, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](
		`echarts.getInstanceByDom(document.getElementById(`+jsString(id)+`)).renderToSVGString()`))
	if err != nil {
		return Images{}, data.Errorf("SVG of %s: %w", id, err)
	}
	out := []byte(svgHeader + sizeSVG(svg, z) + "\n")
	if err := CheckSVG(out); err != nil {
		return Images{}, data.Errorf("SVG of %s: %w", id, err)
	}
	return Images{PNG: png, SVG: out}, nil
}

// cropPNG cuts a screenshot to exactly z: the viewport's CSS size, rounded up, times the
// pixel ratio may be a pixel larger.
func cropPNG(shot []byte, z ImageSize) ([]byte, error) {
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		return nil, err
	}
	bd := img.Bounds()
	if bd.Dx() < z.W || bd.Dy() < z.H {
		return nil, fmt.Errorf("%dx%d pixels, smaller than %s", bd.Dx(), bd.Dy(), z)
	}
	if bd.Dx() == z.W && bd.Dy() == z.H {
		return shot, nil
	}
	sub, ok := img.(interface {
		SubImage(image.Rectangle) image.Image
	})
	if !ok {
		return nil, fmt.Errorf("cannot crop a %T", img)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, sub.SubImage(image.Rect(bd.Min.X, bd.Min.Y, bd.Min.X+z.W, bd.Min.Y+z.H))); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// svgSize matches the width and height of the root svg element ECharts writes.
var svgSize = regexp.MustCompile(`^(<svg[^>]*?) width="[0-9.]+" height="[0-9.]+"`)

// sizeSVG gives the SVG image the PNG's size in pixels; its viewBox keeps the drawing's own
// coordinates, so it scales.
func sizeSVG(svg string, z ImageSize) string {
	return svgSize.ReplaceAllString(svg, `${1} width="`+strconv.Itoa(z.W)+`" height="`+strconv.Itoa(z.H)+`"`)
}

// CheckSVG parses an SVG image and returns an error unless it is well-formed XML with an
// <svg> root and only drawing elements: no script, foreignObject, iframe, img or a, no
// event-handler attribute, and no link to anything but a fragment or inline image data.
// An SVG opened on its own in a browser runs its scripts, so ChartImages writes none that
// fails.
func CheckSVG(svg []byte) error {
	d := xml.NewDecoder(bytes.NewReader(svg))
	root := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("not well-formed XML: %w", err)
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root == "" {
			root = el.Name.Local
		}
		switch strings.ToLower(el.Name.Local) {
		case "script", "foreignobject", "iframe", "img", "a", "object", "embed":
			return fmt.Errorf("has a <%s> element", el.Name.Local)
		}
		for _, a := range el.Attr {
			k := strings.ToLower(a.Name.Local)
			link := k == "href" || k == "src"
			if strings.HasPrefix(k, "on") || (link && !strings.HasPrefix(a.Value, "#") && !strings.HasPrefix(a.Value, "data:image/")) {
				return fmt.Errorf("<%s> has attribute %s=%q", el.Name.Local, a.Name.Local, a.Value)
			}
		}
	}
	if root != "svg" {
		return fmt.Errorf("root element is %q, not svg", root)
	}
	return nil
}

// svgHeader makes the SVG a standalone XML document.
const svgHeader = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
