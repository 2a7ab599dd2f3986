package reports

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"

	"breachreport/i18n"
)

// TestTextWidth checks the column-width estimate: East Asian wide characters count double.
func TestTextWidth(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want float64
	}{
		{"ascii", "Sanpo Create", 12},
		{"kanji", "株式会社", 8},
		{"full-width digits", "４１３５５", 10},
		{"half-width katakana", "ｱﾈﾓﾈ", 4},
		{"mixed", "anemone (アネモネ)", 18},
		{"widest line", "ab\n漢字漢字\nc", 8},
		{"ascii lines", "ab\ncdef\n", 4},
		{"ascii with a tab", "a\tb", 3},
		{"empty", "", 0},
	}
	// The ASCII fast path counts one per byte: what x/text/width says of every ASCII
	// character but the newline.
	for c := rune(0); c < utf8.RuneSelf; c++ {
		if k := width.LookupRune(c).Kind(); c != '\n' && (k == width.EastAsianWide || k == width.EastAsianFullwidth) {
			t.Errorf("ASCII %q is %v wide", c, k)
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := textWidth(tt.in); got != tt.want {
				t.Errorf("textWidth(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// TestGroupDigits checks the width estimate of counts against #,##0.
func TestGroupDigits(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{{0, "0"}, {210, "210"}, {2606, "2,606"}, {41355, "41,355"}, {1234567, "1,234,567"}, {-1000, "-1,000"}}
	for _, tt := range tests {
		if got := groupDigits(tt.in); got != tt.want {
			t.Errorf("groupDigits(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestLinkable checks which source URLs become hyperlinks.
func TestLinkable(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"https://cybersecurity-jp.com/news/31610", true},
		{"http://example.com/a?b=c", true},
		{"javascript:alert(1)", false},
		{"file:///etc/passwd", false},
		{"=HYPERLINK(\"http://x\")", false},
		{"example.com/news", false},
		{"https://", false},
		{"https://example.com/" + strings.Repeat("a", maxLinkLen), false},
	}
	for _, tt := range tests {
		if got := linkable(tt.in); got != tt.want {
			t.Errorf("linkable(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestLinkCap checks that URLs past maxSheetLinks on a sheet are written as plain text.
func TestLinkCap(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f, i18n.En)
	if err != nil {
		t.Fatal(err)
	}
	bk := &bookState{lang: i18n.En}
	w := &sheetWriter{f: f, st: st, bk: bk, name: "Sheet1", parts: []string{"Sheet1"}, lo: &layout{}, lineHt: 15, links: maxSheetLinks - 1}
	u := "https://example.com/a"
	w.write(link(u))
	w.write(link(u))
	w.finish(0, false)
	if w.err != nil {
		t.Fatal(w.err)
	}
	for _, tt := range []struct {
		ref  string
		want bool
	}{{"A1", true}, {"A2", false}} {
		ok, _, err := f.GetCellHyperLink("Sheet1", tt.ref)
		if err != nil || ok != tt.want {
			t.Errorf("%s: hyperlink %v (%v), want %v", tt.ref, ok, err, tt.want)
		}
		if v, _ := f.GetCellValue("Sheet1", tt.ref); v != u {
			t.Errorf("%s = %q, want %q", tt.ref, v, u)
		}
	}
}

// TestGroupedWidth checks the width of a grouped number against the number grouped.
func TestGroupedWidth(t *testing.T) {
	ns := []int64{0, 1, -1, 9, 10, 99, 100, 999, 1000, -1000, 9999, 12345, 999999, 1000000, 41355, -41355,
		1<<31 - 1, 1<<53 + 1, math.MaxInt64, math.MinInt64, math.MinInt64 + 1}
	for p := int64(1); p > 0 && p < math.MaxInt64/10; p *= 10 {
		ns = append(ns, p-1, p, -p, -(p - 1))
	}
	for _, n := range ns {
		if got, want := groupedWidth(n), float64(len(groupDigits(n))); got != want {
			t.Errorf("groupedWidth(%d) = %v, want %v (%s)", n, got, want, groupDigits(n))
		}
	}
}

// TestCapAndFill: a capped column is made no wider than its cap, unless its numbers need
// more, and its text wraps; the filling column alone gives up width until the columns fit
// a page at minPrintScale, and takes no more than its content.
func TestCapAndFill(t *testing.T) {
	page := 104.0 * 100 / minPrintScale
	tests := []struct {
		name      string
		widths    []float64 // content, in characters
		numWidths []float64
		maxWidths []float64
		fill      int
		want      []float64
		capped    []bool
	}{
		{"no cap, fits", []float64{10, 20}, nil, nil, 0, []float64{13, 24}, []bool{false, false}},
		{"capped text", []float64{10, 40}, nil, []float64{0, 20}, 0, []float64{13, 20}, []bool{false, true}},
		{"numbers keep their width", []float64{10, 13}, []float64{0, 13}, []float64{0, 11.5}, 0, []float64{13, 15}, []bool{false, true}},
		{"fill narrow enough", []float64{10, 30, 20}, nil, nil, 2, []float64{13, 35, 24}, []bool{false, false, false}},
		{"fill gives up width", []float64{60, 66, 60, 30}, nil, []float64{40, 0, 40}, 2,
			[]float64{40, math.Floor((page-40-40-35)*10) / 10, 40, 35}, []bool{true, true, true, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo := &layout{widths: tt.widths, numWidths: tt.numWidths, maxWidths: tt.maxWidths, fill: tt.fill, pageChars: 104}
			lo.setColWidths()
			for i, want := range tt.want {
				if math.Abs(lo.colWidths[i]-want) > 0.05 || lo.capped[i] != tt.capped[i] {
					t.Errorf("column %d: width %v (capped %v), want %v (%v)", i+1, lo.colWidths[i], lo.capped[i], want, tt.capped[i])
				}
			}
			if !lo.fitsPage() {
				t.Errorf("widths %v (%v characters) do not fit a page", lo.colWidths, lo.width())
			}
		})
	}
}
