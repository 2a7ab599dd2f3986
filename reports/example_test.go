package reports_test

import (
	"bytes"
	"context"
	"fmt"
	"log"

	"github.com/xuri/excelize/v2"

	"breachreport/analysis"
	"breachreport/i18n"
	"breachreport/input"
	"breachreport/internal/inputtest"
	"breachreport/reports"
)

// Example writes the workbook of the embedded sample in Japanese and reads one figure back.
func Example() {
	res, err := inputtest.Read(bytes.NewReader(input.Sample()), input.Options{})
	if err != nil {
		log.Fatal(err)
	}
	var build analysis.Builder
	build.Add(res.Scopes)
	rep, err := build.Report(context.Background(), res)
	if err != nil {
		log.Fatal(err)
	}
	rep.Input = input.SampleName
	rep.Compare, _ = analysis.SelectComparison(rep.Incidents, nil, 6)

	var buf bytes.Buffer
	if err := reports.Write(context.Background(), &buf, rep, reports.Options{Lang: i18n.Ja}); err != nil {
		log.Fatal(err)
	}

	f, err := excelize.OpenReader(&buf)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	fmt.Println(f.GetSheetList())
	// Row 2 of the Incidents sheet is Sanpo Create; column I its suspected personal records.
	v, _ := f.GetCellValue("事案一覧", "I2")
	raw, _ := f.GetCellValue("事案一覧", "I2", excelize.Options{RawCellValue: true})
	fmt.Println(v, raw)
	// Output:
	// [概要 事案一覧 範囲 比較 報告義務 想定損害賠償額 データ不備 定義]
	// 41,355 41355
}
