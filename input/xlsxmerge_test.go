package input

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// mergedWorkbook builds a workbook of one sheet "s" from rows, as workbook does, with the
// ranges merged.
func mergedWorkbook(t testing.TB, rows [][]any, ranges ...[2]string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(workbook(t, false, []string{"s"}, map[string][][]any{"s": rows})))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, r := range ranges {
		if err := f.MergeCell("s", r[0], r[1]); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestReadWorkbookMerged checks what merged cells read as: the value of a merged range is
// its first cell's, the cells it covers are blank, as Excel stores them. A header merged over
// two rows is the two-row header error; a data cell merged down leaves the rows under it
// without that value.
func TestReadWorkbookMerged(t *testing.T) {
	tests := []struct {
		name   string
		rows   [][]any
		ranges [][2]string
		err    string
		issues []string
		used   int
	}{
		{name: "header on two rows",
			rows:   [][]any{{"organization", "dates"}, {nil, "disclosed", "detected"}, {"A", "2019-06-04", "2019-06-01"}},
			ranges: [][2]string{{"A1", "A2"}, {"B1", "C1"}},
			err:    `sheet "s" row 2: the header is on two rows: lines 1 and 2: "disclosed" (column 2) is under the header, in a row without an organization; unmerge the header's cells and write one header row, one name per column`},
		{name: "organization merged down",
			rows:   [][]any{{"organization", "records", "disclosed"}, {"A", 1, "2019-06-04"}, {nil, 2, "2019-06-04"}, {"B", 3, "2019-06-05"}},
			ranges: [][2]string{{"A2", "A3"}},
			issues: []string{`sheet "s" row 3, column organization (cell A3), value "": organization is required`},
			used:   2},
		{name: "records merged across",
			rows:   [][]any{{"organization", "records", "notes", "disclosed"}, {"A", 1000, nil, "2019-06-04"}, {"B", 3, "n", "2019-06-05"}},
			ranges: [][2]string{{"B2", "C2"}},
			used:   2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := mergedWorkbook(t, tt.rows, tt.ranges...)
			res, err := Read(bytes.NewReader(b), Options{Now: testNow})
			if tt.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.err) || !errors.Is(err, ErrTwoRowHeader) {
					t.Fatalf("error %v\nwant %s", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.RowsUsed != tt.used {
				t.Errorf("%d rows used, want %d", res.RowsUsed, tt.used)
			}
			var got []string
			for _, is := range res.Issues {
				got = append(got, is.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.issues, "\n") {
				t.Errorf("issues:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.issues, "\n"))
			}
		})
	}
}
