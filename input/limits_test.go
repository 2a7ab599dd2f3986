package input

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"breachreport/data"
)

func TestParseSize(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int64
	}{
		{"1048576", 1 << 20}, {"50MB", 50e6}, {"1 GiB", 1 << 30}, {"8mib", 8 << 20}, {"2KB", 2000},
		{"3 KiB", 3072}, {"10b", 10}, {" 4GB ", 4e9},
	} {
		got, err := ParseSize(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
		if back, err := ParseSize(FormatSize(got)); err != nil || back != got {
			t.Errorf("ParseSize(FormatSize(%d) = %q) = %d, %v", got, FormatSize(got), back, err)
		}
	}
	for _, bad := range []string{"", "0", "-5MB", "1.5GB", "MB", "12 TB", "99999999999GiB"} {
		if n, err := ParseSize(bad); err == nil {
			t.Errorf("ParseSize(%q) = %d, want an error", bad, n)
		}
	}
	if got := FormatSize(DefaultMaxInputSize); got != "256 MiB" {
		t.Errorf("FormatSize(DefaultMaxInputSize) = %q", got)
	}
}

// TestReadLimits checks that input over each limit stops with a *ParseError wrapping
// ErrLimit that names the line and column, read one byte at a time so that the guard sees
// every boundary.
func TestReadLimits(t *testing.T) {
	const header = "incident_id,organization,records,notes\n"
	long := strings.Repeat("x", 100)
	wide := "organization" + strings.Repeat(",c", 10) + "\n"
	for _, tt := range []struct {
		name    string
		in      []byte
		lim     Limits
		want    string // the start of the error text
		wantErr error  // the limit gone over
	}{
		{"unquoted field", []byte(header + "a,A,1,n\nb,B,2," + long + "\n"), Limits{MaxFieldSize: 50},
			`line 3, column notes (4): over a limit: value "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" is longer than 50 bytes, the longest field read; if the text is not meant to be this long, a quote is not closed`, ErrFieldSize},
		{"quote not closed", []byte(header + "a,\"A,1,n\n" + strings.Repeat("b,B,2,n\n", 20)), Limits{MaxFieldSize: 50},
			`line 2, column organization (2): over a limit: value "\"A,1,n…" is longer than 50 bytes`, ErrFieldSize},
		{"quoted field over lines", []byte(header + "a,A,1,\"" + strings.Repeat("line\r\n", 20) + "\"\n"), Limits{MaxFieldSize: 50},
			`line 2, column notes (4): over a limit: value "\"line…"`, ErrFieldSize},
		{"field in the header", []byte("organization," + long + "\n"), Limits{MaxFieldSize: 50},
			`line 1, column 2: over a limit`, ErrFieldSize},
		{"columns in the header", []byte(wide + "A" + strings.Repeat(",v", 10) + "\n"), Limits{MaxColumns: 10},
			"line 1: over a limit: the row has more than 10 fields, the most read", ErrColumns},
		{"columns in a row", []byte(header + "\n\"a\nb\",A,1,n\n" + strings.Repeat(",", 20) + "\n"), Limits{MaxColumns: 10},
			"line 5: over a limit: the row has more than 10 fields", ErrColumns},
		{"input size", []byte(header + strings.Repeat("a,A,1,n\n", 100)), Limits{MaxInputSize: 500},
			"over a limit: the input is larger than 500 bytes, the most read", ErrInputSize},
		{"input size, Shift_JIS", encode(t, shiftJIS, "企業名,件数\n"+strings.Repeat("株式会社,1\n", 100)), Limits{MaxInputSize: 500},
			"over a limit: the input is larger than 500 bytes", ErrInputSize},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(iotest.OneByteReader(bytes.NewReader(tt.in)), Options{Now: testNow, Limits: tt.lim})
			var pe *ParseError
			if !errors.As(err, &pe) || !errors.Is(err, ErrLimit) || !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want a *ParseError wrapping ErrLimit and the %s error", err, string(tt.wantErr.(limitErr)))
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %q\nwant it to start %q", err, tt.want)
			}
			// Raised limits read the same input.
			if _, err := Read(bytes.NewReader(tt.in), Options{Now: testNow}); errors.Is(err, ErrLimit) {
				t.Errorf("with the default limits: %v", err)
			}
		})
	}
}

