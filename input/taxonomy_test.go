package input_test

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"breachreport/data"
	"breachreport/input"
)

// The shipped file and the shipped table are one taxonomy.
func TestTaxonomyFileIsTheDefault(t *testing.T) {
	f, err := os.Open("../examples/taxonomy.toml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := input.ParseTaxonomy(f, "taxonomy.toml")
	if err != nil {
		t.Fatal(err)
	}
	if want := data.DefaultTaxonomy(); !reflect.DeepEqual(got, want) {
		t.Errorf("examples/taxonomy.toml differs from data.DefaultTaxonomy:\n%+v\n%+v", got, want)
	}
}

func TestParseTaxonomyErrors(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"no categories", "", "no [[cause]] or [[industry]]"},
		{"no match words", "[[cause]]\nname = \"x\"\n", "[[cause]] number 1: give a name"},
		{"unknown key", "[[cause]]\nname = \"x\"\nmatch = [\"a\"]\ncolour = \"red\"\n", "unknown key cause.colour"},
		{"syntax", "[[cause]\n", "expected end of table array name"},
	}
	for _, tt := range tests {
		_, err := input.ParseTaxonomy(strings.NewReader(tt.text), "mine.toml")
		if !errors.Is(err, input.ErrTaxonomy) || !strings.Contains(err.Error(), "mine.toml") || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want ErrTaxonomy naming the file and %q", tt.name, err, tt.want)
		}
	}
	tax, err := input.ParseTaxonomy(strings.NewReader("[[cause]]\nname = \"攻撃\"\nmatch = [\"ＡＴＴＡＣＫ\"]\n"), "mine.toml")
	if err != nil {
		t.Fatal(err)
	}
	if c, ok := tax.Cause("DDoS attack"); !ok || c.NameEn != "攻撃" {
		t.Errorf("folded match word: %+v %v", c, ok)
	}
}
