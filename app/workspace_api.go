package app

import (
	"wheelhouse/backend/datadir"
	"wheelhouse/backend/store"
)

// WorkspaceAPI is bound to the frontend: which workspace is open, switching
// between the user's and the demo workspace.
type WorkspaceAPI struct{ s *Shell }

// NewWorkspaceAPI binds to shell s.
func NewWorkspaceAPI(s *Shell) *WorkspaceAPI { return &WorkspaceAPI{s} }

// WorkspaceInfo describes the open workspace.
type WorkspaceInfo struct {
	Version  string    `json:"version"`
	DataDir  string    `json:"dataDir"`
	Path     string    `json:"path"` // the open workspace's folder (the demo's own when in the demo)
	Demo     bool      `json:"demo"`
	Empty    bool      `json:"empty"`
	Schema   int       `json:"schema"`
	OpenErr  *APIError `json:"openError"` // set when no workspace could be opened
	Platform string    `json:"platform"`
	// Locked: the user's workspace is encrypted and waits for its
	// passphrase (Unlock); OpenErr then says so.
	Locked bool `json:"locked"`
	// RememberNote: Unlock was asked to remember the workspace on this
	// computer and could not (why); "" otherwise.
	RememberNote string `json:"rememberNote"`
}

// Info reports the open workspace. It never fails: a failure to open is
// reported in OpenErr, so the UI can explain it.
func (a *WorkspaceAPI) Info() WorkspaceInfo {
	info := WorkspaceInfo{Version: a.s.version, DataDir: a.s.root, Platform: platform()}
	w, err := a.s.workspace()
	if err != nil {
		ae, _ := toAPI(a.s.log, "workspace.Info", err).(*APIError)
		info.OpenErr = ae
		info.Locked = store.NeedsPassphrase(err) || store.WrongPassphrase(err)
		return info
	}
	a.s.mu.RLock()
	info.Demo = a.s.demo
	a.s.mu.RUnlock()
	info.Path = w.Root
	info.Schema = w.Store.Schema()
	empty, err := w.IsEmpty()
	info.Empty = empty && err == nil
	return info
}

// OpenDemo switches to the demo workspace (kept in its own folder, generated
// on first use), so demo and real data never mix.
func (a *WorkspaceAPI) OpenDemo() (WorkspaceInfo, error) {
	if err := a.s.switchTo(true); err != nil {
		return a.Info(), toAPI(a.s.log, "workspace.OpenDemo", err)
	}
	return a.Info(), nil
}

// OpenMine switches back to the user's own workspace.
func (a *WorkspaceAPI) OpenMine() (WorkspaceInfo, error) {
	if err := a.s.switchTo(false); err != nil {
		return a.Info(), toAPI(a.s.log, "workspace.OpenMine", err)
	}
	return a.Info(), nil
}

// DemoPath is where the demo workspace lives.
func (a *WorkspaceAPI) DemoPath() string { return datadir.Demo(a.s.root) }

// Unlock opens the user's encrypted workspace with its passphrase. A wrong
// passphrase is an error on the field "passphrase" (after five in a row each
// try waits); the workspace stays locked. With remember, its key is kept in
// the OS keyring so the next start needs no passphrase (decision 0027); when
// that fails the workspace opens all the same and RememberNote says why.
func (a *WorkspaceAPI) Unlock(passphrase string, remember bool) (WorkspaceInfo, error) {
	note, err := a.s.Unlock(passphrase, remember)
	if err != nil {
		return a.Info(), toAPI(a.s.log, "workspace.Unlock", err)
	}
	info := a.Info()
	info.RememberNote = note
	return info, nil
}

// KeyringDTO says whether the OS keyring can remember the workspace.
type KeyringDTO struct {
	Available bool   `json:"available"`
	Reason    string `json:"reason"` // why not, when not available
}

// Keyring says whether "remember on this computer" can be offered (the
// unlock screen asks before showing the option). It may take a few seconds
// when the keyring does not answer.
func (a *WorkspaceAPI) Keyring() KeyringDTO {
	r := a.s.keyringReason()
	return KeyringDTO{Available: r == "", Reason: r}
}
