package data

import (
	"os"
	"strings"
	"testing"
)

// The causes of testdata/causes.tsv, as typed in real announcements and surveys (each
// line names its source), and the category each belongs to; "" is unmapped.
func TestTaxonomyCauses(t *testing.T) {
	text, err := os.ReadFile("testdata/causes.tsv")
	if err != nil {
		t.Fatal(err)
	}
	tax := DefaultTaxonomy()
	n, unmapped := 0, 0
	for _, line := range strings.Split(strings.TrimSpace(string(text)), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			t.Fatalf("bad line %q", line)
		}
		n++
		c, ok := tax.Cause(f[0])
		if ok != (f[1] != "") || c.Name != f[1] {
			t.Errorf("%s: %q (%v), want %q", f[0], c.Name, ok, f[1])
		}
		if !ok {
			unmapped++
		}
	}
	if n < 30 || unmapped == 0 {
		t.Errorf("%d causes, %d unmapped: the table should hold 30 or more, some unmapped", n, unmapped)
	}
}

func TestTaxonomyIndustries(t *testing.T) {
	tests := map[string]string{
		"小売": "I 卸売業，小売業", "通信販売": "I 卸売業，小売業", "製造": "E 製造業", "電気機器製造": "E 製造業", "電気・ガス": "F 電気・ガス・熱供給・水道業",
		"情報通信": "G 情報通信業", "情報処理サービス": "G 情報通信業", "専門サービス": "L 学術研究，専門・技術サービス業", "運輸": "H 運輸業，郵便業",
		"不動産": "K 不動産業，物品賃貸業", "保険": "J 金融業，保険業", "金融": "J 金融業，保険業", "医療": "P 医療，福祉", "教育": "O 教育，学習支援業",
		"公務": "S 公務（他に分類されるものを除く）", "地方公共団体": "S 公務（他に分類されるものを除く）", "Retail": "I 卸売業，小売業", "": "", "謎の業種": "",
	}
	tax := DefaultTaxonomy()
	for in, want := range tests {
		c, ok := tax.Industry(in)
		if ok != (want != "") || c.Name != want {
			t.Errorf("%q: %q (%v), want %q", in, c.Name, ok, want)
		}
	}
}
