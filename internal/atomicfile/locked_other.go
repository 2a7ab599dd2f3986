//go:build !windows

package atomicfile

// locked reports whether err says the file is held open by another program: never, where
// a rename replaces an open file.
func locked(error) bool { return false }
