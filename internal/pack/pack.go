// Package pack writes incidents and their scopes as compact bytes and reads them back, so
// that a report can hold millions of them with little memory and nothing for the garbage
// collector to scan.
package pack

import (
	"encoding/binary"
	"unsafe"

	"breachreport/data"
)

// Packer appends compact binary encodings of values to B, to be read back in the same order
// by an Unpacker. It is for holding many values in memory as bytes, which the garbage
// collector never scans, instead of as Go values full of pointers; it is not a file format
// and has no version.
type Packer struct {
	B []byte
}

// Uint appends v as a varint.
func (p *Packer) Uint(v uint64) { p.B = binary.AppendUvarint(p.B, v) }

// Int appends v as a zig-zag varint.
func (p *Packer) Int(v int64) { p.B = binary.AppendVarint(p.B, v) }

// Bool appends b as one byte.
func (p *Packer) Bool(b bool) {
	if b {
		p.B = append(p.B, 1)
	} else {
		p.B = append(p.B, 0)
	}
}

// String appends s with its length.
func (p *Packer) String(s string) {
	p.Uint(uint64(len(s)) + 1)
	p.B = append(p.B, s...)
}

// StringLike appends s, in one byte when it equals ref (a field that repeats another, as a
// scope's organization repeats its incident's).
func (p *Packer) StringLike(s, ref string) {
	if s == ref {
		p.B = append(p.B, 0)
		return
	}
	p.String(s)
}

// Strings appends ss, telling nil from empty.
func (p *Packer) Strings(ss []string) {
	if ss == nil {
		p.Uint(0)
		return
	}
	p.Uint(uint64(len(ss)) + 1)
	for _, s := range ss {
		p.String(s)
	}
}

// Date appends d.
func (p *Packer) Date(d data.Date) {
	if d.Precision() < data.PrecisionNone || d.Precision() > data.PrecisionDay {
		panic("pack: Packer.Date: a Date with no valid precision")
	}
	p.Int(d.Int())
}

// Count appends c.
func (p *Packer) Count(c data.Count) {
	var flags uint64
	if c.Known {
		flags |= 1
	}
	if c.Approx {
		flags |= 2
	}
	flags |= uint64(c.Bound) << 2 // two bits
	if c.Written != "" {
		flags |= 16
	}
	p.Uint(flags)
	p.Int(c.N)
	if c.Written != "" {
		p.String(c.Written)
	}
}

// Scope appends sc; its text fields that repeat in's are one byte each.
func (p *Packer) Scope(sc *data.Scope, in *data.Incident) {
	p.Int(int64(sc.Line))
	p.StringLike(sc.IncidentID, in.ID)
	p.Bool(sc.IDDerived)
	p.StringLike(sc.Organization, in.Organization)
	p.StringLike(sc.Service, in.Service)
	p.StringLike(sc.Industry, in.Industry)
	p.StringLike(sc.Cause, in.Cause)
	p.StringLike(string(sc.RecordType), string(data.Personal))
	p.Int(int64(sc.Certainty))
	p.Count(sc.Records)
	p.Date(sc.ExposureStart)
	p.Date(sc.ExposureEnd)
	p.Date(sc.Detected)
	p.Date(sc.Contained)
	p.Date(sc.Disclosed)
	firstURL := ""
	if len(in.SourceURLs) > 0 {
		firstURL = in.SourceURLs[0]
	}
	p.StringLike(sc.SourceURL, firstURL)
	p.String(sc.Notes)
	p.Strings(sc.Extra)
	p.Strings(sc.DataItems)
	p.StringLike(sc.Vendor, in.Vendor)
	p.Date(sc.ReportedPreliminary)
	p.Date(sc.ReportedFinal)
	f := sc.JNSA
	p.Uint(uint64(f.EPX | f.EPY<<2 | f.Identifiability<<4 | f.Social<<7 | f.Response<<9))
	p.Strings(sc.DatesWritten)
}

// Incident appends in with its scopes.
func (p *Packer) Incident(in *data.Incident) {
	p.String(in.ID)
	p.String(in.Organization)
	p.String(in.Service)
	p.String(in.Industry)
	p.String(in.Cause)
	p.Date(in.Detected)
	p.Date(in.Contained)
	p.Date(in.Disclosed)
	p.String(in.Vendor)
	p.Date(in.ReportedPreliminary)
	p.Date(in.ReportedFinal)
	p.Strings(in.SourceURLs)
	if in.Scopes == nil {
		p.Uint(0)
		return
	}
	p.Uint(uint64(len(in.Scopes)) + 1)
	for i := range in.Scopes {
		p.Scope(&in.Scopes[i], in)
	}
}

// Unpacker reads back what a Packer appended, from B at I. The strings it returns share B's
// bytes, which must therefore never change afterwards. Reading past what was packed panics:
// the bytes are the program's own.
type Unpacker struct {
	B []byte
	I int
}

// Uint reads a Packer.Uint.
func (u *Unpacker) Uint() uint64 {
	if b := u.B[u.I]; b < 0x80 { // most values packed are small
		u.I++
		return uint64(b)
	}
	v, n := binary.Uvarint(u.B[u.I:])
	if n <= 0 {
		panic("data: Unpacker: not a varint")
	}
	u.I += n
	return v
}

