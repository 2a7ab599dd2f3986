package data

import (
	"strings"
	"unicode"
)

// legalForms are the words of a Japanese company's legal form, after NFKC (which makes ㈱
// and （株） into (株)), that OrgKey drops from either end of a name: one list spells a
// company 株式会社ことぶき住宅 and another (株)ことぶき住宅 or ことぶき住宅㈱.
var legalForms = []string{"株式会社", "(株)", "有限会社", "(有)", "合同会社", "(同)"}

// OrgKey returns the form of an organization name used to compare names, never to show
// them: NFKC, without a legal form (株式会社, (株), ㈱, 有限会社, (有), ㈲, 合同会社, (同)) before
// or after the name, and without spaces and ・. A name that is nothing but a legal form keeps
// it, so that it still differs from a blank name.
func OrgKey(name string) string {
	t := strings.TrimSpace(nfkc(name))
	for _, f := range legalForms {
		if s, ok := strings.CutPrefix(t, f); ok && strings.TrimSpace(s) != "" {
			t = strings.TrimSpace(s)
			break
		}
	}
	for _, f := range legalForms {
		if s, ok := strings.CutSuffix(t, f); ok && strings.TrimSpace(s) != "" {
			t = strings.TrimSpace(s)
			break
		}
	}
	if !strings.ContainsFunc(t, isNameSeparator) {
		return t
	}
	return strings.Map(func(r rune) rune {
		if isNameSeparator(r) {
			return -1
		}
		return r
	}, t)
}

// isNameSeparator reports whether r is left out when names are compared: spaces and ・.
func isNameSeparator(r rune) bool { return r == '・' || unicode.IsSpace(r) }

// GroupKey returns what sc is grouped into an incident by: its incident id, or for an id
// derived from organization and disclosed date, those two with the organization as OrgKey
// compares it, so that (株)ことぶき住宅 and 株式会社ことぶき住宅 disclosed on the same day are
// one incident. The two kinds of key never meet: a derived key starts with a zero byte.
func (sc *Scope) GroupKey() string {
	if !sc.IDDerived || !sc.Disclosed.Known() {
		return sc.IncidentID
	}
	return "\x00" + OrgKey(sc.Organization) + " " + sc.Disclosed.String()
}

// IDKey returns the form of an incident id used to find one a user names (--compare): an id
// derived from organization and disclosed date ends with the date after a space, so the
// part before the last space is compared as OrgKey compares names, and
// "(株)ことぶき住宅 2024-05-10" finds "株式会社ことぶき住宅 2024-05-10".
func IDKey(id string) string {
	id = strings.TrimSpace(nfkc(id))
	i := strings.LastIndexByte(id, ' ')
	if i < 0 {
		return OrgKey(id)
	}
	return OrgKey(id[:i]) + " " + id[i+1:]
}
