package followup_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/followup"
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
	book   *followup.Book
	dana   people.Person
	kofi   people.Person
	mei    people.Person
	team   people.Team
	src    id.ID // a source record id the test source check knows
}

func setup(t *testing.T) *fixture {
	t.Helper()
	st := testenv.Store(t)
	f := &fixture{st: st, clk: clock.NewFake(now)}
	f.roster = people.NewRoster(st, f.clk)
	f.book = followup.NewBook(st, f.clk)
	mk := func(name string) people.Person { return testenv.Person(t, f.roster, people.Person{Name: name}) }
	f.dana, f.kofi, f.mei = mk("Dana Xu"), mk("Kofi Mensah"), mk("Mei Tanaka")
	var err error
	f.team, err = f.roster.SaveTeam(people.Team{Name: "Payments", MemberIDs: []id.ID{f.dana.ID, f.kofi.ID}})
	if err != nil {
		t.Fatal(err)
	}
	f.src = id.New(now)
	f.book.RegisterSource(followup.SourceIncidentReview, func(txn *badger.Txn, u id.ID) (string, error) {
		if u != f.src {
			return "", errs.E(errs.NotFound, "no incident")
		}
		return "Checkout down", nil
	})
	f.roster.AddPersonRefs(followup.PersonRefs{Clock: f.clk})
	return f
}

func (f *fixture) create(t *testing.T, it followup.Item) followup.Item {
	t.Helper()
	if it.OwnerID.IsZero() {
		it.OwnerID = f.dana.ID
	}
	out, err := f.book.Create(it)
	if err != nil {
		t.Fatalf("create %q: %v", it.Title, err)
	}
	return out
}

func TestItemValidation(t *testing.T) {
	base := func() followup.Item {
		return followup.Item{Title: "Add a canary for config pushes", OwnerID: id.New(now), DueDate: "2026-12-01"}
	}
	cases := []struct {
		name, field, want string
		edit              func(*followup.Item)
	}{
		{"empty title", "title", "required", func(it *followup.Item) { it.Title = "  " }},
		{"long title", "title", "too long", func(it *followup.Item) { it.Title = strings.Repeat("x", 201) }},
		{"no owner", "ownerId", "Choose who owns", func(it *followup.Item) { it.OwnerID = id.Nil }},
		{"bad due date", "dueDate", "date like", func(it *followup.Item) { it.DueDate = "01/12/2026" }},
		{"impossible due date", "dueDate", "date like", func(it *followup.Item) { it.DueDate = "2026-02-30" }},
		{"priority", "priority", "low, medium", func(it *followup.Item) { it.Priority = "critical" }},
		{"status", "status", "Unknown status", func(it *followup.Item) { it.Status = "blocked" }},
		{"wont do without reason", "reason", "Say why", func(it *followup.Item) { it.Status = followup.StatusWontDo; it.CompletedAt = now }},
		{"done without completion time", "completedAt", "needs the time", func(it *followup.Item) { it.Status = followup.StatusDone }},
		{"open with completion time", "completedAt", "no completion time", func(it *followup.Item) { it.CompletedAt = now }},
		{"source kind unknown", "source.kind", "Unknown source kind", func(it *followup.Item) { it.Source = followup.Source{Kind: "email", ID: id.New(now)} }},
		{"source without id", "source.id", "needs the id", func(it *followup.Item) { it.Source = followup.Source{Kind: followup.SourceIncidentReview} }},
		{"source id without kind", "source.kind", "needs a kind", func(it *followup.Item) { it.Source = followup.Source{ID: id.New(now)} }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			it := base()
			c.edit(&it)
			it.Normalize()
			testenv.FieldErr(t, it.Validate(), c.field, c.want)
		})
	}
	t.Run("defaults and owner removed", func(t *testing.T) {
		it := base()
		it.Normalize()
		if it.Priority != followup.PriorityMedium || it.Status != followup.StatusOpen {
			t.Fatalf("defaults: %s %s", it.Priority, it.Status)
		}
		it.OwnerID, it.OwnerRemoved = id.Nil, true
		if err := it.Validate(); err != nil {
			t.Fatalf("owner removed must be valid without owner: %v", err)
		}
	})
}

