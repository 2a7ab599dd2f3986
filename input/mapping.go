package input

import (
	"bytes"
	"errors"
	"io"
	"sort"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"breachreport/data"

	"github.com/BurntSushi/toml"
)

// ErrMapping wraps every error in a column-mapping file, for errors.Is.
var ErrMapping = data.Errorf("bad column mapping")

// Mapping says how to read a file whose layout is not breachreport's own: which of its
// columns fills each field, which fields are constants, how its dates are written, and how
// its rows are grouped into incidents. Mappings are written as small TOML files (see
// ParseMapping and the README); examples/mappings holds the ones that ship.
//
// When Scan is given a Mapping, only the columns it names are read into fields; the header
// aliases of Columns do not apply, and every other column is kept as it is (Scope.Extra).
type Mapping struct {
	// Name says what layout the mapping is for; Source says where such files come from.
	Name   string
	Source string
	// DateOrder and DateFormat apply to every date field that does not set its own.
	DateOrder  data.DateOrder
	DateFormat string
	// Fields maps canonical column names (ColOrganization, …) to how each is filled.
	Fields map[string]FieldMapping
}

// FieldMapping says how one field is filled. Exactly one of Column, Columns, EachRow and
// Value is set.
type FieldMapping struct {
	// Column is the header, as the file writes it, of the column that fills the field. It is
	// matched like the tool's own headers: after NFKC, trimmed and case-insensitively.
	Column string
	// Columns (incident_id only) builds the incident id from several columns, their
	// non-blank values joined with " / ": rows that agree on all of them are one incident.
	Columns []string
	// EachRow (incident_id only) makes every row an incident of its own, with the id
	// "<organization> (line N)": for lists with one row per breach and no id column.
	EachRow bool
	// Value fills the field with the same text on every row.
	Value string
	// DateOrder and DateFormat (date fields only) say how the column writes its dates.
	// DateFormat is a Go time layout (written with the reference time, e.g.
	// "01/02/2006 03:04:05 PM" or "January 2, 2006"); text that does not match it is still
	// read in the tool's own unambiguous forms.
	DateOrder  data.DateOrder
	DateFormat string
	// Values translates the column's text (matched after NFKC, trimmed and case-insensitively)
	// before it is read, e.g. {"Y": "confirmed", "N": "suspected"}, or for records
	// {"0": "unknown"}; text not listed is read as it is. Date fields have none.
	Values map[string]string
}

// mappingFile is the TOML form of a Mapping.
type mappingFile struct {
	Name       string                `toml:"name"`
	Source     string                `toml:"source"`
	DateOrder  string                `toml:"date_order"`
	DateFormat string                `toml:"date_format"`
	Fields     map[string]fieldEntry `toml:"fields"`
}

// fieldEntry is one entry of [fields]: a string naming the column, or an inline table.
type fieldEntry struct {
	FieldMapping
	rawOrder string
	err      error
}

// UnmarshalTOML reads `field = "Column"` or `field = { column = "…", … }`. Mistakes are kept
// in e.err so that ParseMapping can name the field they belong to.
func (e *fieldEntry) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		e.Column = v
		return nil
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if err := e.set(k, v[k]); err != nil {
				e.err = err
				return nil
			}
		}
		return nil
	}
	e.err = data.Errorf("must be a column name in quotes or a table such as { column = \"…\" }, not %T", v)
	return nil
}

