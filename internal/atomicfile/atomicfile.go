// Package atomicfile writes files so that a reader sees either the old file or the complete
// new one, never a half-written file.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
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
func Write(path string, perm os.FileMode, write func(w io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	RemoveStale(dir, base)
	f, err := os.CreateTemp(dir, tempPrefix(base)+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = write(f); err != nil {
		return err
	}
	if err = f.Chmod(perm); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = rename(tmp, path); err != nil {
		if isLocked(err) {
			return &LockedError{Path: path, Err: err}
		}
		return data.Errorf("renaming %s into place: %w", tmp, err)
	}
	return nil
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
func tempPrefix(base string) string { return "." + base + ".tmp-" }

// staleAge is how old a temporary file must be to be removed when it does not say which
// process wrote it, or where that cannot be checked.
const staleAge = time.Hour

// RemoveStale removes the temporary files that Write left in dir for the file named base
// when the process writing them was killed: those whose process is no longer running, and
// those older than an hour whose process cannot be checked. It returns the paths removed.
// Another process's temporary file, still being written, is left alone.
func RemoveStale(dir, base string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	prefix := tempPrefix(base)
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, prefix) || !e.Type().IsRegular() {
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
			if os.Remove(p) == nil {
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
