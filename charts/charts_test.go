package charts

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
	"breachreport/input"
	"breachreport/internal/inputtest"
	"breachreport/third_party/echarts"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// generated is the fixed generation time of every test report.
var generated = time.Date(2026, 11, 21, 9, 30, 0, 0, time.UTC)

// sampleReport builds the report of the embedded sample the way main does.
func sampleReport(t testing.TB) analysis.Report {
	t.Helper()
	res, err := inputtest.Read(bytes.NewReader(input.Sample()), input.Options{Now: generated})
	if err != nil {
		t.Fatal(err)
	}
	incs, issues := data.Group(res.Scopes)
	return report(t, input.SampleName, incs, append(res.Issues, issues...))
}

func report(t testing.TB, input string, incs []data.Incident, issues []data.Issue) analysis.Report {
	t.Helper()
	figs, more := analysis.Analyze(incs)
	cmp, err := analysis.SelectComparison(analysis.NewIncidents(figs), nil, 6)
	if err != nil {
		t.Fatal(err)
	}
	return analysis.Report{
		Input:     input,
		Generated: generated,
		Incidents: analysis.NewIncidents(figs),
		Summary:   analysis.Summarize(figs),
		Compare:   cmp,
		Issues:    append(issues, more...),
	}
}

// hostileTexts are names that would run code or inject markup if written unescaped into a
// script, into HTML, into an ECharts formatter or into a template.
var hostileTexts = []string{
	`</script><script>document.title='x'</script>`,
	`"'><img src=x onerror=alert(1)>`,
	`__f__function(){document.title='f'}`,
	`{{.}}`,
	`__f__`,
}

// hostileReport has one incident per hostile text, used as organization, service, cause and
// record type, with one scope of known count and window and one of unknown window, whose
// count is unknown in the even incidents (which have no total, so no bubble).
func hostileReport(t testing.TB) analysis.Report {
	t.Helper()
	var scopes []data.Scope
	for i, h := range hostileTexts {
		base := data.Scope{
			Line: 2*i + 2, IncidentID: fmt.Sprintf("%s-%d", h, i), Organization: h, Service: "svc " + h,
			Cause: h, RecordType: data.RecordType(h), Certainty: data.Confirmed, Records: data.KnownCount(int64(100 * (i + 1))),
			ExposureStart: data.NewDate(2020, 1, 1+i), ExposureEnd: data.NewDate(2020, 3, 1),
			Detected: data.NewDate(2020, 3, 2), Contained: data.NewDate(2020, 3, 5), Disclosed: data.NewDate(2020, 4, 1),
			SourceURL: "https://example.com/" + h, Notes: h,
		}
		second := base
		second.Line++
		second.RecordType = data.Personal
		second.Certainty = data.Suspected
		if i%2 == 0 {
			second.Records = data.Count{}
		} else {
			second.Records = data.KnownCount(50)
		}
		second.ExposureStart, second.ExposureEnd = data.Date{}, data.Date{}
		scopes = append(scopes, base, second)
	}
	incs, issues := data.Group(scopes)
	return report(t, `</script><script>document.title='input'</script>.csv`, incs, issues)
}

// render returns the dashboard of rep in lang.
func render(t testing.TB, rep analysis.Report, lang i18n.Lang) string {
	t.Helper()
	return render2(t, rep, Options{Lang: lang})
}

var payloadRE = regexp.MustCompile(`<script type="application/json" id="([a-z-]+)-data">([^<]*)</script>`)

// shown is a chart payload as the page reads it back: the parts of the go-echarts option
// object the tests look at.
type shown struct {
	Kind   string `json:"kind"`
	Option struct {
		Title struct {
			Text string `json:"text"`
		} `json:"title"`
		TextStyle struct {
			FontFamily string `json:"fontFamily"`
		} `json:"textStyle"`
		YAxis []struct {
			Data []string `json:"data"`
		} `json:"yAxis"`
		Series []shownSeries `json:"series"`
	} `json:"option"`
	Tips tips `json:"tips"`
}

type shownSeries struct {
	Type string `json:"type"`
	Name string `json:"name"`
	Data []any  `json:"data"`
}

