package reminder_test

import (
	"reflect"
	"testing"
	"time"

	"wheelhouse/backend/reminder"
)

// Restore brings back a dismissed and a snoozed reminder as they were, keeps
// when they were delivered (no second notification) and names the key that
// is no longer due.
func TestRestoreUndoesDismissAndSnooze(t *testing.T) {
	f := newFixture(t, at(t, "Europe/Berlin", "2026-11-24 10:00"), noQuiet)
	f.set(rem("a"), rem("b"), rem("c"))
	f.eval(t)
	earlier := f.clk.Now().Add(2 * time.Hour)
	if err := f.eng.Snooze("a", earlier); err != nil {
		t.Fatal(err)
	}
	if _, err := f.eng.SnoozeChoice("a", "tomorrow"); err != nil {
		t.Fatal(err)
	}
	if err := f.eng.Dismiss("b"); err != nil {
		t.Fatal(err)
	}
	gone, err := f.eng.Restore([]reminder.Prior{{Key: "zzz"}, {Key: "a", SnoozedUntil: earlier}, {Key: "b"}})
	if err != nil || !reflect.DeepEqual(gone, []int{0}) {
		t.Fatalf("restore: gone %v, %v", gone, err)
	}
	list, _ := f.eng.List()
	status := map[string]reminder.Active{}
	for _, x := range list {
		status[x.Key] = x
	}
	if len(list) != 3 || status["b"].Status != reminder.StatusDelivered || status["a"].Status != reminder.StatusSnoozed ||
		!status["a"].State.SnoozedUntil.Equal(earlier) {
		t.Fatalf("after restore: %+v", list)
	}
	f.clk.Advance(time.Minute)
	f.eval(t)
	if len(f.rec.Sent()) != 3 {
		t.Fatalf("a restored reminder was delivered again: %d notifications", len(f.rec.Sent()))
	}
}
