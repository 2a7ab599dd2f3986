package input

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"breachreport/data"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

// The encodings Scan understands, by the names Result.Encoding gives them.
const (
	EncodingUTF8     = "UTF-8"
	EncodingUTF16LE  = "UTF-16LE"
	EncodingUTF16BE  = "UTF-16BE"
	EncodingShiftJIS = "Shift_JIS"
	// EncodingWindows1252 is Windows-1252 (CP1252), the superset of Latin-1 (ISO-8859-1) that
	// Western European Windows and Excel write.
	EncodingWindows1252 = "Windows-1252"
)

// Sentinel errors about the input's encoding and delimiter, for errors.Is.
var (
	// ErrUnknownEncoding is returned for an Options.Encoding that ParseEncoding does not know.
	ErrUnknownEncoding = data.Errorf("unknown encoding")
	// ErrEncoding wraps the *ParseError returned when the encoding of the input cannot be
	// told, or contradicts the one given.
	ErrEncoding = data.Errorf("wrong or unknown encoding")
	// ErrBadDelimiter is returned for an Options.Delimiter that cannot separate CSV fields.
	ErrBadDelimiter = data.Errorf("invalid delimiter")
	// ErrDelimiter wraps the *ParseError returned when the delimiter of the input cannot be
	// told: several split it alike, or none does.
	ErrDelimiter = data.Errorf("the delimiter cannot be told")
)

// sniffSize is how much of the input is looked at to tell its encoding and delimiter.
const sniffSize = 64 * 1024

// ParseEncoding returns the canonical name (EncodingUTF8, …) of an encoding named in any of
// the spellings Options.Encoding accepts, case-insensitively: utf-8, utf-16le, utf-16be,
// shift_jis, sjis or cp932 for Shift_JIS, and windows-1252, cp1252, latin1 or iso-8859-1 for
// Windows-1252. The empty name stays empty, meaning "detect".
func ParseEncoding(name string) (string, error) {
	switch strings.NewReplacer("-", "", "_", "").Replace(strings.ToLower(strings.TrimSpace(name))) {
	case "":
		return "", nil
	case "utf8":
		return EncodingUTF8, nil
	case "utf16le":
		return EncodingUTF16LE, nil
	case "utf16be":
		return EncodingUTF16BE, nil
	case "shiftjis", "sjis", "cp932", "windows31j", "ms932":
		return EncodingShiftJIS, nil
	case "windows1252", "cp1252", "latin1", "iso88591":
		return EncodingWindows1252, nil
	}
	return "", data.Errorf("%w %q (want utf-8, utf-16le, utf-16be, shift_jis or windows-1252)", ErrUnknownEncoding, name)
}

// DelimiterName names a field delimiter for messages: "comma", "tab", "semicolon", or the
// character quoted.
func DelimiterName(d rune) string {
	switch d {
	case ',':
		return "comma"
	case '\t':
		return "tab"
	case ';':
		return "semicolon"
	}
	return fmt.Sprintf("%q", d)
}

// byteOrderMarks are the marks Scan recognizes, longest first.
var byteOrderMarks = []struct {
	bom []byte
	enc string
}{
	{[]byte{0xEF, 0xBB, 0xBF}, EncodingUTF8},
	{[]byte{0xFF, 0xFE}, EncodingUTF16LE},
	{[]byte{0xFE, 0xFF}, EncodingUTF16BE},
}

// input is the text Scan parses: UTF-8, with the encoding and delimiter it was found in.
type input struct {
	text  *bufio.Reader
	dec   *decoder // nil for UTF-8 input, which is read as it is
	enc   string
	delim rune
}

