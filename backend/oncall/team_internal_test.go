package oncall

import (
	"fmt"
	"strings"
	"testing"

	"wheelhouse/backend/id"
)

var (
	teamPay = id.ID{0: 0x03, 6: 0x70, 8: 0x80, 15: 1}
	teamOps = id.ID{0: 0x03, 6: 0x70, 8: 0x80, 15: 2}
)

func TestScheduleOf(t *testing.T) {
	teams := map[id.ID]string{teamPay: "Payments", teamOps: "Ops"}
	ghost := id.ID{0: 0x03, 15: 9}
	r := rotation("UTC", 1, Weeks, "09:00", "2026-01-05", 1)
	for _, c := range []struct {
		name          string
		team          id.ID
		schedule      string
		key, wantName string
	}{
		{"a team", teamPay, "", "team:" + teamPay.String(), "Payments"},
		{"a team wins over an old schedule name", teamOps, "Payments", "team:" + teamOps.String(), "Ops"},
		{"an old schedule name, no team", id.Nil, "Checkout", "sch:checkout", "Checkout"},
		{"a team that is gone falls back to the schedule name", ghost, "Checkout", "sch:checkout", "Checkout"},
		{"neither: a schedule of its own", id.Nil, "", "rot:" + r.ID.String(), "Primary"},
	} {
		t.Run(c.name, func(t *testing.T) {
			x := r
			x.TeamID, x.ScheduleName = c.team, c.schedule
			key, name := ScheduleOf(&x, teams)
			if key != c.key || name != c.wantName {
				t.Fatalf("ScheduleOf = %q %q, want %q %q", key, name, c.key, c.wantName)
			}
		})
	}
}

// The layers of a team's schedule are its rotations; coverage is judged
// per team, under the team's current name; a rotation of no team is its
// own schedule and an old schedule name still groups what has no team.
func TestCoverageGroupsByTeam(t *testing.T) {
	mk := func(n int, name string, team id.ID, schedule string, layer int, restricted bool, people ...int) Rotation {
		r := rotation("UTC", 1, Weeks, "09:00", "2026-01-05", people...)
		r.ID, r.Name, r.TeamID, r.ScheduleName, r.Layer = id.ID{0: 0x02, 15: byte(n)}, name, team, schedule, layer
		if restricted {
			r.Restriction = &Restriction{Start: "09:00", End: "17:00"}
		}
		if layer > 1 {
			r.RequiredCoverage = CoverageNone
		}
		return r
	}
	s := &Snapshot{People: team(4, "UTC"), Teams: map[id.ID]string{teamPay: "Payments", teamOps: "Ops"},
		Rotations: []Rotation{
			// Payments: a daytime primary and a night secondary cover 24x7 together.
			mk(1, "Pay day", teamPay, "", 1, true, 1),
			mk(2, "Pay night", teamPay, "", 2, false, 2),
			// Ops: daytime only, no other layer: nights are gaps.
			mk(3, "Ops day", teamOps, "", 1, true, 3),
			// An old schedule name: its own schedule, named as before.
			mk(4, "Legacy", id.Nil, "Checkout", 1, true, 4),
		}}
	got := CoverageGaps(s, utc("2026-01-05T09:00:00Z"), utc("2026-01-06T09:00:00Z"))
	var b strings.Builder
	for _, g := range got {
		fmt.Fprintf(&b, "%s team=%v layers=%d %s-%s\n", g.Schedule, g.TeamID == teamOps, len(g.RotationIDs),
			g.Start.Format("15:04"), g.End.Format("15:04"))
	}
	check(t, b.String(), `
Ops team=true layers=1 17:00-09:00
Checkout team=false layers=1 17:00-09:00`)

	// Renaming the team renames its schedule; nothing else changes.
	s2 := &Snapshot{People: s.People, Rotations: s.Rotations, Teams: map[id.ID]string{teamPay: "Payments", teamOps: "Platform"}}
	if g := CoverageGaps(s2, utc("2026-01-05T09:00:00Z"), utc("2026-01-06T09:00:00Z")); len(g) != 2 || g[0].Schedule != "Platform" {
		t.Fatalf("after renaming the team: %+v", g)
	}

	// Sorted by schedule (team) name, then layer.
	rs := append([]Rotation(nil), s.Rotations...)
	SortRotations(rs, s.Teams)
	var names []string
	for _, r := range rs {
		names = append(names, r.Name)
	}
	check(t, strings.Join(names, ", "), "Legacy, Ops day, Pay day, Pay night")
}

func TestTeamsOnCallNowAndNext(t *testing.T) {
	a := rotation("UTC", 1, Weeks, "09:00", "2026-01-05", 1, 2)
	a.TeamID = teamPay
	b := rotation("UTC", 1, Days, "09:00", "2026-01-05", 3)
	b.ID, b.Name, b.TeamID, b.Layer = id.ID{0: 0x02, 15: 7}, "Secondary", teamPay, 2
	b.Restriction = &Restriction{Start: "09:00", End: "17:00"}
	lone := rotation("UTC", 1, Weeks, "09:00", "2026-01-05", 4)
	lone.ID, lone.Name = id.ID{0: 0x02, 15: 8}, "No team"
	s := &Snapshot{People: team(4, "UTC"), Teams: map[id.ID]string{teamPay: "Payments", teamOps: "Ops"},
		Rotations: []Rotation{b, lone, a}}
	now := utc("2026-01-07T20:00:00Z") // Wednesday evening
	got := TeamsOnCall(s, now, now.Add(NextHorizon))
	if len(got) != 1 || got[0].TeamID != teamPay || got[0].Team != "Payments" || len(got[0].Rotations) != 2 {
		t.Fatalf("teams on call: %+v (Ops has no rotation, the lone one has no team)", got)
	}
	p, sec := got[0].Rotations[0], got[0].Rotations[1]
	if p.Rotation != "Primary" || p.Now == nil || p.Now.Name != "A" || p.Next == nil || p.Next.Name != "B" ||
		!p.Next.Start.Equal(utc("2026-01-12T09:00:00Z")) {
		t.Fatalf("primary: %+v now %+v next %+v", p, p.Now, p.Next)
	}
	// The secondary covers 09-17 only: nobody now, C next morning.
	if sec.Layer != 2 || sec.Now != nil || sec.Next == nil || sec.Next.Name != "C" || !sec.Next.Start.Equal(utc("2026-01-08T09:00:00Z")) {
		t.Fatalf("secondary: %+v now %+v next %+v", sec, sec.Now, sec.Next)
	}
}
