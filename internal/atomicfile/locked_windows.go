//go:build windows

package atomicfile

import (
	"errors"
	"syscall"
)

// Windows errors of a rename over a file another program holds open: the sharing and lock
// violations, and the access denied that MoveFileEx returns when the target is open
// without FILE_SHARE_DELETE (Excel's workbooks).
const (
	errorAccessDenied     syscall.Errno = 5
	errorSharingViolation syscall.Errno = 32
	errorLockViolation    syscall.Errno = 33
)

// locked reports whether err says the file is held open by another program.
func locked(err error) bool {
	return errors.Is(err, errorSharingViolation) || errors.Is(err, errorLockViolation) || errors.Is(err, errorAccessDenied)
}
