package reports

import (
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Template is an empty incident list to type into: the header, example rows, and for some
// columns the values to pick from.
type Template struct {
	Sheet  string
	Header []string
	Rows   [][]string
	// Lists gives, by column index, the values a cell of that column offers in a drop-down.
	// When Strict is set for the column, Excel refuses any other value; otherwise it warns and
	// lets the cell keep it (a record type may be any text).
	Lists map[int]List
}

// List is the values of one column's drop-down.
type List struct {
	Values []string
	Strict bool
}

// templateRows is how many rows below the header the drop-downs cover: far more than a
// month's incidents.
const templateRows = 5000

// WriteTemplate writes t as a workbook of one sheet: the header bold and frozen, every cell
// text (so that Excel keeps 010 and 2019/6/4 as typed), each column as wide as its header
// and example values, and the drop-downs of t.Lists.
func WriteTemplate(w io.Writer, t Template) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", t.Sheet); err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": text
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return err
	}
	for j, h := range t.Header {
		col, err := excelize.ColumnNumberToName(j + 1)
		if err != nil {
			return err
		}
		width := displayWidth(h)
		for _, r := range t.Rows {
			width = max(width, min(displayWidth(r[j]), 60))
		}
		if err := f.SetColWidth(t.Sheet, col, col, float64(width)+2); err != nil {
			return err
		}
		if err := f.SetColStyle(t.Sheet, col, text); err != nil {
			return err
		}
		if l, ok := t.Lists[j]; ok {
			dv := excelize.NewDataValidation(true)
			dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, templateRows+1)
			if err := dv.SetDropList(l.Values); err != nil {
				return err
			}
			if !l.Strict {
				dv.SetError(excelize.DataValidationErrorStyleWarning, h, "")
			}
			if err := f.AddDataValidation(t.Sheet, dv); err != nil {
				return err
			}
		}
	}
	if err := f.SetSheetRow(t.Sheet, "A1", &t.Header); err != nil {
		return err
	}
	last, err := excelize.CoordinatesToCellName(len(t.Header), 1)
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(t.Sheet, "A1", last, bold); err != nil {
		return err
	}
	for i, r := range t.Rows {
		if err := f.SetSheetRow(t.Sheet, fmt.Sprintf("A%d", i+2), &r); err != nil {
			return err
		}
	}
	if err := f.SetPanes(t.Sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	return f.Write(w)
}

// displayWidth is the width of s in Excel's character units, counting a wide (Japanese)
// character as two.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if utf8.RuneLen(r) > 1 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
