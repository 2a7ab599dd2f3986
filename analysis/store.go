package analysis

import (
	"iter"

	"breachreport/data"
	"breachreport/internal/pack"
)

// Incidents holds the figures of a report's incidents, in order, packed into bytes: about
// 220 bytes for a one-row incident instead of about 1 KB as Go values, and nothing in them
// for the garbage collector to scan. Each is unpacked when it is asked for, into values of
// its own. The zero value holds none; Append adds to it, and a copy of an Incidents shares
// what was appended before the copy.
type Incidents struct {
	chunks [][]byte
	// at is where each incident starts: its chunk << 32 | its offset in the chunk.
	at []uint64
	// buf is where the next incident is packed before it goes into a chunk.
	buf pack.Packer
}

const (
	firstChunk = 4 << 10 // a report of a few incidents stays small
	maxChunk   = 1 << 20
)

// NewIncidents returns the Incidents holding figs, in order.
func NewIncidents(figs []IncidentFigures) Incidents {
	var s Incidents
	for i := range figs {
		s.Append(&figs[i])
	}
	return s
}

// Append adds f's figures. f's ScopeFigures must point into f.Incident.Scopes, as Analyze
// makes them.
func (s *Incidents) Append(f *IncidentFigures) {
	s.buf.B = s.buf.B[:0]
	packFigures(&s.buf, f)
	rec := s.buf.B
	n := len(s.chunks)
	if n == 0 || len(s.chunks[n-1])+len(rec) > cap(s.chunks[n-1]) {
		size := firstChunk
		if n > 0 {
			size = min(2*cap(s.chunks[n-1]), maxChunk)
		}
		s.chunks = append(s.chunks, make([]byte, 0, max(size, len(rec))))
		n++
	}
	c := &s.chunks[n-1]
	s.at = append(s.at, uint64(n-1)<<32|uint64(len(*c)))
	*c = append(*c, rec...)
}

// Len returns how many incidents s holds.
func (s Incidents) Len() int { return len(s.at) }

// At returns the figures of the i-th incident.
func (s Incidents) At(i int) IncidentFigures {
	var f IncidentFigures
	s.unpack(i, &f)
	return f
}

// ID returns the id of the i-th incident, unpacking nothing else.
func (s Incidents) ID(i int) string {
	a := s.at[i]
	return pack.IDOfPacked(s.chunks[a>>32][uint32(a):])
}

func (s Incidents) unpack(i int, f *IncidentFigures) {
	a := s.at[i]
	u := pack.Unpacker{B: s.chunks[a>>32], I: int(uint32(a))}
	unpackFigures(&u, f)
}

// All yields each incident's figures in order. They are unpacked into the same values
// each time: the figures yielded, and their slices, are good only until the next are;
// keep an index (and use At) or a copy of what is needed, not the pointer. Strings are
// safe to keep.
func (s Incidents) All() Figures {
	return func(yield func(int, *IncidentFigures) bool) {
		f := new(IncidentFigures)
		for i := range s.at {
			s.unpack(i, f)
			if !yield(i, f) {
				return
			}
		}
	}
}

// Slice returns every incident's figures. It holds them all as Go values: it is for the
// few incidents of a period or a comparison, and for tests.
func (s Incidents) Slice() []IncidentFigures {
	out := make([]IncidentFigures, len(s.at))
	for i := range out {
		s.unpack(i, &out[i])
	}
	return out
}

// Figures is a sequence of incidents' figures, with their indices: an Incidents' All, or
// Each of a slice.
type Figures = iter.Seq2[int, *IncidentFigures]

// Each yields figs' elements, in place.
func Each(figs []IncidentFigures) Figures {
	return func(yield func(int, *IncidentFigures) bool) {
		for i := range figs {
			if !yield(i, &figs[i]) {
				return
			}
		}
	}
}

// reuse returns s's array resized to n when it is large enough, else a new one (never nil).
func reuse[T any](s []T, n int) []T {
	if s != nil && cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}

