package input

import (
	"slices"
	"strings"
	"testing"

	"breachreport/data"
)

// TestTotalRows checks that rows adding up the rows above them are left out of every figure,
// counted with the rejected rows, each with one total-row warning naming its line, column and
// value.
func TestTotalRows(t *testing.T) {
	const h = "incident_id,organization,records,disclosed\n"
	type issue struct {
		line   int
		column string
		value  string
	}
	tests := []struct {
		name   string
		csv    string
		used   []int // the lines of the scopes used
		totals []issue
	}{
		{
			name:   "合計 as the organization",
			csv:    h + "a,A社,100,2024-05-01\nb,B社,200,2024-05-02\n,合計,300,\n",
			used:   []int{2, 3},
			totals: []issue{{4, data.ColOrganization, "合計"}},
		},
		{
			name:   "full-width Total in any case",
			csv:    h + "a,A社,100,2024-05-01\n,ＴＯＴＡＬ,,\n",
			used:   []int{2},
			totals: []issue{{3, data.ColOrganization, "ＴＯＴＡＬ"}},
		},
		{
			name:   "label in the first non-blank cell",
			csv:    h + "a,A社,100,2024-05-01\n小計,,100,\n",
			used:   []int{2},
			totals: []issue{{3, data.ColIncidentID, "小計"}},
		},
		{
			name:   "Grand total after subtotals",
			csv:    h + "a,A社,100,2024-05-01\nb,B社,5,2024-05-01\n,Subtotal,105,\nc,C社,7,2024-06-01\n,Grand total,112,\n",
			used:   []int{2, 3, 5},
			totals: []issue{{4, data.ColOrganization, "Subtotal"}, {6, data.ColOrganization, "Grand total"}},
		},
		{
			name:   "no organization, the sum of the rows above",
			csv:    h + "a,A社,\"41,355\",2019-06-04\na,A社,2606,2019-06-04\n,,\"43,961\",\n",
			used:   []int{2, 3},
			totals: []issue{{4, data.ColRecords, "43,961"}},
		},
		{
			name:   "no organization, the sum since the last total",
			csv:    h + "a,A社,10,\nb,B社,20,\n,,30,\nc,C社,1,\nd,D社,2,\n,,3,\n,,33,\n",
			used:   []int{2, 3, 5, 6},
			totals: []issue{{4, data.ColRecords, "30"}, {7, data.ColRecords, "3"}, {8, data.ColRecords, "33"}},
		},
		{
			name: "a company named with a label's letters is no total",
			csv:  h + "a,Total Wine & More,10,\nb,計画社,20,\n",
			used: []int{2, 3},
		},
		{
			// One row above is no sum: the row is rejected for its missing organization.
			name: "no organization, the count of the one row above",
			csv:  h + "a,A社,10,\n,,10,\n",
			used: []int{2},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := read(t, tt.csv)
			var lines []int
			for _, sc := range res.Scopes {
				lines = append(lines, sc.Line)
			}
			if !slices.Equal(lines, tt.used) {
				t.Errorf("scopes on lines %v, want %v", lines, tt.used)
			}
			var got []issue
			for _, is := range res.Issues {
				if is.Kind == data.KindTotalRow {
					if is.Severity != data.Warning {
						t.Errorf("total-row issue %v is %s, want a warning", is, is.Severity)
					}
					got = append(got, issue{is.Line, is.Column, is.Value})
				}
			}
			if len(got) != len(tt.totals) {
				t.Fatalf("total rows %v, want %v", got, tt.totals)
			}
			for i := range got {
				if got[i] != tt.totals[i] {
					t.Errorf("total row %d: %v, want %v", i, got[i], tt.totals[i])
				}
			}
			rowsOut := strings.Count(tt.csv, "\n") - 1 - len(tt.used)
			if res.RowsRejected != rowsOut {
				t.Errorf("rows rejected %d, want %d", res.RowsRejected, rowsOut)
			}
		})
	}
}
