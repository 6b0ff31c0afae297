package oncall

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// Tables of the on-call area; store.Table writes their indexes in the same
// transaction as the records.
var (
	Rotations = &store.Table[Rotation]{
		Name: "rotation", Prefix: store.PrefixRotation,
		ID: func(r *Rotation) id.ID { return r.ID },
		Indexes: []store.Index[Rotation]{
			{Prefix: store.IdxRotationName, Terms: func(r *Rotation) [][]byte { return [][]byte{store.Term(store.Fold(r.Name))} }},
			{Prefix: store.IdxRotationPerson, Terms: func(r *Rotation) [][]byte {
				out := make([][]byte, 0, len(r.Participants))
				for _, p := range uniqIDs(r.Participants) {
					out = append(out, store.Term(p))
				}
				return out
			}},
			{Prefix: store.IdxRotationTeam, Terms: func(r *Rotation) [][]byte {
				if r.TeamID.IsZero() {
					return nil
				}
				return [][]byte{store.Term(r.TeamID)}
			}},
		},
	}
	TimeOffs = &store.Table[TimeOff]{
		Name: "time off", Prefix: store.PrefixTimeOff,
		ID: func(t *TimeOff) id.ID { return t.ID },
		Indexes: []store.Index[TimeOff]{
			{Prefix: store.IdxTimeOffPerson, Terms: func(t *TimeOff) [][]byte { return [][]byte{store.Term(t.PersonID)} }},
			// covering: the start bound lets a window query skip entries
			// that begin after it without reading them
			{Prefix: store.IdxTimeOffEnd, Terms: func(t *TimeOff) [][]byte { return [][]byte{store.Term(t.EndBound(), t.StartBound())} }},
			{Prefix: store.IdxTimeOffUID, Terms: func(t *TimeOff) [][]byte {
				if t.UID == "" {
					return nil
				}
				return [][]byte{store.Term(t.PersonID, t.UID)}
			}},
		},
	}
	Regions = &store.Table[Region]{
		Name: "region", Prefix: store.PrefixRegion,
		ID: func(r *Region) id.ID { return r.ID },
		Indexes: []store.Index[Region]{
			{Prefix: store.IdxRegionName, Terms: func(r *Region) [][]byte { return [][]byte{store.Term(store.Fold(r.Name))} }},
			{Prefix: store.IdxRegionMember, Terms: func(r *Region) [][]byte {
				out := make([][]byte, 0, len(r.MemberIDs))
				for _, p := range uniqIDs(r.MemberIDs) {
					out = append(out, store.Term(p))
				}
				return out
			}},
		},
	}
	Overrides = &store.Table[Override]{
		Name: "override", Prefix: store.PrefixOverride,
		ID: func(o *Override) id.ID { return o.ID },
		Indexes: []store.Index[Override]{
			{Prefix: store.IdxOverrideRotation, Terms: func(o *Override) [][]byte { return [][]byte{store.Term(o.RotationID, o.Start)} }},
			{Prefix: store.IdxOverridePerson, Terms: func(o *Override) [][]byte { return [][]byte{store.Term(o.PersonID)} }},
		},
	}
	Swaps = &store.Table[Swap]{
		Name: "swap", Prefix: store.PrefixSwap,
		ID: func(s *Swap) id.ID { return s.ID },
		Indexes: []store.Index[Swap]{
			// one entry per slot, so a window reads only its swaps
			{Prefix: store.IdxSwapRotation, Terms: func(s *Swap) [][]byte {
				return [][]byte{store.Term(s.RotationID, s.SlotA), store.Term(s.RotationID, s.SlotB)}
			}},
		},
	}
	keySettings = store.Key(store.PrefixSetting, "oncall")
)

// MaxWindow bounds the window of a shift, coverage or fairness query.
const MaxWindow = 6 * 366 * 24 * time.Hour

// SettingsTx reads the on-call settings (defaults when none are stored).
func SettingsTx(txn *badger.Txn) (Settings, error) {
	s := DefaultSettings()
	_, err := store.GetJSON(txn, keySettings, &s)
	return s, err
}

