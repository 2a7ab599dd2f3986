package pack

import (
	"math"
	"reflect"
	"testing"

	"breachreport/data"
)

// TestPackRoundTrip packs values at the edges of what each field holds and reads them back.
func TestPackRoundTrip(t *testing.T) {
	dates := []data.Date{{}, data.NewDate(1960, 2, 29), data.NewDate(1970, 1, 1), data.NewDate(2019, 6, 4),
		data.DateOf(data.NewDate(2019, 6, 4).Time(), data.PrecisionMonth), data.DateOf(data.NewDate(1969, 12, 31).Time(), data.PrecisionYear),
		data.NewDate(9999, 12, 31), data.NewDate(1, 1, 1)}
	counts := []data.Count{{}, data.KnownCount(0), data.KnownCount(math.MaxInt64), {N: 40000, Known: true, Approx: true}, {N: -3},
		{N: 30000, Known: true, Bound: data.AtLeast, Written: "3万件以上"}, {N: 35000, Known: true, Approx: true, Bound: data.AtMost, Written: "約最大3万5千件"},
		{N: 70000, Known: true, Bound: data.BothBounds}, {N: 12000, Known: true, Written: "1万2千件"}}
	in := data.Incident{ID: "INC-1", Organization: "Alpha / Beta", Service: "", Industry: "retail", Cause: "web skimming",
		Detected: dates[3], Disclosed: dates[4], SourceURLs: []string{"https://a", "https://b"}}
	for i, d := range dates {
		in.Scopes = append(in.Scopes, data.Scope{Line: i * 1000003, IncidentID: "INC-1", Organization: "Alpha", Industry: "retail",
			Cause: "", RecordType: data.RecordType([]string{"personal", "card", "", "顧客情報"}[i%4]), Certainty: data.Certainty(i % 3),
			Records: counts[i%len(counts)], ExposureStart: d, ExposureEnd: dates[(i+1)%len(dates)], Detected: dates[(i+2)%len(dates)],
			Contained: dates[(i+3)%len(dates)], Disclosed: dates[(i+4)%len(dates)], SourceURL: []string{"https://a", "https://c", ""}[i%3],
			Notes: []string{"", "株式会社", "x"}[i%3], Extra: [][]string{nil, {}, {"", "a"}}[i%3],
			DatesWritten: [][]string{nil, {"", "11/18/2021 12:00:00 AM", "", "", "", "", ""}}[i%2]})
	}
	in.Scopes[2].IncidentID, in.Scopes[2].IDDerived = "Alpha 2019-06-04", true
	for _, tt := range []data.Incident{in, {}, {ID: "only", SourceURLs: []string{}, Scopes: []data.Scope{}}} {
		var p Packer
		p.Incident(&tt)
		p.Int(math.MinInt64)
		p.Uint(math.MaxUint64)
		p.Bool(true)
		p.StringLike("same", "same")
		p.StringLike("", "ref")
		var got data.Incident
		u := Unpacker{B: p.B}
		u.Incident(&got)
		if !reflect.DeepEqual(got, tt) {
			t.Errorf("incident:\n got %+v\nwant %+v", got, tt)
		}
		if v := u.Int(); v != math.MinInt64 {
			t.Errorf("Int = %d", v)
		}
		if v := u.Uint(); v != math.MaxUint64 {
			t.Errorf("Uint = %d", v)
		}
		if !u.Bool() || u.StringLike("same") != "same" || u.StringLike("ref") != "" {
			t.Error("Bool or StringLike read back wrong")
		}
		if u.I != len(p.B) {
			t.Errorf("read %d of %d bytes", u.I, len(p.B))
		}
		if IDOfPacked(p.B) != tt.ID {
			t.Errorf("IDOfPacked = %q, want %q", IDOfPacked(p.B), tt.ID)
		}
	}
	// Reading into an incident with larger arrays reuses them and leaves nothing behind.
	var p Packer
	small := data.Incident{ID: "s", SourceURLs: []string{"u"}, Scopes: []data.Scope{{Line: 2, IncidentID: "s", Notes: "n"}}}
	p.Incident(&small)
	got := in
	u := Unpacker{B: p.B}
	u.Incident(&got)
	if !reflect.DeepEqual(got, small) || &got.Scopes[0] != &in.Scopes[0] {
		t.Errorf("reuse: got %+v, want %+v in the same array", got, small)
	}
}
