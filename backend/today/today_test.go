package today_test

import (
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/id"
	"wheelhouse/backend/incident"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/oneonone"
	"wheelhouse/backend/people"
	"wheelhouse/backend/today"
	"wheelhouse/backend/workspace"
)

// Tuesday 24 Nov 2026, 09:00 in Berlin (the manager's zone).
var now = time.Date(2026, 11, 24, 8, 0, 0, 0, time.UTC)

type env struct {
	w   *workspace.Workspace
	clk *clock.Fake
	p   map[string]people.Person
}

func open(t *testing.T, at time.Time) *env {
	t.Helper()
	return openIn(t, at, "Europe/Berlin")
}

// openIn opens a fresh workspace for a manager in zone, the clock at at.
func openIn(t *testing.T, at time.Time, zone string) *env {
	t.Helper()
	clk := clock.NewFake(at)
	w, err := workspace.Open(t.TempDir(), workspace.Options{Clock: clk, NoSync: true, Zone: zone})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return &env{w: w, clk: clk, p: map[string]people.Person{}}
}

// people adds people by first name; zone "" is Europe/Berlin.
func (e *env) people(t *testing.T, names ...string) {
	t.Helper()
	for _, n := range names {
		zone := "Europe/Berlin"
		if n == "Ana" {
			zone = "America/New_York"
		}
		p, err := e.w.Roster.CreatePerson(people.Person{Name: n, TimeZone: zone, Role: "Engineer"})
		if err != nil {
			t.Fatal(err)
		}
		e.p[n] = p
	}
}

func (e *env) ids(names ...string) []id.ID {
	out := make([]id.ID, len(names))
	for i, n := range names {
		out[i] = e.p[n].ID
	}
	return out
}