func TestCreateUpdateStatus(t *testing.T) {
	f := setup(t)
	t.Run("unknown owner", func(t *testing.T) {
		_, err := f.book.Create(followup.Item{Title: "x", OwnerID: id.New(now)})
		testenv.FieldErr(t, err, "ownerId", "does not exist")
	})
	t.Run("unknown source record", func(t *testing.T) {
		_, err := f.book.Create(followup.Item{Title: "x", OwnerID: f.dana.ID, Source: followup.Source{Kind: followup.SourceIncidentReview, ID: id.New(now)}})
		testenv.FieldErr(t, err, "source.id", "does not exist")
	})
	t.Run("source kind nobody registered", func(t *testing.T) {
		_, err := f.book.Create(followup.Item{Title: "x", OwnerID: f.dana.ID, Source: followup.Source{Kind: followup.SourceOneOnOne, ID: id.New(now)}})
		testenv.FieldErr(t, err, "source.kind", "cannot be stored yet")
	})
	it := f.create(t, followup.Item{Title: "Rotate the cert", DueDate: "2026-11-20",
		Source: followup.Source{Kind: followup.SourceIncidentReview, ID: f.src, Label: "stale"}})
	if it.Source.Label != "Checkout down" {
		t.Fatalf("label not taken from the source: %q", it.Source.Label)
	}
	f.clk.Advance(time.Hour)
	it.Title = "Rotate the TLS cert"
	it.OwnerID = f.kofi.ID
	it.Status = followup.StatusDone // ignored by Update
	up, err := f.book.Update(it)
	if err != nil {
		t.Fatal(err)
	}
	if up.Status != followup.StatusOpen || up.OwnerID != f.kofi.ID || !up.CreatedAt.Equal(now) || !up.UpdatedAt.Equal(now.Add(time.Hour)) {
		t.Fatalf("update: %+v", up)
	}
	if _, err := f.book.SetStatus(it.ID, followup.StatusWontDo, ""); !errs.Is(err, errs.Invalid) {
		t.Fatalf("wont_do without reason: %v", err)
	}
	done, err := f.book.SetStatus(it.ID, followup.StatusDone, "")
	if err != nil || !done.CompletedAt.Equal(now.Add(time.Hour)) {
		t.Fatalf("done: %+v %v", done, err)
	}
	f.clk.Advance(time.Hour)
	wont, err := f.book.SetStatus(it.ID, followup.StatusWontDo, "Replaced by cert-manager")
	if err != nil || !wont.CompletedAt.Equal(now.Add(time.Hour)) || wont.Reason == "" {
		t.Fatalf("wont_do keeps the first close time: %+v %v", wont, err)
	}
	re, err := f.book.SetStatus(it.ID, followup.StatusInProgress, "")
	if err != nil || !re.CompletedAt.IsZero() || re.Reason != "" {
		t.Fatalf("reopen clears completion: %+v %v", re, err)
	}
	if err := f.book.Delete(it.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.book.Get(it.ID); !errs.Is(err, errs.NotFound) {
		t.Fatalf("get after delete: %v", err)
	}
	var left int
	_ = f.st.View(func(txn *badger.Txn) error {
		for _, p := range []byte{store.IdxFollowUpOwner, store.IdxFollowUpSource, store.IdxFollowUpBrief} {
			left += store.CountPrefix(txn, []byte{p})
		}
		return nil
	})
	if left != 0 {
		t.Fatalf("%d index entries left after delete", left)
	}
}

// seed makes a known set of items: (title, owner, due, status).
func seed(t *testing.T, f *fixture) map[string]followup.Item {
	t.Helper()
	out := map[string]followup.Item{}
	add := func(title string, owner people.Person, due string, st followup.Status, src bool) {
		it := followup.Item{Title: title, OwnerID: owner.ID, DueDate: due}
		if src {
			it.Source = followup.Source{Kind: followup.SourceIncidentReview, ID: f.src}
		}
		it = f.create(t, it)
		if st != followup.StatusOpen {
			var err error
			if it, err = f.book.SetStatus(it.ID, st, "not needed"); err != nil {
				t.Fatal(err)
			}
		}
		out[title] = it
	}
	add("dana overdue old", f.dana, "2026-10-01", followup.StatusOpen, true)
	add("dana overdue recent", f.dana, "2026-11-22", followup.StatusInProgress, true)
	add("dana due today", f.dana, "2026-11-23", followup.StatusOpen, false)
	add("dana done late", f.dana, "2026-09-01", followup.StatusDone, true)
	add("kofi due in 7", f.kofi, "2026-11-30", followup.StatusOpen, true)
	add("kofi due in 8", f.kofi, "2026-12-01", followup.StatusOpen, false)
	add("kofi undated", f.kofi, "", followup.StatusOpen, false)
	add("kofi wont", f.kofi, "2026-01-01", followup.StatusWontDo, true)
	add("mei done", f.mei, "2026-11-01", followup.StatusDone, false)
	add("mei overdue", f.mei, "2026-11-01", followup.StatusOpen, false)
	return out
}

func titles[T followup.Item | followup.Brief](items []T) string {
	var l []string
	for _, it := range items {
		switch x := any(it).(type) {
		case followup.Item:
			l = append(l, x.Title)
		case followup.Brief:
			l = append(l, x.Title)
		}
	}
	return strings.Join(l, ", ")
}

func TestListFiltersAndReminderQueries(t *testing.T) {
	f := setup(t)
	seed(t, f)
	cases := []struct {
		name   string
		filter followup.Filter
		want   string
	}{
		{"overdue", followup.Filter{OverdueOnly: true, Today: today}, "dana overdue old, mei overdue, dana overdue recent"},
		{"overdue for kofi", followup.Filter{OverdueOnly: true, Today: today, OwnerIDs: []id.ID{f.kofi.ID}}, ""},
		{"due before, open", followup.Filter{DueBefore: "2026-11-24", Statuses: []followup.Status{followup.StatusOpen}}, "dana overdue old, mei overdue, dana due today"},
		{"due before, any status", followup.Filter{DueBefore: "2026-09-30"}, "kofi wont, dana done late"},
		{"owner", followup.Filter{OwnerIDs: []id.ID{f.mei.ID}}, "mei done, mei overdue"},
		{"source", followup.Filter{SourceKind: followup.SourceIncidentReview, SourceID: f.src}, "kofi wont, dana done late, dana overdue old, dana overdue recent, kofi due in 7"},
		{"source kind and status", followup.Filter{SourceKind: followup.SourceIncidentReview, Statuses: []followup.Status{followup.StatusDone}}, "dana done late"},
		{"everything, undated last", followup.Filter{Statuses: []followup.Status{followup.StatusOpen}}, "dana overdue old, mei overdue, dana due today, kofi due in 7, kofi due in 8, kofi undated"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := f.book.List(c.filter)
			if err != nil {
				t.Fatal(err)
			}
			if titles(got) != c.want {
				t.Fatalf("got  %s\nwant %s", titles(got), c.want)
			}
		})
	}
	t.Run("bad filter", func(t *testing.T) {
		_, err := f.book.List(followup.Filter{OverdueOnly: true})
		testenv.FieldErr(t, err, "today", "needs today's date")
	})
	_ = f.st.View(func(txn *badger.Txn) error {
		od, err := followup.Overdue(txn, today)
		if err != nil || titles(od) != "dana overdue old, mei overdue, dana overdue recent" {
			t.Fatalf("Overdue: %s %v", titles(od), err)
		}
		on, err := followup.DueOn(txn, "2026-11-23")
		if err != nil || titles(on) != "dana due today" {
			t.Fatalf("DueOn: %s %v", titles(on), err)
		}
		// The day after: today's item has become overdue.
		od, _ = followup.Overdue(txn, "2026-11-24")
		if len(od) != 4 {
			t.Fatalf("Overdue tomorrow: %s", titles(od))
		}
		counts, err := followup.CountBySource(txn, followup.SourceIncidentReview)
		if c := counts[f.src]; err != nil || c != (followup.Counts{Total: 5, Open: 3, Done: 1, WontDo: 1}) {
			t.Fatalf("CountBySource: %+v %v", c, err)
		}
		return nil
	})
	// Closing an overdue item takes it out of the due index at once.
	all, _ := f.book.List(followup.Filter{OverdueOnly: true, Today: today})
	if _, err := f.book.SetStatus(all[0].ID, followup.StatusDone, ""); err != nil {
		t.Fatal(err)
	}
	if od, _ := f.book.List(followup.Filter{OverdueOnly: true, Today: today}); len(od) != 2 {
		t.Fatalf("after done: %s", titles(od))
	}
}

