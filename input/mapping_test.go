package input

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"breachreport/data"
)

func mustMapping(t *testing.T, text string) *Mapping {
	t.Helper()
	m, err := ParseMapping(strings.NewReader(text), "test.toml")
	if err != nil {
		t.Fatalf("ParseMapping: %v", err)
	}
	return m
}

func TestParseMapping(t *testing.T) {
	m := mustMapping(t, `
name = "state AG"
source = "https://example.com/ag"
date_order = "mdy"
[fields]
organization = "Name"
disclosed = { column = "DateSubmitted", date_format = "01/02/2006 03:04:05 PM" }
detected = { column = "DateAware", date_order = "dmy" }
certainty = { column = "Confirmed?", values = { "Y" = "confirmed", "N" = "suspected" } }
record_type = { value = "personal" }
incident_id = { columns = ["Name", "DateSubmitted"] }
`)
	if m.Name != "state AG" || m.Source != "https://example.com/ag" || m.DateOrder != data.DateOrderMDY {
		t.Errorf("mapping = %+v", m)
	}
	want := map[string]FieldMapping{
		data.ColOrganization: {Column: "Name"},
		data.ColDisclosed:    {Column: "DateSubmitted", DateFormat: "01/02/2006 03:04:05 PM"},
		data.ColDetected:     {Column: "DateAware", DateOrder: data.DateOrderDMY},
		data.ColCertainty:    {Column: "Confirmed?", Values: map[string]string{"y": "confirmed", "n": "suspected"}},
		data.ColRecordType:   {Value: "personal"},
		data.ColIncidentID:   {Columns: []string{"Name", "DateSubmitted"}},
	}
	if len(m.Fields) != len(want) {
		t.Fatalf("fields = %+v; want %d of them", m.Fields, len(want))
	}
	for k, w := range want {
		got := m.Fields[k]
		if got.Column != w.Column || got.Value != w.Value || got.DateFormat != w.DateFormat || got.DateOrder != w.DateOrder ||
			strings.Join(got.Columns, "|") != strings.Join(w.Columns, "|") || len(got.Values) != len(w.Values) {
			t.Errorf("fields.%s = %+v; want %+v", k, got, w)
		}
		for from, to := range w.Values {
			if got.Values[from] != to {
				t.Errorf("fields.%s.values[%q] = %q; want %q", k, from, got.Values[from], to)
			}
		}
	}
	// The field's own order wins over the mapping's; the mapping's applies otherwise.
	if o := m.dateOptions(data.ColDetected, m.Fields[data.ColDetected]); o.Order != data.DateOrderDMY {
		t.Errorf("detected reads %v; want dmy", o.Order)
	}
	if o := m.dateOptions(data.ColDisclosed, m.Fields[data.ColDisclosed]); o.Order != data.DateOrderMDY || o.Layout != "01/02/2006 03:04:05 PM" {
		t.Errorf("disclosed reads %+v; want mdy with its layout", o)
	}
}