func packDays(p *pack.Packer, d Days) {
	if !d.Known {
		p.Int(0)
		return
	}
	// Known days are 1 more (or less) than their number away from 0, so that 0 stays unknown.
	if d.N >= 0 {
		p.Int(int64(d.N) + 1)
	} else {
		p.Int(int64(d.N) - 1)
	}
}

func unpackDays(u *pack.Unpacker) Days {
	v := u.Int()
	switch {
	case v > 0:
		return Days{N: int(v - 1), Known: true}
	case v < 0:
		return Days{N: int(v + 1), Known: true}
	}
	return Days{}
}

func packSpan(p *pack.Packer, s Span) {
	p.Date(s.Start)
	p.Date(s.End)
	packDays(p, s.Days)
	p.Int(int64(s.Scopes))
}

func unpackSpan(u *pack.Unpacker) Span {
	return Span{Start: u.Date(), End: u.Date(), Days: unpackDays(u), Scopes: int(u.Int())}
}

func packFigures(p *pack.Packer, f *IncidentFigures) {
	in := &f.Incident
	p.Incident(in)
	if f.Scopes == nil {
		p.Uint(0)
	} else {
		p.Uint(uint64(len(f.Scopes)) + 1)
	}
	for k, sf := range f.Scopes {
		p.Uint(uint64(scopeIndex(in.Scopes, sf.Scope, k)))
		packDays(p, sf.Window)
	}
	if f.Buckets == nil {
		p.Uint(0)
	} else {
		p.Uint(uint64(len(f.Buckets)) + 1)
	}
	for _, b := range f.Buckets {
		p.StringLike(string(b.Type), string(data.Personal))
		p.Int(int64(b.Certainty))
		p.Count(b.Records)
		p.Int(int64(b.Scopes))
		p.Int(int64(b.Unknown))
	}
	p.Count(f.Total)
	packSpan(p, f.WindowConfirmed)
	packSpan(p, f.WindowAll)
	for _, d := range [...]Days{f.DetectConfirmed, f.DetectAll, f.Contain, f.Disclose, f.StartToDiscloseConfirmed, f.StartToDiscloseAll} {
		packDays(p, d)
	}
}

// scopeIndex returns the index of sc in scopes, trying k first.
func scopeIndex(scopes []data.Scope, sc *data.Scope, k int) int {
	if k < len(scopes) && &scopes[k] == sc {
		return k
	}
	for i := range scopes {
		if &scopes[i] == sc {
			return i
		}
	}
	panic("analysis: a ScopeFigures.Scope that does not point into its Incident.Scopes")
}

func unpackFigures(u *pack.Unpacker, f *IncidentFigures) {
	in := &f.Incident
	u.Incident(in)
	scopes, buckets := f.Scopes, f.Buckets
	f.Scopes, f.Buckets = nil, nil
	if n := u.Uint(); n > 0 {
		f.Scopes = reuse(scopes, int(n-1))
		for k := range f.Scopes {
			f.Scopes[k] = ScopeFigures{Scope: &in.Scopes[u.Uint()], Window: unpackDays(u)}
		}
	}
	if n := u.Uint(); n > 0 {
		f.Buckets = reuse(buckets, int(n-1))
		for k := range f.Buckets {
			f.Buckets[k] = Bucket{
				Type:      data.RecordType(u.StringLike(string(data.Personal))),
				Certainty: data.Certainty(u.Int()),
				Records:   u.Count(),
				Scopes:    int(u.Int()),
				Unknown:   int(u.Int()),
			}
		}
	}
	f.Total = u.Count()
	f.WindowConfirmed = unpackSpan(u)
	f.WindowAll = unpackSpan(u)
	for _, d := range [...]*Days{&f.DetectConfirmed, &f.DetectAll, &f.Contain, &f.Disclose, &f.StartToDiscloseConfirmed, &f.StartToDiscloseAll} {
		*d = unpackDays(u)
	}
}
