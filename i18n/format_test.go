package i18n

import (
	"testing"
	"time"

	"breachreport/analysis"
	"breachreport/data"
)

func TestRecords(t *testing.T) {
	exact := data.KnownCount
	approx := func(n int64) data.Count { c := exact(n); c.Approx = true; return c }
	bound := func(c data.Count, b data.Bound) data.Count { c.Bound = b; return c }
	tests := []struct {
		name                     string
		c                        data.Count
		ja, jaShort, en, enShort string
		jaFmt, enFmt             string
	}{
		{"unknown", data.Count{}, "件数不明", "件数不明", "count unknown", "count unknown", `#,##0"件"`, `#,##0`},
		{"zero", exact(0), "0件", "0件", "0 records", "0 records", `#,##0"件"`, `#,##0`},
		{"one", exact(1), "1件", "1件", "1 record", "1 record", `#,##0"件"`, `#,##0`},
		{"under a thousand", exact(999), "999件", "999件", "999 records", "999 records", `#,##0"件"`, `#,##0`},
		{"under 万", exact(9_999), "9,999件", "9,999件", "9,999 records", "10K records", `#,##0"件"`, `#,##0`},
		{"1.2万", exact(12_000), "12,000件", "1.2万件", "12,000 records", "12K records", `#,##0"件"`, `#,##0`},
		{"three significant figures", exact(60_400), "60,400件", "6.04万件", "60,400 records", "60.4K records", `#,##0"件"`, `#,##0`},
		{"rounded", exact(123_456), "123,456件", "12.3万件", "123,456 records", "123K records", `#,##0"件"`, `#,##0`},
		{"120万", exact(1_200_000), "1,200,000件", "120万件", "1,200,000 records", "1.2M records", `#,##0"件"`, `#,##0`},
		{"959万", exact(9_590_123), "9,590,123件", "959万件", "9,590,123 records", "9.59M records", `#,##0"件"`, `#,##0`},
		{"whole part kept", exact(12_345_678), "12,345,678件", "1,235万件", "12,345,678 records", "12.3M records", `#,##0"件"`, `#,##0`},
		{"rounds up to 億", exact(99_996_000), "99,996,000件", "1億件", "99,996,000 records", "100M records", `#,##0"件"`, `#,##0`},
		{"rounds up to M", exact(999_950), "999,950件", "100万件", "999,950 records", "1M records", `#,##0"件"`, `#,##0`},
		{"億", exact(123_456_789), "123,456,789件", "1.23億件", "123,456,789 records", "123M records", `#,##0"件"`, `#,##0`},
		{"approximate", approx(40_000), "約40,000件", "約4万件", "about 40,000 records", "about 40K records", `"約"#,##0"件"`, `"about "#,##0`},
		{"approximate one", approx(1), "約1件", "約1件", "about 1 records", "about 1 records", `"約"#,##0"件"`, `"about "#,##0`},
		{"at least", bound(exact(20_000), data.AtLeast), "20,000件以上", "2万件以上", "at least 20,000 records", "at least 20K records", `#,##0"件以上"`, `"at least "#,##0`},
		{"at most, approximate", bound(approx(40_000), data.AtMost), "最大約40,000件", "最大約4万件", "up to about 40,000 records", "up to about 40K records", `"最大"#,##0"件"`, `"up to about "#,##0`},
		{"at least, approximate", bound(approx(20_000), data.AtLeast), "約20,000件以上", "約2万件以上", "at least about 20,000 records", "at least about 20K records", `"約"#,##0"件以上"`, `"at least about "#,##0`},
		{"both bounds", bound(exact(50_000), data.BothBounds), "約50,000件", "約5万件", "about 50,000 records", "about 50K records", `"約"#,##0"件"`, `"about "#,##0`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, got := range []struct{ got, want, what string }{
				{Records(tt.c, Ja), tt.ja, "Records ja"},
				{RecordsShort(tt.c, Ja), tt.jaShort, "RecordsShort ja"},
				{Records(tt.c, En), tt.en, "Records en"},
				{RecordsShort(tt.c, En), tt.enShort, "RecordsShort en"},
				{RecordsNumFmt(tt.c, Ja), tt.jaFmt, "RecordsNumFmt ja"},
				{RecordsNumFmt(tt.c, En), tt.enFmt, "RecordsNumFmt en"},
			} {
				if got.got != got.want {
					t.Errorf("%s = %q; want %q", got.what, got.got, got.want)
				}
			}
		})
	}
}