// payloads parses the chart payloads back out of a page, by chart id.
func payloads(t testing.TB, page string) map[string]shown {
	t.Helper()
	out := map[string]shown{}
	for id, js := range payloadJSON(page) {
		var p shown
		if err := json.Unmarshal([]byte(js), &p); err != nil {
			t.Fatalf("chart %s: %v", id, err)
		}
		out[id] = p
	}
	return out
}

// payloadJSON returns the JSON text of the chart payloads of a page, by chart id.
func payloadJSON(page string) map[string]string {
	out := map[string]string{}
	for _, m := range payloadRE.FindAllStringSubmatch(page, -1) {
		out[m[1]] = m[2]
	}
	return out
}

func findSeries(t testing.TB, p shown, name string) shownSeries {
	t.Helper()
	for _, s := range p.Option.Series {
		if s.Name == name {
			return s
		}
	}
	t.Fatalf("no series %q in %s chart", name, p.Kind)
	return shownSeries{}
}

// barValue returns the value of bar i of a series as parsed back from JSON, or "-".
// barLabel returns the label text of item i of s, "" when it has none shown.
func barLabel(t testing.TB, s shownSeries, i int) string {
	t.Helper()
	m, ok := s.Data[i].(map[string]any)
	if !ok {
		t.Fatalf("series %q item %d is %T, want an object", s.Name, i, s.Data[i])
	}
	l, _ := m["label"].(map[string]any)
	if l == nil || l["show"] != true {
		return ""
	}
	f, _ := l["formatter"].(string)
	return f
}

func barValue(t testing.TB, s shownSeries, i int) any {
	t.Helper()
	m, ok := s.Data[i].(map[string]any)
	if !ok {
		t.Fatalf("series %q item %d is %T, want an object", s.Name, i, s.Data[i])
	}
	return m["value"]
}

// values returns the values of a series' items: go-echarts writes each item as an object
// {"value": …}.
func values(t testing.TB, s shownSeries) []any {
	t.Helper()
	var out []any
	for i := range s.Data {
		out = append(out, barValue(t, s, i))
	}
	return out
}

func ms(y int, m time.Month, d int) float64 {
	return float64(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).UnixMilli())
}

