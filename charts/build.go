package charts

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
)

// The Okabe–Ito palette, distinguishable with the common colour-vision deficiencies.
const (
	orange     = "#E69F00"
	skyBlue    = "#56B4E9"
	green      = "#009E73"
	yellow     = "#F0E442"
	blue       = "#0072B2"
	vermillion = "#D55E00"
	purple     = "#CC79A7"
	black      = "#000000"
	grey       = "#999999"
)

// Font stacks: Latin faces first for English, then the Japanese stack, which also renders
// the Japanese organization names an English page shows.
// The names are in single quotes: ECharts' SVG renderer writes the font into a style
// attribute in double quotes without escaping it.
const (
	fontJa = `'Hiragino Sans', 'Yu Gothic', Meiryo, 'Noto Sans CJK JP', sans-serif`
	fontEn = `'Segoe UI', 'Helvetica Neue', Arial, ` + fontJa
)

// labelShare is the smallest share of the longest stacked bar a records segment needs to
// carry its number inside; smaller segments have theirs in the tooltip and the table.
const labelShare = 0.15

// maxCases is the most incidents a per-case chart (records, timeline, lags) shows: more
// bands than this cannot be read. Beyond it the charts show the first maxCases of the
// comparison and say so.
const maxCases = 12

// logRatio is how many times the smallest charted total the largest must be for LogAuto to
// put the records chart on a log axis: two orders of magnitude.
const logRatio = 100

// view is the state shared by the chart builders: the language and the incidents charted,
// with a distinct axis label for each.
type view struct {
	lang  i18n.Lang
	figs  []analysis.IncidentFigures
	cases []string
	// log is the records chart's log-scale choice.
	log LogScale
	// compared is how many incidents were chosen for comparison, of which the charts show
	// figs; 0 means len(figs).
	compared int
	// brand is the first line of every chart's subtitle: the client and the title of the
	// report (Options.Client, Options.Title), or "".
	brand string
	// causeColor and causeOrder are the colours of the commonest causes, by
	// analysis.SpellingKey, and those causes in order (see causeColorMap).
	causeColor map[string]string
	causeOrder []string
	// metrics are the day figures the report has at least one value of, which the charts
	// and tables show; the others are named once, with the column they need.
	metrics []lagMetric
}

func newView(lang i18n.Lang, figs []analysis.IncidentFigures) view {
	if lang != i18n.Ja {
		lang = i18n.En
	}
	return view{lang: lang, figs: figs, cases: caseLabels(figs), metrics: lagMetrics()}
}

// caseLabels returns the incidents' labels, with the id added to any label two incidents
// share, so that no two categories of an axis are the same.
func caseLabels(figs []analysis.IncidentFigures) []string {
	count := make(map[string]int, len(figs))
	for _, f := range figs {
		count[f.Incident.Label()]++
	}
	out := make([]string, len(figs))
	for i, f := range figs {
		l := f.Incident.Label()
		out[i] = caseLabel(l, f.Incident.ID, count[l])
	}
	return out
}

// caseLabel is an incident's label l, with its id added when n incidents have l (or l is
// empty), so that no two cases read alike.
func caseLabel(l, id string, n int) string {
	if l == "" || n > 1 {
		return strings.TrimSpace(l + " [" + id + "]")
	}
	return l
}

func (v view) t(x i18n.Text) string { return x.In(v.lang) }

func (v view) f(x i18n.Text, args ...any) string { return fmt.Sprintf(x.In(v.lang), args...) }

// records formats a record count in full, for tables and tooltips: 41,355件, 41,355
// records (i18n.Records).
func (v view) records(n int64) string { return i18n.Records(data.Count{N: n, Known: true}, v.lang) }

// count formats a possibly unknown or approximate record count in full: 約1,200,000件.
func (v view) count(c data.Count) string {
	if !c.Known {
		return v.t(labels.Unknown)
	}
	return i18n.Records(c, v.lang)
}

// countShort formats a record count for a label on a chart: 約120万件, 件数不明.
func (v view) countShort(c data.Count) string { return i18n.RecordsShort(c, v.lang) }

// days formats a day count: 115 days in English, 115日 in Japanese.
func (v view) days(n int) string { return i18n.Days(n, v.lang) }

// date formats a date in running text and tooltips: 2024年5月10日, May 10, 2024.
func (v view) date(d data.Date) string {
	if !d.Known() {
		return v.t(labels.Unknown)
	}
	return i18n.Date(d, v.lang)
}

// day formats a generation time as its calendar day.
func (v view) day(t time.Time) string {
	return i18n.Date(data.DateOf(t, data.PrecisionDay), v.lang)
}

