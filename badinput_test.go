package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"

	"breachreport/internal/clienttest"
)

// badHeader is the header of the bad-input fixtures: every column of the schema.
const badHeader = "incident_id,organization,record_type,certainty,records,exposure_start,exposure_end,detected,contained,disclosed,notes\n"

// goodRows are three rows that are fine on their own: lines 2 to 4 after badHeader.
const goodRows = "ex-1,Example Co. 0001,card,confirmed,1200,2019-01-05,2019-02-01,2019-02-03,2019-02-04,2019-03-01,fine\n" +
	"ex-2,Example Co. 0002,personal,confirmed,300,2019-01-10,2019-01-20,2019-02-01,2019-02-02,2019-03-02,fine\n" +
	"ex-3,Example Co. 0003,email,suspected,40,,,2019-04-01,,2019-05-01,fine\n"

// badCase is one broken input and what generate and validate must make of it.
type badCase struct {
	name string
	in   []byte
	args []string // more flags for both commands
	// fatal: the input cannot be read at all; both commands exit 1, print want on stderr and
	// generate writes nothing.
	fatal bool
	// Otherwise the rows read, used and rejected, and the exit status (0, or 1 when rows
	// were rejected); generate writes both outputs.
	read, used, rejected int
	// want are the messages, each as printed after "standard input: " (or "breachreport: "
	// for a fatal error), naming line, column and value where they exist.
	want []string
	// big: the input is tens of megabytes, skipped under -short.
	big bool
}

// row returns a data row of badHeader's columns.
func row(id, org, records, start, end, detected, contained, disclosed string) string {
	return strings.Join([]string{id, org, "personal", "confirmed", records, start, end, detected, contained, disclosed, "n"}, ",") + "\n"
}

