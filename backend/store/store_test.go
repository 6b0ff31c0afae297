package store_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/pb"
	"google.golang.org/protobuf/proto"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

type rec struct {
	ID   id.ID  `json:"id"`
	Name string `json:"name"`
	N    int    `json:"n"`
}

var recs = &store.Table[rec]{
	Name: "test record", Prefix: store.PrefixTest,
	ID: func(r *rec) id.ID { return r.ID },
	Indexes: []store.Index[rec]{{Prefix: store.IdxTestName, Terms: func(r *rec) [][]byte {
		return [][]byte{store.Term(store.Fold(r.Name))}
	}}},
}

func open(t *testing.T, dir string, ms ...store.Migration) *store.Store {
	t.Helper()
	s, err := store.Open(dir, store.Options{Migrations: ms, GCInterval: -1})
	if err != nil {
		t.Fatalf("open %s: %v", dir, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func put(t *testing.T, s *store.Store, r rec) {
	t.Helper()
	if err := s.Update(func(txn *badger.Txn) error { return recs.Put(txn, &r) }); err != nil {
		t.Fatalf("put: %v", err)
	}
}

func TestTableIndexesMoveWithRecord(t *testing.T) {
	s := open(t, t.TempDir())
	r := rec{ID: id.New(time.Now()), Name: "Alpha"}
	put(t, s, r)
	r.Name = "Beta"
	put(t, s, r)
	err := s.View(func(txn *badger.Txn) error {
		if got := store.Lookup(txn, store.IdxTestName, store.Term("alpha")); len(got) != 0 {
			t.Errorf("old index entry left behind: %v", got)
		}
		if got := store.Lookup(txn, store.IdxTestName, store.Term("beta")); len(got) != 1 || got[0] != r.ID {
			t.Errorf("lookup beta = %v, want [%s]", got, r.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Update(func(txn *badger.Txn) error { return recs.Delete(txn, r.ID) }); err != nil {
		t.Fatal(err)
	}
	_ = s.View(func(txn *badger.Txn) error {
		if n := store.CountPrefix(txn, []byte{store.IdxTestName}); n != 0 {
			t.Errorf("%d index entries after delete, want 0", n)
		}
		_, err := recs.Get(txn, r.ID)
		if !errs.Is(err, errs.NotFound) {
			t.Errorf("get after delete: %v, want not_found", err)
		}
		return nil
	})
}

func TestTermsAreUnambiguous(t *testing.T) {
	if bytes.Equal(store.Term("A", "Bc"), store.Term("AB", "c")) {
		t.Fatal(`Term("A","Bc") == Term("AB","c")`)
	}
	// A longer term sharing a prefix must not be found by Lookup.
	s := open(t, t.TempDir())
	a := rec{ID: id.New(time.Now()), Name: "ab"}
	b := rec{ID: id.New(time.Now()), Name: "abc"}
	put(t, s, a)
	put(t, s, b)
	_ = s.View(func(txn *badger.Txn) error {
		got := store.Lookup(txn, store.IdxTestName, store.Term("ab"))
		if len(got) != 1 || got[0] != a.ID {
			t.Errorf("lookup ab = %v, want only %s", got, a.ID)
		}
		return nil
	})
	// Times and negative numbers sort numerically.
	t1, t2 := time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	if bytes.Compare(store.Term(t1), store.Term(t2)) >= 0 || bytes.Compare(store.Term(-5), store.Term(3)) >= 0 {
		t.Error("fixed-width terms do not sort numerically")
	}
}

func TestCodecVersionByte(t *testing.T) {
	b, err := store.Encode(map[string]int{"a": 1})
	if err != nil || b[0] != 1 {
		t.Fatalf("Encode = %v, %v; want first byte 1", b, err)
	}
	var v map[string]int
	if err := store.Decode(b, &v); err != nil || v["a"] != 1 {
		t.Fatalf("Decode = %v, %v", v, err)
	}
	b[0] = 9
	if err := store.Decode(b, &v); err == nil || !strings.Contains(err.Error(), "unknown value encoding 9") {
		t.Fatalf("Decode of version 9: %v, want unknown encoding", err)
	}
	if err := store.Decode(nil, &v); err == nil {
		t.Fatal("Decode of empty value succeeded")
	}
}

func TestComposedOpsCommitTogether(t *testing.T) {
	s := open(t, t.TempDir())
	a := rec{ID: id.New(time.Now()), Name: "a"}
	b := rec{ID: id.New(time.Now()), Name: "b"}
	boom := errors.New("boom")
	err := s.Update(store.All(
		func(txn *badger.Txn) error { return recs.Put(txn, &a) },
		func(txn *badger.Txn) error { return recs.Put(txn, &b) },
		func(*badger.Txn) error { return boom },
	))
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	_ = s.View(func(txn *badger.Txn) error {
		if n := recs.Count(txn); n != 0 {
			t.Errorf("%d records after failed txn, want 0", n)
		}
		if n := store.CountPrefix(txn, []byte{store.IdxTestName}); n != 0 {
			t.Errorf("%d index entries after failed txn, want 0", n)
		}
		return nil
	})
}

func TestConflictRetried(t *testing.T) {
	s := open(t, t.TempDir())
	r := rec{ID: id.New(time.Now()), Name: "counter"}
	put(t, s, r)
	const workers, each = 4, 25
	var wg sync.WaitGroup
	var failed sync.Map
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				err := s.Update(func(txn *badger.Txn) error {
					cur, err := recs.Get(txn, r.ID)
					if err != nil {
						return err
					}
					cur.N++
					return recs.Put(txn, &cur)
				})
				if err != nil {
					failed.Store(fmt.Sprint(w, i), err)
				}
			}
		}()
	}
	wg.Wait()
	nFailed := 0
	failed.Range(func(_, v any) bool {
		nFailed++
		if !errs.Is(v.(error), errs.Conflict) {
			t.Errorf("failure is not a conflict: %v", v)
		}
		return true
	})
	var got rec
	_ = s.View(func(txn *badger.Txn) (err error) { got, err = recs.Get(txn, r.ID); return })
	if got.N != workers*each-nFailed {
		t.Fatalf("counter = %d, want %d (lost updates)", got.N, workers*each-nFailed)
	}
	if nFailed > workers*each/4 {
		t.Errorf("%d of %d updates gave up despite retries", nFailed, workers*each)
	}
}

func TestMarkerAndSchemaChecked(t *testing.T) {
	t.Run("new database gets marker and latest schema", func(t *testing.T) {
		dir := t.TempDir()
		ms := []store.Migration{{Version: 1, Name: "a", Up: noop}, {Version: 3, Name: "b", Up: noop}}
		s := open(t, dir, ms...)
		if s.Schema() != 3 {
			t.Fatalf("schema = %d, want 3", s.Schema())
		}
	})
	t.Run("newer schema refused", func(t *testing.T) {
		dir := t.TempDir()
		s := open(t, dir, store.Migration{Version: 5, Name: "future", Up: noop})
		s.Close()
		_, err := store.Open(dir, store.Options{GCInterval: -1})
		if !errs.Is(err, errs.Unavailable) || !strings.Contains(errs.MessageOf(err), "newer Wheelhouse") {
			t.Fatalf("open with older code: %v", err)
		}
	})
	t.Run("foreign badger database refused untouched", func(t *testing.T) {
		dir := t.TempDir()
		db, err := badger.Open(badger.DefaultOptions(store.DBDir(dir)).WithLogger(nil))
		if err != nil {
			t.Fatal(err)
		}
		_ = db.Update(func(txn *badger.Txn) error { return txn.Set([]byte("foreign"), []byte("x")) })
		db.Close()
		_, err = store.Open(dir, store.Options{GCInterval: -1})
		if !errs.Is(err, errs.Unavailable) || !strings.Contains(errs.MessageOf(err), "not Wheelhouse's") {
			t.Fatalf("open foreign db: %v", err)
		}
		db, _ = badger.Open(badger.DefaultOptions(store.DBDir(dir)).WithLogger(nil))
		defer db.Close()
		_ = db.View(func(txn *badger.Txn) error {
			if _, err := txn.Get([]byte("foreign")); err != nil {
				t.Errorf("foreign key lost: %v", err)
			}
			if _, err := txn.Get(store.Key(store.PrefixMeta, "marker")); err == nil {
				t.Error("marker written into a foreign database")
			}
			return nil
		})
	})
}

func noop(*store.Store) error { return nil }

// TestMigrationRewritesRecordsAfterBackup proves the migration runner: a v1
// database with records is opened by code at v2, whose migration rewrites
// every record; a backup of the v1 data is taken first and restores to the
// old records.
func TestMigrationRewritesRecordsAfterBackup(t *testing.T) {
	dir := t.TempDir()
	v1 := []store.Migration{{Version: 1, Name: "initial", Up: noop}}
	s := open(t, dir, v1...)
	var ids []id.ID
	for i := 0; i < 1200; i++ { // more than one Rewrite batch
		r := rec{ID: id.New(time.Now()), Name: fmt.Sprintf("name-%04d", i), N: i}
		put(t, s, r)
		ids = append(ids, r.ID)
	}
	s.Close()

	runs := 0
	v2 := append(v1, store.Migration{Version: 2, Name: "upper-case names, double n", Up: func(s *store.Store) error {
		runs++
		return s.Rewrite(store.PrefixTest, func(_, val []byte) ([]byte, error) {
			var r rec
			if err := store.Decode(val, &r); err != nil {
				return nil, err
			}
			if strings.HasPrefix(r.Name, "NAME-") { // idempotent: already migrated
				return val, nil
			}
			r.Name = strings.ToUpper(r.Name)
			r.N *= 2
			return store.Encode(r)
		})
	}})
	fake := clock.NewFake(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
	s2, err := store.Open(dir, store.Options{Migrations: v2, GCInterval: -1, Clock: fake})
	if err != nil {
		t.Fatalf("open with migration: %v", err)
	}
	if s2.Schema() != 2 || runs != 1 {
		t.Fatalf("schema %d after %d runs, want 2 after 1", s2.Schema(), runs)
	}
	_ = s2.View(func(txn *badger.Txn) error {
		for i, u := range ids {
			r, err := recs.Get(txn, u)
			if err != nil || r.Name != fmt.Sprintf("NAME-%04d", i) || r.N != 2*i {
				t.Fatalf("record %d after migration = %+v, %v", i, r, err)
			}
		}
		return nil
	})
	s2.Close()

	// Opening again does not migrate again.
	runs = 0
	s3 := open(t, dir, v2...)
	if runs != 0 || s3.Schema() != 2 {
		t.Fatalf("second open ran the migration %d times", runs)
	}
	s3.Close()

	backup := filepath.Join(store.BackupDir(dir), "pre-migration-schema1-20260301T120000Z.wheelhouse-backup")
	f, err := os.Open(backup)
	if err != nil {
		t.Fatalf("no backup before migration: %v", err)
	}
	defer f.Close()
	restored := t.TempDir()
	if err := store.Restore(restored, f, store.Options{}); err != nil {
		t.Fatalf("restore backup: %v", err)
	}
	old := open(t, restored, v1...)
	_ = old.View(func(txn *badger.Txn) error {
		r, err := recs.Get(txn, ids[7])
		if err != nil || r.Name != "name-0007" || r.N != 7 {
			t.Errorf("backup holds %+v, %v; want the pre-migration record", r, err)
		}
		return nil
	})
}

func TestFailedMigrationLeavesSchema(t *testing.T) {
	dir := t.TempDir()
	v1 := []store.Migration{{Version: 1, Name: "initial", Up: noop}}
	open(t, dir, v1...).Close()
	bad := append(v1, store.Migration{Version: 2, Name: "broken", Up: func(*store.Store) error { return errors.New("disk on fire") }})
	_, err := store.Open(dir, store.Options{Migrations: bad, GCInterval: -1})
	if err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("open = %v, want the migration error", err)
	}
	s := open(t, dir, v1...)
	if s.Schema() != 1 {
		t.Fatalf("schema = %d after failed migration, want 1", s.Schema())
	}
}

func TestLockedDirectoryClearMessage(t *testing.T) {
	dir := t.TempDir()
	open(t, dir)
	_, err := store.Open(dir, store.Options{GCInterval: -1})
	if !errs.Is(err, errs.Unavailable) {
		t.Fatalf("second open: %v, want unavailable", err)
	}
	if msg := errs.MessageOf(err); !strings.Contains(msg, "in use by another running Wheelhouse") {
		t.Fatalf("message %q does not explain the lock", msg)
	}
}

func TestBackupRestore(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	r := rec{ID: id.New(time.Now()), Name: "kept"}
	put(t, s, r)
	path := filepath.Join(t.TempDir(), "b.bak")
	if err := s.BackupToFile(path); err != nil {
		t.Fatal(err)
	}

	t.Run("into a non-empty folder is refused", func(t *testing.T) {
		f, _ := os.Open(path)
		defer f.Close()
		s.Close()
		err := store.Restore(dir, f, store.Options{})
		if !errs.Is(err, errs.Conflict) {
			t.Fatalf("restore over data: %v, want conflict", err)
		}
	})
	t.Run("garbage is refused and leaves nothing", func(t *testing.T) {
		target := t.TempDir()
		err := store.Restore(target, strings.NewReader("this is not a backup"), store.Options{})
		if !errs.Is(err, errs.Invalid) {
			t.Fatalf("restore garbage: %v", err)
		}
		if empty, _ := store.IsEmptyDataDir(target); !empty {
			t.Fatal("failed restore left a database behind")
		}
	})
	t.Run("a truncated backup is refused and leaves nothing", func(t *testing.T) {
		data, _ := os.ReadFile(path)
		target := t.TempDir()
		err := store.Restore(target, bytes.NewReader(data[:len(data)*2/3]), store.Options{})
		if !errs.Is(err, errs.Invalid) {
			t.Fatalf("restore truncated: %v, want invalid", err)
		}
		if empty, _ := store.IsEmptyDataDir(target); !empty {
			t.Fatal("failed restore left a database behind")
		}
	})
	t.Run("into a new folder", func(t *testing.T) {
		target := filepath.Join(t.TempDir(), "new")
		f, _ := os.Open(path)
		defer f.Close()
		if err := store.Restore(target, f, store.Options{}); err != nil {
			t.Fatal(err)
		}
		s2 := open(t, target)
		_ = s2.View(func(txn *badger.Txn) error {
			got, err := recs.Get(txn, r.ID)
			if err != nil || got.Name != "kept" {
				t.Errorf("restored %+v, %v", got, err)
			}
			if ids := store.Lookup(txn, store.IdxTestName, store.Term("kept")); len(ids) != 1 {
				t.Errorf("index not restored: %v", ids)
			}
			return nil
		})
	})
}

func TestGCRunsAndStops(t *testing.T) {
	dir := t.TempDir()
	s, err := store.Open(dir, store.Options{GCInterval: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("x", 4096)
	for i := 0; i < 50; i++ {
		r := rec{ID: id.New(time.Now()), Name: big[:100+i]}
		put(t, s, r)
	}
	time.Sleep(50 * time.Millisecond) // let the loop tick a few times
	done := make(chan error)
	go func() { done <- s.Close() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("close: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Close did not stop the GC loop")
	}
	if err := s.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
}

func TestLogsRoutedToSlog(t *testing.T) {
	var buf syncBuf
	l := newLogger(&buf)
	dir := t.TempDir()
	s, err := store.Open(dir, store.Options{Logger: l, GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if !strings.Contains(buf.String(), "badger: ") {
		t.Fatalf("badger log lines did not reach our logger:\n%s", buf.String())
	}
}

func TestJSONHelpers(t *testing.T) {
	s := open(t, t.TempDir())
	key := store.Key(store.PrefixSetting, "x")
	_ = s.Update(func(txn *badger.Txn) error { return store.PutJSON(txn, key, []string{"a"}) })
	_ = s.View(func(txn *badger.Txn) error {
		var v []string
		found, err := store.GetJSON(txn, key, &v)
		if !found || err != nil || len(v) != 1 {
			t.Errorf("GetJSON = %v %v %v", found, err, v)
		}
		found, err = store.GetJSON(txn, store.Key(store.PrefixSetting, "missing"), &v)
		if found || err != nil {
			t.Errorf("missing key: found=%v err=%v", found, err)
		}
		return nil
	})
}

// A crash between Badger creating a value log and sizing it leaves an empty
// .vlog file; the database must still open (it did not, before the repair).
func TestOpensAfterCrashLeftEmptyValueLog(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	r := rec{ID: id.New(time.Now()), Name: "survivor"}
	put(t, s, r)
	s.Close()
	if err := os.WriteFile(filepath.Join(store.DBDir(dir), "000099.vlog"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s2 := open(t, dir)
	_ = s2.View(func(txn *badger.Txn) error {
		if got, err := recs.Get(txn, r.ID); err != nil || got.Name != "survivor" {
			t.Errorf("after repair: %+v %v", got, err)
		}
		return nil
	})
}

// The same for a memtable's write-ahead log: Badger creates a new .mem file
// at every open and when a memtable fills, and sizes it afterwards; a crash
// in between left an empty one that Badger then refused ("while opening
// memtables … Create a new file"). Found by TestCrashSafety.
func TestOpensAfterCrashLeftEmptyMemtableLog(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	r := rec{ID: id.New(time.Now()), Name: "survivor"}
	put(t, s, r)
	s.Close()
	if err := os.WriteFile(filepath.Join(store.DBDir(dir), "00099.mem"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s2 := open(t, dir)
	defer s2.Close()
	_ = s2.View(func(txn *badger.Txn) error {
		if got, err := recs.Get(txn, r.ID); err != nil || got.Name != "survivor" {
			t.Errorf("after repair: %+v %v", got, err)
		}
		return nil
	})
	put(t, s2, rec{ID: id.New(time.Now()), Name: "after"})
}

// Closing the store while transactions run waits for them; later ones get a
// clear "closed" error instead of Badger's panic.
func TestCloseUnderLoad(t *testing.T) {
	s, err := store.Open(t.TempDir(), store.Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, rec{ID: id.New(time.Now()), Name: "x"})
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				err := s.View(func(txn *badger.Txn) error {
					_, err := recs.List(txn)
					return err
				})
				if err != nil && !errs.Is(err, errs.Unavailable) {
					t.Errorf("view: %v", err)
					return
				}
			}
		}()
	}
	time.Sleep(20 * time.Millisecond)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	err = s.Update(func(txn *badger.Txn) error { return nil })
	if !errs.Is(err, errs.Unavailable) {
		t.Fatalf("update after close: %v", err)
	}
	close(stop)
	wg.Wait()
}

// Badger is sized for a desktop (docs/decisions/0009-desktop-memory.md).
func TestDesktopSizedBadger(t *testing.T) {
	s := open(t, t.TempDir())
	defer s.Close()
	o := s.DB().Opts()
	for _, c := range []struct {
		what      string
		got, want int64
	}{
		{"memtable size (one transaction may use 15 % of it)", o.MemTableSize, 16 << 20},
		{"memtables", int64(o.NumMemtables), 2},
		{"block cache", o.BlockCacheSize, 16 << 20},
		{"index cache (0: in memory)", o.IndexCacheSize, 0},
		{"compactors", int64(o.NumCompactors), 2},
		{"value log file size", o.ValueLogFileSize, 64 << 20},
	} {
		if c.got != c.want {
			t.Errorf("%s: %d, want %d", c.what, c.got, c.want)
		}
	}
	if o.MetricsEnabled {
		t.Error("Badger metrics are on")
	}
}

// Machine-local derived data (the on-call replay checkpoints, 0x89) is left
// out of backups, and a restore drops it even when a backup holds it.
func TestBackupLeavesOutMachineLocalData(t *testing.T) {
	s := open(t, t.TempDir())
	r := rec{ID: id.New(time.Now()), Name: "kept"}
	put(t, s, r)
	cpKey := append([]byte{store.PrefixOnCallCheckpoint}, bytes.Repeat([]byte{7}, 28)...)
	if err := s.Update(func(txn *badger.Txn) error { return txn.Set(cpKey, []byte("state")) }); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := s.Backup(&b); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b.Bytes(), cpKey) {
		t.Fatal("the backup holds a replay checkpoint")
	}
	// A backup made elsewhere that holds one (and another record after it,
	// to show the frame is read).
	other := append([]byte{store.PrefixTest}, bytes.Repeat([]byte{9}, 16)...)
	frame, err := proto.Marshal(&pb.KVList{Kv: []*pb.KV{{Key: cpKey, Value: []byte("state"), Version: 5}, {Key: other, Value: []byte("x"), Version: 5}}})
	if err != nil {
		t.Fatal(err)
	}
	data := binary.LittleEndian.AppendUint64(bytes.Clone(b.Bytes()), uint64(len(frame)))
	data = append(data, frame...)
	target := filepath.Join(t.TempDir(), "r")
	if err := store.Restore(target, bytes.NewReader(data), store.Options{}); err != nil {
		t.Fatal(err)
	}
	s2 := open(t, target)
	_ = s2.View(func(txn *badger.Txn) error {
		if _, err := txn.Get(cpKey); !errors.Is(err, badger.ErrKeyNotFound) {
			t.Errorf("the restore kept a replay checkpoint (%v)", err)
		}
		if _, err := txn.Get(other); err != nil {
			t.Errorf("the record after it: %v", err)
		}
		if got, err := recs.Get(txn, r.ID); err != nil || got.Name != "kept" {
			t.Errorf("restored %+v, %v", got, err)
		}
		return nil
	})
}

// TryView inside a transaction while Close waits for it fails at once
// instead of deadlocking (View would wait for Close, which waits for the
// outer transaction).
func TestTryViewNeverWaitsForClose(t *testing.T) {
	s, err := store.Open(t.TempDir(), store.Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.TryView(func(*badger.Txn) error { return nil }); err != nil {
		t.Fatalf("TryView on an open store: %v", err)
	}
	closed := make(chan error, 1)
	err = s.View(func(*badger.Txn) error {
		go func() { closed <- s.Close() }()
		// Until Close waits for this transaction TryView succeeds; then it
		// fails, and never blocks.
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
			done := make(chan error, 1)
			go func() { done <- s.TryView(func(*badger.Txn) error { return nil }) }()
			select {
			case err := <-done:
				if err != nil {
					return nil
				}
			case <-time.After(5 * time.Second):
				t.Fatal("TryView waited for Close")
			}
			if time.Now().After(deadline) {
				t.Fatal("TryView never saw Close waiting")
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := <-closed; err != nil {
		t.Fatal(err)
	}
	if err := s.TryView(func(*badger.Txn) error { return nil }); err == nil {
		t.Fatal("TryView on a closed store: no error")
	}
}
