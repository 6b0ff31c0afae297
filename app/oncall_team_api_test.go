package app

import (
	"encoding/json"
	"strings"
	"testing"

	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
)

// A rotation in a team through the bound API: the team crosses the bridge
// as "teamId", an unknown one is a field error, the team's on-call is
// listed, and the team cannot be deleted while the rotation belongs to it.
func TestRotationTeamThroughAPI(t *testing.T) {
	s := openShell(t) // the clock reads 2026-11-23 12:00 UTC
	ppl := NewPeopleAPI(s)
	var ids []id.ID
	var members []string
	for _, n := range []string{"Ana", "Bo"} {
		p, err := ppl.CreatePerson(PersonInput{Name: n, TimeZone: "Europe/Berlin"})
		if err != nil {
			t.Fatal(err)
		}
		u, _ := id.Parse(p.ID)
		ids, members = append(ids, u), append(members, p.ID)
	}
	team, err := ppl.SaveTeam("", TeamInput{Name: "Payments", MemberIDs: members})
	if err != nil {
		t.Fatal(err)
	}
	teamID, _ := id.Parse(team.ID)
	api := NewOnCallAPI(s)

	on, err := api.TeamsOnCall()
	if err != nil || on == nil || len(on) != 0 {
		t.Fatalf("before any rotation: %v %v (want an empty list, not null)", on, err)
	}
	rot := oncall.Rotation{Name: "Payments primary", TeamID: teamID, TimeZone: "Europe/Berlin", Participants: ids,
		ShiftLength: oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, HandoffTime: "10:00", StartDate: "2026-11-16",
		RequiredCoverage: oncall.Coverage24x7, Layer: 1}
	bad := rot
	bad.TeamID = id.New(s.clock.Now())
	if _, err := api.SaveRotation(bad); apiErr(t, err).Field != "teamId" {
		t.Fatalf("an unknown team was accepted: %v", err)
	}
	saved, err := api.SaveRotation(rot)
	if err != nil || saved.TeamID != teamID {
		t.Fatalf("save: %+v %v", saved, err)
	}
	b, _ := json.Marshal(saved)
	if !strings.Contains(string(b), `"teamId":"`+team.ID+`"`) {
		t.Fatalf("the rotation crosses the bridge without its team: %s", b)
	}
	on, err = api.TeamsOnCall()
	if err != nil || len(on) != 1 || on[0].Team != "Payments" || len(on[0].Rotations) != 1 {
		t.Fatalf("teams on call: %+v %v", on, err)
	}
	// Weekly from Monday 16 Nov: Bo holds the second week (from 23 Nov 10:00), Ana is next.
	if r := on[0].Rotations[0]; r.Now == nil || r.Now.Name != "Bo" || r.Next == nil || r.Next.Name != "Ana" {
		t.Fatalf("now/next: %+v", on[0].Rotations[0])
	}
	gaps, err := api.Coverage(Window{From: "2026-11-23T12:00:00Z", To: "2026-12-23T12:00:00Z"})
	if err != nil || len(gaps) != 0 {
		t.Fatalf("coverage: %+v %v", gaps, err)
	}

	e := apiErr(t, ppl.DeleteTeam(team.ID))
	if e.Code != "conflict" || !strings.Contains(e.Message, "Payments primary") {
		t.Fatalf("deleting the team: %+v", e)
	}
	// Moved to no team, the team can go.
	saved.TeamID = id.Nil
	if _, err := api.SaveRotation(saved); err != nil {
		t.Fatal(err)
	}
	if err := ppl.DeleteTeam(team.ID); err != nil {
		t.Fatalf("delete after the rotation left: %v", err)
	}
}
