package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// --ep-map and --taxonomy replace the shipped tables: a map that puts 氏名 at (2, 2) changes
// the seed case's estimate, a taxonomy with one category puts every cause in it or in the
// unmapped group, and a bad file stops the run naming the file.
func TestRuleFlags(t *testing.T) {
	dir := t.TempDir()
	epMap := filepath.Join(dir, "ep.toml")
	tax := filepath.Join(dir, "tax.toml")
	bad := filepath.Join(dir, "bad.toml")
	for path, text := range map[string]string{
		epMap: "[ep]\n\"氏名\" = [2, 2]\n\"住所\" = [1, 1]\n\"電話番号\" = [1, 1]\n\"メールアドレス\" = [1, 1]\n\"クレジットカード番号\" = [1, 3]\n\"有効期限\" = [1, 3]\n\"セキュリティコード\" = [1, 3]\n",
		tax:   "[[cause]]\nname = \"攻撃\"\nname_en = \"Attack\"\nmatch = [\"不正\"]\n",
		bad:   "[ep]\n\"氏名\" = [1, 9]\n",
	} {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in := filepath.Join("analysis", "testdata", "duty.csv")

	out := t.TempDir()
	r := runCmd(t, "", "generate", "-i", in, "-o", out, "--lang", "ja", "--ep-map", epMap, "--taxonomy", tax, "--from", "2018-01-01", "--to", "2024-12-31")
	if r.status != 0 {
		t.Fatalf("exit %d: %s", r.status, r.stderr)
	}
	f, err := excelize.OpenFile(filepath.Join(out, "breach-report-2018-01-01_2024-12-31.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("想定損害賠償額")
	if err != nil {
		t.Fatal(err)
	}
	// 氏名 at (2, 2): 10 + 5 = 15; with 住所, identifiable 6: 45,000 yen a person, × 41,355.
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	per, est := col["1人あたり"], col["想定損害賠償額"]
	found := false
	for _, row := range rows {
		if len(row) > est && row[col["企業名"]] == "株式会社サンポークリエイト" && row[col["情報種別（確度）"]] == "個人情報（可能性）" {
			found = true
			if row[per] != "45,000円" || row[est] != "1,860,975,000円" {
				t.Errorf("Sanpo's personal scope with the custom map: %q, %q", row[per], row[est])
			}
		}
	}
	if !found {
		t.Errorf("no row of Sanpo's personal scope: %q", rows)
	}
	text := strings.Join(flatten(t, f, "内訳"), "\n")
	for _, want := range []string{"攻撃", "未分類", "メールの誤送信"} {
		if !strings.Contains(text, want) {
			t.Errorf("the breakdowns lack %q under the custom taxonomy", want)
		}
	}

	r = runCmd(t, "", "generate", "-i", in, "-o", t.TempDir(), "--ep-map", bad)
	if r.status == 0 || !strings.Contains(r.stderr, bad) || !strings.Contains(r.stderr, "give two levels 1–3") {
		t.Errorf("a bad EP map: exit %d, stderr %s", r.status, r.stderr)
	}
	r = runCmd(t, "", "generate", "-i", in, "-o", t.TempDir(), "--taxonomy", filepath.Join(dir, "missing.toml"))
	if r.status == 0 || !strings.Contains(r.stderr, "missing.toml") {
		t.Errorf("a missing taxonomy: exit %d, stderr %s", r.status, r.stderr)
	}
}

// flatten returns every cell text of a sheet, row by row.
func flatten(t *testing.T, f *excelize.File, sheet string) []string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		out = append(out, strings.Join(r, "\t"))
	}
	return out
}
