// Package backup makes backups happen: a daily automatic backup of the open
// workspace into a folder the manager chooses, verified after writing by
// restoring it into a temporary folder, kept as 7 daily and 4 weekly copies
// (both counts in Settings), and the summary of what a backup file holds, so
// a restore can show it before it replaces anything.
package backup

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/store"
)

// Settings of the automatic backups.
type Settings struct {
	Enabled bool `json:"enabled"`
	// Folder holds the backups; "" is the data folder's own backups/ (on
	// the same disk: choose another one, e.g. a synced or external drive).
	Folder     string `json:"folder,omitempty"`
	KeepDaily  int    `json:"keepDaily"`  // the newest backup of each of the last N days that have one
	KeepWeekly int    `json:"keepWeekly"` // then the newest of each of N ISO weeks before those
}

// DefaultSettings: on, in the data folder, 7 daily and 4 weekly.
func DefaultSettings() Settings { return Settings{Enabled: true, KeepDaily: 7, KeepWeekly: 4} }

// Validate checks the settings, with field errors.
func (s *Settings) Validate() error {
	var c errs.Collector
	s.Folder = strings.TrimSpace(s.Folder)
	if s.Folder != "" && !filepath.IsAbs(s.Folder) {
		c.Add("folder", "Choose a full path, like /home/you/Backups.")
	}
	if s.KeepDaily < 1 || s.KeepDaily > 90 {
		c.Add("keepDaily", "Keep from 1 to 90 daily backups.")
	}
	if s.KeepWeekly < 0 || s.KeepWeekly > 104 {
		c.Add("keepWeekly", "Keep from 0 to 104 weekly backups.")
	}
	return c.Err()
}

// Status is what the last automatic or manual backup did.
type Status struct {
	LastAt      time.Time `json:"lastAt,omitzero" ts_type:"string"`
	LastPath    string    `json:"lastPath,omitempty"`
	LastBytes   int64     `json:"lastBytes,omitempty"`
	LastSummary *Summary  `json:"lastSummary,omitempty"` // what the verification read back
	LastError   string    `json:"lastError,omitempty"`
	LastErrorAt time.Time `json:"lastErrorAt,omitzero" ts_type:"string"`
}

// Summary is what a backup holds, read back from a restore of it.
type Summary struct {
	People    int `json:"people"`
	Teams     int `json:"teams"`
	Incidents int `json:"incidents"`
	FollowUps int `json:"followUps"`
	Rotations int `json:"rotations"`
	Meetings  int `json:"meetings"`
	Feedback  int `json:"feedback"`
	Records   int `json:"records"` // every key
	Schema    int `json:"schema"`
}

// File is a backup in the folder.
type File struct {
	Path  string    `json:"path"`
	Name  string    `json:"name"`
	At    time.Time `json:"at" ts_type:"string"`
	Bytes int64     `json:"bytes"`
}

var (
	keySettings = store.Key(store.PrefixSetting, "backup")
	keyStatus   = store.Key(store.PrefixSetting, "backup-status")
)

// Every is how often an automatic backup is due.
const Every = 24 * time.Hour

// Service runs the backups of one open workspace.
type Service struct {
	// Migrations of the workspace, so a verification opens the restored
	// copy as the app would.
	Migrations []store.Migration

	st    *store.Store
	clock clock.Clock
	log   *slog.Logger
	root  string
	run   sync.Mutex // one backup at a time
}

// NewService serves the workspace of store st, in data folder root.
func NewService(st *store.Store, c clock.Clock, log *slog.Logger) *Service {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Service{st: st, clock: c, log: log, root: st.Root()}
}

// Settings reads the settings (the defaults when never saved).
func (s *Service) Settings() (out Settings, err error) {
	out = DefaultSettings()
	err = s.st.View(func(txn *badger.Txn) error {
		_, err := store.GetJSON(txn, keySettings, &out)
		return err
	})
	return out, errs.Wrap("backup.Settings", err)
}

