package analysis_test

import (
	"bytes"
	"context"
	"fmt"

	"breachreport/analysis"
	"breachreport/input"
	"breachreport/internal/inputtest"
)

// ExampleTimeline_Report is the report of --month 2019-08 on the embedded sample: the
// month's one case set against the trailing year, the last rows of the trend, and the change
// against the previous month.
func ExampleTimeline_Report() {
	res, err := inputtest.Read(bytes.NewReader(input.Sample()), input.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	var b analysis.Builder
	b.Add(res.Scopes)
	m, _ := analysis.ParseMonth("2019-08")
	all, err := b.Report(context.Background(), res)
	if err != nil {
		fmt.Println(err)
		return
	}
	rep := all.Incidents.Timeline().Report(m.Period())

	for _, c := range rep.Cases {
		l := c.Lag(analysis.Disclose)
		fmt.Printf("%s: detection → disclosure %d days; 12-month median %g days (n=%d)\n",
			c.Incident.Incident.ID, l.Value.N, l.Baseline.Median, l.Baseline.N)
	}
	fmt.Printf("trailing window %s, %d rows (the data starts in 2019-06)\n", rep.Trailing.Period, len(rep.Trend))
	for _, r := range rep.Trend[len(rep.Trend)-3:] {
		s := r.Summary.Stat(analysis.Disclose)
		fmt.Printf("%s: %d incidents, %s records, detection → disclosure n=%d median %g\n",
			r.Month, r.Summary.Incidents, r.Records(), s.N, s.Median)
	}
	c := rep.VsPrevious[0]
	fmt.Printf("%s: %g vs %g in %s\n", c.Figure, c.Current.V, c.Earlier.V, rep.Previous.Period)
	// Output:
	// omochabako-2019: detection → disclosure 148 days; 12-month median 153.5 days (n=2)
	// trailing window 2019-06-01 … 2019-08-31, 3 rows (the data starts in 2019-06)
	// 2019-06: 1 incidents, 43961 records, detection → disclosure n=1 median 159
	// 2019-07: 0 incidents, 0 records, detection → disclosure n=0 median 0
	// 2019-08: 1 incidents, 40443 records, detection → disclosure n=1 median 148
	// incidents: 1 vs 0 in 2019-07
}
