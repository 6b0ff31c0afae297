package store_test

import (
	"testing"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/store"
)

func TestVerifyPassphrase(t *testing.T) {
	store.SetKDF(fastKDF)
	defer store.SetKDF(store.DefaultKDF)
	dir := t.TempDir()
	s, err := store.Open(dir, store.Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.VerifyPassphrase([]byte("anything")); errs.CodeOf(err) != errs.Conflict {
		t.Fatalf("a plaintext workspace: %v, want a conflict", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	pass := []byte("correct horse battery")
	if _, err := store.Encrypt(dir, store.Options{}, pass); err != nil {
		t.Fatal(err)
	}
	s, err = store.Open(dir, store.Options{GCInterval: -1, Passphrase: pass})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.VerifyPassphrase(pass); err != nil {
		t.Fatalf("the right passphrase: %v", err)
	}
	for _, p := range []string{"", "correct horse", "correct horse battery "} {
		if err := s.VerifyPassphrase([]byte(p)); !store.WrongPassphrase(err) {
			t.Fatalf("%q: %v, want a wrong passphrase", p, err)
		}
	}
}
