package calendar

import (
	"strings"
	"testing"

	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
)

// An event names the schedule its rotation is a layer of: the team's
// current name, the old schedule name without a team, nothing for a
// rotation of its own.
func TestEventsNameTheTeam(t *testing.T) {
	team := id.ID{0: 3, 6: 0x70, 8: 0x80, 15: 1}
	for _, c := range []struct {
		name     string
		team     id.ID
		schedule string
		want     string
	}{
		{"a team", team, "", "On call for Payments primary (Payments Platform, layer 1)."},
		{"an old schedule name", id.Nil, "Payments", "On call for Payments primary (Payments, layer 1)."},
		{"neither", id.Nil, "", "On call for Payments primary."},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, rid := fixture()
			s.Teams = map[id.ID]string{team: "Payments Platform"}
			s.Rotations[0].TeamID, s.Rotations[0].ScheduleName = c.team, c.schedule
			shifts := oncall.Shifts(s, rid, genAt, genAt.AddDate(0, 0, 7))
			evs := Events(s, shifts, Scope{Kind: ScopeTeam})
			if len(evs) == 0 || !strings.HasPrefix(evs[0].Description, c.want) {
				t.Fatalf("description %q, want it to start %q", evs[0].Description, c.want)
			}
		})
	}
}
