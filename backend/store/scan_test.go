package store_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// setRaw writes raw keys (values: the key in hex) under the test prefixes.
func setRaw(t *testing.T, s *store.Store, keys ...[]byte) {
	t.Helper()
	err := s.Update(func(txn *badger.Txn) error {
		for _, k := range keys {
			if err := txn.Set(k, []byte(fmt.Sprintf("%x", k))); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func k(b ...byte) []byte { return b }

// keysOf runs store.Keys and returns the keys seen, in hex.
func keysOf(t *testing.T, s *store.Store, r store.Range) string {
	t.Helper()
	var got []string
	err := s.View(func(txn *badger.Txn) error {
		return store.Keys(txn, r, func(k []byte) error {
			got = append(got, fmt.Sprintf("%x", k))
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(got, " ")
}

func TestKeysRanges(t *testing.T) {
	s := open(t, t.TempDir())
	const p = store.PrefixTest
	// Around the prefix f001: f000ff before it, f002 just after it (the
	// first key past every f001… key), f101 under the next table prefix.
	setRaw(t, s, k(p, 0x00, 0xFF), k(p, 0x01), k(p, 0x01, 0x05), k(p, 0x01, 0x10), k(p, 0x01, 0x10, 0x01),
		k(p, 0x01, 0x20), k(p, 0x01, 0xFF, 0xFF), k(p, 0x02), k(p+1, 0x01))
	for _, c := range []struct {
		name string
		r    store.Range
		want string
	}{
		{"prefix", store.Range{Prefix: k(p, 0x01)}, "f001 f00105 f00110 f0011001 f00120 f001ffff"},
		{"prefix reversed", store.Range{Prefix: k(p, 0x01), Reverse: true}, "f001ffff f00120 f0011001 f00110 f00105 f001"},
		{"start inclusive", store.Range{Prefix: k(p, 0x01), Start: k(p, 0x01, 0x10)}, "f00110 f0011001 f00120 f001ffff"},
		{"end exclusive", store.Range{Prefix: k(p, 0x01), End: k(p, 0x01, 0x10)}, "f001 f00105"},
		{"start and end", store.Range{Prefix: k(p, 0x01), Start: k(p, 0x01, 0x06), End: k(p, 0x01, 0x20)}, "f00110 f0011001"},
		{"start and end reversed", store.Range{Prefix: k(p, 0x01), Start: k(p, 0x01, 0x06), End: k(p, 0x01, 0x20), Reverse: true}, "f0011001 f00110"},
		{"end reversed on a stored key", store.Range{Prefix: k(p, 0x01), End: k(p, 0x01, 0x10), Reverse: true}, "f00105 f001"},
		{"end to every key under a prefix", store.Range{Prefix: k(p, 0x01), End: store.PrefixEnd(k(p, 0x01, 0x10))}, "f001 f00105 f00110 f0011001"},
		{"start before the prefix", store.Range{Prefix: k(p, 0x01), Start: k(p)}, "f001 f00105 f00110 f0011001 f00120 f001ffff"},
		{"end after the prefix", store.Range{Prefix: k(p, 0x01), End: k(p, 0x03), Reverse: true}, "f001ffff f00120 f0011001 f00110 f00105 f001"},
		{"empty range", store.Range{Prefix: k(p, 0x01), Start: k(p, 0x01, 0x30), End: k(p, 0x01, 0x40)}, ""},
		{"nothing under the prefix", store.Range{Prefix: k(p, 0x03)}, ""},
		{"nothing under the prefix reversed", store.Range{Prefix: k(p, 0x03), Reverse: true}, ""},
		{"one-byte prefix", store.Range{Prefix: k(p + 1)}, "f101"},
		{"one-byte prefix reversed", store.Range{Prefix: k(p), Reverse: true, Start: k(p, 0x01, 0x20)}, "f002 f001ffff f00120"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := keysOf(t, s, c.r); got != c.want {
				t.Errorf("keys = %q\nwant   %q", got, c.want)
			}
		})
	}
}

func TestScanStopsAndPassesErrors(t *testing.T) {
	s := open(t, t.TempDir())
	setRaw(t, s, k(store.PrefixTest, 1), k(store.PrefixTest, 2), k(store.PrefixTest, 3))
	boom := errors.New("boom")
	_ = s.View(func(txn *badger.Txn) error {
		for _, rev := range []bool{false, true} {
			n := 0
			err := store.Keys(txn, store.Range{Prefix: k(store.PrefixTest), Reverse: rev}, func([]byte) error {
				n++
				if n == 2 {
					return store.Stop
				}
				return nil
			})
			if err != nil || n != 2 {
				t.Errorf("reverse=%v: Stop after 2: err %v, %d keys seen", rev, err, n)
			}
		}
		err := store.Values(txn, store.Range{Prefix: k(store.PrefixTest)}, func(_, _ []byte) error { return boom })
		if !errors.Is(err, boom) {
			t.Errorf("Values: err = %v, want boom", err)
		}
		return nil
	})
}

func TestValuesScanAndIDs(t *testing.T) {
	s := open(t, t.TempDir())
	a := rec{ID: id.New(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)), Name: "Ann", N: 1}
	b := rec{ID: id.New(time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)), Name: "Bob", N: 2}
	put(t, s, b)
	put(t, s, a)
	_ = s.View(func(txn *badger.Txn) error {
		// Scan decodes a partial view of the record.
		type nameOnly struct {
			Name string `json:"name"`
		}
		var names []string
		err := store.Scan(txn, store.Range{Prefix: k(store.PrefixTest)}, func(key []byte, v *nameOnly) error {
			if store.LastID(key) == id.Nil {
				t.Errorf("no id at the end of %x", key)
			}
			names = append(names, v.Name)
			return nil
		})
		if err != nil || strings.Join(names, ",") != "Ann,Bob" {
			t.Errorf("Scan: %v, %v; want Ann,Bob in id order", names, err)
		}
		var raw []string
		_ = store.Values(txn, store.Prefix(store.PrefixTest, a.ID), func(_, v []byte) error {
			raw = append(raw, string(v[1:])) // after the codec byte
			return nil
		})
		if len(raw) != 1 || !strings.Contains(raw[0], `"Ann"`) {
			t.Errorf("Values of a's key = %q", raw)
		}
		// The name index: ids at the end of its keys, in name order.
		if got := store.IDs(txn, store.Range{Prefix: k(store.IdxTestName), Reverse: true}); len(got) != 2 || got[0] != b.ID || got[1] != a.ID {
			t.Errorf("IDs reversed = %v, want [%s %s]", got, b.ID, a.ID)
		}
		return nil
	})
	// A value that does not decode stops Scan with an error.
	setRaw(t, s, k(store.PrefixTest, 0xFF))
	err := s.View(func(txn *badger.Txn) error {
		return store.Scan(txn, store.Range{Prefix: k(store.PrefixTest)}, func(_ []byte, _ *rec) error { return nil })
	})
	if err == nil {
		t.Error("Scan over a damaged value: no error")
	}
}

func TestCursorManyRanges(t *testing.T) {
	s := open(t, t.TempDir())
	p := store.IdxTestName
	r1, r2 := id.New(time.Unix(1, 0)), id.New(time.Unix(2, 0))
	var keys [][]byte
	for _, r := range []id.ID{r1, r2} {
		for slot := range 4 {
			keys = append(keys, store.Key(p, r, slot, id.ID{15: byte(slot)}))
		}
	}
	setRaw(t, s, keys...)
	_ = s.View(func(txn *badger.Txn) error {
		fwd := store.NewCursor(txn, k(p), false)
		defer fwd.Close()
		for _, r := range []id.ID{r2, r1, r2} { // any order, again and again
			var got []int
			err := fwd.Keys(store.Range{Prefix: store.Key(p, r), Start: store.Key(p, r, 1), End: store.Key(p, r, 3)}, func(key []byte) error {
				got = append(got, int(store.LastID(key)[15]))
				return nil
			})
			if err != nil || fmt.Sprint(got) != "[1 2]" {
				t.Errorf("slots of %s in [1,3) = %v, %v", r, got, err)
			}
		}
		rev := store.NewCursor(txn, k(p), true)
		defer rev.Close()
		var last []int
		err := rev.Keys(store.Range{Prefix: store.Key(p, r1), End: store.Key(p, r1, 2), Reverse: true}, func(key []byte) error {
			last = append(last, int(store.LastID(key)[15]))
			return store.Stop
		})
		if err != nil || fmt.Sprint(last) != "[1]" {
			t.Errorf("last slot of r1 before 2 = %v, %v", last, err)
		}
		if err := fwd.Keys(store.Range{Prefix: k(p), Reverse: true}, func([]byte) error { return nil }); err == nil {
			t.Error("a reverse range on a forward cursor: no error")
		}
		if err := fwd.Keys(store.Range{Prefix: k(store.PrefixTest)}, func([]byte) error { return nil }); err == nil {
			t.Error("a range outside the cursor's prefix: no error")
		}
		return nil
	})
}

func TestPrefixEnd(t *testing.T) {
	for _, c := range []struct{ in, want []byte }{
		{k(1, 2), k(1, 3)},
		{k(1, 0xFF), k(2)},
		{k(1, 0xFF, 0xFF), k(2)},
		{k(0xFF, 0xFF), nil},
		{nil, nil},
	} {
		in := bytes.Clone(c.in)
		if got := store.PrefixEnd(c.in); !bytes.Equal(got, c.want) || !bytes.Equal(in, c.in) {
			t.Errorf("PrefixEnd(%x) = %x, want %x (input kept: %v)", c.in, got, c.want, bytes.Equal(in, c.in))
		}
	}
}

func TestKeyReaderReadsTerms(t *testing.T) {
	u, v := id.New(time.Unix(10, 0)), id.New(time.Unix(20, 0))
	at := time.Date(1965, 3, 1, 12, 30, 0, 5, time.FixedZone("x", 3600))
	key := store.Key(store.IdxTestName, u, "héllo", at, -42, int64(7), uint32(9), []byte("2026-11-24"), []byte{'p'}, v)
	r := store.ReadKey(key)
	if got := r.ID(); got != u {
		t.Errorf("ID = %s", got)
	}
	if got := r.String(); got != "héllo" {
		t.Errorf("String = %q", got)
	}
	if got := r.Time(); !got.Equal(at) || got.Location() != time.UTC {
		t.Errorf("Time = %v", got)
	}
	if got := r.Int(); got != -42 {
		t.Errorf("Int = %d", got)
	}
	if got := r.Int64(); got != 7 {
		t.Errorf("Int64 = %d", got)
	}
	if got := r.Uint32(); got != 9 {
		t.Errorf("Uint32 = %d", got)
	}
	if got := string(r.Bytes(10)); got != "2026-11-24" {
		t.Errorf("Bytes = %q", got)
	}
	if got := r.Byte(); got != 'p' {
		t.Errorf("Byte = %q", got)
	}
	if r.Len() != 16 || r.Done() {
		t.Errorf("before the last id: Len %d, Done %v", r.Len(), r.Done())
	}
	if got := r.ID(); got != v || !r.Done() {
		t.Errorf("last ID = %s, Done %v", got, r.Done())
	}
	// Reads past the end, and a length prefix longer than the key.
	r = store.ReadKey(store.Key(store.IdxTestName, "ab"))
	if r.Bytes(4) == nil || r.ID() != id.Nil || r.OK() || r.String() != "" {
		t.Error("a read past the end did not make the reader bad")
	}
	r = store.ReadTerm([]byte{0, 0, 0, 9, 'a'})
	if r.String() != "" || r.OK() {
		t.Error("a length prefix past the end read something")
	}
	r = store.ReadKey(nil)
	if r.OK() {
		t.Error("an empty key read fine")
	}
	if r = store.ReadTerm(store.Term("x", "yz")); r.String()+r.String() != "xyz" || !r.Done() {
		t.Error("two strings of a term")
	}
}

// KeyVersions tells which keys a commit after a read timestamp wrote.
func TestKeyVersionsSinceARead(t *testing.T) {
	s := open(t, t.TempDir())
	setRaw(t, s, k(store.PrefixTest, 1), k(store.PrefixTest, 2))
	var readTs uint64
	_ = s.View(func(txn *badger.Txn) error { readTs = txn.ReadTs(); return nil })
	setRaw(t, s, k(store.PrefixTest, 2), k(store.PrefixTest, 3))
	var newer []string
	err := s.View(func(txn *badger.Txn) error {
		return store.KeyVersions(txn, store.Range{Prefix: k(store.PrefixTest)}, func(key []byte, version uint64) error {
			if version > readTs {
				newer = append(newer, fmt.Sprintf("%x", key))
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(newer, " "); got != fmt.Sprintf("%x %x", k(store.PrefixTest, 2), k(store.PrefixTest, 3)) {
		t.Fatalf("keys written after the read: %s", got)
	}
}
