package input

import (
	"strings"
	"testing"

	"breachreport/data"
)

// TestLayoutSuggest checks the "did you mean" for a column the header lacks: an alias with
// 付, 日付 or 年月日 added, or a header a few edits away; never a column the header already
// maps, nor a far one.
func TestLayoutSuggest(t *testing.T) {
	tests := []struct {
		name   string
		header string
		col    string
		want   string // "" for no suggestion
		index  int
	}{
		{"付 added", "organization,公表日付", data.ColDisclosed, "公表日付", 2},
		{"年月日 for 日", "organization,公表年月日", data.ColDisclosed, "公表年月日", 2},
		{"日付 added", "organization,発覚日付", data.ColDetected, "発覚日付", 2},
		{"one edit", "organization,disclosd", data.ColDisclosed, "disclosd", 2},
		{"full-width", "organization,ｄｉｓｃｌｏｓｅｄ＿ｄａｔｅ", data.ColDisclosed, "", 0},
		{"two edits in a long name", "organization,exposure_strt", data.ColExposureStart, "exposure_strt", 2},
		{"far", "organization,備考欄", data.ColDisclosed, "", 0},
		{"mapped headers are no candidates", "organization,公表日", data.ColDetected, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(strings.NewReader(tt.header+"\n"), Options{Now: testNow})
			if err != nil {
				t.Fatal(err)
			}
			if res.Layout.Has(tt.col) {
				t.Fatalf("the header %q has %s", tt.header, tt.col)
			}
			h, j, ok := res.Layout.Suggest(tt.col)
			if h != tt.want || j != tt.index || ok != (tt.want != "") {
				t.Errorf("Suggest(%s) = %q, %d, %v; want %q, %d", tt.col, h, j, ok, tt.want, tt.index)
			}
		})
	}
}
