package workspace_test

import (
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/feedback"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/growth"
	"wheelhouse/backend/id"
	"wheelhouse/backend/incident"
	"wheelhouse/backend/internal/testenv"
	"wheelhouse/backend/people"
	"wheelhouse/backend/workspace"
)

type evidenceEnv struct {
	w          *workspace.Workspace
	clk        *clock.Fake
	dana, kofi people.Person
}

func evidenceSetup(t *testing.T) *evidenceEnv {
	t.Helper()
	clk := clock.NewFake(now)
	w := openWith(t, t.TempDir(), workspace.Options{Clock: clk, NoSync: true})
	e := &evidenceEnv{w: w, clk: clk}
	mk := func(name string) people.Person {
		return testenv.Person(t, w.Roster, people.Person{Name: name, Role: "Engineer"})
	}
	e.dana, e.kofi = mk("Dana Whitfield"), mk("Kofi Mensah")
	return e
}

func (e *evidenceEnv) incident(t *testing.T, title string, sev int, at time.Time, roles incident.Roles, joined ...id.ID) incident.Incident {
	t.Helper()
	in := incident.Incident{Title: title, Severity: sev, StartedAt: at, Roles: roles}
	for _, u := range joined {
		in.Participants = append(in.Participants, incident.Participant{PersonID: u, JoinedAt: at})
	}
	in, err := e.w.Incidents.Create(in, id.Nil)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func (e *evidenceEnv) feedback(t *testing.T, person id.ID, kind feedback.Kind, behaviour, deliveredOn string) feedback.Entry {
	t.Helper()
	f := feedback.Entry{PersonID: person, Kind: kind, Situation: "At the game day", Behaviour: behaviour, Impact: "The team stayed calm"}
	if deliveredOn != "" {
		f.Status, f.DeliveredOn, f.How = feedback.Delivered, deliveredOn, feedback.InOneOnOne
	}
	f, err := e.w.Feedback.Save(f)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// followUp creates a follow-up owned by person and moves it to status at
// the fake clock's time.
func (e *evidenceEnv) followUp(t *testing.T, owner id.ID, title string, st followup.Status, at time.Time) followup.Item {
	t.Helper()
	e.clk.Set(at.Add(-48 * time.Hour))
	it, err := e.w.FollowUps.Create(followup.Item{Title: title, OwnerID: owner})
	if err != nil {
		t.Fatal(err)
	}
	if st != followup.StatusOpen {
		e.clk.Set(at)
		if it, err = e.w.FollowUps.SetStatus(it.ID, st, "Not needed any more"); err != nil {
			t.Fatal(err)
		}
	}
	e.clk.Set(now)
	return it
}

func (e *evidenceEnv) candidates(t *testing.T, person id.ID, limit int) workspace.EvidenceCandidates {
	t.Helper()
	var c workspace.EvidenceCandidates
	err := e.w.Store.View(func(txn *badger.Txn) error {
		var err error
		c, err = workspace.EvidenceCandidatesTx(txn, person, limit)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

type cand struct {
	kind  growth.EvidenceKind
	label string
	date  string
	role  string
}

func checkCandidates(t *testing.T, got []workspace.EvidenceCandidate, want []cand) {
	t.Helper()
	if len(got) != len(want) {
		for _, g := range got {
			t.Logf("  %s %q %s %s", g.Kind, g.Label, g.Date, g.Role)
		}
		t.Fatalf("%d candidates, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Kind != w.kind || g.Label != w.label || g.Date != w.date || g.Role != w.role || g.RefID.IsZero() {
			t.Errorf("candidate %d = %s %q %s %q, want %s %q %s %q", i, g.Kind, g.Label, g.Date, g.Role, w.kind, w.label, w.date, w.role)
		}
	}
}

// The incidents Dana took part in with her role, the feedback delivered to
// her and the follow-ups she closed, newest first per kind; not drafts, not
// open or abandoned follow-ups, not other people's records, and not what
// her plan links already.
func TestEvidenceCandidates(t *testing.T) {
	e := evidenceSetup(t)
	dana, kofi := e.dana.ID, e.kofi.ID

	failover := e.incident(t, "Payments DB failover", 2, time.Date(2026, 11, 12, 1, 30, 0, 0, time.UTC), incident.Roles{CommanderID: dana})
	e.incident(t, "Queue backlog", 3, time.Date(2026, 11, 19, 14, 0, 0, 0, time.UTC), incident.Roles{CommanderID: kofi, ResponderIDs: []id.ID{dana}})
	e.incident(t, "Status page", 4, time.Date(2026, 11, 2, 23, 30, 0, 0, time.UTC), incident.Roles{CommsID: dana, ScribeID: kofi})
	e.incident(t, "DNS flap", 1, time.Date(2026, 10, 20, 8, 0, 0, 0, time.UTC), incident.Roles{CommanderID: kofi}, dana)
	e.incident(t, "Not hers", 2, time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC), incident.Roles{CommanderID: kofi})

	e.feedback(t, dana, feedback.Positive, "Ran the failover calmly and kept everyone informed with short, regular updates in the channel", "2026-11-13")
	e.feedback(t, dana, feedback.Constructive, "Merged without review", "2026-11-18")
	e.feedback(t, dana, feedback.Positive, "A draft, not delivered", "")
	e.feedback(t, kofi, feedback.Positive, "Kofi's, not hers", "2026-11-20")

	e.followUp(t, dana, "Write the failover runbook", followup.StatusDone, time.Date(2026, 11, 16, 10, 0, 0, 0, time.UTC))
	e.followUp(t, dana, "Add the replica alert", followup.StatusDone, time.Date(2026, 11, 20, 23, 30, 0, 0, time.UTC))
	e.followUp(t, dana, "Still open", followup.StatusOpen, now)
	e.followUp(t, dana, "Abandoned", followup.StatusWontDo, time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC))
	e.followUp(t, kofi, "Kofi's, done", followup.StatusDone, time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC))

	all := []cand{
		{growth.EvidenceIncident, "SEV3 Queue backlog — responder", "2026-11-19", "responder"},
		{growth.EvidenceIncident, "SEV2 Payments DB failover — commander", "2026-11-12", "commander"},
		{growth.EvidenceIncident, "SEV4 Status page — communications", "2026-11-02", "communications"},
		{growth.EvidenceIncident, "SEV1 DNS flap — participant", "2026-10-20", "participant"},
		{growth.EvidenceFeedback, "constructive feedback: Merged without review", "2026-11-18", ""},
		{growth.EvidenceFeedback, "positive feedback: Ran the failover calmly and kept everyone informed with short, regular updates…", "2026-11-13", ""},
		{growth.EvidenceFollowUp, "Add the replica alert", "2026-11-20", ""},
		{growth.EvidenceFollowUp, "Write the failover runbook", "2026-11-16", ""},
	}
	c := e.candidates(t, dana, 0)
	checkCandidates(t, c.Items, all)
	if len(c.More) != 0 {
		t.Errorf("nothing was cut, yet More = %v", c.More)
	}

	// Linking a candidate takes it off the list; the registered check
	// accepts every candidate's reference.
	if _, err := e.w.Growth.SavePlan(growth.Plan{PersonID: dana}, "2026-11-23"); err != nil {
		t.Fatal(err)
	}
	p, err := e.w.Growth.AddEvidence(dana, growth.Evidence{Kind: growth.EvidenceIncident, RefID: failover.ID, Note: "Her first as commander"})
	if err != nil {
		t.Fatal(err)
	}
	if ev := p.Evidence[0]; ev.Label != "SEV2 Payments DB failover" || ev.Date != "2026-11-12" || ev.Note != "Her first as commander" {
		t.Fatalf("linked evidence %+v", ev)
	}
	// A note is no record: it hides nothing.
	if _, err := e.w.Growth.AddEvidence(dana, growth.Evidence{Kind: growth.EvidenceNote, Label: "Game day", Date: "2026-11-12"}); err != nil {
		t.Fatal(err)
	}
	c, err = e.w.EvidenceCandidates(dana)
	if err != nil {
		t.Fatal(err)
	}
	checkCandidates(t, c.Items, append(all[:1:1], all[2:]...))
	for _, x := range c.Items {
		if _, err := e.w.Growth.AddEvidence(dana, growth.Evidence{Kind: x.Kind, RefID: x.RefID}); err != nil {
			t.Fatalf("linking candidate %q: %v", x.Label, err)
		}
	}
	if c = e.candidates(t, dana, 0); len(c.Items) != 0 {
		t.Fatalf("everything is linked, yet %d candidates", len(c.Items))
	}
	plan, _, _ := e.w.Growth.GetPlan(dana)
	if len(plan.Evidence) != len(all)+1 {
		t.Fatalf("plan has %d pieces of evidence, want %d", len(plan.Evidence), len(all)+1)
	}

	// Kofi: his own records only (the scribe of the status page, the
	// commander of three).
	checkCandidates(t, e.candidates(t, kofi, 0).Items, []cand{
		{growth.EvidenceIncident, "SEV2 Not hers — commander", "2026-11-21", "commander"},
		{growth.EvidenceIncident, "SEV3 Queue backlog — commander", "2026-11-19", "commander"},
		{growth.EvidenceIncident, "SEV4 Status page — scribe", "2026-11-02", "scribe"},
		{growth.EvidenceIncident, "SEV1 DNS flap — commander", "2026-10-20", "commander"},
		{growth.EvidenceFeedback, "positive feedback: Kofi's, not hers", "2026-11-20", ""},
		{growth.EvidenceFollowUp, "Kofi's, done", "2026-11-21", ""},
	})
}

// Only the newest of each kind, and More says which kinds were cut.
func TestEvidenceCandidatesLimit(t *testing.T) {
	e := evidenceSetup(t)
	dana := e.dana.ID
	// Incidents written down out of order: the newest start wins, not the
	// newest record.
	for i, day := range []int{5, 9, 1, 7} {
		e.clk.Set(now.Add(time.Duration(i) * time.Minute))
		e.incident(t, "Incident "+string(rune('A'+i)), 3, time.Date(2026, 11, day, 12, 0, 0, 0, time.UTC), incident.Roles{CommanderID: dana})
	}
	e.clk.Set(now)
	e.feedback(t, dana, feedback.Positive, "Early", "2026-11-01")
	e.feedback(t, dana, feedback.Positive, "Late", "2026-11-20")
	e.feedback(t, dana, feedback.Positive, "Middle", "2026-11-10")
	e.followUp(t, dana, "Older", followup.StatusDone, time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC))
	// Three closed on one day, in another order than they were made: the
	// closed index is by day, so the newest completion is found by time.
	var made []followup.Item
	for i, title := range []string{"Made first, closed second", "Made second, closed last", "Made last, closed first"} {
		e.clk.Set(time.Date(2026, 11, 2, 8, i, 0, 0, time.UTC))
		it, err := e.w.FollowUps.Create(followup.Item{Title: title, OwnerID: dana})
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, it)
	}
	for i, n := range []int{2, 0, 1} {
		e.clk.Set(time.Date(2026, 11, 3, 15+i, 0, 0, 0, time.UTC))
		if _, err := e.w.FollowUps.SetStatus(made[n].ID, followup.StatusDone, ""); err != nil {
			t.Fatal(err)
		}
	}
	e.clk.Set(now)

	c := e.candidates(t, dana, 2)
	checkCandidates(t, c.Items, []cand{
		{growth.EvidenceIncident, "SEV3 Incident B — commander", "2026-11-09", "commander"},
		{growth.EvidenceIncident, "SEV3 Incident D — commander", "2026-11-07", "commander"},
		{growth.EvidenceFeedback, "positive feedback: Late", "2026-11-20", ""},
		{growth.EvidenceFeedback, "positive feedback: Middle", "2026-11-10", ""},
		{growth.EvidenceFollowUp, "Made second, closed last", "2026-11-03", ""},
		{growth.EvidenceFollowUp, "Made first, closed second", "2026-11-03", ""},
	})
	if len(c.More) != 3 || c.More[0] != growth.EvidenceIncident || c.More[1] != growth.EvidenceFeedback || c.More[2] != growth.EvidenceFollowUp {
		t.Fatalf("More = %v, want incident, feedback and followup", c.More)
	}
	// Exactly the limit is not "more".
	c = e.candidates(t, dana, 4)
	if len(c.More) != 0 || len(c.Items) != 11 {
		t.Fatalf("limit 4: %d items, More %v", len(c.Items), c.More)
	}
	checkCandidates(t, c.Items[7:], []cand{
		{growth.EvidenceFollowUp, "Made second, closed last", "2026-11-03", ""},
		{growth.EvidenceFollowUp, "Made first, closed second", "2026-11-03", ""},
		{growth.EvidenceFollowUp, "Made last, closed first", "2026-11-03", ""},
		{growth.EvidenceFollowUp, "Older", "2026-11-01", ""},
	})
	// A limit of 3 ends on the busy day: the older one is "more" (the
	// three pieces of feedback are not).
	if c = e.candidates(t, dana, 3); len(c.More) != 2 || c.More[1] != growth.EvidenceFollowUp || c.Items[len(c.Items)-1].Label != "Made last, closed first" {
		t.Fatalf("limit 3: More %v, last %q", c.More, c.Items[len(c.Items)-1].Label)
	}
}

func TestEvidenceCandidatesUnknownPerson(t *testing.T) {
	e := evidenceSetup(t)
	c, err := e.w.EvidenceCandidates(id.New(now))
	if !errs.Is(err, errs.NotFound) {
		t.Fatalf("unknown person: %v", err)
	}
	if c.Items == nil || c.More == nil {
		t.Fatal("lists must be empty, not nil")
	}
	// Someone with no records gets empty lists (JSON [] for the UI).
	c, err = e.w.EvidenceCandidates(e.kofi.ID)
	if err != nil || c.Items == nil || len(c.Items) != 0 || c.More == nil {
		t.Fatalf("no records: %+v %v", c, err)
	}
}

// BenchmarkEvidenceCandidates: what the "Link evidence" dialog lists for the
// busiest report of the large demo (five years of incidents, feedback and
// follow-ups).
func BenchmarkEvidenceCandidates(b *testing.B) {
	w, who, _ := busiest(b)
	n := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c, err := w.EvidenceCandidates(who)
		if err != nil {
			b.Fatal(err)
		}
		n = len(c.Items)
	}
	b.ReportMetric(float64(n), "candidates")
}
