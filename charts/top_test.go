package charts

import (
	"bytes"
	"encoding/json"
	"html"
	"os"
	"regexp"
	"strings"
	"testing"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
)

// cellTexts returns the text of each cell of t's linked rows.
func cellTexts(t *table) [][]string {
	var out [][]string
	for _, r := range t.Cells {
		var row []string
		for _, c := range r {
			row = append(row, c.Text)
		}
		out = append(out, row)
	}
	return out
}

// TestPeriodTop: the top of a month's dashboard lists exactly the month's incidents by
// disclosure date, then the summary sentences, the changes and the largest incidents.
func TestPeriodTop(t *testing.T) {
	tests := []struct {
		lang     i18n.Lang
		headings []string
		head     string
		rows     [][]string
		largest  [][]string
	}{
		{i18n.En, []string{"Incidents disclosed in the period (2)", "Summary", "Changes", "The 2 largest incidents by records", "Reporting duty to the Personal Information Protection Commission"},
			"Disclosed | Organization (service) | Industry | Cause | Information exposed | Records | Detection → disclosure | Source",
			// A: 2019-06-04, 159 days; B: 2019-06-30, 20 days; no source URLs in periodCSV.
			[][]string{
				{"2019-06-04", "Example Co. A", "Retail", "Web skimming", "card", "1,000 records", "159 days", "–"},
				{"2019-06-30", "Example Co. B", "Retail", "Web skimming", "card", "500 records", "20 days", "–"},
			},
			[][]string{{"1", "2019-06-04", "Example Co. A", "Retail", "Web skimming", "1,000 records"}, {"2", "2019-06-30", "Example Co. B", "Retail", "Web skimming", "500 records"}}},
		{i18n.Ja, []string{"期間内に公表された事案（2件）", "概要", "増減", "漏えい件数の多い事案（上位2件）", "個人情報保護委員会への報告義務"},
			"公表日 | 企業名（サービス） | 業種 | 原因 | 漏えい情報 | 件数 | 発覚→公表 | 出典",
			[][]string{
				{"2019/06/04", "Example Co. A", "Retail", "Web skimming", "カード情報", "1,000件", "159日", "–"},
				{"2019/06/30", "Example Co. B", "Retail", "Web skimming", "カード情報", "500件", "20日", "–"},
			},
			[][]string{{"1", "2019/06/04", "Example Co. A", "Retail", "Web skimming", "1,000件"}, {"2", "2019/06/30", "Example Co. B", "Retail", "Web skimming", "500件"}}},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang), func(t *testing.T) {
			s, pr := periodSet(t, "2019-06", tt.lang)
			var headings []string
			for _, c := range s.dashboard.Top {
				headings = append(headings, c.Heading)
			}
			if strings.Join(headings, " | ") != strings.Join(tt.headings, " | ") {
				t.Errorf("cards at the top %q, want %q", headings, tt.headings)
			}
			list := s.dashboard.Top[0].Tables[0]
			if got := strings.Join(list.Head, " | "); got != tt.head {
				t.Errorf("list head %s, want %s", got, tt.head)
			}
			checkRows(t, "list", cellTexts(list), tt.rows)
			checkRows(t, "largest", cellTexts(cardAtTop(t, s, tt.headings[3]).Tables[0]), tt.largest)
			// The summary is i18n.PeriodSummary's sentences, as they are.
			var want []string
			for _, st := range i18n.PeriodSummary(pr, tt.lang) {
				want = append(want, st.Text)
			}
			if got := cardAtTop(t, s, tt.headings[1]).Paragraphs; len(want) == 0 || strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("summary %q, want %q", got, want)
			}
		})
	}
}

