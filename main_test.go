package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"

	"breachreport/data"
	"breachreport/input"
	"breachreport/internal/inputtest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixedNow is the clock the tests give the command.
var fixedNow = time.Date(2026, 11, 21, 9, 30, 0, 0, time.UTC)

// result is what one in-process run of the command produced.
type result struct {
	stdout, stderr string
	status         int
}

// runCmd runs the command in-process, as main would, and returns its output and exit status.
func runCmd(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	// An English-speaking user who said so: the outputs in English, without the line that
	// says how to get Japanese ones (TestLangDefault covers that).
	return runCmdEnv(t, englishEnv, stdin, args...)
}

// japaneseEnv is the environment of a user who chose Japanese (BREACHREPORT_LANG=ja).
func japaneseEnv(k string) string { return map[string]string{langEnv: "ja"}[k] }

// runCmdEnv is runCmd in the environment getenv.
func runCmdEnv(t *testing.T, getenv func(string) string, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, env{
		stdin:  strings.NewReader(stdin),
		stdout: &out, stderr: &errb,
		getenv: getenv,
		now:    func() time.Time { return fixedNow },
	})
	status := exitCode(err, &errb)
	checkBalance(t, args, out.String()+errb.String())
	return result{out.String(), errb.String(), status}
}

// checkBalance checks, for every run of generate or validate that printed its accounting
// line (on stdout, or on stderr for validate --format csv), that rows read = rows used +
// rows rejected.
func checkBalance(t *testing.T, args []string, output string) {
	t.Helper()
	if len(args) == 0 || (args[0] != "generate" && args[0] != "validate") {
		return
	}
	for _, m := range accountingRE.FindAllStringSubmatch(output, -1) {
		r, _ := strconv.Atoi(m[1])
		u, _ := strconv.Atoi(m[2])
		j, _ := strconv.Atoi(m[3])
		if r != u+j {
			t.Errorf("%s: rows read %d != used %d + rejected %d", strings.Join(args, " "), r, u, j)
		}
	}
}

