// Package store is the Badger layer every area of Wheelhouse uses: opening a
// data directory, checking that it holds a Wheelhouse database of a schema we
// understand, migrating it, transactions with bounded conflict retry, value-log
// garbage collection, backup and restore.
package store

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/pb"
	"google.golang.org/protobuf/proto"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
)

// Marker is stored under meta|"marker" in every Wheelhouse database.
const Marker = "wheelhouse-db"

var (
	keyMarker = Key(PrefixMeta, "marker")
	keySchema = Key(PrefixMeta, "schema")
)

// MaxConflictRetries bounds how often Update retries a transaction that lost
// a write conflict.
const MaxConflictRetries = 5

// Op is one step of a transaction. Ops compose: All(a, b) runs both inside one
// transaction. An Op must not do I/O, emit events or notify: it may run more
// than once when a conflict forces a retry.
type Op func(*badger.Txn) error

// All runs ops in order inside one transaction.
func All(ops ...Op) Op {
	return func(txn *badger.Txn) error {
		for _, op := range ops {
			if err := op(txn); err != nil {
				return err
			}
		}
		return nil
	}
}

// Migration moves the database from Version-1 to Version. Up must be
// idempotent: if the process dies midway it runs again on the next open.
type Migration struct {
	Version int
	Name    string
	Up      func(s *Store) error
}

// Options configure Open.
type Options struct {
	Logger     *slog.Logger
	Clock      clock.Clock
	Migrations []Migration // ordered by Version; the last Version is the current schema
	InMemory   bool        // for tests and benchmarks; no backups
	// GCInterval is how often value-log GC runs; 0 means 10 minutes, <0 disables.
	GCInterval time.Duration
	// SyncWrites defaults to true (a saved edit survives a crash or power cut);
	// set NoSync only for throw-away data such as benchmarks.
	NoSync bool
	// Passphrase unlocks an encrypted workspace (crypt.go); ignored for a
	// plaintext one.
	Passphrase []byte
	// Key, if set, encrypts a new (empty) database with it and opens one
	// whose key file holds the same record without running Argon2 again.
	Key *MasterKey

	skipPrepare bool // the caller already put root in order (Rekey)
	noSeed      bool // Stage: do not give the staged database the current key
	// KeepAside is how many copies of replaced workspaces (db.before-*)
	// Stage keeps; older ones are deleted after a swap. 0 means
	// DefaultKeepAside; the command line reads $WHEELHOUSE_KEEP_ASIDE.
	KeepAside int
}

// Store is an open Wheelhouse database.
type Store struct {
	db     *badger.DB
	root   string
	log    *slog.Logger
	clock  clock.Clock
	schema int

	cancel context.CancelFunc
	wg     sync.WaitGroup
	closed sync.Once

	changes changeLog // which key families commits wrote (changes.go)

	// life guards the database against being closed under a running
	// transaction: every View/Update holds it shared, Close takes it
	// exclusively. (Badger panics when an iterator is opened on a closed DB;
	// the app closes a workspace while background reminders may be reading.)
	life   sync.RWMutex
	isShut bool

	lock *Lock // the data folder's lock, released by Close (nil in memory or under Stage)

	openVersion uint64 // Badger's commit version at open: Close runs GC if it moved
	inMemory    bool

	key *MasterKey // the master key of an encrypted workspace; nil if plaintext
}

var errClosed = &errs.Error{Code: errs.Unavailable, Message: "The workspace is closed."}

// enter marks an operation in flight; it fails once the store is closed.
func (s *Store) enter() error {
	s.life.RLock()
	if s.isShut {
		s.life.RUnlock()
		return errClosed
	}
	return nil
}

func (s *Store) leave() { s.life.RUnlock() }

// DBDir and BackupDir are the parts of a data directory.
func DBDir(root string) string     { return filepath.Join(root, "db") }
func BackupDir(root string) string { return filepath.Join(root, "backups") }

// SchemaVersion is the schema a set of migrations leads to.
func SchemaVersion(ms []Migration) int {
	v := 1
	for _, m := range ms {
		if m.Version > v {
			v = m.Version
		}
	}
	return v
}