// TestReadLimitsAtTheLimit checks that --max-field-size counts a field's value, decoded:
// without the quotes around it, one of each doubled quote and a line ending's CR. A field of
// exactly the limit is read, one byte more stops the reading; and a row of exactly the most
// columns is read. Each file is read whole and one byte at a time.
func TestReadLimitsAtTheLimit(t *testing.T) {
	in := "organization,notes,c3\nA," + strings.Repeat("n", 20) + ",x\nB,\"" + strings.Repeat("m", 18) + "\",y\n"
	res, err := Read(strings.NewReader(in), Options{Now: testNow, Limits: Limits{MaxFieldSize: 20, MaxColumns: 3}})
	if err != nil || len(res.Scopes) != 2 || res.Scopes[0].Notes != strings.Repeat("n", 20) {
		t.Fatalf("err %v, result %+v", err, res)
	}
	const limit = 21
	for _, tc := range []struct {
		name string
		// field writes a field (the row's last) whose value is n bytes long, and the value.
		field func(n int) (written, value string)
		eol   string
		enc   string
	}{
		{"plain", func(n int) (string, string) { return strings.Repeat("p", n), strings.Repeat("p", n) }, "\n", ""},
		{"quoted", func(n int) (string, string) { v := strings.Repeat("q", n); return `"` + v + `"`, v }, "\n", ""},
		{"doubled quotes", func(n int) (string, string) {
			v := `say "hi"` + strings.Repeat("d", n-8)
			return `"` + strings.ReplaceAll(v, `"`, `""`) + `"`, v
		}, "\n", ""},
		{"CRLF", func(n int) (string, string) { return strings.Repeat("c", n), strings.Repeat("c", n) }, "\r\n", ""},
		{"CRLF in quotes", func(n int) (string, string) {
			return `"` + strings.Repeat("a", 9) + "\r\n" + strings.Repeat("b", n-10) + `"`, strings.Repeat("a", 9) + "\n" + strings.Repeat("b", n-10)
		}, "\r\n", ""},
		{"lone CR in quotes", func(n int) (string, string) {
			return `"` + strings.Repeat("a", 9) + "\r" + strings.Repeat("b", n-10) + `"`, strings.Repeat("a", 9) + "\n" + strings.Repeat("b", n-10)
		}, "\r", ""},
		{"Shift_JIS", func(n int) (string, string) {
			v := strings.Repeat("株", n/3) + strings.Repeat("x", n%3) // 3 bytes each in UTF-8, 2 in the file
			return v, v
		}, "\n", EncodingShiftJIS},
	} {
		for _, n := range []int{limit, limit + 1} {
			written, value := tc.field(n)
			if len(value) != n {
				t.Fatalf("%s: the value is %d bytes, want %d", tc.name, len(value), n)
			}
			text := "organization,c2,notes" + tc.eol + "A,x," + written + tc.eol + "B,y,z" + tc.eol
			b := []byte(text)
			if tc.enc == EncodingShiftJIS {
				b = encode(t, shiftJIS, text)
			}
			for _, rd := range []struct {
				name string
				wrap func(io.Reader) io.Reader
			}{{"whole", func(r io.Reader) io.Reader { return r }}, {"one byte", iotest.OneByteReader}} {
				t.Run(fmt.Sprintf("%s/%d bytes/%s", tc.name, n, rd.name), func(t *testing.T) {
					res, err := Read(rd.wrap(bytes.NewReader(b)), Options{Now: testNow, Encoding: tc.enc, Limits: Limits{MaxFieldSize: limit}})
					if n > limit {
						if !errors.Is(err, ErrFieldSize) || !strings.HasPrefix(err.Error(), "line 2, column notes (3): over a limit") {
							t.Fatalf("err = %v, want the field size limit on line 2, column notes", err)
						}
						return
					}
					if err != nil {
						t.Fatal(err)
					}
					if len(res.Scopes) != 2 || res.Scopes[0].Notes != value || res.Scopes[1].Line != 2+strings.Count(value, "\n")+1 {
						t.Fatalf("scopes %+v, issues %v; want notes %q", res.Scopes, res.Issues, value)
					}
				})
			}
		}
	}
}