func badCases(t *testing.T) []badCase {
	garbage := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(8, 8))
	for i := range garbage {
		garbage[i] = byte(rng.UintN(256))
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(badHeader + goodRows))
	if err != nil {
		t.Fatal(err)
	}
	sjis, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte("事案ID,企業名,件数,公表日\nj-1,株式会社あ,4万,令和元年6月4日\nj-2,株式会社い,10,2019-06-05\nj-3,株式会社う,20,2019-06-06\n"))
	if err != nil {
		t.Fatal(err)
	}
	sjis = bytes.Replace(sjis, []byte("\x82\xa2"), []byte("\x81\x7f"), 1) // い → a code no character has

	field50MB := badHeader + goodRows + "ex-4,Example Co. 0004,card,confirmed,1,,,,,2019-06-01," + strings.Repeat("x", 50_000_000) + "\n" + row("ex-5", "Example Co. 0005", "5", "", "", "", "", "2019-07-01")
	// wide is an input of n columns: the schema's, then extra12, extra13, ….
	wide := func(n int) []byte {
		var b strings.Builder
		b.WriteString(strings.TrimSuffix(badHeader, "\n"))
		for j := 12; j <= n; j++ {
			fmt.Fprintf(&b, ",extra%d", j)
		}
		b.WriteString("\n" + strings.TrimSuffix(strings.SplitAfter(goodRows, "\n")[0], "\n") + strings.Repeat(",v", n-11) + "\n")
		return []byte(b.String())
	}

	return []badCase{
		{name: "empty file", in: nil, fatal: true, want: []string{"reading standard input: empty input"}},
		{name: "blank lines only", in: []byte("\r\n\n  \n"), fatal: true, want: []string{"reading standard input: empty input"}},
		{name: "header only", in: []byte(badHeader), read: 0, used: 0, rejected: 0},
		{name: "no header", in: []byte(goodRows), fatal: true, want: []string{
			`reading standard input: line 1: missing required column: organization (or 企業名, 組織名, 会社名, organisation, company); the header found has "ex-1", "Example Co. 0001", "card", "confirmed", "1200", "2019-01-05", "2019-02-01", "2019-02-03", "2019-02-04", "2019-03-01", "fine"; the header names none of the columns (is the first row a header? accepted names: incident_id, organization,`,
			`jnsa_response) (--map FILE reads a file in another layout through a column mapping)`}},
		{name: "binary garbage", in: garbage, fatal: true, want: []string{
			`reading standard input: line 1: wrong or unknown encoding: header "\xe9 ｻX\x85Uﾐﾟ\x19w`,
			`" holds bytes that are not valid Shift_JIS (shown escaped); the file was read as Shift_JIS, comma-separated: is that right?`}},
		{name: "binary file", in: append([]byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00\x01\x00\x00\x00"), garbage...), fatal: true, want: []string{
			"reading standard input: wrong or unknown encoding: the file holds NUL bytes: UTF-16 text without a byte-order mark, or not text at all; name its encoding (utf-16le or utf-16be)"}},
		{name: "NUL bytes in the header", in: []byte("organization\x00,records\nA,1\n"), fatal: true, want: []string{
			"reading standard input: wrong or unknown encoding: the file holds NUL bytes"}},
		{name: "NUL byte in a row", in: []byte(badHeader + goodRows + row("ex-4", "Example\x00 Co.", "4", "", "", "", "", "2019-06-01") + strings.Repeat(row("ex-5", "Example Co. 0005", "5", "", "", "", "", "2019-07-01"), 3000)),
			read: 3004, used: 3003, rejected: 1, want: []string{
				`rejected: line 5, column organization (2), value "Example\x00 Co.": text holds a NUL byte: the row is damaged, or not text`}},
		{name: "truncated multibyte sequence", in: []byte(badHeader + goodRows + row("ex-4", "株式会社\xe3\x81", "4", "", "", "", "", "2019-06-01") + row("ex-5", "Example Co. 0005", "5", "", "", "", "", "2019-07-01")),
			read: 5, used: 4, rejected: 1, want: []string{
				`rejected: line 5, column organization (2), value "株式会社\xe3\x81": text is not valid UTF-8; save the file as UTF-8 (CSV UTF-8 in Excel)`}},
		{name: "truncated multibyte sequence at the end", in: []byte(badHeader + goodRows + "ex-4,株式会社\xe3\x81"), read: 4, used: 3, rejected: 1, want: []string{
			`rejected: line 5, value "ex-4,株式会社\xe3\x81": row has 2 fields but the header has 11`}},
		{name: "invalid Shift_JIS byte", in: sjis, read: 3, used: 2, rejected: 1, want: []string{
			`read as Shift_JIS, comma-separated`,
			`rejected: line 3, column 企業名 (2), value "株式会社\x81\x7f": text is not valid Shift_JIS, the encoding the file is read in; the bytes shown could not be decoded`}},
		{name: "UTF-16 without BOM", in: utf16, fatal: true, want: []string{
			"reading standard input: wrong or unknown encoding: the file holds NUL bytes: UTF-16 text without a byte-order mark, or not text at all; name its encoding (utf-16le or utf-16be)"}},
		{name: "UTF-16 without BOM, named", in: utf16, args: []string{"--encoding", "utf-16le"}, read: 3, used: 3, want: []string{
			"read as UTF-16LE, comma-separated"}},
		{name: "mixed line endings", in: []byte(strings.ReplaceAll(badHeader, "\n", "\r\n") + strings.Replace(strings.Replace(goodRows, "\n", "\r", 1), "\n", "\r\n", 1) + "ex-4,Example Co. 0004,card,confirmed,1,,,,,2019-06-01,\"two\rlines\"\r"),
			read: 4, used: 4},
		{name: "unbalanced quotes", in: []byte(badHeader + row("ex-0", "\"Example Co. 0000", "9", "", "", "", "", "2019-01-01") + goodRows + row("ex-4", "Example Co. 0004", `"4,000"`, "", "", "", "", "2019-06-01")),
			read: 5, used: 4, rejected: 1, want: []string{
				`rejected: line 2, value "ex-0,"Example Co. 0000,personal,confirmed,9,,,,,2019-01-01,n": broken CSV quoting: a quote opened in this line is not closed; the lines after it are read as rows of their own`}},
		{name: "unbalanced quotes to the end", in: []byte(badHeader + goodRows + row("ex-4", "\"Example Co. 0004", "4", "", "", "", "", "2019-06-01")),
			read: 4, used: 3, rejected: 1, want: []string{
				`rejected: line 5: broken CSV quoting (extraneous or missing " in quoted-field at line 5, character 62)`}},
		{name: "50 MB single field", in: []byte(field50MB), big: true, fatal: true, want: []string{
			`reading standard input: line 5, column notes (11): over a limit: value "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" is longer than 1 MiB, the longest field read; if the text is not meant to be this long, a quote is not closed (--max-field-size raises it)`}},
		{name: "16,385 columns, one past Excel's last", in: wide(16385), fatal: true, want: []string{
			"reading standard input: line 1: over a limit: the row has more than 16384 fields, the most read (--max-columns raises it)"}},
		{name: "50 MB single field, --max-field-size 64MB", in: []byte(field50MB), big: true, args: []string{"--max-field-size", "64MB"}, read: 5, used: 5},
		{name: "16,384 columns, Excel's last", in: wide(16384), read: 1, used: 1},
		{name: "20,000 columns, --max-columns 20000", in: wide(20000), args: []string{"--max-columns", "20000"}, read: 1, used: 1},
		{name: "input over --max-input-size", in: []byte(badHeader + strings.Repeat(goodRows, 20)), args: []string{"--max-input-size", "2KB"}, fatal: true, want: []string{
			"reading standard input: over a limit: the input is larger than 2 KB, the most read (--max-input-size raises it)"}},
		{name: "duplicate header names", in: []byte("incident_id,organization,records,企業名\nex-1,A,1,B\n"), fatal: true, want: []string{
			`reading standard input: line 1, column 企業名: duplicate column: "organization" (column 2) and "企業名" (column 4) both name organization`}},
		{name: "duplicate header names, same text", in: []byte("organization,notes,notes\nA,n,m\n"), fatal: true, want: []string{
			`reading standard input: line 1, column notes: duplicate column: "notes" (column 2) and "notes" (column 3) both name notes`}},
		{name: "workbook with a bad XML entity in row 2, then 1,000 good rows", in: damagedWorkbook(t), fatal: true, want: []string{
			`reading standard input: sheet "Sheet1" row 2: not a readable .xlsx workbook: the sheet is damaged at this row (XML syntax error on line 2: invalid character entity &bad;); the rows before it can be read, not the rest: open and save the workbook in Excel or LibreOffice, or export the sheet as CSV`}},
		{name: "missing required column", in: []byte("incident_id,records,disclosed\nex-1,1,2019-01-01\n"), fatal: true, want: []string{
			`reading standard input: line 1: missing required column: organization (or 企業名, 組織名, 会社名, organisation, company); the header found has "incident_id", "records", "disclosed"`}},

		// Row-level faults: the row is used, the field or figure is unknown, and a warning
		// names line, column and value.
		{name: "negative count", in: []byte(badHeader + goodRows + row("ex-4", "Example Co. 0004", "-4", "", "", "", "", "2019-06-01")), read: 4, used: 4, want: []string{
			`warning: line 5, column records (5), value "-4": negative count: a number of records cannot be below zero; records treated as unknown`}},
		{name: "end before start", in: []byte(badHeader + goodRows + row("ex-4", "Example Co. 0004", "4", "2019-02-10", "2019-02-01", "", "", "2019-06-01")), read: 4, used: 4, want: []string{
			`warning: line 5, column exposure_end (7), value "2019-02-01": exposure_end 2019-02-01 is before exposure_start 2019-02-10; the window is left blank`}},
		{name: "disclosed before detected", in: []byte(badHeader + goodRows + row("ex-4", "Example Co. 0004", "4", "", "", "2019-03-01", "", "2019-02-25")), read: 4, used: 4, want: []string{
			`warning: line 5, column disclosed (10), value "2019-02-25": disclosed 2019-02-25 is before detected 2019-03-01; the detection-to-disclosure lag is left blank`}},
		{name: "year 2102", in: []byte(badHeader + goodRows + row("ex-4", "Example Co. 0004", "4", "", "", "", "", "2102-06-01")), read: 4, used: 4, want: []string{
			`warning: line 5, column disclosed (10), value "2102-06-01": date out of range: year 2102 is outside 1970…2027; date treated as unknown`}},
		{name: "conflicting disclosed dates", in: []byte(badHeader + goodRows + row("ex-1", "Example Co. 0001", "5", "", "", "2019-02-03", "", "2019-03-09")), read: 4, used: 4, want: []string{
			`warning: line 5, column disclosed (10), value "2019-03-09": incident "ex-1" has disclosed 2019-03-01 on line 2: rows of one incident must agree, so the incident's disclosed is left blank`}},
	}
}

