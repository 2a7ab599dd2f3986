package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"breachreport/input"
)

// TestSampleSynthetic checks sample --synthetic: it prints what input.WriteSynthetic writes,
// the same for the same seed, and generate and validate read it with no issue at all.
func TestSampleSynthetic(t *testing.T) {
	r := runCmd(t, "", "sample", "--synthetic", "300", "--seed", "11")
	if r.status != 0 || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.status, r.stderr)
	}
	var want bytes.Buffer
	if err := input.WriteSynthetic(&want, 300, 11); err != nil {
		t.Fatal(err)
	}
	if r.stdout != want.String() {
		t.Error("sample --synthetic 300 --seed 11 differs from input.WriteSynthetic(300, 11)")
	}
	if again := runCmd(t, "", "sample", "--synthetic", "300", "--seed", "11"); again.stdout != r.stdout {
		t.Error("the same seed gave a different file")
	}
	if other := runCmd(t, "", "sample", "--synthetic", "300", "--seed", "12"); other.stdout == r.stdout {
		t.Error("seeds 11 and 12 gave the same file")
	}
	if def := runCmd(t, "", "sample", "--synthetic", "300"); def.stdout != runCmd(t, "", "sample", "--synthetic", "300", "--seed", "1").stdout {
		t.Error("the default seed is not 1")
	}
	lines := strings.Count(r.stdout, "\n")

	v := runCmd(t, r.stdout, "validate", "-i", "-", "--strict")
	if v.status != 0 {
		t.Errorf("validate --strict: exit %d\n%s", v.status, v.stdout)
	}
	checkAccounting(t, v.stdout, lines-1, lines-1, 0)
	if !strings.Contains(v.stdout, "; 300 incidents; 0 warnings") {
		t.Errorf("validate: %s", v.stdout)
	}

	out := filepath.Join(t.TempDir(), "out")
	g := runCmd(t, r.stdout, "generate", "-i", "-", "-o", out, "--strict")
	if g.status != 0 || g.stderr != "" {
		t.Errorf("generate --strict: exit %d, stderr %q", g.status, g.stderr)
	}
	checkAccounting(t, g.stdout, lines-1, lines-1, 0)
}

// TestSampleStaysTheSeedCases checks that the embedded sample is untouched by the
// synthetic generator: exactly the two reference cases.
func TestSampleStaysTheSeedCases(t *testing.T) {
	r := runCmd(t, "", "sample")
	if strings.Contains(r.stdout, "Example Co.") || strings.Count(r.stdout, "\n") != 5 {
		t.Errorf("sample is not the four seed rows:\n%s", r.stdout)
	}
	for _, id := range []string{"sanpo-create-2019", "omochabako-2019"} {
		if strings.Count(r.stdout, "\n"+id+",") != 2 {
			t.Errorf("sample lacks the two rows of %s", id)
		}
	}
}

func TestSampleSyntheticUsage(t *testing.T) {
	for _, args := range [][]string{
		{"sample", "--synthetic", "0"},
		{"sample", "--synthetic", "-3"},
		{"sample", "--synthetic", "many"},
		{"sample", "--seed", "4"},
		{"sample", "--synthetic", "5", "--seed", "-1"},
	} {
		r := runCmd(t, "", args...)
		if r.status != 2 || r.stdout != "" || !strings.Contains(r.stderr, "Usage: breachreport sample") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want a usage error", args, r.status, r.stdout, r.stderr)
		}
	}
}
