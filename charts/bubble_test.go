package charts

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
)

// causes are the causes of the synthetic incidents: nine, so that the bubble chart must
// group the rarer ones.
var causes = []string{"Web skimming", "Phishing", "Misconfigured storage", "Ransomware", "Insider",
	"Lost device", "Vulnerability exploited", "Credential stuffing", "Third-party vendor"}

// manyIncidents returns a report of n synthetic incidents, each with a confirmed card scope
// and a suspected personal scope, records from tens to millions, disclosed every third day
// from 2015 on, with an empty cause every tenth incident.
func manyIncidents(t testing.TB, n int) analysis.Report {
	t.Helper()
	var scopes []data.Scope
	start := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		disclosed := start.AddDate(0, 0, 3*i)
		detected := disclosed.AddDate(0, 0, -(20 + i%150))
		began := detected.AddDate(0, 0, -(5 + (i*37)%400))
		cause := causes[(i*i)%len(causes)]
		if i%10 == 9 {
			cause = ""
		}
		d := func(t time.Time) data.Date { return data.NewDate(t.Year(), t.Month(), t.Day()) }
		base := data.Scope{
			Line: 2*i + 2, IncidentID: fmt.Sprintf("inc-%04d", i), Organization: fmt.Sprintf("Organization %04d K.K.", i),
			Service: "Online shop", Cause: cause, RecordType: data.Card, Certainty: data.Confirmed,
			Records:       data.KnownCount(int64(10 * (1 + i%7) * pow(10, i%6))),
			ExposureStart: d(began), ExposureEnd: d(detected), Detected: d(detected),
			Contained: d(detected.AddDate(0, 0, i%5)), Disclosed: d(disclosed),
			SourceURL: fmt.Sprintf("https://example.com/%d", i),
		}
		second := base
		second.Line++
		second.RecordType, second.Certainty = data.Personal, data.Suspected
		second.Records = data.KnownCount(int64(1000 + 37*i))
		scopes = append(scopes, base, second)
	}
	incs, issues := data.Group(scopes)
	return report(t, "synthetic.csv", incs, issues)
}

func pow(b, e int) int {
	p := 1
	for range e {
		p *= b
	}
	return p
}

// TestBubblesSample checks the bubble chart of the sample against hand-computed values:
// one bubble per incident at its disclosure date and total, sized by the square root of its
// share of the largest total (9 px + 55 px × √share), coloured by cause.
func TestBubblesSample(t *testing.T) {
	ps := payloads(t, render(t, sampleReport(t), i18n.En))
	p := ps["chart-bubbles"]
	want := map[string][]any{
		// Sanpo Create: 43,961 records, the largest, disclosed 2019-06-04: 64 px.
		"Web skimming: malicious program injected into the online shop (不正プログラムの混入)": {ms(2019, 6, 4), 43961.0, 64.0},
		// Omochabako: 40,443 records, disclosed 2019-08-06: 9 + 55 × √(40443/43961) = 61.75 → 62 px.
		"Vulnerability exploited and payment application tampered with (決済アプリケーション改ざん)": {ms(2019, 8, 6), 40443.0, 62.0},
	}
	if len(p.Option.Series) != 2 {
		t.Fatalf("%d bubble series, want one per cause (2)", len(p.Option.Series))
	}
	for _, s := range p.Option.Series {
		w, ok := want[s.Name]
		if !ok || len(s.Data) != 1 {
			t.Errorf("series %q with %d bubbles", s.Name, len(s.Data))
			continue
		}
		it := s.Data[0].(map[string]any)
		got := append(append([]any{}, it["value"].([]any)...), it["symbolSize"])
		if fmt.Sprint(got) != fmt.Sprint(w) {
			t.Errorf("%s: bubble %v, want %v", s.Name, got, w)
		}
	}
	// Log axis over at least two whole decades around the totals; years around the dates.
	raw := payloadJSON(render(t, sampleReport(t), i18n.En))["chart-bubbles"]
	for _, w := range []string{`"type":"log"`, `"min":1000`, `"max":100000`,
		fmt.Sprintf(`"min":%d`, int64(ms(2019, 1, 1))), fmt.Sprintf(`"max":%d`, int64(ms(2020, 1, 1)))} {
		if !strings.Contains(raw, w) {
			t.Errorf("bubble option lacks %s", w)
		}
	}
	tips := tipText(map[string]shown{"b": p})
	for _, w := range []string{"Total of all scopes: 43,961", "Disclosed: June 4, 2019", "card, suspected: 40,233",
		"Cause: Web skimming: malicious program injected into the online shop (不正プログラムの混入)"} {
		if !strings.Contains(tips, w) {
			t.Errorf("bubble tooltips lack %q", w)
		}
	}
}