func TestParseMappingErrors(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string
	}{
		{"TOML syntax", "[fields]\norganization = \"Name\nx", "test.toml: line 2"},
		{"unknown top-level key", "nmae = \"x\"\n[fields]\norganization = \"Name\"", "unknown key nmae"},
		{"no fields", `name = "x"`, "no [fields]"},
		{"unknown field", "[fields]\norganization = \"Name\"\norganisation_name = \"X\"", "fields.organisation_name: no such field; the fields are incident_id, organization"},
		{"an alias for a field", "[fields]\n\"発覚日\" = \"Aware\"\norganization = \"Name\"", "fields.発覚日: no such field; did you mean detected?"},
		{"unknown key in a field", "[fields]\norganization = { colum = \"Name\" }", `fields.organization: unknown key "colum"`},
		{"column and value", "[fields]\norganization = { column = \"Name\", value = \"Acme\" }", "fields.organization: give exactly one of column, columns, each_row and value"},
		{"neither column nor value", "[fields]\norganization = {}", "fields.organization: give exactly one"},
		{"a number", "[fields]\norganization = 3", "fields.organization: must be a column name in quotes"},
		{"columns beyond incident_id", "[fields]\norganization = { columns = [\"A\", \"B\"] }", "fields.organization: columns and each_row are for incident_id only"},
		{"each_row beside columns", "[fields]\norganization = \"Name\"\nincident_id = { each_row = true, columns = [\"A\"] }", "fields.incident_id: give exactly one"},
		{"each_row not a bool", "[fields]\norganization = \"Name\"\nincident_id = { each_row = \"yes\" }", "each_row must be true or false"},
		{"date order on a text field", "[fields]\norganization = { column = \"Name\", date_order = \"mdy\" }", "fields.organization: date_order and date_format are for date fields only"},
		{"unknown date order", "date_order = \"ymd\"\n[fields]\norganization = \"Name\"", `date_order: date order "ymd" not supported`},
		{"unknown field date order", "[fields]\norganization = \"Name\"\ndisclosed = { column = \"D\", date_order = \"md\" }", `fields.disclosed: date order "md" not supported`},
		{"date format without a day", "[fields]\norganization = \"Name\"\ndisclosed = { column = \"D\", date_format = \"01/2006\" }", `fields.disclosed: date_format: "01/2006" is not a Go date layout`},
		{"date format that is not a layout", "date_format = \"mm/dd/yyyy\"\n[fields]\norganization = \"Name\"", `date_format: "mm/dd/yyyy" is not a Go date layout`},
		{"values that clash", "[fields]\norganization = \"Name\"\ncertainty = { column = \"C\", values = { Y = \"confirmed\", y = \"suspected\" } }", `fields.certainty: values: "Y" and "y" are the same text`},
		{"values on a date", "[fields]\norganization = \"Name\"\ndisclosed = { column = \"D\", values = { \"a\" = \"2019-06-04\" } }", "fields.disclosed: values translates the text of a column; it is not for dates or constants"},
		{"records values that are no count", "[fields]\norganization = \"Name\"\nrecords = { column = \"N\", values = { \"0\" = \"unknown\", \"many\" = \"lots\" } }", `fields.records: values.many = "lots": not a count`},
		{"values on a constant", "[fields]\norganization = \"Name\"\ncause = { value = \"x\", values = { \"a\" = \"b\" } }", "fields.cause: values translates the text of a column"},
		{"constant certainty", "[fields]\norganization = \"Name\"\ncertainty = { value = \"maybe\" }", `fields.certainty: value "maybe": certainty must be confirmed or suspected`},
		{"constant count", "[fields]\norganization = \"Name\"\nrecords = { value = \"many\" }", `fields.records: value "many": not a count`},
		{"constant date", "[fields]\norganization = \"Name\"\ndisclosed = { value = \"6/4/2019\" }", `fields.disclosed: value "6/4/2019": not a date`},
		{"no organization", "[fields]\ndisclosed = \"D\"", "fields.organization is missing"},
		// Hostile text: stopped before the TOML parser, which would overflow its stack on the
		// first and take gigabytes on the second.
		{"10 MB of unclosed [", strings.Repeat("[", 10<<20), "larger than 1 MiB, the most a mapping is read"},
		{"1 MiB of unclosed [", strings.Repeat("[", 1<<20), "test.toml: line 1: brackets or braces nested more than 16 deep"},
		{"10,000 nested inline tables", "[fields]\norganization = \"Name\"\nx = " + strings.Repeat("{a=", 10_000) + "1" + strings.Repeat("}", 10_000), "test.toml: line 3: brackets or braces nested more than 16 deep"},
		{"nested arrays after a multi-line string", "name = \"\"\"\n[\n\"\"\"\n[fields]\norganization = \"Name\"\nx = " + strings.Repeat("[", 17), "test.toml: line 6: brackets or braces nested more than 16 deep"},
		{"just over 1 MiB", "[fields]\norganization = \"Name\"\n" + strings.Repeat("# padding\n", 1<<20/10), "larger than 1 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseMapping(strings.NewReader(tt.text), "test.toml")
			if !errors.Is(err, ErrMapping) {
				t.Fatalf("err = %v; want ErrMapping", err)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "test.toml") {
				t.Errorf("err = %q; want it to name the file and contain %q", err, tt.want)
			}
		})
	}
}

// agMapping reads a US attorney-general style export: m/d/yyyy dates with a time of day,
// a constant record type, a certainty column in Y/N, and incidents keyed by two columns.
const agMapping = `
name = "AG test layout"
date_order = "mdy"
[fields]
organization = "Name"
exposure_start = "DateStart"
exposure_end = "DateEnd"
detected = "DateAware"
disclosed = { column = "DateSubmitted", date_format = "January 2, 2006" }
records = "Affected"
cause = "BreachType"
record_type = { value = "personal" }
certainty = { column = "Confirmed", values = { "Y" = "confirmed", "N" = "suspected" } }
incident_id = { columns = ["Name", "DateSubmitted"] }
`