func TestIncidentSource(t *testing.T) {
	tests := []struct {
		urls []string
		want cell
	}{
		{nil, cell{Text: "–"}},
		{[]string{"https://www.example.jp/news/2024/0510.html"}, cell{Text: "www.example.jp", Href: "https://www.example.jp/news/2024/0510.html", Title: "https://www.example.jp/news/2024/0510.html"}},
		{[]string{"https://a.example/1", "https://b.example/2"}, cell{Text: "a.example and 1 more", Href: "https://a.example/1", Title: "https://a.example/1"}},
		// Not http(s): text, never a link.
		{[]string{"javascript:alert(1)"}, cell{Text: "javascript:alert(1)"}},
		{[]string{"社内資料 No.12"}, cell{Text: "社内資料 No.12"}},
	}
	v := newView(i18n.En, nil)
	for _, tt := range tests {
		if got := v.source(tt.urls); got != tt.want {
			t.Errorf("source(%q) = %+v, want %+v", tt.urls, got, tt.want)
		}
	}
}

// TestBreakdownChart: each breakdown's bars are in the breakdown's order (most incidents
// first), every bar labelled with its incidents and share, the commonest causes coloured
// (and the cause of the largest incident) and the rest grey, and each spelling merge noted.
func TestBreakdownChart(t *testing.T) {
	g := func(key string, n int, records int64) analysis.Group {
		return analysis.Group{Key: key, Incidents: n, Share: float64(n) / 10, Records: data.KnownCount(records), RecordsN: n}
	}
	b := analysis.Breakdown{Dimension: analysis.ByCause, Incidents: 10, Groups: []analysis.Group{
		g("不正アクセス", 3, 1200000), g("ランサムウェア", 2, 35000), g("誤送信", 1, 152), g("誤送付", 1, 48),
		g("内部不正", 1, 5000), g("設定ミス", 1, 10), g("紛失・盗難", 1, 10000), {Key: "", Incidents: 0},
	}, Merges: []analysis.Merge{{Into: "ランサムウェア", From: []analysis.Spelling{{Text: "ランサムウエア", Incidents: 1}}}}}
	b.Groups[7] = analysis.Group{Key: "", Incidents: 1, Share: 0.1}
	tests := []struct {
		lang   i18n.Lang
		title  string
		labels []string
		colors []string
		note   string
		row0   string
	}{
		{i18n.Ja, "原因別の事案数",
			[]string{"3件（30.0%）", "2件（20.0%）", "1件（10.0%）", "1件（10.0%）", "1件（10.0%）", "1件（10.0%）", "1件（10.0%）", "1件（10.0%）"},
			// Ranked by incidents, then records: 不正アクセス, ランサムウェア, 紛失・盗難,
			// 内部不正, 誤送信, and 設定ミス, the cause of the largest incident, before 誤送付.
			[]string{blue, vermillion, purple, otherColor, orange, skyBlue, green, unknownColor},
			"ランサムウエア（1件）をランサムウェアにまとめました。",
			"不正アクセス | 3 | 30.0% | 1,200,000件"},
		{i18n.En, "Incidents by cause",
			[]string{"3 incidents (30.0%)", "2 incidents (20.0%)", "1 incident (10.0%)", "1 incident (10.0%)", "1 incident (10.0%)", "1 incident (10.0%)", "1 incident (10.0%)", "1 incident (10.0%)"},
			[]string{blue, vermillion, purple, otherColor, orange, skyBlue, green, unknownColor},
			"ランサムウエア (1 incident) is counted as ランサムウェア.",
			"不正アクセス | 3 | 30.0% | 1,200,000 records"},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang), func(t *testing.T) {
			v := newView(tt.lang, nil)
			v.causeColor, v.causeOrder = causeColorMap(b, "設定ミス")
			c, err := v.breakdownChart(b, "chart-by-cause")
			if err != nil {
				t.Fatal(err)
			}
			if c.Title != tt.title {
				t.Errorf("title %q, want %q", c.Title, tt.title)
			}
			ps := payloadOf(t, c)
			s := ps.Option.Series[0]
			if len(s.Data) != len(tt.labels) {
				t.Fatalf("%d bars, want %d", len(s.Data), len(tt.labels))
			}
			for i := range s.Data {
				if got := barLabel(t, s, i); got != tt.labels[i] {
					t.Errorf("bar %d labelled %q, want %q", i, got, tt.labels[i])
				}
				item := s.Data[i].(map[string]any)
				if got := item["itemStyle"].(map[string]any)["color"]; got != tt.colors[i] {
					t.Errorf("bar %d coloured %v, want %s", i, got, tt.colors[i])
				}
			}
			if got := ps.Option.YAxis[0].Data; len(got) != 8 || got[0] != "不正アクセス" || got[7] != i18n.NotStated.In(tt.lang) {
				t.Errorf("groups %q: not in the breakdown's order, not stated last", got)
			}
			if !strings.Contains(strings.Join(c.Notes, "\n"), tt.note) {
				t.Errorf("notes %q lack %q", c.Notes, tt.note)
			}
			if got := strings.Join(c.Tables[0].Rows[0], " | "); got != tt.row0 {
				t.Errorf("first row %s, want %s", got, tt.row0)
			}
		})
	}
}