// SaveSettings validates and stores the settings. A folder is created when
// missing and must be writable.
func (s *Service) SaveSettings(in Settings) (Settings, error) {
	if err := in.Validate(); err != nil {
		return in, err
	}
	if in.Folder != "" {
		if err := writable(in.Folder); err != nil {
			return in, errs.FieldErr("folder", "Cannot write backups to %s: %v", in.Folder, err)
		}
	}
	err := s.st.Update(func(txn *badger.Txn) error { return store.PutJSON(txn, keySettings, in) })
	return in, errs.Wrap("backup.SaveSettings", err)
}

// Status reads what the last backup did.
func (s *Service) Status() (out Status, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		_, err := store.GetJSON(txn, keyStatus, &out)
		return err
	})
	return out, errs.Wrap("backup.Status", err)
}

// Folder is where the backups go under settings set.
func (s *Service) Folder(set Settings) string {
	if set.Folder != "" {
		return set.Folder
	}
	return store.BackupDir(s.root)
}

// Due reports whether an automatic backup should run now.
func (s *Service) Due() (bool, error) {
	set, err := s.Settings()
	if err != nil || !set.Enabled {
		return false, err
	}
	st, err := s.Status()
	if err != nil {
		return false, err
	}
	now := s.clock.Now()
	if !st.LastErrorAt.IsZero() && st.LastErrorAt.After(st.LastAt) && now.Sub(st.LastErrorAt) < time.Hour {
		return false, nil // a failed backup is retried hourly, not at every tick
	}
	return st.LastAt.IsZero() || now.Sub(st.LastAt) >= Every, nil
}

// RunIfDue makes the automatic backup when it is due; ran says whether it
// did.
func (s *Service) RunIfDue() (ran bool, f File, err error) {
	due, err := s.Due()
	if err != nil || !due {
		return false, File{}, err
	}
	f, err = s.Now()
	return true, f, err
}

// fileRe names an automatic backup: wheelhouse-20261205T010500Z.backup. Only
// such files are ever pruned.
var fileRe = regexp.MustCompile(`^wheelhouse-(\d{8}T\d{6}Z)\.backup$`)

const stampLayout = "20060102T150405Z"

// Now writes a backup into the folder, verifies it by restoring it into a
// temporary folder, prunes old backups and records the status (also when it
// fails: the app shows the error).
func (s *Service) Now() (File, error) {
	s.run.Lock()
	defer s.run.Unlock()
	set, err := s.Settings()
	if err != nil {
		return File{}, err
	}
	now := s.clock.Now().UTC()
	dir := s.Folder(set)
	f, sum, err := s.write(dir, now)
	st, _ := s.Status()
	if err != nil {
		st.LastError, st.LastErrorAt = err.Error(), now
		s.log.Error("backup failed", "folder", dir, "err", err)
	} else {
		st.LastAt, st.LastPath, st.LastBytes, st.LastSummary, st.LastError = now, f.Path, f.Bytes, &sum, ""
		if removed, perr := Prune(dir, set.KeepDaily, set.KeepWeekly); perr != nil {
			s.log.Warn("pruning backups", "folder", dir, "err", perr)
		} else if len(removed) > 0 {
			s.log.Info("pruned backups", "folder", dir, "removed", len(removed))
		}
	}
	if perr := s.st.Update(func(txn *badger.Txn) error { return store.PutJSON(txn, keyStatus, st) }); perr != nil && err == nil {
		err = perr
	}
	// The stream and the check that restores it (a second Badger in a
	// temporary folder) leave a hundred MB or more of garbage on the large
	// demo; a daily job returns it to the system at once rather than keep
	// the app's resident memory that high until the Go runtime scavenges it.
	debug.FreeOSMemory()
	return f, err
}

func (s *Service) write(dir string, now time.Time) (File, Summary, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return File{}, Summary{}, errs.E(errs.Unavailable, "Cannot create the backup folder %s: %v", dir, err)
	}
	path := filepath.Join(dir, "wheelhouse-"+now.Format(stampLayout)+".backup")
	if err := s.st.BackupToFile(path); err != nil {
		return File{}, Summary{}, errs.E(errs.Unavailable, "Cannot write the backup to %s: %v", path, err)
	}
	sum, err := InspectKeyed(path, s.Migrations, s.st.Key())
	if err != nil {
		_ = os.Remove(path) // an unreadable backup is not a backup
		return File{}, Summary{}, fmt.Errorf("the backup did not read back, so it was removed: %w", err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return File{}, Summary{}, err
	}
	return File{Path: path, Name: filepath.Base(path), At: now, Bytes: fi.Size()}, sum, nil
}

