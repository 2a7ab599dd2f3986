package data_test

import (
	"fmt"

	"breachreport/data"
)

func ExampleParseCount() {
	for _, s := range []string{"41,355", "", "12.9", "3万件以上"} {
		c, err := data.ParseCount(s)
		fmt.Printf("%q: %s %q err=%v\n", s, c, c.Written, err)
	}
	// Output:
	// "41,355": 41355 "" err=<nil>
	// "":  "" err=<nil>
	// "12.9":  "" err=not a count: a number of records must be a whole number
	// "3万件以上": ≥30000 "3万件以上" err=<nil>
}
