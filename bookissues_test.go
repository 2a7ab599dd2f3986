package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestBookIssues checks that the issues only the workbook finds (columns past Excel's last, a
// table column name cut) are printed on stderr, counted in the accounting line's warnings and
// fail --strict, as the input's warnings do.
func TestBookIssues(t *testing.T) {
	// wide has the schema's columns, then extra12 … extra16404: the Scopes sheet, with its
	// own leading columns, runs 21 past Excel's last.
	var wide strings.Builder
	wide.WriteString(strings.TrimSuffix(badHeader, "\n"))
	for j := 12; j <= 16404; j++ {
		fmt.Fprintf(&wide, ",extra%d", j)
	}
	wide.WriteString("\n" + strings.TrimSuffix(strings.SplitAfter(goodRows, "\n")[0], "\n") + strings.Repeat(",v", 16404-11) + "\n")
	long := strings.Repeat("n", 300)
	longName := []byte("organization,records,disclosed," + long + "\nA,1,2019-01-01,x\n")

	cases := []struct {
		name   string
		in     []byte
		args   []string
		status int
		stderr []string
		stdout string
	}{
		{"16,404 columns", []byte(wide.String()), []string{"--max-columns", "20000"}, 0,
			[]string{"standard input: warning: sheet Scopes would have 16,405 columns, more than the 16,384 an Excel sheet holds: the last 21, from extra16384 on, are left off"},
			"; 1 incident; 1 warning\n"},
		{"16,404 columns, --strict", []byte(wide.String()), []string{"--max-columns", "20000", "--strict"}, 1,
			[]string{"standard input: warning: sheet Scopes would have 16,405 columns", "breachreport: --strict: 1 warning (listed above)"},
			"; 1 incident; 1 warning\n"},
		{"16,404 columns, Japanese", []byte(wide.String()), []string{"--max-columns", "20000", "--lang", "ja", "--strict"}, 1,
			[]string{"標準入力: 警告: シート「範囲」は16,405列となり", "breachreport: --strict：警告1件（上記に記載）"},
			"、事案1件、警告1件\n"},
		{"column name of 300 characters", longName, nil, 0,
			[]string{`standard input: warning: value "` + long + `": column name of 300 characters is longer than the 255 an Excel table column name holds: cut on sheet Scopes, column M` + "\n"},
			"; 1 incident; 1 warning\n"},
		{"column name of 300 characters, --strict", longName, []string{"--strict"}, 1,
			[]string{"column name of 300 characters", "breachreport: --strict: 1 warning (listed above)"},
			"; 1 incident; 1 warning\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			r := runRecover(t, tc.in, append([]string{"generate", "-i", "-", "-o", out}, tc.args...)...)
			if r.status != tc.status {
				t.Errorf("exit status %d, want %d\nstderr:\n%s", r.status, tc.status, truncateOutput(r.stderr))
			}
			for _, w := range tc.stderr {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, truncateOutput(r.stderr))
				}
			}
			if !strings.Contains(r.stdout, tc.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tc.stdout, truncateOutput(r.stdout))
			}
			checkOutputDir(t, out, true, true)
		})
	}
}
