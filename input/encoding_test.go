package input

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"breachreport/data"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

// seedRecords is a seed-like input with Japanese headers: double-byte and half-width
// katakana, a trail byte 0x5C (ソ, 表), NEC special characters (①), a quoted field with a
// delimiter and one spanning two lines, so that later line numbers are physical.
var seedRecords = [][]string{
	{"事案ID", "企業名", "サービス名", "漏えい情報", "確度", "件数", "漏えい開始日", "漏えい終了日", "発覚日", "公表日", "備考"},
	{"sanpo-create-2019", "株式会社サンポークリエイト", "ｱﾈﾓﾈ", "個人情報", "可能性", "41,355", "", "", "2018/12/27", "2019年6月4日", "ソフト表示①"},
	{"sanpo-create-2019", "株式会社サンポークリエイト", "ｱﾈﾓﾈ", "クレジットカード情報", "可能性", "2606", "2018-09-03", "2018-12-27", "2018-12-27", "2019-06-04", "二行の\n備考; タブなし"},
	{"omochabako-2019", "株式会社おもちゃ箱", "omochabakoWEBSTORE", "カード情報", "確認", "210", "2019-01-31", "2019-03-08", "2019-03-11", "2019-08-06", ""},
	{"omochabako-2019", "株式会社おもちゃ箱", "omochabakoWEBSTORE", "カード情報", "疑い", "40233", "2016-02-03", "2019-03-11", "2019-03-11", "2019-08-06", "最終行"},
}

// csvText writes records as CSV with the delimiter given, and CRLF line ends if crlf.
func csvText(t *testing.T, records [][]string, delim rune, crlf bool) string {
	t.Helper()
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Comma, w.UseCRLF = delim, crlf
	if err := w.WriteAll(records); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

var (
	shiftJIS = japanese.ShiftJIS
	utf16LE  = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM) // writes a BOM
	utf16BE  = unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	utf16LEn = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM) // writes none
	utf16BEn = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
)

// encode encodes UTF-8 text with enc (nil: leaves it UTF-8).
func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	if enc == nil {
		return []byte(s)
	}
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding the fixture: %v", err)
	}
	return b
}

func readBytes(t *testing.T, b []byte, opts Options) *Result {
	t.Helper()
	opts.Now = testNow
	res, err := Read(bytes.NewReader(b), opts)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if res.RowsRead != len(res.Scopes)+res.RowsRejected {
		t.Fatalf("rows read %d != used %d + rejected %d", res.RowsRead, len(res.Scopes), res.RowsRejected)
	}
	return res
}

func TestReadEncodingsAndDelimiters(t *testing.T) {
	comma := csvText(t, seedRecords, ',', false)
	want := readBytes(t, []byte(comma), Options{})
	if len(want.Scopes) != 4 || len(want.Issues) != 0 || want.Encoding != EncodingUTF8 || want.Delimiter != ',' {
		t.Fatalf("UTF-8 original: %d scopes, issues %v, %s, %q", len(want.Scopes), want.Issues, want.Encoding, want.Delimiter)
	}
	if got := want.Scopes[3].Line; got != 6 {
		t.Fatalf("last row on line %d, want 6 (the quoted field spans two lines)", got)
	}
	tests := []struct {
		name      string
		in        []byte
		opts      Options
		wantEnc   string
		wantDelim rune
	}{
		{"UTF-8 with BOM", append([]byte("\xEF\xBB\xBF"), comma...), Options{}, EncodingUTF8, ','},
		{"UTF-8, semicolons", []byte(csvText(t, seedRecords, ';', false)), Options{}, EncodingUTF8, ';'},
		{"UTF-8, tabs, CRLF", []byte(csvText(t, seedRecords, '\t', true)), Options{}, EncodingUTF8, '\t'},
		{"Shift_JIS", encode(t, shiftJIS, comma), Options{}, EncodingShiftJIS, ','},
		{"Shift_JIS, CRLF (as Excel saves CSV)", encode(t, shiftJIS, csvText(t, seedRecords, ',', true)), Options{}, EncodingShiftJIS, ','},
		{"Shift_JIS, semicolons", encode(t, shiftJIS, csvText(t, seedRecords, ';', false)), Options{}, EncodingShiftJIS, ';'},
		{"Shift_JIS given as shift_jis", encode(t, shiftJIS, comma), Options{Encoding: "shift_jis"}, EncodingShiftJIS, ','},
		{"Shift_JIS given as CP932", encode(t, shiftJIS, comma), Options{Encoding: "CP932"}, EncodingShiftJIS, ','},
		{"UTF-16LE with BOM, tabs, CRLF (Excel's Unicode text)", encode(t, utf16LE, csvText(t, seedRecords, '\t', true)), Options{}, EncodingUTF16LE, '\t'},
		{"UTF-16BE with BOM", encode(t, utf16BE, comma), Options{}, EncodingUTF16BE, ','},
		{"UTF-16LE with BOM given as utf-16le", encode(t, utf16LE, comma), Options{Encoding: "UTF-16LE"}, EncodingUTF16LE, ','},
		{"UTF-16LE without BOM given as utf-16le", encode(t, utf16LEn, comma), Options{Encoding: "utf-16le"}, EncodingUTF16LE, ','},
		{"UTF-16BE without BOM given as utf-16be, tabs", encode(t, utf16BEn, csvText(t, seedRecords, '\t', true)), Options{Encoding: "utf-16be"}, EncodingUTF16BE, '\t'},
		{"UTF-8 given as utf-8", []byte(comma), Options{Encoding: "utf8"}, EncodingUTF8, ','},
		{"semicolons given", []byte(csvText(t, seedRecords, ';', false)), Options{Delimiter: ';'}, EncodingUTF8, ';'},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := readBytes(t, tt.in, tt.opts)
			if res.Encoding != tt.wantEnc || res.Delimiter != tt.wantDelim {
				t.Errorf("read as %s, %q; want %s, %q", res.Encoding, res.Delimiter, tt.wantEnc, tt.wantDelim)
			}
			if len(res.Issues) != 0 {
				t.Errorf("issues: %v", res.Issues)
			}
			if !reflect.DeepEqual(res.Scopes, want.Scopes) {
				t.Errorf("scopes differ from the UTF-8 original:\n got %+v\nwant %+v", res.Scopes, want.Scopes)
			}
			if !reflect.DeepEqual(res.Layout.Header, want.Layout.Header) {
				t.Errorf("header %q, want %q", res.Layout.Header, want.Layout.Header)
			}
		})
	}
}

