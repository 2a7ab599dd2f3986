package input

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"breachreport/data"
)

// TestHeaderRow checks how the header row is found: the first row naming the organization
// and another known column, the rows above it skipped with one note naming them, or the row
// Options.HeaderRow names.
func TestHeaderRow(t *testing.T) {
	tests := []struct {
		name      string
		csv       string
		headerRow int
		ids       []string // the incident ids of the scopes read, in order
		note      string   // the header note's message, "" for none
		noteLine  int
		noteValue string
	}{
		{
			name: "header on the first row",
			csv:  "incident_id,organization,records\na,A社,10\n",
			ids:  []string{"a"},
		},
		{
			name:      "title row above the header",
			csv:       "漏えい事案一覧,,\nNo.,企業名,件数\n1,A社,10\n2,B社,20\n",
			ids:       []string{"1", "2"},
			note:      "1 row above the header (line 2) skipped as a title or notes: line 1",
			noteLine:  1,
			noteValue: "漏えい事案一覧",
		},
		{
			name:      "title, blank and notes rows above the header",
			csv:       "漏えい事案一覧,,\n,,\n注: 件数は公表値,,作成 2024-06-01\n番号,会社名,漏えい件数\n1,A社,10\n",
			ids:       []string{"1"},
			note:      "2 rows above the header (line 4) skipped as a title or notes: lines 1 and 3",
			noteLine:  1,
			noteValue: "漏えい事案一覧 | 注: 件数は公表値 作成 2024-06-01",
		},
		{
			name:      "header row given",
			csv:       "incident_id,organization,records\nx,X社,1\nid,organization,records\na,A社,10\n",
			headerRow: 3,
			ids:       []string{"a"},
		},
		{
			// Headings over a complete header row lose nothing: a title row.
			name:      "headings over every column of the header",
			csv:       "事案,,日付,\nNo.,企業名,発覚日,公表日\n1,A社,2024-01-01,2024-02-01\n",
			ids:       []string{"1"},
			note:      "1 row above the header (line 2) skipped as a title or notes: line 1",
			noteLine:  1,
			noteValue: "事案 日付",
		},
		{
			name: "id aliases",
			csv:  "通番,organization\n7,A社\n",
			ids:  []string{"7"},
		},
		{
			name: "管理番号 and No",
			csv:  "管理番号,organization\nK-1,A社\n",
			ids:  []string{"K-1"},
		},
		{
			name: "No as the id",
			csv:  "No,organization\n3,A社\n",
			ids:  []string{"3"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(strings.NewReader(tt.csv), Options{Now: testNow, HeaderRow: tt.headerRow})
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, sc := range res.Scopes {
				ids = append(ids, sc.IncidentID)
			}
			if strings.Join(ids, ",") != strings.Join(tt.ids, ",") {
				t.Errorf("incident ids %q, want %q", ids, tt.ids)
			}
			var notes []data.Issue
			for _, is := range res.Issues {
				if is.Kind == data.KindHeader {
					notes = append(notes, is)
				}
			}
			switch {
			case tt.note == "" && len(notes) > 0:
				t.Errorf("header notes %v, want none", notes)
			case tt.note != "" && len(notes) != 1:
				t.Errorf("header notes %v, want one", notes)
			case tt.note != "":
				if n := notes[0]; n.Message.String() != tt.note || n.Line != tt.noteLine || n.Value != tt.noteValue || n.Severity != data.Warning {
					t.Errorf("header note %+v,\nwant line %d, value %q, message %q", n, tt.noteLine, tt.noteValue, tt.note)
				}
			}
			if res.RowsRead != len(tt.ids) || res.RowsRejected != 0 {
				t.Errorf("rows read %d, rejected %d; want %d read, none rejected", res.RowsRead, res.RowsRejected, len(tt.ids))
			}
		})
	}
}

