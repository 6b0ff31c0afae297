// Package testenv is what the backend's tests share: a real store in the
// test's temporary folder, a wait for the store's change tracking, a person
// on the roster, and the check of a field error.
// Tests only; nothing else imports it.
package testenv

import (
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// Store opens a real Badger in t.TempDir() (value-log GC off) and closes it
// when the test ends.
func Store(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(t.TempDir(), store.Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// WaitTracking waits until the store's change tracking vouches for commits
// (it starts in the background when the store opens), so that evaluations
// take the cached path where they can.
func WaitTracking(t testing.TB, st *store.Store) {
	t.Helper()
	for range 500 {
		var before uint64
		_ = st.View(func(txn *badger.Txn) error { before = txn.ReadTs(); return nil })
		if err := st.Update(func(txn *badger.Txn) error { return txn.Set([]byte{0xFF, 't'}, nil) }); err != nil {
			t.Fatal(err)
		}
		vouched := false
		_ = st.View(func(txn *badger.Txn) error {
			vouched = !st.ChangedSince(txn, before, store.PrefixSet(0xFE))
			return nil
		})
		if vouched {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatal("change tracking never started")
}

// FieldErr fails the test unless err is invalid with a message on field
// that contains want.
func FieldErr(t testing.TB, err error, field, want string) {
	t.Helper()
	if !errs.Is(err, errs.Invalid) {
		t.Fatalf("err = %v, want invalid on %s", err, field)
	}
	for _, fe := range errs.FieldsOf(err) {
		if fe.Field == field {
			if !strings.Contains(fe.Message, want) {
				t.Fatalf("%s message %q does not contain %q", field, fe.Message, want)
			}
			return
		}
	}
	t.Fatalf("no error on field %s in %v", field, errs.FieldsOf(err))
}

// Person creates p on the roster (in Europe/Berlin unless it has a zone)
// and fails the test if it cannot.
func Person(t testing.TB, r *people.Roster, p people.Person) people.Person {
	t.Helper()
	if p.TimeZone == "" {
		p.TimeZone = "Europe/Berlin"
	}
	out, err := r.CreatePerson(p)
	if err != nil {
		t.Fatalf("create %s: %v", p.Name, err)
	}
	return out
}
