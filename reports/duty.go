package reports

import (
	"fmt"
	"slices"
	"strings"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
)

// dutySheet writes the PPC reporting duty of every incident: the four situations, whether
// it is reportable, the deadlines and the reports with the days they took, the vendor and
// the other incidents at it, and the grounds of each answer. The report and vendor columns
// are left out when no incident states them, as public lists rarely do, so that the sheet
// prints one page wide with room for the grounds.
func dutySheet(w *sheetWriter, rep analysis.Report, l i18n.Lang) {
	var prelims, finals, vendors bool
	for _, f := range rep.Incidents.All() {
		in := &f.Incident
		prelims = prelims || in.ReportedPreliminary.Known()
		finals = finals || in.ReportedFinal.Known()
		vendors = vendors || in.Vendor != ""
	}
	head := []string{lIncidentID.in(l), lOrganization.in(l), lDetected.in(l)}
	for _, s := range analysis.Situations() {
		head = append(head, i18n.Situation(s).In(l))
	}
	head = append(head, lReportable.in(l), lPrelimDue.in(l))
	if prelims {
		head = append(head, lPrelimLate.in(l))
	}
	head = append(head, lFinalDue.in(l))
	if finals {
		head = append(head, lFinalLate.in(l))
	}
	if vendors {
		head = append(head, lVendor.in(l))
	}
	w.header(append(head, lGrounds.in(l))...)
	same := w.bk.sameVendor
	sep := lListSep.in(l)
	for _, f := range rep.Incidents.All() {
		if w.err != nil {
			break
		}
		in := &f.Incident
		w.line, w.incident = in.FirstLine(), in.ID
		d := analysis.DutyOf(*in)
		row := append(w.rowBuf[:0], text(in.ID), text(in.Organization), date(in.Detected))
		for _, s := range analysis.Situations() {
			row = append(row, text(i18n.Answer(d.Findings[s].Answer).In(l)))
		}
		report, prelimDue, finalDue := text(reportableText(d, l)), date(d.PreliminaryDue), date(d.FinalDue)
		prelim := reportText(in.ReportedPreliminary, d.ToPreliminary, d.PreliminaryLate, l)
		final := reportText(in.ReportedFinal, d.ToFinal, d.FinalLate, l)
		switch {
		case d.Before == analysis.Yes:
			prelimDue, finalDue = cell{}, cell{}
			prelim = reportText(in.ReportedPreliminary, analysis.Days{}, analysis.Unknown, l)
			final = reportText(in.ReportedFinal, analysis.Days{}, analysis.Unknown, l)
		case d.FinalDueLong.Known():
			finalDue = text(fmt.Sprintf(lFinalDueEither.in(l), i18n.DateCell(d.FinalDue, l), i18n.DateCell(d.FinalDueLong, l)))
		}
		row = append(row, report, prelimDue)
		if prelims {
			row = append(row, text(prelim))
		}
		row = append(row, finalDue)
		if finals {
			row = append(row, text(final))
		}
		if vendors {
			vendor := in.Vendor
			if others := same[in.ID]; len(others) > 0 {
				vendor = fmt.Sprintf(lSameVendorAs.in(l), vendor, strings.Join(others, sep))
			}
			row = append(row, text(vendor))
		}
		row = append(row, text(grounds(d, l)))
		w.rowBuf = row
		w.write(row...)
	}
	w.finish(2, true)
}

// reportableText is whether an incident was reportable, or 施行前.
func reportableText(d analysis.Duty, l i18n.Lang) string {
	if d.Before == analysis.Yes {
		return i18n.BeforeEnforcement.In(l)
	}
	return i18n.Reportable(d.Reportable).In(l)
}

// reportText is a report as the duty sheet shows it: its day, the days from detection and
// whether it was late, 2023/06/08（7日・期限超過）; "" when it was not reported.
func reportText(on data.Date, took analysis.Days, late analysis.Answer, l i18n.Lang) string {
	if !on.Known() {
		return ""
	}
	var notes []string
	if took.Known {
		notes = append(notes, i18n.Days(took.N, l))
	}
	switch late {
	case analysis.Yes:
		notes = append(notes, lLate.in(l))
	case analysis.No:
		notes = append(notes, lOnTime.in(l))
	}
	if len(notes) == 0 {
		return i18n.DateCell(on, l)
	}
	return fmt.Sprintf(lReportOn.in(l), i18n.DateCell(on, l), strings.Join(notes, lNoteSep.in(l)))
}

// grounds lists why each situation is answered as it is, situations with the same ground
// together: ①② 漏えい項目の記載なし／③ 原因「ランサムウェア」／④ 件数 約104,000件.
func grounds(d analysis.Duty, l i18n.Lang) string {
	marks := []rune("①②③④")
	var (
		texts []string
		nums  = map[string]string{}
	)
	for i, s := range analysis.Situations() {
		g := i18n.Ground(l, d.Findings[s].Ground)
		if g == "" {
			continue
		}
		if _, ok := nums[g]; !ok {
			texts = append(texts, g)
		}
		nums[g] += string(marks[i])
	}
	parts := make([]string, len(texts))
	for i, g := range texts {
		parts[i] = nums[g] + " " + g
	}
	sep := "; "
	if l == i18n.Ja {
		sep = "／"
	}
	return strings.Join(parts, sep)
}