// openInput works out the encoding (from a byte-order mark, else from the first sniffSize
// bytes, unless opts names one) and the delimiter (from the first records, unless opts names
// one), and returns the input decoded to UTF-8. It reads no more than sniffSize bytes ahead.
func openInput(r io.Reader, opts Options) (*input, error) {
	enc, err := ParseEncoding(opts.Encoding)
	if err != nil {
		return nil, err
	}
	if opts.Delimiter != 0 && !validDelimiter(opts.Delimiter) {
		return nil, data.Errorf("%w %q: a field delimiter cannot be a quote, a line break or NUL", ErrBadDelimiter, opts.Delimiter)
	}
	br := bufio.NewReaderSize(r, sniffSize)
	head, err := br.Peek(sniffSize)
	atEOF := err != nil
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, err
	}

	bomEnc, bomLen := "", 0
	for _, m := range byteOrderMarks {
		if bytes.HasPrefix(head, m.bom) {
			bomEnc, bomLen = m.enc, len(m.bom)
			break
		}
	}
	switch {
	case enc == "" && bomEnc != "":
		enc = bomEnc
	case enc == "":
		if enc, err = sniffEncoding(head, atEOF); err != nil {
			return nil, &ParseError{Err: err}
		}
	case bomEnc != "" && bomEnc != enc:
		return nil, &ParseError{Err: data.Errorf("%w: the file starts with the byte-order mark of %s, but the encoding given is %s", ErrEncoding, bomEnc, enc)}
	}
	if bomEnc == "" && (enc == EncodingUTF16LE || enc == EncodingUTF16BE) {
		if err := checkUTF16(head, enc); err != nil {
			return nil, &ParseError{Err: err}
		}
	}
	if bomEnc == enc {
		_, _ = br.Discard(bomLen)
	}

	in := &input{enc: enc, text: br}
	if enc != EncodingUTF8 {
		in.dec = newDecoder(br, enc)
		in.text = bufio.NewReaderSize(in.dec, sniffSize)
	}
	in.delim = opts.Delimiter
	if in.delim == 0 {
		head, err := in.text.Peek(sniffSize)
		if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
			return nil, err
		}
		if in.delim, err = sniffDelimiter(head, err == io.EOF); err != nil {
			return nil, &ParseError{Err: err}
		}
	}
	return in, nil
}

// checkUTF16 checks that head, without a byte-order mark, has the NUL bytes of UTF-16 text in
// the byte order enc: a zero high byte in every ASCII character (delimiters, digits, line
// breaks), at least one code unit in 16. Text in another encoding has none, and would be read
// as one long line of characters no one wrote.
func checkUTF16(head []byte, enc string) error {
	if len(head) < 2 {
		return nil
	}
	hi, other := 1, EncodingUTF16BE // the index of the high byte in a code unit
	if enc == EncodingUTF16BE {
		hi, other = 0, EncodingUTF16LE
	}
	units := len(head) / 2
	zeroHigh, zeroLow := 0, 0
	for i := 0; i+1 < len(head); i += 2 {
		if head[i+hi] == 0 {
			zeroHigh++
		}
		if head[i+1-hi] == 0 {
			zeroLow++
		}
	}
	switch {
	case zeroHigh > zeroLow && zeroHigh*16 >= units:
		return nil
	case zeroLow > zeroHigh && zeroLow*16 >= units:
		return data.Errorf("%w: the encoding given is %s, but the file has no byte-order mark and its NUL bytes are where %s has them; is it %s (%s)?",
			ErrEncoding, enc, other, other, strings.ToLower(other))
	}
	return data.Errorf("%w: the encoding given is %s, but the file has no byte-order mark and not the NUL bytes that %s text has in every ASCII character (commas, digits, line breaks): it is not %s; leave the encoding out to detect it",
		ErrEncoding, enc, enc, enc)
}

// validDelimiter reports whether encoding/csv accepts d as its Comma.
func validDelimiter(d rune) bool {
	return d != 0 && d != '"' && d != '\r' && d != '\n' && utf8.ValidRune(d) && d != utf8.RuneError
}

