package store

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
)

// Index is a secondary index of a Table: for each record, Terms returns the
// terms under which it is found. The entry key is prefix | term | record id.
type Index[T any] struct {
	Prefix byte
	Terms  func(*T) [][]byte
}

// Table stores records of one type under one prefix and keeps its indexes in
// step: Put and Delete write the record and every index entry in the caller's
// transaction, so they commit or vanish together.
type Table[T any] struct {
	Name    string // for messages: "person", "team"
	Prefix  byte
	ID      func(*T) id.ID
	Indexes []Index[T]
}

func (t *Table[T]) key(u id.ID) []byte { return Key(t.Prefix, u) }

// Get reads one record; a missing record is errs.NotFound.
func (t *Table[T]) Get(txn *badger.Txn, u id.ID) (T, error) {
	var v T
	item, err := txn.Get(t.key(u))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return v, errs.E(errs.NotFound, "No %s with id %s.", t.Name, u)
	}
	if err != nil {
		return v, err
	}
	err = item.Value(func(b []byte) error { return Decode(b, &v) })
	if err != nil {
		return v, fmt.Errorf("%s %s: %w", t.Name, u, err)
	}
	return v, nil
}

// Exists reports whether a record with id u is stored.
func (t *Table[T]) Exists(txn *badger.Txn, u id.ID) (bool, error) {
	_, err := txn.Get(t.key(u))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	}
	return err == nil, err
}

// Put writes v, replacing any stored version and moving its index entries.
func (t *Table[T]) Put(txn *badger.Txn, v *T) error {
	u := t.ID(v)
	if u.IsZero() {
		return fmt.Errorf("store: %s without id", t.Name)
	}
	old, err := t.Get(txn, u)
	switch {
	case err == nil:
		if err := t.unindex(txn, &old); err != nil {
			return err
		}
	case !errs.Is(err, errs.NotFound):
		return err
	}
	b, err := Encode(v)
	if err != nil {
		return err
	}
	if err := txn.Set(t.key(u), b); err != nil {
		return err
	}
	for _, ix := range t.Indexes {
		for _, term := range ix.Terms(v) {
			if err := txn.Set(indexKey(ix.Prefix, term, u), nil); err != nil {
				return err
			}
		}
	}
	return nil
}

// Delete removes the record and its index entries. Deleting a missing record
// is errs.NotFound.
func (t *Table[T]) Delete(txn *badger.Txn, u id.ID) error {
	old, err := t.Get(txn, u)
	if err != nil {
		return err
	}
	if err := t.unindex(txn, &old); err != nil {
		return err
	}
	return txn.Delete(t.key(u))
}

func (t *Table[T]) unindex(txn *badger.Txn, v *T) error {
	u := t.ID(v)
	for _, ix := range t.Indexes {
		for _, term := range ix.Terms(v) {
			if err := txn.Delete(indexKey(ix.Prefix, term, u)); err != nil {
				return err
			}
		}
	}
	return nil
}

// Prefixes returns the record prefix and every index prefix of the table.
func (t *Table[T]) Prefixes() []byte {
	out := []byte{t.Prefix}
	for _, ix := range t.Indexes {
		out = append(out, ix.Prefix)
	}
	return out
}

// List reads every record in id (creation) order.
func (t *Table[T]) List(txn *badger.Txn) ([]T, error) {
	var out []T
	err := t.Each(txn, func(v *T) error {
		out = append(out, *v)
		return nil
	})
	return out, err
}

// PutOps are the writes of rows, one Op a row in their order: what an
// import hands to Stage, which may spread them over several transactions.
func (t *Table[T]) PutOps(rows []T) []Op {
	var ops []Op
	for i := range rows {
		v := &rows[i]
		ops = append(ops, func(txn *badger.Txn) error { return t.Put(txn, v) })
	}
	return ops
}

// Each calls fn for every record in id order; the record is reused between calls.
func (t *Table[T]) Each(txn *badger.Txn, fn func(*T) error) error {
	return items(txn, Range{Prefix: []byte{t.Prefix}}, func(it *badger.Item) error {
		var v T
		if err := it.Value(func(b []byte) error { return Decode(b, &v) }); err != nil {
			return fmt.Errorf("%s %x: %w", t.Name, it.Key(), err)
		}
		return fn(&v)
	})
}

// Count returns the number of records, reading keys only.
func (t *Table[T]) Count(txn *badger.Txn) int {
	return CountPrefix(txn, []byte{t.Prefix})
}

// Lookup returns the ids filed under term in the index with prefix ixPrefix.
func Lookup(txn *badger.Txn, ixPrefix byte, term []byte) []id.ID {
	p := append([]byte{ixPrefix}, term...)
	var out []id.ID
	_ = Keys(txn, Range{Prefix: p}, func(k []byte) error {
		if len(k) == len(p)+16 { // not a longer term that shares this prefix
			out = append(out, LastID(k))
		}
		return nil
	})
	return out
}

// Taken reports whether a unique index files a record other than self under
// term (a duplicate name or e-mail).
func Taken(txn *badger.Txn, ixPrefix byte, term []byte, self id.ID) bool {
	for _, other := range Lookup(txn, ixPrefix, term) {
		if other != self {
			return true
		}
	}
	return false
}

// CountPrefix counts keys starting with p.
func CountPrefix(txn *badger.Txn, p []byte) int {
	n := 0
	_ = Keys(txn, Range{Prefix: p}, func([]byte) error {
		n++
		return nil
	})
	return n
}

func indexKey(prefix byte, term []byte, u id.ID) []byte {
	var b bytes.Buffer
	b.Grow(1 + len(term) + 16)
	b.WriteByte(prefix)
	b.Write(term)
	b.Write(u[:])
	return b.Bytes()
}

// GetJSON reads a single versioned value stored under key into v; found is
// false when the key is absent.
func GetJSON(txn *badger.Txn, key []byte, v any) (found bool, err error) {
	item, err := txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, item.Value(func(b []byte) error { return Decode(b, v) })
}

// PutJSON writes v under key as a versioned value.
func PutJSON(txn *badger.Txn, key []byte, v any) error {
	b, err := Encode(v)
	if err != nil {
		return err
	}
	return txn.Set(key, b)
}

// Stamped is a record with an id and creation and update times.
type Stamped interface {
	Stamps() (u *id.ID, created, updated *time.Time)
}

// Stamp prepares a record for Put: a new one (zero id) gets an id and its
// creation time; an existing one keeps its stored creation time (NotFound if
// it is gone); both get the update time now.
func Stamp[T any, P interface {
	*T
	Stamped
}](txn *badger.Txn, t *Table[T], v P, now time.Time) error {
	u, created, updated := v.Stamps()
	if u.IsZero() {
		*u = id.New(now)
		*created = now
	} else {
		old, err := t.Get(txn, *u)
		if err != nil {
			return err
		}
		_, oc, _ := P(&old).Stamps()
		*created = *oc
	}
	*updated = now
	return nil
}