func TestReadUndecodableBytes(t *testing.T) {
	// The bad bytes replace the placeholder ＠ after encoding, so that each fixture is the
	// seed file with one broken sequence.
	const at = "＠"
	withBad := func(enc encoding.Encoding, records [][]string, bad string) []byte {
		b := encode(t, enc, csvText(t, records, ',', false))
		p := encode(t, enc, at)
		if enc == utf16LE {
			p = p[2:] // no BOM
		}
		if bytes.Count(b, p) != 1 {
			t.Fatalf("placeholder found %d times", bytes.Count(b, p))
		}
		return bytes.Replace(b, p, []byte(bad), 1)
	}
	set := func(row, col int, v string) [][]string {
		rs := make([][]string, len(seedRecords))
		for i := range seedRecords {
			rs[i] = append([]string(nil), seedRecords[i]...)
		}
		rs[row][col] = v
		return rs
	}
	type want struct {
		line   int
		header string
		index  int
		value  string
	}
	tests := []struct {
		name     string
		in       []byte
		wantEnc  string
		wantUsed int
		want     []want
	}{
		{
			name:     "Shift_JIS: lead byte with a trail no character has, on line 3",
			in:       withBad(shiftJIS, set(2, 1, "株式会社"+at+"サンポー"), "\x82\xff"),
			wantEnc:  EncodingShiftJIS,
			wantUsed: 3,
			want:     []want{{3, "企業名", 2, `株式会社\x82\xffサンポー`}},
		},
		{
			name:     "Shift_JIS: lead byte before an ASCII delimiter keeps the fields apart",
			in:       withBad(shiftJIS, set(2, 2, "ｱﾈﾓﾈ"+at), "\x82"),
			wantEnc:  EncodingShiftJIS,
			wantUsed: 3,
			want:     []want{{3, "サービス名", 3, `ｱﾈﾓﾈ\x82`}},
		},
		{
			name:     "Shift_JIS: bad bytes after a two-line field are on the physical line",
			in:       withBad(shiftJIS, set(3, 1, at), "\xfd\xfe"),
			wantEnc:  EncodingShiftJIS,
			wantUsed: 3,
			want:     []want{{5, "企業名", 2, `\xfd\xfe`}},
		},
		{
			name:     "Shift_JIS: a code no character has (0xEB40)",
			in:       withBad(shiftJIS, set(1, 10, "備考"+at), "\xeb\x40"),
			wantEnc:  EncodingShiftJIS,
			wantUsed: 3,
			want:     []want{{2, "備考", 11, `備考\xeb@`}},
		},
		{
			name: "Shift_JIS: truncated character at the end of the file",
			in: append(bytes.TrimSuffix(encode(t, shiftJIS, csvText(t, seedRecords, ',', false)), []byte("\n")),
				0x82),
			wantEnc:  EncodingShiftJIS,
			wantUsed: 3,
			want:     []want{{6, "備考", 11, `最終行\x82`}},
		},
		{
			name:     "UTF-16LE: a lone surrogate",
			in:       withBad(utf16LE, set(4, 2, "web"+at), "\x00\xd8"),
			wantEnc:  EncodingUTF16LE,
			wantUsed: 3,
			want:     []want{{6, "サービス名", 3, `web\x00\xd8`}},
		},
		{
			// U+FFFD written in the file is text like any other, and does not shift which
			// U+FFFD stands for the bad bytes.
			name:     "UTF-16LE: a real U+FFFD is kept, a lone surrogate after it is not",
			in:       withBad(utf16LE, set(4, 2, "\uFFFD"+at+"\uFFFD"), "\x00\xdc"),
			wantEnc:  EncodingUTF16LE,
			wantUsed: 3,
			want:     []want{{6, "サービス名", 3, "\uFFFD" + `\x00\xdc` + "\uFFFD"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := readBytes(t, tt.in, Options{})
			if res.Encoding != tt.wantEnc {
				t.Errorf("read as %s, want %s", res.Encoding, tt.wantEnc)
			}
			if len(res.Scopes) != tt.wantUsed {
				t.Errorf("used %d rows, want %d", len(res.Scopes), tt.wantUsed)
			}
			var rejected []data.Issue
			for _, is := range res.Issues {
				if is.Severity == data.Rejected && strings.Contains(is.Message.String(), "not valid "+tt.wantEnc) {
					rejected = append(rejected, is)
				}
			}
			if len(rejected) != len(tt.want) {
				t.Fatalf("decoding rejections %v, want %d (all issues %v)", rejected, len(tt.want), res.Issues)
			}
			for i, w := range tt.want {
				got := rejected[i]
				if got.Line != w.line || got.Header != w.header || got.ColumnIndex != w.index || got.Value != w.value {
					t.Errorf("issue = %+v\nwant %+v", got, w)
				}
			}
		})
	}
}

func TestReadOddByteAtEndOfUTF16(t *testing.T) {
	// The odd byte makes a row of its own, of one field.
	in := append(encode(t, utf16BE, csvText(t, seedRecords, ',', false)), 0xD8)
	res := readBytes(t, in, Options{})
	if len(res.Scopes) != 4 || res.RowsRejected != 1 || len(res.Issues) != 1 {
		t.Fatalf("used %d, rejected %d, issues %v", len(res.Scopes), res.RowsRejected, res.Issues)
	}
	if is := res.Issues[0]; is.Line != 7 || is.Value != `\xd8` || !strings.Contains(is.Message.String(), "1 fields but the header has 11") {
		t.Errorf("issue %v", is)
	}
}

func TestReadEncodingErrors(t *testing.T) {
	comma := csvText(t, seedRecords, ',', false)
	tests := []struct {
		name     string
		in       []byte
		opts     Options
		wantErr  error
		wantText []string
	}{
		{"unknown encoding name", []byte(comma), Options{Encoding: "euc-jp"}, ErrUnknownEncoding, []string{`"euc-jp"`, "shift_jis", "windows-1252"}},
		{"delimiter that cannot be one", []byte(comma), Options{Delimiter: '"'}, ErrBadDelimiter, nil},
		{"UTF-8 given as UTF-16LE", []byte(comma), Options{Encoding: "utf-16le"}, ErrEncoding,
			[]string{"the encoding given is UTF-16LE", "no byte-order mark and not the NUL bytes that UTF-16LE text has", "it is not UTF-16LE; leave the encoding out"}},
		{"ASCII given as UTF-16BE", []byte("organization,records\nA,1\n"), Options{Encoding: "utf-16be"}, ErrEncoding,
			[]string{"it is not UTF-16BE"}},
		{"UTF-16LE without BOM given as UTF-16BE", encode(t, utf16LEn, comma), Options{Encoding: "utf-16be"}, ErrEncoding,
			[]string{"the encoding given is UTF-16BE", "its NUL bytes are where UTF-16LE has them", "is it UTF-16LE (utf-16le)?"}},
		{"Shift_JIS read as UTF-8: the header is not UTF-8", encode(t, shiftJIS, comma), Options{Encoding: "utf-8"}, nil,
			[]string{"line 1", "not valid UTF-8"}},
		{"Shift_JIS given as UTF-16BE", encode(t, shiftJIS, comma), Options{Encoding: "utf-16be"}, ErrEncoding,
			[]string{"it is not UTF-16BE"}},
		{"UTF-16LE BOM but utf-8 given", encode(t, utf16LE, comma), Options{Encoding: "utf-8"}, ErrEncoding,
			[]string{"byte-order mark of UTF-16LE", "given is UTF-8"}},
		{"UTF-8 BOM but shift_jis given", append([]byte("\xEF\xBB\xBF"), comma...), Options{Encoding: "sjis"}, ErrEncoding,
			[]string{"byte-order mark of UTF-8"}},
		{"UTF-16 without BOM is not guessed", encode(t, utf16LEn, comma), Options{}, ErrEncoding,
			[]string{"NUL bytes", "utf-16le"}},
		{"a broken .xlsx workbook", []byte("PK\x03\x04\x14\x00\x06\x00"), Options{}, ErrWorkbook, []string{"starts like an .xlsx workbook", "not a valid zip"}},
		{"neither UTF-8 nor Shift_JIS", bytes.Repeat([]byte("organization\x82\xa0\xff\n"), 20), Options{}, ErrEncoding,
			[]string{"neither UTF-8 nor Shift_JIS", "60 byte sequences that are not UTF-8 and 20 that are not Shift_JIS"}},
		{"two delimiters split the header and the rows alike", []byte("organization,records;notes,x\nA,1;n,y\n"), Options{}, ErrDelimiter,
			[]string{"more than one delimiter", "comma splits the header into 3 fields", "semicolon splits the header into 2 fields", "name it: comma, tab or semicolon"}},
		{"the header split by commas, the rows by semicolons", []byte("organization,records,disclosed\nA;1;2019-06-04\nB;2;2019-06-05\n"), Options{}, ErrDelimiter,
			[]string{"split by different delimiters", "semicolon splits 2 of the 2 rows"}},
		{"one column, no delimiter: the column missing, not the delimiter", []byte("notes\nFoo, Inc.\nBar\n"), Options{}, ErrMissingCol,
			[]string{"line 1", "missing required column: organization", `the header found has "notes"`}},
		{"a delimiter given is not second-guessed", []byte("organization,records;notes,x\nA,1;n,y\n"), Options{Delimiter: ';'}, ErrMissingCol,
			[]string{`"organization,records"`, "read as UTF-8, semicolon-separated"}},
		{"bad bytes in a Shift_JIS header", append(encode(t, shiftJIS, "事案ID,企業名"), "\x82\xff\n"...), Options{}, ErrEncoding,
			[]string{"line 1", `header "企業名\x82\xff" holds bytes that are not valid Shift_JIS`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(bytes.NewReader(tt.in), tt.opts)
			if err == nil {
				t.Fatalf("no error; read as %s with %d scopes, issues %v", res.Encoding, len(res.Scopes), res.Issues)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("err = %v, want %v", err, tt.wantErr)
			}
			for _, s := range tt.wantText {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not mention %q", err, s)
				}
			}
		})
	}
}

