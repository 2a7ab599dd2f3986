package charts

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"breachreport/i18n"
	"breachreport/internal/clienttest"
)

// TestChromiumPeriod loads the dashboards of a month with incidents and of an empty month in
// Chromium with no network: the trend (and, with incidents, the cases) chart is drawn as SVG,
// with the months on its axis and the counts on its bars, nothing is logged, and the tables
// show the hand-computed figures.
func TestChromiumPeriod(t *testing.T) {
	bin := clienttest.Chromium(t)
	tests := []struct {
		month string
		lang  i18n.Lang
		ids   []string
		texts []string
	}{
		{"2019-06", i18n.En, []string{"chart-trend", "chart-cases", "chart-by-cause", "chart-by-industry", "chart-by-type", "chart-by-size", "chart-by-cause-category", "chart-records", "chart-timeline", "chart-lags", "chart-bubbles"},
			[]string{">Jun</text>", ">Jul 2018</text>", ">Jan 2019</text>", "89.5 days (n=2) *", "100 days (n=5)", "−80 days", "Previous: May 2019",
				"Example Co. A</td>"}},
		// The trend starts with the data, in 2018-06.
		{"2019-03", i18n.Ja, []string{"chart-trend"},
			[]string{">3月</text>", ">2018年6月</text>", "2019年3月に公表された事案はありません。", "100日（対象事案数 3件） *"}},
	}
	for _, tt := range tests {
		t.Run(tt.month, func(t *testing.T) {
			t.Parallel()
			s, _ := periodSet(t, tt.month, tt.lang)
			var buf bytes.Buffer
			if err := s.WriteDashboard(&buf); err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "charts.html"), buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			dom, log := chromium(t, bin, dir, "charts.html", "--dump-dom")
			if m := consoleRE.FindAllString(log, -1); len(m) > 0 {
				t.Errorf("the page logged to the console:\n%s", strings.Join(m, "\n"))
			}
			dom = markupOnly(dom)
			checkChartIDs(t, dom, tt.ids)
			if want := `data-charts="` + strconv.Itoa(len(tt.ids)) + `"`; !strings.Contains(dom, want) {
				t.Errorf("page did not draw %d charts (%s)", len(tt.ids), want)
			}
			for _, s := range tt.texts {
				if !strings.Contains(dom, s) {
					t.Errorf("rendered page lacks %q", s)
				}
			}
			if sd := os.Getenv(screenshotsEnv); sd != "" {
				chromium(t, bin, dir, "charts.html", "--window-size=1300,2400", "--hide-scrollbars",
					"--screenshot="+filepath.Join(sd, "period-"+tt.month+".png"))
			}
		})
	}
}

// checkChartIDs asserts that each chart container of ids holds a drawn SVG.
func checkChartIDs(t *testing.T, dom string, ids []string) {
	t.Helper()
	for _, id := range ids {
		i := strings.Index(dom, `id="`+id+`"`)
		j := strings.Index(dom, `id="`+id+`-data"`)
		if i < 0 || j < i {
			t.Errorf("chart %s: container not found in the DOM", id)
			continue
		}
		inner := dom[i:j]
		if !strings.Contains(inner, "<svg") || !strings.Contains(inner, "<path") || !strings.Contains(inner, "<text") {
			t.Errorf("chart %s was not drawn: %.300s", id, inner)
		}
		if strings.Contains(inner, "failed") {
			t.Errorf("chart %s reports a failure: %.300s", id, inner)
		}
	}
}
