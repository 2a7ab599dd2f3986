package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"

	"breachreport/analysis"
	"breachreport/data"
	"breachreport/i18n"
	"breachreport/internal/atomicfile"
)

// outputSet is the files of one run's outputs. Each is written whole under a temporary name
// (stage); only when every one is written does commit put them in place, so that a run that
// is interrupted or fails leaves the previous run's files as they were.
//
// Renaming several files is not atomic. So that a directory never holds files of two runs,
// commit first renames the previous run's files of the set aside (those this run replaces,
// and those of the same report it does not write), then renames the new ones in, putting
// the earlier ones back if that fails. A run killed during those milliseconds leaves part of
// its new set and nothing of the old.
type outputSet struct {
	staged []*atomicfile.Pending
	// previous are the files of an earlier run's set that this run does not write but would
	// leave beside its own: images without --images, a deck without --pptx, a chart page
	// no longer drawn, a month no longer in the data. commit removes them.
	previous []string
	// dirs are the directories made for the set, deepest last; discard removes those left
	// empty, as do the removals of commit.
	dirs []string
	// at is called with "staged PATH" once each file is staged (env.at, for tests).
	at func(string)
}

// stage writes the file path of the set by calling write, under a temporary name.
func (s *outputSet) stage(path string, write func(io.Writer) error) error {
	p, err := atomicfile.Stage(path, 0o644, write)
	if err != nil {
		return writeError(path, err)
	}
	s.staged = append(s.staged, p)
	if s.at != nil {
		s.at("staged " + path)
	}
	return nil
}

// mkdir creates dir, and its parents, for files of the set, remembering those it created.
func (s *outputSet) mkdir(dir string) error {
	var made []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); !errors.Is(err, fs.ErrNotExist) || filepath.Dir(d) == d {
			break
		}
		made = append(made, d)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	slices.Reverse(made)
	s.dirs = append(s.dirs, made...)
	return nil
}

// discard removes every staged file and the directories made for them, leaving the
// previous run's files as they were.
func (s *outputSet) discard() {
	for _, p := range s.staged {
		p.Discard()
	}
	s.staged = nil
	for i := len(s.dirs) - 1; i >= 0; i-- {
		os.Remove(s.dirs[i])
	}
	s.dirs = nil
}

// commit puts the set in place, replacing the earlier set (atomicfile.CommitAll), and says
// on w what it wrote and what it removed. On an error the earlier set is left as it was.
func (s *outputSet) commit(w io.Writer, l i18n.Lang) error {
	staged := s.staged
	s.staged = nil // CommitAll puts them in place or discards them
	removed, err := atomicfile.CommitAll(staged, s.previous)
	if err != nil {
		s.discard()
		var le *atomicfile.LockedError
		if errors.As(err, &le) {
			return writeError(le.Path, err)
		}
		return err
	}
	for _, p := range staged {
		fmt.Fprintln(w, i18n.Sprint(l, data.Msgf("wrote %s", p.Path)))
	}
	for _, path := range removed {
		fmt.Fprintln(w, i18n.Sprint(l, data.Msgf("removed %s, an earlier run's: this run does not write it", path)))
		// A month folder the data no longer reaches, or a chart pages folder, goes once empty.
		os.Remove(filepath.Dir(path))
	}
	s.dirs = nil
	return nil
}

// chartFileRE matches the names of the files the tool writes into a chart pages' directory:
// a chart's page and images.
var chartFileRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*\.(html|png|svg)$`)

// previousReport returns the files that an earlier report of o's names may have left in
// o.dir: the workbook, the dashboard, the deck and the chart pages and images.
func (o outputs) previousReport() []string {
	files := []string{filepath.Join(o.dir, o.workbook), filepath.Join(o.dir, o.dashboard)}
	if o.noPages {
		return files
	}
	files = append(files, filepath.Join(o.dir, deckFor(o.workbook)))
	pages := filepath.Join(o.dir, o.pages)
	entries, _ := os.ReadDir(pages)
	for _, e := range entries {
		if e.Type().IsRegular() && chartFileRE.MatchString(e.Name()) {
			files = append(files, filepath.Join(pages, e.Name()))
		}
	}
	return files
}

// monthDirRE matches the names of --all-months' month folders.
var monthDirRE = regexp.MustCompile(`^\d{4}-\d{2}$`)

// previousMonths returns the files an earlier generate --all-months may have left in dir:
// index.html and each month folder's workbook and dashboard.
func previousMonths(dir string) []string {
	files := []string{filepath.Join(dir, indexName)}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !e.IsDir() || !monthDirRE.MatchString(e.Name()) {
			continue
		}
		m, err := analysis.ParseMonth(e.Name())
		if err != nil {
			continue
		}
		o := outputs{dir: filepath.Join(dir, e.Name()), noPages: true}
		o.workbook, o.dashboard, _ = periodNames(m.Period())
		files = append(files, o.previousReport()...)
	}
	return files
}
