package brief_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/brief"
	"wheelhouse/backend/clock"
	"wheelhouse/backend/feedback"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/growth"
	"wheelhouse/backend/id"
	"wheelhouse/backend/incident"
	"wheelhouse/backend/internal/testenv"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/oneonone"
	"wheelhouse/backend/people"
	"wheelhouse/backend/workspace"
)

// Tuesday 24 Nov 2026, 09:00 in Berlin.
var now = time.Date(2026, 11, 24, 8, 0, 0, 0, time.UTC)

const today = "2026-11-24"

type env struct {
	w          *workspace.Workspace
	clk        *clock.Fake
	dana, kofi people.Person
	others     []people.Person
	loc        *time.Location
}

func setup(t *testing.T) *env {
	t.Helper()
	clk := clock.NewFake(now)
	w, err := workspace.Open(t.TempDir(), workspace.Options{Clock: clk, NoSync: true, Zone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	e := &env{w: w, clk: clk}
	e.loc, _ = time.LoadLocation("Europe/Berlin")
	mk := func(name string) people.Person {
		return testenv.Person(t, w.Roster, people.Person{Name: name, Role: "Engineer", Aspiration: people.AspirationIC})
	}
	e.dana, e.kofi = mk("Dana Whitfield"), mk("Kofi Mensah")
	e.others = []people.Person{mk("Mei Tanaka"), mk("Ravi Patel")}
	return e
}

func (e *env) build(t *testing.T, private bool) brief.Brief {
	t.Helper()
	var b brief.Brief
	err := e.w.Store.View(func(txn *badger.Txn) error {
		var err error
		b, err = e.w.Briefs.BuildTx(txn, e.dana.ID, today, e.clk.Now(), brief.Options{IncludePrivate: private, Zone: e.loc})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A person with nothing recorded gets an honest, empty brief.
func TestBriefWithoutData(t *testing.T) {
	e := setup(t)
	b := e.build(t, false)
	if b.DaysSince != -1 || b.Cadence != nil || b.LastMeeting != nil || len(b.Topics) != 0 || b.OnCall.InRotation ||
		len(b.Incidents) != 0 || len(b.Suggestions) != 0 || b.Since != "2026-10-25" {
		t.Fatalf("empty brief %+v", b)
	}
	md := brief.Markdown(&b)
	for _, want := range []string{"# 1:1 prep: Dana Whitfield", "**No 1:1 held yet.**", "None carried over.", "Not in any rotation."} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
}

// Everything since the last 1:1, assembled: carried topics, follow-ups both
// ways, feedback drafts, mood, on-call load with night and holiday hours and
// pages, incidents with roles, and the suggestions they lead to. Private
// notes only when asked.
func TestBriefAssemblesEverything(t *testing.T) {
	e := setup(t)
	w := e.w
	// 1:1s: biweekly, held 10 Nov with a topic left open; mood falling.
	if _, err := w.OneOnOnes.SaveSeries(oneonone.Series{PersonID: e.dana.ID, Cadence: oneonone.Biweekly, Weekday: 2, StartDate: "2026-09-01"}); err != nil {
		t.Fatal(err)
	}
	for i, d := range []string{"2026-10-13", "2026-10-27"} {
		m, _ := w.OneOnOnes.StartMeeting(e.dana.ID, d, nil)
		m.Status, m.Mood = oneonone.Held, 4+i%2
		w.OneOnOnes.SaveMeeting(m)
	}
	m, err := w.OneOnOnes.StartMeeting(e.dana.ID, "2026-11-10", []oneonone.AgendaItem{{Text: "Promo case", By: oneonone.SideThem}, {Text: "Pairing with Mei"}})
	if err != nil {
		t.Fatal(err)
	}
	m.Agenda[1].Done = true
	m.Status, m.Mood, m.Energy = oneonone.Held, 2, 2
	m.SharedNotes, m.PrivateNotes = "Agreed to write the promo doc.", "Mentioned a family illness."
	if m, err = w.OneOnOnes.SaveMeeting(m); err != nil {
		t.Fatal(err)
	}
	mine, err := w.OneOnOnes.AddFollowUp(m.ID, followup.Item{Title: "Send the promo doc template", OwnerID: e.kofi.ID, DueDate: "2026-11-20"})
	if err != nil {
		t.Fatal(err)
	}
	theirs, _ := w.FollowUps.Create(followup.Item{Title: "Draft the promo doc", OwnerID: e.dana.ID, DueDate: "2026-12-01"})
	w.FollowUps.Create(followup.Item{Title: "Someone else's", OwnerID: e.kofi.ID})
	// Feedback: a draft waiting 9 days.
	e.clk.Set(time.Date(2026, 11, 15, 9, 0, 0, 0, time.UTC))
	if _, err := w.Feedback.Save(feedback.Entry{PersonID: e.dana.ID, Kind: feedback.Positive, Behaviour: "Ran the failover calmly"}); err != nil {
		t.Fatal(err)
	}
	e.clk.Set(now)
	// On call: weekly rotation of four starting Mon 9 Nov 10:00 Berlin, Dana
	// first: she holds 9-16 Nov. Dana is in a region with a holiday on 11 Nov.
	r, err := w.OnCall.SaveRotation(oncall.Rotation{Name: "Primary", TimeZone: "Europe/Berlin",
		Participants: []id.ID{e.dana.ID, e.kofi.ID, e.others[0].ID, e.others[1].ID},
		ShiftLength:  oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, HandoffTime: "10:00", StartDate: "2026-11-09", RequiredCoverage: oncall.Coverage24x7})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.OnCall.SaveRegion(oncall.Region{Name: "Berlin office", MemberIDs: []id.ID{e.dana.ID},
		Holidays: []oncall.Holiday{{Date: "2026-11-11", Name: "Founders' Day"}}}); err != nil {
		t.Fatal(err)
	}
	// The holiday takes her out of the rotation; she covers her week anyway
	// by an override (allowed, with a warning).
	if _, err := w.OnCall.SaveOverride(oncall.Override{RotationID: r.ID, PersonID: e.dana.ID,
		Start: time.Date(2026, 11, 9, 9, 0, 0, 0, time.UTC), End: time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	// Incidents: she commanded one at 02:30 Berlin on 12 Nov (a night page),
	// responded to another; one before the last 1:1 does not count.
	mkInc := func(title string, at time.Time, roles incident.Roles) incident.Incident {
		t.Helper()
		in, err := w.Incidents.Create(incident.Incident{Title: title, Severity: 2, StartedAt: at, Roles: roles}, id.Nil)
		if err != nil {
			t.Fatal(err)
		}
		return in
	}
	failover := mkInc("Payments DB failover", time.Date(2026, 11, 12, 1, 30, 0, 0, time.UTC), incident.Roles{CommanderID: e.dana.ID})
	mkInc("Queue backlog", time.Date(2026, 11, 19, 14, 0, 0, 0, time.UTC), incident.Roles{CommanderID: e.kofi.ID, ResponderIDs: []id.ID{e.dana.ID}})
	mkInc("Old one", time.Date(2026, 11, 2, 14, 0, 0, 0, time.UTC), incident.Roles{CommanderID: e.dana.ID})

	b := e.build(t, false)
	if b.DaysSince != 14 || b.Since != "2026-11-10" || b.Cadence == nil || b.Cadence.Overdue || b.LastMeeting.PrivateNotes != "" {
		t.Fatalf("header %+v cadence %+v last %+v", b, b.Cadence, b.LastMeeting)
	}
	if len(b.Topics) != 1 || b.Topics[0].Text != "Promo case" {
		t.Fatalf("topics %+v", b.Topics)
	}
	if len(b.FollowUpsTheirs) != 1 || b.FollowUpsTheirs[0].ID != theirs.ID || len(b.FollowUpsMine) != 1 || b.FollowUpsMine[0].ID != mine.ID {
		t.Fatalf("follow-ups theirs %+v mine %+v", b.FollowUpsTheirs, b.FollowUpsMine)
	}
	if len(b.FeedbackDrafts) != 1 || b.Feedback.Recent.PositiveDrafts != 1 {
		t.Fatalf("feedback %+v", b.Feedback)
	}
	// mood and the drafts' words are private: not in a brief without them
	if b.MoodTrend != "" || len(b.Mood) != 0 || b.LastMeeting.Mood != 0 || b.FeedbackDrafts[0].Behaviour != "" || b.FeedbackDrafts[0].Situation != "" {
		t.Fatalf("private data in a brief without it: mood %v %+v last %+v draft %+v", b.MoodTrend, b.Mood, b.LastMeeting, b.FeedbackDrafts[0])
	}
	if p := e.build(t, true); p.MoodTrend != "falling" || len(p.Mood) != 3 || p.FeedbackDrafts[0].Behaviour == "" || p.LastMeeting.Mood == 0 {
		t.Fatalf("with private data: mood %v %+v draft %+v", p.MoodTrend, p.Mood, p.FeedbackDrafts[0])
	}
	l := b.OnCall
	// 10 Nov 00:00 (since) to 16 Nov 10:00 Berlin: 154 hours on call.
	if !l.InRotation || l.Shifts != 1 || l.Overrides != 1 || l.Hours != 154 || l.NightHours == 0 || l.HolidayHours != 24 ||
		len(l.Holidays) != 1 || l.Holidays[0] != "Founders' Day" || l.Pages != 1 || l.NightPages != 1 {
		t.Fatalf("on-call load %+v", l)
	}
	if l.NextShift == nil || !l.NextShift.Start.Equal(time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)) {
		t.Fatalf("next shift %+v", l.NextShift)
	}
	if len(b.Incidents) != 2 || b.Incidents[0].Role != "responder" || b.Incidents[1].Role != "commander" {
		t.Fatalf("incidents %+v", b.Incidents)
	}
	kinds := map[string]int{}
	var texts []string
	for _, s := range b.Suggestions {
		kinds[s.Kind]++
		texts = append(texts, s.Text)
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{"night hours on call since your last 1:1", "Paged at night 1 time", "On call on Founders' Day",
		"Recognise commanding SEV2 \"Payments DB failover\"", "Your follow-up \"Send the promo doc template\" is overdue",
		"Deliver positive feedback drafted 9 days ago"} {
		if !strings.Contains(all, want) {
			t.Errorf("no suggestion %q in\n%s", want, all)
		}
	}
	recognise := func(b brief.Brief) brief.Suggestion {
		for _, s := range b.Suggestions {
			if strings.HasPrefix(s.Text, "Recognise commanding") {
				return s
			}
		}
		t.Fatal("no suggestion to recognise the incident command")
		return brief.Suggestion{}
	}
	if !strings.Contains(recognise(b).Why, "Worth linking as evidence") {
		t.Errorf("why %q", recognise(b).Why)
	}
	if strings.Contains(all, "mood went from") || !strings.Contains(all, "Deliver positive feedback drafted 9 days ago\n") && !strings.HasSuffix(all, "Deliver positive feedback drafted 9 days ago") {
		t.Errorf("a brief without private data suggests from the mood:\n%s", all)
	}
	md := brief.Markdown(&b)
	for _, want := range []string{"Send the promo doc template", "Payments DB failover", "Agreed to write the promo doc.",
		"_Private notes are not included, nor mood or feedback text._", "**Draft (positive).** Its text is private and not included."} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	if strings.Contains(md, "family illness") || strings.Contains(md, "Ran the failover calmly") || strings.Contains(md, "## Mood") {
		t.Fatalf("private notes leaked into the brief:\n%s", md)
	}
	// once linked in the plan, the brief stops suggesting to link it
	if _, err := w.Growth.SavePlan(growth.Plan{PersonID: e.dana.ID}, today); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Growth.AddEvidence(e.dana.ID, growth.Evidence{Kind: growth.EvidenceIncident, RefID: failover.ID}); err != nil {
		t.Fatal(err)
	}
	if why := recognise(e.build(t, false)).Why; strings.Contains(why, "Worth linking") {
		t.Errorf("still suggests linking a linked incident: %q", why)
	}
	// asked for: included, under a heading that says so
	b = e.build(t, true)
	md = brief.Markdown(&b)
	if !strings.Contains(md, "### Private notes (included on request)\n\nMentioned a family illness.") || strings.Contains(md, "not included") ||
		!strings.Contains(md, "Ran the failover calmly") || !strings.Contains(md, "## Mood") {
		t.Fatalf("private notes on request:\n%s", md)
	}
	_ = r
}

func TestTrend(t *testing.T) {
	pts := func(m ...int) []brief.MoodPoint {
		var out []brief.MoodPoint
		for _, v := range m {
			out = append(out, brief.MoodPoint{Mood: v})
		}
		return out
	}
	for _, c := range []struct {
		in   []brief.MoodPoint
		want string
	}{
		{pts(), ""}, {pts(4), ""}, {pts(4, 4), "steady"}, {pts(5, 4), "steady"}, {pts(4, 2), "falling"},
		{pts(4, 4, 4, 3, 3, 3), "falling"}, {pts(2, 2, 2, 4, 4, 3), "rising"}, {pts(3, 4, 3, 4), "steady"},
	} {
		if got := brief.Trend(c.in); got != c.want {
			t.Errorf("Trend(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Team health flags each person with the reasons.
func TestHealthFlags(t *testing.T) {
	e := setup(t)
	w := e.w
	// Dana: overdue 1:1, falling mood, only constructive feedback.
	w.OneOnOnes.SaveSeries(oneonone.Series{PersonID: e.dana.ID, Cadence: oneonone.Weekly, Weekday: 2, StartDate: "2026-09-01"})
	for i, d := range []string{"2026-10-20", "2026-10-27", "2026-11-03"} {
		m, _ := w.OneOnOnes.StartMeeting(e.dana.ID, d, nil)
		m.Status, m.Mood = oneonone.Held, 5-2*i
		w.OneOnOnes.SaveMeeting(m)
	}
	for _, d := range []string{"2026-11-02", "2026-11-09"} {
		if _, err := w.Feedback.Save(feedback.Entry{PersonID: e.dana.ID, Kind: feedback.Constructive, Situation: "s", Behaviour: "b", Impact: "i",
			Status: feedback.Delivered, DeliveredOn: d, How: feedback.InOneOnOne}); err != nil {
			t.Fatal(err)
		}
	}
	// Kofi: alone in a 24x7 rotation (on call every week), 3 incidents.
	if _, err := w.OnCall.SaveRotation(oncall.Rotation{Name: "Solo", TimeZone: "Europe/Berlin", Participants: []id.ID{e.kofi.ID},
		ShiftLength: oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, HandoffTime: "10:00", StartDate: "2026-08-03"}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if _, err := w.Incidents.Create(incident.Incident{Title: "Incident", Severity: 3, StartedAt: now.Add(-time.Duration(i+1) * 72 * time.Hour),
			Roles: incident.Roles{ResponderIDs: []id.ID{e.kofi.ID}}}, id.Nil); err != nil {
			t.Fatal(err)
		}
	}
	var h brief.Health
	w.Store.View(func(txn *badger.Txn) error {
		var err error
		h, err = w.Briefs.HealthTx(txn, id.Nil, today, now, e.loc)
		return err
	})
	if len(h.Rows) != 4 || h.Flagged != 2 {
		t.Fatalf("health rows %d flagged %d: %+v", len(h.Rows), h.Flagged, h.Rows)
	}
	flags := map[string][]string{}
	for _, r := range h.Rows {
		for _, f := range r.Flags {
			flags[r.Person.Name] = append(flags[r.Person.Name], f.Kind)
		}
	}
	if d := strings.Join(flags["Dana Whitfield"], ","); d != "oneonone_overdue,mood_falling,feedback_one_sided" {
		t.Errorf("Dana's flags %q", d)
	}
	if k := strings.Join(flags["Kofi Mensah"], ","); k != "oncall_frequency,night_hours,incidents" {
		t.Errorf("Kofi's flags %q", k)
	}
	// a team filter
	team, _ := w.Roster.SaveTeam(people.Team{Name: "Core", MemberIDs: []id.ID{e.others[0].ID}})
	w.Store.View(func(txn *badger.Txn) error {
		h, _ = w.Briefs.HealthTx(txn, team.ID, today, now, e.loc)
		return nil
	})
	if len(h.Rows) != 1 || h.Flagged != 0 || h.Rows[0].Person.ID != e.others[0].ID {
		t.Fatalf("team health %+v", h)
	}
}

// Markdown escapes what would become markup, but not an underscore inside a
// word, and ends each sentence with one full stop.
func TestMarkdownEscaping(t *testing.T) {
	b := brief.Brief{Person: brief.PersonInfo{Name: "*Dana* [x]", TimeZone: "America/New_York"}, Today: today, DaysSince: -1, IncludesPrivate: true,
		FeedbackDrafts: []feedback.Entry{{Kind: feedback.Positive, Situation: "In _the_ review", Behaviour: "Shipped it.", Impact: "Saved a week!"}}}
	md := brief.Markdown(&b)
	for _, want := range []string{`# 1:1 prep: \*Dana\* \[x\]`, "America/New_York", `Situation: In \_the\_ review. Behaviour: Shipped it. Impact: Saved a week!`} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
}
