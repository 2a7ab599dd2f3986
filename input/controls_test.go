package input

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"breachreport/data"
)

// TestControlChars writes rows with bidirectional controls, C0 and C1 controls and DEL in one
// field each and checks that the scopes read hold the text without them, with one
// control-char warning per cell naming its line, column and escaped value.
func TestControlChars(t *testing.T) {
	header := []string{"incident_id", "organization", "service", "cause", "records", "disclosed", "notes", "ticket"}
	// Every control of the two ranges, each around a harmless name.
	var every strings.Builder
	for _, r := range []rune{0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069} {
		every.WriteString("a" + string(r))
	}
	for _, tc := range []struct {
		name      string
		col       string // the field given value; the others are plain
		value     string
		want      string // the field as the scope holds it
		wantValue string // the warning's value; "" for no warning
		header    string // the warning's column as written
		index     int    // and its position
	}{
		{"plain text", "organization", "Example Co.", "Example Co.", "", "", 0},
		{"right-to-left override in organization", "organization", "evil\u202egnp.exe", "evilgnp.exe", `evil\u202egnp.exe`, "organization", 2},
		{"every control in service", "service", every.String(), "aaaaaaaaa", strings.ReplaceAll(fmt.Sprintf("%+q", every.String()), `"`, ""), "service", 3},
		{"isolate in cause", "cause", "\u2067phishing\u2069", "phishing", `\u2067phishing\u2069`, "cause", 4},
		{"override in notes", "notes", "see \u202dreport\u202c", "see report", `see \u202dreport\u202c`, "notes", 7},
		{"isolate around a date", "disclosed", "\u20662019-06-04\u2069", "2019-06-04", `\u20662019-06-04\u2069`, "disclosed", 6},
		{"override in a column outside the schema", "ticket", "T\u202e1", "T1", `T\u202e1`, "ticket", 8},
		{"other format characters kept", "notes", "zero\u200bwidth", "zero\u200bwidth", "", "", 0},
		{"U+0019 in organization", "organization", "Example\x19 Co.", "Example Co.", `Example\x19 Co.`, "organization", 2},
		{"DEL and a C1 control in notes", "notes", "a\x7fb\u0085c", "abc", `a\x7fb\u0085c`, "notes", 7},
		{"every C0 control but tab and line breaks", "notes", "x\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1fy", "xy",
			`x\x01\x02\x03\x04\x05\x06\a\b\v\f\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1fy`, "notes", 7},
		{"tab and line breaks kept", "notes", "a\tb\r\nc\nd", "a\tb\nc\nd", "", "", 0},
		{"a control around a date", "disclosed", "2019-06-04\x1f", "2019-06-04", `2019-06-04\x1f`, "disclosed", 6},
		{"a C1 control in a column outside the schema", "ticket", "T\u009b1", "T1", `T\u009b1`, "ticket", 8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			row := map[string]string{"incident_id": "X1", "organization": "Example Co.", "service": "shop", "cause": "phishing",
				"records": "10", "disclosed": "2019-05-01", "notes": "none", "ticket": "T0"}
			row[tc.col] = tc.value
			var b bytes.Buffer
			w := csv.NewWriter(&b)
			w.Write(header)
			w.Write([]string{"Y1", "Plain Co.", "shop", "phishing", "1", "2019-05-01", "", "T9"})
			rec := make([]string, len(header))
			for i, h := range header {
				rec[i] = row[h]
			}
			w.Write(rec)
			w.Flush()
			res := read(t, b.String())
			if len(res.Scopes) != 2 {
				t.Fatalf("%d scopes, want 2; issues %v", len(res.Scopes), res.Issues)
			}
			sc := res.Scopes[1]
			got := map[string]string{"organization": sc.Organization, "service": sc.Service, "cause": sc.Cause,
				"disclosed": sc.Disclosed.String(), "notes": sc.Notes}
			if len(sc.Extra) == 1 {
				got["ticket"] = sc.Extra[0]
			}
			if got[tc.col] != tc.want {
				t.Errorf("%s = %q, want %q", tc.col, got[tc.col], tc.want)
			}
			var warned []data.Issue
			for _, is := range res.Issues {
				if is.Kind == data.KindControlChar {
					warned = append(warned, is)
				} else {
					t.Errorf("unexpected issue %v", is)
				}
			}
			if tc.wantValue == "" {
				if len(warned) > 0 {
					t.Errorf("warnings %v, want none", warned)
				}
				return
			}
			if len(warned) != 1 {
				t.Fatalf("warnings %v, want one", warned)
			}
			is := warned[0]
			if is.Severity != data.Warning || is.Line != 3 || is.Header != tc.header || is.ColumnIndex != tc.index || is.Value != tc.value || data.Shown(is.Value) != tc.wantValue || is.IncidentID != "X1" {
				t.Errorf("warning %+v, want line 3, column %s (%d), value %q shown as %s", is, tc.header, tc.index, tc.value, tc.wantValue)
			}
		})
	}
}

