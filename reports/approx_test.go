package reports

import (
	"testing"

	"github.com/xuri/excelize/v2"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
)

// TestCountSigns checks that approximate and bounded counts are written as numbers with a
// leading ≈, ≥ or ≤, on the Scopes sheet and in the incident's total, and that the count
// as written stands beside the number wherever it was more than digits.
func TestCountSigns(t *testing.T) {
	in := "incident_id,organization,record_type,certainty,records,disclosed\n" +
		"x,Example Co.,personal,suspected,約4万件,2019-06-04\n" +
		"x,Example Co.,card,confirmed,\"1,000\",2019-06-04\n" +
		"y,Example Co.,personal,confirmed,3万件以上,2019-07-01\n" +
		"y,Example Co.,card,suspected,1万2千件,2019-07-01\n" +
		"z,Other Co.,personal,confirmed,最大3万5千件,2019-08-01\n" +
		"w,Both Co.,personal,confirmed,30000+,2019-09-01\n" +
		"w,Both Co.,card,confirmed,up to 100,2019-09-01\n" +
		"v,Decimal Co.,personal,confirmed,1.2万件,2019-10-01\n"
	rep := reportFrom(t, []byte(in))
	for _, l := range []i18n.Lang{i18n.En, i18n.Ja} {
		b, _ := writeBook(t, rep, l)
		scopes, incidents := b.sheet(lSheetScopes), b.sheet(lSheetIncidents)
		checks := []struct {
			sheet, keyCol, key string
			col                string // the number's column; lRecordsWritten is beside it
			want               float64
			format             string
			written            string
		}{
			{scopes, lLine.in(l), "2", lRecords.in(l), 40000, signFormat(l, "≈"), "約4万件"},
			{scopes, lLine.in(l), "3", lRecords.in(l), 1000, "", ""},
			{scopes, lLine.in(l), "4", lRecords.in(l), 30000, signFormat(l, "≥"), "3万件以上"},
			{scopes, lLine.in(l), "5", lRecords.in(l), 12000, "", "1万2千件"},
			{scopes, lLine.in(l), "6", lRecords.in(l), 35000, signFormat(l, "≤"), "最大3万5千件"},
			{scopes, lLine.in(l), "9", lRecords.in(l), 12000, signFormat(l, "≈"), "1.2万件"},
			{incidents, lIncidentID.in(l), "x", lTotalRecords.in(l), 41000, signFormat(l, "≈"),
				i18n.Bucket(analysis.Bucket{Type: data.Personal, Certainty: data.Suspected}).In(l) + ": 約4万件"},
			{incidents, lIncidentID.in(l), "y", lTotalRecords.in(l), 42000, signFormat(l, "≥"),
				i18n.Bucket(analysis.Bucket{Type: data.Personal, Certainty: data.Confirmed}).In(l) + ": 3万件以上; " +
					i18n.Bucket(analysis.Bucket{Type: data.Card, Certainty: data.Suspected}).In(l) + ": 1万2千件"},
			{incidents, lIncidentID.in(l), "z", lTotalRecords.in(l), 35000, signFormat(l, "≤"),
				i18n.Bucket(analysis.Bucket{Type: data.Personal, Certainty: data.Confirmed}).In(l) + ": 最大3万5千件"},
			// At least 30,000 and at most 100 bound the total neither way.
			{incidents, lIncidentID.in(l), "w", lTotalRecords.in(l), 30100, signFormat(l, "≈"),
				i18n.Bucket(analysis.Bucket{Type: data.Personal, Certainty: data.Confirmed}).In(l) + ": 30000+; " +
					i18n.Bucket(analysis.Bucket{Type: data.Card, Certainty: data.Confirmed}).In(l) + ": up to 100"},
		}
		for _, c := range checks {
			hdr := b.header(c.sheet, 1)
			col := b.col(c.sheet, hdr, c.col)
			row := b.rowWhere(c.sheet, b.col(c.sheet, hdr, c.keyCol), c.key)
			got, ok := b.number(c.sheet, col, row)
			if !ok || got != c.want {
				t.Errorf("%s %s=%s %s = %v (%v), want %v", c.sheet, c.keyCol, c.key, c.col, got, ok, c.want)
			}
			if custom, _ := b.numFmt(c.sheet, col, row); custom != c.format {
				t.Errorf("%s %s=%s %s: number format %q, want %q", c.sheet, c.keyCol, c.key, c.col, custom, c.format)
			}
			wcol := b.col(c.sheet, hdr, lRecordsWritten.in(l))
			if wcol != col+1 {
				t.Errorf("%s: %s is column %d, not beside %s (%d)", c.sheet, lRecordsWritten.in(l), wcol, c.col, col)
			}
			if got := b.str(c.sheet, wcol, row); got != c.written {
				t.Errorf("%s %s=%s %s = %q, want %q", c.sheet, c.keyCol, c.key, lRecordsWritten.in(l), got, c.written)
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

// signFormat is the number format of a count with the sign: the sign before the number in
// English; in Japanese the words the text uses (約, 以上, 最大).
func signFormat(l i18n.Lang, sign string) string {
	if l != i18n.Ja {
		return `"` + sign + `"#,##0`
	}
	return map[string]string{"≈": `"約"#,##0"件"`, "≥": `#,##0"件以上"`, "≤": `"最大"#,##0"件"`}[sign]
}
