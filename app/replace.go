package app

import (
	"wheelhouse/backend/errs"
	"wheelhouse/backend/workspace"
)

// replaceWorkspace is the one way the running app replaces the user's
// workspace (restore, import, encrypt, decrypt). Under the shell's lock it
// refuses while the app is locked, while an automatic backup runs, with no
// workspace open and in the demo (inDemo says why, for the user); check then
// runs on the open workspace and returns the swap (an error there stops
// before anything is touched). The workspace is closed, swap runs (it must
// leave the data folder as it was when it fails: staging and the
// recoverable swap do) and whatever is in place is opened again: the new
// workspace, or the old one when swap failed. The frontend is told whenever
// the workspace was closed, so every view (the Backups panel too) reloads.
func (s *Shell) replaceWorkspace(what, inDemo string, check func(w *workspace.Workspace) (swap func() error, err error)) error {
	if s.Locked() {
		return errLocked
	}
	if s.backingUp.Load() {
		return errs.E(errs.Conflict, "An automatic backup is running. Try again in a moment.")
	}
	s.mu.Lock()
	closed := false
	defer func() {
		s.mu.Unlock()
		if closed {
			s.emit(EventWorkspaceChanged, map[string]bool{"demo": false})
			go s.EvaluateReminders()
		}
	}()
	if s.ws == nil {
		if s.openErr != nil {
			return s.openErr
		}
		return errs.E(errs.Unavailable, "No workspace is open.")
	}
	if s.demo {
		return errs.E(errs.Conflict, "%s", inDemo)
	}
	swap, err := check(s.ws)
	if err != nil {
		return err // nothing was touched
	}
	closed = true
	if err := s.ws.Close(); err != nil {
		s.log.Error("closing workspace", "for", what, "err", err)
	}
	s.ws = nil
	err = swap()
	w, oerr := workspace.Open(s.root, s.wsOptions(false))
	s.ws, s.demo, s.openErr, s.key = w, false, oerr, keyOf(w)
	if err != nil {
		return err
	}
	return oerr
}
