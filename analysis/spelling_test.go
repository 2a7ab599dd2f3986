package analysis

import (
	"reflect"
	"testing"

	"breachreport/data"
)

func TestSpellingKey(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"ランサムウェア", "ランサムウエア", true},
		{"ランサムウェア", "ﾗﾝｻﾑｳｪｱ", true}, // half-width katakana
		{"ランサムウェア", " ランサムウェア\u3000", true},
		{"サーバー設定ミス", "サーバ設定ミス", true},
		{"サーバーの設定ミス", "サーバの設定ミス", true},
		{"コンピュータウィルス", "コンピューターウイルス", true},
		{"情報漏洩", "情報漏えい", true},
		{"USBメモリ紛失", "ＵＳＢメモリー紛失", true}, // full-width Latin letters, long vowel
		{"Ransomware", "ransomware", true},
		{"メール誤送信", "電子メール誤送信", true},
		{"誤送付", "誤送信", false},
		{"メール誤送信", "誤送付", false},
		{"紛失", "盗難", false},
		{"不正アクセス", "不正ログイン", false},
		{"ランサムウェア", "マルウェア", false},
	}
	for _, tt := range tests {
		if got := SpellingKey(tt.a) == SpellingKey(tt.b); got != tt.same {
			t.Errorf("SpellingKey(%q) = %q, SpellingKey(%q) = %q: same %v, want %v", tt.a, SpellingKey(tt.a), tt.b, SpellingKey(tt.b), got, tt.same)
		}
	}
	// The usual form is its own key, so that a tie between spellings is shown in it.
	for _, s := range []string{"ランサムウェア", "サーバー設定ミス", "コンピューターウイルス", "情報漏えい"} {
		if SpellingKey(s) != s {
			t.Errorf("SpellingKey(%q) = %q", s, SpellingKey(s))
		}
	}
}

// TestBreakdownMergesSpellings checks that spelling variants of a cause form one group,
// shown as most of its incidents spell it, with the merge recorded, and that the groups are
// ordered by count so the largest take the colours.
func TestBreakdownMergesSpellings(t *testing.T) {
	causes := []string{"ランサムウエア", "ランサムウェア", "ランサムウェア", "誤送付", "メール誤送信", "サーバ設定ミス", "サーバー設定ミス", ""}
	var incs []data.Incident
	for i, c := range causes {
		incs = append(incs, data.Incident{ID: string(rune('a' + i)), Cause: c, Disclosed: data.NewDate(2024, 6, 1+i),
			Scopes: []data.Scope{{RecordType: data.Personal, Records: data.KnownCount(int64(100 * (i + 1)))}}})
	}
	figs, _ := Analyze(incs)
	b := breakdownOf(t, BreakdownAll(figs), ByCause)
	type row struct {
		key     string
		n       int
		records int64
	}
	var got []row
	for _, g := range b.Groups {
		got = append(got, row{g.Key, g.Incidents, g.Records.N})
	}
	// ランサムウェア: incidents 1–3 (100+200+300); サーバー設定ミス: 6, 7 (600+700), tied with
	// itself spelled サーバ, so shown in the usual form; then the single ones by name.
	want := []row{{"ランサムウェア", 3, 600}, {"サーバー設定ミス", 2, 1300}, {"メール誤送信", 1, 500}, {"誤送付", 1, 400}, {"", 1, 800}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("groups %+v; want %+v", got, want)
	}
	wantMerges := []Merge{
		{Into: "ランサムウェア", From: []Spelling{{"ランサムウエア", 1}}},
		{Into: "サーバー設定ミス", From: []Spelling{{"サーバ設定ミス", 1}}},
	}
	if !reflect.DeepEqual(b.Merges, wantMerges) {
		t.Errorf("merges %+v; want %+v", b.Merges, wantMerges)
	}
}

func TestSizeBandOf(t *testing.T) {
	c := func(n int64, approx bool, b data.Bound) data.Count {
		return data.Count{N: n, Known: true, Approx: approx, Bound: b}
	}
	tests := []struct {
		name string
		c    data.Count
		want SizeBand
	}{
		{"unknown", data.Count{}, SizeUnknown},
		{"zero", c(0, false, data.BoundNone), SizeZero},
		{"one", c(1, false, data.BoundNone), Size1},
		{"999", c(999, false, data.BoundNone), Size1},
		{"1,000: the PPC threshold", c(1_000, false, data.BoundNone), Size1K},
		{"9,999", c(9_999, false, data.BoundNone), Size1K},
		{"10,000", c(10_000, false, data.BoundNone), Size10K},
		{"99,999", c(99_999, false, data.BoundNone), Size10K},
		{"100,000", c(100_000, false, data.BoundNone), Size100K},
		{"999,999", c(999_999, false, data.BoundNone), Size100K},
		{"1,000,000", c(1_000_000, false, data.BoundNone), Size1M},
		{"約4万", c(40_000, true, data.BoundNone), Size10K},
		{"500件以上 could be any band", c(500, false, data.AtLeast), SizeUnknown},
		{"2万件以上", c(20_000, false, data.AtLeast), SizeUnknown},
		{"100万件以上", c(1_000_000, false, data.AtLeast), Size1M},
		{"最大500件", c(500, false, data.AtMost), Size1},
		{"最大約4万件", c(40_000, true, data.AtMost), SizeUnknown},
		{"最大1,000件", c(1_000, false, data.AtMost), SizeUnknown},
		{"both bounds", c(2_000_000, true, data.BothBounds), SizeUnknown},
	}
	for _, tt := range tests {
		if got := SizeBandOf(tt.c); got != tt.want {
			t.Errorf("%s: SizeBandOf(%+v) = %s; want %s", tt.name, tt.c, got, tt.want)
		}
	}
	for _, b := range append(SizeBands(), SizeZero) {
		if bandOfKey(b.String()) != b {
			t.Errorf("bandOfKey(%q) = %s", b.String(), bandOfKey(b.String()))
		}
		if lo, hi := b.Range(); b != SizeUnknown && (bandOf(lo) != b || (hi >= 0 && (bandOf(hi) != b || bandOf(hi+1) == b))) {
			t.Errorf("band %s: range %d–%d", b, lo, hi)
		}
	}
}