func TestReadWithMapping(t *testing.T) {
	m := mustMapping(t, agMapping)
	csv := "Id,Name,DateStart,DateEnd,DateAware,DateSubmitted,Affected,BreachType,Confirmed,State\n" +
		`1,Example Co.,02/04/2021 12:00:00 AM,02/06/2021 12:00:00 AM,03/01/2021 12:00:00 AM,"April 2, 2021","1,200",Cyberattack,Y,WA` + "\n" +
		`2,Example Co.,,,,"April 2, 2021",300,Cyberattack,N,OR` + "\n" +
		`3,Other Inc.,13/01/2021,,,2021-05-01,unknown,Theft,maybe,WA` + "\n"
	res, err := Read(strings.NewReader(csv), Options{Now: testNow, Mapping: m})
	if err != nil {
		t.Fatal(err)
	}
	if res.RowsRead != 3 || len(res.Scopes) != 3 || res.RowsRejected != 0 {
		t.Fatalf("read %d, used %d, rejected %d; want 3 used", res.RowsRead, len(res.Scopes), res.RowsRejected)
	}
	a, b, c := res.Scopes[0], res.Scopes[1], res.Scopes[2]
	if a.IncidentID != "Example Co. / April 2, 2021" || b.IncidentID != a.IncidentID || a.IDDerived {
		t.Errorf("ids = %q, %q (derived %v); want both Example Co. / April 2, 2021", a.IncidentID, b.IncidentID, a.IDDerived)
	}
	if c.IncidentID != "Other Inc. / 2021-05-01" {
		t.Errorf("third id = %q", c.IncidentID)
	}
	if a.ExposureStart.String() != "2021-02-04" || a.ExposureEnd.String() != "2021-02-06" || a.Detected.String() != "2021-03-01" || a.Disclosed.String() != "2021-04-02" {
		t.Errorf("dates = %v %v %v %v", a.ExposureStart, a.ExposureEnd, a.Detected, a.Disclosed)
	}
	// A date in the tool's own ISO form is read even where the column has a format.
	if c.Disclosed.String() != "2021-05-01" {
		t.Errorf("ISO disclosed = %v", c.Disclosed)
	}
	if a.Records != data.KnownCount(1200) || b.Records != data.KnownCount(300) || c.Records.Known {
		t.Errorf("records = %v %v %v", a.Records, b.Records, c.Records)
	}
	if a.RecordType != data.Personal || c.RecordType != data.Personal || a.Cause != "Cyberattack" {
		t.Errorf("record type %q/%q, cause %q", a.RecordType, c.RecordType, a.Cause)
	}
	if a.Certainty != data.Confirmed || b.Certainty != data.Suspected || c.Certainty != data.CertaintyUnknown {
		t.Errorf("certainty = %v %v %v", a.Certainty, b.Certainty, c.Certainty)
	}
	// Columns the mapping does not name are kept, in file order.
	if got := strings.Join(res.Layout.Extra(), ","); got != "Id,State" {
		t.Errorf("extra columns = %q; want Id,State", got)
	}
	if strings.Join(a.Extra, ",") != "1,WA" {
		t.Errorf("extra values = %q", a.Extra)
	}
	// Issues name the file's own headers: 13/01/2021 is no m/d/yyyy date; "maybe" no certainty.
	checkIssues(t, res.Issues, false,
		`line 4, column Confirmed (9), value "maybe": certainty must be confirmed or suspected`,
		`line 4, column DateStart (3), value "13/01/2021": not a date: month 13 does not exist; date treated as unknown`)
}

// checkIssues checks that issues, formatted by String (after their severity when
// withSeverity), start with the texts in want, in order, and that there are no others.
func checkIssues(t *testing.T, issues []data.Issue, withSeverity bool, want ...string) {
	t.Helper()
	var got []string
	for _, is := range issues {
		s := is.String()
		if withSeverity {
			s = is.Severity.String() + ": " + s
		}
		got = append(got, s)
	}
	if len(got) != len(want) {
		t.Fatalf("issues = %q; want %d", got, len(want))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("issue %d = %q; want prefix %q", i, got[i], want[i])
		}
	}
}