// PutSettingsTx writes the settings.
func PutSettingsTx(txn *badger.Txn, s Settings) error { return store.PutJSON(txn, keySettings, s) }

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

// Service stores on-call records and answers the views over them.
type Service struct {
	st         *store.Store
	clock      clock.Clock
	regionRefs []func(txn *badger.Txn, region id.ID) error
}

// AddRegionRefs registers another area's clean-up when a holiday region is
// deleted; fn runs inside the delete transaction (calendar subscriptions
// into the region go with it).
func (s *Service) AddRegionRefs(fn func(txn *badger.Txn, region id.ID) error) {
	s.regionRefs = append(s.regionRefs, fn)
}

// NewService builds the service.
func NewService(st *store.Store, c clock.Clock) *Service {
	if c == nil {
		c = clock.Real{}
	}
	return &Service{st: st, clock: c}
}

// Snapshot loads everything the math needs for [from, to).
func (s *Service) Snapshot(from, to time.Time) (snap *Snapshot, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		snap, err = LoadTx(txn, from.UTC(), to.UTC())
		return err
	})
	return snap, errs.Wrap("oncall.Snapshot", err)
}

func checkWindow(from, to time.Time) error {
	switch {
	case from.IsZero() || to.IsZero():
		return errs.FieldErr("from", "Choose a start and an end.")
	case !to.After(from):
		return errs.FieldErr("to", "The end is not after the start.")
	case to.Sub(from) > MaxWindow:
		return errs.FieldErr("to", "Choose a window of at most six years.")
	}
	return nil
}

// Shifts returns the shifts of one rotation overlapping [from, to).
func (s *Service) Shifts(rotationID id.ID, from, to time.Time) ([]Shift, error) {
	if err := checkWindow(from, to); err != nil {
		return nil, err
	}
	snap, err := s.Snapshot(from, to)
	if err != nil {
		return nil, err
	}
	if _, ok := snap.Rotation(rotationID); !ok {
		return nil, errs.E(errs.NotFound, "No rotation with id %s.", rotationID)
	}
	out := Shifts(snap, rotationID, from, to)
	if out == nil {
		out = []Shift{}
	}
	return out, nil
}

// AllShifts returns the shifts of every rotation overlapping [from, to).
func (s *Service) AllShifts(from, to time.Time) ([]Shift, error) {
	if err := checkWindow(from, to); err != nil {
		return nil, err
	}
	snap, err := s.Snapshot(from, to)
	if err != nil {
		return nil, err
	}
	out := AllShifts(snap, from, to)
	if out == nil {
		out = []Shift{}
	}
	return out, nil
}

// Coverage returns the coverage gaps in [from, to).
func (s *Service) Coverage(from, to time.Time) ([]Gap, error) {
	if err := checkWindow(from, to); err != nil {
		return nil, err
	}
	snap, err := s.Snapshot(from, to)
	if err != nil {
		return nil, err
	}
	out := CoverageGaps(snap, from, to)
	if out == nil {
		out = []Gap{}
	}
	return out, nil
}

// Fairness returns the fairness table of [from, to).
func (s *Service) Fairness(from, to time.Time) (FairnessReport, error) {
	if err := checkWindow(from, to); err != nil {
		return FairnessReport{}, err
	}
	snap, err := s.Snapshot(from, to)
	if err != nil {
		return FairnessReport{}, err
	}
	return Fairness(snap, from, to), nil
}

// Compensation returns the compensation report of a month ("2026-11").
func (s *Service) Compensation(month string) (CompensationReport, error) {
	m, err := time.Parse(MonthLayout, strings.TrimSpace(month))
	if err != nil {
		return CompensationReport{}, errs.FieldErr("month", "Month must look like 2026-11.")
	}
	snap, err := s.Snapshot(m.Add(-15*time.Hour), m.AddDate(0, 1, 0).Add(15*time.Hour))
	if err != nil {
		return CompensationReport{}, err
	}
	return MonthlyCompensation(snap, month)
}