func TestOrder(t *testing.T) {
	mk := func(title, due string, p followup.Priority, st followup.Status, closed time.Time) followup.Brief {
		return followup.Brief{ID: id.New(now), Title: title, DueDate: due, Priority: p, Status: st, CompletedAt: closed}
	}
	items := []followup.Brief{
		mk("later undated", "", followup.PriorityUrgent, followup.StatusOpen, time.Time{}),
		mk("closed early", "2026-01-01", followup.PriorityLow, followup.StatusDone, now.Add(-48*time.Hour)),
		mk("soon 7", "2026-11-30", followup.PriorityLow, followup.StatusOpen, time.Time{}),
		mk("overdue 1 low", "2026-11-22", followup.PriorityLow, followup.StatusOpen, time.Time{}),
		mk("later 8", "2026-12-01", followup.PriorityLow, followup.StatusInProgress, time.Time{}),
		mk("overdue 53", "2026-10-01", followup.PriorityLow, followup.StatusOpen, time.Time{}),
		mk("soon today", "2026-11-23", followup.PriorityLow, followup.StatusOpen, time.Time{}),
		mk("overdue 1 urgent", "2026-11-22", followup.PriorityUrgent, followup.StatusInProgress, time.Time{}),
		mk("closed late", "2026-01-01", followup.PriorityLow, followup.StatusWontDo, now.Add(-time.Hour)),
	}
	rows := followup.Order(items, today, 7)
	var got []string
	for _, r := range rows {
		got = append(got, string(r.Bucket)+":"+r.Item.Title)
	}
	want := "overdue:overdue 53, overdue:overdue 1 urgent, overdue:overdue 1 low, due_soon:soon today, due_soon:soon 7, " +
		"later:later 8, later:later undated, closed:closed late, closed:closed early"
	if strings.Join(got, ", ") != want {
		t.Fatalf("order\n got %s\nwant %s", strings.Join(got, ", "), want)
	}
	if rows[0].DaysOverdue != 53 || rows[1].DaysOverdue != 1 {
		t.Fatalf("days overdue: %d %d", rows[0].DaysOverdue, rows[1].DaysOverdue)
	}
	// Across a month end and a year end.
	if b := followup.Classify(&followup.Brief{Status: followup.StatusOpen, DueDate: "2027-01-06"}, "2026-12-30", 7); b != followup.BucketDueSoon {
		t.Fatalf("year end: %s", b)
	}
}

