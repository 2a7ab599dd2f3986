package data

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// chunkSizes are the chunk sizes the parallel reading is checked with: a byte (every row a
// chunk of its own), a few bytes, sizes that cut between the rows of a multi-line field's
// neighbours, and the default.
var chunkSizes = []int{1, 2, 3, 7, 64, 200, 4096, 0}

// readResult is what one Read gave, in a form to compare.
type readResult struct {
	res      *Result
	err      string
	progress []int
	batches  [][]Scope
}

// readWith reads in with opts, in chunks of size bytes (negative: one row after the other),
// through Scan (keeping its batches) and through Read.
func readWith(t *testing.T, in []byte, opts Options, size int) readResult {
	t.Helper()
	opts.chunkSize = size
	if opts.Now.IsZero() {
		opts.Now = testNow
	}
	var out readResult
	opts.Progress = func(n int) { out.progress = append(out.progress, n) }
	res, err := Read(bytes.NewReader(in), opts)
	if err != nil {
		out.err = err.Error()
	}
	out.res = res
	opts.Progress = nil
	scanned, err := Scan(bytes.NewReader(in), opts, func(s []Scope) error {
		out.batches = append(out.batches, s)
		return nil
	})
	if (err == nil) != (out.err == "") || (err != nil && err.Error() != out.err) {
		t.Fatalf("chunk size %d: Read's error %q, Scan's %v", size, out.err, err)
	}
	if res != nil {
		var all []Scope
		for _, b := range out.batches {
			all = append(all, b...)
		}
		if !reflect.DeepEqual(all, res.Scopes) || scanned.RowsUsed != len(res.Scopes) {
			t.Fatalf("chunk size %d: Scan's batches hold %d scopes (RowsUsed %d), Read's %d", size, len(all), scanned.RowsUsed, len(res.Scopes))
		}
	}
	return out
}

// checkChunked reads in one row after the other and in chunks of each of sizes (by default
// chunkSizes), and fails unless every read gives the same result, issues, error and
// progress calls.
func checkChunked(t *testing.T, name string, in []byte, opts Options, sizes ...int) {
	t.Helper()
	if len(sizes) == 0 {
		sizes = chunkSizes
	}
	want := readWith(t, in, opts, -1)
	for _, size := range sizes {
		got := readWith(t, in, opts, size)
		if got.err != want.err {
			t.Errorf("%s, chunks of %d: error %q, one row after the other %q", name, size, got.err, want.err)
			continue
		}
		if !reflect.DeepEqual(got.progress, want.progress) {
			t.Errorf("%s, chunks of %d: progress %v, one row after the other %v", name, size, got.progress, want.progress)
		}
		if want.res == nil {
			continue
		}
		g, w := got.res, want.res
		if len(g.Issues) != len(w.Issues) {
			t.Errorf("%s, chunks of %d: %d issues, one row after the other %d:\n%s\nwant\n%s", name, size, len(g.Issues), len(w.Issues), issueList(g.Issues), issueList(w.Issues))
			continue
		}
		for i := range g.Issues {
			if !reflect.DeepEqual(g.Issues[i], w.Issues[i]) {
				t.Errorf("%s, chunks of %d: issue %d is %+v, one row after the other %+v", name, size, i, g.Issues[i], w.Issues[i])
			}
		}
		for i := range min(len(g.Scopes), len(w.Scopes)) {
			if !reflect.DeepEqual(g.Scopes[i], w.Scopes[i]) {
				t.Errorf("%s, chunks of %d: scope %d is %+v, one row after the other %+v", name, size, i, g.Scopes[i], w.Scopes[i])
				break
			}
		}
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%s, chunks of %d: the results differ: read %d, used %d, rejected %d, blank %d; one row after the other %d, %d, %d, %d",
				name, size, g.RowsRead, len(g.Scopes), g.RowsRejected, g.RowsBlank, w.RowsRead, len(w.Scopes), w.RowsRejected, w.RowsBlank)
		}
	}
}

