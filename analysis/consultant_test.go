package analysis

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/japanese"

	"breachreport/input"
	"breachreport/internal/inputtest"
)

// consultantCSV is the seed as a Japanese consultant keeps it: Japanese headers, Japanese
// values, era and kanji dates, 万 counts, full-width digits; saved by Excel as Shift_JIS.
const consultantCSV = "事案ID,企業名,サービス名,漏えい情報,確度,件数,漏えい開始日,漏えい終了日,発覚日,封じ込め日,公表日\r\n" +
	"sanpo-create-2019,株式会社サンポークリエイト,アネモネ,個人情報,可能性,\"4万1,355件\",,,平成30年12月27日,2018/12/27,令和元年6月4日\r\n" +
	"sanpo-create-2019,株式会社サンポークリエイト,アネモネ,クレジットカード情報,可能性,\"2,606件\",2018年9月3日,2018年12月27日,H30.12.27,H30.12.27,R1.6.4\r\n" +
	"omochabako-2019,株式会社おもちゃ箱,omochabakoWEBSTORE,カード情報,確認,２１０件,2019/1/31,2019/3/8,平成31年3月11日,平成31年3月11日,令和元年8月6日\r\n" +
	"omochabako-2019,株式会社おもちゃ箱,omochabakoWEBSTORE,カード情報,疑い,4万233件,2016.2.3,2019.3.11,2019年3月11日,2019年3月11日,2019年8月6日\r\n"

