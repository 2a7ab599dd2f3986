package slides

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	"image/png"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"breachreport/analysis"
	"breachreport/i18n"
)

// chartSpace is what the tests read of a chart part: its series' references and caches,
// and its link to the embedded workbook.
type chartSpace struct {
	XMLName  xml.Name   `xml:"http://schemas.openxmlformats.org/drawingml/2006/chart chartSpace"`
	Series   []chartSer `xml:"chart>plotArea>barChart>ser"`
	Lines    []chartSer `xml:"chart>plotArea>lineChart>ser"`
	External struct {
		RID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
	} `xml:"externalData"`
}

type chartSer struct {
	Name strRef `xml:"tx>strRef"`
	Cat  strRef `xml:"cat>strRef"`
	Val  struct {
		F   string     `xml:"f"`
		Pts []cachePts `xml:"numCache>pt"`
	} `xml:"val>numRef"`
}

type strRef struct {
	F   string     `xml:"f"`
	Pts []cachePts `xml:"strCache>pt"`
}

type cachePts struct {
	Idx int    `xml:"idx,attr"`
	V   string `xml:"v"`
}

// plotted is one chart read back: for each series name, category → value, from the
// embedded workbook's cells the series refer to (blank cells are left out).
type plotted struct {
	part   string
	values map[string]map[string]float64
}

// readCharts checks every chart part of a deck and returns what each plots: the part
// parses, links to an embedded workbook, its series refer to cells of that workbook, and
// the caches (what a reader draws) hold the cells' values.
func readCharts(t *testing.T, p *pkg) []plotted {
	t.Helper()
	var out []plotted
	for _, name := range p.names {
		if !strings.HasPrefix(name, "ppt/charts/chart") || !strings.HasSuffix(name, ".xml") {
			continue
		}
		var cs chartSpace
		if err := xml.Unmarshal(p.parts[name], &cs); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var book string
		for _, r := range p.rels(name) {
			if r.ID == cs.External.RID && r.Type == relPackage {
				book = r.Target
			}
		}
		if book == "" || p.parts[book] == nil {
			t.Fatalf("%s: externalData %q names no embedded workbook in the package", name, cs.External.RID)
		}
		f, err := excelize.OpenReader(bytes.NewReader(p.parts[book]))
		if err != nil {
			t.Fatalf("%s: %v", book, err)
		}
		cells := func(ref string) []string {
			t.Helper()
			sheet, rng, ok := strings.Cut(ref, "!")
			if !ok || sheet != dataSheet {
				t.Fatalf("%s: reference %q is not to the embedded sheet %s", name, ref, dataSheet)
			}
			a, b, _ := strings.Cut(strings.ReplaceAll(rng, "$", ""), ":")
			if b == "" {
				b = a
			}
			c1, r1, err1 := excelize.CellNameToCoordinates(a)
			c2, r2, err2 := excelize.CellNameToCoordinates(b)
			if err1 != nil || err2 != nil || c1 != c2 {
				t.Fatalf("%s: reference %q is not one column", name, ref)
			}
			var vs []string
			for r := r1; r <= r2; r++ {
				cell, _ := excelize.CoordinatesToCellName(c1, r)
				v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatal(err)
				}
				vs = append(vs, v)
			}
			return vs
		}
		cache := func(pts []cachePts, n int) []string {
			vs := make([]string, n)
			for _, pt := range pts {
				if pt.Idx < 0 || pt.Idx >= n {
					t.Fatalf("%s: cache point %d of %d", name, pt.Idx, n)
				}
				vs[pt.Idx] = pt.V
			}
			return vs
		}
		pl := plotted{part: name, values: map[string]map[string]float64{}}
		all := append(cs.Series, cs.Lines...)
		if len(all) == 0 {
			t.Fatalf("%s: no series", name)
		}
		for _, s := range all {
			names, cats, vals := cells(s.Name.F), cells(s.Cat.F), cells(s.Val.F)
			if len(names) != 1 || len(cats) != len(vals) {
				t.Fatalf("%s: series %q: %d names, %d categories, %d values", name, s.Name.F, len(names), len(cats), len(vals))
			}
			for what, pair := range map[string][2][]string{
				"name":       {names, cache(s.Name.Pts, 1)},
				"categories": {cats, cache(s.Cat.Pts, len(cats))},
				"values":     {vals, cache(s.Val.Pts, len(vals))},
			} {
				if fmt.Sprint(pair[0]) != fmt.Sprint(pair[1]) {
					t.Errorf("%s: series %s: the cached %s %q are not the workbook's %q", name, names[0], what, pair[1], pair[0])
				}
			}
			m := map[string]float64{}
			for i, v := range vals {
				if v == "" {
					continue
				}
				x, err := strconv.ParseFloat(v, 64)
				if err != nil {
					t.Fatalf("%s: %s: %v", name, s.Val.F, err)
				}
				m[cats[i]] = x
			}
			pl.values[names[0]] = m
		}
		out = append(out, pl)
	}
	return out
}

