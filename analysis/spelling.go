package analysis

import (
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// SpellingKey returns the key under which a cause or industry is grouped, so that spelling
// variants of one term fall in one group: the text after NFKC (full-width Latin letters
// and digits become ASCII, half-width katakana full-width), with runs of white space made
// one space, Latin letters lower-cased, and the variants of spellingVariants replaced by
// their usual form. The key is for grouping only: a group is shown as the input spells it.
func SpellingKey(s string) string {
	s = strings.Join(strings.Fields(norm.NFKC.String(s)), " ")
	s = strings.ToLower(s)
	for _, v := range spellingVariants {
		s = strings.ReplaceAll(s, v.from, v.to)
	}
	for _, stem := range longVowelStems {
		s = addLongVowel(s, stem)
	}
	return s
}

// spellingVariants are Japanese variant spellings of one word, each replaced by its usual
// form. The table is small on purpose: a pair belongs here only when the two spellings
// never name different things. 誤送付 (a letter or parcel sent to the wrong address) and
// 誤送信 (an e-mail or fax sent to the wrong address) are different causes and stay apart;
// so do 紛失 and 盗難, and 流出 and 漏えい (which a list uses for different stages).
var spellingVariants = []struct{ from, to string }{
	{"ウエア", "ウェア"},   // ランサムウエア, マルウエア, ソフトウエア → …ウェア
	{"ウィルス", "ウイルス"}, // コンピュータウィルス → ウイルス (the spelling of the statutes)
	{"漏洩", "漏えい"},    // the kanji and the form with kana of the same word
	{"漏泄", "漏えい"},
	{"e-mail", "メール"},
	{"eメール", "メール"},
	{"電子メール", "メール"},
}

// longVowelStems are loanwords written with or without their final long-vowel mark ー
// (サーバ / サーバー): where a stem is not already followed by ー, one is added.
var longVowelStems = []string{"サーバ", "コンピュータ", "メモリ", "ユーザ", "フォルダ", "プリンタ", "ブラウザ", "パラメータ", "ルータ"}

// addLongVowel appends ー to every stem in s not already followed by it.
func addLongVowel(s, stem string) string {
	if strings.Contains(s, stem) {
		var b strings.Builder
		for {
			i := strings.Index(s, stem)
			if i < 0 {
				b.WriteString(s)
				return b.String()
			}
			b.WriteString(s[:i+len(stem)])
			s = s[i+len(stem):]
			if !strings.HasPrefix(s, "ー") {
				b.WriteString("ー")
			}
		}
	}
	return s
}

// Spelling is one way the input spells the value of a group, with how many of the group's
// incidents spell it so.
type Spelling struct {
	Text      string
	Incidents int
}

// Merge records that a group joined several spellings: Into is the spelling the group is
// shown as (Group.Key), From the others, most incidents first, so that an output can say
// 「ランサムウエア（1件）はランサムウェアに含めました」.
type Merge struct {
	Into string
	From []Spelling
}

// sortSpellings orders the spellings of one group, the one it is shown as first: most
// incidents first, then the spelling that is its own key (the usual form), then by text.
func sortSpellings(sp []Spelling) {
	sort.SliceStable(sp, func(i, j int) bool {
		a, b := sp[i], sp[j]
		if a.Incidents != b.Incidents {
			return a.Incidents > b.Incidents
		}
		ai, bi := SpellingKey(a.Text) == a.Text, SpellingKey(b.Text) == b.Text
		if ai != bi {
			return ai
		}
		return a.Text < b.Text
	})
}