// TestBubblesTopN charts 1,000 incidents: the bubble chart plots the 50 largest, names the
// commonest six causes and groups the rest, and says on the chart what it left out.
func TestBubblesTopN(t *testing.T) {
	rep := manyIncidents(t, 1000)
	page := render(t, rep, i18n.En)
	p := payloads(t, page)["chart-bubbles"]
	total := 0
	var smallest float64 = -1
	for _, s := range p.Option.Series {
		total += len(s.Data)
		for _, d := range s.Data {
			v := d.(map[string]any)["value"].([]any)[1].(float64)
			if smallest < 0 || v < smallest {
				smallest = v
			}
		}
	}
	if total != maxBubbles {
		t.Errorf("%d bubbles plotted, want %d", total, maxBubbles)
	}
	// The 50 largest totals: records are 10·(1 + i%7)·10^(i%6) + 1000 + 37i. The card
	// counts 7,000,000 (i ≡ 41 mod 42: 23 incidents) and 6,000,000 (i ≡ 5 mod 42: 24) come
	// first, then 5,000,000 (i ≡ 11 mod 42) from the top: i = 977, 935, 893 fill the 50,
	// so the smallest plotted is 5,000,000 + 1000 + 37·893 = 5,034,041, and the next,
	// i = 851 (5,032,487), is left out.
	if smallest != 5_034_041 {
		t.Errorf("smallest plotted total %v, want 5,034,041", smallest)
	}
	var names []string
	for _, s := range p.Option.Series {
		names = append(names, s.Name)
	}
	if len(names) > maxCauses+2 {
		t.Errorf("%d bubble series %v, want at most %d causes + other + unknown", len(names), names, maxCauses)
	}
	for _, w := range []string{"The 50 largest of 1,000 incidents"} {
		if !strings.Contains(page, w) {
			t.Errorf("page lacks %q", w)
		}
	}
	// The per-case charts show at most maxCases incidents and say so.
	rep.Compare = rep.Incidents.Slice()[:30]
	ps := payloads(t, render(t, rep, i18n.En))
	for _, id := range []string{"chart-records", "chart-lags"} {
		if n := len(ps[id].Option.YAxis[0].Data); n != maxCases {
			t.Errorf("%s shows %d incidents, want %d", id, n, maxCases)
		}
	}
	if page := render(t, rep, i18n.En); !strings.Contains(page, "Showing the first 12 of the 30 incidents compared") {
		t.Error("per-case charts do not say they show the first 12")
	}
}

// TestLargestPlottable checks the running selection of the largest incidents against a
// sort of them all, on totals with many ties and some incidents that cannot be plotted.
func TestLargestPlottable(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for _, size := range []int{0, 1, 3, 60, 500} {
		figs := make([]analysis.IncidentFigures, size)
		for i := range figs {
			f := &figs[i]
			f.Total = data.KnownCount(int64(rng.IntN(20))) // 0 is not plottable
			if rng.IntN(10) == 0 {
				f.Total = data.Count{}
			}
			if rng.IntN(10) > 0 {
				f.Incident.Disclosed = data.NewDate(2020, 1, 1+rng.IntN(28))
			}
		}
		var want []int
		for i, f := range figs {
			if plottable(f) {
				want = append(want, i)
			}
		}
		count := len(want)
		slices.SortStableFunc(want, func(i, j int) int { return cmp.Compare(figs[j].Total.N, figs[i].Total.N) })
		for _, n := range []int{0, 1, 7, 50, 1000} {
			got, gotCount := largestPlottable(analysis.Each(figs), n)
			w := want[:min(n, len(want))]
			if !slices.Equal(got, w) {
				t.Errorf("%d incidents, n %d: %v, want %v", size, n, got, w)
			}
			if gotCount != count {
				t.Errorf("%d incidents: %d plottable, want %d", size, gotCount, count)
			}
		}
	}
}

// TestBubbleColours: causes are grouped as the breakdowns group them, so that ランサムウェア
// and ランサムウエア share one colour, and the largest incident's cause has a colour even
// when it is rarer than the six commonest.
func TestBubbleColours(t *testing.T) {
	var scopes []data.Scope
	add := func(id, cause string, records int64) {
		scopes = append(scopes, data.Scope{Line: len(scopes) + 2, IncidentID: id, Organization: "Org " + id, Cause: cause,
			RecordType: data.Personal, Certainty: data.Confirmed, Records: data.KnownCount(records),
			Disclosed: data.NewDate(2024, 6, 1+len(scopes))})
	}
	// Seven causes with two incidents each, then the largest incident with an eighth.
	for i, c := range []string{"不正アクセス", "誤送信", "誤送付", "内部不正", "設定ミス", "紛失", "盗難"} {
		add(fmt.Sprintf("a%d", i), c, 100)
		add(fmt.Sprintf("b%d", i), c, 200)
	}
	add("r1", "ランサムウェア", 50)
	add("r2", "ランサムウエア", 60)
	add("big", "脆弱性", 1_000_000)
	incs, _ := data.Group(scopes)
	c, err := newView(i18n.Ja, nil).bubbleChart(report(t, "colours.csv", incs, nil).Incidents, nil)
	if err != nil {
		t.Fatal(err)
	}
	color := map[string]string{} // incident → colour
	for i, s := range c.Payload.Option["series"].([]any) {
		col := s.(map[string]any)["itemStyle"].(map[string]any)["color"].(string)
		for _, tp := range c.Payload.Tips.Item[i] {
			color[tp.Title] = col
		}
	}
	if col := color["Org big"]; col == otherColor || col == "" {
		t.Errorf("the largest incident is coloured %q, want a colour of its own", col)
	}
	if color["Org r1"] != color["Org r2"] {
		t.Errorf("ランサムウェア %s and ランサムウエア %s differ in colour", color["Org r1"], color["Org r2"])
	}
}
