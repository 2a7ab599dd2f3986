package reports

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"breachreport/internal/clienttest"
)

// openpyxlScript reads a workbook with openpyxl and prints, per sheet, its rows as text
// (dates as yyyy-mm-dd, whole numbers without a decimal point), the number of formula
// cells, and its charts' kinds.
const openpyxlScript = `
import datetime, json, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    rows, formulas = [], 0
    for row in ws.iter_rows():
        vals = []
        for c in row:
            v = c.value
            if c.data_type == "f":
                formulas += 1
            if v is None:
                v = ""
            elif isinstance(v, datetime.datetime):
                v = v.strftime("%Y-%m-%d")
            elif isinstance(v, float) and v.is_integer():
                v = str(int(v))
            vals.append(str(v))
        rows.append(vals)
    charts = [type(c).__name__ + ":" + str(getattr(c, "grouping", "")) + ":" + str(len(c.series)) for c in ws._charts]
    out[ws.title] = {"rows": rows, "formulas": formulas, "charts": charts}
json.dump(out, sys.stdout)
`

// openpyxl returns a python3 that has openpyxl, or skips (fails when clienttest.RequireEnv
// is 1).
func openpyxl(t *testing.T) string {
	t.Helper()
	clienttest.SkipShort(t, "openpyxl")
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if p, err := exec.LookPath(py); err == nil && exec.Command(p, "-c", "import openpyxl").Run() == nil {
			return p
		}
	}
	msg := "no python3 with openpyxl (apt-get install python3-openpyxl)"
	if os.Getenv(clienttest.RequireEnv) == "1" {
		t.Fatalf("%s, and %s=1 requires it", msg, clienttest.RequireEnv)
	}
	t.Skipf("skipping: %s", msg)
	return ""
}

// TestOpenpyxlReadsBack has a second, independent reader, openpyxl, read the workbook: the
// seed figures are the same, the Comparison sheet has its two charts (stacked and
// clustered bars) and no sheet has a formula.
func TestOpenpyxlReadsBack(t *testing.T) {
	py := openpyxl(t)
	rep := sampleReport(t)
	for _, l := range langs {
		t.Run(string(l), func(t *testing.T) {
			_, raw := writeBook(t, rep, l)
			file := filepath.Join(t.TempDir(), "sample.xlsx")
			if err := os.WriteFile(file, raw, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := clienttest.Run(t, 2*time.Minute, py, "-c", openpyxlScript, file)
			if err != nil {
				t.Fatalf("openpyxl: %v\n%s", err, out)
			}
			var sheets map[string]struct {
				Rows     [][]string
				Formulas int
				Charts   []string
			}
			if err := json.Unmarshal(out, &sheets); err != nil {
				t.Fatalf("openpyxl output: %v\n%.2000s", err, out)
			}
			for name, sh := range sheets {
				if sh.Formulas != 0 {
					t.Errorf("%s: openpyxl finds %d formulas", name, sh.Formulas)
				}
				want := []string(nil)
				if name == lSheetComparison.in(l) {
					want = []string{"BarChart:stacked:3", "BarChart:clustered:4"}
				}
				if fmt.Sprint(sh.Charts) != fmt.Sprint(want) {
					t.Errorf("%s: openpyxl finds charts %q, want %q", name, sh.Charts, want)
				}
			}
			checkLibreOffice(t, export{lang: l}, rep, func(k label) *table {
				sh, ok := sheets[k.in(l)]
				if !ok {
					t.Fatalf("openpyxl finds no sheet %q", k.in(l))
				}
				return &table{t: t, name: k.in(l), rows: sh.Rows}
			})
		})
	}
}