// find returns the value series plots for the category containing cat, and whether there
// is one.
func (pl plotted) find(series, cat string) (float64, bool) {
	for c, v := range pl.values[series] {
		if strings.Contains(c, cat) {
			return v, true
		}
	}
	return 0, false
}

// TestChartsHoldTheSeedFigures reads the sample deck's charts back from their embedded
// workbooks: the records and lags charts plot the reference cases' figures, and an unknown
// figure is a blank cell, not a zero.
func TestChartsHoldTheSeedFigures(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.En, i18n.Ja} {
		t.Run(string(l), func(t *testing.T) {
			p := openPkg(t, writeDeck(t, sampleReport(t), Options{Lang: l}))
			charts := readCharts(t, p)
			bucket := func(typ, cert string) string {
				if l == i18n.Ja {
					return typ + "（" + cert + "）"
				}
				return typ + " (" + cert + ")"
			}
			tx := func(en, ja string) string { return i18n.Text{En: en, Ja: ja}.In(l) }
			metric := func(m analysis.Metric) string { return i18n.Metric(m).Short.In(l) }
			sanpo, omocha := "Sanpo Create", "Omochabako"
			personalS := bucket(tx("personal", "個人情報"), tx("suspected", "可能性"))
			cardS := bucket(tx("card", "カード情報"), tx("suspected", "可能性"))
			cardC := bucket(tx("card", "カード情報"), tx("confirmed", "確定"))
			tests := []struct {
				series, cat string
				want        float64
				known       bool
			}{
				{personalS, sanpo, 41355, true},
				{cardS, sanpo, 2606, true},
				{cardC, sanpo, 0, false},
				{cardC, omocha, 210, true},
				{cardS, omocha, 40233, true},
				{personalS, omocha, 0, false},
				{metric(analysis.DetectConfirmed), sanpo, 0, false},
				{metric(analysis.DetectAll), sanpo, 115, true},
				{metric(analysis.Contain), sanpo, 0, true},
				{metric(analysis.Disclose), sanpo, 159, true},
				{metric(analysis.DetectConfirmed), omocha, 39, true},
				{metric(analysis.DetectAll), omocha, 1132, true},
				{metric(analysis.Contain), omocha, 0, true},
				{metric(analysis.Disclose), omocha, 148, true},
				// The JNSA estimates: Sanpo's two suspected scopes by their record types'
				// points, 248,130,000 + 101,634,000 yen; Omochabako's cards at 39,000 yen each.
				{lDamageConfirmed.In(l), sanpo, 0, true},
				{lDamageAll.In(l), sanpo, 349764000, true},
				{lDamageConfirmed.In(l), omocha, 8190000, true},
				{lDamageAll.In(l), omocha, 1577277000, true},
			}
			for _, tc := range tests {
				found := false
				for _, pl := range charts {
					if _, ok := pl.values[tc.series]; !ok {
						continue
					}
					found = true
					v, ok := pl.find(tc.series, tc.cat)
					if ok != tc.known || v != tc.want {
						t.Errorf("%s: %s / %s = %v (plotted %v), want %v (plotted %v)", pl.part, tc.series, tc.cat, v, ok, tc.want, tc.known)
					}
				}
				if !found {
					t.Errorf("no chart has the series %q", tc.series)
				}
			}
		})
	}
}

