package growth_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/growth"
	"wheelhouse/backend/id"
	"wheelhouse/backend/internal/testenv"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

var now = time.Date(2026, 11, 23, 14, 30, 0, 0, time.UTC)

const today = "2026-11-23"

type fixture struct {
	st     *store.Store
	clk    *clock.Fake
	roster *people.Roster
	svc    *growth.Service
	dana   people.Person
	kofi   people.Person
	mei    people.Person
	inc    id.ID // an incident id the test evidence check knows
}

func setup(t testing.TB) *fixture {
	t.Helper()
	st := testenv.Store(t)
	f := &fixture{st: st, clk: clock.NewFake(now)}
	f.roster = people.NewRoster(st, f.clk)
	f.svc = growth.NewService(st, f.clk)
	mk := func(name string, skills ...people.Skill) people.Person {
		return testenv.Person(t, f.roster, people.Person{Name: name, Skills: skills, Aspiration: people.AspirationArchitecture})
	}
	f.dana = mk("Dana Xu")
	f.kofi = mk("Kofi Mensah", people.Skill{Name: "Go", Level: 4})
	f.mei = mk("Mei Tanaka", people.Skill{Name: "Kubernetes", Level: 3})
	f.inc = id.New(now)
	f.svc.RegisterEvidence(growth.EvidenceIncident, func(txn *badger.Txn, ref id.ID) (string, string, error) {
		if ref != f.inc {
			return "", "", errs.E(errs.NotFound, "no incident")
		}
		return "SEV2 Checkout down", "2026-10-02", nil
	})
	f.roster.AddPersonRefs(growth.PersonRefs{})
	return f
}

// plan is a full plan for Dana: two goals with milestones, a stretch
// assignment and two pieces of evidence.
func (f *fixture) plan() growth.Plan {
	return growth.Plan{
		PersonID:    f.dana.ID,
		TargetRole:  "Staff engineer",
		TargetLevel: "L5",
		GrowthAreas: []string{" Go ", "system  design", "go", "", "Incident command"},
		Summary:     "Towards staff.\n\n",
		Goals: []growth.Goal{
			{Title: "Lead an incident review", TargetDate: "2026-12-15", Status: growth.GoalInProgress, Milestones: []growth.Milestone{
				{Title: "Shadow a review", DueDate: "2026-11-20"},
				{Title: "Write the draft", DueDate: "2026-11-30"},
				{Title: "Present it", DueDate: "2027-01-10"},
			}},
			{Title: "Design the billing split", Milestones: []growth.Milestone{{Title: "RFC out", DueDate: "2026-11-25", Done: true}}},
		},
		Stretch:  []growth.Assignment{{Title: "Run the on-call retro", StartDate: "2026-12-01", EndDate: "2026-12-31"}},
		Evidence: []growth.Evidence{{Kind: growth.EvidenceIncident, RefID: f.inc}, {Kind: growth.EvidenceNote, Label: "Great RFC feedback", Date: "2026-11-02"}},
	}
}

func (f *fixture) save(t *testing.T, p growth.Plan) growth.Plan {
	t.Helper()
	out, err := f.svc.SavePlan(p, today)
	if err != nil {
		t.Fatalf("save plan: %v", err)
	}
	return out
}

// fields returns the field errors of err, failing unless it is Invalid.
func fields(t *testing.T, err error) map[string]string {
	t.Helper()
	if !errs.Is(err, errs.Invalid) {
		t.Fatalf("want an invalid error, got %v", err)
	}
	m := map[string]string{}
	for _, fe := range errs.FieldsOf(err) {
		if _, ok := m[fe.Field]; !ok {
			m[fe.Field] = fe.Message
		}
	}
	return m
}