func (v view) font() string {
	if v.lang == i18n.Ja {
		return fontJa
	}
	return fontEn
}

// num writes a count of incidents or sources with grouped digits: 1,000.
func num(n int) string { return i18n.Digits(int64(n)) }

// globals returns the go-echarts options every chart shares. Each series has its own colour;
// the palette, Okabe–Ito in the order typeColors hands it out, replaces go-echarts' default.
// Animation is off: charts are drawn in their final state at once, which is also what the
// images are taken of. subtitle, when not empty, is written under the title, on the chart
// itself, so that it is in every image: it says what the chart leaves out or how to read
// its scale. Its lines are separated by "\n".
func (v view) globals(title, subtitle string) []ec.GlobalOpts {
	subtitle = v.sub(subtitle)
	legendTop, gridTop := legendTop(subtitle), gridTop(subtitle)
	return []ec.GlobalOpts{
		ec.WithAnimation(false),
		ec.WithColorsOpts(opts.Colors{blue, orange, green, purple, skyBlue, yellow, vermillion, black, grey}),
		ec.WithTitleOpts(opts.Title{Title: title, Subtitle: subtitle, Left: "left", Top: "4",
			TitleStyle:    &opts.TextStyle{FontSize: 15, FontWeight: "bold", Color: "#222222"},
			SubtitleStyle: &opts.TextStyle{FontSize: 12, Color: "#444444"}}),
		ec.WithLegendOpts(opts.Legend{Type: "scroll", Top: strconv.Itoa(legendTop), Left: "left"}),
		ec.WithGridOpts(opts.Grid{Left: "12", Right: "72", Top: strconv.Itoa(gridTop), Bottom: "36", ContainLabel: opts.Bool(true)}),
	}
}

// sub is a chart's subtitle with the report's client and title first, when given, so that
// every image says whose report it belongs to.
func (v view) sub(subtitle string) string { return joinLines(v.brand, subtitle) }

// legendTop and gridTop are the offsets of a chart's legend and plot area below its title
// and the lines of its subtitle.
func legendTop(subtitle string) int { return 32 + 17*subtitleLines(subtitle) }

func gridTop(subtitle string) int { return 76 + 17*subtitleLines(subtitle) }

func subtitleLines(s string) int {
	if s == "" {
		return 0
	}
	return 1 + strings.Count(s, "\n")
}

// casesNote is the subtitle line of a per-case chart that shows fewer incidents than were
// compared, or "".
func (v view) casesNote() string {
	if v.compared > len(v.figs) {
		return v.f(labels.FirstCases, num(len(v.figs)), num(v.compared))
	}
	return ""
}

