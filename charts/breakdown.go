package charts

import (
	"slices"
	"sort"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"breachreport/analysis"
	"breachreport/i18n"
)

// breakdownDims are the breakdowns the dashboard charts, in order, each with its chart's
// element id.
var breakdownDims = []struct {
	d  analysis.Dimension
	id string
}{
	{analysis.ByCause, "chart-by-cause"},
	{analysis.ByIndustry, "chart-by-industry"},
	{analysis.ByRecordType, "chart-by-type"},
	{analysis.BySize, "chart-by-size"},
	{analysis.ByCauseCategory, "chart-by-cause-category"},
}

// maxGroupBars is the most groups a breakdown chart shows; the table under it lists all.
const maxGroupBars = 15

// groupName is the name of a group in the page's language.
func (v view) groupName(d analysis.Dimension, g analysis.Group) string {
	return i18n.GroupName(d, g, v.lang)
}

// dimensionTitle is the title of a breakdown's chart.
func (v view) dimensionTitle(d analysis.Dimension) string {
	switch d {
	case analysis.ByCause:
		return v.t(labels.ByCauseTitle)
	case analysis.ByIndustry:
		return v.t(labels.ByIndustryTitle)
	case analysis.ByRecordType:
		return v.t(labels.ByTypeTitle)
	case analysis.ByCauseCategory:
		return v.t(labels.ByCauseCategoryTitle)
	}
	return v.t(labels.BySizeTitle)
}

// causeColorMap gives the commonest causes of b, a breakdown by cause, their colours, by
// analysis.SpellingKey: ranked by incidents, then records, then text, the first maxCauses
// take causeColors; the cause of the largest incident (largest, "" for none) always takes
// one, in the last place when it would have none. The breakdown charts and the bubble
// chart share the map, so that a cause has one colour on the page.
func causeColorMap(b analysis.Breakdown, largest string) (map[string]string, []string) {
	type ranked struct {
		key     string
		n       int
		records int64
	}
	var rs []ranked
	for _, g := range b.Groups {
		if g.Key != "" {
			rs = append(rs, ranked{analysis.SpellingKey(g.Key), g.Incidents, g.Records.N})
		}
	}
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].n != rs[j].n {
			return rs[i].n > rs[j].n
		}
		if rs[i].records != rs[j].records {
			return rs[i].records > rs[j].records
		}
		return rs[i].key < rs[j].key
	})
	keys := make([]string, len(rs))
	for i, r := range rs {
		keys[i] = r.key
	}
	if largest != "" && len(keys) > maxCauses {
		if i := slices.Index(keys, analysis.SpellingKey(largest)); i >= maxCauses {
			k := keys[i]
			keys = slices.Insert(slices.Delete(keys, i, i+1), maxCauses-1, k)
		}
	}
	keys = keys[:min(len(keys), maxCauses)]
	m := make(map[string]string, len(keys))
	for i, k := range keys {
		m[k] = causeColors[i]
	}
	return m, keys
}

// groupColors gives the groups of a breakdown their colours: a cause its colour of
// v.causeColor, grey when it has none, light grey when no cause is stated; the groups of
// other breakdowns one colour, the unknown size band light grey.
func (v view) groupColors(b analysis.Breakdown) []string {
	out := make([]string, len(b.Groups))
	for i, g := range b.Groups {
		switch {
		case b.Dimension != analysis.ByCause:
			out[i] = skyBlue
			if b.Dimension == analysis.BySize && g.Band == analysis.SizeUnknown {
				out[i] = unknownColor
			}
		case g.Key == "":
			out[i] = unknownColor
		case v.causeColor[analysis.SpellingKey(g.Key)] != "":
			out[i] = v.causeColor[analysis.SpellingKey(g.Key)]
		default:
			out[i] = otherColor
		}
	}
	return out
}

