package app

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/feedback"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/growth"
	"wheelhouse/backend/id"
	"wheelhouse/backend/incident"
)

func mustID(t *testing.T, s string) id.ID {
	t.Helper()
	u, err := id.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// A development plan and a mentoring pair through the bound API, with JSON
// in and out as the bridge does it.
func TestGrowthThroughAPI(t *testing.T) {
	s := openShell(t)
	people := NewPeopleAPI(s)
	dana, err := people.CreatePerson(PersonInput{Name: "Dana Xu", TimeZone: "UTC", Aspiration: "architecture", Skills: []SkillDTO{{"Go", 1}}})
	if err != nil {
		t.Fatal(err)
	}
	kofi, _ := people.CreatePerson(PersonInput{Name: "Kofi Mensah", TimeZone: "UTC", Skills: []SkillDTO{{"go", 4}}})
	api := NewGrowthAPI(s)

	v, err := api.Plan(dana.ID)
	if err != nil || v.Exists || v.Aspiration != "architecture" || v.Today != "2026-11-23" || len(v.Ladder) == 0 {
		t.Fatalf("no plan yet: %+v %v", v, err)
	}
	b, _ := json.Marshal(v)
	if !strings.Contains(string(b), `"goals":[]`) || !strings.Contains(string(b), `"personId":"`+dana.ID+`"`) {
		t.Fatalf("an empty plan must still have lists and string ids: %s", b)
	}

	// What the frontend sends: new goals and milestones without ids.
	var in growth.Plan
	body := `{"personId":"` + dana.ID + `","targetLevel":"L5","growthAreas":["Go","go "],"goals":[{"id":"","title":"Lead a review",` +
		`"milestones":[{"id":"","title":"Draft","dueDate":"2026-11-25","done":false}]}],"stretch":[],"evidence":[]}`
	if err := json.Unmarshal([]byte(body), &in); err != nil {
		t.Fatal(err)
	}
	v, err = api.SavePlan(in)
	if err != nil {
		t.Fatal(err)
	}
	if !v.Exists || len(v.Plan.GrowthAreas) != 1 || len(v.Attention) != 1 || v.Attention[0].Days != 2 || v.Attention[0].Title != "Draft" {
		t.Fatalf("saved view %+v", v)
	}
	saved := v.Plan
	b, _ = json.Marshal(v)
	if !strings.Contains(string(b), `"updatedAt":"2026-11-23T12:00:00Z"`) || !strings.Contains(string(b), `"milestoneId":"`+saved.Goals[0].Milestones[0].ID.String()+`"`) {
		t.Fatalf("ids and times must cross as strings: %.400s", b)
	}

	// Bad input: the field path names the input; nothing is stored.
	bad := saved
	bad.Goals = []growth.Goal{{Title: " ", Milestones: []growth.Milestone{{Title: "x", DueDate: "31/12/2026"}}}}
	_, err = api.SavePlan(bad)
	if ae := apiErr(t, err); ae.Code != "invalid" || ae.Field != "goals.0.title" || len(ae.Fields) != 2 || ae.Fields[1].Field != "goals.0.milestones.0.dueDate" {
		t.Fatalf("bad plan: %+v", ae)
	}
	if v, _ = api.Plan(dana.ID); v.Plan.Goals[0].Title != "Lead a review" {
		t.Fatal("a refused save changed the plan")
	}

	m := saved.Goals[0].Milestones[0].ID.String()
	if v, err = api.SetMilestoneDone(dana.ID, m, true); err != nil || !v.Plan.Goals[0].Milestones[0].Done ||
		v.Plan.Goals[0].Milestones[0].DoneOn != "2026-11-23" || len(v.Attention) != 0 {
		t.Fatalf("tick: %+v %v", v.Plan.Goals, err)
	}
	// The copy read before the tick is stale now.
	if _, err := api.SavePlan(saved); apiErr(t, err).Code != "conflict" {
		t.Fatal("stale save accepted")
	}
	if v, err = api.SetGoalStatus(dana.ID, saved.Goals[0].ID.String(), "in_progress"); err != nil || v.Plan.Goals[0].Status != "in_progress" {
		t.Fatalf("goal status: %v", err)
	}
	if _, err := api.SetGoalStatus(dana.ID, saved.Goals[0].ID.String(), "someday"); apiErr(t, err).Field != "status" {
		t.Fatal("bad goal status accepted")
	}
	if v, err = api.AddEvidence(dana.ID, growth.Evidence{Kind: "note", Label: "Ran the game day", Date: "2026-11-20"}); err != nil || len(v.Plan.Evidence) != 1 {
		t.Fatalf("add evidence: %v", err)
	}
	if v, err = api.RemoveEvidence(dana.ID, v.Plan.Evidence[0].ID.String()); err != nil || len(v.Plan.Evidence) != 0 {
		t.Fatalf("remove evidence: %v", err)
	}
	if _, err := api.Plan("not-an-id"); apiErr(t, err).Field != "personId" {
		t.Fatal("bad person id")
	}
	if _, err := api.SetMilestoneDone(dana.ID, "nope", true); apiErr(t, err).Field != "milestoneId" {
		t.Fatal("bad milestone id")
	}

	// Mentoring: Kofi is Expert in Go, which Dana's plan lists.
	mv, err := api.Mentoring()
	if err != nil || len(mv.Suggestions) != 1 || mv.Suggestions[0].Reason != "Kofi Mensah is Expert in go; Dana Xu's plan lists go as a growth area." {
		t.Fatalf("suggestions %+v %v", mv.Suggestions, err)
	}
	var pin growth.Mentorship
	_ = json.Unmarshal([]byte(`{"id":"","mentorId":"`+kofi.ID+`","menteeId":"`+dana.ID+`","focus":["Go"],"startDate":"2026-11-09","checkInEveryDays":7}`), &pin)
	pair, err := api.SaveMentorship(pin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := api.SaveMentorship(pin); apiErr(t, err).Code != "conflict" {
		t.Fatal("duplicate active pair accepted")
	}
	pin.MenteeID = pin.MentorID
	if ae := apiErr(t, func() error { _, err := api.SaveMentorship(pin); return err }()); ae.Field != "menteeId" {
		t.Fatalf("self pair: %+v", ae)
	}
	// A pair from a suggestion: no start date starts it today.
	mei, _ := people.CreatePerson(PersonInput{Name: "Mei Tanaka", TimeZone: "UTC"})
	if p2, err := api.SaveMentorship(growth.Mentorship{MentorID: pair.MentorID, MenteeID: mustID(t, mei.ID)}); err != nil || p2.StartDate != "2026-11-23" || p2.CheckInEveryDays != 14 {
		t.Fatalf("pair with defaults: %+v %v", p2, err)
	}
	pm, err := api.PersonMentoring(dana.ID)
	if err != nil || len(pm.Mentors) != 1 || !pm.Mentors[0].CheckIn.Due || pm.Mentors[0].CheckIn.Days != -7 || len(pm.Suggestions) != 0 {
		t.Fatalf("dana's mentoring %+v %v", pm, err)
	}
	if pair, err = api.RecordCheckIn(pair.ID.String(), ""); err != nil || pair.LastCheckIn != "2026-11-23" {
		t.Fatalf("check-in today: %+v %v", pair, err)
	}
	if pair, err = api.EndMentorship(pair.ID.String(), "2026-11-22"); err != nil || pair.EndedOn != "2026-11-22" {
		t.Fatalf("end: %+v %v", pair, err)
	}
	if err := api.DeleteMentorship(pair.ID.String()); err != nil {
		t.Fatal(err)
	}
	if ae := apiErr(t, api.DeleteMentorship(pair.ID.String())); ae.Code != "not_found" {
		t.Fatalf("delete twice: %+v", ae)
	}
	if err := api.DeletePlan(dana.ID); err != nil {
		t.Fatal(err)
	}
	if v, err = api.Plan(dana.ID); err != nil || v.Exists {
		t.Fatalf("after delete: %+v %v", v, err)
	}
}

// What a plan could link, through the bridge: the incident Dana commanded,
// feedback delivered to her and the follow-up she closed; once linked, an
// incident leaves the list. Bad and unknown ids are field and not-found
// errors; someone with nothing gets empty lists, not null.
func TestEvidenceCandidatesThroughAPI(t *testing.T) {
	s := newShell(t, t.TempDir())
	api := NewGrowthAPI(s)
	if _, err := api.EvidenceCandidates(id.New(time.Now()).String()); apiErr(t, err).Code != "unavailable" {
		t.Fatal("no workspace open: want unavailable")
	}
	if err := s.Open(); err != nil {
		t.Fatal(err)
	}
	people := NewPeopleAPI(s)
	danaDTO, _ := people.CreatePerson(PersonInput{Name: "Dana Xu", TimeZone: "UTC"})
	kofiDTO, _ := people.CreatePerson(PersonInput{Name: "Kofi Mensah", TimeZone: "UTC"})
	dana, kofi := mustID(t, danaDTO.ID), mustID(t, kofiDTO.ID)
	w, err := s.workspace()
	if err != nil {
		t.Fatal(err)
	}
	in, err := w.Incidents.Create(incident.Incident{Title: "Payments DB failover", Severity: 2,
		StartedAt: time.Date(2026, 11, 12, 1, 30, 0, 0, time.UTC), Roles: incident.Roles{CommanderID: dana}}, id.Nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Feedback.Save(feedback.Entry{PersonID: dana, Kind: feedback.Positive, Situation: "Game day", Behaviour: "Ran the failover calmly",
		Impact: "Calm team", Status: feedback.Delivered, DeliveredOn: "2026-11-13", How: feedback.InPerson}); err != nil {
		t.Fatal(err)
	}
	it, _ := w.FollowUps.Create(followup.Item{Title: "Write the failover runbook", OwnerID: dana})
	if _, err := w.FollowUps.SetStatus(it.ID, followup.StatusDone, ""); err != nil {
		t.Fatal(err)
	}

	c, err := api.EvidenceCandidates(dana.String())
	if err != nil {
		t.Fatal(err)
	}
	want := []EvidenceCandidate{
		{Kind: "incident", RefID: in.ID.String(), Label: "SEV2 Payments DB failover — commander", Date: "2026-11-12", Role: "commander"},
		{Kind: "feedback", Label: "positive feedback: Ran the failover calmly", Date: "2026-11-13"},
		{Kind: "followup", RefID: it.ID.String(), Label: "Write the failover runbook", Date: "2026-11-23"},
	}
	if len(c.Items) != len(want) || c.Limit != 50 || len(c.More) != 0 {
		t.Fatalf("candidates %+v", c)
	}
	for i, w := range want {
		g := c.Items[i]
		if w.RefID == "" {
			w.RefID = g.RefID
		}
		if _, err := id.Parse(g.RefID); g != w || err != nil {
			t.Errorf("candidate %d = %+v, want %+v", i, g, w)
		}
	}
	b, _ := json.Marshal(c)
	if !strings.Contains(string(b), `"refId":"`+in.ID.String()+`"`) || !strings.Contains(string(b), `"more":[]`) || !strings.Contains(string(b), `"role":"commander"`) {
		t.Fatalf("JSON %s", b)
	}

	// Linking one (the plan must exist) takes it off the list, with the
	// label and date of the record and the manager's note.
	if _, err := api.SavePlan(growth.Plan{PersonID: dana}); err != nil {
		t.Fatal(err)
	}
	var e growth.Evidence
	if err := json.Unmarshal([]byte(`{"id":"","kind":"incident","refId":"`+c.Items[0].RefID+`","label":"","date":"","note":"First as commander"}`), &e); err != nil {
		t.Fatal(err)
	}
	v, err := api.AddEvidence(dana.String(), e)
	if err != nil || len(v.Plan.Evidence) != 1 || v.Plan.Evidence[0].Label != "SEV2 Payments DB failover" || v.Plan.Evidence[0].Date != "2026-11-12" ||
		v.Plan.Evidence[0].Note != "First as commander" {
		t.Fatalf("linked %+v %v", v.Plan.Evidence, err)
	}
	if c, err = api.EvidenceCandidates(dana.String()); err != nil || len(c.Items) != 2 || c.Items[0].Kind != "feedback" {
		t.Fatalf("after linking %+v %v", c, err)
	}
	// A record that does not exist: the error names the evidence's field.
	if _, err := api.AddEvidence(dana.String(), growth.Evidence{Kind: "followup", RefID: id.New(time.Now())}); apiErr(t, err).Field != "evidence.1.refId" {
		t.Fatalf("unknown follow-up: %+v", apiErr(t, err))
	}

	if _, err := api.EvidenceCandidates("not-an-id"); apiErr(t, err).Field != "personId" {
		t.Fatal("bad person id")
	}
	if _, err := api.EvidenceCandidates(id.New(time.Now()).String()); apiErr(t, err).Code != "not_found" {
		t.Fatal("unknown person")
	}
	c, err = api.EvidenceCandidates(kofi.String())
	if b, _ := json.Marshal(c); err != nil || string(b) != `{"items":[],"more":[],"limit":50}` {
		t.Fatalf("nothing for Kofi: %s %v", b, err)
	}
}