func TestReadWorkbookLimits(t *testing.T) {
	b := workbook(t, false, []string{"List"}, map[string][][]any{"List": {
		{"organization", "records", "notes"},
		{"A", 1, strings.Repeat("x", 100)},
	}})
	for _, tt := range []struct {
		name string
		lim  Limits
		want string
		kind error
	}{
		{"cell", Limits{MaxFieldSize: 50}, `sheet "List" row 2: over a limit: cell C2, value "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…", is longer than 50 bytes`, ErrFieldSize},
		{"columns", Limits{MaxColumns: 2}, `sheet "List" row 1: over a limit: the row has values in 3 columns, more than 2, the most read`, ErrColumns},
		{"file", Limits{MaxInputSize: 1000}, "over a limit: the input is larger than 1 KB, the most read", ErrInputSize},
		{"unpacked", Limits{MaxInputSize: int64(len(b)) + 1}, "over a limit: the workbook unpacks to more than", ErrInputSize},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(bytes.NewReader(b), Options{Now: testNow, Limits: tt.lim})
			var pe *ParseError
			if !errors.As(err, &pe) || !errors.Is(err, ErrLimit) || !errors.Is(err, tt.kind) || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("err = %v\nwant a *ParseError wrapping ErrLimit starting %q", err, tt.want)
			}
		})
	}
}

// TestReadLineEndings reads files whose lines end in CRLF, LF and a lone CR (old Mac), inside
// quoted fields too, where a lone CR is a line ending like the others: it becomes a line
// feed in the value, as a CRLF does, and the lines after it are counted right. Each file is
// read whole, one byte at a time (a CR at the end of every read) and in halves.
func TestReadLineEndings(t *testing.T) {
	type scope struct {
		org   string
		line  int
		notes string
	}
	for _, tc := range []struct {
		name   string
		in     string
		scopes []scope
		issue  int // the line of the one issue, a rejected row; 0 for none
	}{
		{"mixed", "incident_id,organization,records,notes\r\na,A,1,n\nb,B,2,n\rc,C,3,\"two\rlines\"\r\nd,D,4,n\r",
			[]scope{{"A", 2, "n"}, {"B", 3, "n"}, {"C", 4, "two\nlines"}, {"D", 6, "n"}}, 0},
		{"CRLF in quotes", "incident_id,organization,records,notes\r\na,A,1,\"two\r\nlines\"\r\nb,B,2,n\r\n",
			[]scope{{"A", 2, "two\nlines"}, {"B", 4, "n"}}, 0},
		// An HHS export: a description of several lines parted by lone CRs, then a row with a
		// field too many; its issue names the line it is on in a text editor.
		{"lone CRs in quotes, then a bad row", "incident_id,organization,records,notes\ra,A,1,\"one\rtwo\r\rfour\"\rb,B,2,n,extra\rc,C,3,n\r",
			[]scope{{"A", 2, "one\ntwo\n\nfour"}, {"C", 7, "n"}}, 6},
	} {
		for _, rd := range []struct {
			name string
			wrap func(io.Reader) io.Reader
		}{{"whole", func(r io.Reader) io.Reader { return r }}, {"one byte", iotest.OneByteReader}, {"halves", iotest.HalfReader}} {
			t.Run(tc.name+"/"+rd.name, func(t *testing.T) {
				res, err := Read(rd.wrap(strings.NewReader(tc.in)), Options{Now: testNow})
				if err != nil {
					t.Fatal(err)
				}
				if len(res.Scopes) != len(tc.scopes) {
					t.Fatalf("read %d, used %d, issues %v; want %d rows used", res.RowsRead, len(res.Scopes), res.Issues, len(tc.scopes))
				}
				for i, want := range tc.scopes {
					if sc := res.Scopes[i]; sc.Organization != want.org || sc.Line != want.line || sc.Notes != want.notes {
						t.Errorf("scope %d: %s on line %d, notes %q; want %s on line %d, notes %q", i, sc.Organization, sc.Line, sc.Notes, want.org, want.line, want.notes)
					}
				}
				switch {
				case tc.issue == 0 && len(res.Issues) > 0:
					t.Errorf("issues %v, want none", res.Issues)
				case tc.issue > 0 && (len(res.Issues) != 1 || res.Issues[0].Line != tc.issue || res.Issues[0].Severity != data.Rejected):
					t.Errorf("issues %v, want one rejected row on line %d", res.Issues, tc.issue)
				}
			})
		}
	}
}