// joinLines joins the non-empty lines with "\n".
func joinLines(lines ...string) string {
	var out []string
	for _, l := range lines {
		if l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// option returns the option object of c with the extras every chart needs (the page's font,
// UTC dates, a tooltip kept inside the chart) and then ext merged in.
func (v view) option(c echartsChart, ext extra) (map[string]any, error) {
	opt, err := option(c, merge(extra{
		"useUTC":          true,
		"backgroundColor": "#ffffff",
		"textStyle":       extra{"fontFamily": v.font()},
		"tooltip":         extra{"confine": true},
		// Legends of long free-text names (causes, record types) are cut short; the
		// tooltip and the notes give them whole.
		"legend": extra{"textStyle": extra{"width": 260, "overflow": "truncate"}},
	}, ext).(extra))
	if err == nil && opt["series"] == nil {
		opt["series"] = []any{} // a chart with nothing to plot still has its axes
	}
	return opt, err
}

// caseAxis is the category axis of incidents, first at the top. A bar chart fills in its
// data with SetXAxis and XYReversal.
func (v view) caseAxis() opts.YAxis {
	return opts.YAxis{Type: "category", Inverse: opts.Bool(true),
		AxisLabel: &opts.AxisLabel{Width: 200, Overflow: "truncate"}}
}

// barMaxWidth sets a bar series' barMaxWidth, a field of go-echarts' series that it has no
// bar option for.
func barMaxWidth(px int) ec.SeriesOpts {
	return ec.WithSeriesOpts(func(s *ec.SingleSeries) { s.BarMaxWidth = strconv.Itoa(px) })
}

func (v view) height(perCase int) int {
	h := 130 + perCase*len(v.cases)
	if h < 340 {
		h = 340
	}
	return h
}

// bucketKeys returns the record type × certainty buckets that occur in any charted
// incident, in analysis.BucketLess order.
func (v view) bucketKeys() []analysis.Bucket {
	var keys []analysis.Bucket
	for _, f := range v.figs {
		for _, b := range f.Buckets {
			if findBucket(keys, b.Type, b.Certainty) < 0 {
				keys = append(keys, analysis.Bucket{Type: b.Type, Certainty: b.Certainty})
			}
		}
	}
	sortBuckets(keys)
	return keys
}

func sortBuckets(bs []analysis.Bucket) {
	for i := 1; i < len(bs); i++ {
		for j := i; j > 0 && analysis.BucketLess(bs[j], bs[j-1]); j-- {
			bs[j], bs[j-1] = bs[j-1], bs[j]
		}
	}
}

func findBucket(bs []analysis.Bucket, t data.RecordType, c data.Certainty) int {
	for i, b := range bs {
		if b.Type == t && b.Certainty == c {
			return i
		}
	}
	return -1
}

// typeColors gives each record type in keys its colour: the four well-known types fixed
// ones, free-text types the remaining colours in order.
func typeColors(keys []analysis.Bucket) map[data.RecordType]string {
	m := map[data.RecordType]string{data.Personal: blue, data.Card: orange, data.Account: green, data.Other: purple}
	spare := []string{skyBlue, yellow, vermillion}
	n := 0
	for _, k := range keys {
		if _, ok := m[k.Type]; ok {
			continue
		}
		if k.Type == "" || n >= len(spare) {
			m[k.Type] = grey
			continue
		}
		m[k.Type] = spare[n]
		n++
	}
	return m
}

// bucketExtra patterns a bucket's series by certainty: plain when confirmed, diagonal
// stripes when suspected, dots when the certainty is unknown, so that certainty never rests
// on colour alone. Its colour, by record type, is the series' go-echarts item style.
func bucketExtra(c data.Certainty) extra {
	var d *decal
	switch c {
	case data.Suspected:
		d = &decal{Symbol: "rect", SymbolSize: 1, DashArrayX: []int{1, 0}, DashArrayY: []int{3, 4},
			Rotation: -0.785398, Color: "rgba(255,255,255,0.55)"}
	case data.CertaintyUnknown:
		d = &decal{Symbol: "circle", SymbolSize: 0.5, DashArrayX: []int{5, 5}, DashArrayY: []int{5, 5},
			Color: "rgba(255,255,255,0.7)"}
	default:
		return extra{}
	}
	return extra{"itemStyle": extra{"decal": d}}
}

// labelColor is the text colour that reads on fill c.
func labelColor(c string) string {
	switch c {
	case orange, yellow, skyBlue, grey:
		return "#111111"
	}
	return "#ffffff"
}

// chart is one chart of the page: its element id, height, JSON payload and the notes and
// table shown under it.
type chart struct {
	ID      string
	Title   string
	Height  int
	Payload payload
	Notes   []string
	Tables  []*table
	// Wide makes the chart's card span the whole width of the dashboard.
	Wide bool
}

// table is a small data table under a chart, all text, with an optional caption. Its rows
// are Rows, plain text with the first cell a row heading, or Cells, which may be links.
type table struct {
	Caption string
	Head    []string
	Rows    [][]string
	Cells   [][]cell
	// Class is the table's CSS class: "incidents" for the list of a period's incidents.
	Class string
}

// cell is one cell of a table: text, a link when Href is set (an http or https URL, which
// html/template checks again), with Title as its tooltip.
type cell struct {
	Text, Href, Title string
}

// recordsChart is the bar chart of records by record type × certainty, a go-echarts Bar
// with the incidents on the y axis: stacked on a linear axis, or, on a log axis, side by
// side, since the segments of a stack on a log axis have no readable length.
func (v view) recordsChart() (chart, error) {
	keys := v.bucketKeys()
	colors := typeColors(keys)
	// The largest and smallest known sums of a case, and the smallest known bucket.
	var maxTotal, minTotal, minBucket int64
	for _, f := range v.figs {
		var sum int64
		for _, b := range f.Buckets {
			if b.Records.Known {
				sum += b.Records.N
				if b.Records.N > 0 && (minBucket == 0 || b.Records.N < minBucket) {
					minBucket = b.Records.N
				}
			}
		}
		maxTotal = max(maxTotal, sum)
		if sum > 0 && (minTotal == 0 || sum < minTotal) {
			minTotal = sum
		}
	}
	useLog := v.log == LogOn || (v.log == LogAuto && minTotal > 0 && maxTotal >= logRatio*minTotal)
	if minBucket == 0 {
		useLog = false // nothing to put on a log axis
	}

	c := chart{ID: "chart-records", Title: v.t(labels.RecordsTitle), Height: v.height(60)}
	axis := opts.XAxis{Type: "value", Name: v.t(labels.RecordsAxis), NameLocation: "middle", NameGap: 26}
	subtitle := v.casesNote()
	if useLog {
		c.Height = v.height(30 + 14*len(keys))
		floor := pow10Floor(minBucket)
		axis.Type, axis.Min = "log", floor
		subtitle = joinLines(v.f(labels.RecordsLog, v.countShort(data.Count{N: floor, Known: true})), subtitle)
	}
	bar := v.caseBars(c.Title, subtitle, axis)

	tbl := &table{Head: []string{v.t(labels.RecordsTableCase)}}
	for _, k := range keys {
		tbl.Head = append(tbl.Head, v.t(i18n.Bucket(k)))
	}
	tbl.Head = append(tbl.Head, v.t(labels.Total))

	// On a linear axis each case is one stacked bar, labelled with its total at its end
	// (on its last known segment); a segment carries its own number inside only when it is
	// long enough. On a log axis every bar is labelled. A case with no known count is a
	// bar of nothing marked "count unknown" (on the first series), not an empty row.
	lastKnown := make([]int, len(v.figs)) // index in keys of each case's last known segment
	for i, f := range v.figs {
		lastKnown[i] = -1
		for ki, k := range keys {
			if j := findBucket(f.Buckets, k.Type, k.Certainty); j >= 0 && f.Buckets[j].Records.Known && (!useLog || f.Buckets[j].Records.N > 0) {
				lastKnown[i] = ki
			}
		}
	}
	var floor int64
	if useLog {
		floor = pow10Floor(minBucket)
	}
	var series []any
	for ki, k := range keys {
		name := v.t(i18n.Bucket(k))
		color := colors[k.Type]
		items := make([]opts.BarData, 0, len(v.figs))
		for i, f := range v.figs {
			j := findBucket(f.Buckets, k.Type, k.Certainty)
			if ki == 0 && lastKnown[i] < 0 {
				// Nothing of this case can be drawn: say so where its bar would be.
				// (On a log axis, a case whose known counts are all 0 has them in the table.)
				mark := v.t(labels.CountUnknownMark)
				if f.Total.Known {
					mark = v.countShort(f.Total)
				}
				items = append(items, opts.BarData{Value: floor, Label: &opts.Label{Show: opts.Bool(true),
					Position: "right", Color: "#555555", Formatter: mark}})
				if j >= 0 && !f.Buckets[j].Records.Known {
					c.Notes = append(c.Notes, v.f(labels.RecordsNotPlotted, v.cases[i], name))
				}
				continue
			}
			if j < 0 {
				items = append(items, opts.BarData{Value: missing})
				continue
			}
			b := f.Buckets[j]
			if !b.Records.Known {
				// An unknown count is not a zero: no bar, and a note says so.
				items = append(items, opts.BarData{Value: missing})
				c.Notes = append(c.Notes, v.f(labels.RecordsNotPlotted, v.cases[i], name))
				continue
			}
			if b.Unknown > 0 {
				c.Notes = append(c.Notes, v.f(labels.RecordsPartial, v.cases[i], name, b.Unknown))
			}
			if useLog && b.Records.N == 0 {
				// A log axis has no 0; the table and the tooltip give it.
				items = append(items, opts.BarData{Value: missing})
				c.Notes = append(c.Notes, v.f(labels.RecordsZeroLog, v.cases[i], name))
				continue
			}
			it := opts.BarData{Value: b.Records.N}
			switch {
			case useLog:
				// The label text is the formatted number: it never contains braces, so
				// ECharts shows it as it is.
				it.Label = &opts.Label{Show: opts.Bool(true), Formatter: v.countShort(b.Records)}
			case lastKnown[i] == ki:
				it.Label = &opts.Label{Show: opts.Bool(true), Position: "right", Color: "#222222",
					Formatter: v.barTotal(f)}
			case maxTotal > 0 && float64(b.Records.N) >= labelShare*float64(maxTotal):
				it.Label = &opts.Label{Show: opts.Bool(true), Formatter: v.countShort(b.Records)}
			}
			items = append(items, it)
		}
		if useLog {
			bar.AddSeries(name, items,
				ec.WithBarChartOpts(opts.BarChart{BarGap: "15%"}),
				ec.WithItemStyleOpts(opts.ItemStyle{Color: color}),
				ec.WithLabelOpts(opts.Label{Position: "right", FontSize: 11, Color: "#222222"}),
				barMaxWidth(14))
			series = append(series, bucketExtra(k.Certainty))
			continue
		}
		bar.AddSeries(name, items,
			ec.WithBarChartOpts(opts.BarChart{Stack: "records"}),
			ec.WithItemStyleOpts(opts.ItemStyle{Color: color}),
			ec.WithLabelOpts(opts.Label{Position: "inside", Color: labelColor(color)}),
			barMaxWidth(34))
		// A halo keeps the label legible on a patterned bar; the totals at the bars' ends
		// are on white.
		ex := bucketExtra(k.Certainty)
		ex["label"] = extra{"textBorderColor": color, "textBorderWidth": 3}
		var data []any
		for i := range v.figs {
			if lastKnown[i] == ki || (ki == 0 && lastKnown[i] < 0) {
				data = append(data, extra{"label": extra{"textBorderColor": "#ffffff", "textBorderWidth": 0}})
			} else {
				data = append(data, extra{})
			}
		}
		ex["data"] = data
		series = append(series, ex)
	}

	for i, f := range v.figs {
		tp := tip{Title: v.cases[i]}
		row := []string{v.cases[i]}
		for _, k := range keys {
			j := findBucket(f.Buckets, k.Type, k.Certainty)
			if j < 0 {
				row = append(row, "")
				continue
			}
			b := f.Buckets[j]
			tp.Rows = append(tp.Rows, tipRow{Label: v.t(i18n.Bucket(k)), Value: v.count(b.Records), Color: colors[k.Type]})
			row = append(row, v.count(b.Records))
		}
		total := v.t(labels.TotalUnknown)
		if f.Total.Known {
			total = v.count(f.Total)
		}
		tp.Rows = append(tp.Rows, tipRow{Label: v.t(labels.Total), Value: total})
		row = append(row, total)
		c.Payload.Tips.Axis = append(c.Payload.Tips.Axis, tp)
		tbl.Rows = append(tbl.Rows, row)
	}
	c.Notes = append(c.Notes, v.t(i18n.TotalsNote))
	if !useLog {
		c.Notes = append([]string{v.t(labels.RecordsBarEnd)}, c.Notes...)
	}
	c.Tables = []*table{tbl}
	c.Payload.Kind = "records"
	c.Payload.Ticks = map[string][]string{"yAxis": caseTicks(v.cases)}
	c.Payload.Compact = []string{"xAxis"}
	// Room on the right for the label at the end of the longest bar.
	opt, err := v.option(bar, extra{"series": series, "grid": []any{extra{"right": 120}}})
	c.Payload.Option = opt
	return c, err
}

// barTotal is the label at the end of a case's stacked bar: its total, or the sum of its
// known counts followed by "+ count unknown" when a scope's count is unknown.
func (v view) barTotal(f analysis.IncidentFigures) string {
	if f.Total.Known {
		return v.countShort(f.Total)
	}
	var sum data.Count
	for _, b := range f.Buckets {
		if b.Records.Known {
			sum.N += b.Records.N
			sum.Known = true
			sum.Approx = sum.Approx || b.Records.Approx
		}
	}
	return v.f(labels.PartialTotal, v.countShort(sum))
}

// pow10Floor returns the largest power of ten not above n (n > 0).
func pow10Floor(n int64) int64 {
	p := int64(1)
	for p*10 <= n {
		p *= 10
	}
	return p
}

// timelineChart is the Gantt chart: a go-echarts Custom chart with a series per record type
// × certainty whose items are exposure windows, drawn by renderWindow in page.js, overlapped
// with a Scatter of markers for the detected, contained and disclosed dates.
func (v view) timelineChart() (chart, error) {
	keys := v.bucketKeys()
	colors := typeColors(keys)

	c := chart{ID: "chart-timeline", Title: v.t(labels.TimelineTitle), Height: v.height(80)}
	// The axis starts on the first of a month, which is labelled, with its year (page.js
	// writes the labels of time axes); the end is not. go-echarts always writes
	// showMinLabel and showMaxLabel, so both are set.
	xAxis := opts.XAxis{Type: "time", Name: v.t(labels.TimelineAxis), NameLocation: "middle", NameGap: 26,
		AxisLabel: &opts.AxisLabel{HideOverlap: opts.Bool(true), ShowMinLabel: opts.Bool(true), ShowMaxLabel: opts.Bool(false)},
		SplitLine: &opts.SplitLine{Show: opts.Bool(true)}}
	if lo, hi, ok := v.timeRange(); ok {
		xAxis.Min, xAxis.Max = lo.UnixMilli(), hi.UnixMilli()
	}
	yAxis := v.caseAxis()
	yAxis.Data = v.cases
	yAxis.SplitLine = &opts.SplitLine{Show: opts.Bool(true)}
	windows := ec.NewCustom()
	windows.SetGlobalOptions(append(v.globals(c.Title, v.casesNote()),
		ec.WithTooltipOpts(opts.Tooltip{Trigger: "item"}),
		ec.WithXAxisOpts(xAxis),
		ec.WithYAxisOpts(yAxis),
	)...)
	ext := extra{}
	var series []any

	// Each incident's windowed scopes share its band in lanes, in input order.
	lanes := make([]int, len(v.figs))
	for i, f := range v.figs {
		for _, sf := range f.Scopes {
			if sf.Window.Known {
				lanes[i]++
			}
		}
	}
	type bar struct {
		value []any
		tip   tip
	}
	byKey := make([][]bar, len(keys))
	for i, f := range v.figs {
		lane := 0
		for _, sf := range f.Scopes {
			sc := sf.Scope
			k := findBucket(keys, sc.RecordType, sc.Certainty)
			name := v.t(i18n.Bucket(keys[k]))
			if !sf.Window.Known {
				c.Notes = append(c.Notes, v.f(labels.TimelineNoWindow, v.cases[i], name))
				continue
			}
			suspected := 0
			if sc.Certainty != data.Confirmed {
				suspected = 1
			}
			byKey[k] = append(byKey[k], bar{
				value: []any{i, sc.ExposureStart.Time().UnixMilli(), sc.ExposureEnd.Time().UnixMilli(), lane, lanes[i], suspected},
				tip: tip{Title: v.cases[i], Rows: []tipRow{
					{Label: v.t(labels.Scope), Value: name, Color: colors[sc.RecordType]},
					{Label: v.t(labels.Records), Value: v.count(sc.Records)},
					{Label: v.t(labels.Window), Value: v.f(labels.WindowRange, v.date(sc.ExposureStart), v.date(sc.ExposureEnd), v.days(sf.Window.N))},
				}},
			})
			lane++
		}
	}
	for k, bars := range byKey {
		if len(bars) == 0 {
			continue
		}
		var items []opts.CustomData
		var tt []tip
		for _, b := range bars {
			items = append(items, opts.CustomData{Value: b.value})
			tt = append(tt, b.tip)
		}
		windows.AddSeries(v.t(i18n.Bucket(keys[k])), items,
			ec.WithItemStyleOpts(opts.ItemStyle{Color: colors[keys[k].Type]}),
			ec.WithEncodeOpts(opts.Encode{X: []int{1, 2}, Y: 0}))
		// The window's item style carries the pattern for the legend; renderWindow draws
		// the bar itself.
		series = append(series, bucketExtra(keys[k].Certainty))
		c.Payload.Tips.Item = append(c.Payload.Tips.Item, tt)
	}

	// The detection → disclosure lag of each incident, a bracket under its band from the
	// detected to the disclosed marker, labelled in days by renderLag in page.js.
	var lagItems []opts.CustomData
	var lagTips []tip
	var lagLabels []string
	for i, f := range v.figs {
		in := f.Incident
		if !f.Disclose.Known || !in.Detected.IsDay() || !in.Disclosed.IsDay() {
			continue
		}
		lagItems = append(lagItems, opts.CustomData{Value: []any{i, in.Detected.Time().UnixMilli(), in.Disclosed.Time().UnixMilli()}})
		lagLabels = append(lagLabels, v.days(f.Disclose.N))
		lagTips = append(lagTips, tip{Title: v.cases[i], Rows: []tipRow{{
			Label: v.t(i18n.Metric(analysis.Disclose).Short),
			Value: v.f(labels.WindowRange, v.date(in.Detected), v.date(in.Disclosed), v.days(f.Disclose.N)), Color: purple}}})
	}
	if len(lagItems) > 0 {
		windows.AddSeries(v.t(i18n.Metric(analysis.Disclose).Short), lagItems,
			ec.WithItemStyleOpts(opts.ItemStyle{Color: purple}),
			ec.WithEncodeOpts(opts.Encode{X: []int{1, 2}, Y: 0}))
		c.Payload.Labels = map[int][]string{len(series): lagLabels}
		series = append(series, extra{"id": "lag", "z": 4})
		c.Payload.Tips.Item = append(c.Payload.Tips.Item, lagTips)
	}

	markers := []struct {
		name   i18n.Text
		get    func(data.Incident) data.Date
		symbol string
		color  string
		offset int
	}{
		{labels.Detected, func(in data.Incident) data.Date { return in.Detected }, "triangle", vermillion, -9},
		{labels.Contained, func(in data.Incident) data.Date { return in.Contained }, "diamond", black, 9},
		{labels.Disclosed, func(in data.Incident) data.Date { return in.Disclosed }, "circle", purple, 0},
	}
	dates := ec.NewScatter()
	for _, m := range markers {
		items := []opts.ScatterData{}
		var tt []tip
		for i, f := range v.figs {
			in := f.Incident
			d := m.get(in)
			if !d.IsDay() { // a month or a year cannot be placed on a day axis
				continue
			}
			items = append(items, opts.ScatterData{Value: []any{d.Time().UnixMilli(), i}})
			tt = append(tt, tip{Title: v.cases[i], Rows: []tipRow{
				{Label: v.t(labels.Detected), Value: v.date(in.Detected), Color: vermillion},
				{Label: v.t(labels.Contained), Value: v.date(in.Contained), Color: black},
				{Label: v.t(labels.Disclosed), Value: v.date(in.Disclosed), Color: purple},
			}})
		}
		dates.AddSeries(v.t(m.name), items,
			ec.WithScatterChartOpts(opts.ScatterChart{Symbol: m.symbol, SymbolSize: 13}),
			ec.WithItemStyleOpts(opts.ItemStyle{Color: m.color, BorderColor: "#ffffff", BorderWidth: 1}))
		// symbolOffset moves a marker up or down so that markers on one date do not hide
		// each other; z keeps them above the windows.
		series = append(series, extra{"symbolOffset": []any{0, m.offset}, "z": 5})
		c.Payload.Tips.Item = append(c.Payload.Tips.Item, tt)
	}
	windows.Overlap(dates)
	ext["series"] = series

	c.Notes = append([]string{v.t(labels.TimelineKey)}, c.Notes...)
	c.Payload.Kind = "timeline"
	c.Payload.Ticks = map[string][]string{"yAxis": caseTicks(v.cases)}
	c.Payload.Time = []string{"xAxis"}
	opt, err := v.option(windows, ext)
	c.Payload.Option = opt
	return c, err
}

type lagMetric struct {
	m     analysis.Metric
	color string
}

// timeRange returns the span of the timeline: from the start of the month before the
// earliest date it plots to the start of the second month after the latest, so that no bar
// or marker touches the edge.
func (v view) timeRange() (lo, hi time.Time, ok bool) {
	see := func(d data.Date) {
		if !d.IsDay() {
			return
		}
		if !ok || d.Time().Before(lo) {
			lo = d.Time()
		}
		if !ok || d.Time().After(hi) {
			hi = d.Time()
		}
		ok = true
	}
	for _, f := range v.figs {
		for _, sf := range f.Scopes {
			if sf.Window.Known {
				see(sf.Scope.ExposureStart)
				see(sf.Scope.ExposureEnd)
			}
		}
		see(f.Incident.Detected)
		see(f.Incident.Contained)
		see(f.Incident.Disclosed)
	}
	if !ok {
		return lo, hi, false
	}
	lo = time.Date(lo.Year(), lo.Month()-1, 1, 0, 0, 0, 0, time.UTC)
	hi = time.Date(hi.Year(), hi.Month()+2, 1, 0, 0, 0, 0, time.UTC)
	return lo, hi, true
}

// knownMetrics returns the metrics of lagMetrics that are not among missing.
func knownMetrics(missing []analysis.MissingMetric) []lagMetric {
	var known []lagMetric
	for _, lm := range lagMetrics() {
		if !slices.ContainsFunc(missing, func(m analysis.MissingMetric) bool { return m.Metric == lm.m }) {
			known = append(known, lm)
		}
	}
	return known
}

// missingMetrics returns the metrics of lagMetrics that no incident of rep has, with the
// columns each is computed from and those of them no incident states (as
// PeriodReport.Missing does for a period).
func missingMetrics(rep analysis.Report) []analysis.MissingMetric {
	var out []analysis.MissingMetric
	for _, lm := range lagMetrics() {
		if rep.Summary.Stat(lm.m).N == 0 {
			out = append(out, analysis.MissingMetric{Metric: lm.m, Columns: lm.m.Columns()})
		}
	}
	if len(out) == 0 {
		return nil
	}
	stated := map[string]bool{}
	for _, f := range rep.Incidents.All() {
		in := &f.Incident
		stated[data.ColDetected] = stated[data.ColDetected] || in.Detected.Known()
		stated[data.ColContained] = stated[data.ColContained] || in.Contained.Known()
		stated[data.ColDisclosed] = stated[data.ColDisclosed] || in.Disclosed.Known()
		for _, sc := range in.Scopes {
			stated[data.ColExposureStart] = stated[data.ColExposureStart] || sc.ExposureStart.Known()
			stated[data.ColCertainty] = stated[data.ColCertainty] || sc.Certainty == data.Confirmed
		}
	}
	for i, m := range out {
		for _, c := range m.Columns {
			if !stated[c] {
				out[i].Unstated = append(out[i].Unstated, c)
			}
		}
	}
	return out
}

// notComputed is the one line that names the day figures of lagMetrics no incident of the
// report has, each with the columns it needs (those no incident states, when some are
// not), or "" when every figure has a value.
func (v view) notComputed(missing []analysis.MissingMetric) string {
	var parts, names []string
	shown := slices.DeleteFunc(slices.Clone(missing), func(m analysis.MissingMetric) bool {
		return !slices.ContainsFunc(lagMetrics(), func(lm lagMetric) bool { return lm.m == m.Metric })
	})
	cols := func(m analysis.MissingMetric) string {
		cs := m.Unstated
		if len(cs) == 0 {
			cs = m.Columns
		}
		var out []string
		for _, c := range cs {
			out = append(out, i18n.ColumnName(c, v.lang))
		}
		return strings.Join(out, v.t(labels.NameSep))
	}
	for i, m := range shown {
		names = append(names, v.t(i18n.Metric(m.Metric).Short))
		if i+1 < len(shown) && cols(shown[i+1]) == cols(m) {
			continue
		}
		parts = append(parts, v.f(labels.NeedsColumn, strings.Join(names, v.t(labels.NameSep)), cols(m)))
		names = nil
	}
	if len(parts) == 0 {
		return ""
	}
	return v.f(labels.NotComputed, strings.Join(parts, v.t(labels.ListSep)))
}

// figsHaveLags reports whether any charted incident has a value of a metric shown.
func (v view) figsHaveLags() bool {
	for _, f := range v.figs {
		for _, lm := range v.metrics {
			if f.Get(lm.m).Known {
				return true
			}
		}
	}
	return false
}

// lagMetrics returns the figures of the lag chart, with their colours.
func lagMetrics() []lagMetric {
	return []lagMetric{
		{analysis.DetectConfirmed, blue},
		{analysis.DetectAll, skyBlue},
		{analysis.Contain, green},
		{analysis.Disclose, vermillion},
	}
}

// caseBars returns a go-echarts Bar with the incidents on the y axis and values along the
// value axis given, the shape the records and lags charts share.
func (v view) caseBars(title, subtitle string, valueAxis opts.XAxis) *ec.Bar {
	bar := ec.NewBar()
	bar.SetGlobalOptions(append(v.globals(title, subtitle),
		ec.WithTooltipOpts(opts.Tooltip{Trigger: "axis", AxisPointer: &opts.AxisPointer{Type: "shadow"}}),
		ec.WithXAxisOpts(valueAxis),
		ec.WithYAxisOpts(v.caseAxis()),
	)...)
	bar.SetXAxis(v.cases).XYReversal()
	return bar
}

// lagsChart is the clustered bar chart of the day figures per incident, a go-echarts Bar
// with the incidents on the y axis.
func (v view) lagsChart() (chart, error) {
	c := chart{ID: "chart-lags", Title: v.t(labels.LagsTitle), Height: v.height(110)}
	bar := v.caseBars(c.Title, v.casesNote(),
		opts.XAxis{Type: "value", Name: v.t(labels.LagsAxis), NameLocation: "middle", NameGap: 26})
	for _, lm := range v.metrics {
		name := v.t(i18n.Metric(lm.m).Short)
		items := make([]opts.BarData, 0, len(v.figs))
		for i, f := range v.figs {
			d := f.Get(lm.m)
			if !d.Known {
				// An unknown figure is a gap, not a zero.
				items = append(items, opts.BarData{Value: missing})
				c.Notes = append(c.Notes, v.f(labels.LagsUnknown, v.cases[i], name))
				continue
			}
			items = append(items, opts.BarData{Value: d.N,
				Label: &opts.Label{Show: opts.Bool(true), Formatter: v.days(d.N)}})
		}
		bar.AddSeries(name, items,
			ec.WithBarChartOpts(opts.BarChart{BarGap: "15%"}),
			ec.WithItemStyleOpts(opts.ItemStyle{Color: lm.color}),
			ec.WithLabelOpts(opts.Label{Position: "right", FontSize: 11, Color: "#222222"}),
			barMaxWidth(18))
	}
	for i, f := range v.figs {
		tp := tip{Title: v.cases[i]}
		for _, lm := range v.metrics {
			val := v.t(labels.Unknown)
			if d := f.Get(lm.m); d.Known {
				val = v.days(d.N)
			}
			tp.Rows = append(tp.Rows, tipRow{Label: v.t(i18n.Metric(lm.m).Short), Value: val, Color: lm.color})
		}
		c.Payload.Tips.Axis = append(c.Payload.Tips.Axis, tp)
	}
	c.Notes = append(c.Notes, v.t(i18n.DayConvention))
	c.Payload.Kind = "lags"
	c.Payload.Ticks = map[string][]string{"yAxis": caseTicks(v.cases)}
	opt, err := v.option(bar, nil)
	c.Payload.Option = opt
	return c, err
}
