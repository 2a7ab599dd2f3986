package input

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"breachreport/data"
)

// FuzzRead checks that any input is either refused with a *ParseError or read with every
// row accounted for: read = used + rejected, one Rejected issue per rejected row, and every
// issue text valid UTF-8.
func FuzzRead(f *testing.F) {
	f.Add(Sample())
	f.Add([]byte("organization,records\nA,1\n"))
	f.Add([]byte("企業名,件数,公表日\n\"A\nB\",4万,令和元年6月4日\n,\n"))
	f.Add([]byte("organization,records\n\"unterminated,1\n"))
	f.Add([]byte("organization,organization\n"))
	f.Add([]byte("\xef\xbb\xbforganization\n\x82\xa0\n"))
	f.Add([]byte("organization,city\nM\xfcller GmbH,Z\xfcrich\nCaf\xc3\xa9,G\xe9n\xe9rale\n"))
	f.Add([]byte("organization,b;c\nA,1;2\n\"B;\n\",3;4\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		res, err := Read(bytes.NewReader(in), Options{Now: testNow})
		checkRead(t, res, err)
	})
}

// FuzzParseMapping checks that any text either reads as a mapping that keeps its promises
// (organization mapped; each field from exactly one source; constants that parse) or fails
// with ErrMapping; never a panic.
func FuzzParseMapping(f *testing.F) {
	f.Add(agMapping)
	f.Add("[fields]\norganization = \"Name\"\nincident_id = { each_row = true }\n")
	f.Add("date_order = \"dmy\"\n[fields]\norganization = { value = \"Acme\" }\ndisclosed = { column = \"D\", date_format = \"2.1.2006\" }\n")
	f.Add("[fields.cause]\ncolumn = \"Type\"\nvalues = { HACK = \"Hacking\" }\n[fields.organization]\ncolumn = \"Co\"\n")
	f.Add("[fields]\norganization = 3")
	// Deep nesting, which the parser must never see: unclosed brackets, inline tables and
	// arrays, and brackets in strings and comments, which are not nesting.
	f.Add(strings.Repeat("[", 5000))
	f.Add("[fields]\norganization = \"Name\"\nx = " + strings.Repeat("{a=", 1000) + "1" + strings.Repeat("}", 1000))
	f.Add("[fields]\norganization = \"Name\"\nx = " + strings.Repeat("[", 17) + strings.Repeat("]", 17))
	f.Add("[fields]\norganization = \"Name\"\nx = " + strings.Repeat("[", 16) + strings.Repeat("]", 16))
	f.Add("name = \"\"\"\n[[[[[[[[[[[[[[[[[[[[\\\"\"\"\"\n[fields]\norganization = '[[[[[[[[[[[[[[[[[[' # [[[[[[[[[[[[[[[[[[")
	f.Fuzz(func(t *testing.T, text string) {
		m, err := ParseMapping(strings.NewReader(text), "fuzz.toml")
		if err != nil {
			if !errors.Is(err, ErrMapping) {
				t.Fatalf("error %v does not wrap ErrMapping", err)
			}
			return
		}
		if _, ok := m.Fields[data.ColOrganization]; !ok {
			t.Fatalf("mapping without organization accepted: %+v", m)
		}
		for name, fm := range m.Fields {
			set := 0
			for _, ok := range []bool{fm.Column != "", len(fm.Columns) > 0, fm.EachRow, fm.Value != ""} {
				if ok {
					set++
				}
			}
			if set != 1 {
				t.Fatalf("fields.%s has %d sources: %+v", name, set, fm)
			}
			if fm.Value != "" {
				if err := checkConstant(name, fm.Value, m.dateOptions(name, fm)); err != nil {
					t.Fatalf("fields.%s constant %q accepted but does not parse: %v", name, fm.Value, err)
				}
			}
		}
	})
}

// FuzzReadLimits checks that the limits only ever stop a read, never change it: input that
// reads within small limits reads to the same result with the default ones, and input that
// goes over a limit fails with a *ParseError wrapping ErrLimit.
func FuzzReadLimits(f *testing.F) {
	f.Add([]byte("organization,records,notes\nA,1,\"x\ny\"\nB,\"2,n\nC,3,n\r"), uint8(8), uint8(3))
	f.Add([]byte("incident_id,organization\r\na,\"A\"\"B\"\rb,B\n"), uint8(4), uint8(2))
	f.Add([]byte("企業名;件数\n株式会社;1\n"), uint8(12), uint8(2))
	f.Fuzz(func(t *testing.T, in []byte, maxField, maxCols uint8) {
		lim := Limits{MaxFieldSize: int(maxField) + 1, MaxColumns: int(maxCols) + 1, MaxInputSize: 4096}
		small, err := Read(bytes.NewReader(in), Options{Now: testNow, Limits: lim})
		full, fullErr := Read(bytes.NewReader(in), Options{Now: testNow})
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T %v is not a *ParseError", err, err)
			}
			if !errors.Is(err, ErrLimit) && (fullErr == nil || fullErr.Error() != err.Error()) {
				t.Fatalf("within limits %v, with the defaults %v", err, fullErr)
			}
			return
		}
		if fullErr != nil {
			t.Fatalf("read within small limits, but not with the defaults: %v", fullErr)
		}
		if small.RowsRead != full.RowsRead || small.RowsRejected != full.RowsRejected || len(small.Scopes) != len(full.Scopes) || len(small.Issues) != len(full.Issues) {
			t.Fatalf("small limits read %d/%d/%d, the defaults %d/%d/%d", small.RowsRead, len(small.Scopes), small.RowsRejected, full.RowsRead, len(full.Scopes), full.RowsRejected)
		}
		for i := range small.Issues {
			if small.Issues[i].String() != full.Issues[i].String() {
				t.Fatalf("issue %d: %s, with the defaults %s", i, small.Issues[i], full.Issues[i])
			}
		}
	})
}
