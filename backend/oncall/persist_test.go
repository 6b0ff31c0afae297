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

// Stored replay checkpoints (decision 0028): a new service (the first query
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
			addTimeOff := func(d int) {
				to := oncall.TimeOff{PersonID: ps[rng.IntN(len(ps))].ID, Kind: oncall.KindVacation, StartDate: date(d), EndDate: date(d + rng.IntN(6))}
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
				return s, oncall.Carried(snap)
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
					if err := svc.DeleteTimeOff(offs[0].ID); err != nil {
						t.Fatal(err)
					}
					offs = offs[1:]
				}},
				{"an override moved", func() {
					r := rots[rng.IntN(len(rots))]
					at := day0.AddDate(0, 0, 15).Add(time.Duration(rng.IntN(20)) * time.Hour)
					if _, err := svc.SaveOverride(oncall.Override{RotationID: r.ID, PersonID: ps[rng.IntN(len(ps))].ID, Start: at, End: at.Add(5 * time.Hour)}); err != nil {
						t.Fatal(err)
					}
				}},
				{"a swap", func() {
					r := rots[rng.IntN(len(rots))]
					if _, err := svc.SaveSwap(oncall.Swap{RotationID: r.ID, SlotA: 70 + rng.IntN(10), SlotB: 90 + rng.IntN(10)}); err != nil {
						t.Fatal(err)
					}
				}},
				{"a holiday", func() {
					reg.Holidays = append(reg.Holidays, oncall.Holiday{Date: date(40), Name: "New holiday"})
					var err error
					if reg, err = svc.SaveRegion(reg); err != nil {
						t.Fatal(err)
					}
				}},
				{"a zone", func() {
					p := ps[rng.IntN(len(ps))]
					p.TimeZone = "Asia/Kolkata"
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
				e.do()
				s3, after := seeded()
				if after >= before {
					t.Fatalf("%s: %d checkpoints kept of %d", e.name, after, before)
				}
				check(e.name, s3)
			}
		})
	}
}
