package input

import (
	"strings"

	"breachreport/data"
)

// dutyFields reads the columns of the PPC reporting duty and the JNSA damage estimate that
// are not dates: the data items, the vendor and the JNSA factors. A factor that cannot be
// read is warned about and left unset, so that the model's own rule applies and says so.
func (row *csvRow) dutyFields(sc *data.Scope, lineOf func(string) int, issues []data.Issue) []data.Issue {
	sc.DataItems = data.SplitItems(row.DataItems)
	sc.Vendor = strings.TrimSpace(row.Vendor)
	factors := [...]struct {
		col string
		raw string
		set func(string) error
	}{
		{data.ColJNSAEP, row.JNSAEP, func(v string) (err error) { sc.JNSA.EPX, sc.JNSA.EPY, err = data.ParseEP(v); return }},
		{data.ColJNSAIdentifiability, row.JNSAIdentifiability, func(v string) (err error) {
			sc.JNSA.Identifiability, err = data.ParseFactor(v, 1, 3, 6)
			return
		}},
		{data.ColJNSASocial, row.JNSASocial, func(v string) (err error) { sc.JNSA.Social, err = data.ParseFactor(v, 1, 2); return }},
		{data.ColJNSAResponse, row.JNSAResponse, func(v string) (err error) { sc.JNSA.Response, err = data.ParseFactor(v, 1, 2); return }},
	}
	for _, f := range factors {
		if strings.TrimSpace(f.raw) == "" {
			continue
		}
		if err := f.set(f.raw); err != nil {
			issues = append(issues, data.Issue{Kind: data.KindFactor, Severity: data.Warning, Line: lineOf(f.col), Column: f.col, Value: f.raw,
				Message: data.Msgf("%v; the model's own value is used", err)})
		}
	}
	return issues
}
