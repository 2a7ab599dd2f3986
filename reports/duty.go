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
// it is reportable, the deadlines and the days the reports took, the vendor and the other
// incidents at it, and the grounds of each answer.
func dutySheet(w *sheetWriter, rep analysis.Report, l i18n.Lang) {
	head := []string{lIncidentID.in(l), lOrganization.in(l), lDetected.in(l), lDisclosed.in(l)}
	for _, s := range analysis.Situations() {
		head = append(head, i18n.Situation(s).In(l))
	}
	head = append(head, lReportable.in(l), lPrelimDue.in(l), lPrelimOn.in(l), lPrelimDays.in(l), lPrelimLate.in(l),
		lFinalDue.in(l), lFinalDueLong.in(l), lFinalOn.in(l), lFinalDays.in(l), lFinalLate.in(l),
		lVendor.in(l), lSameVendor.in(l), lGrounds.in(l))
	w.header(head...)
	same := w.bk.sameVendor
	for _, f := range rep.Incidents.All() {
		if w.err != nil {
			break
		}
		in := &f.Incident
		w.line, w.incident = in.FirstLine(), in.ID
		d := analysis.DutyOf(*in)
		row := append(w.rowBuf[:0], text(in.ID), text(in.Organization), date(in.Detected), date(in.Disclosed))
		for _, s := range analysis.Situations() {
			row = append(row, text(i18n.Answer(d.Findings[s].Answer).In(l)))
		}
		report := i18n.Reportable(d.Reportable).In(l)
		if d.Before == analysis.Yes {
			report = i18n.BeforeEnforcement.In(l)
		}
		row = append(row, text(report))
		if d.Before == analysis.Yes {
			row = append(row, cell{}, date(in.ReportedPreliminary), cell{}, cell{}, cell{}, cell{}, date(in.ReportedFinal), cell{}, cell{})
		} else {
			row = append(row, date(d.PreliminaryDue), date(in.ReportedPreliminary), days(d.ToPreliminary), lateCell(d.PreliminaryLate, l),
				date(d.FinalDue), date(d.FinalDueLong), date(in.ReportedFinal), days(d.ToFinal), lateCell(d.FinalLate, l))
		}
		row = append(row, text(in.Vendor), text(strings.Join(same[in.ID], lListSep.in(l))), text(grounds(d, l)))
		w.rowBuf = row
		w.write(row...)
	}
	w.finish(2, true)
}

// lateCell says whether a report was late: 期限超過, 期限内, or nothing when not known.
func lateCell(a analysis.Answer, l i18n.Lang) cell {
	switch a {
	case analysis.Yes:
		return text(lLate.in(l))
	case analysis.No:
		return text(lOnTime.in(l))
	}
	return cell{}
}

// grounds lists why each situation is answered as it is: ① 漏えい項目「病名」 …
func grounds(d analysis.Duty, l i18n.Lang) string {
	parts := make([]string, 0, 4)
	for i, s := range analysis.Situations() {
		g := i18n.Ground(l, d.Findings[s].Ground)
		if g == "" {
			continue
		}
		parts = append(parts, string([]rune("①②③④")[i:i+1])+g)
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
	w.header(lIncidentID.in(l), lOrganization.in(l), lRecordType.in(l), lCertainty.in(l), lRecords.in(l), lDataItems.in(l),
		lEP.in(l), lSensitivity.in(l), lIdentifiability.in(l), lSocial.in(l), lResponse.in(l), lPerPerson.in(l), lEstimate.in(l),
		lEstimateConfirmed.in(l), lEstimateAll.in(l), lBlankWhy.in(l), lDefaults.in(l), lFirstLine.in(l))
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
			ep, sens, ident, per := cell{}, cell{}, cell{}, cell{}
			if se.EP.X > 0 {
				ep, sens = text(fmt.Sprintf("(%d, %d)", se.EP.X, se.EP.Y)), intN(se.EP.Sensitivity())
			}
			if se.Identifiability > 0 {
				ident = intN(se.Identifiability)
			}
			if se.PerPerson > 0 {
				per = yen(data.KnownCount(se.PerPerson))
			}
			conf, all := cell{}, cell{}
			if i == 0 {
				conf, all = yen(e.Confirmed), yen(e.All)
			}
			var defaults []string
			for _, d := range se.Defaults {
				defaults = append(defaults, i18n.Default(l, d))
			}
			row := append(w.rowBuf[:0], text(in.ID), text(in.Organization), text(i18n.RecordType(sc.RecordType).In(l)),
				text(i18n.Certainty(sc.Certainty).In(l)), count(sc.Records), text(strings.Join(sc.DataItems, sep)),
				ep, sens, ident, intN(se.Social), intN(se.Response), per, yen(se.Yen), conf, all,
				text(blankWhy(se, l)), text(strings.Join(defaults, sep)), intN(sc.Line))
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
	var (
		sit                              [4][3]int // by situation: yes, no, unknown
		yes, no, unknown, before, pl, fl int
	)
	var withVendor []data.Incident
	for _, f := range incidents {
		if f.Incident.Vendor != "" {
			withVendor = append(withVendor, f.Incident)
		}
		d := analysis.DutyOf(f.Incident)
		if d.Before == analysis.Yes {
			before++
			continue
		}
		for i, s := range analysis.Situations() {
			switch d.Findings[s].Answer {
			case analysis.Yes:
				sit[i][0]++
			case analysis.No:
				sit[i][1]++
			default:
				sit[i][2]++
			}
		}
		switch d.Reportable {
		case analysis.Yes:
			yes++
			if d.PreliminaryLate == analysis.Yes {
				pl++
			}
			if d.FinalLate == analysis.Yes {
				fl++
			}
		case analysis.No:
			no++
		default:
			unknown++
		}
	}
	w.keepRows(8)
	w.header(lDutyCounts.in(l), i18n.Answer(analysis.Yes).In(l), i18n.Answer(analysis.No).In(l), i18n.Answer(analysis.Unknown).In(l))
	for i, s := range analysis.Situations() {
		w.write(text(i18n.Situation(s).In(l)), countN(sit[i][0]), countN(sit[i][1]), countN(sit[i][2]))
	}
	n := func(k int) string { return i18n.Incidents(k, l) }
	w.write(spill(fmt.Sprintf(lDutyCountsText.in(l), n(yes), n(pl), n(fl), n(no), n(unknown), n(before))))
	if groups := analysis.VendorGroups(withVendor); len(groups) > 0 {
		w.write(spill(fmt.Sprintf(lViaVendorText.in(l), n(len(withVendor)), groupDigits(int64(len(groups))))))
	}
}
