package pages

import (
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// PersonRefs takes part in the hard delete of a person (people.PersonRefs):
// their pages leave the responder index. The page records keep the id of
// the removed person, which names nobody; importing the file again files
// each page under whoever matches then. (Rewriting every page would not fit
// the one transaction of the delete for someone with thousands of pages;
// the index entries are keys only.)
type PersonRefs struct{}

// Describe says how many pages lose their responder.
func (PersonRefs) Describe(txn *badger.Txn, person id.ID) ([]string, error) {
	n := store.CountPrefix(txn, store.Key(store.IdxPageResponder, person))
	switch n {
	case 0:
		return nil, nil
	case 1:
		return []string{"1 imported page loses its responder (importing its file again files it under whoever matches then)."}, nil
	}
	return []string{fmt.Sprintf("%d imported pages lose their responder (importing their file again files them under whoever matches then).", n)}, nil
}

// Detach removes the person's entries from the responder index.
func (PersonRefs) Detach(txn *badger.Txn, person id.ID) error {
	var keys [][]byte
	if err := store.Keys(txn, store.Prefix(store.IdxPageResponder, person), func(k []byte) error {
		keys = append(keys, append([]byte(nil), k...))
		return nil
	}); err != nil {
		return err
	}
	for _, k := range keys {
		if err := txn.Delete(k); err != nil {
			return err
		}
	}
	return nil
}
