package reminder_test

import (
	"encoding/json"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"wheelhouse/backend/reminder"
)

// While the app is locked, reminders are still delivered (the centre and the
// desktop), but a notification says only how many of each kind are due.
func TestLockedNotificationsAreGeneric(t *testing.T) {
	f := newFixture(t, at(t, "Europe/Berlin", "2026-11-24 10:00"), noQuiet)
	var locked atomic.Bool
	f.eng.Locked = locked.Load
	secret := func(key, kind, who string) reminder.Reminder {
		return reminder.Reminder{Key: key, Kind: kind, Title: "Overdue: talk to " + who + " about the raise",
			Body: who + " said they are thinking of leaving.", Link: reminder.Link{Area: "followups", ID: key}}
	}
	names := []string{"Ada Lovelace", "Grace Hopper", "Linus", "raise", "leaving"}
	check := func(t *testing.T, r reminder.Result, delivered int, wantTitle string) {
		t.Helper()
		if len(r.Delivered) != delivered {
			t.Fatalf("delivered %d reminders, want %d (the engine keeps running while locked)", len(r.Delivered), delivered)
		}
		if len(r.Notes) != 1 || r.Notes[0].Title != wantTitle {
			t.Fatalf("notes %+v, want one titled %q", r.Notes, wantTitle)
		}
		for _, n := range r.Notes {
			for _, s := range names {
				if strings.Contains(n.Title+n.Body, s) {
					t.Fatalf("a notification while locked names %q: %+v", s, n)
				}
			}
		}
	}

	locked.Store(true)
	f.set(secret("a", "followup.overdue", "Ada Lovelace"), secret("b", "followup.overdue", "Grace Hopper"),
		secret("c", "followup.overdue", "Linus"))
	r := f.eval(t)
	check(t, r, 3, "Wheelhouse: 3 follow-ups are overdue")
	if sent := f.rec.Sent(); len(sent) != 1 || sent[0] != r.Notes[0] {
		t.Fatalf("the notifier got %+v, want the one generic note", sent)
	}
	// The centre (seen only once unlocked) keeps the details.
	list, err := f.eng.List()
	if err != nil || len(list) != 3 || !strings.Contains(list[0].Title, "Ada Lovelace") {
		t.Fatalf("centre while locked: %+v %v", list, err)
	}

	// Two kinds: a summary with a count per kind.
	f.clk.Advance(time.Minute)
	f.set(append(f.items, secret("d", "review.overdue", "Ada Lovelace"), secret("e", "oncall.handoff_soon", "Linus"),
		secret("f", "some.future_kind", "Grace Hopper"))...)
	r = f.eval(t)
	check(t, r, 3, "Wheelhouse: 3 reminders need your attention")
	for _, want := range []string{"1 incident review is overdue", "1 on-call handoff is coming up", "1 reminder needs your attention"} {
		if !strings.Contains(r.Notes[0].Body, want) {
			t.Fatalf("body %q lacks %q", r.Notes[0].Body, want)
		}
	}

	// Unlocked again: notifications name what they are about.
	locked.Store(false)
	f.clk.Advance(time.Minute)
	f.set(append(f.items, secret("g", "followup.overdue", "Grace Hopper"))...)
	r = f.eval(t)
	if len(r.Notes) != 1 || !strings.Contains(r.Notes[0].Title, "Grace Hopper") {
		t.Fatalf("unlocked notes %+v, want the reminder's own title", r.Notes)
	}
}

func TestLockMinutesSetting(t *testing.T) {
	if d := reminder.DefaultSettings().LockMinutes; d != 15 {
		t.Fatalf("default lock after %d minutes, want 15", d)
	}
	for _, c := range []struct {
		min int
		ok  bool
	}{{0, true}, {1, true}, {240, true}, {241, false}, {-1, false}} {
		s := reminder.DefaultSettings()
		s.LockMinutes = c.min
		err := s.Validate()
		if (err == nil) != c.ok {
			t.Fatalf("lockMinutes %d: err %v, want ok=%v", c.min, err, c.ok)
		}
		if err != nil && !strings.Contains(err.Error(), "Lock after") {
			t.Fatalf("lockMinutes %d: message %q", c.min, err)
		}
	}
}

func TestLockMinutesAbsentMeansDefault(t *testing.T) {
	var s reminder.Settings
	if err := json.Unmarshal([]byte(`{"desktop":true}`), &s); err != nil || s.LockMinutes != 15 {
		t.Fatalf("settings without lockMinutes: %+v %v, want 15 minutes", s, err)
	}
	if err := json.Unmarshal([]byte(`{"lockMinutes":0}`), &s); err != nil || s.LockMinutes != 0 {
		t.Fatalf("lockMinutes 0 (never): %+v %v", s, err)
	}
}
