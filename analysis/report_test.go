package analysis

import (
	"context"
	"strings"
	"testing"

	"breachreport/data"
	"breachreport/input"
	"breachreport/internal/inputtest"
)

// reportOf builds the report of res as generate does, through a Builder, every row in one
// batch.
func reportOf(res *input.Result) Report {
	var b Builder
	b.Add(res.Scopes)
	rep, err := b.Report(context.Background(), res)
	if err != nil {
		panic(err) // a context never cancelled
	}
	return rep
}

func TestReport(t *testing.T) {
	in := "企業名,incident_id,件数,漏えい開始日,漏えい終了日,発覚日,公表日\n" +
		"Example Co.,x,10,2019-02-10,2019-02-01,2019-03-01,2019-04-01\n" + // end before start (analysis)
		",y,5,,,,\n" + // rejected: no organization (reader)
		"Example Co.,x,abc,,,2019-03-01,2019-04-02\n" // bad count (reader), conflicting disclosed (grouping)
	res, err := inputtest.Read(strings.NewReader(in), input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rep := reportOf(res)
	if rep.RowsRead != 3 || rep.RowsUsed != 2 || rep.RowsRejected != 1 || rep.RowsRead != rep.RowsUsed+rep.RowsRejected {
		t.Errorf("accounting read %d used %d rejected %d", rep.RowsRead, rep.RowsUsed, rep.RowsRejected)
	}
	if rep.Incidents.Len() != 1 || rep.Summary.Incidents != 1 {
		t.Errorf("incidents %d, summary %d", rep.Incidents.Len(), rep.Summary.Incidents)
	}
	want := []struct {
		line   int
		header string
		index  int
		sev    data.Severity
		kind   data.Kind
	}{
		{2, "漏えい終了日", 5, data.Warning, data.KindContradiction},
		{3, "企業名", 1, data.Rejected, data.KindRequired},
		{4, "件数", 3, data.Warning, data.KindCount},
		{4, "公表日", 7, data.Warning, data.KindConflict},
	}
	if len(rep.Issues) != len(want) {
		t.Fatalf("issues = %v", rep.Issues)
	}
	for i, w := range want {
		is := rep.Issues[i]
		if is.Line != w.line || is.Header != w.header || is.ColumnIndex != w.index || is.Severity != w.sev || is.Kind != w.kind {
			t.Errorf("issue %d = %+v, want %+v", i, is, w)
		}
	}
	if rep.Warnings() != 3 {
		t.Errorf("Warnings() = %d, want 3", rep.Warnings())
	}
}
