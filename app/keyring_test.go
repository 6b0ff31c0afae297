package app

import (
	"encoding/base64"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/secrets"
	"wheelhouse/backend/secrets/secretstest"
	"wheelhouse/backend/store"
	"wheelhouse/backend/workspace"
)

const keyringPass = "correct horse battery"

// keyringShell is a shell on root using the real OS keyring.
func keyringShell(t *testing.T, root string) *Shell {
	t.Helper()
	s := NewShell(Config{Root: root, Version: "test", Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Clock: clock.NewFake(time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)), Secrets: secrets.OS()})
	t.Cleanup(s.Close)
	return s
}

// encryptedWorkspace makes a workspace holding one person, encrypted under
// keyringPass.
func encryptedWorkspace(t *testing.T, canary string) string {
	t.Helper()
	root := t.TempDir()
	s := newShell(t, root)
	if err := s.Open(); err != nil {
		t.Fatal(err)
	}
	if _, err := NewPeopleAPI(s).CreatePerson(PersonInput{Name: canary, TimeZone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := store.Encrypt(root, store.Options{Migrations: workspace.Migrations}, []byte(keyringPass)); err != nil {
		t.Fatal(err)
	}
	return root
}

// The whole "remember on this computer" story against a real gnome-keyring:
// unlock with remember, the next start asks for nothing, a passphrase
// change keeps it working, restore and import work without the passphrase,
// the key is nowhere in the data folder, Forget asks again, Settings can
// remember, and turning encryption off removes it from the keyring.
func TestRememberOnThisComputer(t *testing.T) {
	if !secretstest.In(t, secretstest.Unlocked) {
		return
	}
	const canary = "Canary Keyring-Person"
	root := encryptedWorkspace(t, canary)

	s := keyringShell(t, root)
	if err := s.Open(); !store.NeedsPassphrase(err) {
		t.Fatalf("first start: %v, want the passphrase asked", err)
	}
	wa := NewWorkspaceAPI(s)
	if k := wa.Keyring(); !k.Available || k.Reason != "" {
		t.Fatalf("keyring: %+v", k)
	}
	info, err := wa.Unlock(keyringPass, true)
	if err != nil || info.Locked || info.RememberNote != "" {
		t.Fatalf("unlock with remember: %+v %v", info, err)
	}
	api := NewEncryptionAPI(s)
	if st, err := api.Status(); err != nil || !st.Encrypted || !st.Remembered || st.KeyringReason != "" {
		t.Fatalf("status: %+v %v", st, err)
	}
	// what the keyring holds is the master key, not the passphrase, and no
	// file under the data folder holds it
	v, err := secrets.OS().Get(keyringService, s.keyringAccount())
	if err != nil || strings.Contains(v, keyringPass) || !strings.HasPrefix(v, rememberedFormat) {
		t.Fatalf("keyring entry %q %v", v, err)
	}
	master, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(v, rememberedFormat))
	if got := filesHolding(t, root, string(master)); len(got) != 0 {
		t.Fatalf("the key is on disk in %v", got)
	}
	if got := filesHolding(t, root, strings.TrimPrefix(v, rememberedFormat)); len(got) != 0 {
		t.Fatalf("the key (base64) is on disk in %v", got)
	}
	s.Close()

	// the next start opens without asking
	s = keyringShell(t, root)
	if err := s.Open(); err != nil {
		t.Fatalf("start with a remembered key: %v", err)
	}
	if names := personNames(t, s); len(names) != 1 || names[0] != canary {
		t.Fatalf("people: %v", names)
	}
	// a passphrase change keeps the remembered key right (same master key)
	api = NewEncryptionAPI(s)
	if err := api.ChangePassphrase(keyringPass, "new passphrase 42", "new passphrase 42"); err != nil {
		t.Fatal(err)
	}
	// restore and import replace the workspace without the passphrase
	w, _ := s.workspace()
	bak := filepath.Join(t.TempDir(), "b.whbackup")
	if err := w.BackupTo(bak); err != nil {
		t.Fatal(err)
	}
	if _, err := s.restore(bak); err != nil {
		t.Fatalf("restore in a workspace opened with the remembered key: %v", err)
	}
	if names := personNames(t, s); len(names) != 1 || names[0] != canary {
		t.Fatalf("people after restore: %v", names)
	}
	s.Close()
	s = keyringShell(t, root)
	if err := s.Open(); err != nil {
		t.Fatalf("start after a passphrase change and a restore: %v", err)
	}
	// Forget: the next start asks again
	api = NewEncryptionAPI(s)
	if err := api.Forget(); err != nil {
		t.Fatal(err)
	}
	if st, _ := api.Status(); st.Remembered {
		t.Fatal("still remembered after Forget")
	}
	if err := api.Forget(); err != nil {
		t.Fatalf("forgetting twice: %v", err)
	}
	s.Close()
	s = keyringShell(t, root)
	if err := s.Open(); !store.NeedsPassphrase(err) {
		t.Fatalf("start after Forget: %v", err)
	}
	if _, err := NewWorkspaceAPI(s).Unlock(keyringPass, false); err == nil {
		t.Fatal("the old passphrase unlocked")
	}
	if _, err := NewWorkspaceAPI(s).Unlock("new passphrase 42", false); err != nil {
		t.Fatal(err)
	}
	// remember from Settings, then turn encryption off: the key leaves the keyring
	api = NewEncryptionAPI(s)
	if err := api.Remember(); err != nil {
		t.Fatal(err)
	}
	if st, _ := api.Status(); !st.Remembered {
		t.Fatal("Remember did not remember")
	}
	if err := api.Decrypt("new passphrase 42"); err != nil {
		t.Fatal(err)
	}
	if _, err := secrets.OS().Get(keyringService, s.keyringAccount()); !errors.Is(err, secrets.ErrNotFound) {
		t.Fatalf("after decrypting the keyring still answers %v", err)
	}
	if st, _ := api.Status(); st.Encrypted || st.Remembered {
		t.Fatalf("status after decrypt: %+v", st)
	}
	if err := api.Remember(); err == nil {
		t.Fatal("remembered the key of a plaintext workspace")
	}
}

// A remembered key that no longer fits (the workspace was decrypted and
// encrypted again elsewhere, e.g. from the command line) is not used: the
// start asks for the passphrase and the stale entry is removed.
func TestRememberedKeyThatNoLongerFits(t *testing.T) {
	if !secretstest.In(t, secretstest.Unlocked) {
		return
	}
	root := encryptedWorkspace(t, "Ada")
	s := keyringShell(t, root)
	_ = s.Open()
	if _, err := NewWorkspaceAPI(s).Unlock(keyringPass, true); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := store.Decrypt(root, store.Options{Migrations: workspace.Migrations, Passphrase: []byte(keyringPass)}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Encrypt(root, store.Options{Migrations: workspace.Migrations}, []byte(keyringPass)); err != nil {
		t.Fatal(err)
	}
	s = keyringShell(t, root)
	if err := s.Open(); !store.NeedsPassphrase(err) {
		t.Fatalf("start with a stale key: %v, want the passphrase asked", err)
	}
	if _, err := secrets.OS().Get(keyringService, s.keyringAccount()); !errors.Is(err, secrets.ErrNotFound) {
		t.Fatalf("the stale key is still in the keyring: %v", err)
	}
	if _, err := NewWorkspaceAPI(s).Unlock(keyringPass, false); err != nil {
		t.Fatal(err)
	}
}

// No Secret Service: the option says why it is unavailable, and an unlock
// asked to remember still opens the workspace and says it did not remember.
func TestRememberWithoutASecretService(t *testing.T) {
	if !secretstest.In(t, secretstest.NoService) {
		return
	}
	root := encryptedWorkspace(t, "Ada")
	s := keyringShell(t, root)
	if err := s.Open(); !store.NeedsPassphrase(err) {
		t.Fatal(err)
	}
	wa := NewWorkspaceAPI(s)
	if k := wa.Keyring(); k.Available || !strings.Contains(k.Reason, "no Secret Service") {
		t.Fatalf("keyring: %+v", k)
	}
	info, err := wa.Unlock(keyringPass, true)
	if err != nil || info.Locked || !strings.Contains(info.RememberNote, "Not remembered on this computer") {
		t.Fatalf("unlock: %+v %v", info, err)
	}
	st, err := NewEncryptionAPI(s).Status()
	if err != nil || st.Remembered || !strings.Contains(st.KeyringReason, "no Secret Service") {
		t.Fatalf("status: %+v %v", st, err)
	}
	if err := NewEncryptionAPI(s).Remember(); err == nil {
		t.Fatal("Remember without a keyring")
	}
}
