package workspace_test

import (
	"sort"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/demo"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/id"
	"wheelhouse/backend/incident"
	"wheelhouse/backend/notify"
	"wheelhouse/backend/people"
	"wheelhouse/backend/reminder"
	"wheelhouse/backend/workspace"
)

func TestFollowUpReminderRules(t *testing.T) {
	// Tuesday 2026-11-24 10:00 in Berlin.
	clk := clock.NewFake(time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC))
	rec := &notify.Recorder{}
	w := openWith(t, t.TempDir(), workspace.Options{Clock: clk, Notifier: rec, Zone: "Europe/Berlin"})
	p, _ := w.Roster.CreatePerson(people.Person{Name: "Dana Xu", TimeZone: "Europe/Berlin"})
	mk := func(title, due string) followup.Item {
		it, err := w.FollowUps.Create(followup.Item{Title: title, OwnerID: p.ID, DueDate: due})
		if err != nil {
			t.Fatal(err)
		}
		return it
	}
	overdue := mk("Rotate the signing key", "2026-11-20")
	mk("Write the runbook", "2026-11-25") // due tomorrow
	mk("Later thing", "2026-12-20")       // not yet
	done := mk("Already done", "2026-11-01")
	if _, err := w.FollowUps.SetStatus(done.ID, followup.StatusDone, ""); err != nil {
		t.Fatal(err)
	}

	res, err := w.Reminders.Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, a := range res.Active {
		titles = append(titles, a.Title)
	}
	got := strings.Join(titles, " | ")
	want := "Overdue follow-up: Rotate the signing key | Due tomorrow: Write the runbook"
	if got != want {
		t.Fatalf("active reminders:\n %s\nwant\n %s", got, want)
	}
	sent := rec.Sent()
	if len(sent) != 2 || !strings.Contains(sent[0].Body, "Owner: Dana Xu · due Fri 20 Nov 2026 (4 days ago)") {
		t.Fatalf("notes: %+v", sent)
	}
	if res.Active[0].Link.Area != "followups" || res.Active[0].Link.ID != overdue.ID.String() {
		t.Fatalf("link %+v", res.Active[0].Link)
	}

	// Completing it removes the reminder; moving the other's due date makes a new one.
	if _, err := w.FollowUps.SetStatus(overdue.ID, followup.StatusDone, ""); err != nil {
		t.Fatal(err)
	}
	clk.Advance(time.Minute)
	res, _ = w.Reminders.Evaluate()
	if len(res.Active) != 1 || len(res.Delivered) != 0 {
		t.Fatalf("after completing: %+v", res.Active)
	}
}

