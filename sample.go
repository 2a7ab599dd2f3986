package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"slices"

	"breachreport/data"
	"breachreport/i18n"
	"breachreport/input"
	"breachreport/internal/atomicfile"
	"breachreport/internal/progress"
	"breachreport/reports"
)

var sampleUsage = commandUsage("sample", `Prints the embedded sample CSV (the two reference cases), a template to copy: with --lang ja
under the Japanese column names (企業名, 公表日, 件数 …) and with the record types and
certainties in Japanese; with --template only the header and one example row. Printed into a
file or a pipe (or with --excel), it is UTF-8 with a byte-order mark and CRLF line ends, as
Excel reads Japanese text right.
With --synthetic it prints N fictional incidents (Example Co. 0001, …) instead, for demos
and tests; the same N and seed always give the same file.
`)

func cmdSample(ctx context.Context, args []string, e env) error {
	fs := newFlagSet("sample")
	synthetic := fs.Int("synthetic", 0, "print `N` fictional incidents instead of the embedded sample")
	seed := fs.Uint64("seed", 1, "seed `S` of the fictional incidents (with --synthetic)")
	lang := fs.String("lang", "", "column names and values in `en|ja` (default: as generate's --lang)")
	template := fs.Bool("template", false, "print only the header and one example row")
	excel := fs.Bool("excel", false, "write a byte-order mark and CRLF line ends even on a terminal")
	format := fs.String("format", "csv", "write `csv|xlsx` (xlsx: a workbook with drop-downs for the record type and the certainty)")
	out := fs.String("o", "", "write to `FILE` instead of standard output")
	if err := parseFlags(fs, args, sampleUsage, e); err != nil {
		return helpOK(err)
	}
	switch {
	case *synthetic < 0 || (*synthetic == 0 && isFlagSet(fs, "synthetic")):
		return &usageError{err: data.Errorf("--synthetic: %d incidents: give at least 1", *synthetic), usage: sampleUsage + flagDefaults(fs)}
	case *synthetic == 0 && isFlagSet(fs, "seed"):
		return &usageError{err: data.Errorf("--seed needs --synthetic N"), usage: sampleUsage + flagDefaults(fs)}
	case *synthetic > 0 && (*template || *lang != "" || *excel || *format != "csv"):
		return &usageError{err: data.Errorf("--synthetic takes none of --template, --lang, --excel and --format"), usage: sampleUsage + flagDefaults(fs)}
	case *format != "csv" && *format != "xlsx":
		return &usageError{err: data.Errorf("--format: %q not supported (use csv or xlsx)", *format), usage: sampleUsage + flagDefaults(fs)}
	case *format == "xlsx" && *out == "" && progress.IsTerminal(e.stdout):
		return &usageError{err: data.Errorf("--format xlsx writes a workbook: name it with -o FILE (or redirect standard output)"), usage: sampleUsage + flagDefaults(fs)}
	case *synthetic > 0:
		err := input.WriteSynthetic(ctxWriter{ctx, e.stdout}, *synthetic, *seed)
		return interrupted(ctx, err, messageLang(e))
	}
	l, err := chooseLang(*lang, e)
	if err != nil {
		return &usageError{err: err, usage: sampleUsage + flagDefaults(fs)}
	}
	write := func(w io.Writer) error {
		if *format == "xlsx" {
			return writeSampleWorkbook(w, l, *template)
		}
		return writeSample(w, l, *template, *excel || *out != "" || !progress.IsTerminal(e.stdout))
	}
	if *out == "" {
		return write(e.stdout)
	}
	if err := atomicfile.Write(*out, 0o644, write); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, i18n.Sprint(messageLang(e), data.Msgf("wrote %s", *out)))
	return nil
}

// templateRow is the sample's row that --template keeps: the Sanpo Create card scope, which
// fills every column.
const templateRow = 2

// writeSample writes the embedded sample to w: its header and record types and certainties
// in language l, only the header and templateRow when template, and for Excel (a
// byte-order mark and CRLF) when excel.
func writeSample(w io.Writer, l i18n.Lang, template, excel bool) error {
	records, err := sampleRecords(l, template)
	if err != nil {
		return err
	}
	if excel {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = excel
	if err := cw.WriteAll(records); err != nil {
		return err
	}
	return cw.Error()
}

// sampleRecords returns the records of the embedded sample (only the header and
// templateRow when template), in language l.
func sampleRecords(l i18n.Lang, template bool) ([][]string, error) {
	records, err := csv.NewReader(bytes.NewReader(input.Sample())).ReadAll()
	if err != nil {
		return nil, data.Errorf("the embedded sample: %w", err)
	}
	if template {
		records = [][]string{records[0], records[templateRow]}
	}
	if l == i18n.Ja {
		translateSample(records)
	}
	return records, nil
}

// writeSampleWorkbook writes the sample (or the template) as a workbook to type the list
// into: the record type and the certainty offer their values in a drop-down, in language l.
func writeSampleWorkbook(w io.Writer, l i18n.Lang, template bool) error {
	records, err := sampleRecords(l, template)
	if err != nil {
		return err
	}
	t := reports.Template{Sheet: sampleSheet.In(l), Header: records[0], Rows: records[1:], Lists: map[int]reports.List{}}
	var types, certainties []string
	for _, rt := range []data.RecordType{data.Personal, data.Card, data.Account, data.Other} {
		types = append(types, i18n.RecordType(rt).In(l))
	}
	for _, c := range []data.Certainty{data.Confirmed, data.Suspected} {
		certainties = append(certainties, i18n.Certainty(c).In(l))
	}
	for _, c := range data.Columns() {
		name := c.Name
		if l == i18n.Ja {
			name = c.Aliases[0] // as translateSample names it
		}
		j := slices.Index(t.Header, name)
		switch {
		case j < 0:
		case c.Name == data.ColRecordType:
			t.Lists[j] = reports.List{Values: types} // other text is a record type too
		case c.Name == data.ColCertainty:
			t.Lists[j] = reports.List{Values: certainties, Strict: true}
		}
	}
	return reports.WriteTemplate(w, t)
}

// sampleSheet names the sheet of the sample workbook.
var sampleSheet = i18n.Text{En: "Incidents", Ja: "事案一覧"}

// translateSample puts the sample's header into the Japanese column names (each column's
// first alias) and its record types and certainties into the Japanese words the reader
// reads back; the other text is the sources' own.
func translateSample(records [][]string) {
	header := records[0]
	cols := data.Columns()
	for j, name := range header {
		if k := slices.IndexFunc(cols, func(c data.Column) bool { return c.Name == name }); k >= 0 {
			header[j] = cols[k].Aliases[0]
		}
		for _, rec := range records[1:] {
			switch name {
			case data.ColRecordType:
				rec[j] = i18n.RecordType(data.ParseRecordType(rec[j])).Ja
			case data.ColCertainty:
				if c, ok := data.ParseCertainty(rec[j]); ok {
					rec[j] = i18n.Certainty(c).Ja
				}
			}
		}
	}
}
