package input

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"breachreport/data"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestSyntheticGolden pins the bytes of a small synthetic file: the same n and seed must
// always give the same file. "go test -run TestSyntheticGolden -update" rewrites it.
func TestSyntheticGolden(t *testing.T) {
	var b bytes.Buffer
	if err := WriteSynthetic(&b, 12, 1); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "synthetic-12-seed-1.csv")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		got := golden + ".got"
		_ = os.WriteFile(got, b.Bytes(), 0o644)
		t.Errorf("synthetic output differs from %s; got written to %s", golden, got)
	}
}

func TestSyntheticSameSeedSameBytes(t *testing.T) {
	gen := func(n int, seed uint64) []byte {
		var b bytes.Buffer
		if err := WriteSynthetic(&b, n, seed); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	a, b := gen(500, 42), gen(500, 42)
	if !bytes.Equal(a, b) {
		t.Error("two runs with seed 42 differ")
	}
	if bytes.Equal(a, gen(500, 43)) {
		t.Error("seeds 42 and 43 give the same file")
	}
	// At least one incident is needed.
	if err := WriteSynthetic(io.Discard, 0, 1); err == nil {
		t.Error("n = 0: no error")
	}
}

// TestSyntheticReadsClean reads a synthetic file as generate does and checks that it has no
// issue at all and the shape the documentation promises.
func TestSyntheticReadsClean(t *testing.T) {
	const n = 3000
	var b bytes.Buffer
	if err := WriteSynthetic(&b, n, 7); err != nil {
		t.Fatal(err)
	}
	res, err := Read(bytes.NewReader(b.Bytes()), Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Issues) != 0 || res.RowsRejected != 0 {
		t.Fatalf("%d issues, %d rejected; first: %v", len(res.Issues), res.RowsRejected, res.Issues[0])
	}
	incs, issues := data.Group(res.Scopes)
	if len(issues) != 0 {
		t.Fatalf("grouping issues: %v", issues[0])
	}
	if len(incs) != n {
		t.Fatalf("%d incidents, want %d", len(incs), n)
	}
	if incs[0].ID != "ex-0001" || incs[0].Organization != "Example Co. 0001" || incs[n-1].ID != "ex-3000" {
		t.Errorf("first and last incidents %q %q, %q", incs[0].ID, incs[0].Organization, incs[n-1].ID)
	}

	var (
		scopeCounts                         = map[int]int{}
		suspectedBesideConfirmed            int
		unknownCount, approxCount, noWindow int
		noDetected, noContained, noDisc     int
		noIndustry, noCause                 int
		counts                              []int64
		causes, industries                  = map[string]int{}, map[string]int{}
		types                               = map[data.RecordType]int{}
		prev                                data.Date
		outOfOrder, weekend                 int
	)
	for _, in := range incs {
		scopeCounts[len(in.Scopes)]++
		if !strings.HasPrefix(in.Organization, "Example Co. ") {
			t.Fatalf("organization %q is not plainly fictional", in.Organization)
		}
		for _, u := range in.SourceURLs {
			if !strings.HasPrefix(u, "https://example.com/") {
				t.Fatalf("source %q is not under example.com", u)
			}
		}
		conf := map[data.RecordType]bool{}
		for _, sc := range in.Scopes {
			if sc.Certainty == data.Confirmed {
				conf[sc.RecordType] = true
			}
		}
		beside := false
		for _, sc := range in.Scopes {
			types[sc.RecordType]++
			if sc.Certainty == data.Suspected && conf[sc.RecordType] {
				beside = true
			}
			switch {
			case !sc.Records.Known:
				unknownCount++
			case sc.Records.Approx:
				approxCount++
			default:
				counts = append(counts, sc.Records.N)
			}
			if !sc.ExposureStart.Known() {
				noWindow++
			}
		}
		if beside {
			suspectedBesideConfirmed++
		}
		causes[in.Cause]++
		industries[in.Industry]++
		if in.Industry == "" {
			noIndustry++
		}
		if in.Cause == "" {
			noCause++
		}
		if !in.Detected.Known() {
			noDetected++
		}
		if !in.Contained.Known() {
			noContained++
		}
		d := in.Disclosed
		if !d.Known() {
			noDisc++
			continue
		}
		if d.Before(SyntheticFrom) || d.After(SyntheticTo) {
			t.Errorf("%s disclosed %s, outside %s … %s", in.ID, d, SyntheticFrom, SyntheticTo)
		}
		if prev.Known() && d.Before(prev) {
			outOfOrder++
		}
		if wd := d.Time().Weekday(); wd == 0 || wd == 6 {
			weekend++
		}
		prev = d
	}
	sort.Slice(counts, func(i, j int) bool { return counts[i] < counts[j] })
	median, top := counts[len(counts)/2], counts[len(counts)-1]
	t.Logf("scopes per incident %v; suspected beside confirmed %d; unknown counts %d, approximate %d; no window %d; no detected %d, contained %d, disclosed %d; median count %d, max %d; %d causes, %d industries; types %v; out of order %d, weekend %d",
		scopeCounts, suspectedBesideConfirmed, unknownCount, approxCount, noWindow, noDetected, noContained, noDisc, median, top, len(causes), len(industries), types, outOfOrder, weekend)

	checks := []struct {
		what     string
		got      int
		min, max int
	}{
		{"single-scope incidents", scopeCounts[1], n * 40 / 100, n * 60 / 100},
		{"incidents with 3 or 4 scopes", scopeCounts[3] + scopeCounts[4], n * 10 / 100, n * 25 / 100},
		{"incidents with a suspected scope beside a confirmed one", suspectedBesideConfirmed, n * 10 / 100, n * 35 / 100},
		{"unknown counts", unknownCount, 1, n / 10},
		{"approximate counts", approxCount, 1, n / 10},
		{"scopes without a window", noWindow, 1, n / 4},
		{"incidents without a detection date", noDetected, 1, n / 20},
		{"incidents without a containment date", noContained, 1, n / 5},
		{"incidents without a disclosure date", noDisc, 1, n / 50},
		{"incidents without an industry", noIndustry, 1, n / 10},
		{"incidents without a cause", noCause, 1, n / 10},
		{"distinct causes (blank included)", len(causes), 10, 10},
		{"distinct industries (blank included)", len(industries), 9, 9},
		{"distinct record types", len(types), 4, 4},
		{"weekend disclosures", weekend, 1, n / 20},
		// The weekend shift can put a date a day or two after the next one; nothing else may.
		{"dates out of order", outOfOrder, 0, n / 20},
	}
	for _, c := range checks {
		if c.got < c.min || c.got > c.max {
			t.Errorf("%s: %d, want %d … %d", c.what, c.got, c.min, c.max)
		}
	}
	// Heavy tail: the largest count is thousands of times the median.
	if top < 1000*median {
		t.Errorf("counts not heavy-tailed: median %d, max %d", median, top)
	}
}

// BenchmarkSynthetic1M writes one million synthetic incidents (about 1.8 million rows) to
// io.Discard; B/op and allocs/op show that memory does not grow with n.
func BenchmarkSynthetic1M(b *testing.B) {
	b.ReportAllocs()
	var cw countingWriter
	for b.Loop() {
		cw = 0
		if err := WriteSynthetic(&cw, 1_000_000, 1); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(cw))
}

// countingWriter counts the bytes written to it and keeps none.
type countingWriter int64

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}