// TestGolden runs each command line and compares stdout, stderr and the exit status with
// testdata/NAME.golden. Run "go test -run TestGolden -update" to rewrite them; a mismatch
// writes NAME.got beside the golden file.
func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
		// ja runs the command with BREACHREPORT_LANG=ja instead of en.
		ja bool
	}{
		{"validate-sample-typo", []string{"validate", "-i", "testdata/seed-typo.csv"}, false},
		{"validate-sample-typo-strict", []string{"validate", "-i", "testdata/seed-typo.csv", "--strict"}, false},
		{"validate-bad-rows", []string{"validate", "-i", "testdata/bad-rows.csv"}, false},
		{"validate-bad-rows-json", []string{"validate", "-i", "testdata/bad-rows.csv", "--format", "json"}, false},
		{"validate-bad-rows-csv", []string{"validate", "-i", "testdata/bad-rows.csv", "--format", "csv"}, false},
		{"validate-sample-typo-csv", []string{"validate", "-i", "testdata/seed-typo.csv", "--format", "csv"}, false},
		{"validate-bad-format", []string{"validate", "-i", "testdata/bad-rows.csv", "--format", "xml"}, false},
		{"validate-missing-column", []string{"validate", "-i", "testdata/no-organization-column.csv"}, false},
		{"validate-no-input", []string{"validate"}, false},
		{"validate-missing-file", []string{"validate", "-i", "testdata/does-not-exist.csv"}, false},
		{"unknown-command", []string{"frobnicate"}, false},
		{"unknown-command-close", []string{"genrate"}, false},
		{"generate-unknown-flag", []string{"generate", "--mnth", "2019-06"}, false},
		{"validate-unknown-flag", []string{"validate", "-i", "testdata/bad-rows.csv", "--formt", "json"}, false},
		{"sample-unknown-flag", []string{"sample", "--xyzzy"}, false},
		{"sample-synthetic-template", []string{"sample", "--synthetic", "3", "--template"}, false},
		{"no-command", nil, false},
		{"generate-bad-lang", []string{"generate", "--lang", "fr"}, false},
		{"generate-extra-arg", []string{"generate", "extra"}, false},
		{"validate-bad-date-order", []string{"validate", "-i", "testdata/seed-typo.csv", "--date-order", "ymd"}, false},
		{"generate-help", []string{"generate", "--help"}, false},
		{"validate-mapped", []string{"validate", "-i", "examples/mappings/wa-ag.csv", "--map", "examples/mappings/wa-ag.toml"}, false},
		{"validate-bad-mapping", []string{"validate", "-i", "examples/mappings/wa-ag.csv", "--map", "testdata/bad-mapping.toml"}, false},
		{"validate-mapping-wrong-file", []string{"validate", "-i", "examples/mappings/wa-ag.csv", "--map", "examples/mappings/hhs-ocr.toml"}, false},
		{"validate-mapping-missing", []string{"validate", "-i", "examples/mappings/wa-ag.csv", "--map", "testdata/does-not-exist.toml"}, false},
		{"validate-unmapped-foreign-layout", []string{"validate", "-i", "examples/mappings/hhs-ocr.csv"}, false},
		{"validate-date-order", []string{"validate", "-i", "examples/mappings/hhs-ocr.csv", "--map", "testdata/hhs-no-date-order.toml"}, false},
		{"validate-total-rows", []string{"validate", "-i", "testdata/total-rows.csv"}, false},
		{"validate-total-rows-strict", []string{"validate", "-i", "testdata/total-rows.csv", "--strict"}, false},
		{"validate-title-row", []string{"validate", "-i", "testdata/title-row.csv"}, false},
		{"validate-header-row", []string{"validate", "-i", "testdata/title-row.csv", "--header-row", "3"}, false},
		{"validate-two-row-header", []string{"validate", "-i", "testdata/two-row-header.csv"}, false},
		{"validate-disclosed-renamed", []string{"validate", "-i", "testdata/disclosed-renamed.csv"}, false},
		{"validate-consultant", []string{"validate", "-i", "testdata/consultant.csv"}, false},
		// Messages in Japanese.
		{"ja-validate-bad-rows", []string{"validate", "-i", "testdata/bad-rows.csv"}, true},
		{"ja-validate-consultant", []string{"validate", "-i", "testdata/consultant.csv"}, true},
		{"ja-validate-bad-rows-csv", []string{"validate", "-i", "testdata/bad-rows.csv", "--format", "csv"}, true},
		{"ja-validate-total-rows", []string{"validate", "-i", "testdata/total-rows.csv"}, true},
		{"ja-validate-title-row", []string{"validate", "-i", "testdata/title-row.csv"}, true},
		{"ja-validate-missing-column", []string{"validate", "-i", "testdata/no-organization-column.csv"}, true},
		{"ja-validate-disclosed-renamed", []string{"validate", "-i", "testdata/disclosed-renamed.csv"}, true},
		{"ja-validate-bad-mapping", []string{"validate", "-i", "examples/mappings/wa-ag.csv", "--map", "testdata/bad-mapping.toml"}, true},
		{"ja-validate-mapping-wrong-file", []string{"validate", "-i", "examples/mappings/wa-ag.csv", "--map", "examples/mappings/hhs-ocr.toml"}, true},
		{"ja-validate-date-order", []string{"validate", "-i", "examples/mappings/hhs-ocr.csv", "--map", "testdata/hhs-no-date-order.toml"}, true},
		{"ja-validate-two-row-header", []string{"validate", "-i", "testdata/two-row-header.csv"}, true},
		{"ja-unknown-command-close", []string{"genrate"}, true},
		{"ja-generate-unknown-flag", []string{"generate", "--mnth", "2019-06"}, true},
		{"en-validate-lang-ja", []string{"validate", "-i", "testdata/seed-typo.csv", "--lang", "ja"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			getenv, prompt := englishEnv, "$ "
			if tt.ja {
				getenv, prompt = japaneseEnv, "$ "+langEnv+"=ja "
			}
			r := runCmdEnv(t, getenv, "", tt.args...)
			got := prompt + "breachreport " + strings.Join(tt.args, " ") + "\n" +
				"-- stdout --\n" + r.stdout + "-- stderr --\n" + r.stderr + "-- exit status --\n" + strconv.Itoa(r.status) + "\n"
			golden := filepath.Join("testdata", tt.name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				os.WriteFile(golden[:len(golden)-len(".golden")]+".got", []byte(got), 0o644)
				t.Errorf("output differs from %s (see the .got file beside it):\n%s", golden, got)
			}
		})
	}
}

