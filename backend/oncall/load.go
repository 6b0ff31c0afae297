package oncall

import (
	"encoding/binary"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// peopleTx reads name and zone of every person, decoding only those
// fields of the person records.
func peopleTx(txn *badger.Txn) (map[id.ID]PersonInfo, error) {
	type brief struct {
		ID       id.ID  `json:"id"`
		Name     string `json:"name"`
		TimeZone string `json:"timezone"`
		Archived bool   `json:"archived"`
	}
	m := map[id.ID]PersonInfo{}
	it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 100, Prefix: []byte{store.PrefixPerson}})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		var p brief
		if err := it.Item().Value(func(b []byte) error { return store.Decode(b, &p) }); err != nil {
			return nil, err
		}
		m[p.ID] = PersonInfo{Name: p.Name, TimeZone: p.TimeZone, Archived: p.Archived}
	}
	return m, nil
}

// TeamNamesTx reads the name of every team (people.Team), decoding only
// that field of the team records.
func TeamNamesTx(txn *badger.Txn) (map[id.ID]string, error) {
	type brief struct {
		ID   id.ID  `json:"id"`
		Name string `json:"name"`
	}
	m := map[id.ID]string{}
	it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 100, Prefix: []byte{store.PrefixTeam}})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		var t brief
		if err := it.Item().Value(func(b []byte) error { return store.Decode(b, &t) }); err != nil {
			return nil, err
		}
		m[t.ID] = t.Name
	}
	return m, nil
}

// LoadTx reads what the math needs for [from, to) in one transaction:
// every rotation, region, swap and the settings, the overrides that can
// reach into the window and the time off that overlaps it (all of it back to
// the first handoff of a rotation with Payback, whose owed turns carry over).
// A zero from and to load everything.
func LoadTx(txn *badger.Txn, from, to time.Time) (*Snapshot, error) {
	s := &Snapshot{}
	var err error
	if s.Rotations, err = Rotations.List(txn); err != nil {
		return nil, err
	}
	if s.Regions, err = Regions.List(txn); err != nil {
		return nil, err
	}
	if s.Settings, err = SettingsTx(txn); err != nil {
		return nil, err
	}
	if s.People, err = peopleTx(txn); err != nil {
		return nil, err
	}
	if s.Teams, err = TeamNamesTx(txn); err != nil {
		return nil, err
	}
	all := from.IsZero() && to.IsZero()
	if all {
		if s.Swaps, err = Swaps.List(txn); err != nil {
			return nil, err
		}
		if s.TimeOff, err = TimeOffs.List(txn); err != nil {
			return nil, err
		}
		s.Overrides, err = Overrides.List(txn)
		return s, err
	}
	// Swaps of the slots in the window (from the first slot with Payback).
	swaps := newScan(txn, store.IdxSwapRotation, false)
	defer swaps.close()
	for i := range s.Rotations {
		c := compile(&s.Rotations[i])
		if c == nil {
			continue
		}
		k0, k1 := c.slotAt(from), c.slotAt(to)
		if c.Payback {
			k0 = 0
		}
		if k1 < max(k0, 0) {
			continue
		}
		for _, u := range swaps.ids(store.Key(store.IdxSwapRotation, c.ID, max(k0, 0)), store.Key(store.IdxSwapRotation, c.ID, k1), true) {
			sw, err := Swaps.Get(txn, u)
			if err != nil {
				return nil, err
			}
			s.Swaps = append(s.Swaps, sw)
		}
	}
	lo := from
	for i := range s.Rotations {
		r := &s.Rotations[i]
		if r.Payback {
			if c := compile(r); c != nil && c.base.Before(lo) {
				lo = c.base
			}
		}
	}
	// Time off ending after lo: the end index is sorted by end bound and
	// carries the start bound, so entries starting after to are skipped
	// from their keys.
	opts := badger.DefaultIteratorOptions
	opts.PrefetchValues = false
	opts.Prefix = []byte{store.IdxTimeOffEnd}
	it := txn.NewIterator(opts)
	var ids []id.ID
	toNano := uint64(to.UnixNano()) ^ (1 << 63)
	for it.Seek(store.Key(store.IdxTimeOffEnd, lo.Add(-time.Nanosecond))); it.Valid(); it.Next() {
		k := it.Item().Key()
		if len(k) != 1+8+8+16 || binary.BigEndian.Uint64(k[9:17]) >= toNano {
			continue
		}
		var u id.ID
		copy(u[:], k[len(k)-16:])
		ids = append(ids, u)
	}
	it.Close()
	for _, u := range ids {
		t, err := TimeOffs.Get(txn, u)
		if err != nil {
			return nil, err
		}
		s.TimeOff = append(s.TimeOff, t)
	}
	// Holidays of the window only (a day of margin for zones).
	dlo, dhi := lo.AddDate(0, 0, -2).Format(DateLayout), to.AddDate(0, 0, 2).Format(DateLayout)
	for i := range s.Regions {
		var keep []Holiday
		for _, h := range s.Regions[i].Holidays {
			if h.Date >= dlo && h.Date <= dhi {
				keep = append(keep, h)
			}
		}
		s.Regions[i].Holidays = keep
	}
	// Overrides of each rotation overlapping the window: those starting in
	// [from, to), and the one before from (overrides of a rotation do not
	// overlap, so no earlier one can reach into the window).
	fwd := newScan(txn, store.IdxOverrideRotation, false)
	defer fwd.close()
	rev := newScan(txn, store.IdxOverrideRotation, true)
	defer rev.close()
	for _, r := range s.Rotations {
		var ids []id.ID
		if u, ok := rev.before(store.Key(store.IdxOverrideRotation, r.ID, from), store.Key(store.IdxOverrideRotation, r.ID)); ok {
			ids = append(ids, u)
		}
		ids = append(ids, fwd.ids(store.Key(store.IdxOverrideRotation, r.ID, from), store.Key(store.IdxOverrideRotation, r.ID, to), false)...)
		ovs, err := getOverrides(txn, ids)
		if err != nil {
			return nil, err
		}
		for _, o := range ovs {
			if o.End.After(from) {
				s.Overrides = append(s.Overrides, o)
			}
		}
	}
	return s, nil
}

