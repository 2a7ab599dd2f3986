package charts_test

import (
	"bytes"
	"fmt"
	"log"
	"strings"
	"time"

	"breachreport/analysis"
	"breachreport/charts"
	"breachreport/data"
	"breachreport/i18n"
)

// Example writes the Japanese charts page of the embedded sample, as main does.
func Example() {
	res, err := data.Read(bytes.NewReader(data.Sample()), data.Options{})
	if err != nil {
		log.Fatal(err)
	}
	rep := analysis.NewReport(res)
	rep.Input, rep.Generated = data.SampleName, time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)
	if rep.Compare, err = analysis.SelectComparison(rep.Incidents, nil, 6); err != nil {
		log.Fatal(err)
	}

	var page bytes.Buffer
	if err := charts.Write(&page, rep, charts.Options{Lang: i18n.Ja}); err != nil {
		log.Fatal(err)
	}
	html := page.String()
	for _, id := range []string{"chart-records", "chart-timeline", "chart-lags"} {
		fmt.Printf("%s: %v\n", id, strings.Contains(html, `<div class="chart" id="`+id+`"`))
	}
	fmt.Println(strings.Contains(html, "公表期間: 2019-06-04 〜 2019-08-06"))
	// Output:
	// chart-records: true
	// chart-timeline: true
	// chart-lags: true
	// true
}