func TestGenerateSample(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "new", "out")
	r := runCmd(t, "", "generate", "-o", out)
	if r.status != 0 {
		t.Fatalf("exit %d, stderr %s", r.status, r.stderr)
	}
	checkAccounting(t, r.stdout, 4, 4, 0)
	for _, name := range []string{workbookName, chartsName} {
		p := filepath.Join(out, name)
		st, err := os.Stat(p)
		if err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", p, err)
		}
		if !strings.Contains(r.stdout, "wrote "+p) {
			t.Errorf("stdout does not say it wrote %s:\n%s", p, r.stdout)
		}
	}
	if r.stderr != "" {
		t.Errorf("stderr = %q, want nothing for the clean sample", r.stderr)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 3 {
		t.Errorf("output directory holds %d entries, want the 2 outputs, the chart directory and no temp files", len(entries))
	}
	pages, _ := os.ReadDir(filepath.Join(out, chartDir))
	var names []string
	for _, p := range pages {
		names = append(names, p.Name())
	}
	if got, want := strings.Join(names, " "), "bubbles.html by-cause-category.html by-cause.html by-industry.html by-size.html by-type.html lags.html records.html timeline.html"; got != want {
		t.Errorf("chart directory holds %s, want %s", got, want)
	}
}

func TestGenerateFromStdinWithRejectedRows(t *testing.T) {
	in, err := os.ReadFile("testdata/bad-rows.csv")
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	r := runCmd(t, string(in), "generate", "-i", "-", "-o", out, "--lang", "ja")
	if r.status != 1 {
		t.Errorf("exit %d, want 1 for rejected rows", r.status)
	}
	checkAccounting(t, r.stdout, 5, 3, 2)
	for _, name := range []string{workbookName, chartsName} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("the report must still be written when rows are rejected: %v", err)
		}
	}
	for _, want := range []string{
		// stderr speaks the report's language.
		`標準入力: 除外: 4行目、列「organization」（2列目）、値「」：組織名（organization）は必須です`,
		`標準入力: 除外: 6行目、値「ex-4,Example Co. 0004,card」：この行の項目数は3、見出し行は11です`,
		"breachreport: 5行中2行を除外しました（上記とデータ不備シートに記載）",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
}

