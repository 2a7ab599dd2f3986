package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html"

	"breachreport/analysis"
	"breachreport/charts"
	"breachreport/i18n"
	"breachreport/input"
	"breachreport/reports"
	"breachreport/third_party/echarts"
)

// maxFuzzInput bounds the inputs FuzzGenerate tries: a few dozen rows reach every path of
// reading and rendering, and larger inputs only slow the search.
const maxFuzzInput = 4 << 10

// FuzzGenerate reads in-memory input as generate does and renders its workbook and
// dashboard in memory (the chart pages are the dashboard's charts one at a time, and files
// cost a sync each, so neither is written), then runs validate on the same input. Nothing
// may panic. validate exits 0 or 1, --format csv as --format json does and with the same
// issues. When the input can be read: rows read = used + rejected, as validate says, and
// exit 1 exactly when rows were rejected; the workbook opens, holds no formula and links
// only to http(s) URLs; the dashboard parses to the template's own elements, scripts and
// attributes, every chart's payload is JSON, and no attribute runs script.
func FuzzGenerate(f *testing.F) {
	for _, p := range []string{"testdata/bad-rows.csv", "testdata/seed-typo.csv", "input/sample.csv"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(badHeader + goodRows + row("ex-4", "\"Example Co. 0004", "-4", "2019-02-10", "2019-02-01", "", "", "2102-06-01")))
	f.Add([]byte("企業名,件数,公表日\r株式会社あ,4万,令和元年6月4日\r"))
	f.Add([]byte(injectionCSV()))
	f.Add([]byte("incident_id,organization,records,disclosed,cause\nx,\"</script><script>alert(1)</script>\",1,2019-06-01,<img src=x onerror=alert(1)>\n"))
	tags := templateTags(f)
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) > maxFuzzInput {
			return
		}
		val := runRecover(t, in, "validate", "-i", "-", "--format", "json")
		if val.status != 0 && val.status != 1 {
			t.Fatalf("validate exit %d\n%s", val.status, val.stderr)
		}
		tab := runRecover(t, in, "validate", "-i", "-", "--format", "csv")
		if tab.status != val.status {
			t.Fatalf("validate --format csv exit %d, --format json exit %d\n%s", tab.status, val.status, tab.stderr)
		}
		checkCSVMatchesJSON(t, tab.stdout, val.stdout)

		ctx := context.Background()
		rep, _, _, err := load(ctx, "-", input.Options{}, env{stdin: bytes.NewReader(in), now: func() time.Time { return fixedNow }})
		if err != nil {
			// Unreadable: validate says so on its one line.
			if val.status != 1 || strings.Count(val.stderr, "\n") != 1 || !strings.HasPrefix(val.stderr, "breachreport: reading standard input: ") {
				t.Fatalf("generate cannot read the input (%v); validate exit %d, stderr %q", err, val.status, val.stderr)
			}
			return
		}
		if rep.RowsRead != rep.RowsUsed+rep.RowsRejected {
			t.Fatalf("rows read %d != used %d + rejected %d", rep.RowsRead, rep.RowsUsed, rep.RowsRejected)
		}
		if !strings.Contains(val.stdout, `"rows_read": `+strconv.Itoa(rep.RowsRead)+",") || !strings.Contains(val.stdout, `"rows_rejected": `+strconv.Itoa(rep.RowsRejected)+",") {
			t.Fatalf("validate disagrees with generate's %d/%d/%d:\n%s", rep.RowsRead, rep.RowsUsed, rep.RowsRejected, val.stdout)
		}
		if (rep.RowsRejected > 0) != (val.status == 1) {
			t.Fatalf("%d rows rejected but validate exit %d: %s", rep.RowsRejected, val.status, val.stderr)
		}
		if rep.Compare, err = analysis.SelectComparison(rep.Incidents, nil, maxCompare); err != nil {
			t.Fatal(err)
		}
		var wb bytes.Buffer
		if err := reports.Write(ctx, &wb, rep, reports.Options{Lang: i18n.Ja}); err != nil {
			t.Fatalf("workbook: %v", err)
		}
		if err := workbookInert(wb.Bytes()); err != nil {
			t.Fatal(err)
		}
		set, err := charts.Build(ctx, rep, charts.Options{Lang: i18n.Ja})
		if err != nil {
			t.Fatalf("charts: %v", err)
		}
		var page strings.Builder
		page.Grow(len(echarts.MinJS) + 1<<18)
		if err := set.WriteDashboard(&page); err != nil {
			t.Fatalf("dashboard: %v", err)
		}
		// The runtime is the vendored file, the same in every page: only the rest is parsed.
		if err := pageInert(strings.Replace(page.String(), echarts.MinJS, "", 1), tags, len(set.Charts())); err != nil {
			t.Fatal(err)
		}
	})
}

