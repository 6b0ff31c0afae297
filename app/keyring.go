package app

import (
	"encoding/base64"
	"errors"
	"path/filepath"
	"strings"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/secrets"
	"wheelhouse/backend/store"
	"wheelhouse/backend/workspace"
)

// "Remember on this computer" (decision 0027): the master key of the user's
// encrypted workspace, not its passphrase, kept in the OS keyring under the
// data folder's absolute path. The next start opens the workspace with it
// and asks for nothing. It is never written to a file.

// keyringService names Wheelhouse's entries in the OS keyring.
const keyringService = "Wheelhouse"

// rememberedFormat prefixes a remembered key (base64 of the 32 bytes).
const rememberedFormat = "wheelhouse-master-key-1:"

// noKeyring is the Store of a shell configured without one (tests).
type noKeyring struct{}

var errNoKeyring = errors.New("the system keyring is unavailable: this run of Wheelhouse does not use it")

func (noKeyring) Get(string, string) (string, error) { return "", errNoKeyring }
func (noKeyring) Set(string, string, string) error   { return errNoKeyring }
func (noKeyring) Delete(string, string) error        { return errNoKeyring }

// keyringAccount is the workspace's entry: its data folder.
func (s *Shell) keyringAccount() string {
	root, err := filepath.Abs(s.root)
	if err != nil {
		root = s.root
	}
	return "workspace key: " + filepath.Clean(root)
}

// keyringReason is why the keyring cannot be used now ("" when it can).
func (s *Shell) keyringReason() string {
	err := secrets.Probe(s.secrets)
	if err == nil {
		return ""
	}
	if errors.Is(err, errNoKeyring) {
		return errNoKeyring.Error()
	}
	msg := err.Error()
	return strings.ToUpper(msg[:1]) + msg[1:] + "."
}

// rememberedKey reads the remembered master key of the user's workspace.
func (s *Shell) rememberedKey() (*store.MasterKey, error) {
	v, err := s.secrets.Get(keyringService, s.keyringAccount())
	if err != nil {
		return nil, err
	}
	b, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(v, rememberedFormat))
	if !strings.HasPrefix(v, rememberedFormat) || err != nil || len(b) != 32 {
		return nil, errors.New("the keyring entry is not a Wheelhouse key")
	}
	return store.KeyFromMaster(s.root, b)
}

// openRemembered opens the user's encrypted workspace with the key
// remembered in the keyring, if there is one that fits. Caller holds s.mu.
func (s *Shell) openRemembered() (*workspace.Workspace, bool) {
	k, err := s.rememberedKey()
	if err != nil {
		if !errors.Is(err, secrets.ErrNotFound) && !errors.Is(err, errNoKeyring) {
			s.log.Warn("no remembered key from the system keyring", "err", err)
		}
		return nil, false
	}
	o := s.wsOptions(false)
	o.Passphrase, o.Key = nil, k
	w, err := workspace.Open(s.root, o)
	if err != nil {
		if store.KeyMismatch(err) {
			// Another key than this workspace's (it was re-encrypted): useless.
			s.log.Warn("the key remembered in the system keyring does not open this workspace; forgetting it")
			_ = s.secrets.Delete(keyringService, s.keyringAccount())
		} else {
			s.log.Warn("opening with the remembered key", "err", err)
		}
		return nil, false
	}
	s.log.Info("opened with the key remembered in the system keyring")
	return w, true
}

// remember keeps the open workspace's key in the keyring.
func (s *Shell) remember(w *workspace.Workspace) error {
	k := w.Store.Key()
	if k == nil {
		return errs.E(errs.Conflict, "This workspace is not encrypted: there is nothing to remember.")
	}
	v := rememberedFormat + base64.StdEncoding.EncodeToString(k.Master())
	if err := s.secrets.Set(keyringService, s.keyringAccount(), v); err != nil {
		return errs.E(errs.Unavailable, "Not remembered on this computer: %s", reasonText(err))
	}
	return nil
}

// forget removes the remembered key; nothing remembered is no error.
func (s *Shell) forget() error {
	err := s.secrets.Delete(keyringService, s.keyringAccount())
	if err == nil || errors.Is(err, secrets.ErrNotFound) {
		return nil
	}
	return errs.E(errs.Unavailable, "Could not forget the key on this computer: %s", reasonText(err))
}

// remembered reports whether the keyring holds a key for the workspace.
func (s *Shell) remembered() bool {
	_, err := s.secrets.Get(keyringService, s.keyringAccount())
	return err == nil
}

func reasonText(err error) string {
	msg := err.Error()
	return strings.ToLower(msg[:1]) + msg[1:] + "."
}
