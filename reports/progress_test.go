package reports

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"breachreport/i18n"
)

// progressCall is one call of Options.Progress.
type progressCall struct {
	sheet       string
	done, total int
}

// TestProgress writes 12,000 incidents (one scope each) with sheets of at most 5,000 rows
// and checks the calls of Options.Progress: first every sheet at 0, in order; then each
// sheet from 0 to its rows, on the long sheets every 4,096 rows of a part, counted over the
// parts (the header repeated on a continuation sheet not counted). The workbook is the
// same bytes as one written without Progress.
func TestProgress(t *testing.T) {
	rep := cardIncidents(t, 12000)
	if rep.Incidents.Len() != 12000 || len(rep.Issues) != 0 {
		t.Fatalf("fixture: %d incidents, %d issues; want 12000 and none", rep.Incidents.Len(), len(rep.Issues))
	}
	var calls []progressCall
	opts := Options{Lang: i18n.En, maxRows: 5000, Progress: func(sheet string, done, total int) {
		calls = append(calls, progressCall{sheet, done, total})
	}}
	var with, without bytes.Buffer
	if err := Write(context.Background(), &with, rep, opts); err != nil {
		t.Fatal(err)
	}
	opts.Progress = nil
	if err := Write(context.Background(), &without, rep, opts); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(with.Bytes(), without.Bytes()) {
		t.Error("the workbook written with Progress differs from the one written without")
	}

	// The rows of Incidents and Scopes: a header and 12,000 rows. Part 1 holds rows 1 to
	// 5,000 (a call at its row 4,096); part 2 the header and rows 5,001 to 9,999 (its row
	// 4,096 is row 9,095), part 3 the header and the rest.
	long := func(sheet string) []progressCall {
		return []progressCall{{sheet, 0, 12001}, {sheet, 4096, 12001}, {sheet, 9095, 12001}, {sheet, 12001, 12001}}
	}
	bySheet := map[string][]progressCall{}
	var order []string
	for _, c := range calls {
		if len(bySheet[c.sheet]) == 0 {
			order = append(order, c.sheet)
		}
		bySheet[c.sheet] = append(bySheet[c.sheet], c)
	}
	// More than MaxDutyIncidents incidents: no Reporting duty and Damage estimate sheets.
	want := []string{"Summary", "Incidents", "Scopes", "Comparison", "Data issues", "Method"}
	if !slices.Equal(order, want) {
		t.Errorf("Progress reported sheets %q, want %q", order, want)
	}
	for i, c := range calls[:min(len(calls), len(want))] {
		if c.sheet != want[i] || c.done != 0 {
			t.Errorf("call %d: %v; want every sheet at 0 first, in order %q", i, c, want)
		}
	}
	for _, sheet := range []string{"Incidents", "Scopes"} {
		if got, want := bySheet[sheet], long(sheet); !slices.Equal(got, want) {
			t.Errorf("%s: calls %v, want %v", sheet, got, want)
		}
	}
	for _, sheet := range order {
		got := bySheet[sheet]
		last := got[len(got)-1]
		if got[0].done != 0 || last.done != last.total || last.total < 1 {
			t.Errorf("%s: calls %v: want the first at 0 and the last at its total", sheet, got)
		}
	}
}

// TestCheckSize lowers the most data rows of a sheet and checks that CheckSize and Write
// refuse a report whose Incidents, Scopes or Data issues would need more, naming the input,
// the sheet, the rows and the limit, and that Write then writes nothing.
func TestCheckSize(t *testing.T) {
	cont := reportFrom(t, []byte(continuationCSV())) // 7 incidents, 8 scope rows, 6 issues
	// 1 incident of 1 scope row, with a warning (nothing to group it by); 3 rows rejected
	// for a missing organization: 4 issues.
	rejects := reportFrom(t, []byte("organization,records\nOrg,1\n,5\n,6\n,7\n"))
	if rejects.Incidents.Len() != 1 || len(rejects.Issues) != 4 {
		t.Fatalf("fixture: %d incidents, %d issues; want 1 and 4", rejects.Incidents.Len(), len(rejects.Issues))
	}
	for _, tt := range []struct {
		name  string
		limit int
		rep   bool // the rejects report, not cont
		want  string
		// wantJa starts the error in Japanese.
		wantJa string
	}{
		{"all fit", 8, false, "", ""},
		{"scopes", 7, false, "embedded sample (sample.csv): 8 scope rows, more than the 7 rows a workbook holds: the Scopes sheet continues over at most 16 sheets of 1,048,575 rows; report on part of the input or split the file",
			"embedded sample (sample.csv)：8行の範囲は、ワークブックに入る7行を超えます（範囲シートは1,048,575行のシート最大16枚まで続けられます）。入力の一部についてレポートするか、ファイルを分割してください"},
		{"incidents first", 6, false, "embedded sample (sample.csv): 7 incidents, more than the 6 rows a workbook holds: the Incidents sheet", "embedded sample (sample.csv)：7件の事案は、ワークブックに入る6行を超えます（事案一覧シート"},
		{"issues", 3, true, "embedded sample (sample.csv): 4 data issues, more than the 3 rows a workbook holds: the Data issues sheet", "embedded sample (sample.csv)：4件のデータ不備は、ワークブックに入る3行を超えます（データ不備シート"},
		{"issues fit", 4, true, "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rep := cont
			if tt.rep {
				rep = rejects
			}
			err := CheckSize(rep, tt.limit)
			var buf bytes.Buffer
			werr := Write(context.Background(), &buf, rep, Options{Lang: i18n.En, maxDataRows: tt.limit})
			if tt.want == "" {
				if err != nil || werr != nil || buf.Len() == 0 {
					t.Errorf("CheckSize: %v; Write: %v, %d bytes; want no error and a workbook", err, werr, buf.Len())
				}
				return
			}
			var tm *TooManyRowsError
			if !errors.As(err, &tm) || !errors.Is(err, ErrTooManyRows) || !strings.HasPrefix(err.Error(), tt.want) || tm.Max != tt.limit {
				t.Errorf("CheckSize: %v\nwant a *TooManyRowsError (ErrTooManyRows) starting %q", err, tt.want)
			}
			if got := i18n.ErrorText(i18n.Ja, err); !strings.HasPrefix(got, tt.wantJa) {
				t.Errorf("in Japanese: %s\nwant it to start %s", got, tt.wantJa)
			}
			if werr == nil || werr.Error() != err.Error() || buf.Len() != 0 {
				t.Errorf("Write: %v, %d bytes written; want %v and nothing written", werr, buf.Len(), err)
			}
		})
	}
	if err := CheckSize(cont, 0); err != nil {
		t.Errorf("CheckSize with the default limit: %v", err)
	}
	if MaxDataRows != 16*1048575 {
		t.Errorf("MaxDataRows = %d, want 16 sheets of 1,048,575 rows", MaxDataRows)
	}
}

func TestGroupThousands(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{
		{0, "0"}, {999, "999"}, {1000, "1,000"}, {1048575, "1,048,575"}, {16777200, "16,777,200"}, {-1234, "-1,234"}, {-123, "-123"},
	} {
		if got := groupThousands(tt.n); got != tt.want {
			t.Errorf("groupThousands(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
