package feedback_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/feedback"
	"wheelhouse/backend/id"
	"wheelhouse/backend/internal/testenv"
	"wheelhouse/backend/people"
	"wheelhouse/backend/reminder"
	"wheelhouse/backend/store"
)

type fixture struct {
	st     *store.Store
	clk    *clock.Fake
	roster *people.Roster
	svc    *feedback.Service
	dana   people.Person
}

func setup(t *testing.T) *fixture {
	t.Helper()
	st := testenv.Store(t)
	clk := clock.NewFake(time.Date(2026, 11, 10, 9, 0, 0, 0, time.UTC))
	f := &fixture{st: st, clk: clk, roster: people.NewRoster(st, clk), svc: feedback.NewService(st, clk)}
	f.roster.AddPersonRefs(feedback.PersonRefs{})
	var err error
	f.dana, err = f.roster.CreatePerson(people.Person{Name: "Dana Whitfield", TimeZone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func fields(err error) []string {
	var out []string
	for _, f := range errs.FieldsOf(err) {
		out = append(out, f.Field)
	}
	return out
}

func TestValidation(t *testing.T) {
	f := setup(t)
	cases := []struct {
		name string
		e    feedback.Entry
		want string
	}{
		{"no person", feedback.Entry{Kind: feedback.Positive, Behaviour: "x"}, "personId"},
		{"unknown person", feedback.Entry{PersonID: id.New(time.Now()), Kind: feedback.Positive, Behaviour: "x"}, "personId"},
		{"no kind", feedback.Entry{PersonID: f.dana.ID, Behaviour: "x"}, "kind"},
		{"no behaviour", feedback.Entry{PersonID: f.dana.ID, Kind: feedback.Positive, Situation: "standup"}, "behaviour"},
		{"delivered without impact", feedback.Entry{PersonID: f.dana.ID, Kind: feedback.Positive, Situation: "s", Behaviour: "b",
			Status: feedback.Delivered, DeliveredOn: "2026-11-10", How: feedback.InPerson}, "impact"},
		{"delivered without date", feedback.Entry{PersonID: f.dana.ID, Kind: feedback.Positive, Situation: "s", Behaviour: "b", Impact: "i",
			Status: feedback.Delivered, How: feedback.InPerson}, "deliveredOn"},
		{"delivered without how", feedback.Entry{PersonID: f.dana.ID, Kind: feedback.Positive, Situation: "s", Behaviour: "b", Impact: "i",
			Status: feedback.Delivered, DeliveredOn: "2026-11-10"}, "how"},
		{"too long", feedback.Entry{PersonID: f.dana.ID, Kind: feedback.Positive, Behaviour: strings.Repeat("b", feedback.MaxText+1)}, "behaviour"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := f.svc.Save(c.e)
			if !errs.Is(err, errs.Invalid) || !slices.Contains(fields(err), c.want) {
				t.Fatalf("err %v fields %v, want %s", err, fields(err), c.want)
			}
		})
	}
	if l, _ := f.svc.ForPerson(f.dana.ID); len(l) != 0 {
		t.Fatalf("refused entries were stored: %+v", l)
	}
}

func TestDraftDeliverBalanceAndStaleReminder(t *testing.T) {
	f := setup(t)
	d, err := f.svc.Save(feedback.Entry{PersonID: f.dana.ID, Kind: feedback.Constructive, Behaviour: "Interrupted the new hire twice in the design review"})
	if err != nil || d.Status != feedback.Draft {
		t.Fatalf("draft %+v %v", d, err)
	}
	if _, err := f.svc.Deliver(d.ID, "2026-11-11", feedback.InOneOnOne); !slices.Contains(fields(err), "situation") {
		t.Fatalf("delivering an unspecific draft: %v", err)
	}
	d.Situation, d.Impact = "Design review, Tuesday", "Sam stopped contributing"
	if d, err = f.svc.Save(d); err != nil {
		t.Fatal(err)
	}
	loc, _ := time.LoadLocation("Europe/Berlin")
	rule := feedback.Rules()[0]
	due := func(today string) []reminder.Reminder {
		t.Helper()
		var out []reminder.Reminder
		if err := f.st.View(func(txn *badger.Txn) error {
			var err error
			out, err = rule.Due(txn, reminder.Context{Now: f.clk.Now(), Loc: loc, Today: today})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	if r := due("2026-11-16"); len(r) != 0 {
		t.Fatalf("6 days old is not stale: %+v", r)
	}
	r := due("2026-11-17")
	if len(r) != 1 || r[0].Key != feedback.KindStale+":"+d.ID.String() || !strings.Contains(r[0].Body, "waited 7 days") ||
		!r[0].DueAt.Equal(time.Date(2026, 11, 17, 9, 0, 0, 0, loc)) {
		t.Fatalf("stale reminder %+v", r)
	}
	// configurable age
	if _, err := f.svc.SaveSettings(feedback.Settings{StaleDays: 0}); !errs.Is(err, errs.Invalid) {
		t.Fatalf("stale days 0: %v", err)
	}
	f.svc.SaveSettings(feedback.Settings{StaleDays: 3})
	if r := due("2026-11-13"); len(r) != 1 {
		t.Fatalf("3-day setting: %+v", r)
	}
	b, _ := f.svc.Balance(f.dana.ID, "2026-11-20")
	if b.Recent.ConstructiveDrafts != 1 || b.OldestDraftDays != 10 || !slices.Contains(b.Flags, "drafts_waiting") || !slices.Contains(b.Flags, "none_delivered") {
		t.Fatalf("balance with a draft %+v", b)
	}
	// delivering ends the reminder
	if _, err := f.svc.Deliver(d.ID, "2026-11-20", feedback.InOneOnOne); err != nil {
		t.Fatal(err)
	}
	if r := due("2026-11-20"); len(r) != 0 {
		t.Fatalf("after delivery: %+v", r)
	}
	// two constructive deliveries, no praise: one-sided
	f.clk.Set(time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC))
	f.svc.Save(feedback.Entry{PersonID: f.dana.ID, Kind: feedback.Constructive, Situation: "s", Behaviour: "b", Impact: "i",
		Status: feedback.Delivered, DeliveredOn: "2026-11-21", How: feedback.Written})
	b, _ = f.svc.Balance(f.dana.ID, "2026-11-24")
	if b.Recent.ConstructiveDelivered != 2 || !slices.Contains(b.Flags, "only_constructive") || b.OldestDraftDays != -1 {
		t.Fatalf("one-sided balance %+v", b)
	}
	if q := b.Quarters; len(q) != 4 || q[3].Label != "2026 Q4" || q[3].Counts.ConstructiveDelivered != 2 || q[0].Label != "2026 Q1" {
		t.Fatalf("quarters %+v", b.Quarters)
	}
	// old deliveries fall out of the recent window but stay in all time
	b, _ = f.svc.Balance(f.dana.ID, "2027-06-01")
	if b.Recent.ConstructiveDelivered != 0 || b.AllTime.ConstructiveDelivered != 2 || !slices.Contains(b.Flags, "none_delivered") {
		t.Fatalf("later balance %+v", b)
	}
	// praise balances it
	f.svc.Save(feedback.Entry{PersonID: f.dana.ID, Kind: feedback.Positive, Situation: "s", Behaviour: "b", Impact: "i",
		Status: feedback.Delivered, DeliveredOn: "2026-11-22", How: feedback.InPublic})
	b, _ = f.svc.Balance(f.dana.ID, "2026-11-24")
	if len(b.Flags) != 0 {
		t.Fatalf("balanced feedback still flagged %+v", b)
	}
	// Deleting the person deletes their feedback.
	if _, err := f.roster.DeletePerson(f.dana.ID, f.dana.Name); err != nil {
		t.Fatal(err)
	}
	f.st.View(func(txn *badger.Txn) error {
		if n := len(feedback.FactsTx(txn, f.dana.ID)) + feedback.Entries.Count(txn); n != 0 {
			t.Fatalf("%d entries left after the person was deleted", n)
		}
		return nil
	})
}
