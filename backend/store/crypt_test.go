package store_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/store"
)

var fastKDF = store.KDFParams{Time: 1, MemKiB: 1024, Threads: 1}

func putN(t *testing.T, s *store.Store, prefix string, n int) {
	t.Helper()
	if err := s.Update(func(txn *badger.Txn) error {
		for i := 0; i < n; i++ {
			if err := txn.Set(store.Key(store.PrefixMeta, prefix+string(rune('a'+i%26))+strings.Repeat("x", i)), []byte("SECRET-"+strings.ToUpper(prefix))); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

func count(t *testing.T, s *store.Store, prefix string) int {
	t.Helper()
	n := 0
	_ = s.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if strings.Contains(string(it.Item().Key()), prefix) {
				n++
			}
		}
		return nil
	})
	return n
}

// grepDir reports the files under dir that contain needle.
func grepDir(t *testing.T, dir, needle string) []string {
	t.Helper()
	var hits []string
	_ = filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err == nil && bytes.Contains(b, []byte(needle)) {
			hits = append(hits, p)
		}
		return nil
	})
	return hits
}

func TestEncryptDecryptChangePassphrase(t *testing.T) {
	store.SetKDF(fastKDF)
	defer store.SetKDF(store.DefaultKDF)
	dir := t.TempDir()
	s, err := store.Open(dir, store.Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	putN(t, s, "canary", 40)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if len(grepDir(t, dir, "SECRET-CANARY")) == 0 {
		t.Fatal("the plaintext database does not show the canary: the byte search cannot see leaks")
	}
	pass := []byte("correct horse battery")
	if _, err := store.Encrypt(dir, store.Options{}, []byte("short")); fieldOf(err) != "passphrase" {
		t.Fatalf("a short passphrase: %v", err)
	}
	if _, err := store.Encrypt(dir, store.Options{}, pass); err != nil {
		t.Fatal(err)
	}
	if !store.IsEncrypted(dir) {
		t.Fatal("not encrypted")
	}
	if hits := grepDir(t, dir, "SECRET-CANARY"); len(hits) > 0 {
		t.Fatalf("plaintext left after encrypt: %v", hits)
	}
	if asides, _ := store.Asides(dir); len(asides) != 0 {
		t.Fatalf("copies left aside: %v", asides)
	}
	// no passphrase, a wrong one: clear errors, nothing changed
	if _, err := store.Open(dir, store.Options{GCInterval: -1}); !store.NeedsPassphrase(err) || fieldOf(err) != "passphrase" {
		t.Fatalf("open without a passphrase: %v", err)
	}
	if _, err := store.Open(dir, store.Options{GCInterval: -1, Passphrase: []byte("wrong passphrase")}); !store.WrongPassphrase(err) || !strings.Contains(errs.MessageOf(err), "not the one") {
		t.Fatalf("open with a wrong passphrase: %v", err)
	}
	s, err = store.Open(dir, store.Options{GCInterval: -1, Passphrase: pass})
	if err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, "canary"); n != 40 {
		t.Fatalf("%d records after encrypt, want 40", n)
	}
	putN(t, s, "later", 30)
	next := []byte("a new passphrase")
	if err := s.ChangePassphrase([]byte("not it at all"), next); !store.WrongPassphrase(err) {
		t.Fatalf("change with a wrong old passphrase: %v", err)
	}
	key1, _ := os.ReadFile(filepath.Join(store.DBDir(dir), store.KeyName))
	if err := s.ChangePassphrase(pass, next); err != nil {
		t.Fatal(err)
	}
	// compaction and value-log GC write new files: still no plaintext
	if err := s.DB().Flatten(2); err != nil {
		t.Fatal(err)
	}
	s.RunGC(context.Background())
	var backup bytes.Buffer
	if err := s.Backup(&backup); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	key2, _ := os.ReadFile(filepath.Join(store.DBDir(dir), store.KeyName))
	if bytes.Equal(key1, key2) {
		t.Fatal("the key file did not change")
	}
	for _, secret := range []string{"SECRET-CANARY", "SECRET-LATER"} {
		if hits := grepDir(t, dir, secret); len(hits) > 0 {
			t.Fatalf("plaintext %s on disk: %v", secret, hits)
		}
		if bytes.Contains(backup.Bytes(), []byte(secret)) {
			t.Fatalf("plaintext %s in the backup", secret)
		}
	}
	if _, err := store.Open(dir, store.Options{GCInterval: -1, Passphrase: pass}); !store.WrongPassphrase(err) {
		t.Fatalf("the old passphrase still opens: %v", err)
	}
	// the encrypted backup restores with the passphrase, not without
	other := t.TempDir()
	if err := store.Restore(other, bytes.NewReader(backup.Bytes()), store.Options{}); !store.NeedsPassphrase(err) {
		t.Fatalf("restore without a passphrase: %v", err)
	}
	if err := store.Restore(other, bytes.NewReader(backup.Bytes()), store.Options{Passphrase: pass}); !store.WrongPassphrase(err) {
		t.Fatalf("restore with a wrong passphrase: %v", err)
	}
	cut := backup.Bytes()[:backup.Len()-100]
	if err := store.Restore(other, bytes.NewReader(cut), store.Options{Passphrase: next}); err == nil {
		t.Fatal("a cut backup restored")
	}
	if err := store.Restore(other, bytes.NewReader(backup.Bytes()), store.Options{Passphrase: next}); err != nil {
		t.Fatal(err)
	}
	r, err := store.Open(other, store.Options{GCInterval: -1, Passphrase: next})
	if err != nil {
		t.Fatal(err)
	}
	if n := count(t, r, "later"); n != 30 {
		t.Fatalf("%d later records in the restored workspace", n)
	}
	r.Close()
	if hits := grepDir(t, other, "SECRET-"); len(hits) > 0 {
		t.Fatalf("plaintext in the restored folder: %v", hits)
	}

	// decrypt: plaintext again, everything there, no key file
	if err := store.Decrypt(dir, store.Options{Passphrase: []byte("nope nope nope")}); !store.WrongPassphrase(err) {
		t.Fatalf("decrypt with a wrong passphrase: %v", err)
	}
	if err := store.Decrypt(dir, store.Options{Passphrase: next}); err != nil {
		t.Fatal(err)
	}
	if store.IsEncrypted(dir) {
		t.Fatal("still encrypted")
	}
	s, err = store.Open(dir, store.Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if count(t, s, "canary") != 40 || count(t, s, "later") != 30 {
		t.Fatal("records lost by decrypt")
	}
}

func TestWrongPassphraseSlowsDown(t *testing.T) {
	store.SetKDF(fastKDF)
	defer store.SetKDF(store.DefaultKDF)
	// a unit far above an open's time even on a loaded machine, so the
	// checks below tell a slowed try from a plain one without racing the clock
	const unit = 2 * time.Second
	store.SetSlowDownUnit(unit)
	defer store.SetSlowDownUnit(2 * time.Second)
	dir := t.TempDir()
	s, err := store.Open(dir, store.Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	putN(t, s, "x", 3)
	s.Close()
	pass := []byte("the right one")
	if _, err := store.Encrypt(dir, store.Options{}, pass); err != nil {
		t.Fatal(err)
	}
	try := func(p string) (time.Duration, error) {
		start := time.Now()
		s, err := store.Open(dir, store.Options{GCInterval: -1, Passphrase: []byte(p)})
		if err == nil {
			s.Close()
		}
		return time.Since(start), err
	}
	for i := 1; i <= 5; i++ {
		d, err := try("wrong guess")
		if !store.WrongPassphrase(err) {
			t.Fatalf("try %d: %v", i, err)
		}
		if d >= unit {
			t.Fatalf("try %d took %v before five wrong tries", i, d)
		}
	}
	d, err := try("wrong guess")
	if !store.WrongPassphrase(err) || d < unit || !strings.Contains(errs.MessageOf(err), "6 wrong tries in a row") {
		t.Fatalf("the sixth try: %v after %v", err, d)
	}
	// the right passphrase also waits, then opens and resets the count
	d, err = try(string(pass))
	if err != nil || d < unit {
		t.Fatalf("right passphrase after six wrong: %v after %v", err, d)
	}
	if d, err := try(string(pass)); err != nil || d >= unit {
		t.Fatalf("the count was not reset: %v after %v", err, d)
	}
	if _, err := os.Stat(filepath.Join(dir, store.FailuresName)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the failure count is still there: %v", err)
	}
}

func fieldOf(err error) string {
	if fs := errs.FieldsOf(err); len(fs) > 0 {
		return fs[0].Field
	}
	return ""
}