// sniffEncoding tells the encoding of text without a byte-order mark from its first bytes,
// head (all of it when atEOF). UTF-8 if head is valid UTF-8 (plain ASCII included), or holds
// many valid UTF-8 characters beside a few bad bytes (a damaged row, a character cut off).
// Otherwise Shift_JIS and Windows-1252 are weighed, only on clear evidence, since Western
// European text often decodes as Shift_JIS into kanji no one wrote:
//   - Shift_JIS when head decodes as Shift_JIS (or with clearly fewer bad sequences than as
//     UTF-8, its bad rows then rejected one by one), and Windows-1252 cannot code it or it
//     looks Japanese (japaneseEvidence) four times as much as Western European
//     (latinEvidence);
//   - Windows-1252 when it looks Western European four times as much as Japanese and as
//     UTF-8 (its valid characters, which a file that mixes the two would hold);
//   - text that could be either is an error that shows a line read both ways and asks for
//     the encoding;
//   - else the encoding with fewer bad sequences, UTF-8 or Shift_JIS, wins, UTF-8 on a tie.
//
// NUL bytes in the first line or in numbers (UTF-16 without a byte-order mark), workbooks
// and anything else are errors: they are not guessed at.
func sniffEncoding(head []byte, atEOF bool) (string, error) {
	switch {
	case bytes.HasPrefix(head, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		return "", data.Errorf("%w: the file is an Excel 97-2003 .xls workbook (or a password-protected one), not CSV or .xlsx; save it as .xlsx or CSV UTF-8 from Excel", ErrEncoding)
	case manyNULs(head):
		return "", data.Errorf("%w: the file holds NUL bytes: UTF-16 text without a byte-order mark, or not text at all; name its encoding (utf-16le or utf-16be)", ErrEncoding)
	}
	badUTF8 := countUndecodable(head, atEOF, decodeUTF8)
	if badUTF8 == 0 {
		return EncodingUTF8, nil
	}
	// Many characters that are valid UTF-8 beside a few bytes that are not: UTF-8 with a
	// damaged row or a character cut off, not Shift_JIS, whose text rarely reads as UTF-8.
	good, damaged := countUTF8(head)
	if good >= 2*damaged {
		return EncodingUTF8, nil
	}
	badSJIS := countUndecodable(head, atEOF, newCharDecoder(EncodingShiftJIS))
	japanese := japaneseEvidence(head, atEOF)
	latin, uncoded := latinEvidence(head)
	sjisOK := badSJIS == 0 || badSJIS*4 <= badUTF8
	// A byte Windows-1252 leaves undefined is no evidence against it when the text does not
	// read as Shift_JIS either and the accented letters outweigh it: Excel writes those bytes
	// (they are C1 controls to it), and real exports have one in a long Latin-1 text (HHS's
	// 0x9D).
	cp1252OK := uncoded == 0 || badSJIS > 0 && latin >= 4*uncoded
	switch {
	case sjisOK && (!cp1252OK || japanese > 0 && japanese >= 4*latin):
		return EncodingShiftJIS, nil
	case cp1252OK && latin > 0 && latin >= 4*(japanese+good):
		return EncodingWindows1252, nil
	case sjisOK && cp1252OK:
		return "", data.Errorf("%w: the text is not UTF-8, and it could be Shift_JIS (Japanese) or Windows-1252 (Latin-1, Western European)%s; the encoding is not guessed: name it, shift_jis or windows-1252",
			ErrEncoding, bothReadings(head, atEOF))
	case badUTF8 <= badSJIS:
		return EncodingUTF8, nil
	}
	return "", data.Errorf("%w: the text is neither UTF-8 nor Shift_JIS: the first %d bytes hold %d byte sequences that are not UTF-8 and %d that are not Shift_JIS, and it does not clearly read as Windows-1252 either; name the encoding",
		ErrEncoding, len(head), badUTF8, badSJIS)
}

// japaneseEvidence scores how much head, read as Shift_JIS, looks like Japanese text. One
// point each: a kana, a Japanese punctuation mark or a full-width form (which Windows-1252
// text, where they would start with a byte such as ‚ or ƒ, practically never gives); a kanji
// of JIS level 1 (lead byte up to 0x9F) next to another character above ASCII, as Japanese
// words are written (株式会社); a half-width katakana next to another; 年, 月, 日, 万 or 件
// right after a digit (dates, counts). Four points for each Japanese column name of Columns
// in the first line. Windows-1252 text read as Shift_JIS scores next to nothing: its accented
// letters become kanji of level 2 or half-width katakana, each alone between ASCII letters.
func japaneseEvidence(head []byte, atEOF bool) int {
	type char struct {
		r    rune // U+FFFD for bytes that do not decode; -1 before the start and after the end
		lead byte
	}
	nonASCII := func(r rune) bool { return r >= utf8.RuneSelf && r != utf8.RuneError }
	halfKana := func(r rune) bool { return 0xFF61 <= r && r <= 0xFF9F }
	score := 0
	// judge scores c, with the characters before and after it.
	judge := func(prev, c, next char) {
		switch {
		case !nonASCII(c.r):
		case isKana(c.r):
			score++
		case unicode.Is(unicode.Han, c.r) && c.lead <= 0x9F && (nonASCII(prev.r) || nonASCII(next.r)):
			score++
		case halfKana(c.r) && (halfKana(prev.r) || halfKana(next.r)):
			score++
		case strings.ContainsRune("年月日万件", c.r) && '0' <= prev.r && prev.r <= '9':
			score++
		}
	}
	next := newCharDecoder(EncodingShiftJIS)
	prev, cur := char{r: -1}, char{r: -1}
	for p := head; len(p) > 0; {
		r, size, ok := next(p, atEOF)
		if size == 0 {
			break
		}
		if !ok {
			r = utf8.RuneError
		}
		c := char{r, p[0]}
		judge(prev, cur, c)
		prev, cur = cur, c
		p = p[size:]
	}
	judge(prev, cur, char{r: -1})
	first := head
	if i := bytes.IndexAny(head, "\r\n"); i >= 0 {
		first = head[:i]
	}
	names := map[string]bool{}
	for _, c := range data.Columns() {
		for _, a := range c.Aliases {
			if !isASCII(a) {
				names[normalizeHeader(a)] = true
			}
		}
	}
	for _, h := range strings.FieldsFunc(decodeForShow(first, true, next, -1), func(r rune) bool { return r == ',' || r == '\t' || r == ';' }) {
		if names[normalizeHeader(strings.Trim(h, ` "\r`))] {
			score += 4
		}
	}
	return score
}

// isKana reports whether r is a hiragana, a katakana (ー and ・ included), Japanese punctuation
// (、。「」『』) or a full-width form of an ASCII character.
func isKana(r rune) bool {
	return 0x3041 <= r && r <= 0x30FF || 0x3001 <= r && r <= 0x3002 || 0x300C <= r && r <= 0x300F || 0xFF01 <= r && r <= 0xFF5E
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// latinEvidence counts, in head read as Windows-1252, the accented letters that stand alone,
// or two together (ção), between ASCII characters and next to an ASCII letter, as Western
// European text has them (Müller, Société, Zürich); Japanese text in Shift_JIS has its bytes
// above ASCII in longer runs instead. The letters of 0x80 to 0x9F (ƒ, Š, Œ, Ž, …) do not
// count: they are rare in European text, and lead bytes of katakana and kanji (ガ is ƒK).
// Nor does ÿ (0xFF): it is the rarest letter of Latin-1 text and the commonest stray byte
// (all bits set), and one of it would otherwise make a UTF-8 file read as Windows-1252.
// uncoded counts the bytes that code nothing in Windows-1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D),
// which Shift_JIS text has as lead bytes (0x81 starts ー, 、 and 。).
func latinEvidence(head []byte) (letters, uncoded int) {
	letter := func(i int) bool {
		return i >= 0 && i < len(head) && ('a' <= head[i] && head[i] <= 'z' || 'A' <= head[i] && head[i] <= 'Z')
	}
	for i := 0; i < len(head); {
		if head[i] < utf8.RuneSelf {
			i++
			continue
		}
		j, accented := i, true // head[i:j] is a run of bytes above ASCII
		for ; j < len(head) && head[j] >= utf8.RuneSelf; j++ {
			r := charmap.Windows1252.DecodeByte(head[j])
			if r == utf8.RuneError {
				uncoded++
			}
			accented = accented && head[j] >= 0xA0 && head[j] != 0xFF && unicode.IsLetter(r)
		}
		if accented && j-i <= 2 && (letter(i-1) || letter(j)) {
			letters += j - i
		}
		i = j
	}
	return letters, uncoded
}

// bothReadings returns ": line N reads "…" in Shift_JIS and "…" in Windows-1252" for the
// first line of head with a byte above ASCII, for an error that asks which is right.
func bothReadings(head []byte, atEOF bool) any {
	i := bytes.IndexFunc(head, func(r rune) bool { return r >= utf8.RuneSelf })
	if i < 0 {
		return ""
	}
	start := bytes.LastIndexAny(head[:i], "\r\n") + 1
	end := len(head)
	if j := bytes.IndexAny(head[i:], "\r\n"); j >= 0 {
		end = i + j
	}
	line := bytes.TrimRight(head[start:end], "\r")
	return data.Msgf(": line %d reads \"%s\" in Shift_JIS and \"%s\" in Windows-1252",
		1+lineEnds(head[:start]),
		decodeForShow(line, atEOF || end < len(head), newCharDecoder(EncodingShiftJIS), 60),
		decodeForShow(line, true, decodeWindows1252, 60))
}

// lineEnds counts the line endings in p: LF, CRLF and a lone CR each count once.
func lineEnds(p []byte) int {
	return bytes.Count(p, []byte("\n")) + bytes.Count(p, []byte("\r")) - bytes.Count(p, []byte("\r\n"))
}

// decodeForShow decodes p with next, the bytes that do not decode or give a character that
// does not print escaped (\xe9), cut to max characters (max < 0: all) with "…".
func decodeForShow(p []byte, atEOF bool, next charDecoder, max int) string {
	var b strings.Builder
	for n := 0; len(p) > 0; n++ {
		if n == max {
			b.WriteString("…")
			break
		}
		r, size, ok := next(p, atEOF)
		if size == 0 {
			break
		}
		if ok && (unicode.IsPrint(r) || r == '\t') {
			b.WriteRune(r)
		} else {
			for _, c := range p[:size] {
				fmt.Fprintf(&b, "\\x%02x", c)
			}
		}
		p = p[size:]
	}
	return b.String()
}

// manyNULs reports whether the NUL bytes in head say that it is not 8-bit text: one in the
// first line, or one in 16 bytes or more (UTF-16 has one in two). A few NUL bytes further on
// are damage that rejects the rows they are in.
func manyNULs(head []byte) bool {
	n := bytes.Count(head, []byte{0})
	if n == 0 {
		return false
	}
	first := head
	if i := bytes.IndexAny(head, "\r\n"); i >= 0 {
		first = head[:i]
	}
	return bytes.IndexByte(first, 0) >= 0 || n*16 >= len(head)
}

// countUTF8 counts the characters of p above ASCII that are valid UTF-8, and the runs of
// bytes that are not (a character cut off, a damaged byte); an incomplete character at the
// end of p counts as neither.
func countUTF8(p []byte) (good, damaged int) {
	inRun := false
	for len(p) > 0 {
		r, size := utf8.DecodeRune(p)
		switch {
		case r == utf8.RuneError && size == 1 && !utf8.FullRune(p):
			return good, damaged
		case r == utf8.RuneError && size == 1:
			if !inRun {
				damaged++
			}
			inRun = true
		default:
			if size > 1 {
				good++
			}
			inRun = false
		}
		p = p[size:]
	}
	return good, damaged
}

// countUndecodable counts the byte sequences of p that next cannot decode. Unless atEOF, an
// incomplete character at the end of p is not counted: the rest of it is beyond p.
func countUndecodable(p []byte, atEOF bool, next charDecoder) int {
	bad := 0
	for len(p) > 0 {
		_, size, ok := next(p, atEOF)
		if size == 0 {
			break
		}
		if !ok {
			bad++
		}
		p = p[size:]
	}
	return bad
}

// delimiterRecords is how many records, the header first, tell the delimiter.
const delimiterRecords = 20

// delimiterCandidates are the delimiters detected, in the order messages list them.
var delimiterCandidates = []rune{',', '\t', ';'}

// delimiterSplit is what one candidate delimiter makes of the first records.
type delimiterSplit struct {
	delim  rune
	header int // fields in the header; 0 when its quoting is broken with this delimiter
	rows   int // records after the header
	agree  int // those with as many fields as the header
	// mode is the most common number of fields in the rows after the header (the smallest
	// on a tie), and modeRows how many rows have it.
	mode, modeRows int
}

// consistent reports whether the split gives the header more than one field and at least
// three quarters of the rows after it as many (a few broken rows are rejected later, one by
// one).
func (s delimiterSplit) consistent() bool {
	return s.header > 1 && s.agree*4 >= s.rows*3
}

// splitsRows reports whether the split gives at least three quarters of the rows after the
// header the same number of fields, more than one.
func (s delimiterSplit) splitsRows() bool {
	return s.rows > 0 && s.mode > 1 && s.modeRows*4 >= s.rows*3
}

func (s delimiterSplit) String() string { return s.Message().String() }

// Message says what the split gives.
func (s delimiterSplit) Message() data.Msg {
	name := DelimiterMsg(s.delim)
	switch {
	case s.header > 1:
		return data.Msgf("%v splits the header into %d fields and %d of the %d rows after it alike", name, s.header, s.agree, s.rows)
	case s.splitsRows() && s.header == 0:
		return data.Msgf("%v splits %d of the %d rows after the header into %d fields but breaks the header's quoting", name, s.modeRows, s.rows, s.mode)
	case s.splitsRows():
		return data.Msgf("%v splits %d of the %d rows after the header into %d fields but does not split the header", name, s.modeRows, s.rows, s.mode)
	case s.header == 0:
		return data.Msgf("%v breaks the header's quoting", name)
	}
	return data.Msgf("%v does not split the header", name)
}

// sniffDelimiter tells the delimiter from the start of the text (all of it when atEOF): the
// header and up to delimiterRecords-1 records after it, blank ones skipped, read as CSV with
// each of comma, tab and semicolon. The delimiter is the one that splits the header into more
// than one field and the rows after it alike (consistent); or, when none does, the only one
// that splits the header, unless another splits the rows (its rows that do not fit are then
// rejected one by one, as with a delimiter given). When none splits the header the file has
// one column, read with comma; the header check then says what is missing. Otherwise the
// delimiter is not guessed: the error says what each one gives.
func sniffDelimiter(text []byte, atEOF bool) (rune, error) {
	if !atEOF {
		// The last line may be cut short.
		text = text[:bytes.LastIndexByte(text, '\n')+1]
	}
	splits := make([]delimiterSplit, len(delimiterCandidates))
	var header, consistent, rows []delimiterSplit
	for i, d := range delimiterCandidates {
		s := splitRecords(text, d, atEOF)
		splits[i] = s
		if s.header > 1 {
			header = append(header, s)
		}
		if s.consistent() {
			consistent = append(consistent, s)
		}
		if s.splitsRows() {
			rows = append(rows, s)
		}
	}
	var what data.Msg
	switch {
	case len(consistent) == 1:
		return consistent[0].delim, nil
	case len(header) == 0:
		return ',', nil
	case len(consistent) > 1:
		what = data.Msgf("more than one delimiter splits the header and the rows after it alike")
	case len(header) == 1 && (len(rows) == 0 || len(rows) == 1 && rows[0].delim == header[0].delim):
		return header[0].delim, nil
	case len(header) == 1:
		what = data.Msgf("the header and the rows after it are split by different delimiters")
	default:
		what = data.Msgf("no delimiter splits the header and the rows after it alike")
	}
	parts := make(data.Clauses, len(splits))
	for i, s := range splits {
		parts[i] = s.Message()
	}
	return 0, data.Errorf("%w: %v: %v; name it: comma, tab or semicolon", ErrDelimiter, what, parts)
}

// splitRecords reads the first records of text as CSV separated by d.
func splitRecords(text []byte, d rune, atEOF bool) delimiterSplit {
	s := delimiterSplit{delim: d}
	cr := csv.NewReader(bytes.NewReader(text))
	cr.Comma, cr.FieldsPerRecord = d, -1
	counts := map[int]int{}
	for n := 0; n < delimiterRecords; {
		rec, err := cr.Read()
		if err == io.EOF || err != nil && !atEOF && cr.InputOffset() == int64(len(text)) {
			break // the end, or a quoted field that goes on past the text
		}
		if err == nil && strings.Trim(strings.Join(rec, ""), " \t\r\n,;") == "" {
			continue // blank, with every delimiter
		}
		switch {
		case n == 0 && err == nil:
			s.header = len(rec)
		case n == 0: // broken quoting: header stays 0
		default:
			s.rows++
			if err == nil {
				counts[len(rec)]++
				if len(rec) == s.header {
					s.agree++
				}
			}
		}
		n++
	}
	for k, c := range counts {
		if c > s.modeRows || c == s.modeRows && k < s.mode {
			s.mode, s.modeRows = k, c
		}
	}
	return s
}

// A charDecoder decodes the first character of p. It returns the rune and the number of
// bytes it took, with ok false (and rune U+FFFD) when those bytes do not decode. Size 0
// means p ends inside a character and more input is needed; at EOF that never happens.
type charDecoder func(p []byte, atEOF bool) (r rune, size int, ok bool)

func decodeUTF8(p []byte, atEOF bool) (rune, int, bool) {
	r, size := utf8.DecodeRune(p)
	if r == utf8.RuneError && size == 1 {
		if !atEOF && !utf8.FullRune(p) {
			return 0, 0, false
		}
		return utf8.RuneError, 1, false
	}
	return r, size, true
}

// newCharDecoder returns the charDecoder of a non-UTF-8 encoding.
func newCharDecoder(enc string) charDecoder {
	switch enc {
	case EncodingUTF16LE:
		return utf16Decoder(binary.LittleEndian)
	case EncodingUTF16BE:
		return utf16Decoder(binary.BigEndian)
	case EncodingWindows1252:
		return decodeWindows1252
	}
	return shiftJISDecoder
}

// decodeWindows1252 decodes one byte of Windows-1252. The five bytes that code no character
// (0x81, 0x8D, 0x8F, 0x90, 0x9D) decode as the C1 controls of the same number, as Excel and
// Windows read them; cell text then loses them with a warning (see undefined1252Message). A
// UTF-8 character of two bytes or more does not decode: it is UTF-8 in a file that mixes
// encodings (é in UTF-8 would read as Ã©), and Windows-1252 text next to never holds those
// byte sequences.
func decodeWindows1252(p []byte, atEOF bool) (rune, int, bool) {
	c := p[0]
	if c < utf8.RuneSelf {
		return rune(c), 1, true
	}
	if 0xC2 <= c && c <= 0xF4 {
		if !atEOF && !utf8.FullRune(p) {
			return 0, 0, false
		}
		if r, size := utf8.DecodeRune(p); r != utf8.RuneError {
			return utf8.RuneError, size, false
		}
	}
	if r := charmap.Windows1252.DecodeByte(c); r != utf8.RuneError {
		return r, 1, true
	}
	return rune(c), 1, true
}

func utf16Decoder(order binary.ByteOrder) charDecoder {
	return func(p []byte, atEOF bool) (rune, int, bool) {
		if len(p) < 2 {
			if !atEOF {
				return 0, 0, false
			}
			return utf8.RuneError, len(p), false // an odd byte at the end
		}
		u := rune(order.Uint16(p))
		switch {
		case 0xD800 <= u && u < 0xDC00:
			if len(p) < 4 {
				if !atEOF {
					return 0, 0, false
				}
				return utf8.RuneError, 2, false
			}
			if u2 := rune(order.Uint16(p[2:])); 0xDC00 <= u2 && u2 < 0xE000 {
				return utf16.DecodeRune(u, u2), 4, true
			}
			return utf8.RuneError, 2, false // a high surrogate alone
		case 0xDC00 <= u && u < 0xE000:
			return utf8.RuneError, 2, false // a low surrogate alone
		}
		return u, 2, true
	}
}

// shiftJISDecoder frames Shift_JIS characters as golang.org/x/text's decoder does (CP932:
// single bytes for ASCII and half-width katakana, lead and trail byte for the rest) and
// looks each double-byte character up in what that decoder gives for it (sjisPairs), so
// that a sequence the decoder would silently turn into U+FFFD is known, with its bytes.
func shiftJISDecoder(p []byte, atEOF bool) (rune, int, bool) {
	switch c0 := p[0]; {
	case c0 < utf8.RuneSelf:
		return rune(c0), 1, true
	case c0 == 0x80:
		return 0x80, 1, true // as x/text and Windows map it
	case 0xA1 <= c0 && c0 < 0xE0:
		return rune(c0) + (0xFF61 - 0xA1), 1, true
	case 0x81 <= c0 && c0 < 0xA0 || 0xE0 <= c0 && c0 < 0xFD:
		if len(p) < 2 {
			if !atEOF {
				return 0, 0, false
			}
			return utf8.RuneError, 1, false // a lead byte at the end
		}
		switch c1 := p[1]; {
		case c1 < 0x40 || c1 == 0x7F:
			return utf8.RuneError, 1, false // the trail is ASCII: it is read on its own
		case c1 >= 0xFD:
			return utf8.RuneError, 2, false
		}
		if r := sjisPairs()[sjisPair(c0, p[1])]; r >= 0 {
			return r, 2, true
		}
		return utf8.RuneError, 2, false // no character has this code
	}
	return utf8.RuneError, 1, false
}

// sjisPairCount is the number of Shift_JIS double-byte codes: 60 lead bytes (0x81-0x9F,
// 0xE0-0xFC) by 188 trail bytes (0x40-0xFC, less 0x7F).
const sjisPairCount = 60 * 188

// sjisPair numbers the double-byte code c0 c1 (a lead and a trail byte) from 0.
func sjisPair(c0, c1 byte) int {
	lead := int(c0) - 0x81
	if c0 >= 0xE0 {
		lead = int(c0) - 0xE0 + 31
	}
	trail := int(c1) - 0x40
	if c1 > 0x7F {
		trail--
	}
	return lead*188 + trail
}

// sjisPairs returns what golang.org/x/text's Shift_JIS decoder gives for each double-byte
// code, numbered by sjisPair: -1 for a code that no character has. It is worked out once,
// on first use; one lookup then replaces a call of the decoder per character.
var sjisPairs = sync.OnceValue(func() *[sjisPairCount]rune {
	var table [sjisPairCount]rune
	t := japanese.ShiftJIS.NewDecoder()
	for _, c0 := range sjisLeads() {
		for c1 := 0x40; c1 <= 0xFC; c1++ {
			if c1 == 0x7F {
				continue
			}
			r := rune(-1)
			var buf [utf8.UTFMax]byte
			n, _, err := t.Transform(buf[:], []byte{c0, byte(c1)}, true)
			if d, _ := utf8.DecodeRune(buf[:n]); err == nil && d != utf8.RuneError {
				r = d
			}
			table[sjisPair(c0, byte(c1))] = r
		}
	}
	return &table
})

// sjisLeads returns the lead bytes of Shift_JIS double-byte codes, in order.
func sjisLeads() []byte {
	var leads []byte
	for c := 0x81; c <= 0xFC; c++ {
		if c < 0xA0 || c >= 0xE0 {
			leads = append(leads, byte(c))
		}
	}
	return leads
}

// decoder is an io.Reader of the input decoded to UTF-8. Where bytes do not decode, it
// writes each of them as a pair of bytes that UTF-8 never holds and CSV never reads as a
// delimiter, quote or line break (see escapeByte). So the fields of a row carry their own
// undecodable bytes, to be found and shown by undecodable, and a U+FFFD that the file
// itself holds is text like any other.
type decoder struct {
	src  *bufio.Reader
	next charDecoder
	// ascii is set when every byte below 0x80 that starts a character is that ASCII
	// character on its own (Shift_JIS, Windows-1252; not UTF-16).
	ascii bool
	out   []byte // decoded and not yet returned
	err   error  // from src, given once out is drained
}

// An undecodable byte b is written as escapeLead+b>>6 then 0x80+b&0x3F: a lead byte that
// is never in UTF-8 (0xF8-0xFB) and a continuation byte.
const escapeLead = 0xF8

func escapeByte(out []byte, b byte) []byte {
	return append(out, escapeLead+b>>6, 0x80+b&0x3F)
}

func newDecoder(src *bufio.Reader, enc string) *decoder {
	return &decoder{src: src, next: newCharDecoder(enc), ascii: enc == EncodingShiftJIS || enc == EncodingWindows1252}
}

// Read gives decoded text. It never returns 0 bytes without an error.
func (d *decoder) Read(p []byte) (int, error) {
	for len(d.out) == 0 && d.err == nil {
		d.fill()
	}
	if len(d.out) == 0 {
		return 0, d.err
	}
	n := copy(p, d.out)
	d.out = d.out[n:]
	return n, nil
}

// fill decodes what src has buffered: at least one character, unless at the end.
func (d *decoder) fill() {
	_, err := d.src.Peek(utf8.UTFMax) // fails only when fewer bytes are left
	src, _ := d.src.Peek(d.src.Buffered())
	if len(src) == 0 {
		d.err = err
		return
	}
	atEOF := err != nil
	out := d.out[:0]
	i := 0
	for i < len(src) {
		if d.ascii && src[i] < utf8.RuneSelf {
			// A run of ASCII is itself: each of its bytes is a character, the next one starts
			// after it.
			j := i + 1
			for j < len(src) && src[j] < utf8.RuneSelf {
				j++
			}
			out = append(out, src[i:j]...)
			i = j
			continue
		}
		r, size, ok := d.next(src[i:], atEOF)
		if size == 0 {
			break
		}
		if ok {
			out = utf8.AppendRune(out, r)
		} else {
			for _, b := range src[i : i+size] {
				out = escapeByte(out, b)
			}
		}
		i += size
	}
	d.out = out
	_, _ = d.src.Discard(i)
	if atEOF && err != io.EOF {
		d.err = err
	}
}

// undecodable returns the index of the first field of rec that holds bytes that did not
// decode, with the field's text for showing (see showUndecodable); -1 when every field
// decoded. Only text from a decoder holds them: call it for input that was decoded.
func undecodable(rec []string) (int, string) {
	for j, f := range rec {
		if hasEscapes(f) {
			return j, showUndecodable(f)
		}
	}
	return -1, ""
}

func hasEscapes(f string) bool {
	for i := 0; i < len(f); i++ {
		if f[i]&0xFC == escapeLead {
			return true
		}
	}
	return false
}

// showUndecodable returns f with the bytes that did not decode put back and escaped
// (\x82\xff), cut to 80 characters, like the value of a row that is not valid UTF-8: even
// where they would make valid UTF-8 (UTF-8 in a file read as Windows-1252).
func showUndecodable(f string) string {
	var b, seg strings.Builder // seg: text not yet escaped
	n := 0
	for i := 0; i < len(f); {
		if n == 80 {
			seg.WriteString("…")
			break
		}
		n++
		if c := f[i]; c&0xFC == escapeLead && i+1 < len(f) {
			raw := (c-escapeLead)<<6 | f[i+1]&0x3F
			i += 2
			if raw < utf8.RuneSelf {
				seg.WriteByte(raw)
				continue
			}
			b.WriteString(escapeInvalid(seg.String()))
			seg.Reset()
			fmt.Fprintf(&b, `\x%02x`, raw)
			continue
		}
		r, size := utf8.DecodeRuneInString(f[i:])
		seg.WriteRune(r)
		i += size
	}
	b.WriteString(escapeInvalid(seg.String()))
	return b.String()
}
