package input_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"breachreport/analysis"
	"breachreport/input"
)

// The shipped file and the shipped table are one map: the file is the table to copy and edit.
func TestEPMapFileIsTheDefault(t *testing.T) {
	f, err := os.Open("../examples/jnsa-ep-map.toml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	points, err := input.ParseEPMap(f, "jnsa-ep-map.toml")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]analysis.EP{}
	for k, v := range points {
		got[k] = analysis.EP{X: v[0], Y: v[1]}
	}
	file := analysis.NewEPMap(got).Points()
	def := analysis.DefaultEPMap().Points()
	if len(file) != len(def) {
		t.Errorf("the file has %d items, the shipped table %d", len(file), len(def))
	}
	for k, v := range def {
		if file[k] != v {
			t.Errorf("%s: file %v, table %v", k, file[k], v)
		}
	}
}

func TestParseEPMapErrors(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"level out of range", "[ep]\n\"氏名\" = [1, 4]\n", `"氏名" = [1 4]: give two levels 1–3`},
		{"one level", "[ep]\n\"氏名\" = [1]\n", `"氏名" = [1]: give two levels`},
		{"unknown table", "[items]\n\"氏名\" = [1, 1]\n", "unknown key items"},
		{"empty", "", "no items under [ep]"},
		{"syntax", "[ep]\n\"氏名\" = [1, \n", "line 2"},
		{"deep", "[ep]\nx = " + strings.Repeat("[", 40) + "\n", "nested more than 16 deep"},
	}
	for _, tt := range tests {
		_, err := input.ParseEPMap(strings.NewReader(tt.text), "my-map.toml")
		if !errors.Is(err, input.ErrEPMap) || !strings.Contains(err.Error(), "my-map.toml") || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want ErrEPMap naming the file and %q", tt.name, err, tt.want)
		}
	}
}
