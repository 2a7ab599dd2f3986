package analysis

import (
	"slices"
	"strings"
	"testing"
	"time"

	"breachreport/data"
	"breachreport/input"
	"breachreport/internal/inputtest"
)

// TestOrganizationSpellings reads rows of one incident whose organization is spelled in
// different ways and checks, through the Builder and through data.Group alike, that they
// are one incident shown with the first row's spelling, with a warning naming both.
func TestOrganizationSpellings(t *testing.T) {
	const head = "incident_id,organization,record_type,records,disclosed\n"
	type inc struct{ id, org string }
	type issue struct {
		line           int
		value, message string // message: a part of it
	}
	tests := []struct {
		name   string
		rows   string
		want   []inc
		issues []issue
	}{
		{"株式会社 and (株)",
			",株式会社ことぶき住宅,personal,100,2024-05-10\n,(株)ことぶき住宅,card,20,2024-05-10\n",
			[]inc{{"株式会社ことぶき住宅 2024-05-10", "株式会社ことぶき住宅"}},
			[]issue{{3, "(株)ことぶき住宅", `organization "株式会社ことぶき住宅" on line 2, spelled "(株)ことぶき住宅" here`}}},
		{"㈱ after the name, first row shown",
			",ことぶき住宅㈱,personal,100,2024-05-10\n,株式会社ことぶき住宅,card,20,2024-05-10\n",
			[]inc{{"ことぶき住宅㈱ 2024-05-10", "ことぶき住宅㈱"}},
			[]issue{{3, "株式会社ことぶき住宅", `shown as "ことぶき住宅㈱"`}}},
		{"full-width （株）, 有限会社 and ㈲ are other legal forms, read alike",
			",（株）ことぶき住宅,personal,1,2024-05-10\n,有限会社ことぶき住宅,card,2,2024-05-10\n,ことぶき住宅㈲,account,3,2024-05-10\n",
			[]inc{{"（株）ことぶき住宅 2024-05-10", "（株）ことぶき住宅"}},
			[]issue{{3, "有限会社ことぶき住宅", "read as one organization"}, {4, "ことぶき住宅㈲", "read as one organization"}}},
		{"合同会社, (同), spaces and ・",
			",合同会社こと・ぶき,personal,1,2024-05-10\n,こと ぶき(同),card,2,2024-05-10\n",
			[]inc{{"合同会社こと・ぶき 2024-05-10", "合同会社こと・ぶき"}},
			[]issue{{3, "こと ぶき(同)", `spelled "こと ぶき(同)" here`}}},
		{"rows apart",
			",株式会社ことぶき住宅,personal,100,2024-05-10\n,Other Co.,card,5,2024-05-10\n,(株)ことぶき住宅,card,20,2024-05-10\n",
			[]inc{{"株式会社ことぶき住宅 2024-05-10", "株式会社ことぶき住宅"}, {"Other Co. 2024-05-10", "Other Co."}},
			[]issue{{4, "(株)ことぶき住宅", "read as one organization"}}},
		{"one spelling: no warning",
			",株式会社ことぶき住宅,personal,100,2024-05-10\n,株式会社ことぶき住宅,card,20,2024-05-10\n",
			[]inc{{"株式会社ことぶき住宅 2024-05-10", "株式会社ことぶき住宅"}}, nil},
		{"other disclosed dates are other incidents",
			",株式会社ことぶき住宅,personal,100,2024-05-10\n,(株)ことぶき住宅,card,20,2024-06-10\n",
			[]inc{{"株式会社ことぶき住宅 2024-05-10", "株式会社ことぶき住宅"}, {"(株)ことぶき住宅 2024-06-10", "(株)ことぶき住宅"}}, nil},
		{"other names are other incidents",
			",株式会社ことぶき住宅,personal,100,2024-05-10\n,株式会社ことぶき建設,card,20,2024-05-10\n",
			[]inc{{"株式会社ことぶき住宅 2024-05-10", "株式会社ことぶき住宅"}, {"株式会社ことぶき建設 2024-05-10", "株式会社ことぶき建設"}}, nil},
		{"an id given: spellings are one organization",
			"k-1,株式会社ことぶき住宅,personal,100,2024-05-10\nk-1,ことぶき 住宅,card,20,2024-05-10\n",
			[]inc{{"k-1", "株式会社ことぶき住宅"}},
			[]issue{{3, "ことぶき 住宅", "read as one organization"}}},
		{"an id given: other organizations still disagree",
			"k-1,株式会社ことぶき住宅,personal,100,2024-05-10\nk-1,(株)ことぶき建設,card,20,2024-05-10\nk-1,ことぶき住宅㈱,card,3,2024-05-10\n",
			[]inc{{"k-1", "株式会社ことぶき住宅 / (株)ことぶき建設"}},
			[]issue{{3, "(株)ことぶき建設", "rows of one incident must agree"}, {4, "ことぶき住宅㈱", "read as one organization"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := inputtest.Read(strings.NewReader(head+tt.rows), input.Options{Now: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			rep := reportOf(res)
			refFigs, refIssues := reference(res)
			for _, got := range []struct {
				path   string
				figs   []IncidentFigures
				issues []data.Issue
			}{{"builder", rep.Incidents.Slice(), rep.Issues}, {"data.Group", refFigs, refIssues}} {
				var incs []inc
				for _, f := range got.figs {
					incs = append(incs, inc{f.Incident.ID, f.Incident.Organization})
					for _, sc := range f.Incident.Scopes {
						if sc.IncidentID != f.Incident.ID {
							t.Errorf("%s: line %d has incident id %q in incident %q", got.path, sc.Line, sc.IncidentID, f.Incident.ID)
						}
					}
				}
				if !slices.Equal(incs, tt.want) {
					t.Errorf("%s: incidents %q, want %q", got.path, incs, tt.want)
				}
				if len(got.issues) != len(tt.issues) {
					t.Fatalf("%s: %d issues, want %d: %+v", got.path, len(got.issues), len(tt.issues), got.issues)
				}
				for i, w := range tt.issues {
					is := got.issues[i]
					if is.Line != w.line || is.Column != data.ColOrganization || is.Value != w.value || is.Kind != data.KindConflict ||
						is.Severity != data.Warning || !strings.Contains(is.Message.String(), w.message) {
						t.Errorf("%s: issue %d = line %d, column %q, value %q, %s %s: %q; want line %d, organization, %q, a warning containing %q",
							got.path, i, is.Line, is.Column, is.Value, is.Severity, is.Kind, is.Message.String(), w.line, w.value, w.message)
					}
				}
			}
		})
	}
}

// TestCompareOtherSpelling checks that --compare finds an incident whose id is derived
// from its organization when the id names the organization in another spelling.
func TestCompareOtherSpelling(t *testing.T) {
	const in = "organization,records,disclosed\n株式会社ことぶき住宅,100,2024-05-10\nOther Co.,5,2024-05-10\nINC,1,2024-06-01\n"
	res, err := inputtest.Read(strings.NewReader(in), input.Options{Now: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	rep := reportOf(res)
	tests := []struct {
		name    string
		ids     []string
		want    []string
		wantErr bool
	}{
		{"as derived", []string{"株式会社ことぶき住宅 2024-05-10"}, []string{"株式会社ことぶき住宅 2024-05-10"}, false},
		{"(株)", []string{"(株)ことぶき住宅 2024-05-10", "Other Co. 2024-05-10"}, []string{"株式会社ことぶき住宅 2024-05-10", "Other Co. 2024-05-10"}, false},
		{"㈱ after, no space", []string{"ことぶき住宅㈱ 2024-05-10"}, []string{"株式会社ことぶき住宅 2024-05-10"}, false},
		{"spaces in the name", []string{"Other  Co. 2024-05-10"}, []string{"Other Co. 2024-05-10"}, false},
		{"another date", []string{"(株)ことぶき住宅 2024-05-11"}, nil, true},
		{"another name", []string{"(株)ことぶき建設 2024-05-10"}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SelectComparison(rep.Incidents, tt.ids, 6)
			if (err != nil) != tt.wantErr {
				t.Fatalf("error %v, want error %v", err, tt.wantErr)
			}
			var ids []string
			for _, f := range got {
				ids = append(ids, f.Incident.ID)
			}
			if !slices.Equal(ids, tt.want) {
				t.Errorf("compared %q, want %q", ids, tt.want)
			}
		})
	}
}

// TestOrganizationSpellingsIssues checks that the reader's issues on a row spelled otherwise
// than its incident's first row name the incident's id, whether the rows come together or
// apart.
func TestOrganizationSpellingsIssues(t *testing.T) {
	const head = "organization,records,disclosed\n"
	tests := []struct {
		name, rows string
		line       int
	}{
		{"together", "株式会社ことぶき住宅,100,2024-05-10\n(株)ことぶき住宅,abc,2024-05-10\n", 3},
		{"apart", "株式会社ことぶき住宅,100,2024-05-10\nOther Co.,1,2024-05-10\n(株)ことぶき住宅,abc,2024-05-10\n", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := inputtest.Read(strings.NewReader(head+tt.rows), input.Options{Now: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			rep := reportOf(res)
			n := 0
			for _, is := range rep.Issues {
				if is.Line != tt.line {
					continue
				}
				n++
				if is.IncidentID != "株式会社ことぶき住宅 2024-05-10" {
					t.Errorf("%s issue on line %d names incident %q", is.Kind, is.Line, is.IncidentID)
				}
			}
			if n != 2 { // the count, and the spelling
				t.Errorf("%d issues on line %d, want 2: %+v", n, tt.line, rep.Issues)
			}
		})
	}
}
