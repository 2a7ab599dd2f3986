package charts

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Each chart's ECharts option object is built with go-echarts (see build.go) and taken from
// its JSON method; go-echarts' own page template is never used. The object holds data only,
// never code: the page parses it with JSON.parse, so go-echarts' "__f__" function marker is
// never honoured, and the functions a chart needs (tooltip formatters, the timeline's
// renderItem) live in page.js.

// payload is what one chart's <script type="application/json"> carries.
type payload struct {
	// Kind tells page.js which functions to attach: "records", "timeline", "lags" or
	// "bubbles".
	Kind string `json:"kind"`
	// Lang is the page's language, which the compact axis numbers follow.
	Lang string `json:"lang"`
	// Compact names the value axes ("xAxis", "yAxis") whose labels page.js writes as
	// compact record counts: 4.1万 in Japanese, 41.4K in English.
	Compact []string `json:"compact,omitempty"`
	// Time names the time axes whose labels page.js writes: the first label and every
	// January with the year, the other months by name, in the page's language.
	Time []string `json:"time,omitempty"`
	// Ticks are the labels page.js writes on category axes, by axis name ("yAxis") and
	// category index: the names of the cases wrapped at two lines and cut with …, while the
	// axis' own data keeps each whole name, which the tooltip shows.
	Ticks map[string][]string `json:"ticks,omitempty"`
	// Option is the ECharts option object: go-echarts' JSON() with extras merged in.
	Option map[string]any `json:"option"`
	// Tips are the tooltips, text only: by category index for axis tooltips, by series
	// and data index for item tooltips. page.js escapes every string it puts in HTML.
	Tips tips `json:"tips"`
	// Labels are texts page.js writes on the chart, by series index and data index: the
	// names on the largest bubbles, the days of the timeline's lag brackets. They are
	// returned by formatter functions, so they are shown as text, never read as templates.
	Labels map[int][]string `json:"labels,omitempty"`
}

type tips struct {
	Axis []tip   `json:"axis,omitempty"`
	Item [][]tip `json:"item,omitempty"`
}

// tip is one tooltip: a heading and label/value rows, each with an optional colour.
type tip struct {
	Title string   `json:"title"`
	Rows  []tipRow `json:"rows"`
}

type tipRow struct {
	Label string `json:"label"`
	Value string `json:"value"`
	Color string `json:"color,omitempty"`
}

// decal is an ECharts pattern (itemStyle.decal), which go-echarts has no type for; the page
// uses diagonal stripes to mark suspected records and dots for an unknown certainty.
type decal struct {
	Symbol     string  `json:"symbol"`
	SymbolSize float64 `json:"symbolSize"`
	DashArrayX []int   `json:"dashArrayX"`
	DashArrayY []int   `json:"dashArrayY"`
	Rotation   float64 `json:"rotation"`
	Color      string  `json:"color"`
}

// extra is a part of an option object, in the option's own shape, holding the few options
// go-echarts has no field for: the page's font and useUTC, tooltip.confine, the time axis'
// per-level label templates, itemStyle.decal, label.textBorderColor/Width, and a scatter
// series' symbolOffset and z. A series extra goes at the series' index in "series".
type extra = map[string]any

// missing is the ECharts marker for a value that is not known.
const missing = "-"

// echartsChart is the part of a go-echarts chart (Bar, Custom, …) that option uses.
type echartsChart interface {
	Validate()
	JSON() map[string]any
}

// option returns the option object of c: go-echarts' JSON() with ext merged in. The object
// goes through encoding/json and back so that ext can reach inside go-echarts' structs; the
// numbers keep their exact text.
func option(c echartsChart, ext extra) (map[string]any, error) {
	c.Validate()
	raw, err := json.Marshal(c.JSON())
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var opt map[string]any
	if err := dec.Decode(&opt); err != nil {
		return nil, fmt.Errorf("reading back go-echarts option: %w", err)
	}
	// go-echarts always writes a toolbox; the page has none.
	delete(opt, "toolbox")
	merge(opt, ext)
	return opt, nil
}

// merge adds src to dst and returns the result: objects merge key by key, arrays element by
// element, a nil src leaves dst as it is, and any other src replaces dst.
func merge(dst, src any) any {
	switch s := src.(type) {
	case nil:
		return dst
	case map[string]any:
		d, ok := dst.(map[string]any)
		if !ok {
			return s
		}
		for k, v := range s {
			d[k] = merge(d[k], v)
		}
		return d
	case []any:
		d, ok := dst.([]any)
		if !ok {
			return s
		}
		for i, v := range s {
			if i < len(d) {
				d[i] = merge(d[i], v)
			} else {
				d = append(d, v)
			}
		}
		return d
	}
	return src
}
