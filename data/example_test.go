package data_test

import (
	"fmt"

	"breachreport/data"
)

func ExampleParseCount() {
	for _, s := range []string{"41,355", "", "12.9"} {
		c, err := data.ParseCount(s)
		fmt.Printf("%q: known=%v n=%d err=%v\n", s, c.Known, c.N, err)
	}
	// Output:
	// "41,355": known=true n=41355 err=<nil>
	// "": known=false n=0 err=<nil>
	// "12.9": known=false n=0 err=not a count: a number of records must be a whole number
}
