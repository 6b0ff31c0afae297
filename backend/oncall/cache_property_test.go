package oncall_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/people"
)

// The service's cache carries a rotation's walk checkpoints over an edit to
// time off when the edit is after them or is the time off of someone the
// rotation's walk does not read (cache.go): after random edits to the time
// off of people in some rotations and not others (added, moved to someone
// else or to another date, deleted), at random places in a history of
// short turns (checkpoints every few weeks), every window the cached
// service answers equals a replay of the data as it then is from the first
// turn.
func TestCachedCheckpointsFollowTimeOffEdits(t *testing.T) {
	zones := []string{"Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC"}
	for seed := range uint64(16) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 13))
			e := setup(t)
			day0 := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
			date := func(d int) string { return civil.Format(day0.AddDate(0, 0, d)) }
			e.addRandomPeople(t, rng, zones, "Ana Silva", "Bo Chen", "Cy Okafor", "Di Park")
			var rots []oncall.Rotation
			for i := range 2 + rng.IntN(2) {
				r := oncall.Rotation{Name: fmt.Sprint("R", i), TimeZone: zones[rng.IntN(len(zones))],
					HandoffTime: fmt.Sprintf("%02d:00", rng.IntN(24)), StartDate: date(rng.IntN(10)),
					RequiredCoverage: oncall.Coverage24x7, Payback: rng.IntN(3) > 0,
					ShiftLength: oncall.ShiftLength{N: []int{8, 12, 24}[rng.IntN(3)], Unit: oncall.Hours}}
				if rng.IntN(4) == 0 {
					r.ShiftLength = oncall.ShiftLength{N: 1, Unit: oncall.Days}
				}
				// 3 to 5 of the 8 people: each rotation leaves some out
				r.Participants = e.ids(rng.Perm(len(e.p))[:3+rng.IntN(3)]...)
				saved, err := e.svc.SaveRotation(r)
				if err != nil {
					t.Fatal(err)
				}
				rots = append(rots, saved)
			}
			var timeOff []id.ID
			addTimeOff := func(p people.Person, d int) {
				saved, err := e.svc.SaveTimeOff(randomTimeOff(rng, p.ID, day0, d, 6, 60))
				if err != nil {
					t.Fatal(err)
				}
				timeOff = append(timeOff, saved.Item.ID)
			}
			for range 25 + rng.IntN(20) {
				addTimeOff(e.p[rng.IntN(len(e.p))], rng.IntN(240))
			}
			// Overrides put people on call, some outside the rotation.
			for _, r := range rots {
				e.addRandomOverrides(t, rng, r.ID, day0.AddDate(0, 0, 5), 3, 40, 48)
			}
			wideFrom, wideTo := day0.AddDate(0, 0, -5), day0.AddDate(0, 0, 250)
			for round := range 8 {
				// The cached service walks the whole history (checkpoints
				// all along), then an edit.
				if _, err := e.svc.AllShifts(wideFrom, wideTo); err != nil {
					t.Fatal(err)
				}
				what := ""
				switch i := rng.IntN(len(timeOff)); rng.IntN(3) {
				case 0:
					what = "time off added"
					addTimeOff(e.p[rng.IntN(len(e.p))], 20+rng.IntN(200))
				case 1:
					what = "time off deleted"
					if err := e.svc.DeleteTimeOff(timeOff[i]); err != nil {
						t.Fatal(err)
					}
					timeOff = append(timeOff[:i], timeOff[i+1:]...)
				default:
					what = "time off moved to someone else and another date"
					l, err := e.svc.TimeOff(oncall.TimeOffFilter{})
					if err != nil {
						t.Fatal(err)
					}
					var to oncall.TimeOff
					for _, x := range l {
						if x.ID == timeOff[i] {
							to = x
						}
					}
					to.PersonID = e.p[rng.IntN(len(e.p))].ID
					d := 20 + rng.IntN(200)
					if to.StartDate != "" {
						to.StartDate, to.EndDate = date(d), date(d+rng.IntN(6))
					} else {
						to.Start = day0.AddDate(0, 0, d)
						to.End = to.Start.Add(time.Duration(2+rng.IntN(60)) * time.Hour)
					}
					if _, err := e.svc.SaveTimeOff(to); err != nil {
						t.Fatal(err)
					}
				}
				ref := reference(t, e.st, wideFrom, wideTo)
				for w := range 12 {
					a := day0.Add(time.Duration(rng.IntN(240*24)) * time.Hour)
					b := a.Add(time.Duration(1+rng.IntN(20*24)) * time.Hour)
					if b.After(wideTo) { // the replay's end
						b = wideTo
					}
					if w == 11 { // last: a wide walk remakes the checkpoints
						a, b = wideFrom, wideTo
					}
					got, err := e.svc.AllShifts(a, b)
					if err != nil {
						t.Fatal(err)
					}
					if only, extra := diff(inside(ref, a, b), inside(got, a, b)); only != "" || extra != "" {
						t.Fatalf("round %d (%s), window %d [%s, %s): the cached service differs from a replay\nonly in the replay:\n%s\nonly in the cached service's:\n%s",
							round, what, w, a.Format(time.RFC3339), b.Format(time.RFC3339), only, extra)
					}
				}
			}
		})
	}
}
