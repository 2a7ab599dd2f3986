package charts

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"time"

	"github.com/go-echarts/go-echarts/v2/opts"

	"breachreport/analysis"
	"breachreport/third_party/echarts"
)

// IndexMonth is one month of the index page that generate --all-months writes: the month's
// figures and the paths of its workbook and dashboard, relative to the index page.
type IndexMonth struct {
	analysis.MonthRow
	Workbook, Dashboard string
}

// Index is what the index page shows.
type Index struct {
	// Input and Generated say what the reports were made from and when, as on a dashboard.
	Input     string
	Generated time.Time
	// Months are the months reported on, oldest first, empty months included.
	Months []IndexMonth
	// Undated is how many incidents have no disclosure date, so are in no month.
	Undated int
}

// indexLink is one row of the index page's table of links.
type indexLink struct {
	Month, Incidents, Records string
	Workbook, Dashboard       string
}

// WriteIndex writes the index page of a run of monthly reports: a link to each month's
// dashboard and workbook, with its incidents and records, under an overview chart of the
// incidents and records per month. Like the dashboard it carries the ECharts runtime inline,
// runs only its own two scripts and opens with no network.
func WriteIndex(w io.Writer, idx Index, opts Options) error {
	v := newView(opts.Lang, nil)
	p := page{
		Lang:     string(v.lang),
		Title:    v.t(labels.IndexTitle),
		NoScript: v.t(labels.NoScript),
		Failed:   v.t(labels.ChartFailed),
		ECharts:  template.JS(echarts.MinJS),
		Script:   template.JS(pageJS),
		CSP:      csp(echarts.MinJS, pageJS),
	}
	switch n := len(idx.Months); {
	case n > 0:
		p.Subtitle = append(p.Subtitle, v.f(labels.IndexMonths, num(n), v.month(idx.Months[0].Month), v.month(idx.Months[n-1].Month)))
	default:
		p.Empty = v.t(labels.IndexNone)
	}
	if idx.Undated > 0 {
		p.Subtitle = append(p.Subtitle, v.f(labels.PeriodUndated, num(idx.Undated)))
	}
	v.brand = v.applyBrand(&p, opts)
	if idx.Input != "" {
		p.Subtitle = append(p.Subtitle, v.f(labels.Input, inputName(idx.Input)))
	}
	if !idx.Generated.IsZero() {
		p.Subtitle = append(p.Subtitle, v.f(labels.Generated, v.day(idx.Generated)))
	}
	for _, m := range idx.Months {
		p.Links = append(p.Links, indexLink{Month: v.month(m.Month), Incidents: num(m.Summary.Incidents),
			Records: v.periodRecords(m.PeriodFigures), Workbook: m.Workbook, Dashboard: m.Dashboard})
	}
	p.LinkHead = []string{v.t(labels.Month), v.t(labels.IncidentsHead), v.t(labels.RecordsHead), v.t(labels.IndexDashboard), v.t(labels.IndexWorkbook)}
	if len(idx.Months) > 0 {
		c, err := v.overviewChart(idx.Months)
		if err != nil {
			return fmt.Errorf("building chart %s: %w", c.ID, err)
		}
		c.Payload.Lang = string(v.lang)
		js, err := json.Marshal(c.Payload)
		if err != nil {
			return fmt.Errorf("encoding chart %s: %w", c.ID, err)
		}
		p.Charts = append(p.Charts, pageChart{chart: c, JSON: template.JS(js)})
	}
	return writePage(w, p)
}

// overviewChart is the index page's chart: incidents and records per month over every month
// reported on.
func (v view) overviewChart(months []IndexMonth) (chart, error) {
	c := chart{ID: "chart-overview", Title: v.t(labels.OverviewTitle), Height: 320, Wide: true}
	ticks := make([]string, 0, len(months))
	bars := make([]opts.BarData, 0, len(months))
	recs := make([]opts.LineData, 0, len(months))
	for i, m := range months {
		switch {
		case len(months) <= 24:
			ticks = append(ticks, v.monthTick(m.Month, i == 0))
		case i == 0 || m.Month.Month == time.January:
			// Too many months to name each: the years alone.
			ticks = append(ticks, v.year(m.Month.Year))
		default:
			ticks = append(ticks, "")
		}
		bars = append(bars, opts.BarData{Value: m.Summary.Incidents})
		if r := m.Records(); r.Known {
			recs = append(recs, opts.LineData{Value: r.N})
		} else {
			recs = append(recs, opts.LineData{Value: missing})
		}
		c.Payload.Tips.Axis = append(c.Payload.Tips.Axis, tip{Title: v.month(m.Month), Rows: []tipRow{
			{Label: v.t(labels.IncidentsHead), Value: num(m.Summary.Incidents), Color: skyBlue},
			{Label: v.t(labels.RecordsHead), Value: v.periodRecords(m.PeriodFigures), Color: vermillion},
		}})
	}
	bar := v.monthlyBars(c.Title, "", ticks, bars, recs, len(months) <= 24)
	c.Notes = []string{v.t(labels.OverviewKey)}
	c.Payload.Kind = "trend"
	c.Payload.Compact = []string{"yAxis"}
	opt, err := v.option(bar, monthAxisExtra(v.sub("")))
	c.Payload.Option = opt
	return c, err
}
