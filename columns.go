package main

import (
	"fmt"
	"io"

	"breachreport/data"
	"breachreport/i18n"
	"breachreport/input"
)

// neededColumns are the columns the figures need, in schema order, with what cannot be
// computed without each.
var neededColumns = []struct {
	col  string
	lost data.Msg
}{
	{data.ColRecords, data.Msgf("records exposed cannot be counted")},
	{data.ColExposureStart, data.Msgf("the exposure window, time to detect and window start → disclosure cannot be computed")},
	{data.ColExposureEnd, data.Msgf("the exposure window cannot be computed")},
	{data.ColDetected, data.Msgf("time to detect, detected → contained and detection → disclosure cannot be computed")},
	{data.ColContained, data.Msgf("detected → contained cannot be computed")},
	{data.ColDisclosed, data.Msgf("detection → disclosure, window start → disclosure and the period reports (--month, --from/--to, --all-months) cannot be computed")},
}

// lackingColumn is a column the figures need that the input lacks, with the line that says
// so: what cannot be computed, and a header close to it, if any.
type lackingColumn struct {
	col  string
	line data.Msg
}

// lackingColumns returns the needed columns that the input, read with its layout (and
// mapping, if any), does not have. Under a mapping the line is empty: the mapping says what
// its export has, and a column the export lacks is no mistake to name on every run.
func lackingColumns(layout input.Layout, m *input.Mapping) []lackingColumn {
	aliases := map[string]string{}
	for _, c := range data.Columns() {
		if len(c.Aliases) > 0 {
			aliases[c.Name] = c.Aliases[0]
		}
	}
	var out []lackingColumn
	for _, n := range neededColumns {
		if m != nil {
			if _, ok := m.Fields[n.col]; ok {
				continue
			}
			out = append(out, lackingColumn{col: n.col})
			continue
		}
		if layout.Has(n.col) {
			continue
		}
		line := data.Msgf("no %s column (%s): %v", n.col, aliases[n.col], n.lost)
		if h, j, ok := layout.Suggest(n.col); ok {
			line = data.Msgf("no %s column (%s): %v; did you mean %q (column %d)?", n.col, aliases[n.col], n.lost, h, j)
		}
		out = append(out, lackingColumn{n.col, line})
	}
	return out
}

// lacks reports whether col is among the lacking columns.
func lacks(cols []lackingColumn, col string) bool {
	for _, c := range cols {
		if c.col == col {
			return true
		}
	}
	return false
}

// printLacking names each lacking column on w, one line each, naming the input.
func printLacking(w io.Writer, input string, cols []lackingColumn, l i18n.Lang) {
	for _, c := range cols {
		if c.line.Format != "" {
			fmt.Fprintf(w, "%s: %s\n", input, i18n.Sprint(l, c.line))
		}
	}
}
