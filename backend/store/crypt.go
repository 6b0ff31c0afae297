package store

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"
	"golang.org/x/crypto/argon2"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
)

// KeyName is the wrapped master key of an encrypted workspace. It lives
// inside db/ (docs/decisions/0022-encryption-at-rest.md): it travels with
// the database through every swap, so a copy kept aside or moved back by
// recovery always carries its own key. A db/ without it is plaintext.
const KeyName = "wheelhouse-key.json"

// FailuresName (beside db/) counts wrong passphrases in a row.
const FailuresName = "unlock-failures.json"

const keyFormat = "wheelhouse-key 1"

// KDFParams are the Argon2id parameters a key file records.
type KDFParams struct {
	Time    uint32 `json:"t"`
	MemKiB  uint32 `json:"m_kib"`
	Threads uint8  `json:"p"`
}

// DefaultKDF is RFC 9106's second recommendation (m = 64 MiB, t = 3, p = 4);
// one unlock takes 0.9 s on the 2-CPU build machine under load
// (docs/performance.md), within the 1 s budget.
var DefaultKDF = KDFParams{Time: 3, MemKiB: 64 * 1024, Threads: 4}

// kdfParams are what new key files get; only tests lower them.
var kdfParams = DefaultKDF

// keyRecord is the key file: the master key wrapped with AES-256-GCM under a
// key derived from the passphrase with Argon2id.
type keyRecord struct {
	Format  string    `json:"format"`
	KDF     string    `json:"kdf"`
	Params  KDFParams `json:"params"`
	Salt    []byte    `json:"salt"`
	Cipher  string    `json:"cipher"`
	Nonce   []byte    `json:"nonce"`
	Wrapped []byte    `json:"wrapped"`
}

// MasterKey is an unlocked master key with the record that wraps it.
type MasterKey struct {
	master []byte
	record keyRecord
}

var (
	// ErrWrongPassphrase: the passphrase does not unwrap the key.
	ErrWrongPassphrase = errors.New("wrong passphrase")
	// ErrNeedPassphrase: the workspace is encrypted and no passphrase was given.
	ErrNeedPassphrase = errors.New("passphrase needed")
)

// IsEncryptedBackup reports whether a backup file starts like an encrypted one.
func IsEncryptedBackup(head []byte) bool {
	return bytes.HasPrefix(head, []byte(encBackupHeader)) || (len(head) < len(encBackupHeader) && bytes.HasPrefix([]byte(encBackupHeader), head) && len(head) > len(backupHeader))
}

// IsEncrypted reports whether the workspace of data folder root is encrypted.
func IsEncrypted(root string) bool {
	_, err := os.Stat(filepath.Join(DBDir(root), KeyName))
	return err == nil
}

// NeedsPassphrase reports whether err says a passphrase is missing.
func NeedsPassphrase(err error) bool { return errors.Is(err, ErrNeedPassphrase) }

// WrongPassphrase reports whether err says the passphrase was wrong.
func WrongPassphrase(err error) bool { return errors.Is(err, ErrWrongPassphrase) }

func kek(pass []byte, salt []byte, p KDFParams) []byte {
	return argon2.IDKey(pass, salt, p.Time, p.MemKiB, p.Threads, 32)
}

func gcm(key []byte) (cipher.AEAD, error) {
	b, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(b)
}

func random(n int) []byte {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return b
}

// NewKey makes a random 32-byte master key wrapped under passphrase.
func NewKey(passphrase []byte) (*MasterKey, error) {
	if err := checkPassphrase(passphrase); err != nil {
		return nil, err
	}
	k := &MasterKey{master: random(32)}
	return k, k.wrap(passphrase)
}

func checkPassphrase(p []byte) error {
	if len(bytes.TrimSpace(p)) == 0 {
		return errs.FieldErr("passphrase", "Enter a passphrase.")
	}
	if len([]rune(string(p))) < 8 {
		return errs.FieldErr("passphrase", "Use a passphrase of at least 8 characters.")
	}
	return nil
}

