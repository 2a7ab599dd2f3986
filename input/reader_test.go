package input

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"breachreport/data"
)

var testNow = time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)

func read(t *testing.T, csv string) *Result {
	t.Helper()
	res, err := Read(strings.NewReader(csv), Options{Now: testNow})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if res.RowsRead != len(res.Scopes)+res.RowsRejected {
		t.Fatalf("rows read %d != used %d + rejected %d", res.RowsRead, len(res.Scopes), res.RowsRejected)
	}
	for _, is := range res.Issues {
		if is.Kind == "" {
			t.Errorf("issue without a kind: %+v", is)
		}
	}
	return res
}

const hdr = "incident_id,organization,record_type,certainty,records,exposure_start,exposure_end,detected,contained,disclosed,notes\n"

func TestReadSample(t *testing.T) {
	res, err := Read(bytes.NewReader(Sample()), Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if res.RowsRead != 4 || len(res.Scopes) != 4 || res.RowsRejected != 0 || len(res.Issues) != 0 {
		t.Fatalf("sample: read %d, used %d, rejected %d, issues %v; want 4 rows, all used, no issues",
			res.RowsRead, len(res.Scopes), res.RowsRejected, res.Issues)
	}
	want := []struct {
		id      string
		line    int
		rt      data.RecordType
		c       data.Certainty
		records int64
		start   string
		end     string
	}{
		{"sanpo-create-2019", 2, data.Personal, data.Suspected, 41355, "", ""},
		{"sanpo-create-2019", 3, data.Card, data.Suspected, 2606, "2018-09-03", "2018-12-27"},
		{"omochabako-2019", 4, data.Card, data.Confirmed, 210, "2019-01-31", "2019-03-08"},
		{"omochabako-2019", 5, data.Card, data.Suspected, 40233, "2016-02-03", "2019-03-11"},
	}
	for i, w := range want {
		sc := res.Scopes[i]
		if sc.IncidentID != w.id || sc.Line != w.line || sc.RecordType != w.rt || sc.Certainty != w.c ||
			sc.Records != data.KnownCount(w.records) || sc.ExposureStart.String() != w.start || sc.ExposureEnd.String() != w.end {
			t.Errorf("scope %d = %+v; want %+v", i, sc, w)
		}
	}
	sanpo := res.Scopes[0]
	if sanpo.Detected.String() != "2018-12-27" || sanpo.Contained.String() != "2018-12-27" || sanpo.Disclosed.String() != "2019-06-04" {
		t.Errorf("Sanpo dates detected %s contained %s disclosed %s", sanpo.Detected, sanpo.Contained, sanpo.Disclosed)
	}
	omo := res.Scopes[2]
	if omo.Detected.String() != "2019-03-11" || omo.Contained.String() != "2019-03-11" || omo.Disclosed.String() != "2019-08-06" {
		t.Errorf("Omochabako dates detected %s contained %s disclosed %s", omo.Detected, omo.Contained, omo.Disclosed)
	}
}

func TestReadHeaders(t *testing.T) {
	tests := []struct {
		name   string
		header string
	}{
		{"canonical", "organization,records,disclosed"},
		{"upper case and spaces", " Organization , RECORDS ,Disclosed"},
		{"japanese aliases", "企業名,件数,公表日"},
		{"other japanese aliases", "会社名,流出件数,発表日"},
		{"full-width latin (NFKC)", "ｏｒｇａｎｉｚａｔｉｏｎ,records,disclosed"},
		{"with BOM", "\ufefforganization,records,disclosed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := read(t, tt.header+"\nExample Co.,\"1,200\",2019-06-04\n")
			if len(res.Scopes) != 1 {
				t.Fatalf("got %d scopes, issues %v", len(res.Scopes), res.Issues)
			}
			sc := res.Scopes[0]
			if sc.Organization != "Example Co." || sc.Records != data.KnownCount(1200) || sc.Disclosed.String() != "2019-06-04" {
				t.Errorf("scope = %+v", sc)
			}
			if sc.IncidentID != "Example Co. 2019-06-04" || !sc.IDDerived {
				t.Errorf("derived id = %q (derived %v), want %q", sc.IncidentID, sc.IDDerived, "Example Co. 2019-06-04")
			}
		})
	}
}

