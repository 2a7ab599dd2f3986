package analysis

import (
	"strings"
	"testing"

	"breachreport/data"
	"breachreport/input"
	"breachreport/internal/inputtest"
)

// TestMergeIssues checks the warning of rows that a mapping's joined id makes one incident
// though they differ: one per incident, naming every line and each differing column's values,
// and none when the rows agree or the id is a column of the file.
func TestMergeIssues(t *testing.T) {
	const joined = `date_order = "mdy"
[fields]
incident_id = { columns = ["Entity", "Submitted"] }
organization = "Entity"
disclosed = "Submitted"
records = "Affected"
cause = "Type"
`
	const ownID = `date_order = "mdy"
[fields]
incident_id = "Case"
organization = "Entity"
disclosed = "Submitted"
records = "Affected"
cause = "Type"
`
	long := strings.Repeat("x", 70)
	tests := []struct {
		name, mapping, csv string
		want               []string // the English text of each merge warning, in order
	}{
		{"one column differs", joined,
			"Entity,Submitted,Affected,Type,Case\nA,01/02/2020,10,Theft,1\nA,01/02/2020,20,Theft,1\n",
			[]string{`lines 2 and 3 give the same incident id "A / 01/02/2020", made by the mapping from "Entity" and "Submitted", so they are read as one incident and their counts added up; but they differ in Affected ("10" on line 2 and "20" on line 3). If they are separate reports, map incident_id = { each_row = true }`}},
		{"rows apart, three of them, one warning", joined,
			"Entity,Submitted,Affected,Type,Case\nA,01/02/2020,10,Theft,1\nB,01/02/2020,5,Loss,2\nA,01/02/2020,10,Loss,3\nA,01/02/2020,10,Theft,4\n",
			[]string{`lines 2, 4 and 5 give the same incident id "A / 01/02/2020", made by the mapping from "Entity" and "Submitted", so they are read as one incident and their counts added up; but they differ in Type ("Theft" on line 2, "Loss" on line 4 and "Theft" on line 5) and Case ("1" on line 2, "3" on line 4 and "4" on line 5). If they are separate reports, map incident_id = { each_row = true }`}},
		{"a long value is cut", joined,
			"Entity,Submitted,Affected,Type,Note\nA,01/02/2020,10,Theft," + long + "\nA,01/02/2020,10,Theft,short\n",
			[]string{`but they differ in Note ("` + strings.Repeat("x", mergeShown) + `…" on line 2 and "short" on line 3)`}},
		{"rows that agree", joined,
			"Entity,Submitted,Affected,Type\nA,01/02/2020,10,Theft\nA,01/02/2020,10,Theft\n", nil},
		{"the file's own id", ownID,
			"Entity,Submitted,Affected,Type,Case\nA,01/02/2020,10,Theft,1\nA,01/02/2020,20,Loss,1\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := input.ParseMapping(strings.NewReader(tt.mapping), "test.toml")
			if err != nil {
				t.Fatal(err)
			}
			res, err := inputtest.Read(strings.NewReader(tt.csv), input.Options{Mapping: m})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, is := range reportOf(res).Issues {
				if is.Kind == data.KindConflict && strings.Contains(is.Message.Format, "each_row") {
					got = append(got, is.Message.String())
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("merge warnings %q; want %d", got, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("warning %d\n%s\nlacks\n%s", i, got[i], w)
				}
			}
		})
	}
}