func TestValidateShiftJIS(t *testing.T) {
	sample, err := japanese.ShiftJIS.NewEncoder().Bytes(input.Sample())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sjis.csv")
	if err := os.WriteFile(path, sample, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		args       []string
		wantStatus int
		wantOut    string
	}{
		{"detected", nil, 0, path + ": read as Shift_JIS, comma-separated\n"},
		{"given", []string{"--encoding", "CP932", "--delimiter", ","}, 0, "read as Shift_JIS, comma-separated"},
		{"wrong delimiter given", []string{"--delimiter", "tab"}, 1, "read as Shift_JIS, tab-separated: is that right?"},
		{"unknown encoding", []string{"--encoding", "euc-jp"}, 2, `--encoding: unknown encoding "euc-jp"`},
		{"wrong UTF-16 given", []string{"--encoding", "utf-16le"}, 1, "reading " + path + ": wrong or unknown encoding: the encoding given is UTF-16LE, but the file has no byte-order mark"},
		{"unknown delimiter", []string{"--delimiter", "|"}, 2, `--delimiter: unknown delimiter "|"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCmd(t, "", append([]string{"validate", "-i", path}, tt.args...)...)
			if r.status != tt.wantStatus || !strings.Contains(r.stdout+r.stderr, tt.wantOut) {
				t.Fatalf("exit %d, want %d with %q; stdout:\n%sstderr:\n%s", r.status, tt.wantStatus, tt.wantOut, r.stdout, r.stderr)
			}
			if tt.wantStatus == 0 {
				checkAccounting(t, r.stdout, 4, 4, 0)
			}
		})
	}
}

// TestValidateWindows1252 checks that a Western European list is read as Windows-1252, and
// that one that could as well be Shift_JIS stops with an error naming the file.
func TestValidateWindows1252(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	euro := write("euro.csv", "organization,records,disclosed\nMüller GmbH,1,2019-06-04\nSociété Générale,2,2020-01-02\n")
	r := runCmd(t, "", "validate", "-i", euro)
	if r.status != 0 || !strings.Contains(r.stdout, euro+": read as Windows-1252, comma-separated\n") {
		t.Fatalf("exit %d; stdout:\n%sstderr:\n%s", r.status, r.stdout, r.stderr)
	}
	checkAccounting(t, r.stdout, 2, 2, 0)
	unclear := write("unclear.csv", "organization,notes\nAcme,€100\n")
	r = runCmd(t, "", "validate", "-i", unclear)
	if want := "reading " + unclear + ": wrong or unknown encoding: the text is not UTF-8, and it could be Shift_JIS"; r.status != 1 ||
		!strings.Contains(r.stderr, want) || !strings.Contains(r.stderr, "name it, shift_jis or windows-1252 (--encoding NAME names the encoding)") {
		t.Fatalf("exit %d, want 1 with %q; stderr:\n%s", r.status, want, r.stderr)
	}
	if r := runCmd(t, "", "validate", "-i", unclear, "--encoding", "latin1"); r.status != 0 {
		t.Fatalf("--encoding latin1: exit %d; stderr:\n%s", r.status, r.stderr)
	}
}

func TestGenerateCompare(t *testing.T) {
	tests := []struct {
		name       string
		compare    string
		wantStatus int
		wantErr    string
	}{
		{"one case", "omochabako-2019", 0, ""},
		{"both, reordered", "omochabako-2019, sanpo-create-2019", 0, ""},
		{"unknown id", "nope", 2, `no incident has the id or organization "nope"`},
		{"by organization", "株式会社おもちゃ箱 (Omochabako)", 0, ""},
		{"organization mistyped", "株式会社おもちゃ箱 (Omochabak)", 2, `did you mean "株式会社おもちゃ箱 (Omochabako)"?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCmd(t, "", "generate", "-o", t.TempDir(), "--compare", tt.compare)
			if r.status != tt.wantStatus || !strings.Contains(r.stderr, tt.wantErr) {
				t.Errorf("exit %d stderr %q; want %d and %q", r.status, r.stderr, tt.wantStatus, tt.wantErr)
			}
			if tt.wantStatus == 0 {
				checkAccounting(t, r.stdout, 4, 4, 0)
			}
		})
	}
}

func TestGenerateUnwritableOutput(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCmd(t, "", "generate", "-o", filepath.Join(blocker, "out"))
	if r.status != 1 || !strings.Contains(r.stderr, "output directory "+filepath.Join(blocker, "out")+" cannot be created: not a directory") {
		t.Errorf("exit %d stderr %q", r.status, r.stderr)
	}
}

func TestValidateJSON(t *testing.T) {
	r := runCmd(t, "", "validate", "-i", "testdata/bad-rows.csv", "--format", "json")
	var got struct {
		Read     int `json:"rows_read"`
		Used     int `json:"rows_used"`
		Rejected int `json:"rows_rejected"`
		Issues   []struct {
			Kind, Severity, Value, Message string
			Line                           int
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, r.stdout)
	}
	if r.status != 1 || got.Read != 5 || got.Used != 3 || got.Rejected != 2 || got.Read != got.Used+got.Rejected {
		t.Errorf("exit %d, accounting %d/%d/%d", r.status, got.Read, got.Used, got.Rejected)
	}
	rejected := 0
	for _, is := range got.Issues {
		if is.Kind == "" || is.Message == "" || is.Line == 0 {
			t.Errorf("issue lacks kind, message or line: %+v", is)
		}
		if is.Severity == "rejected" {
			rejected++
		}
	}
	if len(got.Issues) != 9 || rejected != 2 {
		t.Errorf("%d issues, %d rejected; want 9 and 2", len(got.Issues), rejected)
	}
}

