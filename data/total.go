package data

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// totalLabels are the labels of a row that adds up the rows above it, folded as
// IsTotalLabel folds a value.
var totalLabels = map[string]bool{
	"合計": true, "小計": true, "総計": true, "計": true,
	"total": true, "subtotal": true, "sum": true, "grandtotal": true,
}

// IsTotalLabel reports whether s labels a total row: 合計, 小計, 総計, 計, Total, Subtotal,
// Sum or Grand total, after NFKC, in any case, with spaces ignored (合　計, GRAND TOTAL).
func IsTotalLabel(s string) bool {
	t := strings.TrimSpace(s)
	if t == "" || len(t) > 40 {
		return false
	}
	// Every label ends in 計 or in a letter, ASCII or full-width: most names are told
	// without normalising them, which the reading of every row would pay for.
	last, _ := utf8.DecodeLastRuneInString(t)
	if last != '計' && !('a' <= last|0x20 && last|0x20 <= 'z') && !('Ａ' <= last && last <= 'ｚ') {
		return false
	}
	t = strings.ToLower(nfkc(t))
	t = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, t)
	return totalLabels[t]
}