func TestSampleFigures(t *testing.T) {
	page := render(t, sampleReport(t), i18n.En)
	ps := payloads(t, page)
	if len(ps) != len(chartIDs) {
		t.Fatalf("got %d chart payloads, want %d", len(ps), len(chartIDs))
	}
	const sanpo, omochabako = 0, 1
	tests := []struct {
		chart, series string
		incident      int
		want          any // float64, or "-" for a gap
	}{
		{"chart-records", "personal, suspected", sanpo, 41355.0},
		{"chart-records", "card, suspected", sanpo, 2606.0},
		{"chart-records", "card, confirmed", sanpo, "-"},
		{"chart-records", "personal, suspected", omochabako, "-"},
		{"chart-records", "card, confirmed", omochabako, 210.0},
		{"chart-records", "card, suspected", omochabako, 40233.0},
		{"chart-lags", "To detect (confirmed)", sanpo, "-"},
		{"chart-lags", "To detect (all)", sanpo, 115.0},
		{"chart-lags", "To contain", sanpo, 0.0},
		{"chart-lags", "Detection → disclosure", sanpo, 159.0},
		{"chart-lags", "To detect (confirmed)", omochabako, 39.0},
		{"chart-lags", "To detect (all)", omochabako, 1132.0},
		{"chart-lags", "To contain", omochabako, 0.0},
		{"chart-lags", "Detection → disclosure", omochabako, 148.0},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%s/%d", tt.chart, tt.series, tt.incident), func(t *testing.T) {
			s := findSeries(t, ps[tt.chart], tt.series)
			if got := barValue(t, s, tt.incident); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}

	tl := ps["chart-timeline"]
	windows := []struct {
		series string
		want   []float64 // incident, start, end, lane, lanes, suspected
	}{
		{"card, suspected", []float64{sanpo, ms(2018, 9, 3), ms(2018, 12, 27), 0, 1, 1}},
		{"card, confirmed", []float64{omochabako, ms(2019, 1, 31), ms(2019, 3, 8), 0, 2, 0}},
		{"card, suspected", []float64{omochabako, ms(2016, 2, 3), ms(2019, 3, 11), 1, 2, 1}},
	}
	for _, w := range windows {
		s := findSeries(t, tl, w.series)
		if s.Type != "custom" {
			t.Errorf("timeline series %q is %q, want custom", w.series, s.Type)
		}
		found := false
		for _, d := range values(t, s) {
			if fmt.Sprint(d) == fmt.Sprint(toAny(w.want)) {
				found = true
			}
		}
		if !found {
			t.Errorf("timeline series %q lacks window %v; has %v", w.series, w.want, s.Data)
		}
	}
	for _, s := range tl.Option.Series {
		if s.Name == "personal, suspected" {
			// Sanpo's personal scope has no window; it must not appear as a bar.
			t.Errorf("personal, suspected has timeline bars %v", s.Data)
		}
	}
	markers := []struct {
		series string
		want   [][]float64
	}{
		{"Detected", [][]float64{{ms(2018, 12, 27), sanpo}, {ms(2019, 3, 11), omochabako}}},
		{"Contained", [][]float64{{ms(2018, 12, 27), sanpo}, {ms(2019, 3, 11), omochabako}}},
		{"Disclosed", [][]float64{{ms(2019, 6, 4), sanpo}, {ms(2019, 8, 6), omochabako}}},
	}
	for _, m := range markers {
		s := findSeries(t, tl, m.series)
		var want []any
		for _, w := range m.want {
			want = append(want, toAny(w))
		}
		if got := values(t, s); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("marker %s: got %v, want %v", m.series, got, want)
		}
	}

	// The tooltips carry the formatted figures.
	for _, want := range []string{"41,355", "2,606", "210", "40,233", "43,961", "40,443",
		"September 3, 2018 to December 27, 2018 (115 days)", "January 31, 2019 to March 8, 2019 (36 days)", "February 3, 2016 to March 11, 2019 (1,132 days)",
		"159 days", "148 days", "0 days", "1,132 days", "39 days"} {
		if !strings.Contains(tipText(ps), want) {
			t.Errorf("no tooltip says %q", want)
		}
	}
	for _, want := range []string{
		"Disclosed June 4, 2019 to August 6, 2019", "Input: " + input.SampleName, "Generated November 21, 2026",
		"Totals add records of different kinds", "<th scope=\"row\">株式会社サンポークリエイト (Sanpo Create) / anemone (アネモネ) online shop</th>",
		"Not shown, unknown: 株式会社サンポークリエイト (Sanpo Create) / anemone (アネモネ) online shop — To detect (confirmed)",
		"No exposure window known: 株式会社サンポークリエイト (Sanpo Create) / anemone (アネモネ) online shop — personal, suspected",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func toAny(fs []float64) []any {
	out := make([]any, len(fs))
	for i, f := range fs {
		out[i] = f
	}
	return out
}

// tipText joins every tooltip string of the payloads.
func tipText(ps map[string]shown) string {
	var b strings.Builder
	for _, p := range ps {
		all := p.Tips.Axis
		for _, it := range p.Tips.Item {
			all = append(all, it...)
		}
		for _, tp := range all {
			b.WriteString(tp.Title + "\n")
			for _, r := range tp.Rows {
				b.WriteString(r.Label + ": " + r.Value + "\n")
			}
		}
	}
	return b.String()
}

func TestJapanese(t *testing.T) {
	page := render(t, sampleReport(t), i18n.Ja)
	ps := payloads(t, page)
	tips := tipText(ps)
	for _, want := range []string{"41,355件", "2,606件", "40,233件", "210件", "159日", "148日", "1,132日", "0日",
		"カード情報（可能性）", "個人情報（可能性）", "カード情報（確定）", "発覚→公表", "発覚まで（確定）"} {
		if !strings.Contains(tips, want) {
			t.Errorf("no Japanese tooltip says %q", want)
		}
	}
	for _, want := range []string{`<html lang="ja">`, "公表期間: 2019年6月4日〜2019年8月6日", "作成日: 2026年11月21日",
		"合計は種類の異なる件数"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	titles := map[string]string{"chart-records": labels.RecordsTitle.Ja, "chart-timeline": labels.TimelineTitle.Ja,
		"chart-lags": labels.LagsTitle.Ja, "chart-bubbles": labels.BubbleTitle.Ja}
	for id, want := range titles {
		p := ps[id]
		if p.Option.Title.Text != want {
			t.Errorf("%s title %q, want %q", id, p.Option.Title.Text, want)
		}
		if !strings.HasPrefix(p.Option.TextStyle.FontFamily, `'Hiragino Sans', 'Yu Gothic', Meiryo, 'Noto Sans CJK JP'`) {
			t.Errorf("%s font %q", id, p.Option.TextStyle.FontFamily)
		}
	}
	if s := findSeries(t, ps["chart-records"], "個人情報（可能性）"); fmt.Sprint(barValue(t, s, 0)) != "41355" {
		t.Errorf("個人情報（可能性） of Sanpo = %v", barValue(t, s, 0))
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		lang       i18n.Lang
		n          int64
		rec, days  string
		grouped    string
		daysSource int
	}{
		{i18n.En, 41355, "41,355 records", "41,355 days", "41,355", 41355},
		{i18n.Ja, 41355, "41,355件", "41,355日", "41,355", 41355},
		{i18n.En, 1, "1 record", "1 day", "1", 1},
		{i18n.Ja, 1, "1件", "1日", "1", 1},
		{i18n.En, 0, "0 records", "0 days", "0", 0},
		{i18n.En, 999, "999 records", "999 days", "999", 999},
		{i18n.En, 1000, "1,000 records", "1,000 days", "1,000", 1000},
		{i18n.En, 1234567, "1,234,567 records", "1,234,567 days", "1,234,567", 1234567},
		{i18n.En, -1234, "-1,234 records", "-1,234 days", "-1,234", -1234},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%d", tt.lang, tt.n), func(t *testing.T) {
			v := newView(tt.lang, nil)
			if got := i18n.Digits(tt.n); got != tt.grouped {
				t.Errorf("Digits = %q, want %q", got, tt.grouped)
			}
			if got := v.records(tt.n); got != tt.rec {
				t.Errorf("records = %q, want %q", got, tt.rec)
			}
			if got := v.days(tt.daysSource); got != tt.days {
				t.Errorf("days = %q, want %q", got, tt.days)
			}
		})
	}
}

