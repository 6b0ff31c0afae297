package oncall_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/clock"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// reference is the shifts of [a, b) from a snapshot loaded afresh, walked
// from every rotation's first turn (no checkpoint of any kind).
func reference(t *testing.T, st *store.Store, a, b time.Time) []oncall.Shift {
	t.Helper()
	var snap *oncall.Snapshot
	err := st.View(func(txn *badger.Txn) (err error) {
		snap, err = oncall.LoadTx(txn, time.Time{}, time.Time{})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return oncall.AllShifts(snap, a, b)
}

// Stored replay checkpoints (decision 0032): a new service (the first query
// after opening) resumes from them and gives the shifts a replay from the
// first turn gives; an edit before a checkpoint invalidates it and those
// after it, an edit after the last leaves them all.
func TestPersistedCheckpoints(t *testing.T) {
	zones := []string{"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "UTC"}
	day0 := time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC)
	date := func(d int) string { return civil.Format(day0.AddDate(0, 0, d)) }
	for seed := range uint64(6) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 11))
			st, err := store.Open(t.TempDir(), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			c := clock.NewFake(now)
			svc := oncall.NewService(st, c)
			roster := people.NewRoster(st, c)
			roster.AddPersonRefs(oncall.PersonRefs{Clock: c})
			var ps []people.Person
			for i := range 6 {
				p, err := roster.CreatePerson(people.Person{Name: fmt.Sprint("P", i), TimeZone: zones[rng.IntN(len(zones))]})
				if err != nil {
					t.Fatal(err)
				}
				ps = append(ps, p)
			}
			pick := func(n int) []people.Person {
				perm := rng.Perm(len(ps))[:n]
				out := make([]people.Person, n)
				for i, j := range perm {
					out[i] = ps[j]
				}
				return out
			}
			// Short turns, so that 64-turn checkpoints come every few weeks.
			var rots []oncall.Rotation
			for i := range 2 + rng.IntN(2) {
				r := oncall.Rotation{Name: fmt.Sprint("R", i), TimeZone: zones[rng.IntN(len(zones))], HandoffTime: fmt.Sprintf("%02d:00", rng.IntN(24)),
					StartDate: date(rng.IntN(10)), RequiredCoverage: oncall.Coverage24x7, Payback: rng.IntN(2) == 0}
				if rng.IntN(2) == 0 {
					r.ShiftLength = oncall.ShiftLength{N: []int{8, 12}[rng.IntN(2)], Unit: oncall.Hours}
				} else {
					r.ShiftLength = oncall.ShiftLength{N: 1, Unit: oncall.Days}
				}
				for _, p := range pick(3 + rng.IntN(3)) {
					r.Participants = append(r.Participants, p.ID)
				}
				saved, err := svc.SaveRotation(r)
				if err != nil {
					t.Fatal(err)
				}
				rots = append(rots, saved)
			}
			var offs []oncall.TimeOff
			// What the last edit touched: no stored checkpoint after bound
			// (of boundRot, or of every rotation), nor after slot boundSlot
			// of boundRot, may match any more.
			var bound time.Time
			var boundRot id.ID
			boundSlot := -1
			addTimeOff := func(d int) {
				to := oncall.TimeOff{PersonID: ps[rng.IntN(len(ps))].ID, Kind: oncall.KindVacation, StartDate: date(d), EndDate: date(d + rng.IntN(6))}
				bound = day0.AddDate(0, 0, d).Add(14 * time.Hour) // its start in any zone is before this
				saved, err := svc.SaveTimeOff(to)
				if err != nil {
					t.Fatal(err)
				}
				offs = append(offs, saved.Item)
			}
			for range 30 {
				addTimeOff(rng.IntN(500))
			}
			reg := oncall.Region{Name: "Region", MemberIDs: []id.ID{ps[0].ID, ps[1].ID}}
			for _, d := range rng.Perm(500)[:8] {
				reg.Holidays = append(reg.Holidays, oncall.Holiday{Date: date(d), Name: "Holiday"})
			}
			reg, err = svc.SaveRegion(reg)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rots {
				at := day0.AddDate(0, 0, 20)
				for range 5 {
					at = at.Add(time.Duration(24+rng.IntN(24*60)) * time.Hour)
					o := oncall.Override{RotationID: r.ID, PersonID: ps[rng.IntN(len(ps))].ID, Start: at, End: at.Add(time.Duration(1+rng.IntN(30)) * time.Hour)}
					if _, err := svc.SaveOverride(o); err != nil {
						t.Fatal(err)
					}
					at = o.End
				}
			}

			end := day0.AddDate(0, 0, 540)
			check := func(label string, s *oncall.Service) {
				t.Helper()
				for w := range 8 {
					a := day0.Add(time.Duration(rng.IntN(520*24)) * time.Hour)
					b := a.AddDate(0, 0, 21)
					got, err := s.AllShifts(a, b)
					if err != nil {
						t.Fatal(err)
					}
					if only, extra := diff(inside(reference(t, st, a, b), a, b), inside(got, a, b)); only != "" || extra != "" {
						t.Fatalf("%s, window %d [%s, %s): differs from a replay from the first turn\nonly in the replay:\n%s\nonly from the checkpoints:\n%s",
							label, w, a.Format(time.RFC3339), b.Format(time.RFC3339), only, extra)
					}
				}
			}
			// seeded opens a new service (as after opening the workspace)
			// and says how many stored checkpoints its snapshot took.
			seeded := func() (*oncall.Service, int) {
				t.Helper()
				s := oncall.NewService(st, c)
				snap, err := s.Snapshot(day0, end)
				if err != nil {
					t.Fatal(err)
				}
				n, _ := oncall.Stored(snap)
				return s, n
			}
			// The first session walks everything and stores its checkpoints.
			if _, err := svc.AllShifts(day0, end); err != nil {
				t.Fatal(err)
			}
			if err := svc.SaveCheckpoints(); err != nil {
				t.Fatal(err)
			}
			s2, n := seeded()
			if n < 2*len(rots) {
				t.Fatalf("%d checkpoints taken from the store for %d rotations over 18 months", n, len(rots))
			}
			check("after opening", s2)

			// An edit after every checkpoint keeps them all.
			addTimeOff(560)
			if _, m := seeded(); m != n {
				t.Fatalf("time off after the last checkpoint: %d of %d checkpoints kept", m, n)
			}
			// Edits in the past: each drops the checkpoints after it, and the
			// shifts still equal a replay.
			edits := []struct {
				name string
				do   func()
			}{
				{"time off added a year back", func() { addTimeOff(120 + rng.IntN(60)) }},
				{"time off deleted", func() {
					d, _ := civil.Parse(offs[0].StartDate)
					bound = d.Add(14 * time.Hour)
					if err := svc.DeleteTimeOff(offs[0].ID); err != nil {
						t.Fatal(err)
					}
					offs = offs[1:]
				}},
				{"an override moved", func() {
					r := rots[rng.IntN(len(rots))]
					at := day0.AddDate(0, 0, 15).Add(time.Duration(rng.IntN(20)) * time.Hour)
					bound, boundRot = at, r.ID
					if _, err := svc.SaveOverride(oncall.Override{RotationID: r.ID, PersonID: ps[rng.IntN(len(ps))].ID, Start: at, End: at.Add(5 * time.Hour)}); err != nil {
						t.Fatal(err)
					}
				}},
				{"a swap", func() {
					r := rots[rng.IntN(len(rots))]
					a := 70 + rng.IntN(10)
					boundRot, boundSlot = r.ID, a
					if _, err := svc.SaveSwap(oncall.Swap{RotationID: r.ID, SlotA: a, SlotB: 90 + rng.IntN(10)}); err != nil {
						t.Fatal(err)
					}
				}},
				{"a holiday", func() {
					reg.Holidays = append(reg.Holidays, oncall.Holiday{Date: date(40), Name: "New holiday"})
					bound = day0.AddDate(0, 0, 40).Add(-14 * time.Hour) // its start in any zone is after this
					var err error
					if reg, err = svc.SaveRegion(reg); err != nil {
						t.Fatal(err)
					}
				}},
				{"a zone", func() {
					var p people.Person
					for _, q := range ps {
						if q.ID == rots[0].Participants[0] {
							p = q
						}
					}
					if p.TimeZone == "Asia/Kolkata" {
						p.TimeZone = "Europe/Lisbon"
					}
					if p.TimeZone != "Europe/Lisbon" {
						p.TimeZone = "Asia/Kolkata"
					}
					if _, err := roster.UpdatePerson(p); err != nil {
						t.Fatal(err)
					}
				}},
			}
			for _, e := range edits {
				// the session before stored its checkpoints again
				s, _ := seeded()
				if _, err := s.AllShifts(day0, end); err != nil {
					t.Fatal(err)
				}
				if err := s.SaveCheckpoints(); err != nil {
					t.Fatal(err)
				}
				_, before := seeded()
				// A session open across the edit: its snapshot matched the
				// stored checkpoints (not read yet) and carries them over the
				// edit by the cache's rules.
				open, _ := seeded()
				if _, err := open.AllShifts(day0.AddDate(0, 0, 500), day0.AddDate(0, 0, 501)); err != nil {
					t.Fatal(err)
				}
				bound, boundRot, boundSlot = time.Time{}, id.Nil, -1
				e.do()
				check(e.name+" (a session open across the edit)", open)
				s3, after := seeded()
				if after >= before {
					t.Fatalf("%s: %d checkpoints kept of %d", e.name, after, before)
				}
				snap, err := s3.Snapshot(day0, end)
				if err != nil {
					t.Fatal(err)
				}
				_, by := oncall.Stored(snap)
				for rid, ks := range by {
					if !boundRot.IsZero() && rid != boundRot {
						continue
					}
					for _, k := range ks {
						if at := oncall.SlotStart(snap, rid, k); !bound.IsZero() && at.After(bound) || boundSlot >= 0 && k > boundSlot {
							t.Fatalf("%s: the stored checkpoint before slot %d (%s) still matches; the edit is at %s, slot %d",
								e.name, k, at.Format(time.RFC3339), bound.Format(time.RFC3339), boundSlot)
						}
					}
				}
				check(e.name, s3)
			}
		})
	}
}

