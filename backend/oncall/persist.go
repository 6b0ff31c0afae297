package oncall

import (
	"encoding/binary"
	"encoding/json"
	"hash/fnv"
	"sort"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// Persisted replay checkpoints (decision 0028): the walk's state every
// cpEvery slots of a rotation, stored under store.PrefixOnCallCheckpoint so
// that the first query after opening a workspace resumes each rotation's
// walk from the checkpoint before its window instead of replaying years of
// history. Each is stored with a fingerprint of everything the walk up to
// it read — the rotation's definition, people's names and zones, the
// regions' members, the settings, and the time off, holidays, overrides and
// swaps that start before it — and is used only when the fingerprint of
// the loaded data matches: an edit that changes the past (time off four
// years back, a deleted swap, a zone) invalidates the checkpoints after it,
// one in the future leaves them. They are derived data: wrong or missing
// ones only cost a replay, never change a shift.

type savedHeld struct {
	P id.ID     `json:"p"`
	S time.Time `json:"s"`
	E time.Time `json:"e"`
	W int64     `json:"w"`
}

type savedOwed struct {
	C     id.ID `json:"c"`
	Slots []int `json:"slots"`
}

type savedCheckpoint struct {
	K       int           `json:"k"`
	FP      uint64        `json:"fp"`
	Owed    []savedOwed   `json:"owed,omitempty"`
	Entries []LedgerEntry `json:"entries,omitempty"`
	Recent  []savedHeld   `json:"recent,omitempty"`
	Prev    id.ID         `json:"prev,omitzero"`
}

// checkpointKey: prefix | rotation | slot (uint32) | fingerprint (uint64),
// so that checking which stored checkpoints still hold reads keys only.
func checkpointKey(rotation id.ID, k int, fp uint64) []byte {
	b := binary.BigEndian.AppendUint32(nil, uint32(k))
	b = binary.BigEndian.AppendUint64(b, fp)
	return store.Key(store.PrefixOnCallCheckpoint, rotation, b)
}

func (cp *checkpoint) saved(fp uint64) savedCheckpoint {
	sc := savedCheckpoint{K: cp.k, FP: fp, Prev: cp.prev}
	for c, q := range cp.owed {
		sc.Owed = append(sc.Owed, savedOwed{C: c, Slots: q})
	}
	sort.Slice(sc.Owed, func(i, j int) bool { return sc.Owed[i].C.String() < sc.Owed[j].C.String() })
	for _, e := range cp.entries {
		sc.Entries = append(sc.Entries, e)
	}
	sort.Slice(sc.Entries, func(i, j int) bool { return sc.Entries[i].Slot < sc.Entries[j].Slot })
	for _, h := range cp.recent {
		sc.Recent = append(sc.Recent, savedHeld{P: h.person, S: h.s, E: h.e, W: int64(h.w)})
	}
	return sc
}

func (sc *savedCheckpoint) checkpoint() *checkpoint {
	cp := &checkpoint{k: sc.K, prev: sc.Prev, owed: make(map[id.ID][]int, len(sc.Owed))}
	for _, o := range sc.Owed {
		cp.owed[o.C] = o.Slots
	}
	if len(sc.Entries) > 0 {
		cp.entries = make(map[int]LedgerEntry, len(sc.Entries))
		for _, e := range sc.Entries {
			cp.entries[e.Slot] = e
		}
	}
	for _, h := range sc.Recent {
		cp.recent = append(cp.recent, held{person: h.P, s: h.S, e: h.E, w: time.Duration(h.W)})
	}
	return cp
}

// prints computes the fingerprints of a snapshot's checkpoints: per-record
// hashes summed in start order, so the fingerprint of "everything before T"
// is a prefix sum found by binary search.
type prints struct {
	base     uint64
	rotation map[id.ID]uint64
	timeOff  prefixSums // by start bound
	holidays prefixSums // by date (unix seconds of the date at 00:00 UTC)
	ovs      map[id.ID]*prefixSums
	swaps    map[id.ID]*prefixSums // by the earlier slot
}

type prefixSums struct {
	at  []int64 // sorted keys
	sum []uint64
}

func (p *prefixSums) build(keys []int64, hs []uint64) {
	idx := make([]int, len(keys))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return keys[idx[a]] < keys[idx[b]] })
	p.at, p.sum = make([]int64, len(keys)), make([]uint64, len(keys))
	var acc uint64
	for i, j := range idx {
		acc += hs[j]
		p.at[i], p.sum[i] = keys[j], acc
	}
}

// before is the sum of the hashes of keys < k.
func (p *prefixSums) before(k int64) uint64 {
	if p == nil {
		return 0
	}
	n := sort.Search(len(p.at), func(i int) bool { return p.at[i] >= k })
	if n == 0 {
		return 0
	}
	return p.sum[n-1]
}

type hasher struct{ b []byte }

