package analysis

import "breachreport/data"

// SizeBand is a band of records exposed, for the size breakdown. The bands are those of
// the issue: 1–999, 1,000–9,999, 10,000–99,999, 100,000–999,999 and 1,000,000 or more.
// 1,000 marks the Personal Information Protection Commission's threshold: a leak of the
// personal data of more than 1,000 people must be reported to it whatever the data
// (個人情報保護法施行規則 第7条第4号).
type SizeBand int8

// The bands. SizeUnknown, the zero value, holds the incidents whose count is unknown or
// whose stated bound does not place them in one band.
const (
	SizeUnknown SizeBand = iota
	// SizeZero holds incidents that state 0 records; it is shown only when it has any.
	SizeZero
	Size1
	Size1K
	Size10K
	Size100K
	Size1M
)

// SizeBands returns the bands in report order, smallest first and unknown last; SizeZero is
// not among them (see SizeZero).
func SizeBands() []SizeBand {
	return []SizeBand{Size1, Size1K, Size10K, Size100K, Size1M, SizeUnknown}
}

// Range returns the smallest and the largest count of b; max is -1 for the open top band
// and for SizeUnknown, whose min is -1 too.
func (b SizeBand) Range() (lo, hi int64) {
	switch b {
	case SizeZero:
		return 0, 0
	case Size1:
		return 1, 999
	case Size1K:
		return 1_000, 9_999
	case Size10K:
		return 10_000, 99_999
	case Size100K:
		return 100_000, 999_999
	case Size1M:
		return 1_000_000, -1
	}
	return -1, -1
}

// String returns b's key, as Group.Key holds it: "1-999", "1000-9999", …, "1000000+",
// "0", "unknown".
func (b SizeBand) String() string {
	switch b {
	case SizeZero:
		return "0"
	case Size1:
		return "1-999"
	case Size1K:
		return "1000-9999"
	case Size10K:
		return "10000-99999"
	case Size100K:
		return "100000-999999"
	case Size1M:
		return "1000000+"
	}
	return "unknown"
}

// bandOf returns the band of an exact count n.
func bandOf(n int64) SizeBand {
	switch {
	case n <= 0:
		return SizeZero
	case n < 1_000:
		return Size1
	case n < 10_000:
		return Size1K
	case n < 100_000:
		return Size10K
	case n < 1_000_000:
		return Size100K
	}
	return Size1M
}

// SizeBandOf returns the band of count c, never guessing:
//   - an unknown count is SizeUnknown;
//   - an exact or approximate count (約4万件) is in the band of its number: an approximate
//     count is the source's own figure, as good as the count it reports;
//   - a lower bound (2万件以上) is in a band only when every count it allows is, which is
//     the case only in the open top band (100万件以上); otherwise SizeUnknown;
//   - an upper bound (最大500件) is in a band only when every count from 1 to it is: at
//     most 999 is Size1; otherwise SizeUnknown;
//   - a sum of both kinds of bound bounds nothing: SizeUnknown.
func SizeBandOf(c data.Count) SizeBand {
	if !c.Known {
		return SizeUnknown
	}
	b := bandOf(c.N)
	switch c.Bound {
	case data.AtLeast:
		if b == Size1M {
			return b
		}
		return SizeUnknown
	case data.AtMost:
		if b == Size1 {
			return b
		}
		return SizeUnknown
	case data.BothBounds:
		return SizeUnknown
	}
	return b
}