func TestFormatCount(t *testing.T) {
	tests := []struct {
		lang        i18n.Lang
		c           data.Count
		want, short string
	}{
		{i18n.En, data.KnownCount(41355), "41,355 records", "41.4K records"},
		{i18n.Ja, data.KnownCount(41355), "41,355件", "4.14万件"},
		{i18n.Ja, data.KnownCount(1200000), "1,200,000件", "120万件"},
		{i18n.En, data.Count{N: 40000, Known: true, Approx: true}, "about 40,000 records", "about 40K records"},
		{i18n.Ja, data.Count{N: 1200000, Known: true, Approx: true}, "約1,200,000件", "約120万件"},
		{i18n.Ja, data.Count{N: 30000, Known: true, Bound: data.AtLeast, Written: "3万件以上"}, "30,000件以上", "3万件以上"},
		{i18n.Ja, data.Count{N: 5000, Known: true, Bound: data.AtMost}, "最大5,000件", "最大5,000件"},
		{i18n.En, data.Count{N: 35000, Known: true, Approx: true, Bound: data.AtMost}, "up to about 35,000 records", "up to about 35K records"},
		{i18n.En, data.Count{}, newView(i18n.En, nil).t(labels.Unknown), "count unknown"},
		{i18n.Ja, data.Count{}, newView(i18n.Ja, nil).t(labels.Unknown), "件数不明"},
	}
	for _, tt := range tests {
		v := newView(tt.lang, nil)
		if got := v.count(tt.c); got != tt.want {
			t.Errorf("%s count(%+v) = %q, want %q", tt.lang, tt.c, got, tt.want)
		}
		if got := v.countShort(tt.c); got != tt.short {
			t.Errorf("%s countShort(%+v) = %q, want %q", tt.lang, tt.c, got, tt.short)
		}
	}
}

