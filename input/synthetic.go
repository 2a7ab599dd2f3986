package input

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"time"

	"breachreport/data"
)

// The disclosure dates of synthetic incidents lie in SyntheticFrom … SyntheticTo: six
// calendar years, 72 months, so that a monthly report of any month from 2019-01 on has a
// full trailing year and a year-earlier month.
var (
	SyntheticFrom = data.NewDate(2018, time.January, 1)
	SyntheticTo   = data.NewDate(2023, time.December, 31)
)

// syntheticStream is the second word of the PCG state; the seed is the first. It is fixed so
// that a seed always names the same stream.
const syntheticStream = 0x6272656163687270 // "breachrp"

// WriteSynthetic writes n fictional incidents as CSV in breachreport's own input format
// (the columns of Columns, UTF-8, comma-separated, header first), so that generate and
// validate read it with no issues. The same n and seed always give the same bytes: the
// randomness is math/rand/v2's PCG seeded with (seed, a fixed stream).
//
// Everything is plainly fictional: incident ids ex-0001…, organizations "Example Co. 0001"…,
// sources under https://example.com/. The distributions are modelled on published breach
// write-ups, not taken from any: disclosure dates spread over SyntheticFrom … SyntheticTo
// (in date order, mostly on weekdays); causes depend on the industry and record types on
// the cause; counts are log-normal (heavy-tailed, from a handful of records to hundreds of
// millions); windows, the detection → disclosure lag and time to contain are log-normal with
// medians that depend on the cause (web skimming: long windows and a disclosure lag of
// months, as in the two reference cases). An incident has one to four scopes; about one in
// six has a suspected scope beside a confirmed one of the same record type, with a larger
// count and an earlier start. A few fields are unknown, as in real lists: blank or 不明
// counts, approximate counts (約40,000件), windows not stated, detection, containment or
// disclosure dates not stated, blank service, industry or cause. Dates never contradict
// each other and no date is partial.
//
// Rows are written as they are made, through a small buffer: memory does not grow with n.
// WriteSynthetic returns the first write error, or an error for n < 1.
func WriteSynthetic(w io.Writer, n int, seed uint64) error {
	if n < 1 {
		return data.Errorf("synthetic: the number of incidents must be at least 1")
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := csv.NewWriter(bw)
	header := make([]string, 0, 15)
	for _, c := range data.Columns() {
		header = append(header, c.Name)
		if c.Name == data.ColNotes {
			break // the columns of the reporting duty and the damage estimate are left out
		}
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	days, _ := SyntheticFrom.DaysUntil(SyntheticTo)
	g := synth{
		r:      rand.New(rand.NewPCG(seed, syntheticStream)),
		width:  max(4, len(strconv.Itoa(n))),
		seed:   seed,
		from:   SyntheticFrom.Time(),
		span:   days + 1,
		record: make([]string, len(header)),
	}
	// The disclosure dates are n sorted uniform draws, made one at a time from the largest
	// down (the largest of k uniforms on [0, c) is c·U^(1/k)) and mirrored, so that the file
	// comes out in date order without holding the dates.
	cur := 1.0
	for i := 1; i <= n; i++ {
		cur *= math.Pow(g.r.Float64(), 1/float64(n-i+1))
		if err := g.incident(cw, i, 1-cur); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// synth is the state of one WriteSynthetic run.
type synth struct {
	r      *rand.Rand
	width  int
	seed   uint64
	from   time.Time
	span   int
	record []string
}

// weighted is a choice with a weight.
type weighted[T any] struct {
	v T
	w float64
}

// pick returns one of the choices with probability proportional to its weight.
func pick[T any](r *rand.Rand, choices []weighted[T]) T {
	total := 0.0
	for _, c := range choices {
		total += c.w
	}
	x := r.Float64() * total
	for _, c := range choices {
		if x < c.w {
			return c.v
		}
		x -= c.w
	}
	return choices[len(choices)-1].v
}

// synthCause is a cause of breach and what it typically exposes.
type synthCause struct {
	text string
	// types are the record types it exposes, most likely first.
	types []weighted[data.RecordType]
	// records is the median count of a confirmed scope; window, lag and contain are the
	// medians in days of the exposure window, detection → disclosure and time to contain.
	records              float64
	window, lag, contain float64
}

var (
	causeSkimming = synthCause{"Web skimming: payment page tampered with",
		[]weighted[data.RecordType]{{data.Card, 8}, {data.Personal, 2}}, 3000, 120, 130, 0}
	causeVuln = synthCause{"Vulnerability exploited",
		[]weighted[data.RecordType]{{data.Personal, 5}, {data.Account, 3}, {data.Card, 2}}, 15000, 150, 60, 2}
	causeRansomware = synthCause{"Ransomware",
		[]weighted[data.RecordType]{{data.Personal, 6}, {data.Other, 3}, {data.Account, 1}}, 40000, 4, 30, 7}
	causeMisconfig = synthCause{"Misconfigured cloud storage",
		[]weighted[data.RecordType]{{data.Personal, 6}, {data.Account, 3}, {data.Other, 1}}, 80000, 400, 20, 1}
	causePhishing = synthCause{"Phishing: staff credentials stolen",
		[]weighted[data.RecordType]{{data.Account, 5}, {data.Personal, 5}}, 600, 12, 35, 1}
	causeStuffing = synthCause{"Credential stuffing",
		[]weighted[data.RecordType]{{data.Account, 9}, {data.Personal, 1}}, 5000, 20, 25, 1}
	causeDevice = synthCause{"Lost or stolen device",
		[]weighted[data.RecordType]{{data.Personal, 9}, {data.Other, 1}}, 800, 0, 14, 0}
	causeMisdelivery = synthCause{"Misdelivery of mail or e-mail",
		[]weighted[data.RecordType]{{data.Personal, 10}}, 40, 0, 7, 0}
	causeInsider = synthCause{"Insider misuse",
		[]weighted[data.RecordType]{{data.Personal, 7}, {data.Card, 1}, {data.Other, 2}}, 2000, 300, 50, 3}
)

// synthIndustry is an industry and the causes of its breaches.
type synthIndustry struct {
	text   string
	causes []weighted[*synthCause]
}

var synthIndustries = []weighted[synthIndustry]{
	{synthIndustry{"Retail and e-commerce", []weighted[*synthCause]{{&causeSkimming, 45}, {&causeVuln, 20}, {&causeStuffing, 12}, {&causeMisconfig, 8}, {&causePhishing, 5}, {&causeMisdelivery, 5}, {&causeRansomware, 5}}}, 30},
	{synthIndustry{"Healthcare", []weighted[*synthCause]{{&causeRansomware, 30}, {&causeDevice, 20}, {&causeMisdelivery, 20}, {&causePhishing, 15}, {&causeInsider, 10}, {&causeVuln, 5}}}, 12},
	{synthIndustry{"Finance and insurance", []weighted[*synthCause]{{&causePhishing, 25}, {&causeStuffing, 20}, {&causeInsider, 15}, {&causeMisdelivery, 20}, {&causeVuln, 10}, {&causeRansomware, 10}}}, 10},
	{synthIndustry{"Education", []weighted[*synthCause]{{&causeDevice, 25}, {&causeMisdelivery, 25}, {&causePhishing, 20}, {&causeMisconfig, 15}, {&causeRansomware, 15}}}, 9},
	{synthIndustry{"Public sector", []weighted[*synthCause]{{&causeMisdelivery, 35}, {&causeDevice, 20}, {&causeMisconfig, 15}, {&causeRansomware, 15}, {&causeInsider, 15}}}, 9},
	{synthIndustry{"Manufacturing", []weighted[*synthCause]{{&causeRansomware, 40}, {&causeVuln, 25}, {&causePhishing, 20}, {&causeMisconfig, 15}}}, 10},
	{synthIndustry{"IT and telecommunications", []weighted[*synthCause]{{&causeVuln, 30}, {&causeMisconfig, 30}, {&causeStuffing, 20}, {&causeRansomware, 10}, {&causePhishing, 10}}}, 12},
	{synthIndustry{"Hospitality and travel", []weighted[*synthCause]{{&causeSkimming, 30}, {&causeVuln, 25}, {&causeStuffing, 20}, {&causeRansomware, 15}, {&causePhishing, 10}}}, 8},
}

// lognormal returns a draw whose median is median and whose log has standard deviation sigma.
func (g *synth) lognormal(median, sigma float64) float64 {
	return median * math.Exp(sigma*g.r.NormFloat64())
}

// days returns a whole number of days drawn log-normally around median, at most limit;
// a median of 0 gives 0 in two cases of three and a few days otherwise.
func (g *synth) days(median, sigma float64, limit int) int {
	if median == 0 {
		if g.r.IntN(3) > 0 {
			return 0
		}
		median = 3
	}
	return min(limit, int(math.Round(g.lognormal(median, sigma))))
}

func (g *synth) chance(p float64) bool { return g.r.Float64() < p }

// synthScope is one scope of an incident being made.
type synthScope struct {
	rt         data.RecordType
	certainty  data.Certainty
	records    int64
	start, end time.Time
	window     bool // whether the window is stated
	note       string
}

// earliest is the earliest possible exposure start: windows of decades are not plausible.
var earliest = time.Date(1995, time.January, 1, 0, 0, 0, 0, time.UTC)

// incident makes incident i, disclosed at fraction u of the date range, and writes its rows.
func (g *synth) incident(cw *csv.Writer, i int, u float64) error {
	r := g.r
	ind := pick(r, synthIndustries)
	cause := pick(r, ind.causes)

	disclosed := g.from.AddDate(0, 0, min(g.span-1, int(u*float64(g.span))))
	// Announcements fall on weekdays, most of the time on the next Monday.
	if wd := disclosed.Weekday(); (wd == time.Saturday || wd == time.Sunday) && g.chance(0.9) {
		shift := 2
		if wd == time.Sunday {
			shift = 1
		}
		if next := disclosed.AddDate(0, 0, shift); next.Before(g.from.AddDate(0, 0, g.span)) {
			disclosed = next
		} else {
			disclosed = disclosed.AddDate(0, 0, shift-3)
		}
	}
	lag := g.days(cause.lag, 0.9, 1500)
	detected := disclosed.AddDate(0, 0, -lag)
	contained := detected.AddDate(0, 0, g.days(cause.contain, 1.2, 365))

	n := pick(r, []weighted[int]{{1, 50}, {2, 32}, {3, 13}, {4, 5}})
	scopes := make([]synthScope, 0, n)
	used := map[data.RecordType]bool{}
	for k := 0; k < n; k++ {
		var sc synthScope
		if k == 1 && scopes[0].certainty == data.Confirmed && g.chance(0.45) {
			// A suspected scope beside the confirmed one: the same kind of record, more of
			// them, exposed from earlier on up to the detection.
			first := scopes[0]
			sc = synthScope{rt: first.rt, certainty: data.Suspected,
				records: min(1_000_000_000, first.records*int64(2+r.IntN(60))), window: first.window, end: detected,
				note: "Suspected scope: records that may have been exposed beyond the confirmed ones."}
			if first.window {
				sc.start = first.start.AddDate(0, 0, -g.days(max(30, cause.window), 1.0, 3650))
			}
		} else {
			rt := pick(r, cause.types)
			for try := 0; used[rt] && try < 4; try++ {
				rt = pick(r, []weighted[data.RecordType]{{data.Personal, 4}, {data.Card, 2}, {data.Account, 3}, {data.Other, 1}})
			}
			sc = synthScope{rt: rt, certainty: data.Confirmed, window: !g.chance(0.12)}
			if g.chance(0.35) {
				sc.certainty = data.Suspected
			}
			sc.records = max(1, int64(math.Round(g.lognormal(cause.records, 1.8))))
			sc.records = min(sc.records, 300_000_000)
			endGap := 0
			if g.chance(0.45) {
				endGap = g.days(20, 1.0, 720)
			}
			sc.end = detected.AddDate(0, 0, -endGap)
			sc.start = sc.end.AddDate(0, 0, -g.days(cause.window, 1.0, 3650))
		}
		if sc.start.Before(earliest) {
			sc.start = earliest
		}
		used[sc.rt] = true
		scopes = append(scopes, sc)
	}

	// Incident-level unknowns.
	var (
		service   = fmt.Sprintf("Example Store %0*d", g.width, i)
		industry  = ind.text
		causeText = cause.text
		detText   = isoDate(detected)
		contText  = isoDate(contained)
		discText  = isoDate(disclosed)
	)
	if ind.text != "Retail and e-commerce" && ind.text != "Hospitality and travel" {
		service = fmt.Sprintf("Example Portal %0*d", g.width, i)
	}
	if g.chance(0.3) {
		service = ""
	}
	if g.chance(0.03) {
		industry = ""
	}
	if g.chance(0.04) {
		causeText = ""
	}
	switch x := r.Float64(); {
	case x < 0.02: // nothing stated after the announcement itself
		detText, contText = "", ""
	case x < 0.14:
		contText = ""
	case x < 0.145: // an incident whose announcement date the list lacks
		discText = ""
	}

	id := fmt.Sprintf("ex-%0*d", g.width, i)
	rec := g.record
	for k, sc := range scopes {
		records := strconv.FormatInt(sc.records, 10)
		switch x := r.Float64(); {
		case x < 0.03:
			records = ""
		case x < 0.04:
			records = "不明"
		case x < 0.06 && sc.records >= 1000:
			// Stated roughly: two significant digits.
			p := math.Pow(10, math.Floor(math.Log10(float64(sc.records)))-1)
			records = "約" + groupDigits(int64(math.Round(float64(sc.records)/p)*p)) + "件"
		case x < 0.15:
			records = groupDigits(sc.records)
		}
		start, end := "", ""
		if sc.window {
			start, end = isoDate(sc.start), isoDate(sc.end)
			if g.chance(0.04) { // the start only: the end was not stated
				end = ""
			}
		}
		note := sc.note
		if k == 0 {
			note = fmt.Sprintf("Fictional incident made by breachreport sample --synthetic (seed %d).", g.seed)
		}
		rec[0], rec[1], rec[2], rec[3], rec[4] = id, fmt.Sprintf("Example Co. %0*d", g.width, i), service, industry, causeText
		rec[5], rec[6], rec[7] = string(sc.rt), sc.certainty.String(), records
		rec[8], rec[9], rec[10], rec[11], rec[12] = start, end, detText, contText, discText
		rec[13], rec[14] = "https://example.com/incidents/"+id, note
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	return nil
}

func isoDate(t time.Time) string { return t.Format("2006-01-02") }

// groupDigits formats n with commas between groups of three digits: 41,355.
func groupDigits(n int64) string {
	s := strconv.FormatInt(n, 10)
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}