// scan reads record ids from one index with one iterator over many key
// ranges (a Badger iterator is costly to open; LoadTx needs one range per
// rotation).
type scan struct{ it *badger.Iterator }

func newScan(txn *badger.Txn, prefix byte, reverse bool) *scan {
	opts := badger.DefaultIteratorOptions
	opts.PrefetchValues = false
	opts.Reverse = reverse
	opts.Prefix = []byte{prefix}
	return &scan{it: txn.NewIterator(opts)}
}

func (s *scan) close() { s.it.Close() }

func lastID(k []byte) id.ID {
	var u id.ID
	copy(u[:], k[len(k)-16:])
	return u
}

// ids lists the ids of keys from lo up to stop (keys whose first len(stop)
// bytes are below stop, or equal when inclusive), once each.
func (s *scan) ids(lo, stop []byte, inclusive bool) []id.ID {
	var out []id.ID
	var seen map[id.ID]bool
	for s.it.Seek(lo); s.it.Valid(); s.it.Next() {
		k := s.it.Item().Key()
		if len(k) < len(stop) {
			break
		}
		if c := string(k[:len(stop)]); c > string(stop) || c == string(stop) && !inclusive {
			break
		}
		u := lastID(k)
		if inclusive { // swap entries: two per swap
			if seen == nil {
				seen = map[id.ID]bool{}
			}
			if seen[u] {
				continue
			}
			seen[u] = true
		}
		out = append(out, u)
	}
	return out
}

// before (on a reverse scan) returns the id of the last key below key that
// starts with within.
func (s *scan) before(key, within []byte) (id.ID, bool) {
	s.it.Seek(key)
	for ; s.it.Valid(); s.it.Next() {
		k := s.it.Item().Key()
		if string(k) >= string(key) {
			continue
		}
		if len(k) < len(within) || string(k[:len(within)]) != string(within) {
			return id.Nil, false
		}
		return lastID(k), true
	}
	return id.Nil, false
}

// swapIDsTx lists the swaps of a rotation touching slots k0..k1, once each.
func swapIDsTx(txn *badger.Txn, rotation id.ID, k0, k1 int) []id.ID {
	sc := newScan(txn, store.IdxSwapRotation, false)
	defer sc.close()
	return sc.ids(store.Key(store.IdxSwapRotation, rotation, k0), store.Key(store.IdxSwapRotation, rotation, k1), true)
}

// overridesTx reads a rotation's overrides starting in [from, to).
func overridesTx(txn *badger.Txn, rotation id.ID, from, to time.Time) ([]Override, error) {
	sc := newScan(txn, store.IdxOverrideRotation, false)
	ids := sc.ids(store.Key(store.IdxOverrideRotation, rotation, from), store.Key(store.IdxOverrideRotation, rotation, to), false)
	sc.close()
	return getOverrides(txn, ids)
}

func getOverrides(txn *badger.Txn, ids []id.ID) ([]Override, error) {
	out := make([]Override, 0, len(ids))
	for _, u := range ids {
		o, err := Overrides.Get(txn, u)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}

// farFuture is after any valid date (2200) and before the end of int64
// nanoseconds (2262), which index terms use.
var farFuture = time.Date(2250, 1, 1, 0, 0, 0, 0, time.UTC)