// dueKeys lists the milestone index as "date title" of every entry due by until.
func (f *fixture) due(t *testing.T, until string) []string {
	t.Helper()
	var out []string
	err := f.st.View(func(txn *badger.Txn) error {
		ms, err := growth.MilestonesDueTx(txn, until)
		for _, m := range ms {
			out = append(out, m.DueDate+" "+m.Title)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSavePlanNormalizesAndIndexes(t *testing.T) {
	f := setup(t)
	if _, ok, err := f.svc.GetPlan(f.dana.ID); err != nil || ok {
		t.Fatalf("no plan yet: ok=%v err=%v", ok, err)
	}
	p := f.save(t, f.plan())
	if want := []string{"Go", "system design", "Incident command"}; !reflect.DeepEqual(p.GrowthAreas, want) {
		t.Fatalf("growth areas %q, want %q", p.GrowthAreas, want)
	}
	if p.Summary != "Towards staff." || !p.CreatedAt.Equal(now) || !p.UpdatedAt.Equal(now) {
		t.Fatalf("summary %q created %v updated %v", p.Summary, p.CreatedAt, p.UpdatedAt)
	}
	g := p.Goals[1]
	if g.ID.IsZero() || g.Status != growth.GoalNotStarted || g.Milestones[0].ID.IsZero() || g.Milestones[0].DoneOn != today {
		t.Fatalf("defaults not filled: %+v", g)
	}
	if p.Stretch[0].Status != growth.StretchPlanned || p.Stretch[0].ID.IsZero() {
		t.Fatalf("stretch %+v", p.Stretch[0])
	}
	if e := p.Evidence[0]; e.Label != "SEV2 Checkout down" || e.Date != "2026-10-02" || e.ID.IsZero() {
		t.Fatalf("linked evidence not filled from its record: %+v", e)
	}
	got, ok, err := f.svc.GetPlan(f.dana.ID)
	if err != nil || !ok || !reflect.DeepEqual(got, p) {
		t.Fatalf("stored plan differs:\n%+v\n%+v (%v)", got, p, err)
	}
	// Open milestones with a due date are indexed; the done one is not.
	want := []string{"2026-11-20 Shadow a review", "2026-11-30 Write the draft", "2027-01-10 Present it"}
	if d := f.due(t, "2027-12-31"); !reflect.DeepEqual(d, want) {
		t.Fatalf("index %q, want %q", d, want)
	}
	if d := f.due(t, "2026-11-30"); len(d) != 2 {
		t.Fatalf("until is inclusive: %q", d)
	}

	// Replacing the plan moves the index: a new date, a dropped goal.
	p.Goals[0].Milestones[1].DueDate = "2026-12-02"
	p.Goals[1].Status = growth.GoalDropped
	p.Goals[1].Milestones[0].Done = false
	f.clk.Advance(time.Hour)
	p2 := f.save(t, p)
	if !p2.CreatedAt.Equal(now) || !p2.UpdatedAt.Equal(now.Add(time.Hour)) {
		t.Fatalf("stamps after replace: %v %v", p2.CreatedAt, p2.UpdatedAt)
	}
	want = []string{"2026-11-20 Shadow a review", "2026-12-02 Write the draft", "2027-01-10 Present it"}
	if d := f.due(t, "2027-12-31"); !reflect.DeepEqual(d, want) {
		t.Fatalf("index after replace %q, want %q", d, want)
	}

	// A copy read before that save is stale: conflict, nothing written.
	if _, err := f.svc.SavePlan(p, today); !errs.Is(err, errs.Conflict) {
		t.Fatalf("stale save: %v", err)
	}

	if err := f.svc.DeletePlan(f.dana.ID); err != nil {
		t.Fatal(err)
	}
	if d := f.due(t, "2027-12-31"); len(d) != 0 {
		t.Fatalf("index left behind after delete: %q", d)
	}
	if err := f.svc.DeletePlan(f.dana.ID); !errs.Is(err, errs.NotFound) {
		t.Fatalf("second delete: %v", err)
	}
}

func TestSavePlanRefusesBadInputAndLeavesDataUntouched(t *testing.T) {
	f := setup(t)
	stored := f.save(t, f.plan())
	long := strings.Repeat("x", growth.MaxTitle+1)
	many := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = "area " + string(rune('a'+i%26)) + string(rune('a'+i/26))
		}
		return out
	}
	cases := []struct {
		name  string
		edit  func(p *growth.Plan)
		field string
		msg   string
	}{
		{"empty goal title", func(p *growth.Plan) { p.Goals[0].Title = "  " }, "goals.0.title", "Give the goal a title."},
		{"too long milestone title", func(p *growth.Plan) { p.Goals[0].Milestones[2].Title = long }, "goals.0.milestones.2.title", "too long (201 characters; at most 200)"},
		{"bad due date", func(p *growth.Plan) { p.Goals[0].Milestones[0].DueDate = "2026-02-30" }, "goals.0.milestones.0.dueDate", "must be a date like"},
		{"bad target date", func(p *growth.Plan) { p.Goals[1].TargetDate = "next week" }, "goals.1.targetDate", "must be a date like"},
		{"unknown goal status", func(p *growth.Plan) { p.Goals[1].Status = "paused" }, "goals.1.status", `Unknown goal status "paused"`},
		{"end before start", func(p *growth.Plan) { p.Stretch[0].EndDate = "2026-11-30" }, "stretch.0.endDate", "The end date 2026-11-30 is before the start date 2026-12-01."},
		{"unknown stretch status", func(p *growth.Plan) { p.Stretch[0].Status = "late" }, "stretch.0.status", "planned, active or done"},
		{"too many growth areas", func(p *growth.Plan) { p.GrowthAreas = many(growth.MaxAreas + 1) }, "growthAreas", "At most 20 growth areas (there are 21)."},
		{"too long growth area", func(p *growth.Plan) { p.GrowthAreas = []string{strings.Repeat("g", 61)} }, "growthAreas.0", "too long"},
		{"target level off the ladder", func(p *growth.Plan) { p.TargetLevel = "Principal" }, "targetLevel", `Level "Principal" is not on the level ladder (L1, L2`},
		{"note without label", func(p *growth.Plan) { p.Evidence[1].Label = "" }, "evidence.1.label", "Say what the note is about."},
		{"note with a link", func(p *growth.Plan) { p.Evidence[1].RefID = f.inc }, "evidence.1.refId", "A note links to nothing"},
		{"link without id", func(p *growth.Plan) { p.Evidence[0].RefID = id.Nil }, "evidence.0.refId", "Choose the incident"},
		{"unknown linked record", func(p *growth.Plan) {
			p.Evidence = append(p.Evidence, growth.Evidence{Kind: growth.EvidenceIncident, RefID: id.New(now.Add(time.Hour))})
		}, "evidence.2.refId", "The incident this evidence links to does not exist (any more)."},
		{"kind nobody vouches for", func(p *growth.Plan) {
			p.Evidence = append(p.Evidence, growth.Evidence{Kind: growth.EvidenceFeedback, RefID: id.New(now)})
		}, "evidence.2.kind", "Evidence from feedback cannot be linked yet."},
		{"same record twice", func(p *growth.Plan) {
			p.Evidence = append(p.Evidence, growth.Evidence{Kind: growth.EvidenceIncident, RefID: f.inc})
		}, "evidence.2.refId", "already linked"},
		{"unknown evidence kind", func(p *growth.Plan) { p.Evidence[1].Kind = "rumour" }, "evidence.1.kind", "Unknown kind of evidence"},
		{"duplicate milestone id", func(p *growth.Plan) { p.Goals[0].Milestones[1].ID = p.Goals[0].Milestones[0].ID }, "goals.0.milestones.1.id", "used twice"},
		{"too long summary", func(p *growth.Plan) { p.Summary = strings.Repeat("s", growth.MaxSummary+1) }, "summary", "too long"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, _, _ := f.svc.GetPlan(f.dana.ID)
			c.edit(&p)
			_, err := f.svc.SavePlan(p, today)
			fs := fields(t, err)
			if !strings.Contains(fs[c.field], c.msg) {
				t.Fatalf("field %s: %q, want it to contain %q (all: %v)", c.field, fs[c.field], c.msg, fs)
			}
			got, _, _ := f.svc.GetPlan(f.dana.ID)
			if !reflect.DeepEqual(got, stored) {
				t.Fatal("a refused save changed the stored plan")
			}
		})
	}
	t.Run("unknown person", func(t *testing.T) {
		p := f.plan()
		p.PersonID = id.New(now)
		if _, err := f.svc.SavePlan(p, today); !errs.Is(err, errs.NotFound) {
			t.Fatalf("plan for nobody: %v", err)
		}
		if _, _, err := f.svc.GetPlan(p.PersonID); !errs.Is(err, errs.NotFound) {
			t.Fatalf("get for nobody: %v", err)
		}
	})
	t.Run("no person", func(t *testing.T) {
		if fs := fields(t, func() error { _, err := f.svc.SavePlan(growth.Plan{}, today); return err }()); fs["personId"] == "" {
			t.Fatalf("fields %v", fs)
		}
	})
	t.Run("too many goals", func(t *testing.T) {
		p := f.plan()
		p.PersonID = f.kofi.ID
		for len(p.Goals) <= growth.MaxGoals {
			p.Goals = append(p.Goals, growth.Goal{Title: "More"})
		}
		if fs := fields(t, func() error { _, err := f.svc.SavePlan(p, today); return err }()); !strings.Contains(fs["goals"], "At most 30 goals") {
			t.Fatalf("fields %v", fs)
		}
		if _, ok, _ := f.svc.GetPlan(f.kofi.ID); ok {
			t.Fatal("a refused plan was stored")
		}
	})
}

func TestEvidenceLinkedBeforeItsRecordWentIsKept(t *testing.T) {
	f := setup(t)
	p := f.save(t, f.plan())
	// The incident is deleted: the check now says not found.
	f.svc.RegisterEvidence(growth.EvidenceIncident, func(*badger.Txn, id.ID) (string, string, error) {
		return "", "", errs.E(errs.NotFound, "gone")
	})
	p.Summary = "Edited later."
	p2, err := f.svc.SavePlan(p, today)
	if err != nil {
		t.Fatalf("editing a plan with a stale link: %v", err)
	}
	if p2.Evidence[0].Label != "SEV2 Checkout down" || p2.Evidence[0].Date != "2026-10-02" {
		t.Fatalf("stale link lost its label: %+v", p2.Evidence[0])
	}
}

func TestFineGrainedEdits(t *testing.T) {
	f := setup(t)
	p := f.save(t, f.plan())
	draft := p.Goals[0].Milestones[1]
	f.clk.Advance(time.Minute)
	p2, err := f.svc.SetMilestoneDone(f.dana.ID, draft.ID, true, "2026-11-24")
	if err != nil {
		t.Fatal(err)
	}
	m := p2.Goals[0].Milestones[1]
	if !m.Done || m.DoneOn != "2026-11-24" || !p2.UpdatedAt.Equal(now.Add(time.Minute)) {
		t.Fatalf("milestone %+v updated %v", m, p2.UpdatedAt)
	}
	if d := f.due(t, "2027-12-31"); !reflect.DeepEqual(d, []string{"2026-11-20 Shadow a review", "2027-01-10 Present it"}) {
		t.Fatalf("done milestone still indexed: %q", d)
	}
	// Ticking it again keeps the first date; unticking clears it and re-indexes.
	if p2, _ = f.svc.SetMilestoneDone(f.dana.ID, draft.ID, true, "2026-11-26"); p2.Goals[0].Milestones[1].DoneOn != "2026-11-24" {
		t.Fatalf("re-tick moved the date: %+v", p2.Goals[0].Milestones[1])
	}
	if p2, _ = f.svc.SetMilestoneDone(f.dana.ID, draft.ID, false, "2026-11-26"); p2.Goals[0].Milestones[1].DoneOn != "" {
		t.Fatalf("untick kept the date: %+v", p2.Goals[0].Milestones[1])
	}
	if d := f.due(t, "2027-12-31"); len(d) != 3 {
		t.Fatalf("reopened milestone not indexed: %q", d)
	}
	if _, err := f.svc.SetMilestoneDone(f.dana.ID, id.New(now), true, today); !errs.Is(err, errs.NotFound) {
		t.Fatalf("unknown milestone: %v", err)
	}
	if _, err := f.svc.SetMilestoneDone(f.kofi.ID, draft.ID, true, today); !errs.Is(err, errs.NotFound) {
		t.Fatalf("person without plan: %v", err)
	}
	if _, err := f.svc.SetMilestoneDone(f.dana.ID, draft.ID, true, "tomorrow"); !errs.Is(err, errs.Invalid) {
		t.Fatalf("bad today: %v", err)
	}

	// A done goal's milestones are not due any more.
	p3, err := f.svc.SetGoalStatus(f.dana.ID, p.Goals[0].ID, growth.GoalDone)
	if err != nil || p3.Goals[0].Status != growth.GoalDone {
		t.Fatalf("goal status: %v", err)
	}
	if d := f.due(t, "2027-12-31"); len(d) != 0 {
		t.Fatalf("done goal's milestones still indexed: %q", d)
	}
	if _, err := f.svc.SetGoalStatus(f.dana.ID, p.Goals[0].ID, "someday"); !errs.Is(err, errs.Invalid) {
		t.Fatalf("bad status: %v", err)
	}

	// Evidence: add (deduplicated), remove.
	n := len(p3.Evidence)
	p4, err := f.svc.AddEvidence(f.dana.ID, growth.Evidence{Kind: growth.EvidenceIncident, RefID: f.inc})
	if err != nil || len(p4.Evidence) != n {
		t.Fatalf("re-linking the same incident: %d pieces, %v", len(p4.Evidence), err)
	}
	p4, err = f.svc.AddEvidence(f.dana.ID, growth.Evidence{Kind: growth.EvidenceNote, Label: "Mentored a new hire", Date: "2026-11-20"})
	if err != nil || len(p4.Evidence) != n+1 {
		t.Fatalf("add note: %v", err)
	}
	if _, err := f.svc.AddEvidence(f.dana.ID, growth.Evidence{Kind: growth.EvidenceNote}); !errs.Is(err, errs.Invalid) {
		t.Fatalf("empty note: %v", err)
	}
	p5, err := f.svc.RemoveEvidence(f.dana.ID, p4.Evidence[0].ID)
	if err != nil || len(p5.Evidence) != n {
		t.Fatalf("remove: %v", err)
	}
	if _, err := f.svc.RemoveEvidence(f.dana.ID, p4.Evidence[0].ID); !errs.Is(err, errs.NotFound) {
		t.Fatalf("remove twice: %v", err)
	}
}

func TestViewCarriesAspirationAndAttention(t *testing.T) {
	f := setup(t)
	v, err := f.svc.View(f.dana.ID, today)
	if err != nil || v.Exists || v.Aspiration != people.AspirationArchitecture || v.PersonName != "Dana Xu" ||
		v.Plan.Goals == nil || len(v.Ladder) == 0 {
		t.Fatalf("view without plan: %+v %v", v, err)
	}
	f.save(t, f.plan())
	v, err = f.svc.View(f.dana.ID, today)
	if err != nil || !v.Exists {
		t.Fatal(err)
	}
	var got []string
	for _, a := range v.Attention {
		got = append(got, a.Title)
	}
	// 14 days from 2026-11-23: the late milestone and the draft (the goal's
	// target date 2026-12-15 is further away; the other goal has no date).
	if want := []string{"Shadow a review", "Write the draft"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("attention %q, want %q", got, want)
	}
	if _, err := f.svc.View(id.New(now), today); !errs.Is(err, errs.NotFound) {
		t.Fatalf("view of nobody: %v", err)
	}
}

func TestGoalsAttention(t *testing.T) {
	gid, m1, m2 := id.New(now), id.New(now), id.New(now)
	p := &growth.Plan{Goals: []growth.Goal{
		{ID: gid, Title: "Speak at a conference", TargetDate: "2026-03-02", Status: growth.GoalInProgress, Milestones: []growth.Milestone{
			{ID: m1, Title: "Submit a talk", DueDate: "2026-02-27"},
			{ID: m2, Title: "Rehearse", DueDate: "2026-03-01"},
			{Title: "Done already", DueDate: "2026-02-20", Done: true, DoneOn: "2026-02-19"},
			{Title: "No date"},
		}},
		{Title: "Dropped", TargetDate: "2026-02-01", Status: growth.GoalDropped, Milestones: []growth.Milestone{{Title: "Ignored", DueDate: "2026-02-01"}}},
		{Title: "Done", TargetDate: "2026-02-01", Status: growth.GoalDone},
		{Title: "Far", TargetDate: "2026-06-01", Status: growth.GoalNotStarted},
	}}
	// Across the end of February (2026 is not a leap year).
	got := growth.GoalsAttention(p, "2026-02-28", 2)
	want := []growth.GoalDue{
		{GoalID: gid, GoalTitle: "Speak at a conference", MilestoneID: m1, Title: "Submit a talk", DueDate: "2026-02-27", Late: true, Days: -1},
		{GoalID: gid, GoalTitle: "Speak at a conference", MilestoneID: m2, Title: "Rehearse", DueDate: "2026-03-01", Days: 1},
		{GoalID: gid, GoalTitle: "Speak at a conference", Title: "Speak at a conference", DueDate: "2026-03-02", Days: 2},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("attention\n got %+v\nwant %+v", got, want)
	}
	if got := growth.GoalsAttention(p, "2026-02-28", 0); len(got) != 1 || !got[0].Late {
		t.Fatalf("within 0: %+v", got)
	}
	if got := growth.GoalsAttention(p, "not a date", 7); got != nil {
		t.Fatalf("bad today: %+v", got)
	}
}

func TestDeletingAPersonTakesTheirPlanAndPairs(t *testing.T) {
	f := setup(t)
	f.save(t, f.plan())
	pair, err := f.svc.SaveMentorship(growth.Mentorship{MentorID: f.kofi.ID, MenteeID: f.dana.ID, StartDate: "2026-11-01"})
	if err != nil {
		t.Fatal(err)
	}
	other, err := f.svc.SaveMentorship(growth.Mentorship{MentorID: f.kofi.ID, MenteeID: f.mei.ID, StartDate: "2026-11-01"})
	if err != nil {
		t.Fatal(err)
	}
	im, err := f.roster.DeleteImpact(f.dana.ID)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(im.Items, "\n")
	if !strings.Contains(text, "Their development plan (2 goals, 4 milestones, 2 pieces of evidence): deleted.") ||
		!strings.Contains(text, "Mentoring pair as mentee of Kofi Mensah (active): deleted.") {
		t.Fatalf("impact:\n%s", text)
	}
	if _, err := f.roster.DeletePerson(f.dana.ID, "Dana Xu"); err != nil {
		t.Fatal(err)
	}
	err = f.st.View(func(txn *badger.Txn) error {
		if _, ok, _ := growth.PlanTx(txn, f.dana.ID); ok {
			t.Error("plan left behind")
		}
		if ok, _ := growth.Mentorships.Exists(txn, pair.ID); ok {
			t.Error("pair left behind")
		}
		if ok, _ := growth.Mentorships.Exists(txn, other.ID); !ok {
			t.Error("someone else's pair deleted")
		}
		if n := store.CountPrefix(txn, []byte{store.IdxMilestoneDue}); n != 0 {
			t.Errorf("%d milestone index entries left", n)
		}
		if n := store.CountPrefix(txn, []byte{store.IdxMentorshipPerson}); n != 2 {
			t.Errorf("%d pair index entries, want 2", n)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if im, _ := f.roster.DeleteImpact(f.mei.ID); !strings.Contains(strings.Join(im.Items, "\n"), "Mentoring pair as mentee of Kofi Mensah (active)") {
		t.Fatalf("mei impact %q", im.Items)
	}
}

func TestMilestonesDueTxRejectsBadDate(t *testing.T) {
	f := setup(t)
	err := f.st.View(func(txn *badger.Txn) error {
		_, err := growth.MilestonesDueTx(txn, "2026-13-01")
		return err
	})
	if !errs.Is(err, errs.Invalid) {
		t.Fatalf("bad until: %v", err)
	}
	f.save(t, f.plan())
	err = f.st.View(func(txn *badger.Txn) error {
		n, err := growth.CountMilestonesDueTx(txn, "2026-11-30")
		if n != 2 {
			t.Errorf("count %d, want 2", n)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