// TestSeedAsConsultantsWriteIt reads the seed cases as a consultant's Shift_JIS file and
// checks that every figure equals the one computed from the embedded sample.
func TestSeedAsConsultantsWriteIt(t *testing.T) {
	sjis, err := japanese.ShiftJIS.NewEncoder().String(consultantCSV)
	if err != nil {
		t.Fatal(err)
	}
	res, err := inputtest.Read(bytes.NewReader([]byte(sjis)), input.Options{Now: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Encoding != input.EncodingShiftJIS {
		t.Errorf("encoding detected as %q, want Shift_JIS", res.Encoding)
	}
	sameFiguresAsSample(t, reportOf(res))
}

// TestSeedFromExcelWorkbook reads the seed cases from an .xlsx workbook as a consultant
// keeps it: Japanese headers, dates as Excel date cells beside typed text dates, counts as
// numbers and as text, and checks that every figure equals the embedded sample's.
func TestSeedFromExcelWorkbook(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	rows := [][]any{
		{"事案ID", "企業名", "漏えい情報", "確度", "件数", "漏えい開始日", "漏えい終了日", "発覚日", "封じ込め日", "公表日"},
		{"sanpo-create-2019", "株式会社サンポークリエイト", "個人情報", "可能性", "4万1,355件", nil, nil, day(2018, 12, 27), day(2018, 12, 27), day(2019, 6, 4)},
		{"sanpo-create-2019", "株式会社サンポークリエイト", "クレジットカード情報", "可能性", 2606, day(2018, 9, 3), "2018年12月27日", "H30.12.27", day(2018, 12, 27), "令和元年6月4日"},
		{"omochabako-2019", "株式会社おもちゃ箱", "カード情報", "確認", 210, day(2019, 1, 31), day(2019, 3, 8), day(2019, 3, 11), day(2019, 3, 11), day(2019, 8, 6)},
		{"omochabako-2019", "株式会社おもちゃ箱", "カード情報", "疑い", "4万233件", "2016/2/3", day(2019, 3, 11), day(2019, 3, 11), day(2019, 3, 11), day(2019, 8, 6)},
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "事案一覧"); err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for c, v := range row {
			if v == nil {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue("事案一覧", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	res, err := inputtest.Read(&buf, input.Options{Now: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Sheet != "事案一覧" {
		t.Errorf("sheet read = %q", res.Sheet)
	}
	sameFiguresAsSample(t, reportOf(res))
}

// sameFiguresAsSample checks that every incident figure of got equals the one computed from
// the embedded sample.
func sameFiguresAsSample(t *testing.T, got Report) {
	t.Helper()
	if len(got.Issues) != 0 || got.RowsUsed != 4 {
		t.Fatalf("rows used %d, issues %v", got.RowsUsed, got.Issues)
	}
	want := sampleFigures(t)
	gotIncidents := got.Incidents.Slice()
	if len(gotIncidents) != len(want) {
		t.Fatalf("%d incidents, want %d", len(gotIncidents), len(want))
	}
	for i, w := range want {
		g := gotIncidents[i]
		if g.Incident.ID != w.Incident.ID || g.Total != w.Total {
			t.Errorf("incident %d: %s total %+v, want %s %+v", i, g.Incident.ID, g.Total, w.Incident.ID, w.Total)
		}
		for j := range w.Buckets {
			if g.Buckets[j] != w.Buckets[j] {
				t.Errorf("%s bucket %d = %+v, want %+v", w.Incident.ID, j, g.Buckets[j], w.Buckets[j])
			}
		}
		for _, m := range Metrics() {
			if g.Get(m) != w.Get(m) {
				t.Errorf("%s %s = %+v, want %+v", w.Incident.ID, m, g.Get(m), w.Get(m))
			}
		}
	}
}

// TestJapaneseCountTotals reads counts as a consultant types them and checks each incident's
// total: its number and the sign that says it is approximate or a bound.
func TestJapaneseCountTotals(t *testing.T) {
	tests := []struct {
		name      string
		records   []string // one scope each
		wantTotal string   // data.Count.String
		wantIssue string   // the value of the one warning, if any
	}{
		{"sen", []string{"1万2千件", "3千件"}, "15000", ""},
		{"more man and sen", []string{"12万5千件"}, "125000", ""},
		{"approximate", []string{"約1万2千件", "1,000"}, "≈13000", ""},
		{"decimal is approximate", []string{"1.2万件"}, "≈12000", ""},
		{"at least", []string{"3万件以上", "100"}, "≥30100", ""},
		{"at least 超 and plus", []string{"3万件超", "30,000+"}, "≥60000", ""},
		{"at most", []string{"最大3万5千件", "up to 35,000"}, "≤70000", ""},
		{"bound and approximate", []string{"3万件以上", "約1万件"}, "≥40000", ""},
		{"both bounds", []string{"3万件以上", "最大5千件"}, "≈35000", ""},
		{"both bounds in one count is no count", []string{"最大3万件以上", "100"}, "", "最大3万件以上"},
		{"decimal below one record", []string{"1.23456万件"}, "", "1.23456万件"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := "incident_id,organization,record_type,certainty,records,disclosed\n"
			for i, r := range tt.records {
				in += fmt.Sprintf("x,Example Co.,%s,confirmed,%q,2019-06-04\n", []string{"personal", "card"}[i%2], r)
			}
			res, err := inputtest.Read(strings.NewReader(in), input.Options{Now: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			rep := reportOf(res)
			incs := rep.Incidents.Slice()
			if len(incs) != 1 {
				t.Fatalf("%d incidents, want 1", len(incs))
			}
			if got := incs[0].Total.String(); got != tt.wantTotal {
				t.Errorf("total %q, want %q", got, tt.wantTotal)
			}
			var values []string
			for _, is := range rep.Issues {
				if is.Line != 2 || is.Column != "records" {
					t.Errorf("issue on line %d, column %q: %s", is.Line, is.Column, is.Message.String())
				}
				values = append(values, is.Value)
			}
			if want := []string{tt.wantIssue}; tt.wantIssue == "" && len(values) > 0 || tt.wantIssue != "" && !slices.Equal(values, want) {
				t.Errorf("issues on the values %q, want %q", values, tt.wantIssue)
			}
		})
	}
}