// CompensationCSV writes the month's report as CSV.
func (s *Service) CompensationCSV(w io.Writer, month string) error {
	rep, err := s.Compensation(month)
	if err != nil {
		return err
	}
	return WriteCompensationCSV(w, rep)
}

// Settings reads the on-call settings.
func (s *Service) Settings() (st Settings, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		st, err = SettingsTx(txn)
		return err
	})
	return st, errs.Wrap("oncall.Settings", err)
}

// SaveSettings validates and stores the settings.
func (s *Service) SaveSettings(st Settings) (Settings, error) {
	st.Normalize()
	err := s.st.Update(func(txn *badger.Txn) error {
		var c errs.Collector
		if err := c.Merge("", st.Validate()); err != nil {
			return err
		}
		for _, p := range st.NotifyPersonIDs {
			if ok, err := people.Persons.Exists(txn, p); err != nil {
				return err
			} else if !ok {
				c.Add("notifyPersonIds", "One of the people to remind about does not exist (any more).")
				break
			}
		}
		if err := c.Err(); err != nil {
			return err
		}
		return PutSettingsTx(txn, st)
	})
	return st, errs.Wrap("oncall.SaveSettings", err)
}

// Rotations lists rotations by schedule (team), layer and name.
func (s *Service) Rotations() ([]Rotation, error) {
	var out []Rotation
	var teams map[id.ID]string
	err := s.st.View(func(txn *badger.Txn) (err error) {
		if out, err = Rotations.List(txn); err != nil {
			return err
		}
		teams, err = TeamNamesTx(txn)
		return err
	})
	SortRotations(out, teams)
	if out == nil {
		out = []Rotation{}
	}
	return out, errs.Wrap("oncall.Rotations", err)
}

// ScheduleOf says which schedule a rotation is a layer of: its team (key
// "team:<id>", the team's name) when it belongs to one that exists; else
// the schedule name it had before rotations belonged to teams (key
// "sch:<lower name>"); else the rotation is a schedule of its own (key
// "rot:<id>", its name). teams maps team ids to names.
func ScheduleOf(r *Rotation, teams map[id.ID]string) (key, name string) {
	if !r.TeamID.IsZero() {
		if n, ok := teams[r.TeamID]; ok {
			return "team:" + r.TeamID.String(), n
		}
	}
	if r.ScheduleName != "" {
		return "sch:" + strings.ToLower(r.ScheduleName), r.ScheduleName
	}
	return "rot:" + r.ID.String(), r.Name
}

// SortRotations orders rotations by schedule name (the team's, the old
// schedule name or the rotation's own), layer, name; teams maps team ids
// to names.
func SortRotations(rs []Rotation, teams map[id.ID]string) {
	key := func(r *Rotation) string {
		_, n := ScheduleOf(r, teams)
		return strings.ToLower(n)
	}
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := &rs[i], &rs[j]
		if key(a) != key(b) {
			return key(a) < key(b)
		}
		if a.Layer != b.Layer {
			return a.Layer < b.Layer
		}
		return strings.ToLower(a.Name) < strings.ToLower(b.Name)
	})
}

// Rotation reads one rotation.
func (s *Service) Rotation(u id.ID) (r Rotation, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		r, err = Rotations.Get(txn, u)
		return err
	})
	return r, errs.Wrap("oncall.Rotation", err)
}

// RotationByName finds a rotation by name (case-insensitive).
func (s *Service) RotationByName(name string) (r Rotation, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		ids := store.Lookup(txn, store.IdxRotationName, store.Term(store.Fold(name)))
		if len(ids) == 0 {
			return errs.E(errs.NotFound, "There is no rotation called %q.", strings.TrimSpace(name))
		}
		r, err = Rotations.Get(txn, ids[0])
		return err
	})
	return r, errs.Wrap("oncall.RotationByName", err)
}

func personCheck(txn *badger.Txn, c *errs.Collector, field string, ids ...id.ID) error {
	for _, p := range ids {
		if p.IsZero() {
			continue
		}
		if ok, err := people.Persons.Exists(txn, p); err != nil {
			return err
		} else if !ok {
			c.Add(field, "The chosen person does not exist (any more).")
			return nil
		}
	}
	return nil
}

