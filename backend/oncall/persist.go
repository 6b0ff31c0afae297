package oncall

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"hash/fnv"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
	"wheelhouse/backend/tz"
)

// Persisted replay checkpoints (decision 0032): the walk's state every
// cpEvery slots of a rotation, stored under store.PrefixOnCallCheckpoint so
// that the first query after opening a workspace resumes each rotation's
// walk from the checkpoint before its window instead of replaying years of
// history.
//
// A stored checkpoint is used only when it provably belongs to the data
// loaded: its key carries a fingerprint of everything the walk up to it
// read — the build of the program and the zone rules it was computed with,
// the rotation's definition, the zones of its participants and of the
// people its overrides name, the regions' members, the time off and
// holidays that start before it, the rotation's overrides that start
// before it and its swaps of slots up to it — and the fingerprint of the
// loaded data is computed and compared before it is read. An edit that
// changes the past (time off four years back, a deleted swap, a zone)
// invalidates the checkpoints after it; one in the future leaves them. The
// value carries a checksum of itself, its key and the format, and is
// checked for consistency when decoded: a damaged one is ignored (the walk
// starts from an earlier checkpoint or the first turn). They are derived,
// machine-local data: not in backups (store.Backup leaves the prefix out and
// store.Restore drops it), not in the workspace file.

const checkpointFormat = "wheelhouse/oncall-checkpoint/2"

// Stored checkpoints are thinned: all of those after thinAfter before now,
// one in thinEvery before that.
const (
	thinAfter = 400 * 24 * time.Hour
	thinEvery = 8
)

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
	Owed    []savedOwed   `json:"owed,omitempty"`
	Entries []LedgerEntry `json:"entries,omitempty"`
	Recent  []savedHeld   `json:"recent,omitempty"`
	Prev    id.ID         `json:"prev,omitzero"`
}

// storedRef is a stored checkpoint whose fingerprint matched the snapshot's
// data when it was loaded; its state is read when a walk first needs it.
type storedRef struct {
	k   int
	key []byte
}

const checkpointKeyLen = 1 + 16 + 4 + 8

// checkpointKey: prefix | rotation | slot (uint32) | fingerprint (uint64),
// so that finding the stored checkpoints that still hold reads keys only.
func checkpointKey(rotation id.ID, k int, fp uint64) []byte {
	b := make([]byte, 0, checkpointKeyLen)
	b = append(b, store.PrefixOnCallCheckpoint)
	b = append(b, rotation[:]...)
	b = binary.BigEndian.AppendUint32(b, uint32(k))
	return binary.BigEndian.AppendUint64(b, fp)
}

// parseCheckpointKey is the inverse of checkpointKey (ok false for any
// other shape).
func parseCheckpointKey(key []byte) (rotation id.ID, k int, fp uint64, ok bool) {
	if len(key) != checkpointKeyLen || key[0] != store.PrefixOnCallCheckpoint {
		return id.Nil, 0, 0, false
	}
	copy(rotation[:], key[1:17])
	return rotation, int(binary.BigEndian.Uint32(key[17:21])), binary.BigEndian.Uint64(key[21:29]), true
}

func checkpointSum(key, body []byte) [sha256.Size]byte {
	h := sha256.New()
	h.Write([]byte(checkpointFormat))
	h.Write([]byte{0})
	h.Write(key)
	h.Write(body)
	var out [sha256.Size]byte
	h.Sum(out[:0])
	return out
}

// encodeCheckpoint is the stored value: the checksum of (format, key, body)
// and the JSON body.
func encodeCheckpoint(key []byte, cp *checkpoint) ([]byte, error) {
	sc := savedCheckpoint{K: cp.k, Prev: cp.prev}
	for c, q := range cp.owed {
		sc.Owed = append(sc.Owed, savedOwed{C: c, Slots: q})
	}
	sort.Slice(sc.Owed, func(i, j int) bool { return bytes.Compare(sc.Owed[i].C[:], sc.Owed[j].C[:]) < 0 })
	for _, e := range cp.entries {
		sc.Entries = append(sc.Entries, e)
	}
	sort.Slice(sc.Entries, func(i, j int) bool { return sc.Entries[i].Slot < sc.Entries[j].Slot })
	for _, h := range cp.recent {
		sc.Recent = append(sc.Recent, savedHeld{P: h.person, S: h.s, E: h.e, W: int64(h.w)})
	}
	body := sc.marshal()
	sum := checkpointSum(key, body)
	return append(sum[:], body...), nil
}

