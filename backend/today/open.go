package today

import (
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/workspace"
)

// Of builds the day of an open workspace at now, in the manager's zone
// (Workspace.ZoneTx), in one read transaction.
func Of(w *workspace.Workspace, now time.Time) (day Day, err error) {
	err = w.Store.View(func(txn *badger.Txn) error {
		day, err = BuildTx(txn, w.Briefs, now, w.ZoneTx(txn))
		return err
	})
	return day, errs.Wrap("today.Of", err)
}
