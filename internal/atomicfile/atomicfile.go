// Package atomicfile writes files so that a reader sees either the old file or the complete
// new one, never a half-written file.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"breachreport/data"
)

// Write creates path by calling write with a temporary file in the same directory, then
// syncing, closing and renaming it into place. If write or any step fails, the temporary file
// is removed and path is left as it was. The file gets mode perm.
//
// The temporary file is named ".BASE.tmp-PID-RANDOM", BASE being path's file name and PID
// the writing process. A process killed while writing cannot remove its temporary file;
// Write removes such stale files of the same BASE before it starts (see RemoveStale).
func Write(path string, perm os.FileMode, write func(w io.Writer) error) error {
	p, err := Stage(path, perm, write)
	if err != nil {
		return err
	}
	return p.Commit()
}

// Pending is a file written whole under its temporary name, waiting for Commit to rename it
// to Path, or for Discard to remove it. Staging every file of a set before committing any
// keeps a failure in one of them from replacing the others.
type Pending struct {
	// Path is where Commit puts the file.
	Path string
	tmp  string
}

// Stage does what Write does but the rename: it returns the file written, synced and
// closed under its temporary name (see Write), or an error with the temporary file removed.
func Stage(path string, perm os.FileMode, write func(w io.Writer) error) (_ *Pending, err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	RemoveStale(dir, base)
	f, err := os.CreateTemp(dir, tempPrefix(base)+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return nil, err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = write(f); err != nil {
		return nil, err
	}
	if err = f.Chmod(perm); err != nil {
		return nil, err
	}
	if err = f.Sync(); err != nil {
		return nil, err
	}
	if err = f.Close(); err != nil {
		return nil, err
	}
	return &Pending{Path: path, tmp: tmp}, nil
}

// Commit renames the file into place, replacing any file at Path. When the rename fails the
// temporary file is removed and Path is left as it was; the error is a *LockedError when
// another program holds Path open.
func (p *Pending) Commit() error {
	if err := rename(p.tmp, p.Path); err != nil {
		os.Remove(p.tmp)
		if isLocked(err) {
			return &LockedError{Path: p.Path, Err: err}
		}
		return data.Errorf("renaming %s into place: %w", p.tmp, err)
	}
	return nil
}

// Discard removes the temporary file, leaving Path as it was.
func (p *Pending) Discard() { os.Remove(p.tmp) }

// MkdirTemp creates a directory in dir for temporary files of the running process, named
// ".BASE.tmp-PID-RANDOM" as Write's temporary files are, after removing the stale ones that
// killed processes left (see RemoveStale). The caller removes it with os.RemoveAll.
func MkdirTemp(dir, base string) (string, error) {
	RemoveStale(dir, base)
	return os.MkdirTemp(dir, tempPrefix(base)+strconv.Itoa(os.Getpid())+"-*")
}

// rename and isLocked are os.Rename and locked; tests replace them to play a file held
// open by another program on any system.
var (
	rename   = os.Rename
	isLocked = locked
)

// LockedError is the error of Write when path cannot be replaced because another program
// holds it open without sharing it: Excel does so with a workbook it has open, on Windows.
// The file at path is left as it was.
type LockedError struct {
	Path string
	Err  error
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("cannot replace %s: another program has it open", e.Path)
}

func (e *LockedError) Unwrap() error { return e.Err }

// tempPrefix starts the name of every temporary file Write makes for base.
func tempPrefix(base string) string { return "." + base + tempMark }

// tempMark ends the BASE part of every temporary name.
const tempMark = ".tmp-"

// staleAge is how old a temporary file must be to be removed when it does not say which
// process wrote it, or where that cannot be checked.
const staleAge = time.Hour

// RemoveStale removes the temporary files that Write left in dir for the file named base,
// and the directories MkdirTemp made for base, when the process that made them was killed:
// those whose process is no longer running, and those older than an hour whose process
// cannot be checked. It returns the paths removed. Another process's temporary files, still
// in use, are left alone.
func RemoveStale(dir, base string) []string {
	prefix := tempPrefix(base)
	return removeStale(dir, func(name string) (string, bool) {
		rest, ok := strings.CutPrefix(name, prefix)
		return rest, ok
	})
}

// SweepStale removes in dir the temporary files and directories of any base that killed
// processes left, as RemoveStale does for one base, so that a killed run's leftovers go even
// when no later run writes the same file. Only names that are wholly Write's or MkdirTemp's,
// ".BASE.tmp-PID-REST", are considered: a name that does not say its process is never
// removed, since it may be a file of the user's. It returns the paths removed.
func SweepStale(dir string) []string {
	return removeStale(dir, func(name string) (string, bool) {
		// The last ".tmp-": BASE may hold one, the PID and REST (digits, "earlier") do not.
		i := strings.LastIndex(name, tempMark)
		if !strings.HasPrefix(name, ".") || i < 2 {
			return "", false
		}
		rest := name[i+len(tempMark):]
		_, named := tempPID(rest)
		return rest, named
	})
}

// removeStale removes the stale entries of dir that match, which returns the part of the
// name after ".BASE.tmp-": "PID-REST" when the name says its process.
func removeStale(dir string, match func(name string) (rest string, ok bool)) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		name := e.Name()
		rest, ok := match(name)
		if !ok || !e.Type().IsRegular() && !e.IsDir() {
			continue
		}
		pid, named := tempPID(rest)
		stale := false
		switch {
		case named && pid == os.Getpid():
		case named && runtime.GOOS != "windows":
			stale = !running(pid)
		default:
			info, err := e.Info()
			stale = err == nil && time.Since(info.ModTime()) > staleAge
		}
		if stale {
			p := filepath.Join(dir, name)
			if os.RemoveAll(p) == nil {
				removed = append(removed, p)
			}
		}
	}
	return removed
}

