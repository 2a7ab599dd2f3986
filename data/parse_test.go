package data

import (
	"errors"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	const maxYear = 2027
	tests := []struct {
		name    string
		in      string
		want    Date
		wantErr error
	}{
		{"blank is unknown", "", Date{}, nil},
		{"spaces are unknown", "  ", Date{}, nil},
		{"iso", "2019-06-04", NewDate(2019, 6, 4), nil},
		{"iso trimmed", " 2019-06-04 ", NewDate(2019, 6, 4), nil},
		{"slashes short", "2019/6/4", NewDate(2019, 6, 4), nil},
		{"slashes padded", "2019/06/04", NewDate(2019, 6, 4), nil},
		{"kanji", "2019年6月4日", NewDate(2019, 6, 4), nil},
		{"leap day", "2016-02-29", NewDate(2016, 2, 29), nil},
		{"no leap day", "2019-02-29", Date{}, ErrNotDate},
		{"day 31 of a 30-day month", "2019-04-31", Date{}, ErrNotDate},
		{"day 0", "2019-04-00", Date{}, ErrNotDate},
		{"month 13", "2019-13-01", Date{}, ErrNotDate},
		{"seed typo", "2018年12月27日7", Date{}, ErrNotDate},
		{"mixed separators", "2019-6/4", Date{}, ErrNotDate},
		{"us order is not guessed", "06/04/2019", Date{}, ErrNotDate},
		{"time part", "2019-06-04T10:00:00", Date{}, ErrNotDate},
		{"words", "June 4, 2019", Date{}, ErrNotDate},
		{"year before 1970", "1969-12-31", Date{}, ErrDateRange},
		{"first allowed year", "1970-01-01", NewDate(1970, 1, 1), nil},
		{"last allowed year", "2027-12-31", NewDate(2027, 12, 31), nil},
		{"year 2102", "2102-01-01", Date{}, ErrDateRange},
		{"five-digit year", "20190-01-01", Date{}, ErrNotDate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDate(tt.in, maxYear)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("ParseDate(%q) error = %v, want %v", tt.in, err, tt.wantErr)
			}
			if !got.Equal(tt.want) {
				t.Errorf("ParseDate(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
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
		{"month precision", Date{Time: time.Date(2019, 3, 1, 0, 0, 0, 0, time.UTC), Precision: PrecisionMonth}, NewDate(2019, 3, 8), 0, false},
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
		{"negative", "-5", Count{}, ErrNegative},
		{"negative grouped", "-1,000", Count{}, ErrNegative},
		{"words", "about 40k", Count{}, ErrNotCount},
		{"too large", "99999999999999999999", Count{}, ErrNotCount},
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
