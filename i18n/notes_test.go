package i18n

import (
	"testing"

	"breachreport/analysis"
	"breachreport/data"
)

func TestNotes(t *testing.T) {
	one := analysis.Merge{Into: "ランサムウェア", From: []analysis.Spelling{{Text: "ランサムウエア", Incidents: 1}}}
	two := analysis.Merge{Into: "サーバー設定ミス", From: []analysis.Spelling{{Text: "サーバ設定ミス", Incidents: 2}, {Text: "ｻｰﾊﾞｰ設定ミス", Incidents: 1}}}
	window := analysis.MissingMetric{Metric: analysis.WindowAll, Columns: analysis.WindowAll.Columns(), Unstated: []string{data.ColExposureStart}}
	contain := analysis.MissingMetric{Metric: analysis.Contain, Columns: analysis.Contain.Columns()}
	tests := []struct {
		name, got, want string
	}{
		{"merge ja", MergeNote(one, Ja), "ランサムウエア（1件）をランサムウェアにまとめました。"},
		{"merge en", MergeNote(one, En), "ランサムウエア (1 incident) is counted as ランサムウェア."},
		{"merges ja", MergeNote(two, Ja), "サーバ設定ミス（2件）、ｻｰﾊﾞｰ設定ミス（1件）をサーバー設定ミスにまとめました。"},
		{"merges en", MergeNote(two, En), "サーバ設定ミス (2 incidents), ｻｰﾊﾞｰ設定ミス (1 incident) are counted as サーバー設定ミス."},
		{"missing ja", MissingNote(window, Ja), "漏えい期間・全範囲（日）: 計算できる事案がありません。必要な列: 漏えい開始日、漏えい終了日（入力のどの事案にもない列: 漏えい開始日）。"},
		{"missing en", MissingNote(window, En), "Exposure window, all scopes (days): known for no incident; it needs exposure_start, exposure_end (stated by no incident: exposure_start)."},
		{"never together ja", MissingNote(contain, Ja), "封じ込めまでの日数: 計算できる事案がありません。必要な列: 発覚日、封じ込め日。"},
		{"column en", ColumnName(data.ColDisclosed, En), "disclosed"},
		{"column ja", ColumnName(data.ColDisclosed, Ja), "公表日"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, tt.got, tt.want)
		}
	}
}
