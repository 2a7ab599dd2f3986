package charts_test

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"strings"
	"time"

	"breachreport/analysis"
	"breachreport/charts"
	"breachreport/i18n"
	"breachreport/input"
	"breachreport/internal/inputtest"
)

// Example builds the Japanese charts of the embedded sample and writes the dashboard and the
// page of each chart, as main does.
func Example() {
	res, err := inputtest.Read(bytes.NewReader(input.Sample()), input.Options{})
	if err != nil {
		log.Fatal(err)
	}
	var build analysis.Builder
	build.Add(res.Scopes)
	rep, err := build.Report(context.Background(), res)
	if err != nil {
		log.Fatal(err)
	}
	rep.Input, rep.Generated = input.SampleName, time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)
	if rep.Compare, err = analysis.SelectComparison(rep.Incidents, nil, 6); err != nil {
		log.Fatal(err)
	}

	set, err := charts.Build(context.Background(), rep, charts.Options{Lang: i18n.Ja})
	if err != nil {
		log.Fatal(err)
	}
	var page bytes.Buffer
	if err := set.WriteDashboard(&page); err != nil {
		log.Fatal(err)
	}
	html := page.String()
	for _, c := range set.Charts() {
		var alone bytes.Buffer
		if err := set.WriteChart(&alone, c.ID); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s.html: %s, in the dashboard: %v\n", c.Name, c.Title, strings.Contains(html, `<div class="chart" id="`+c.ID+`"`))
	}
	fmt.Println(strings.Contains(html, "公表期間: 2019年6月4日〜2019年8月6日"))
	// Output:
	// by-cause.html: 原因別の事案数, in the dashboard: true
	// by-industry.html: 業種別の事案数, in the dashboard: true
	// by-type.html: 漏えい情報別の事案数, in the dashboard: true
	// by-size.html: 漏えい件数の規模別の事案数, in the dashboard: true
	// by-cause-category.html: 原因の分類別の事案数, in the dashboard: true
	// records.html: 漏えい件数（情報種別 × 確度）, in the dashboard: true
	// timeline.html: 漏えい期間と主要な日付, in the dashboard: true
	// lags.html: 発覚・封じ込め・公表までの日数, in the dashboard: true
	// bubbles.html: 公表日別の漏えい件数, in the dashboard: true
	// true
}
