package oncall

import (
	"bytes"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
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
	err := store.Scan(txn, store.Prefix(store.PrefixPerson), func(_ []byte, p *brief) error {
		m[p.ID] = PersonInfo{Name: p.Name, TimeZone: p.TimeZone, Archived: p.Archived}
		return nil
	})
	if err != nil {
		return nil, err
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
	err := store.Scan(txn, store.Prefix(store.PrefixTeam), func(_ []byte, t *brief) error {
		m[t.ID] = t.Name
		return nil
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// LoadTx reads what the math needs for [from, to) in one transaction:
// every rotation, region and the settings, and the swaps, overrides, time off
// and holidays of every turn from each rotation's first handoff to the end of
// the window: who covers a turn depends on the turns before it (owed turns,
// fair cover; decision 0013). A zero from and to load everything.
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
		if s.Swaps, err = listSwaps(txn); err != nil {
			return nil, err
		}
		if s.TimeOff, err = listTimeOff(txn); err != nil {
			return nil, err
		}
		s.Overrides, err = listOverrides(txn)
		return s, err
	}
	// Swaps of the slots up to the window's end, from the first.
	swaps := store.NewCursor(txn, []byte{store.IdxSwapRotation}, false)
	defer swaps.Close()
	for i := range s.Rotations {
		c := compile(&s.Rotations[i])
		if c == nil {
			continue
		}
		k0, k1 := 0, c.slotAt(to)
		if k1 < k0 {
			continue
		}
		for _, u := range swapIDs(swaps, c.ID, k0, k1+1) { // k1+1: fair cover looks at who comes next
			sw, err := Swaps.Get(txn, u)
			if err != nil {
				return nil, err
			}
			s.Swaps = append(s.Swaps, sw)
		}
	}
	// Away data (time off, holidays) of every slot from the first to the last
	// the window touches, whole: who holds a slot depends on the whole slot
	// and on the slots before it (the walk replays from the first turn).
	lo, hi := from, to
	for i := range s.Rotations {
		c := compile(&s.Rotations[i])
		if c == nil {
			continue
		}
		k0, k1 := 0, c.slotAt(to.Add(-time.Nanosecond))
		if k1 < k0 {
			continue
		}
		lo, hi = minT(lo, c.slotStart(k0)), maxT(hi, c.slotStart(k1+1))
	}
	// Time off ending after lo: the end index is sorted by end bound and
	// carries the start bound, so entries starting after to are skipped
	// from their keys.
	var ids []id.ID
	toTerm := store.Term(hi)
	err = store.Keys(txn, store.Range{Prefix: []byte{store.IdxTimeOffEnd}, Start: store.Key(store.IdxTimeOffEnd, lo.Add(-time.Nanosecond))}, func(k []byte) error {
		r := store.ReadKey(k)
		r.Time() // the end bound
		start := r.Bytes(8)
		u := r.ID()
		if r.Done() && bytes.Compare(start, toTerm) < 0 {
			ids = append(ids, u)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, u := range ids {
		t, err := TimeOffs.Get(txn, u)
		if err != nil {
			return nil, err
		}
		s.TimeOff = append(s.TimeOff, t)
	}
	// Holidays of those slots only (two days of margin for zones).
	dlo, dhi := civil.Format(lo.AddDate(0, 0, -2)), civil.Format(hi.AddDate(0, 0, 2))
	for i := range s.Regions {
		var keep []Holiday
		for _, h := range s.Regions[i].Holidays {
			if h.Date >= dlo && h.Date <= dhi {
				keep = append(keep, h)
			}
		}
		s.Regions[i].Holidays = keep
	}
	// Overrides of each rotation overlapping those slots (they number the
	// pieces of a slot): those starting in [lo, hi), and the one before lo
	// (overrides of a rotation do not overlap, so no earlier one can reach
	// into them).
	fwd := store.NewCursor(txn, []byte{store.IdxOverrideRotation}, false)
	defer fwd.Close()
	rev := store.NewCursor(txn, []byte{store.IdxOverrideRotation}, true)
	defer rev.Close()
	for _, r := range s.Rotations {
		var ids []id.ID
		_ = rev.Keys(store.Range{Prefix: store.Key(store.IdxOverrideRotation, r.ID), End: store.Key(store.IdxOverrideRotation, r.ID, lo), Reverse: true}, func(k []byte) error {
			ids = append(ids, store.LastID(k))
			return store.Stop
		})
		ids = append(ids, overrideIDs(fwd, r.ID, lo, hi)...)
		ovs, err := getOverrides(txn, ids)
		if err != nil {
			return nil, err
		}
		for _, o := range ovs {
			if o.End.After(lo) {
				s.Overrides = append(s.Overrides, o)
			}
		}
	}
	return s, nil
}

// swapIDs lists the swaps of a rotation touching slots k0..k1, once each
// (a swap is filed under both its slots), with a cursor over the swap index.
func swapIDs(c *store.Cursor, rotation id.ID, k0, k1 int) []id.ID {
	var out []id.ID
	seen := map[id.ID]bool{}
	_ = c.Keys(store.Range{
		Prefix: store.Key(store.IdxSwapRotation, rotation),
		Start:  store.Key(store.IdxSwapRotation, rotation, k0),
		End:    store.PrefixEnd(store.Key(store.IdxSwapRotation, rotation, k1)),
	}, func(k []byte) error {
		if u := store.LastID(k); !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
		return nil
	})
	return out
}

// swapIDsTx lists the swaps of a rotation touching slots k0..k1, once each.
func swapIDsTx(txn *badger.Txn, rotation id.ID, k0, k1 int) []id.ID {
	c := store.NewCursor(txn, []byte{store.IdxSwapRotation}, false)
	defer c.Close()
	return swapIDs(c, rotation, k0, k1)
}

// overrideIDs lists the overrides of a rotation starting in [from, to), with
// a cursor over the override index.
func overrideIDs(c *store.Cursor, rotation id.ID, from, to time.Time) []id.ID {
	var out []id.ID
	_ = c.Keys(store.Range{
		Prefix: store.Key(store.IdxOverrideRotation, rotation),
		Start:  store.Key(store.IdxOverrideRotation, rotation, from),
		End:    store.Key(store.IdxOverrideRotation, rotation, to),
	}, func(k []byte) error {
		out = append(out, store.LastID(k))
		return nil
	})
	return out
}

// overridesTx reads a rotation's overrides starting in [from, to).
func overridesTx(txn *badger.Txn, rotation id.ID, from, to time.Time) ([]Override, error) {
	c := store.NewCursor(txn, []byte{store.IdxOverrideRotation}, false)
	ids := overrideIDs(c, rotation, from, to)
	c.Close()
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
