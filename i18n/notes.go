package i18n

import (
	"strings"

	"breachreport/analysis"
	"breachreport/data"
)

// ColumnName returns the header of input column col (data.Col…) as the template of language
// l writes it: 漏えい開始日; exposure_start.
func ColumnName(col string, l Lang) string {
	if l != Ja {
		return col
	}
	for _, c := range data.Columns() {
		if c.Name == col && len(c.Aliases) > 0 {
			return c.Aliases[0]
		}
	}
	return col
}

// MergeNote says which spellings a breakdown group joined: 「ランサムウエア（1件）を
// ランサムウェアにまとめました。」; "ランサムウエア (1 incident) is counted as ランサムウェア."
func MergeNote(m analysis.Merge, l Lang) string {
	var parts []string
	for _, sp := range m.From {
		if l == Ja {
			parts = append(parts, sp.Text+"（"+Incidents(sp.Incidents, l)+"）")
		} else {
			parts = append(parts, sp.Text+" ("+Incidents(sp.Incidents, l)+")")
		}
	}
	if l == Ja {
		return strings.Join(parts, "、") + "を" + m.Into + "にまとめました。"
	}
	verb := " is"
	if len(parts) > 1 {
		verb = " are"
	}
	return strings.Join(parts, ", ") + verb + " counted as " + m.Into + "."
}

// MissingNote says why a day figure is left out and what it needs, one line:
// 「漏えい期間・確定分（日）: 計算できる事案がありません。必要な列: 漏えい開始日、漏えい終了日、確度（入力のどの事案にもない列: 漏えい開始日）。」
func MissingNote(m analysis.MissingMetric, l Lang) string {
	names := func(cols []string) string {
		var out []string
		for _, c := range cols {
			out = append(out, ColumnName(c, l))
		}
		if l == Ja {
			return strings.Join(out, "、")
		}
		return strings.Join(out, ", ")
	}
	name := Metric(m.Metric).Name.In(l)
	if l == Ja {
		s := name + ": 計算できる事案がありません。必要な列: " + names(m.Columns)
		if len(m.Unstated) > 0 {
			s += "（入力のどの事案にもない列: " + names(m.Unstated) + "）"
		}
		return s + "。"
	}
	s := name + ": known for no incident; it needs " + names(m.Columns)
	if len(m.Unstated) > 0 {
		s += " (stated by no incident: " + names(m.Unstated) + ")"
	}
	return s + "."
}