// Damaged stored checkpoints are ignored: the walk resumes from an earlier
// one (or the first turn) and the shifts equal a replay, never a panic.
// Values with a valid checksum but inconsistent content are refused too.
func TestStoredCheckpointsDamaged(t *testing.T) {
	e := setup(t)
	day0 := time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC)
	rng := rand.New(rand.NewPCG(3, 5))
	for i, sl := range []oncall.ShiftLength{{N: 8, Unit: oncall.Hours}, {N: 1, Unit: oncall.Days}} {
		r := oncall.Rotation{Name: fmt.Sprint("R", i), TimeZone: "Europe/Berlin", HandoffTime: "09:00", StartDate: civil.Format(day0),
			RequiredCoverage: oncall.Coverage24x7, Payback: i == 0, ShiftLength: sl, Participants: e.ids(0, 1, 2, 3)}
		if _, err := e.svc.SaveRotation(r); err != nil {
			t.Fatal(err)
		}
	}
	for range 40 {
		d := rng.IntN(500)
		to := oncall.TimeOff{PersonID: e.p[rng.IntN(len(e.p))].ID, Kind: oncall.KindVacation,
			StartDate: civil.Format(day0.AddDate(0, 0, d)), EndDate: civil.Format(day0.AddDate(0, 0, d+rng.IntN(4)))}
		if _, err := e.svc.SaveTimeOff(to); err != nil {
			t.Fatal(err)
		}
	}
	end := day0.AddDate(0, 0, 540)
	if _, err := e.svc.AllShifts(day0, end); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.SaveCheckpoints(); err != nil {
		t.Fatal(err)
	}
	type kv struct{ k, v []byte }
	var stored []kv
	err := e.st.View(func(txn *badger.Txn) error {
		return store.Values(txn, store.Range{Prefix: []byte{store.PrefixOnCallCheckpoint}}, func(k, v []byte) error {
			stored = append(stored, kv{append([]byte(nil), k...), append([]byte(nil), v...)})
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) < 10 {
		t.Fatalf("%d checkpoints stored", len(stored))
	}
	// Each damage on a different checkpoint; every third one stays whole.
	body := func(x kv) oncall.SavedCheckpoint {
		sc, ok := oncall.CheckpointBody(x.v[32:])
		if !ok {
			t.Fatalf("a stored body does not read: %x", x.v)
		}
		return sc
	}
	seal := func(x kv, sc oncall.SavedCheckpoint) []byte {
		return oncall.SealCheckpoint(x.k, oncall.MarshalCheckpointBody(sc))
	}
	damages := []struct {
		name string
		do   func(i int, x kv) []byte
	}{
		{"a flipped byte", func(_ int, x kv) []byte {
			v := append([]byte(nil), x.v...)
			v[32+len(v[32:])/2] ^= 0x20
			return v
		}},
		{"cut short", func(_ int, x kv) []byte { return x.v[:len(x.v)/2] }},
		{"empty", func(int, kv) []byte { return nil }},
		{"the value of another checkpoint", func(i int, _ kv) []byte { return stored[(i+1)%len(stored)].v }},
		{"sealed, another slot", func(_ int, x kv) []byte { sc := body(x); sc.K++; return seal(x, sc) }},
		{"sealed, cut short", func(_ int, x kv) []byte { return oncall.SealCheckpoint(x.k, x.v[32:32+len(x.v[32:])/2]) }},
		{"sealed, bytes after the end", func(_ int, x kv) []byte { return oncall.SealCheckpoint(x.k, append(x.v[32:len(x.v):len(x.v)], 0)) }},
		{"sealed, a huge slot", func(_ int, x kv) []byte { sc := body(x); sc.K = 1 << 40; return seal(x, sc) }},
		{"sealed, a piece without a person", func(_ int, x kv) []byte {
			sc := body(x)
			sc.Recent = []oncall.SavedHeld{{S: day0, E: day0.Add(time.Hour), W: -1}}
			return seal(x, sc)
		}},
		{"sealed, pieces out of order", func(_ int, x kv) []byte {
			sc := body(x)
			sc.Recent = []oncall.SavedHeld{{P: e.p[0].ID, S: day0.Add(time.Hour), E: day0.Add(2 * time.Hour), W: -1},
				{P: e.p[1].ID, S: day0, E: day0.Add(time.Hour), W: -1}}
			return seal(x, sc)
		}},
		{"sealed, a turn owed without its entry", func(_ int, x kv) []byte {
			sc := body(x)
			sc.Owed = []oncall.SavedOwed{{C: e.p[0].ID, Slots: []int{1}}}
			sc.Entries = nil
			return seal(x, sc)
		}},
	}
	check := func(label string) {
		t.Helper()
		for w := range 30 {
			a := day0.Add(time.Duration(rng.IntN(520*24)) * time.Hour)
			b := a.AddDate(0, 0, 21)
			got, err := oncall.NewService(e.st, e.clock).AllShifts(a, b)
			if err != nil {
				t.Fatal(err)
			}
			if only, extra := diff(inside(reference(t, e.st, a, b), a, b), inside(got, a, b)); only != "" || extra != "" {
				t.Fatalf("%s, window %d [%s, %s): differs from a replay from the first turn\nonly in the replay:\n%s\nonly from the checkpoints:\n%s",
					label, w, a.Format(time.RFC3339), b.Format(time.RFC3339), only, extra)
			}
		}
	}
	// Every checkpoint changed so that it would change answers (everything
	// lately held by one person), without its checksum made again.
	err = e.st.Update(func(txn *badger.Txn) error {
		for _, x := range stored {
			sc := body(x)
			for i := range sc.Recent {
				sc.Recent[i].P, sc.Recent[i].W = e.p[0].ID, -1
			}
			if err := txn.Set(x.k, append(x.v[:32:32], oncall.MarshalCheckpointBody(sc)...)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	check("changed, not sealed again")
	// Every checkpoint sealed again but inconsistent, one way at a time.
	for _, d := range damages[len(damages)-3:] {
		err = e.st.Update(func(txn *badger.Txn) error {
			for i, x := range stored {
				if err := txn.Set(x.k, d.do(i, x)); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		check(d.name)
	}
	err = e.st.Update(func(txn *badger.Txn) error {
		for i, x := range stored {
			if i%3 == 2 {
				if err := txn.Set(x.k, x.v); err != nil { // whole again
					return err
				}
				continue
			}
			if err := txn.Set(x.k, damages[i%len(damages)].do(i, x)); err != nil {
				return err
			}
		}
		// Keys of other shapes, and one of a rotation that does not exist.
		for _, k := range [][]byte{{store.PrefixOnCallCheckpoint}, append([]byte{store.PrefixOnCallCheckpoint}, make([]byte, 40)...),
			append([]byte{store.PrefixOnCallCheckpoint}, make([]byte, 28)...)} {
			if err := txn.Set(k, []byte("garbage")); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	check("damaged")
	// The next save replaces what it cannot use and keeps the rest.
	s := oncall.NewService(e.st, e.clock)
	if _, err := s.AllShifts(day0, end); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveCheckpoints(); err != nil {
		t.Fatal(err)
	}
	got, err := oncall.NewService(e.st, e.clock).AllShifts(day0.AddDate(0, 0, 300), day0.AddDate(0, 0, 321))
	if err != nil {
		t.Fatal(err)
	}
	a, b := day0.AddDate(0, 0, 300), day0.AddDate(0, 0, 321)
	if only, extra := diff(inside(reference(t, e.st, a, b), a, b), inside(got, a, b)); only != "" || extra != "" {
		t.Fatalf("after saving again: differs from a replay\n%s\n%s", only, extra)
	}
}