func (h *hasher) str(s string) *hasher { h.b = append(h.b, s...); h.b = append(h.b, 0); return h }
func (h *hasher) id(u id.ID) *hasher   { h.b = append(h.b, u[:]...); return h }
func (h *hasher) int(n int64) *hasher  { h.b = binary.BigEndian.AppendUint64(h.b, uint64(n)); return h }
func (h *hasher) time(t time.Time) *hasher {
	return h.int(t.UnixNano()).str(t.Location().String())
}
func (h *hasher) sum() uint64 {
	f := fnv.New64a()
	f.Write(h.b)
	h.b = h.b[:0]
	// spread the bits so sums of similar records do not cancel
	x := f.Sum64()
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	return x
}

func jsonHash(h *hasher, v any) uint64 {
	b, _ := json.Marshal(v)
	h.b = append(h.b, b...)
	return h.sum()
}

func buildPrints(s *Snapshot) *prints {
	h := &hasher{}
	p := &prints{rotation: map[id.ID]uint64{}, ovs: map[id.ID]*prefixSums{}, swaps: map[id.ID]*prefixSums{}}
	// People's names and zones, the regions' members and the settings.
	pids := make([]id.ID, 0, len(s.People))
	for u := range s.People {
		pids = append(pids, u)
	}
	sort.Slice(pids, func(i, j int) bool { return pids[i].String() < pids[j].String() })
	for _, u := range pids {
		h.id(u).str(s.People[u].Name).str(s.People[u].TimeZone)
	}
	for _, r := range s.Regions {
		h.id(r.ID)
		for _, m := range r.MemberIDs {
			h.id(m)
		}
		h.str("")
	}
	base := h.sum()
	p.base = base ^ jsonHash(h, s.Settings)
	for i := range s.Rotations {
		p.rotation[s.Rotations[i].ID] = jsonHash(h, &s.Rotations[i])
	}
	var keys []int64
	var hs []uint64
	for i := range s.TimeOff {
		t := &s.TimeOff[i]
		keys = append(keys, t.StartBound().UnixNano())
		hs = append(hs, h.id(t.ID).id(t.PersonID).str(string(t.Kind)).str(t.StartDate).str(t.EndDate).time(t.Start).time(t.End).sum())
	}
	p.timeOff.build(keys, hs)
	keys, hs = keys[:0], hs[:0]
	for _, r := range s.Regions {
		for _, hd := range r.Holidays {
			d, ok := civil.Parse(hd.Date)
			if !ok {
				continue
			}
			keys = append(keys, d.Unix())
			hs = append(hs, h.id(r.ID).str(hd.Date).str(hd.Name).sum())
		}
	}
	p.holidays.build(keys, hs)
	ovKeys, ovHs := map[id.ID][]int64{}, map[id.ID][]uint64{}
	for i := range s.Overrides {
		o := &s.Overrides[i]
		ovKeys[o.RotationID] = append(ovKeys[o.RotationID], o.Start.UnixNano())
		ovHs[o.RotationID] = append(ovHs[o.RotationID], h.id(o.ID).id(o.PersonID).time(o.Start).time(o.End).str(o.Note).sum())
	}
	for rid, k := range ovKeys {
		ps := &prefixSums{}
		ps.build(k, ovHs[rid])
		p.ovs[rid] = ps
	}
	swKeys, swHs := map[id.ID][]int64{}, map[id.ID][]uint64{}
	for i := range s.Swaps {
		w := &s.Swaps[i]
		swKeys[w.RotationID] = append(swKeys[w.RotationID], int64(min(w.SlotA, w.SlotB)))
		swHs[w.RotationID] = append(swHs[w.RotationID], jsonHash(h, w))
	}
	for rid, k := range swKeys {
		ps := &prefixSums{}
		ps.build(k, swHs[rid])
		p.swaps[rid] = ps
	}
	return p
}

// of is the fingerprint of the walk of rotation r up to slot k: the state
// before slot k depends on the slots before it, which read time off,
// holidays and overrides overlapping them (so starting before slot k
// starts) and the swaps of slots up to k (who comes next).
func (p *prints) of(r *rot, k int) uint64 {
	t := r.slotStart(k)
	h := &hasher{}
	h.int(int64(p.base)).int(int64(p.rotation[r.ID])).int(int64(k))
	h.int(int64(p.timeOff.before(t.UnixNano())))
	// a holiday is a civil date in each member's zone: dates up to two
	// days after t may already have started somewhere
	h.int(int64(p.holidays.before(t.AddDate(0, 0, 2).Unix())))
	h.int(int64(p.ovs[r.ID].before(t.UnixNano())))
	h.int(int64(p.swaps[r.ID].before(int64(k) + 1)))
	return h.sum()
}

