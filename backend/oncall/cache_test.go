package oncall_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/oncall"
)

// The service's cached snapshot follows every edit: after each of a random
// series of edits (time off, overrides, swaps, rotations, a person's zone),
// the schedule the service gives (a refreshed snapshot with the checkpoints
// carried over from before the edit) equals the one computed afresh from
// the store.
func TestServiceCacheFollowsEdits(t *testing.T) {
	for seed := range uint64(6) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 11))
			e := setup(t)
			day0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
			date := func(d int) string { return civil.Format(day0.AddDate(0, 0, d)) }
			var rots []oncall.Rotation
			for i, unit := range []oncall.Unit{oncall.Weeks, oncall.Days, oncall.Hours} {
				r := oncall.Rotation{Name: fmt.Sprint("R", i), TimeZone: "Europe/Berlin", HandoffTime: "09:00", StartDate: date(0),
					RequiredCoverage: oncall.Coverage24x7, Payback: i != 1, Participants: e.ids(0, 1, 2, 3),
					ShiftLength: oncall.ShiftLength{N: map[oncall.Unit]int{oncall.Weeks: 1, oncall.Days: 1, oncall.Hours: 12}[unit], Unit: unit}}
				saved, err := e.svc.SaveRotation(r)
				if err != nil {
					t.Fatal(err)
				}
				rots = append(rots, saved)
			}
			var offs []oncall.TimeOff
			addOff := func() {
				d := rng.IntN(1000)
				o, err := e.svc.SaveTimeOff(oncall.TimeOff{PersonID: e.p[rng.IntN(4)].ID, Kind: oncall.KindVacation, StartDate: date(d), EndDate: date(d + rng.IntN(6))})
				if err != nil {
					t.Fatal(err)
				}
				offs = append(offs, o.Item)
			}
			for range 60 {
				addOff()
			}
			check := func(what string) {
				t.Helper()
				for range 4 {
					a := day0.Add(time.Duration(rng.IntN(1000*24)) * time.Hour)
					b := a.Add(time.Duration(1+rng.IntN(30*24)) * time.Hour)
					got, err := e.svc.AllShifts(a, b)
					if err != nil {
						t.Fatal(err)
					}
					var want []oncall.Shift
					err = e.st.View(func(txn *badger.Txn) error {
						s, err := oncall.LoadTx(txn, time.Time{}, time.Time{})
						want = oncall.AllShifts(s, a, b)
						return err
					})
					if err != nil {
						t.Fatal(err)
					}
					if only, extra := diff(inside(want, a, b), inside(got, a, b)); only != "" || extra != "" {
						t.Fatalf("after %s, [%s, %s): the service's schedule differs from a fresh one\nonly fresh:\n%s\nonly the service's:\n%s",
							what, a.Format(time.RFC3339), b.Format(time.RFC3339), only, extra)
					}
				}
			}
			// Warm: walks over the whole history keep checkpoints.
			if _, err := e.svc.AllShifts(day0, day0.AddDate(2, 9, 0)); err != nil {
				t.Fatal(err)
			}
			check("loading")
			// Time off late in the history: the checkpoints before it carry over.
			if _, err := e.svc.SaveTimeOff(oncall.TimeOff{PersonID: e.p[0].ID, Kind: oncall.KindSick, StartDate: date(950), EndDate: date(950)}); err != nil {
				t.Fatal(err)
			}
			snap, err := e.svc.Snapshot(day0, day0.AddDate(0, 0, 1))
			if err != nil {
				t.Fatal(err)
			}
			if n := oncall.Carried(snap); n < 20 {
				t.Errorf("%d checkpoints carried over", n)
			}
			check("late time off")
			for step := range 25 {
				switch rng.IntN(7) {
				case 0, 1:
					addOff()
					check("adding time off")
				case 2:
					i := rng.IntN(len(offs))
					if err := e.svc.DeleteTimeOff(offs[i].ID); err != nil {
						t.Fatal(err)
					}
					offs = append(offs[:i], offs[i+1:]...)
					check("deleting time off")
				case 3:
					r := rots[rng.IntN(len(rots))]
					at := day0.Add(time.Duration(rng.IntN(1000*24)) * time.Hour)
					_, err := e.svc.SaveOverride(oncall.Override{RotationID: r.ID, PersonID: e.p[rng.IntN(4)].ID, Start: at, End: at.Add(time.Duration(1+rng.IntN(40)) * time.Hour)})
					if err == nil {
						check("an override")
					}
				case 4:
					r := rots[rng.IntN(len(rots))]
					a, b := rng.IntN(100), rng.IntN(100)
					if _, err := e.svc.SaveSwap(oncall.Swap{RotationID: r.ID, SlotA: a, SlotB: b}); err == nil {
						check("a swap")
					}
				case 5:
					i := rng.IntN(len(rots))
					r := rots[i]
					r.Participants = append(r.Participants[1:], r.Participants[0])
					saved, err := e.svc.SaveRotation(r)
					if err != nil {
						t.Fatal(err)
					}
					rots[i] = saved
					check("a rotation edit")
				case 6:
					p := e.p[rng.IntN(4)]
					p.TimeZone = []string{"Europe/Berlin", "America/New_York", "Asia/Tokyo"}[rng.IntN(3)]
					if rng.IntN(2) == 0 {
						p.Name += "!"
					}
					saved, err := e.roster.UpdatePerson(p)
					if err != nil {
						t.Fatal(err)
					}
					for j := range e.p {
						if e.p[j].ID == saved.ID {
							e.p[j] = saved
						}
					}
					check(fmt.Sprint("a person edit, step ", step))
				}
			}
		})
	}
}