// Open opens (creating if needed) the database in data directory root. It
// takes the data folder's lock (LockName) and holds it until Close; a folder
// another Wheelhouse holds is refused with a clear message. Under the lock it
// first recovers an interrupted swap (recoverSwap).
func Open(root string, opt Options) (*Store, error) {
	if opt.InMemory {
		return openLocked(root, opt)
	}
	lock, err := LockDir(root)
	if err != nil {
		return nil, err
	}
	s, err := openLocked(root, opt)
	if err != nil {
		lock.Unlock()
		return nil, err
	}
	s.lock = lock
	return s, nil
}

// prepareRoot puts a data folder in order before its database is opened:
// an interrupted swap is finished or rolled back, and what killed imports,
// restores and backups left behind is removed. The caller holds the lock,
// so no live process is using any of it.
func prepareRoot(root string, log *slog.Logger) error {
	if err := recoverSwap(root, log); err != nil {
		return err
	}
	removeLeftovers(root, log)
	return nil
}

// openLocked is Open for a caller that holds root's lock (or an in-memory
// store, which needs none).
func openLocked(root string, opt Options) (*Store, error) {
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	if opt.Clock == nil {
		opt.Clock = clock.Real{}
	}
	for i := 1; i < len(opt.Migrations); i++ {
		if opt.Migrations[i].Version <= opt.Migrations[i-1].Version {
			return nil, fmt.Errorf("store: migrations out of order at %q", opt.Migrations[i].Name)
		}
	}
	var bo badger.Options
	if opt.InMemory {
		bo = badger.DefaultOptions("").WithInMemory(true)
	} else {
		if !opt.skipPrepare {
			if err := prepareRoot(root, opt.Logger); err != nil {
				return nil, openError(root, err)
			}
		}
		if err := os.MkdirAll(DBDir(root), 0o700); err != nil {
			return nil, errs.E(errs.Unavailable, "Cannot create the data folder %s: %v", root, err)
		}
		if err := removeEmptyLogs(DBDir(root), opt.Logger); err != nil {
			return nil, openError(root, err)
		}
		bo = badger.DefaultOptions(DBDir(root))
	}
	bo = desktopOptions(bo).WithSyncWrites(!opt.NoSync).WithLogger(badgerLogger{opt.Logger})
	var key *MasterKey
	if !opt.InMemory {
		var err error
		if key, err = openKey(root, opt); err != nil {
			return nil, err
		}
		bo = withKey(bo, key)
	}

	db, err := badger.Open(bo)
	if err != nil {
		return nil, openError(root, err)
	}
	s := &Store{db: db, root: root, log: opt.Logger, clock: opt.Clock, key: key}
	if err := s.checkAndMigrate(opt); err != nil {
		_ = db.Close()
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	s.trackChanges(ctx)
	if opt.GCInterval >= 0 && !opt.InMemory {
		iv := opt.GCInterval
		if iv == 0 {
			iv = 10 * time.Minute
		}
		s.wg.Add(1)
		go s.gcLoop(ctx, iv)
	}
	return s, nil
}

// desktopOptions size Badger for one person's workspace on a laptop, not a
// server (Badger's defaults: 64 MB memtables, five of them, a 256 MB block
// cache, four compactors). docs/decisions/0009-desktop-memory.md has the
// measurements behind each figure.
func desktopOptions(bo badger.Options) badger.Options {
	return bo.
		// A memtable is one arena allocated whole on the Go heap (16 MB
		// makes a 21 MB arena). It cannot be smaller: Badger caps one
		// transaction at 15 % of it, and hard-deleting a person of the large
		// demo (hundreds of follow-ups and incidents detached in one
		// transaction) needs about 2 MB; with 8 MB most such deletes fail.
		WithMemTableSize(16 << 20).
		// One memtable being written and one being flushed: a big import
		// waits for the flush instead of holding five arenas.
		WithNumMemtables(2).
		// Decompressed blocks of the working set; the large demo is 14 MB on
		// disk and its screens read a fraction of it.
		WithBlockCacheSize(16 << 20).
		// 0 keeps every table's index and bloom filter in memory, which for
		// a workspace is a few hundred kB; a cache would re-read them.
		WithIndexCacheSize(0).
		WithNumCompactors(2). // the minimum Badger recommends
		WithMetricsEnabled(false).
		WithValueLogFileSize(64 << 20).
		WithNumVersionsToKeep(1).
		WithCompactL0OnClose(true)
}

// removeEmptyLogs deletes zero-length value logs (.vlog) and memtable
// write-ahead logs (.mem). Badger creates both with O_CREATE and sizes them
// afterwards (a .mem at every open and whenever a memtable fills); a crash in
// between leaves an empty file that Badger then refuses to open ("Open
// existing file … Create a new file", "while opening memtables … Create a new
// file"), locking the user out of an intact database. An empty file holds no
// entries, so removing it loses nothing. Both found by the SIGKILL crash test
// (backend/store/crash_test.go).
func removeEmptyLogs(dir string, log *slog.Logger) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil
		}
		return err
	}
	for _, e := range entries {
		if e.IsDir() || !(strings.HasSuffix(e.Name(), ".vlog") || strings.HasSuffix(e.Name(), ".mem")) {
			continue
		}
		info, err := e.Info()
		if err != nil || info.Size() != 0 {
			continue
		}
		if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
			return err
		}
		log.Warn("removed an empty log file left by a crash", "file", e.Name())
	}
	return nil
}

