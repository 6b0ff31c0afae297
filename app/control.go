package app

import (
	"io"

	"wheelhouse/backend/control"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/workspace"
)

// controlHandler answers the command line's `backup` and `export-json` while
// the app holds the data folder (backend/control): on the user's workspace,
// never the demo.
type controlHandler struct{ s *Shell }

func (h controlHandler) mine() (*workspace.Workspace, error) {
	if h.s.Locked() { // the lock covers the command line too: no way around it
		return nil, errs.E(errs.Unavailable, "Wheelhouse is locked. Unlock it in its window, then run the command again.")
	}
	h.s.mu.RLock()
	w, demo := h.s.ws, h.s.demo
	h.s.mu.RUnlock()
	if w == nil || demo {
		return nil, errs.E(errs.Unavailable, "The app does not have your workspace open; run the command again.")
	}
	return w, nil
}

// Serving: the app holds the user's workspace (locked or not: while locked a
// command is refused with the reason, rather than told the folder is in use).
func (h controlHandler) Serving() bool {
	h.s.mu.RLock()
	defer h.s.mu.RUnlock()
	return h.s.ws != nil && !h.s.demo
}

func (h controlHandler) Backup(path string) error {
	w, err := h.mine()
	if err != nil {
		return err
	}
	return w.BackupTo(path)
}

func (h controlHandler) ExportJSON(out io.Writer, withoutPrivate bool, generator string) error {
	w, err := h.mine()
	if err != nil {
		return err
	}
	return w.ExportWith(out, generator, workspace.ExportOptions{WithoutPrivate: withoutPrivate})
}

// startControl answers commands on the data folder's socket; a failure is
// logged (the commands then say the folder is in use, as before).
func (s *Shell) startControl() {
	if s.control != nil {
		return
	}
	srv, err := control.Listen(s.root, controlHandler{s}, s.version, s.log)
	if err != nil {
		s.log.Warn("control socket", "err", err)
		return
	}
	s.control = srv
}