// TestSampleCommand checks every form of sample against the embedded sample: each reads
// back into the same scopes (the template into the one of its row), in Japanese too, and
// printed into a buffer (not a terminal) it is as Excel reads it, with a byte-order mark
// and CRLF line ends.
func TestSampleCommand(t *testing.T) {
	want, err := inputtest.Read(bytes.NewReader(input.Sample()), input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args   []string
		header string // the start of the header line
		scopes []data.Scope
	}{
		{nil, "incident_id,organization,service,", want.Scopes},
		{[]string{"--lang", "ja"}, "事案ID,企業名,サービス名,業種,原因,漏えい情報,確度,件数,漏えい開始日,漏えい終了日,発覚日,封じ込め日,公表日,", want.Scopes},
		{[]string{"--template"}, "incident_id,organization,", want.Scopes[templateRow-1 : templateRow]},
		{[]string{"--template", "--lang", "ja", "--excel"}, "事案ID,企業名,", want.Scopes[templateRow-1 : templateRow]},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := runCmd(t, "", append([]string{"sample"}, tt.args...)...)
			if r.status != 0 {
				t.Fatalf("exit %d: %s", r.status, r.stderr)
			}
			if !strings.HasPrefix(r.stdout, "\uFEFF"+tt.header) || strings.Count(r.stdout, "\n") != strings.Count(r.stdout, "\r\n") {
				t.Errorf("printed %.120q…; want a byte-order mark, %q and CRLF line ends", r.stdout, tt.header)
			}
			res, err := inputtest.Read(strings.NewReader(r.stdout), input.Options{})
			if err != nil || len(res.Issues) != 0 {
				t.Fatalf("reads back with %v, issues %v", err, res.Issues)
			}
			for i := range res.Scopes {
				res.Scopes[i].Line = tt.scopes[i].Line // the template's row is on line 2
			}
			if !reflect.DeepEqual(res.Scopes, tt.scopes) {
				t.Errorf("reads back as %+v\nwant %+v", res.Scopes, tt.scopes)
			}
		})
	}
}

func TestVersionCommand(t *testing.T) {
	for _, arg := range []string{"version", "--version", "-version"} {
		r := runCmd(t, "", arg)
		if r.status != 0 || !strings.HasPrefix(r.stdout, "breachreport "+version) {
			t.Errorf("%s printed %q, exit %d", arg, r.stdout, r.status)
		}
	}
	r := runCmd(t, "", "version")
	if r.status != 0 || !strings.HasPrefix(r.stdout, "breachreport "+version) {
		t.Errorf("version printed %q, exit %d", r.stdout, r.status)
	}
}

func TestHelpOnEveryCommand(t *testing.T) {
	for _, cmd := range []string{"generate", "validate", "sample", "version"} {
		r := runCmd(t, "", cmd, "--help")
		if r.status != 0 || !strings.HasPrefix(r.stdout, "Usage: breachreport "+cmd) {
			t.Errorf("%s --help: exit %d, stdout %q", cmd, r.status, r.stdout)
		}
	}
}

// englishEnv is the environment of a user who chose English reports (BREACHREPORT_LANG=en).
func englishEnv(k string) string { return map[string]string{langEnv: "en"}[k] }