// marshal is the binary body (format 2; JSON took a tenth of the first
// query): uvarint k, prev (16 bytes), owed (count; creditor, count, varint
// slots), entries (count; varint slot, rotation, start as int64 ns and
// varint zone offset in seconds, skipped, covered by, why (length, bytes),
// paid back (0/1), varint paid slot), recent (count; person, start and end
// as int64 ns, varint weighted ns).
func (sc *savedCheckpoint) marshal() []byte {
	b := binary.AppendUvarint(nil, uint64(sc.K))
	b = append(b, sc.Prev[:]...)
	b = binary.AppendUvarint(b, uint64(len(sc.Owed)))
	for _, o := range sc.Owed {
		b = append(b, o.C[:]...)
		b = binary.AppendUvarint(b, uint64(len(o.Slots)))
		for _, k := range o.Slots {
			b = binary.AppendVarint(b, int64(k))
		}
	}
	b = binary.AppendUvarint(b, uint64(len(sc.Entries)))
	for _, e := range sc.Entries {
		_, off := e.Start.Zone()
		b = binary.AppendVarint(b, int64(e.Slot))
		b = append(b, e.RotationID[:]...)
		b = binary.BigEndian.AppendUint64(b, uint64(e.Start.UnixNano()))
		b = binary.AppendVarint(b, int64(off))
		b = append(b, e.Skipped[:]...)
		b = append(b, e.CoveredBy[:]...)
		b = binary.AppendUvarint(b, uint64(len(e.Why)))
		b = append(b, e.Why...)
		paid := byte(0)
		if e.PaidBack {
			paid = 1
		}
		b = append(b, paid)
		b = binary.AppendVarint(b, int64(e.PaidSlot))
	}
	b = binary.AppendUvarint(b, uint64(len(sc.Recent)))
	for _, h := range sc.Recent {
		b = append(b, h.P[:]...)
		b = binary.BigEndian.AppendUint64(b, uint64(h.S.UnixNano()))
		b = binary.BigEndian.AppendUint64(b, uint64(h.E.UnixNano()))
		b = binary.AppendVarint(b, h.W)
	}
	return b
}

// unmarshal reads marshal's bytes; false for anything else (counts beyond
// the bytes left, a bad number, bytes after the end).
func (sc *savedCheckpoint) unmarshal(b []byte) bool {
	bad := false
	uv := func() uint64 {
		x, n := binary.Uvarint(b)
		if n <= 0 {
			bad = true
			return 0
		}
		b = b[n:]
		return x
	}
	sv := func() int64 {
		x, n := binary.Varint(b)
		if n <= 0 {
			bad = true
			return 0
		}
		b = b[n:]
		return x
	}
	u64 := func() int64 {
		if len(b) < 8 {
			bad = true
			return 0
		}
		x := binary.BigEndian.Uint64(b)
		b = b[8:]
		return int64(x)
	}
	ident := func() (u id.ID) {
		if len(b) < 16 {
			bad = true
			return u
		}
		copy(u[:], b)
		b = b[16:]
		return u
	}
	// every element takes at least one byte: a count beyond the bytes left
	// is damage, not an allocation to make
	count := func() int {
		n := uv()
		if n > uint64(len(b)) {
			bad = true
			return 0
		}
		return int(n)
	}
	small := func(x int64) int {
		if x < -1<<31 || x > 1<<31 {
			bad = true
			return 0
		}
		return int(x)
	}
	k := uv()
	if k > 1<<31 {
		return false
	}
	sc.K = int(k)
	sc.Prev = ident()
	sc.Owed = make([]savedOwed, count())
	for i := range sc.Owed {
		sc.Owed[i].C = ident()
		sc.Owed[i].Slots = make([]int, count())
		for j := range sc.Owed[i].Slots {
			sc.Owed[i].Slots[j] = small(sv())
		}
	}
	sc.Entries = make([]LedgerEntry, count())
	for i := range sc.Entries {
		e := &sc.Entries[i]
		e.Slot = small(sv())
		e.RotationID = ident()
		ns := u64()
		off := small(sv())
		if off < -24*3600 || off > 24*3600 {
			return false
		}
		e.Start = time.Unix(0, ns).In(time.FixedZone("", off))
		e.Skipped = ident()
		e.CoveredBy = ident()
		n := count()
		if bad {
			return false
		}
		e.Why = string(b[:n])
		b = b[n:]
		if len(b) < 1 || b[0] > 1 {
			return false
		}
		e.PaidBack = b[0] == 1
		b = b[1:]
		e.PaidSlot = small(sv())
		if bad {
			return false
		}
	}
	sc.Recent = make([]savedHeld, count())
	for i := range sc.Recent {
		h := &sc.Recent[i]
		h.P = ident()
		h.S = time.Unix(0, u64()).UTC()
		h.E = time.Unix(0, u64()).UTC()
		h.W = sv()
		if bad {
			return false
		}
	}
	return !bad && len(b) == 0
}