// IsLocked reports whether err says the data folder is in use by another
// process (another Wheelhouse holds Badger's directory lock).
func IsLocked(err error) bool {
	return err != nil && (errors.Is(err, ErrLocked) || strings.Contains(err.Error(), "Cannot acquire directory lock"))
}

func openError(root string, err error) error {
	msg := err.Error()
	switch {
	case errors.Is(err, ErrLocked) || strings.Contains(msg, "Cannot acquire directory lock"):
		return &errs.Error{Code: errs.Unavailable, Op: "store.Open", Err: err, Message: fmt.Sprintf(
			"The data folder %s is in use by another running Wheelhouse (the app, or a command such as import-json or restore). Close that one first or wait for it to finish, or choose another folder with --data.", root)}
	case errors.Is(err, os.ErrPermission) || strings.Contains(msg, "permission denied"):
		return &errs.Error{Code: errs.Unavailable, Op: "store.Open", Err: err, Message: fmt.Sprintf(
			"Wheelhouse may not read or write its data folder %s (permission denied).", root)}
	default:
		return &errs.Error{Code: errs.Unavailable, Op: "store.Open", Err: err, Message: fmt.Sprintf(
			"Wheelhouse cannot open its database in %s: %v", root, err)}
	}
}

// checkAndMigrate verifies the marker and schema version, initialising a new
// database and migrating an old one (after a backup).
func (s *Store) checkAndMigrate(opt Options) error {
	latest := SchemaVersion(opt.Migrations)
	var marker []byte
	var schema int
	empty := true
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: false})
		it.Rewind()
		empty = !it.Valid()
		it.Close()
		if item, err := txn.Get(keyMarker); err == nil {
			marker, _ = item.ValueCopy(nil)
		}
		if item, err := txn.Get(keySchema); err == nil {
			b, _ := item.ValueCopy(nil)
			if len(b) == 4 {
				schema = int(binary.BigEndian.Uint32(b))
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if empty {
		s.schema = latest
		return s.Update(func(txn *badger.Txn) error {
			if err := txn.Set(keyMarker, []byte(Marker)); err != nil {
				return err
			}
			return txn.Set(keySchema, binary.BigEndian.AppendUint32(nil, uint32(latest)))
		})
	}
	if string(marker) != Marker {
		return errs.E(errs.Unavailable, "The folder %s holds a database that is not Wheelhouse's; Wheelhouse will not touch it.", s.root)
	}
	if schema == 0 {
		return errs.E(errs.Unavailable, "The Wheelhouse database in %s has no schema version; it may be damaged. Restore a backup.", s.root)
	}
	if schema > latest {
		return errs.E(errs.Unavailable, "The database in %s was written by a newer Wheelhouse (schema %d; this one knows up to %d). Update Wheelhouse.", s.root, schema, latest)
	}
	s.schema = schema
	if schema == latest {
		return nil
	}
	if !opt.InMemory {
		path, err := s.backupBeforeMigration(schema)
		if err != nil {
			return errs.Wrap("store.migrate", fmt.Errorf("backup before migration failed, nothing was changed: %w", err))
		}
		s.log.Info("backed up database before migration", "path", path, "from", schema, "to", latest)
	}
	for _, m := range opt.Migrations {
		if m.Version <= s.schema {
			continue
		}
		s.log.Info("migrating database", "to", m.Version, "name", m.Name)
		if err := m.Up(s); err != nil {
			return &errs.Error{Code: errs.Internal, Op: "store.migrate", Err: fmt.Errorf("migration %d (%s): %w", m.Version, m.Name, err)}
		}
		v := m.Version
		if err := s.Update(func(txn *badger.Txn) error {
			return txn.Set(keySchema, binary.BigEndian.AppendUint32(nil, uint32(v)))
		}); err != nil {
			return err
		}
		s.schema = v
	}
	return nil
}

func (s *Store) backupBeforeMigration(from int) (string, error) {
	dir := BackupDir(s.root)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	name := fmt.Sprintf("pre-migration-schema%d-%s.wheelhouse-backup", from, s.clock.Now().UTC().Format("20060102T150405Z"))
	path := filepath.Join(dir, name)
	if err := WriteFileAtomic(path, func(w io.Writer) error { return s.Backup(w) }); err != nil {
		return "", err
	}
	return path, nil
}

// Root is the data directory.
func (s *Store) Root() string { return s.root }

// Schema is the schema version of the open database.
func (s *Store) Schema() int { return s.schema }

// DB exposes Badger for migrations and benchmarks.
func (s *Store) DB() *badger.DB { return s.db }

// View runs fn in a read-only transaction.
func (s *Store) View(fn func(*badger.Txn) error) error {
	if err := s.enter(); err != nil {
		return err
	}
	defer s.leave()
	return mapErr(s.db.View(fn))
}

// errBusy: TryView found the store closing.
var errBusy = &errs.Error{Code: errs.Unavailable, Message: "The workspace is closing."}

// TryView is View for a read that may run inside another transaction of
// this store (a lazily read cache entry): it never waits. View there could
// deadlock with Close, which waits for the outer transaction while holding
// off new ones; TryView fails at once instead while Close waits or after it.
func (s *Store) TryView(fn func(*badger.Txn) error) error {
	if !s.life.TryRLock() {
		return errBusy
	}
	defer s.life.RUnlock()
	if s.isShut {
		return errClosed
	}
	return mapErr(s.db.View(fn))
}

// Update runs fn in a read-write transaction and commits it, retrying up to
// MaxConflictRetries times when another transaction won a write conflict.
func (s *Store) Update(fn func(*badger.Txn) error) error {
	if err := s.enter(); err != nil {
		return err
	}
	defer s.leave()
	var err error
	for attempt := 0; attempt <= MaxConflictRetries; attempt++ {
		err = s.db.Update(fn)
		if !errors.Is(err, badger.ErrConflict) {
			return mapErr(err)
		}
		time.Sleep(time.Duration(attempt+1) * time.Millisecond)
	}
	return &errs.Error{Code: errs.Conflict, Op: "store.Update", Err: err,
		Message: "Someone else changed the same data at the same time; please try again."}
}

func mapErr(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, badger.ErrKeyNotFound):
		return &errs.Error{Code: errs.NotFound, Err: err, Message: "Not found."}
	case errors.Is(err, badger.ErrTxnTooBig):
		return &errs.Error{Code: errs.Invalid, Err: err, Message: "This change is too large to save in one step."}
	case errors.Is(err, badger.ErrDBClosed):
		return &errs.Error{Code: errs.Unavailable, Err: err, Message: "The workspace is closed."}
	}
	return err
}

