package store

import (
	"errors"
	"os"
	"path/filepath"

	"wheelhouse/backend/errs"
)

// LockName is the lock file beside db/ in every data folder. Whoever holds
// it (an OS-level exclusive lock: flock on Unix, LockFileEx on Windows) owns
// the whole data folder: db/, the staging folders of an import or restore,
// the copies kept aside and the intent record of a swap. The app holds it
// while a workspace is open, every CLI command while it has the workspace
// open, and Stage from its first check until the swap is complete
// (docs/decisions/0018-one-writer-and-recoverable-swap.md). The OS releases
// it when the process dies, so a crash never leaves the folder locked.
const LockName = "wheelhouse.lock"

// ErrLocked says another process holds the data folder's lock.
var ErrLocked = errors.New("data folder locked by another process")

// Lock is a held data-folder lock.
type Lock struct {
	f *os.File
}

// LockDir takes the exclusive lock of data folder root (creating root and the
// lock file if needed). It does not wait: a folder held by another
// Wheelhouse is refused at once with a clear message (IsLocked reports it).
func LockDir(root string) (*Lock, error) {
	if err := os.MkdirAll(root, 0o700); err != nil {
		return nil, errs.E(errs.Unavailable, "Cannot create the data folder %s: %v", root, err)
	}
	f, err := os.OpenFile(filepath.Join(root, LockName), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, openError(root, err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if errors.Is(err, ErrLocked) {
			return nil, openError(root, err)
		}
		return nil, errs.E(errs.Unavailable, "Cannot lock the data folder %s: %v", root, err)
	}
	return &Lock{f: f}, nil
}

// Unlock releases the lock. Safe on nil and twice.
func (l *Lock) Unlock() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := unlockFile(l.f)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f = nil
	return err
}
