package workspace_test

import (
	"os"
	"path/filepath"
	"testing"

	"wheelhouse/backend/backup"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
	"wheelhouse/backend/workspace"
)

// workspace.Encrypt re-encrypts the automatic backups of a backup folder
// outside the data folder too, keeps their names, and lists (does not
// touch) a plaintext backup saved by hand under another name.
func TestEncryptRewritesBackupsElsewhere(t *testing.T) {
	root, folder := t.TempDir(), t.TempDir()
	w, err := workspace.Open(root, workspace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Roster.CreatePerson(people.Person{Name: "Ada Lovelace", TimeZone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	set, _ := w.Backups.Settings()
	set.Folder = folder
	if _, err := w.Backups.SaveSettings(set); err != nil {
		t.Fatal(err)
	}
	f, err := w.Backups.Now()
	if err != nil {
		t.Fatal(err)
	}
	mine := filepath.Join(folder, "my copy.backup")
	if err := w.Store.BackupToFile(mine); err != nil {
		t.Fatal(err)
	}
	w.Close()

	res, err := workspace.Encrypt(root, workspace.Options{}, []byte("correct horse battery"), folder)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Reencrypted) != 1 || res.Reencrypted[0] != f.Path || len(res.PlainLeft) != 1 || res.PlainLeft[0] != mine {
		t.Fatalf("result: %+v", res)
	}
	head, _ := os.ReadFile(f.Path)
	if !store.IsEncryptedBackup(head) {
		t.Fatal("the automatic backup is still plaintext")
	}
	if head, _ := os.ReadFile(mine); store.IsEncryptedBackup(head) {
		t.Fatal("a backup saved by hand was rewritten")
	}
	if _, err := backup.Inspect(f.Path, workspace.Migrations); err == nil {
		t.Fatal("the re-encrypted backup restores without the key")
	}
	key, err := store.UnlockKey(root, []byte("correct horse battery"))
	if err != nil {
		t.Fatal(err)
	}
	if sum, err := backup.InspectKeyed(f.Path, workspace.Migrations, key); err != nil || sum.People != 1 {
		t.Fatalf("re-encrypted backup: %+v %v", sum, err)
	}
	if files, _ := backup.List(folder); len(files) != 1 {
		t.Fatalf("backups now: %+v (a temporary file left?)", files)
	}
	entries, _ := os.ReadDir(folder)
	if len(entries) != 2 {
		t.Fatalf("files in the folder: %v", entries)
	}
}
