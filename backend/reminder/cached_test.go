package reminder_test

import (
	"errors"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/internal/testenv"
	"wheelhouse/backend/reminder"
	"wheelhouse/backend/store"
)

// A cached rule works its reminders out again only when a commit, the date or
// the zone changed; an error is not kept.
func TestCachedRuleRunsAgainOnlyWhenSomethingChanged(t *testing.T) {
	st := testenv.Store(t)
	runs := 0
	var fail error
	rule := reminder.Cached("test", func(*badger.Txn, reminder.Context) ([]reminder.Reminder, error) {
		runs++
		if fail != nil {
			return nil, fail
		}
		return []reminder.Reminder{rem("a")}, nil
	})
	berlin, _ := time.LoadLocation("Europe/Berlin")
	due := func(c reminder.Context) []reminder.Reminder {
		t.Helper()
		var out []reminder.Reminder
		err := st.View(func(txn *badger.Txn) error {
			var err error
			out, err = rule.Due(txn, c)
			return err
		})
		if err != nil && fail == nil {
			t.Fatal(err)
		}
		return out
	}
	c := reminder.Context{Loc: time.UTC, Today: "2026-11-24"}
	if got := due(c); len(got) != 1 || runs != 1 {
		t.Fatalf("first: %v after %d runs", got, runs)
	}
	due(c)
	if runs != 1 {
		t.Fatalf("nothing changed, yet the rule ran %d times", runs)
	}
	c.Today = "2026-11-25"
	due(c)
	c.Loc = berlin
	due(c)
	if runs != 3 {
		t.Fatalf("a new date and a new zone: %d runs, want 3", runs)
	}
	if err := st.Update(func(txn *badger.Txn) error { return txn.Set(store.Key(store.PrefixTest, "x"), nil) }); err != nil {
		t.Fatal(err)
	}
	fail = errors.New("boom")
	due(c)
	due(c)
	if runs != 5 {
		t.Fatalf("after a commit, failing twice: %d runs, want 5", runs)
	}
}