// TestPeriodCharts checks a month deck of a synthetic list: the trend plots each month's
// count of incidents, and the cause breakdown each cause's, as the period report has them.
func TestPeriodCharts(t *testing.T) {
	rep, pr := syntheticMonth(t, 200, "2022-11")
	p := openPkg(t, writeDeck(t, rep, Options{Lang: i18n.Ja, Period: pr}))
	charts := readCharts(t, p)
	incidents := lIncidentsAxis.In(i18n.Ja)
	d := &deck{l: i18n.Ja}
	var trend, causes *plotted
	for i, pl := range charts {
		if _, ok := pl.values[lTrendRecords.In(i18n.Ja)]; ok {
			trend = &charts[i]
		} else if v, ok := pl.values[incidents]; ok && causes == nil && len(v) > 0 {
			causes = &charts[i]
		}
	}
	if trend == nil || causes == nil {
		t.Fatalf("want a trend and a cause chart, got %d charts", len(charts))
	}
	for _, r := range pr.Trend {
		if !r.Covered {
			continue
		}
		if got := trend.values[incidents][d.month(r.Month)]; got != float64(r.Summary.Incidents) {
			t.Errorf("trend %s: %v incidents plotted, want %d", r.Month, got, r.Summary.Incidents)
		}
	}
	for _, g := range pr.Breakdowns[0].Groups {
		key := g.Key
		if key == "" {
			key = i18n.NotStated.In(i18n.Ja)
		}
		key = cut(key, maxAxisLabel)
		if got := causes.values[incidents][key]; got != float64(g.Incidents) {
			t.Errorf("cause %q: %v plotted, want %d", key, got, g.Incidents)
		}
	}
}

// TestPackage checks the package's structure for decks on the sample, in both languages,
// and on a synthetic month: every XML part parses; every part has a content type; every
// internal relationship points to a part; the only external ones are http(s) hyperlinks;
// the presentation lists every slide; the same report gives the same bytes.
func TestPackage(t *testing.T) {
	rep, pr := syntheticMonth(t, 200, "2022-11")
	emptyRep, emptyPR := syntheticMonth(t, 200, "2022-06")
	if len(emptyPR.Subject.Incidents) != 0 {
		t.Fatalf("2022-06 of the synthetic list has %d incidents, want none", len(emptyPR.Subject.Incidents))
	}
	cases := []struct {
		name string
		rep  analysis.Report
		opts Options
	}{
		{"empty-month", emptyRep, Options{Lang: i18n.Ja, Period: emptyPR}},
		{"sample-en", sampleReport(t), Options{Lang: i18n.En}},
		{"sample-ja", sampleReport(t), Options{Lang: i18n.Ja, Title: "見出し <&>", Client: "株式会社テスト"}},
		{"synthetic-month", rep, Options{Lang: i18n.Ja, Period: pr}},
		{"timeline-picture", sampleReport(t), Options{Lang: i18n.En, Timeline: tinyPNG(t)}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := writeDeck(t, tc.rep, tc.opts)
			if again := writeDeck(t, tc.rep, tc.opts); !bytes.Equal(b, again) {
				t.Error("the same report gave different bytes")
			}
			p := openPkg(t, b)
			checkPackage(t, p)
			slides := p.slides()
			if len(slides) < 5 {
				t.Errorf("%d slides", len(slides))
			}
			pictures := 0
			for i, s := range slides {
				if len(texts(t, p.parts[s])) == 0 {
					t.Errorf("slide %d (%s) has no text", i+1, s)
				}
				for _, r := range p.rels(s) {
					if r.Type == relImage {
						pictures++
						if !bytes.Equal(p.parts[r.Target], tc.opts.Timeline) {
							t.Errorf("slide %d: the picture is not the timeline's PNG", i+1)
						}
						if notes := p.notes(s); !slices.Contains(notes, lTimelineNote.In(tc.opts.Lang)) {
							t.Errorf("slide %d: the notes %q do not say the timeline is a picture", i+1, notes)
						}
					}
				}
			}
			if want := min(len(tc.opts.Timeline), 1); pictures != want {
				t.Errorf("%d pictures, want %d", pictures, want)
			}
		})
	}
}

