package reports

import (
	"os"
	"strings"
	"testing"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
)

// The workbook of analysis/testdata/duty.csv, read back: the JNSA figures of the seed case
// Sanpo Create (issue 18's acceptance figures) and the duty's deadlines and late flags of
// the hand-worked incidents, in both languages.
func TestDutyAndDamageReadBack(t *testing.T) {
	raw, err := os.ReadFile("../analysis/testdata/duty.csv")
	if err != nil {
		t.Fatal(err)
	}
	rep := reportFrom(t, raw)
	for _, l := range langs {
		t.Run(string(l), func(t *testing.T) {
			b, _ := writeBook(t, rep, l)
			dmg := b.sheet(lSheetDamage)
			h := b.header(dmg, 1)
			org, rt := b.col(dmg, h, lOrganization.in(l)), b.col(dmg, h, lScopeKind.in(l))
			per, est := b.col(dmg, h, lPerPerson.in(l)), b.col(dmg, h, lEstimate.in(l))
			conf, all := b.col(dmg, h, lEstimateConfirmed.in(l)), b.col(dmg, h, lEstimateAll.in(l))
			first := b.rowWhere(dmg, org, "株式会社サンポークリエイト")
			tests := []struct {
				row        int
				rt         string
				per, yen   float64
				conf, all  float64
				onIncident bool
			}{
				{first, i18n.Bucket(analysis.Bucket{Type: data.Personal, Certainty: data.Suspected}).In(l), 6000, 248130000, 0, 349764000, true},
				{first + 1, i18n.Bucket(analysis.Bucket{Type: data.Card, Certainty: data.Suspected}).In(l), 39000, 101634000, 0, 0, false},
			}
			for _, tt := range tests {
				if got := b.str(dmg, rt, tt.row); got != tt.rt {
					t.Fatalf("row %d: record type %q, want %q", tt.row, got, tt.rt)
				}
				p, _ := b.number(dmg, per, tt.row)
				y, _ := b.number(dmg, est, tt.row)
				if p != tt.per || y != tt.yen {
					t.Errorf("%s: per person %v, estimate %v; want %v, %v", tt.rt, p, y, tt.per, tt.yen)
				}
				c, cok := b.number(dmg, conf, tt.row)
				a, aok := b.number(dmg, all, tt.row)
				if cok != tt.onIncident || aok != tt.onIncident || c != tt.conf || a != tt.all {
					t.Errorf("%s: incident range %v (%v) … %v (%v), want %v … %v on the first scope's row only", tt.rt, c, cok, a, aok, tt.conf, tt.all)
				}
			}
			if got, _ := b.numFmt(dmg, est, first); got != map[i18n.Lang]string{i18n.En: `"¥"#,##0`, i18n.Ja: `#,##0"円"`}[l] {
				t.Errorf("estimate number format %q", got)
			}

			duty := b.sheet(lSheetDuty)
			h = b.header(duty, 1)
			did := b.col(duty, h, lIncidentID.in(l))
			report := b.col(duty, h, lReportable.in(l))
			pdue, fdue := b.col(duty, h, lPrelimDue.in(l)), b.col(duty, h, lFinalDue.in(l))
			prelim, final := b.col(duty, h, lPrelimLate.in(l)), b.col(duty, h, lFinalLate.in(l))
			ja := l == i18n.Ja
			pick := func(en, jaText string) string {
				if ja {
					return jaText
				}
				return en
			}
			for _, tt := range []struct {
				id, report, pdue, fdue, prelim, final string
			}{
				{"S", i18n.BeforeEnforcement.In(l), "", "", "", ""},
				{"P1", i18n.Reportable(analysis.Yes).In(l), "2023-04-08", "2023-05-03",
					pick("2023-04-06 (3 days, on time)", "2023/04/06（3日・期限内）"), pick("2023-05-03 (30 days, on time)", "2023/05/03（30日・期限内）")},
				{"P2", i18n.Reportable(analysis.Yes).In(l), "2023-06-06", "2023-07-31",
					pick("2023-06-08 (7 days, late)", "2023/06/08（7日・期限超過）"), pick("2023-07-25 (54 days, on time)", "2023/07/25（54日・期限内）")},
				{"P3", i18n.Reportable(analysis.No).In(l), "2023-07-15", "2023-08-09", "", ""},
				{"P5", i18n.Reportable(analysis.Unknown).In(l), "2023-09-06", "2023-10-01", "", pick("2023-10-15 (44 days, late)", "2023/10/15（44日・期限超過）")},
			} {
				r := b.rowWhere(duty, did, tt.id)
				got := [...]string{b.str(duty, report, r), b.date(duty, pdue, r), b.date(duty, fdue, r), b.str(duty, prelim, r), b.str(duty, final, r)}
				want := [...]string{tt.report, tt.pdue, tt.fdue, tt.prelim, tt.final}
				if got != want {
					t.Errorf("%s: %q, want %q", tt.id, got, want)
				}
			}
			// ③ unknown: the final deadline is day 30 or, if ③ applies, day 60; day 46 is late
			// only in the first case, so it is not called either.
			r := b.rowWhere(duty, did, "P6")
			if got, want := b.str(duty, fdue, r), pick("2023-12-30 (2024-01-29 if ③ applies)", "2023/12/30（③に該当すれば2024/01/29）"); got != want {
				t.Errorf("P6 final deadline %q, want %q", got, want)
			}
			if got, want := b.str(duty, final, r), pick("2024-01-15 (46 days)", "2024/01/15（46日）"); got != want {
				t.Errorf("P6 final report %q, want %q", got, want)
			}
		})
	}
}

// Past MaxDutyIncidents the two sheets are left out, Summary says why, and its list of
// sheets does not link to them.
func TestDutySheetsLeftOutOfHugeReports(t *testing.T) {
	rep := sampleReport(t)
	for _, l := range langs {
		b := writeWith(t, rep, Options{Lang: l, maxDutyIncidents: 1})
		for _, sh := range b.f.GetSheetList() {
			if sh == lSheetDuty.in(l) || sh == lSheetDamage.in(l) {
				t.Errorf("%s: sheet %s written for 2 incidents over a bound of 1", l, sh)
			}
		}
		rows, err := b.f.GetRows(b.sheet(lSheetSummary))
		if err != nil {
			t.Fatal(err)
		}
		var text []string
		for _, r := range rows {
			text = append(text, strings.Join(r, " "))
		}
		all := strings.Join(text, "\n")
		want := map[i18n.Lang]string{i18n.En: "sheets are left out: 2 incidents, more than the 1", i18n.Ja: "事案が2件あり、対象とする1件を超えるため"}[l]
		if !strings.Contains(all, want) {
			t.Errorf("%s: Summary does not say why the sheets are left out:\n%s", l, all)
		}
		for _, r := range rows {
			if len(r) > 0 && (r[0] == lSheetDuty.in(l) || r[0] == lSheetDamage.in(l)) {
				t.Errorf("%s: Summary lists the sheet %s left out", l, r[0])
			}
		}
	}
}