// Outside the vendored runtime, every literal "<" of the page starts a real tag: text from
// the input reaches HTML as &lt; and JSON as \u003c. tagRE finds the tags, attrRE the
// attributes in them that would load a resource, and fetchRE the text that would anywhere.
var (
	tagRE   = regexp.MustCompile(`<[a-zA-Z][^>]*>`)
	attrRE  = regexp.MustCompile(`(?i)\b(src|href|action|formaction|poster|srcset|data|background|xlink:href)\s*=`)
	fetchRE = regexp.MustCompile(`(?i)(url\s*\(|@import|https?:|ftp:|//[a-z0-9.-]+\.[a-z]{2,}/|<link\b|<iframe\b|<object\b|<embed\b|<base\b)`)
)

func TestNoExternalURLs(t *testing.T) {
	reps := map[string]analysis.Report{"sample": sampleReport(t), "hostile": hostileReport(t)}
	for name, rep := range reps {
		for _, lang := range []i18n.Lang{i18n.En, i18n.Ja} {
			t.Run(name+"/"+string(lang), func(t *testing.T) {
				page := render(t, rep, lang)
				if n := strings.Count(page, echarts.MinJS); n != 1 {
					t.Fatalf("page carries the ECharts runtime %d times, want 1 (inline)", n)
				}
				// The runtime names XML namespaces and its licence; it is the unmodified
				// vendored file and fetches nothing. Nothing else may name a resource.
				rest := strings.Replace(page, echarts.MinJS, "", 1)
				for _, tag := range tagRE.FindAllString(rest, -1) {
					if attrRE.MatchString(tag) {
						t.Errorf("tag loads a resource: %s", tag)
					}
				}
				for _, m := range fetchRE.FindAllStringIndex(rest, -1) {
					t.Errorf("page references a resource: …%s…", rest[max(0, m[0]-60):min(len(rest), m[1]+60)])
				}
				if !strings.Contains(html.UnescapeString(page), `content="default-src 'none';`) {
					t.Error("page has no Content-Security-Policy forbidding network access")
				}
			})
		}
	}
}

func TestHostileNames(t *testing.T) {
	rep := hostileReport(t)
	for _, lang := range []i18n.Lang{i18n.En, i18n.Ja} {
		t.Run(string(lang), func(t *testing.T) {
			page := render(t, rep, lang)
			for _, bad := range []string{"</script><script>document.title", "<img src=x", "<script>document.title"} {
				if strings.Contains(page, bad) {
					i := strings.Index(page, bad)
					t.Errorf("page contains %q unescaped: …%s…", bad, page[max(0, i-80):min(len(page), i+80)])
				}
			}
			// Exactly our own <script> elements: the runtime, page.js and one payload a chart.
			if n := strings.Count(page, "<script"); n != 2+len(chartIDs) {
				t.Errorf("page has %d <script elements, want %d", n, 2+len(chartIDs))
			}
			if n := strings.Count(page, "</script>"); n != 2+len(chartIDs) {
				t.Errorf("page has %d </script> tags, want %d", n, 2+len(chartIDs))
			}
			// The payloads parse back to the exact hostile texts, as plain strings.
			ps := payloads(t, page)
			if len(ps) != len(chartIDs) {
				t.Fatalf("got %d payloads, want %d", len(ps), len(chartIDs))
			}
			cats := ps["chart-records"].Option.YAxis[0].Data
			for i, h := range hostileTexts {
				want := h + " / svc " + h
				if i >= len(cats) || cats[i] != want {
					t.Errorf("category %d = %q, want %q", i, cats, want)
				}
			}
			names := map[string]bool{}
			for _, s := range ps["chart-records"].Option.Series {
				names[s.Name] = true
			}
			for _, h := range hostileTexts {
				if !names[v(lang).t(i18n.Bucket(analysis.Bucket{Type: data.RecordType(h)}))] {
					t.Errorf("no records series for record type %q; have %v", h, names)
				}
			}
			// Unknown counts are gaps, and noted.
			s := findSeries(t, ps["chart-records"], v(lang).t(i18n.Bucket(analysis.Bucket{Type: data.Personal, Certainty: data.Suspected})))
			for i := range hostileTexts {
				if got := barValue(t, s, i); (got == "-") != (i%2 == 0) {
					t.Errorf("count of incident %d plotted as %v; unknown only for even incidents", i, got)
				}
			}
			// The incidents with a known total are bubbles, coloured by their hostile
			// causes, which name the series as plain strings.
			bubbles := map[string]int{}
			for _, s := range ps["chart-bubbles"].Option.Series {
				bubbles[s.Name] = len(s.Data)
			}
			for i, h := range hostileTexts {
				if want := i % 2; bubbles[h] != want {
					t.Errorf("cause %q has %d bubbles, want %d; series %v", h, bubbles[h], want, bubbles)
				}
			}
			if lang == i18n.En && !strings.Contains(page, "Not plotted, count unknown: ") {
				t.Error("page does not note the unknown counts")
			}
			// In HTML text the names appear escaped.
			if !strings.Contains(page, "&lt;/script&gt;&lt;script&gt;document.title=&#39;x&#39;&lt;/script&gt;") {
				t.Error("escaped hostile organization not found in the page text")
			}
		})
	}
}

