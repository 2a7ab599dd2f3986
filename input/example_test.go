package input_test

import (
	"fmt"
	"strings"

	"breachreport/input"
)

func ExampleRead() {
	in := "企業名,漏えい情報,確度,件数,漏えい開始日,漏えい終了日,公表日\n" +
		"Example Co.,card,可能性,\"2,606\",2018-09-03,2018年12月27日7,2019-06-04\n"
	res, err := input.Read(strings.NewReader(in), input.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	sc := res.Scopes[0]
	fmt.Println(sc.IncidentID, sc.RecordType, sc.Certainty, sc.Records, sc.ExposureStart)
	for _, is := range res.Issues {
		fmt.Println(is.Severity, is)
	}
	// Output:
	// Example Co. 2019-06-04 card suspected 2606 2018-09-03
	// warning line 2, column 漏えい終了日 (6), value "2018年12月27日7": not a date: expected a date such as 2019-06-04, 2019/6/4, 2019年6月4日 or 令和元年6月4日; date treated as unknown
}
