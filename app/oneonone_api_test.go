package app

import (
	"encoding/json"
	"strings"
	"testing"

	"wheelhouse/backend/feedback"
	"wheelhouse/backend/oneonone"
)

// The 1:1 page as the frontend drives it: JSON in as the bridge sends it
// (new agenda items without ids, no timestamps), carried topics, and the
// feedback settings read back for the Settings view.
func TestOneOnOnesThroughAPI(t *testing.T) {
	s := newShell(t, t.TempDir())
	if err := s.Open(); err != nil {
		t.Fatal(err)
	}
	dana, err := NewPeopleAPI(s).CreatePerson(PersonInput{Name: "Dana Xu", TimeZone: "UTC", Skills: []SkillDTO{}})
	if err != nil {
		t.Fatal(err)
	}
	api := NewOneOnOneAPI(s)

	var series oneonone.Series
	if err := json.Unmarshal([]byte(`{"personId":"`+dana.ID+`","cadence":"biweekly","weekday":2,"time":"25:00","durationMinutes":30,"startDate":"2026-11-01"}`), &series); err != nil {
		t.Fatal(err)
	}
	_, err = api.SaveSeries(series)
	if ae := apiErr(t, err); ae.Code != "invalid" || ae.Field != "time" {
		t.Fatalf("a bad time is refused next to its field: %+v", ae)
	}
	series.Time = "09:30"
	if _, err := api.SaveSeries(series); err != nil {
		t.Fatal(err)
	}

	m, err := api.StartMeeting(dana.ID, "2026-11-10")
	if err != nil {
		t.Fatal(err)
	}
	body := `{"id":"` + m.ID.String() + `","personId":"` + dana.ID + `","date":"2026-11-10","status":"held",` +
		`"agenda":[{"id":"","text":"Promotion case","by":"them","done":false,"originId":""},` +
		`{"id":"","text":"On-call load","by":"me","done":true,"originId":""}],"privateNotes":"Seems tired","mood":3}`
	var in oneonone.Meeting
	if err := json.Unmarshal([]byte(body), &in); err != nil {
		t.Fatal(err)
	}
	if _, err := api.SaveMeeting(in); err != nil {
		t.Fatal(err)
	}
	next, err := api.StartMeeting(dana.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(next.Agenda) != 1 || next.Agenda[0].Text != "Promotion case" || next.Agenda[0].Carried != 1 || next.Agenda[0].CarriedFrom != "2026-11-10" {
		t.Fatalf("the unfinished topic is carried: %+v", next.Agenda)
	}

	page, err := api.Person(dana.ID)
	if err != nil || !page.HasSeries || page.Status == nil || len(page.Meetings) != 2 || page.Meetings[0].ID != next.ID {
		t.Fatalf("person page: %+v %v", page, err)
	}

	md, err := api.BriefMarkdown(dana.ID, false)
	if err != nil || strings.Contains(md.Markdown, "Seems tired") || !strings.Contains(md.Markdown, "Promotion case") {
		t.Fatalf("brief without private notes: %v\n%s", err, md.Markdown)
	}
	md, err = api.BriefMarkdown(dana.ID, true)
	if err != nil || !strings.Contains(md.Markdown, "Seems tired") {
		t.Fatalf("brief with private notes: %v\n%s", err, md.Markdown)
	}

	st, err := api.FeedbackSettings()
	if err != nil || st.StaleDays != feedback.DefaultStaleDays {
		t.Fatalf("default settings: %+v %v", st, err)
	}
	_, err = api.SaveFeedbackSettings(feedback.Settings{StaleDays: 0})
	if ae := apiErr(t, err); ae.Field != "staleDays" {
		t.Fatalf("stale days out of range: %+v", ae)
	}
	if _, err := api.SaveFeedbackSettings(feedback.Settings{StaleDays: 14}); err != nil {
		t.Fatal(err)
	}
	if st, err := api.FeedbackSettings(); err != nil || st.StaleDays != 14 {
		t.Fatalf("saved settings read back: %+v %v", st, err)
	}
}
