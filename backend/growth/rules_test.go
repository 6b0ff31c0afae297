package growth_test

import (
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/growth"
	"wheelhouse/backend/internal/testenv"
	"wheelhouse/backend/people"
	"wheelhouse/backend/reminder"
)

func TestMilestoneReminders(t *testing.T) {
	// Wednesday 2026-02-25 10:00 in Berlin; a week later is in March (2026 is
	// not a leap year, so 7 days on is 2026-03-04).
	clk := clock.NewFake(time.Date(2026, 2, 25, 9, 0, 0, 0, time.UTC))
	roster, svc, eng := ruleSetup(t, clk, growth.Rules())
	dana, _ := roster.CreatePerson(people.Person{Name: "Dana Xu", TimeZone: "Europe/Berlin"})
	mei, _ := roster.CreatePerson(people.Person{Name: "Mei Tanaka", TimeZone: "Asia/Tokyo"})
	plan, err := svc.SavePlan(growth.Plan{PersonID: dana.ID, Goals: []growth.Goal{
		{Title: "Speak at a conference", Milestones: []growth.Milestone{
			{Title: "Submit the talk", DueDate: "2026-03-04"}, // in 7 days
			{Title: "Book the venue", DueDate: "2026-03-05"},  // in 8 days: not yet
			{Title: "Shadow a talk", DueDate: "2026-02-20"},   // overdue
			{Title: "Done already", DueDate: "2026-02-26", Done: true},
			{Title: "Outline", DueDate: "2026-02-26"}, // tomorrow
		}},
		{Title: "Dropped goal", Status: growth.GoalDropped, Milestones: []growth.Milestone{{Title: "Never", DueDate: "2026-02-26"}}},
	}}, "2026-02-25")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SavePlan(growth.Plan{PersonID: mei.ID, Goals: []growth.Goal{{Title: "Archived person's goal",
		Milestones: []growth.Milestone{{Title: "Quietly due", DueDate: "2026-02-26"}}}}}, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := roster.SetArchived(mei.ID, true); err != nil {
		t.Fatal(err)
	}

	titles := func() (string, []reminder.Active) {
		t.Helper()
		as, err := eng.List()
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, a := range as {
			out = append(out, a.Title)
		}
		return strings.Join(out, " | "), as
	}
	got, as := titles()
	want := "Milestone due tomorrow: Outline | Milestone overdue: Shadow a talk | Milestone due in 7 days: Submit the talk"
	if got != want {
		t.Fatalf("reminders:\n %s\nwant\n %s", got, want)
	}
	submit := plan.Goals[0].Milestones[0]
	a := as[2]
	if a.Key != "growth.milestone_due:"+dana.ID.String()+":"+submit.ID.String()+":2026-03-04" ||
		a.Link != (reminder.Link{Area: "people", ID: dana.ID.String()}) ||
		a.Body != "Dana Xu · goal “Speak at a conference” · due Wed 4 Mar 2026." {
		t.Fatalf("reminder %+v", a.Reminder)
	}
	berlin, _ := time.LoadLocation("Europe/Berlin")
	if !a.DueAt.Equal(time.Date(2026, 2, 25, 0, 0, 0, 0, berlin)) || !a.ExpiresAt.Equal(time.Date(2026, 3, 5, 0, 0, 0, 0, berlin)) {
		t.Fatalf("due %v expires %v", a.DueAt, a.ExpiresAt)
	}
	if b := as[1].Body; b != "Dana Xu · goal “Speak at a conference” · was due Fri 20 Feb 2026 (5 days ago). Tick it off, or move its date in the plan." {
		t.Fatalf("overdue body %q", b)
	}

	// Delivered once.
	res, err := eng.Evaluate()
	if err != nil || len(res.Delivered) != 3 {
		t.Fatalf("first evaluation delivered %d (%v)", len(res.Delivered), err)
	}
	if res, _ = eng.Evaluate(); len(res.Delivered) != 0 {
		t.Fatalf("second evaluation delivered %d again", len(res.Delivered))
	}

	// Eight days on (no commit in between: the date alone changes the answer).
	clk.Set(time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC))
	got, _ = titles()
	want = "Milestone overdue: Shadow a talk | Milestone due today: Book the venue | Milestone overdue: Outline | Milestone overdue: Submit the talk"
	if got != want {
		t.Fatalf("a week later:\n %s\nwant\n %s", got, want)
	}

	// Moving a date is a new reminder; ticking one off ends its reminder.
	p, _, _ := svc.GetPlan(dana.ID)
	p.Goals[0].Milestones[0].DueDate = "2026-03-10"
	p.Goals[0].Milestones[4].Done = true
	if _, err := svc.SavePlan(p, "2026-03-05"); err != nil {
		t.Fatal(err)
	}
	got, as = titles()
	want = "Milestone overdue: Shadow a talk | Milestone due today: Book the venue | Milestone due in 5 days: Submit the talk"
	if got != want {
		t.Fatalf("after the edit:\n %s\nwant\n %s", got, want)
	}
	if !strings.HasSuffix(as[2].Key, ":2026-03-10") || as[2].Status != reminder.StatusNew {
		t.Fatalf("re-dated reminder %+v", as[2])
	}
}

// ruleSetup opens a store with a roster, the growth service and a reminder
// engine in Berlin that runs rules.
func ruleSetup(t *testing.T, clk *clock.Fake, rules []reminder.Rule) (*people.Roster, *growth.Service, *reminder.Engine) {
	t.Helper()
	st := testenv.Store(t)
	eng := reminder.NewEngine(st, clk, nil, nil)
	eng.DefaultZone = "Europe/Berlin"
	for _, r := range rules {
		eng.AddRule(r)
	}
	return people.NewRoster(st, clk), growth.NewService(st, clk), eng
}