func TestShortNumber(t *testing.T) {
	tests := []struct {
		n      int64
		ja, en string
	}{
		{0, "0", "0"},
		{-12_000, "-1.2万", "-12K"},
		{10_000, "1万", "10K"},
		{10_050, "1.01万", "10.1K"}, // half rounds away from zero
		{1_000_000_000_000, "1兆", "1T"},
		{4_160_000, "416万", "4.16M"},
	}
	for _, tt := range tests {
		if got := ShortNumber(tt.n, Ja); got != tt.ja {
			t.Errorf("ShortNumber(%d, Ja) = %q; want %q", tt.n, got, tt.ja)
		}
		if got := ShortNumber(tt.n, En); got != tt.en {
			t.Errorf("ShortNumber(%d, En) = %q; want %q", tt.n, got, tt.en)
		}
	}
}

func TestDaysAndCounts(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"days ja", Days(159, Ja), "159日"},
		{"days en", Days(159, En), "159 days"},
		{"one day", Days(1, En), "1 day"},
		{"days grouped", Days(1_234, Ja), "1,234日"},
		{"median .0", MedianDays(161.0, Ja), "161日"},
		{"median .5", MedianDays(153.5, Ja), "153.5日"},
		{"median en", MedianDays(153.5, En), "153.5 days"},
		{"median rounded to .0", MedianDays(99.96, En), "100 days"},
		{"median rounded", MedianDays(12.34, Ja), "12.3日"},
		{"median negative", MedianDays(-0.5, Ja), "-0.5日"},
		{"incidents ja", Incidents(16, Ja), "16件"},
		{"incidents en", Incidents(16, En), "16 incidents"},
		{"one incident", Incidents(1, En), "1 incident"},
		{"signed up", Signed(9, func(x float64) string { return Incidents(int(x), Ja) }), "+9件"},
		{"signed down", Signed(-3, func(x float64) string { return Incidents(int(x), En) }), "−3 incidents"},
		{"signed zero", Signed(0, func(x float64) string { return Incidents(int(x), Ja) }), "±0件"},
		{"percent", Percent(7.0 / 16), "43.8%"},
		{"percent whole", Percent(0.5), "50.0%"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q; want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestDates(t *testing.T) {
	day := data.NewDate(2024, time.May, 10)
	month := data.DateOf(day.Time(), data.PrecisionMonth)
	year := data.DateOf(day.Time(), data.PrecisionYear)
	tests := []struct {
		name     string
		d        data.Date
		ja, en   string
		jaC, enC string
	}{
		{"day", day, "2024年5月10日", "May 10, 2024", "2024/05/10", "2024-05-10"},
		{"month", month, "2024年5月", "May 2024", "2024/05", "2024-05"},
		{"year", year, "2024年", "2024", "2024", "2024"},
		{"unknown", data.Date{}, "", "", "", ""},
	}
	for _, tt := range tests {
		for _, c := range []struct{ got, want, what string }{
			{Date(tt.d, Ja), tt.ja, "Date ja"},
			{Date(tt.d, En), tt.en, "Date en"},
			{DateCell(tt.d, Ja), tt.jaC, "DateCell ja"},
			{DateCell(tt.d, En), tt.enC, "DateCell en"},
		} {
			if c.got != c.want {
				t.Errorf("%s: %s = %q; want %q", tt.name, c.what, c.got, c.want)
			}
		}
	}
	if DateNumFmt(Ja) != "yyyy/mm/dd" || DateNumFmt(En) != "yyyy-mm-dd" {
		t.Errorf("DateNumFmt = %q, %q", DateNumFmt(Ja), DateNumFmt(En))
	}
}

func TestPeriodTitle(t *testing.T) {
	period := func(from, to string) analysis.Period {
		p, err := analysis.ParsePeriod(from, to)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name       string
		p          analysis.Period
		jaName, ja string
		enName, en string
	}{
		{"month", period("2024-05-01", "2024-05-31"), "2024年5月", "2024年5月に公表された事案", "May 2024", "Incidents disclosed in May 2024"},
		{"quarter", period("2024-04-01", "2024-06-30"), "2024年4月〜6月", "2024年4月〜6月に公表された事案", "April–June 2024", "Incidents disclosed in April–June 2024"},
		{"across years", period("2023-12-01", "2024-02-29"), "2023年12月〜2024年2月", "2023年12月〜2024年2月に公表された事案", "December 2023 – February 2024", "Incidents disclosed in December 2023 – February 2024"},
		{"year", period("2024-01-01", "2024-12-31"), "2024年", "2024年に公表された事案", "2024", "Incidents disclosed in 2024"},
		{"days in a month", period("2024-05-01", "2024-05-15"), "2024年5月1日〜5月15日", "2024年5月1日〜5月15日に公表された事案", "May 1–15, 2024", "Incidents disclosed May 1–15, 2024"},
		{"days across months", period("2024-05-20", "2024-06-10"), "2024年5月20日〜6月10日", "2024年5月20日〜6月10日に公表された事案", "May 20 – June 10, 2024", "Incidents disclosed May 20 – June 10, 2024"},
		{"days across years", period("2023-12-20", "2024-01-10"), "2023年12月20日〜2024年1月10日", "2023年12月20日〜2024年1月10日に公表された事案", "December 20, 2023 – January 10, 2024", "Incidents disclosed December 20, 2023 – January 10, 2024"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range []struct{ got, want, what string }{
				{PeriodName(tt.p, Ja), tt.jaName, "PeriodName ja"},
				{PeriodTitle(tt.p, Ja), tt.ja, "PeriodTitle ja"},
				{PeriodName(tt.p, En), tt.enName, "PeriodName en"},
				{PeriodTitle(tt.p, En), tt.en, "PeriodTitle en"},
			} {
				if c.got != c.want {
					t.Errorf("%s = %q; want %q", c.what, c.got, c.want)
				}
			}
		})
	}
}

