package people_test

import (
	"testing"
	"time"

	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
)

func TestComputeOverview(t *testing.T) {
	// Monday 2026-11-23 14:30 UTC.
	ana := people.Person{ID: id.New(now), Name: "Ana", Level: "L3", TimeZone: "Europe/Berlin",
		Skills: []people.Skill{{Name: "Go", Level: 4}, {Name: "Kafka", Level: 3}}}
	bo := people.Person{ID: id.New(now), Name: "Bo", Level: "L3", TimeZone: "Australia/Lord_Howe",
		Skills: []people.Skill{{Name: "go", Level: 2}, {Name: "Terraform", Level: 1}}}
	cy := people.Person{ID: id.New(now), Name: "Cy", TimeZone: "America/New_York",
		Skills: []people.Skill{{Name: "Kafka", Level: 1}, {Name: "Terraform", Level: 2}}}
	gone := people.Person{ID: id.New(now), Name: "Gone", Level: "L5", TimeZone: "UTC", Archived: true,
		Skills: []people.Skill{{Name: "Terraform", Level: 4}}}
	team := people.Team{ID: id.New(now), Name: "Core"}
	svcs := []people.Service{
		{ID: id.New(now), Name: "ok", TeamID: team.ID, PrimaryID: ana.ID, SecondaryID: bo.ID, Criticality: people.CriticalityCustomer24x7},
		{ID: id.New(now), Name: "orphan", TeamID: id.New(now), PrimaryID: ana.ID, Criticality: people.CriticalityInternal},
		{ID: id.New(now), Name: "nocontact", TeamID: team.ID, Criticality: people.CriticalityInternal},
		{ID: id.New(now), Name: "archived-contact", TeamID: team.ID, PrimaryID: gone.ID, SecondaryID: ana.ID, Criticality: people.CriticalityBusinessHours},
		{ID: id.New(now), Name: "single-247", TeamID: team.ID, PrimaryID: bo.ID, Criticality: people.CriticalityCustomer24x7},
	}
	ov := people.ComputeOverview(now, []string{"L1", "L3", "L5"}, []people.Person{gone, cy, bo, ana}, []people.Team{team}, svcs)

	if ov.People != 3 || ov.Archived != 1 || ov.Teams != 1 || ov.Services != 5 {
		t.Fatalf("counts %d/%d/%d/%d", ov.People, ov.Archived, ov.Teams, ov.Services)
	}
	mix := map[string]int{}
	for _, l := range ov.LevelMix {
		mix[l.Level] = len(l.People)
	}
	if len(ov.LevelMix) != 4 || mix["L1"] != 0 || mix["L3"] != 2 || mix["L5"] != 0 || mix[""] != 1 {
		t.Fatalf("level mix %+v (archived people must not count)", ov.LevelMix)
	}
	probs := map[string]string{}
	for _, p := range ov.ServiceProblems {
		probs[p.Service.Name] = p.Problems[0]
	}
	want := map[string]string{
		"orphan":           "No owning team.",
		"nocontact":        "No contact: name a primary contact.",
		"archived-contact": "No primary contact.",
		"single-247":       "Customer-facing 24/7 with a single contact: add a secondary.",
	}
	if len(probs) != len(want) {
		t.Fatalf("service problems %v", probs)
	}
	for k, v := range want {
		if probs[k] != v {
			t.Errorf("%s: %q, want %q", k, probs[k], v)
		}
	}
	// Go: Ana(4) and Bo(2) hold it -> not single. Kafka: Ana(3) holds, Cy(1) learns -> single.
	// Terraform: Cy(2) holds, Bo learns, archived Gone does not count -> single.
	if len(ov.SinglePoints) != 2 {
		t.Fatalf("single points %+v", ov.SinglePoints)
	}
	k, tf := ov.SinglePoints[0], ov.SinglePoints[1]
	if k.Skill != "Kafka" || k.Holder.Name != "Ana" || k.HolderLevel != 3 || len(k.Learners) != 1 || k.Learners[0].Name != "Cy" {
		t.Errorf("Kafka: %+v", k)
	}
	if tf.Skill != "Terraform" || tf.Holder.Name != "Cy" || len(tf.Learners) != 1 || tf.Learners[0].Name != "Bo" {
		t.Errorf("Terraform: %+v", tf)
	}
	// Local times, west to east. Lord Howe is UTC+11 in (southern) summer:
	// 14:30 UTC Monday is 01:30 Tuesday there.
	lt := ov.LocalTimes
	if len(lt) != 3 || lt[0].Person.Name != "Cy" || lt[1].Person.Name != "Ana" || lt[2].Person.Name != "Bo" {
		t.Fatalf("local times order %+v", lt)
	}
	checks := []struct {
		local, wd, off string
		working        bool
	}{
		{"2026-11-23T09:30", "Mon", "UTC-05:00", true},
		{"2026-11-23T15:30", "Mon", "UTC+01:00", true},
		{"2026-11-24T01:30", "Tue", "UTC+11:00", false},
	}
	for i, c := range checks {
		if lt[i].Local != c.local || lt[i].Weekday != c.wd || lt[i].Offset != c.off || lt[i].Working != c.working {
			t.Errorf("%s: %+v, want %+v", lt[i].Person.Name, lt[i], c)
		}
	}
	// Half-hour offset in (northern) summer: Lord Howe is UTC+10:30.
	june := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	ov2 := people.ComputeOverview(june, nil, []people.Person{bo}, nil, nil)
	if ov2.LocalTimes[0].Offset != "UTC+10:30" || ov2.LocalTimes[0].Local != "2026-06-01T10:30" {
		t.Errorf("Lord Howe in June: %+v", ov2.LocalTimes[0])
	}
}

// With nobody's skills known, an empty list of single points means nothing:
// the overview counts who has no skill recorded (archived people aside).
func TestOverviewCountsPeopleWithoutSkills(t *testing.T) {
	ana := people.Person{ID: id.New(now), Name: "Ana", TimeZone: "UTC", Skills: []people.Skill{{Name: "Go", Level: 3}}}
	bo := people.Person{ID: id.New(now), Name: "Bo", TimeZone: "UTC"}
	cy := people.Person{ID: id.New(now), Name: "Cy", TimeZone: "UTC"}
	gone := people.Person{ID: id.New(now), Name: "Gone", TimeZone: "UTC", Archived: true}
	for _, c := range []struct {
		name string
		ps   []people.Person
		want int
	}{
		{"nobody has skills", []people.Person{bo, cy, gone}, 2},
		{"one of three has skills", []people.Person{ana, bo, cy}, 2},
		{"everyone has skills", []people.Person{ana}, 0},
		{"nobody at all", nil, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := people.ComputeOverview(now, nil, c.ps, nil, nil).WithoutSkills; got != c.want {
				t.Fatalf("withoutSkills %d, want %d", got, c.want)
			}
		})
	}
}
