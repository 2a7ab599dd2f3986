package data

import (
	"errors"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	const maxYear = 2027
	month := func(y int, m time.Month) Date {
		return DateOf(time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), PrecisionMonth)
	}
	year := func(y int) Date {
		return DateOf(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), PrecisionYear)
	}
	tests := []struct {
		name    string
		in      string
		order   DateOrder
		want    Date
		wantErr error
	}{
		{"blank is unknown", "", 0, Date{}, nil},
		{"spaces are unknown", "  ", 0, Date{}, nil},
		{"iso", "2019-06-04", 0, NewDate(2019, 6, 4), nil},
		{"iso trimmed", " 2019-06-04 ", 0, NewDate(2019, 6, 4), nil},
		{"slashes short", "2019/6/4", 0, NewDate(2019, 6, 4), nil},
		{"slashes padded", "2019/06/04", 0, NewDate(2019, 6, 4), nil},
		{"dots", "2019.6.4", 0, NewDate(2019, 6, 4), nil},
		{"kanji", "2019年6月4日", 0, NewDate(2019, 6, 4), nil},
		{"kanji with spaces", "2019年 6月 4日", 0, NewDate(2019, 6, 4), nil},
		{"full-width digits", "２０１９年６月４日", 0, NewDate(2019, 6, 4), nil},
		{"full-width slashes", "２０１９／６／４", 0, NewDate(2019, 6, 4), nil},
		{"reiwa gannen", "令和元年6月4日", 0, NewDate(2019, 6, 4), nil},
		{"reiwa 1", "令和1年6月4日", 0, NewDate(2019, 6, 4), nil},
		{"reiwa full-width", "令和元年６月４日", 0, NewDate(2019, 6, 4), nil},
		{"reiwa letter", "R1.6.4", 0, NewDate(2019, 6, 4), nil},
		{"reiwa letter padded", "R01.06.04", 0, NewDate(2019, 6, 4), nil},
		{"heisei last day", "H31.4.30", 0, NewDate(2019, 4, 30), nil},
		{"heisei kanji", "平成30年12月27日", 0, NewDate(2018, 12, 27), nil},
		{"heisei first day", "平成元年1月8日", 0, NewDate(1989, 1, 8), nil},
		{"showa last day", "昭和64年1月7日", 0, NewDate(1989, 1, 7), nil},
		{"showa after its end", "昭和64年1月8日", 0, Date{}, ErrNotDate},
		{"showa before 1970", "昭和44年1月1日", 0, Date{}, ErrDateRange},
		{"heisei after its end", "平成31年5月1日", 0, Date{}, ErrNotDate},
		{"reiwa before its start", "令和元年4月30日", 0, Date{}, ErrNotDate},
		{"heisei before its start", "平成元年1月7日", 0, Date{}, ErrNotDate},
		{"era year 0", "令和0年1月1日", 0, Date{}, ErrNotDate},
		{"partial month", "2019-06", 0, month(2019, 6), nil},
		{"partial month slash", "2019/6", 0, month(2019, 6), nil},
		{"partial kanji month", "2019年6月", 0, month(2019, 6), nil},
		{"partial year", "2019", 0, year(2019), nil},
		{"partial kanji year", "2019年", 0, year(2019), nil},
		{"partial era month", "令和元年6月", 0, month(2019, 6), nil},
		{"partial era year", "平成31年", 0, year(2019), nil},
		{"partial month 13", "2019-13", 0, Date{}, ErrNotDate},
		{"leap day", "2016-02-29", 0, NewDate(2016, 2, 29), nil},
		{"no leap day", "2019-02-29", 0, Date{}, ErrNotDate},
		{"day 31 of a 30-day month", "2019-04-31", 0, Date{}, ErrNotDate},
		{"day 0", "2019-04-00", 0, Date{}, ErrNotDate},
		{"month 13", "2019-13-01", 0, Date{}, ErrNotDate},
		{"seed typo", "2018年12月27日7", 0, Date{}, ErrNotDate},
		{"mixed separators", "2019-6/4", 0, Date{}, ErrNotDate},
		{"us order is not guessed", "06/04/2019", 0, Date{}, ErrNotDate},
		{"even when unambiguous-looking", "13/04/2019", 0, Date{}, ErrNotDate},
		{"mdy", "06/04/2019", DateOrderMDY, NewDate(2019, 6, 4), nil},
		{"dmy", "06/04/2019", DateOrderDMY, NewDate(2019, 4, 6), nil},
		{"mdy with AG export time", "02/04/2021 12:00:00 AM", DateOrderMDY, NewDate(2021, 2, 4), nil},
		{"mdy with 24h time", "2/4/2021 17:30", DateOrderMDY, NewDate(2021, 2, 4), nil},
		{"mdy impossible", "13/04/2019", DateOrderMDY, Date{}, ErrNotDate},
		{"mdy bad time", "02/04/2021 13:00:00 PM", DateOrderMDY, Date{}, ErrNotDate},
		{"iso with a time part", "2019-06-04T10:00:00", 0, Date{}, ErrNotDate},
		{"words", "June 4, 2019", 0, Date{}, ErrNotDate},
		{"year before 1970", "1969-12-31", 0, Date{}, ErrDateRange},
		{"first allowed year", "1970-01-01", 0, NewDate(1970, 1, 1), nil},
		{"last allowed year", "2027-12-31", 0, NewDate(2027, 12, 31), nil},
		{"year 2102", "2102-01-01", 0, Date{}, ErrDateRange},
		{"five-digit year", "20190-01-01", 0, Date{}, ErrNotDate},
		{"a serial is no date in CSV", "43620", 0, Date{}, ErrNotDate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDateWith(tt.in, DateOptions{MaxYear: maxYear, Order: tt.order})
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("ParseDateWith(%q) error = %v, want %v", tt.in, err, tt.wantErr)
			}
			if !got.Equal(tt.want) {
				t.Errorf("ParseDateWith(%q) = %v (precision %d), want %v", tt.in, got, got.Precision(), tt.want)
			}
		})
	}
}