func TestTallyHandComputed(t *testing.T) {
	a, b, c := id.New(now), id.New(now), id.New(now)
	facts := []followup.Fact{
		{a, followup.StatusDone, false}, {a, followup.StatusDone, false}, {a, followup.StatusOpen, true}, {a, followup.StatusWontDo, false},
		{b, followup.StatusDone, false}, {b, followup.StatusInProgress, true}, {b, followup.StatusOpen, true}, {b, followup.StatusOpen, false},
		{c, followup.StatusWontDo, false},
		{id.Nil, followup.StatusOpen, false},
	}
	teams := []people.Team{{ID: id.New(now), Name: "Zeta", MemberIDs: []id.ID{c}}, {ID: id.New(now), Name: "alpha", MemberIDs: []id.ID{a, b}}}
	all, owners, byTeam := followup.Tally(facts, teams)
	// All: 10 items, 3 done, 2 won't do, 5 open, 3 overdue: 3/(10-2).
	if all.Total != 10 || all.Done != 3 || all.WontDo != 2 || all.Open != 5 || all.Overdue != 3 || all.CompletionRate != 3.0/8 {
		t.Fatalf("all: %+v", all)
	}
	// b has 2 overdue, a has 1: b first; c and "no owner" have none, "no owner" has more open.
	if len(owners) != 4 || owners[0].OwnerID != b || owners[1].OwnerID != a || !owners[2].OwnerID.IsZero() || owners[3].OwnerID != c {
		t.Fatalf("owner order: %+v", owners)
	}
	if owners[1].CompletionRate != 2.0/3 || owners[0].CompletionRate != 1.0/4 || owners[3].CompletionRate != 0 {
		t.Fatalf("owner rates: a %v b %v c %v", owners[1].CompletionRate, owners[0].CompletionRate, owners[3].CompletionRate)
	}
	if byTeam[0].Name != "alpha" || byTeam[0].Total != 8 || byTeam[0].Done != 3 || byTeam[0].Overdue != 3 || byTeam[0].CompletionRate != 3.0/7 {
		t.Fatalf("team alpha: %+v", byTeam[0])
	}
	if byTeam[1].Name != "Zeta" || byTeam[1].Total != 1 || byTeam[1].CompletionRate != 0 {
		t.Fatalf("team Zeta: %+v", byTeam[1])
	}
}