// breakdownChart is the bar chart of one breakdown: a go-echarts Bar with one bar per group
// in the breakdown's order (most incidents first; size bands smallest first), each labelled
// with its incidents and share; the table under it gives every group's incidents, share and
// records, and the notes say which spellings were counted as one.
func (v view) breakdownChart(b analysis.Breakdown, id string) (chart, error) {
	groups := b.Groups
	if b.Dimension == analysis.BySize {
		// The bands with no incident say nothing in a chart; the table keeps them.
		groups = nil
		for _, g := range b.Groups {
			if g.Incidents > 0 {
				groups = append(groups, g)
			}
		}
	}
	shown := groups
	if len(shown) > maxGroupBars {
		shown = shown[:maxGroupBars]
	}
	c := chart{ID: id, Title: v.dimensionTitle(b.Dimension), Height: max(260, 120+34*len(shown))}
	colors := v.groupColors(analysis.Breakdown{Dimension: b.Dimension, Groups: groups})
	subtitle := ""
	if len(shown) < len(groups) {
		subtitle = v.f(labels.FirstGroups, num(len(shown)), num(len(groups)))
	}
	names := make([]string, len(shown))
	items := make([]opts.BarData, len(shown))
	for i, g := range shown {
		names[i] = v.groupName(b.Dimension, g)
		items[i] = opts.BarData{Value: g.Incidents, ItemStyle: &opts.ItemStyle{Color: colors[i]},
			Label: &opts.Label{Show: opts.Bool(true), Formatter: v.groupLabel(g)}}
		c.Payload.Tips.Axis = append(c.Payload.Tips.Axis, tip{Title: names[i], Rows: []tipRow{
			{Label: v.t(labels.IncidentsHead), Value: v.groupLabel(g), Color: colors[i]},
			{Label: v.t(labels.RecordsHead), Value: v.groupRecords(g)},
		}})
	}
	bar := ec.NewBar()
	bar.SetGlobalOptions(append(v.globals(c.Title, subtitle),
		ec.WithTooltipOpts(opts.Tooltip{Trigger: "axis", AxisPointer: &opts.AxisPointer{Type: "shadow"}}),
		ec.WithXAxisOpts(opts.XAxis{Type: "value", Name: v.t(labels.IncidentsHead), NameLocation: "middle", NameGap: 26, MinInterval: 1}),
		ec.WithYAxisOpts(v.caseAxis()),
		ec.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
	)...)
	bar.SetXAxis(names).XYReversal()
	bar.AddSeries(v.t(labels.IncidentsHead), items,
		ec.WithLabelOpts(opts.Label{Position: "right", FontSize: 12, Color: "#222222"}),
		barMaxWidth(26))

	tbl := &table{Head: []string{v.dimensionTitle(b.Dimension), v.t(labels.IncidentsHead), v.t(labels.ShareHead), v.t(labels.RecordsHead)}}
	for _, g := range groups {
		tbl.Rows = append(tbl.Rows, []string{v.groupName(b.Dimension, g), num(g.Incidents), i18n.Percent(g.Share), v.groupRecords(g)})
	}
	c.Tables = []*table{tbl}
	for _, m := range b.Merges {
		c.Notes = append(c.Notes, i18n.MergeNote(m, v.lang))
	}
	if b.Dimension == analysis.ByRecordType {
		c.Notes = append(c.Notes, v.t(labels.SharesOverlap))
	}
	if b.Dimension == analysis.BySize {
		c.Notes = append(c.Notes, v.t(labels.SizeBandNote))
	}
	c.Payload.Kind = "breakdown"
	c.Payload.Ticks = map[string][]string{"yAxis": caseTicks(names)}
	// Room on the right for the label of the longest bar; no legend, so the plot sits
	// under the title.
	opt, err := v.option(bar, extra{"grid": []any{extra{"right": 130, "top": gridTop(v.sub(subtitle)) - 30}}})
	c.Payload.Option = opt
	return c, err
}

// groupLabel is the label of a group's bar: its incidents and share, 7件（43.8%）.
func (v view) groupLabel(g analysis.Group) string {
	return v.f(labels.GroupLabel, i18n.Incidents(g.Incidents, v.lang), i18n.Percent(g.Share))
}

// groupRecords is a group's records with the incidents they rest on.
func (v view) groupRecords(g analysis.Group) string {
	if !g.Records.Known {
		return v.t(labels.CountUnknownMark)
	}
	if g.RecordsN < g.Incidents {
		return v.f(labels.ValueN, v.count(g.Records), g.RecordsN)
	}
	return v.count(g.Records)
}

// breakdownCharts returns the charts of the breakdowns of bs that have a group, in
// breakdownDims order.
func (v view) breakdownCharts(bs []analysis.Breakdown) []func() (chart, error) {
	var out []func() (chart, error)
	for _, bd := range breakdownDims {
		for _, b := range bs {
			if b.Dimension == bd.d && b.Incidents > 0 {
				out = append(out, func() (chart, error) { return v.breakdownChart(b, bd.id) })
			}
		}
	}
	return out
}
