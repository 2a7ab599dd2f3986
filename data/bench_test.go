package data

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"sync"
	"testing"
)

// benchRows is the size of the synthetic input the read benchmarks use.
const benchRows = 100_000

var (
	benchOnce  sync.Once
	benchInput []byte
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

func benchData() []byte {
	benchOnce.Do(func() { benchInput = syntheticCSV(benchRows) })
	return benchInput
}

// BenchmarkRead reads 100k synthetic scope rows through Read: detection, decoding, CSV,
// header mapping, gocsv and validation.
func BenchmarkRead(b *testing.B) {
	in := benchData()
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := Read(bytes.NewReader(in), Options{Now: testNow})
		if err != nil || len(res.Scopes) != benchRows {
			b.Fatalf("read %v scopes, err %v", len(res.Scopes), err)
		}
	}
}

// BenchmarkBareCSV is the floor for BenchmarkRead: encoding/csv reading the same bytes and
// keeping every record, with no parsing of the fields.
func BenchmarkBareCSV(b *testing.B) {
	in := benchData()
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		r := csv.NewReader(bytes.NewReader(in))
		var rows [][]string
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			rows = append(rows, rec)
		}
		if len(rows) != benchRows+1 {
			b.Fatalf("%d rows", len(rows))
		}
	}
}
