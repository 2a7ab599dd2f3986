// Package i18n holds the words breachreport shares between its workbook, its charts and its
// messages, in English and Japanese: metric names and definitions, record types and
// certainties.
package i18n

import (
	"strings"

	"breachreport/analysis"
	"breachreport/data"
)

// Lang is an output language.
type Lang string

// The supported languages.
const (
	En Lang = "en"
	Ja Lang = "ja"
)

// ParseLang reads "en" or "ja" (case-insensitive).
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "en":
		return En, nil
	case "ja":
		return Ja, nil
	}
	return "", data.Errorf("language %q not supported (use en or ja)", s)
}

// FromEnv returns the default language for an environment: Ja when LC_ALL, or else LANG,
// starts with "ja", En otherwise. getenv is usually os.Getenv.
func FromEnv(getenv func(string) string) Lang {
	v := getenv("LC_ALL")
	if v == "" {
		v = getenv("LANG")
	}
	if strings.HasPrefix(strings.ToLower(v), "ja") {
		return Ja
	}
	return En
}

// Text is one label in both languages.
type Text struct {
	En, Ja string
}

// String returns the English label, as a message rendered without i18n shows it.
func (t Text) String() string { return t.En }

// In returns the label in language l.
func (t Text) In(l Lang) string {
	if l == Ja {
		return t.Ja
	}
	return t.En
}

// MetricText holds what the outputs say about one day figure.
type MetricText struct {
	// Name is the column or axis label; Short is a compact form for chart legends.
	Name, Short Text
	// Definition says how the figure is computed.
	Definition Text
}

var metricTexts = map[analysis.Metric]MetricText{
	analysis.WindowConfirmed: {
		Name:  Text{"Exposure window, confirmed scopes (days)", "漏えい期間・確定分（日）"},
		Short: Text{"Window (confirmed)", "漏えい期間（確定）"},
		Definition: Text{"Earliest exposure_start to latest exposure_end over the incident's confirmed scopes that state both dates.",
			"確度が「確定」の範囲のうち開始日と終了日の両方がわかるものについて、最も早い漏えい開始日から最も遅い漏えい終了日までの日数。"},
	},
	analysis.WindowAll: {
		Name:  Text{"Exposure window, all scopes (days)", "漏えい期間・全範囲（日）"},
		Short: Text{"Window (all)", "漏えい期間（全体）"},
		Definition: Text{"Earliest exposure_start to latest exposure_end over all of the incident's scopes, confirmed and suspected, that state both dates.",
			"確定・可能性を問わず、開始日と終了日の両方がわかる全範囲について、最も早い漏えい開始日から最も遅い漏えい終了日までの日数。"},
	},
	analysis.DetectConfirmed: {
		Name:  Text{"Time to detect, confirmed scopes (days)", "発覚までの日数・確定分"},
		Short: Text{"To detect (confirmed)", "発覚まで（確定）"},
		Definition: Text{"Earliest exposure_start of the confirmed scopes to detected.",
			"確定範囲の最も早い漏えい開始日から発覚日までの日数。"},
	},
	analysis.DetectAll: {
		Name:  Text{"Time to detect, all scopes (days)", "発覚までの日数・全範囲"},
		Short: Text{"To detect (all)", "発覚まで（全体）"},
		Definition: Text{"Earliest exposure_start of all scopes to detected.",
			"全範囲の最も早い漏えい開始日から発覚日までの日数。"},
	},
	analysis.Contain: {
		Name:  Text{"Time to contain (days)", "封じ込めまでの日数"},
		Short: Text{"To contain", "封じ込めまで"},
		Definition: Text{"Detected to contained.",
			"発覚日から封じ込め日までの日数。"},
	},
	analysis.Disclose: {
		Name:  Text{"Detection → disclosure lag (days)", "発覚から公表までの日数"},
		Short: Text{"Detection → disclosure", "発覚→公表"},
		Definition: Text{"Detected to disclosed (the public announcement).",
			"発覚日から公表日（公式発表）までの日数。"},
	},
	analysis.StartToDiscloseConfirmed: {
		Name:  Text{"Window start → disclosure, confirmed scopes (days)", "漏えい開始から公表まで・確定分（日）"},
		Short: Text{"Start → disclosure (confirmed)", "開始→公表（確定）"},
		Definition: Text{"Earliest exposure_start of the confirmed scopes to disclosed.",
			"確定範囲の最も早い漏えい開始日から公表日までの日数。"},
	},
	analysis.StartToDiscloseAll: {
		Name:  Text{"Window start → disclosure, all scopes (days)", "漏えい開始から公表まで・全範囲（日）"},
		Short: Text{"Start → disclosure (all)", "開始→公表（全体）"},
		Definition: Text{"Earliest exposure_start of all scopes to disclosed.",
			"全範囲の最も早い漏えい開始日から公表日までの日数。"},
	},
}

