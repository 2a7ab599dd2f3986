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

// Remove removes the file at path, if there is one; a missing file is no error. The error
// is a *LockedError when another program holds the file open (on Windows).
func Remove(path string) error {
	err := remove(path)
	switch {
	case err == nil || errors.Is(err, fs.ErrNotExist):
		return nil
	case isLocked(err):
		return &LockedError{Path: path, Err: err}
	}
	return err
}

// MkdirTemp creates a directory in dir for temporary files of the running process, named
// ".BASE.tmp-PID-RANDOM" as Write's temporary files are, after removing the stale ones that
// killed processes left (see RemoveStale). The caller removes it with os.RemoveAll.
func MkdirTemp(dir, base string) (string, error) {
	RemoveStale(dir, base)
	return os.MkdirTemp(dir, tempPrefix(base)+strconv.Itoa(os.Getpid())+"-*")
}

// rename, remove and isLocked are os.Rename, os.Remove and locked; tests replace them to play a file held
// open by another program on any system.
var (
	rename   = os.Rename
	remove   = os.Remove
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
func tempPrefix(base string) string { return "." + base + ".tmp-" }

// staleAge is how old a temporary file must be to be removed when it does not say which
// process wrote it, or where that cannot be checked.
const staleAge = time.Hour

// RemoveStale removes the temporary files that Write left in dir for the file named base,
// and the directories MkdirTemp made for base, when the process that made them was killed:
// those whose process is no longer running, and those older than an hour whose process
// cannot be checked. It returns the paths removed. Another process's temporary files, still
// in use, are left alone.
func RemoveStale(dir, base string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	prefix := tempPrefix(base)
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, prefix) || !e.Type().IsRegular() && !e.IsDir() {
			continue
		}
		pidText, _, named := strings.Cut(strings.TrimPrefix(name, prefix), "-")
		pid, err := strconv.Atoi(pidText)
		named = named && err == nil && pid > 0
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

// running reports whether process pid exists, by sending it signal 0 (Unix).
func running(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}