// decodeCheckpoint reads a stored value; nil when it is damaged or not
// consistent with its key (never a panic, whatever the bytes).
func decodeCheckpoint(key, val []byte) (cp *checkpoint) {
	defer func() {
		if recover() != nil {
			cp = nil
		}
	}()
	_, k, _, ok := parseCheckpointKey(key)
	if !ok || len(val) < sha256.Size {
		return nil
	}
	if sum := checkpointSum(key, val[sha256.Size:]); !bytes.Equal(sum[:], val[:sha256.Size]) {
		return nil
	}
	var sc savedCheckpoint
	if !sc.unmarshal(val[sha256.Size:]) || sc.K != k || k <= 0 {
		return nil
	}
	cp = &checkpoint{k: sc.K, prev: sc.Prev, owed: make(map[id.ID][]int, len(sc.Owed))}
	if len(sc.Entries) > 0 {
		cp.entries = make(map[int]LedgerEntry, len(sc.Entries))
		for _, e := range sc.Entries {
			if e.Slot < 0 || e.Slot >= k || e.Skipped.IsZero() || e.CoveredBy.IsZero() {
				return nil
			}
			cp.entries[e.Slot] = e
		}
	}
	for _, o := range sc.Owed {
		if _, dup := cp.owed[o.C]; dup || len(o.Slots) == 0 {
			return nil
		}
		for _, slot := range o.Slots {
			// every owed turn is an entry this creditor covered
			if e, ok := cp.entries[slot]; !ok || e.CoveredBy != o.C {
				return nil
			}
		}
		cp.owed[o.C] = o.Slots
	}
	for i, h := range sc.Recent {
		if h.P.IsZero() || !h.S.Before(h.E) || h.W < -1 || i > 0 && h.S.Before(sc.Recent[i-1].S) {
			return nil
		}
		cp.recent = append(cp.recent, held{person: h.P, s: h.S, e: h.E, w: time.Duration(h.W)})
	}
	return cp
}

// loadCheckpoint reads the stored checkpoint under key (nil when it is gone
// or damaged, or the store is closing). A walk may run inside a caller's
// transaction: TryView, which never waits for Close (View there could
// deadlock with it).
func (s *Service) loadCheckpoint(key []byte) *checkpoint {
	var cp *checkpoint
	_ = s.st.TryView(func(txn *badger.Txn) error {
		item, err := txn.Get(key)
		if err != nil {
			return nil
		}
		return item.Value(func(v []byte) error {
			cp = decodeCheckpoint(key, v)
			return nil
		})
	})
	return cp
}

// prints computes the fingerprints of a snapshot's checkpoints: per-record
// hashes summed in start order, so the fingerprint of "everything before T"
// is a prefix sum found by binary search.
type prints struct {
	base     uint64                // build, regions' members
	rotation map[id.ID]uint64      // definition, zone rules, people it reads
	timeOff  prefixSums            // by start bound
	holidays prefixSums            // by date (unix seconds of the date at 00:00 UTC)
	ovs      map[id.ID]*prefixSums // by start
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
	// ties may come in any order: a prefix sum is read only after all of
	// them (before)
	slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(keys[a], keys[b]) })
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

