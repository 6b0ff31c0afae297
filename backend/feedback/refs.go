package feedback

import (
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/id"
)

// PersonRefs deletes a person's feedback with them.
type PersonRefs struct{}

// Describe says what the delete does to feedback.
func (PersonRefs) Describe(txn *badger.Txn, person id.ID) ([]string, error) {
	n := len(FactsTx(txn, person))
	if n == 0 {
		return nil, nil
	}
	what := fmt.Sprintf("%d feedback entries", n)
	if n == 1 {
		what = "1 feedback entry"
	}
	return []string{what + " for them are deleted."}, nil
}

// Detach deletes the person's feedback inside the delete transaction.
func (PersonRefs) Detach(txn *badger.Txn, person id.ID) error {
	for _, f := range FactsTx(txn, person) {
		if err := Entries.Delete(txn, f.ID); err != nil {
			return err
		}
	}
	return nil
}
