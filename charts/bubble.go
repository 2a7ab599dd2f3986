package charts

import (
	"math"
	"slices"
	"sort"
	"time"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
)

// maxBubbles is the most incidents the bubble chart plots: the largest by records. More
// bubbles than this hide each other.
const maxBubbles = 50

// labelledBubbles is how many of the largest bubbles carry their incident's name.
const labelledBubbles = 8

// maxCauses is how many causes get a colour of their own; the rest share "other causes".
const maxCauses = 6

// causeColors are the colours of the commonest causes, in order; otherColor is the colour
// of the rest, and unknownColor that of incidents with no cause given.
var causeColors = []string{blue, vermillion, green, orange, purple, skyBlue}

const (
	otherColor   = grey
	unknownColor = "#C8C8C8"
)

// Bubble sizes, in pixels of diameter: a bubble's area is proportional to its records.
const (
	minBubble = 9
	maxBubble = 64
	// minMaxBubble is the largest bubble's size when maxBubbles are plotted.
	minMaxBubble = 44
)

// bubble is one plotted incident.
type bubble struct {
	fig   analysis.IncidentFigures
	label string
	// cause is the colour group: the cause, or "" for other causes, or unknownCause.
	group string
}

// unknownCause is the group of incidents with no cause; no cause text is a control
// character, so it cannot clash with one.
const unknownCause = "\x00unknown"

// plottable reports whether an incident can be a bubble: its total and disclosure day known.
func plottable(f analysis.IncidentFigures) bool {
	return f.Total.Known && f.Total.N > 0 && f.Incident.Disclosed.IsDay()
}

// largestPlottable returns the indices of the n plottable incidents of figs with the most
// records, largest first and ties in input order, and how many are plottable. It keeps the
// n in order as the incidents go by, so that a large input is not sorted whole.
func largestPlottable(figs analysis.Figures, n int) (largest []int, count int) {
	var totals []int64 // of largest
	before := func(i int, ti int64, j int, tj int64) bool { return ti > tj || ti == tj && i < j }
	for i, f := range figs {
		if !plottable(*f) {
			continue
		}
		count++
		t := f.Total.N
		if len(largest) == n && (n == 0 || !before(i, t, largest[n-1], totals[n-1])) {
			continue
		}
		at := sort.Search(len(largest), func(k int) bool { return before(i, t, largest[k], totals[k]) })
		largest, totals = slices.Insert(largest, at, i), slices.Insert(totals, at, t)
		if len(largest) > n {
			largest, totals = largest[:n], totals[:n]
		}
	}
	return largest, count
}