// TestReadDelimiterFromRows reads files whose header alone would mislead the delimiter:
// commas in the header names of a semicolon file, in Shift_JIS too.
func TestReadDelimiterFromRows(t *testing.T) {
	text := "organization;disclosed;remarks, if any;records, approx.\n株式会社A;2019-06-04;x;1\nB;2020-01-02;y;2\n"
	for _, in := range [][]byte{[]byte(text), encode(t, shiftJIS, text)} {
		res := readBytes(t, in, Options{})
		if res.Delimiter != ';' || len(res.Scopes) != 2 || len(res.Issues) != 0 {
			t.Fatalf("read as %s, %q: %d scopes, issues %v", res.Encoding, res.Delimiter, len(res.Scopes), res.Issues)
		}
		if got := res.Layout.Extra(); !reflect.DeepEqual(got, []string{"remarks, if any", "records, approx."}) {
			t.Errorf("extra columns %q", got)
		}
	}
}

// TestReadLargeShiftJIS reads a file far larger than what detection looks at, one byte at a
// time, so that characters are cut at every boundary, with a bad sequence near the end.
func TestReadLargeShiftJIS(t *testing.T) {
	records := [][]string{seedRecords[0]}
	for i := 0; i < 2000; i++ {
		records = append(records, seedRecords[1+i%4])
	}
	records[1900] = append([]string(nil), records[1900]...)
	records[1900][1] = "＠"
	b := encode(t, shiftJIS, csvText(t, records, ',', true))
	b = bytes.Replace(b, encode(t, shiftJIS, "＠"), []byte("\x81\x7f"), 1)
	res, err := Read(iotest.OneByteReader(bytes.NewReader(b)), Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if res.Encoding != EncodingShiftJIS || len(res.Scopes) != 1999 || res.RowsRejected != 1 {
		t.Fatalf("%s: used %d, rejected %d, issues %v", res.Encoding, len(res.Scopes), res.RowsRejected, res.Issues)
	}
	// Rows 1 to 1899 each take a line, and one row in four takes two.
	wantLine := 1 + 1900 + 475 // header, rows 1 to 1900, one more line for 475 of them
	if is := res.Issues[0]; is.Line != wantLine || is.Value != `\x81\x7f` {
		t.Errorf("issue %+v, want line %d", is, wantLine)
	}
}

// TestSniffAtPrefixBoundary checks that a character cut by the end of the bytes looked at
// does not count against the encoding it is in.
func TestSniffAtPrefixBoundary(t *testing.T) {
	for _, tt := range []struct {
		name string
		enc  encoding.Encoding
		char string
		want string
	}{
		{"UTF-8", nil, "あ", EncodingUTF8},
		{"Shift_JIS", shiftJIS, "あ", EncodingShiftJIS},
	} {
		t.Run(tt.name, func(t *testing.T) {
			head := []byte("organization,disclosed,notes\nExample Co.,2019-06-04,")
			c := encode(t, tt.enc, tt.char)
			if tt.enc == shiftJIS {
				head = append(head, c...) // some evidence of Shift_JIS before the cut
			}
			for len(head) < sniffSize-1 {
				head = append(head, 'x')
			}
			in := append(append(head, c...), '\n')
			if got, err := sniffEncoding(in[:sniffSize], false); got != tt.want || err != nil {
				t.Errorf("sniffEncoding = %s, %v; want %s", got, err, tt.want)
			}
			res := readBytes(t, in, Options{})
			if res.Encoding != tt.want || len(res.Scopes) != 1 || len(res.Issues) != 0 {
				t.Errorf("read as %s, %d scopes, issues %v", res.Encoding, len(res.Scopes), res.Issues)
			}
		})
	}
}

func TestSniffEncoding(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"ASCII", "organization,records\nA,1\n", EncodingUTF8},
		{"UTF-8", "企業名,件数\n株式会社,1\n", EncodingUTF8},
		{"Shift_JIS", "\x8a\xe9\x8b\xc6\x96\xbc,records\n\x82\xa0\x82\xa2,1\n", EncodingShiftJIS},
		{"ASCII with one Latin-1 letter: Windows-1252", "organization\nCaf\xe9\n", EncodingWindows1252},
		{"UTF-8 with one Latin-1 byte: UTF-8, the row is rejected", "organization\nCaf\xe9\nカフェ\n", EncodingUTF8},
		{"UTF-8 text with one bad byte", "企業名,件数\n株式会社\xff,1\nおもちゃ箱,2\n", EncodingUTF8},
		{"Shift_JIS text with one bad byte", "\x8a\xe9\x8b\xc6\x96\xbc\n\x82\xa0\x82\xa2\x82\xa4\x82\xa6\x82\xa8\x82\xff\n", EncodingShiftJIS},
		{"a real U+FFFD is UTF-8", "organization\n\uFFFD\n", EncodingUTF8},
		{"ASCII with a stray 0xFF in the header: UTF-8", "organization,records\xff\nExample,10\n", EncodingUTF8},
		{"ASCII with a stray 0xFF in a row: UTF-8", "organization,records\nExample\xff,10\nOther,2\n", EncodingUTF8},
		{"ÿ beside other Latin-1 letters: Windows-1252", "organization\nHa\xff-les-Roses M\xfcller\n", EncodingWindows1252},
		{"Latin-1 letters and typographic quotes beside one undefined 0x9D: Windows-1252",
			"organization,notes\nCaf\xe9 na\xefve,\x93stolen\x94 laptop\nM\xfcller,Z\xfcrich \x9d office\nSoci\xe9t\xe9,G\xe9n\xe9rale\n", EncodingWindows1252},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sniffEncoding([]byte(tt.in), true)
			if got != tt.want || err != nil {
				t.Errorf("sniffEncoding = %q, %v; want %s", got, err, tt.want)
			}
		})
	}
}

