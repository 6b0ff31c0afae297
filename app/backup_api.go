package app

import (
	"os"
	"time"

	"wheelhouse/backend/backup"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/store"
	"wheelhouse/backend/workspace"
)

// BackupAPI is bound to the frontend: Settings → Backups. Automatic daily
// backups (verified, pruned), a backup now, a backup saved where the user
// chooses, and a restore that shows what a backup holds before it replaces
// anything.
type BackupAPI struct{ s *Shell }

// NewBackupAPI binds to shell s.
func NewBackupAPI(s *Shell) *BackupAPI { return &BackupAPI{s} }

// BackupOverview is the Backups panel.
type BackupOverview struct {
	Settings      backup.Settings `json:"settings"`
	Status        backup.Status   `json:"status"`
	Folder        string          `json:"folder"`        // where they go now
	DefaultFolder string          `json:"defaultFolder"` // the data folder's backups/
	Files         []backup.File   `json:"files"`         // the automatic backups there, newest first
	Due           bool            `json:"due"`
	Demo          bool            `json:"demo"` // the demo is never backed up automatically
}

func (a *BackupAPI) overview(w *workspace.Workspace) (BackupOverview, error) {
	var o BackupOverview
	var err error
	if o.Settings, err = w.Backups.Settings(); err != nil {
		return o, err
	}
	if o.Status, err = w.Backups.Status(); err != nil {
		return o, err
	}
	o.Folder, o.DefaultFolder = w.Backups.Folder(o.Settings), store.BackupDir(w.Root)
	if o.Files, err = backup.List(o.Folder); err != nil {
		o.Files = []backup.File{} // an unreadable folder shows in the status of the next backup
	}
	o.Due, _ = w.Backups.Due()
	a.s.mu.RLock()
	o.Demo = a.s.demo
	a.s.mu.RUnlock()
	return o, nil
}

// Overview is the settings, the last backup and the backups kept.
func (a *BackupAPI) Overview() (BackupOverview, error) {
	return read(a.s, "backup.Overview", a.overview)
}

// SaveSettings validates and saves the settings (errors next to the field).
func (a *BackupAPI) SaveSettings(in backup.Settings) (BackupOverview, error) {
	return read(a.s, "backup.SaveSettings", func(w *workspace.Workspace) (BackupOverview, error) {
		if _, err := w.Backups.SaveSettings(in); err != nil {
			return BackupOverview{}, err
		}
		return a.overview(w)
	})
}

// BackupNow writes, verifies and prunes a backup in the backup folder.
func (a *BackupAPI) BackupNow() (BackupOverview, error) {
	return read(a.s, "backup.BackupNow", func(w *workspace.Workspace) (BackupOverview, error) {
		if _, err := w.Backups.Now(); err != nil {
			return BackupOverview{}, err
		}
		return a.overview(w)
	})
}

// SaveBackupAs writes a backup where the user chooses (the native save
// dialog) and verifies it; "" when the user cancelled.
func (a *BackupAPI) SaveBackupAs() (string, error) {
	return read(a.s, "backup.SaveBackupAs", func(w *workspace.Workspace) (string, error) {
		if a.s.dialogs == nil {
			return "", errs.E(errs.Unavailable, "Saving needs the desktop app's file dialog.")
		}
		name := "Wheelhouse " + a.s.clock.Now().Format("2006-01-02") + ".backup"
		path, err := a.s.dialogs.SaveFile(FileName(name), "Wheelhouse backups", "*.backup")
		if err != nil || path == "" {
			return "", err
		}
		if err := w.Store.BackupToFile(path); err != nil {
			return "", errs.E(errs.Unavailable, "Cannot write %s: %v", path, err)
		}
		if _, err := backup.InspectKeyed(path, workspace.Migrations, w.Store.Key()); err != nil {
			os.Remove(path)
			return "", errs.E(errs.Unavailable, "The backup did not read back, so it was removed: %v", errs.MessageOf(err))
		}
		return path, nil
	})
}

// Inspect says what a backup file holds (restored into a temporary folder);
// nothing else is touched.
func (a *BackupAPI) Inspect(path string) (backup.Summary, error) {
	return read(a.s, "backup.Inspect", func(w *workspace.Workspace) (backup.Summary, error) {
		return backup.InspectKeyed(path, workspace.Migrations, w.Store.Key())
	})
}

// ChooseFile asks for a backup file to restore (the native open dialog);
// "" when the user cancelled. Nothing is read yet: Inspect shows what it holds.
func (a *BackupAPI) ChooseFile() (string, error) {
	return a.s.chooseFile("backup.ChooseFile", "Restore a Wheelhouse backup", "Wheelhouse backups (*.backup)", "*.backup")
}

// RestoreResult says what a restore did.
type RestoreResult struct {
	Summary backup.Summary `json:"summary"`
	Aside   string         `json:"aside"` // where the replaced workspace was kept
}

// Restore replaces the user's workspace with the backup at path: it is
// checked first (restored into a temporary folder), then restored into a
// staging folder, checked as an import would and swapped in; the replaced
// workspace is kept aside.
// Refused in the demo (switch to your workspace first).
func (a *BackupAPI) Restore(path string) (RestoreResult, error) {
	res, err := a.s.restore(path)
	return res, toAPI(a.s.log, "backup.Restore", err)
}

func (s *Shell) restore(path string) (RestoreResult, error) {
	cur, err := s.workspace()
	if err != nil {
		return RestoreResult{}, err
	}
	sum, err := backup.InspectKeyed(path, workspace.Migrations, cur.Store.Key())
	if err != nil {
		return RestoreResult{}, err
	}
	var aside string
	err = s.replaceWorkspace("a restore", "The demo is open. Switch to your workspace first; a restore replaces your own workspace.",
		func(*workspace.Workspace) (func() error, error) {
			return func() error {
				f, err := os.Open(path)
				if err != nil {
					return errs.E(errs.Invalid, "Cannot open %s: %v", path, err)
				}
				defer f.Close()
				// checked as an import would, in a staging folder, then swapped in
				aside, err = workspace.RestoreFolder(s.root, f, true, s.wsOptions(false))
				return err
			}, nil
		})
	if err != nil {
		return RestoreResult{}, err
	}
	s.log.Info("workspace restored", "from", path, "aside", aside, "people", sum.People)
	return RestoreResult{Summary: sum, Aside: aside}, nil
}

// runBackups makes the automatic backup of the user's workspace when it is
// due (never of the demo). It runs in the reminder loop's goroutine.
func (s *Shell) runBackups() {
	s.mu.RLock()
	w, demo := s.ws, s.demo
	s.mu.RUnlock()
	if w == nil || demo || !s.backingUp.CompareAndSwap(false, true) {
		return
	}
	go func() {
		defer s.backingUp.Store(false)
		start := s.clock.Now()
		ran, f, err := w.Backups.RunIfDue()
		switch {
		case err != nil:
			s.log.Error("automatic backup", "err", err)
		case ran:
			s.log.Info("automatic backup", "file", f.Path, "bytes", f.Bytes, "took", s.clock.Now().Sub(start).Round(time.Millisecond))
		}
	}()
}
