package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
	"breachreport/internal/atomicfile"
)

var validateUsage = commandUsage("validate", `Reads incidents and reports every problem found, grouped by kind, with line, column and
value; writes nothing. Exit status 1 when any row cannot be used. The encoding and the delimiter are detected
unless given, as for generate.

--format json prints the problems and the accounting as one JSON object; --format csv prints
the problems as a table for Excel (UTF-8 with a byte-order mark, CRLF line ends, one row per
problem, a ' before any value that a spreadsheet would run as a formula) and the accounting
on stderr.
`)

func cmdValidate(ctx context.Context, args []string, e env) (err error) {
	// Without --lang, validate speaks the default language (BREACHREPORT_LANG, the locale's).
	l := messageLang(e)
	defer func() { err = inLang(interrupted(ctx, err, l), l) }()
	fs := newFlagSet("validate")
	in := fs.String("i", "", "read incidents from `FILE` (- for standard input)")
	strict := fs.Bool("strict", false, "exit with status 1 on warnings too, not only on rejected rows")
	format := fs.String("format", "text", "print the problems as `text|json|csv` (csv: a table for Excel on stdout, the accounting on stderr)")
	lang := fs.String("lang", "", "messages in `en|ja` (default: as generate's --lang)")
	quiet := fs.Bool("quiet", false, "draw no progress bar on stderr (it is drawn only when stderr is a terminal)")
	inFlags := addInputFlags(fs)
	if err := parseFlags(fs, args, validateUsage, e); err != nil {
		return helpOK(err)
	}
	if *lang != "" {
		if l, err = i18n.ParseLang(*lang); err != nil {
			return &usageError{err: err, usage: validateUsage + flagDefaults(fs)}
		}
	}
	if *in == "" {
		return &usageError{err: data.Errorf("validate needs -i FILE"), usage: validateUsage + flagDefaults(fs)}
	}
	switch *format {
	case "text", "json", "csv":
	default:
		return &usageError{err: data.Errorf("--format: %q not supported (use text, json or csv)", *format), usage: validateUsage + flagDefaults(fs)}
	}
	opts, err := inFlags.options()
	if err != nil {
		return &usageError{err: err, usage: validateUsage + flagDefaults(fs)}
	}
	if opts.Mapping, err = inFlags.mapping(); err != nil {
		return err
	}
	// A large .xlsx input is read with temporary files: into a directory of the run's own,
	// which a later run removes if this one is killed.
	tmp, err := atomicfile.MkdirTemp(os.TempDir(), tempBase)
	if err != nil {
		return data.Errorf("cannot make a temporary directory in %s: %w", os.TempDir(), reason(err))
	}
	defer os.RemoveAll(tmp)
	opts.TempDir = tmp
	e.bar = newBar(e, *quiet).Japanese(l == i18n.Ja)
	if *format != "text" {
		// The report holds the first data.IssueCap issues of each kind; the tables list
		// every one, kept on disk as found. JSON's messages are in English.
		ml := l
		if *format == "json" {
			ml = i18n.En
		}
		e.spool = newIssueSpool(ml)
		defer e.spool.close()
	}
	rep, readAs, lacking, err := load(ctx, *in, opts, e)
	if err != nil {
		return err
	}
	e.at("validate: loaded")
	printLacking(e.stderr, inputName(rep.Input).In(l), lacking, l)
	switch *format {
	case "json":
		if err := writeValidationJSON(e.stdout, rep, readAs, e.spool.source(rep)); err != nil {
			return err
		}
		return outcome(rep, *strict, false)
	case "csv":
		// stdout holds the table alone, so that it can be saved and opened as it is.
		if err := writeValidationCSV(e.stdout, e.spool.source(rep)); err != nil {
			return err
		}
		printAccounting(e.stderr, rep, readAs, nil, l)
		err := outcome(rep, *strict, false)
		if re, ok := err.(*rejectedError); ok {
			re.csv = true
		}
		return err
	}
	for _, g := range groupIssues(rep.Issues) {
		kind := string(g.kind)
		if l == i18n.Ja {
			kind = i18n.Kind(g.kind).Ja
		}
		if l == i18n.Ja {
			fmt.Fprintf(e.stdout, "%s（%d件）:\n", kind, rep.IssuesOf(g.kind))
		} else {
			fmt.Fprintf(e.stdout, "%s (%d):\n", kind, rep.IssuesOf(g.kind))
		}
		for _, is := range g.issues {
			fmt.Fprintf(e.stdout, "  %s: %s: %s\n", inputName(rep.Input).In(l), i18n.Severity(is.Severity).In(l), i18n.IssueText(l, is))
		}
		if n := rep.Omitted.Kind(g.kind); n > 0 {
			fmt.Fprintf(e.stdout, "  %s: %s\n", inputName(rep.Input).In(l), i18n.Sprint(l, omittedMsg(g.kind, n)))
		}
	}
	printDateOrderHint(e.stdout, rep, l)
	printAccounting(e.stdout, rep, readAs, nil, l)
	return outcome(rep, *strict, false)
}

// issueGroup is the issues of one kind, in line order.
type issueGroup struct {
	kind   data.Kind
	issues []data.Issue
}

// groupIssues groups issues by kind, in the order of data.Kinds.
func groupIssues(issues []data.Issue) []issueGroup {
	byKind := map[data.Kind][]data.Issue{}
	for _, is := range issues {
		byKind[is.Kind] = append(byKind[is.Kind], is)
	}
	var out []issueGroup
	for _, k := range data.Kinds() {
		if len(byKind[k]) > 0 {
			out = append(out, issueGroup{k, byKind[k]})
		}
	}
	return out
}

// validationJSON is what validate --format json prints.
type validationJSON struct {
	Input        string     `json:"input"`
	ReadAs       string     `json:"read_as,omitempty"`
	SHA256       string     `json:"sha256"`
	RowsRead     int        `json:"rows_read"`
	RowsUsed     int        `json:"rows_used"`
	RowsRejected int        `json:"rows_rejected"`
	RowsBlank    int        `json:"rows_blank"`
	Incidents    int        `json:"incidents"`
	Warnings     int        `json:"warnings"`
	Issues       []issueRow `json:"issues"`
}

// writeValidationJSON prints the accounting and every issue of issues, grouped by kind, as
// one JSON object, as encoding/json would indent a validationJSON, writing each issue as it
// comes.
func writeValidationJSON(w io.Writer, rep analysis.Report, readAs []data.Msg, issues issueSource) error {
	head, err := json.MarshalIndent(validationJSON{
		Input: rep.Input, ReadAs: joinMsgs(i18n.En, readAs, clauseSep), SHA256: rep.InputSHA256,
		RowsRead: rep.RowsRead, RowsUsed: rep.RowsUsed, RowsRejected: rep.RowsRejected, RowsBlank: rep.RowsBlank,
		Incidents: rep.Incidents.Len(), Warnings: rep.Warnings(),
	}, "", "  ")
	if err != nil {
		return err
	}
	// head ends in `"issues": null` and the closing brace.
	head = bytes.TrimSuffix(head, []byte("null\n}"))
	bw := bufio.NewWriter(w)
	bw.Write(head)
	sep := "["
	err = issues(func(r issueRow) error {
		b, err := json.MarshalIndent(r, "    ", "  ")
		if err != nil {
			return err
		}
		bw.WriteString(sep + "\n    ")
		sep = ","
		_, err = bw.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	if sep == "[" {
		bw.WriteString("[]\n}\n")
	} else {
		bw.WriteString("\n  ]\n}\n")
	}
	return bw.Flush()
}