// wrap (re)wraps the master key under passphrase with a fresh salt and nonce.
func (k *MasterKey) wrap(passphrase []byte) error {
	r := keyRecord{Format: keyFormat, KDF: "argon2id", Params: kdfParams, Salt: random(16), Cipher: "aes-256-gcm", Nonce: random(12)}
	a, err := gcm(kek(passphrase, r.Salt, r.Params))
	if err != nil {
		return err
	}
	r.Wrapped = a.Seal(nil, r.Nonce, k.master, []byte(keyFormat))
	k.record = r
	return nil
}

func (k *MasterKey) unwrapRecord(passphrase []byte) error {
	r := k.record
	if r.Format != keyFormat || r.KDF != "argon2id" || r.Cipher != "aes-256-gcm" || len(r.Nonce) != 12 || len(r.Salt) < 16 ||
		r.Params.Time == 0 || r.Params.Threads == 0 || r.Params.MemKiB < 8*uint32(r.Params.Threads) || r.Params.MemKiB > 4<<20 || r.Params.Time > 64 {
		return errs.E(errs.Unavailable, "The key file of this workspace is damaged or of an unknown kind; restore a backup.")
	}
	a, err := gcm(kek(passphrase, r.Salt, r.Params))
	if err != nil {
		return err
	}
	m, err := a.Open(nil, r.Nonce, r.Wrapped, []byte(keyFormat))
	if err != nil || len(m) != 32 {
		return ErrWrongPassphrase
	}
	k.master = m
	return nil
}

func (k *MasterKey) marshal() []byte {
	b, _ := json.MarshalIndent(k.record, "", "  ")
	return append(b, '\n')
}

// writeKey stores k's record in dbDir atomically.
func writeKey(dbDir string, k *MasterKey) error {
	if err := os.MkdirAll(dbDir, 0o700); err != nil {
		return err
	}
	if err := WriteFileAtomic(filepath.Join(dbDir, KeyName), func(w io.Writer) error { _, err := w.Write(k.marshal()); return err }); err != nil {
		return err
	}
	syncDir(dbDir)
	return nil
}

func readKeyRecord(dbDir string) (*MasterKey, error) {
	b, err := os.ReadFile(filepath.Join(dbDir, KeyName))
	if err != nil {
		return nil, err
	}
	var r keyRecord
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, errs.E(errs.Unavailable, "The key file of this workspace is damaged; restore a backup.")
	}
	return &MasterKey{record: r}, nil
}

// SlowDownAfter wrong passphrases in a row, every further try waits
// slowDown(n) first.
const SlowDownAfter = 5

// slowDownUnit is the wait after the fifth wrong try (doubling after each
// further one, at most 30 s); tests shorten it.
var slowDownUnit = 2 * time.Second

type failures struct {
	Count int       `json:"count"`
	Last  time.Time `json:"last"`
}

func readFailures(root string) failures {
	var f failures
	if b, err := os.ReadFile(filepath.Join(root, FailuresName)); err == nil {
		_ = json.Unmarshal(b, &f)
	}
	return f
}

func writeFailures(root string, f failures) {
	path := filepath.Join(root, FailuresName)
	if f.Count == 0 {
		_ = os.Remove(path)
		return
	}
	b, _ := json.Marshal(f)
	_ = WriteFileAtomic(path, func(w io.Writer) error { _, err := w.Write(b); return err })
}

func slowDown(n int) time.Duration {
	if n < SlowDownAfter {
		return 0
	}
	d := slowDownUnit << min(n-SlowDownAfter, 4)
	return min(d, 30*time.Second)
}

