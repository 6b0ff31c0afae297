package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/feedback"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oneonone"
)

type saveDialog struct{ path string }

func (d saveDialog) SaveFile(string, string, string) (string, error) { return d.path, nil }

// The 1:1 journey through the bound API: cadence, a meeting with a topic left
// open, a follow-up, feedback, the next meeting with the carried topic, the
// brief and its Markdown without (then with) private notes, saved to a file.
func TestOneOnOneAPIJourney(t *testing.T) {
	s := openShell(t)
	people := NewPeopleAPI(s)
	dana, err := people.CreatePerson(PersonInput{Name: "Dana Whitfield", TimeZone: "Europe/Berlin", Aspiration: "ic"})
	if err != nil {
		t.Fatal(err)
	}
	api := NewOneOnOneAPI(s)
	if _, err := api.SaveSeries(oneonone.Series{PersonID: idOf(t, dana.ID), Cadence: "fortnightly", StartDate: "2026-11-10"}); apiErr(t, err).Field != "cadence" {
		t.Fatalf("bad cadence: %v", err)
	}
	if _, err := api.SaveSeries(oneonone.Series{PersonID: idOf(t, dana.ID), Cadence: oneonone.Biweekly, Weekday: 2, StartDate: "2026-11-10"}); err != nil {
		t.Fatal(err)
	}
	m, err := api.StartMeeting(dana.ID, "2026-11-10")
	if err != nil {
		t.Fatal(err)
	}
	m.Agenda = []oneonone.AgendaItem{{Text: "Promo case", By: oneonone.SideThem}, {Text: "On-call load", By: oneonone.SideMe, Done: true}}
	m.Status, m.PrivateNotes, m.SharedNotes = oneonone.Held, "Worried about a family member.", "Agreed on the promo doc."
	if m, err = api.SaveMeeting(m); err != nil {
		t.Fatal(err)
	}
	if _, err := api.AddFollowUp(m.ID.String(), followup.Item{Title: "Send the template", OwnerID: idOf(t, dana.ID), DueDate: "2026-11-30"}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.SaveFeedback(feedback.Entry{PersonID: idOf(t, dana.ID), Kind: feedback.Positive, Behaviour: "Calm on the bridge"}); err != nil {
		t.Fatal(err)
	}
	if err := api.DeleteMeeting(m.ID.String()); apiErr(t, err).Code != "conflict" {
		t.Fatalf("delete with follow-ups: %v", err)
	}
	next, err := api.StartMeeting(dana.ID, "")
	if err != nil || next.Date != "2026-11-23" || len(next.Agenda) != 1 || next.Agenda[0].Carried != 1 {
		t.Fatalf("next meeting %+v %v", next, err)
	}
	page, err := api.Person(dana.ID)
	if err != nil || !page.HasSeries || page.Status == nil || len(page.Meetings) != 2 || page.Meetings[0].ID != next.ID || len(page.FollowUps) != 1 {
		t.Fatalf("person page %+v %v", page, err)
	}
	fb, err := api.Feedback(dana.ID)
	if err != nil || len(fb.Entries) != 1 || fb.Balance.Recent.PositiveDrafts != 1 || fb.Settings.StaleDays != 7 {
		t.Fatalf("feedback %+v %v", fb, err)
	}
	b, err := api.Brief(dana.ID, false)
	if err != nil || len(b.FollowUpsTheirs) != 1 || len(b.FeedbackDrafts) != 1 || b.LastMeeting.PrivateNotes != "" {
		t.Fatalf("brief %+v %v", b, err)
	}
	md, err := api.BriefMarkdown(dana.ID, false)
	if err != nil || !strings.Contains(md.Markdown, "Send the template") || strings.Contains(md.Markdown, "family member") {
		t.Fatalf("markdown %v\n%s", err, md.Markdown)
	}
	// Saved through the native dialog (a fake here), with private notes.
	path := filepath.Join(t.TempDir(), "brief.md")
	s.SetDialogs(saveDialog{path: path})
	saved, err := api.SaveBriefMarkdown(dana.ID, true)
	if err != nil || saved.Path != path {
		t.Fatalf("save %+v %v", saved, err)
	}
	got, _ := os.ReadFile(path)
	if !strings.Contains(string(got), "Worried about a family member.") {
		t.Fatalf("saved brief lacks the private notes it was asked for:\n%s", got)
	}
	ics, err := api.SeriesICS(dana.ID)
	if err != nil || !strings.Contains(ics.ICS, "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU") || strings.Contains(ics.ICS, "family") {
		t.Fatalf("ics %v\n%s", err, ics.ICS)
	}
	h, err := api.Health("")
	if err != nil || len(h.Rows) != 1 {
		t.Fatalf("health %+v %v", h, err)
	}
	if _, err := api.Health("not-an-id"); apiErr(t, err).Field != "teamId" {
		t.Fatalf("bad team id: %v", err)
	}
	if _, err := api.Person("nope"); apiErr(t, err).Field != "personId" {
		t.Fatalf("bad person id: %v", err)
	}
}

func idOf(t *testing.T, s string) id.ID {
	t.Helper()
	u, err := id.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// The 1:1 page says when the next 1:1 is for the report, in their zone.
func TestOneOnOnePageShowsTheSlotInTheReportsZone(t *testing.T) {
	s := shellWith(t, Config{Version: "test", Clock: clock.NewFake(time.Date(2026, 12, 4, 8, 0, 0, 0, time.UTC)), Zone: "Europe/Berlin"})
	dee, err := NewPeopleAPI(s).CreatePerson(PersonInput{Name: "Dee", TimeZone: "America/Los_Angeles"})
	if err != nil {
		t.Fatal(err)
	}
	api := NewOneOnOneAPI(s)
	if _, err := api.SaveSeries(oneonone.Series{PersonID: idOf(t, dee.ID), Cadence: oneonone.Weekly, Weekday: 5, Time: "10:00",
		DurationMinutes: 30, StartDate: "2026-12-04"}); err != nil {
		t.Fatal(err)
	}
	page, err := api.Person(dee.ID)
	if err != nil || page.Slot == nil {
		t.Fatalf("page %+v %v", page, err)
	}
	sl := page.Slot
	if sl.ManagerZone != "Europe/Berlin" || sl.ReportZone != "America/Los_Angeles" || sl.ReportTime != "01:00" || !sl.OutsideHours || sl.SameZone {
		t.Fatalf("slot %+v", sl)
	}
}

// A cadence the clocks change around: a warning next to the time while
// editing (CheckSeries) and on the page once saved; none otherwise.
func TestOneOnOneCadenceWarnsAboutDST(t *testing.T) {
	s := shellWith(t, Config{Version: "test", Clock: clock.NewFake(time.Date(2026, 12, 4, 8, 0, 0, 0, time.UTC)), Zone: "Europe/Berlin"})
	dee, err := NewPeopleAPI(s).CreatePerson(PersonInput{Name: "Dee", TimeZone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	api := NewOneOnOneAPI(s)
	ser := oneonone.Series{PersonID: idOf(t, dee.ID), Cadence: oneonone.Weekly, Weekday: 0, Time: "02:30", DurationMinutes: 30, StartDate: "2026-12-06"}
	w, err := api.CheckSeries(ser)
	if err != nil || !strings.Contains(w["time"], "On Sun 28 Mar 2027 the clocks in Europe/Berlin go forward at this 1:1's time") {
		t.Fatalf("check %q %v", w, err)
	}
	if _, err := api.SaveSeries(ser); err != nil {
		t.Fatal(err)
	}
	page, err := api.Person(dee.ID)
	if err != nil || page.DSTWarning != w["time"] {
		t.Fatalf("page warning %q, check %q", page.DSTWarning, w["time"])
	}
	ser.Time = "10:00"
	if w, err := api.CheckSeries(ser); err != nil || len(w) != 0 {
		t.Fatalf("10:00: %q %v", w, err)
	}
	ser.Time = "nonsense"
	if w, err := api.CheckSeries(ser); err != nil || len(w) != 0 {
		t.Fatalf("a bad time is for Validate: %q %v", w, err)
	}
}
