package oncall_test

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/people"
)

// Who holds the pager never depends on the window asked about: for random
// rotations (days, weeks, hours; restrictions; payback on and off), time off
// crossing window edges, holidays, overrides and swaps, every shift wholly
// inside a random window is the shift a wide reference computation gives.
func TestShiftsDoNotDependOnTheWindow(t *testing.T) {
	zones := []string{"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"}
	for seed := range uint64(40) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 7))
			e := setup(t)
			day0 := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
			date := func(d int) string { return civil.Format(day0.AddDate(0, 0, d)) }
			// Three more people, so replacements have a choice.
			e.addRandomPeople(t, rng, zones, "Ana Silva", "Bo Chen", "Cy Okafor")
			var rots []oncall.Rotation
			for i := range 1 + rng.IntN(3) {
				r := oncall.Rotation{Name: fmt.Sprint("R", i), TimeZone: zones[rng.IntN(len(zones))],
					HandoffTime: fmt.Sprintf("%02d:%02d", rng.IntN(24), 30*rng.IntN(2)), StartDate: date(rng.IntN(20)),
					RequiredCoverage: oncall.Coverage24x7, Payback: rng.IntN(2) == 0}
				switch rng.IntN(3) {
				case 0:
					r.ShiftLength = oncall.ShiftLength{N: 1 + rng.IntN(2), Unit: oncall.Weeks}
				case 1:
					r.ShiftLength = oncall.ShiftLength{N: 1 + rng.IntN(4), Unit: oncall.Days}
				default:
					r.ShiftLength = oncall.ShiftLength{N: []int{8, 12, 24}[rng.IntN(3)], Unit: oncall.Hours}
				}
				if rng.IntN(3) == 0 {
					r.Restriction = &oncall.Restriction{Weekdays: []string{"mon", "tue", "wed", "thu", "fri"}, Start: "09:00", End: "17:00"}
					r.RequiredCoverage = oncall.CoverageBusinessHours
				}
				perm := rng.Perm(len(e.p))[:3+rng.IntN(len(e.p)-2)]
				r.Participants = e.ids(perm...)
				saved, err := e.svc.SaveRotation(r)
				if err != nil {
					t.Fatal(err)
				}
				rots = append(rots, saved)
			}
			// Time off: whole days and instants, some long, crossing anything.
			for range 10 + rng.IntN(20) {
				p := e.p[rng.IntN(len(e.p))]
				to := randomTimeOff(rng, p.ID, day0, rng.IntN(200), 12, 90)
				if _, err := e.svc.SaveTimeOff(to); err != nil {
					t.Fatal(err)
				}
			}
			// Holidays of a region some people belong to.
			reg := oncall.Region{Name: "Region", MemberIDs: e.ids(rng.Perm(len(e.p))[:3]...)}
			for _, d := range rng.Perm(200)[:6] {
				reg.Holidays = append(reg.Holidays, oncall.Holiday{Date: date(d), Name: "Holiday"})
			}
			if _, err := e.svc.SaveRegion(reg); err != nil {
				t.Fatal(err)
			}
			// Overrides (not overlapping within a rotation) and swaps.
			for _, r := range rots {
				e.addRandomOverrides(t, rng, r.ID, day0.AddDate(0, 0, 10), 4, 30, 72)
				used := map[int]bool{}
				for range 3 {
					a, b := 2+rng.IntN(20), 2+rng.IntN(20)
					if a == b || used[a] || used[b] {
						continue
					}
					used[a], used[b] = true, true
					if _, err := e.svc.SaveSwap(oncall.Swap{RotationID: r.ID, SlotA: a, SlotB: b}); err != nil {
						t.Fatal(err)
					}
				}
			}
			wideFrom, wideTo := day0.AddDate(0, 0, -30), day0.AddDate(0, 0, 260)
			ref, err := e.svc.AllShifts(wideFrom, wideTo)
			if err != nil {
				t.Fatal(err)
			}
			// The same windows from a service opened afresh (as after
			// opening the workspace), resuming from the checkpoints the
			// wide computation stored (decision 0032).
			if err := e.svc.SaveCheckpoints(); err != nil {
				t.Fatal(err)
			}
			checkWindows := func(label string, ref []oncall.Shift, services func() []*oncall.Service) {
				t.Helper()
				for w := range 25 {
					a := day0.Add(time.Duration(rng.IntN(220*24)) * time.Hour).Add(time.Duration(rng.IntN(60)) * time.Minute)
					b := a.Add(time.Duration(1+rng.IntN(40*24)) * time.Hour)
					for i, svc := range services() {
						got, err := svc.AllShifts(a, b)
						if err != nil {
							t.Fatal(err)
						}
						if only, extra := diff(inside(ref, a, b), inside(got, a, b)); only != "" || extra != "" {
							t.Fatalf("%s, service %d, window %d [%s, %s): shifts wholly inside differ from the wide computation\nonly in the wide one:\n%s\nonly in the window's:\n%s",
								label, i, w, a.Format(time.RFC3339), b.Format(time.RFC3339), only, extra)
						}
					}
				}
			}
			fresh := func() []*oncall.Service { return []*oncall.Service{e.svc, oncall.NewService(e.st, e.clock)} }
			checkWindows("after the wide computation", ref, fresh)
			// An edit in the middle of the history: stored checkpoints after
			// it no longer match; a fresh service equals a replay from the
			// first turn of the data as it now is.
			p := e.p[rng.IntN(len(e.p))]
			d := 30 + rng.IntN(150)
			if _, err := e.svc.SaveTimeOff(oncall.TimeOff{PersonID: p.ID, Kind: oncall.KindSick, StartDate: date(d), EndDate: date(d + rng.IntN(5))}); err != nil {
				t.Fatal(err)
			}
			checkWindows("after an edit back in time", reference(t, e.st, wideFrom, wideTo), fresh)
		})
	}
}

