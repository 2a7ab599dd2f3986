package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/xuri/excelize/v2"

	"breachreport/i18n"
	"breachreport/internal/atomicfile"
)

// TestWriteErrorLocked: a workbook open in Excel (on Windows, a rename that fails with a
// sharing violation) gives a message saying to close it and run again, in both languages;
// any other failure keeps its own message.
func TestWriteErrorLocked(t *testing.T) {
	const path = `C:\Users\consultant\レポート\breach-report-2024-06.xlsx`
	locked := &atomicfile.LockedError{Path: path, Err: &os.LinkError{Op: "rename", Old: "tmp", New: path, Err: syscall.Errno(32)}}
	tests := []struct {
		name string
		err  error
		want map[i18n.Lang][]string
	}{
		{"locked", locked, map[i18n.Lang][]string{
			i18n.En: {path, "Excel", "close it there and run again"},
			i18n.Ja: {path, "Excel", "閉じてから、もう一度実行してください"},
		}},
		{"other", errors.New("disk full"), map[i18n.Lang][]string{
			i18n.En: {"writing " + path, "disk full"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := writeError(path, tt.err)
			if !errors.Is(err, tt.err) {
				t.Errorf("%v does not wrap %v", err, tt.err)
			}
			for l, want := range tt.want {
				got := i18n.ErrorText(l, err)
				for _, w := range want {
					if !strings.Contains(got, w) {
						t.Errorf("%s: %q lacks %q", l, got, w)
					}
				}
			}
		})
	}
}

// TestJapanesePaths: an input and an output directory with Japanese names work, and the
// workbook's title and client come from --title and --client.
func TestJapanesePaths(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "顧客A社")
	in := filepath.Join(t.TempDir(), "漏えい事案一覧.csv")
	csv, err := os.ReadFile(filepath.Join("examples", "japan-2024-06.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, csv, 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCmd(t, "", "generate", "-i", in, "-o", filepath.Join(dir, "月次報告"), "--lang", "ja", "--month", "2024-06",
		"--client", "株式会社サンプル", "--title", "6月度 情報漏えい動向")
	if r.status != 0 {
		t.Fatalf("status %d: %s", r.status, r.stderr)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "月次報告", "breach-report-2024-06.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	first := f.GetSheetList()[0]
	for cell, want := range map[string]string{"A1": "6月度 情報漏えい動向", "A2": "株式会社サンプル 御中"} {
		if got, _ := f.GetCellValue(first, cell); got != want {
			t.Errorf("%s!%s = %q, want %q", first, cell, got, want)
		}
	}
}
