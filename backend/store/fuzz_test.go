package store_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// FuzzRestore feeds store.Restore arbitrary files. Whatever the bytes, it
// must return (no panic, no out-of-memory, no hang) and either refuse with
// a clear Invalid error and leave the folder without a database, or leave
// a database that opens. `make fuzz` runs it for a short while; the seed
// corpus (a real backup, cut and bent) runs in every `go test`.
func FuzzRestore(f *testing.F) {
	dir := f.TempDir()
	s, err := store.Open(dir, store.Options{GCInterval: -1})
	if err != nil {
		f.Fatal(err)
	}
	for i := 0; i < 30; i++ {
		r := rec{ID: id.New(time.Now()), Name: "fuzz " + string(rune('a'+i%26)), N: i}
		if err := s.Update(func(txn *badger.Txn) error { return recs.Put(txn, &r) }); err != nil {
			f.Fatal(err)
		}
	}
	var good bytes.Buffer
	if err := s.Backup(&good); err != nil {
		f.Fatal(err)
	}
	s.Close()
	g := good.Bytes()
	header := g[:len("WHEELHOUSE-BACKUP 1\n")]
	f.Add(g)
	f.Add(g[:len(g)/2])
	f.Add(header)
	f.Add(binary.LittleEndian.AppendUint64(bytes.Clone(header), 1<<62))
	f.Add(binary.LittleEndian.AppendUint64(bytes.Clone(header), 64))
	f.Add(append(bytes.Clone(g), g[len(header):]...)) // every key twice
	f.Add([]byte("hello"))
	f.Fuzz(func(t *testing.T, data []byte) {
		root := filepath.Join(t.TempDir(), "r")
		err := store.Restore(root, bytes.NewReader(data), store.Options{})
		if err != nil {
			if !errs.Is(err, errs.Invalid) {
				t.Fatalf("restore failed without a clear reason: %v", err)
			}
			if empty, _ := store.IsEmptyDataDir(root); !empty {
				t.Fatalf("a refused restore left a database behind: %v", err)
			}
			return
		}
		st, err := store.Open(root, store.Options{GCInterval: -1})
		if err != nil {
			var e *errs.Error
			if !errors.As(err, &e) {
				t.Fatalf("restored database does not open: %v", err)
			}
			return
		}
		st.Close()
		_ = os.RemoveAll(root)
	})
}