func TestLangFromEnvironment(t *testing.T) {
	tests := []struct {
		env  map[string]string
		flag string
		want string // "" for an error
	}{
		{map[string]string{"LANG": "ja_JP.UTF-8"}, "", "ja"},
		{map[string]string{"LANG": "en_GB.UTF-8"}, "", "en"},
		{map[string]string{"LC_ALL": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"}, "", "ja"},
		{map[string]string{"LANG": "ja_JP.UTF-8"}, "en", "en"},
		{map[string]string{"LANG": "C.UTF-8", langEnv: "ja"}, "", "ja"},
		{map[string]string{"LANG": "ja_JP.UTF-8", langEnv: "en"}, "", "en"},
		{map[string]string{langEnv: "ja"}, "en", "en"},
		{map[string]string{langEnv: "fr"}, "", ""},
	}
	for _, tt := range tests {
		got, err := chooseLang(tt.flag, env{getenv: func(k string) string { return tt.env[k] }})
		if (tt.want == "") != (err != nil) || string(got) != tt.want && tt.want != "" {
			t.Errorf("env %v flag %q: %s, %v; want %q", tt.env, tt.flag, got, err, tt.want)
		}
	}
}

// TestLangHint checks that generate says how to get a Japanese report exactly when the
// report is in English by default: no --lang, no BREACHREPORT_LANG, no Japanese locale.
func TestLangHint(t *testing.T) {
	const hint = "breachreport: the report is in English; --lang ja writes it in Japanese"
	for _, tt := range []struct {
		env  map[string]string
		args []string
		want bool
	}{
		{map[string]string{"LANG": "C.UTF-8"}, nil, true},
		{nil, nil, true},
		{map[string]string{"LANG": "ja_JP.UTF-8"}, nil, false},
		{map[string]string{"LANG": "C.UTF-8", langEnv: "en"}, nil, false},
		{map[string]string{"LANG": "C.UTF-8"}, []string{"--lang", "en"}, false},
		{map[string]string{"LANG": "C.UTF-8"}, []string{"--lang", "ja"}, false},
	} {
		var stdout, stderr bytes.Buffer
		args := append([]string{"generate", "-o", t.TempDir(), "--as-of", "2026-01-01"}, tt.args...)
		err := run(context.Background(), args, env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr,
			getenv: func(k string) string { return tt.env[k] }, now: func() time.Time { return fixedNow }})
		if err != nil {
			t.Fatalf("env %v %v: %v", tt.env, tt.args, err)
		}
		if got := strings.Contains(stderr.String(), hint); got != tt.want {
			t.Errorf("env %v %v: hint printed %v, want %v; stderr:\n%s", tt.env, tt.args, got, tt.want, stderr.String())
		}
	}
}

// accountingRE matches the accounting line in English and in Japanese.
var accountingRE = regexp.MustCompile(`(\d+)(?: rows read, |行を読み込み、)(\d+)(?: used, |行を使用、)(\d+)(?: rejected|行を除外)`)

// checkAccounting checks the summary line: the counts expected, and read = used + rejected.
func checkAccounting(t *testing.T, stdout string, read, used, rejected int) {
	t.Helper()
	m := accountingRE.FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("no row accounting in stdout:\n%s", stdout)
	}
	r, _ := strconv.Atoi(m[1])
	u, _ := strconv.Atoi(m[2])
	j, _ := strconv.Atoi(m[3])
	if r != u+j {
		t.Errorf("rows read %d != used %d + rejected %d", r, u, j)
	}
	if r != read || u != used || j != rejected {
		t.Errorf("accounting %d/%d/%d, want %d/%d/%d", r, u, j, read, used, rejected)
	}
}

