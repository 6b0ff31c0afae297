package oncall

import (
	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// migrateBatch bounds the rotations one migration transaction rewrites.
const migrateBatch = 200

// MigrateScheduleNamesToTeams is schema migration 2 ("rotations belong to
// teams"): every rotation without a team whose schedule name is the name of
// a team (case-insensitive, as team names are unique) joins that team and
// loses the schedule name, which the team's name now stands for. A schedule
// name no team has is left as it is: such rotations are still grouped by it
// until the manager chooses a team. Idempotent (a rotation that has a team
// is never touched again), in batches, with the team index written in the
// same transaction as each rotation. UpdatedAt is kept: nobody edited them.
func MigrateScheduleNamesToTeams(st *store.Store) error {
	var ids []id.ID
	err := st.View(func(txn *badger.Txn) error {
		return Rotations.Each(txn, func(r *Rotation) error {
			if r.TeamID.IsZero() && store.Fold(r.ScheduleName) != "" {
				ids = append(ids, r.ID)
			}
			return nil
		})
	})
	if err != nil {
		return err
	}
	for len(ids) > 0 {
		batch := ids[:min(migrateBatch, len(ids))]
		ids = ids[len(batch):]
		err := st.Update(func(txn *badger.Txn) error {
			for _, u := range batch {
				r, err := Rotations.Get(txn, u)
				if errs.Is(err, errs.NotFound) {
					continue
				} else if err != nil {
					return err
				}
				if !r.TeamID.IsZero() || store.Fold(r.ScheduleName) == "" {
					continue
				}
				team, ok := TeamNamed(txn, r.ScheduleName)
				if !ok {
					continue
				}
				r.TeamID, r.ScheduleName = team, ""
				if err := Rotations.Put(txn, &r); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// TeamNamed finds a team by name (case-insensitive).
func TeamNamed(txn *badger.Txn, name string) (id.ID, bool) {
	ids := store.Lookup(txn, store.IdxTeamName, store.Term(store.Fold(name)))
	if len(ids) == 0 {
		return id.Nil, false
	}
	return ids[0], true
}
