package i18n

import (
	"testing"

	"breachreport/analysis"
	"breachreport/data"
)

func TestEveryTextInBothLanguages(t *testing.T) {
	check := func(name string, x Text) {
		t.Helper()
		if x.En == "" || x.Ja == "" {
			t.Errorf("%s: %+v lacks a language", name, x)
		}
	}
	for _, m := range analysis.Metrics() {
		mt, ok := metricTexts[m]
		if !ok {
			t.Errorf("metric %s has no texts", m)
		}
		check(string(m)+" name", mt.Name)
		check(string(m)+" short", mt.Short)
		check(string(m)+" definition", mt.Definition)
	}
	for _, rt := range []data.RecordType{data.Personal, data.Card, data.Account, data.Other, ""} {
		check("record type "+string(rt), RecordType(rt))
	}
	for _, c := range []data.Certainty{data.Confirmed, data.Suspected, data.CertaintyUnknown} {
		check("certainty "+c.String(), Certainty(c))
	}
	for _, k := range data.Kinds() {
		if _, ok := kindTexts[k]; !ok {
			t.Errorf("issue kind %s has no texts", k)
		}
		check("kind "+string(k), Kind(k))
	}
	check("day convention", DayConvention)
	check("totals note", TotalsNote)
	check("stats note", StatsNote)
}

func TestFromEnv(t *testing.T) {
	tests := []struct {
		lcAll, lang string
		want        Lang
	}{
		{"", "", En},
		{"", "ja_JP.UTF-8", Ja},
		{"ja_JP.UTF-8", "en_US.UTF-8", Ja},
		{"en_US.UTF-8", "ja_JP.UTF-8", En},
		{"C", "", En},
	}
	for _, tt := range tests {
		env := map[string]string{"LC_ALL": tt.lcAll, "LANG": tt.lang}
		if got := FromEnv(func(k string) string { return env[k] }); got != tt.want {
			t.Errorf("LC_ALL=%q LANG=%q: %s, want %s", tt.lcAll, tt.lang, got, tt.want)
		}
	}
}

func TestParseLang(t *testing.T) {
	for in, want := range map[string]Lang{"en": En, "JA": Ja, " ja ": Ja} {
		if got, err := ParseLang(in); err != nil || got != want {
			t.Errorf("ParseLang(%q) = %s, %v", in, got, err)
		}
	}
	if _, err := ParseLang("fr"); err == nil {
		t.Error("ParseLang(fr) succeeded")
	}
}

func TestBucket(t *testing.T) {
	b := analysis.Bucket{Type: data.Card, Certainty: data.Suspected}
	if got := Bucket(b); got.En != "card, suspected" || got.Ja != "カード情報（可能性）" {
		t.Errorf("Bucket = %+v", got)
	}
	free := analysis.Bucket{Type: "medical", Certainty: data.Confirmed}
	if got := Bucket(free); got.En != "medical, confirmed" {
		t.Errorf("free-text bucket = %+v", got)
	}
}
