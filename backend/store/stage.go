package store

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
)

// Stage replaces the database of data folder root as one atomic step: fill
// builds a complete new database in a private staging folder (its argument is
// the staging data folder); if fill succeeds and the result opens (marker,
// schema, migrations), the current db/ is moved aside and the staged one is
// renamed into place. Until that rename the current workspace is untouched,
// so a failure anywhere leaves it as it was.
//
// Stage holds the data folder's lock (LockName) from its first look at the
// folder until the swap is complete, so no other Wheelhouse (the app, a CLI
// command) can open the workspace in between and have its writes thrown
// away; a folder another Wheelhouse holds is refused at once. The swap is
// recorded in an intent record first, so a crash between its renames is
// rolled back or completed by the next open (recoverSwap).
//
// A root that already holds a workspace is refused unless replace is set; the
// old db/ is then kept as db.before-<label>-<time> and its path returned.
func Stage(root string, opt Options, label string, replace bool, fill func(staging string) error) (aside string, err error) {
	return StageKeyed(root, opt, label, replace, func(staging string, _ *MasterKey) error { return fill(staging) })
}

// StageKeyed is Stage for a fill that keeps an encrypted workspace
// encrypted: fill gets the current workspace's key (nil if it is plaintext
// or empty, or opt.Key when set) to pass as Options.Key to what it writes
// into the staging folder. opt.Passphrase unlocks the current workspace.
func StageKeyed(root string, opt Options, label string, replace bool, fill func(staging string, key *MasterKey) error) (aside string, err error) {
	if opt.Clock == nil {
		opt.Clock = clock.Real{}
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	// A folder that holds a workspace keeps holding one (swaps never empty
	// it), so without replace it is refused even when someone has it open.
	if empty, err := IsEmptyDataDir(root); err == nil && !empty && !replace {
		return "", errs.E(errs.Conflict, "%s already holds a workspace.", root)
	}
	lock, err := LockDir(root)
	if err != nil {
		return "", err
	}
	defer lock.Unlock()
	if err := prepareRoot(root, opt.Logger); err != nil {
		return "", openError(root, err)
	}
	empty, err := IsEmptyDataDir(root)
	if err != nil {
		return "", errs.E(errs.Unavailable, "Cannot read %s: %v", root, err)
	}
	if !empty {
		if !replace {
			return "", errs.E(errs.Conflict, "%s already holds a workspace.", root)
		}
		s, err := openLocked(root, Options{Logger: opt.Logger, Clock: opt.Clock, Migrations: opt.Migrations, GCInterval: -1, Passphrase: opt.Passphrase, Key: opt.Key, skipPrepare: true})
		if err != nil {
			return "", err // not ours, or damaged, or a wrong passphrase
		}
		if opt.Key == nil && !opt.noSeed {
			opt.Key = s.key
		}
		if err := s.Close(); err != nil {
			return "", err
		}
	}
	stamp := opt.Clock.Now().UTC().Format("20060102T150405Z")
	staging := unique(filepath.Join(root, "."+label+"-"+stamp))
	defer os.RemoveAll(staging)
	if err := fill(staging, opt.Key); err != nil {
		return "", err
	}
	check, err := Open(staging, Options{Logger: opt.Logger, Clock: opt.Clock, Migrations: opt.Migrations, GCInterval: -1, Key: opt.Key, Passphrase: opt.Passphrase})
	if err != nil {
		return "", err
	}
	if err := check.Close(); err != nil {
		return "", err
	}
	hook(StepStaged)
	in := swapIntent{Staging: filepath.Base(staging)}
	if !empty {
		aside = unique(DBDir(root) + ".before-" + label + "-" + stamp)
		in.Aside = filepath.Base(aside)
	}
	if err := writeIntent(root, in); err != nil {
		return "", errs.E(errs.Unavailable, "Cannot record the swap in %s: %v", root, err)
	}
	hook(StepIntent)
	if !empty {
		if err := os.Rename(DBDir(root), aside); err != nil {
			_ = os.Remove(filepath.Join(root, IntentName))
			return "", errs.E(errs.Unavailable, "Cannot move the current workspace aside: %v", err)
		}
	} else if err := os.Remove(DBDir(root)); err != nil && !errors.Is(err, os.ErrNotExist) {
		// IsEmptyDataDir said db/ has no files; Remove (not RemoveAll)
		// refuses to delete anything that appeared since.
		_ = os.Remove(filepath.Join(root, IntentName))
		return "", errs.E(errs.Unavailable, "Cannot prepare %s: %v", root, err)
	}
	hook(StepAside)
	if err := os.Rename(DBDir(staging), DBDir(root)); err != nil {
		if aside != "" {
			_ = os.Rename(aside, DBDir(root))
		}
		_ = os.Remove(filepath.Join(root, IntentName))
		return "", errs.E(errs.Unavailable, "Cannot move the new workspace into place: %v", err)
	}
	syncDir(root)
	hook(StepSwapped)
	if err := os.Remove(filepath.Join(root, IntentName)); err != nil {
		opt.Logger.Warn("could not remove the swap intent record; the next open does", "err", err)
	}
	syncDir(root)
	hook(StepDone)
	pruneAsides(root, aside, opt.KeepAside, opt.Logger)
	return aside, nil
}

// DefaultKeepAside is how many replaced workspaces a data folder keeps.
const DefaultKeepAside = 3

// pruneAsides deletes all but the newest keep copies kept aside in root
// (never fresh, the one this swap just made). The caller holds the lock.
func pruneAsides(root, fresh string, keep int, log *slog.Logger) {
	if keep <= 0 {
		keep = DefaultKeepAside
	}
	asides, err := Asides(root)
	if err != nil {
		return
	}
	var older []string
	for _, a := range asides {
		if a != fresh {
			older = append(older, a)
		}
	}
	n := keep
	if fresh != "" {
		n-- // the fresh one counts
	}
	for len(older) > n {
		if err := os.RemoveAll(older[0]); err != nil {
			log.Warn("could not delete an old copy kept aside", "path", older[0], "err", err)
		} else {
			log.Info("deleted an old copy kept aside", "path", older[0], "keep", keep)
		}
		older = older[1:]
	}
}

// unique returns path, or path-2, path-3 … whichever does not exist yet.
func unique(path string) string {
	p := path
	for i := 2; ; i++ {
		if _, err := os.Stat(p); os.IsNotExist(err) {
			return p
		}
		p = fmt.Sprintf("%s-%d", path, i)
	}
}

// WriteChunked applies ops in as few transactions as Badger allows, starting
// a new transaction whenever one is full. It is NOT atomic: use it only on a
// private store that nobody reads until it is complete (see Stage). Each op
// must be idempotent, because an op that overflowed a transaction runs again
// in the next one.
func (s *Store) WriteChunked(ops []Op) error {
	if err := s.enter(); err != nil {
		return err
	}
	defer s.leave()
	txn := s.db.NewTransaction(true)
	defer func() { txn.Discard() }()
	for _, op := range ops {
		err := op(txn)
		if errors.Is(err, badger.ErrTxnTooBig) {
			if err := txn.Commit(); err != nil {
				return err
			}
			txn = s.db.NewTransaction(true)
			err = op(txn)
		}
		if err != nil {
			return mapErr(err)
		}
	}
	return mapErr(txn.Commit())
}