// Metric returns the texts for metric m.
func Metric(m analysis.Metric) MetricText {
	t, ok := metricTexts[m]
	if !ok {
		return MetricText{Name: Text{string(m), string(m)}, Short: Text{string(m), string(m)}}
	}
	return t
}

var recordTypeTexts = map[data.RecordType]Text{
	data.Personal: {"personal", "個人情報"},
	data.Card:     {"card", "カード情報"},
	data.Account:  {"account", "アカウント情報"},
	data.Other:    {"other", "その他"},
	"":            {"unspecified", "種別不明"},
}

// RecordType returns the name of record type t; free-text types are returned as written.
func RecordType(t data.RecordType) Text {
	if x, ok := recordTypeTexts[t]; ok {
		return x
	}
	return Text{string(t), string(t)}
}

var certaintyTexts = map[data.Certainty]Text{
	data.Confirmed:        {"confirmed", "確定"},
	data.Suspected:        {"suspected", "可能性"},
	data.CertaintyUnknown: {"certainty unknown", "確度不明"},
}

// Certainty returns the name of certainty c.
func Certainty(c data.Certainty) Text {
	return certaintyTexts[c]
}

var kindTexts = map[data.Kind]Text{
	data.KindStructure:     {"row structure", "行の構造"},
	data.KindEncoding:      {"encoding", "文字コード"},
	data.KindControlChar:   {"control characters (removed)", "制御文字（削除）"},
	data.KindRequired:      {"required field missing", "必須項目の欠落"},
	data.KindDate:          {"date", "日付"},
	data.KindDateOrder:     {"date order (month/day or day/month)", "日付の順序（月/日か日/月か）"},
	data.KindPartialDate:   {"partial date", "日付（年月のみ等）"},
	data.KindCount:         {"count", "件数"},
	data.KindCertainty:     {"certainty", "確度"},
	data.KindIncidentID:    {"incident id", "事案ID"},
	data.KindConflict:      {"rows disagree", "行間の不一致"},
	data.KindContradiction: {"contradictory dates", "日付の矛盾"},
	data.KindFormula:       {"workbook cell without a value", "値のないセル"},
	data.KindTotalRow:      {"total row (left out)", "合計行（集計から除外）"},
	data.KindHeader:        {"rows above the header (skipped)", "見出し行より上の行（読み飛ばし）"},
	data.KindFactor:        {"JNSA model factor", "JNSAモデルの係数"},
}

// Kind returns the name of an issue kind; an unknown kind is returned as written.
func Kind(k data.Kind) Text {
	if t, ok := kindTexts[k]; ok {
		return t
	}
	return Text{string(k), string(k)}
}

// Bucket returns the label of a record type × certainty bucket, such as "card, suspected"
// or "カード情報（可能性）".
func Bucket(b analysis.Bucket) Text {
	t, c := RecordType(b.Type), Certainty(b.Certainty)
	return Text{t.En + ", " + c.En, t.Ja + "（" + c.Ja + "）"}
}

// Common labels used by more than one output.
var (
	// Interrupted is the message of a run stopped by Ctrl-C; InterruptedMonths that of a
	// generate --all-months run, with the months written, the months planned and the index
	// page listing those written.
	Interrupted       = Text{"interrupted", "中断しました"}
	InterruptedMonths = Text{"interrupted: %d of %d months written, listed in %s", "中断しました（%d / %d か月分を書き出し、%s に一覧）"}

	DayConvention = Text{
		"Day counts are elapsed days: the later date minus the earlier date, with no +1 (the convention of the US state breach-notification statistics and of the yearly cost-of-breach studies' mean time to identify and contain). A figure is blank when a date it needs is unknown, or when the dates contradict each other (for example disclosure before detection); contradictions are listed in the workbook's Data issues sheet.",
		"日数は経過日数（後の日付 − 前の日付、+1 しない）で数えます。米国各州の漏えい通知統計や年次の漏えいコスト調査（平均特定・封じ込め日数）と同じ数え方です。必要な日付が不明な場合や、日付が矛盾する場合（例: 発覚より前の公表）は空欄とし、矛盾はワークブックの「データ不備」シートに記載します。",
	}
	TotalsNote = Text{
		"Totals add records of different kinds: people and cards may overlap, so a total is not a count of people. The breakdown by record type and certainty is always shown beside it. An incident's total is left blank when any of its scopes has an unknown count.",
		"合計は種類の異なる件数（個人・カードなど重複しうるもの）を足し合わせたもので、人数ではありません。内訳（情報種別 × 確度）を必ず併記します。件数不明の範囲を含む事案の合計は空欄とします。",
	}
	StatsNote = Text{
		"Median and p90 use linear interpolation between closest ranks (Excel PERCENTILE.INC). n is the number of incidents the figure is known for.",
		"中央値と90パーセンタイルは隣接順位間の線形補間（Excel の PERCENTILE.INC と同じ）で求めます。n はその数値がわかる事案の数です。",
	}
)
