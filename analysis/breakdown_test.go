package analysis

import (
	"math"
	"testing"
	"time"

	"breachreport/data"
)

func groupOf(t *testing.T, b Breakdown, key string) Group {
	t.Helper()
	for _, g := range b.Groups {
		if g.Key == key {
			return g
		}
	}
	t.Fatalf("breakdown by %s has no group %q", b.Dimension, key)
	return Group{}
}

func breakdownOf(t *testing.T, bs []Breakdown, d Dimension) Breakdown {
	t.Helper()
	for _, b := range bs {
		if b.Dimension == d {
			return b
		}
	}
	t.Fatalf("no breakdown by %s", d)
	return Breakdown{}
}

// TestBreakdownsFixture checks the breakdowns of the trailing year of 2019-06 in the
// fixture (31 incidents), every figure worked out by hand from fixtureCSV's rules.
func TestBreakdownsFixture(t *testing.T) {
	figs := figuresOf(t, []byte(fixtureCSV()))
	rep := NewIncidents(figs).Timeline().Report(Month{2019, time.June}.Period())
	bs := rep.TrailingBreakdowns
	if len(bs) != 5 {
		t.Fatalf("%d breakdowns", len(bs))
	}
	for i, d := range Dimensions() {
		if bs[i].Dimension != d || bs[i].Incidents != 31 {
			t.Errorf("breakdown %d: %s of %d incidents", i, bs[i].Dimension, bs[i].Incidents)
		}
	}

	// By cause: web skimming is j = 0, 2, 4, 6; the months of the trailing year have
	// 0 1 4 0 2 5 1 0 6 2 3 7 incidents, so j=0 occurs in 9 months, j=2 in 5, j=4 in 3,
	// j=6 in 1: 18 incidents. Their records: 9·100 + 3·500 + 1·700 = 3,100 from the 13
	// whose total is known (j=2's total is unknown). Their detection → disclosure lags:
	// 10 ×9, 30 ×5, 50 ×3, 70 ×1: median (10+30)/2 = 20; p90 at rank 1 + 0.9·17 = 16.3,
	// between the 16th and 17th values, both 50.
	cause := bs[0]
	sk := cause.Groups[0]
	if sk.Key != "Web skimming" || sk.Incidents != 18 || math.Abs(sk.Share-18.0/31) > 1e-12 ||
		sk.Records != data.KnownCount(3100) || sk.RecordsN != 13 {
		t.Errorf("web skimming: %+v", sk)
	}
	if s := sk.Stats[indexOf(Disclose)]; s.N != 18 || s.Median != 20 || s.P90 != 50 || !s.Reliable() {
		t.Errorf("web skimming disclose: %+v", s)
	}
	// Ransomware: j = 1 (7 months), 3 (4), 5 (2): 13 incidents; records 7·200 + 4·≈1,000
	// + 2·600 = ≈6,600 from all 13; lags 20 ×7, 40 ×4, 60 ×2: median the 7th, 20; p90 at
	// rank 1 + 0.9·12 = 11.8: 40 + 0.8·(60 − 40) = 56.
	rw := cause.Groups[1]
	want := data.Count{N: 6600, Known: true, Approx: true}
	if rw.Key != "Ransomware" || rw.Incidents != 13 || rw.Records != want || rw.RecordsN != 13 {
		t.Errorf("ransomware: %+v", rw)
	}
	if s := rw.Stats[indexOf(Disclose)]; s.N != 13 || s.Median != 20 || math.Abs(s.P90-56) > 1e-9 {
		t.Errorf("ransomware disclose: %+v", s)
	}

	// By certainty: every incident has a confirmed scope; j = 2 (5 incidents) also a
	// suspected one of unknown count. Confirmed records: 3,100 + 6,600 + 5·300 (j=2's
	// confirmed scope) = ≈11,200 from all 31. Suspected: 5 incidents; records unknown.
	cert := breakdownOf(t, bs, ByCertainty)
	conf, susp := groupOf(t, cert, "confirmed"), groupOf(t, cert, "suspected")
	if conf.Incidents != 31 || conf.Share != 1 || conf.Records != (data.Count{N: 11200, Known: true, Approx: true}) || conf.RecordsN != 31 || conf.Certainty != data.Confirmed {
		t.Errorf("confirmed: %+v", conf)
	}
	if susp.Incidents != 5 || math.Abs(susp.Share-5.0/31) > 1e-12 || susp.Records.Known || susp.RecordsN != 0 || susp.Certainty != data.Suspected {
		t.Errorf("suspected: %+v", susp)
	}
	if cert.Groups[0].Key != "confirmed" || cert.Groups[1].Key != "suspected" {
		t.Errorf("certainty order: %s, %s", cert.Groups[0].Key, cert.Groups[1].Key)
	}

	// By record type: all card; j=2's card records are unknown, as its suspected card
	// scope has no count: ≈9,700 from 26.
	rt := breakdownOf(t, bs, ByRecordType)
	card := groupOf(t, rt, "card")
	if len(rt.Groups) != 1 || card.Incidents != 31 || card.RecordType != data.Card || card.Records != (data.Count{N: 9700, Known: true, Approx: true}) || card.RecordsN != 26 {
		t.Errorf("card: %+v", card)
	}
	ind := breakdownOf(t, bs, ByIndustry)
	if len(ind.Groups) != 1 || ind.Groups[0].Key != "Retail" || ind.Groups[0].Incidents != 31 {
		t.Errorf("industry: %+v", ind.Groups)
	}
}

