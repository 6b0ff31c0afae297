package oncall

import (
	"reflect"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// The service's snapshot cache (decision 0013): after a commit into the
// on-call families, the next Snapshot call rereads only the families that
// changed (time off, overrides and swaps record by record: only those
// committed after the cached read), and the new snapshot takes over the walk
// checkpoints of the old one that lie before anything that changed.

// refreshTx returns the snapshot as of txn, given the cached one read at ts.
func (s *Service) refreshTx(txn *badger.Txn, old *Snapshot, ts uint64) (*Snapshot, error) {
	changed := func(ps ...byte) bool { return s.st.ChangedSince(txn, ts, store.PrefixSet(ps...)) }
	n := &Snapshot{Rotations: old.Rotations, TimeOff: old.TimeOff, Regions: old.Regions, Overrides: old.Overrides,
		Swaps: old.Swaps, People: old.People, Teams: old.Teams, Settings: old.Settings}
	var err error
	carry := true                        // checkpoints may be carried over at all
	limit := farFuture                   // every rotation: keep checkpoints up to this instant
	rotLimit := map[id.ID]time.Time{}    // one rotation: up to this instant
	slotLimit := map[id.ID]int{}         // one rotation: up to this slot
	personLimit := map[id.ID]time.Time{} // the rotations that read this person: up to this instant
	if changed(store.PrefixSetting) {
		if n.Settings, err = SettingsTx(txn); err != nil {
			return nil, err
		}
	}
	if changed(store.PrefixTeam) {
		if n.Teams, err = TeamNamesTx(txn); err != nil {
			return nil, err
		}
	}
	if changed(store.PrefixPerson) {
		if n.People, err = peopleTx(txn); err != nil {
			return nil, err
		}
		// Zones place time off, holidays and weights: a changed one starts over.
		for u, p := range old.People {
			if q, ok := n.People[u]; !ok || q.TimeZone != p.TimeZone {
				carry = false
			}
		}
	}
	if changed(store.PrefixRegion, store.IdxRegionName, store.IdxRegionMember) {
		if n.Regions, err = Regions.List(txn); err != nil {
			return nil, err
		}
		carry = false // holidays: rare edits, start over
	}
	if changed(store.PrefixRotation, store.IdxRotationName, store.IdxRotationPerson, store.IdxRotationTeam) {
		if n.Rotations, err = Rotations.List(txn); err != nil {
			return nil, err
		}
	}
	if changed(store.PrefixTimeOff, store.IdxTimeOffPerson, store.IdxTimeOffEnd, store.IdxTimeOffUID) {
		n.TimeOff, err = delta(txn, TimeOffs, old.TimeOff, ts, func(t *TimeOff) id.ID { return t.ID }, func(t *TimeOff) {
			// A walk reads the time off of the people it reads (readers):
			// a change to someone else's leaves its checkpoints.
			if l, ok := personLimit[t.PersonID]; !ok || t.StartBound().Before(l) {
				personLimit[t.PersonID] = t.StartBound()
			}
		})
		if err != nil {
			return nil, err
		}
	}
	if changed(store.PrefixOverride, store.IdxOverrideRotation, store.IdxOverridePerson) {
		n.Overrides, err = delta(txn, Overrides, old.Overrides, ts, func(o *Override) id.ID { return o.ID }, func(o *Override) {
			if l, ok := rotLimit[o.RotationID]; !ok || o.Start.Before(l) {
				rotLimit[o.RotationID] = o.Start
			}
		})
		if err != nil {
			return nil, err
		}
	}
	if changed(store.PrefixSwap, store.IdxSwapRotation) {
		n.Swaps, err = delta(txn, Swaps, old.Swaps, ts, func(w *Swap) id.ID { return w.ID }, func(w *Swap) {
			// Slot j reads the swaps of j and j+1 (who comes next): a change
			// at slot m reaches slot m-1; the checkpoint before slot m-1 holds.
			m := min(w.SlotA, w.SlotB) - 1
			if l, ok := slotLimit[w.RotationID]; !ok || m < l {
				slotLimit[w.RotationID] = m
			}
		})
		if err != nil {
			return nil, err
		}
	}
	if carry {
		if len(personLimit) > 0 {
			for rid, ppl := range readers(old, n) {
				for u := range ppl {
					if l, ok := personLimit[u]; ok && (rotLimit[rid].IsZero() || l.Before(rotLimit[rid])) {
						rotLimit[rid] = l
					}
				}
			}
		}
		n.carry, n.stored = carried(old, n, limit, rotLimit, slotLimit)
	}
	return n, nil
}

// readers lists, for each rotation, the people whose time off its walk
// reads, in either snapshot: its participants (who holds a turn, who
// covers, who pays back: what a checkpoint's state depends on) and the
// people its overrides put on call (only the override's own piece is
// marked away, not the state after it, but they are counted as the
// fingerprint counts them, persist.go). Holidays and zones are not limited
// this way (a change to either starts over).
// TestCachedCheckpointsFollowTimeOffEdits fails without the participants.
func readers(snaps ...*Snapshot) map[id.ID]map[id.ID]bool {
	out := map[id.ID]map[id.ID]bool{}
	add := func(rid, u id.ID) {
		m := out[rid]
		if m == nil {
			m = map[id.ID]bool{}
			out[rid] = m
		}
		m[u] = true
	}
	for _, s := range snaps {
		for i := range s.Rotations {
			for _, u := range s.Rotations[i].Participants {
				add(s.Rotations[i].ID, u)
			}
		}
		for i := range s.Overrides {
			add(s.Overrides[i].RotationID, s.Overrides[i].PersonID)
		}
	}
	return out
}

// delta rereads a table's records committed after ts and keeps the cached
// ones (old, in id order as Table.List gives them) otherwise; touched is
// called with both versions of every record added, changed or deleted.
func delta[T any](txn *badger.Txn, t *store.Table[T], old []T, ts uint64, idOf func(*T) id.ID, touched func(*T)) ([]T, error) {
	byID := make(map[id.ID]int, len(old))
	for i := range old {
		byID[idOf(&old[i])] = i
	}
	out := make([]T, 0, len(old)+1)
	seen := make(map[id.ID]bool, len(old))
	err := store.KeyVersions(txn, store.Range{Prefix: []byte{t.Prefix}}, func(k []byte, version uint64) error {
		u := store.LastID(k)
		seen[u] = true
		i, had := byID[u]
		if had && version <= ts {
			out = append(out, old[i])
			return nil
		}
		v, err := t.Get(txn, u)
		if err != nil {
			return err
		}
		if had {
			touched(&old[i])
		}
		touched(&v)
		out = append(out, v)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i := range old {
		if !seen[idOf(&old[i])] {
			touched(&old[i]) // deleted
		}
	}
	return out, nil
}

// carried returns the checkpoints of old's walks still valid in n (held,
// and stored ones not read yet): those of rotations whose definition did not
// change, before the first instant (and slot) any change touches.
func carried(old, n *Snapshot, limit time.Time, rotLimit map[id.ID]time.Time, slotLimit map[id.ID]int) (map[id.ID][]*checkpoint, map[id.ID][]storedRef) {
	oix := old.index()
	oix.cpMu.Lock()
	lists := make(map[id.ID]*checkpoints, len(oix.cps))
	for rid, c := range oix.cps {
		lists[rid] = c
	}
	oix.cpMu.Unlock()
	out, stored := map[id.ID][]*checkpoint{}, map[id.ID][]storedRef{}
	for i := range n.Rotations {
		nr := &n.Rotations[i]
		c := lists[nr.ID]
		or := oix.rots[nr.ID]
		if c == nil || or == nil || !reflect.DeepEqual(*or.Rotation, *nr) {
			continue
		}
		lim := limit
		if l, ok := rotLimit[nr.ID]; ok {
			lim = minT(lim, l)
		}
		kMax, slotBound := slotLimit[nr.ID]
		valid := func(k int) bool { return !or.slotStart(k).After(lim) && !(slotBound && k > kMax) }
		c.mu.Lock()
		var keep []*checkpoint
		for i, cp := range c.list {
			if !valid((i + 1) * c.every) { // cp may be nil: a place not held
				break
			}
			keep = append(keep, cp) // a copy of the list: the old snapshot may still walk and keep more
		}
		var refs []storedRef
		for _, ref := range c.stored {
			if !valid(ref.k) {
				break
			}
			refs = append(refs, ref)
		}
		c.mu.Unlock()
		if len(keep) > 0 {
			out[nr.ID] = keep
		}
		if len(refs) > 0 {
			stored[nr.ID] = refs
		}
	}
	return out, stored
}
