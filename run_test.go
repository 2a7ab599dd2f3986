package main

import "testing"

func TestClosest(t *testing.T) {
	flags := []string{"month", "map", "max-columns", "max-field-size", "format", "from", "lang"}
	for _, tt := range []struct{ in, want string }{
		{"mnth", "month"},
		{"mont", "month"},
		{"formt", "format"},
		{"lan", "lang"},
		{"maxcolumns", "max-columns"},
		{"xyzzy", ""},
		{"m", ""}, // one letter is a prefix of too much to suggest any
	} {
		if got := closest(tt.in, flags); got != tt.want {
			t.Errorf("closest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
