package reports

import (
	"testing"

	"breachreport/data"
	"breachreport/i18n"
)

// TestIssuesOmitted checks that the Data issues sheet says, after the issues it lists, how
// many more of each kind and severity were counted but not held (past data.IssueCap).
func TestIssuesOmitted(t *testing.T) {
	rep := reportFrom(t, []byte(messyCSV))
	rep.Omitted = data.Tally{}
	for range 5 {
		rep.Omitted.Add(data.KindDate, data.Warning)
	}
	for range 2 {
		rep.Omitted.Add(data.KindStructure, data.Rejected)
	}
	for _, l := range langs {
		t.Run(string(l), func(t *testing.T) {
			b, _ := writeBook(t, rep, l)
			sh := b.sheet(lSheetIssues)
			hdr := b.header(sh, 1)
			msgCol := b.col(sh, hdr, lMessage.in(l))
			for _, c := range []struct {
				kind data.Kind
				sev  label
				n    int
			}{{data.KindDate, lSevWarning, 5}, {data.KindStructure, lSevRejected, 2}} {
				r := b.rowWhere(sh, msgCol, i18n.Sprint(l, omittedMsg(c.n)))
				if r <= len(rep.Issues)+1 {
					t.Errorf("%s: the count is on row %d, among the %d issues listed", c.kind, r, len(rep.Issues))
				}
				for h, want := range map[label]string{lKind: i18n.Kind(c.kind).In(l), lSeverity: c.sev.in(l), lLine: "", lValue: ""} {
					if got := b.str(sh, b.col(sh, hdr, h.in(l)), r); got != want {
						t.Errorf("%s: %s = %q, want %q", c.kind, h.in(l), got, want)
					}
				}
			}
		})
	}
}
