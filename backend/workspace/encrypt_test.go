package workspace_test

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"wheelhouse/backend/backup"
	"wheelhouse/backend/demo"
	"wheelhouse/backend/store"
	"wheelhouse/backend/workspace"
)

// Encryption at rest (docs/decisions/0022-encryption-at-rest.md): a canary
// in every private field of a real workspace; the plaintext data folder
// shows them (so the byte search can see a leak); after encrypt, more
// writes, compaction and value-log GC, no file under the data folder and no
// backup holds any of them, while the workspace reads every one back.
func TestEncryptedWorkspaceLeavesNoPlaintext(t *testing.T) {
	s := demo.Generate(demo.Small, now)
	var canaries []string
	where := map[string]string{}
	rng := rand.New(rand.NewPCG(12, 2026))
	workspace.WalkValue(reflect.ValueOf(&s).Elem(), "", func(path string, v reflect.Value) bool {
		f, ok := workspace.ClassOf(path)
		if !ok || f.Class != workspace.Private || f.Path != path {
			return false
		}
		if v.Kind() == reflect.String && f.Placeholder != "other" {
			// distinct letters per canary: Badger's block compression
			// cannot turn one into a back-reference to another
			// (random letters share no 4-byte run with each other)
			const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
			c := make([]byte, 20)
			for i := range c {
				c[i] = letters[rng.IntN(len(letters))]
			}
			v.SetString(string(c))
			where[string(c)] = path
			canaries = append(canaries, string(c))
			return true
		}
		return true
	})
	if len(canaries) < 20 {
		t.Fatalf("only %d canaries", len(canaries))
	}
	dir := t.TempDir()
	if _, err := workspace.ImportFolder(dir, s, false, opts); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, h := range grepAll(t, dir, canaries) {
		seen[h[strings.LastIndex(h, " ")+1:]] = true
	}
	// Snappy block compression can split a canary with a back-reference
	// that covers both halves (a chance 4-byte match with earlier bytes in
	// the block): a few may hide in the plaintext folder, depending on the
	// random ids. 95% found shows the search sees what is stored; the
	// check after encryption below stays strict on every canary.
	if len(seen) < len(canaries)*95/100 {
		for _, c := range canaries {
			if !seen[c] {
				t.Log("missing", where[c])
			}
		}
		t.Fatalf("only %d of %d canaries are found in the plaintext data folder: the byte search cannot see leaks", len(seen), len(canaries))
	}
	pass := []byte("correct horse battery staple")
	if _, err := store.Encrypt(dir, store.Options{Clock: opts.Clock, Migrations: workspace.Migrations}, pass); err != nil {
		t.Fatal(err)
	}
	o := opts
	o.Passphrase = pass
	w := openWith(t, dir, o)
	var full bytes.Buffer
	if err := w.Export(&full, "test"); err != nil {
		t.Fatal(err)
	}
	for _, c := range canaries {
		if !strings.Contains(full.String(), c) {
			t.Fatalf("the encrypted workspace lost canary %s", c)
		}
	}
	// rewrite every record once more (an import over it), then compact
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := workspace.ImportFolder(dir, s, true, o); err != nil {
		t.Fatal(err)
	}
	for _, a := range mustAsides(t, dir, canaries) {
		if err := os.RemoveAll(a); err != nil { // the copy an import keeps aside is encrypted too; checked below first
			t.Fatal(err)
		}
	}
	w = openWith(t, dir, o)
	if err := w.Store.DB().Flatten(2); err != nil {
		t.Fatal(err)
	}
	w.Store.RunGC(context.Background())
	inside := filepath.Join(store.BackupDir(dir), "inside.wheelhouse-backup")
	os.MkdirAll(store.BackupDir(dir), 0o700)
	if err := w.Store.BackupToFile(inside); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(t.TempDir(), "outside.wheelhouse-backup")
	if err := w.Store.BackupToFile(outside); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if hits := grepAll(t, dir, canaries); len(hits) > 0 {
		t.Fatalf("plaintext under the encrypted data folder: %v", hits)
	}
	if hits := grepAll(t, filepath.Dir(outside), canaries); len(hits) > 0 {
		t.Fatalf("plaintext in the backup: %v", hits)
	}
	// the backup restores (with the passphrase) and reads every canary
	other := t.TempDir()
	f, _ := os.Open(outside)
	defer f.Close()
	if _, err := workspace.RestoreFolder(other, f, false, o); err != nil {
		t.Fatal(err)
	}
	r := openWith(t, other, o)
	defer r.Close()
	full.Reset()
	if err := r.Export(&full, "test"); err != nil {
		t.Fatal(err)
	}
	for _, c := range canaries {
		if !strings.Contains(full.String(), c) {
			t.Fatalf("the restored workspace lost canary %s", c)
		}
	}
}

func mustAsides(t *testing.T, dir string, canaries []string) []string {
	t.Helper()
	as, err := store.Asides(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		if _, err := os.Stat(filepath.Join(a, store.KeyName)); err != nil {
			t.Fatalf("the copy kept aside by an import into an encrypted workspace is not encrypted: %s", a)
		}
		if hits := grepAll(t, a, canaries); len(hits) > 0 {
			t.Fatal(hits)
		}
	}
	return as
}

// grepAll lists "file: canary" for every canary found in a file under dir.
func grepAll(t *testing.T, dir string, canaries []string) []string {
	t.Helper()
	var hits []string
	_ = filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range canaries {
			// either half: block compression may turn part of a canary
			// into a back-reference
			if bytes.Contains(b, []byte(c[:len(c)/2])) || bytes.Contains(b, []byte(c[len(c)/2:])) {
				hits = append(hits, p+": "+c)
			}
		}
		return nil
	})
	return hits
}

// The automatic backups of an encrypted workspace are encrypted and verify
// (read back) with the open workspace's key, without the passphrase.
func TestAutomaticBackupOfEncryptedWorkspace(t *testing.T) {
	dir := t.TempDir()
	s := demo.Generate(demo.Small, now)
	if _, err := workspace.ImportFolder(dir, s, false, opts); err != nil {
		t.Fatal(err)
	}
	pass := []byte("correct horse battery staple")
	if _, err := store.Encrypt(dir, store.Options{Clock: opts.Clock, Migrations: workspace.Migrations}, pass); err != nil {
		t.Fatal(err)
	}
	o := opts
	o.Passphrase = pass
	w := openWith(t, dir, o)
	defer w.Close()
	f, err := w.Backups.Now()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(f.Path)
	if !store.IsEncryptedBackup(b[:64]) {
		t.Fatalf("the automatic backup is not encrypted: %q", b[:40])
	}
	if _, err := backup.Inspect(f.Path, workspace.Migrations); !store.NeedsPassphrase(err) {
		t.Fatalf("inspecting without the key: %v", err)
	}
}
