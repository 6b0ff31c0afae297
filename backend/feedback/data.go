package feedback

import (
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// Data is the feedback part of the workspace JSON file ("feedback").
type Data struct {
	Settings Settings `json:"settings"`
	Entries  []Entry  `json:"entries"`
}

// LoadDataTx reads the settings and every entry.
func LoadDataTx(txn *badger.Txn) (d Data, err error) {
	if d.Settings, err = SettingsTx(txn); err != nil {
		return d, err
	}
	d.Entries, err = Entries.List(txn)
	if d.Entries == nil {
		d.Entries = []Entry{}
	}
	return d, err
}

// Check normalizes and validates the data as part of a workspace file.
func (d *Data) Check(claim func(where string, u id.ID), add func(where, format string, a ...any),
	addErr func(where string, err error), person func(id.ID) bool) {
	if d.Entries == nil {
		d.Entries = []Entry{}
	}
	if d.Settings.StaleDays == 0 {
		d.Settings.StaleDays = DefaultStaleDays
	}
	if d.Settings.StaleDays < 1 || d.Settings.StaleDays > 90 {
		add("feedback.settings staleDays", "drafts go stale after 1 to 90 days")
	}
	f := store.File{Claim: claim, Add: add, AddErr: addErr}
	for i := range d.Entries {
		e := &d.Entries[i]
		where := fmt.Sprintf("feedback.entries[%d]", i)
		f.Record(where, e.ID, e)
		f.Ref(where, "personId", "person", e.PersonID, person)
	}
}

// Ops are the writes that store validated data.
func (d *Data) Ops() []store.Op {
	ops := []store.Op{func(txn *badger.Txn) error { return PutSettingsTx(txn, d.Settings) }}
	return append(ops, Entries.PutOps(d.Entries)...)
}
