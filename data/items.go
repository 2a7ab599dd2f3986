package data

import (
	"slices"
	"strconv"
	"strings"
)

// SplitItems reads a list of data items as announcements write them: 氏名、住所、電話番号,
// separated by 、 , ; / or new lines (full-width forms too). Blank items are dropped; nil
// when there are none. ・ does not separate, since it joins one item (ID・パスワード).
func SplitItems(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case '、', ',', '，', ';', '；', '/', '／', '\n', '\r', '､':
			return true
		}
		return false
	})
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// ParseEP reads a point of the JNSA EP map, its 精神的苦痛 and 経済的損失 levels each 1–3:
// "1,3", "(1,3)", "1-3" or "1 3", in half- or full-width digits.
func ParseEP(s string) (x, y int, err error) {
	var nums []int
	for _, r := range nfkc(s) {
		switch {
		case r >= '0' && r <= '9':
			nums = append(nums, int(r-'0'))
		case strings.ContainsRune(" ,()-/、（）", r):
		default:
			return 0, 0, Errorf("an EP value is two levels 1–3, such as 1,3 (精神的苦痛, 経済的損失)")
		}
	}
	if len(nums) != 2 || nums[0] < 1 || nums[0] > 3 || nums[1] < 1 || nums[1] > 3 {
		return 0, 0, Errorf("an EP value is two levels 1–3, such as 1,3 (精神的苦痛, 経済的損失)")
	}
	return nums[0], nums[1], nil
}

// ParseFactor reads one factor of the JNSA model, which must be one of allowed.
func ParseFactor(s string, allowed ...int) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(nfkc(s)))
	if err != nil || !slices.Contains(allowed, n) {
		words := make([]string, len(allowed))
		for i, a := range allowed {
			words[i] = strconv.Itoa(a)
		}
		return 0, Errorf("the factor must be one of %s", strings.Join(words, ", "))
	}
	return n, nil
}