// TestParseDateLayoutAndSerial covers the two forms only a mapping or a workbook switches on:
// a Go layout, and Excel date serials.
func TestParseDateLayoutAndSerial(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		opt     DateOptions
		want    Date
		wantErr error
	}{
		{"layout", "June 4, 2019", DateOptions{Layout: "January 2, 2006"}, NewDate(2019, 6, 4), nil},
		{"layout with time", "06/04/2019 11:59:59 PM", DateOptions{Layout: "01/02/2006 03:04:05 PM"}, NewDate(2019, 6, 4), nil},
		{"layout with zone keeps the calendar day", "2019-06-04T23:30:00-10:00", DateOptions{Layout: time.RFC3339}, NewDate(2019, 6, 4), nil},
		{"ISO beside a layout", "2019-06-04", DateOptions{Layout: "January 2, 2006"}, NewDate(2019, 6, 4), nil},
		{"layout mismatch is not guessed", "6/4/2019", DateOptions{Layout: "January 2, 2006"}, Date{}, ErrNotDate},
		{"layout out of range", "June 4, 2102", DateOptions{Layout: "January 2, 2006", MaxYear: 2027}, Date{}, ErrDateRange},
		{"serial", "43620", DateOptions{Serial: true}, NewDate(2019, 6, 4), nil},
		{"serial with time", "43620.75", DateOptions{Serial: true}, NewDate(2019, 6, 4), nil},
		{"serial 1904", "42158", DateOptions{Serial: true, Date1904: true}, NewDate(2019, 6, 4), nil},
		{"leap day serial", "43890", DateOptions{Serial: true}, NewDate(2020, 2, 29), nil},
		{"serial before 1970", "100", DateOptions{Serial: true}, Date{}, ErrDateRange},
		{"serial after max year", "80000", DateOptions{Serial: true, MaxYear: 2027}, Date{}, ErrDateRange},
		{"text still read beside serials", "令和元年6月4日", DateOptions{Serial: true}, NewDate(2019, 6, 4), nil},
		{"negative is no serial", "-5", DateOptions{Serial: true}, Date{}, ErrNotDate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDateWith(tt.in, tt.opt)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("ParseDateWith(%q, %+v) error = %v, want %v", tt.in, tt.opt, err, tt.wantErr)
			}
			if !got.Equal(tt.want) {
				t.Errorf("ParseDateWith(%q, %+v) = %v, want %v", tt.in, tt.opt, got, tt.want)
			}
		})
	}
}

