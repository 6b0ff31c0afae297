package reminder

import (
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
)

// NoLongerDue is the error about a reminder that has no state any more:
// what it was about is done or gone.
func NoLongerDue() error { return errs.E(errs.NotFound, "That reminder is no longer due.") }

// Prior is how a reminder was before a dismiss or snooze: snoozed until
// SnoozedUntil (zero: not snoozed).
type Prior struct {
	Key          string
	SnoozedUntil time.Time
}

// Restore undoes Dismiss and Snooze, in one transaction: each reminder of
// prev is no longer dismissed and is snoozed as it was before. Only those
// two parts of its state change (when it was delivered is kept, so it is
// not delivered again). gone holds the indexes in prev of the reminders no
// longer due, in order; the others are restored.
func (e *Engine) Restore(prev []Prior) (gone []int, err error) {
	err = e.st.Update(func(txn *badger.Txn) error {
		gone = nil // the update may run again after a conflict
		for i, p := range prev {
			st, found, err := getState(txn, p.Key)
			if err != nil {
				return err
			}
			if !found {
				gone = append(gone, i)
				continue
			}
			st.DismissedAt, st.SnoozedUntil = time.Time{}, p.SnoozedUntil
			if !p.SnoozedUntil.IsZero() {
				st.SnoozedUntil = p.SnoozedUntil.UTC()
			}
			if err := putState(txn, st); err != nil {
				return err
			}
		}
		return nil
	})
	return gone, errs.Wrap("reminder.Restore", err)
}
