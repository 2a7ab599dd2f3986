package charts

import (
	"breachreport/analysis"
	"breachreport/i18n"
)

// dutyCard is the dashboard's card on the PPC reporting duty of incidents: for each
// situation how many incidents it applies to, and how many were reportable and late.
func (v view) dutyCard(incidents analysis.Figures) topCard {
	t := analysis.TallyDuty(incidents)
	tbl := &table{Head: []string{v.t(labels.DutyHeading), v.t(i18n.Answer(analysis.Yes)), v.t(i18n.Answer(analysis.No)), v.t(i18n.Answer(analysis.Unknown))}}
	for i, s := range analysis.Situations() {
		tbl.Rows = append(tbl.Rows, []string{v.t(i18n.Situation(s)), num(t.Situations[i][0]), num(t.Situations[i][1]), num(t.Situations[i][2])})
	}
	c := topCard{Heading: v.t(labels.DutyHeading), Tables: []*table{tbl}, Paragraphs: []string{i18n.DutyTallyText(t, v.lang)}}
	if t.ViaVendor > 0 {
		c.Paragraphs = append(c.Paragraphs, i18n.VendorTallyText(t, v.lang))
	}
	c.Notes = []string{v.t(labels.DutyNote)}
	return c
}
