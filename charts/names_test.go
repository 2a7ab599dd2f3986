package charts

import (
	"strings"
	"testing"
)

func TestWrapName(t *testing.T) {
	tests := []struct {
		name, in string
		width    int
		want     string
	}{
		{"short", "株式会社青葉商事", 30, "株式会社青葉商事"},
		{"exactly one line", strings.Repeat("あ", 15), 30, strings.Repeat("あ", 15)},
		{"two lines", strings.Repeat("あ", 20), 30, strings.Repeat("あ", 15) + "\n" + strings.Repeat("あ", 5)},
		{"cut", strings.Repeat("あ", 40), 30, strings.Repeat("あ", 15) + "\n" + strings.Repeat("あ", 14) + "…"},
		{"mixed widths", "株式会社ABC / サービス", 14, "株式会社ABC /\nサービス"},
		{"English at a space", "Example Holdings Corporation / Online store", 30, "Example Holdings Corporation /\nOnline store"},
		{"English cut", "Example Holdings Corporation / Online store of the group", 30, "Example Holdings Corporation /\nOnline store of the group"},
		{"English cut long", "Example Holdings Corporation / Online store of the whole group", 30, "Example Holdings Corporation /\nOnline store of the whole gro…"},
		{"spaces collapse", "  A   B  ", 30, "A B"},
		{"empty", "", 30, ""},
	}
	for _, tt := range tests {
		got := wrapName(tt.in, tt.width, 2)
		if got != tt.want {
			t.Errorf("%s: wrapName(%q, %d) = %q, want %q", tt.name, tt.in, tt.width, got, tt.want)
		}
		for _, l := range strings.Split(got, "\n") {
			if textWidth(l) > tt.width {
				t.Errorf("%s: line %q is %d wide, more than %d", tt.name, l, textWidth(l), tt.width)
			}
		}
	}
}
