package input

import (
	"bytes"
	"errors"
	"io"
	"strings"

	"github.com/BurntSushi/toml"

	"breachreport/data"
)

// ErrTaxonomy is wrapped by the errors of ParseTaxonomy.
var ErrTaxonomy = errors.New("bad taxonomy")

type taxonomyFile struct {
	Cause    []taxonomyCategory `toml:"cause"`
	Industry []taxonomyCategory `toml:"industry"`
}

type taxonomyCategory struct {
	Name   string   `toml:"name"`
	NameEn string   `toml:"name_en"`
	Match  []string `toml:"match"`
}

// ParseTaxonomy reads a taxonomy (--taxonomy): a TOML file of [[cause]] and [[industry]]
// tables, each with a name, an English name_en and the match words; see
// examples/taxonomy.toml. It replaces the shipped taxonomy, so a file without [[industry]]
// maps no industry. Its size and nesting are bounded as a mapping's are.
func ParseTaxonomy(r io.Reader, name string) (data.Taxonomy, error) {
	fail := func(m any) (data.Taxonomy, error) {
		return data.Taxonomy{}, data.Errorf("%w: %s: %v", ErrTaxonomy, name, m)
	}
	text, err := io.ReadAll(io.LimitReader(r, MaxMappingSize+1))
	if err != nil {
		return fail(err)
	}
	if len(text) > MaxMappingSize {
		return fail(data.Msgf("larger than %s, the most a taxonomy is read", FormatSize(MaxMappingSize)))
	}
	if line, ok := nestingWithin(text, MaxMappingDepth); !ok {
		return fail(data.Msgf("line %d: brackets nested more than %d deep", line, MaxMappingDepth))
	}
	var f taxonomyFile
	md, err := toml.NewDecoder(bytes.NewReader(text)).Decode(&f)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return fail(data.Msgf("line %d, column %d: %s", pe.Position.Line, pe.Position.Col, pe.Message))
		}
		return fail(err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return fail(data.Msgf("unknown key %s (a category has name, name_en and match)", und[0].String()))
	}
	if len(f.Cause)+len(f.Industry) == 0 {
		return fail(data.Msgf("no [[cause]] or [[industry]] categories"))
	}
	var t data.Taxonomy
	for _, part := range []struct {
		table string
		in    []taxonomyCategory
		out   *[]data.Category
	}{{"cause", f.Cause, &t.Causes}, {"industry", f.Industry, &t.Industries}} {
		for i, c := range part.in {
			if strings.TrimSpace(c.Name) == "" || len(c.Match) == 0 {
				return fail(data.Msgf("[[%s]] number %d: give a name and at least one match word", part.table, i+1))
			}
			cat := data.Category{Name: c.Name, NameEn: c.NameEn}
			if cat.NameEn == "" {
				cat.NameEn = c.Name
			}
			for _, w := range c.Match {
				if w = data.FoldWord(w); w != "" {
					cat.Match = append(cat.Match, w)
				}
			}
			*part.out = append(*part.out, cat)
		}
	}
	return t, nil
}