// Int reads a Packer.Int.
func (u *Unpacker) Int() int64 {
	if b := u.B[u.I]; b < 0x80 {
		u.I++
		return int64(b>>1) ^ -int64(b&1)
	}
	v, n := binary.Varint(u.B[u.I:])
	if n <= 0 {
		panic("data: Unpacker: not a varint")
	}
	u.I += n
	return v
}

// Bool reads a Packer.Bool.
func (u *Unpacker) Bool() bool {
	b := u.B[u.I]
	u.I++
	return b != 0
}

// String reads a Packer.String.
func (u *Unpacker) String() string {
	n := int(u.Uint()) - 1
	return u.text(n)
}

func (u *Unpacker) text(n int) string {
	if n <= 0 {
		return ""
	}
	s := unsafe.String(&u.B[u.I], n)
	u.I += n
	return s
}

// StringLike reads a Packer.StringLike packed with the same ref.
func (u *Unpacker) StringLike(ref string) string {
	n := u.Uint()
	if n == 0 {
		return ref
	}
	return u.text(int(n) - 1)
}

// Strings reads a Packer.Strings.
func (u *Unpacker) Strings() []string { return u.StringsInto(nil) }

// StringsInto reads a Packer.Strings into dst's array when it is large enough.
func (u *Unpacker) StringsInto(dst []string) []string {
	n := u.Uint()
	if n == 0 {
		return nil
	}
	ss := grow(dst, int(n-1))
	for i := range ss {
		ss[i] = u.String()
	}
	return ss
}

// grow returns s resized to n, in its own array when that is large enough (a nil s gives a
// new array, so that an empty slice read back is not nil).
func grow[T any](s []T, n int) []T {
	if s != nil && cap(s) >= n {
		clear(s[:n])
		return s[:n]
	}
	return make([]T, n)
}

// Date reads a Packer.Date.
func (u *Unpacker) Date() data.Date {
	v := u.Int()
	return data.DateFromInt(v)
}

// Count reads a Packer.Count.
func (u *Unpacker) Count() data.Count {
	flags := u.Uint()
	c := data.Count{Known: flags&1 != 0, Approx: flags&2 != 0, Bound: data.Bound(flags >> 2 & 3), N: u.Int()}
	if flags&16 != 0 {
		c.Written = u.String()
	}
	return c
}

// Scope reads a Packer.Scope packed with in, into sc.
func (u *Unpacker) Scope(sc *data.Scope, in *data.Incident) {
	sc.Line = int(u.Int())
	sc.IncidentID = u.StringLike(in.ID)
	sc.IDDerived = u.Bool()
	sc.Organization = u.StringLike(in.Organization)
	sc.Service = u.StringLike(in.Service)
	sc.Industry = u.StringLike(in.Industry)
	sc.Cause = u.StringLike(in.Cause)
	sc.RecordType = data.RecordType(u.StringLike(string(data.Personal)))
	sc.Certainty = data.Certainty(u.Int())
	sc.Records = u.Count()
	sc.ExposureStart = u.Date()
	sc.ExposureEnd = u.Date()
	sc.Detected = u.Date()
	sc.Contained = u.Date()
	sc.Disclosed = u.Date()
	firstURL := ""
	if len(in.SourceURLs) > 0 {
		firstURL = in.SourceURLs[0]
	}
	sc.SourceURL = u.StringLike(firstURL)
	sc.Notes = u.String()
	sc.Extra = u.Strings()
	sc.DataItems = u.Strings()
	sc.Vendor = u.StringLike(in.Vendor)
	sc.ReportedPreliminary = u.Date()
	sc.ReportedFinal = u.Date()
	f := int(u.Uint())
	sc.JNSA = data.JNSAFactors{EPX: f & 3, EPY: f >> 2 & 3, Identifiability: f >> 4 & 7, Social: f >> 7 & 3, Response: f >> 9 & 3}
	sc.DatesWritten = u.Strings()
}

// Incident reads a Packer.Incident into in, reusing the arrays of in's SourceURLs and Scopes
// when they are large enough.
func (u *Unpacker) Incident(in *data.Incident) {
	in.ID = u.String()
	in.Organization = u.String()
	in.Service = u.String()
	in.Industry = u.String()
	in.Cause = u.String()
	in.Detected = u.Date()
	in.Contained = u.Date()
	in.Disclosed = u.Date()
	in.Vendor = u.String()
	in.ReportedPreliminary = u.Date()
	in.ReportedFinal = u.Date()
	in.SourceURLs = u.StringsInto(in.SourceURLs)
	n := u.Uint()
	if n == 0 {
		in.Scopes = nil
		return
	}
	in.Scopes = grow(in.Scopes, int(n-1))
	for i := range in.Scopes {
		u.Scope(&in.Scopes[i], in)
	}
}

// IDOfPacked returns the id of the incident a Packer.Incident packed at b's start, reading
// nothing else.
func IDOfPacked(b []byte) string {
	u := Unpacker{B: b}
	return u.String()
}
