package store_test

import (
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// PutOps writes each row with its indexes, one op a row; none for no rows.
func TestPutOpsWritesEveryRow(t *testing.T) {
	if ops := recs.PutOps(nil); ops != nil {
		t.Fatalf("no rows: %d ops", len(ops))
	}
	s := open(t, t.TempDir())
	now := time.Now()
	rows := []rec{{ID: id.New(now), Name: "Alpha"}, {ID: id.New(now.Add(time.Millisecond)), Name: "Beta"}}
	ops := recs.PutOps(rows)
	if len(ops) != 2 {
		t.Fatalf("%d ops for 2 rows", len(ops))
	}
	if err := s.Update(store.All(ops...)); err != nil {
		t.Fatal(err)
	}
	_ = s.View(func(txn *badger.Txn) error {
		got, err := recs.List(txn)
		if err != nil || len(got) != 2 || got[0] != rows[0] || got[1] != rows[1] {
			t.Errorf("stored %v, %v", got, err)
		}
		if u := store.Lookup(txn, store.IdxTestName, store.Term("beta")); len(u) != 1 || u[0] != rows[1].ID {
			t.Errorf("name index %v", u)
		}
		return nil
	})
}
