package search_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/feedback"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/growth"
	"wheelhouse/backend/id"
	"wheelhouse/backend/incident"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/oneonone"
	"wheelhouse/backend/people"
	"wheelhouse/backend/search"
	"wheelhouse/backend/workspace"
)

type env struct {
	w     *workspace.Workspace
	x     *search.Index
	tomas people.Person
	dana  people.Person
	team  people.Team
	inc   incident.Incident
	fu    followup.Item
	meet  oneonone.Meeting
	fb    feedback.Entry
	rot   oncall.Rotation
	t     *testing.T
}

func open(t *testing.T) *env {
	t.Helper()
	clk := clock.NewFake(time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC))
	w, err := workspace.Open(t.TempDir(), workspace.Options{Clock: clk, NoSync: true, Zone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	e := &env{w: w, x: &search.Index{}, t: t}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	e.tomas, err = w.Roster.CreatePerson(people.Person{Name: "Tomás Ortega", TimeZone: "Europe/Madrid", Role: "Staff engineer",
		Skills: []people.Skill{{Name: "Kubernetes", Level: 3}}})
	must(err)
	e.dana, err = w.Roster.CreatePerson(people.Person{Name: "Dana Xu", TimeZone: "America/Los_Angeles", Role: "Engineer",
		Notes: "Wants to lead the billing migration next quarter."})
	must(err)
	e.team, err = w.Roster.SaveTeam(people.Team{Name: "Payments", Description: "Card processing and payouts", MemberIDs: []id.ID{e.tomas.ID}})
	must(err)
	e.inc, err = w.Incidents.Create(incident.Incident{Title: "Elevated 5xx on checkout", Severity: 2,
		Summary: "A bad deploy of the payments gateway returned errors for 20 minutes."}, id.Nil)
	must(err)
	_, err = w.Incidents.AddTimeline(e.inc.ID, incident.Entry{Text: "Rolled back to build 4412"})
	must(err)
	e.inc, err = w.Incidents.Transition(e.inc.ID, incident.TransitionInput{To: incident.StatusResolved})
	must(err)
	e.inc, err = w.Incidents.SaveReview(e.inc.ID, incident.Review{RootCause: "An unpinned dependency in the gateway image",
		ContributingFactors: []string{"No staged rollout"}}, id.Nil)
	must(err)
	e.fu, err = w.FollowUps.Create(followup.Item{Title: "Add a canary stage to the gateway deploy", OwnerID: e.dana.ID, DueDate: "2026-12-20",
		Notes: "Roll out to one pod first; watch the error budget."})
	must(err)
	_, err = w.OneOnOnes.SaveSeries(oneonone.Series{PersonID: e.dana.ID, Cadence: oneonone.Weekly, Weekday: 3, StartDate: "2026-11-04"})
	must(err)
	m, err := w.OneOnOnes.StartMeeting(e.dana.ID, "2026-12-02", []oneonone.AgendaItem{{Text: "Promotion case", By: oneonone.SideThem}})
	must(err)
	m.PrivateNotes = "She seemed tired after the week of pages; ask about the sabbatical idea."
	e.meet, err = w.OneOnOnes.SaveMeeting(m)
	must(err)
	e.fb, err = w.Feedback.Save(feedback.Entry{PersonID: e.tomas.ID, Kind: feedback.Positive,
		Situation: "During the checkout incident", Behaviour: "Tomás wrote the status updates every fifteen minutes", Impact: "Support knew what to tell customers"})
	must(err)
	_, err = w.Growth.SavePlan(growth.Plan{PersonID: e.dana.ID, TargetRole: "Tech lead", GrowthAreas: []string{"Public speaking"},
		Goals: []growth.Goal{{Title: "Lead the billing migration", Milestones: []growth.Milestone{{Title: "Write the design doc"}}}}}, "2026-12-04")
	must(err)
	e.rot, err = w.OnCall.SaveRotation(oncall.Rotation{Name: "Payments primary", TimeZone: "Europe/Berlin", TeamID: e.team.ID,
		Participants: []id.ID{e.tomas.ID, e.dana.ID}, ShiftLength: oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, HandoffTime: "09:00",
		StartDate: "2026-11-02", RequiredCoverage: oncall.Coverage24x7})
	must(err)
	return e
}

func (e *env) find(q string) []search.Hit {
	e.t.Helper()
	hits, err := e.x.Search(e.w, q, 0)
	if err != nil {
		e.t.Fatalf("Search(%q): %v", q, err)
	}
	return hits
}

func titles(hs []search.Hit) string {
	var out []string
	for _, h := range hs {
		out = append(out, fmt.Sprintf("%s:%s", h.Kind, h.Title))
	}
	return strings.Join(out, " | ")
}

func TestFindsEveryKindByItsWords(t *testing.T) {
	e := open(t)
	cases := []struct {
		q      string
		kind   search.Kind
		id     string
		person string
		title  string
		// snippet must contain this ("" : the words are all in the title, no snippet)
		snippet string
	}{
		{"tomas", search.KindPerson, e.tomas.ID.String(), "", "Tomás Ortega", ""},                // accents folded
		{"ORTEGA tom", search.KindPerson, e.tomas.ID.String(), "", "Tomás Ortega", ""},           // any order, any case
		{"kubernetes", search.KindPerson, e.tomas.ID.String(), "", "Tomás Ortega", "Kubernetes"}, // a skill
		{"billing migration", search.KindPerson, e.dana.ID.String(), "", "Dana Xu", "billing migration"},
		{"payouts", search.KindTeam, e.team.ID.String(), "", "Payments", "payouts"},
		{"5xx", search.KindIncident, e.inc.ID.String(), "", "Elevated 5xx on checkout", ""},
		{"gateway returned", search.KindIncident, e.inc.ID.String(), "", "Elevated 5xx on checkout", "gateway returned errors"},
		{"build 4412", search.KindIncident, e.inc.ID.String(), "", "Elevated 5xx on checkout", "Rolled back to build 4412"},       // its timeline
		{"unpinned dependency", search.KindIncident, e.inc.ID.String(), "", "Elevated 5xx on checkout", "An unpinned dependency"}, // its review
		{"canary", search.KindFollowUp, e.fu.ID.String(), "", "Add a canary stage to the gateway deploy", ""},
		{"error budget", search.KindFollowUp, e.fu.ID.String(), "", "Add a canary stage to the gateway deploy", "error budget"},
		{"sabbatical", search.KindOneOnOne, e.meet.ID.String(), e.dana.ID.String(), "1:1 with Dana Xu", "sabbatical"}, // private notes
		{"promotion case", search.KindOneOnOne, e.meet.ID.String(), e.dana.ID.String(), "1:1 with Dana Xu", "Promotion case"},
		{"fifteen minutes", search.KindFeedback, e.fb.ID.String(), e.tomas.ID.String(), "Positive feedback for Tomás Ortega", "fifteen minutes"},
		{"public speaking", search.KindPlan, e.dana.ID.String(), e.dana.ID.String(), "Development plan of Dana Xu", "Public speaking"},
		{"design doc", search.KindPlan, e.dana.ID.String(), e.dana.ID.String(), "Development plan of Dana Xu", "Write the design doc"},
		{"payments primary", search.KindRotation, e.rot.ID.String(), "", "Payments primary", ""},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			hs := e.find(c.q)
			if len(hs) == 0 {
				t.Fatalf("nothing found")
			}
			h := hs[0]
			if h.Kind != c.kind || h.ID != c.id || h.Title != c.title || h.Person != c.person {
				t.Fatalf("first hit %+v; all: %s", h, titles(hs))
			}
			if c.snippet == "" && h.Snippet != "" || c.snippet != "" && !strings.Contains(h.Snippet, c.snippet) {
				t.Fatalf("snippet %q, want it to hold %q", h.Snippet, c.snippet)
			}
		})
	}
	if r := e.find("payments primary")[0]; r.Team != e.team.ID.String() {
		t.Fatalf("the rotation's team: %q", r.Team)
	}
}