// Inspect restores a backup file into a temporary folder and opens it as
// the app would (migrations: the workspace's), and says what it holds.
// Nothing else is touched.
func Inspect(path string, migrations []store.Migration) (Summary, error) {
	return InspectKeyed(path, migrations, nil)
}

// InspectKeyed is Inspect for a backup of an encrypted workspace made with
// key (the open workspace's; nil for a plaintext one).
func InspectKeyed(path string, migrations []store.Migration, key *store.MasterKey) (Summary, error) {
	f, err := os.Open(path)
	if err != nil {
		return Summary{}, errs.E(errs.Invalid, "Cannot open %s: %v", path, err)
	}
	defer f.Close()
	tmp, err := os.MkdirTemp("", "wheelhouse-verify-*")
	if err != nil {
		return Summary{}, errs.E(errs.Unavailable, "Cannot make a temporary folder: %v", err)
	}
	defer os.RemoveAll(tmp)
	if err := store.Restore(tmp, f, store.Options{Key: key}); err != nil {
		return Summary{}, err
	}
	st, err := store.Open(tmp, store.Options{Migrations: migrations, Key: key})
	if err != nil {
		return Summary{}, err
	}
	defer st.Close()
	var sum Summary
	sum.Schema = st.Schema()
	err = st.View(func(txn *badger.Txn) error {
		for _, c := range []struct {
			n *int
			p byte
		}{{&sum.People, store.PrefixPerson}, {&sum.Teams, store.PrefixTeam}, {&sum.Incidents, store.PrefixIncident},
			{&sum.FollowUps, store.PrefixFollowUp}, {&sum.Rotations, store.PrefixRotation}, {&sum.Meetings, store.PrefixMeeting},
			{&sum.Feedback, store.PrefixFeedback}} {
			*c.n = store.CountPrefix(txn, []byte{c.p})
		}
		sum.Records = store.CountPrefix(txn, nil)
		return nil
	})
	return sum, err
}

// List lists the automatic backups in the folder, newest first.
func List(dir string) ([]File, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return []File{}, nil
	}
	if err != nil {
		return nil, err
	}
	out := []File{}
	for _, e := range entries {
		m := fileRe.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		at, err := time.Parse(stampLayout, m[1])
		if err != nil {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, File{Path: filepath.Join(dir, e.Name()), Name: e.Name(), At: at, Bytes: fi.Size()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].At.After(out[j].At) })
	return out, nil
}

// Keep says which of the backups (newest first) retention keeps: the newest
// of each of the last keepDaily days that have one, then the newest of each
// of keepWeekly ISO weeks older than those days. Days and weeks are UTC.
func Keep(files []File, keepDaily, keepWeekly int) map[string]bool {
	keep := map[string]bool{}
	days := map[string]bool{}
	var oldestDay string
	for _, f := range files {
		d := f.At.UTC().Format("2006-01-02")
		if days[d] {
			continue
		}
		if len(days) == keepDaily {
			break
		}
		days[d], keep[f.Path], oldestDay = true, true, d
	}
	weeks := map[string]bool{}
	for _, f := range files {
		d := f.At.UTC().Format("2006-01-02")
		if d >= oldestDay || len(weeks) == keepWeekly {
			continue
		}
		y, w := f.At.UTC().ISOWeek()
		k := fmt.Sprintf("%d-W%02d", y, w)
		if weeks[k] {
			continue
		}
		weeks[k], keep[f.Path] = true, true
	}
	return keep
}

// Prune removes the automatic backups in dir that Keep does not keep. Other
// files are never touched.
func Prune(dir string, keepDaily, keepWeekly int) (removed []string, err error) {
	files, err := List(dir)
	if err != nil {
		return nil, err
	}
	keep := Keep(files, keepDaily, keepWeekly)
	for _, f := range files {
		if keep[f.Path] {
			continue
		}
		if rerr := os.Remove(f.Path); rerr != nil {
			err = errors.Join(err, rerr)
			continue
		}
		removed = append(removed, f.Path)
	}
	return removed, err
}

func writable(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".wheelhouse-write-test-*")
	if err != nil {
		return err
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}
