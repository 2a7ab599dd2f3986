package input

import (
	"context"
	"io"

	"breachreport/data"
)

// Read reads r as Scan does and keeps every scope in the Result, for the tests of this
// package (internal/inputtest does the same for the others', which this one cannot import).
func Read(r io.Reader, opts Options) (*Result, error) {
	var scopes []data.Scope
	res, err := Scan(context.Background(), r, opts, func(batch []data.Scope) error {
		scopes = append(scopes, batch...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	res.Scopes = scopes
	return res, nil
}