func issueList(issues []Issue) string {
	var b strings.Builder
	for _, is := range issues {
		fmt.Fprintf(&b, "  %s\n", is)
	}
	return b.String()
}

// goodRows returns n well-formed rows of the columns organization, records, disclosed, notes.
func goodRows(from, n int) string {
	var b strings.Builder
	for i := from; i < from+n; i++ {
		fmt.Fprintf(&b, "Org %d,%d,2019-06-%02d,note %d\n", i, i*10, i%28+1, i)
	}
	return b.String()
}

// TestChunkedReadMatches checks that reading CSV text in chunks on several goroutines gives
// exactly what reading it one row after the other does, for text that is well formed and
// for text with every kind of damage the reader handles: the scopes, every issue with its
// line and column, the counts, the error, the batches of Scan and the progress calls.
func TestChunkedReadMatches(t *testing.T) {
	const head = "organization,records,disclosed,notes\n"
	cases := map[string]string{
		"good":        head + goodRows(1, 40),
		"no final LF": head + strings.TrimSuffix(goodRows(1, 9), "\n"),
		"multi-line":  head + goodRows(1, 5) + "\"Org\nwith two lines\",5,2019-06-01,\"a note\nover\nthree lines\"\n" + goodRows(6, 5),
		"quoted":      head + "\"Org, Inc.\",\"1,000\",2019-06-01,\"say \"\"hi\"\"\"\n" + goodRows(1, 6),
		"CRLF":        strings.ReplaceAll(head+goodRows(1, 8)+"\"a\r\nb\",1,,\n", "\n", "\r\n"),
		"lone CR":     strings.ReplaceAll(head+goodRows(1, 8), "\n", "\r"),
		"mixed ends":  head + "A,1,,x\rB,2,,y\r\nC,3,,z\n\"D\rE\",4,,w\r" + goodRows(1, 3),
		"blank rows":  head + "\n\n" + goodRows(1, 3) + ",,,\n  , ,\t,\n\n" + goodRows(4, 3),
		"widths":      head + goodRows(1, 4) + "too,few\n" + "too,many,fields,here,5\n" + goodRows(5, 4),
		"bare quote":  head + goodRows(1, 4) + "Or\"g,1,2019-06-01,n\n" + goodRows(5, 6),
		"quote after": head + goodRows(1, 4) + "\"Org\"x,1,2019-06-01,n\n" + goodRows(5, 6),
		"open quote":  head + goodRows(1, 4) + "\"Org,1,2019-06-01,n\n" + goodRows(5, 6),
		"open at end": head + goodRows(1, 4) + "Org,1,2019-06-01,\"n\n",
		"open quotes": head + goodRows(1, 3) + "\"A,1,,n\n" + goodRows(4, 3) + "B,\"2,,n\n" + goodRows(7, 3),
		"swallowed":   head + goodRows(1, 3) + "\"A,1,,\"n\n" + "x\"\n" + goodRows(4, 3),
		"read again":  head + goodRows(1, 3) + "\"A,1,,n\n" + "B,\"2,,x\n" + "C,3,,y\"\n" + goodRows(4, 3) + "D,\"4,,z\n" + goodRows(7, 3),
		// A's quote closes at the end of C's row, which is then one field too short: A's
		// line is rejected and the lines after it read again, where the quote that closed
		// A's field opens C's last one, which runs on past where fieldGuard ended the row,
		// up to the next quote (no line in between is a row on its own).
		"reopened":     head + goodRows(1, 3) + "\"A,1,,n\nB,2,,x\nC,3,y,\"\n" + "more\n" + "text\",\n" + goodRows(4, 3),
		"no org":       head + goodRows(1, 3) + ",5,2019-06-01,n\n" + goodRows(4, 3),
		"bad fields":   head + goodRows(1, 3) + "A,-5,2019-13-01,n\nB,約4万件,2019年6月4日7,n\nC,x,2019-06,n\n" + goodRows(4, 3),
		"NUL":          head + goodRows(1, 3) + "A\x00B,1,,n\n" + goodRows(4, 3),
		"not UTF-8":    head + goodRows(1, 3) + "Caf\xc3\xa9,1,,ok\nM\xfcller,1,,bad\n" + goodRows(4, 3),
		"U+FFFD":       head + goodRows(1, 3) + "A\uFFFD,1,,n\n" + goodRows(4, 3),
		"extra column": "organization,records,city,disclosed,notes\n" + "A,1,Tokyo,,n\n\"B\nC\",2,\"Osa\nka\",,n\nD,3,,,\n",
		"semicolons":   strings.ReplaceAll(head+goodRows(1, 8), ",", ";"),
		"tabs":         strings.ReplaceAll(head+goodRows(1, 8), ",", "\t"),
		"header later": "\n\n" + head + goodRows(1, 5),
		"quoted head":  "\"organi\nzation\",records\n" + "A,1\n",
		"header only":  head,
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) { checkChunked(t, name, []byte(in), Options{}) })
	}
	t.Run("header in two lines", func(t *testing.T) {
		checkChunked(t, "header", []byte("\"organization\",\"records\n\"\nA,1\nB,2\n"), Options{})
	})
}