func (e *fieldEntry) set(key string, v any) error {
	str := func() (string, error) {
		s, ok := v.(string)
		if !ok {
			return "", data.Errorf("%s must be text in quotes", key)
		}
		return s, nil
	}
	var err error
	switch key {
	case "column":
		e.Column, err = str()
	case "value":
		e.Value, err = str()
	case "date_order":
		e.rawOrder, err = str()
	case "date_format":
		e.DateFormat, err = str()
	case "each_row":
		b, ok := v.(bool)
		if !ok {
			return data.Errorf("each_row must be true or false")
		}
		e.EachRow = b
	case "columns":
		list, ok := v.([]any)
		if !ok {
			return data.Errorf("columns must be a list of column names, such as [\"Name\", \"Date\"]")
		}
		for _, x := range list {
			s, ok := x.(string)
			if !ok {
				return data.Errorf("columns must be a list of column names in quotes")
			}
			e.Columns = append(e.Columns, s)
		}
	case "values":
		m, ok := v.(map[string]any)
		if !ok {
			return data.Errorf("values must be a table such as { \"Y\" = \"confirmed\" }")
		}
		e.Values = map[string]string{}
		for from, to := range m {
			s, ok := to.(string)
			if !ok {
				return data.Errorf("values.%s must be text in quotes", from)
			}
			e.Values[from] = s
		}
	default:
		return data.Errorf("unknown key %q (the keys are column, columns, each_row, value, date_order, date_format and values)", key)
	}
	return err
}

// dateFields are the canonical columns that hold dates.
var dateFields = map[string]bool{data.ColExposureStart: true, data.ColExposureEnd: true, data.ColDetected: true, data.ColContained: true, data.ColDisclosed: true,
	data.ColReportedPreliminary: true, data.ColReportedFinal: true}

// The bounds of a mapping's text. The TOML parser recurses once per level of nesting and
// builds a value for each, so deep nesting could overflow its stack or take gigabytes.
const (
	MaxMappingSize  = 1 << 20
	MaxMappingDepth = 16
)

// nestingWithin reports whether the brackets and braces of the TOML text, outside strings and
// comments, nest at most max deep; when not, it returns the line where they go deeper. It
// reads strings as TOML does, so that it sees the nesting the parser would.
func nestingWithin(text []byte, max int) (line int, ok bool) {
	depth, line := 0, 1
	// skipTo moves i past the end of a string that started before i; a string without its
	// end runs to the end of the text (or, single-line, of the line), where the parser stops.
	skipTo := func(i int, end string, escapes, multiline bool) int {
		for i < len(text) {
			switch {
			case text[i] == '\\' && escapes:
				if i+1 < len(text) && text[i+1] == '\n' {
					line++
				}
				i += 2
				continue
			case text[i] == '\n':
				if !multiline {
					return i
				}
				line++
			case bytes.HasPrefix(text[i:], []byte(end)):
				return i + len(end)
			}
			i++
		}
		return i
	}
	for i := 0; i < len(text); {
		switch c := text[i]; {
		case c == '\n':
			line++
			i++
		case c == '#':
			for i < len(text) && text[i] != '\n' {
				i++
			}
		case bytes.HasPrefix(text[i:], []byte(`"""`)):
			i = skipTo(i+3, `"""`, true, true)
		case bytes.HasPrefix(text[i:], []byte("'''")):
			i = skipTo(i+3, "'''", false, true)
		case c == '"':
			i = skipTo(i+1, `"`, true, false)
		case c == '\'':
			i = skipTo(i+1, "'", false, false)
		case c == '[' || c == '{':
			if depth++; depth > max {
				return line, false
			}
			i++
		case c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
			i++
		default:
			i++
		}
	}
	return 0, true
}

