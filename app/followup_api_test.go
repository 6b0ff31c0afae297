package app

import (
	"encoding/json"
	"testing"

	"wheelhouse/backend/followup"
)

// Bulk actions of the follow-ups table: each change is applied on its own,
// a refused one is reported by id and leaves the others done, and undo is
// the same call with the old values.
func TestFollowUpAPIChangeMany(t *testing.T) {
	s := openShell(t)
	people := NewPeopleAPI(s)
	dana, _ := people.CreatePerson(PersonInput{Name: "Dana Xu", TimeZone: "UTC"})
	kofi, _ := people.CreatePerson(PersonInput{Name: "Kofi Mensah", TimeZone: "UTC"})
	acts := NewFollowUpAPI(s)
	mk := func(title, due string) string {
		it, err := acts.Create(followup.Item{Title: title, OwnerID: idOf(t, dana.ID), DueDate: due, Notes: "keep me"})
		if err != nil {
			t.Fatal(err)
		}
		return it.ID.String()
	}
	a, b, c := mk("Add an alert", "2026-11-20"), mk("Fix retries", ""), mk("Write the runbook", "2026-11-30")

	// What the frontend sends: JSON, empty fields left out.
	var in []FollowUpChange
	if err := json.Unmarshal([]byte(`[{"id":"`+a+`","status":"done"},{"id":"`+b+`","status":"wont_do"},{"id":"nope","status":"done"},{"id":"`+c+`","status":"done"}]`), &in); err != nil {
		t.Fatal(err)
	}
	res, err := acts.ChangeMany(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Items) != 2 || res.Items[0].ID.String() != a || res.Items[1].ID.String() != c || res.Items[0].Status != followup.StatusDone {
		t.Fatalf("items %+v", res.Items)
	}
	if len(res.Problems) != 2 || res.Problems[0].ID != b || res.Problems[0].Field != "reason" || res.Problems[0].Code != "invalid" ||
		res.Problems[1].ID != "nope" || res.Problems[1].Field != "id" {
		t.Fatalf("problems %+v", res.Problems)
	}
	out, _ := json.Marshal(res)
	var back map[string][]map[string]any
	if err := json.Unmarshal(out, &back); err != nil || back["problems"][0]["message"] == "" || back["items"][0]["id"] != a {
		t.Fatalf("json %s", out)
	}

	// Undo: the old status; then reassign, postpone and clear a due date.
	res, err = acts.ChangeMany([]FollowUpChange{
		{ID: a, Status: "open", OwnerID: kofi.ID},
		{ID: c, Status: "open", DueDate: "2026-12-07"},
		{ID: b, ClearDue: true, DueDate: "2026-12-01"},
	})
	if err != nil || len(res.Problems) != 0 || len(res.Items) != 3 {
		t.Fatalf("undo and edits: %+v %v", res, err)
	}
	got := map[string]followup.Item{}
	for _, id := range []string{a, b, c} {
		it, err := acts.Get(id)
		if err != nil {
			t.Fatal(err)
		}
		got[id] = it
	}
	if got[a].Status != followup.StatusOpen || got[a].OwnerID.String() != kofi.ID || got[a].Notes != "keep me" ||
		got[c].DueDate != "2026-12-07" || got[c].OwnerID.String() != dana.ID || got[b].DueDate != "" {
		t.Fatalf("after: %+v", got)
	}
	if res, err := acts.ChangeMany([]FollowUpChange{{ID: a, OwnerID: "someone"}}); err != nil || len(res.Problems) != 1 || res.Problems[0].Field != "ownerId" {
		t.Fatalf("bad owner: %+v %v", res, err)
	}
	if res, err := acts.ChangeMany(nil); err != nil || res.Items == nil || res.Problems == nil {
		t.Fatalf("nothing to change: %+v %v (lists must cross as [], not null)", res, err)
	}
}