func v(lang i18n.Lang) view { return newView(lang, nil) }

// nothingKnown is one incident with nothing known but its organization and a count of
// unknown size.
func nothingKnown(t testing.TB) analysis.Report {
	incs, _ := data.Group([]data.Scope{{Line: 2, IncidentID: "x", Organization: "Nothing known", RecordType: data.Card}})
	return report(t, "unknown.csv", incs, nil)
}

func TestUnknownFigures(t *testing.T) {
	page := render(t, nothingKnown(t), i18n.En)
	ps := payloads(t, page)
	// A case with no known count is a bar of nothing labelled "count unknown", not a gap.
	rs := findSeries(t, ps["chart-records"], "card, confirmed")
	if got := fmt.Sprint(barValue(t, rs, 0)); got != "0" {
		t.Errorf("unknown count plotted as %v, want a bar of 0", got)
	}
	if got := barLabel(t, rs, 0); got != "count unknown" {
		t.Errorf("unknown count labelled %q, want %q", got, "count unknown")
	}
	// No day figure is known: no lags chart, and one line names each figure with the
	// column it needs.
	if _, ok := ps["chart-lags"]; ok {
		t.Error("a lags chart with no figure known")
	}
	for _, want := range []string{"No exposure window known: Nothing known — card, confirmed",
		"Disclosure dates unknown",
		"Not computed, as no incident has the dates they need: To detect (confirmed), To detect (all) (needs exposure_start, detected); To contain (needs detected, contained); Detection → disclosure (needs detected, disclosed)."} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if !strings.Contains(tipText(ps), "Total of all scopes: unknown (a scope's count is unknown)") {
		t.Error("tooltip does not say the total is unknown")
	}
}

func TestDuplicateLabels(t *testing.T) {
	incs, _ := data.Group([]data.Scope{
		{Line: 2, IncidentID: "a", Organization: "Same", RecordType: data.Card, Records: data.KnownCount(1)},
		{Line: 3, IncidentID: "b", Organization: "Same", RecordType: data.Card, Records: data.KnownCount(2)},
	})
	ps := payloads(t, render(t, report(t, "dup.csv", incs, nil), i18n.En))
	got := ps["chart-records"].Option.YAxis[0].Data
	if want := []string{"Same [a]", "Same [b]"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("categories %q, want %q", got, want)
	}
}

func TestComparisonSelection(t *testing.T) {
	rep := sampleReport(t)
	rep.Compare = rep.Incidents.Slice()[1:]
	page := render(t, rep, i18n.En)
	if !strings.Contains(page, "Comparing 1 of 2 incidents.") {
		t.Error("page does not say it compares a selection")
	}
	ps := payloads(t, page)
	if got := ps["chart-lags"].Option.YAxis[0].Data; len(got) != 1 || !strings.Contains(got[0], "Omochabako") {
		t.Errorf("categories %q, want only Omochabako", got)
	}
}

