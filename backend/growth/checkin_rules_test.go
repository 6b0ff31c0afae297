package growth_test

import (
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/growth"
	"wheelhouse/backend/people"
	"wheelhouse/backend/reminder"
)

// A pair's check-in reminds once on its due date, again after it is late
// only if a new due date comes, and never once recorded, ended or archived.
func TestCheckInReminders(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)) // 10:30 in Berlin
	roster, svc, eng := ruleSetup(t, clk, growth.CheckInRules())
	ava, _ := roster.CreatePerson(people.Person{Name: "Ava Stone", TimeZone: "Europe/Berlin"})
	sam, _ := roster.CreatePerson(people.Person{Name: "Sam Okoro", TimeZone: "Europe/Berlin"})
	kim, _ := roster.CreatePerson(people.Person{Name: "Kim Ng", TimeZone: "Europe/Berlin"})
	// started 14 Feb, every 14 days: due 28 Feb (yesterday)
	pair, err := svc.SaveMentorship(growth.Mentorship{MentorID: ava.ID, MenteeID: sam.ID, StartDate: "2026-02-14", CheckInEveryDays: 14})
	if err != nil {
		t.Fatal(err)
	}
	// due in two weeks: not yet
	if _, err := svc.SaveMentorship(growth.Mentorship{MentorID: ava.ID, MenteeID: kim.ID, StartDate: "2026-03-01", CheckInEveryDays: 14}); err != nil {
		t.Fatal(err)
	}
	active := func() []reminder.Active {
		t.Helper()
		res, err := eng.Evaluate()
		if err != nil {
			t.Fatal(err)
		}
		return res.Active
	}
	got := active()
	if len(got) != 1 || got[0].Title != "Mentoring check-in: Ava Stone and Sam Okoro" || !strings.Contains(got[0].Body, "due Sat 28 Feb (1 day late)") ||
		got[0].Key != growth.KindCheckInDue+":"+pair.ID.String()+":2026-02-28" || got[0].Link.ID != sam.ID.String() {
		t.Fatalf("reminders %+v", got)
	}
	// recorded today: the next is due 15 Mar
	if _, err := svc.RecordCheckIn(pair.ID, "2026-03-01"); err != nil {
		t.Fatal(err)
	}
	if got := active(); len(got) != 0 {
		t.Fatalf("after the check-in: %+v", got)
	}
	clk.Set(time.Date(2026, 3, 15, 9, 30, 0, 0, time.UTC))
	got = active()
	if len(got) != 2 { // Sam's pair again (new due date) and Kim's
		t.Fatalf("two weeks on: %+v", got)
	}
	// an archived mentee or an ended pair is quiet
	if _, err := roster.SetArchived(kim.ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.EndMentorship(pair.ID, "2026-03-15"); err != nil {
		t.Fatal(err)
	}
	if got := active(); len(got) != 0 {
		t.Fatalf("ended and archived: %+v", got)
	}
}
