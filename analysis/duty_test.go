package analysis

import (
	"os"
	"testing"
	"time"

	"breachreport/data"
	"breachreport/input"
	"breachreport/internal/inputtest"
)

// dutyIncidents reads testdata/duty.csv (see testdata/duty.md) into incidents by id.
func dutyIncidents(t *testing.T) map[string]data.Incident {
	t.Helper()
	f, err := os.Open("testdata/duty.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := inputtest.Read(f, input.Options{Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	for _, is := range res.Issues {
		t.Errorf("duty.csv: %v", is)
	}
	incidents, issues := data.Group(res.Scopes)
	for _, is := range issues {
		t.Errorf("duty.csv: %v", is)
	}
	out := map[string]data.Incident{}
	for _, in := range incidents {
		out[in.ID] = in
	}
	return out
}

// The situations, deadlines and late flags of duty.csv, worked by hand from article 7 of
// the enforcement rules and the deadlines: 速報 within 5 days, 確報 within 30, or 60 when ③.
func TestDutyOf(t *testing.T) {
	incidents := dutyIncidents(t)
	type findings [4]Answer
	tests := []struct {
		id         string
		f          findings
		grounds    [4]GroundKind
		reportable Answer
		before     Answer
		prelimDue  string
		finalDue   string
		finalLong  string
		toPrelim   int // -1: unknown
		toFinal    int
		prelimLate Answer
		finalLate  Answer
	}{
		// ① items listed, none sensitive; ② card items; ③ 不正プログラム; ④ 41,355.
		{"S", findings{No, Yes, Yes, Yes}, [4]GroundKind{GroundItemsListed, GroundItem, GroundCause, GroundCount}, Yes, Yes,
			"2019-01-01", "2019-02-25", "", -1, -1, Unknown, Unknown},
		// ① 病名; 誤送信 is not malicious; 12 people. 速報 on day 3, 確報 on day 30 exactly.
		{"P1", findings{Yes, No, No, No}, [4]GroundKind{GroundItem, GroundItemsListed, GroundCause, GroundCount}, Yes, No,
			"2023-04-08", "2023-05-03", "", 3, 30, No, No},
		// ④: 500 and 800 may be the same people, so over 1,000 is not decided. 速報 on day 7
		// is late; 確報 on day 54 is within the 60 days of ③.
		{"P2", findings{No, Yes, Yes, Unknown}, [4]GroundKind{GroundItemsListed, GroundItem, GroundCause, GroundCountSum}, Yes, No,
			"2023-06-06", "2023-07-31", "", 7, 54, Yes, No},
		// 紛失 of 約300: nothing to report.
		{"P3", findings{No, No, No, No}, [4]GroundKind{GroundItemsListed, GroundItemsListed, GroundCause, GroundCount}, No, No,
			"2023-07-15", "2023-08-09", "", -1, -1, Unknown, Unknown},
		// No items: ① and ② unknown; 1万件以上 is over 1,000. 2024 is a leap year: 60 days
		// after 10 February is 10 April. No 確報 given.
		{"P4", findings{Unknown, Unknown, Yes, Yes}, [4]GroundKind{GroundNoItems, GroundNoItems, GroundCause, GroundCount}, Yes, No,
			"2024-02-15", "2024-04-10", "", 3, -1, No, Unknown},
		// ID・パスワード: financial only if the service moves money; 約1000 could be either side.
		// 確報 on day 44 with ③ no is late.
		{"P5", findings{No, Unknown, No, Unknown}, [4]GroundKind{GroundItemsListed, GroundCredentials, GroundCause, GroundCountNear}, Unknown, No,
			"2023-09-06", "2023-10-01", "", -1, 44, Unknown, Yes},
		// A cause in neither list: ③ unknown, so the 確報 is due on day 30 or 60, and day 46
		// is late only if ③ does not apply.
		{"P6", findings{No, No, Unknown, Yes}, [4]GroundKind{GroundItemsListed, GroundItemsListed, GroundCauseOther, GroundCount}, Yes, No,
			"2023-12-05", "2023-12-30", "2024-01-29", 5, 46, No, Unknown},
		// No detection day: disclosed before the enforcement day, so before it; no deadlines.
		{"P7", findings{Unknown, Yes, Yes, No}, [4]GroundKind{GroundNoItems, GroundRecordType, GroundCause, GroundCount}, Yes, Yes,
			"", "", "", -1, -1, Unknown, Unknown},
	}
	day := func(d data.Date) string {
		if !d.Known() {
			return ""
		}
		return d.String()
	}
	days := func(d Days) int {
		if !d.Known {
			return -1
		}
		return d.N
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			in, ok := incidents[tt.id]
			if !ok {
				t.Fatalf("no incident %s", tt.id)
			}
			d := DutyOf(in)
			for i, s := range Situations() {
				if f := d.Findings[s]; f.Answer != tt.f[i] || f.Ground.Kind != tt.grounds[i] {
					t.Errorf("situation %d: %v (ground %d %q), want %v (ground %d)", i+1, f.Answer, f.Ground.Kind, f.Ground.Value, tt.f[i], tt.grounds[i])
				}
			}
			if d.Reportable != tt.reportable || d.Before != tt.before {
				t.Errorf("reportable %v before %v, want %v %v", d.Reportable, d.Before, tt.reportable, tt.before)
			}
			if got := [3]string{day(d.PreliminaryDue), day(d.FinalDue), day(d.FinalDueLong)}; got != [3]string{tt.prelimDue, tt.finalDue, tt.finalLong} {
				t.Errorf("due %v, want %v", got, [3]string{tt.prelimDue, tt.finalDue, tt.finalLong})
			}
			if days(d.ToPreliminary) != tt.toPrelim || days(d.ToFinal) != tt.toFinal {
				t.Errorf("days to reports %d %d, want %d %d", days(d.ToPreliminary), days(d.ToFinal), tt.toPrelim, tt.toFinal)
			}
			if d.PreliminaryLate != tt.prelimLate || d.FinalLate != tt.finalLate {
				t.Errorf("late %v %v, want %v %v", d.PreliminaryLate, d.FinalLate, tt.prelimLate, tt.finalLate)
			}
		})
	}
}

func TestOverThousand(t *testing.T) {
	tests := []struct {
		c    data.Count
		want Answer
	}{
		{data.Count{}, Unknown},
		{data.KnownCount(1000), No},
		{data.KnownCount(1001), Yes},
		{data.Count{N: 1001, Known: true, Bound: data.AtLeast}, Yes},
		{data.Count{N: 1000, Known: true, Bound: data.AtLeast}, Unknown},
		{data.Count{N: 1000, Known: true, Bound: data.AtMost}, No},
		{data.Count{N: 1001, Known: true, Bound: data.AtMost}, Unknown},
		{data.Count{N: 2000, Known: true, Approx: true}, Yes},
		{data.Count{N: 1999, Known: true, Approx: true}, Unknown},
		{data.Count{N: 500, Known: true, Approx: true}, No},
		{data.Count{N: 501, Known: true, Approx: true}, Unknown},
		{data.Count{N: 5000, Known: true, Bound: data.BothBounds}, Unknown},
	}
	for _, tt := range tests {
		if got := overThousand(tt.c); got != tt.want {
			t.Errorf("overThousand(%+v) = %v, want %v", tt.c, got, tt.want)
		}
	}
}
