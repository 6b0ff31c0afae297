package incident_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/id"
	"wheelhouse/backend/incident"
	"wheelhouse/backend/internal/testenv"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

type fixture struct {
	st               *store.Store
	clk              *clock.Fake
	roster           *people.Roster
	book             *followup.Book
	desk             *incident.Desk
	dana, kofi, mei  people.Person
	payments, ledger people.Service
}

var berlin, _ = time.LoadLocation("Europe/Berlin")

func setup(t *testing.T) *fixture {
	t.Helper()
	st := testenv.Store(t)
	f := &fixture{st: st, clk: clock.NewFake(now)}
	f.roster = people.NewRoster(st, f.clk)
	f.book = followup.NewBook(st, f.clk)
	f.desk = incident.NewDesk(st, f.clk, f.book)
	f.desk.Zone = func(*badger.Txn) *time.Location { return berlin }
	f.roster.AddPersonRefs(incident.PersonRefs{Clock: f.clk})
	f.roster.AddPersonRefs(followup.PersonRefs{Clock: f.clk})
	mk := func(name string) people.Person { return testenv.Person(t, f.roster, people.Person{Name: name}) }
	f.dana, f.kofi, f.mei = mk("Dana Xu"), mk("Kofi Mensah"), mk("Mei Tanaka")
	team, err := f.roster.SaveTeam(people.Team{Name: "Payments", MemberIDs: []id.ID{f.dana.ID, f.kofi.ID, f.mei.ID}})
	if err != nil {
		t.Fatal(err)
	}
	svc := func(name string) people.Service {
		s, err := f.roster.SaveService(people.Service{Name: name, Criticality: people.CriticalityCustomer24x7, TeamID: team.ID})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	f.payments, f.ledger = svc("payments-api"), svc("ledger")
	return f
}

func (f *fixture) open(t *testing.T, in incident.Incident) incident.Incident {
	t.Helper()
	if in.Title == "" {
		in.Title = "Checkout errors for EU customers"
	}
	if in.Severity == 0 {
		in.Severity = 3
	}
	out, err := f.desk.Create(in, f.dana.ID)
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	return out
}

func (f *fixture) move(t *testing.T, u id.ID, to incident.Status, when time.Time, note string) incident.Incident {
	t.Helper()
	in, err := f.desk.Transition(u, incident.TransitionInput{To: to, At: when, By: f.kofi.ID, Note: note})
	if err != nil {
		t.Fatalf("-> %s: %v", to, err)
	}
	return in
}

func kinds(in incident.Incident) string {
	var l []string
	for _, e := range in.Timeline {
		s := string(e.Kind)
		switch e.Kind {
		case incident.KindStatus, incident.KindSeverity:
			s += ":" + e.From + ">" + e.To
		case incident.KindRole:
			s += ":" + string(e.Role)
			if e.To != "" {
				s += "-" + e.To
			}
		case incident.KindReview:
			s += ":" + e.To
		}
		l = append(l, s)
	}
	return strings.Join(l, " ")
}

func TestCreateChecksReferences(t *testing.T) {
	f := setup(t)
	ghost := id.New(now)
	_, err := f.desk.Create(incident.Incident{Title: "x", Severity: 2, StartedAt: at(-1, 0),
		Roles: incident.Roles{CommanderID: ghost}, AffectedServiceIDs: []id.ID{f.payments.ID, ghost}}, id.Nil)
	testenv.FieldErr(t, err, "commanderId", "person does not exist")
	testenv.FieldErr(t, err, "affectedServiceIds.1", "service does not exist")
	_, err = f.desk.Create(incident.Incident{Title: "x", Severity: 2, Status: incident.StatusClosed}, id.Nil)
	testenv.FieldErr(t, err, "status", "review and close it afterwards")
	_, err = f.desk.Create(incident.Incident{Title: "x", Severity: 2, StartedAt: at(-1, 0), DetectedAt: at(-2, 0)}, id.Nil)
	testenv.FieldErr(t, err, "detectedAt", "before the incident started")
	if n, _ := f.desk.List(incident.Filter{}); len(n) != 0 {
		t.Fatal("a refused incident was stored")
	}
}

func TestWorkflowRecordsTimeline(t *testing.T) {
	f := setup(t)
	in := f.open(t, incident.Incident{StartedAt: at(-3, 0), DetectedAt: at(-3, 5), Severity: 3,
		Roles: incident.Roles{CommanderID: f.dana.ID, ResponderIDs: []id.ID{f.kofi.ID}}, AffectedServiceIDs: []id.ID{f.payments.ID},
		Tags: []string{"Database"}})
	if kinds(in) != "status:>investigating role:commander role:responder-added" || len(in.Participants) != 2 || !in.Participants[0].JoinedAt.Equal(at(-3, 0)) {
		t.Fatalf("opened: %s, participants %+v", kinds(in), in.Participants)
	}
	u := in.ID
	// Severity raised: recorded, and the incident counts as escalated.
	in, err := f.desk.SetSeverity(u, incident.SeverityInput{Severity: 2, At: at(-2, -10), By: f.dana.ID, Note: "EU checkout down"})
	if err != nil || !in.Raised() || !in.IsEscalated() {
		t.Fatalf("raise: %v raised=%v", err, in.Raised())
	}
	if _, err := f.desk.SetSeverity(u, incident.SeverityInput{Severity: 2}); !errs.Is(err, errs.Invalid) {
		t.Fatalf("same severity: %v", err)
	}
	in = f.move(t, u, incident.StatusIdentified, at(-2, 0), "bad config push")
	// Not before the last status change, not in the future, not backwards.
	_, err = f.desk.Transition(u, incident.TransitionInput{To: incident.StatusMonitoring, At: at(-2, -5)})
	testenv.FieldErr(t, err, "at", "before the last status change")
	_, err = f.desk.Transition(u, incident.TransitionInput{To: incident.StatusMonitoring, At: at(1, 0)})
	testenv.FieldErr(t, err, "at", "in the future")
	_, err = f.desk.Transition(u, incident.TransitionInput{To: incident.StatusInvestigating})
	testenv.FieldErr(t, err, "status", "only moves forward")
	in = f.move(t, u, incident.StatusMonitoring, at(-1, 0), "")
	if !in.MitigatedAt.Equal(at(-1, 0)) {
		t.Fatalf("monitoring sets mitigation: %v", in.MitigatedAt)
	}
	in, err = f.desk.SetRoles(u, incident.RolesInput{Roles: incident.Roles{CommanderID: f.kofi.ID, ScribeID: f.mei.ID}, By: f.dana.ID})
	if err != nil {
		t.Fatal(err)
	}
	// Resolved Monday 12:00 UTC: the review is due 5 business days later.
	in = f.move(t, u, incident.StatusResolved, time.Time{}, "rolled back")
	if !in.ResolvedAt.Equal(now) || in.Review.DueDate != "2026-11-30" {
		t.Fatalf("resolve: at %v, review due %q", in.ResolvedAt, in.Review.DueDate)
	}
	want := "status:>investigating role:commander role:responder-added severity:3>2 status:investigating>identified " +
		"status:identified>monitoring role:commander role:scribe role:responder-removed status:monitoring>resolved"
	if kinds(in) != want {
		t.Fatalf("timeline\n got %s\nwant %s", kinds(in), want)
	}
	tr := in.Transitions()
	if len(tr) != 4 || tr[1].From != incident.StatusInvestigating || tr[1].By != f.kofi.ID || tr[1].Note != "bad config push" {
		t.Fatalf("transitions: %+v", tr)
	}
	// Closing needs a settled review.
	_, err = f.desk.Transition(u, incident.TransitionInput{To: incident.StatusClosed})
	testenv.FieldErr(t, err, "status", "Complete the post-incident review, or record a decision to skip it")
	// Reopen clears the resolution and the untouched review's due date.
	in = f.move(t, u, incident.StatusInvestigating, time.Time{}, "errors are back")
	if !in.ResolvedAt.IsZero() || in.Review.DueDate != "" {
		t.Fatalf("reopen: %v %q", in.ResolvedAt, in.Review.DueDate)
	}
	f.clk.Advance(time.Hour)
	in = f.move(t, u, incident.StatusResolved, time.Time{}, "")
	if _, err := f.desk.SkipReview(u, "  ", f.dana.ID); !errs.Is(err, errs.Invalid) {
		t.Fatalf("skip without reason: %v", err)
	}
	in, err = f.desk.SkipReview(u, "Same cause as last week's review", f.dana.ID)
	if err != nil || in.Review.State != incident.ReviewSkipped || in.Review.SkippedBy != f.dana.ID || !in.Review.SkippedAt.Equal(now.Add(time.Hour)) {
		t.Fatalf("skip: %+v %v", in.Review, err)
	}
	in = f.move(t, u, incident.StatusClosed, time.Time{}, "")
	last := in.Timeline[len(in.Timeline)-2]
	if last.Kind != incident.KindReview || last.To != "skipped" || last.Text != "Same cause as last week's review" {
		t.Fatalf("skip decision not on the timeline: %+v", last)
	}
	if _, err := f.desk.Transition(u, incident.TransitionInput{To: incident.StatusInvestigating}); !errs.Is(err, errs.Invalid) {
		t.Fatalf("reopen closed: %v", err)
	}
	if _, err := f.desk.SetSeverity(u, incident.SeverityInput{Severity: 1}); !errs.Is(err, errs.Invalid) {
		t.Fatalf("severity on closed: %v", err)
	}
}

func TestTimelineEditing(t *testing.T) {
	f := setup(t)
	in := f.open(t, incident.Incident{StartedAt: at(-3, 0)})
	u := in.ID
	// A note written after the fact, before the start (the deploy that caused it).
	in, err := f.desk.AddTimeline(u, incident.Entry{At: at(-3, -10), Text: "Deploy 4711 of payments-api", AuthorID: f.mei.ID})
	if err != nil {
		t.Fatal(err)
	}
	if in.Timeline[0].Text != "Deploy 4711 of payments-api" || in.Timeline[0].Auto {
		t.Fatalf("note not first: %s", kinds(in))
	}
	noteID, autoID := in.Timeline[0].ID, in.Timeline[1].ID
	if _, err := f.desk.AddTimeline(u, incident.Entry{Text: " "}); !errs.Is(err, errs.Invalid) {
		t.Fatalf("empty note: %v", err)
	}
	if _, err := f.desk.AddTimeline(u, incident.Entry{Text: "x", AuthorID: id.New(now)}); !errs.Is(err, errs.Invalid) {
		t.Fatalf("unknown author: %v", err)
	}
	in, err = f.desk.EditTimeline(u, incident.Entry{ID: noteID, At: at(-2, 0), Text: "Deploy 4711 (canary skipped)", AuthorID: f.mei.ID})
	if err != nil || in.Timeline[1].ID != noteID || in.Timeline[1].Text != "Deploy 4711 (canary skipped)" {
		t.Fatalf("edit note (moves in time): %v %s", err, kinds(in))
	}
	_, err = f.desk.EditTimeline(u, incident.Entry{ID: autoID, Text: "Opened by aliens"})
	testenv.FieldErr(t, err, "text", "add an annotation")
	_, err = f.desk.EditTimeline(u, incident.Entry{ID: autoID, At: at(-1, 0)})
	testenv.FieldErr(t, err, "text", "cannot be changed")
	in, err = f.desk.EditTimeline(u, incident.Entry{ID: autoID, Annotation: "Paged by the EU status page"})
	if err != nil || in.Timeline[0].Annotation != "Paged by the EU status page" {
		t.Fatalf("annotate: %v %+v", err, in.Timeline[0])
	}
	_, err = f.desk.DeleteTimeline(u, autoID)
	testenv.FieldErr(t, err, "timeline", "cannot be deleted")
	if in, err = f.desk.DeleteTimeline(u, noteID); err != nil || len(in.Timeline) != 1 {
		t.Fatalf("delete note: %v %s", err, kinds(in))
	}
	if _, err := f.desk.DeleteTimeline(u, noteID); !errs.Is(err, errs.NotFound) {
		t.Fatalf("delete twice: %v", err)
	}
}

func TestReviewAndFollowUps(t *testing.T) {
	f := setup(t)
	in := f.open(t, incident.Incident{StartedAt: at(-5, 0), Roles: incident.Roles{CommanderID: f.dana.ID}, AffectedServiceIDs: []id.ID{f.payments.ID}})
	u := in.ID
	in = f.move(t, u, incident.StatusResolved, at(-1, 0), "")
	in, err := f.desk.SaveReview(u, incident.Review{Summary: "Config push broke checkout", State: incident.ReviewDraft}, f.dana.ID)
	if err != nil {
		t.Fatal(err)
	}
	// The review's timeline starts as the incident timeline, in the workspace zone (CET).
	if !strings.Contains(in.Review.Timeline, "2026-11-23 08:00 CET  Opened as investigating (by Dana Xu)") ||
		!strings.Contains(in.Review.Timeline, "Commander: Dana Xu") || in.Review.DueDate != "2026-11-30" {
		t.Fatalf("review timeline:\n%s\ndue %s", in.Review.Timeline, in.Review.DueDate)
	}
	_, err = f.desk.SaveReview(u, incident.Review{State: incident.ReviewCompleted}, f.dana.ID)
	testenv.FieldErr(t, err, "review.rootCause", "states the root cause")
	_, err = f.desk.SaveReview(u, incident.Review{State: incident.ReviewSkipped}, f.dana.ID)
	testenv.FieldErr(t, err, "review.state", "use Skip review")

	it, err := f.desk.AddFollowUp(u, followup.Item{Title: "Canary config pushes", OwnerID: f.kofi.ID, DueDate: "2026-12-01"})
	if err != nil || it.Source.Label != "Checkout errors for EU customers" {
		t.Fatalf("follow-up: %+v %v", it, err)
	}
	// A follow-up of an incident that does not exist is refused by the book.
	_, err = f.book.Create(followup.Item{Title: "x", OwnerID: f.kofi.ID, Source: followup.Source{Kind: followup.SourceIncidentReview, ID: id.New(now)}})
	testenv.FieldErr(t, err, "source.id", "incident this follow-up belongs to does not exist")
	// Renaming the incident relabels its follow-ups.
	in.Title = "Checkout down (EU)"
	if _, err := f.desk.Update(in); err != nil {
		t.Fatal(err)
	}
	items, _ := f.desk.FollowUps(u)
	if len(items) != 1 || items[0].Source.Label != "Checkout down (EU)" {
		t.Fatalf("relabel: %+v", items)
	}
	if err := f.desk.Delete(u); !errs.Is(err, errs.Conflict) {
		t.Fatalf("delete with follow-ups: %v", err)
	}
	f.clk.Advance(24 * time.Hour)
	in, err = f.desk.SaveReview(u, incident.Review{State: incident.ReviewCompleted, Summary: "x", RootCause: "A config change without canary.",
		ContributingFactors: []string{" no canary ", ""}, Timeline: "edited"}, f.dana.ID)
	if err != nil || !in.Review.CompletedAt.Equal(now.Add(24*time.Hour)) || in.Review.Timeline != "edited" || len(in.Review.ContributingFactors) != 1 {
		t.Fatalf("complete: %+v %v", in.Review, err)
	}
	in = f.move(t, u, incident.StatusClosed, time.Time{}, "")
	_, err = f.desk.SaveReview(u, incident.Review{State: incident.ReviewDraft}, f.dana.ID)
	testenv.FieldErr(t, err, "review.state", "can only be completed")
	md, err := f.desk.Markdown(u)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# SEV3: Checkout down (EU)", "| Commander | Dana Xu |", "| Affected services | payments-api |",
		"### Root cause\n\nA config change without canary.", "- no canary", "| Canary config pushes | Kofi Mensah | 2026-12-01 | medium | open |",
		"| Time to resolve | 4h 0m |", "Review completed (by Dana Xu)"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
}

func TestUnskipIsRecorded(t *testing.T) {
	f := setup(t)
	in := f.open(t, incident.Incident{StartedAt: at(-5, 0)})
	f.move(t, in.ID, incident.StatusResolved, at(-1, 0), "")
	if _, err := f.desk.SkipReview(in.ID, "Duplicate of INC-12", id.Nil); err != nil {
		t.Fatal(err)
	}
	in, err := f.desk.SaveReview(in.ID, incident.Review{State: incident.ReviewDraft, Summary: "On second thought"}, f.mei.ID)
	if err != nil || in.Review.SkipReason != "" || !in.Review.SkippedAt.IsZero() {
		t.Fatalf("unskip: %+v %v", in.Review, err)
	}
	last := in.Timeline[len(in.Timeline)-1]
	if last.Kind != incident.KindReview || last.To != "reopened" || !strings.Contains(last.Text, "Duplicate of INC-12") {
		t.Fatalf("unskip not recorded: %+v", last)
	}
}

func TestReviewsOverdueAndList(t *testing.T) {
	f := setup(t)
	mk := func(title string, started time.Time, sev int, svc id.ID, tag string) incident.Incident {
		in := f.open(t, incident.Incident{Title: title, StartedAt: started, Severity: sev, AffectedServiceIDs: []id.ID{svc}, Tags: []string{tag}})
		return f.move(t, in.ID, incident.StatusResolved, started.Add(time.Hour), "")
	}
	// Resolved Tue 2026-11-10 -> due Tue 11-17; Thu 11-12 -> Thu 11-19; Mon 11-23 -> Mon 11-30.
	a := mk("A", time.Date(2026, 11, 10, 9, 0, 0, 0, time.UTC), 1, f.payments.ID, "database")
	b := mk("B", time.Date(2026, 11, 12, 9, 0, 0, 0, time.UTC), 2, f.ledger.ID, "network")
	c := mk("C", at(-3, 0), 3, f.payments.ID, "database")
	open := f.open(t, incident.Incident{Title: "D", StartedAt: at(-1, 0), Severity: 2, AffectedServiceIDs: []id.ID{f.ledger.ID}})
	if a.Review.DueDate != "2026-11-17" || b.Review.DueDate != "2026-11-19" || c.Review.DueDate != "2026-11-30" {
		t.Fatalf("due dates %s %s %s", a.Review.DueDate, b.Review.DueDate, c.Review.DueDate)
	}
	overdue := func(today string) string {
		var l []string
		_ = f.st.View(func(txn *badger.Txn) error {
			rs, err := incident.ReviewsOverdue(txn, today)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rs {
				l = append(l, r.Title+" SEV"+string(rune('0'+r.Severity))+" "+r.DueDate+" "+string(r.State))
			}
			return nil
		})
		return strings.Join(l, ", ")
	}
	if got := overdue("2026-11-23"); got != "A SEV1 2026-11-17 not_started, B SEV2 2026-11-19 not_started" {
		t.Fatalf("overdue: %s", got)
	}
	if got := overdue("2026-11-19"); got != "A SEV1 2026-11-17 not_started" {
		t.Fatalf("overdue on B's due day: %s", got)
	}
	if _, err := f.desk.SkipReview(a.ID, "Known issue, tracked in B", f.dana.ID); err != nil {
		t.Fatal(err)
	}
	if got := overdue("2026-11-23"); got != "B SEV2 2026-11-19 not_started" {
		t.Fatalf("skipped review still overdue: %s", got)
	}
	_ = f.st.View(func(txn *badger.Txn) error {
		rs, err := incident.ReviewsDueOn(txn, "2026-11-30")
		if err != nil || len(rs) != 1 || rs[0].IncidentID != c.ID {
			t.Fatalf("due on: %+v %v", rs, err)
		}
		return nil
	})
	list := func(fl incident.Filter) string {
		t.Helper()
		sums, err := f.desk.List(fl)
		if err != nil {
			t.Fatal(err)
		}
		var l []string
		for _, s := range sums {
			l = append(l, s.Title)
		}
		return strings.Join(l, "")
	}
	for _, c := range []struct {
		name string
		f    incident.Filter
		want string
	}{
		{"all, newest first", incident.Filter{}, "DCBA"},
		{"status", incident.Filter{Statuses: []incident.Status{incident.StatusInvestigating}}, "D"},
		{"severity", incident.Filter{Severities: []int{1, 2}}, "DBA"},
		{"service", incident.Filter{ServiceID: f.payments.ID}, "CA"},
		{"tag, any case", incident.Filter{Tag: "Database"}, "CA"},
		{"date range", incident.Filter{From: time.Date(2026, 11, 11, 0, 0, 0, 0, time.UTC), To: at(-1, 0)}, "CB"},
	} {
		if got := list(c.f); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
	sums, _ := f.desk.List(incident.Filter{Statuses: []incident.Status{incident.StatusInvestigating}})
	if got := sums[0]; got.ID != open.ID || got.Severity != 2 || got.ServiceIDs[0] != f.ledger.ID || !got.StartedAt.Equal(at(-1, 0)) {
		t.Fatalf("summary from the index: %+v", got)
	}
	// Metrics and patterns through the store.
	page, err := f.desk.MetricsPage(incident.Window{}, now)
	if err != nil {
		t.Fatal(err)
	}
	if page.Metrics.Incidents != 4 || page.Metrics.Open != 1 || page.Metrics.Today != "2026-11-23" || page.Metrics.Zone != "Europe/Berlin" ||
		page.Metrics.ReviewCompletion != (incident.Rate{Num: 1, Den: 2, Value: 0.5}) {
		t.Fatalf("metrics: %+v", page.Metrics)
	}
	if len(page.Patterns) != 0 {
		t.Fatalf("patterns: %+v", page.Patterns)
	}
}

func TestSummaryIndexMatchesRecord(t *testing.T) {
	f := setup(t)
	in := f.open(t, incident.Incident{Title: "Ünïcödé | title", StartedAt: at(-3, 0), DetectedAt: at(-3, 1), AcknowledgedAt: at(-3, 2),
		Severity: 4, Roles: incident.Roles{CommanderID: f.mei.ID}, AffectedServiceIDs: []id.ID{f.ledger.ID, f.payments.ID},
		Tags: []string{"a", "b b"}, Escalated: true})
	in = f.move(t, in.ID, incident.StatusResolved, at(-1, 0), "")
	sums, err := f.desk.List(incident.Filter{})
	if err != nil || len(sums) != 1 {
		t.Fatal(err)
	}
	want := in.Summarize()
	got := sums[0]
	if got.ID != want.ID || got.Title != want.Title || got.Severity != 4 || got.Status != want.Status || !got.StartedAt.Equal(want.StartedAt) ||
		!got.DetectedAt.Equal(want.DetectedAt) || !got.AcknowledgedAt.Equal(want.AcknowledgedAt) || !got.ResolvedAt.Equal(want.ResolvedAt) ||
		!got.MitigatedAt.IsZero() || got.CommanderID != f.mei.ID || len(got.ServiceIDs) != 2 || strings.Join(got.Tags, ",") != "a,b-b" ||
		!got.Escalated || got.ReviewState != incident.ReviewNotStarted || got.ReviewDue != want.ReviewDue {
		t.Fatalf("summary\n got %+v\nwant %+v", got, want)
	}
	// Editing moves the index entry: still one, with the new data.
	in.Title = "Renamed"
	if _, err := f.desk.Update(in); err != nil {
		t.Fatal(err)
	}
	sums, _ = f.desk.List(incident.Filter{})
	var n int
	_ = f.st.View(func(txn *badger.Txn) error { n = store.CountPrefix(txn, []byte{store.IdxIncidentSummary}); return nil })
	if len(sums) != 1 || sums[0].Title != "Renamed" || n != 1 {
		t.Fatalf("after update: %d entries, %+v", n, sums)
	}
}

func TestDeletingPersonDetachesIncidents(t *testing.T) {
	f := setup(t)
	in := f.open(t, incident.Incident{StartedAt: at(-3, 0), Roles: incident.Roles{CommanderID: f.dana.ID, ResponderIDs: []id.ID{f.mei.ID}}})
	in, _ = f.desk.AddTimeline(in.ID, incident.Entry{Text: "Looking at dashboards", AuthorID: f.dana.ID})
	in = f.move(t, in.ID, incident.StatusResolved, at(-1, 0), "")
	if _, err := f.desk.SkipReview(in.ID, "Tiny", f.dana.ID); err != nil {
		t.Fatal(err)
	}
	f.open(t, incident.Incident{StartedAt: at(-2, 0), Roles: incident.Roles{ScribeID: f.dana.ID}})
	if _, err := f.desk.AddFollowUp(in.ID, followup.Item{Title: "Write runbook", OwnerID: f.dana.ID}); err != nil {
		t.Fatal(err)
	}
	im, err := f.roster.DeleteImpact(f.dana.ID)
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(im.Items, "\n")
	if !strings.Contains(joined, "2 incidents involve Dana Xu (commander of 1)") || !strings.Contains(joined, "1 follow-up owned by Dana Xu") {
		t.Fatalf("impact:\n%s", joined)
	}
	if _, err := f.roster.DeletePerson(f.dana.ID, "Dana Xu"); err != nil {
		t.Fatal(err)
	}
	got, err := f.desk.Get(in.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range got.PersonRefs() {
		if r.ID == f.dana.ID {
			t.Fatalf("left reference in %s", r.Field)
		}
	}
	if !got.CommanderID.IsZero() || !got.Review.SkippedBy.IsZero() || len(got.Participants) != 1 || len(got.PersonRefs()) != 4 {
		t.Fatalf("references: %+v", got.PersonRefs())
	}
	// The history reads sensibly and the record still validates (an update goes through).
	md, _ := f.desk.Markdown(in.ID)
	if !strings.Contains(md, "Commander: (a person since deleted)") || !strings.Contains(md, "| Commander | — |") {
		t.Fatalf("markdown after delete:\n%s", md)
	}
	got.Summary = "after the delete"
	if _, err := f.desk.Update(got); err != nil {
		t.Fatal(err)
	}
	_ = f.st.View(func(txn *badger.Txn) error {
		if ids := store.Lookup(txn, store.IdxIncidentPerson, store.Term(f.dana.ID)); len(ids) != 0 {
			t.Fatalf("person index still points at %d incidents", len(ids))
		}
		return nil
	})
}

func TestStakeholderUpdate(t *testing.T) {
	f := setup(t)
	in := f.open(t, incident.Incident{Title: "Checkout errors", Severity: 2, StartedAt: at(-1, 0), CustomerImpact: "EU customers cannot pay.",
		Summary: "A config push broke TLS to the payment provider.", AffectedServiceIDs: []id.ID{f.payments.ID}})
	f.move(t, in.ID, incident.StatusIdentified, at(0, -30), "config push found")
	if _, err := f.desk.AddTimeline(in.ID, incident.Entry{At: at(0, -10), Text: "Rolling back"}); err != nil {
		t.Fatal(err)
	}
	md, err := f.desk.StakeholderDraft(in.ID, at(1, 0))
	if err != nil {
		t.Fatal(err)
	}
	want := `## SEV2 incident: Checkout errors

**Status:** identified · **Severity:** SEV2 (Major: a key feature is broken or badly degraded for many customers.) · **Started:** 2026-11-23 12:00 CET

### Impact
EU customers cannot pay.

### Affected services
- payments-api

### What we know
A config push broke TLS to the payment provider.

Latest:
- 12:30 Status investigating → identified: config push found
- 12:50 Rolling back

### Next update
By 2026-11-23 14:00 CET.
`
	if md != want {
		t.Fatalf("update:\n%s\nwant:\n%s", md, want)
	}
	bare := incident.StakeholderUpdate(&incident.Incident{Title: "x", Severity: 4, Status: incident.StatusInvestigating, StartedAt: now},
		incident.Names{}, &incident.Settings{Severities: incident.DefaultSettings().Severities}, time.Time{}, nil)
	for _, s := range []string{"Being assessed.", "None identified yet", "We are investigating.", "When there is news."} {
		if !strings.Contains(bare, s) {
			t.Errorf("bare update lacks %q:\n%s", s, bare)
		}
	}
}

func TestSettingsStored(t *testing.T) {
	f := setup(t)
	s, err := f.desk.Settings()
	if err != nil || s.ReviewDueBusinessDays != 5 {
		t.Fatalf("defaults: %+v %v", s, err)
	}
	s.ReviewDueBusinessDays = 2
	s.Severities[0].Label = "P0"
	if _, err := f.desk.SaveSettings(s); err != nil {
		t.Fatal(err)
	}
	bad := s
	bad.Severities = nil
	bad.ReviewDueBusinessDays = -1
	if _, err := f.desk.SaveSettings(bad); !errs.Is(err, errs.Invalid) {
		t.Fatalf("bad settings: %v", err)
	}
	in := f.open(t, incident.Incident{StartedAt: at(-2, 0)})
	in = f.move(t, in.ID, incident.StatusResolved, time.Time{}, "")
	if in.Review.DueDate != "2026-11-25" {
		t.Fatalf("due with 2 business days: %s", in.Review.DueDate)
	}
	md, _ := f.desk.Markdown(in.ID)
	if !strings.HasPrefix(md, "# SEV3:") {
		t.Fatalf("labels: %s", md[:20])
	}
	s.Severities[2].Label = "P2"
	f.desk.SaveSettings(s)
	md, _ = f.desk.Markdown(in.ID)
	if !strings.HasPrefix(md, "# P2:") {
		t.Fatalf("labels: %s", md[:20])
	}
}