// TestAsOfSameBytes checks that generate --as-of gives byte-identical outputs on two runs,
// whatever the clock says, and that a bad --as-of is a usage error.
func TestAsOfSameBytes(t *testing.T) {
	var runs [2]map[string][]byte
	for i := range runs {
		out := t.TempDir()
		var o, e bytes.Buffer
		clock := fixedNow.Add(time.Duration(i) * 37 * time.Hour) // a different "now" each run
		err := run(context.Background(), []string{"generate", "-o", out, "--as-of", "2019-09-01"}, env{
			stdin: strings.NewReader(""), stdout: &o, stderr: &e,
			getenv: func(string) string { return "" }, now: func() time.Time { return clock },
		})
		if err != nil {
			t.Fatalf("run %d: %v\n%s", i, err, e.String())
		}
		runs[i] = map[string][]byte{}
		for _, name := range outputFiles(t, out) {
			b, err := os.ReadFile(filepath.Join(out, name))
			if err != nil {
				t.Fatal(err)
			}
			runs[i][name] = b
		}
	}
	if len(runs[0]) < 2 {
		t.Fatalf("outputs %d", len(runs[0]))
	}
	for name, b := range runs[0] {
		if !bytes.Equal(b, runs[1][name]) {
			t.Errorf("%s differs between two runs with the same --as-of", name)
		}
	}
	if !bytes.Contains(runs[0][chartsName], []byte("September 1, 2019")) {
		t.Errorf("the dashboard does not show the --as-of date as its generation date")
	}
	if r := runCmd(t, "", "generate", "--as-of", "yesterday"); r.status != 2 || !strings.Contains(r.stderr, `--as-of: "yesterday" is not a date`) {
		t.Errorf("bad --as-of: exit %d, stderr %q", r.status, r.stderr)
	}
}

// TestSampleWorkbook checks sample --format xlsx: the workbook reads back into the sample's
// scopes (the template into its row's), and offers the record types and certainties of its
// language in drop-downs on their columns, the certainty's strict.
func TestSampleWorkbook(t *testing.T) {
	want, err := inputtest.Read(bytes.NewReader(input.Sample()), input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args        []string
		scopes      []data.Scope
		types, cert string // the drop-downs' lists, as excelize gives them
	}{
		{[]string{"--lang", "ja"}, want.Scopes, `"個人情報,カード情報,アカウント情報,その他"`, `"確定,可能性"`},
		{[]string{"--template", "--lang", "en"}, want.Scopes[templateRow-1 : templateRow], `"personal,card,account,other"`, `"confirmed,suspected"`},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "template.xlsx")
			r := runCmd(t, "", append([]string{"sample", "--format", "xlsx", "-o", path}, tt.args...)...)
			if r.status != 0 || r.stdout != "wrote "+path+"\n" {
				t.Fatalf("exit %d, stdout %q, stderr %s", r.status, r.stdout, r.stderr)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			res, err := inputtest.Read(bytes.NewReader(b), input.Options{})
			if err != nil || len(res.Issues) != 0 {
				t.Fatalf("reads back with %v, issues %v", err, res.Issues)
			}
			for i := range res.Scopes {
				res.Scopes[i].Line = tt.scopes[i].Line
			}
			if !reflect.DeepEqual(res.Scopes, tt.scopes) {
				t.Errorf("reads back as %+v\nwant %+v", res.Scopes, tt.scopes)
			}
			f, err := excelize.OpenReader(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			dvs, err := f.GetDataValidations(res.Sheet)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, dv := range dvs {
				style := "stop" // Excel's default
				if dv.ErrorStyle != nil {
					style = *dv.ErrorStyle
				}
				got[dv.Sqref] = dv.Formula1 + " " + style
			}
			wantDV := map[string]string{"F2:F5001": tt.types + " warning", "G2:G5001": tt.cert + " stop"}
			if !reflect.DeepEqual(got, wantDV) {
				t.Errorf("drop-downs %v, want %v", got, wantDV)
			}
		})
	}
}

// TestSampleNote checks that generate without -i says it reports on the embedded sample, on
// a terminal only (a script that pipes stderr knows what it asked for), and not with -i.
func TestSampleNote(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in.csv")
	if err := os.WriteFile(in, input.Sample(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name     string
		terminal bool
		args     []string
		want     bool
	}{
		{"terminal", true, nil, true},
		{"terminal, Japanese", true, []string{"--lang", "ja"}, true},
		{"not a terminal", false, nil, false},
		{"terminal, -i", true, []string{"-i", in}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var errb bytes.Buffer
			args := append([]string{"generate", "-o", t.TempDir(), "--quiet"}, tt.args...)
			if _, status := runEnv(t, env{terminal: tt.terminal}, &errb, args...); status != 0 {
				t.Fatalf("exit %d: %s", status, errb.String())
			}
			note := "breachreport: " + sampleNote.En + "\n"
			if slices.Contains(tt.args, "ja") {
				note = "breachreport: " + sampleNote.Ja + "\n"
			}
			if got := strings.HasPrefix(errb.String(), note); got != tt.want {
				t.Errorf("stderr %q: note first %v, want %v", errb.String(), got, tt.want)
			}
		})
	}
}