// unlock unwraps the key of root's db/ with passphrase, counting wrong tries
// beside db/ and waiting before each try after SlowDownAfter wrong ones in a
// row. The caller holds root's lock.
func unlock(root string, passphrase []byte, c clock.Clock) (*MasterKey, error) {
	k, err := readKeyRecord(DBDir(root))
	if err != nil {
		return nil, err
	}
	if len(passphrase) == 0 {
		return nil, &errs.Error{Code: errs.Invalid, Field: "passphrase", Op: "store.Open", Err: ErrNeedPassphrase,
			Message: fmt.Sprintf("The workspace in %s is encrypted; enter its passphrase.", root)}
	}
	f := readFailures(root)
	time.Sleep(slowDown(f.Count))
	if err := k.unwrapRecord(passphrase); err != nil {
		if !errors.Is(err, ErrWrongPassphrase) {
			return nil, err
		}
		f.Count++
		f.Last = c.Now().UTC()
		writeFailures(root, f)
		msg := "That passphrase is not the one of this workspace. Nothing was changed; try again."
		if f.Count >= SlowDownAfter {
			msg = fmt.Sprintf("That passphrase is not the one of this workspace (%d wrong tries in a row; each further try now waits %s). Nothing was changed.", f.Count, slowDown(f.Count))
		}
		return nil, &errs.Error{Code: errs.Invalid, Field: "passphrase", Op: "store.Open", Err: ErrWrongPassphrase, Message: msg}
	}
	if f.Count > 0 {
		writeFailures(root, failures{})
	}
	return k, nil
}

// --- encrypted backups ---------------------------------------------------

// encBackupHeader starts an encrypted backup: then one line of JSON (the
// workspace's key record and the file key wrapped under its master key),
// then the plain backup stream (backupHeader + Badger's stream) in sealed
// chunks.
const encBackupHeader = "WHEELHOUSE-BACKUP-ENCRYPTED 1\n"

type encHeader struct {
	Key      keyRecord `json:"key"`
	Nonce    []byte    `json:"nonce"`
	FileKey  []byte    `json:"file_key"` // wrapped under the master key
	ChunkLen int       `json:"chunk"`
}

const chunkLen = 64 << 10

// chunkWriter seals a stream in chunks: [4-byte length][AES-GCM sealed
// chunk], the nonce is a chunk counter and the last chunk is marked in the
// additional data, so reordering, cutting or appending is detected.
type chunkWriter struct {
	w   io.Writer
	a   cipher.AEAD
	buf []byte
	n   uint64
}

func (c *chunkWriter) Write(p []byte) (int, error) {
	total := len(p)
	for len(p) > 0 {
		room := chunkLen - len(c.buf)
		take := min(room, len(p))
		c.buf = append(c.buf, p[:take]...)
		p = p[take:]
		if len(c.buf) == chunkLen && len(p) > 0 {
			if err := c.flush(false); err != nil {
				return 0, err
			}
		}
	}
	return total, nil
}

func chunkNonce(n uint64) []byte {
	nonce := make([]byte, 12)
	binary.BigEndian.PutUint64(nonce[4:], n)
	return nonce
}

func (c *chunkWriter) flush(last bool) error {
	ad := []byte{0}
	if last {
		ad[0] = 1
	}
	sealed := c.a.Seal(nil, chunkNonce(c.n), c.buf, ad)
	c.n++
	c.buf = c.buf[:0]
	var l [4]byte
	binary.BigEndian.PutUint32(l[:], uint32(len(sealed)))
	if _, err := c.w.Write(l[:]); err != nil {
		return err
	}
	_, err := c.w.Write(sealed)
	return err
}

type chunkReader struct {
	r    io.Reader
	a    cipher.AEAD
	buf  []byte
	n    uint64
	done bool
}

var errBadBackup = errors.New("the encrypted backup is damaged or cut short")

