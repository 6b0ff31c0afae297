package oncall

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/id"
)

var finalTeam = id.ID{0: 0x03, 6: 0x70, 8: 0x80, 15: 1}

// layered is a rotation of the final test's team with its own id (n).
func layered(n, layer int, name string, r Rotation) Rotation {
	r.ID = id.ID{0: 0x02, 6: 0x70, 8: 0x80, 15: byte(n)}
	r.Name, r.Layer, r.TeamID = name, layer, finalTeam
	return r
}

// finals renders final pieces as "A Primary/1 2026-03-06T07:30Z+24h0m0s".
func finals(s *Snapshot, l []FinalShift) string {
	var b strings.Builder
	for _, x := range l {
		who := s.Name(x.PersonID) + " " + x.Rotation + "/" + fmt.Sprint(x.Layer)
		if x.Gap {
			who = "GAP"
			if x.Unstaffed {
				who += " unstaffed"
			}
		}
		fmt.Fprintf(&b, "%s %s %s %s\n", who, x.Reason, x.Start.UTC().Format("2006-01-02T15:04Z"), x.End.Sub(x.Start))
	}
	return b.String()
}

func TestFinalShifts(t *testing.T) {
	key := TeamKey(finalTeam)
	teams := map[id.ID]string{finalTeam: "Payments"}

	t.Run("the primary wins where it has someone, the secondary fills the rest", func(t *testing.T) {
		// Primary (layer 1) starts Wednesday; secondary (layer 2) runs from Monday.
		p := layered(1, 1, "Primary", rotation("UTC", 1, Weeks, "09:00", "2026-01-07", 1, 2))
		sec := layered(2, 2, "Secondary", rotation("UTC", 1, Weeks, "09:00", "2026-01-05", 3, 4))
		s := &Snapshot{Rotations: []Rotation{sec, p}, People: team(4, "UTC"), Teams: teams}
		check(t, finals(s, FinalShifts(s, key, utc("2026-01-05T00:00:00Z"), utc("2026-01-16T09:00:00Z"))), `
C Secondary/2 scheduled 2026-01-05T09:00Z 48h0m0s
A Primary/1 scheduled 2026-01-07T09:00Z 168h0m0s
B Primary/1 scheduled 2026-01-14T09:00Z 48h0m0s`)
	})

	t.Run("a business-hours layer over a 24x7 one", func(t *testing.T) {
		office := rotation("Europe/Berlin", 1, Weeks, "09:00", "2026-03-23", 1)
		office.Restriction = &Restriction{Weekdays: []string{"mon", "tue", "wed", "thu", "fri"}, Start: "09:00", End: "17:00"}
		office = layered(1, 1, "Office", office)
		all := layered(2, 2, "Nights", rotation("UTC", 1, Weeks, "00:00", "2026-03-23", 2))
		s := &Snapshot{Rotations: []Rotation{all, office}, People: team(2, "UTC"), Teams: teams}
		check(t, finals(s, FinalShifts(s, key, utc("2026-03-26T00:00:00Z"), utc("2026-03-28T00:00:00Z"))), `
B Nights/2 scheduled 2026-03-26T00:00Z 8h0m0s
A Office/1 scheduled 2026-03-26T08:00Z 8h0m0s
B Nights/2 scheduled 2026-03-26T16:00Z 16h0m0s
A Office/1 scheduled 2026-03-27T08:00Z 8h0m0s
B Nights/2 scheduled 2026-03-27T16:00Z 8h0m0s`)

		// The same two in one layer: the restricted rotation wins its hours.
		all.Layer = 1
		s = &Snapshot{Rotations: []Rotation{all, office}, People: team(2, "UTC"), Teams: teams}
		check(t, finals(s, FinalShifts(s, key, utc("2026-03-27T00:00:00Z"), utc("2026-03-28T00:00:00Z"))), `
B Nights/1 scheduled 2026-03-27T00:00Z 8h0m0s
A Office/1 scheduled 2026-03-27T08:00Z 8h0m0s
B Nights/1 scheduled 2026-03-27T16:00Z 8h0m0s`)
	})

	t.Run("gaps between layers, and a turn nobody is available for", func(t *testing.T) {
		day := rotation("UTC", 1, Days, "08:00", "2026-01-05", 1)
		day.Restriction = &Restriction{Start: "08:00", End: "16:00"}
		eve := rotation("UTC", 1, Days, "16:00", "2026-01-05", 2)
		eve.Restriction = &Restriction{Start: "16:00", End: "22:00"}
		s := &Snapshot{Rotations: []Rotation{layered(1, 1, "Day", day), layered(2, 2, "Evening", eve)}, People: team(2, "UTC"), Teams: teams,
			TimeOff: []TimeOff{{PersonID: pid(1), Kind: KindVacation, StartDate: "2026-01-06", EndDate: "2026-01-06"}}}
		check(t, finals(s, FinalShifts(s, key, utc("2026-01-05T00:00:00Z"), utc("2026-01-07T00:00:00Z"))), `
A Day/1 scheduled 2026-01-05T08:00Z 8h0m0s
B Evening/2 scheduled 2026-01-05T16:00Z 6h0m0s
GAP gap 2026-01-05T22:00Z 10h0m0s
GAP unstaffed gap 2026-01-06T08:00Z 8h0m0s
B Evening/2 scheduled 2026-01-06T16:00Z 6h0m0s
GAP gap 2026-01-06T22:00Z 2h0m0s`)
	})

	t.Run("an override inside a layer wins in that layer", func(t *testing.T) {
		p := layered(1, 1, "Primary", rotation("UTC", 1, Weeks, "09:00", "2026-01-05", 1, 2))
		sec := layered(2, 2, "Secondary", rotation("UTC", 1, Weeks, "09:00", "2026-01-05", 3))
		s := &Snapshot{Rotations: []Rotation{p, sec}, People: team(4, "UTC"), Teams: teams,
			Overrides: []Override{{RotationID: p.ID, PersonID: pid(4), Start: utc("2026-01-06T12:00:00Z"), End: utc("2026-01-06T18:00:00Z")}}}
		got := FinalShifts(s, key, utc("2026-01-06T00:00:00Z"), utc("2026-01-07T00:00:00Z"))
		check(t, finals(s, got), `
A Primary/1 scheduled 2026-01-06T00:00Z 12h0m0s
D Primary/1 override 2026-01-06T12:00Z 6h0m0s
A Primary/1 scheduled 2026-01-06T18:00Z 6h0m0s`)
		if got[1].ReplacedPersonID != pid(1) || got[1].RotationID != p.ID || got[1].Slot != 0 {
			t.Errorf("override piece %+v", got[1])
		}
	})

	t.Run("DST in two zones", func(t *testing.T) {
		// Berlin business hours (layer 1) over a New York daily 24h rotation
		// handing off at 09:00 local: New York springs forward on March 8,
		// Berlin on March 29.
		office := rotation("Europe/Berlin", 1, Weeks, "09:00", "2026-03-02", 1)
		office.Restriction = &Restriction{Weekdays: []string{"mon", "tue", "wed", "thu", "fri"}, Start: "09:00", End: "17:00"}
		ny := rotation("America/New_York", 1, Days, "09:00", "2026-03-02", 2, 3)
		s := &Snapshot{Rotations: []Rotation{layered(1, 1, "Office", office), layered(2, 2, "NY", ny)}, People: team(3, "UTC"), Teams: teams}
		// New York springs forward: its Sunday turn lasts 23 hours; Berlin's
		// office hours stay 08:00-16:00 UTC.
		check(t, finals(s, FinalShifts(s, key, utc("2026-03-06T00:00:00Z"), utc("2026-03-10T00:00:00Z"))), `
C NY/2 scheduled 2026-03-06T00:00Z 8h0m0s
A Office/1 scheduled 2026-03-06T08:00Z 8h0m0s
B NY/2 scheduled 2026-03-06T16:00Z 22h0m0s
C NY/2 scheduled 2026-03-07T14:00Z 23h0m0s
B NY/2 scheduled 2026-03-08T13:00Z 19h0m0s
A Office/1 scheduled 2026-03-09T08:00Z 8h0m0s
C NY/2 scheduled 2026-03-09T16:00Z 8h0m0s`)
		// Berlin springs forward on March 29: Monday's office hours move to
		// 07:00-15:00 UTC, New York's handoff stays at 13:00 UTC.
		check(t, finals(s, FinalShifts(s, key, utc("2026-03-27T00:00:00Z"), utc("2026-03-31T00:00:00Z"))), `
B NY/2 scheduled 2026-03-27T00:00Z 8h0m0s
A Office/1 scheduled 2026-03-27T08:00Z 8h0m0s
C NY/2 scheduled 2026-03-27T16:00Z 21h0m0s
B NY/2 scheduled 2026-03-28T13:00Z 24h0m0s
C NY/2 scheduled 2026-03-29T13:00Z 18h0m0s
A Office/1 scheduled 2026-03-30T07:00Z 8h0m0s
B NY/2 scheduled 2026-03-30T15:00Z 9h0m0s`)
	})

	t.Run("pieces inside a window do not depend on it", func(t *testing.T) {
		zones := []string{"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "UTC"}
		compared := 0
		for seed := range uint64(20) {
			rng := rand.New(rand.NewPCG(seed, 11))
			s := &Snapshot{People: team(5, "Europe/Berlin"), Teams: teams}
			for i := range 2 + rng.IntN(3) {
				r := rotation(zones[rng.IntN(len(zones))], 1+rng.IntN(3), []Unit{Days, Weeks}[rng.IntN(2)],
					fmt.Sprintf("%02d:00", rng.IntN(24)), fmt.Sprintf("2026-01-%02d", 1+rng.IntN(20)), 1+rng.IntN(5), 1+(1+rng.IntN(4)+i)%5)
				if r.Participants[0] == r.Participants[1] {
					r.Participants = r.Participants[:1]
				}
				if rng.IntN(2) == 0 {
					r.Restriction = &Restriction{Weekdays: []string{"mon", "tue", "wed", "thu", "fri"}, Start: "09:00", End: "17:00"}
				}
				s.Rotations = append(s.Rotations, layered(i+1, 1+rng.IntN(3), fmt.Sprint("R", i), r))
				if rng.IntN(2) == 0 {
					st := utc("2026-02-01T00:00:00Z").Add(time.Duration(rng.IntN(60*24)) * time.Hour)
					s.Overrides = append(s.Overrides, Override{RotationID: s.Rotations[i].ID, PersonID: pid(1 + rng.IntN(5)), Start: st, End: st.Add(time.Duration(1+rng.IntN(50)) * time.Hour)})
				}
			}
			for range 6 {
				st := utc("2026-02-01T00:00:00Z").AddDate(0, 0, rng.IntN(60))
				s.TimeOff = append(s.TimeOff, TimeOff{PersonID: pid(1 + rng.IntN(5)), Kind: KindVacation, Start: st, End: st.Add(time.Duration(5+rng.IntN(100)) * time.Hour)})
			}
			wide := FinalShifts(s, key, utc("2026-01-01T00:00:00Z"), utc("2026-06-01T00:00:00Z"))
			for range 10 {
				from := utc("2026-02-01T00:00:00Z").Add(time.Duration(rng.IntN(60*24*4)) * 15 * time.Minute)
				to := from.Add(time.Duration(1+rng.IntN(30*24)) * time.Hour)
				for _, x := range FinalShifts(s, key, from, to) {
					if !x.Start.After(from) || !x.End.Before(to) {
						continue // clipped by the window
					}
					found := false
					compared++
					for _, w := range wide {
						if w == x {
							found = true
							break
						}
					}
					if !found {
						t.Fatalf("seed %d window %s..%s: piece %+v not in the wide computation", seed, from, to, x)
					}
				}
				// And the window's pieces tile it from the first handoff on.
				got := FinalShifts(s, key, from, to)
				for i := 1; i < len(got); i++ {
					if !got[i].Start.Equal(got[i-1].End) {
						t.Fatalf("seed %d: pieces do not tile: %+v then %+v", seed, got[i-1], got[i])
					}
				}
			}
		}
		if compared < 100 {
			t.Errorf("only %d pieces compared", compared)
		}
	})

	t.Run("other schedules and an empty window give nothing", func(t *testing.T) {
		p := layered(1, 1, "Primary", rotation("UTC", 1, Weeks, "09:00", "2026-01-05", 1))
		s := &Snapshot{Rotations: []Rotation{p}, People: team(1, "UTC"), Teams: teams}
		if l := FinalShifts(s, TeamKey(rid), utc("2026-01-06T00:00:00Z"), utc("2026-01-07T00:00:00Z")); l != nil {
			t.Errorf("another team: %v", l)
		}
		if l := FinalShifts(s, key, utc("2026-01-06T00:00:00Z"), utc("2026-01-06T00:00:00Z")); l != nil {
			t.Errorf("empty window: %v", l)
		}
		if l := FinalShifts(s, key, utc("2026-01-01T00:00:00Z"), utc("2026-01-05T09:00:00Z")); l != nil {
			t.Errorf("before the first handoff: %v", l)
		}
	})
}

func TestTeamsOnCallFromTheFinalSchedule(t *testing.T) {
	// Primary: business hours only; secondary: 24x7 daily. At night the
	// secondary is who a page reaches; by day the primary.
	p := layered(1, 1, "Primary", rotation("UTC", 1, Weeks, "09:00", "2026-01-05", 1, 2))
	p.Restriction = &Restriction{Start: "09:00", End: "17:00"}
	sec := layered(2, 2, "Secondary", rotation("UTC", 1, Days, "00:00", "2026-01-05", 3, 4))
	s := &Snapshot{People: team(4, "UTC"), Teams: map[id.ID]string{finalTeam: "Payments"}, Rotations: []Rotation{sec, p}}

	t.Run("at night: the secondary now, the primary next", func(t *testing.T) {
		now := utc("2026-01-07T20:00:00Z") // Wednesday evening: day 2 of the daily secondary, C
		got := TeamsOnCall(s, now, now.Add(NextHorizon))
		if len(got) != 1 || got[0].Now == nil || got[0].Next == nil {
			t.Fatalf("%+v", got)
		}
		n, x := got[0].Now, got[0].Next
		if n.Name != "C" || n.Rotation != "Secondary" || !n.End.Equal(utc("2026-01-08T00:00:00Z")) {
			t.Errorf("now %+v", n)
		}
		if x.Name != "D" || x.Rotation != "Secondary" || !x.Start.Equal(utc("2026-01-08T00:00:00Z")) {
			t.Errorf("next %+v", x)
		}
	})

	t.Run("by day: the primary now, until the evening", func(t *testing.T) {
		now := utc("2026-01-07T10:00:00Z")
		got := TeamsOnCall(s, now, now.Add(NextHorizon))
		n, x := got[0].Now, got[0].Next
		if n == nil || n.Name != "A" || n.Rotation != "Primary" || !n.End.Equal(utc("2026-01-07T17:00:00Z")) {
			t.Errorf("now %+v", n)
		}
		if x == nil || x.Name != "C" || !x.Start.Equal(utc("2026-01-07T17:00:00Z")) {
			t.Errorf("next %+v", x)
		}
	})

	t.Run("one person across two layers is one turn", func(t *testing.T) {
		s := &Snapshot{People: team(4, "UTC"), Teams: map[id.ID]string{finalTeam: "Payments"},
			Rotations: []Rotation{layered(2, 2, "Secondary", rotation("UTC", 1, Days, "00:00", "2026-01-05", 1, 4)), p}}
		now := utc("2026-01-05T10:00:00Z") // A holds the primary by day and the secondary until midnight
		got := TeamsOnCall(s, now, now.Add(NextHorizon))
		if n := got[0].Now; n == nil || n.Name != "A" || !n.End.Equal(utc("2026-01-06T00:00:00Z")) {
			t.Errorf("now %+v", n)
		}
	})
}