// TestMessageLanguage checks the language of what the commands print: generate's follows
// its report's (--lang, else BREACHREPORT_LANG, else LC_ALL/LANG); validate's its own --lang,
// else the default language; errors at the end of a run included.
func TestMessageLanguage(t *testing.T) {
	const (
		enIssue  = `rejected: line 4, column organization (2), value "": organization is required`
		jaIssue  = `除外: 4行目、列「organization」（2列目）、値「」：組織名（organization）は必須です`
		enEnd    = "breachreport: 2 of 5 rows rejected"
		jaEnd    = "breachreport: 5行中2行を除外しました"
		enCount  = "5 rows read, 3 used, 2 rejected"
		jaCount  = "5行を読み込み、3行を使用、2行を除外"
		jaWrote  = "を書き出しました"
		badRows  = "testdata/bad-rows.csv"
		noFile   = "testdata/does-not-exist.csv"
		enNoFile = "breachreport: reading input: open testdata/does-not-exist.csv: no such file or directory"
		jaNoFile = "breachreport: 入力を読み込めません：open testdata/does-not-exist.csv: no such file or directory"
	)
	tests := []struct {
		name string
		env  map[string]string
		args []string
		ja   bool
	}{
		{"generate, Japanese locale", map[string]string{"LANG": "ja_JP.UTF-8"}, []string{"generate", "-i", badRows}, true},
		{"generate, LC_ALL over LANG", map[string]string{"LC_ALL": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"}, []string{"generate", "-i", badRows}, true},
		{"generate --lang en in a Japanese locale", map[string]string{"LANG": "ja_JP.UTF-8"}, []string{"generate", "-i", badRows, "--lang", "en"}, false},
		{"generate --lang ja", map[string]string{langEnv: "en"}, []string{"generate", "-i", badRows, "--lang", "ja"}, true},
		{"generate, BREACHREPORT_LANG over LANG", map[string]string{langEnv: "en", "LANG": "ja_JP.UTF-8"}, []string{"generate", "-i", badRows}, false},
		{"validate, Japanese locale", map[string]string{"LANG": "ja_JP.UTF-8"}, []string{"validate", "-i", badRows}, true},
		{"validate --lang en", map[string]string{langEnv: "ja"}, []string{"validate", "-i", badRows, "--lang", "en"}, false},
		{"validate --lang ja", map[string]string{langEnv: "en"}, []string{"validate", "-i", badRows, "--lang", "ja"}, true},
		{"generate, no such file", map[string]string{"LANG": "ja_JP.UTF-8"}, []string{"generate", "-i", noFile}, true},
		{"validate, no such file", map[string]string{langEnv: "en"}, []string{"validate", "-i", noFile}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := tt.args
			if args[0] == "generate" {
				args = append(args, "-o", t.TempDir(), "--as-of", "2026-01-01")
			}
			r := runCmdEnv(t, func(k string) string { return tt.env[k] }, "", args...)
			all := r.stdout + r.stderr
			want, not := []string{enIssue, enEnd, enCount}, []string{jaIssue, jaEnd, jaCount, jaWrote}
			if slices.Contains(tt.args, noFile) {
				want, not = []string{enNoFile}, []string{jaNoFile}
			}
			if tt.ja {
				want, not = not, want
				if slices.Contains(tt.args, noFile) {
					want = []string{jaNoFile}
				} else if tt.args[0] == "validate" {
					want = want[:3] // validate writes nothing
				}
			}
			for _, w := range want {
				if !strings.Contains(all, w) {
					t.Errorf("output lacks %q:\n%s", w, all)
				}
			}
			for _, n := range not {
				if strings.Contains(all, n) {
					t.Errorf("output has %q:\n%s", n, all)
				}
			}
		})
	}
}
