package charts

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
)

func build(t testing.TB, rep analysis.Report, opts Options) *Set {
	t.Helper()
	s, err := Build(context.Background(), rep, opts)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func standalone(t testing.TB, s *Set, id string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := s.WriteChart(&buf, id); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestStandalonePages writes each chart alone: the page carries that chart's payload, the
// same as the dashboard's, under the chart's title, without the dashboard's header, and is
// the same bytes every time.
func TestStandalonePages(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.En, i18n.Ja} {
		t.Run(string(lang), func(t *testing.T) {
			s := build(t, sampleReport(t), Options{Lang: lang})
			var buf bytes.Buffer
			if err := s.WriteDashboard(&buf); err != nil {
				t.Fatal(err)
			}
			dash := payloadJSON(buf.String())
			var names []string
			for _, c := range s.Charts() {
				names = append(names, c.Name)
				page := standalone(t, s, c.ID)
				ps := payloadJSON(page)
				if len(ps) != 1 || ps[c.ID] != dash[c.ID] || ps[c.ID] == "" {
					t.Errorf("%s: standalone page carries %d payloads, or not the dashboard's", c.ID, len(ps))
				}
				if !strings.Contains(page, "<title>"+c.Title+"</title>") || strings.Contains(page, "<h1>") ||
					!strings.Contains(page, `class="standalone"`) {
					t.Errorf("%s: standalone page has the wrong title or the dashboard header", c.ID)
				}
				if again := standalone(t, s, c.Name); again != page {
					t.Errorf("%s: two renderings differ (or the name does not find the chart)", c.ID)
				}
				if n := strings.Count(page, "<script"); n != 3 {
					t.Errorf("%s: %d script elements, want the runtime, page.js and the payload", c.ID, n)
				}
			}
			if got, want := strings.Join(names, " "), "by-cause by-industry by-type by-size by-cause-category records timeline lags bubbles"; got != want {
				t.Errorf("charts %s, want %s", got, want)
			}
			if err := s.WriteChart(&buf, "chart-nope"); err == nil {
				t.Error("WriteChart of an unknown chart did not fail")
			}
		})
	}
}

// TestDeterministicSets builds the same report twice: every page is the same bytes, and the
// chart ids are the fixed ones.
func TestDeterministicSets(t *testing.T) {
	rep := manyIncidents(t, 200)
	a, b := build(t, rep, Options{Lang: i18n.Ja}), build(t, rep, Options{Lang: i18n.Ja})
	var x, y bytes.Buffer
	a.WriteDashboard(&x)
	b.WriteDashboard(&y)
	if !bytes.Equal(x.Bytes(), y.Bytes()) {
		t.Error("two dashboards of the same report differ")
	}
	for i, c := range a.Charts() {
		if c.ID != chartIDs[i] {
			t.Errorf("chart %d has id %q, want %q", i, c.ID, chartIDs[i])
		}
		if standalone(t, a, c.ID) != standalone(t, b, c.ID) {
			t.Errorf("%s: two standalone pages of the same report differ", c.ID)
		}
	}
}

// twoSizes is a report of a small and a huge incident: 100 cards, and 1,000,000 cards plus
// 50 people (suspected).
func twoSizes(t testing.TB) analysis.Report {
	incs, _ := data.Group([]data.Scope{
		{Line: 2, IncidentID: "small", Organization: "Small", RecordType: data.Card, Records: data.KnownCount(100)},
		{Line: 3, IncidentID: "huge", Organization: "Huge", RecordType: data.Card, Records: data.KnownCount(1_000_000)},
		{Line: 4, IncidentID: "huge", Organization: "Huge", RecordType: data.Personal, Certainty: data.Suspected, Records: data.KnownCount(50)},
	})
	return report(t, "sizes.csv", incs, nil)
}

// recordsAxis returns the records chart's value axis and whether its bars are stacked.
func recordsAxis(t *testing.T, rep analysis.Report, scale LogScale) (axis map[string]any, stacked bool, subtitle string) {
	t.Helper()
	var p struct {
		Option struct {
			Title struct {
				Subtext string `json:"subtext"`
			} `json:"title"`
			XAxis  []map[string]any `json:"xAxis"`
			Series []struct {
				Stack string `json:"stack"`
			} `json:"series"`
		} `json:"option"`
	}
	js := payloadJSON(render2(t, rep, Options{Lang: i18n.En, LogScale: scale}))["chart-records"]
	if err := json.Unmarshal([]byte(js), &p); err != nil {
		t.Fatal(err)
	}
	for _, s := range p.Option.Series {
		stacked = stacked || s.Stack != ""
	}
	return p.Option.XAxis[0], stacked, p.Option.Title.Subtext
}

// render2 returns the dashboard of rep with opts, built and written as generate does.
func render2(t testing.TB, rep analysis.Report, opts Options) string {
	t.Helper()
	s, err := Build(context.Background(), rep, opts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := s.WriteDashboard(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestLogScale(t *testing.T) {
	tests := []struct {
		name     string
		rep      analysis.Report
		scale    LogScale
		wantType string
		wantMin  any
		subtitle string
	}{
		// 1,000,050 / 100 ≥ 100: log, from 10 (the power of ten below the smallest bar, 50).
		{"huge and small, auto", twoSizes(t), LogAuto, "log", 10.0,
			"Log scale (cases differ by orders of magnitude): bars start at 10 records and stand side by side"},
		{"huge and small, off", twoSizes(t), LogOff, "value", nil, ""},
		// 43,961 / 40,443 < 100: linear.
		{"sample, auto", sampleReport(t), LogAuto, "value", nil, ""},
		// The smallest bar is 210: from 100.
		{"sample, on", sampleReport(t), LogOn, "log", 100.0,
			"Log scale (cases differ by orders of magnitude): bars start at 100 records and stand side by side"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			axis, stacked, sub := recordsAxis(t, tt.rep, tt.scale)
			if axis["type"] != tt.wantType || axis["min"] != tt.wantMin {
				t.Errorf("axis type %v min %v, want %v %v", axis["type"], axis["min"], tt.wantType, tt.wantMin)
			}
			if stacked == (tt.wantType == "log") {
				t.Errorf("stacked = %v on a %s axis", stacked, tt.wantType)
			}
			if sub != tt.subtitle {
				t.Errorf("subtitle %q, want %q", sub, tt.subtitle)
			}
		})
	}
	for in, want := range map[string]LogScale{"": LogAuto, "auto": LogAuto, "ON": LogOn, " off ": LogOff} {
		if got, err := ParseLogScale(in); err != nil || got != want {
			t.Errorf("ParseLogScale(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseLogScale("maybe"); err == nil {
		t.Error("ParseLogScale(maybe) did not fail")
	}
}

// TestLagBrackets checks the timeline's detection → disclosure brackets of the sample: from
// the detected to the disclosed day, labelled with the lag in days.
func TestLagBrackets(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.En, i18n.Ja} {
		var p struct {
			Option struct {
				Series []struct {
					ID   string `json:"id"`
					Data []struct {
						Value []float64 `json:"value"`
					} `json:"data"`
				} `json:"series"`
			} `json:"option"`
			Labels map[string][]string `json:"labels"`
		}
		js := payloadJSON(render(t, sampleReport(t), lang))["chart-timeline"]
		if err := json.Unmarshal([]byte(js), &p); err != nil {
			t.Fatal(err)
		}
		found := false
		for i, s := range p.Option.Series {
			if s.ID != "lag" {
				continue
			}
			found = true
			var got []string
			for _, d := range s.Data {
				got = append(got, fmt.Sprint(d.Value))
			}
			want := []string{
				fmt.Sprint([]float64{0, ms(2018, 12, 27), ms(2019, 6, 4)}),
				fmt.Sprint([]float64{1, ms(2019, 3, 11), ms(2019, 8, 6)}),
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s: lag brackets %v, want %v", lang, got, want)
			}
			wantLabels := map[i18n.Lang]string{i18n.En: "[159 days 148 days]", i18n.Ja: "[159日 148日]"}[lang]
			if l := fmt.Sprint(p.Labels[fmt.Sprint(i)]); l != wantLabels {
				t.Errorf("%s: lag labels %s, want %s", lang, l, wantLabels)
			}
		}
		if !found {
			t.Errorf("%s: the timeline has no lag series", lang)
		}
	}
}
