package brief

import (
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
)

// read runs fn in one read transaction of the builder's store with the
// manager's zone and date at now.
func (b *Builder) read(op string, now time.Time, fn func(txn *badger.Txn, today string, loc *time.Location) error) error {
	return errs.Wrap(op, b.Store.View(func(txn *badger.Txn) error {
		loc := b.Zone(txn)
		return fn(txn, civil.Format(now.In(loc)), loc)
	}))
}

// Build is the brief of person at now, in the manager's zone; private 1:1
// notes only when includePrivate.
func (b *Builder) Build(person id.ID, now time.Time, includePrivate bool) (out Brief, err error) {
	err = b.read("brief.Build", now, func(txn *badger.Txn, today string, loc *time.Location) (err error) {
		out, err = b.BuildTx(txn, person, today, now, Options{IncludePrivate: includePrivate, Zone: loc})
		return err
	})
	return out, err
}

// Health is the team health view of a team (zero: everyone) at now, in the
// manager's zone.
func (b *Builder) Health(team id.ID, now time.Time) (out Health, err error) {
	err = b.read("brief.Health", now, func(txn *badger.Txn, today string, loc *time.Location) (err error) {
		out, err = b.HealthTx(txn, team, today, now, loc)
		return err
	})
	return out, err
}
