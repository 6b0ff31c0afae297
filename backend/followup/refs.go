package followup

import (
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// PersonRefs takes follow-ups into the hard delete of a person (register it
// with people.Roster.AddPersonRefs).
//
// Choice: a deleted person's follow-ups are kept, not deleted and not
// refused. The work they stand for still matters (a review's follow-up does
// not stop being needed because its owner left), and the delete is an
// explicit, confirmed act that must not be blocked by dozens of items. The
// items keep everything but the owner: OwnerID becomes Nil and OwnerRemoved
// is set, the only case in which an item may be without owner. They show up
// in the follow-ups view under "no owner" until someone takes them over (any
// Update that sets an owner clears the flag).
type PersonRefs struct{ Clock clock.Clock }

func ownedBy(txn *badger.Txn, person id.ID) (ids []id.ID, open int, err error) {
	p := store.Key(store.IdxFollowUpOwner, person)
	err = store.Keys(txn, store.Range{Prefix: p}, func(k []byte) error {
		ids = append(ids, store.LastID(k))
		if st, ok := lpString(k[len(p) : len(k)-16]); ok && Status(st).IsOpen() {
			open++
		}
		return nil
	})
	return ids, open, err
}

// Describe says what the delete does to the person's follow-ups.
func (r PersonRefs) Describe(txn *badger.Txn, person id.ID) ([]string, error) {
	ids, open, err := ownedBy(txn, person)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	name := "them"
	if p, err := people.Persons.Get(txn, person); err == nil {
		name = p.Name
	}
	n := fmt.Sprintf("%d follow-ups", len(ids))
	if len(ids) == 1 {
		n = "1 follow-up"
	}
	return []string{fmt.Sprintf("%s owned by %s (%d still open): they are kept and left without an owner, marked \"owner removed\", until you hand them to someone.", n, name, open)}, nil
}

// Detach leaves the person's follow-ups without owner, inside the delete
// transaction.
func (r PersonRefs) Detach(txn *badger.Txn, person id.ID) error {
	ids, _, err := ownedBy(txn, person)
	if err != nil {
		return err
	}
	c := r.Clock
	if c == nil {
		c = clock.Real{}
	}
	now := c.Now().UTC()
	for _, u := range ids {
		it, err := Items.Get(txn, u)
		if err != nil {
			return err
		}
		it.OwnerID, it.OwnerRemoved, it.UpdatedAt = id.Nil, true, now
		if err := Items.Put(txn, &it); err != nil {
			return err
		}
	}
	return nil
}
