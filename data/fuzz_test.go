package data

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// FuzzParseDate checks that any text either parses to a date within the allowed years, at a
// precision it states, or fails with ErrNotDate or ErrDateRange; never a panic.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2019-06-04", "2019/6/4", "2019.6.4", "2019年6月4日", "令和元年6月4日", "R1.6.4",
		"H31.4.30", "２０１９年６月４日", "2019-06", "2019", "06/04/2019", "02/04/2021 12:00:00 AM",
		"2018年12月27日7", "", "平成31年5月1日", "昭和64年1月7日"} {
		f.Add(s, uint8(0))
		f.Add(s, uint8(1))
	}
	f.Fuzz(func(t *testing.T, s string, order uint8) {
		opt := DateOptions{MaxYear: 2027, Order: DateOrder(order % 3)}
		d, err := ParseDateWith(s, opt)
		if err != nil {
			if !errors.Is(err, ErrNotDate) && !errors.Is(err, ErrDateRange) {
				t.Fatalf("ParseDateWith(%q) error %v wraps neither sentinel", s, err)
			}
			if d.Known() {
				t.Fatalf("ParseDateWith(%q) returned %v with error %v", s, d, err)
			}
			return
		}
		if !d.Known() {
			if strings.TrimSpace(s) != "" && strings.TrimSpace(norm.NFKC.String(s)) != "" {
				t.Fatalf("ParseDateWith(%q) gave an unknown date without error", s)
			}
			return
		}
		if y := d.Time().Year(); y < MinYear || y > opt.MaxYear {
			t.Fatalf("ParseDateWith(%q) = %v, outside the allowed years", s, d)
		}
		if d.Time().Hour() != 0 || d.Time().Minute() != 0 || d.Time().Location().String() != "UTC" {
			t.Fatalf("ParseDateWith(%q) = %v, not midnight UTC", s, d.Time())
		}
	})
}

// FuzzParseCount checks that any text gives a non-negative known count, an unknown count,
// or an error wrapping ErrNotCount or ErrNegative; never a panic or an overflow.
func FuzzParseCount(f *testing.F) {
	for _, s := range []string{"41355", "41,355", "4万1,355件", "約4万件", "1億2,000万", "-5", "12.9", "不明",
		"", "４１，３５５", "99999999999999999999", "9999999999億9999万9999",
		"1万2千件", "12万5千件", "3千件", "1.2万件", "3万件以上", "3万件超", "30,000+", "最大3万5千件", "up to 35,000",
		"約1万2千件", "1.23456万", "最大3万件以上", "99999999999.9億", "9999999999億9999万9千999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCount(s)
		if err != nil {
			if !errors.Is(err, ErrNotCount) && !errors.Is(err, ErrNegative) {
				t.Fatalf("ParseCount(%q) error %v wraps neither sentinel", s, err)
			}
			if c.Known {
				t.Fatalf("ParseCount(%q) = %+v with error", s, c)
			}
			return
		}
		if c.Known && c.N < 0 {
			t.Fatalf("ParseCount(%q) = %d, negative", s, c.N)
		}
		if !c.Known && c != (Count{}) {
			t.Fatalf("ParseCount(%q) = %+v, unknown but not the zero Count", s, c)
		}
		if c.Bound != BoundNone && c.Bound != AtLeast && c.Bound != AtMost {
			t.Fatalf("ParseCount(%q) = %+v, with bound %d", s, c, c.Bound)
		}
		if c.Known && (c.Written == "") != (strings.Trim(strings.TrimSpace(s), "0123456789,") == "") {
			t.Fatalf("ParseCount(%q) = %+v: the text as written is kept exactly when it is more than digits", s, c)
		}
	})
}
