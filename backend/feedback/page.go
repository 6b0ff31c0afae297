package feedback

import (
	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
)

// PersonPage is a person's feedback with its balance.
type PersonPage struct {
	Entries  []Entry  `json:"entries"` // newest first
	Balance  Balance  `json:"balance"`
	Settings Settings `json:"settings"`
	Today    string   `json:"today"`
}

// Page reads a person's feedback and balance on today (the manager's date)
// in one transaction.
func (s *Service) Page(person id.ID, today string) (PersonPage, error) {
	out := PersonPage{Today: today}
	err := s.st.View(func(txn *badger.Txn) (err error) {
		if _, err = people.Persons.Get(txn, person); err != nil {
			return err
		}
		if out.Entries, err = ForPersonTx(txn, person); err != nil {
			return err
		}
		if out.Settings, err = SettingsTx(txn); err != nil {
			return err
		}
		out.Balance, err = BalanceTx(txn, person, today)
		return err
	})
	if out.Entries == nil {
		out.Entries = []Entry{}
	}
	return out, errs.Wrap("feedback.Page", err)
}