// TestChunkedReadEncodings checks chunked reading of text that is decoded, with bytes that
// do not decode (each marked, and the row rejected with them shown) before, inside and
// after chunks.
func TestChunkedReadEncodings(t *testing.T) {
	rows := append([][]string(nil), seedRecords...)
	for i := range 30 {
		rows = append(rows, []string{fmt.Sprint("id-", i), "株式会社" + fmt.Sprint(i), "", "個人情報", "確定", "4万1,355件", "", "", "", "令和元年6月4日", "備考\n二行目"})
	}
	sjis := encode(t, shiftJIS, csvText(t, rows, ',', true))
	checkChunked(t, "Shift_JIS", sjis, Options{})
	// Bytes that are not Shift_JIS: 0x85 0x40 is unassigned, 0xFD alone is no lead byte.
	broken := bytes.Replace(sjis, encode(t, shiftJIS, "株式会社3"), append(encode(t, shiftJIS, "株式"), 0x85, 0x40, 0xfd, '3'), 1)
	broken = bytes.Replace(broken, encode(t, shiftJIS, "株式会社20"), append(encode(t, shiftJIS, "株"), 0x85, 0x40, '2', '0'), 1)
	checkChunked(t, "Shift_JIS with bad bytes", broken, Options{Encoding: "shift_jis"})
	checkChunked(t, "UTF-16", encode(t, utf16LE, csvText(t, rows, '\t', true)), Options{})
	latin := csvText(t, [][]string{{"organization", "city"}, {"Müller GmbH", "Zürich"}, {"Société Générale", "Paris"}, {"Bad\x81", "x"}, {"Ångström AB", "Malmö"}}, ',', false)
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(strings.ReplaceAll(latin, "\x81", "")))
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.Replace(b, []byte("Bad"), []byte("Bad\x81"), 1)
	checkChunked(t, "Windows-1252", b, Options{Encoding: "windows-1252"})
}

// TestChunkedReadLimits puts a field or a row over the limits before, inside and after
// broken rows: the same error either way.
func TestChunkedReadLimits(t *testing.T) {
	const head = "organization,records,disclosed,notes\n"
	long := strings.Repeat("x", 120)
	cases := map[string]string{
		"long field":         head + goodRows(1, 10) + "A,1,," + long + "\n" + goodRows(11, 3),
		"long quoted":        head + goodRows(1, 10) + "A,1,,\"" + long + "\"\n",
		"long after broken":  head + goodRows(1, 3) + "\"A,1,,n\n" + goodRows(4, 3) + "B,1,," + long + "\n",
		"long in open quote": head + goodRows(1, 3) + "A,1,,\"n\n" + strings.Repeat(goodRows(4, 3), 3),
		"many columns":       head + goodRows(1, 5) + strings.Repeat("a,", 30) + "\n",
		"long at end":        head + goodRows(1, 5) + "A,1,," + long,
	}
	for name, in := range cases {
		checkChunked(t, name, []byte(in), Options{Limits: Limits{MaxFieldSize: 100, MaxColumns: 20}})
	}
}

