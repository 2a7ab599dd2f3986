package main

import (
	"flag"
	"os"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/input"
)

// ruleFlags are generate's flags that replace the tables breachreport ships: the EP map of
// the JNSA damage model and the taxonomy of standard categories.
type ruleFlags struct {
	epMap, taxonomy *string
}

func addRuleFlags(fs *flag.FlagSet) ruleFlags {
	return ruleFlags{
		epMap:    fs.String("ep-map", "", "read the JNSA damage model's EP map from `FILE` instead of the shipped one (examples/jnsa-ep-map.toml)"),
		taxonomy: fs.String("taxonomy", "", "read the standard categories of causes and industries from `FILE` instead of the shipped ones (examples/taxonomy.toml)"),
	}
}

// rules are the tables a report uses.
type rules struct {
	ep       analysis.EPMap
	taxonomy data.Taxonomy
}

// load reads the files the flags name, or takes the shipped tables.
func (f ruleFlags) load() (rules, error) {
	r := rules{ep: analysis.DefaultEPMap(), taxonomy: data.DefaultTaxonomy()}
	if *f.epMap != "" {
		file, err := os.Open(*f.epMap)
		if err != nil {
			return rules{}, data.Errorf("reading the EP map: %w", err)
		}
		defer file.Close()
		points, err := input.ParseEPMap(file, *f.epMap)
		if err != nil {
			return rules{}, err
		}
		m := make(map[string]analysis.EP, len(points))
		for k, v := range points {
			m[k] = analysis.EP{X: v[0], Y: v[1]}
		}
		r.ep = analysis.NewEPMap(m)
	}
	if *f.taxonomy != "" {
		file, err := os.Open(*f.taxonomy)
		if err != nil {
			return rules{}, data.Errorf("reading the taxonomy: %w", err)
		}
		defer file.Close()
		if r.taxonomy, err = input.ParseTaxonomy(file, *f.taxonomy); err != nil {
			return rules{}, err
		}
	}
	return r, nil
}