func TestSizeBandNames(t *testing.T) {
	want := map[analysis.SizeBand][2]string{
		analysis.Size1:       {"1–999 records", "1〜999件"},
		analysis.Size1K:      {"1,000–9,999 records", "1,000〜9,999件"},
		analysis.Size10K:     {"10,000–99,999 records", "1万〜9.9万件"},
		analysis.Size100K:    {"100,000–999,999 records", "10万〜99.9万件"},
		analysis.Size1M:      {"1,000,000 records or more", "100万件以上"},
		analysis.SizeUnknown: {"band unknown", "不明"},
		analysis.SizeZero:    {"0 records", "0件"},
	}
	for _, b := range append(analysis.SizeBands(), analysis.SizeZero) {
		if got := SizeBand(b); got.En != want[b][0] || got.Ja != want[b][1] {
			t.Errorf("SizeBand(%s) = %+v; want %q", b, got, want[b])
		}
	}
}

func TestYen(t *testing.T) {
	tests := []struct {
		n      int64
		ja, en string
	}{
		{349764000, "3.5億円", "¥349,764,000"},
		{39000, "3.9万円", "¥39,000"},
		{1577277000, "15.8億円", "¥1,577,277,000"},
	}
	for _, tt := range tests {
		if got := Yen(tt.n, Ja); got != tt.ja {
			t.Errorf("Yen(%d, ja) = %q, want %q", tt.n, got, tt.ja)
		}
		if got := Yen(tt.n, En); got != tt.en {
			t.Errorf("Yen(%d, en) = %q, want %q", tt.n, got, tt.en)
		}
	}
}