// damagedWorkbook returns an .xlsx workbook whose sheet has a header, a row 2 holding an
// XML entity that does not exist, and 1,000 good rows after it.
func damagedWorkbook(t *testing.T) []byte {
	rows := [][]any{{"organization", "records", "disclosed"}, {"Example Co.", damageMark, "2019-06-01"}}
	for i := range 1000 {
		rows = append(rows, []any{fmt.Sprintf("Example Co. %04d", i), i + 1, "2019-06-01"})
	}
	return withBadEntity(t, streamedWorkbook(t, rows))
}

// runRecover runs the command in-process, as runCmd does, and turns a panic into a test
// failure that names the case.
func runRecover(t *testing.T, stdin []byte, args ...string) (r result) {
	t.Helper()
	defer func() {
		if p := recover(); p != nil {
			t.Errorf("breachreport %s panicked: %v", strings.Join(args, " "), p)
			r.status = -1
		}
	}()
	return runCmd(t, string(stdin), args...)
}

// TestBadInput runs generate and validate on each broken input: no panic, the message that
// names line, column and value, the exit status, every good row kept (rows read = used +
// rejected, from the accounting line), and no partial output or temp file when nothing is
// written.
func TestBadInput(t *testing.T) {
	for _, tc := range badCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			if tc.big {
				clienttest.SkipShort(t, "the big input")
			}
			wantStatus := 0
			if tc.fatal || tc.rejected > 0 {
				wantStatus = 1
			}
			for _, cmd := range []string{"generate", "validate"} {
				out := filepath.Join(t.TempDir(), "out")
				args := append([]string{cmd, "-i", "-"}, tc.args...)
				if cmd == "generate" {
					args = append(args, "-o", out)
				}
				r := runRecover(t, tc.in, args...)
				if r.status != wantStatus {
					t.Errorf("%s: exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", cmd, r.status, wantStatus, r.stdout, r.stderr)
				}
				// The messages: generate prints the problems on stderr, validate on stdout.
				printed := r.stderr
				if cmd == "validate" {
					printed = r.stdout
				}
				for i, w := range tc.want {
					prefix, where := "standard input: ", printed
					switch {
					case tc.fatal && i > 0: // the rest of the one error line
						prefix, where = "", r.stderr
					case tc.fatal:
						prefix, where = "breachreport: ", r.stderr
					case strings.HasPrefix(w, "read as"):
						where = r.stdout
					}
					if !strings.Contains(where, prefix+w) {
						t.Errorf("%s: output lacks %q\nstdout:\n%s\nstderr:\n%s", cmd, prefix+w, truncateOutput(r.stdout), truncateOutput(r.stderr))
					}
				}
				if tc.fatal {
					if accountingRE.MatchString(r.stdout) {
						t.Errorf("%s: a fatal error printed an accounting line:\n%s", cmd, r.stdout)
					}
					if strings.Count(r.stderr, "\n") != 1 {
						t.Errorf("%s: want exactly the one error line on stderr, got:\n%s", cmd, truncateOutput(r.stderr))
					}
				} else {
					checkAccounting(t, r.stdout, tc.read, tc.used, tc.rejected)
					// Each rejected row is listed once.
					if n := strings.Count(r.stdout+r.stderr, "rejected: line "); n != tc.rejected {
						t.Errorf("%s: %d rejected rows listed, want %d", cmd, n, tc.rejected)
					}
				}
				if cmd == "generate" {
					checkOutputDir(t, out, !tc.fatal, tc.used > 0)
				}
			}
			// validate --format csv: the same exit status and issues as --format json (not
			// on the inputs of many megabytes, whose reading the runs above cover).
			if len(tc.in) > 1<<20 {
				return
			}
			base := append([]string{"validate", "-i", "-"}, tc.args...)
			js := runRecover(t, tc.in, append(base, "--format", "json")...)
			tab := runRecover(t, tc.in, append(base, "--format", "csv")...)
			if js.status != wantStatus || tab.status != wantStatus {
				t.Errorf("validate: exit status %d with json, %d with csv, want %d", js.status, tab.status, wantStatus)
			}
			checkCSVMatchesJSON(t, tab.stdout, js.stdout)
		})
	}
}