// time hashes the instant only: the math compares instants, and the
// location a time was decoded into depends on the machine's zone.
func (h *hasher) time(t time.Time) *hasher { return h.int(t.UnixNano()) }
func (h *hasher) sum() uint64 {
	f := fnv.New64a()
	f.Write(h.b)
	h.b = h.b[:0]
	// spread the bits so sums of similar records do not cancel
	x := f.Sum64()
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

func jsonHash(h *hasher, v any) uint64 {
	b, _ := json.Marshal(v)
	h.b = append(h.b, b...)
	return h.sum()
}

// buildHash identifies the program that computes (the walk's rules are its
// code): the Go version, the module and VCS stamps of the build, and the
// executable's size and modification time, so any other build, or a
// rebuild, starts from stored checkpoints of its own.
var buildHash = sync.OnceValue(func() uint64 {
	h := &hasher{}
	h.str(checkpointFormat).str(runtime.Version()).str(runtime.GOOS).str(runtime.GOARCH)
	if bi, ok := debug.ReadBuildInfo(); ok {
		h.str(bi.Path).str(bi.Main.Path).str(bi.Main.Version).str(bi.Main.Sum)
		for _, s := range bi.Settings {
			h.str(s.Key).str(s.Value)
		}
	}
	if exe, err := os.Executable(); err == nil {
		if fi, err := os.Stat(exe); err == nil {
			h.str(exe).int(fi.Size()).time(fi.ModTime())
		}
	}
	return h.sum()
})

// zoneHashes caches zoneHash by name: a process's zone rules do not change.
var zoneHashes sync.Map

// zoneHash is a hash of a zone's rules as this process applies them (Go
// reads the system's zone files when it has them, else the copy in the
// binary): every period of one offset and abbreviation from 1900 to 2200.
// An unknown zone is UTC, as the math takes it.
func zoneHash(name string) uint64 {
	if v, ok := zoneHashes.Load(name); ok {
		return v.(uint64)
	}
	h := &hasher{}
	h.str(name)
	loc, ok := tz.Load(name)
	if !ok {
		loc = time.UTC
		h.str("UTC")
	}
	t := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)
	for n := 0; t.Before(end) && n < 10000; n++ {
		lt := t.In(loc)
		abbr, off := lt.Zone()
		_, next := lt.ZoneBounds()
		h.time(t).str(abbr).int(int64(off))
		if next.IsZero() || !next.After(t) {
			break
		}
		t = next
	}
	x := h.sum()
	zoneHashes.Store(name, x)
	return x
}