func TestReadWithMappingHeaderErrors(t *testing.T) {
	m := mustMapping(t, agMapping)
	full := "Name,DateStart,DateEnd,DateAware,DateSubmitted,Affected,BreachType,Confirmed\n"
	tests := []struct {
		name  string
		csv   string
		opts  Options
		is    error
		wants []string
	}{
		{"a mapped column missing", strings.Replace(full, "DateAware", "Aware", 1), Options{}, ErrMissingCol,
			[]string{"line 1", `the mapping "AG test layout" reads detected from column "DateAware", which the header does not have`, `"Aware"`}},
		// Every missing column at once, in the order of the tool's columns, each with the fields it
		// would fill: Name fills organization and is part of incident_id.
		{"three mapped columns missing", strings.NewReplacer("DateAware", "Aware", "Name", "Company", "Affected", "Count").Replace(full), Options{}, ErrMissingCol,
			[]string{"line 1", `the mapping "AG test layout" reads incident_id and organization from column "Name", records from column "Affected" and detected from column "DateAware", columns the header does not have; the header found has "Company", "DateStart"`}},
		{"a mapped column twice", strings.Replace(full, "Confirmed", "Confirmed,Affected", 1), Options{}, ErrDuplicateCol,
			[]string{`the header has "Affected" in columns 6 and 9`, "records"}},
		{"a date order against the mapping's", full, Options{DateOrder: data.DateOrderDMY}, ErrMapping,
			[]string{`the mapping "AG test layout" reads dates as mdy, and the date order given is dmy`}},
		{"a date order against a field's", full, Options{DateOrder: data.DateOrderMDY, Mapping: mustMapping(t, "[fields]\norganization = \"Name\"\ndetected = { column = \"DateAware\", date_order = \"dmy\" }")}, ErrMapping,
			[]string{`reads detected as dmy, and the date order given is mdy`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.opts.Mapping == nil {
				tt.opts.Mapping = m
			}
			tt.opts.Now = testNow
			_, err := Read(strings.NewReader(tt.csv+"Acme,,,,2021-01-01,1,x,Y\n"), tt.opts)
			if !errors.Is(err, tt.is) {
				t.Fatalf("err = %v; want %v", err, tt.is)
			}
			for _, w := range tt.wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("err = %q; want it to contain %q", err, w)
				}
			}
		})
	}
	// Two fields from one column is a mistake in the mapping, caught against the header.
	two := mustMapping(t, "[fields]\norganization = \"Name\"\ncause = \"Name\"")
	_, err := Read(strings.NewReader("Name\nAcme\n"), Options{Mapping: two})
	if !errors.Is(err, ErrMapping) || !strings.Contains(err.Error(), `reads both organization and cause from column "Name"`) {
		t.Errorf("err = %v; want both fields named", err)
	}
}

// TestReadWithRecordsValues reads a records column whose file writes 0 for a count not known,
// and "none" for no records.
func TestReadWithRecordsValues(t *testing.T) {
	m := mustMapping(t, "[fields]\nincident_id = { each_row = true }\norganization = \"Name\"\nrecords = { column = \"Affected\", values = { \"0\" = \"unknown\", \"None\" = \"0\" } }")
	tests := []struct {
		name, cell string
		want       data.Count
	}{
		{"0 read as unknown", "0", data.Count{}},
		{"0 with spaces", " 0 ", data.Count{}},
		{"text not listed read as it is", "00", data.KnownCount(0)},
		{"a count", `"1,200"`, data.KnownCount(1200)},
		{"a word translated into 0, case-insensitively", "NONE", data.KnownCount(0)},
		{"blank stays unknown", "", data.Count{}},
	}
	var b strings.Builder
	b.WriteString("Name,Affected\n")
	for i, tt := range tests {
		fmt.Fprintf(&b, "Org %d,%s\n", i, tt.cell)
	}
	res, err := Read(strings.NewReader(b.String()), Options{Now: testNow, Mapping: m})
	if err != nil {
		t.Fatal(err)
	}
	checkIssues(t, res.Issues, false)
	if len(res.Scopes) != len(tests) {
		t.Fatalf("%d scopes; want %d", len(res.Scopes), len(tests))
	}
	for i, tt := range tests {
		if got := res.Scopes[i].Records; got.N != tt.want.N || got.Known != tt.want.Known {
			t.Errorf("%s: %q read as %+v; want %+v", tt.name, tt.cell, got, tt.want)
		}
	}
}