func TestEveryWordMustMatch(t *testing.T) {
	e := open(t)
	if hs := e.find("tomas kubernetes"); len(hs) != 1 || hs[0].ID != e.tomas.ID.String() {
		t.Fatalf("tomas kubernetes: %s", titles(hs))
	}
	if hs := e.find("tomas billing"); len(hs) != 0 {
		t.Fatalf("words from two records matched one: %s", titles(hs))
	}
	for _, q := range []string{"", "   ", "\t\n"} {
		if hs := e.find(q); len(hs) != 0 {
			t.Fatalf("blank %q found %s", q, titles(hs))
		}
	}
}

// The title before the body, a title that starts with the query before one
// that has it inside, and the roster before notes.
func TestRanking(t *testing.T) {
	e := open(t)
	hs := e.find("payments")
	want := []string{"team:Payments", "rotation:Payments primary", "incident:Elevated 5xx on checkout"}
	got := strings.Split(titles(hs), " | ")
	if len(got) < len(want) {
		t.Fatalf("payments: %s", titles(hs))
	}
	for i, w := range want {
		if got[i] != w {
			t.Fatalf("payments: %s; want %v first", titles(hs), want)
		}
	}
	// "checkout": the incident's title would beat the feedback that
	// mentions it, but the incident is resolved: the active record first.
	hs = e.find("checkout")
	if len(hs) != 2 || hs[0].Kind != search.KindFeedback || hs[1].Kind != search.KindIncident || !hs[1].Inactive || hs[0].Inactive {
		t.Fatalf("checkout: %+v", hs)
	}
}

