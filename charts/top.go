package charts

import (
	"net/url"
	"strings"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
)

// periodTop returns the cards at the top of a period's dashboard: the list of the period's
// incidents by disclosure date, then the comparison with the previous period and a year
// earlier.
func (v view) periodTop(pr *analysis.PeriodReport) []topCard {
	list := topCard{Heading: v.f(labels.ListHeading, num(len(pr.Subject.Incidents)))}
	if len(pr.Subject.Incidents) == 0 {
		list.Paragraphs = []string{v.f(labels.PeriodNone, v.period(pr.Subject.Period))}
	} else {
		list.Tables = []*table{v.incidentList(pr.Subject.Incidents)}
	}
	ct := v.changesTable(pr)
	ct.Caption = "" // the card's heading says it
	changes := topCard{Heading: v.t(labels.ChangesCaption), Tables: []*table{ct}}
	if len(v.metrics) > 0 {
		changes.Notes = append(changes.Notes, v.t(labels.SmallNote))
	}
	if !pr.Previous.Covered || !pr.YearEarlier.Covered {
		changes.Notes = append(changes.Notes, v.t(labels.NoDataNote))
	}
	cards := []topCard{list}
	if len(pr.Subject.Incidents) > 0 {
		var sum topCard
		sum.Heading = v.t(labels.SummaryHeading)
		for _, st := range i18n.PeriodSummary(*pr, v.lang) {
			sum.Paragraphs = append(sum.Paragraphs, st.Text)
		}
		cards = append(cards, sum)
	}
	cards = append(cards, changes)
	if len(pr.Largest) > 0 {
		cards = append(cards, topCard{Heading: v.f(labels.LargestHeading, num(len(pr.Largest))),
			Tables: []*table{v.largestTable(pr.Largest)}})
	}
	return cards
}

// largestTable is the table of a period's largest incidents by records, largest first.
func (v view) largestTable(figs []analysis.IncidentFigures) *table {
	t := &table{Head: []string{v.t(labels.Rank), v.t(labels.ListDisclosed), v.t(labels.ListOrganization),
		v.t(labels.ListIndustry), v.t(labels.Cause), v.t(labels.Records)}, Class: "largest"}
	for i, f := range figs {
		in := f.Incident
		t.Cells = append(t.Cells, []cell{{Text: num(i + 1)}, {Text: i18n.DateCell(in.Disclosed, v.lang)},
			{Text: v.orgService(in)}, {Text: orDash(in.Industry)}, {Text: orDash(in.Cause)}, {Text: v.count(f.Total)}})
	}
	return t
}

// incidentList is the table of a period's incidents, in the order given (by disclosure
// date): disclosed, organization (service), industry, cause, record types, records, the
// detection → disclosure lag, and the source as a link.
func (v view) incidentList(figs []analysis.IncidentFigures) *table {
	t := &table{Head: []string{v.t(labels.ListDisclosed), v.t(labels.ListOrganization), v.t(labels.ListIndustry),
		v.t(labels.Cause), v.t(labels.ListRecordTypes), v.t(labels.Records), v.t(i18n.Metric(analysis.Disclose).Short), v.t(labels.ListSource)},
		Class: "incidents"}
	for _, f := range figs {
		in := f.Incident
		lag := v.t(labels.NoValue)
		if f.Disclose.Known {
			lag = v.days(f.Disclose.N)
		}
		total := v.t(labels.CountUnknownMark)
		if f.Total.Known {
			total = v.count(f.Total)
		}
		row := []cell{
			{Text: i18n.DateCell(in.Disclosed, v.lang)},
			{Text: v.orgService(in)},
			{Text: orDash(in.Industry)},
			{Text: orDash(in.Cause)},
			{Text: v.recordTypes(in)},
			{Text: total},
			{Text: lag},
			v.source(in.SourceURLs),
		}
		t.Cells = append(t.Cells, row)
	}
	return t
}

// orgService is 企業名（サービス）: the organization with its service in brackets when
// one is given and not already part of the name.
func (v view) orgService(in data.Incident) string {
	if in.Service != "" && !strings.Contains(in.Organization, in.Service) {
		return v.f(labels.OrgService, in.Organization, in.Service)
	}
	return in.Organization
}

// recordTypes lists the distinct record types of an incident's scopes, in input order.
func (v view) recordTypes(in data.Incident) string {
	var out []string
	seen := map[data.RecordType]bool{}
	for _, sc := range in.Scopes {
		if !seen[sc.RecordType] {
			seen[sc.RecordType] = true
			out = append(out, v.t(i18n.RecordType(sc.RecordType)))
		}
	}
	return strings.Join(out, v.t(labels.NameSep))
}

// source is the cell of an incident's first source URL: a link named by its host when it is
// an http or https URL, the text as given otherwise, a dash when there is none. Further
// sources are counted.
func (v view) source(urls []string) cell {
	if len(urls) == 0 {
		return cell{Text: v.t(labels.NoValue)}
	}
	c := cell{Text: urls[0]}
	if u, err := url.Parse(urls[0]); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		c = cell{Text: u.Host, Href: u.String(), Title: urls[0]}
	}
	if len(urls) > 1 {
		c.Text += v.f(labels.MoreSources, len(urls)-1)
	}
	return c
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// casesHaveLags reports whether any case of the period has a value of a metric shown, the
// condition for the chart of the cases against the trailing medians.
func (v view) casesHaveLags(pr *analysis.PeriodReport) bool {
	for _, c := range pr.Cases {
		for _, lm := range v.metrics {
			if c.Lag(lm.m).Value.Known {
				return true
			}
		}
	}
	return false
}
