package store_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

func TestPrefixes(t *testing.T) {
	s := store.PrefixSet(0x00, 0x3F, 0x40, 0xFF)
	for _, p := range []byte{0x00, 0x3F, 0x40, 0xFF} {
		if !s.Has(p) {
			t.Errorf("PrefixSet misses %#x", p)
		}
	}
	if s.Has(0x01) || s.Has(0x80) || s.Len() != 4 {
		t.Errorf("PrefixSet has extra families: %v (len %d)", s, s.Len())
	}
	all := store.AllPrefixes()
	if all.Len() != 256 {
		t.Fatalf("AllPrefixes has %d families", all.Len())
	}
	w := all.Without(0x30, 0x3F).Without(0xF0, 0xFF)
	if w.Len() != 256-32 || w.Has(0x30) || w.Has(0x3F) || !w.Has(0x2F) || !w.Has(0x40) || w.Has(0xFF) || !w.Has(0xEF) {
		t.Errorf("Without: len %d %v", w.Len(), w)
	}
}

// readTs is the read timestamp of a fresh read transaction.
func readTs(t *testing.T, s *store.Store) uint64 {
	t.Helper()
	var ts uint64
	if err := s.View(func(txn *badger.Txn) error { ts = txn.ReadTs(); return nil }); err != nil {
		t.Fatal(err)
	}
	return ts
}

func changed(t *testing.T, s *store.Store, since uint64, ps ...byte) bool {
	t.Helper()
	var out bool
	if err := s.View(func(txn *badger.Txn) error {
		out = s.ChangedSince(txn, since, store.PrefixSet(ps...))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func set(t *testing.T, s *store.Store, key ...byte) {
	t.Helper()
	if err := s.Update(func(txn *badger.Txn) error { return txn.Set(key, []byte("v")) }); err != nil {
		t.Fatal(err)
	}
}

// tracking waits until the store vouches for commits (the subscription to
// Badger's commits starts in the background when the store opens).
func tracking(t *testing.T, s *store.Store) {
	t.Helper()
	for range 500 {
		ts := readTs(t, s)
		set(t, s, 0xFF, 'x')
		if !changed(t, s, ts, 0xFE) {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatal("change tracking never started")
}

func TestChangedSince(t *testing.T) {
	for _, mode := range []string{"disk", "memory"} {
		t.Run(mode, func(t *testing.T) {
			var s *store.Store
			var err error
			if mode == "disk" {
				s, err = store.Open(t.TempDir(), store.Options{GCInterval: -1})
			} else {
				s, err = store.Open("", store.Options{InMemory: true})
			}
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			tracking(t, s)

			check := func(what string, since uint64, want bool, ps ...byte) {
				t.Helper()
				if got := changed(t, s, since, ps...); got != want {
					t.Errorf("%s: ChangedSince(%d, %x) = %v, want %v", what, since, ps, got, want)
				}
			}
			ts := readTs(t, s)
			check("no commit since", ts, false, 0xF0, 0xF1)

			// A record with its index: both families changed, others not.
			r := rec{ID: id.New(time.Now()), Name: "Ada"}
			if err := s.Update(func(txn *badger.Txn) error { return recs.Put(txn, &r) }); err != nil {
				t.Fatal(err)
			}
			check("Put, record family", ts, true, store.PrefixTest)
			check("Put, index family", ts, true, store.IdxTestName)
			check("Put, other families", ts, false, store.PrefixPerson, store.PrefixSetting, store.PrefixReminderState, 0x21)

			// A delete is a change too.
			ts = readTs(t, s)
			if err := s.Update(func(txn *badger.Txn) error { return recs.Delete(txn, r.ID) }); err != nil {
				t.Fatal(err)
			}
			check("Delete", ts, true, store.PrefixTest)
			check("Delete, other family", ts, false, store.PrefixPerson)

			// WriteChunked and Rewrite commit through Badger too.
			ts = readTs(t, s)
			if err := s.WriteChunked([]store.Op{func(txn *badger.Txn) error { return txn.Set([]byte{0xF5, 1}, []byte("a")) }}); err != nil {
				t.Fatal(err)
			}
			check("WriteChunked", ts, true, 0xF5)
			ts = readTs(t, s)
			if err := s.Rewrite(0xF5, func(k, v []byte) ([]byte, error) { return []byte("b"), nil }); err != nil {
				t.Fatal(err)
			}
			check("Rewrite", ts, true, 0xF5)
			check("Rewrite, other family", ts, false, 0xF4, 0xF6)

			// Families written before since do not count; a later commit does.
			ts = readTs(t, s)
			check("old writes", ts, false, store.PrefixTest, 0xF5)
			set(t, s, 0xF6, 1)
			check("later write, its family", ts, true, 0xF6)
			check("later write, families written earlier", ts, false, store.PrefixTest, 0xF5)

			// A snapshot older than since cannot vouch for anything.
			old := s.DB().NewTransaction(false)
			defer old.Discard()
			set(t, s, 0xF7, 1)
			now := readTs(t, s)
			if !s.ChangedSince(old, now, store.PrefixSet(0xF8)) {
				t.Error("an older snapshot than since must answer changed")
			}
		})
	}
}

// Before the subscription has seen a commit, nothing can be vouched for.
func TestChangedSinceBeforeTracking(t *testing.T) {
	s, err := store.Open("", store.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var first uint64
	_ = s.View(func(txn *badger.Txn) error { first = txn.ReadTs(); return nil })
	// The store's own first commit (marker, schema) came before tracking.
	if first > 0 && !changed(t, s, first-1, 0xF9) {
		t.Error("a commit before tracking started was vouched for")
	}
	tracking(t, s)
	if !changed(t, s, first-1, 0xF9) {
		t.Error("a commit before tracking started was vouched for (after it started)")
	}
}

// Right after each commit, in any goroutine, the change is seen: the check
// waits for Badger's notice instead of racing it.
func TestChangedSinceRightAfterCommit(t *testing.T) {
	s, err := store.Open(t.TempDir(), store.Options{GCInterval: -1, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tracking(t, s)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // other writers, in another family
		defer wg.Done()
		for i := 0; ctx.Err() == nil; i++ {
			_ = s.Update(func(txn *badger.Txn) error { return txn.Set([]byte{0xFA, byte(i)}, nil) })
		}
	}()
	for i := range 300 {
		ts := readTs(t, s)
		set(t, s, 0xFB, byte(i))
		if !changed(t, s, ts, 0xFB) {
			t.Fatalf("write %d not seen right after its commit", i)
		}
	}
	cancel()
	wg.Wait()
	ts := readTs(t, s)
	if changed(t, s, ts, 0xFB) {
		t.Error("changed with no commit since")
	}
}