// TestSmallSampleGuard checks that groups of fewer than MinSample incidents keep their count,
// share and records, and that only a Stat of fewer than MinSample values is guarded (not
// Reliable).
func TestSmallSampleGuard(t *testing.T) {
	var incs []data.Incident
	add := func(n int, cause string, rt data.RecordType) {
		for i := 0; i < n; i++ {
			incs = append(incs, data.Incident{
				ID: cause + string(rune('a'+i)), Cause: cause, Detected: data.NewDate(2019, 1, 1), Disclosed: data.NewDate(2019, 1, 1+i),
				Scopes: []data.Scope{{RecordType: rt, Records: data.KnownCount(10)}},
			})
		}
	}
	add(5, "Phishing", data.Account)
	add(4, "Ransomware", data.Personal)
	add(1, "", data.Card)
	figs, _ := Analyze(incs)
	b := breakdownOf(t, BreakdownAll(figs), ByCause)
	if len(b.Groups) != 3 || b.Incidents != 10 {
		t.Fatalf("%d groups of %d incidents", len(b.Groups), b.Incidents)
	}
	tests := []struct {
		key      string
		n        int
		share    float64
		records  int64
		reliable bool
	}{
		{"Phishing", 5, 0.5, 50, true},
		{"Ransomware", 4, 0.4, 40, false},
		{"", 1, 0.1, 10, false}, // not stated: last
	}
	for i, tt := range tests {
		g := b.Groups[i]
		s := g.Stats[indexOf(Disclose)]
		if g.Key != tt.key || g.Incidents != tt.n || g.Share != tt.share || g.Records != data.KnownCount(tt.records) || g.RecordsN != tt.n || s.N != tt.n || s.Reliable() != tt.reliable {
			t.Errorf("group %d: %q n=%d share=%g records %v (n=%d), disclose n=%d reliable=%v; want %+v", i, g.Key, g.Incidents, g.Share, g.Records, g.RecordsN, s.N, s.Reliable(), tt)
		}
	}
	// Phishing's lags are 0 … 4 days: median 2, p90 3.6.
	if s := b.Groups[0].Stats[indexOf(Disclose)]; s.Median != 2 || math.Abs(s.P90-3.6) > 1e-9 {
		t.Errorf("phishing disclose %+v", s)
	}
	for _, n := range []int{0, 1, 4} {
		if (Stat{N: n}).Reliable() {
			t.Errorf("n=%d is reliable", n)
		}
	}
	if !(Stat{N: 5}).Reliable() {
		t.Error("n=5 is not reliable")
	}
	// Record types in BucketLess order, an incident with two types in both groups.
	incs[0].Scopes = append(incs[0].Scopes, data.Scope{RecordType: data.Personal, Records: data.KnownCount(7)})
	figs, _ = Analyze(incs)
	rt := breakdownOf(t, BreakdownAll(figs), ByRecordType)
	if len(rt.Groups) != 3 || rt.Groups[0].Key != "personal" || rt.Groups[1].Key != "card" || rt.Groups[2].Key != "account" {
		t.Fatalf("record-type groups: %+v", rt.Groups)
	}
	if p := rt.Groups[0]; p.Incidents != 5 || p.Records != data.KnownCount(47) {
		t.Errorf("personal: %+v", p)
	}
	if a := rt.Groups[2]; a.Incidents != 5 || a.Records != data.KnownCount(50) {
		t.Errorf("account: %+v", a)
	}
}

func TestNumMetrics(t *testing.T) {
	if len(Metrics()) != numMetrics {
		t.Fatalf("numMetrics is %d, but there are %d metrics", numMetrics, len(Metrics()))
	}
}
