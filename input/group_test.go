package input

import (
	"fmt"
	"strings"
	"testing"

	"breachreport/data"
)

func TestGroup(t *testing.T) {
	res := read(t, hdr+
		"x,Example Co.,card,confirmed,1,,,2019-01-10,2019-01-11,2019-02-01,\n"+
		"y,Other Co.,card,confirmed,5,,,,,2019-03-01,\n"+
		"x,Example Co.,personal,suspected,2,,,2019-01-10,,2019-02-02,\n"+
		"x,Example Co. Ltd,personal,suspected,3,,,,2019-01-11,,\n")
	incs, issues := data.Group(res.Scopes)
	if len(incs) != 2 || incs[0].ID != "x" || incs[1].ID != "y" {
		t.Fatalf("incidents = %+v, want x then y", incs)
	}
	x := incs[0]
	if len(x.Scopes) != 3 || x.Scopes[0].Line != 2 || x.Scopes[1].Line != 4 || x.Scopes[2].Line != 5 {
		t.Errorf("x scopes = %+v", x.Scopes)
	}
	if x.Detected.String() != "2019-01-10" || x.Contained.String() != "2019-01-11" {
		t.Errorf("agreeing dates: detected %s contained %s", x.Detected, x.Contained)
	}
	if x.Disclosed.Known() {
		t.Errorf("conflicting disclosed dates gave %s, want unknown", x.Disclosed)
	}
	if x.Organization != "Example Co. / Example Co. Ltd" {
		t.Errorf("organization = %q, want both values listed", x.Organization)
	}
	if len(issues) != 2 {
		t.Fatalf("issues = %v, want 2 (organization and disclosed)", issues)
	}
	for _, is := range issues {
		if is.Severity != data.Warning || is.IncidentID != "x" {
			t.Errorf("issue %+v: want a warning on incident x", is)
		}
	}
	if is := issues[0]; is.Line != 5 || is.Column != data.ColOrganization || is.Value != "Example Co. Ltd" {
		t.Errorf("organization conflict = %+v", is)
	}
	if is := issues[1]; is.Line != 4 || is.Column != data.ColDisclosed || is.Value != "2019-02-02" ||
		!strings.Contains(is.Message.String(), "2019-02-01 on line 2") {
		t.Errorf("disclosed conflict = %+v", is)
	}
}

// TestGroupContiguous checks that incidents whose rows come together take their scopes
// from the input's array without a copy, each capped at its own rows, and that
// interleaved rows are copied into incident order.
func TestGroupContiguous(t *testing.T) {
	res := read(t, hdr+
		"x,Example Co.,card,confirmed,1,,,,,,\n"+
		"x,Example Co.,personal,suspected,2,,,,,,\n"+
		"y,Other Co.,card,confirmed,5,,,,,,\n"+
		"z,Third Co.,card,confirmed,7,,,,,,\n"+
		"z,Third Co.,card,suspected,8,,,,,,\n")
	incs, _ := data.Group(res.Scopes)
	want := map[string][]int{"x": {2, 3}, "y": {4}, "z": {5, 6}}
	k := 0
	for _, in := range incs {
		var lines []int
		for i := range in.Scopes {
			lines = append(lines, in.Scopes[i].Line)
			if &in.Scopes[i] != &res.Scopes[k] {
				t.Errorf("incident %s scope %d is a copy, not the input's row", in.ID, i)
			}
			k++
		}
		if fmt.Sprint(lines) != fmt.Sprint(want[in.ID]) {
			t.Errorf("incident %s has the rows of lines %v, want %v", in.ID, lines, want[in.ID])
		}
		if cap(in.Scopes) != len(in.Scopes) {
			t.Errorf("incident %s: cap %d > len %d, so an append would overwrite the next incident", in.ID, cap(in.Scopes), len(in.Scopes))
		}
	}

	res = read(t, hdr+
		"x,Example Co.,card,confirmed,1,,,,,,\n"+
		"y,Other Co.,card,confirmed,5,,,,,,\n"+
		"x,Example Co.,personal,suspected,2,,,,,,\n")
	incs, _ = data.Group(res.Scopes)
	if len(incs) != 2 || len(incs[0].Scopes) != 2 || incs[0].Scopes[1].Line != 4 || incs[1].Scopes[0].Line != 3 {
		t.Fatalf("interleaved rows grouped as %+v", incs)
	}
	if &incs[0].Scopes[0] == &res.Scopes[0] {
		t.Error("interleaved rows: the scopes share the input's array, which is in another order")
	}
}