func checkPackage(t *testing.T, p *pkg) {
	t.Helper()
	var ct struct {
		Defaults []struct {
			Ext string `xml:"Extension,attr"`
		} `xml:"Default"`
		Overrides []struct {
			Part string `xml:"PartName,attr"`
		} `xml:"Override"`
	}
	if p.names[0] != "[Content_Types].xml" {
		t.Errorf("first part %s", p.names[0])
	}
	if err := xml.Unmarshal(p.parts["[Content_Types].xml"], &ct); err != nil {
		t.Fatal(err)
	}
	typed := map[string]bool{}
	for _, o := range ct.Overrides {
		typed[strings.TrimPrefix(o.Part, "/")] = true
	}
	exts := map[string]bool{}
	for _, d := range ct.Defaults {
		exts[d.Ext] = true
	}
	for _, name := range p.names {
		if name == "[Content_Types].xml" {
			continue
		}
		if !typed[name] && !exts[strings.TrimPrefix(path.Ext(name), ".")] {
			t.Errorf("%s has no content type", name)
		}
		if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
			d := xml.NewDecoder(bytes.NewReader(p.parts[name]))
			for {
				_, err := d.Token()
				if err != nil {
					if err.Error() != "EOF" {
						t.Errorf("%s: %v", name, err)
					}
					break
				}
			}
		}
		if !strings.HasSuffix(name, ".rels") {
			for _, r := range p.rels(name) {
				if r.TargetMode == "External" {
					u, err := url.Parse(r.Target)
					if r.Type != relHyperlink || err != nil || (u.Scheme != "http" && u.Scheme != "https") {
						t.Errorf("%s: external relationship %s to %q", name, r.Type, r.Target)
					}
					continue
				}
				if p.parts[r.Target] == nil {
					t.Errorf("%s: relationship %s points to %s, not in the package", name, r.ID, r.Target)
				}
			}
		}
	}
	for part := range typed {
		if p.parts[part] == nil {
			t.Errorf("content type for %s, not in the package", part)
		}
	}
}

// TestSummarySlide checks that a period deck's summary slide carries the period's summary
// sentences, word for word, in both languages.
func TestSummarySlide(t *testing.T) {
	rep, pr := syntheticMonth(t, 200, "2022-11")
	for _, l := range []i18n.Lang{i18n.En, i18n.Ja} {
		p := openPkg(t, writeDeck(t, rep, Options{Lang: l, Period: pr}))
		slides := p.slides()
		got := texts(t, p.parts[slides[1]])
		want := i18n.PeriodSummary(*pr, l)
		if len(want) == 0 {
			t.Fatal("no summary sentences")
		}
		for _, st := range want {
			found := false
			for _, g := range got {
				found = found || g == st.Text
			}
			if !found {
				t.Errorf("%s: the summary slide lacks %q; it reads %q", l, st.Text, got)
			}
		}
	}
}

// tinyPNG is a 16×9 PNG, a stand-in for the timeline's picture.
func tinyPNG(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 16, 9))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestManyGroups checks that a breakdown of more groups than a slide can show charts the
// largest maxGroups and says so in its title.
func TestManyGroups(t *testing.T) {
	var b strings.Builder
	b.WriteString("incident_id,organization,cause,record_type,certainty,records,disclosed\n")
	for i := range 22 {
		cause := fmt.Sprintf("cause %02d", i)
		if i < 3 {
			cause = "the commonest cause"
		}
		fmt.Fprintf(&b, "id-%02d,Org %02d,%s,personal,confirmed,%d,2019-06-%02d\n", i, i, cause, 10+i, 1+i)
	}
	rep := reportFrom(t, []byte(b.String()), "many.csv")
	p := openPkg(t, writeDeck(t, rep, Options{Lang: i18n.En}))
	var causes *plotted
	for _, pl := range readCharts(t, p) {
		if v, ok := pl.values[lIncidentsAxis.In(i18n.En)]; ok {
			if _, ok := v["the commonest cause"]; ok {
				causes = &pl
			}
		}
	}
	if causes == nil {
		t.Fatal("no cause chart")
	}
	if got := len(causes.values[lIncidentsAxis.In(i18n.En)]); got != maxGroups {
		t.Errorf("%d causes charted, want %d", got, maxGroups)
	}
	want := lByCause.In(i18n.En) + fmt.Sprintf(lGroupsShown.In(i18n.En), num(maxGroups), num(20))
	found := false
	for _, s := range p.slides() {
		found = found || texts(t, p.parts[s])[0] == want
	}
	if !found {
		t.Errorf("no slide is titled %q", want)
	}
}