// checkOutputDir checks that dir holds exactly the outputs (expectedOutputs), complete, when
// written is true, and nothing at all (no partial output, no temp file) otherwise. Without
// incidents there is no chart to give a page of its own: the workbook and the dashboard say so.
func checkOutputDir(t *testing.T, dir string, written, incidents bool) {
	t.Helper()
	names := outputFiles(t, dir)
	want := []string{}
	switch {
	case written && incidents:
		want = expectedOutputs()
	case written:
		want = []string{workbookName, chartsName}
	}
	want = lagsIfWritten(names, want, "")
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("output directory holds %q, want %q", names, want)
	}
	for _, n := range names {
		if st, err := os.Stat(filepath.Join(dir, n)); err != nil || st.Size() == 0 {
			t.Errorf("%s: empty or unreadable: %v", n, err)
		}
	}
}

// outputFiles returns every file below dir, by its path relative to dir, sorted; none when
// dir does not exist.
func outputFiles(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			names = append(names, rel)
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	sort.Strings(names)
	return names
}

// expectedOutputs returns the files a whole-input generate without --images writes, sorted:
// the workbook, the dashboard and one page per chart.
// lagsIfWritten drops the lags page (under prefix) from want unless it is among the names
// written: the lags chart is written only when an incident has a day figure.
func lagsIfWritten(names, want []string, prefix string) []string {
	lags := filepath.Join(prefix, chartDir, "lags.html")
	if !slices.Contains(names, lags) {
		want = slices.DeleteFunc(want, func(n string) bool { return n == lags })
	}
	return want
}

