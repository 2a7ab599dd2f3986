// Package inputtest reads a whole input into memory for the tests of the packages that use
// input, which generate never does: it streams the rows into the report instead.
package inputtest

import (
	"context"
	"io"

	"breachreport/data"
	"breachreport/input"
)

// Read reads r as input.Scan does and keeps every scope in the Result.
func Read(r io.Reader, opts input.Options) (*input.Result, error) {
	var scopes []data.Scope
	res, err := input.Scan(context.Background(), r, opts, func(batch []data.Scope) error {
		scopes = append(scopes, batch...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	res.Scopes = scopes
	return res, nil
}