// TestChunkedReadFiles checks chunked reading of the files the other tests use: the
// sample, the synthetic list, the command's test inputs and the example mappings' files.
func TestChunkedReadFiles(t *testing.T) {
	checkChunked(t, "sample", Sample(), Options{})
	var syn bytes.Buffer
	if err := WriteSynthetic(&syn, 300, 3); err != nil {
		t.Fatal(err)
	}
	checkChunked(t, "synthetic", syn.Bytes(), Options{})
	files, _ := filepath.Glob("../testdata/*.csv")
	if len(files) == 0 {
		t.Fatal("no ../testdata/*.csv")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkChunked(t, f, b, Options{})
	}
	maps, _ := filepath.Glob("../examples/mappings/*.toml")
	if len(maps) < 3 {
		t.Fatalf("%d mappings in ../examples/mappings", len(maps))
	}
	for _, mf := range maps {
		text, err := os.ReadFile(mf)
		if err != nil {
			t.Fatal(err)
		}
		m, err := ParseMapping(bytes.NewReader(text), mf)
		if err != nil {
			t.Fatal(err)
		}
		in, err := os.ReadFile(strings.TrimSuffix(mf, ".toml") + ".csv")
		if err != nil {
			t.Fatal(err)
		}
		checkChunked(t, mf, in, Options{Mapping: m})
	}
}

// fieldName returns the name of csvRow's field for a column: its words capitalized and
// joined, with Id and Url spelled ID and URL.
func fieldName(col string) string {
	var b strings.Builder
	for _, w := range strings.Split(col, "_") {
		switch w {
		case "id", "url":
			b.WriteString(strings.ToUpper(w))
		default:
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	return b.String()
}

// TestCsvRowSet checks that csvRow.set fills, for each column of rowFields, the field of
// that column's name, and that rowFields has every column of the schema once.
func TestCsvRowSet(t *testing.T) {
	seen := map[string]bool{}
	for k, col := range rowFields {
		if seen[col] {
			t.Errorf("%s twice in rowFields", col)
		}
		seen[col] = true
		var r csvRow
		r.set(k, "v")
		v := reflect.ValueOf(r)
		set := ""
		for i := range v.NumField() {
			if f := v.Field(i); f.Kind() == reflect.String && f.String() == "v" {
				set += v.Type().Field(i).Name
			}
		}
		if want := fieldName(col); set != want {
			t.Errorf("set(%d) (%s) set %q", k, col, set)
		}
	}
	for _, c := range Columns() {
		if !seen[c.Name] {
			t.Errorf("column %s is not in rowFields", c.Name)
		}
	}
}

// TestJoinScopes checks that joinScopes gives the chunks' scopes in order, for any number
// of cores and chunks of any sizes, empty ones included.
func TestJoinScopes(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	shapes := [][]int{{1}, {5}, {1, 1}, {3, 0, 2}, {1, 2, 3, 4, 5, 6, 7}, {100, 1, 1, 1}, {1, 1, 1, 100}, {0, 0, 4}}
	for _, procs := range []int{1, 2, 3, 8} {
		runtime.GOMAXPROCS(procs)
		for _, shape := range shapes {
			var chunks [][]Scope
			var want []Scope
			line := 0
			for _, k := range shape {
				var c []Scope
				for range k {
					line++
					c = append(c, Scope{Line: line, Organization: fmt.Sprint("Org ", line)})
				}
				chunks = append(chunks, c)
				want = append(want, c...)
			}
			if got := joinScopes(chunks, len(want)); !reflect.DeepEqual(got, want) {
				t.Errorf("%d cores, chunks %v: got %d scopes %v", procs, shape, len(got), got)
			}
		}
	}
}