func TestSniffDelimiter(t *testing.T) {
	rows := func(line string, n int) string { return strings.Repeat(line, n) }
	tests := []struct {
		name  string
		in    string
		atEOF bool
		want  rune // 0: ErrDelimiter
		text  []string
	}{
		{"comma", "a,b,c\n1,2,3\n", true, ',', nil},
		{"tab", "a\tb\tc\n1\t2\t3\n", true, '\t', nil},
		{"semicolon", "企業名;件数;公表日\nA;1;2019-06-04\n", true, ';', nil},
		{"header only", "a;b;c\n", true, ';', nil},
		{"semicolons with decimal commas", "organization;records;share\nA;1;1,5\nB;2;2,25\n", true, ';', nil},
		{"tabs with commas in the values", "organization\trecords\tnotes\nA\t1\tx, y\nB\t2\tz, w, v\n", true, '\t', nil},
		{"commas in the header names of a semicolon file", "organization;date, detected;date, disclosed\nA;2019-06-01;2019-06-04\nB;2020-01-01;2020-01-02\n", true, ';', nil},
		{"delimiters inside quotes do not count", "\"a,b,c,d\"\t\"e,f\"\tg\n\"1,2\"\t3\t4\n", true, '\t', nil},
		{"quoted line break in the header", "\"a;\nb;c\",d,e\n1,2,3\n", true, ',', nil},
		{"blank lines before the header", "\n  \r\n,,,\n;;\na;b\n1;2\n", true, ';', nil},
		{"blank rows between the rows", "a,b\n\n1,2\n,\n3,4\n", true, ',', nil},
		{"one broken row in ten is rejected later", "a,b,c\n" + rows("1,2,3\n", 8) + "1,2,3,4\n1,2,3\n", true, ',', nil},
		{"broken rows are rejected later when only one delimiter splits the header", "a,b,c\n1,2,3\n1,2\n\"x,4\n", true, ',', nil},
		{"only the first 20 records count", "a,b\n" + rows("1,2\n", 19) + rows("1;2\n", 10), true, ',', nil},
		{"the last line cut by the end of the text looked at", "a,b\n1,2\n\"x\ny,z", false, ',', nil},
		{"one column", "organization\nAcme\n", true, ',', nil},
		{"one column with commas in the values", "organization\nFoo, Inc.\n", true, ',', nil},
		{"empty", "", true, ',', nil},
		{"comma and semicolon both consistent", "a,b;c,d\n1,2;3,4\n", true, 0,
			[]string{"more than one delimiter", "comma splits the header into 3 fields and 1 of the 1 rows after it alike", "semicolon splits the header into 2 fields", "name it: comma, tab or semicolon"}},
		{"a header with two of them and no rows", "a,b;c\n", true, 0, []string{"more than one delimiter"}},
		{"header by comma, rows by semicolon", "a,b,c\n1;2;3\n4;5;6\n", true, 0,
			[]string{"split by different delimiters", "comma splits the header into 3 fields and 0 of the 2 rows after it alike",
				"tab does not split the header", "semicolon splits 2 of the 2 rows after the header into 3 fields but does not split the header"}},
		{"header split by two, rows by neither", "a,b;c\n1\n2\n", true, 0, []string{"no delimiter splits"}},
		{"quoting that only one delimiter reads", "\"a,b\"\tc\n\"1,2\"\t3\n", true, '\t', nil},
		{"quoting broken by a delimiter", "\"a,b\"\tc\n1;2\n", true, 0, []string{"split by different delimiters", "comma breaks the header's quoting", "tab splits the header into 2 fields and 0 of the 1 rows",
			"semicolon splits 1 of the 1 rows after the header into 2 fields but breaks the header's quoting"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sniffDelimiter([]byte(tt.in), tt.atEOF)
			if tt.want != 0 {
				if got != tt.want || err != nil {
					t.Errorf("sniffDelimiter = %q, %v; want %q", got, err, tt.want)
				}
				return
			}
			if !errors.Is(err, ErrDelimiter) {
				t.Fatalf("sniffDelimiter = %q, %v; want ErrDelimiter", got, err)
			}
			for _, s := range tt.text {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not mention %q", err, s)
				}
			}
		})
	}
}