// Rewrite calls fn on every record under prefix and writes back what it
// returns (nil deletes). It commits in batches, so it suits migrations of any
// size; fn must therefore be idempotent.
func (s *Store) Rewrite(prefix byte, fn func(key, val []byte) ([]byte, error)) error {
	if err := s.enter(); err != nil {
		return err
	}
	defer s.leave()
	type kv struct{ k, v []byte }
	var batch []kv
	var last []byte
	for {
		batch = batch[:0]
		err := s.db.View(func(txn *badger.Txn) error {
			it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 100, Prefix: []byte{prefix}})
			defer it.Close()
			if last == nil {
				it.Rewind()
			} else {
				it.Seek(last)
				if it.Valid() && string(it.Item().Key()) == string(last) {
					it.Next()
				}
			}
			for ; it.Valid() && len(batch) < 500; it.Next() {
				v, err := it.Item().ValueCopy(nil)
				if err != nil {
					return err
				}
				batch = append(batch, kv{it.Item().KeyCopy(nil), v})
			}
			return nil
		})
		if err != nil || len(batch) == 0 {
			return err
		}
		wb := s.db.NewWriteBatch()
		for _, e := range batch {
			nv, err := fn(e.k, e.v)
			if err != nil {
				wb.Cancel()
				return fmt.Errorf("record %x: %w", e.k, err)
			}
			if nv == nil {
				err = wb.Delete(e.k)
			} else {
				err = wb.Set(e.k, nv)
			}
			if err != nil {
				wb.Cancel()
				return err
			}
		}
		if err := wb.Flush(); err != nil {
			return err
		}
		last = batch[len(batch)-1].k
	}
}