// diff lists the lines of a that b lacks, and those of b that a lacks.
func diff(a, b []string) (string, string) {
	in := func(l []string) map[string]bool {
		m := map[string]bool{}
		for _, x := range l {
			m[x] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	var onlyA, onlyB []string
	for _, x := range a {
		if !mb[x] {
			onlyA = append(onlyA, x)
		}
	}
	for _, x := range b {
		if !ma[x] {
			onlyB = append(onlyB, x)
		}
	}
	return strings.Join(onlyA, "\n"), strings.Join(onlyB, "\n")
}

// inside lists the shifts wholly inside [a, b), one line each, in a stable order.
func inside(l []oncall.Shift, a, b time.Time) []string {
	var out []string
	for _, s := range l {
		if !s.Start.Before(a) && !s.End.After(b) {
			out = append(out, fmt.Sprintf("%s slot %d piece %d %s–%s %s %s replaced=%s away=%v %s", short(s.RotationID), s.Slot, s.Piece,
				s.Start.UTC().Format(time.RFC3339), s.End.UTC().Format(time.RFC3339), short(s.PersonID), s.Reason, short(s.ReplacedPersonID), s.Unavailable, s.Notes))
		}
	}
	sort.Strings(out)
	return out
}

func short(u id.ID) string {
	if u.IsZero() {
		return "-"
	}
	s := u.String()
	return s[len(s)-6:]
}

// addRandomPeople adds people by these names, each in a random zone of zones.
func (e *env) addRandomPeople(t *testing.T, rng *rand.Rand, zones []string, names ...string) {
	t.Helper()
	for _, n := range names {
		p, err := e.roster.CreatePerson(people.Person{Name: n, TimeZone: zones[rng.IntN(len(zones))]})
		if err != nil {
			t.Fatal(err)
		}
		e.p = append(e.p, p)
	}
}

// randomTimeOff is a vacation of person starting d days after day0: whole
// days (up to maxDays more) or an instant span of 2 to maxHours+1 hours.
func randomTimeOff(rng *rand.Rand, person id.ID, day0 time.Time, d, maxDays, maxHours int) oncall.TimeOff {
	to := oncall.TimeOff{PersonID: person, Kind: oncall.KindVacation}
	if rng.IntN(2) == 0 {
		to.StartDate, to.EndDate = civil.Format(day0.AddDate(0, 0, d)), civil.Format(day0.AddDate(0, 0, d+rng.IntN(maxDays)))
	} else {
		to.Start = day0.AddDate(0, 0, d).Add(time.Duration(rng.IntN(24)) * time.Hour)
		to.End = to.Start.Add(time.Duration(2+rng.IntN(maxHours)) * time.Hour)
	}
	return to
}

// addRandomOverrides saves n overrides of the rotation by random people, one
// after another from at (gaps of 1 to gapDays days, 1 to maxHours hours long).
func (e *env) addRandomOverrides(t *testing.T, rng *rand.Rand, rotation id.ID, at time.Time, n, gapDays, maxHours int) {
	t.Helper()
	for range n {
		at = at.Add(time.Duration(24+rng.IntN(24*gapDays)) * time.Hour)
		o := oncall.Override{RotationID: rotation, PersonID: e.p[rng.IntN(len(e.p))].ID, Start: at, End: at.Add(time.Duration(1+rng.IntN(maxHours)) * time.Hour)}
		if _, err := e.svc.SaveOverride(o); err != nil {
			t.Fatal(err)
		}
		at = o.End
	}
}
