package analysis

import (
	"bytes"
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
