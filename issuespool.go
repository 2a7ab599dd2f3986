package main

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"sort"
	"sync"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
)

// issueSpool keeps every issue of a run in temporary files, for validate --format json and
// csv to list them all while the report holds only the first data.IssueCap of each kind.
// Each issue is kept as one line of JSON, its message rendered, in a file of its kind and
// stage; the files are unlinked as soon as they are made, so that nothing is left behind
// even when the run is killed (where the system allows it; else close removes them).
type issueSpool struct {
	lang  i18n.Lang
	mu    sync.Mutex
	files map[spoolKey]*spoolFile
	err   error
}

type spoolKey struct {
	kind  data.Kind
	stage int
}

// spoolFile is one kind's issues of one stage, in the order found.
type spoolFile struct {
	f    *os.File
	name string // the path to remove at close, "" once unlinked
	w    *bufio.Writer
	// size is the bytes written; sorted says the lines came in order.
	size     int64
	sorted   bool
	lastLine int
}

// spooled is an issue as the spool keeps it: an issueRow, with the canonical column for
// Report.Complete.
type spooled struct {
	Severity    data.Severity `json:"s"`
	Line        int           `json:"l,omitempty"`
	Column      string        `json:"c,omitempty"`
	Header      string        `json:"h,omitempty"`
	ColumnIndex int           `json:"i,omitempty"`
	Sheet       string        `json:"sh,omitempty"`
	Cell        string        `json:"ce,omitempty"`
	Value       string        `json:"v,omitempty"`
	IncidentID  string        `json:"id,omitempty"`
	Message     string        `json:"m"`
}

func newIssueSpool(l i18n.Lang) *issueSpool {
	return &issueSpool{lang: l, files: map[spoolKey]*spoolFile{}}
}

// add keeps is, found by stage; it may be called from several goroutines.
func (s *issueSpool) add(stage int, is data.Issue) {
	rec, err := json.Marshal(spooled{
		Severity: is.Severity, Line: is.Line, Column: is.Column, Header: is.Header, ColumnIndex: is.ColumnIndex,
		Sheet: is.Sheet, Cell: is.Cell, Value: is.Value, IncidentID: is.IncidentID, Message: i18n.Sprint(s.lang, is.Message),
	})
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return
	}
	if err != nil {
		s.err = err
		return
	}
	k := spoolKey{is.Kind, stage}
	f := s.files[k]
	if f == nil {
		if f, err = newSpoolFile(); err != nil {
			s.err = data.Errorf("keeping the issues: %w", err)
			return
		}
		s.files[k] = f
	}
	if is.Line < f.lastLine {
		f.sorted = false
	}
	f.lastLine = is.Line
	rec = append(rec, '\n')
	if _, err := f.w.Write(rec); err != nil {
		s.err = data.Errorf("keeping the issues: %w", err)
	}
	f.size += int64(len(rec))
}

func newSpoolFile() (*spoolFile, error) {
	f, err := os.CreateTemp("", "breachreport-issues-*")
	if err != nil {
		return nil, err
	}
	sf := &spoolFile{f: f, w: bufio.NewWriterSize(f, 64<<10), sorted: true}
	if os.Remove(f.Name()) != nil {
		sf.name = f.Name()
	}
	return sf, nil
}

// restart forgets the issues of the grouping and the figures: Builder finds them again.
func (s *issueSpool) restart() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, f := range s.files {
		if k.stage >= data.StageGroup {
			f.close()
			delete(s.files, k)
		}
	}
}

func (f *spoolFile) close() {
	f.f.Close()
	if f.name != "" {
		os.Remove(f.name)
	}
}

// close removes the files.
func (s *issueSpool) close() {
	for _, f := range s.files {
		f.close()
	}
	s.files = nil
}