// TestReadUnclosedQuote checks that a quote left open rejects only its own line: the rows it
// ran into are read again, with their own line numbers, in UTF-8 and in Shift_JIS (whose
// undecodable bytes after the broken row are still found on the right line).
func TestReadUnclosedQuote(t *testing.T) {
	in := "incident_id,organization,records,notes\n" +
		"a,A,1,\"ok\non two lines\"\n" + // lines 2-3
		"b,B,\"2,n\n" + // line 4: the quote is not closed
		"c,C,3,n\n" + // line 5
		"d,D,\"4,000\",\"x\ny\"\n" + // lines 6-7
		"e,E,5,n\n" + // line 8
		"\n" + // line 9, blank
		"f,F,6,\"n\n" // line 10: not closed, runs to the end
	for _, tt := range []struct {
		name string
		in   []byte
	}{
		{"UTF-8", []byte(in)},
		{"Shift_JIS", append(encode(t, shiftJIS, strings.Replace(in, "E,5", "株,5", 1)), "g,G,7,\x81\x7f\n"...)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(iotest.OneByteReader(bytes.NewReader(tt.in)), Options{Now: testNow, Encoding: tt.name})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, sc := range res.Scopes {
				got = append(got, sc.Organization+"@"+strconv.Itoa(sc.Line))
			}
			want := "A@2 C@5 D@6 E@8"
			if tt.name == "Shift_JIS" {
				want = "A@2 C@5 D@6 株@8"
			}
			if strings.Join(got, " ") != want {
				t.Errorf("rows used %v, want %s", got, want)
			}
			var issues []string
			for _, is := range res.Issues {
				issues = append(issues, is.String())
			}
			wantIssues := []string{
				`line 4, value "b,B,"2,n": broken CSV quoting: a quote opened in this line is not closed; the lines after it are read as rows of their own`,
				`line 10: broken CSV quoting (extraneous or missing " in quoted-field at line 10, character 10)`,
			}
			if tt.name == "Shift_JIS" {
				wantIssues[1] = `line 10, value "f,F,6,"n": broken CSV quoting: a quote opened in this line is not closed; the lines after it are read as rows of their own`
				wantIssues = append(wantIssues, `line 11, column notes (4), value "\x81\x7f": text is not valid Shift_JIS, the encoding the file is read in; the bytes shown could not be decoded`)
			}
			if strings.Join(issues, "\n") != strings.Join(wantIssues, "\n") {
				t.Errorf("issues:\n%s\nwant:\n%s", strings.Join(issues, "\n"), strings.Join(wantIssues, "\n"))
			}
			if res.RowsRead != len(res.Scopes)+res.RowsRejected {
				t.Errorf("read %d, used %d, rejected %d", res.RowsRead, len(res.Scopes), res.RowsRejected)
			}
		})
	}
}

// TestReadUnclosedQuoteInFirstField covers a quote left open in a row's first field, where
// encoding/csv returns the broken row without a field.
func TestReadUnclosedQuoteInFirstField(t *testing.T) {
	in := "organization,records\n\"A,1\nB,2\nC,\"3\"x\n"
	res, err := Read(strings.NewReader(in), Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Scopes) != 1 || res.Scopes[0].Organization != "B" || res.Scopes[0].Line != 3 || res.RowsRejected != 2 {
		t.Fatalf("used %+v, rejected %d, issues %v; want B on line 3 used, 2 rejected", res.Scopes, res.RowsRejected, res.Issues)
	}
	if is := res.Issues[0]; is.Line != 2 || is.Value != `"A,1` {
		t.Errorf("first issue %s, want line 2, value \"A,1", is)
	}
}

// BenchmarkFieldGuard measures what the field guard adds to reading: the synthetic rows
// passed through it, against the same bytes passed through bufio alone.
func BenchmarkFieldGuard(b *testing.B) {
	in := benchData(100_000)
	for _, guard := range []bool{false, true} {
		b.Run(fmt.Sprintf("guard=%v", guard), func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			buf := make([]byte, 4096)
			for b.Loop() {
				var r io.Reader = bufio.NewReader(bytes.NewReader(in))
				if guard {
					r = newFieldGuard(r.(*bufio.Reader), ',', Limits{}.withDefaults())
				}
				for {
					if _, err := r.Read(buf); err != nil {
						break
					}
				}
			}
		})
	}
}