// SaveRotation creates (zero ID) or updates a rotation.
func (s *Service) SaveRotation(r Rotation) (Rotation, error) {
	now := s.clock.Now().UTC()
	err := s.st.Update(func(txn *badger.Txn) error {
		if err := store.Stamp(txn, Rotations, &r, now); err != nil {
			return err
		}
		r.Normalize()
		var c errs.Collector
		if err := c.Merge("", r.Validate()); err != nil {
			return err
		}
		if r.Name != "" && !c.Has("name") {
			if store.Taken(txn, store.IdxRotationName, store.Term(store.Fold(r.Name)), r.ID) {
				c.Add("name", "There is already a rotation called %s.", r.Name)
			}
		}
		for i, p := range r.Participants {
			if err := personCheck(txn, &c, "participants."+itoa(i), p); err != nil {
				return err
			}
		}
		if !r.TeamID.IsZero() {
			if ok, err := people.Teams.Exists(txn, r.TeamID); err != nil {
				return err
			} else if !ok {
				c.Add("teamId", "The chosen team does not exist (any more).")
			}
		}
		if err := c.Err(); err != nil {
			return err
		}
		return Rotations.Put(txn, &r)
	})
	return r, errs.Wrap("oncall.SaveRotation", err)
}

// DeleteRotation removes a rotation with its overrides and swaps.
func (s *Service) DeleteRotation(u id.ID) error {
	return errs.Wrap("oncall.DeleteRotation", s.st.Update(func(txn *badger.Txn) error {
		return deleteRotationTx(txn, u)
	}))
}

func deleteRotationTx(txn *badger.Txn, u id.ID) error {
	ovs, err := overridesTx(txn, u, time.Unix(0, 0), farFuture)
	if err != nil {
		return err
	}
	for _, o := range ovs {
		if err := Overrides.Delete(txn, o.ID); err != nil {
			return err
		}
	}
	for _, sid := range swapIDsTx(txn, u, 0, math.MaxInt) {
		if err := Swaps.Delete(txn, sid); err != nil {
			return err
		}
	}
	return Rotations.Delete(txn, u)
}

// TimeOffFilter selects time off: of one person (zero: everyone),
// overlapping [From, To) (zero: any time).
type TimeOffFilter struct {
	PersonID id.ID
	From, To time.Time
}

// TimeOff lists time off, earliest first.
func (s *Service) TimeOff(f TimeOffFilter) ([]TimeOff, error) {
	var out []TimeOff
	err := s.st.View(func(txn *badger.Txn) error {
		var ids []id.ID
		if !f.PersonID.IsZero() {
			ids = store.Lookup(txn, store.IdxTimeOffPerson, store.Term(f.PersonID))
		}
		add := func(t *TimeOff) {
			if !f.PersonID.IsZero() && t.PersonID != f.PersonID {
				return
			}
			if !f.From.IsZero() && !t.EndBound().After(f.From) {
				return
			}
			if !f.To.IsZero() && !t.StartBound().Before(f.To) {
				return
			}
			out = append(out, *t)
		}
		if f.PersonID.IsZero() {
			return TimeOffs.Each(txn, func(t *TimeOff) error { add(t); return nil })
		}
		for _, u := range ids {
			t, err := TimeOffs.Get(txn, u)
			if err != nil {
				return err
			}
			add(&t)
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].StartBound().Before(out[j].StartBound()) })
	if out == nil {
		out = []TimeOff{}
	}
	return out, errs.Wrap("oncall.TimeOff", err)
}

// Saved is a saved record with warnings the user should see (never errors:
// the record was saved).
type Saved[T any] struct {
	Item     T        `json:"item"`
	Warnings []string `json:"warnings"`
}

