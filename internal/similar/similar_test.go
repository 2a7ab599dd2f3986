package similar

import (
	"slices"
	"testing"
)

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"month", "month", 0},
		{"mnth", "month", 1},
		{"formt", "format", 1},
		{"サンポークリエイト", "サンポクリエイト", 1}, // characters, not bytes
		{"おもちゃ箱", "おもちゃばこ", 2},
		{"abc", "", 3},
	} {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestNearest(t *testing.T) {
	words := []string{"サンポークリエイト", "おもちゃ箱", "サンプル商事", "みなと精機"}
	for _, tt := range []struct {
		s    string
		max  int
		want []string
	}{
		{"サンポクリエイト", 2, []string{"サンポークリエイト"}},
		{"サンプル", 2, []string{"サンプル商事"}},
		{"みなと精器", 5, []string{"みなと精機", "おもちゃ箱"}}, // nearest first, at most 2
		{"全く別の名前", 2, []string{}},
	} {
		if got := Nearest(tt.s, words, tt.max, 2); !slices.Equal(got, tt.want) {
			t.Errorf("Nearest(%q, %d) = %q, want %q", tt.s, tt.max, got, tt.want)
		}
	}
}
