// Package workspace opens a data directory and wires the services of every
// area onto its store. It also reads and writes the whole workspace as the
// versioned JSON format of docs/data-format.md.
package workspace

import (
	"log/slog"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// Migrations is the ordered list of schema migrations. Schema 1 is the first
// release; add new migrations at the end and never edit an old one.
var Migrations = []store.Migration{
	{Version: 1, Name: "initial schema", Up: func(*store.Store) error { return nil }},
}

// Workspace is one open data directory with its services.
type Workspace struct {
	Root   string
	Store  *store.Store
	Clock  clock.Clock
	Roster *people.Roster
}

// Options configure Open.
type Options struct {
	Logger   *slog.Logger
	Clock    clock.Clock
	InMemory bool
	NoSync   bool
}

// Open opens (or creates) the workspace in root.
func Open(root string, opt Options) (*Workspace, error) {
	if opt.Clock == nil {
		opt.Clock = clock.Real{}
	}
	st, err := store.Open(root, store.Options{
		Logger: opt.Logger, Clock: opt.Clock, Migrations: Migrations,
		InMemory: opt.InMemory, NoSync: opt.NoSync,
	})
	if err != nil {
		return nil, err
	}
	return &Workspace{
		Root: root, Store: st, Clock: opt.Clock,
		Roster: people.NewRoster(st, opt.Clock),
	}, nil
}

// Close closes the store.
func (w *Workspace) Close() error { return w.Store.Close() }