// tempPID returns the process named by rest, the part of a temporary name after
// ".BASE.tmp-" ("PID-REST"), and whether rest names one.
func tempPID(rest string) (int, bool) {
	pidText, tail, found := strings.Cut(rest, "-")
	if !found || tail == "" || pidText == "" || strings.Trim(pidText, "0123456789") != "" {
		return 0, false
	}
	pid, err := strconv.Atoi(pidText)
	return pid, err == nil && pid > 0
}

// running reports whether process pid exists, by sending it signal 0 (Unix).
func running(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}

// CommitAll puts a set of staged files in place together, replacing the files of an earlier
// set: those at the staged files' paths and those named in previous (files of the earlier
// set that this one does not write), which it removes. It returns the paths of previous it
// removed.
//
// The earlier files are first renamed aside, to temporary names, then the staged files
// renamed into place, then the earlier files removed. When a step fails (a file held open
// by another program, on Windows, is a *LockedError), the files put in place are taken
// away and the earlier ones renamed back, so that the directory holds the earlier set as it
// was; the staged files are then discarded. Only a process killed during the renames leaves
// part of the new set beside none of the old, whose files then wait under temporary names
// for RemoveStale.
func CommitAll(staged []*Pending, previous []string) (removed []string, err error) {
	type moved struct{ path, aside string }
	var aside []moved
	done := 0 // staged files put in place
	defer func() {
		if err == nil {
			return
		}
		for _, p := range staged[:done] {
			os.Remove(p.Path)
		}
		for i := len(aside) - 1; i >= 0; i-- {
			rename(aside[i].aside, aside[i].path)
		}
		for _, p := range staged[done:] {
			p.Discard()
		}
	}()
	writes := map[string]bool{}
	paths := make([]string, 0, len(staged)+len(previous))
	for _, p := range staged {
		writes[p.Path] = true
		paths = append(paths, p.Path)
	}
	for _, p := range previous {
		if !writes[p] {
			writes[p] = true
			paths = append(paths, p)
		}
	}
	for _, path := range paths {
		st, err := os.Lstat(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			return nil, err
		case st.IsDir():
			return nil, data.Errorf("%s is a directory, not a file this run can replace", path)
		}
		dir, base := filepath.Split(path)
		if dir == "" {
			dir = "."
		}
		RemoveStale(dir, base)
		to := filepath.Join(dir, tempPrefix(base)+strconv.Itoa(os.Getpid())+"-earlier")
		if err := rename(path, to); err != nil {
			if isLocked(err) {
				return nil, &LockedError{Path: path, Err: err}
			}
			return nil, err
		}
		aside = append(aside, moved{path, to})
	}
	for _, p := range staged {
		if err := rename(p.tmp, p.Path); err != nil {
			if isLocked(err) {
				return nil, &LockedError{Path: p.Path, Err: err}
			}
			return nil, data.Errorf("renaming %s into place: %w", p.tmp, err)
		}
		done++
	}
	isNew := map[string]bool{}
	for _, p := range staged {
		isNew[p.Path] = true
	}
	for _, m := range aside {
		os.Remove(m.aside)
		if !isNew[m.path] {
			removed = append(removed, m.path)
		}
	}
	return removed, nil
}
