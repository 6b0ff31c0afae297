package calendar

import (
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// ---- references

// PersonRefs takes calendar subscriptions into the hard delete of a person:
// the subscriptions of their time off go (register with
// people.Roster.AddPersonRefs).
type PersonRefs struct{}

// Describe says what the delete does to subscriptions.
func (PersonRefs) Describe(txn *badger.Txn, person id.ID) ([]string, error) {
	var out []string
	for _, u := range store.Lookup(txn, store.IdxCalSubTarget, store.Term(person)) {
		sub, err := Subscriptions.Get(txn, u)
		if err != nil {
			return nil, err
		}
		out = append(out, fmt.Sprintf("The calendar subscription %s (their time off).", sub.Name))
	}
	return out, nil
}

// Detach deletes the subscriptions of the person's time off.
func (PersonRefs) Detach(txn *badger.Txn, person id.ID) error { return DetachTarget(txn, person) }

var _ people.PersonRefs = PersonRefs{}

// DetachTarget deletes the subscriptions into a region or person, inside
// the transaction that deletes it (oncall.Service.AddRegionRefs).
func DetachTarget(txn *badger.Txn, target id.ID) error {
	for _, u := range store.Lookup(txn, store.IdxCalSubTarget, store.Term(target)) {
		if err := deleteSubscriptionTx(txn, u); err != nil {
			return err
		}
	}
	return nil
}
