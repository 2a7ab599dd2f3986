package data

import (
	"strings"
	"unicode"
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
	t = strings.ToLower(nfkc(t))
	t = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, t)
	return totalLabels[t]
}
