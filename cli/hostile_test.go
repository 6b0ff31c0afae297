package cli_test

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4/pb"
	"google.golang.org/protobuf/proto"

	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
	"wheelhouse/backend/workspace"
)

const backupHeader = "WHEELHOUSE-BACKUP 1\n"

// backupKVs decodes a real backup file into its entries.
func backupKVs(t *testing.T, path string) []*pb.KV {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b = b[len(backupHeader):]
	var kvs []*pb.KV
	for len(b) > 0 {
		sz := binary.LittleEndian.Uint64(b)
		var l pb.KVList
		if err := proto.Unmarshal(b[8:8+sz], &l); err != nil {
			t.Fatal(err)
		}
		kvs = append(kvs, l.Kv...)
		b = b[8+sz:]
	}
	return kvs
}

// encodeBackup writes entries as a backup file in frames of at most 10,000.
func encodeBackup(t *testing.T, kvs []*pb.KV) []byte {
	t.Helper()
	out := bytes.NewBufferString(backupHeader)
	for len(kvs) > 0 {
		n := min(len(kvs), 10_000)
		b, err := proto.Marshal(&pb.KVList{Kv: kvs[:n]})
		if err != nil {
			t.Fatal(err)
		}
		_ = binary.Write(out, binary.LittleEndian, uint64(len(b)))
		out.Write(b)
		kvs = kvs[n:]
	}
	return out.Bytes()
}

func cloneKVs(kvs []*pb.KV) []*pb.KV {
	out := make([]*pb.KV, len(kvs))
	for i, kv := range kvs {
		out[i] = proto.Clone(kv).(*pb.KV)
	}
	return out
}

func personValue(t *testing.T, v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return append([]byte{1}, b...)
}

// TestHostileBackups: damaged and hostile backup files end in a clear error,
// quickly and within memory; the workspace in place is untouched, and no
// staging folder, intent record or copy aside is left.
func TestHostileBackups(t *testing.T) {
	src := t.TempDir()
	expect(t, run(t, nil, "--data", src, "demo"), 0)
	good := filepath.Join(t.TempDir(), "good.bak")
	expect(t, run(t, nil, "--data", src, "backup", good), 0)
	kvs := backupKVs(t, good)

	var personKey []byte
	for _, kv := range kvs {
		if kv.Key[0] == store.PrefixPerson && len(kv.Value) > 0 {
			personKey = kv.Key
			break
		}
	}
	if personKey == nil {
		t.Fatal("no person in the demo backup")
	}
	withPerson := func(meta byte, val []byte) []byte {
		k := cloneKVs(kvs)
		for _, kv := range k {
			if bytes.Equal(kv.Key, personKey) {
				kv.Meta, kv.Value = []byte{meta}, val
			}
		}
		return encodeBackup(t, k)
	}
	huge := func(sz uint64) []byte {
		b := []byte(backupHeader)
		return binary.LittleEndian.AppendUint64(b, sz)
	}
	cases := []struct {
		name string
		file func() []byte
		want string
	}{
		{"28 bytes claiming 2^62", func() []byte { return huge(1 << 62) }, "the backup is damaged (part 1 claims"},
		{"28 bytes claiming 200 MB", func() []byte { return huge(200 << 20) }, "the backup is cut short (part 1 has 0 of its"},
		{"cut in the middle", func() []byte { b, _ := os.ReadFile(good); return b[:len(b)*2/3] }, "cut short"},
		{"versions 2^64-1", func() []byte {
			k := cloneKVs(kvs)
			for _, kv := range k {
				kv.Version = math.MaxUint64
			}
			return encodeBackup(t, k)
		}, "entry version"},
		{"fake value pointer", func() []byte { return withPerson(2, []byte{0, 0, 0, 7, 0, 0, 0, 9, 0, 0, 1, 0}) }, "damaged records"},
		{"non-JSON value", func() []byte { return withPerson(0, []byte("\x01this is not json")) }, "damaged records"},
		{"70,000-byte key", func() []byte {
			k := cloneKVs(kvs)
			k = append(k, &pb.KV{Key: append([]byte{store.PrefixPerson}, bytes.Repeat([]byte{'k'}, 70_000)...), Value: []byte("\x01{}"), Version: 5})
			return encodeBackup(t, k)
		}, "a key of 70001 bytes"},
		{"unknown entry flags", func() []byte { return withPerson(1<<5, []byte("\x01{}")) }, "entry flags"},
		{"no marker", func() []byte {
			var k []*pb.KV
			for _, kv := range cloneKVs(kvs) {
				if kv.Key[0] != store.PrefixMeta {
					k = append(k, kv)
				}
			}
			return encodeBackup(t, k)
		}, "not a Wheelhouse backup"},
		{"300k junk people", func() []byte {
			k := cloneKVs(kvs)
			now := time.Now().Add(-time.Hour)
			for i := 0; i < 300_000; i++ {
				u := id.New(now)
				k = append(k, &pb.KV{Key: store.Key(store.PrefixPerson, u), Value: personValue(t, map[string]any{"id": u, "name": ""}), Version: 9})
			}
			return encodeBackup(t, k)
		}, "do not pass the checks an import gets"},
	}
	if testing.Short() {
		cases = cases[:len(cases)-1]
	}
	dir := t.TempDir()
	expect(t, run(t, nil, "--data", dir, "demo"), 0)
	before := exportPeople(t, dir)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := filepath.Join(t.TempDir(), "hostile.bak")
			if err := os.WriteFile(f, c.file(), 0o600); err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			r := run(t, nil, "--data", dir, "restore", "--force", f)
			expect(t, r, 1, c.want, "Nothing was changed")
			if strings.Contains(r.stderr, "Internal error") || strings.Contains(r.stderr, "goroutine") {
				t.Fatalf("unclear failure:\n%s", r.stderr)
			}
			t.Logf("%s: %v: %s", c.name, time.Since(start).Round(time.Millisecond), firstLine(r.stderr))
			if got := exportPeople(t, dir); got != before {
				t.Fatalf("the workspace changed: %d people, had %d", got, before)
			}
			assertNoLeftovers(t, dir)
			// Into an empty folder: refused, and the folder stays empty.
			empty := filepath.Join(t.TempDir(), "empty")
			expect(t, run(t, nil, "--data", empty, "restore", f), 1, c.want)
			if e, _ := store.IsEmptyDataDir(empty); !e {
				t.Fatal("a refused restore left a database in an empty folder")
			}
			assertNoLeftovers(t, empty)
		})
	}
	// The same entries, undamaged, restore.
	ok := filepath.Join(t.TempDir(), "ok.bak")
	_ = os.WriteFile(ok, encodeBackup(t, cloneKVs(kvs)), 0o600)
	expect(t, run(t, nil, "--data", dir, "restore", "--force", ok), 0, "Restored")
}

func firstLine(s string) string { return strings.SplitN(s, "\n", 2)[0] }

func exportPeople(t *testing.T, dir string) int {
	t.Helper()
	r := run(t, nil, "--data", dir, "export-json")
	expect(t, r, 0)
	var snap workspace.Snapshot
	if err := json.NewDecoder(strings.NewReader(r.stdout)).Decode(&snap); err != nil && err != io.EOF {
		t.Fatal(err)
	}
	return len(snap.People)
}

func assertNoLeftovers(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		n := e.Name()
		if strings.HasPrefix(n, ".restore-") || strings.HasPrefix(n, ".tmp-") || n == store.IntentName || strings.HasPrefix(n, store.AsidePrefix) {
			t.Errorf("left in %s: %s", dir, n)
		}
	}
}
