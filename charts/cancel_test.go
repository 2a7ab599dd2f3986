package charts

import (
	"bytes"
	"context"
	"errors"
	"html"
	"strings"
	"testing"
	"time"

	"breachreport/analysis"
	"breachreport/i18n"
)

// TestBuildCancelled checks that Build stops with ctx's error once ctx is cancelled.
func TestBuildCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, sampleReport(t), Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Build = %v, want context.Canceled", err)
	}
}

// TestIndexInterrupted checks that the index page of an interrupted run says so, in the
// page's language, with and without months written.
func TestIndexInterrupted(t *testing.T) {
	months := []IndexMonth{
		{MonthRow: analysis.MonthRow{Month: analysis.Month{Year: 2019, Month: time.June}}, Workbook: "2019-06/b.xlsx", Dashboard: "2019-06/c.html"},
		{MonthRow: analysis.MonthRow{Month: analysis.Month{Year: 2019, Month: time.July}}, Workbook: "2019-07/b.xlsx", Dashboard: "2019-07/c.html"},
	}
	tests := []struct {
		name         string
		idx          Index
		lang         i18n.Lang
		want, unwant []string
	}{
		{"cut short", Index{Months: months, Interrupted: true}, i18n.En,
			[]string{labels.IndexCutShort.En, "2 months, June 2019 to July 2019"}, nil},
		{"cut short, ja", Index{Months: months, Interrupted: true}, i18n.Ja,
			[]string{labels.IndexCutShort.Ja}, nil},
		{"none written", Index{Interrupted: true}, i18n.En,
			[]string{labels.IndexInterrupted.En}, []string{labels.IndexNone.En}},
		{"complete", Index{Months: months}, i18n.En,
			nil, []string{"interrupted"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteIndex(&buf, tt.idx, Options{Lang: tt.lang}); err != nil {
				t.Fatal(err)
			}
			page := html.UnescapeString(buf.String())
			for _, s := range tt.want {
				if !strings.Contains(page, s) {
					t.Errorf("index lacks %q", s)
				}
			}
			for _, s := range tt.unwant {
				if strings.Contains(page, s) {
					t.Errorf("index has %q", s)
				}
			}
		})
	}
}
