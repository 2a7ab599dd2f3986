package input

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"breachreport/data"
)

// TestReadBadBytesInUnusedColumn checks that bytes that are not valid UTF-8, or do not decode
// in the file's encoding, cost their row only in a column the report uses: in a column it does
// not use (outside the schema, or not read by the mapping, as an export's description) the
// row is kept with a warning naming line, column and value, and the value holds the bytes as
// escapes. Each file is read whole and one byte at a time.
func TestReadBadBytesInUnusedColumn(t *testing.T) {
	const hhs = `
[fields]
organization = "Name of Covered Entity"
disclosed = "Breach Submission Date"
records = "Individuals Affected"
incident_id = { columns = ["Name of Covered Entity", "State"] }
`
	sjis := func(s string, bad string) []byte {
		return bytes.Replace(encode(t, shiftJIS, s), encode(t, shiftJIS, "＠"), []byte(bad), 1)
	}
	for _, tc := range []struct {
		name    string
		in      []byte
		opts    Options
		mapping string
		// rejected: the row is rejected (an encoding issue); else kept with a warning and
		// extra as its value of the unused column.
		rejected bool
		line     int
		column   string // the issue's column, as written
		value    string // the issue's value
		extra    string
	}{
		{name: "UTF-8: 0x9D in a column outside the schema",
			in:   []byte("organization,records,description\nA,1,ok\nB,2,Grand\x9d total\nC,3,ok\n"),
			line: 3, column: "description", value: "Grand\x9d total", extra: `Grand\x9d total`},
		{name: "UTF-8: a long description, its bad byte far in, shown from a little before it",
			in:   []byte("organization,records,description\nA,1,ok\nB,2," + strings.Repeat("a", 200) + "\x9db\nC,3,ok\n"),
			opts: Options{Encoding: "utf-8"}, line: 3, column: "description", value: "…" + strings.Repeat("a", 20) + "\x9db", extra: strings.Repeat("a", 200) + `\x9db`},
		{name: "UTF-8: 0x9D in notes, a column of the schema", rejected: true,
			in:   []byte("organization,records,notes\nA,1,ok\nB,2,Grand\x9d total\nC,3,ok\n"),
			line: 3, column: "notes", value: "Grand\x9d total"},
		{name: "UTF-8: a quoted description over lines, its bad byte on the second",
			in:   []byte("organization,records,description\nA,1,ok\nB,2,\"one \"\"a\"\"\ntwo\xff\"\nC,3,ok\n"),
			line: 3, column: "description", value: "one \"a\"\ntwo\xff", extra: "one \"a\"\ntwo\\xff"},
		{name: "Shift_JIS: a code no character has in a column outside the schema",
			in: sjis("企業名,件数,概要\nあ,1,ok\nい,2,株＠式\nう,3,ok\n", "\x82\xff"), opts: Options{Encoding: "shift_jis"},
			line: 3, column: "概要", value: "株\x82\xff式", extra: `株\x82\xff式`},
		{name: "Shift_JIS: the same in the organization", rejected: true,
			in: sjis("企業名,件数,概要\nあ,1,ok\nい＠,2,x\nう,3,ok\n", "\x82\xff"), opts: Options{Encoding: "shift_jis"},
			line: 3, column: "企業名", value: "い\x82\xff"},
		{name: "Windows-1252: UTF-8 mixed in, outside the schema",
			in: []byte("organization,records,description\nA,1,ok\nB,2,Caf\xc3\xa9\nC,3,ok\n"), opts: Options{Encoding: "windows-1252"},
			line: 3, column: "description", value: "Caf\xc3\xa9", extra: `Caf\xc3\xa9`},
		{name: "mapping: a column it does not read", mapping: hhs,
			in:   []byte("Name of Covered Entity,State,Breach Submission Date,Individuals Affected,Web Description\nA,CA,2021-01-01,1,ok\nB,CA,2021-01-02,2,Grand\x9d total\nC,CA,2021-01-03,3,ok\n"),
			line: 3, column: "Web Description", value: "Grand\x9d total", extra: `Grand\x9d total`},
		{name: "mapping: a column only its joined id reads", mapping: hhs, rejected: true,
			in:   []byte("Name of Covered Entity,State,Breach Submission Date,Individuals Affected,Web Description\nA,CA,2021-01-01,1,ok\nB,C\x9d,2021-01-02,2,x\nC,CA,2021-01-03,3,ok\n"),
			line: 3, column: "State", value: "C\x9d"},
	} {
		for _, rd := range []struct {
			name string
			wrap func(io.Reader) io.Reader
		}{{"whole", func(r io.Reader) io.Reader { return r }}, {"one byte", iotest.OneByteReader}} {
			t.Run(tc.name+"/"+rd.name, func(t *testing.T) {
				opts := tc.opts
				opts.Now = testNow
				if tc.mapping != "" {
					opts.Mapping = mustMapping(t, tc.mapping)
				}
				res, err := Read(rd.wrap(bytes.NewReader(tc.in)), opts)
				if err != nil {
					t.Fatal(err)
				}
				var enc []data.Issue
				for _, is := range res.Issues {
					if is.Kind == data.KindEncoding {
						enc = append(enc, is)
					}
				}
				if len(enc) != 1 {
					t.Fatalf("issues %v, want one of encoding", res.Issues)
				}
				is := enc[0]
				if is.Kind != data.KindEncoding || is.Line != tc.line || is.Header != tc.column || is.Value != tc.value {
					t.Errorf("issue %+v, want line %d, column %s, value %s", is, tc.line, tc.column, tc.value)
				}
				if tc.rejected {
					if is.Severity != data.Rejected || len(res.Scopes) != 2 || res.RowsRejected != 1 {
						t.Errorf("%d scopes, %d rejected, issue %v; want the row rejected", len(res.Scopes), res.RowsRejected, is)
					}
					return
				}
				if is.Severity != data.Warning || len(res.Scopes) != 3 || res.RowsRejected != 0 || !strings.Contains(is.Message.String(), "in a column the report does not use") {
					t.Fatalf("%d scopes, %d rejected, issue %v; want the row kept with a warning", len(res.Scopes), res.RowsRejected, is)
				}
				if sc := res.Scopes[1]; len(sc.Extra) == 0 || sc.Extra[len(sc.Extra)-1] != tc.extra {
					t.Errorf("extra %q, want %q", sc.Extra, tc.extra)
				}
			})
		}
	}
}