// Archived people, resolved incidents and finished follow-ups are still
// found, after the active ones, and say so.
func TestInactiveLast(t *testing.T) {
	e := open(t)
	other, err := e.w.Roster.CreatePerson(people.Person{Name: "Dana Old", TimeZone: "UTC"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.w.Roster.SetArchived(other.ID, true); err != nil {
		t.Fatal(err)
	}
	hs := e.find("dana")
	if len(hs) < 2 || hs[0].Title != "Dana Xu" || hs[0].Inactive {
		t.Fatalf("dana: %s", titles(hs))
	}
	var old *search.Hit
	for i := range hs {
		if hs[i].ID == other.ID.String() {
			old = &hs[i]
		}
	}
	if old == nil || !old.Inactive || !strings.Contains(old.Detail, "Archived") || hs[len(hs)-1].ID != other.ID.String() {
		t.Fatalf("the archived Dana: %+v in %s", old, titles(hs))
	}
	if _, err := e.w.FollowUps.SetStatus(e.fu.ID, followup.StatusDone, ""); err != nil {
		t.Fatal(err)
	}
	if h := e.find("canary")[0]; !h.Inactive || !strings.Contains(h.Detail, "Done") {
		t.Fatalf("a done follow-up: %+v", h)
	}
}

// The kept index follows every edit: a renamed person is found by the new
// name only, a deleted follow-up is gone, a new 1:1 note is found at once.
func TestFollowsEdits(t *testing.T) {
	e := open(t)
	if len(e.find("ortega")) == 0 {
		t.Fatal("ortega not found")
	}
	p := e.tomas
	p.Name = "Tomás Ibarra"
	if _, err := e.w.Roster.UpdatePerson(p); err != nil {
		t.Fatal(err)
	}
	if hs := e.find("ortega"); len(hs) != 0 {
		t.Fatalf("the old name is still found: %s", titles(hs))
	}
	if hs := e.find("ibarra"); len(hs) == 0 || hs[0].Title != "Tomás Ibarra" {
		t.Fatalf("the new name: %s", titles(hs))
	}
	// Other records name the person: the feedback's title follows.
	if hs := e.find("fifteen"); len(hs) != 1 || hs[0].Title != "Positive feedback for Tomás Ibarra" {
		t.Fatalf("feedback after the rename: %s", titles(hs))
	}
	if err := e.w.FollowUps.Delete(e.fu.ID); err != nil {
		t.Fatal(err)
	}
	if hs := e.find("canary"); len(hs) != 0 {
		t.Fatalf("a deleted follow-up is found: %s", titles(hs))
	}
	m := e.meet
	m.SharedNotes = "Agreed on a quarterly offsite"
	if _, err := e.w.OneOnOnes.SaveMeeting(m); err != nil {
		t.Fatal(err)
	}
	if hs := e.find("offsite"); len(hs) != 1 || hs[0].Kind != search.KindOneOnOne {
		t.Fatalf("a new note: %s", titles(hs))
	}
	// An incident renamed: its segment is read again, the others kept.
	in := e.inc
	in.Title = "Gateway returned 502s"
	if _, err := e.w.Incidents.Update(in); err != nil {
		t.Fatal(err)
	}
	if hs := e.find("502s"); len(hs) != 1 || hs[0].ID != e.inc.ID.String() {
		t.Fatalf("the renamed incident: %s", titles(hs))
	}
	if hs := e.find("elevated 5xx"); len(hs) != 0 {
		t.Fatalf("the old incident title is still found: %s", titles(hs))
	}
	if hs := e.find("offsite"); len(hs) != 1 {
		t.Fatalf("the kept 1:1s after an incident edit: %s", titles(hs))
	}
	// Reset drops the kept text; the next search builds again.
	e.x.Reset()
	if hs := e.find("offsite"); len(hs) != 1 {
		t.Fatalf("after Reset: %s", titles(hs))
	}
}

func TestLimitsAndBadInput(t *testing.T) {
	e := open(t)
	for i := range 40 {
		if _, err := e.w.FollowUps.Create(followup.Item{Title: fmt.Sprintf("Rotate credentials %02d", i), OwnerID: e.dana.ID}); err != nil {
			t.Fatal(err)
		}
	}
	if hs := e.find("rotate"); len(hs) != search.DefaultLimit {
		t.Fatalf("default limit: %d hits", len(hs))
	}
	hs, err := e.x.Search(e.w, "rotate", 500)
	if err != nil || len(hs) != 40 {
		t.Fatalf("limit 500: %d hits, %v", len(hs), err)
	}
	_, err = e.x.Search(e.w, strings.Repeat("é", search.MaxQuery+1), 0)
	if errs.CodeOf(err) != errs.Invalid || !strings.Contains(err.Error(), "at most 200 characters") {
		t.Fatalf("a long query: %v", err)
	}
	if hs, err := e.x.Search(e.w, strings.Repeat("é", search.MaxQuery), 0); err != nil || len(hs) != 0 {
		t.Fatalf("200 characters: %v %v", hs, err)
	}
}

// Snippets cut the original text (accents and case kept) at word
// boundaries, with an ellipsis where text was left out.
func TestSnippetKeepsTheOriginalText(t *testing.T) {
	e := open(t)
	long := strings.Repeat("Lorem ipsum dolor sit amet. ", 10) + "Señora Müller approved the ÉTÉ budget. " + strings.Repeat("Tail words here. ", 10)
	if _, err := e.w.FollowUps.Create(followup.Item{Title: "Budget", OwnerID: e.dana.ID, Notes: long}); err != nil {
		t.Fatal(err)
	}
	hs := e.find("mul ete")
	if len(hs) != 1 {
		t.Fatalf("mul ete: %s", titles(hs))
	}
	s := hs[0].Snippet
	if !strings.Contains(s, "Señora Müller approved the ÉTÉ budget.") || !strings.HasPrefix(s, "…") || !strings.HasSuffix(s, "…") {
		t.Fatalf("snippet %q", s)
	}
	if n := len([]rune(s)); n > 110 {
		t.Fatalf("snippet of %d characters: %q", n, s)
	}
	for _, w := range strings.Fields(strings.Trim(s, "…")) {
		if !strings.Contains(long, w) {
			t.Fatalf("snippet word %q is cut: %q", w, s)
		}
	}
}
