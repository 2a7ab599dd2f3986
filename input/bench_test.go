package input

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"runtime"
	"sync"
	"testing"
	"time"

	"breachreport/data"

	"github.com/gocarina/gocsv"
)

// benchSizes are the sizes of the synthetic inputs the read benchmarks use; run one with
// e.g. -bench 'Read/rows=1000000'.
var benchSizes = []int{100_000, 1_000_000}

var (
	benchMu     sync.Mutex
	benchInputs = map[int][]byte{}
)

// syntheticCSV returns n fictional scope rows (Example Co. NNNN) in the canonical columns.
func syntheticCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("incident_id,organization,service,industry,cause,record_type,certainty,records,exposure_start,exposure_end,detected,contained,disclosed,source_url,notes\n")
	types := []string{"personal", "card", "account"}
	for i := 0; i < n; i++ {
		inc := i / 2
		fmt.Fprintf(&b, "ex-%06d,Example Co. %04d,Shop %d,Retail,Web skimming,%s,%s,\"%d,%03d\",2019-%02d-%02d,2019-%02d-%02d,2019-%02d-01,2019-%02d-02,2020-%02d-03,https://example.com/%d,\"note, with a comma\"\n",
			inc, inc%10000, inc%97, types[i%3], []string{"confirmed", "suspected"}[i%2], i%900+1, i%1000,
			inc%12+1, inc%28+1, inc%12+1, inc%28+1, inc%12+1, inc%12+1, inc%12+1, inc)
	}
	return b.Bytes()
}

// benchData returns the synthetic input of n rows, made once per test binary.
func benchData(n int) []byte {
	benchMu.Lock()
	defer benchMu.Unlock()
	if benchInputs[n] == nil {
		benchInputs[n] = syntheticCSV(n)
	}
	return benchInputs[n]
}

// benchEachSize runs f as a sub-benchmark for each of benchSizes, with the bytes per op set.
func benchEachSize(b *testing.B, f func(b *testing.B, in []byte, rows int)) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			in := benchData(n)
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			f(b, in, n)
		})
	}
}

// BenchmarkRead reads the synthetic scope rows through Read: detection, decoding, CSV,
// header mapping, every check, each row converted to a Scope, and all the Scopes kept in one
// slice.
func BenchmarkRead(b *testing.B) {
	benchEachSize(b, func(b *testing.B, in []byte, rows int) {
		for b.Loop() {
			res, err := Read(bytes.NewReader(in), Options{Now: testNow})
			if err != nil || len(res.Scopes) != rows || res.RowsRead != rows || len(res.Issues) != 0 {
				b.Fatalf("read %v scopes of %d rows, %d issues, err %v", len(res.Scopes), res.RowsRead, len(res.Issues), err)
			}
		}
	})
}

// BenchmarkScan reads the same rows as generate does, through Scan: the Scopes are handed
// over in batches, which are kept as they come (generate packs them instead) and never
// joined into one slice.
func BenchmarkScan(b *testing.B) {
	benchEachSize(b, func(b *testing.B, in []byte, rows int) {
		for b.Loop() {
			var kept [][]data.Scope
			res, err := Scan(context.Background(), bytes.NewReader(in), Options{Now: testNow}, func(s []data.Scope) error {
				kept = append(kept, s)
				return nil
			})
			if err != nil || res.RowsUsed != rows || res.RowsRead != rows || len(res.Issues) != 0 || len(kept) < 2 {
				b.Fatalf("scanned %d of %d rows in %d batches, %d issues, err %v", res.RowsUsed, res.RowsRead, len(kept), len(res.Issues), err)
			}
		}
	})
}

// BenchmarkBareCSV is the floor for BenchmarkRead: encoding/csv reading the same bytes and
// keeping every record, with no parsing of the fields.
func BenchmarkBareCSV(b *testing.B) {
	benchEachSize(b, func(b *testing.B, in []byte, rows int) {
		for b.Loop() {
			bareRead(b, in, rows)
		}
	})
}

// bareRead reads in with encoding/csv, keeping every record, and checks that it holds a
// header and rows records.
func bareRead(b *testing.B, in []byte, rows int) [][]string {
	r := csv.NewReader(bytes.NewReader(in))
	var recs [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		recs = append(recs, rec)
	}
	if len(recs) != rows+1 {
		b.Fatalf("%d records", len(recs))
	}
	return recs
}

// BenchmarkReadVsBare times Read and the bare encoding/csv read of BenchmarkBareCSV one after
// the other on the same input in every iteration, with a collection before each, and
// reports the ratio of their total times (read/bare): the issue 3 target is at most 1.5 at
// a million rows. Timing them in pairs keeps the ratio from following the machine's drift,
// which separate benchmarks a minute apart do.
func BenchmarkReadVsBare(b *testing.B) {
	benchEachSize(b, func(b *testing.B, in []byte, rows int) {
		var bare, read time.Duration
		for b.Loop() {
			runtime.GC()
			start := time.Now()
			bareRead(b, in, rows)
			bare += time.Since(start)
			runtime.GC()
			start = time.Now()
			res, err := Read(bytes.NewReader(in), Options{Now: testNow})
			read += time.Since(start)
			if err != nil || len(res.Scopes) != rows {
				b.Fatalf("read %d scopes, err %v", len(res.Scopes), err)
			}
		}
		b.ReportMetric(bare.Seconds()/float64(b.N), "bare-s/op")
		b.ReportMetric(read.Seconds()/float64(b.N), "read-s/op")
		b.ReportMetric(float64(read)/float64(bare), "read/bare")
	})
}

// BenchmarkGocsvOnly is gocsv decoding the same bytes into a struct of strings, with no
// checks and no parsing: the cost of gocsv itself.
func BenchmarkGocsvOnly(b *testing.B) {
	type row struct {
		IncidentID, Organization, Service, Industry, Cause, RecordType, Certainty, Records string
		ExposureStart, ExposureEnd, Detected, Contained, Disclosed, SourceURL, Notes       string
	}
	benchEachSize(b, func(b *testing.B, in []byte, rows int) {
		for b.Loop() {
			n := 0
			err := gocsv.UnmarshalToCallback(bytes.NewReader(in), func(r *row) { n++ })
			if err != nil || n != rows {
				b.Fatalf("%d rows, err %v", n, err)
			}
		}
	})
}