// each hands every issue kept to fn as validate lists them: by kind in the order of
// data.Kinds, each kind's by line, and the issues of one line in the order of the stages
// that found them, completed by rep (see analysis.Report.Complete).
func (s *issueSpool) each(rep analysis.Report, fn func(issueRow) error) error {
	if s.err != nil {
		return s.err
	}
	for _, f := range s.files {
		if err := f.w.Flush(); err != nil {
			return data.Errorf("keeping the issues: %w", err)
		}
	}
	emit := func(k data.Kind, stage int, rec []byte) error {
		var sp spooled
		if err := json.Unmarshal(rec, &sp); err != nil {
			return data.Errorf("reading the issues kept: %w", err)
		}
		is := data.Issue{Kind: k, Severity: sp.Severity, Line: sp.Line, Column: sp.Column, Header: sp.Header,
			ColumnIndex: sp.ColumnIndex, Sheet: sp.Sheet, Cell: sp.Cell, Value: sp.Value, IncidentID: sp.IncidentID}
		rep.Complete(stage, &is)
		return fn(rowOf(is, sp.Message))
	}
	for _, k := range data.Kinds() {
		var stages []int
		for st := data.StageRead; st <= data.StageFigure; st++ {
			if s.files[spoolKey{k, st}] != nil {
				stages = append(stages, st)
			}
		}
		switch {
		case len(stages) == 0:
			continue
		case len(stages) == 1 && s.files[spoolKey{k, stages[0]}].sorted:
			// The usual case: one stage found the kind's issues, in line order.
			if err := s.eachRecord(spoolKey{k, stages[0]}, func(rec []byte) error { return emit(k, stages[0], rec) }); err != nil {
				return err
			}
		default:
			if err := s.sorted(k, stages, emit); err != nil {
				return err
			}
		}
	}
	return nil
}

// spoolEntry is where an issue of one kind is kept, and its line, to sort by.
type spoolEntry struct {
	line, off int64
	n, stage  int32
}

// sorted hands the kind's issues to emit in line order, the stages' issues of one line in
// stage order: it reads where each issue is and its line (24 bytes an issue held), sorts
// those, and reads the issues again in that order.
func (s *issueSpool) sorted(k data.Kind, stages []int, emit func(data.Kind, int, []byte) error) error {
	var idx []spoolEntry
	for _, st := range stages {
		var off int64
		err := s.eachRecord(spoolKey{k, st}, func(rec []byte) error {
			var sp struct {
				Line int64 `json:"l"`
			}
			if err := json.Unmarshal(rec, &sp); err != nil {
				return data.Errorf("reading the issues kept: %w", err)
			}
			idx = append(idx, spoolEntry{line: sp.Line, off: off, n: int32(len(rec)), stage: int32(st)})
			off += int64(len(rec))
			return nil
		})
		if err != nil {
			return err
		}
	}
	sort.SliceStable(idx, func(i, j int) bool { return idx[i].line < idx[j].line })
	var buf []byte
	for _, e := range idx {
		if cap(buf) < int(e.n) {
			buf = make([]byte, e.n)
		}
		buf = buf[:e.n]
		if _, err := s.files[spoolKey{k, int(e.stage)}].f.ReadAt(buf, e.off); err != nil {
			return data.Errorf("reading the issues kept: %w", err)
		}
		if err := emit(k, int(e.stage), buf); err != nil {
			return err
		}
	}
	return nil
}

// source is the issues s keeps as validate lists them, completed by rep; with no spool,
// those rep holds, in English.
func (s *issueSpool) source(rep analysis.Report) issueSource {
	if s == nil {
		return heldIssues(rep, i18n.En)
	}
	return func(fn func(issueRow) error) error { return s.each(rep, fn) }
}

// eachRecord hands each line kept in the file of key to fn, in the order written; the
// slice is only valid during the call.
func (s *issueSpool) eachRecord(key spoolKey, fn func(rec []byte) error) error {
	r := bufio.NewReaderSize(io.NewSectionReader(s.files[key].f, 0, 1<<62), 64<<10)
	for {
		rec, err := r.ReadBytes('\n')
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return data.Errorf("reading the issues kept: %w", err)
		}
		if err := fn(rec); err != nil {
			return err
		}
	}
}
