package workspace

import (
	"errors"
	"os"
	"path/filepath"

	"wheelhouse/backend/backup"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/store"
)

// EncryptResult says what turning encryption on did besides rewriting the
// database (docs/decisions/0022-encryption-at-rest.md).
type EncryptResult struct {
	// Reencrypted are the plaintext automatic backups rewritten encrypted
	// under the new key, in place (same name, so retention is unchanged).
	Reencrypted []string `json:"reencrypted"`
	// Removed are the plaintext copies of earlier databases kept aside by
	// imports and restores (db.before-*), deleted.
	Removed []string `json:"removed"`
	// PlainLeft are plaintext copies still there: files in the backup
	// folders that are not automatic backups, and any that could not be
	// rewritten or removed (the user's to delete).
	PlainLeft []string `json:"plainLeft"`
}

// Encrypt encrypts the plaintext workspace of root (closed) under
// passphrase (store.Encrypt: staging, swap, the plaintext copy removed),
// then leaves no plaintext copy the app made: every plaintext automatic
// backup in backupFolders (and in the data folder's backups/) is restored
// into a temporary folder and written again encrypted under the new key,
// checked, and replaces the file; plaintext copies kept aside (db.before-*)
// are deleted.
func Encrypt(root string, opt Options, passphrase []byte, backupFolders ...string) (EncryptResult, error) {
	res := EncryptResult{Reencrypted: []string{}, Removed: []string{}, PlainLeft: []string{}}
	so := store.Options{Logger: opt.Logger, Clock: opt.Clock, Migrations: Migrations, KeepAside: opt.KeepAside}
	left, err := store.Encrypt(root, so, passphrase)
	if err != nil {
		return res, err
	}
	key, err := store.UnlockKey(root, passphrase)
	if err != nil {
		return res, err
	}
	done := map[string]bool{}
	for _, dir := range append(backupFolders, store.BackupDir(root)) {
		files, err := backup.List(dir)
		if err != nil {
			continue
		}
		for _, f := range files {
			if done[f.Path] || !plainBackup(f.Path) {
				continue
			}
			done[f.Path] = true
			if err := reencryptBackup(f.Path, key); err != nil {
				if opt.Logger != nil {
					opt.Logger.Warn("re-encrypting a backup", "file", f.Path, "err", err)
				}
				res.PlainLeft = append(res.PlainLeft, f.Path)
				continue
			}
			res.Reencrypted = append(res.Reencrypted, f.Path)
		}
		// other plaintext backups there (saved by hand): listed, not touched
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			p := filepath.Join(dir, e.Name())
			if !done[p] && e.Type().IsRegular() && plainBackup(p) {
				done[p] = true
				res.PlainLeft = append(res.PlainLeft, p)
			}
		}
	}
	for _, p := range left {
		if done[p] {
			continue
		}
		if isAside(root, p) {
			if err := os.RemoveAll(p); err != nil {
				res.PlainLeft = append(res.PlainLeft, p)
			} else {
				res.Removed = append(res.Removed, p)
			}
			continue
		}
		if plainBackup(p) {
			res.PlainLeft = append(res.PlainLeft, p)
		}
	}
	return res, nil
}

// Decrypt stores root's encrypted workspace (closed) unencrypted again
// (store.Decrypt). Backups made while it was encrypted stay encrypted.
func Decrypt(root string, opt Options, passphrase []byte) error {
	so := store.Options{Logger: opt.Logger, Clock: opt.Clock, Migrations: Migrations, Passphrase: passphrase}
	return store.Decrypt(root, so)
}

func isAside(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && filepath.Dir(rel) == "." && len(rel) > len(store.AsidePrefix) && rel[:len(store.AsidePrefix)] == store.AsidePrefix
}

// plainBackup reports whether the file at p starts like a plaintext backup.
func plainBackup(p string) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(plainBackupHeader))
	if _, err := f.Read(head); err != nil {
		return false
	}
	return string(head) == plainBackupHeader
}

const plainBackupHeader = "WHEELHOUSE-BACKUP 1\n"

// reencryptBackup restores the plaintext backup at path into a temporary
// folder encrypted under key, writes a backup of it next to path, checks
// that it reads back, and renames it over path.
func reencryptBackup(path string, key *store.MasterKey) error {
	tmp, err := os.MkdirTemp("", "wheelhouse-reencrypt-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	err = store.Restore(tmp, f, store.Options{Key: key})
	f.Close()
	if err != nil {
		return err
	}
	st, err := store.Open(tmp, store.Options{Migrations: Migrations, Key: key})
	if err != nil {
		return err
	}
	next := path + ".encrypting"
	err = st.BackupToFile(next)
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		if _, ierr := backup.InspectKeyed(next, Migrations, key); ierr != nil {
			err = errs.E(errs.Unavailable, "the encrypted copy did not read back: %v", errs.MessageOf(ierr))
		}
	}
	if err == nil && plainBackup(next) {
		err = errors.New("the new copy is not encrypted")
	}
	if err != nil {
		os.Remove(next)
		return err
	}
	return os.Rename(next, path)
}
