// Package similar finds the words nearest to a mistyped one, for "did you mean" hints.
package similar

// Distance is the Levenshtein distance between a and b, in characters.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Nearest returns the words within maxDist edits of s, nearest first (ties in the order of
// words), at most n of them.
func Nearest(s string, words []string, maxDist, n int) []string {
	type hit struct {
		w string
		d int
	}
	var hits []hit
	for _, w := range words {
		if d := Distance(s, w); d <= maxDist {
			hits = append(hits, hit{w, d})
		}
	}
	// A stable insertion sort: the lists are short.
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].d < hits[j-1].d; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	out := make([]string, 0, min(n, len(hits)))
	for _, h := range hits[:min(n, len(hits))] {
		out = append(out, h.w)
	}
	return out
}
