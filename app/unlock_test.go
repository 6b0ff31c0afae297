package app

import (
	"testing"

	"wheelhouse/backend/store"
	"wheelhouse/backend/workspace"
)

// An encrypted workspace starts locked: Info says so (no crash, no empty
// workspace); a wrong passphrase is an error on the field; the right one
// opens it, and switching to the demo and back keeps it open.
func TestUnlockEncryptedWorkspace(t *testing.T) {
	root := t.TempDir()
	s := newShell(t, root)
	if err := s.Open(); err != nil {
		t.Fatal(err)
	}
	if _, err := NewPeopleAPI(s).CreatePerson(PersonInput{Name: "Ada Lovelace", TimeZone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := store.Encrypt(root, store.Options{Migrations: workspace.Migrations}, []byte("correct horse battery")); err != nil {
		t.Fatal(err)
	}
	s = newShell(t, root)
	_ = s.Open()
	api := NewWorkspaceAPI(s)
	info := api.Info()
	if !info.Locked || info.OpenErr == nil {
		t.Fatalf("not locked: %+v", info)
	}
	if _, err := api.Unlock("wrong passphrase", false); apiErr(t, err).Field != "passphrase" {
		t.Fatalf("wrong passphrase: %v", err)
	}
	if info := api.Info(); !info.Locked {
		t.Fatal("a wrong passphrase unlocked")
	}
	info, err := api.Unlock("correct horse battery", false)
	if err != nil || info.Locked || info.OpenErr != nil || info.Empty {
		t.Fatalf("unlock: %+v %v", info, err)
	}
	if _, err := api.OpenDemo(); err != nil {
		t.Fatal(err)
	}
	if info, err := api.OpenMine(); err != nil || info.Demo || info.Empty {
		t.Fatalf("back to the encrypted workspace: %+v %v", info, err)
	}
}
