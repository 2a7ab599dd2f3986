package data

import "testing"

func TestIsTotalLabel(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"合計", true},
		{" 小計 ", true},
		{"総計", true},
		{"計", true},
		{"合　計", true}, // a full-width space
		{"Total", true},
		{"TOTAL", true},
		{"Ｔｏｔａｌ", true}, // full-width letters
		{"Subtotal", true},
		{"sum", true},
		{"Grand total", true},
		{"grand  TOTAL", true},
		{"", false},
		{"株式会社合計", false},
		{"Total Wine & More", false},
		{"計画", false},
		{"合計:", false},
	}
	for _, tt := range tests {
		if got := IsTotalLabel(tt.in); got != tt.want {
			t.Errorf("IsTotalLabel(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