func TestParseEncoding(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"", "", true},
		{"utf-8", EncodingUTF8, true},
		{"UTF8", EncodingUTF8, true},
		{"utf-16le", EncodingUTF16LE, true},
		{"UTF-16BE", EncodingUTF16BE, true},
		{"shift_jis", EncodingShiftJIS, true},
		{"Shift-JIS", EncodingShiftJIS, true},
		{"sjis", EncodingShiftJIS, true},
		{"CP932", EncodingShiftJIS, true},
		{"windows-1252", EncodingWindows1252, true},
		{"CP1252", EncodingWindows1252, true},
		{"latin1", EncodingWindows1252, true},
		{"ISO-8859-1", EncodingWindows1252, true},
		{"iso_8859_1", EncodingWindows1252, true},
		{"utf-16", "", false},
		{"euc-jp", "", false},
	}
	for _, tt := range tests {
		got, err := ParseEncoding(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseEncoding(%q) = %q, %v; want %q (ok %v)", tt.in, got, err, tt.want, tt.ok)
		}
		if err != nil && !errors.Is(err, ErrUnknownEncoding) {
			t.Errorf("ParseEncoding(%q) error %v is not ErrUnknownEncoding", tt.in, err)
		}
	}
}

// TestSniffShiftJISOrWindows1252 checks that text that is not UTF-8 is read as Shift_JIS or
// Windows-1252 only on clear evidence, and refused otherwise, never Western European text
// read as Shift_JIS. Hard cases are marked: hard means Windows-1252 codes every byte and the
// Shift_JIS reading has no bad byte either, so only the evidence can tell them apart.
func TestSniffShiftJISOrWindows1252(t *testing.T) {
	const hdr = "organization,city,records,disclosed\n"
	tests := []struct {
		name string
		enc  encoding.Encoding
		text string
		hard bool
		want string // "" for the error that asks for the encoding
	}{
		{"the seed file", shiftJIS, csvText(t, seedRecords, ',', true), false, EncodingShiftJIS},
		{"the sample", shiftJIS, string(Sample()), false, EncodingShiftJIS},
		{"kanji company names only, English header", shiftJIS,
			hdr + "株式会社東芝,東京,100,2019-06-04\n日本電気株式会社,東京,2,2020-01-01\n富士通株式会社,Kawasaki,3,2020-02-02\n三菱電機株式会社,東京,4,2021-03-03\n", true, EncodingShiftJIS},
		{"one kanji company name", shiftJIS, hdr + "株式会社東芝,Tokyo,100,2019-06-04\n", true, EncodingShiftJIS},
		{"Japanese dates and counts only", shiftJIS,
			hdr + "Example Co.,Tokyo,4万,2019年6月4日\nAcme,Osaka,41355,2020年1月20日\n", true, EncodingShiftJIS},
		{"Japanese header, ASCII rows", shiftJIS, "企業名,件数,公表日\nAcme,1,2019-06-04\nBeta,2,2020-01-02\n", false, EncodingShiftJIS},
		{"half-width katakana service names", shiftJIS, "organization,service\nAcme,ｱﾈﾓﾈ\nBeta,ｵﾓﾁｬﾊﾞｺ\n", true, EncodingShiftJIS},
		{"kana", shiftJIS, "organization,notes\nAcme,カード情報\n", false, EncodingShiftJIS},

		{"German, French and Swiss names", charmap.Windows1252,
			hdr + "Müller GmbH,Zürich,100,2019-06-04\nSociété Générale,Paris,2,2020-01-01\nNestlé S.A.,Vevey,3,2021-02-02\n", false, EncodingWindows1252},
		{"accents that all decode as Shift_JIS kanji", charmap.Windows1252,
			hdr + "Générale,Bélgica,1,2019-06-04\nCrèmerie,Orléans,2,2020-01-01\n", true, EncodingWindows1252},
		{"Portuguese ção", charmap.Windows1252, hdr + "Informação Ltda,Lisboa,1,2019-06-04\n", true, EncodingWindows1252},
		{"typographic quotes", charmap.Windows1252, hdr + "L’Oréal,Clichy,1,2019-06-04\n“Ørsted” A/S,Fredericia,2,2020-01-01\n", false, EncodingWindows1252},
		{"upper-case accents", charmap.Windows1252, hdr + "MÜNCHENER RÜCK,MÜNCHEN,1,2019-06-04\n", true, EncodingWindows1252},

		{"only a euro sign: no evidence either way", charmap.Windows1252, "organization,notes\nAcme,€100\n", true, ""},
		{"as much Japanese-looking as European-looking", nil, "", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := encode(t, tt.enc, tt.text)
			if tt.enc == nil { // a kanji run in Shift_JIS beside two accented letters in Windows-1252
				b = append(encode(t, shiftJIS, "organization,notes\n株式会社,"), encode(t, charmap.Windows1252, "Générale\n")...)
			}
			_, uncoded := latinEvidence(b)
			hard := uncoded == 0 && countUndecodable(b, true, newCharDecoder(EncodingShiftJIS)) == 0
			if hard != tt.hard {
				t.Fatalf("fixture hard = %v, want %v: the case does not test what it says", hard, tt.hard)
			}
			got, err := sniffEncoding(b, true)
			if tt.want != "" {
				if got != tt.want || err != nil {
					t.Fatalf("sniffEncoding = %q, %v; want %s", got, err, tt.want)
				}
				res := readBytes(t, b, Options{})
				if res.Encoding != tt.want || res.RowsRejected != 0 {
					t.Fatalf("read as %s with %d rows rejected: %v", res.Encoding, res.RowsRejected, res.Issues)
				}
				return
			}
			if got != "" || !errors.Is(err, ErrEncoding) {
				t.Fatalf("sniffEncoding = %q, %v; want an ErrEncoding", got, err)
			}
			for _, s := range []string{"could be Shift_JIS", "name it, shift_jis or windows-1252", "shift_jis or windows-1252", "line 2 reads"} {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not mention %q", err, s)
				}
			}
		})
	}
}

