package i18n

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/input"
	"breachreport/internal/inputtest"
)

// periodReport reads a list and returns its report on month m.
func periodReport(t *testing.T, path string, m analysis.Month) analysis.PeriodReport {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := inputtest.Read(f, input.Options{Now: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	var b analysis.Builder
	b.Add(res.Scopes)
	rep, err := b.Report(t.Context(), res)
	if err != nil {
		t.Fatal(err)
	}
	return rep.Incidents.Timeline().Report(m.Period())
}

// reportOf returns the report on June 2024 of incidents given as cause, total and
// disclosure day (0: no count).
func reportOf(t *testing.T, rows []struct {
	cause   string
	records int64
	day     int
}) analysis.PeriodReport {
	t.Helper()
	var in []data.Incident
	for i, r := range rows {
		c := data.Count{}
		if r.records > 0 {
			c = data.KnownCount(r.records)
		}
		in = append(in, data.Incident{ID: strconv.Itoa(i), Cause: r.cause, Disclosed: data.NewDate(2024, time.June, r.day),
			Scopes: []data.Scope{{Records: c}}})
	}
	figs, _ := analysis.Analyze(in)
	return analysis.NewIncidents(figs).Timeline().Report(analysis.Month{Year: 2024, Month: time.June}.Period())
}

func TestPeriodSummary(t *testing.T) {
	type row = struct {
		cause   string
		records int64
		day     int
	}
	japan := periodReport(t, "../examples/japan-2023-06_2024-06.csv", analysis.Month{Year: 2024, Month: time.June})
	juneOnly := periodReport(t, "../examples/japan-2024-06.csv", analysis.Month{Year: 2024, Month: time.June})
	tests := []struct {
		name   string
		pr     analysis.PeriodReport
		ja, en []string
	}{
		{"the Japanese example", japan,
			[]string{
				"2024年6月に公表された情報漏えい事案は22件（前月比+20件、前年同月比+21件）、漏えい件数は合計約144万件（件数不明5件を除く）。",
				"原因はランサムウェアが最多の10件。",
			},
			[]string{
				"22 data-breach incidents were disclosed in June 2024 (+20 on the previous month, +21 on the same month a year earlier), exposing about 1.44M records in total (not counting 5 incidents with an unknown count).",
				"The most common cause was ランサムウェア, with 10 incidents.",
			}},
		// The list starts in June 2024: no change is stated against months it does not cover.
		{"no earlier data", juneOnly,
			[]string{
				"2024年6月に公表された情報漏えい事案は22件、漏えい件数は合計約144万件（件数不明5件を除く）。",
				"原因はランサムウェアが最多の10件。",
			},
			[]string{
				"22 data-breach incidents were disclosed in June 2024, exposing about 1.44M records in total (not counting 5 incidents with an unknown count).",
				"The most common cause was ランサムウェア, with 10 incidents.",
			}},
		{"tied causes, every count known", reportOf(t, []row{{"不正アクセス", 9_590_000, 1}, {"誤送付", 3, 2}, {"不正アクセス", 1, 3}, {"誤送付", 2, 4}, {"", 5, 5}}),
			[]string{"2024年6月に公表された情報漏えい事案は5件、漏えい件数は合計959万件。", "原因は不正アクセスと誤送付が最多の各2件。"},
			[]string{"5 data-breach incidents were disclosed in June 2024, exposing 9.59M records in total.", "The most common causes were 不正アクセス and 誤送付, with 2 incidents each."}},
		{"one incident, count and cause unknown", reportOf(t, []row{{"", 0, 1}}),
			[]string{"2024年6月に公表された情報漏えい事案は1件、漏えい件数はいずれも不明。"},
			[]string{"1 data-breach incident was disclosed in June 2024; no count of records exposed is known."}},
		{"many tied causes", reportOf(t, []row{{"a", 1, 1}, {"b", 1, 2}, {"c", 1, 3}, {"d", 1, 4}}),
			[]string{"2024年6月に公表された情報漏えい事案は4件、漏えい件数は合計4件。", "原因別の最多は各1件で、4種類の原因が並ぶ。"},
			[]string{"4 data-breach incidents were disclosed in June 2024, exposing 4 records in total.", "No cause stands out: 4 causes have 1 incident each."}},
		// The example has no incident disclosed in March 2024.
		{"no incidents", periodReport(t, "../examples/japan-2023-06_2024-06.csv", analysis.Month{Year: 2024, Month: time.March}),
			[]string{"2024年3月に公表された情報漏えい事案はありません。"},
			[]string{"No data-breach incidents were disclosed in March 2024."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := tt.pr.Facts()
			for _, lang := range []struct {
				l    Lang
				want []string
			}{{Ja, tt.ja}, {En, tt.en}} {
				got := PeriodSummary(tt.pr, lang.l)
				var texts []string
				for _, s := range got {
					texts = append(texts, s.Text)
					checkFigures(t, s, f)
				}
				if strings.Join(texts, "\n") != strings.Join(lang.want, "\n") {
					t.Errorf("%s:\n got %q\nwant %q", lang.l, texts, lang.want)
				}
			}
		})
	}
}

// checkFigures checks that every figure a sentence states is written in it and equals the
// fact it comes from, so that the sentence agrees with the cells showing the same facts.
func checkFigures(t *testing.T, s Sentence, f analysis.PeriodFacts) {
	t.Helper()
	want := map[FigureName]float64{
		FigIncidents:         float64(f.Incidents),
		FigVsPrevious:        f.VsPrevious.Diff,
		FigVsYearEarlier:     f.VsYearEarlier.Diff,
		FigRecords:           float64(f.Records.N),
		FigRecordsUnknown:    float64(f.RecordsUnknown),
		FigTopCauseIncidents: float64(f.TopCauseIncidents),
	}
	for _, fig := range s.Figures {
		if !strings.Contains(s.Text, fig.Text) {
			t.Errorf("%q does not write its figure %s as %q", s.Text, fig.Name, fig.Text)
		}
		if w, ok := want[fig.Name]; !ok || fig.Value != w {
			t.Errorf("%q: figure %s = %g; the facts say %g", s.Text, fig.Name, fig.Value, w)
		}
	}
}
