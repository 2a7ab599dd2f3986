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