// persistedTx finds, per rotation, the latest stored checkpoint whose
// fingerprint matches s (keys only) and decodes that one: the list seeded
// into the snapshot holds it at its place, nils before it (a window before
// it walks from the first turn, as without checkpoints).
func persistedTx(txn *badger.Txn, s *Snapshot) (map[id.ID][]*checkpoint, error) {
	type stored struct {
		k   int
		fp  uint64
		key []byte
	}
	byRot := map[id.ID][]stored{}
	err := store.Keys(txn, store.Range{Prefix: []byte{store.PrefixOnCallCheckpoint}}, func(k []byte) error {
		if len(k) != 1+16+4+8 {
			return nil
		}
		var rid id.ID
		copy(rid[:], k[1:17])
		byRot[rid] = append(byRot[rid], stored{k: int(binary.BigEndian.Uint32(k[17:21])), fp: binary.BigEndian.Uint64(k[21:29]), key: append([]byte(nil), k...)})
		return nil
	})
	if err != nil || len(byRot) == 0 {
		return nil, err
	}
	// Not s.index(): the index takes the checkpoints (carry) when it is
	// built, after this.
	rots := make(map[id.ID]*rot, len(s.Rotations))
	for i := range s.Rotations {
		if r := compile(&s.Rotations[i]); r != nil {
			rots[r.ID] = r
		}
	}
	p := buildPrints(s)
	out := map[id.ID][]*checkpoint{}
	for rid, l := range byRot {
		r := rots[rid]
		if r == nil {
			continue
		}
		every := cpEvery(r)
		var best *stored
		for i := range l {
			x := &l[i]
			if x.k > 0 && x.k%every == 0 && (best == nil || x.k > best.k) && x.fp == p.of(r, x.k) {
				best = x
			}
		}
		if best == nil {
			continue
		}
		var sc savedCheckpoint
		if _, err := store.GetJSON(txn, best.key, &sc); err != nil || sc.K != best.k {
			continue // unreadable: replay instead
		}
		list := make([]*checkpoint, best.k/every)
		list[len(list)-1] = sc.checkpoint()
		out[rid] = list
	}
	return out, nil
}

// SaveCheckpoints stores the walk checkpoints of the cached snapshot (those
// its computations kept, every cpEvery slots of each rotation) with their
// fingerprints, replacing the stored ones; the workspace calls it when it
// closes. Nothing cached: nothing to do.
func (s *Service) SaveCheckpoints() error {
	c := &s.cache
	c.mu.Lock()
	snap := c.snap
	c.mu.Unlock()
	if snap == nil {
		return nil
	}
	ix := snap.index()
	ix.cpMu.Lock()
	lists := make(map[id.ID][]*checkpoint, len(ix.cps))
	for rid, cps := range ix.cps {
		cps.mu.Lock()
		lists[rid] = append([]*checkpoint(nil), cps.list...)
		cps.mu.Unlock()
	}
	ix.cpMu.Unlock()
	p := buildPrints(snap)
	var old [][]byte
	err := s.st.View(func(txn *badger.Txn) error {
		return store.Keys(txn, store.Range{Prefix: []byte{store.PrefixOnCallCheckpoint}}, func(k []byte) error {
			old = append(old, append([]byte(nil), k...))
			return nil
		})
	})
	if err != nil {
		return errs.Wrap("oncall.SaveCheckpoints", err)
	}
	// Written in chunks (years of short turns do not fit one transaction):
	// a failure half-way leaves some old and some new checkpoints, each
	// still checked against the data before use.
	type op struct {
		key []byte
		val *savedCheckpoint
	}
	// Only what changed: a checkpoint stored under the same rotation, slot
	// and fingerprint is the same state.
	had := make(map[string]bool, len(old))
	for _, k := range old {
		had[string(k)] = true
	}
	var ops []op
	keep := map[string]bool{}
	for rid, l := range lists {
		r := ix.rots[rid]
		if r == nil {
			continue
		}
		for _, cp := range l {
			if cp == nil {
				continue // a place held in a list seeded from the store
			}
			fp := p.of(r, cp.k)
			key := checkpointKey(rid, cp.k, fp)
			keep[string(key)] = true
			if had[string(key)] {
				continue
			}
			sc := cp.saved(fp)
			ops = append(ops, op{key: key, val: &sc})
		}
	}
	for _, k := range old {
		if !keep[string(k)] {
			ops = append(ops, op{key: k})
		}
	}
	const chunk = 200
	for len(ops) > 0 {
		n := min(len(ops), chunk)
		part := ops[:n]
		ops = ops[n:]
		err := s.st.Update(func(txn *badger.Txn) error {
			for _, o := range part {
				var err error
				if o.val == nil {
					err = txn.Delete(o.key)
				} else {
					err = store.PutJSON(txn, o.key, o.val)
				}
				if err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return errs.Wrap("oncall.SaveCheckpoints", err)
		}
	}
	return nil
}
