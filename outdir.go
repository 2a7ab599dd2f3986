package main

import (
	"breachreport/data"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// prepareOutputDir makes sure, before the input is read, that the outputs can be written
// into dir: it creates dir if it is missing, then creates and removes a file in it. The
// error names the directory and the system's reason. It returns the directories it
// created, deepest first, for removeCreated.
func prepareOutputDir(dir string) ([]string, error) {
	if err := notSymlink(filepath.Clean(dir), data.Msgf("give -o the directory it points to")); err != nil {
		return nil, err
	}
	var created []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); !errors.Is(err, fs.ErrNotExist) {
			break
		}
		created = append(created, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		removeCreated(created)
		return nil, data.Errorf("output directory %s cannot be created: %w", dir, reason(err))
	}
	f, err := os.CreateTemp(dir, ".breachreport-probe-*")
	if err != nil {
		removeCreated(created)
		return nil, data.Errorf("output directory %s is not writable: %w", dir, reason(err))
	}
	name := f.Name()
	err = f.Close()
	if rmErr := os.Remove(name); err == nil {
		err = rmErr
	}
	if err != nil {
		removeCreated(created)
		return nil, data.Errorf("output directory %s is not writable: %w", dir, reason(err))
	}
	return created, nil
}

// notSymlink returns an error, ending with hint, when dir is a symbolic link; nil when it is
// not, or is missing. Outputs are never written through a link: one planted as DIR/charts
// (pointing at ~/.ssh, say) would send files where the user did not ask. The files
// themselves need no check, since the atomic rename replaces a link rather than following
// it.
func notSymlink(dir string, hint data.Msg) error {
	st, err := os.Lstat(dir)
	if err != nil || st.Mode()&fs.ModeSymlink == 0 {
		return nil
	}
	to, _ := os.Readlink(dir)
	return data.Errorf("output directory %s is a symbolic link (to %s): outputs are not written through one; %v", dir, to, hint)
}

// removeCreated removes the directories prepareOutputDir created, deepest first, as long
// as they are empty: a run that wrote nothing leaves nothing behind.
func removeCreated(dirs []string) {
	for _, d := range dirs {
		if os.Remove(d) != nil {
			return
		}
	}
}

// reason returns the system's reason of a failed file operation ("permission denied"),
// without the path, which the message names already.
func reason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
