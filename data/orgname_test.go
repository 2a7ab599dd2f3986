package data

import "testing"

func TestOrgKey(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "ことぶき住宅", "ことぶき住宅"},
		{"株式会社 before", "株式会社ことぶき住宅", "ことぶき住宅"},
		{"株式会社 after", "ことぶき住宅株式会社", "ことぶき住宅"},
		{"(株) before", "(株)ことぶき住宅", "ことぶき住宅"},
		{"full-width (株)", "（株）ことぶき住宅", "ことぶき住宅"},
		{"㈱ after", "ことぶき住宅㈱", "ことぶき住宅"},
		{"有限会社", "有限会社ことぶき住宅", "ことぶき住宅"},
		{"(有)", "(有)ことぶき住宅", "ことぶき住宅"},
		{"㈲", "ことぶき住宅㈲", "ことぶき住宅"},
		{"合同会社", "合同会社ことぶき住宅", "ことぶき住宅"},
		{"(同)", "ことぶき住宅(同)", "ことぶき住宅"},
		{"space after the legal form", "株式会社 ことぶき住宅", "ことぶき住宅"},
		{"spaces", "ことぶき　住宅 ", "ことぶき住宅"},
		{"nakaguro", "ことぶき・住宅", "ことぶき住宅"},
		{"half-width katakana", "ｺﾄﾌﾞｷ住宅", "コトブキ住宅"},
		{"english name keeps its case", "Example Co.", "ExampleCo."},
		{"legal form inside the name stays", "ことぶき株式会社住宅", "ことぶき株式会社住宅"},
		{"legal form alone stays", "株式会社", "株式会社"},
		{"both ends", "株式会社ことぶき住宅(株)", "ことぶき住宅"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := OrgKey(tt.in); got != tt.want {
				t.Errorf("OrgKey(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestIDKey(t *testing.T) {
	tests := []struct {
		name, a, b string
		same       bool
	}{
		{"derived ids of one organization", "(株)ことぶき住宅 2024-05-10", "株式会社ことぶき住宅 2024-05-10", true},
		{"with spaces in the name", "Example  Co. 2024-05-10", "Example Co. 2024-05-10", true},
		{"other dates", "株式会社ことぶき住宅 2024-05-10", "株式会社ことぶき住宅 2024-05-11", false},
		{"other organizations", "株式会社ことぶき住宅 2024-05-10", "株式会社ことぶき建設 2024-05-10", false},
		{"plain ids", "INC-1", "INC-1", true},
		{"full-width id", "ＩＮＣ－１", "INC-1", true},
		{"other plain ids", "INC-1", "INC-2", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IDKey(tt.a) == IDKey(tt.b); got != tt.same {
				t.Errorf("IDKey(%q) = %q, IDKey(%q) = %q; same %v, want %v", tt.a, IDKey(tt.a), tt.b, IDKey(tt.b), got, tt.same)
			}
		})
	}
}
