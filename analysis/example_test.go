package analysis_test

import (
	"fmt"

	"breachreport/analysis"
	"breachreport/data"
)

func ExampleAnalyze() {
	inc := data.Incident{
		ID:        "omochabako-2019",
		Detected:  data.NewDate(2019, 3, 11),
		Contained: data.NewDate(2019, 3, 11),
		Disclosed: data.NewDate(2019, 8, 6),
		Scopes: []data.Scope{
			{Line: 2, RecordType: data.Card, Certainty: data.Confirmed, Records: data.KnownCount(210),
				ExposureStart: data.NewDate(2019, 1, 31), ExposureEnd: data.NewDate(2019, 3, 8)},
			{Line: 3, RecordType: data.Card, Certainty: data.Suspected, Records: data.KnownCount(40233),
				ExposureStart: data.NewDate(2016, 2, 3), ExposureEnd: data.NewDate(2019, 3, 11)},
		},
	}
	figs, _ := analysis.Analyze([]data.Incident{inc})
	f := figs[0]
	fmt.Println("total:", f.Total, "window confirmed:", f.WindowConfirmed.Days.N, "all:", f.WindowAll.Days.N)
	fmt.Println("detect:", f.DetectConfirmed.N, f.DetectAll.N, "contain:", f.Contain.N, "disclose:", f.Disclose.N)
	// Output:
	// total: 40443 window confirmed: 36 all: 1132
	// detect: 39 1132 contain: 0 disclose: 148
}
