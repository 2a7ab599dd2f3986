package analysis

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"breachreport/input"
	"breachreport/internal/inputtest"
)

// TestBuilderReportCancel builds the report of more incidents than Builder.Report takes at
// a time, with each incident's rows together and with one incident's rows apart, and checks
// it against the direct computation; with a cancelled context, Report returns its error.
func TestBuilderReportCancel(t *testing.T) {
	var synth bytes.Buffer
	if err := input.WriteSynthetic(&synth, cancelEvery+100, 5); err != nil {
		t.Fatal(err)
	}
	// The first row of an incident with several rows, put last, makes its rows apart.
	lines := strings.Split(strings.TrimSuffix(synth.String(), "\n"), "\n")
	id := func(line string) string { return line[:strings.IndexByte(line, ',')] }
	i := 1
	for id(lines[i]) != id(lines[i+1]) {
		i++
	}
	apart := strings.Join(append(append(lines[:i:i], lines[i+1:]...), lines[i]), "\n") + "\n"
	for _, tt := range []struct {
		name      string
		in        string
		cancelled bool
	}{
		{"together", synth.String(), false},
		{"apart", apart, false},
		{"together, cancelled", synth.String(), true},
		{"apart, cancelled", apart, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := inputtest.Read(strings.NewReader(tt.in), input.Options{Now: storeNow})
			if err != nil {
				t.Fatal(err)
			}
			var b Builder
			b.Add(res.Scopes)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.cancelled {
				cancel()
			}
			rep, err := b.Report(ctx, res)
			if tt.cancelled {
				if !errors.Is(err, context.Canceled) {
					t.Errorf("Report = %v, want context.Canceled", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if b.apart != strings.HasPrefix(tt.name, "apart") {
				t.Fatalf("apart is %v", b.apart)
			}
			want, wantIssues := reference(res)
			if got := rep.Incidents.Slice(); !reflect.DeepEqual(got, want) {
				t.Error("incidents differ from the direct computation's")
			}
			if !reflect.DeepEqual(rep.Issues, wantIssues) {
				t.Errorf("issues differ:\n got %v\nwant %v", rep.Issues, wantIssues)
			}
			if !reflect.DeepEqual(rep.Summary, Summarize(want)) {
				t.Error("summary differs from the direct computation's")
			}
		})
	}
}
