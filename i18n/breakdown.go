package i18n

import "breachreport/analysis"

// NotStated names the group of a breakdown whose value the input leaves blank.
var NotStated = Text{"not stated", "記載なし"}

// Unmapped names the group of the values no standard category matches.
var Unmapped = Text{"unmapped", "未分類"}

// GroupName names a breakdown group as every output shows it: the record type, the
// certainty or the size band by name, a standard category in the language, the cause or
// industry as the input spells it, NotStated and Unmapped for the blank and unmapped groups.
func GroupName(d analysis.Dimension, g analysis.Group, l Lang) string {
	switch {
	case d == analysis.ByRecordType:
		return RecordType(g.RecordType).In(l)
	case d == analysis.ByCertainty:
		return Certainty(g.Certainty).In(l)
	case d == analysis.BySize:
		return SizeBand(g.Band).In(l)
	case g.Unmapped:
		return Unmapped.In(l)
	case g.Category.Name != "":
		return Text{g.Category.NameEn, g.Category.Name}.In(l)
	case g.Key == "":
		return NotStated.In(l)
	}
	return g.Key
}
