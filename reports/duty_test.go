package reports

import (
	"os"
	"testing"

	"breachreport/analysis"
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
			id, rt := b.col(dmg, h, lIncidentID.in(l)), b.col(dmg, h, lRecordType.in(l))
			per, est := b.col(dmg, h, lPerPerson.in(l)), b.col(dmg, h, lEstimate.in(l))
			conf, all := b.col(dmg, h, lEstimateConfirmed.in(l)), b.col(dmg, h, lEstimateAll.in(l))
			first := b.rowWhere(dmg, id, "S")
			tests := []struct {
				row        int
				rt         string
				per, yen   float64
				conf, all  float64
				onIncident bool
			}{
				{first, i18n.RecordType("personal").In(l), 6000, 248130000, 0, 349764000, true},
				{first + 1, i18n.RecordType("card").In(l), 39000, 101634000, 0, 0, false},
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
			pdue, fdue, flong := b.col(duty, h, lPrelimDue.in(l)), b.col(duty, h, lFinalDue.in(l)), b.col(duty, h, lFinalDueLong.in(l))
			plate, flate := b.col(duty, h, lPrelimLate.in(l)), b.col(duty, h, lFinalLate.in(l))
			late, onTime := lLate.in(l), lOnTime.in(l)
			for _, tt := range []struct {
				id, report, pdue, fdue, flong, plate, flate string
			}{
				{"S", i18n.BeforeEnforcement.In(l), "", "", "", "", ""},
				{"P1", i18n.Reportable(analysis.Yes).In(l), "2023-04-08", "2023-05-03", "", onTime, onTime},
				{"P2", i18n.Reportable(analysis.Yes).In(l), "2023-06-06", "2023-07-31", "", late, onTime},
				{"P3", i18n.Reportable(analysis.No).In(l), "2023-07-15", "2023-08-09", "", "", ""},
				{"P5", i18n.Reportable(analysis.Unknown).In(l), "2023-09-06", "2023-10-01", "", "", late},
				{"P6", i18n.Reportable(analysis.Yes).In(l), "2023-12-05", "2023-12-30", "2024-01-29", onTime, ""},
			} {
				r := b.rowWhere(duty, did, tt.id)
				got := [...]string{b.str(duty, report, r), b.date(duty, pdue, r), b.date(duty, fdue, r), b.date(duty, flong, r), b.str(duty, plate, r), b.str(duty, flate, r)}
				want := [...]string{tt.report, tt.pdue, tt.fdue, tt.flong, tt.plate, tt.flate}
				if got != want {
					t.Errorf("%s: %q, want %q", tt.id, got, want)
				}
			}
		})
	}
}
