package input

import (
	_ "embed"
)

//go:embed sample.csv
var sampleCSV []byte

// SampleName is the name under which the embedded sample is reported as an input file.
const SampleName = "embedded sample (sample.csv)"

// Sample returns the embedded sample CSV: the two reference cases, Sanpo Create (2019) and
// Omochabako (2019), as four scope rows. The slice is a copy the caller may change.
func Sample() []byte {
	return append([]byte(nil), sampleCSV...)
}
