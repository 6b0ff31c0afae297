package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"wheelhouse/backend/store"
)

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// The CLI's encryption journey: encrypt, open with the passphrase file (a
// missing or wrong one is a clear error), an encrypted backup that restores
// only with it, import --replace that stays encrypted, change-passphrase,
// decrypt.
func TestEncryptCommands(t *testing.T) {
	dir, tmp := t.TempDir(), t.TempDir()
	pass := writeFile(t, tmp, "pass", "correct horse battery\n")
	wrong := writeFile(t, tmp, "wrong", "not the passphrase\n")
	next := writeFile(t, tmp, "next", "a brand new passphrase")
	expect(t, run(t, nil, "--data", dir, "demo"), 0, "Created")
	plain := run(t, nil, "--data", dir, "incidents", "list")
	expect(t, plain, 0)
	expect(t, run(t, nil, "--data", dir, "decrypt"), 1, "not encrypted")
	expect(t, run(t, nil, "--data", dir, "encrypt"), 2, "passphrase file")
	expect(t, run(t, nil, "--data", dir, "--passphrase-file", writeFile(t, tmp, "short", "short"), "encrypt"), 1, "at least 8 characters")
	expect(t, run(t, nil, "--data", dir, "--passphrase-file", pass, "encrypt"), 0, "Encrypted the workspace")
	expect(t, run(t, nil, "--data", dir, "--passphrase-file", pass, "encrypt"), 1, "already encrypted")
	if !store.IsEncrypted(dir) {
		t.Fatal("not encrypted")
	}
	expect(t, run(t, nil, "--data", dir, "incidents", "list"), 2, "--passphrase-file")
	expect(t, run(t, nil, "--data", dir, "--passphrase-file", wrong, "incidents", "list"), 1, "not the one of this workspace")
	got := run(t, nil, "--data", dir, "--passphrase-file", pass, "incidents", "list")
	expect(t, got, 0)
	if got.stdout != plain.stdout {
		t.Fatalf("the encrypted workspace reads differently:\n%s\nvs\n%s", got.stdout, plain.stdout)
	}

	bak := filepath.Join(tmp, "b.wheelhouse-backup")
	expect(t, run(t, nil, "--data", dir, "--passphrase-file", pass, "backup", bak), 0, "Backed up")
	b, _ := os.ReadFile(bak)
	if !store.IsEncryptedBackup(b[:64]) {
		t.Fatalf("the backup is not encrypted: %q", b[:64])
	}
	other := t.TempDir()
	expect(t, run(t, nil, "--data", other, "restore", bak), 2, "--passphrase-file")
	expect(t, run(t, nil, "--data", other, "--passphrase-file", wrong, "restore", bak), 1, "does not open this backup")
	expect(t, run(t, nil, "--data", other, "--passphrase-file", pass, "restore", bak), 0, "Restored")
	got = run(t, nil, "--data", other, "--passphrase-file", pass, "incidents", "list")
	if got.code != 0 || got.stdout != plain.stdout {
		t.Fatalf("the restored workspace: %+v", got)
	}

	// import --replace keeps the workspace encrypted
	js := filepath.Join(tmp, "w.json")
	expect(t, run(t, nil, "--data", dir, "--passphrase-file", pass, "export-json", "-o", js), 0)
	expect(t, run(t, nil, "--data", dir, "--passphrase-file", pass, "import-json", "--replace", js), 0, "Imported")
	if !store.IsEncrypted(dir) {
		t.Fatal("import --replace decrypted the workspace")
	}

	expect(t, run(t, nil, "--data", dir, "--passphrase-file", wrong, "change-passphrase", "--new-passphrase-file", next), 1, "not the one")
	expect(t, run(t, nil, "--data", dir, "--passphrase-file", pass, "change-passphrase", "--new-passphrase-file", next), 0, "Changed the passphrase")
	expect(t, run(t, nil, "--data", dir, "--passphrase-file", pass, "incidents", "list"), 1, "not the one")
	expect(t, run(t, nil, "--data", dir, "--passphrase-file", next, "decrypt"), 0, "Decrypted")
	got = run(t, nil, "--data", dir, "incidents", "list")
	if got.code != 0 || got.stdout != plain.stdout {
		t.Fatalf("after decrypt: %+v", got)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if bytes.HasPrefix([]byte(e.Name()), []byte(store.AsidePrefix+"encrypt")) || bytes.HasPrefix([]byte(e.Name()), []byte(store.AsidePrefix+"decrypt")) {
			t.Fatalf("a copy left aside: %s", e.Name())
		}
	}
}
