package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// IntentName is the swap's intent record in the data folder: written (fsync,
// rename) before the current db/ is moved aside, removed once the staged
// database is in place. Its presence at open time means a swap was
// interrupted; recoverSwap finishes the bookkeeping or rolls it back.
const IntentName = "swap-intent.json"

// AsidePrefix starts the name of every copy of db/ kept aside by a swap.
const AsidePrefix = "db.before-"

type swapIntent struct {
	Staging string `json:"staging"`         // staging folder (base name), holds db/
	Aside   string `json:"aside,omitempty"` // where the current db/ goes (base name); "" if root had none
}

// swapHook, when set (tests only), runs at each step of a swap; a test makes
// it kill the process to inject a crash there.
var swapHook func(step string)

func hook(step string) {
	if swapHook != nil {
		swapHook(step)
	}
}

// The steps of a swap, in order, as passed to swapHook.
const (
	StepStaged  = "staged"  // staged database complete and verified; nothing moved
	StepIntent  = "intent"  // intent record written; nothing moved
	StepAside   = "aside"   // current db/ moved aside (or the empty db/ removed); no db/ at all
	StepSwapped = "swapped" // staged db/ renamed into place; intent still there
	StepDone    = "done"    // intent removed; the staging folder not yet
)

// plainName reports whether name is one path element that stays inside
// the data folder (an intent record is read back from disk: never trust it
// to name ../something).
func plainName(name string) bool {
	return name != "" && name != "." && name != ".." && filepath.Base(name) == name && !strings.ContainsAny(name, `/\`)
}

// recoverSwap completes or rolls back a swap a crash interrupted. The
// commit point of a swap is the rename of the staged db/ into place: if the
// data folder has a db/ again, the swap is kept; if not, the copy moved
// aside goes back. Either way the staging folder and the intent record go.
// Afterwards, a data folder with no workspace but with copies kept aside
// (a crash of a Wheelhouse without intent records, or a db/ deleted by
// hand) gets its newest copy back: Wheelhouse never starts empty while a
// workspace lies aside. The caller holds the data folder's lock.
func recoverSwap(root string, log *slog.Logger) error {
	path := filepath.Join(root, IntentName)
	b, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return fmt.Errorf("read the swap intent record: %w", err)
	default:
		var in swapIntent
		if err := json.Unmarshal(b, &in); err != nil || !plainName(in.Staging) || (in.Aside != "" && !plainName(in.Aside)) {
			return fmt.Errorf("the swap intent record %s is damaged (%q); move the right copy to %s by hand and delete the record", path, b, DBDir(root))
		}
		_, dbErr := os.Stat(DBDir(root))
		hasDB := dbErr == nil
		staging := filepath.Join(root, in.Staging)
		if !hasDB {
			if in.Aside != "" {
				if _, err := os.Stat(filepath.Join(root, in.Aside)); err == nil {
					if err := os.Rename(filepath.Join(root, in.Aside), DBDir(root)); err != nil {
						return fmt.Errorf("roll back an interrupted swap: move %s back: %w", in.Aside, err)
					}
				}
			}
			log.Warn("rolled back an interrupted import or restore; the workspace is as it was before it", "staging", in.Staging, "aside", in.Aside)
		} else if _, err := os.Stat(DBDir(staging)); err == nil {
			log.Warn("an import or restore was interrupted before it moved anything; the workspace is as it was", "staging", in.Staging)
		} else {
			log.Info("completed an interrupted swap: the new workspace was in place", "aside", in.Aside)
		}
		syncDir(root)
		if err := os.RemoveAll(staging); err != nil {
			return fmt.Errorf("remove the staging folder of an interrupted swap: %w", err)
		}
		if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("remove the swap intent record: %w", err)
		}
		syncDir(root)
	}
	empty, err := IsEmptyDataDir(root)
	if err != nil || !empty {
		return err
	}
	asides, err := Asides(root)
	if err != nil || len(asides) == 0 {
		return err
	}
	newest := asides[len(asides)-1]
	_ = os.Remove(DBDir(root)) // an empty db/, if any
	if err := os.Rename(newest, DBDir(root)); err != nil {
		return fmt.Errorf("the data folder has no workspace, and moving back the copy kept in %s failed: %w", newest, err)
	}
	syncDir(root)
	log.Warn("the data folder had no workspace; moved back the newest copy kept aside", "from", newest)
	return nil
}

// Asides lists the copies of db/ kept aside in root (db.before-*), oldest
// first by the time their database was last written.
func Asides(root string) ([]string, error) {
	entries, err := os.ReadDir(root)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	type aside struct {
		path string
		mod  time.Time
	}
	var as []aside
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), AsidePrefix) {
			continue
		}
		p := filepath.Join(root, e.Name())
		mod := time.Time{}
		if info, err := e.Info(); err == nil {
			mod = info.ModTime()
		}
		// The newest file inside tells when that database was last written.
		if files, err := os.ReadDir(p); err == nil {
			for _, f := range files {
				if info, err := f.Info(); err == nil && info.ModTime().After(mod) {
					mod = info.ModTime()
				}
			}
		}
		as = append(as, aside{p, mod})
	}
	sort.SliceStable(as, func(i, j int) bool {
		if !as[i].mod.Equal(as[j].mod) {
			return as[i].mod.Before(as[j].mod)
		}
		return as[i].path < as[j].path
	})
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.path
	}
	return out, nil
}

// writeIntent records a swap before anything is moved.
func writeIntent(root string, in swapIntent) error {
	b, err := json.Marshal(in)
	if err != nil {
		return err
	}
	if err := WriteFileAtomic(filepath.Join(root, IntentName), func(w io.Writer) error { _, err := w.Write(b); return err }); err != nil {
		return err
	}
	syncDir(root)
	return nil
}

// syncDir makes renames in dir durable (best effort: not every platform
// can fsync a directory).
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		_ = f.Sync()
		f.Close()
	}
}

// stagingName matches the staging folders Stage makes: .<label>-<UTC stamp>
// with an optional -N when two fell in the same second.
var stagingName = regexp.MustCompile(`^\.[a-z]+-[0-9]{8}T[0-9]{6}Z(-[0-9]+)?$`)

// removeLeftovers deletes the staging folders of imports and restores that
// were killed (.import-*, .restore-*) and the temp files of killed atomic
// writes (.tmp-*) in root and its backups folder. Only call it holding
// root's lock: then no live process is writing any of them. (A backup
// written elsewhere with `wheelhouse backup FILE` and killed leaves its temp
// file next to FILE: the next backup into that folder removes it,
// RemoveStaleTemps, and Ctrl+C removes it at once.)
func removeLeftovers(root string, log *slog.Logger) {
	for _, dir := range []string{root, BackupDir(root)} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			name := e.Name()
			stale := (e.IsDir() && dir == root && stagingName.MatchString(name)) ||
				(!e.IsDir() && strings.HasPrefix(name, ".tmp-"))
			if !stale {
				continue
			}
			if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
				log.Warn("could not remove a leftover of an interrupted command", "path", filepath.Join(dir, name), "err", err)
				continue
			}
			log.Info("removed a leftover of an interrupted command", "path", filepath.Join(dir, name))
		}
	}
}