func TestFollowUpsView(t *testing.T) {
	f := setup(t)
	seed(t, f)
	v, err := f.book.View(today, followup.ViewOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range v.Rows {
		got = append(got, r.Item.Title)
	}
	want := "dana overdue old, mei overdue, dana overdue recent, dana due today, kofi due in 7, kofi due in 8, kofi undated"
	if strings.Join(got, ", ") != want || v.Overdue != 3 || v.DueSoon != 2 {
		t.Fatalf("rows %s (overdue %d, soon %d)", strings.Join(got, ", "), v.Overdue, v.DueSoon)
	}
	// Stats over everything, from the indexes: the same numbers as Tally over loaded items.
	if v.All.Total != 10 || v.All.Done != 2 || v.All.WontDo != 1 || v.All.Overdue != 3 || v.All.CompletionRate != 2.0/9 {
		t.Fatalf("all: %+v", v.All)
	}
	if v.Owners[0].OwnerID != f.dana.ID || v.Owners[0].Overdue != 2 || v.Owners[0].CompletionRate != 1.0/4 {
		t.Fatalf("dana: %+v", v.Owners[0])
	}
	if len(v.Teams) != 1 || v.Teams[0].Total != 8 || v.Teams[0].Overdue != 2 || v.Teams[0].Done != 1 || v.Teams[0].WontDo != 1 {
		t.Fatalf("team: %+v", v.Teams)
	}
	// Counts only: no rows, the same stats and buckets.
	c, err := f.book.View(today, followup.ViewOptions{CountsOnly: true})
	if err != nil || len(c.Rows) != 0 || c.All != v.All || c.Overdue != 3 || c.DueSoon != 2 {
		t.Fatalf("counts only: %d rows, %+v, %d/%d, %v", len(c.Rows), c.All, c.Overdue, c.DueSoon, err)
	}
	v, _ = f.book.View(today, followup.ViewOptions{Filter: followup.Filter{OwnerIDs: []id.ID{f.kofi.ID}, Statuses: followup.Statuses}})
	if len(v.Rows) != 4 || v.Rows[3].Bucket != followup.BucketClosed || v.Rows[3].Item.Reason != "not needed" || v.Rows[3].Item.CompletedAt.IsZero() {
		t.Fatalf("kofi, all statuses: %+v", v.Rows)
	}
	// Closed rows are capped, most recently closed first.
	f.clk.Advance(48 * time.Hour)
	late, _ := f.book.List(followup.Filter{OwnerIDs: []id.ID{f.mei.ID}, Statuses: []followup.Status{followup.StatusOpen}})
	if _, err := f.book.SetStatus(late[0].ID, followup.StatusDone, ""); err != nil {
		t.Fatal(err)
	}
	v, _ = f.book.View(today, followup.ViewOptions{Filter: followup.Filter{Statuses: followup.Statuses}, ClosedLimit: 2})
	closed := v.Rows[len(v.Rows)-2:]
	if !v.MoreClosed || closed[0].Item.ID != late[0].ID || closed[1].Bucket != followup.BucketClosed || v.Rows[len(v.Rows)-3].Bucket == followup.BucketClosed {
		t.Fatalf("capped closed rows: more=%v %+v", v.MoreClosed, closed)
	}
	if v, _ = f.book.View(today, followup.ViewOptions{Filter: followup.Filter{Statuses: followup.Statuses}, ClosedLimit: -1}); v.MoreClosed || len(v.Rows) != 10 {
		t.Fatalf("uncapped: %d rows", len(v.Rows))
	}
	if _, err := f.book.View("yesterday", followup.ViewOptions{}); !errs.Is(err, errs.Invalid) {
		t.Fatalf("bad today: %v", err)
	}
}

func TestDeletingOwnerKeepsFollowUps(t *testing.T) {
	f := setup(t)
	items := seed(t, f)
	im, err := f.roster.DeleteImpact(f.dana.ID)
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(im.Items, "\n")
	if !strings.Contains(joined, "4 follow-ups owned by Dana Xu (3 still open)") || !strings.Contains(joined, "owner removed") {
		t.Fatalf("impact:\n%s", joined)
	}
	f.clk.Advance(time.Minute)
	if _, err := f.roster.DeletePerson(f.dana.ID, "Dana Xu"); err != nil {
		t.Fatal(err)
	}
	it, err := f.book.Get(items["dana overdue old"].ID)
	if err != nil || !it.OwnerID.IsZero() || !it.OwnerRemoved || !it.UpdatedAt.Equal(now.Add(time.Minute)) {
		t.Fatalf("kept item: %+v %v", it, err)
	}
	v, _ := f.book.View(today, followup.ViewOptions{})
	if v.Owners[0].OwnerID != id.Nil || v.Owners[0].Overdue != 2 {
		t.Fatalf("no-owner stats: %+v", v.Owners[0])
	}
	// Editing an orphan keeps it valid; giving it an owner clears the flag.
	it.Notes = "who takes this?"
	if it, err = f.book.Update(it); err != nil || !it.OwnerRemoved {
		t.Fatalf("edit orphan: %+v %v", it, err)
	}
	it.OwnerID = f.mei.ID
	if it, err = f.book.Update(it); err != nil || it.OwnerRemoved {
		t.Fatalf("hand over: %+v %v", it, err)
	}
	// A new item cannot be created without owner.
	if _, err := f.book.Create(followup.Item{Title: "x", OwnerRemoved: true}); !errs.Is(err, errs.Invalid) {
		t.Fatalf("create without owner: %v", err)
	}
}

// The brief index carries the brief of every item: what the view and the
// reminder queries return without reading records.
func TestBriefsFromTheOpenIndex(t *testing.T) {
	f := setup(t)
	items := seed(t, f)
	long := f.create(t, followup.Item{Title: strings.Repeat("Ünïcödé ", 25), DueDate: "2026-11-01", Priority: followup.PriorityUrgent,
		Notes: "not in the brief", Source: followup.Source{Kind: followup.SourceIncidentReview, ID: f.src}})
	if _, err := f.roster.DeletePerson(f.dana.ID, "Dana Xu"); err != nil { // owner removed: flag in the brief
		t.Fatal(err)
	}
	long, _ = f.book.Get(long.ID)
	_ = f.st.View(func(txn *badger.Txn) error {
		od, err := followup.Overdue(txn, today)
		if err != nil {
			t.Fatal(err)
		}
		var got *followup.Brief
		for i := range od {
			if od[i].ID == long.ID {
				got = &od[i]
			}
		}
		want := long.Brief()
		if got == nil || got.Title != want.Title || got.OwnerID != want.OwnerID || !got.OwnerRemoved || got.DueDate != want.DueDate ||
			got.Priority != want.Priority || got.Status != want.Status || got.Source != want.Source || !got.CreatedAt.Equal(want.CreatedAt) {
			t.Fatalf("brief from the index\n got %+v\nwant %+v", got, want)
		}
		counts, err := followup.CountForSources(txn, followup.SourceIncidentReview, []id.ID{f.src, id.New(now)})
		if err != nil || len(counts) != 1 || counts[f.src] != (followup.Counts{Total: 6, Open: 4, Done: 1, WontDo: 1}) {
			t.Fatalf("CountForSources: %+v %v", counts, err)
		}
		return nil
	})
	// Filters on the index path: owner, source kind, due before.
	v, err := f.book.View(today, followup.ViewOptions{Filter: followup.Filter{OwnerIDs: []id.ID{f.kofi.ID}}})
	if err != nil || len(v.Rows) != 3 || v.Rows[2].Item.DueDate != "" {
		t.Fatalf("kofi's open rows: %+v %v", v.Rows, err)
	}
	v, _ = f.book.View(today, followup.ViewOptions{Filter: followup.Filter{SourceKind: followup.SourceIncidentReview, DueBefore: "2026-11-23",
		Statuses: []followup.Status{followup.StatusOpen, followup.StatusInProgress}}})
	if len(v.Rows) != 3 || v.Rows[0].Item.ID != items["dana overdue old"].ID || v.Rows[1].Item.ID != long.ID {
		t.Fatalf("incident follow-ups due before today: %+v", v.Rows)
	}
	// An item that is closed leaves the open index; reopened, it is back with its brief.
	it := items["kofi undated"]
	if _, err := f.book.SetStatus(it.ID, followup.StatusDone, ""); err != nil {
		t.Fatal(err)
	}
	if v, _ = f.book.View(today, followup.ViewOptions{}); len(v.Rows) != 7 {
		t.Fatalf("after done: %d rows", len(v.Rows))
	}
	if _, err := f.book.SetStatus(it.ID, followup.StatusOpen, ""); err != nil {
		t.Fatal(err)
	}
	if v, _ = f.book.View(today, followup.ViewOptions{}); len(v.Rows) != 8 || v.Rows[7].Item.Title != "kofi undated" {
		t.Fatalf("after reopen: %+v", v.Rows)
	}
}

// CountForSources walks sources and index keys together; whatever subset is
// asked for, it agrees with CountBySource.
func TestCountForSourcesAgreesWithFullScan(t *testing.T) {
	f := setup(t)
	srcs := make([]id.ID, 8)
	known := map[id.ID]bool{}
	for i := range srcs {
		srcs[i] = id.New(now)
		known[srcs[i]] = true
	}
	f.book.RegisterSource(followup.SourceIncidentReview, func(txn *badger.Txn, u id.ID) (string, error) {
		if !known[u] {
			return "", errs.E(errs.NotFound, "no")
		}
		return "src", nil
	})
	statuses := []followup.Status{followup.StatusOpen, followup.StatusDone, followup.StatusWontDo, followup.StatusInProgress}
	for i, s := range srcs {
		for n := 0; n < i%4; n++ { // sources 0 and 4 have none
			it := f.create(t, followup.Item{Title: "x", Source: followup.Source{Kind: followup.SourceIncidentReview, ID: s}})
			if st := statuses[(i+n)%4]; st != followup.StatusOpen {
				if _, err := f.book.SetStatus(it.ID, st, "r"); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	_ = f.st.View(func(txn *badger.Txn) error {
		all, err := followup.CountBySource(txn, followup.SourceIncidentReview)
		if err != nil {
			t.Fatal(err)
		}
		for mask := 0; mask < 1<<len(srcs); mask += 7 {
			var ask []id.ID
			for i, s := range srcs {
				if mask&(1<<i) != 0 {
					ask = append(ask, s)
				}
			}
			ask = append(ask, id.New(now)) // unknown, after every key
			got, err := followup.CountForSources(txn, followup.SourceIncidentReview, ask)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, s := range ask {
				if c, ok := all[s]; ok {
					n++
					if got[s] != c {
						t.Fatalf("mask %b source %s: %+v, want %+v", mask, s, got[s], c)
					}
				}
			}
			if len(got) != n {
				t.Fatalf("mask %b: %d sources counted, want %d", mask, len(got), n)
			}
		}
		return nil
	})
}

// Change edits only what it names, in one transaction, and refuses what
// Update and SetStatus refuse: bulk actions rely on both.
func TestChange(t *testing.T) {
	f := setup(t)
	it := f.create(t, followup.Item{Title: "Rotate the cert", DueDate: "2026-11-20", Priority: followup.PriorityHigh,
		Notes: "See the runbook.", Source: followup.Source{Kind: followup.SourceIncidentReview, ID: f.src}})
	f.clk.Advance(time.Hour)
	later := now.Add(time.Hour)
	due := "2026-11-27"
	t.Run("postpone keeps everything else", func(t *testing.T) {
		got, err := f.book.Change(it.ID, followup.Change{DueDate: &due})
		if err != nil {
			t.Fatal(err)
		}
		if got.DueDate != due || got.Notes != "See the runbook." || got.Priority != followup.PriorityHigh ||
			got.OwnerID != f.dana.ID || got.Status != followup.StatusOpen || got.Source.Label != "Checkout down" ||
			!got.UpdatedAt.Equal(later) || !got.CreatedAt.Equal(now) {
			t.Fatalf("postpone: %+v", got)
		}
	})
	t.Run("reassign", func(t *testing.T) {
		got, err := f.book.Change(it.ID, followup.Change{OwnerID: &f.kofi.ID})
		if err != nil || got.OwnerID != f.kofi.ID || got.DueDate != due {
			t.Fatalf("reassign: %+v %v", got, err)
		}
		v, err := f.book.List(followup.Filter{OwnerIDs: []id.ID{f.kofi.ID}})
		if err != nil || len(v) != 1 {
			t.Fatalf("owner index not updated: %v %v", titles(v), err)
		}
	})
	t.Run("complete and reopen", func(t *testing.T) {
		got, err := f.book.Change(it.ID, followup.Change{Status: followup.StatusDone})
		if err != nil || got.Status != followup.StatusDone || !got.CompletedAt.Equal(later) {
			t.Fatalf("done: %+v %v", got, err)
		}
		got, err = f.book.Change(it.ID, followup.Change{Status: followup.StatusOpen})
		if err != nil || got.Status != followup.StatusOpen || !got.CompletedAt.IsZero() {
			t.Fatalf("reopen: %+v %v", got, err)
		}
	})
	t.Run("clear the due date", func(t *testing.T) {
		none := ""
		got, err := f.book.Change(it.ID, followup.Change{DueDate: &none})
		if err != nil || got.DueDate != "" {
			t.Fatalf("clear due: %+v %v", got, err)
		}
	})
	t.Run("refused: nothing stored", func(t *testing.T) {
		bad := "2026-13-45"
		_, err := f.book.Change(it.ID, followup.Change{DueDate: &bad, OwnerID: &f.mei.ID})
		testenv.FieldErr(t, err, "dueDate", "must be a date")
		ghost := id.New(now)
		_, err = f.book.Change(it.ID, followup.Change{OwnerID: &ghost})
		testenv.FieldErr(t, err, "ownerId", "does not exist")
		_, err = f.book.Change(it.ID, followup.Change{Status: followup.StatusWontDo})
		testenv.FieldErr(t, err, "reason", "won't be done")
		got, err := f.book.Get(it.ID)
		if err != nil || got.OwnerID != f.kofi.ID || got.DueDate != "" || got.Status != followup.StatusOpen {
			t.Fatalf("a refused change was stored: %+v %v", got, err)
		}
		if _, err := f.book.Change(id.New(now), followup.Change{Status: followup.StatusDone}); !errs.Is(err, errs.NotFound) {
			t.Fatalf("unknown id: %v", err)
		}
	})
}
