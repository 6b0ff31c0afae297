package oncall_test

import (
	"strings"
	"testing"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/people"
)

func (e *env) team(t *testing.T, name string) people.Team {
	t.Helper()
	tm, err := e.roster.SaveTeam(people.Team{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

func TestRotationTeam(t *testing.T) {
	e := setup(t)
	pay := e.team(t, "Payments")
	base := oncall.Rotation{TimeZone: "Europe/Berlin", Participants: e.ids(0, 1),
		ShiftLength: oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, HandoffTime: "10:00", StartDate: "2026-11-02"}
	for i, c := range []struct {
		name         string
		team         id.ID
		schedule     string
		fields       string // "" = saved
		wantTeam     id.ID
		wantSchedule string
	}{
		{"no team is allowed", id.Nil, "", "", id.Nil, ""},
		{"an existing team", pay.ID, "", "", pay.ID, ""},
		{"a team replaces the old schedule name", pay.ID, "Old schedule", "", pay.ID, ""},
		{"an old schedule name without a team is kept", id.Nil, "Checkout", "", id.Nil, "Checkout"},
		{"a team that does not exist", id.New(now), "", "teamId", id.Nil, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := base
			r.Name, r.TeamID, r.ScheduleName = "Rotation "+string(rune('A'+i)), c.team, c.schedule
			got, err := e.svc.SaveRotation(r)
			if c.fields != "" {
				if !errs.Is(err, errs.Invalid) || fields(err) != c.fields {
					t.Fatalf("fields %q, want %q (%v)", fields(err), c.fields, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			stored, err := e.svc.Rotation(got.ID)
			if err != nil || stored.TeamID != c.wantTeam || stored.ScheduleName != c.wantSchedule {
				t.Fatalf("stored team %v schedule %q (%v), want %v %q", stored.TeamID, stored.ScheduleName, err, c.wantTeam, c.wantSchedule)
			}
		})
	}
}

// A team that rotations belong to cannot be deleted: the message names
// them; once they moved to no team (or another team) it can.
func TestDeleteTeamWithRotationsIsRefused(t *testing.T) {
	e := setup(t)
	e.roster.AddTeamRefs(oncall.TeamRefs{})
	pay, ops := e.team(t, "Payments"), e.team(t, "Ops")
	prim := e.weekly(t, "Payments primary", 0, 1)
	prim.TeamID = pay.ID
	if _, err := e.svc.SaveRotation(prim); err != nil {
		t.Fatal(err)
	}
	sec := e.weekly(t, "Payments secondary", 2, 3)
	sec.TeamID, sec.Layer = pay.ID, 2
	if _, err := e.svc.SaveRotation(sec); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		move func()
		want string // "" = deleted
	}{
		{"two rotations", func() {}, "Payments cannot be deleted: the on-call rotations Payments primary and Payments secondary belong to it; move them"},
		{"one rotation moved to another team", func() {
			sec.TeamID = ops.ID
			if _, err := e.svc.SaveRotation(sec); err != nil {
				t.Fatal(err)
			}
		}, "the on-call rotation Payments primary belongs to it; move it"},
		{"the last one moved to no team", func() {
			prim.TeamID = id.Nil
			if _, err := e.svc.SaveRotation(prim); err != nil {
				t.Fatal(err)
			}
		}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.move()
			err := e.roster.DeleteTeam(pay.ID)
			if c.want == "" {
				if err != nil {
					t.Fatalf("delete after the rotations moved: %v", err)
				}
				return
			}
			if !errs.Is(err, errs.Conflict) || !strings.Contains(errs.MessageOf(err), c.want) {
				t.Fatalf("delete = %v, want a conflict saying %q", err, c.want)
			}
			if _, err := e.roster.TeamList(); err != nil {
				t.Fatal(err)
			}
		})
	}
	// The rotations are untouched by the refused deletes.
	got, err := e.svc.Rotation(sec.ID)
	if err != nil || got.TeamID != ops.ID {
		t.Fatalf("secondary after the deletes: %+v %v", got, err)
	}
	// Deleting a rotation removes it from its team's index: Ops can go.
	if err := e.svc.DeleteRotation(sec.ID); err != nil {
		t.Fatal(err)
	}
	if err := e.roster.DeleteTeam(ops.ID); err != nil {
		t.Fatalf("delete Ops after its rotation was deleted: %v", err)
	}
}

// Rotations come back ordered by their team's name, and the service
// answers who is on call for each team.
func TestServiceRotationsByTeamAndTeamsOnCall(t *testing.T) {
	e := setup(t)
	zeta, alpha := e.team(t, "Zeta"), e.team(t, "Alpha")
	a := e.weekly(t, "A rotation", 0, 1)
	a.TeamID = zeta.ID
	if _, err := e.svc.SaveRotation(a); err != nil {
		t.Fatal(err)
	}
	z := e.weekly(t, "Z rotation", 2, 3)
	z.TeamID = alpha.ID
	if _, err := e.svc.SaveRotation(z); err != nil {
		t.Fatal(err)
	}
	rs, err := e.svc.Rotations()
	if err != nil || len(rs) != 2 || rs[0].Name != "Z rotation" {
		t.Fatalf("rotations by team name: %+v %v", rs, err)
	}
	on, err := e.svc.TeamsOnCall()
	if err != nil || len(on) != 2 || on[0].Team != "Alpha" || on[1].Team != "Zeta" {
		t.Fatalf("teams on call: %+v %v", on, err)
	}
	// 23 Nov 2026 09:00 UTC is Monday's 10:00 Berlin handoff: the fourth
	// turn from 2 Nov (Dana, Kofi, Dana, Kofi) starts; Dana is next.
	if x := on[1].Rotations[0]; x.Now == nil || x.Now.Name != "Kofi Mensah" || x.Next == nil || x.Next.Name != "Dana Xu" {
		t.Fatalf("Zeta on call: %+v now %+v next %+v", x, x.Now, x.Next)
	}
}
