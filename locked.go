package main

import (
	"errors"
	"fmt"

	"breachreport/data"
	"breachreport/internal/atomicfile"
)

// writeError is the error of writing the output file path. When another program holds the
// file open (Excel a workbook it shows, on Windows), it says what to do about it.
func writeError(path string, err error) error {
	var le *atomicfile.LockedError
	if errors.As(err, &le) {
		return data.Errorf("cannot replace %s: it is open in another program, such as Excel; close it there and run again (%w)", path, err)
	}
	return fmt.Errorf("writing %s: %w", path, err)
}