func expectedOutputs() []string {
	want := []string{workbookName, chartsName}
	for _, page := range []string{"bubbles", "by-cause", "by-cause-category", "by-industry", "by-size", "by-type", "lags", "records", "timeline"} {
		want = append(want, filepath.Join(chartDir, page+".html"))
	}
	sort.Strings(want)
	return want
}

// truncateOutput keeps test failure output readable when an input is huge.
func truncateOutput(s string) string {
	if len(s) > 4000 {
		return s[:4000] + "… (" + strconv.Itoa(len(s)) + " bytes)"
	}
	return s
}

// TestLimitFlags checks the limit flags: a file over --max-input-size is refused before it
// is read, and a limit that is not a size is a usage error.
func TestLimitFlags(t *testing.T) {
	path := filepath.Join(t.TempDir(), "in.csv")
	if err := os.WriteFile(path, []byte(badHeader+strings.Repeat(goodRows, 20)), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	r := runCmd(t, "", "generate", "-i", path, "-o", out, "--max-input-size", "1KiB")
	want := fmt.Sprintf("breachreport: reading %s: the file is %d bytes, larger than 1 KiB, the most read (--max-input-size raises it)\n", path, len(badHeader)+20*len(goodRows))
	if r.status != 1 || r.stderr != want || r.stdout != "" {
		t.Errorf("exit %d, stdout %q, stderr %q; want 1 and %q", r.status, r.stdout, r.stderr, want)
	}
	checkOutputDir(t, out, false, false)
	r = runCmd(t, "", "validate", "-i", path, "--max-input-size", "7KB", "--max-field-size", "20", "--max-columns", "11")
	checkAccounting(t, r.stdout, 60, 60, 0)

	for _, tt := range []struct{ flag, value, want string }{
		{"--max-input-size", "0", `--max-input-size: size "0": want a positive whole number of bytes`},
		{"--max-input-size", "lots", `--max-input-size: size "lots"`},
		{"--max-field-size", "3GiB", `--max-field-size: "3GiB": want a size from 1 byte to 2 GiB`},
		{"--max-columns", "0", "--max-columns: 0: want at least 1"},
	} {
		for _, cmd := range []string{"generate", "validate"} {
			r := runCmd(t, "", cmd, "-i", path, tt.flag, tt.value)
			if r.status != 2 || !strings.HasPrefix(r.stderr, "breachreport: "+tt.want) {
				t.Errorf("%s %s %s: exit %d, stderr %q; want 2 and %q", cmd, tt.flag, tt.value, r.status, r.stderr, tt.want)
			}
		}
	}
}
