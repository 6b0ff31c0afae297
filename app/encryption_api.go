package app

import (
	"errors"

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
	// Remembered: the OS keyring holds this workspace's key, so it opens
	// without the passphrase on this computer (decision 0027).
	Remembered bool `json:"remembered"`
	// KeyringReason: why the keyring cannot be used now; "" when it can.
	KeyringReason string `json:"keyringReason"`
}

// Status says whether the open workspace is encrypted.
func (a *EncryptionAPI) Status() (EncryptionStatus, error) {
	return read(a.s, "encryption.Status", func(w *workspace.Workspace) (EncryptionStatus, error) {
		a.s.mu.RLock()
		demo := a.s.demo
		a.s.mu.RUnlock()
		st := EncryptionStatus{Encrypted: w.Store.Encrypted(), Demo: demo}
		if st.Encrypted && !demo {
			if st.KeyringReason = a.s.keyringReason(); st.KeyringReason == "" {
				st.Remembered = a.s.remembered()
			}
		}
		return st, nil
	})
}

// Remember keeps the open workspace's key in the OS keyring: it then opens
// on this computer without the passphrase (decision 0027).
func (a *EncryptionAPI) Remember() error {
	return change(a.s, "encryption.Remember", func(w *workspace.Workspace) error {
		if a.s.isDemo() {
			return errs.E(errs.Conflict, "The demo is open. Switch to your workspace first.")
		}
		return a.s.remember(w)
	})
}

// Forget removes the workspace's key from the OS keyring: the next start
// asks for the passphrase again.
func (a *EncryptionAPI) Forget() error {
	return change(a.s, "encryption.Forget", func(w *workspace.Workspace) error {
		if a.s.isDemo() {
			return errs.E(errs.Conflict, "The demo is open. Switch to your workspace first.")
		}
		return a.s.forget()
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
				if err == nil {
					_ = a.s.forget() // a key remembered for an earlier encryption of this folder is stale
				}
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
		return func() error {
			if err := workspace.Decrypt(a.s.root, a.s.wsOptions(false), []byte(current)); err != nil {
				return err
			}
			// The key no longer opens anything here but old encrypted backups.
			if err := a.s.forget(); err != nil && !errors.Is(err, errNoKeyring) {
				a.s.log.Warn("decrypted; the remembered key stays in the system keyring", "err", err)
			}
			return nil
		}, nil, nil
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
		a.s.pass, a.s.key = []byte(passphrase), w.Store.Key()
		a.s.mu.Unlock()
		// A remembered key stays right: the master key is the same, only
		// its wrapping changed (decision 0027).
		return nil
	})
}

func (s *Shell) isDemo() bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.demo
}

// rewrite replaces the user's workspace with itself rewritten
// (replaceWorkspace): wantEncrypted says which state it must be in (else a
// Conflict and nothing is touched); prepare returns the job and the
// passphrase to reopen it with once the job succeeded.
func (s *Shell) rewrite(wantEncrypted bool, prepare func(w *workspace.Workspace) (func() error, []byte, error)) error {
	return s.replaceWorkspace("encryption", "The demo is open. Switch to your workspace first; encryption is for your own workspace.",
		func(w *workspace.Workspace) (func() error, error) {
			if enc := w.Store.Encrypted(); enc != wantEncrypted {
				if enc {
					return nil, errs.E(errs.Conflict, "This workspace is already encrypted.")
				}
				return nil, errs.E(errs.Conflict, "This workspace is not encrypted.")
			}
			job, next, err := prepare(w)
			if err != nil {
				return nil, err
			}
			return func() error {
				if err := job(); err != nil {
					return err
				}
				s.pass, s.key = next, nil // the key changed: reopen with the passphrase
				return nil
			}, nil
		})
}