func TestSmallDemoHasRemindersAndDeleteDetaches(t *testing.T) {
	dir := t.TempDir()
	clk := clock.NewFake(now)
	if _, err := demo.Create(dir, demo.Small, workspace.Options{Clock: clk}); err != nil {
		t.Fatal(err)
	}
	w := openWith(t, dir, workspace.Options{Clock: clk})
	list, err := w.Reminders.List()
	if err != nil || len(list) == 0 {
		t.Fatalf("the small demo has nothing to remind about: %v", err)
	}
	kinds := map[string]bool{}
	for _, a := range list {
		kinds[a.Kind] = true
	}
	if !kinds[workspace.KindFollowUpOverdue] {
		t.Fatalf("no overdue follow-up in the small demo: %v", kinds)
	}
	// Deleting a person who owns follow-ups says so and keeps the items.
	ps, _ := w.Roster.People(false)
	for _, p := range ps {
		im, err := w.Roster.DeleteImpact(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(strings.Join(im.Items, "\n"), "follow-up") {
			if _, err := w.Roster.DeletePerson(p.ID, p.Name); err != nil {
				t.Fatal(err)
			}
			s, err := w.Load()
			if err != nil {
				t.Fatal(err)
			}
			if err := workspace.Validate(&s, now); err != nil {
				t.Fatalf("after deleting %s the workspace no longer validates: %v", p.Name, err)
			}
			return
		}
	}
	t.Fatal("no one in the small demo owns a follow-up")
}

func TestServiceNamedByIncidentsIsKept(t *testing.T) {
	clk := clock.NewFake(now)
	w := openWith(t, t.TempDir(), workspace.Options{Clock: clk})
	team, _ := w.Roster.SaveTeam(people.Team{Name: "Core"})
	svc, err := w.Roster.SaveService(people.Service{Name: "payments-api", Criticality: people.CriticalityInternal, TeamID: team.ID})
	if err != nil {
		t.Fatal(err)
	}
	unused, _ := w.Roster.SaveService(people.Service{Name: "unused", Criticality: people.CriticalityInternal, TeamID: team.ID})
	if _, err := w.Incidents.Create(incident.Incident{Title: "Outage", Severity: 2, StartedAt: now.Add(-time.Hour),
		AffectedServiceIDs: []id.ID{svc.ID}}, id.Nil); err != nil {
		t.Fatal(err)
	}
	err = w.Roster.DeleteService(svc.ID)
	if !errs.Is(err, errs.Conflict) || !strings.Contains(errs.MessageOf(err), "named by 1 incident") {
		t.Fatalf("delete a service with incidents: %v", err)
	}
	if err := w.Roster.DeleteService(unused.ID); err != nil {
		t.Fatalf("delete an unused service: %v", err)
	}
}

// Reminder state travels with the workspace: an imported workspace does not
// remind again of what was already delivered or dismissed.
func TestReminderStateInWorkspaceJSON(t *testing.T) {
	clk := clock.NewFake(now)
	dir := t.TempDir()
	if _, err := demo.Create(dir, demo.Small, workspace.Options{Clock: clk}); err != nil {
		t.Fatal(err)
	}
	w, err := workspace.Open(dir, workspace.Options{Clock: clk, Notifier: &notify.Recorder{}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := w.Reminders.Evaluate()
	if err != nil || len(res.Delivered) == 0 {
		t.Fatalf("nothing delivered: %v", err)
	}
	if err := w.Reminders.Dismiss(res.Active[0].Key); err != nil {
		t.Fatal(err)
	}
	var buf strings.Builder
	if err := w.Export(&buf, "test"); err != nil {
		t.Fatal(err)
	}
	w.Close()
	snap, err := workspace.Parse(strings.NewReader(buf.String()), now)
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.ReminderStates) != len(res.Active) || snap.Settings.Reminders == nil {
		t.Fatalf("%d states exported, want %d", len(snap.ReminderStates), len(res.Active))
	}
	dir2 := t.TempDir()
	if _, err := workspace.ImportFolder(dir2, snap, false, workspace.Options{Clock: clk}); err != nil {
		t.Fatal(err)
	}
	rec := &notify.Recorder{}
	w2 := openWith(t, dir2, workspace.Options{Clock: clk, Notifier: rec})
	res2, err := w2.Reminders.Evaluate()
	if err != nil || len(res2.Delivered) != 0 || len(rec.Sent()) != 0 || len(res2.Active) != len(res.Active)-1 {
		t.Fatalf("after import: delivered %d, active %d (want 0 and %d): %v", len(res2.Delivered), len(res2.Active), len(res.Active)-1, err)
	}
	bad := snap
	bad.ReminderStates = append(append([]reminder.State{}, snap.ReminderStates...), snap.ReminderStates[0])
	if err := workspace.Validate(&bad, now); err == nil || !strings.Contains(err.Error(), "listed twice") {
		t.Fatalf("duplicate state accepted: %v", err)
	}
}

// The biggest single transactions the app makes: hard-deleting a person of
// the large demo detaches hundreds of follow-ups and incidents at once. They
// must fit Badger's transaction limit (15 % of the memtable; with 8 MB
// memtables most of these deletes failed: docs/decisions/0009-desktop-memory.md).
func TestDeletingPeopleOfTheLargeDemoFitsOneTransaction(t *testing.T) {
	if testing.Short() {
		t.Skip("generates the large demo")
	}
	dir := t.TempDir()
	clk := clock.NewFake(now)
	if _, err := demo.Create(dir, demo.Large, workspace.Options{Clock: clk}); err != nil {
		t.Fatal(err)
	}
	w := openWith(t, dir, workspace.Options{Clock: clk})
	ps, err := w.Roster.People(true)
	if err != nil || len(ps) < 3 {
		t.Fatalf("people: %d, %v", len(ps), err)
	}
	// The three who own the most open follow-ups.
	open, err := w.FollowUps.List(followup.Filter{Statuses: []followup.Status{followup.StatusOpen}})
	if err != nil {
		t.Fatal(err)
	}
	owns := map[id.ID]int{}
	for _, it := range open {
		owns[it.OwnerID]++
	}
	sort.Slice(ps, func(i, j int) bool { return owns[ps[i].ID] > owns[ps[j].ID] })
	for _, p := range ps[:3] {
		if _, err := w.Roster.DeletePerson(p.ID, p.Name); err != nil {
			t.Errorf("deleting %s (%d open follow-ups): %v", p.Name, owns[p.ID], err)
		}
	}
}