// TestDateWarningSuggestsFormat checks that a date a mapping does not read, written with
// words, is reported with the date_format that would read it, and that other dates and files
// read without a mapping get no suggestion.
func TestDateWarningSuggestsFormat(t *testing.T) {
	tests := []struct {
		name, mapping, cell, want string // want "" for no suggestion
	}{
		{"month name", "", `"January 5, 2016"`, `January 2, 2006`},
		{"abbreviated month", "", `"Sep 30, 2016"`, `Jan 2, 2006`},
		{"day first", "", "5 January 2016", `2 January 2006`},
		{"day-month-year", "", "05-Jan-2016", `02-Jan-2006`},
		{"a format that does not fit", `date_format = "01/02/2006"`, `"January 5, 2016"`, `January 2, 2006`},
		{"not a date at all", "", "soon", ""},
		{"a day that does not exist", "", `"February 30, 2016"`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := mustMapping(t, tt.mapping+"\n[fields]\nincident_id = { each_row = true }\norganization = \"Company\"\ndisclosed = \"Date Made Public\"")
			res, err := Read(strings.NewReader("Company,Date Made Public\nAcme,"+tt.cell+"\n"), Options{Now: testNow, Mapping: m})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Issues) != 1 {
				t.Fatalf("issues = %v; want one", res.Issues)
			}
			got := res.Issues[0].String()
			switch {
			case tt.want == "" && strings.Contains(got, "date_format"):
				t.Errorf("issue %q; want no date_format suggested", got)
			case tt.want != "" && !strings.HasSuffix(got, fmt.Sprintf("date treated as unknown (the mapping's date_format = %q would read it)", tt.want)):
				t.Errorf("issue %q; want date_format %q suggested", got, tt.want)
			}
		})
	}
	// Without a mapping there is no date_format to suggest.
	res, err := Read(strings.NewReader("organization,disclosed\nAcme,\"January 5, 2016\"\n"), Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	for _, is := range res.Issues {
		if strings.Contains(is.String(), "date_format") {
			t.Errorf("issue %q without a mapping; want no date_format suggested", is)
		}
	}
}

func TestReadWithMappingHeadersMatchLoosely(t *testing.T) {
	// Headers match after NFKC, trimming and case folding, as the tool's own do.
	m := mustMapping(t, "[fields]\norganization = \"Name of Covered Entity\"\ndisclosed = { column = \"Breach Submission Date\", date_order = \"mdy\" }")
	res, err := Read(strings.NewReader(" NAME OF COVERED ENTITY ,ｂｒｅａｃｈ submission date\nAcme,06/04/2019\n"), Options{Now: testNow, Mapping: m})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Scopes) != 1 || res.Scopes[0].Organization != "Acme" || res.Scopes[0].Disclosed.String() != "2019-06-04" {
		t.Fatalf("scopes = %+v", res.Scopes)
	}
	// Without an incident_id rule, incidents get the tool's own default id.
	if sc := res.Scopes[0]; sc.IncidentID != "Acme 2019-06-04" || !sc.IDDerived {
		t.Errorf("id = %q (derived %v)", sc.IncidentID, sc.IDDerived)
	}
}

// TestMappingNesting checks that brackets inside strings and comments are not counted as
// nesting, and that nesting up to the limit reaches the TOML parser.
func TestMappingNesting(t *testing.T) {
	deep := strings.Repeat("[", 40)
	tests := []struct {
		name string
		text string
	}{
		{"in a basic string", "name = \"" + deep + "\\\"" + deep + "\"\n[fields]\norganization = \"Name\""},
		{"in a literal string", "name = '" + deep + "\\'\n[fields]\norganization = \"Name\""},
		{"in a multi-line string", "name = \"\"\"\n" + deep + "\n\\\"\"\"\n" + deep + "\"\"\"\n[fields]\norganization = \"Name\""},
		{"in a multi-line literal string", "name = '''\n" + deep + "\n'''\n[fields]\norganization = \"Name\""},
		{"in a comment", "# " + deep + "\n[fields]\norganization = \"Name\" # " + deep},
		{"in a key", "[fields]\norganization = \"Name\"\ncause = { column = \"C\", values = { \"" + deep + "\" = \"x\" } }"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ParseMapping(strings.NewReader(tt.text), "test.toml"); err != nil {
				t.Errorf("%v\n%s", err, tt.text)
			}
		})
	}
	// Nesting at the limit reaches the parser and the mapping's own checks.
	text := "[fields]\norganization = \"Name\"\nx = " + strings.Repeat("[", MaxMappingDepth) + strings.Repeat("]", MaxMappingDepth)
	if _, err := ParseMapping(strings.NewReader(text), "test.toml"); err == nil || strings.Contains(err.Error(), "nested") {
		t.Errorf("nesting %d deep: %v, want the TOML parser's error", MaxMappingDepth, err)
	}
}