// BenchmarkReadLongField reads a 50 MB file whose second row is one field far over the
// default field limit, unquoted and quoted: the read must be refused, at the limit, in well
// under a second (the guard's work is linear in the bytes it passes).
func BenchmarkReadLongField(b *testing.B) {
	for _, quoted := range []bool{false, true} {
		b.Run(fmt.Sprintf("quoted=%v", quoted), func(b *testing.B) {
			field := bytes.Repeat([]byte("x"), 50<<20)
			if quoted {
				field[0] = '"'
			}
			in := append([]byte("organization,notes\nA,"), field...)
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				_, err := Read(bytes.NewReader(in), Options{Now: testNow})
				if !errors.Is(err, ErrLimit) {
					b.Fatalf("err = %v, want ErrLimit", err)
				}
			}
		})
	}
}

// chunkReader returns at most n bytes from each Read.
type chunkReader struct {
	r io.Reader
	n int
}

func (c chunkReader) Read(p []byte) (int, error) { return c.r.Read(p[:min(len(p), c.n)]) }

// FuzzFieldGuard checks the field guard's fast paths against its byte-at-a-time scan: for any
// text, delimiter, limits and read sizes, the same bytes come out (lone CRs turned into line
// feeds), the same limit stops them, at the same line and field.
func FuzzFieldGuard(f *testing.F) {
	f.Add([]byte("a,b\r\nc,\"d\r\ne\"\rf,\"g\"\"h\",i\n"), uint8(','), uint8(5), uint8(3), uint8(7))
	f.Add([]byte("a;\"b;c\";d\n\"x\"y;z\r"), uint8(';'), uint8(2), uint8(2), uint8(1))
	f.Add([]byte("a\tbb\tccc\n"), uint8('\t'), uint8(2), uint8(9), uint8(2))
	f.Add([]byte("a・b・\"c\"・d\n"), uint8(0), uint8(4), uint8(3), uint8(3))
	f.Fuzz(func(t *testing.T, in []byte, d, maxField, maxCols, chunk uint8) {
		delim := rune(d)
		switch {
		case d == 0:
			delim = '・' // a delimiter of three bytes
		case !validDelimiter(delim) || delim >= utf8.RuneSelf:
			return
		}
		lim := Limits{MaxFieldSize: int(maxField) + 1, MaxColumns: int(maxCols) + 1}
		g := newFieldGuard(bufio.NewReaderSize(chunkReader{bytes.NewReader(in), int(chunk) + 1}, 16), delim, lim)
		got, err := io.ReadAll(g)

		ref := newFieldGuard(bufio.NewReader(bytes.NewReader(nil)), delim, lim)
		want := append([]byte(nil), in...)
		var wantErr error
		for i := range want {
			if wantErr = ref.scan(want, i); wantErr != nil {
				want = want[:i]
				break
			}
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("guard gave %q, the scan %q", got, want)
		}
		var le, wle *limitError
		if errors.As(err, &le) != errors.As(wantErr, &wle) || (le != nil && *le != *wle) {
			t.Fatalf("guard error %v, the scan's %v", err, wantErr)
		}
		if err != nil && le == nil {
			t.Fatalf("error %v", err)
		}
	})
}

// TestReadBrokenRowShowsBytes checks that a row broken by a quote left open shows the bytes
// that did not decode as they are in the file, escaped, and the rest as text.
func TestReadBrokenRowShowsBytes(t *testing.T) {
	for _, tt := range []struct {
		enc  string
		in   []byte
		want string
	}{
		{EncodingShiftJIS, bytes.Replace(encode(t, shiftJIS, "企業名,件数\n株式会社,1\n\"＠社,2\nB,3\n"), encode(t, shiftJIS, "＠"), []byte("\x82\xff"), 1), "\"\x82\xff社,2"},
		{EncodingWindows1252, []byte("organization,records\n\"M\xfcller\x9d,2\nB,3\n"), "\"Müller\u009d,2"},
		{EncodingUTF8, []byte("organization,records\n\"M\xfcller,2\nB,3\n"), "\"M\xfcller,2"},
	} {
		t.Run(tt.enc, func(t *testing.T) {
			res, err := Read(bytes.NewReader(tt.in), Options{Now: testNow, Encoding: tt.enc})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, is := range res.Issues {
				if is.Kind == data.KindStructure {
					got = append(got, is.Value)
				}
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Fatalf("structure issues' values %q, want one, %q", got, tt.want)
			}
		})
	}
}
