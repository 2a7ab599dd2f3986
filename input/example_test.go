package input_test

import (
	"context"
	"fmt"
	"strings"

	"breachreport/data"
	"breachreport/input"
)

// ExampleScan reads the card scope of the Sanpo Create case as the consultancy's write-up
// prints it, window end typo included: the typo is a warning naming the line, column and
// value, and the date is left unknown, never guessed.
func ExampleScan() {
	in := "企業名,漏えい情報,確度,件数,漏えい開始日,漏えい終了日,公表日\n" +
		"Example Co.,card,可能性,\"2,606\",2018-09-03,2018年12月27日7,2019-06-04\n"
	res, err := input.Scan(context.Background(), strings.NewReader(in), input.Options{}, func(scopes []data.Scope) error {
		for _, sc := range scopes {
			fmt.Println(sc.IncidentID, sc.RecordType, sc.Certainty, sc.Records, sc.ExposureStart)
		}
		return nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, is := range res.Issues {
		fmt.Println(is.Severity, is)
	}
	// Output:
	// Example Co. 2019-06-04 card suspected 2606 2018-09-03
	// warning line 2, column 漏えい終了日 (6), value "2018年12月27日7": not a date: expected a date such as 2019-06-04, 2019/6/4, 2019年6月4日 or 令和元年6月4日; date treated as unknown
}