func TestEmpty(t *testing.T) {
	page := render(t, analysis.Report{Input: "empty.csv", Generated: generated}, i18n.En)
	if !strings.Contains(page, "No incidents to chart.") {
		t.Error("empty page does not say there is nothing to chart")
	}
	if ps := payloads(t, page); len(ps) != 0 {
		t.Errorf("empty page has %d charts", len(ps))
	}
}

func TestDeterministic(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.En, i18n.Ja} {
		a := render(t, sampleReport(t), lang)
		b := render(t, sampleReport(t), lang)
		if a != b {
			t.Errorf("%s: two renderings of the same report differ", lang)
		}
	}
}

func TestScripts(t *testing.T) {
	// An inline script ends at the first "</script"; "<!--" changes how it is parsed.
	for name, s := range map[string]string{"page.js": pageJS, "echarts": echarts.MinJS} {
		for _, bad := range []string{"</script", "<!--", "<script"} {
			if strings.Contains(strings.ToLower(s), bad) {
				t.Errorf("%s contains %q", name, bad)
			}
		}
	}
	page := render(t, sampleReport(t), i18n.En)
	for _, s := range []string{echarts.MinJS, pageJS} {
		if !strings.Contains(page, "<script>"+s+"</script>") {
			t.Error("a script is not inlined verbatim, so its CSP hash would not match")
		}
	}
	if !strings.Contains(html.UnescapeString(page), `content="`+csp(echarts.MinJS, pageJS)+`"`) {
		t.Error("page does not carry the CSP with the scripts' hashes")
	}
}

// TestGolden compares the chart payloads of the sample, indented, with testdata; run
// go test ./charts -update to rewrite them after an intended change.
func TestGolden(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.En, i18n.Ja} {
		t.Run(string(lang), func(t *testing.T) {
			// The whole payloads, every field, as the page reads them.
			ps := map[string]any{}
			for id, js := range payloadJSON(render(t, sampleReport(t), lang)) {
				var p any
				if err := json.Unmarshal([]byte(js), &p); err != nil {
					t.Fatalf("chart %s: %v", id, err)
				}
				ps[id] = p
			}
			got, err := json.MarshalIndent(ps, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", "sample."+string(lang)+".json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./charts -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				_ = os.WriteFile(path+".got", got, 0o644)
				t.Errorf("payloads differ from %s; see %s.got (run go test ./charts -update if intended)", path, path)
			}
		})
	}
}

// TestFunctionMarker checks that go-echarts' "__f__" function marker never reaches a place
// where a page could take a string for code: the sample's options have none, and in the
// hostile report's it appears only in names, category labels and tooltip text, as the plain
// strings of the input.
func TestFunctionMarker(t *testing.T) {
	// yAxis: the case names page.js writes on the axis (payload.ticks.yAxis), text.
	allowed := map[string]bool{"name": true, "data": true, "title": true, "label": true, "value": true, "yAxis": true}
	for _, lang := range []i18n.Lang{i18n.En, i18n.Ja} {
		for name, rep := range map[string]analysis.Report{"sample": sampleReport(t), "hostile": hostileReport(t)} {
			t.Run(name+"/"+string(lang), func(t *testing.T) {
				found := 0
				for id, js := range payloadJSON(render(t, rep, lang)) {
					var p any
					if err := json.Unmarshal([]byte(js), &p); err != nil {
						t.Fatal(err)
					}
					walkStrings(p, "", func(key, s string) {
						if !strings.Contains(s, "__f__") {
							return
						}
						found++
						if name == "sample" || !allowed[key] {
							t.Errorf("%s: %q holds %q", id, key, s)
						}
					})
				}
				if name == "hostile" && found == 0 {
					t.Error("the hostile names did not reach the options")
				}
			})
		}
	}
}

// walkStrings calls f with every string in a decoded JSON value and the key of the object
// member it is in (or is an element of).
func walkStrings(v any, key string, f func(key, s string)) {
	switch v := v.(type) {
	case string:
		f(key, v)
	case []any:
		for _, e := range v {
			walkStrings(e, key, f)
		}
	case map[string]any:
		for k, e := range v {
			walkStrings(e, k, f)
		}
	}
}
