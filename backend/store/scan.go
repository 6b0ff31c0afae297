package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/id"
)

// Range selects the keys that start with Prefix and lie in [Start, End); a
// nil Start or End is no bound. A scan visits them in key order, or from the
// last down when Reverse is set.
//
// Every area reads its indexes through Keys, Values, Scan and Cursor, and
// decodes the terms of a key with ReadKey: no raw Badger iterator outside
// this package.
type Range struct {
	Prefix     []byte
	Start, End []byte
	Reverse    bool
}

// Prefix is the range of every key under prefix | parts (Key's encoding).
func Prefix(prefix byte, parts ...any) Range { return Range{Prefix: Key(prefix, parts...)} }

// Stop ends a scan early when a callback returns it; the scan then returns nil.
var Stop = errors.New("store: stop the scan")

// Keys calls fn with every key in r, reading keys only (no value), until fn
// returns Stop or another error. The key is valid only during the call.
func Keys(txn *badger.Txn, r Range, fn func(k []byte) error) error {
	return items(txn, r, func(it *badger.Item) error { return fn(it.Key()) })
}

// KeyVersions is Keys with the commit version of each key: what a cache
// filled at a read timestamp compares to know which records changed since.
func KeyVersions(txn *badger.Txn, r Range, fn func(k []byte, version uint64) error) error {
	return items(txn, r, func(it *badger.Item) error { return fn(it.Key(), it.Version()) })
}

// Values calls fn with every key in r and its value, until fn returns Stop
// or another error. Key and value are valid only during the call, and fn
// runs inside Badger's value callback: it should decode or copy the value,
// not read other records.
func Values(txn *badger.Txn, r Range, fn func(k, v []byte) error) error {
	return items(txn, r, func(it *badger.Item) error {
		return it.Value(func(v []byte) error { return fn(it.Key(), v) })
	})
}

// Scan calls fn with every key in r and its value decoded (Decode) into a
// fresh T, until fn returns Stop or another error. T may name only the
// fields a reader needs: the JSON decoder skips the others. fn may read
// other records.
func Scan[T any](txn *badger.Txn, r Range, fn func(k []byte, v *T) error) error {
	return items(txn, r, func(it *badger.Item) error {
		var v T
		if err := it.Value(func(b []byte) error { return Decode(b, &v) }); err != nil {
			return err
		}
		return fn(it.Key(), &v)
	})
}

func items(txn *badger.Txn, r Range, fn func(*badger.Item) error) error {
	c := newCursor(txn, r.Prefix, r.Reverse)
	defer c.Close()
	return c.scan(r, fn)
}

// IDs returns the record id at the end of every key in r (an index range),
// keys only.
func IDs(txn *badger.Txn, r Range) []id.ID {
	var out []id.ID
	_ = Keys(txn, r, func(k []byte) error {
		out = append(out, LastID(k))
		return nil
	})
	return out
}

// LastID is the record id at the end of an index key (every index key ends
// with one, see Index). A key shorter than an id gives the zero id.
func LastID(k []byte) id.ID {
	var u id.ID
	if len(k) >= len(u) {
		copy(u[:], k[len(k)-len(u):])
	}
	return u
}