func TestReadHeaderErrors(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		wantErr  error
		wantLine int
		wantText []string
	}{
		{"empty", "", ErrEmpty, 0, nil},
		{"only blank lines", "\n\n,,\n", ErrEmpty, 0, nil},
		{"missing organization", "incident_id,records\nx,1\n", ErrMissingCol, 1,
			[]string{"organization", "企業名", `"incident_id", "records"`}},
		{"no header at all", "Example Co.,12,2019-06-04\n", ErrMissingCol, 1,
			[]string{"is the first row a header?", `"Example Co."`}},
		{"duplicate via alias", "organization,records,企業名\n", ErrDuplicateCol, 1,
			[]string{`"organization" (column 1)`, `"企業名" (column 3)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in), Options{Now: testNow})
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %T, want *ParseError", err)
			}
			if pe.Line != tt.wantLine {
				t.Errorf("line = %d, want %d", pe.Line, tt.wantLine)
			}
			for _, s := range tt.wantText {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not mention %q", err, s)
				}
			}
		})
	}
}

func TestReadRowIssues(t *testing.T) {
	type want struct {
		sev    data.Severity
		line   int
		column string // header as written
		index  int
		value  string
		text   string
	}
	tests := []struct {
		name       string
		in         string
		wantUsed   int
		wantRej    int
		wantIssues []want
	}{
		{
			name: "seed typo in exposure_end is a warning naming line and column; the row is kept",
			in: hdr +
				"a,A,card,suspected,2606,2018-09-03,2018年12月27日7,2018-12-27,2018-12-27,2019-06-04,\n" +
				"b,B,card,confirmed,210,2019-01-31,2019-03-08,2019-03-11,2019-03-11,2019-08-06,\n",
			wantUsed:   2,
			wantIssues: []want{{data.Warning, 2, "exposure_end", 7, "2018年12月27日7", "not a date"}},
		},
		{
			name: "missing organization rejects the row",
			in: hdr +
				"a,,card,suspected,1,,,,,2019-06-04,\n" +
				"b,B,card,confirmed,2,,,,,2019-06-04,\n",
			wantUsed: 1, wantRej: 1,
			wantIssues: []want{{data.Rejected, 2, "organization", 2, "", "organization is required"}},
		},
		{
			name: "wrong number of fields rejects the row",
			in: hdr +
				"a,A,card\n" +
				"b,B,card,confirmed,2,,,,,2019-06-04,\n",
			wantUsed: 1, wantRej: 1,
			wantIssues: []want{{data.Rejected, 2, "", 0, "a,A,card", "3 fields but the header has 11"}},
		},
		{
			name: "a row with too many fields shows its text as written",
			in: hdr +
				"a,\"A, \"\"Inc\"\"\",card,confirmed,2,,,,,2019-06-04,,extra\r\n" +
				"b,B,card,confirmed,2,,,,,2019-06-04,\n",
			wantUsed: 1, wantRej: 1,
			wantIssues: []want{{data.Rejected, 2, "", 0, `a,"A, ""Inc""",card,confirmed,2,,,,,2019-06-04,,extra`, "12 fields but the header has 11"}},
		},
		{
			name: "negative and decimal counts are warnings, counts unknown",
			in: hdr +
				"a,A,card,suspected,-5,,,,,2019-06-04,\n" +
				"b,B,card,confirmed,12.9,,,,,2019-06-04,\n",
			wantUsed: 2,
			wantIssues: []want{
				{data.Warning, 2, "records", 5, "-5", "negative count"},
				{data.Warning, 3, "records", 5, "12.9", "whole number"},
			},
		},
		{
			name:       "unknown certainty",
			in:         hdr + "a,A,card,maybe,1,,,,,2019-06-04,\n",
			wantUsed:   1,
			wantIssues: []want{{data.Warning, 2, "certainty", 4, "maybe", "confirmed or suspected"}},
		},
		{
			name: "multi-line quoted field: later lines are physical lines",
			in: hdr +
				"a,A,card,suspected,1,,,,,2019-06-04,\"first\nsecond\nthird\"\n" +
				"b,B,card,confirmed,2,,2019-13-01,,,2019-06-04,\n",
			wantUsed:   2,
			wantIssues: []want{{data.Warning, 5, "exposure_end", 7, "2019-13-01", "month 13"}},
		},
		{
			name: "field after a line break inside the row is reported on its own line",
			in: hdr +
				"a,A,card,suspected,1,,\"2019-06-0\n1\",,,2019-06-04,\n",
			wantUsed:   1,
			wantIssues: []want{{data.Warning, 2, "exposure_end", 7, "2019-06-0\n1", "not a date"}},
		},
		{
			// Latin-1 é in a UTF-8 file. (In a file otherwise ASCII it would make the file
			// read as Windows-1252, and bytes that are valid Shift_JIS, like \x82\xa0, as
			// Shift_JIS: see encoding_test.go.)
			name: "invalid UTF-8 rejects the row",
			in: hdr +
				"a,Caf\xe9,card,suspected,1,,,,,2019-06-04,\n" +
				"b,株式会社B,card,confirmed,2,,,,,2019-06-04,\n",
			wantUsed: 1, wantRej: 1,
			wantIssues: []want{{data.Rejected, 2, "organization", 2, "Caf\xe9", "not valid UTF-8"}},
		},
		{
			name: "broken quoting rejects the row and reading goes on",
			in: hdr +
				"a,A \"x\" B,card,suspected,1,,,,,2019-06-04,\n" +
				"b,B,card,confirmed,2,,,,,2019-06-04,\n",
			wantUsed: 1, wantRej: 1,
			wantIssues: []want{{data.Rejected, 2, "", 0, "", "broken CSV quoting"}},
		},
		{
			name: "blank rows are skipped, not read",
			in: hdr +
				",,,,,,,,,,\n" +
				"b,B,card,confirmed,2,,,,,2019-06-04,\n",
			wantUsed: 1,
		},
		{
			name: "partial dates are kept with their precision and noted; era dates read",
			in: hdr +
				"a,A,card,suspected,1,2019-01,令和元年6月,R1.6.4,,令和元年6月4日,\n",
			wantUsed: 1,
			wantIssues: []want{
				{data.Warning, 2, "exposure_start", 6, "2019-01", "known only to the month (2019-01)"},
				{data.Warning, 2, "exposure_end", 7, "令和元年6月", "known only to the month (2019-06)"},
			},
		},
		{
			name:       "no id and no disclosed date: an incident of its own",
			in:         hdr + ",A,card,confirmed,2,,,,,,\n",
			wantUsed:   1,
			wantIssues: []want{{data.Warning, 2, "incident_id", 1, "", "incident of its own"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := read(t, tt.in)
			if len(res.Scopes) != tt.wantUsed || res.RowsRejected != tt.wantRej {
				t.Errorf("used %d, rejected %d; want %d, %d (issues %v)", len(res.Scopes), res.RowsRejected, tt.wantUsed, tt.wantRej, res.Issues)
			}
			if len(res.Issues) != len(tt.wantIssues) {
				t.Fatalf("issues = %v, want %d", res.Issues, len(tt.wantIssues))
			}
			for i, w := range tt.wantIssues {
				got := res.Issues[i]
				if got.Severity != w.sev || got.Line != w.line || got.Header != w.column || got.ColumnIndex != w.index ||
					got.Value != w.value || !strings.Contains(got.Message.String(), w.text) {
					t.Errorf("issue %d = %+v\nwant %+v", i, got, w)
				}
			}
		})
	}
}

func TestIssueString(t *testing.T) {
	is := data.Issue{Severity: data.Warning, Line: 3, Column: data.ColExposureEnd, Header: "漏えい終了日", ColumnIndex: 10,
		Value: "2018年12月27日7", Message: data.Msgf("not a date")}
	want := `line 3, column 漏えい終了日 (10), value "2018年12月27日7": not a date`
	if got := is.String(); got != want {
		t.Errorf("String() = %s\nwant       %s", got, want)
	}
}

// TestReadDateOrder reads a US-style export: its m/d/yyyy dates are reported until the
// order is given, then read.
func TestReadDateOrder(t *testing.T) {
	in := "organization,exposure_start,exposure_end,disclosed\n" +
		"Example Co.,02/04/2021 12:00:00 AM,03/01/2021 12:00:00 AM,04/15/2021\n"
	res, err := Read(strings.NewReader(in), Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	// Three dates asking for the order, and the row is an incident of its own (no disclosed date).
	if len(res.Issues) != 4 {
		t.Fatalf("without an order: issues %v", res.Issues)
	}
	for _, is := range res.Issues[:3] {
		if is.Kind != data.KindDateOrder || !strings.Contains(is.Message.String(), "could be month/day or day/month") {
			t.Errorf("issue %v (%s) is not one of the date order", is, is.Kind)
		}
	}
	res, err = Read(strings.NewReader(in), Options{Now: testNow, DateOrder: data.DateOrderMDY})
	if err != nil {
		t.Fatal(err)
	}
	sc := res.Scopes[0]
	if len(res.Issues) != 0 || sc.ExposureStart.String() != "2021-02-04" || sc.ExposureEnd.String() != "2021-03-01" || sc.Disclosed.String() != "2021-04-15" {
		t.Errorf("mdy: %+v, issues %v", sc, res.Issues)
	}
	res, err = Read(strings.NewReader(in), Options{Now: testNow, DateOrder: data.DateOrderDMY})
	if err != nil {
		t.Fatal(err)
	}
	// 04/15/2021 has no month 15: read day-first, it is an error, not a guess.
	if sc := res.Scopes[0]; sc.ExposureStart.String() != "2021-04-02" || sc.Disclosed.Known() || len(res.Issues) != 2 ||
		!strings.Contains(res.Issues[0].Message.String(), "month 15 does not exist") {
		t.Errorf("dmy: %+v, issues %v", sc, res.Issues)
	}
}

// TestReadExtraColumns keeps the columns outside the schema, in file order, per row.
func TestReadExtraColumns(t *testing.T) {
	res := read(t, "Region,organization,records,担当者,disclosed\n"+
		"Kanto,Example Co.,1,\"山田\n太郎\",2019-06-04\n"+
		",Other Co.,2,,2019-06-05\n")
	if got := res.Layout.Extra(); len(got) != 2 || got[0] != "Region" || got[1] != "担当者" {
		t.Fatalf("Extra() = %q, want [Region 担当者]", got)
	}
	want := [][]string{{"Kanto", "山田\n太郎"}, {"", ""}}
	for i, w := range want {
		got := res.Scopes[i].Extra
		if len(got) != 2 || got[0] != w[0] || got[1] != w[1] {
			t.Errorf("scope %d Extra = %q, want %q", i, got, w)
		}
	}
	if res.Scopes[1].Line != 4 {
		t.Errorf("second row on line %d, want 4 (after the two-line field)", res.Scopes[1].Line)
	}
	plain := read(t, "organization,records\nA,1\n")
	if len(plain.Layout.Extra()) != 0 || plain.Scopes[0].Extra != nil {
		t.Errorf("no extra columns: Extra() %q, scope Extra %q", plain.Layout.Extra(), plain.Scopes[0].Extra)
	}
}