// TestReadWindows1252 reads a Western European list detected, given, and refused when it
// could be Japanese, and checks the values are the letters written.
func TestReadWindows1252(t *testing.T) {
	text := "organization,service,records,disclosed\nMüller GmbH,Zürich Shop,1,2019-06-04\nSociété Générale,Crèmerie,2,2020-01-01\n"
	b := encode(t, charmap.Windows1252, text)
	for _, name := range []string{"", "windows-1252", "latin1", "ISO-8859-1", "cp1252"} {
		res := readBytes(t, b, Options{Encoding: name})
		if res.Encoding != EncodingWindows1252 || len(res.Scopes) != 2 || len(res.Issues) != 0 {
			t.Fatalf("--encoding %q: read as %s, %d scopes, issues %v", name, res.Encoding, len(res.Scopes), res.Issues)
		}
		if got := []string{res.Scopes[0].Organization, res.Scopes[0].Service, res.Scopes[1].Organization, res.Scopes[1].Service}; !reflect.DeepEqual(got,
			[]string{"Müller GmbH", "Zürich Shop", "Société Générale", "Crèmerie"}) {
			t.Errorf("--encoding %q: values %q", name, got)
		}
	}
	// The bytes Windows-1252 does not code read as C1 controls, as Excel reads them, which
	// cell text loses with a warning that shows the value as read.
	res := readBytes(t, append(b, "Acme\x81,Shop\x9d,3,2021-01-01\n"...), Options{Encoding: "windows-1252"})
	if res.RowsRejected != 0 || len(res.Scopes) != 3 || res.Scopes[2].Organization != "Acme" || res.Scopes[2].Service != "Shop" || len(res.Issues) != 2 {
		t.Fatalf("uncoded bytes: rejected %d, scopes %+v, issues %v", res.RowsRejected, res.Scopes, res.Issues)
	}
	for i, want := range []string{`Acme\u0081`, `Shop\u009d`} {
		if is := res.Issues[i]; is.Kind != data.KindControlChar || is.Severity != data.Warning || is.Line != 4 || is.Value != want ||
			!strings.Contains(is.Message.String(), "bytes that Windows-1252 does not define") {
			t.Errorf("uncoded byte: issue %+v, want a warning on line 4 with value %s", is, want)
		}
	}
	// In the header too: the name is recognised without the control.
	res = readBytes(t, []byte("organiz\x9dation,records,disclosed\nM\xfcller,1,2021-01-01\n"), Options{Encoding: "windows-1252"})
	if len(res.Scopes) != 1 || res.Scopes[0].Organization != "Müller" || len(res.Issues) != 1 || res.Issues[0].Line != 1 || res.Issues[0].Value != `organiz\u009dation` ||
		!strings.Contains(res.Issues[0].Message.String(), "does not define") || !strings.HasSuffix(res.Issues[0].Message.String(), "(in the header)") {
		t.Errorf("uncoded byte in the header: scopes %+v, issues %v", res.Scopes, res.Issues)
	}
	// UTF-8 further on, beyond what detection looks at, rejects its row rather than read
	// as Ã©; one byte at a time, so that the character is cut at every boundary.
	long := append(bytes.Clone(b), encode(t, charmap.Windows1252, strings.Repeat("Zürcher AG,Shop,4,2021-01-01\n", 3000))...)
	long = append(long, "Caf\xc3\xa9 UTF-8,Shop,5,2021-01-01\n"...)
	res, err := Read(iotest.OneByteReader(bytes.NewReader(long)), Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if res.Encoding != EncodingWindows1252 || len(res.Scopes) != 3002 || res.RowsRejected != 1 || len(res.Issues) != 1 {
		t.Fatalf("mixed: read as %s, %d scopes, %d rejected, issues %v", res.Encoding, len(res.Scopes), res.RowsRejected, res.Issues)
	}
	if is := res.Issues[0]; is.Line != 3004 || is.Value != `Caf\xc3\xa9 UTF-8` || !strings.Contains(is.Message.String(), "a file that mixes UTF-8 into Windows-1252") {
		t.Errorf("mixed: issue %+v", is)
	}
	if res.Scopes[2].Organization != "Zürcher AG" {
		t.Errorf("mixed: %q", res.Scopes[2].Organization)
	}
	// Shift_JIS given reads the kanji that the bytes make there; it is the user's word.
	if res := readBytes(t, encode(t, charmap.Windows1252, "organization\nGénérale\n"), Options{Encoding: "shift_jis"}); res.Scopes[0].Organization != "G駭駻ale" {
		t.Errorf("read as Shift_JIS: %q", res.Scopes[0].Organization)
	}
	// The line shown both ways is named as a text editor numbers it, whatever the line ends.
	for _, tc := range []struct{ text, line string }{
		{"organization,notes\nAcme,€100\n", "line 2"},
		{"organization,notes\r\rAcme,€100\r", "line 3"},
		{"organization,notes\r\n\r\nAcme,€100\r\n", "line 3"},
	} {
		_, err = Read(bytes.NewReader(encode(t, charmap.Windows1252, tc.text)), Options{})
		if !errors.Is(err, ErrEncoding) || !strings.Contains(err.Error(), tc.line+` reads "Acme,\x80100" in Shift_JIS and "Acme,€100" in Windows-1252`) {
			t.Errorf("%+q: err = %v", tc.text, err)
		}
	}
}

// TestSniffNeverConfuses builds many small lists from Western European and Japanese names, in
// Windows-1252 and Shift_JIS, and checks that none is read in the other encoding: each is
// read as written or refused with the error that asks for the encoding.
func TestSniffNeverConfuses(t *testing.T) {
	european := strings.Fields("Müller Zürich Société Générale Nestlé Crèmerie Orléans Bélgica Informação Ações Señor " +
		"España Ørsted Ålborg Göteborg Straße Köln Düsseldorf Genève Besançon Façade Café Élysée L’Oréal Citroën " +
		"Peñalver Málaga Coruña Lisboa São Paulo Übersee Öko Ärzte Château Hôtel Forêt Île Noël Groß Dvorák " +
		"GmbH S.A. AG Ltd Bank Versicherung Assurances Banco Shop Boutique Sparkasse")
	japanese := strings.Fields("株式会社 有限会社 東芝 日本電気 富士通 三菱電機 任天堂 東京 大阪 銀行 証券 保険 " +
		"サンポークリエイト おもちゃ箱 アネモネ ｱﾈﾓﾈ 楽天 ヤフー 通販 電力 ガス 鉄道 商事 不動産 " +
		"Example Acme Online Store Web")
	r := rand.New(rand.NewPCG(1, 2))
	phrase := func(words []string) string {
		n := 1 + r.IntN(3)
		out := make([]string, n)
		for i := range out {
			out[i] = words[r.IntN(len(words))]
		}
		return strings.Join(out, " ")
	}
	counts := map[string]int{}
	for i := 0; i < 400; i++ {
		rows := 1 + r.IntN(5)
		var eu, jp strings.Builder
		eu.WriteString("organization,service,records,disclosed\n")
		jp.WriteString("organization,service,records,disclosed\n")
		for j := 0; j < rows; j++ {
			fmt.Fprintf(&eu, "%s,%s,%d,2019-06-04\n", phrase(european), phrase(european), r.IntN(1000))
			fmt.Fprintf(&jp, "%s,%s,%d,2019-06-04\n", phrase(japanese), phrase(japanese), r.IntN(1000))
		}
		for _, c := range []struct {
			enc  encoding.Encoding
			text string
			want string
		}{
			{charmap.Windows1252, eu.String(), EncodingWindows1252},
			{shiftJIS, jp.String(), EncodingShiftJIS},
		} {
			b := encode(t, c.enc, c.text)
			got, err := sniffEncoding(b, true)
			switch {
			case got == c.want:
				counts[got]++
			case got == "" && err != nil && strings.Contains(err.Error(), "--encoding shift_jis or --encoding windows-1252"):
				counts["refused "+c.want]++
			case got == EncodingUTF8 && isASCII(c.text):
				counts["ASCII"]++
			default:
				t.Fatalf("%s text read as %q (%v):\n%s", c.want, got, err, c.text)
			}
		}
	}
	t.Logf("%v", counts)
	// Most are read: refusing is the exception, for lists with little to go on.
	if counts[EncodingWindows1252] < 380 || counts[EncodingShiftJIS] < 380 {
		t.Errorf("too many refused: %v", counts)
	}
}

// TestShiftJISPairs checks the Shift_JIS decoder's table of double-byte codes against
// golang.org/x/text's decoder itself, on every pair of a first byte that starts a
// double-byte code and any second byte: the same character, or no character.
func TestShiftJISPairs(t *testing.T) {
	xt := japanese.ShiftJIS.NewDecoder()
	checked := 0
	for _, c0 := range sjisLeads() {
		for c1 := 0; c1 <= 0xFF; c1++ {
			p := []byte{c0, byte(c1)}
			r, size, ok := shiftJISDecoder(p, true)
			if c1 < 0x40 || c1 == 0x7F || c1 >= 0xFD {
				if ok || r != utf8.RuneError {
					t.Errorf("% x: %U, %v; want no character", p, r, ok)
				}
				continue
			}
			var buf [utf8.UTFMax]byte
			n, _, err := xt.Transform(buf[:], p, true)
			want, _ := utf8.DecodeRune(buf[:n])
			wantOK := err == nil && want != utf8.RuneError
			if size != 2 || ok != wantOK || (ok && r != want) {
				t.Errorf("% x: %U (%d bytes, %v); x/text gives %U (%v)", p, r, size, ok, want, wantOK)
			}
			checked++
		}
	}
	if checked != sjisPairCount {
		t.Errorf("%d double-byte codes checked, want %d", checked, sjisPairCount)
	}
}

// TestDecoderASCIIRuns checks the decoder's shortcut for runs of ASCII against decoding every
// character one by one, for Shift_JIS and Windows-1252 text of random bytes (ASCII, lead and
// trail bytes, bytes that decode to nothing) read in random sizes: the same text, with the
// same bytes that did not decode in the same places.
func TestDecoderASCIIRuns(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	alphabet := []byte{'a', ',', '"', '\n', '\r', 0x40, 0x7E, 0x80, 0x81, 0x82, 0x9F, 0xA0, 0xA1, 0xDF, 0xE0, 0xEF, 0xFC, 0xFD, 0xFF, 0x8D}
	for _, enc := range []string{EncodingShiftJIS, EncodingWindows1252} {
		for round := range 300 {
			in := make([]byte, rng.IntN(200))
			for i := range in {
				in[i] = alphabet[rng.IntN(len(alphabet))]
			}
			decode := func(ascii bool) []byte {
				d := newDecoder(bufio.NewReaderSize(iotest.OneByteReader(bytes.NewReader(in)), 16), enc)
				d.ascii = ascii
				var out []byte
				buf := make([]byte, 1+rng.IntN(7))
				for {
					n, err := d.Read(buf)
					out = append(out, buf[:n]...)
					if err != nil {
						break
					}
				}
				return out
			}
			fast, slow := decode(true), decode(false)
			if !bytes.Equal(fast, slow) {
				t.Fatalf("%s, round %d, % x:\nwith ASCII runs %q\none by one     %q", enc, round, in, fast, slow)
			}
		}
	}
}

// TestReadStrayByte reads generated ASCII lists with one stray 0xFF byte: the file is read
// as UTF-8, not Windows-1252, so the columns are recognised, and the row with the byte is
// rejected as not valid UTF-8; in the header the byte stops the read.
func TestReadStrayByte(t *testing.T) {
	const rows = 200
	list := func(stray int) []byte { // stray: the line the byte goes in
		var b bytes.Buffer
		for line := 1; line <= rows+1; line++ {
			text := fmt.Sprintf("id-%d,Example %d,%d,2019-06-04\n", line, line, line*10)
			if line == 1 {
				text = "incident_id,organization,records,disclosed\n"
			}
			if line == stray {
				text = strings.Replace(text, ",", "\xff,", 2)
				text = strings.Replace(text, "\xff,", ",", 1) // the byte ends the second field
			}
			b.WriteString(text)
		}
		return b.Bytes()
	}
	for _, tc := range []struct {
		name  string
		stray int
		err   string // for the header
	}{
		{"in the second line", 2, ""},
		{"in the middle", 100, ""},
		{"in the last line", rows + 1, ""},
		{"in the header", 1, "organization\\xff"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := list(tc.stray)
			if enc, err := sniffEncoding(in, true); enc != EncodingUTF8 || err != nil {
				t.Fatalf("sniffEncoding = %q, %v; want UTF-8", enc, err)
			}
			if tc.err != "" {
				_, err := Read(bytes.NewReader(in), Options{Now: testNow})
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("Read: %v, want an error naming %s", err, tc.err)
				}
				return
			}
			res := readBytes(t, in, Options{})
			if res.Encoding != EncodingUTF8 || res.RowsRejected != 1 || len(res.Scopes) != rows-1 || len(res.Issues) != 1 {
				t.Fatalf("read as %s: %d used, %d rejected, issues %v; want UTF-8, %d used, 1 rejected", res.Encoding, len(res.Scopes), res.RowsRejected, res.Issues, rows-1)
			}
			if is := res.Issues[0]; is.Kind != data.KindEncoding || is.Line != tc.stray || is.Column != data.ColOrganization || !strings.Contains(is.Message.String(), "not valid UTF-8") {
				t.Errorf("issue %+v, want an encoding issue on line %d, column organization", is, tc.stray)
			}
			if sc := res.Scopes[0]; !sc.Records.Known {
				t.Errorf("first scope %+v: records not read", sc)
			}
		})
	}
}
