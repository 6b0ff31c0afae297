package app

import (
	"wheelhouse/backend/errs"
	"wheelhouse/backend/store"
	"wheelhouse/backend/workspace"
)

// EncryptionAPI is bound to the frontend: Settings → Encryption
// (docs/decisions/0022-encryption-at-rest.md). Turning encryption on or off
// rewrites the whole database, so the open workspace is closed, rewritten
// through the staging swap under the data folder's lock, and opened again
// (with the new passphrase, kept in memory like Unlock's); on failure the
// old one is opened again. Changing the passphrase re-wraps the key of the
// open workspace only.
type EncryptionAPI struct{ s *Shell }

// NewEncryptionAPI binds to shell s.
func NewEncryptionAPI(s *Shell) *EncryptionAPI { return &EncryptionAPI{s} }

// EncryptionStatus is the Encryption panel.
type EncryptionStatus struct {
	Encrypted bool `json:"encrypted"`
	Demo      bool `json:"demo"` // the demo is never encrypted: the panel says to switch
}

// Status says whether the open workspace is encrypted.
func (a *EncryptionAPI) Status() (EncryptionStatus, error) {
	return read(a.s, "encryption.Status", func(w *workspace.Workspace) (EncryptionStatus, error) {
		a.s.mu.RLock()
		demo := a.s.demo
		a.s.mu.RUnlock()
		return EncryptionStatus{Encrypted: w.Store.Encrypted(), Demo: demo}, nil
	})
}

// newPassphrase checks a new passphrase and its confirmation (errors on the
// fields "passphrase" and "confirm").
func newPassphrase(p, confirm string) error {
	if p == "" {
		return errs.FieldErr("passphrase", "Enter a passphrase.")
	}
	if len([]rune(p)) < 8 {
		return errs.FieldErr("passphrase", "Use a passphrase of at least 8 characters.")
	}
	if p != confirm {
		return errs.FieldErr("confirm", "The two passphrases differ.")
	}
	return nil
}

// wrongCurrent maps a wrong passphrase to the field "current".
func wrongCurrent(err error) error {
	if store.WrongPassphrase(err) {
		return errs.FieldErr("current", "That is not the current passphrase. Nothing was changed.")
	}
	return err
}

// Encrypt encrypts the user's workspace with passphrase (confirm must be
// the same), re-encrypts its plaintext automatic backups and deletes the
// plaintext copies kept aside (workspace.Encrypt).
func (a *EncryptionAPI) Encrypt(passphrase, confirm string) (workspace.EncryptResult, error) {
	var res workspace.EncryptResult
	err := newPassphrase(passphrase, confirm)
	if err == nil {
		err = a.s.rewrite(false, func(w *workspace.Workspace) (func() error, []byte, error) {
			set, serr := w.Backups.Settings()
			folder := ""
			if serr == nil {
				folder = w.Backups.Folder(set)
			}
			return func() error {
				var err error
				res, err = workspace.Encrypt(a.s.root, a.s.wsOptions(false), []byte(passphrase), folder)
				return err
			}, []byte(passphrase), nil
		})
	}
	return res, toAPI(a.s.log, "encryption.Encrypt", err)
}

// Decrypt stores the user's workspace unencrypted again, after checking
// current (a wrong one is an error on the field "current").
func (a *EncryptionAPI) Decrypt(current string) error {
	err := a.s.rewrite(true, func(w *workspace.Workspace) (func() error, []byte, error) {
		if current == "" {
			return nil, nil, errs.FieldErr("current", "Enter the current passphrase.")
		}
		if err := w.Store.VerifyPassphrase([]byte(current)); err != nil {
			return nil, nil, wrongCurrent(err)
		}
		return func() error { return workspace.Decrypt(a.s.root, a.s.wsOptions(false), []byte(current)) }, nil, nil
	})
	return toAPI(a.s.log, "encryption.Decrypt", err)
}

// ChangePassphrase re-wraps the open workspace's key under passphrase
// (confirm must be the same) after checking current. The database is not
// rewritten; backups made before keep needing the passphrase they were
// made under.
func (a *EncryptionAPI) ChangePassphrase(current, passphrase, confirm string) error {
	if err := newPassphrase(passphrase, confirm); err != nil {
		return toAPI(a.s.log, "encryption.ChangePassphrase", err)
	}
	return change(a.s, "encryption.ChangePassphrase", func(w *workspace.Workspace) error {
		if a.s.isDemo() {
			return errs.E(errs.Conflict, "The demo is open. Switch to your workspace first.")
		}
		if err := w.Store.ChangePassphrase([]byte(current), []byte(passphrase)); err != nil {
			return wrongCurrent(err)
		}
		a.s.mu.Lock()
		a.s.pass = []byte(passphrase)
		a.s.mu.Unlock()
		return nil
	})
}

func (s *Shell) isDemo() bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.demo
}

// rewrite closes the user's workspace, runs the job prepare returns (from
// the open workspace, before it is closed; an error there stops before
// anything is touched) and opens the workspace again:
// with the passphrase prepare returned when the job succeeded, with the
// old one when it failed. wantEncrypted says which state the workspace
// must be in (else a Conflict and nothing is touched).
func (s *Shell) rewrite(wantEncrypted bool, prepare func(w *workspace.Workspace) (func() error, []byte, error)) error {
	if s.Locked() {
		return errLocked
	}
	if s.backingUp.Load() {
		return errs.E(errs.Conflict, "An automatic backup is running. Try again in a moment.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ws == nil {
		if s.openErr != nil {
			return s.openErr
		}
		return errs.E(errs.Unavailable, "No workspace is open.")
	}
	if s.demo {
		return errs.E(errs.Conflict, "The demo is open. Switch to your workspace first; encryption is for your own workspace.")
	}
	if enc := s.ws.Store.Encrypted(); enc != wantEncrypted {
		if enc {
			return errs.E(errs.Conflict, "This workspace is already encrypted.")
		}
		return errs.E(errs.Conflict, "This workspace is not encrypted.")
	}
	job, next, err := prepare(s.ws)
	if err != nil {
		return err // nothing was touched
	}
	if err := s.ws.Close(); err != nil {
		s.log.Error("closing workspace for encryption", "err", err)
	}
	s.ws = nil
	err = job()
	if err == nil {
		s.pass = next
	}
	w, oerr := workspace.Open(s.root, s.wsOptions(false))
	s.ws, s.demo, s.openErr = w, false, oerr
	defer func() {
		go func() {
			s.emit(EventWorkspaceChanged, map[string]bool{"demo": false})
			s.EvaluateReminders()
		}()
	}()
	if err != nil {
		return err
	}
	return oerr
}