// bubbleChart is the chart of disclosure date against records exposed (log scale), one
// bubble per incident sized by its records and coloured by its cause: a go-echarts Scatter
// with one series per cause. It plots the maxBubbles largest of figs whose total and
// disclosure day are known and says on the chart what it leaves out. The date axis spans
// span when it is not nil (a period report's period), else whole years around the dates.
func (v view) bubbleChart(figs analysis.Incidents, span *analysis.Period) (chart, error) {
	c := chart{ID: "chart-bubbles", Title: v.t(labels.BubbleTitle), Height: 460}
	largest, nPlottable := largestPlottable(figs.All(), maxBubbles)
	unplotted := figs.Len() - nPlottable
	plotted := make([]bubble, 0, len(largest))
	for _, i := range largest {
		plotted = append(plotted, bubble{fig: figs.At(i)})
	}
	// A label that more than one incident has gets the incident's id (caseLabel): only the
	// plotted incidents' labels are counted.
	count := make(map[string]int, len(plotted))
	for _, b := range plotted {
		count[b.fig.Incident.Label()] = 0
	}
	for _, f := range figs.All() {
		if l := f.Incident.Label(); l != "" {
			if _, ok := count[l]; ok {
				count[l]++
			}
		}
	}
	for k := range plotted {
		in := &plotted[k].fig.Incident
		plotted[k].label = caseLabel(in.Label(), in.ID, count[in.Label()])
	}

	var lines []string
	if len(plotted) < nPlottable {
		lines = append(lines, v.f(labels.BubbleTop, num(len(plotted)), num(nPlottable)))
	}
	if unplotted > 0 {
		lines = append(lines, v.f(labels.BubbleNotPlotted, num(unplotted)))
	}
	c.Notes = append(c.Notes, lines...)
	c.Notes = append(c.Notes, v.t(labels.BubbleKey), v.t(i18n.TotalsNote))

	// Causes are grouped as the breakdowns group them (analysis.SpellingKey), shown as the
	// spelling most of their plotted incidents use, and coloured as the breakdown by cause
	// colours them: the commonest causes, and always the cause of the largest incident.
	type causeAcc struct {
		names map[string]int
	}
	accs := map[string]*causeAcc{}
	keyOf := func(cause string) string {
		if cause == "" {
			return ""
		}
		return analysis.SpellingKey(cause)
	}
	for _, b := range plotted {
		k := keyOf(b.fig.Incident.Cause)
		a := accs[k]
		if a == nil {
			a = &causeAcc{names: map[string]int{}}
			accs[k] = a
		}
		a.names[b.fig.Incident.Cause]++
	}
	name := func(k string) string {
		best, bestN := "", 0
		for n, c := range accs[k].names {
			if c > bestN || c == bestN && n < best {
				best, bestN = n, c
			}
		}
		return best
	}
	// The colours are those of the breakdown by cause (causeColorMap), worked out here
	// when the page has none.
	if v.causeOrder == nil {
		largest := ""
		if len(plotted) > 0 {
			largest = plotted[0].fig.Incident.Cause
		}
		// Only the causes' colours are wanted here: no taxonomy is needed.
		for _, b := range analysis.BreakdownEach(figs.All(), figs.Len(), data.Taxonomy{}) {
			if b.Dimension == analysis.ByCause {
				v.causeColor, v.causeOrder = causeColorMap(b, largest)
			}
		}
	}
	type group struct {
		key, name, color string
	}
	var groups []group
	others := false
	for k := range accs {
		if k != "" && v.causeColor[k] == "" {
			others = true
		}
	}
	for _, k := range v.causeOrder {
		if accs[k] != nil {
			groups = append(groups, group{k, name(k), v.causeColor[k]})
		}
	}
	if others {
		groups = append(groups, group{"", v.t(labels.OtherCauses), otherColor})
	}
	if accs[""] != nil {
		groups = append(groups, group{unknownCause, v.t(labels.CauseUnknown), unknownColor})
	}
	for i := range plotted {
		switch k := keyOf(plotted[i].fig.Incident.Cause); {
		case k == "":
			plotted[i].group = unknownCause
		case v.causeColor[k] != "":
			plotted[i].group = k
		default:
			plotted[i].group = ""
		}
	}

	var lo, hi int64
	var first, last time.Time
	for i, b := range plotted {
		n, d := b.fig.Total.N, b.fig.Incident.Disclosed.Time()
		if i == 0 || n < lo {
			lo = n
		}
		if i == 0 || n > hi {
			hi = n
		}
		if i == 0 || d.Before(first) {
			first = d
		}
		if i == 0 || d.After(last) {
			last = d
		}
	}

	yAxis := opts.YAxis{Type: "log", Name: v.t(labels.RecordsAxis), NameLocation: "middle", NameGap: 46,
		SplitLine: &opts.SplitLine{Show: opts.Bool(true)}}
	xAxis := opts.XAxis{Type: "time", Name: v.t(labels.BubbleAxis), NameLocation: "middle", NameGap: 26,
		AxisLabel: &opts.AxisLabel{HideOverlap: opts.Bool(true), ShowMinLabel: opts.Bool(true), ShowMaxLabel: opts.Bool(false)},
		SplitLine: &opts.SplitLine{Show: opts.Bool(false)}}
	if len(plotted) > 0 {
		// Whole powers of ten around the records, and whole years around the dates, so
		// that no bubble sits on the edge and the axis starts on a labelled year.
		floor, ceil := pow10Floor(lo), pow10Floor(hi)*10
		if ceil/floor < 100 {
			floor = ceil / 100 // at least two decades, so that the scale reads as one
		}
		yAxis.Min, yAxis.Max = floor, ceil
		xAxis.Min = time.Date(first.Year(), 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli()
		xAxis.Max = time.Date(last.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli()
	}
	if span != nil {
		// The period's first day to the day after its last, so that a bubble on the last
		// day is inside.
		xAxis.Min = span.From.Time().UnixMilli()
		xAxis.Max = span.To.AddDays(1).Time().UnixMilli()
	}

	// The largest bubble is smaller when there are many, so that they hide each other less.
	top := min(maxBubble, max(minMaxBubble, maxBubble-(len(plotted)-10)/2))

	sc := ec.NewScatter()
	sc.SetGlobalOptions(append(v.globals(c.Title, joinLines(lines...)),
		ec.WithTooltipOpts(opts.Tooltip{Trigger: "item"}),
		ec.WithXAxisOpts(xAxis),
		ec.WithYAxisOpts(yAxis),
	)...)
	// The axis name is outside the labels that containLabel makes room for; the top leaves
	// room for half the largest bubble under the legend.
	ext := extra{"grid": []any{extra{"left": 36, "top": gridTop(v.sub(joinLines(lines...))) + top/2, "right": 40}}}
	// The names of the largest bubbles are labels; which bubbles those are is known
	// before the series are split by cause.
	named := map[string]bool{}
	for i, b := range plotted {
		if i < labelledBubbles {
			named[b.fig.Incident.ID] = true
		}
	}
	var series []any
	c.Payload.Labels = map[int][]string{}
	for _, g := range groups {
		var items []opts.ScatterData
		var tt []tip
		var names []string
		for _, b := range plotted {
			if b.group != g.key {
				continue
			}
			f := b.fig
			size := minBubble + int(math.Round(float64(top-minBubble)*math.Sqrt(float64(f.Total.N)/float64(hi))))
			items = append(items, opts.ScatterData{Value: []any{f.Incident.Disclosed.Time().UnixMilli(), f.Total.N}, SymbolSize: size})
			name := ""
			if named[f.Incident.ID] {
				name = f.Incident.Organization
			}
			names = append(names, name)
			cause := f.Incident.Cause
			if cause == "" {
				cause = v.t(labels.CauseUnknown)
			}
			tp := tip{Title: b.label, Rows: []tipRow{
				{Label: v.t(labels.Cause), Value: cause, Color: g.color},
				{Label: v.t(labels.Disclosed), Value: v.date(f.Incident.Disclosed)},
				{Label: v.t(labels.Total), Value: v.count(f.Total)},
			}}
			for _, bk := range f.Buckets {
				tp.Rows = append(tp.Rows, tipRow{Label: v.t(i18n.Bucket(bk)), Value: v.count(bk.Records)})
			}
			tt = append(tt, tp)
		}
		sc.AddSeries(g.name, items,
			ec.WithItemStyleOpts(opts.ItemStyle{Color: g.color, Opacity: opts.Float(0.78), BorderColor: "#ffffff", BorderWidth: 1}),
			ec.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top", FontSize: 11, Color: "#222222"}))
		// The label's width is set with the series extra below.
		// Labels come from page.js, by index, as text: a name is never a formatter
		// template. Overlapping labels are hidden; the tooltip has every name.
		c.Payload.Labels[len(series)] = names
		series = append(series, extra{"labelLayout": extra{"hideOverlap": true},
			"label": extra{"width": 220, "overflow": "truncate", "textBorderColor": "#ffffff", "textBorderWidth": 2}})
		c.Payload.Tips.Item = append(c.Payload.Tips.Item, tt)
	}
	ext["series"] = series
	c.Payload.Kind = "bubbles"
	c.Payload.Time = []string{"xAxis"}
	c.Payload.Compact = []string{"yAxis"}
	opt, err := v.option(sc, ext)
	c.Payload.Option = opt
	return c, err
}