// workbookInert returns an error unless the workbook b opens, no sheet holds a formula
// (<f>) and its hyperlinks go to http(s) URLs or within the workbook.
func workbookInert(b []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return fmt.Errorf("workbook is no zip: %w", err)
	}
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return err
		}
		x, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", zf.Name, err)
		}
		if strings.HasPrefix(zf.Name, "xl/worksheets/_rels/") {
			for _, m := range targetRE.FindAllSubmatch(x, -1) {
				if !bytes.HasPrefix(m[1], []byte("http://")) && !bytes.HasPrefix(m[1], []byte("https://")) && !bytes.HasPrefix(m[1], []byte("../")) {
					return fmt.Errorf("%s links to %s", zf.Name, m[1])
				}
			}
		} else if m := formulaRE.Find(x); m != nil {
			return fmt.Errorf("%s holds a formula: %s", zf.Name, m)
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("excelize cannot open the workbook: %w", err)
	}
	return f.Close()
}

var (
	formulaRE = regexp.MustCompile(`<(\w+:)?f[ >/]`)
	targetRE  = regexp.MustCompile(`Target="([^"]*)"`)
	tagRE     = regexp.MustCompile(`<([a-z][a-z0-9]*)`)
)

// templateTags returns the names of the elements in the pages' template: the only elements
// a page may have.
func templateTags(tb testing.TB) map[string]bool {
	b, err := os.ReadFile("charts/page.html.tmpl")
	if err != nil {
		tb.Fatal(err)
	}
	tags := map[string]bool{}
	for _, m := range tagRE.FindAllStringSubmatch(string(b), -1) {
		tags[m[1]] = true
	}
	return tags
}

// pageInert parses page and returns an error if input could have made markup or script of
// it: an element that is not one of the template's (tags), a script but the runtime, the
// page's own and one JSON payload for each of the n charts, an event handler or a script
// URL.
func pageInert(page string, tags map[string]bool, n int) error {
	z := html.NewTokenizer(strings.NewReader(page))
	scripts, payloads := 0, 0
	inScript, jsonScript := false, false
	for {
		switch z.Next() {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				return fmt.Errorf("page does not parse: %w", z.Err())
			}
			if scripts != 2+n || payloads != n {
				return fmt.Errorf("page has %d scripts, %d of them payloads; want the 2 of its own and %d payloads", scripts, payloads, n)
			}
			return nil
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if !tags[tok.Data] {
				return fmt.Errorf("page has a <%s> element, not in its template", tok.Data)
			}
			typ := ""
			for _, a := range tok.Attr {
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(a.Key, "on") || strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") {
					return fmt.Errorf("page has <%s %s=%q>", tok.Data, a.Key, a.Val)
				}
				if a.Key == "type" {
					typ = a.Val
				}
			}
			if tok.Data == "script" {
				scripts++
				inScript, jsonScript = true, typ == "application/json"
				if jsonScript {
					payloads++
				}
			}
		case html.TextToken:
			if inScript && jsonScript && !json.Valid(z.Text()) {
				return fmt.Errorf("a chart's payload is not JSON: %.200s", z.Text())
			}
		case html.EndTagToken:
			inScript = false
		}
	}
}

// TestInertChecks checks that FuzzGenerate's checks of the outputs fail on what they look
// for: a page with markup or script from input, a workbook with a formula or a link.
func TestInertChecks(t *testing.T) {
	tags := templateTags(t)
	const own = `<script type="application/json" id="chart-a-data">{"a":1}</script><script>rt</script><script>page</script>`
	pages := []struct {
		name, page string
		ok         bool
	}{
		{"own", `<html><body><div id="chart-a"></div>` + own + `</body></html>`, true},
		{"element", `<html><body><img src=x>` + own + `</body></html>`, false},
		{"handler", `<html><body><div onclick="x()"></div>` + own + `</body></html>`, false},
		{"script URL", `<html><body><a href=" JavaScript:x()">a</a>` + own + `</body></html>`, false},
		{"extra script", `<html><body><script>alert(1)</script>` + own + `</body></html>`, false},
		{"payload not JSON", `<html><body><script type="application/json">{</script><script>rt</script><script>page</script></body></html>`, false},
	}
	for _, tt := range pages {
		if err := pageInert(tt.page, tags, 1); (err == nil) != tt.ok {
			t.Errorf("page %s: %v, want ok %v", tt.name, err, tt.ok)
		}
	}

	book := func(cell string) []byte {
		f := excelize.NewFile()
		defer f.Close()
		switch {
		case strings.HasPrefix(cell, "="):
			f.SetCellFormula("Sheet1", "A1", cell[1:])
		case strings.Contains(cell, ":"):
			f.SetCellValue("Sheet1", "A1", "link")
			f.SetCellHyperLink("Sheet1", "A1", cell, "External")
		default:
			f.SetCellValue("Sheet1", "A1", cell)
		}
		b, err := f.WriteToBuffer()
		if err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	books := []struct {
		name, cell string
		ok         bool
	}{
		{"text", "1+2", true},
		{"formula", "=1+2", false},
		{"https link", "https://example.com/", true},
		{"file link", "file:///etc/passwd", false},
	}
	for _, tt := range books {
		if err := workbookInert(book(tt.cell)); (err == nil) != tt.ok {
			t.Errorf("workbook %s: %v, want ok %v", tt.name, err, tt.ok)
		}
	}
	if workbookInert([]byte("PK not a zip")) == nil {
		t.Error("a broken workbook passes")
	}
}