func buildPrints(s *Snapshot) *prints {
	h := &hasher{}
	p := &prints{rotation: map[id.ID]uint64{}, ovs: map[id.ID]*prefixSums{}, swaps: map[id.ID]*prefixSums{}}
	// Holidays are placed by the members' zones; weights by the holder's.
	person := func(u id.ID) uint64 {
		x, ok := s.People[u]
		if !ok {
			return h.id(u).str("missing").sum()
		}
		return h.id(u).str(x.TimeZone).int(int64(zoneHash(x.TimeZone))).sum()
	}
	h.int(int64(buildHash()))
	for _, r := range s.Regions {
		h.id(r.ID)
		for _, m := range r.MemberIDs {
			h.id(m)
		}
		h.str("")
	}
	p.base = h.sum()
	// The people each rotation's walk reads: its participants and the
	// people its overrides put on call (a set: summed once each).
	reads := map[id.ID]map[id.ID]bool{}
	for i := range s.Overrides {
		o := &s.Overrides[i]
		if reads[o.RotationID] == nil {
			reads[o.RotationID] = map[id.ID]bool{}
		}
		reads[o.RotationID][o.PersonID] = true
	}
	for i := range s.Rotations {
		r := &s.Rotations[i]
		set := reads[r.ID]
		if set == nil {
			set = map[id.ID]bool{}
		}
		for _, u := range r.Participants {
			set[u] = true
		}
		var ppl uint64
		for u := range set {
			ppl += person(u)
		}
		def := jsonHash(h, r)
		p.rotation[r.ID] = h.int(int64(def)).int(int64(zoneHash(r.TimeZone))).int(int64(ppl)).sum()
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
				continue // the math skips it too
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
		ovHs[o.RotationID] = append(ovHs[o.RotationID], h.id(o.ID).id(o.PersonID).time(o.Start).time(o.End).sum())
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
		swHs[w.RotationID] = append(swHs[w.RotationID], h.id(w.ID).int(int64(w.SlotA)).int(int64(w.SlotB)).sum())
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

// persistedTx finds, per rotation, the stored checkpoints whose fingerprint
// matches s (keys only: the states are read when a walk needs one).
func persistedTx(txn *badger.Txn, s *Snapshot) (map[id.ID][]storedRef, error) {
	byRot := map[id.ID][]storedRef{}
	err := store.Keys(txn, store.Range{Prefix: []byte{store.PrefixOnCallCheckpoint}}, func(key []byte) error {
		if rid, k, _, ok := parseCheckpointKey(key); ok {
			byRot[rid] = append(byRot[rid], storedRef{k: k, key: append([]byte(nil), key...)})
		}
		return nil
	})
	if err != nil || len(byRot) == 0 {
		return nil, err
	}
	// Not s.index(): the index takes the stored references when it is
	// built, after this.
	rots := make(map[id.ID]*rot, len(s.Rotations))
	for i := range s.Rotations {
		if r := compile(&s.Rotations[i]); r != nil {
			rots[r.ID] = r
		}
	}
	p := buildPrints(s)
	out := map[id.ID][]storedRef{}
	for rid, l := range byRot {
		r := rots[rid]
		if r == nil {
			continue
		}
		every := cpEvery(r)
		var keep []storedRef
		for _, x := range l {
			_, _, fp, _ := parseCheckpointKey(x.key)
			if x.k > 0 && x.k%every == 0 && fp == p.of(r, x.k) && (len(keep) == 0 || keep[len(keep)-1].k != x.k) {
				keep = append(keep, x)
			}
		}
		if len(keep) > 0 {
			sort.Slice(keep, func(i, j int) bool { return keep[i].k < keep[j].k })
			out[rid] = keep
		}
	}
	return out, nil
}

// withStored sets s.stored to the stored checkpoints that match s
// (persistedTx) and builds s's index in another goroutine meanwhile: both
// only read s, and each was about a fifth of the first query on ten years
// of history. A panic while building the index is raised again here, in
// the caller's goroutine, as it was when the index was built there.
func (s *Snapshot) withStored(txn *badger.Txn) error {
	type built struct {
		ix       *index
		panicked any
	}
	ch := make(chan built, 1)
	go func() {
		var b built
		defer func() {
			b.panicked = recover()
			ch <- b
		}()
		b.ix = buildIndex(s) // s.carry and s.stored are nil: nothing seeded
	}()
	stored, err := persistedTx(txn, s)
	b := <-ch
	if b.panicked != nil {
		panic(b.panicked)
	}
	if err != nil {
		return err
	}
	s.stored = stored
	b.ix.seedStored(stored, s.loadCP)
	s.once.Do(func() { s.ix = b.ix })
	return nil
}

// SaveCheckpoints stores the walk checkpoints of the cached snapshot (those
// its computations kept, every cpEvery slots of each rotation; thinned
// before the last 400 days) with their fingerprints, keeps the stored ones
// that still match its data and deletes the others; the workspace calls it
// when it closes. Nothing cached: nothing to do.
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
	// Every checkpoint from thinFrom on, and every thinEvery-th before it:
	// windows far back are rare, and a walk of a few hundred turns from a
	// checkpoint takes milliseconds; storing all of ten years' took 0.15 s
	// at every first close.
	thinFrom := s.clock.Now().Add(-thinAfter)
	wanted := func(r *rot, k int) bool {
		return k > 0 && k%cpEvery(r) == 0 && (k/cpEvery(r)%thinEvery == 0 || !r.slotStart(k).Before(thinFrom))
	}
	// A stored checkpoint whose fingerprint matches the data stays (the
	// same rotation, slot and fingerprint is the same state).
	keep := make(map[string]bool, len(old))
	for _, k := range old {
		rid, slot, fp, ok := parseCheckpointKey(k)
		if r := ix.rots[rid]; ok && r != nil && wanted(r, slot) && fp == p.of(r, slot) {
			keep[string(k)] = true
		}
	}
	type op struct {
		key []byte
		val []byte // nil: delete
	}
	var ops []op
	for rid, l := range lists {
		r := ix.rots[rid]
		if r == nil {
			continue
		}
		for _, cp := range l {
			if cp == nil || !wanted(r, cp.k) {
				continue // a place not held, or thinned out
			}
			key := checkpointKey(rid, cp.k, p.of(r, cp.k))
			if keep[string(key)] {
				continue
			}
			keep[string(key)] = true
			val, err := encodeCheckpoint(key, cp)
			if err != nil {
				return errs.Wrap("oncall.SaveCheckpoints", err)
			}
			ops = append(ops, op{key: key, val: val})
		}
	}
	for _, k := range old {
		if !keep[string(k)] {
			ops = append(ops, op{key: k})
		}
	}
	// Written in chunks (years of short turns do not fit one transaction):
	// a failure half-way leaves some old and some new checkpoints, each
	// still checked against the data before use.
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
					err = txn.Set(o.key, o.val)
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
