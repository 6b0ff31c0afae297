package workspace

import (
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
)

// The manager's time zone belongs to the workspace: review due dates, the
// Markdown of incidents, the 1:1 brief and page, team health, Today, snooze
// choices and "today" itself are all in it. It is the zone chosen in the
// settings (stored with the reminder settings), else the machine's
// (Options.Zone), else UTC.

// ZoneTx is the manager's zone, read inside txn.
func (w *Workspace) ZoneTx(txn *badger.Txn) *time.Location { return w.Reminders.LocationTx(txn) }

// Location is the manager's zone (one read transaction of its own).
func (w *Workspace) Location() *time.Location {
	loc := time.UTC
	_ = w.Store.View(func(txn *badger.Txn) error {
		loc = w.ZoneTx(txn)
		return nil
	})
	return loc
}

// Today is the manager's civil date at now.
func (w *Workspace) Today(now time.Time) string { return civil.Format(now.In(w.Location())) }
