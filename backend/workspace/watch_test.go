package workspace_test

import (
	"sort"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/feedback"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/growth"
	"wheelhouse/backend/id"
	"wheelhouse/backend/incident"
	"wheelhouse/backend/internal/testenv"
	"wheelhouse/backend/notify"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/oneonone"
	"wheelhouse/backend/people"
	"wheelhouse/backend/reminder"
	"wheelhouse/backend/workspace"
)

// Every rule is watched and reuses its reminders until its data changes: an
// edit in any area must still show in the very next evaluation (run at once,
// as the app does after every edit), whether it adds, removes or rewords a
// reminder, while edits elsewhere leave it be.
func TestEditsInEveryAreaReachTheNextEvaluation(t *testing.T) {
	// Tuesday 2026-11-24 10:00 in Berlin; the clock stays within the hour,
	// so only the data can make a rule run again.
	clk := clock.NewFake(time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC))
	w := openWith(t, t.TempDir(), workspace.Options{Clock: clk, Notifier: &notify.Recorder{}, Zone: "Europe/Berlin"})
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	person := func(name string) people.Person {
		p, err := w.Roster.CreatePerson(people.Person{Name: name, TimeZone: "Europe/Berlin"})
		must(err)
		return p
	}
	dana, ava, sam := person("Dana Xu"), person("Ava Stone"), person("Sam Okoro")
	// A feedback draft written ten days ago (stale after seven).
	clk.Set(time.Date(2026, 11, 14, 9, 0, 0, 0, time.UTC))
	draft, err := w.Feedback.Save(feedback.Entry{PersonID: sam.ID, Kind: feedback.Positive, Situation: "Incident on Friday", Behaviour: "Ran the incident calmly", Impact: "Customers were told early"})
	must(err)
	clk.Set(time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC))
	testenv.WaitTracking(t, w.Store)

	// active evaluates now and lists the active reminders as "kind title".
	active := func() []string {
		t.Helper()
		clk.Advance(time.Second)
		res, err := w.Reminders.Evaluate()
		must(err)
		var out []string
		for _, a := range res.Active {
			out = append(out, a.Kind+" "+a.Title)
		}
		sort.Strings(out)
		return out
	}
	var last []string
	// step checks that the evaluation right after an edit gained exactly
	// add and lost exactly drop.
	step := func(what string, add, drop []string) {
		t.Helper()
		got := active()
		want := map[string]bool{}
		for _, s := range last {
			want[s] = true
		}
		for _, s := range drop {
			if !want[s] {
				t.Fatalf("%s: test bug, %q was not active", what, s)
			}
			delete(want, s)
		}
		for _, s := range add {
			want[s] = true
		}
		var ws []string
		for s := range want {
			ws = append(ws, s)
		}
		sort.Strings(ws)
		if strings.Join(got, "\n") != strings.Join(ws, "\n") {
			t.Fatalf("%s: active reminders\n  %s\nwant\n  %s", what, strings.Join(got, "\n  "), strings.Join(ws, "\n  "))
		}
		last = got
	}
	none := []string(nil)
	one := func(s string) []string { return []string{s} }

	stale := "feedback.stale Feedback for Sam Okoro is waiting"
	step("start", one(stale), none)

	// Follow-ups.
	fu, err := w.FollowUps.Create(followup.Item{Title: "Rotate the signing key", OwnerID: dana.ID, DueDate: "2026-11-20"})
	must(err)
	overdueFU := "followup.overdue Overdue follow-up: Rotate the signing key"
	step("follow-up created overdue", one(overdueFU), none)
	_, err = w.FollowUps.SetStatus(fu.ID, followup.StatusDone, "")
	must(err)
	step("follow-up done", none, one(overdueFU))

	// Incidents: a review due a week after resolution, overdue now.
	in, err := w.Incidents.Create(incident.Incident{Title: "Checkout errors", Severity: 2,
		StartedAt: time.Date(2026, 11, 10, 9, 0, 0, 0, time.UTC)}, dana.ID)
	must(err)
	_, err = w.Incidents.Transition(in.ID, incident.TransitionInput{To: incident.StatusResolved, At: time.Date(2026, 11, 10, 10, 0, 0, 0, time.UTC), By: dana.ID})
	must(err)
	review := "review.overdue Post-incident review overdue: SEV2 Checkout errors"
	step("incident resolved, review overdue", one(review), none)
	_, err = w.Incidents.SkipReview(in.ID, "Known cause", dana.ID)
	must(err)
	step("review skipped", none, one(review))

	// 1:1s.
	series, err := w.OneOnOnes.SaveSeries(oneonone.Series{PersonID: dana.ID, Cadence: oneonone.Biweekly, Weekday: 2, StartDate: "2026-10-01"})
	must(err)
	overdue11 := "oneonone.overdue 1:1 with Dana Xu is overdue"
	step("1:1 cadence started long ago", one(overdue11), none)

	// People: a rename rewords the reminders that name them; archiving
	// silences them, and un-archiving brings them back.
	dana.Name = "Dana Whitfield"
	dana, err = w.Roster.UpdatePerson(dana)
	must(err)
	overdue11b := "oneonone.overdue 1:1 with Dana Whitfield is overdue"
	step("person renamed", one(overdue11b), one(overdue11))
	_, err = w.Roster.SetArchived(dana.ID, true)
	must(err)
	step("person archived", none, one(overdue11b))
	dana, err = w.Roster.SetArchived(dana.ID, false)
	must(err)
	step("person back", one(overdue11b), none)
	m, err := w.OneOnOnes.StartMeeting(dana.ID, "2026-11-24", nil)
	must(err)
	m.Status = oneonone.Held
	_, err = w.OneOnOnes.SaveMeeting(m)
	must(err)
	step("1:1 held today", none, one(overdue11b))
	series.Paused = true
	_, err = w.OneOnOnes.SaveSeries(series)
	must(err)
	step("cadence paused (nothing was due)", none, none)

	// Development plans.
	plan, err := w.Growth.SavePlan(growth.Plan{PersonID: sam.ID, Goals: []growth.Goal{{Title: "Lead an incident review",
		Milestones: []growth.Milestone{{Title: "Shadow a review", DueDate: "2026-11-25"}}}}}, "2026-11-24")
	must(err)
	milestone := "growth.milestone_due Milestone due tomorrow: Shadow a review"
	step("milestone due tomorrow", one(milestone), none)
	plan.Goals[0].Milestones[0].Done = true
	_, err = w.Growth.SavePlan(plan, "2026-11-24")
	must(err)
	step("milestone ticked off", none, one(milestone))

	// Mentoring: started two weeks ago, every 14 days: due today.
	pair, err := w.Growth.SaveMentorship(growth.Mentorship{MentorID: ava.ID, MenteeID: sam.ID, StartDate: "2026-11-10", CheckInEveryDays: 14})
	must(err)
	checkIn := "growth.checkin_due Mentoring check-in: Ava Stone and Sam Okoro"
	step("mentoring check-in due", one(checkIn), none)
	_, err = w.Growth.RecordCheckIn(pair.ID, "2026-11-24")
	must(err)
	step("check-in recorded", none, one(checkIn))

	// Feedback: its settings and the draft itself.
	_, err = w.Feedback.SaveSettings(feedback.Settings{StaleDays: 30})
	must(err)
	step("drafts go stale after 30 days", none, one(stale))
	_, err = w.Feedback.SaveSettings(feedback.Settings{StaleDays: 7})
	must(err)
	step("back to 7 days", one(stale), none)
	_, err = w.Feedback.Deliver(draft.ID, "2026-11-24", feedback.InOneOnOne)
	must(err)
	step("draft delivered", none, one(stale))

	// On-call: Ava alone on a weekly rotation; her time off next week
	// leaves a gap, deleting it closes the gap.
	_, err = w.OnCall.SaveRotation(oncall.Rotation{Name: "Primary", TimeZone: "Europe/Berlin", Participants: []id.ID{ava.ID},
		ShiftLength: oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, HandoffTime: "10:00", StartDate: "2026-11-02",
		RequiredCoverage: oncall.Coverage24x7})
	must(err)
	step("rotation with one person", none, none)
	off, err := w.OnCall.SaveTimeOff(oncall.TimeOff{PersonID: ava.ID, StartDate: "2026-12-02"})
	must(err)
	got := active()
	gaps := 0
	for _, s := range got {
		if strings.HasPrefix(s, oncall.KindCoverageGap+" ") {
			gaps++
		}
	}
	if gaps != 1 || len(got) != len(last)+1 {
		t.Fatalf("time off leaving a gap: %q", got)
	}
	last = got
	must(w.OnCall.DeleteTimeOff(off.Item.ID))
	var before []string
	for _, s := range last {
		if !strings.HasPrefix(s, oncall.KindCoverageGap+" ") {
			before = append(before, s)
		}
	}
	if got = active(); strings.Join(got, "|") != strings.Join(before, "|") {
		t.Fatalf("time off deleted: %q, want %q", got, before)
	}
	last = got

	// Reminder settings: in Pago Pago (UTC-11) it is still Monday evening,
	// so a follow-up due on Tuesday is due tomorrow there.
	_, err = w.FollowUps.Create(followup.Item{Title: "Send the budget", OwnerID: ava.ID, DueDate: "2026-11-24"})
	must(err)
	step("due today in Berlin", none, none)
	_, err = w.Reminders.SaveSettings(reminder.Settings{TimeZone: "Pacific/Pago_Pago", Desktop: true})
	must(err)
	step("the manager's zone changed", one("followup.due_tomorrow Due tomorrow: Send the budget"), none)
}
