package reminder_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/internal/testenv"
	"wheelhouse/backend/reminder"
	"wheelhouse/backend/store"
)

// A watched rule runs again only when a commit wrote into a family it reads,
// or the date, zone or hour changed; its reminders follow every such edit
// at once. An unwatched rule runs at every evaluation.
func TestWatchedRuleRunsWhenItsDataChanges(t *testing.T) {
	st := testenv.Store(t)
	clk := clock.NewFake(at(t, "Europe/Berlin", "2026-11-24 10:05"))
	eng := reminder.NewEngine(st, clk, nil, nil)
	const family = store.PrefixTest // what the watched rule reads
	watchedRuns, plainRuns := 0, 0
	eng.AddRule(reminder.Watch(reminder.RuleFunc{RuleName: "watched", Fn: func(txn *badger.Txn, c reminder.Context) ([]reminder.Reminder, error) {
		watchedRuns++
		var out []reminder.Reminder
		err := store.Keys(txn, store.Prefix(family), func(k []byte) error {
			out = append(out, rem(string(k[1:])))
			return nil
		})
		return out, err
	}}, store.PrefixSet(family)))
	eng.AddRule(reminder.RuleFunc{RuleName: "plain", Fn: func(*badger.Txn, reminder.Context) ([]reminder.Reminder, error) {
		plainRuns++
		return nil, nil
	}})
	if _, err := eng.SaveSettings(noQuiet); err != nil {
		t.Fatal(err)
	}
	testenv.WaitTracking(t, st)
	write := func(prefix byte, key string) {
		t.Helper()
		if err := st.Update(func(txn *badger.Txn) error { return txn.Set(append([]byte{prefix}, key...), nil) }); err != nil {
			t.Fatal(err)
		}
	}
	del := func(prefix byte, key string) {
		t.Helper()
		if err := st.Update(func(txn *badger.Txn) error { return txn.Delete(append([]byte{prefix}, key...)) }); err != nil {
			t.Fatal(err)
		}
	}
	step := func(what string, wantRuns int, wantKeys string) {
		t.Helper()
		res, err := eng.Evaluate()
		if err != nil {
			t.Fatal(err)
		}
		var keys []string
		for _, a := range res.Active {
			keys = append(keys, a.Key)
		}
		if got := strings.Join(keys, ","); got != wantKeys {
			t.Errorf("%s: reminders %q, want %q", what, got, wantKeys)
		}
		if watchedRuns != wantRuns {
			t.Errorf("%s: the watched rule ran %d times, want %d", what, watchedRuns, wantRuns)
		}
	}

	write(family, "a")
	step("first evaluation", 1, "a")
	step("nothing changed (the engine's own state writes do not count)", 1, "a")
	write(family+1, "other")
	step("a write into another family", 1, "a")
	write(family, "b")
	step("a write into its family", 2, "a,b")
	del(family, "a")
	step("a delete in its family", 3, "b")
	clk.Advance(20 * time.Minute) // 10:25, same hour
	step("later in the same hour", 3, "b")
	clk.Advance(40 * time.Minute) // 11:05
	step("the next hour", 4, "b")
	s := noQuiet
	s.TimeZone = "Asia/Kolkata" // same date there
	if _, err := eng.SaveSettings(s); err != nil {
		t.Fatal(err)
	}
	step("another zone", 5, "b")
	clk.Set(at(t, "Asia/Kolkata", "2026-11-25 00:10"))
	step("the next day", 6, "b")
	if plainRuns != 9 {
		t.Errorf("the unwatched rule ran %d times, want 9 (every evaluation)", plainRuns)
	}
}

// The engine's cache of reminder states follows snoozes and dismissals
// made between evaluations.
func TestStateCacheFollowsSnoozeAndDismiss(t *testing.T) {
	f := newFixture(t, at(t, "Europe/Berlin", "2026-11-24 10:00"), noQuiet)
	testenv.WaitTracking(t, f.st)
	f.set(rem("a"), rem("b"))
	if r := f.eval(t); len(r.Active) != 2 {
		t.Fatalf("first: %+v", r.Active)
	}
	if err := f.eng.Dismiss("a"); err != nil {
		t.Fatal(err)
	}
	r := f.eval(t)
	if len(r.Active) != 1 || r.Active[0].Key != "b" {
		t.Fatalf("after dismissing a: %+v", r.Active)
	}
	if _, err := f.eng.SnoozeChoice("b", "1h"); err != nil {
		t.Fatal(err)
	}
	r = f.eval(t)
	if len(r.Active) != 1 || r.Active[0].Status != reminder.StatusSnoozed {
		t.Fatalf("after snoozing b: %+v", r.Active)
	}
}

// Rules worked out afresh run side by side; their reminders keep the order
// of the rules, and a failing rule fails the evaluation, by name.
func TestStaleRulesRunSideBySide(t *testing.T) {
	f := newFixture(t, at(t, "Europe/Berlin", "2026-11-24 10:00"), noQuiet)
	for _, k := range []string{"b", "c", "d"} {
		f.eng.AddRule(reminder.RuleFunc{RuleName: k, Fn: func(*badger.Txn, reminder.Context) ([]reminder.Reminder, error) {
			time.Sleep(5 * time.Millisecond)
			return []reminder.Reminder{rem(k), rem("a")}, nil
		}})
	}
	f.set(rem("a"))
	r := f.eval(t)
	var keys []string
	for _, a := range r.Delivered {
		keys = append(keys, a.Key)
	}
	if got := strings.Join(keys, ","); got != "a,b,c,d" {
		t.Fatalf("delivered %q, want a,b,c,d (rule order, each once)", got)
	}
	f.eng.AddRule(reminder.RuleFunc{RuleName: "broken", Fn: func(*badger.Txn, reminder.Context) ([]reminder.Reminder, error) {
		return nil, errors.New("cannot read")
	}})
	if _, err := f.eng.Evaluate(); err == nil || !strings.Contains(err.Error(), "rule broken: cannot read") {
		t.Fatalf("a failing rule: %v", err)
	}
}