// ParseMapping reads a mapping from TOML text; name (usually the file path) prefixes its
// errors. Every mistake is an error wrapping ErrMapping that names the key: an unknown field
// or key, a field with no column and no value or with both, an unknown date order, a date
// format that does not hold a year, month and day, a constant that does not parse, or a
// mapping without organization. Mappings are shared between firms, so the text is untrusted:
// one larger than MaxMappingSize, or with brackets and braces nested deeper than
// MaxMappingDepth, is an error before the TOML parser sees it.
//
// The form is:
//
//	name = "US state attorney-general notifications"
//	date_order = "mdy"                      # for every date field, unless it says otherwise
//	[fields]
//	organization = "Name"                   # a column, by its header
//	disclosed = { column = "DateSubmitted", date_format = "01/02/2006 03:04:05 PM" }
//	certainty = { value = "confirmed" }     # a constant
//	incident_id = { columns = ["Name", "DateSubmitted"] }   # or { each_row = true }
func ParseMapping(r io.Reader, name string) (*Mapping, error) {
	fail := func(m any) error {
		return data.Errorf("%w: %s: %v", ErrMapping, name, m)
	}
	text, err := io.ReadAll(io.LimitReader(r, MaxMappingSize+1))
	if err != nil {
		return nil, fail(err)
	}
	if len(text) > MaxMappingSize {
		return nil, fail(data.Msgf("larger than %s, the most a mapping is read (a mapping is a few dozen lines)", FormatSize(MaxMappingSize)))
	}
	if line, ok := nestingWithin(text, MaxMappingDepth); !ok {
		return nil, fail(data.Msgf("line %d: brackets or braces nested more than %d deep, the most a mapping is read (a mapping needs 2)", line, MaxMappingDepth))
	}
	var f mappingFile
	md, err := toml.NewDecoder(bytes.NewReader(text)).Decode(&f)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fail(data.Msgf("line %d, column %d: %s", pe.Position.Line, pe.Position.Col, pe.Message))
		}
		return nil, fail(err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		return nil, fail(data.Msgf("unknown key %s (the keys are name, source, date_order, date_format and [fields])", strings.Join(keys, ", ")))
	}
	m := &Mapping{Name: f.Name, Source: f.Source, DateFormat: f.DateFormat, Fields: map[string]FieldMapping{}}
	if m.Name == "" {
		m.Name = name
	}
	if m.DateOrder, err = data.ParseDateOrder(f.DateOrder); err != nil {
		return nil, fail(data.Msgf("date_order: %v", err))
	}
	if err := checkDateFormat(m.DateFormat); err != nil {
		return nil, fail(data.Msgf("date_format: %v", err))
	}
	if len(f.Fields) == 0 {
		return nil, fail(data.Msgf("no [fields]: name at least the column that holds organization"))
	}
	known := map[string]bool{}
	var names []string
	for _, c := range data.Columns() {
		known[c.Name] = true
		names = append(names, c.Name)
	}
	fields := make([]string, 0, len(f.Fields))
	for k := range f.Fields {
		fields = append(fields, k)
	}
	sort.Strings(fields)
	for _, field := range fields {
		e := f.Fields[field]
		bad := func(m any) error {
			return fail(data.Msgf("fields.%s: %v", field, m))
		}
		if !known[field] {
			if canon, ok := headerIndex(data.Columns())[normalizeHeader(field)]; ok {
				return nil, bad(data.Msgf("no such field; did you mean %s?", canon))
			}
			return nil, bad(data.Msgf("no such field; the fields are %s", strings.Join(names, ", ")))
		}
		if e.err != nil {
			return nil, bad(e.err)
		}
		fm := e.FieldMapping
		set := 0
		for _, ok := range []bool{fm.Column != "", len(fm.Columns) > 0, fm.EachRow, fm.Value != ""} {
			if ok {
				set++
			}
		}
		if set != 1 {
			return nil, bad(data.Msgf("give exactly one of column, columns, each_row and value"))
		}
		if (len(fm.Columns) > 0 || fm.EachRow) && field != data.ColIncidentID {
			return nil, bad(data.Msgf("columns and each_row are for incident_id only"))
		}
		if fm.DateOrder, err = data.ParseDateOrder(e.rawOrder); err != nil {
			return nil, bad(err)
		}
		if (e.rawOrder != "" || fm.DateFormat != "") && !dateFields[field] {
			return nil, bad(data.Msgf("date_order and date_format are for date fields only"))
		}
		if err := checkDateFormat(fm.DateFormat); err != nil {
			return nil, bad(data.Msgf("date_format: %v", err))
		}
		if fm.Values != nil && (dateFields[field] || fm.Column == "") {
			return nil, bad(data.Msgf("values translates the text of a column; it is not for dates or constants"))
		}
		if fm.Values != nil {
			froms := make([]string, 0, len(fm.Values))
			for from := range fm.Values {
				froms = append(froms, from)
			}
			sort.Strings(froms)
			folded := make(map[string]string, len(fm.Values))
			first := map[string]string{}
			for _, from := range froms {
				k := foldValue(from)
				if prev, dup := first[k]; dup && fm.Values[prev] != fm.Values[from] {
					return nil, bad(data.Msgf("values: %q and %q are the same text once case, width and spaces are ignored, but say different things; keep one", prev, from))
				}
				first[k] = from
				folded[k] = fm.Values[from]
			}
			// What a records code stands for must read as a count, as a constant must:
			// values = { "0" = "unknown" } says the file writes 0 for a count not known.
			for _, from := range froms {
				if field != data.ColRecords {
					break
				}
				if err := checkConstant(field, fm.Values[from], data.DateOptions{}); err != nil {
					return nil, bad(data.Msgf("values.%s = %q: %v", from, fm.Values[from], err))
				}
			}
			fm.Values = folded
		}
		if fm.Value != "" {
			if err := checkConstant(field, fm.Value, m.dateOptions(field, fm)); err != nil {
				return nil, bad(data.Msgf("value %q: %v", fm.Value, err))
			}
		}
		m.Fields[field] = fm
	}
	if _, ok := m.Fields[data.ColOrganization]; !ok {
		return nil, fail(data.Msgf("fields.organization is missing: every row needs an organization"))
	}
	return m, nil
}