func (s *Store) gcLoop(ctx context.Context, every time.Duration) {
	defer s.wg.Done()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			n := s.RunGC(ctx)
			if n > 0 {
				s.log.Debug("value log GC", "rewritten", n)
			}
		}
	}
}

// RunGC runs value-log GC until there is nothing to rewrite or ctx ends, and
// returns how many files were rewritten.
func (s *Store) RunGC(ctx context.Context) int {
	n := 0
	for ctx.Err() == nil {
		if err := s.db.RunValueLogGC(0.5); err != nil {
			if !errors.Is(err, badger.ErrNoRewrite) && !errors.Is(err, badger.ErrRejected) {
				s.log.Warn("value log GC", "err", err)
			}
			return n
		}
		n++
	}
	return n
}

// CloseGCBudget bounds the value-log GC Close runs after writes.
var CloseGCBudget = 2 * time.Second

// gcOnClose runs value-log GC, for at most about CloseGCBudget (one
// value-log rewrite may finish past it), when this session wrote anything.
// Short CLI runs never reach the GC loop's first tick, and Badger starts a
// new value log at every open, so 30 calendar imports left 22 value logs,
// 122 MB for 2.2 MB of data. (The discard statistics GC needs are those
// the previous sessions' compaction on close recorded.)
func (s *Store) gcOnClose() {
	if s.inMemory || s.db.MaxVersion() == s.openVersion {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), CloseGCBudget)
	defer cancel()
	if n := s.RunGC(ctx); n > 0 {
		s.log.Debug("value log GC on close", "rewritten", n)
	}
}

// Close stops the GC loop and closes the database. Safe to call twice.
func (s *Store) Close() error {
	var err error
	s.closed.Do(func() {
		if s.cancel != nil {
			s.cancel()
		}
		s.wg.Wait()
		s.life.Lock() // waits for transactions in flight
		s.isShut = true
		s.life.Unlock()
		s.gcOnClose()
		err = s.db.Close()
		if uerr := s.lock.Unlock(); err == nil {
			err = uerr
		}
	})
	return err
}

// backupHeader starts every Wheelhouse backup file, ahead of Badger's
// backup stream, so a wrong file is refused before Badger reads it.
const backupHeader = "WHEELHOUSE-BACKUP 1\n"

// Backup writes a full, consistent backup of the database to w.
func (s *Store) Backup(w io.Writer) error {
	if err := s.enter(); err != nil {
		return err
	}
	defer s.leave()
	if s.key != nil {
		return encryptedBackup(w, s.key, s.plainBackup)
	}
	return s.plainBackup(w)
}