// englishRE finds two English words in a row: an English phrase.
var englishRE = regexp.MustCompile(`[A-Za-z]{2,}[ \-]+[A-Za-z]{2,}`)

// TestNoEnglishInJapanese renders the Japanese example month and reads the page's text (the
// HTML's text and every string of the chart payloads): once the input's own texts are taken
// out, no English phrase is left.
func TestNoEnglishInJapanese(t *testing.T) {
	raw, err := os.ReadFile("../examples/japan-2023-06_2024-06.csv")
	if err != nil {
		t.Fatal(err)
	}
	s, pr := periodSetOf(t, string(raw), "2024-06", i18n.Ja, Options{})
	var buf bytes.Buffer
	if err := s.WriteDashboard(&buf); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	var texts []string
	// The text between tags, leaving out the scripts' code.
	noScript := regexp.MustCompile(`(?s)<script[^>]*>.*?</script>|<style>.*?</style>|<head>.*?</head>`).ReplaceAllString(page, "")
	for _, m := range regexp.MustCompile(`>([^<]+)<`).FindAllStringSubmatch(noScript, -1) {
		texts = append(texts, html.UnescapeString(m[1]))
	}
	for _, js := range payloadJSON(page) {
		var p any
		if err := json.Unmarshal([]byte(js), &p); err != nil {
			t.Fatal(err)
		}
		walkStrings(p, "", func(key, s string) {
			switch key {
			case "kind", "lang", "type", "position", "overflow", "color", "fontFamily", "symbol", "trigger", "left", "nameLocation", "id", "backgroundColor", "borderColor", "textBorderColor", "fontWeight", "stack", "barMaxWidth", "barGap", "top", "right", "bottom":
				return // option keywords, not text
			}
			texts = append(texts, s)
		})
	}
	// The input's own words may be English (company names, URLs); take them out.
	var inputs []string
	for _, f := range append(pr.Subject.Incidents, pr.Trailing.Incidents...) {
		in := f.Incident
		inputs = append(inputs, in.Organization, in.Service, in.Cause, in.Industry, in.ID)
		inputs = append(inputs, in.SourceURLs...)
	}
	for _, text := range texts {
		for _, in := range inputs {
			if in != "" {
				text = strings.ReplaceAll(text, in, "")
			}
		}
		text = regexp.MustCompile(`https?://\S+|[a-z0-9.-]+\.(jp|com|net|org)\b`).ReplaceAllString(text, "")
		if m := englishRE.FindString(text); m != "" {
			t.Errorf("English %q in the Japanese page: %q", m, text)
		}
	}
}

// payloadOf is the payload of chart c as a page reads it back.
func payloadOf(t *testing.T, c chart) shown {
	t.Helper()
	c.Payload.Lang = "ja"
	js, err := json.Marshal(c.Payload)
	if err != nil {
		t.Fatal(err)
	}
	var p shown
	if err := json.Unmarshal(js, &p); err != nil {
		t.Fatal(err)
	}
	return p
}
