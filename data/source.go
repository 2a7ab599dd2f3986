package data

import (
	"encoding/csv"
	"fmt"
)

// source yields the records of the input, CSV text or a workbook sheet, one at a time.
type source interface {
	// next returns the next record, io.EOF at the end, or a *csv.ParseError for a record
	// that is broken; reading goes on after a broken record.
	next() ([]string, error)
	// line returns the line (a workbook's row) where field j of the last record starts.
	line(j int) int
	// marks returns where the last record held bytes that did not decode.
	marks() []mark
	// fit shapes a data record to the header's width. It returns false, with a message,
	// when the record does not fit.
	fit(rec []string, width int) ([]string, string, bool)
	// setFields gives the canonical column name of each header position, once known.
	setFields(fields []string)
	// notes returns warnings about cells of the last record.
	notes() []cellNote
}

// csvSource reads CSV text through encoding/csv.
type csvSource struct {
	cr   *csv.Reader
	dec  *decoder // nil for UTF-8 input
	last []mark
}

func newCSVSource(in *input) *csvSource {
	cr := csv.NewReader(in.text)
	cr.Comma = in.delim
	cr.FieldsPerRecord = -1
	return &csvSource{cr: cr, dec: in.dec}
}

func (s *csvSource) next() ([]string, error) {
	rec, err := s.cr.Read()
	s.last = s.dec.take(s.cr.InputOffset())
	return rec, err
}

func (s *csvSource) line(j int) int {
	l, _ := s.cr.FieldPos(j)
	return l
}

func (s *csvSource) marks() []mark { return s.last }

func (s *csvSource) setFields([]string) {}

func (s *csvSource) notes() []cellNote { return nil }

// fit accepts only records with exactly the header's number of fields: in CSV text, any
// other number means the row's quoting or delimiters are broken.
func (s *csvSource) fit(rec []string, width int) ([]string, string, bool) {
	if len(rec) == width {
		return rec, "", true
	}
	return nil, fmt.Sprintf("row has %d fields but the header has %d", len(rec), width), false
}