// plainBackup writes the unencrypted backup stream.
func (s *Store) plainBackup(w io.Writer) error {
	if _, err := io.WriteString(w, backupHeader); err != nil {
		return err
	}
	// One goroutine and batches of at most 4 MB: Badger's default (8
	// goroutines, each with a 32 MB buffer, batches up to 100 MB) took the
	// app's heap from 22 MB to 540 MB for the large demo's 40 MB backup and
	// both CPUs for a second, while the manager is using the window. The
	// stream is the same (Restore reads any of them).
	st := s.db.NewStream()
	st.LogPrefix = "DB.Backup"
	st.NumGo = 1
	st.MaxSize = 4 << 20
	st.ChooseKey = func(item *badger.Item) bool { return !NotBackedUp(item.Key()) }
	_, err := st.Backup(w, 0)
	return err
}

// BackupToFile writes a backup to path atomically (temp file, fsync, rename).
func (s *Store) BackupToFile(path string) error {
	RemoveStaleTemps(filepath.Dir(path)) // an earlier backup into this folder that was killed
	return WriteFileAtomic(path, s.Backup)
}

// IsEmptyDataDir reports whether root has no database yet (missing, or a db
// folder with no files).
func IsEmptyDataDir(root string) (bool, error) {
	entries, err := os.ReadDir(DBDir(root))
	if errors.Is(err, os.ErrNotExist) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	return len(entries) == 0, nil
}

// Restore loads a backup into data directory root, which must be empty or
// new (Stage hands it a private staging folder). The backup is not trusted:
// its stream is read frame by frame with bounds (readBackup) and each record
// is written afresh, so a damaged or hostile file ends in a clear error, not
// in an out-of-memory crash, a hang or a database that fails later. The
// records' meaning (do they decode, do they pass the import checks) is
// checked by the caller, workspace.RestoreFolder. On any error nothing is
// left behind in root.
func Restore(root string, r io.Reader, opt Options) error {
	lock, err := LockDir(root)
	if err != nil {
		return err
	}
	defer lock.Unlock()
	empty, err := IsEmptyDataDir(root)
	if err != nil {
		return errs.E(errs.Unavailable, "Cannot read %s: %v", root, err)
	}
	if !empty {
		return errs.E(errs.Conflict, "The data folder %s already holds a workspace. Restore into an empty folder, or use --force to keep the old one aside.", root)
	}
	notBackup := errs.E(errs.Invalid, "That file is not a Wheelhouse backup. Nothing was changed.")
	head := make([]byte, len(backupHeader))
	if _, err := io.ReadFull(r, head); err != nil {
		return notBackup
	}
	key := opt.Key
	if string(head) != backupHeader {
		rest := make([]byte, len(encBackupHeader)-len(head))
		if string(head) != encBackupHeader[:len(head)] {
			return notBackup
		}
		if _, err := io.ReadFull(r, rest); err != nil || string(head)+string(rest) != encBackupHeader {
			return notBackup
		}
		k, plain, err := openEncryptedBackup(r, opt.Passphrase, opt.Key)
		if err != nil {
			return err
		}
		key, r = k, plain
		if _, err := io.ReadFull(r, head); err != nil || string(head) != backupHeader {
			return errs.E(errs.Invalid, "That encrypted backup is damaged. Nothing was changed.")
		}
	}
	if err := os.MkdirAll(DBDir(root), 0o700); err != nil {
		return errs.E(errs.Unavailable, "Cannot create %s: %v", root, err)
	}
	if key != nil {
		if err := writeKey(DBDir(root), key); err != nil {
			_ = os.RemoveAll(DBDir(root))
			return errs.E(errs.Unavailable, "Cannot write the key file in %s: %v", root, err)
		}
	}
	bo := withKey(desktopOptions(badger.DefaultOptions(DBDir(root))).WithSyncWrites(false).WithLogger(badgerLogger{opt.Logger}), key)
	db, err := badger.Open(bo)
	if err != nil {
		_ = os.RemoveAll(DBDir(root))
		return openError(root, err)
	}
	wb := db.NewWriteBatch()
	loadErr := readBackup(r, func(key, val []byte) error {
		if NotBackedUp(key) {
			return nil // derived, machine-local: never taken from a backup
		}
		return wb.Set(key, val)
	})
	if loadErr == nil {
		loadErr = wb.Flush()
	} else {
		wb.Cancel()
	}
	var marker []byte
	if loadErr == nil {
		_ = db.View(func(txn *badger.Txn) error {
			if item, err := txn.Get(keyMarker); err == nil {
				marker, _ = item.ValueCopy(nil)
			}
			return nil
		})
		if string(marker) != Marker {
			loadErr = errors.New("the file is not a Wheelhouse backup")
		} else {
			loadErr = db.Sync()
		}
	}
	closeErr := db.Close()
	if loadErr == nil {
		loadErr = closeErr
	}
	if loadErr != nil {
		_ = os.RemoveAll(DBDir(root))
		return &errs.Error{Code: errs.Invalid, Op: "store.Restore", Err: loadErr,
			Message: fmt.Sprintf("Could not restore: %v. Nothing was changed.", loadErr)}
	}
	return nil
}