// SaveTimeOff creates (zero ID) or updates a time-off entry. Warnings list
// the shifts the person was scheduled for that others now take.
func (s *Service) SaveTimeOff(t TimeOff) (Saved[TimeOff], error) {
	now := s.clock.Now().UTC()
	res := Saved[TimeOff]{Warnings: []string{}}
	err := s.st.Update(func(txn *badger.Txn) error {
		if err := store.Stamp(txn, TimeOffs, &t, now); err != nil {
			return err
		}
		t.Normalize()
		var c errs.Collector
		if err := c.Merge("", t.Validate()); err != nil {
			return err
		}
		if err := personCheck(txn, &c, "personId", t.PersonID); err != nil {
			return err
		}
		if err := c.Err(); err != nil {
			return err
		}
		if err := TimeOffs.Put(txn, &t); err != nil {
			return err
		}
		res.Item = t
		res.Warnings = []string{}
		w, err := timeOffWarnings(txn, &t)
		res.Warnings = append(res.Warnings, w...)
		return err
	})
	return res, errs.Wrap("oncall.SaveTimeOff", err)
}

// timeOffWarnings names the turns the person was scheduled for during t.
func timeOffWarnings(txn *badger.Txn, t *TimeOff) ([]string, error) {
	from, to := t.StartBound(), t.EndBound()
	snap, err := LoadTx(txn, from, to)
	if err != nil {
		return nil, err
	}
	sp, ok := t.Span(snap.Zone(t.PersonID))
	if !ok {
		return nil, nil
	}
	var out []string
	for _, x := range AllShifts(snap, sp[0], sp[1]) {
		if x.ReplacedPersonID == t.PersonID && (x.Reason == ReasonReplacement || x.Gap) && x.Piece == 0 {
			r, _ := snap.Rotation(x.RotationID)
			who := snap.Name(x.PersonID) + " covers"
			if x.Gap {
				who = "nobody is available: a coverage gap"
			}
			out = append(out, fmt.Sprintf("%s was on call for %s from %s; %s.", snap.Name(t.PersonID), r.Name, zoned(x.Start, snap.Zone(t.PersonID)), who))
		}
		if x.PersonID == t.PersonID && x.Unavailable {
			r, _ := snap.Rotation(x.RotationID)
			out = append(out, fmt.Sprintf("%s still covers %s from %s by %s.", snap.Name(t.PersonID), r.Name, zoned(x.Start, snap.Zone(t.PersonID)), x.Reason))
		}
	}
	return out, nil
}

// zoned is an instant as a message says it: in the person's zone, named,
// since the reader may be elsewhere ("Mon 7 Dec 10:00 Berlin time").
func zoned(t time.Time, loc *time.Location) string {
	name := loc.String()
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	return t.In(loc).Format("Mon 2 Jan 15:04") + " " + strings.ReplaceAll(name, "_", " ") + " time"
}

// DeleteTimeOff removes a time-off entry.
func (s *Service) DeleteTimeOff(u id.ID) error {
	return errs.Wrap("oncall.DeleteTimeOff", s.st.Update(func(txn *badger.Txn) error { return TimeOffs.Delete(txn, u) }))
}

// Regions lists holiday regions by name.
func (s *Service) Regions() ([]Region, error) {
	var out []Region
	err := s.st.View(func(txn *badger.Txn) (err error) {
		out, err = Regions.List(txn)
		return err
	})
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	if out == nil {
		out = []Region{}
	}
	return out, errs.Wrap("oncall.Regions", err)
}

// RegionByName finds a region by name (case-insensitive).
func (s *Service) RegionByName(name string) (r Region, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		ids := store.Lookup(txn, store.IdxRegionName, store.Term(store.Fold(name)))
		if len(ids) == 0 {
			return errs.E(errs.NotFound, "There is no holiday region called %q.", strings.TrimSpace(name))
		}
		r, err = Regions.Get(txn, ids[0])
		return err
	})
	return r, errs.Wrap("oncall.RegionByName", err)
}