func (e *env) day(t *testing.T) today.Day {
	t.Helper()
	d, err := today.Of(e.w, e.clk.Now())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func (e *env) rotation(t *testing.T, r oncall.Rotation) oncall.Rotation {
	t.Helper()
	if r.TimeZone == "" {
		r.TimeZone = "Europe/Berlin"
	}
	r, err := e.w.OnCall.SaveRotation(r)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func (e *env) timeOff(t *testing.T, who string, kind oncall.TimeOffKind, from, to string) {
	t.Helper()
	if _, err := e.w.OnCall.SaveTimeOff(oncall.TimeOff{PersonID: e.p[who].ID, Kind: kind, StartDate: from, EndDate: to}); err != nil {
		t.Fatal(err)
	}
}

func weekly(name string, start string, ids ...id.ID) oncall.Rotation {
	return oncall.Rotation{Name: name, Participants: ids, ShiftLength: oncall.ShiftLength{N: 1, Unit: oncall.Weeks},
		HandoffTime: "10:00", StartDate: start}
}

type section struct {
	name  string
	state today.State
	count int
	note  string
}

func sections(d today.Day) []section {
	return []section{
		{"oncall", d.OnCall.State, d.OnCall.Count, d.OnCall.Note},
		{"gaps", d.Gaps.State, d.Gaps.Count, d.Gaps.Note},
		{"timeOff", d.TimeOff.State, d.TimeOff.Count, d.TimeOff.Note},
		{"incidents", d.Incidents.State, d.Incidents.Count, d.Incidents.Note},
		{"reviews", d.Reviews.State, d.Reviews.Count, d.Reviews.Note},
		{"followUps", d.FollowUps.State, d.FollowUps.Count, d.FollowUps.Note},
		{"oneOnOnes", d.OneOnOnes.State, d.OneOnOnes.Count, d.OneOnOnes.Note},
		{"health", d.Health.State, d.Health.Count, d.Health.Note},
	}
}

// checkSections compares every section's state and count, and that its note
// contains the wanted text (when one is given).
func checkSections(t *testing.T, d today.Day, want map[string]section) {
	t.Helper()
	for _, got := range sections(d) {
		w, ok := want[got.name]
		if !ok {
			t.Errorf("no expectation for section %s", got.name)
			continue
		}
		if got.state != w.state || got.count != w.count {
			t.Errorf("%s: state %s count %d, want %s %d (note %q)", got.name, got.state, got.count, w.state, w.count, got.note)
		}
		if !strings.Contains(got.note, w.note) {
			t.Errorf("%s: note %q lacks %q", got.name, got.note, w.note)
		}
		if got.state == today.StateNotSetUp && got.note == "" {
			t.Errorf("%s: not set up without saying so", got.name)
		}
	}
}

// Empty vs not set up: with nothing recorded, no section claims all is well;
// with only people, team health judges what it can and says what it cannot.
func TestNothingSetUp(t *testing.T) {
	notSetUp := func(note string) section { return section{state: today.StateNotSetUp, note: note} }
	for _, c := range []struct {
		name   string
		people []string
		want   map[string]section
	}{
		{"empty workspace", nil, map[string]section{
			"oncall":    notSetUp("No rotations yet"),
			"gaps":      notSetUp("No rotations yet"),
			"timeOff":   notSetUp("No time off or holiday regions recorded yet"),
			"incidents": notSetUp("No incidents recorded yet"),
			"reviews":   notSetUp("No incidents recorded yet"),
			"followUps": notSetUp("No follow-ups yet"),
			"oneOnOnes": notSetUp("No 1:1 cadences yet"),
			"health":    notSetUp("Nobody on the roster yet"),
		}},
		{"people only", []string{"Dana", "Kofi"}, map[string]section{
			"oncall":    notSetUp("No rotations yet"),
			"gaps":      notSetUp("No rotations yet"),
			"timeOff":   notSetUp("No time off"),
			"incidents": notSetUp("No incidents recorded yet"),
			"reviews":   notSetUp("No incidents recorded yet"),
			"followUps": notSetUp("No follow-ups yet"),
			"oneOnOnes": notSetUp("No 1:1 cadences yet"),
			"health": {state: today.StateClear,
				note: "Nobody flagged, but only partly judged: no rotations, no 1:1 cadences, no incidents recorded."},
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := open(t, now)
			e.people(t, c.people...)
			d := e.day(t)
			if d.Today != "2026-11-24" || d.Zone != "Europe/Berlin" || d.WeekEnd != "2026-12-01" || d.TimeOffEnd != "2026-12-08" || !d.Now.Equal(now) {
				t.Fatalf("header %+v", d)
			}
			checkSections(t, d, c.want)
			if d.OnCall.Schedules == nil || d.Incidents.Items == nil || d.FollowUps.Overdue == nil || d.Health.Unjudged == nil {
				t.Fatal("lists must be empty, not nil (JSON [] rather than null)")
			}
		})
	}
}

// With the data there and nothing needing attention, each section is clear
// and says why; a rotation without required coverage does not claim "no
// gaps".
func TestClearDay(t *testing.T) {
	e := open(t, now)
	e.people(t, "Dana", "Kofi", "Mei", "Ravi", "Lee")
	// Weekdays 09:00-17:00 in turns of five: no night hours, nobody on call
	// more than one week in four, so team health has nothing to flag.
	prim := weekly("Primary", "2026-06-01", e.ids("Dana", "Kofi", "Mei", "Ravi", "Lee")...)
	prim.Restriction = &oncall.Restriction{Weekdays: []string{"mon", "tue", "wed", "thu", "fri"}, Start: "09:00", End: "17:00"}
	e.rotation(t, prim)
	e.timeOff(t, "Dana", oncall.KindVacation, "2026-12-21", "2026-12-24")
	// An incident resolved and its review done; it closes.
	e.clk.Set(now.Add(-10 * 24 * time.Hour))
	in, err := e.w.Incidents.Create(incident.Incident{Title: "Queue backlog", Severity: 3}, id.Nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.w.Incidents.Transition(in.ID, incident.TransitionInput{To: incident.StatusResolved}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.w.Incidents.SkipReview(in.ID, "Minor, no lessons.", id.Nil); err != nil {
		t.Fatal(err)
	}
	e.clk.Set(now)
	if _, err := e.w.FollowUps.Create(followup.Item{Title: "Later", OwnerID: e.p["Kofi"].ID, DueDate: "2026-12-02"}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.w.FollowUps.Create(followup.Item{Title: "Someday", OwnerID: e.p["Kofi"].ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.w.OneOnOnes.SaveSeries(oneonone.Series{PersonID: e.p["Dana"].ID, Cadence: oneonone.Weekly, Weekday: 2, StartDate: "2026-12-01"}); err != nil {
		t.Fatal(err)
	}
	d := e.day(t)
	checkSections(t, d, map[string]section{
		"oncall":    {state: today.StateItems, count: 1},
		"gaps":      {state: today.StateNotSetUp, note: "No rotation requires coverage"},
		"timeOff":   {state: today.StateClear, note: "Nobody is away and no public holiday in the next 14 days."},
		"incidents": {state: today.StateClear, note: "No active incidents (1 incident recorded)."},
		"reviews":   {state: today.StateClear, note: "No post-incident review is past its due date."},
		"followUps": {state: today.StateClear, note: "Nothing overdue or due in the next 7 days; 2 open follow-ups are due later or without a date."},
		"oneOnOnes": {state: today.StateClear, note: "No 1:1 due today or overdue; the next is due Tue 1 Dec."},
		"health":    {state: today.StateClear, note: "Nobody flagged"},
	})

	// Required coverage, held: clear.
	rs0, _ := e.w.OnCall.Rotations()
	rs0[0].Restriction = nil
	rs0[0].RequiredCoverage = oncall.Coverage24x7
	if _, err := e.w.OnCall.SaveRotation(rs0[0]); err != nil {
		t.Fatal(err)
	}
	if g := e.day(t).Gaps; g.State != today.StateClear || g.Note != "Required coverage is held for the next 7 days." {
		t.Fatalf("gaps %+v", g)
	}
}

// A busy Tuesday: each section lists what needs attention, linked by id.
func TestBusyDay(t *testing.T) {
	e := open(t, now)
	e.people(t, "Dana", "Kofi", "Mei", "Ravi", "Ana")
	// Payments: a primary weekly rotation of four (Ravi holds 23-30 Nov)
	// and a secondary of two, in one schedule; Support: Mei alone, daily,
	// 24x7, away on 26 Nov (a gap).
	primary := weekly("Payments primary", "2026-11-02", e.ids("Dana", "Kofi", "Mei", "Ravi")...)
	primary.ScheduleName, primary.RequiredCoverage = "Payments", oncall.Coverage24x7
	primary = e.rotation(t, primary)
	secondary := weekly("Payments secondary", "2026-11-02", e.ids("Kofi", "Dana")...)
	secondary.ScheduleName, secondary.Layer = "Payments", 2
	e.rotation(t, secondary)
	e.rotation(t, oncall.Rotation{Name: "Support", Participants: e.ids("Mei"), ShiftLength: oncall.ShiftLength{N: 1, Unit: oncall.Days},
		HandoffTime: "09:00", StartDate: "2026-11-01", RequiredCoverage: oncall.Coverage24x7})
	// Time off: Kofi this week (away now), Mei on 26 Nov, Ravi after the
	// window; Ana (New York) on 25 Nov; a public holiday of the Berlin office.
	e.timeOff(t, "Kofi", oncall.KindVacation, "2026-11-23", "2026-11-27")
	e.timeOff(t, "Mei", oncall.KindSick, "2026-11-26", "2026-11-26")
	e.timeOff(t, "Ravi", oncall.KindVacation, "2026-12-20", "2026-12-31")
	e.timeOff(t, "Ana", oncall.KindOther, "2026-11-25", "2026-11-25")
	if _, err := e.w.OnCall.SaveRegion(oncall.Region{Name: "Berlin office", MemberIDs: e.ids("Dana", "Mei"),
		Holidays: []oncall.Holiday{{Date: "2026-12-03", Name: "Founders' Day"}, {Date: "2026-12-25", Name: "Christmas"}}}); err != nil {
		t.Fatal(err)
	}
	// Incidents: one resolved three weeks ago with its review overdue, two
	// still going on.
	e.clk.Set(now.Add(-21 * 24 * time.Hour))
	old, err := e.w.Incidents.Create(incident.Incident{Title: "Payments DB failover", Severity: 2, Roles: incident.Roles{CommanderID: e.p["Kofi"].ID}}, id.Nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.w.Incidents.Transition(old.ID, incident.TransitionInput{To: incident.StatusResolved}); err != nil {
		t.Fatal(err)
	}
	e.clk.Set(now.Add(-2 * time.Hour))
	slow, _ := e.w.Incidents.Create(incident.Incident{Title: "Slow search", Severity: 3}, id.Nil)
	e.clk.Set(now.Add(-1 * time.Hour))
	down, err := e.w.Incidents.Create(incident.Incident{Title: "Checkout down", Severity: 1, Roles: incident.Roles{CommanderID: e.p["Dana"].ID}}, id.Nil)
	if err != nil {
		t.Fatal(err)
	}
	e.clk.Set(now)
	// Follow-ups: overdue, due today, due on the last day of the week, later,
	// undated, done.
	fu := map[string]followup.Item{}
	for _, c := range []struct{ title, due string }{{"Overdue", "2026-11-20"}, {"Today", "2026-11-24"}, {"Week end", "2026-12-01"},
		{"Later", "2026-12-02"}, {"Undated", ""}, {"Done", "2026-11-01"}} {
		it, err := e.w.FollowUps.Create(followup.Item{Title: c.title, OwnerID: e.p["Kofi"].ID, DueDate: c.due})
		if err != nil {
			t.Fatal(err)
		}
		fu[c.title] = it
	}
	if _, err := e.w.FollowUps.SetStatus(fu["Done"].ID, followup.StatusDone, ""); err != nil {
		t.Fatal(err)
	}
	// 1:1s: Dana overdue (last held 3 Nov, weekly), Kofi's first due today,
	// Mei next week, Ravi paused.
	for _, s := range []oneonone.Series{
		{PersonID: e.p["Dana"].ID, Cadence: oneonone.Weekly, Weekday: 2, StartDate: "2026-09-01"},
		{PersonID: e.p["Kofi"].ID, Cadence: oneonone.Biweekly, Weekday: 2, StartDate: "2026-11-24"},
		{PersonID: e.p["Mei"].ID, Cadence: oneonone.Weekly, Weekday: 2, StartDate: "2026-12-01"},
		{PersonID: e.p["Ravi"].ID, Cadence: oneonone.Weekly, Weekday: 2, StartDate: "2026-09-01", Paused: true},
	} {
		if _, err := e.w.OneOnOnes.SaveSeries(s); err != nil {
			t.Fatal(err)
		}
	}
	m, _ := e.w.OneOnOnes.StartMeeting(e.p["Dana"].ID, "2026-11-03", nil)
	m.Status = oneonone.Held
	if _, err := e.w.OneOnOnes.SaveMeeting(m); err != nil {
		t.Fatal(err)
	}

	d := e.day(t)

	t.Run("on call now and next per schedule", func(t *testing.T) {
		oc := d.OnCall
		if oc.State != today.StateItems || oc.Count != 2 || len(oc.Schedules) != 2 || oc.Uncovered != 0 {
			t.Fatalf("on call %+v", oc)
		}
		pay, sup := oc.Schedules[0], oc.Schedules[1]
		if pay.Name != "Payments" || pay.Requirement != oncall.Coverage24x7 || !pay.Covered || len(pay.Layers) != 2 || sup.Name != "Support" {
			t.Fatalf("schedules %+v", oc.Schedules)
		}
		p := pay.Layers[0]
		if p.RotationID != primary.ID || p.Layer != 1 || p.Now == nil || p.Now.Name != "Ravi" || p.Now.TimeZone != "Europe/Berlin" ||
			!p.Now.End.Equal(time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)) {
			t.Fatalf("primary now %+v", p.Now)
		}
		// Dana's turn comes next, but the Berlin office's holiday on 3 Dec
		// takes her out: Kofi covers it.
		if p.Next == nil || p.Next.Name != "Kofi" || p.Next.Reason != oncall.ReasonReplacement || p.Next.Replaced != "Dana" ||
			!p.Next.Start.Equal(p.Now.End) || !p.Next.End.Equal(time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)) {
			t.Fatalf("primary next %+v", p.Next)
		}
		// Secondary: Dana's turn by order (slot 3), Kofi next; Kofi is away
		// until the 27th, so he is skipped while away.
		s := pay.Layers[1]
		if s.Layer != 2 || s.Now == nil || s.Now.Name != "Dana" || s.Next == nil || s.Next.Name != "Kofi" {
			t.Fatalf("secondary %+v now %+v next %+v", s, s.Now, s.Next)
		}
		l := sup.Layers[0]
		if l.Now == nil || l.Now.Name != "Mei" || l.Next == nil || !l.Next.Gap || l.Next.Name != "" || l.Next.Replaced != "Mei" {
			t.Fatalf("support now %+v next %+v", l.Now, l.Next)
		}
	})

	t.Run("coverage gaps this week", func(t *testing.T) {
		g := d.Gaps
		if g.State != today.StateItems || g.Count != 1 || len(g.Items) != 1 {
			t.Fatalf("gaps %+v", g)
		}
		x := g.Items[0]
		// Mei is away all of 26 Nov (Berlin): her turns of 25 Nov 09:00 to
		// 27 Nov 09:00 have nobody.
		if x.Schedule != "Support" || !x.Unstaffed || !x.Start.Equal(time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC)) ||
			!x.End.Equal(time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)) {
			t.Fatalf("gap %+v", x)
		}
	})

	t.Run("time off in the next 14 days", func(t *testing.T) {
		to := d.TimeOff
		var got []string
		for _, a := range to.Items {
			who := a.Name
			if a.Kind == today.KindPublicHoliday {
				who = a.Holiday + " (" + a.Region + ": " + strings.Join(a.People, ", ") + ")"
			}
			got = append(got, who+" "+a.Kind+" "+a.StartDate+".."+a.EndDate+map[bool]string{true: " now", false: ""}[a.Now])
		}
		want := []string{
			"Kofi vacation 2026-11-23..2026-11-27 now",
			"Ana other 2026-11-25..2026-11-25",
			"Mei sick 2026-11-26..2026-11-26",
			"Founders' Day (Berlin office: Dana, Mei) public_holiday 2026-12-03..2026-12-03",
		}
		if to.State != today.StateItems || to.Count != 4 || strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("time off %s:\n%s", to.State, strings.Join(got, "\n"))
		}
		if to.Items[1].TimeZone != "America/New_York" || to.Items[0].TimeOffID.IsZero() || to.Items[3].RegionID.IsZero() {
			t.Fatalf("time off details %+v", to.Items)
		}
	})

	t.Run("active incidents, most severe first", func(t *testing.T) {
		in := d.Incidents
		if in.State != today.StateItems || in.Count != 2 || in.Items[0].ID != down.ID || in.Items[1].ID != slow.ID {
			t.Fatalf("incidents %+v", in)
		}
		if x := in.Items[0]; x.SeverityLabel != "SEV1" || x.Commander != "Dana" || x.Status != incident.StatusInvestigating {
			t.Fatalf("incident %+v", x)
		}
	})

	t.Run("reviews overdue", func(t *testing.T) {
		r := d.Reviews
		if r.State != today.StateItems || r.Count != 1 || r.Items[0].IncidentID != old.ID || r.Items[0].Commander != "Kofi" ||
			r.Items[0].DaysOverdue <= 0 || r.Items[0].DueDate >= d.Today {
			t.Fatalf("reviews %+v", r)
		}
	})

	t.Run("follow-ups overdue and due this week", func(t *testing.T) {
		f := d.FollowUps
		if f.State != today.StateItems || f.Count != 3 || f.Open != 5 || len(f.Overdue) != 1 || len(f.DueSoon) != 2 {
			t.Fatalf("follow-ups %+v", f)
		}
		if f.Overdue[0].ID != fu["Overdue"].ID || f.Overdue[0].DaysOverdue != 4 || f.Overdue[0].Owner != "Kofi" {
			t.Fatalf("overdue %+v", f.Overdue)
		}
		if f.DueSoon[0].ID != fu["Today"].ID || f.DueSoon[1].ID != fu["Week end"].ID {
			t.Fatalf("due soon %+v", f.DueSoon)
		}
	})

	t.Run("1:1s due today or overdue", func(t *testing.T) {
		o := d.OneOnOnes
		if o.State != today.StateItems || o.Count != 2 || o.Cadences != 4 {
			t.Fatalf("1:1s %+v", o)
		}
		if o.Items[0].PersonID != e.p["Dana"].ID || !o.Items[0].Overdue || o.Items[1].PersonID != e.p["Kofi"].ID || o.Items[1].NextDue != d.Today {
			t.Fatalf("1:1 items %+v", o.Items)
		}
	})

	t.Run("people flagged by team health", func(t *testing.T) {
		h := d.Health
		if h.State != today.StateItems || len(h.Unjudged) != 0 {
			t.Fatalf("health %+v", h)
		}
		var dana *today.Flagged
		for i := range h.Items {
			if h.Items[i].PersonID == e.p["Dana"].ID {
				dana = &h.Items[i]
			}
			if len(h.Items[i].Flags) == 0 {
				t.Errorf("%s listed without a flag", h.Items[i].Name)
			}
		}
		kinds := ""
		if dana != nil {
			for _, f := range dana.Flags {
				kinds += f.Kind + " "
			}
		}
		if !strings.Contains(kinds, "oneonone_overdue") || h.Count != len(h.Items) {
			t.Fatalf("Dana not flagged for the overdue 1:1: %+v", h.Items)
		}
	})
}

// Across the weekend the clocks go back in Berlin (Sunday 25 Oct 2026,
// 03:00 CEST -> 02:00 CET): turns keep their wall-clock handoffs (a 25-hour
// day), "today" is the Berlin date, the week ends at Berlin midnight, and a
// person's day off is their own date.
func TestDSTWeekendInBerlin(t *testing.T) {
	utc := func(mo time.Month, d, h, m int) time.Time { return time.Date(2026, mo, d, h, m, 0, 0, time.UTC) }
	for _, c := range []struct {
		name     string
		at       time.Time
		today    string
		daily    [4]time.Time // now start, now end, next start, next end
		weekly   time.Time    // the next weekly handoff
		lastGap  [2]time.Time // the last gap of the week
		overdue  int          // days the follow-up due on the 24th is overdue
		anaNow   bool         // Ana (New York) off on the 25th, away now
		weekStop string
	}{
		{
			name:  "Saturday noon, before the change",
			at:    utc(10, 24, 10, 0), // 12:00 CEST
			today: "2026-10-24",
			// Sat 09:00 CEST to Sun 09:00 CET is 25 hours; then a 24-hour one.
			daily:    [4]time.Time{utc(10, 24, 7, 0), utc(10, 25, 8, 0), utc(10, 25, 8, 0), utc(10, 26, 8, 0)},
			weekly:   utc(10, 26, 9, 0), // Mon 10:00 CET
			lastGap:  [2]time.Time{utc(10, 31, 16, 0), utc(10, 31, 23, 0)},
			overdue:  0,
			weekStop: "2026-10-31",
		},
		{
			name:     "just after midnight in Berlin, still Saturday in UTC",
			at:       utc(10, 24, 22, 30), // Sun 00:30 CEST
			today:    "2026-10-25",
			daily:    [4]time.Time{utc(10, 24, 7, 0), utc(10, 25, 8, 0), utc(10, 25, 8, 0), utc(10, 26, 8, 0)},
			weekly:   utc(10, 26, 9, 0),
			lastGap:  [2]time.Time{utc(11, 1, 16, 0), utc(11, 1, 23, 0)},
			overdue:  1,
			anaNow:   false, // 18:30 on the 24th in New York
			weekStop: "2026-11-01",
		},
		{
			name:     "Sunday, after the change",
			at:       utc(10, 25, 12, 0), // 13:00 CET
			today:    "2026-10-25",
			daily:    [4]time.Time{utc(10, 25, 8, 0), utc(10, 26, 8, 0), utc(10, 26, 8, 0), utc(10, 27, 8, 0)},
			weekly:   utc(10, 26, 9, 0),
			lastGap:  [2]time.Time{utc(11, 1, 16, 0), utc(11, 1, 23, 0)},
			overdue:  1,
			anaNow:   true, // 08:00 on the 25th in New York
			weekStop: "2026-11-01",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := open(t, time.Date(2026, 10, 1, 12, 0, 0, 0, time.UTC))
			e.people(t, "Dana", "Kofi", "Ana")
			e.rotation(t, oncall.Rotation{Name: "Daily", Participants: e.ids("Dana", "Kofi"), ShiftLength: oncall.ShiftLength{N: 1, Unit: oncall.Days},
				HandoffTime: "09:00", StartDate: "2026-10-01"})
			e.rotation(t, weekly("Weekly", "2026-10-05", e.ids("Dana", "Kofi")...))
			// Day shifts only (09:00-17:00), but 24x7 required: every night is a gap.
			day := oncall.Rotation{Name: "Days", Participants: e.ids("Kofi"), ShiftLength: oncall.ShiftLength{N: 1, Unit: oncall.Weeks},
				HandoffTime: "09:00", StartDate: "2026-10-05", RequiredCoverage: oncall.Coverage24x7,
				Restriction: &oncall.Restriction{Start: "09:00", End: "17:00"}}
			e.rotation(t, day)
			e.timeOff(t, "Ana", oncall.KindVacation, "2026-10-25", "2026-10-25")
			if _, err := e.w.FollowUps.Create(followup.Item{Title: "Due Saturday", OwnerID: e.p["Dana"].ID, DueDate: "2026-10-24"}); err != nil {
				t.Fatal(err)
			}
			e.clk.Set(c.at)
			d := e.day(t)
			if d.Today != c.today || d.WeekEnd != c.weekStop {
				t.Fatalf("today %s week end %s, want %s %s", d.Today, d.WeekEnd, c.today, c.weekStop)
			}
			layers := map[string]today.Layer{}
			for _, s := range d.OnCall.Schedules {
				layers[s.Name] = s.Layers[0]
			}
			dl := layers["Daily"]
			if dl.Now == nil || dl.Next == nil || !dl.Now.Start.Equal(c.daily[0]) || !dl.Now.End.Equal(c.daily[1]) ||
				!dl.Next.Start.Equal(c.daily[2]) || !dl.Next.End.Equal(c.daily[3]) || dl.Now.Name == dl.Next.Name {
				t.Fatalf("daily now %+v next %+v, want %v", dl.Now, dl.Next, c.daily)
			}
			if wl := layers["Weekly"]; wl.Now == nil || wl.Next == nil || !wl.Now.End.Equal(c.weekly) || !wl.Next.Start.Equal(c.weekly) {
				t.Fatalf("weekly now %+v next %+v, want handoff %v", wl.Now, wl.Next, c.weekly)
			}
			// At night (Sunday 00:30) the Days layer covers nothing now: its
			// next turn is Kofi at 09:00.
			if dy := layers["Days"]; c.at.Equal(utc(10, 24, 22, 30)) && (dy.Now != nil || dy.Next == nil || !dy.Next.Start.Equal(utc(10, 25, 8, 0))) {
				t.Fatalf("days layer at night: now %+v next %+v", dy.Now, dy.Next)
			}
			g := d.Gaps.Items
			if d.Gaps.State != today.StateItems || len(g) == 0 {
				t.Fatalf("gaps %+v", d.Gaps)
			}
			// The night of the change lasts 17 hours (17:00 CEST to 09:00
			// CET); later it starts now, clipped to the window.
			night := g[0]
			if c.at.Before(utc(10, 24, 15, 0)) {
				if !night.Start.Equal(utc(10, 24, 15, 0)) || night.End.Sub(night.Start) != 17*time.Hour {
					t.Errorf("the DST night gap %v-%v", night.Start, night.End)
				}
			} else if c.at.Before(utc(10, 25, 8, 0)) && (!night.Start.Equal(c.at) || !night.End.Equal(utc(10, 25, 8, 0))) {
				t.Errorf("the gap going on now %v-%v", night.Start, night.End)
			}
			last := g[len(g)-1]
			if !last.Start.Equal(c.lastGap[0]) || !last.End.Equal(c.lastGap[1]) {
				t.Fatalf("last gap %v-%v, want %v-%v (the week ends at Berlin midnight)", last.Start, last.End, c.lastGap[0], c.lastGap[1])
			}
			f := d.FollowUps
			if c.overdue == 0 && (len(f.DueSoon) != 1 || len(f.Overdue) != 0) || c.overdue > 0 && (len(f.Overdue) != 1 || f.Overdue[0].DaysOverdue != c.overdue) {
				t.Fatalf("follow-ups overdue %+v due soon %+v", f.Overdue, f.DueSoon)
			}
			if len(d.TimeOff.Items) != 1 || d.TimeOff.Items[0].Now != c.anaNow {
				t.Fatalf("Ana's day off %+v, want now=%v", d.TimeOff.Items, c.anaNow)
			}
		})
	}
}

// A manager on Lord Howe Island, where the clocks go forward half an hour
// (Sunday 4 Oct 2026, 02:00 -> 02:30): the week ends at their midnight,
// whatever the rotation's zone.
func TestWeekEndsAtTheManagersMidnight(t *testing.T) {
	e := openIn(t, time.Date(2026, 10, 3, 1, 30, 0, 0, time.UTC), "Australia/Lord_Howe") // Sat 12:00 +10:30
	w, clk := e.w, e.clk
	p, _ := w.Roster.CreatePerson(people.Person{Name: "Kofi", TimeZone: "Europe/Berlin"})
	if _, err := w.OnCall.SaveRotation(oncall.Rotation{Name: "Days", TimeZone: "Europe/Berlin", Participants: []id.ID{p.ID},
		ShiftLength: oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, HandoffTime: "09:00", StartDate: "2026-09-07",
		RequiredCoverage: oncall.Coverage24x7, Restriction: &oncall.Restriction{Start: "09:00", End: "12:00"}}); err != nil {
		t.Fatal(err)
	}
	d, err := today.Of(w, clk.Now())
	if err != nil {
		t.Fatal(err)
	}
	g := d.Gaps.Items
	// 00:00 on Sun 11 Oct at +11:00 is 13:00 UTC on the 10th.
	if d.Zone != "Australia/Lord_Howe" || d.Today != "2026-10-03" || d.WeekEnd != "2026-10-10" || len(g) == 0 ||
		!g[len(g)-1].End.Equal(time.Date(2026, 10, 10, 13, 0, 0, 0, time.UTC)) {
		t.Fatalf("zone %s today %s week end %s, last gap %+v", d.Zone, d.Today, d.WeekEnd, g[len(g)-1])
	}
}

// Build is pure: the same snapshot gives the same day, and a hand-made
// snapshot needs no store.
func TestBuildFromHandMadeSnapshot(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	dana := id.New(now)
	s := &today.Snapshot{
		People:    map[id.ID]today.Person{dana: {Name: "Dana", TimeZone: "Europe/Berlin"}},
		Incidents: 1,
		Active:    []incident.Summary{{ID: id.New(now), Title: "Checkout down", Severity: 1, Status: incident.StatusIdentified, StartedAt: now}},
		FollowUps: []followup.Brief{{ID: id.New(now), Title: "Write it up", OwnerID: dana, DueDate: "2026-11-23", Status: followup.StatusOpen}},
	}
	a, b := today.Build(s, now, berlin), today.Build(s, now, berlin)
	if a.Incidents.Count != 1 || a.Incidents.Items[0].SeverityLabel != "SEV?" || a.FollowUps.Overdue[0].Owner != "Dana" ||
		a.OnCall.State != today.StateNotSetUp || a.TimeOff.State != today.StateNotSetUp {
		t.Fatalf("day %+v", a)
	}
	if a.Incidents.Items[0].Title != b.Incidents.Items[0].Title || a.FollowUps.Count != b.FollowUps.Count {
		t.Fatal("two builds differ")
	}
}