// Bounds on a backup stream. A workspace's keys are short (an index term is
// at most a name or an external id) and its values at most a 1 MB cache
// chunk; Badger's own backup frames are up to about 100 MB.
const (
	MaxBackupFrame   = 256 << 20
	MaxBackupKey     = 4 << 10
	MaxBackupValue   = 16 << 20
	maxBackupVersion = 1 << 56 // Badger's versions count commits from 1
)

// Badger's entry meta bits a backup may carry (badger/value.go).
const (
	metaDelete         = 1 << 0
	metaValuePointer   = 1 << 1 // the backup holds the value itself all the same
	metaDiscardEarlier = 1 << 2
)

// readBackup reads Badger's backup stream (frames of a little-endian uint64
// length and a protobuf KVList) and calls put with the latest live value of
// every key. It trusts nothing: a frame longer than MaxBackupFrame, or longer
// than the bytes that follow it, is refused before anything is allocated for
// it (bytes are read as they come); keys, values, meta bits and versions are
// checked; a key that comes back after other keys is refused. Versions and
// expiry are not carried over: records are written afresh.
func readBackup(r io.Reader, put func(key, val []byte) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var buf bytes.Buffer
	seen := map[string]struct{}{}
	var prev []byte
	for frame := 1; ; frame++ {
		var hdr [8]byte
		if _, err := io.ReadFull(br, hdr[:]); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("the backup is cut short (in the length of part %d)", frame)
		}
		sz := binary.LittleEndian.Uint64(hdr[:])
		if sz > MaxBackupFrame {
			return fmt.Errorf("the backup is damaged (part %d claims %d bytes; at most %d)", frame, sz, MaxBackupFrame)
		}
		buf.Reset()
		if n, err := io.CopyN(&buf, br, int64(sz)); err != nil {
			return fmt.Errorf("the backup is cut short (part %d has %d of its %d bytes)", frame, n, sz)
		}
		var list pb.KVList
		if err := proto.Unmarshal(buf.Bytes(), &list); err != nil {
			return fmt.Errorf("the backup is damaged (part %d does not decode: %v)", frame, err)
		}
		for _, kv := range list.Kv {
			if kv.StreamDone {
				continue
			}
			key := kv.Key
			switch {
			case len(key) == 0:
				return fmt.Errorf("the backup is damaged (an empty key in part %d)", frame)
			case len(key) > MaxBackupKey:
				return fmt.Errorf("the backup is damaged (a key of %d bytes; at most %d)", len(key), MaxBackupKey)
			case len(kv.Value) > MaxBackupValue:
				return fmt.Errorf("the backup is damaged (a value of %d bytes under key %x; at most %d)", len(kv.Value), key[:1], MaxBackupValue)
			case len(kv.Meta) > 1 || len(kv.UserMeta) > 1:
				return fmt.Errorf("the backup is damaged (malformed entry flags under key %x)", key[:1])
			case kv.Version > maxBackupVersion || (kv.Version == 0 && (len(kv.Meta) != 1 || kv.Meta[0]&metaDelete == 0)):
				// (0 only on the delete marker Badger puts below version 1)
				return fmt.Errorf("the backup is damaged (entry version %d)", kv.Version)
			case kv.ExpiresAt != 0:
				return fmt.Errorf("the backup is damaged (an expiring entry; Wheelhouse writes none)")
			}
			var meta byte
			if len(kv.Meta) == 1 {
				meta = kv.Meta[0]
			}
			if meta&^(metaDelete|metaValuePointer|metaDiscardEarlier) != 0 {
				return fmt.Errorf("the backup is damaged (entry flags %#x)", meta)
			}
			if bytes.Equal(key, prev) {
				continue // an older version of the key just written
			}
			if _, dup := seen[string(key)]; dup {
				return fmt.Errorf("the backup is damaged (a key appears twice)")
			}
			seen[string(key)] = struct{}{}
			prev = append(prev[:0], key...)
			if meta&metaDelete != 0 {
				continue // deleted: absent
			}
			if err := put(key, kv.Value); err != nil {
				return err
			}
		}
	}
}