func TestParseDateOrder(t *testing.T) {
	for in, want := range map[string]DateOrder{"": DateOrderNone, "mdy": DateOrderMDY, "DMY": DateOrderDMY} {
		if got, err := ParseDateOrder(in); err != nil || got != want {
			t.Errorf("ParseDateOrder(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseDateOrder("ymd"); err == nil {
		t.Error("ParseDateOrder(ymd) succeeded")
	}
}

func TestDaysUntil(t *testing.T) {
	tests := []struct {
		name   string
		a, b   Date
		want   int
		wantOK bool
	}{
		{"seed Sanpo window", NewDate(2018, 9, 3), NewDate(2018, 12, 27), 115, true},
		{"seed Sanpo lag", NewDate(2018, 12, 27), NewDate(2019, 6, 4), 159, true},
		{"seed Omochabako suspected window", NewDate(2016, 2, 3), NewDate(2019, 3, 11), 1132, true},
		{"same day", NewDate(2019, 3, 11), NewDate(2019, 3, 11), 0, true},
		{"backwards", NewDate(2019, 3, 11), NewDate(2019, 3, 8), -3, true},
		{"across a leap day", NewDate(2020, 2, 28), NewDate(2020, 3, 1), 2, true},
		{"unknown start", Date{}, NewDate(2019, 3, 8), 0, false},
		{"month precision", DateOf(time.Date(2019, 3, 1, 0, 0, 0, 0, time.UTC), PrecisionMonth), NewDate(2019, 3, 8), 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.a.DaysUntil(tt.b)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("DaysUntil = %d, %v; want %d, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestParseCount(t *testing.T) {
	written := func(n int64, w string) Count { return Count{N: n, Known: true, Written: w} }
	tests := []struct {
		name    string
		in      string
		want    Count
		wantErr error
	}{
		{"blank is unknown, not 0", "", Count{}, nil},
		{"unknown word", "unknown", Count{}, nil},
		{"UNKN", "UNKN", Count{}, nil},
		{"japanese unknown", "不明", Count{}, nil},
		{"dash", "-", Count{}, nil},
		{"zero is known", "0", KnownCount(0), nil},
		{"plain", "41355", KnownCount(41355), nil},
		{"grouped", "41,355", KnownCount(41355), nil},
		{"grouped millions", "1,234,567", KnownCount(1234567), nil},
		{"leading zero is decimal, not octal", "010", KnownCount(10), nil},
		{"spaces", " 2,606 ", KnownCount(2606), nil},
		{"bad grouping", "4,1355", Count{}, ErrNotCount},
		{"decimal", "12.9", Count{}, ErrNotCount},
		{"decimal is no number of records", "12.9件", Count{}, ErrNotCount},
		{"negative", "-5", Count{}, ErrNegative},
		{"negative grouped", "-1,000", Count{}, ErrNegative},
		{"words", "about 40k", Count{}, ErrNotCount},
		{"other words", "many", Count{}, ErrNotCount},
		{"too large", "99999999999999999999", Count{}, ErrNotCount},
		{"full-width digits", "４１，３５５", written(41355, "４１，３５５"), nil},
		{"unit 件", "41,355件", written(41355, "41,355件"), nil},
		{"man notation", "4万1,355件", written(41355, "4万1,355件"), nil},
		{"man notation plain", "4万1355", written(41355, "4万1355"), nil},
		{"man alone", "4万", written(40000, "4万"), nil},
		{"full-width man", "４万１，３５５件", written(41355, "４万１，３５５件"), nil},
		{"oku and man", "1億2,000万", written(120_000_000, "1億2,000万"), nil},
		{"written is trimmed", " 4万 ", written(40000, "4万"), nil},
		{"approximate", "約4万件", Count{N: 40000, Known: true, Approx: true, Written: "約4万件"}, nil},
		{"approximate english", "about 40,000", Count{N: 40000, Known: true, Approx: true, Written: "about 40,000"}, nil},
		{"man remainder too large", "4万12,345", Count{}, ErrNotCount},
		{"man without digits", "万", Count{}, ErrNotCount},
		{"negative man", "-4万", Count{}, ErrNegative},
		{"approximate word alone", "約", Count{}, ErrNotCount},
		{"unit alone", "件", Count{}, ErrNotCount},

		{"sen", "3千件", written(3000, "3千件"), nil},
		{"man and sen", "1万2千件", written(12000, "1万2千件"), nil},
		{"man and sen, more man", "12万5千件", written(125000, "12万5千件"), nil},
		{"approximate man and sen", "約1万2千件", Count{N: 12000, Known: true, Approx: true, Written: "約1万2千件"}, nil},
		{"sen and rest", "1万2千500", written(12500, "1万2千500"), nil},
		{"oku man sen", "1億2万3千", written(100_023_000, "1億2万3千"), nil},
		{"full-width sen", "３千件", written(3000, "３千件"), nil},
		{"sen part above 9", "1万12千", Count{}, ErrNotCount},
		{"rest after sen above 999", "3千1,000", Count{}, ErrNotCount},
		{"sen without digits", "千件", Count{}, ErrNotCount},
		{"sen before man", "3千2万", Count{}, ErrNotCount},

		{"decimal man is approximate", "1.2万件", Count{N: 12000, Known: true, Approx: true, Written: "1.2万件"}, nil},
		{"decimal man, other digits", "4.1万", Count{N: 41000, Known: true, Approx: true, Written: "4.1万"}, nil},
		{"decimal oku", "1.25億", Count{N: 125_000_000, Known: true, Approx: true, Written: "1.25億"}, nil},
		{"decimal trailing zero", "1.50万", Count{N: 15000, Known: true, Approx: true, Written: "1.50万"}, nil},
		{"decimal below one record", "1.23456万", Count{}, ErrNotCount},
		{"decimal with more after it", "1.2万500", Count{}, ErrNotCount},
		{"decimal without unit", "1.2", Count{}, ErrNotCount},

		{"at least 以上", "3万件以上", Count{N: 30000, Known: true, Bound: AtLeast, Written: "3万件以上"}, nil},
		{"at least 超", "3万件超", Count{N: 30000, Known: true, Bound: AtLeast, Written: "3万件超"}, nil},
		{"at least plus", "30,000+", Count{N: 30000, Known: true, Bound: AtLeast, Written: "30,000+"}, nil},
		{"at least words", "at least 30,000", Count{N: 30000, Known: true, Bound: AtLeast, Written: "at least 30,000"}, nil},
		{"at least, 4万", "4万件以上", Count{N: 40000, Known: true, Bound: AtLeast, Written: "4万件以上"}, nil},
		{"at most 最大", "最大3万5千件", Count{N: 35000, Known: true, Bound: AtMost, Written: "最大3万5千件"}, nil},
		{"at most up to", "up to 35,000", Count{N: 35000, Known: true, Bound: AtMost, Written: "up to 35,000"}, nil},
		{"at most 以下", "3万件以下", Count{N: 30000, Known: true, Bound: AtMost, Written: "3万件以下"}, nil},
		{"approximate bound", "約3万件以上", Count{N: 30000, Known: true, Approx: true, Bound: AtLeast, Written: "約3万件以上"}, nil},
		{"both bounds", "最大3万件以上", Count{}, ErrNotCount},
		{"bound alone", "以上", Count{}, ErrNotCount},
		{"plus alone", "+", Count{}, ErrNotCount},
		{"negative bound", "-5以上", Count{}, ErrNegative},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseCount(tt.in)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("ParseCount(%q) error = %v, want %v", tt.in, err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("ParseCount(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestCountAdd(t *testing.T) {
	exact, approx := KnownCount(100), Count{N: 100, Known: true, Approx: true}
	least, most := Count{N: 100, Known: true, Bound: AtLeast}, Count{N: 100, Known: true, Bound: AtMost}
	tests := []struct {
		name       string
		parts      []Count
		want       Count
		wantString string
	}{
		{"exact", []Count{exact, exact}, KnownCount(200), "200"},
		{"approximate", []Count{exact, approx}, Count{N: 200, Known: true, Approx: true}, "≈200"},
		{"at least", []Count{exact, least, exact}, Count{N: 300, Known: true, Bound: AtLeast}, "≥300"},
		{"at most", []Count{most, exact}, Count{N: 200, Known: true, Bound: AtMost}, "≤200"},
		{"bound wins the sign over approximate", []Count{approx, least}, Count{N: 200, Known: true, Approx: true, Bound: AtLeast}, "≥200"},
		{"both bounds", []Count{least, most}, Count{N: 200, Known: true, Bound: BothBounds}, "≈200"},
		{"both bounds stay so", []Count{least, most, least, exact}, Count{N: 400, Known: true, Bound: BothBounds}, "≈400"},
		{"written is not summed", []Count{{N: 1, Known: true, Written: "1件"}, exact}, KnownCount(101), "101"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.parts[0]
			if got.Written != "" {
				got = KnownCount(0).Add(got)
			}
			for _, c := range tt.parts[1:] {
				got = got.Add(c)
			}
			if got != tt.want || got.String() != tt.wantString {
				t.Errorf("sum = %+v (%s), want %+v (%s)", got, got, tt.want, tt.wantString)
			}
		})
	}
}

func TestParseCertainty(t *testing.T) {
	tests := []struct {
		in     string
		want   Certainty
		wantOK bool
	}{
		{"", Confirmed, true},
		{"confirmed", Confirmed, true},
		{"Suspected", Suspected, true},
		{"確定", Confirmed, true},
		{"確認", Confirmed, true},
		{"可能性", Suspected, true},
		{"疑い", Suspected, true},
		{"恐れ", Suspected, true},
		{"maybe", CertaintyUnknown, false},
	}
	for _, tt := range tests {
		got, ok := ParseCertainty(tt.in)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("ParseCertainty(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestParseRecordType(t *testing.T) {
	tests := []struct {
		in   string
		want RecordType
	}{
		{"personal", Personal},
		{"Card", Card},
		{"個人情報", Personal},
		{"クレジットカード情報", Card},
		{"カード情報", Card},
		{"account", Account},
		{"other", Other},
		{" medical records ", RecordType("medical records")},
		{"", RecordType("")},
	}
	for _, tt := range tests {
		if got := ParseRecordType(tt.in); got != tt.want {
			t.Errorf("ParseRecordType(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCountFastPaths checks that the fast paths for plain and grouped ASCII digits agree
// with the general parser on every form around them, accepted or not.
func TestCountFastPaths(t *testing.T) {
	inputs := []string{"0", "7", "41355", "41,355", "1,000,000", "999,999,999,999,999,999", "1,234,567,890,123,456,789",
		"123456789012345678", "1234567890123456789", ",123", "1,23", "1,2345", "1234,567", "12,345,67", "1,,234", "1,234,", "-1,234",
		"41,355件", "4万1,355", "０１２", "1.234", " 41,355", "41355 ", ""}
	for _, in := range inputs {
		want, wantErr := ParseCount(" " + in + " ") // spaces bypass the fast paths
		n, ok := plainDigits(in)
		if !ok {
			n, ok = groupedDigits(in)
		}
		if ok && (wantErr != nil || want != KnownCount(n)) {
			t.Errorf("fast path read %q as %d; the general parser gives %+v, %v", in, n, want, wantErr)
		}
		got, err := ParseCount(in)
		if got != want || (err == nil) != (wantErr == nil) {
			t.Errorf("ParseCount(%q) = %+v, %v; with spaces %+v, %v", in, got, err, want, wantErr)
		}
	}
}
