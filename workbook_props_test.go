package main

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestGenerateAuthorCompany checks that --author and --company reach the workbook's
// document properties, and that the input's name and the generation time do too.
func TestGenerateAuthorCompany(t *testing.T) {
	out := t.TempDir()
	r := runCmd(t, "", "generate", "-o", out, "--author", "Hanako Sato", "--company", "Example Consulting K.K.")
	if r.status != 0 {
		t.Fatalf("exit %d, stderr %s", r.status, r.stderr)
	}
	f, err := excelize.OpenFile(filepath.Join(out, workbookName))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	a, err := f.GetAppProps()
	if err != nil {
		t.Fatal(err)
	}
	if p.Creator != "Hanako Sato" || a.Company != "Example Consulting K.K." || p.Created != "2026-11-21T09:30:00Z" {
		t.Errorf("creator %q, company %q, created %q; want Hanako Sato, Example Consulting K.K., 2026-11-21T09:30:00Z",
			p.Creator, a.Company, p.Created)
	}
}
