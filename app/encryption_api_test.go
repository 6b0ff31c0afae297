package app

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"wheelhouse/backend/backup"
	"wheelhouse/backend/store"
	"wheelhouse/backend/workspace"
)

// filesHolding lists the files under root whose bytes contain s.
func filesHolding(t *testing.T, root, s string) []string {
	t.Helper()
	var out []string
	err := filepath.Walk(root, func(p string, fi os.FileInfo, err error) error {
		if err != nil || !fi.Mode().IsRegular() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if bytes.Contains(b, []byte(s)) {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func personNames(t *testing.T, s *Shell) []string {
	t.Helper()
	d, err := NewPeopleAPI(s).Directory()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range d.People {
		out = append(out, p.Name)
	}
	return out
}

// The whole journey from the app: encrypt (bad input on its field first),
// no plaintext left under the data folder (database, automatic backups,
// copies kept aside), the data reads back, the lock asks for the
// passphrase, change it (old refused at the next start, new opens),
// decrypt (opens without a passphrase).
func TestEncryptionFromTheApp(t *testing.T) {
	root := t.TempDir()
	s := newShell(t, root)
	if err := s.Open(); err != nil {
		t.Fatal(err)
	}
	const canary = "Zorblaxqwy Canarywood"
	if _, err := NewPeopleAPI(s).CreatePerson(PersonInput{Name: canary, TimeZone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	bk := NewBackupAPI(s)
	o, err := bk.BackupNow()
	if err != nil || len(o.Files) != 1 {
		t.Fatalf("backup: %+v %v", o, err)
	}
	plainBackup := o.Files[0].Path
	// A restore keeps the replaced database aside (db.before-*), plaintext.
	if _, err := bk.Restore(plainBackup); err != nil {
		t.Fatal(err)
	}
	if as, _ := store.Asides(root); len(as) != 1 {
		t.Fatalf("asides before: %v", as)
	}
	if got := filesHolding(t, root, canary); len(got) == 0 {
		t.Fatal("the canary is not visible in the plaintext folder: the search could not see a leak")
	}
	if b, _ := os.ReadFile(plainBackup); !bytes.Contains(b, []byte(canary)) {
		t.Fatal("the plaintext backup does not show the canary")
	}

	api := NewEncryptionAPI(s)
	if st, err := api.Status(); err != nil || st.Encrypted {
		t.Fatalf("status: %+v %v", st, err)
	}
	if _, err := api.Encrypt("short", "short"); apiErr(t, err).Field != "passphrase" {
		t.Fatalf("short: %v", err)
	}
	if _, err := api.Encrypt("correct horse battery", "correct horse batterz"); apiErr(t, err).Field != "confirm" {
		t.Fatalf("mismatch: %v", err)
	}
	if store.IsEncrypted(root) {
		t.Fatal("refused input encrypted the workspace")
	}
	res, err := api.Encrypt("correct horse battery", "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Reencrypted) != 1 || res.Reencrypted[0] != plainBackup || len(res.Removed) != 1 || len(res.PlainLeft) != 0 {
		t.Fatalf("result: %+v", res)
	}
	if st, err := api.Status(); err != nil || !st.Encrypted {
		t.Fatalf("status after: %+v %v", st, err)
	}
	if got := filesHolding(t, root, canary); len(got) != 0 {
		t.Fatalf("plaintext left: %v", got)
	}
	if as, _ := store.Asides(root); len(as) != 0 {
		t.Fatalf("asides after: %v", as)
	}
	head, _ := os.ReadFile(plainBackup)
	if !store.IsEncryptedBackup(head) {
		t.Fatal("the automatic backup is not encrypted")
	}
	// the app reads its data back, the re-encrypted backup reads back under the key
	if names := personNames(t, s); len(names) != 1 || names[0] != canary {
		t.Fatalf("people after encrypt: %v", names)
	}
	w, _ := s.workspace()
	if sum, err := backup.InspectKeyed(plainBackup, workspace.Migrations, w.Store.Key()); err != nil || sum.People != 1 {
		t.Fatalf("re-encrypted backup: %+v %v", sum, err)
	}
	if _, err := api.Encrypt("another passphrase", "another passphrase"); err == nil {
		t.Fatal("encrypting twice")
	}
	// the lock now needs the passphrase
	lk := NewLockAPI(s)
	if st := lk.Lock(); !st.Locked || !st.NeedsPassphrase {
		t.Fatalf("lock: %+v", st)
	}
	if _, err := lk.Unlock("wrong one here"); err == nil {
		t.Fatal("a wrong passphrase unlocked")
	}
	if st, err := lk.Unlock("correct horse battery"); err != nil || st.Locked {
		t.Fatalf("unlock: %+v %v", st, err)
	}

	// change the passphrase
	if err := api.ChangePassphrase("not the one", "new passphrase 42", "new passphrase 42"); apiErr(t, err).Field != "current" {
		t.Fatalf("wrong current: %v", err)
	}
	if err := api.ChangePassphrase("correct horse battery", "new passphrase 42", "new passphrase 43"); apiErr(t, err).Field != "confirm" {
		t.Fatalf("mismatch: %v", err)
	}
	if err := api.ChangePassphrase("correct horse battery", "new passphrase 42", "new passphrase 42"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = newShell(t, root)
	if err := s.Open(); !store.NeedsPassphrase(err) {
		t.Fatalf("open after change: %v", err)
	}
	wa := NewWorkspaceAPI(s)
	if _, err := wa.Unlock("correct horse battery", false); apiErr(t, err).Field != "passphrase" {
		t.Fatalf("the old passphrase: %v", err)
	}
	if info, err := wa.Unlock("new passphrase 42", false); err != nil || info.Locked {
		t.Fatalf("the new passphrase: %+v %v", info, err)
	}

	// turn it off
	api = NewEncryptionAPI(s)
	if err := api.Decrypt("correct horse battery"); apiErr(t, err).Field != "current" {
		t.Fatalf("decrypt with the old passphrase: %v", err)
	}
	if !store.IsEncrypted(root) {
		t.Fatal("a refused decrypt changed the workspace")
	}
	if err := api.Decrypt("new passphrase 42"); err != nil {
		t.Fatal(err)
	}
	if store.IsEncrypted(root) {
		t.Fatal("still encrypted")
	}
	if names := personNames(t, s); len(names) != 1 || names[0] != canary {
		t.Fatalf("people after decrypt: %v", names)
	}
	s.Close()
	s = newShell(t, root)
	if err := s.Open(); err != nil {
		t.Fatalf("open without a passphrase: %v", err)
	}
	if names := personNames(t, s); len(names) != 1 {
		t.Fatalf("people after reopen: %v", names)
	}
	if err := NewEncryptionAPI(s).Decrypt("x"); err == nil {
		t.Fatal("decrypting a plaintext workspace")
	}
}

// The demo is never encrypted from the app.
func TestEncryptRefusedInDemo(t *testing.T) {
	s := newShell(t, t.TempDir())
	if err := s.Open(); err != nil {
		t.Fatal(err)
	}
	if _, err := NewWorkspaceAPI(s).OpenDemo(); err != nil {
		t.Fatal(err)
	}
	if _, err := NewEncryptionAPI(s).Encrypt("correct horse battery", "correct horse battery"); err == nil {
		t.Fatal("the demo was encrypted")
	}
	if st, err := NewEncryptionAPI(s).Status(); err != nil || !st.Demo || st.Encrypted {
		t.Fatalf("status: %+v %v", st, err)
	}
}
