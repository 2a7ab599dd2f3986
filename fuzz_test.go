package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// FuzzGenerate runs the whole generate path, flags to files, on in-memory input, and
// validate on the same input. Neither may panic; both exit 0 or 1 and agree on the row
// accounting, in which rows read = used + rejected; generate either writes both outputs
// whole or, when the input cannot be read, nothing, and never leaves a temporary file.
// validate --format csv exits as --format json does and its table holds the same issues.
func FuzzGenerate(f *testing.F) {
	for _, p := range []string{"testdata/bad-rows.csv", "testdata/seed-typo.csv", "input/sample.csv"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(badHeader + goodRows + row("ex-4", "\"Example Co. 0004", "-4", "2019-02-10", "2019-02-01", "", "", "2102-06-01")))
	f.Add([]byte("企業名,件数,公表日\r株式会社あ,4万,令和元年6月4日\r"))
	f.Fuzz(func(t *testing.T, in []byte) {
		out := filepath.Join(t.TempDir(), "out")
		gen := runRecover(t, in, "generate", "-i", "-", "-o", out, "--lang", "ja")
		val := runRecover(t, in, "validate", "-i", "-", "--format", "json")
		if gen.status != 0 && gen.status != 1 || val.status != gen.status {
			t.Fatalf("generate exit %d, validate exit %d\n%s\n%s", gen.status, val.status, gen.stderr, val.stderr)
		}
		tab := runRecover(t, in, "validate", "-i", "-", "--format", "csv")
		if tab.status != val.status {
			t.Fatalf("validate --format csv exit %d, --format json exit %d\n%s", tab.status, val.status, tab.stderr)
		}
		checkCSVMatchesJSON(t, tab.stdout, val.stdout)
		m := accountingRE.FindStringSubmatch(gen.stdout)
		if m == nil {
			// The input could not be read: one error line and nothing written.
			if strings.Count(gen.stderr, "\n") != 1 || !strings.HasPrefix(gen.stderr, "breachreport: 標準入力 を読み込めません：") {
				t.Fatalf("no accounting and stderr %q", gen.stderr)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Fatalf("a run that read nothing created %s", out)
			}
			return
		}
		read, _ := strconv.Atoi(m[1])
		used, _ := strconv.Atoi(m[2])
		rejected, _ := strconv.Atoi(m[3])
		if read != used+rejected {
			t.Fatalf("rows read %d != used %d + rejected %d", read, used, rejected)
		}
		if !strings.Contains(val.stdout, `"rows_read": `+m[1]+",") || !strings.Contains(val.stdout, `"rows_rejected": `+m[3]+",") {
			t.Fatalf("validate disagrees with generate's %s/%s/%s:\n%s", m[1], m[2], m[3], val.stdout)
		}
		if (rejected > 0) != (gen.status == 1) {
			t.Fatalf("%d rows rejected but exit %d: %s", rejected, gen.status, gen.stderr)
		}
		checkOutputDir(t, out, true, used > 0)
	})
}