func (c *chunkReader) Read(p []byte) (int, error) {
	for len(c.buf) == 0 {
		if c.done {
			return 0, io.EOF
		}
		var l [4]byte
		if _, err := io.ReadFull(c.r, l[:]); err != nil {
			return 0, errBadBackup
		}
		size := binary.BigEndian.Uint32(l[:])
		if size > chunkLen+64 {
			return 0, errBadBackup
		}
		sealed := make([]byte, size)
		if _, err := io.ReadFull(c.r, sealed); err != nil {
			return 0, errBadBackup
		}
		plain, err := c.a.Open(nil, chunkNonce(c.n), sealed, []byte{1})
		if err == nil {
			c.done = true
		} else if plain, err = c.a.Open(nil, chunkNonce(c.n), sealed, []byte{0}); err != nil {
			return 0, errBadBackup
		}
		c.n++
		c.buf = plain
	}
	n := copy(p, c.buf)
	c.buf = c.buf[n:]
	return n, nil
}

// encryptedBackup writes the plain backup written by plain into w, sealed
// under a fresh file key wrapped with k's master key.
func encryptedBackup(w io.Writer, k *MasterKey, plain func(io.Writer) error) error {
	fileKey := random(32)
	ma, err := gcm(k.master)
	if err != nil {
		return err
	}
	h := encHeader{Key: k.record, Nonce: random(12), ChunkLen: chunkLen}
	h.FileKey = ma.Seal(nil, h.Nonce, fileKey, []byte(encBackupHeader))
	hb, _ := json.Marshal(h)
	if _, err := io.WriteString(w, encBackupHeader); err != nil {
		return err
	}
	if _, err := w.Write(append(hb, '\n')); err != nil {
		return err
	}
	fa, err := gcm(fileKey)
	if err != nil {
		return err
	}
	cw := &chunkWriter{w: w, a: fa}
	if err := plain(cw); err != nil {
		return err
	}
	return cw.flush(true)
}

// openEncryptedBackup reads the header of an encrypted backup (after
// encBackupHeader) and returns the key (unwrapped with passphrase) and the
// decrypted stream.
// A known key (the open workspace's, when it made the backup) opens it
// without the passphrase.
func openEncryptedBackup(r io.Reader, passphrase []byte, known *MasterKey) (*MasterKey, io.Reader, error) {
	line, err := readLine(r, 64<<10)
	if err != nil {
		return nil, nil, errs.E(errs.Invalid, "That encrypted backup is damaged. Nothing was changed.")
	}
	var h encHeader
	if err := json.Unmarshal(line, &h); err != nil || len(h.Nonce) != 12 {
		return nil, nil, errs.E(errs.Invalid, "That encrypted backup is damaged. Nothing was changed.")
	}
	k := &MasterKey{record: h.Key}
	if known != nil && bytes.Equal(known.record.Wrapped, h.Key.Wrapped) && bytes.Equal(known.record.Salt, h.Key.Salt) {
		k = known
	} else if len(passphrase) == 0 {
		return nil, nil, &errs.Error{Code: errs.Invalid, Field: "passphrase", Err: ErrNeedPassphrase,
			Message: "That backup is encrypted; give the passphrase the workspace had when it was backed up (--passphrase-file FILE)."}
	} else if err := k.unwrapRecord(passphrase); err != nil {
		if errors.Is(err, ErrWrongPassphrase) {
			return nil, nil, &errs.Error{Code: errs.Invalid, Field: "passphrase", Err: err,
				Message: "That passphrase does not open this backup (it needs the passphrase the workspace had when it was backed up). Nothing was changed."}
		}
		return nil, nil, err
	}
	ma, err := gcm(k.master)
	if err != nil {
		return nil, nil, err
	}
	fileKey, err := ma.Open(nil, h.Nonce, h.FileKey, []byte(encBackupHeader))
	if err != nil {
		return nil, nil, errs.E(errs.Invalid, "That encrypted backup is damaged. Nothing was changed.")
	}
	fa, err := gcm(fileKey)
	if err != nil {
		return nil, nil, err
	}
	return k, &chunkReader{r: r, a: fa}, nil
}

