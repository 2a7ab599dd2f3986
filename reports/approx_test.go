package reports

import (
	"testing"

	"github.com/xuri/excelize/v2"

	"breachreport/i18n"
)

// TestApproximateCount checks that 約4万件 is written as the number 40000 shown with a
// leading ≈, on the Scopes sheet and in the incident's total.
func TestApproximateCount(t *testing.T) {
	in := "incident_id,organization,record_type,certainty,records,disclosed\n" +
		"x,Example Co.,personal,suspected,約4万件,2019-06-04\n" +
		"x,Example Co.,card,confirmed,\"1,000\",2019-06-04\n"
	rep := reportFrom(t, []byte(in))
	for _, l := range []i18n.Lang{i18n.En, i18n.Ja} {
		b, _ := writeBook(t, rep, l)
		checks := []struct {
			sheet, keyCol, key, col string
			want                    float64
			approx                  bool
		}{
			{b.sheet(lSheetScopes), lLine.in(l), "2", lRecords.in(l), 40000, true},
			{b.sheet(lSheetScopes), lLine.in(l), "3", lRecords.in(l), 1000, false},
			{b.sheet(lSheetIncidents), lIncidentID.in(l), "x", lTotalRecords.in(l), 41000, true},
		}
		for _, c := range checks {
			hdr := b.header(c.sheet, 1)
			col := b.col(c.sheet, hdr, c.col)
			row := b.rowWhere(c.sheet, b.col(c.sheet, hdr, c.keyCol), c.key)
			got, ok := b.number(c.sheet, col, row)
			if !ok || got != c.want {
				t.Errorf("%s %s=%s %s = %v (%v), want %v", c.sheet, c.keyCol, c.key, c.col, got, ok, c.want)
			}
			custom, _ := b.numFmt(c.sheet, col, row)
			if isApprox := custom == `"≈"#,##0`; isApprox != c.approx {
				t.Errorf("%s %s=%s %s: number format %q, approximate %v", c.sheet, c.keyCol, c.key, c.col, custom, c.approx)
			}
		}
	}
}

// TestExtraColumns checks that the input's columns outside the schema follow on the Scopes
// sheet under their own headers, as text, even when they look like formulas.
func TestExtraColumns(t *testing.T) {
	in := "incident_id,organization,records,Region,=cmd|' /C calc'!A0\n" +
		"x,Example Co.,1,Kanto,=1+1\n"
	rep := reportFrom(t, []byte(in))
	b, _ := writeBook(t, rep, i18n.En)
	sh := b.sheet(lSheetScopes)
	hdr := b.header(sh, 1)
	row := b.rowWhere(sh, b.col(sh, hdr, lLine.in(i18n.En)), "2")
	for h, want := range map[string]string{"Region": "Kanto", "=cmd|' /C calc'!A0": "=1+1"} {
		col := b.col(sh, hdr, h)
		if got := b.str(sh, col, row); got != want {
			t.Errorf("%s = %q, want %q", h, got, want)
		}
		for _, r := range []int{1, row} {
			ref, _ := excelize.CoordinatesToCellName(col, r)
			if f, _ := b.f.GetCellFormula(sh, ref); f != "" {
				t.Errorf("%s became the formula %q", ref, f)
			}
		}
	}
}