// damageSheet writes the JNSA damage estimate of every scope, with its factors, and the
// incident's range on its first scope's row.
func damageSheet(w *sheetWriter, rep analysis.Report, l i18n.Lang) {
	// The data items column is left out when no scope lists items, as public lists rarely do.
	items := false
	for _, f := range rep.Incidents.All() {
		for _, sc := range f.Incident.Scopes {
			items = items || len(sc.DataItems) > 0
		}
	}
	// The incident is named by its organization: the id is on every other sheet, and the
	// page has no room for it.
	head := []string{lOrganization.in(l), lScopeKind.in(l), lRecords.in(l)}
	if items {
		head = append(head, lDataItems.in(l))
	}
	head = append(head, lEP.in(l), lFactors.in(l), lPerPerson.in(l), lEstimate.in(l),
		lEstimateConfirmed.in(l), lEstimateAll.in(l))
	// The printed page holds the estimates; the defaults used, long text, are on screen.
	w.printThrough(len(head))
	w.header(append(head, lDamageNotes.in(l))...)
	sep := lListSep.in(l)
	for _, f := range rep.Incidents.All() {
		if w.err != nil {
			break
		}
		in := &f.Incident
		e := analysis.EstimateOf(*in, w.bk.epMap)
		for i, se := range e.Scopes {
			sc := se.Scope
			w.line, w.incident = sc.Line, in.ID
			ep, per := cell{}, cell{}
			if se.EP.X > 0 {
				ep = text(fmt.Sprintf(lEPPoint.in(l), se.EP.X, se.EP.Y, se.EP.Sensitivity()))
			}
			// 本人特定容易度・社会的責任度・事後対応評価 in one narrow column: 6・1・1.
			ident := "–"
			if se.Identifiability > 0 {
				ident = fmt.Sprint(se.Identifiability)
			}
			factors := text(fmt.Sprintf("%s・%d・%d", ident, se.Social, se.Response))
			if se.PerPerson > 0 {
				per = yen(data.KnownCount(se.PerPerson))
			}
			conf, all := cell{}, cell{}
			if i == 0 {
				conf, all = yen(e.Confirmed), yen(e.All)
			}
			// The defaults are the incident's, listed once on its first scope's row.
			var notes []string
			if why := blankWhy(se, l); why != "" {
				notes = append(notes, why)
			}
			if i == 0 {
				notes = append(notes, incidentDefaults(e, l)...)
			}
			row := append(w.rowBuf[:0], text(in.Organization),
				text(i18n.Bucket(analysis.Bucket{Type: sc.RecordType, Certainty: sc.Certainty}).In(l)), count(sc.Records))
			if items {
				row = append(row, text(strings.Join(sc.DataItems, sep)))
			}
			row = append(row, ep, factors, per, yen(se.Yen), conf, all, text(strings.Join(notes, sep)))
			w.rowBuf = row
			w.write(row...)
		}
	}
	w.finish(2, true)
}

// blankWhy says why a scope's estimate is blank, or "" when it is not.
func blankWhy(se analysis.ScopeEstimate, l i18n.Lang) string {
	switch {
	case len(se.Unplaced) > 0:
		return fmt.Sprintf(lUnplaced.in(l), strings.Join(se.Unplaced, lListSep.in(l)))
	case se.NoType && se.EP.X == 0:
		return fmt.Sprintf(lNoTypePoint.in(l), i18n.RecordType(se.Scope.RecordType).In(l))
	case !se.Scope.Records.Known:
		return lCountUnknownWhy.in(l)
	}
	return ""
}

// epMapText lists the EP map's items by point: "(1, 1) 氏名、住所 …; (1, 3) …".
func epMapText(m analysis.EPMap, l i18n.Lang) string {
	byPoint := map[analysis.EP][]string{}
	for item, p := range m.Points() {
		byPoint[p] = append(byPoint[p], item)
	}
	points := make([]analysis.EP, 0, len(byPoint))
	for p := range byPoint {
		points = append(points, p)
	}
	slices.SortFunc(points, func(a, b analysis.EP) int {
		if a.X != b.X {
			return a.X - b.X
		}
		return a.Y - b.Y
	})
	parts := make([]string, len(points))
	for i, p := range points {
		items := byPoint[p]
		slices.Sort(items)
		parts[i] = fmt.Sprintf("(%d, %d) %s", p.X, p.Y, strings.Join(items, lListSep.in(l)))
	}
	return strings.Join(parts, "; ")
}

// dutyCounts writes, under a period's breakdowns, how many of its incidents each situation
// of the reporting duty applies to, how many were reportable and late, how many came
// before the duty, and how many came through a vendor.
func dutyCounts(w *sheetWriter, incidents []analysis.IncidentFigures, l i18n.Lang) {
	t := analysis.TallyDuty(analysis.Each(incidents))
	w.keepRows(8)
	w.header(lDutyCounts.in(l), i18n.Answer(analysis.Yes).In(l), i18n.Answer(analysis.No).In(l), i18n.Answer(analysis.Unknown).In(l))
	for i, s := range analysis.Situations() {
		w.write(text(i18n.Situation(s).In(l)), countN(t.Situations[i][0]), countN(t.Situations[i][1]), countN(t.Situations[i][2]))
	}
	w.write(spill(i18n.DutyTallyText(t, l)))
	if t.ViaVendor > 0 {
		w.write(spill(i18n.VendorTallyText(t, l)))
	}
}

// incidentDefaults lists the defaults the model took for any of an incident's scopes, each
// once, in the order first met.
func incidentDefaults(e analysis.Estimate, l i18n.Lang) []string {
	var out []string
	for _, se := range e.Scopes {
		for _, d := range se.Defaults {
			if t := i18n.Default(l, d); !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
	}
	return out
}
