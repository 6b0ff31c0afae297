package app

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/followup"
	"wheelhouse/backend/incident"
)

// The journey of issue 4 through the bound APIs, with JSON in and out as the
// bridge does it.
func TestIncidentJourneyThroughAPI(t *testing.T) {
	s := openShell(t)
	people := NewPeopleAPI(s)
	dana, _ := people.CreatePerson(PersonInput{Name: "Dana Xu", TimeZone: "UTC"})
	api := NewIncidentAPI(s)
	acts := NewFollowUpAPI(s)

	// What the frontend sends: JSON with string ids and times, zero times omitted.
	var in incident.Incident
	if err := json.Unmarshal([]byte(`{"title":"Checkout errors","severity":2,"startedAt":"2026-11-23T10:00:00Z","commanderId":"`+dana.ID+`"}`), &in); err != nil {
		t.Fatal(err)
	}
	d, err := api.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	inc := d.Incident.ID.String()
	for _, to := range []incident.Status{incident.StatusIdentified, incident.StatusMonitoring, incident.StatusResolved} {
		if d, err = api.Transition(inc, incident.TransitionInput{To: to}); err != nil {
			t.Fatalf("to %s: %v", to, err)
		}
	}
	if d.Incident.Review.DueDate == "" {
		t.Fatal("resolving did not set the review due date")
	}
	if _, err := api.Transition(inc, incident.TransitionInput{To: incident.StatusClosed}); err == nil {
		t.Fatal("closed without a review")
	} else if ae := apiErr(t, err); ae.Code != "invalid" && ae.Code != "conflict" {
		t.Fatalf("close without review: %+v", ae)
	}
	if d, err = api.AddFollowUp(inc, followup.Item{Title: "Add a canary", OwnerID: d.Incident.CommanderID, DueDate: "2026-11-25"}); err != nil {
		t.Fatal(err)
	}
	if len(d.FollowUps) != 1 || d.FollowUps[0].Source.Label != "Checkout errors" {
		t.Fatalf("follow-ups %+v", d.FollowUps)
	}
	b, _ := json.Marshal(d)
	if !strings.Contains(string(b), `"id":"`+inc+`"`) || !strings.Contains(string(b), `"startedAt":"2026-11-23T10:00:00Z"`) {
		t.Fatalf("ids and times must cross as strings: %.300s", b)
	}
	v, err := acts.FollowUps(followup.ViewOptions{})
	if err != nil || len(v.Rows) != 1 {
		t.Fatalf("follow-ups view %+v %v", v, err)
	}
	md, err := api.Markdown(inc)
	if err != nil || !strings.Contains(md, "Checkout errors") {
		t.Fatalf("markdown %q %v", md, err)
	}
	draft, err := api.StakeholderDraft(inc, time.Date(2026, 11, 23, 13, 0, 0, 0, time.UTC).Format(time.RFC3339))
	if err != nil || !strings.Contains(draft, "Checkout errors") {
		t.Fatalf("draft %q %v", draft, err)
	}
	if _, err := api.StakeholderDraft(inc, "soon"); apiErr(t, err).Field != "nextUpdate" {
		t.Fatal("bad next update accepted")
	}
	page, err := api.MetricsPage(incident.Window{})
	if err != nil || page.Metrics.Incidents != 1 {
		t.Fatalf("metrics %+v %v", page.Metrics, err)
	}
	if _, err := acts.SetStatus(v.Rows[0].Item.ID.String(), "wont_do", ""); apiErr(t, err).Code != "invalid" {
		t.Fatal("won't do without a reason accepted")
	}
	if _, err := api.Get("not-an-id"); apiErr(t, err).Field != "id" {
		t.Fatal("bad id")
	}
}