// readLine reads up to and without '\n', one byte at a time (r is the
// backup stream that follows; nothing may be read past the line).
func readLine(r io.Reader, max int) ([]byte, error) {
	var out []byte
	b := make([]byte, 1)
	for len(out) < max {
		if _, err := io.ReadFull(r, b); err != nil {
			return nil, err
		}
		if b[0] == '\n' {
			return out, nil
		}
		out = append(out, b[0])
	}
	return nil, errors.New("line too long")
}

// --- opening, encrypting, decrypting ---------------------------------------

// withKey turns on Badger's encryption with k's master key. Badger needs an
// index cache when encryption is on (its table indexes are encrypted and
// would otherwise be decrypted on every read).
func withKey(bo badger.Options, k *MasterKey) badger.Options {
	if k == nil {
		return bo
	}
	return bo.WithEncryptionKey(k.master).WithIndexCacheSize(16 << 20).WithEncryptionKeyRotationDuration(30 * 24 * time.Hour)
}

// openKey finds the key root's db/ needs: none for a plaintext database;
// opt.Key for a new one when set (its record is written into db/); else the
// key file's, unwrapped with opt.Key (same record) or opt.Passphrase.
func openKey(root string, opt Options) (*MasterKey, error) {
	dir := DBDir(root)
	k, err := readKeyRecord(dir)
	if errors.Is(err, os.ErrNotExist) {
		if opt.Key == nil {
			return nil, nil
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, openError(root, err)
		}
		if len(entries) > 0 {
			return nil, nil // an existing plaintext database stays plaintext
		}
		if err := writeKey(dir, opt.Key); err != nil {
			return nil, openError(root, err)
		}
		return opt.Key, nil
	}
	if err != nil {
		return nil, err
	}
	if opt.Key != nil && bytes.Equal(opt.Key.record.Wrapped, k.record.Wrapped) && bytes.Equal(opt.Key.record.Salt, k.record.Salt) {
		return opt.Key, nil
	}
	return unlock(root, opt.Passphrase, clockOr(opt.Clock))
}

// Encrypted reports whether the open workspace is encrypted.
func (s *Store) Encrypted() bool { return s.key != nil }

// Key is the open workspace's key (nil if plaintext), for staging a
// replacement that stays encrypted.
func (s *Store) Key() *MasterKey { return s.key }

// ChangePassphrase re-wraps the master key under next after checking old;
// the database itself is not rewritten.
func (s *Store) ChangePassphrase(old, next []byte) error {
	if s.key == nil {
		return errs.E(errs.Conflict, "This workspace is not encrypted; turn encryption on first.")
	}
	if err := checkPassphrase(next); err != nil {
		return err
	}
	if err := s.enter(); err != nil {
		return err
	}
	defer s.leave()
	if _, err := unlock(s.root, old, clockOr(s.clock)); err != nil {
		return err
	}
	k := &MasterKey{master: s.key.master}
	if err := k.wrap(next); err != nil {
		return err
	}
	if err := writeKey(DBDir(s.root), k); err != nil {
		return errs.E(errs.Unavailable, "Cannot write the new key file: %v. The old passphrase still works.", err)
	}
	s.key = k
	return nil
}

// Encrypt rewrites the plaintext workspace of root encrypted under
// passphrase: a backup streamed into a staging database with a new random
// master key, swapped in like a restore; the plaintext copy moved aside is
// then removed. Returns the paths of older plaintext copies still in the
// data folder (copies kept aside by imports and restores, backups), which
// it does not delete.
func Encrypt(root string, opt Options, passphrase []byte) (plainLeft []string, err error) {
	k, err := NewKey(passphrase)
	if err != nil {
		return nil, err
	}
	if IsEncrypted(root) {
		return nil, errs.E(errs.Conflict, "The workspace in %s is already encrypted; use change-passphrase to change its passphrase.", root)
	}
	return rekey(root, opt, k, "encrypt")
}

