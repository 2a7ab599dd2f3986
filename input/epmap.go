package input

import (
	"bytes"
	"errors"
	"io"

	"github.com/BurntSushi/toml"

	"breachreport/data"
)

// ErrEPMap is wrapped by the errors of ParseEPMap.
var ErrEPMap = errors.New("bad EP map")

// epFile is an EP map file: each data item with its 精神的苦痛 and 経済的損失 levels.
type epFile struct {
	EP map[string][]int `toml:"ep"`
}

// ParseEPMap reads an EP map for the JNSA model (--ep-map): a TOML file whose table [ep]
// gives each data item its 精神的苦痛 and 経済的損失 levels, "氏名" = [1, 1]; see
// examples/jnsa-ep-map.toml and analysis.NewEPMap. Its size and nesting are bounded as a
// mapping's are.
func ParseEPMap(r io.Reader, name string) (map[string][2]int, error) {
	text, err := io.ReadAll(io.LimitReader(r, MaxMappingSize+1))
	if err != nil {
		return nil, data.Errorf("%w: %s: %w", ErrEPMap, name, err)
	}
	if len(text) > MaxMappingSize {
		return nil, data.Errorf("%w: %s: larger than %s, the most an EP map is read", ErrEPMap, name, FormatSize(MaxMappingSize))
	}
	if line, ok := nestingWithin(text, MaxMappingDepth); !ok {
		return nil, data.Errorf("%w: %s: line %d: brackets nested more than %d deep", ErrEPMap, name, line, MaxMappingDepth)
	}
	var f epFile
	md, err := toml.NewDecoder(bytes.NewReader(text)).Decode(&f)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, data.Errorf("%w: %s: line %d, column %d: %s", ErrEPMap, name, pe.Position.Line, pe.Position.Col, pe.Message)
		}
		return nil, data.Errorf("%w: %s: %v", ErrEPMap, name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, data.Errorf("%w: %s: unknown key %s (the file holds one table, [ep])", ErrEPMap, name, und[0])
	}
	if len(f.EP) == 0 {
		return nil, data.Errorf("%w: %s: no items under [ep]", ErrEPMap, name)
	}
	points := make(map[string][2]int, len(f.EP))
	for item, v := range f.EP {
		if len(v) != 2 || v[0] < 1 || v[0] > 3 || v[1] < 1 || v[1] > 3 {
			return nil, data.Errorf("%w: %s: %q = %v: give two levels 1–3, [精神的苦痛, 経済的損失], such as [1, 3]", ErrEPMap, name, item, v)
		}
		points[item] = [2]int{v[0], v[1]}
	}
	return points, nil
}