// PrefixEnd is the first key after every key that starts with p: End of a
// range that should include all of them. Nil when there is none (p empty or
// all 0xFF).
func PrefixEnd(p []byte) []byte {
	end := bytes.Clone(p)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xFF {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}

// Cursor scans many ranges under one prefix with one iterator, keys only:
// opening a Badger iterator costs, and a loader that reads one range per
// rotation would open hundreds. Close it when done; it lives inside its
// transaction.
type Cursor struct {
	it      *badger.Iterator
	prefix  []byte
	reverse bool
}

// NewCursor opens a key-only cursor over the keys starting with prefix,
// scanning forward or, when reverse is set, backward.
func NewCursor(txn *badger.Txn, prefix []byte, reverse bool) *Cursor {
	return newCursor(txn, prefix, reverse)
}

func newCursor(txn *badger.Txn, prefix []byte, reverse bool) *Cursor {
	opts := badger.DefaultIteratorOptions
	// Never prefetch, even to read values: Badger prefetches by starting a
	// goroutine per item that copies its value, and the values a workspace
	// stores sit in the LSM tree next to their keys (Badger keeps values
	// below its 1 MB threshold there), so Item.Value reads them in place.
	// The prefetch was a sixth of the first on-call query on ten years of
	// history (docs/performance.md, Issue 11 replay).
	opts.PrefetchValues = false
	opts.Reverse = reverse
	opts.Prefix = prefix
	return &Cursor{it: txn.NewIterator(opts), prefix: prefix, reverse: reverse}
}

// Close releases the iterator.
func (c *Cursor) Close() { c.it.Close() }

// Keys is Keys over r, which must lie under the cursor's prefix and go in
// its direction.
func (c *Cursor) Keys(r Range, fn func(k []byte) error) error {
	return c.scan(r, func(it *badger.Item) error { return fn(it.Key()) })
}

// afterEveryKey follows a prefix to make a key that sorts after every key
// stored under it (keys hold 16-byte ids and length-prefixed terms, never
// 64 0xFF bytes in a row).
var afterEveryKey = bytes.Repeat([]byte{0xFF}, 64)

var errRange = errors.New("store: range outside the cursor (prefix or direction)")

func (c *Cursor) scan(r Range, fn func(*badger.Item) error) error {
	if r.Reverse != c.reverse || !bytes.HasPrefix(r.Prefix, c.prefix) {
		return errRange
	}
	start, end := r.Start, r.End
	if bytes.Compare(start, r.Prefix) < 0 {
		start = r.Prefix
	}
	if pe := PrefixEnd(r.Prefix); pe != nil && (end == nil || bytes.Compare(pe, end) < 0) {
		end = pe
	}
	it := c.it
	if c.reverse {
		if end == nil {
			it.Rewind()
		} else {
			// Badger's reverse Seek lands on the last key <= end; end
			// itself is outside the range. An end past the cursor's prefix
			// (the prefix's PrefixEnd, say) is replaced by a key inside it
			// that sorts after every key the store writes there: a key
			// equal to end would lack the prefix (Valid false, the scan
			// over), and an iterator holding nothing at all makes Item
			// dereference nil (an empty range in reverse, e.g. no closed
			// follow-ups, made the Today screen fail).
			seek := end
			if !bytes.HasPrefix(end, c.prefix) {
				seek = append(bytes.Clone(c.prefix), afterEveryKey...)
			}
			it.Seek(seek)
			if it.Valid() && bytes.Compare(it.Item().Key(), end) >= 0 {
				it.Next()
			}
		}
	} else {
		it.Seek(start)
	}
	for ; it.Valid(); it.Next() {
		item := it.Item()
		k := item.Key()
		if c.reverse {
			if bytes.Compare(k, start) < 0 {
				return nil
			}
		} else if end != nil && bytes.Compare(k, end) >= 0 {
			return nil
		}
		if !bytes.HasPrefix(k, r.Prefix) {
			return nil // past the range (a prefix without a PrefixEnd)
		}
		if err := fn(item); err != nil {
			if errors.Is(err, Stop) {
				return nil
			}
			return err
		}
	}
	return nil
}

// KeyReader reads back, in order, the terms of a key written by Key (or of
// a term written by Term). A read past the end, or a length prefix that
// does not fit, makes it bad: that read and every later one return zero
// values, and OK reports false.
type KeyReader struct {
	b   []byte
	bad bool
}

// ReadKey reads the terms of key k after its one-byte prefix.
func ReadKey(k []byte) KeyReader {
	if len(k) == 0 {
		return KeyReader{bad: true}
	}
	return KeyReader{b: k[1:]}
}

// ReadTerm reads the parts of a term (no prefix byte).
func ReadTerm(b []byte) KeyReader { return KeyReader{b: b} }

func (r *KeyReader) take(n int) []byte {
	if r.bad || n < 0 || len(r.b) < n {
		r.bad = true
		return nil
	}
	out := r.b[:n:n]
	r.b = r.b[n:]
	return out
}

// ID reads a 16-byte id.
func (r *KeyReader) ID() id.ID {
	var u id.ID
	copy(u[:], r.take(len(u)))
	return u
}

// String reads a length-prefixed string.
func (r *KeyReader) String() string {
	n := r.take(4)
	if n == nil {
		return ""
	}
	return string(r.take(int(binary.BigEndian.Uint32(n))))
}

// Int64 reads a fixed-width signed integer (int and int64 parts).
func (r *KeyReader) Int64() int64 {
	b := r.take(8)
	if b == nil {
		return 0
	}
	return int64(binary.BigEndian.Uint64(b) ^ (1 << 63))
}

// Int reads an int part.
func (r *KeyReader) Int() int { return int(r.Int64()) }

// Time reads a time part, in UTC.
func (r *KeyReader) Time() time.Time {
	b := r.take(8)
	if b == nil {
		return time.Time{}
	}
	return time.Unix(0, int64(binary.BigEndian.Uint64(b)^(1<<63))).UTC()
}

// Uint32 reads a uint32 part.
func (r *KeyReader) Uint32() uint32 {
	b := r.take(4)
	if b == nil {
		return 0
	}
	return binary.BigEndian.Uint32(b)
}

// Bytes reads n raw bytes (a fixed-width []byte part).
func (r *KeyReader) Bytes(n int) []byte { return r.take(n) }

// Byte reads one raw byte.
func (r *KeyReader) Byte() byte {
	b := r.take(1)
	if b == nil {
		return 0
	}
	return b[0]
}

// Rest reads whatever is left (a variable-length []byte part that ends the
// key; one before a trailing id is Bytes(Len()-16)).
func (r *KeyReader) Rest() []byte { return r.take(len(r.b)) }

// Len is the number of bytes not read yet.
func (r *KeyReader) Len() int { return len(r.b) }

// OK reports whether every read so far fitted.
func (r *KeyReader) OK() bool { return !r.bad }

// Done reports whether every read fitted and the whole key was read.
func (r *KeyReader) Done() bool { return !r.bad && len(r.b) == 0 }
