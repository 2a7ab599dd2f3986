package analysis

import (
	"os"
	"reflect"
	"testing"
	"time"

	"breachreport/data"
	"breachreport/input"
	"breachreport/internal/inputtest"
)

// japanReport reads the Japanese example list (examples/README.md) and returns the report
// on June 2024. The list's month-only dates give warnings, no other issue.
func japanReport(t *testing.T) PeriodReport {
	t.Helper()
	f, err := os.Open("../examples/japan-2023-06_2024-06.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := inputtest.Read(f, input.Options{Now: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	rep := reportOf(res)
	for _, is := range rep.Issues {
		if is.Kind != data.KindPartialDate {
			t.Fatalf("issue %v", is)
		}
	}
	return rep.Incidents.Timeline().Report(Month{2024, time.June}.Period())
}

// TestJapanMonth checks the period figures of June 2024 in the Japanese example against
// figures worked out by hand from the CSV (examples/japan-2023-06_2024-06.csv).
func TestJapanMonth(t *testing.T) {
	pr := japanReport(t)
	f := pr.Facts()
	// 22 incidents disclosed in June 2024 (西宮市's 2024-06 included); 2 in May 2024
	// (e-ながさきどっとこむ, イセトー); 1 in June 2023 (鳥取県).
	// Known totals, 17 of them: 900 + 約104,000 + 96 + 37 + 78 + 最大約40,000 + 196 + 3,412 +
	// 約12,000 + 3 + 1,204 + 20,000以上 + 約500 + 1,250,000 + 48 + 8,150 + 62 = 1,440,686,
	// with an at-least and an at-most part: bounded neither way, shown as approximate.
	// Unknown: 高松市, 東京海上日動あんしん生命, and the three ransomware attacks of 06-10.
	want := PeriodFacts{
		Period:            Month{2024, time.June}.Period(),
		Incidents:         22,
		Records:           data.Count{N: 1_440_686, Known: true, Approx: true, Bound: data.BothBounds},
		RecordsN:          17,
		RecordsUnknown:    5,
		TopCauses:         []string{"ランサムウェア"},
		TopCauseIncidents: 10, // 9 spelled ランサムウェア and 架空食品's ランサムウエア
	}
	gotVs := [2]Change{f.VsPrevious, f.VsYearEarlier}
	f.VsPrevious, f.VsYearEarlier = Change{}, Change{}
	if !reflect.DeepEqual(f, want) {
		t.Errorf("facts\n %+v\nwant\n %+v", f, want)
	}
	for i, w := range []struct{ cur, earlier, diff float64 }{{22, 2, 20}, {22, 1, 21}} {
		c := gotVs[i]
		if c.Figure != ChangeIncidents || !c.Known || !c.Covered || c.Current.V != w.cur || c.Earlier.V != w.earlier || c.Diff != w.diff {
			t.Errorf("change %d: %+v; want %v → %v", i, c, w.earlier, w.cur)
		}
	}

	// By cause, most incidents first; the two spellings of ランサムウェア and of サーバー設定ミス
	// merged and noted.
	cause := breakdownOf(t, pr.Breakdowns, ByCause)
	type row struct {
		key string
		n   int
	}
	var got []row
	for _, g := range cause.Groups {
		got = append(got, row{g.Key, g.Incidents})
	}
	wantCause := []row{{"ランサムウェア", 10}, {"メール誤送信", 3}, {"サーバー設定ミス", 2}, {"不正アクセス", 2},
		{"不正ログイン", 1}, {"不正持ち出し", 1}, {"代理店メールによる情報漏えい", 1}, {"紛失", 1}, {"誤送付", 1}}
	if !reflect.DeepEqual(got, wantCause) {
		t.Errorf("causes %v\nwant %v", got, wantCause)
	}
	wantMerges := []Merge{{"ランサムウェア", []Spelling{{"ランサムウエア", 1}}}, {"サーバー設定ミス", []Spelling{{"サーバ設定ミス", 1}}}}
	if !reflect.DeepEqual(cause.Merges, wantMerges) {
		t.Errorf("merges %+v", cause.Merges)
	}
	// ランサムウェア's records: 約104,000 + 96 + 37 + 78 + 最大約40,000 + 約12,000 = 156,211 from
	// 6 incidents (高松市 and the three of 06-10 unknown). Share 10/22.
	rw := cause.Groups[0]
	if rw.Records != (data.Count{N: 156_211, Known: true, Approx: true, Bound: data.AtMost}) || rw.RecordsN != 6 || rw.Share != 10.0/22 {
		t.Errorf("ランサムウェア: records %+v (n=%d), share %g", rw.Records, rw.RecordsN, rw.Share)
	}

	// Size bands: 1–999: 900, 96, 37, 78, 196, 3, 約500, 48, 62; 1,000–9,999: 3,412, 1,204,
	// 8,150; 10,000–99,999: 約12,000; 100,000–999,999: 約104,000; 1,000,000+: 1,250,000;
	// unknown: the 5 unknown counts, 最大約4万 and 2万件以上.
	size := breakdownOf(t, pr.Breakdowns, BySize)
	var bands []row
	for _, g := range size.Groups {
		bands = append(bands, row{g.Band.String(), g.Incidents})
	}
	wantBands := []row{{"1-999", 9}, {"1000-9999", 3}, {"10000-99999", 1}, {"100000-999999", 1}, {"1000000+", 1}, {"unknown", 7}}
	if !reflect.DeepEqual(bands, wantBands) {
		t.Errorf("size bands %v\nwant %v", bands, wantBands)
	}
	if g := size.Groups[0]; g.Records != (data.Count{N: 1_920, Known: true, Approx: true}) || g.RecordsN != 9 {
		t.Errorf("1–999: %+v (n=%d)", g.Records, g.RecordsN)
	}

	// The ten largest by the number stated.
	var top []string
	for _, f := range pr.Largest {
		top = append(top, f.Incident.ID)
	}
	wantTop := []string{"jp2406-x07", "jp2406-kyuhen", "jp2406-popmc", "jp2406-x05", "jp2406-x02", "jp2406-x09", "jp2406-x01", "jp2406-x04", "jp2406-saikosai", "jp2406-x06"}
	if !reflect.DeepEqual(top, wantTop) {
		t.Errorf("largest %v\nwant %v", top, wantTop)
	}

	// Only 架空商事 (x01, suspected) states an exposure window: the figures of confirmed scopes
	// that need exposure_start are known for no incident, though each column is stated.
	var missing []Metric
	for _, m := range pr.Missing {
		missing = append(missing, m.Metric)
		if len(m.Unstated) != 0 || !reflect.DeepEqual(m.Columns, m.Metric.Columns()) {
			t.Errorf("missing %s: %+v", m.Metric, m)
		}
	}
	if want := []Metric{WindowConfirmed, DetectConfirmed, StartToDiscloseConfirmed}; !reflect.DeepEqual(missing, want) {
		t.Errorf("missing %v; want %v", missing, want)
	}

	// The data starts in 2023-05, before the trailing window 2023-07 … 2024-06: the trend
	// has its twelve rows.
	if len(pr.Trend) != 12 || pr.Trend[0].Month != (Month{2023, time.July}) {
		t.Errorf("trend %d rows from %s", len(pr.Trend), pr.Trend[0].Month)
	}
}

// TestMissingUnstated checks that a figure whose column no incident states names it.
func TestMissingUnstated(t *testing.T) {
	in := []data.Incident{{ID: "a", Detected: data.NewDate(2024, 6, 1), Disclosed: data.NewDate(2024, 6, 3),
		Scopes: []data.Scope{{Certainty: data.Confirmed, Records: data.KnownCount(5)}}}}
	figs, _ := Analyze(in)
	pr := NewIncidents(figs).Timeline().Report(Month{2024, time.June}.Period())
	var got []MissingMetric
	for _, m := range pr.Missing {
		if m.Metric == WindowAll || m.Metric == Contain {
			got = append(got, m)
		}
	}
	want := []MissingMetric{
		{WindowAll, []string{data.ColExposureStart, data.ColExposureEnd}, []string{data.ColExposureStart, data.ColExposureEnd}},
		{Contain, []string{data.ColDetected, data.ColContained}, []string{data.ColContained}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("missing %+v\nwant %+v", got, want)
	}
	if len(pr.Missing) != 7 { // every figure but detection → disclosure
		t.Errorf("%d missing", len(pr.Missing))
	}
	if len(pr.Trend) != 1 {
		t.Errorf("trend of a list that starts in the month: %d rows", len(pr.Trend))
	}
}