// WriteFileAtomic writes a file through a temp file, fsync and rename, so a
// crash leaves either the old file or the whole new one.
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, ".tmp-"+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	// Locked while it is written: RemoveStaleTemps leaves it alone, and
	// removes it once the writer is gone (killed) and the OS let go.
	_ = lockFile(f)
	inFlight.Store(tmp, true)
	defer inFlight.Delete(tmp)
	defer os.Remove(tmp)
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if runtime.GOOS != "windows" {
		// Renamed while still open (and locked), so no cleaner can take
		// the finished file for a leftover between close and rename.
		if err := os.Rename(tmp, path); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// inFlight holds the temp files of this process's atomic writes in progress.
var inFlight sync.Map

// RemoveTempsInFlight removes the temp files of the atomic writes this
// process is doing now; a command calls it when it is interrupted (Ctrl+C,
// SIGTERM) before it exits, so a cut-off backup leaves nothing behind.
func RemoveTempsInFlight() {
	inFlight.Range(func(k, _ any) bool {
		_ = os.Remove(k.(string))
		return true
	})
}

// staleTempName matches the temp files of WriteFileAtomic: .tmp-NAME-DIGITS.
var staleTempName = regexp.MustCompile(`^\.tmp-.+-[0-9]+$`)

// RemoveStaleTemps removes from dir the temp files that backups killed
// mid-way left (`wheelhouse backup FILE` writes FILE's folder): named like
// WriteFileAtomic's, empty or starting like a backup, and not locked by a
// live writer. Other files, someone else's .tmp-* among them, stay. It
// returns the paths removed.
func RemoveStaleTemps(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		if !e.Type().IsRegular() || !staleTempName.MatchString(e.Name()) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		f, err := os.OpenFile(p, os.O_RDWR, 0)
		if err != nil {
			continue
		}
		head := make([]byte, len("WHEELHOUSE-BACKUP"))
		n, _ := io.ReadFull(f, head)
		// empty, cut inside the header, or a backup (plain or encrypted)
		ours := strings.HasPrefix("WHEELHOUSE-BACKUP", string(head[:n]))
		if !ours || lockFile(f) != nil { // not a backup, or being written now
			f.Close()
			continue
		}
		if runtime.GOOS == "windows" {
			f.Close()
			if os.Remove(p) == nil {
				removed = append(removed, p)
			}
			continue
		}
		if os.Remove(p) == nil {
			removed = append(removed, p)
		}
		f.Close()
	}
	return removed
}

// badgerLogger routes Badger's log lines to slog. Badger's Info lines are
// routine (compactions, replay) and go to Debug.
type badgerLogger struct{ l *slog.Logger }

func (b badgerLogger) Errorf(f string, a ...any) {
	b.get().Error("badger: " + strings.TrimSpace(fmt.Sprintf(f, a...)))
}
func (b badgerLogger) Warningf(f string, a ...any) {
	b.get().Warn("badger: " + strings.TrimSpace(fmt.Sprintf(f, a...)))
}
func (b badgerLogger) Infof(f string, a ...any) {
	b.get().Debug("badger: " + strings.TrimSpace(fmt.Sprintf(f, a...)))
}
func (b badgerLogger) Debugf(f string, a ...any) {
	b.get().Debug("badger: " + strings.TrimSpace(fmt.Sprintf(f, a...)))
}
func (b badgerLogger) get() *slog.Logger {
	if b.l == nil {
		return slog.New(slog.DiscardHandler)
	}
	return b.l
}