// checkConstant reports whether a constant value reads as its field.
func checkConstant(field, v string, opt data.DateOptions) error {
	switch {
	case dateFields[field]:
		_, err := data.ParseDateWith(v, opt)
		return err
	case field == data.ColRecords:
		_, err := data.ParseCount(v)
		return err
	case field == data.ColCertainty:
		if _, ok := data.ParseCertainty(v); !ok {
			return data.Errorf("certainty must be confirmed or suspected")
		}
	}
	return nil
}

// checkDateFormat reports whether layout, a Go time layout, holds a year, a month and a day:
// the reference date written with it must read back as itself.
func checkDateFormat(layout string) error {
	if layout == "" {
		return nil
	}
	ref := time.Date(2019, 6, 4, 15, 4, 5, 0, time.UTC)
	t, err := time.Parse(layout, ref.Format(layout))
	if err != nil || t.Year() != 2019 || t.Month() != 6 || t.Day() != 4 {
		return data.Errorf("%q is not a Go date layout with a year, a month and a day (write the date 2006-01-02 in the form the file uses, e.g. \"01/02/2006\" or \"January 2, 2006\")", layout)
	}
	return nil
}

// dateOptions returns how field fm reads its dates: its own order and format, else the
// mapping's. MaxYear is left to the reader.
func (m *Mapping) dateOptions(field string, fm FieldMapping) data.DateOptions {
	opt := data.DateOptions{Order: m.DateOrder, Layout: m.DateFormat}
	if fm.DateOrder != data.DateOrderNone {
		opt.Order = fm.DateOrder
	}
	if fm.DateFormat != "" {
		opt.Layout = fm.DateFormat
	}
	return opt
}

// foldValue folds a cell's text for matching against a mapping's values.
func foldValue(s string) string {
	return strings.ToLower(strings.TrimSpace(norm.NFKC.String(s)))
}

// suggestedLayouts are the Go layouts of dates written with words that a mapping's date
// warning suggests as its date_format; numeric dates need only a date_order.
var suggestedLayouts = []string{
	"January 2, 2006",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"January 2 2006",
	"2 January 2006",
	"2 Jan 2006",
	"02-Jan-2006",
	"2-Jan-2006",
	"02-Jan-06",
	"Monday, January 2, 2006",
	"Mon, Jan 2, 2006",
	"January 2, 2006 3:04 PM",
	"Jan 2, 2006 3:04 PM",
}

// suggestLayout returns the first of suggestedLayouts that reads raw, a date that opt did not
// read, as a date; "" when none does.
func suggestLayout(raw string, opt data.DateOptions) string {
	for _, l := range suggestedLayouts {
		if l == opt.Layout {
			continue
		}
		o := opt
		o.Layout = l
		if d, err := data.ParseDateWith(raw, o); err == nil && d.Known() {
			return l
		}
	}
	return ""
}