// CheckRegionTx validates a normalized region against stored data (name
// clash, members that exist and are in no other region).
func CheckRegionTx(txn *badger.Txn, r *Region) error {
	var c errs.Collector
	if err := c.Merge("", r.Validate()); err != nil {
		return err
	}
	if r.Name != "" && !c.Has("name") {
		if store.Taken(txn, store.IdxRegionName, store.Term(store.Fold(r.Name)), r.ID) {
			c.Add("name", "There is already a region called %s.", r.Name)
		}
	}
	for _, m := range r.MemberIDs {
		p, err := people.Persons.Get(txn, m)
		if errs.Is(err, errs.NotFound) {
			c.Add("memberIds", "One of the members does not exist (any more).")
			break
		} else if err != nil {
			return err
		}
		for _, other := range store.Lookup(txn, store.IdxRegionMember, store.Term(m)) {
			if other != r.ID {
				o, err := Regions.Get(txn, other)
				if err != nil {
					return err
				}
				c.Add("memberIds", "%s is already in the region %s; a person follows one holiday calendar.", p.Name, o.Name)
			}
		}
	}
	return c.Err()
}

// SaveRegion creates (zero ID) or updates a holiday region.
func (s *Service) SaveRegion(r Region) (Region, error) {
	now := s.clock.Now().UTC()
	err := s.st.Update(func(txn *badger.Txn) error {
		if err := store.Stamp(txn, Regions, &r, now); err != nil {
			return err
		}
		r.Normalize()
		if err := CheckRegionTx(txn, &r); err != nil {
			return err
		}
		return Regions.Put(txn, &r)
	})
	return r, errs.Wrap("oncall.SaveRegion", err)
}

// DeleteRegion removes a holiday region.
func (s *Service) DeleteRegion(u id.ID) error {
	return errs.Wrap("oncall.DeleteRegion", s.st.Update(func(txn *badger.Txn) error {
		if err := Regions.Delete(txn, u); err != nil {
			return err
		}
		for _, fn := range s.regionRefs {
			if err := fn(txn, u); err != nil {
				return err
			}
		}
		return nil
	}))
}