// Decrypt rewrites the encrypted workspace of root (unlocked with
// opt.Passphrase) as plaintext; the encrypted copy moved aside is removed.
func Decrypt(root string, opt Options) error {
	if !IsEncrypted(root) {
		return errs.E(errs.Conflict, "The workspace in %s is not encrypted.", root)
	}
	_, err := rekey(root, opt, nil, "decrypt")
	return err
}

func rekey(root string, opt Options, next *MasterKey, label string) ([]string, error) {
	if empty, _ := IsEmptyDataDir(root); empty {
		return nil, errs.E(errs.NotFound, "There is no workspace in %s.", root)
	}
	cur := opt
	cur.GCInterval, cur.Key = -1, nil
	cur.skipPrepare = true
	so := opt
	so.Key, so.noSeed = next, true
	aside, err := StageKeyed(root, so, label, true, func(staging string, _ *MasterKey) error {
		src, err := openLocked(root, cur)
		if err != nil {
			return err
		}
		defer src.Close()
		pr, pw := io.Pipe()
		go func() { pw.CloseWithError(src.plainBackup(pw)) }()
		err = Restore(staging, pr, Options{Logger: opt.Logger, Key: next})
		pr.CloseWithError(errors.New("restore ended"))
		return err
	})
	if err != nil {
		return nil, err
	}
	if aside != "" {
		if err := os.RemoveAll(aside); err != nil {
			return nil, errs.E(errs.Unavailable, "The workspace is rewritten, but the old copy %s could not be removed: %v. Delete it by hand.", aside, err)
		}
		syncDir(root)
	}
	_ = os.Remove(filepath.Join(root, FailuresName))
	if next == nil {
		return nil, nil
	}
	var left []string
	asides, _ := Asides(root)
	for _, a := range asides {
		if _, err := os.Stat(filepath.Join(a, KeyName)); err != nil {
			left = append(left, a)
		}
	}
	if entries, err := os.ReadDir(BackupDir(root)); err == nil {
		for _, e := range entries {
			p := filepath.Join(BackupDir(root), e.Name())
			if f, err := os.Open(p); err == nil {
				head := make([]byte, len(backupHeader))
				if _, err := io.ReadFull(f, head); err == nil && string(head) == backupHeader {
					left = append(left, p)
				}
				f.Close()
			}
		}
	}
	return left, nil
}

// UnlockKey unwraps the key of root's encrypted workspace with passphrase
// (counting wrong tries like Open), for a caller that opens it more than
// once (Options.Key) without running Argon2id each time.
func UnlockKey(root string, passphrase []byte) (*MasterKey, error) {
	return unlock(root, passphrase, clock.Real{})
}

// clockOr is c, or the real clock when none was given.
func clockOr(c clock.Clock) clock.Clock {
	if c == nil {
		return clock.Real{}
	}
	return c
}

// Master returns a copy of the unwrapped master key, for a caller that keeps
// it somewhere safer than a file (the OS keyring, decision 0027).
func (k *MasterKey) Master() []byte { return bytes.Clone(k.master) }

// KeyFromMaster pairs a master key kept elsewhere (the OS keyring) with the
// key file of root's encrypted workspace, for Options.Key: Open then uses it
// without the passphrase. Whether it is the right key is only known when
// Badger opens the database with it (KeyMismatch).
func KeyFromMaster(root string, master []byte) (*MasterKey, error) {
	if len(master) != 32 {
		return nil, errors.New("a master key has 32 bytes")
	}
	k, err := readKeyRecord(DBDir(root))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, errs.E(errs.Conflict, "The workspace in %s is not encrypted.", root)
		}
		return nil, err
	}
	k.master = bytes.Clone(master)
	return k, nil
}

// KeyMismatch reports whether err says the database is encrypted under
// another master key than the one given.
func KeyMismatch(err error) bool {
	return err != nil && (errors.Is(err, badger.ErrEncryptionKeyMismatch) || strings.Contains(err.Error(), badger.ErrEncryptionKeyMismatch.Error()))
}
