package main

import (
	"os"
	"strings"
	"testing"
)

// TestDoc checks that the synopses in main.go's doc comment and in README.md's Commands
// block are those the commands print (synopses). Run "go test -run TestDoc -update" to
// rewrite both from synopses.
func TestDoc(t *testing.T) {
	tests := []struct {
		name string
		file string
		// start and end enclose the synopses in the file; each line of them starts with
		// prefix.
		start, end, prefix string
	}{
		{"doc comment", "main.go", "// Usage:\n//\n", "//\n", "//\t"},
		{"README", "README.md", "## Commands\n\n```\n", "```\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			text := string(src)
			i := strings.Index(text, tt.start)
			if i < 0 {
				t.Fatalf("%s: no %q", tt.file, tt.start)
			}
			i += len(tt.start)
			n := strings.Index(text[i:], tt.end)
			if n < 0 {
				t.Fatalf("%s: no %q after %q", tt.file, tt.end, tt.start)
			}
			got := text[i : i+n]
			want := prefixLines(synopsesText(""), tt.prefix)
			if got == want {
				return
			}
			if *update {
				if err := os.WriteFile(tt.file, []byte(text[:i]+want+text[i+n:]), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			t.Errorf("%s: the synopses differ from those of --help (go test -run TestDoc -update rewrites them):\n-- %s --\n%s-- want --\n%s",
				tt.file, tt.file, got, want)
		})
	}
}

// prefixLines returns text with prefix before each line.
func prefixLines(text, prefix string) string {
	lines := strings.SplitAfter(text, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "")
}