// Overrides lists a rotation's overrides (zero id: all), earliest first.
func (s *Service) Overrides(rotationID id.ID) ([]Override, error) {
	var out []Override
	err := s.st.View(func(txn *badger.Txn) (err error) {
		if rotationID.IsZero() {
			out, err = Overrides.List(txn)
			return err
		}
		out, err = overridesTx(txn, rotationID, time.Unix(0, 0), farFuture)
		return err
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	if out == nil {
		out = []Override{}
	}
	return out, errs.Wrap("oncall.Overrides", err)
}

// SaveOverride creates (zero ID) or updates an override. Overrides of one
// rotation may not overlap. A person who is away gets a warning, not an error.
func (s *Service) SaveOverride(o Override) (Saved[Override], error) {
	now := s.clock.Now().UTC()
	res := Saved[Override]{Warnings: []string{}}
	err := s.st.Update(func(txn *badger.Txn) error {
		if err := store.Stamp(txn, Overrides, &o, now); err != nil {
			return err
		}
		o.Normalize()
		var c errs.Collector
		if err := c.Merge("", o.Validate()); err != nil {
			return err
		}
		if err := personCheck(txn, &c, "personId", o.PersonID); err != nil {
			return err
		}
		if err := c.Err(); err != nil {
			return err
		}
		if _, err := Rotations.Get(txn, o.RotationID); errs.Is(err, errs.NotFound) {
			return errs.FieldErr("rotationId", "The rotation does not exist (any more).")
		} else if err != nil {
			return err
		}
		others, err := overridesTx(txn, o.RotationID, o.Start.Add(-MaxOverrideSpan), o.End)
		if err != nil {
			return err
		}
		for _, x := range others {
			if x.ID != o.ID && x.Start.Before(o.End) && o.Start.Before(x.End) {
				p, _ := people.Persons.Get(txn, x.PersonID)
				return &errs.Error{Code: errs.Conflict, Field: "start", Message: fmt.Sprintf(
					"This overlaps the override of %s from %s to %s; change or delete that one first.", p.Name,
					x.Start.Format("2006-01-02 15:04 MST"), x.End.Format("2006-01-02 15:04 MST"))}
			}
		}
		if err := Overrides.Put(txn, &o); err != nil {
			return err
		}
		res.Item = o
		snap, err := LoadTx(txn, o.Start, o.End)
		if err != nil {
			return err
		}
		if why, away := snap.Unavailable(o.PersonID, o.Start, o.End); away {
			res.Warnings = append(res.Warnings, fmt.Sprintf("%s is away during this override (%s); they will be on call anyway.", snap.Name(o.PersonID), why))
		}
		return nil
	})
	return res, errs.Wrap("oncall.SaveOverride", err)
}

// DeleteOverride removes an override.
func (s *Service) DeleteOverride(u id.ID) error {
	return errs.Wrap("oncall.DeleteOverride", s.st.Update(func(txn *badger.Txn) error { return Overrides.Delete(txn, u) }))
}

// Swaps lists a rotation's swaps (zero id: all).
func (s *Service) Swaps(rotationID id.ID) ([]Swap, error) {
	var out []Swap
	err := s.st.View(func(txn *badger.Txn) error {
		if rotationID.IsZero() {
			var err error
			out, err = Swaps.List(txn)
			return err
		}
		for _, u := range swapIDsTx(txn, rotationID, 0, math.MaxInt) {
			sw, err := Swaps.Get(txn, u)
			if err != nil {
				return err
			}
			out = append(out, sw)
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].SlotA < out[j].SlotA })
	if out == nil {
		out = []Swap{}
	}
	return out, errs.Wrap("oncall.Swaps", err)
}

// SwapView is a swap as the schedule lists it: the times of its two turns
// and who holds each of them with the swap in place.
type SwapView struct {
	Swap
	StartA  time.Time `json:"startA" ts_type:"string"`
	EndA    time.Time `json:"endA" ts_type:"string"`
	StartB  time.Time `json:"startB" ts_type:"string"`
	EndB    time.Time `json:"endB" ts_type:"string"`
	PersonA id.ID     `json:"personA,omitzero" ts_type:"string"` // on turn A now (zero: nobody, a gap)
	PersonB id.ID     `json:"personB,omitzero" ts_type:"string"`
}

// SwapViews lists the swaps of a rotation (zero id: of every rotation) with
// their turns' times and holders, earliest turn first.
func (s *Service) SwapViews(rotationID id.ID) ([]SwapView, error) {
	out := []SwapView{}
	err := s.st.View(func(txn *badger.Txn) error {
		var rots []Rotation
		if rotationID.IsZero() {
			var err error
			if rots, err = Rotations.List(txn); err != nil {
				return err
			}
		} else {
			r, err := Rotations.Get(txn, rotationID)
			if err != nil {
				return err
			}
			rots = []Rotation{r}
		}
		// One snapshot and one schedule per rotation over the span of its
		// swapped turns (a snapshot per turn took a second on the large demo).
		var snap *Snapshot
		for i := range rots {
			rot := &rots[i]
			c := compile(rot)
			if c == nil {
				continue
			}
			first := len(out)
			var lo, hi time.Time
			for _, u := range swapIDsTx(txn, rot.ID, 0, math.MaxInt) { // once each
				sw, err := Swaps.Get(txn, u)
				if err != nil {
					return err
				}
				v := SwapView{Swap: sw}
				v.StartA, v.EndA = c.slotStart(sw.SlotA), c.slotStart(sw.SlotA+1)
				v.StartB, v.EndB = c.slotStart(sw.SlotB), c.slotStart(sw.SlotB+1)
				for _, t := range []time.Time{v.StartA, v.StartB} {
					if lo.IsZero() || t.Before(lo) {
						lo = t
					}
				}
				for _, t := range []time.Time{v.EndA, v.EndB} {
					if t.After(hi) {
						hi = t
					}
				}
				out = append(out, v)
			}
			if len(out) == first {
				continue
			}
			if snap == nil {
				var err error
				if snap, err = LoadTx(txn, time.Time{}, time.Time{}); err != nil {
					return err
				}
			}
			// The holder of a turn: whoever holds it by the swap, else its
			// first holder (a replacement may split a turn); overrides are
			// listed on their own.
			holders := map[int]id.ID{}
			swapped := map[int]bool{}
			for _, x := range Shifts(snap, rot.ID, lo, hi) {
				if x.Reason == ReasonOverride || swapped[x.Slot] {
					continue
				}
				if x.Reason == ReasonSwap {
					holders[x.Slot], swapped[x.Slot] = x.PersonID, true
				} else if _, ok := holders[x.Slot]; !ok {
					holders[x.Slot] = x.PersonID
				}
			}
			for j := first; j < len(out); j++ {
				out[j].PersonA, out[j].PersonB = holders[out[j].SlotA], holders[out[j].SlotB]
			}
		}
		return nil
	})
	for i := range out {
		if out[i].StartB.Before(out[i].StartA) {
			// Turn A is the earlier one for people.
			v := &out[i]
			v.SlotA, v.SlotB = v.SlotB, v.SlotA
			v.StartA, v.StartB, v.EndA, v.EndB = v.StartB, v.StartA, v.EndB, v.EndA
			v.PersonA, v.PersonB = v.PersonB, v.PersonA
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].StartA.Before(out[j].StartA) })
	return out, errs.Wrap("oncall.SwapViews", err)
}

// SaveSwap creates (zero ID) or updates a swap of two shifts. A slot takes
// part in at most one swap. Someone away on their new shift gets a warning.
func (s *Service) SaveSwap(sw Swap) (Saved[Swap], error) {
	now := s.clock.Now().UTC()
	res := Saved[Swap]{Warnings: []string{}}
	err := s.st.Update(func(txn *badger.Txn) error {
		if err := store.Stamp(txn, Swaps, &sw, now); err != nil {
			return err
		}
		sw.Normalize()
		if err := sw.Validate(); err != nil {
			return err
		}
		rot, err := Rotations.Get(txn, sw.RotationID)
		if errs.Is(err, errs.NotFound) {
			return errs.FieldErr("rotationId", "The rotation does not exist (any more).")
		} else if err != nil {
			return err
		}
		for _, u := range swapIDsTx(txn, sw.RotationID, 0, math.MaxInt) {
			if u == sw.ID {
				continue
			}
			o, err := Swaps.Get(txn, u)
			if err != nil {
				return err
			}
			for _, k := range []int{sw.SlotA, sw.SlotB} {
				if k == o.SlotA || k == o.SlotB {
					return &errs.Error{Code: errs.Conflict, Field: "slotA", Message: fmt.Sprintf(
						"Turn %d is already swapped (with turn %d); undo that swap first.", k+1, o.SlotA+o.SlotB-k+1)}
				}
			}
		}
		if err := Swaps.Put(txn, &sw); err != nil {
			return err
		}
		res.Item = sw
		c := compile(&rot)
		if c == nil {
			return nil
		}
		for _, k := range []int{sw.SlotA, sw.SlotB} {
			a, b := c.slotStart(k), c.slotStart(k+1)
			snap, err := LoadTx(txn, a, b)
			if err != nil {
				return err
			}
			for _, x := range Shifts(snap, sw.RotationID, a, b) {
				if x.Slot == k && x.Unavailable && x.Reason == ReasonSwap && x.Piece == 0 {
					res.Warnings = append(res.Warnings, fmt.Sprintf("%s is away during turn %d (%s); they will be on call anyway.",
						snap.Name(x.PersonID), k+1, x.Start.Format("2006-01-02")))
				}
			}
		}
		return nil
	})
	return res, errs.Wrap("oncall.SaveSwap", err)
}

// DeleteSwap removes a swap.
func (s *Service) DeleteSwap(u id.ID) error {
	return errs.Wrap("oncall.DeleteSwap", s.st.Update(func(txn *badger.Txn) error { return Swaps.Delete(txn, u) }))
}

// farFuture is after any valid date (2200) and before the end of int64
// nanoseconds (2262), which index terms use.
var farFuture = time.Date(2250, 1, 1, 0, 0, 0, 0, time.UTC)
