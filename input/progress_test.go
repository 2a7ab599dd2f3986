package input

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"breachreport/data"
)

// TestProgress checks Options.Progress: called every 4,096 rows read with the rows read
// so far, never after the last full 4,096, and the read is the same with and without it.
func TestProgress(t *testing.T) {
	var b strings.Builder
	b.WriteString("organization,records\n")
	for i := range 10000 {
		fmt.Fprintf(&b, "Example Co. %d,%d\n", i, i)
	}
	in := b.String()
	var calls []int
	res, err := Read(strings.NewReader(in), Options{Progress: func(n int) { calls = append(calls, n) }})
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{4096, 8192}; !slices.Equal(calls, want) {
		t.Errorf("Progress called with %v, want %v", calls, want)
	}
	if res.RowsRead != 10000 {
		t.Errorf("%d rows read, want 10000", res.RowsRead)
	}
	plain, err := Read(strings.NewReader(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(res.Scopes, plain.Scopes, func(a, b data.Scope) bool { return fmt.Sprint(a) == fmt.Sprint(b) }) {
		t.Error("the scopes read with Progress differ from those read without")
	}
}
