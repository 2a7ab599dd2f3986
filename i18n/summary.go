package i18n

import (
	"strings"

	"breachreport/analysis"
)

// FigureName names a figure a summary sentence states, so that an output can tie the
// sentence to the cell holding the same figure.
type FigureName string

// The figures of the summary sentences (see analysis.PeriodFacts).
const (
	FigIncidents         FigureName = "incidents"           // incidents disclosed in the period
	FigVsPrevious        FigureName = "vs_previous"         // change in incidents vs the previous period
	FigVsYearEarlier     FigureName = "vs_year_earlier"     // change vs the same period a year earlier
	FigRecords           FigureName = "records"             // sum of the known counts
	FigRecordsUnknown    FigureName = "records_unknown"     // incidents with an unknown count
	FigTopCauseIncidents FigureName = "top_cause_incidents" // incidents of the most common cause
)

// Figure is one figure a sentence states: its value, and the text the sentence writes it
// as (16件, +9件, 959万件).
type Figure struct {
	Name  FigureName
	Value float64
	Text  string
}

// Sentence is one sentence of a summary, with the figures it states in the order it
// states them.
type Sentence struct {
	Text    string
	Figures []Figure
}

// PeriodSummary writes the summary of a period report in sentences built from its facts:
//
//	2024年5月に公表された情報漏えい事案は16件（前月比+9件、前年同月比+3件）、漏えい件数は合計959万件（件数不明1件を除く）。
//	原因は不正アクセスが最多の7件。
//
// A period with no incidents gets one sentence saying so, which states no figure. A change
// is stated only when the earlier period lies within the data; the records part says when
// every count is unknown; the cause sentence is left out when no incident states
// its cause, and lists up to three tied causes.
func PeriodSummary(pr analysis.PeriodReport, l Lang) []Sentence {
	f := pr.Facts()
	s := summaryWriter{l: l}
	name := PeriodName(f.Period, l)
	if f.Incidents == 0 {
		if l == Ja {
			return []Sentence{{Text: name + "に公表された情報漏えい事案はありません。"}}
		}
		return []Sentence{{Text: "No data-breach incidents were disclosed in " + name + "."}}
	}
	_, month := f.Period.Month()

	// The first sentence: incidents, their changes, records.
	var incidents string
	if l == Ja {
		incidents = s.fig(FigIncidents, float64(f.Incidents), Incidents(f.Incidents, l))
	} else {
		incidents = s.fig(FigIncidents, float64(f.Incidents), Digits(int64(f.Incidents))) + " data-breach incidents"
		if f.Incidents == 1 {
			incidents = strings.TrimSuffix(incidents, "s")
		}
	}
	var changes []string
	for _, c := range []struct {
		name      FigureName
		ch        analysis.Change
		ja, jaAll string
		en, enAll string
	}{
		{FigVsPrevious, f.VsPrevious, "前月比", "前期間比", "on the previous month", "on the previous period"},
		{FigVsYearEarlier, f.VsYearEarlier, "前年同月比", "前年同期比", "on the same month a year earlier", "on the same period a year earlier"},
	} {
		if !c.ch.Covered || !c.ch.Known {
			continue
		}
		diff := Signed(c.ch.Diff, func(x float64) string {
			if l == Ja {
				return Incidents(int(x), l)
			}
			return Digits(int64(x))
		})
		d := s.fig(c.name, c.ch.Diff, diff)
		switch {
		case l == Ja && month:
			changes = append(changes, c.ja+d)
		case l == Ja:
			changes = append(changes, c.jaAll+d)
		case month:
			changes = append(changes, d+" "+c.en)
		default:
			changes = append(changes, d+" "+c.enAll)
		}
	}
	var b strings.Builder
	if l == Ja {
		b.WriteString(name + "に公表された情報漏えい事案は" + incidents)
		if len(changes) > 0 {
			b.WriteString("（" + strings.Join(changes, "、") + "）")
		}
		if f.RecordsN == 0 {
			b.WriteString("、漏えい件数はいずれも不明。")
		} else {
			b.WriteString("、漏えい件数は合計" + s.fig(FigRecords, float64(f.Records.N), RecordsShort(f.Records, l)))
			if f.RecordsUnknown > 0 {
				b.WriteString("（件数不明" + s.fig(FigRecordsUnknown, float64(f.RecordsUnknown), Incidents(f.RecordsUnknown, l)) + "を除く）")
			}
			b.WriteString("。")
		}
	} else {
		verb := " were disclosed in "
		if f.Incidents == 1 {
			verb = " was disclosed in "
		}
		b.WriteString(incidents + verb + name)
		if len(changes) > 0 {
			b.WriteString(" (" + strings.Join(changes, ", ") + ")")
		}
		if f.RecordsN == 0 {
			b.WriteString("; no count of records exposed is known.")
		} else {
			b.WriteString(", exposing " + s.fig(FigRecords, float64(f.Records.N), RecordsShort(f.Records, l)) + " in total")
			if f.RecordsUnknown > 0 {
				b.WriteString(" (not counting " + s.fig(FigRecordsUnknown, float64(f.RecordsUnknown), Incidents(f.RecordsUnknown, l)) + " with an unknown count)")
			}
			b.WriteString(".")
		}
	}
	out := []Sentence{s.sentence(b.String())}

	// The second: the most common cause.
	if len(f.TopCauses) == 0 {
		return out
	}
	n := s.fig(FigTopCauseIncidents, float64(f.TopCauseIncidents), Incidents(f.TopCauseIncidents, l))
	causes := f.TopCauses
	switch {
	case len(causes) > 3 && l == Ja:
		out = append(out, s.sentence("原因別の最多は各"+n+"で、"+Digits(int64(len(causes)))+"種類の原因が並ぶ。"))
	case len(causes) > 3:
		out = append(out, s.sentence("No cause stands out: "+Digits(int64(len(causes)))+" causes have "+n+" each."))
	case l == Ja && len(causes) == 1:
		out = append(out, s.sentence("原因は"+causes[0]+"が最多の"+n+"。"))
	case l == Ja:
		out = append(out, s.sentence("原因は"+strings.Join(causes, "と")+"が最多の各"+n+"。"))
	case len(causes) == 1:
		out = append(out, s.sentence("The most common cause was "+causes[0]+", with "+n+"."))
	default:
		out = append(out, s.sentence("The most common causes were "+strings.Join(causes[:len(causes)-1], ", ")+" and "+causes[len(causes)-1]+", with "+n+" each."))
	}
	return out
}

// summaryWriter collects the figures of the sentence being written.
type summaryWriter struct {
	l    Lang
	figs []Figure
}

// fig notes a figure of the sentence being written and returns its text.
func (s *summaryWriter) fig(name FigureName, v float64, text string) string {
	s.figs = append(s.figs, Figure{name, v, text})
	return text
}

// sentence returns the sentence text with the figures noted since the last one.
func (s *summaryWriter) sentence(text string) Sentence {
	out := Sentence{Text: text, Figures: s.figs}
	s.figs = nil
	return out
}
