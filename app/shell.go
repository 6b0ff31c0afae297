// Package app is the only Go code that imports Wails. It binds one thin API
// struct per area (delegation only) and keeps lifecycle on the Shell, which is
// never bound.
package app

import (
	"log/slog"
	"sync"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/datadir"
	"wheelhouse/backend/demo"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/store"
	"wheelhouse/backend/workspace"
)

// Emitter sends events to the frontend. The Wails implementation lives in
// run.go; tests use a recorder.
type Emitter interface {
	Emit(name string, data any)
}

// Event names (mirrored in frontend/src/lib/api/events.ts).
const (
	EventWorkspaceChanged = "workspace:changed"
)

// Shell owns the open workspace and the app's lifecycle.
type Shell struct {
	log     *slog.Logger
	clock   clock.Clock
	root    string // the user's data folder
	version string

	mu      sync.RWMutex
	ws      *workspace.Workspace
	demo    bool
	openErr error // why the workspace could not be opened at startup
	emitter Emitter
}

// NewShell makes a shell for data folder root; call Open before use.
func NewShell(root, version string, log *slog.Logger, c clock.Clock) *Shell {
	if c == nil {
		c = clock.Real{}
	}
	return &Shell{root: root, version: version, log: log, clock: c}
}

// SetEmitter wires the frontend event sink (set in startup).
func (s *Shell) SetEmitter(e Emitter) {
	s.mu.Lock()
	s.emitter = e
	s.mu.Unlock()
}

func (s *Shell) emit(name string, data any) {
	s.mu.RLock()
	e := s.emitter
	s.mu.RUnlock()
	if e != nil {
		e.Emit(name, data)
	}
}

// Open opens the user's workspace. A failure is kept and shown by the UI
// (e.g. the folder is locked by another Wheelhouse) instead of crashing.
func (s *Shell) Open() error {
	w, err := workspace.Open(s.root, workspace.Options{Logger: s.log, Clock: s.clock})
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ws, s.demo, s.openErr = w, false, err
	if err != nil {
		s.log.Error("cannot open workspace", "dir", s.root, "err", err)
	}
	return err
}

// Close closes the open workspace.
func (s *Shell) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ws != nil {
		if err := s.ws.Close(); err != nil {
			s.log.Error("closing workspace", "err", err)
		}
		s.ws = nil
	}
}

// workspace returns the open workspace, or why there is none.
func (s *Shell) workspace() (*workspace.Workspace, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.ws == nil {
		if s.openErr != nil {
			return nil, s.openErr
		}
		return nil, errs.E(errs.Unavailable, "No workspace is open.")
	}
	return s.ws, nil
}

// switchTo closes the current workspace and opens the demo or the user's one.
// The demo is generated on first use.
func (s *Shell) switchTo(toDemo bool) error {
	dir := s.root
	if toDemo {
		dir = datadir.Demo(s.root)
	}
	s.mu.Lock()
	if s.ws != nil && s.demo == toDemo {
		s.mu.Unlock()
		return nil
	}
	if s.ws != nil {
		if err := s.ws.Close(); err != nil {
			s.log.Error("closing workspace", "err", err)
		}
		s.ws = nil
	}
	var err error
	if empty, _ := store.IsEmptyDataDir(dir); toDemo && empty {
		_, err = demo.Create(dir, demo.Small, workspace.Options{Logger: s.log, Clock: s.clock})
	}
	var w *workspace.Workspace
	if err == nil {
		w, err = workspace.Open(dir, workspace.Options{Logger: s.log, Clock: s.clock})
	}
	if err != nil {
		// Fall back to the user's workspace so the app stays usable.
		s.log.Error("switching workspace", "demo", toDemo, "err", err)
		back, berr := workspace.Open(s.root, workspace.Options{Logger: s.log, Clock: s.clock})
		s.ws, s.demo, s.openErr = back, false, berr
		s.mu.Unlock()
		return err
	}
	s.ws, s.demo, s.openErr = w, toDemo, nil
	s.mu.Unlock()
	s.emit(EventWorkspaceChanged, map[string]bool{"demo": toDemo})
	return nil
}