// TestControlCharsInHeader checks that a header name with control characters is read without them:
// a schema column is still recognised, a column outside the schema keeps its clean name, and
// each name gets one warning naming line 1 and its position.
func TestControlCharsInHeader(t *testing.T) {
	for _, tc := range []struct {
		name   string
		header string // the header line
		col    int    // the position of the name with controls
		extra  []string
	}{
		{"a schema column", "incident_id,\u202eorganization,records,disclosed,ticket", 2, []string{"ticket"}},
		{"a column outside the schema", "incident_id,organization,records,disclosed,tic\u2066ket\u2069", 5, []string{"ticket"}},
		{"a C0 control in a schema column", "incident_id,organiza\x19tion,records,disclosed,ticket", 2, []string{"ticket"}},
		{"a C1 control outside the schema", "incident_id,organization,records,disclosed,\u0085ticket", 5, []string{"ticket"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := read(t, tc.header+"\nX1,Example Co.,10,2019-06-04,T1\n")
			if len(res.Scopes) != 1 || res.Scopes[0].Organization != "Example Co." {
				t.Fatalf("scopes %+v, issues %v", res.Scopes, res.Issues)
			}
			if got := res.Layout.Extra(); strings.Join(got, "|") != strings.Join(tc.extra, "|") {
				t.Errorf("extra columns %q, want %q", got, tc.extra)
			}
			if len(res.Issues) != 1 {
				t.Fatalf("issues %v, want one warning", res.Issues)
			}
			if is := res.Issues[0]; is.Kind != data.KindControlChar || is.Line != 1 || is.ColumnIndex != tc.col || !strings.ContainsAny(data.Shown(is.Value), `\`) {
				t.Errorf("issue %+v, want a control-char warning on line 1, column %d", is, tc.col)
			}
		})
	}
}

// TestControlsScan checks the byte scan against the rune tests on every rune near the
// controls, alone and inside text, and on text cut inside a character.
func TestControlsScan(t *testing.T) {
	want := func(s string) controlClass {
		var c controlClass
		for _, r := range s {
			switch {
			case isBidi(r):
				c |= classBidi
			case isControl(r) && r < 0x80:
				c |= classC0
			case isControl(r):
				c |= classC1
			}
		}
		return c
	}
	var runes []rune
	for r := rune(0); r <= 0x2ff; r++ {
		runes = append(runes, r)
	}
	for r := rune(0x2000); r <= 0x20ff; r++ {
		runes = append(runes, r)
	}
	for _, r := range runes {
		for _, s := range []string{string(r), "a" + string(r), string(r) + "b", "→…" + string(r) + "株式"} {
			if got, want := controls(s), want(s); got != want {
				t.Errorf("controls(%+q) = %b, want %b", s, got, want)
			}
		}
	}
	for _, s := range []string{"", "\xe2", "\xe2\x80", "\xe2\x80\xae"[:2] + "x", "\xc2", "株式会社 → 2019年", "tab\tand\r\nlines"} {
		if c := controls(s); c != 0 {
			t.Errorf("controls(%+q) = %b, want 0", s, c)
		}
	}
}

// TestControlCharsInJoinedID checks that a control character in a column a mapping joins
// into the incident id is warned about once, on its own cell, and is in neither the
// organization nor the id.
func TestControlCharsInJoinedID(t *testing.T) {
	m := mustMapping(t, "[fields]\norganization = \"Name\"\ndisclosed = \"Date\"\nincident_id = { columns = [\"Name\", \"Date\"] }\n")
	res, err := Read(strings.NewReader("Name,Date\nBeta\x19 Clinic,2021-12-01\n"), Options{Now: testNow, Mapping: m})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Scopes) != 1 || res.Scopes[0].Organization != "Beta Clinic" || res.Scopes[0].IncidentID != "Beta Clinic / 2021-12-01" {
		t.Fatalf("scopes %+v", res.Scopes)
	}
	if len(res.Issues) != 1 || res.Issues[0].Kind != data.KindControlChar || res.Issues[0].Header != "Name" || res.Issues[0].Value != "Beta\x19 Clinic" {
		t.Errorf("issues %v, want one control-char warning on Name", res.Issues)
	}
}
