package data

import "testing"

func TestShown(t *testing.T) {
	for _, tt := range []struct {
		name, in             string
		line, cell, validUTF string
	}{
		{"plain", "株式会社あ", "株式会社あ", "株式会社あ", "株式会社あ"},
		{"quote", `株式会社"引用"`, `株式会社"引用"`, `株式会社"引用"`, `株式会社"引用"`},
		{"backslash", `C:\dir`, `C:\dir`, `C:\dir`, `C:\dir`},
		{"control character", "a\x01b\x7f", `a\x01b\x7f`, `a\x01b\x7f`, "a\x01b\x7f"},
		{"tab and line breaks", "a\tb\r\nc", `a\tb\r\nc`, "a\tb\r\nc", "a\tb\r\nc"},
		{"invalid byte", "Caf\xe9\xff", `Caf\xe9\xff`, `Caf\xe9\xff`, `Caf\xe9\xff`},
		{"C1 control", "Grand\u009d total", `Grand\u009d total`, `Grand\u009d total`, "Grand\u009d total"},
		{"bidi override", "evil\u202egnp.exe", `evil\u202egnp.exe`, `evil\u202egnp.exe`, "evil\u202egnp.exe"},
		{"text kept: U+FFFD, ideographic space, zero-width joiner", "\ufffd\u3000a\u200db", "\ufffd\u3000a\u200db", "\ufffd\u3000a\u200db", "\ufffd\u3000a\u200db"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Shown(tt.in); got != tt.line {
				t.Errorf("Shown(%q) = %q, want %q", tt.in, got, tt.line)
			}
			if got := ShownInCell(tt.in); got != tt.cell {
				t.Errorf("ShownInCell(%q) = %q, want %q", tt.in, got, tt.cell)
			}
			if got := ValidUTF8(tt.in); got != tt.validUTF {
				t.Errorf("ValidUTF8(%q) = %q, want %q", tt.in, got, tt.validUTF)
			}
			// Escaping once: what is shown shows as itself.
			if got := Shown(Shown(tt.in)); got != tt.line {
				t.Errorf("Shown twice = %q, want %q", got, tt.line)
			}
		})
	}
}
