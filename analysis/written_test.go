package analysis

import (
	"strings"
	"testing"

	"breachreport/data"
	"breachreport/input"
	"breachreport/internal/inputtest"
)

// TestIssueValuesAsWritten reads a list whose dates are written as a US export writes them
// (11/18/2021 12:00:00 AM) and in Japanese, and checks that every contradiction and conflict
// shows each date as written, in its value and its message, on the line it is written on.
func TestIssueValuesAsWritten(t *testing.T) {
	const list = "incident_id,organization,exposure_start,exposure_end,detected,contained,disclosed\n" +
		"W-1,Window KK,12/01/2021 12:00:00 AM,11/18/2021 12:00:00 AM,,,\n" +
		"D-1,Detect KK,12/1/2021,,2021年11月18日,,\n" +
		"D-1,Detect KK,2021-12-02,,,,\n" +
		"C-1,Contain KK,,,2021-11-20,11/18/2021,\n" +
		"X-1,Conflict KK,,,,,2021/12/01\n" +
		"X-1,Conflict KK,,,,,12/02/2021 12:00:00 AM\n"
	res, err := inputtest.Read(strings.NewReader(list), input.Options{Now: storeNow, DateOrder: data.DateOrderMDY})
	if err != nil {
		t.Fatal(err)
	}
	incs, gi := data.Group(res.Scopes)
	_, fi := Analyze(incs)
	got := map[string]data.Issue{}
	for _, is := range append(append(res.Issues, gi...), fi...) {
		got[is.Column+" "+is.Value] = is
	}
	for _, want := range []struct {
		kind          data.Kind
		line          int
		column, value string
		message       string
	}{
		{data.KindContradiction, 2, data.ColExposureEnd, "11/18/2021 12:00:00 AM", "exposure_end 11/18/2021 12:00:00 AM is before exposure_start 12/01/2021 12:00:00 AM"},
		{data.KindContradiction, 3, data.ColDetected, "2021年11月18日", "detected 2021年11月18日 is before the earliest exposure_start of the confirmed scopes 12/1/2021"},
		{data.KindContradiction, 5, data.ColContained, "11/18/2021", "contained 11/18/2021 is before detected 2021-11-20"},
		{data.KindConflict, 7, data.ColDisclosed, "12/02/2021 12:00:00 AM", `incident "X-1" has disclosed 2021/12/01 on line 6`},
	} {
		is, ok := got[want.column+" "+want.value]
		if !ok {
			t.Errorf("no issue on %s with value %q; issues %v", want.column, want.value, got)
			continue
		}
		if is.Kind != want.kind || is.Line != want.line || !strings.Contains(is.Message.String(), want.message) {
			t.Errorf("issue %v, want a %s issue on line %d saying %q", is, want.kind, want.line, want.message)
		}
	}
}
