package today

import (
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/store"
	"wheelhouse/backend/workspace"
)

// Cache keeps the last day built, so that asking again soon is free: the
// app builds the day in the background while the window is still starting
// (Warm), and the window's first request takes it. A kept day is given
// only while it is exactly what a build would give now, save its `now`:
// the same store (workspace), the same Badger snapshot (no commit of any
// kind since, so no data it was built from changed), the same zone and the
// same minute (everything on the screen moves on whole minutes at most:
// shift boundaries, due dates, snoozes, "Updated HH:MM"). Otherwise the day
// is built afresh in the caller's transaction. Two callers at once build
// once: the second waits for the first. The zero value is ready to use.
type Cache struct {
	mu     sync.Mutex
	st     *store.Store
	readTs uint64
	minute time.Time
	zone   string
	day    Day
	ok     bool
}

// Of is today.Of through the cache.
func (c *Cache) Of(w *workspace.Workspace, now time.Time) (day Day, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	err = w.Store.View(func(txn *badger.Txn) error {
		loc := w.ZoneTx(txn)
		minute := now.Truncate(time.Minute)
		if c.ok && c.st == w.Store && c.readTs == txn.ReadTs() && c.zone == loc.String() && c.minute.Equal(minute) {
			day = c.day
			return nil
		}
		c.ok = false
		if day, err = BuildTx(txn, w.Briefs, now, loc); err != nil {
			return err
		}
		c.st, c.readTs, c.zone, c.minute, c.day, c.ok = w.Store, txn.ReadTs(), loc.String(), minute, day, true
		return nil
	})
	return day, errs.Wrap("today.Of", err)
}

// Warm builds the day now and keeps it (see Cache).
func (c *Cache) Warm(w *workspace.Workspace, now time.Time) error {
	_, err := c.Of(w, now)
	return err
}
