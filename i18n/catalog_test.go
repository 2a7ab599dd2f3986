package i18n

import (
	"errors"
	"io/fs"
	"testing"

	"breachreport/data"
)

var _ = register(map[string]string{
	"test: %d rows in %s":      "テスト: %[2]s に %[1]d 行",
	"test: cannot read %s: %w": "テスト: %s を読めません: %w",
	"test: nested (%v)":        "テスト: 入れ子（%v）",
	"test: %v":                 "テスト：%v",
})

func TestSprint(t *testing.T) {
	wrapped := data.Errorf("test: cannot read %s: %w", "a.csv", fs.ErrNotExist)
	tests := []struct {
		name string
		l    Lang
		m    data.Msg
		want string
	}{
		{"english", En, data.Msgf("test: %d rows in %s", 1234, "a.csv"), "test: 1234 rows in a.csv"},
		{"japanese reorders", Ja, data.Msgf("test: %d rows in %s", 1234, "a.csv"), "テスト: a.csv に 1234 行"},
		{"not in the catalogue", Ja, data.Msgf("test: missing %s", "x"), "test: missing x"},
		{"nested msg", Ja, data.Msgf("test: nested (%v)", data.Msgf("test: %d rows in %s", 2, "b")), "テスト: 入れ子（テスト: b に 2 行）"},
		{"nested text", Ja, data.Msgf("test: nested (%v)", Text{"x", "エックス"}), "テスト: 入れ子（エックス）"},
		{"nested error", Ja, data.Msgf("test: nested (%v)", wrapped), "テスト: 入れ子（テスト: a.csv を読めません: file does not exist）"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sprint(tt.l, tt.m); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	if !errors.Is(wrapped, fs.ErrNotExist) {
		t.Error("data.Errorf does not wrap")
	}
	if got, want := wrapped.Error(), "test: cannot read a.csv: file does not exist"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got := ErrorText(Ja, errors.New("plain")); got != "plain" {
		t.Errorf("plain error: %q", got)
	}
}

func TestIssueText(t *testing.T) {
	msg := data.Msgf("test: %d rows in %s", 2, "b")
	tests := []struct {
		name   string
		is     data.Issue
		en, ja string
	}{
		{"line, column and value",
			data.Issue{Line: 3, Column: data.ColDisclosed, Header: "公表日", ColumnIndex: 10, Value: "2024/13/01", Message: msg},
			`line 3, column 公表日 (10), value "2024/13/01": test: 2 rows in b`,
			"3行目、列「公表日」（10列目）、値「2024/13/01」：テスト: b に 2 行"},
		{"sheet and cell",
			data.Issue{Line: 5, Sheet: "一覧", Column: data.ColRecords, Header: "件数", Cell: "C5", Value: "x", Message: msg},
			`sheet "一覧" row 5, column 件数 (cell C5), value "x": test: 2 rows in b`,
			"シート「一覧」の5行目、列「件数」（セルC5）、値「x」：テスト: b に 2 行"},
		{"a row's value, no column",
			data.Issue{Line: 6, Value: "a,b", Message: msg},
			`line 6, value "a,b": test: 2 rows in b`,
			"6行目、値「a,b」：テスト: b に 2 行"},
		{"column without a header or position",
			data.Issue{Line: 2, Column: data.ColIncidentID, Message: msg},
			`line 2, column incident_id, value "": test: 2 rows in b`,
			"2行目、列「incident_id」、値「」：テスト: b に 2 行"},
		{"control characters show escaped",
			data.Issue{Line: 4, Value: "a\x00b", Message: msg},
			`line 4, value "a\x00b": test: 2 rows in b`,
			`4行目、値「a\x00b」：テスト: b に 2 行`},
		{"no place", data.Issue{Message: msg}, "test: 2 rows in b", "テスト: b に 2 行"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IssueText(En, tt.is); got != tt.en {
				t.Errorf("en: got  %s\nwant %s", got, tt.en)
			}
			if got := IssueText(Ja, tt.is); got != tt.ja {
				t.Errorf("ja: got  %s\nwant %s", got, tt.ja)
			}
		})
	}
}

func TestLists(t *testing.T) {
	tests := []struct {
		arg    any
		en, ja string
	}{
		{data.List{"a"}, "test: a", "テスト：a"},
		{data.List{"a", Text{"b", "ビー"}, data.Msgf("test: nested (%v)", "c")}, "test: a, b and test: nested (c)", "テスト：a、ビー、テスト: 入れ子（c）"},
		{data.Clauses{"a", Text{"b", "ビー"}}, "test: a; b", "テスト：a。ビー"},
	}
	for _, tt := range tests {
		m := data.Msgf("test: %v", tt.arg)
		if got := Sprint(En, m); got != tt.en {
			t.Errorf("en: got %q, want %q", got, tt.en)
		}
		if got := m.String(); got != tt.en {
			t.Errorf("String: got %q, want %q", got, tt.en)
		}
		if got := Sprint(Ja, m); got != tt.ja {
			t.Errorf("ja: got %q, want %q", got, tt.ja)
		}
	}
}