// TestHeaderRowErrors checks the headers that stop the reading: on two rows (merged cells,
// sub-headings), and a header row given that is blank or past the end.
func TestHeaderRowErrors(t *testing.T) {
	tests := []struct {
		name      string
		csv       string
		headerRow int
		err       error
		want      string
	}{
		{
			name: "sub-headings under merged cells",
			csv:  "incident_id,organization,漏えい件数,,公表日\n,,個人情報,カード情報,\na,A社,10,20,2024-05-01\n",
			err:  ErrTwoRowHeader,
			want: `line 2: the header is on two rows: lines 1 and 2: "カード情報" (column 4) is under the header, in a row without an organization; unmerge the header's cells and write one header row, one name per column`,
		},
		{
			name: "sub-headings that are column names",
			csv:  "No.,企業名,日付,\n,,発覚日,公表日\n1,A社,2024-01-01,2024-02-01\n",
			err:  ErrTwoRowHeader,
			want: `line 2: the header is on two rows: lines 1 and 2: "発覚日" (column 3) is under the header, in a row without an organization`,
		},
		{
			name: "cells merged down from above the header",
			csv:  "事案情報,,件数,日付\nNo.,企業名,,公表日\n1,A社,10,2024-02-01\n",
			err:  ErrTwoRowHeader,
			want: `line 1: the header is on two rows: lines 1 and 2: "件数" (column 3) is above a blank header cell; unmerge`,
		},
		{
			name:      "header row given is blank",
			csv:       "id,organization\n\na,A社\n",
			headerRow: 2,
			err:       ErrNoHeader,
			want:      "line 2: no header row: the header row given, 2, is blank or inside a row that starts above it",
		},
		{
			name:      "header row given past the end",
			csv:       "id,organization\na,A社\n",
			headerRow: 9,
			err:       ErrNoHeader,
			want:      "no header row: the header row given, 9, is past the end of the input",
		},
		{
			name: "no header in the first rows",
			csv:  "title\nnotes\nmore\n",
			err:  ErrMissingCol,
			want: `line 1: missing required column`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.csv), Options{Now: testNow, HeaderRow: tt.headerRow})
			if !errors.Is(err, tt.err) {
				t.Fatalf("error %v, want %v", err, tt.err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error\n%s\nwant it to start\n%s", err, tt.want)
			}
		})
	}
}

// TestHeaderRowWorkbook checks the header search on a workbook sheet: a title in A1 and a
// blank row above the header, whose rows then name the sheet's rows.
func TestHeaderRowWorkbook(t *testing.T) {
	b := workbook(t, false, []string{"一覧"}, map[string][][]any{"一覧": {
		{"漏えい事案一覧（2024年）"},
		{},
		{"No.", "企業名", "件数"},
		{1, "A社", 10},
	}})
	res, err := Read(bytes.NewReader(b), Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Scopes) != 1 || res.Scopes[0].IncidentID != "1" || res.Scopes[0].Line != 4 {
		t.Fatalf("scopes %+v, want incident 1 on row 4", res.Scopes)
	}
	if len(res.Issues) != 1 || res.Issues[0].Kind != data.KindHeader || res.Issues[0].Line != 1 {
		t.Fatalf("issues %v, want one header note on row 1", res.Issues)
	}
	if got, want := res.Issues[0].String(), `sheet "一覧" row 1, value "漏えい事案一覧（2024年）": 1 row above the header (line 3) skipped as a title or notes: line 1`; got != want {
		t.Errorf("note\n%s\nwant\n%s", got, want)
	}
}

// TestHeaderRowWorkbookGiven checks Options.HeaderRow on a workbook, whose rows are the
// lines, and a total row there: 合計 under the organization, the count a number.
func TestHeaderRowWorkbookGiven(t *testing.T) {
	b := workbook(t, false, []string{"一覧"}, map[string][][]any{"一覧": {
		{"id", "organization", "records"},
		{"x", "X社", 1},
		{"id", "organization", "records"},
		{"a", "A社", 10},
		{"b", "B社", 20},
		{nil, "合計", 30},
	}})
	res, err := Read(bytes.NewReader(b), Options{Now: testNow, HeaderRow: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Scopes) != 2 || res.Scopes[0].IncidentID != "a" || res.Scopes[0].Line != 4 {
		t.Fatalf("scopes %+v, want a on row 4 and b", res.Scopes)
	}
	if len(res.Issues) != 1 || res.Issues[0].Kind != data.KindTotalRow {
		t.Fatalf("issues %v, want one total row", res.Issues)
	}
	if got, want := res.Issues[0].String(), `sheet "一覧" row 6, column organization (cell B6), value "合計": a total row, not an incident: left out of every figure`; got != want {
		t.Errorf("issue\n%s\nwant\n%s", got, want)
	}
	if res.RowsRead != 3 || res.RowsRejected != 1 {
		t.Errorf("rows read %d, rejected %d; want 3 and 1", res.RowsRead, res.RowsRejected)
	}
}

// TestHeaderRowMapped checks the header search under a mapping: a title above the header
// the mapping reads is skipped with the note, as in the tool's own layout.
func TestHeaderRowMapped(t *testing.T) {
	m, err := ParseMapping(strings.NewReader("name = \"t\"\n[fields]\norganization = \"Name\"\nrecords = \"Affected\"\nincident_id = \"Id\"\n"), "t.toml")
	if err != nil {
		t.Fatal(err)
	}
	csv := "Breach notifications, export of 2024-06-01,\nId,Name,Affected\n7,Example Co.,100\n"
	res, err := Read(strings.NewReader(csv), Options{Now: testNow, Mapping: m})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Scopes) != 1 || res.Scopes[0].IncidentID != "7" || res.Scopes[0].Line != 3 {
		t.Fatalf("scopes %+v, want incident 7 on line 3", res.Scopes)
	}
	if len(res.Issues) != 1 || res.Issues[0].Kind != data.KindHeader || res.Issues[0].Line != 1 {
		t.Errorf("issues %v, want the header note on line 1", res.Issues)
	}
}
