package reminder_test

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/internal/testenv"
	"wheelhouse/backend/notify"
	"wheelhouse/backend/reminder"
	"wheelhouse/backend/store"
)

func loc(t *testing.T, name string) *time.Location {
	t.Helper()
	l, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func at(t *testing.T, zone, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02 15:04", s, loc(t, zone))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestQuietAllowedAndNext(t *testing.T) {
	q := reminder.Quiet{Enabled: true, Start: "22:00", End: "08:00", Weekends: true}
	cases := []struct {
		name, zone, now, next string
	}{
		{"working hours pass", "Europe/Berlin", "2026-11-24 10:00", "2026-11-24 10:00"},
		{"late evening held to morning", "Europe/Berlin", "2026-11-24 23:30", "2026-11-25 08:00"},
		{"just after midnight", "Europe/Berlin", "2026-11-25 00:10", "2026-11-25 08:00"},
		{"end is exclusive of quiet", "Europe/Berlin", "2026-11-25 08:00", "2026-11-25 08:00"},
		{"start is quiet", "Europe/Berlin", "2026-11-24 22:00", "2026-11-25 08:00"},
		{"friday night to monday morning", "Europe/Berlin", "2026-11-27 23:00", "2026-11-30 08:00"},
		{"saturday noon to monday morning", "Europe/Berlin", "2026-11-28 12:00", "2026-11-30 08:00"},
		// Fall back (New York, 2026-11-01 02:00 EDT -> 01:00 EST): the night is an hour longer.
		{"fall back night", "America/New_York", "2026-10-31 23:00", "2026-11-02 08:00"},
		{"half-hour zone", "Australia/Lord_Howe", "2026-11-24 21:59", "2026-11-24 21:59"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			now, want := at(t, c.zone, c.now), at(t, c.zone, c.next)
			got := q.NextAllowed(now, loc(t, c.zone))
			if !got.Equal(want) {
				t.Fatalf("NextAllowed(%s) = %s, want %s", c.now, got.In(loc(t, c.zone)), want)
			}
			if q.Allowed(now, loc(t, c.zone)) != now.Equal(want) {
				t.Fatalf("Allowed(%s) disagrees with NextAllowed", c.now)
			}
		})
	}
	t.Run("fall back: 08:00 EST is 13:00 UTC, 9 wall hours + 1 after 23:00 EDT", func(t *testing.T) {
		weekday := reminder.Quiet{Enabled: true, Start: "22:00", End: "08:00"}
		now := at(t, "America/New_York", "2026-10-31 23:00") // Saturday, but weekends not quiet here
		got := weekday.NextAllowed(now, loc(t, "America/New_York"))
		if got.UTC() != time.Date(2026, 11, 1, 13, 0, 0, 0, time.UTC) || got.Sub(now) != 10*time.Hour {
			t.Fatalf("got %s (%s later)", got.UTC(), got.Sub(now))
		}
	})
	t.Run("spring forward: an end inside the gap ends the window with the gap", func(t *testing.T) {
		q := reminder.Quiet{Enabled: true, Start: "23:00", End: "02:30"}
		now := at(t, "America/New_York", "2026-03-08 01:00") // 02:00 EST -> 03:00 EDT
		got := q.NextAllowed(now, loc(t, "America/New_York"))
		if got.UTC() != time.Date(2026, 3, 8, 7, 0, 0, 0, time.UTC) { // 03:00 EDT
			t.Fatalf("got %s", got.In(loc(t, "America/New_York")))
		}
	})
	t.Run("fall back: an end inside the overlap is its first occurrence", func(t *testing.T) {
		q := reminder.Quiet{Enabled: true, Start: "23:00", End: "01:30"}
		ny := loc(t, "America/New_York")
		now := at(t, "America/New_York", "2026-11-01 00:10")
		got := q.NextAllowed(now, ny)
		if got.UTC() != time.Date(2026, 11, 1, 5, 30, 0, 0, time.UTC) { // 01:30 EDT, not 01:30 EST
			t.Fatalf("got %s", got.In(ny))
		}
	})
	t.Run("Lord Howe half-hour spring forward", func(t *testing.T) {
		// 2026-10-04 02:00 LHST (+10:30) -> 02:30 LHDT (+11).
		q := reminder.Quiet{Enabled: true, Start: "23:00", End: "02:15"}
		lh := loc(t, "Australia/Lord_Howe")
		now := time.Date(2026, 10, 4, 1, 0, 0, 0, lh)
		got := q.NextAllowed(now, lh)
		if got.UTC() != time.Date(2026, 10, 3, 15, 30, 0, 0, time.UTC) {
			t.Fatalf("got %s (%s)", got.In(lh), got.UTC())
		}
		if l := got.In(lh); l.Hour() != 2 || l.Minute() != 30 {
			t.Fatalf("local %s, want 02:30 LHDT (the end of the gap)", l)
		}
	})
	t.Run("daytime window", func(t *testing.T) {
		q := reminder.Quiet{Enabled: true, Start: "12:00", End: "13:00"}
		now := at(t, "UTC", "2026-11-24 12:30")
		if got := q.NextAllowed(now, time.UTC); got != at(t, "UTC", "2026-11-24 13:00") {
			t.Fatalf("got %s", got)
		}
	})
	t.Run("invalid settings refused", func(t *testing.T) {
		for _, bad := range []reminder.Quiet{{Enabled: true, Start: "25:00", End: "08:00"}, {Enabled: true, Start: "8:00", End: "09:00"}, {Enabled: true, Start: "08:00", End: "08:00"}} {
			if bad.Validate() == nil {
				t.Errorf("%+v accepted", bad)
			}
		}
	})
}

func TestSnoozeUntil(t *testing.T) {
	ny := loc(t, "America/New_York")
	now := at(t, "America/New_York", "2026-03-07 18:00") // the day before spring forward
	got, _ := reminder.SnoozeUntil("tomorrow", now, ny)
	if l := got.In(ny); l.Day() != 8 || l.Hour() != 9 || got.Sub(now) != 14*time.Hour {
		t.Fatalf("tomorrow = %s (%s later), want 09:00 EDT, 14h", l, got.Sub(now))
	}
	got, _ = reminder.SnoozeUntil("1h", now, ny)
	if got.Sub(now) != time.Hour {
		t.Fatal("1h")
	}
	got, err := reminder.SnoozeUntil("2026-03-10", now, ny)
	if err != nil || got.In(ny).Hour() != 9 || got.In(ny).Day() != 10 {
		t.Fatalf("date: %s %v", got, err)
	}
	for _, bad := range []string{"2026-03-01", "soon", ""} {
		if _, err := reminder.SnoozeUntil(bad, now, ny); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// fixture: an engine over a real Badger with rules that return what `due` holds.
type fixture struct {
	eng   *reminder.Engine
	clk   *clock.Fake
	rec   *notify.Recorder
	st    *store.Store
	mu    sync.Mutex
	items []reminder.Reminder
}

func newFixture(t *testing.T, now time.Time, s reminder.Settings) *fixture {
	t.Helper()
	st := testenv.Store(t)
	f := &fixture{clk: clock.NewFake(now), rec: &notify.Recorder{}, st: st}
	f.eng = reminder.NewEngine(st, f.clk, f.rec, nil)
	f.eng.AddRule(reminder.RuleFunc{RuleName: "test", Fn: func(*badger.Txn, reminder.Context) ([]reminder.Reminder, error) {
		f.mu.Lock()
		defer f.mu.Unlock()
		return append([]reminder.Reminder(nil), f.items...), nil
	}})
	if _, err := f.eng.SaveSettings(s); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) set(rs ...reminder.Reminder) {
	f.mu.Lock()
	f.items = rs
	f.mu.Unlock()
}

func (f *fixture) eval(t *testing.T) reminder.Result {
	t.Helper()
	r, err := f.eng.Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func rem(key string) reminder.Reminder {
	return reminder.Reminder{Key: key, Kind: "action.overdue", Title: "Overdue: " + key, Body: "It was due yesterday.", Link: reminder.Link{Area: "followups", ID: key}}
}

var noQuiet = reminder.Settings{Desktop: true, TimeZone: "Europe/Berlin"}

func TestDeliveredOnce(t *testing.T) {
	f := newFixture(t, at(t, "Europe/Berlin", "2026-11-24 10:00"), noQuiet)
	f.set(rem("a"))
	r := f.eval(t)
	if len(r.Delivered) != 1 || len(f.rec.Sent()) != 1 || f.rec.Sent()[0].Title != "Overdue: a" {
		t.Fatalf("first evaluation: %+v, sent %v", r.Delivered, f.rec.Sent())
	}
	f.clk.Advance(time.Minute)
	r = f.eval(t)
	if len(r.Delivered) != 0 || len(f.rec.Sent()) != 1 {
		t.Fatalf("second evaluation delivered again: %+v", r.Delivered)
	}
	if len(r.Active) != 1 || r.Active[0].Status != reminder.StatusDelivered || r.Active[0].State.Desktop != "shown" {
		t.Fatalf("centre: %+v", r.Active)
	}
	list, _ := f.eng.List()
	if len(list) != 1 || list[0].Status != reminder.StatusDelivered {
		t.Fatalf("List: %+v", list)
	}
}

func TestQuietHoursHoldThenDeliver(t *testing.T) {
	s := noQuiet
	s.Quiet = reminder.Quiet{Enabled: true, Start: "22:00", End: "08:00"}
	f := newFixture(t, at(t, "Europe/Berlin", "2026-11-24 23:30"), s)
	f.set(rem("a"))
	r := f.eval(t)
	if len(f.rec.Sent()) != 0 || r.Active[0].Status != reminder.StatusHeld || !r.Active[0].HeldUntil.Equal(at(t, "Europe/Berlin", "2026-11-25 08:00")) {
		t.Fatalf("held: %+v sent %v", r.Active, f.rec.Sent())
	}
	f.clk.Set(at(t, "Europe/Berlin", "2026-11-25 07:59"))
	f.eval(t)
	if len(f.rec.Sent()) != 0 {
		t.Fatal("delivered during quiet hours")
	}
	f.clk.Set(at(t, "Europe/Berlin", "2026-11-25 08:00"))
	f.eval(t)
	f.clk.Advance(time.Minute)
	f.eval(t)
	if len(f.rec.Sent()) != 1 {
		t.Fatalf("after quiet hours: %d notifications, want 1", len(f.rec.Sent()))
	}
}

func TestSnoozeAndDismiss(t *testing.T) {
	f := newFixture(t, at(t, "Europe/Berlin", "2026-11-24 10:00"), noQuiet)
	f.set(rem("a"), rem("b"))
	f.eval(t)
	if len(f.rec.Sent()) != 2 {
		t.Fatalf("sent %d", len(f.rec.Sent()))
	}
	until, err := f.eng.SnoozeChoice("a", "1h")
	if err != nil || !until.Equal(f.clk.Now().Add(time.Hour)) {
		t.Fatalf("snooze: %s %v", until, err)
	}
	if err := f.eng.Dismiss("b"); err != nil {
		t.Fatal(err)
	}
	list, _ := f.eng.List()
	if len(list) != 1 || list[0].Key != "a" || list[0].Status != reminder.StatusSnoozed {
		t.Fatalf("after snooze+dismiss: %+v", list)
	}
	f.clk.Advance(30 * time.Minute)
	f.eval(t)
	if len(f.rec.Sent()) != 2 {
		t.Fatal("snoozed reminder delivered early")
	}
	f.clk.Advance(31 * time.Minute)
	r := f.eval(t)
	if len(f.rec.Sent()) != 3 || len(r.Delivered) != 1 || r.Delivered[0].Key != "a" {
		t.Fatalf("after snooze: %+v", r.Delivered)
	}
	f.clk.Advance(time.Minute)
	f.eval(t)
	if len(f.rec.Sent()) != 3 {
		t.Fatal("re-delivered after snooze more than once")
	}
	if err := f.eng.Dismiss("zzz"); err == nil {
		t.Fatal("dismissing an unknown reminder succeeded")
	}
	if err := f.eng.Snooze("a", f.clk.Now().Add(-time.Hour)); err == nil {
		t.Fatal("snooze into the past accepted")
	}
}

func TestResolvedRemindersAreForgotten(t *testing.T) {
	f := newFixture(t, at(t, "Europe/Berlin", "2026-11-24 10:00"), noQuiet)
	f.set(rem("a"))
	f.eval(t)
	_ = f.eng.Dismiss("a")
	f.set() // the follow-up was completed
	f.eval(t)
	var n int
	_ = f.st.View(func(txn *badger.Txn) error {
		st, _ := reminder.StatesTx(txn)
		n = len(st)
		return nil
	})
	if n != 0 {
		t.Fatalf("%d states kept for reminders that are no longer due", n)
	}
	// If it becomes due again (reopened with the same due date) it is new again.
	f.set(rem("a"))
	f.eval(t)
	if len(f.rec.Sent()) != 2 {
		t.Fatalf("sent %d", len(f.rec.Sent()))
	}
}

func TestCatchUpIsSummarised(t *testing.T) {
	f := newFixture(t, at(t, "Europe/Berlin", "2026-11-24 10:00"), noQuiet)
	var rs []reminder.Reminder
	for i := 0; i < 7; i++ {
		rs = append(rs, rem(fmt.Sprintf("k%d", i)))
	}
	f.set(rs...)
	r := f.eval(t)
	sent := f.rec.Sent()
	if len(r.Delivered) != 7 || len(sent) != 1 || !strings.Contains(sent[0].Title, "7 reminders") || !strings.Contains(sent[0].Body, "and 4 more") {
		t.Fatalf("catch-up: %d delivered, notes %+v", len(r.Delivered), sent)
	}
}

func TestDesktopFailureKeepsCentre(t *testing.T) {
	f := newFixture(t, at(t, "Europe/Berlin", "2026-11-24 10:00"), noQuiet)
	f.rec.Fail = errors.New("no D-Bus session")
	f.set(rem("a"))
	r := f.eval(t)
	if r.DesktopErr == nil || len(r.Active) != 1 || !strings.Contains(r.Active[0].State.Desktop, "no D-Bus") {
		t.Fatalf("failure not recorded: %+v", r)
	}
	f.clk.Advance(time.Minute)
	if r := f.eval(t); len(r.Delivered) != 0 {
		t.Fatal("a refused notification is retried every minute")
	}
	list, _ := f.eng.List()
	if len(list) != 1 {
		t.Fatal("reminder missing from the centre")
	}
}

func TestDesktopOff(t *testing.T) {
	s := noQuiet
	s.Desktop = false
	f := newFixture(t, at(t, "Europe/Berlin", "2026-11-24 10:00"), s)
	f.set(rem("a"))
	r := f.eval(t)
	if len(f.rec.Sent()) != 0 || len(r.Delivered) != 1 || r.Active[0].State.Desktop != "desktop notifications are off" {
		t.Fatalf("desktop off: %+v", r.Active)
	}
}

func TestSettingsValidation(t *testing.T) {
	f := newFixture(t, at(t, "UTC", "2026-11-24 10:00"), noQuiet)
	bad := noQuiet
	bad.TimeZone = "Mars/Olympus"
	bad.Quiet = reminder.Quiet{Enabled: true, Start: "10pm", End: "08:00"}
	_, err := f.eng.SaveSettings(bad)
	if err == nil || !strings.Contains(err.Error(), "not a known time zone") {
		t.Fatalf("bad settings: %v", err)
	}
	s, _ := f.eng.Settings()
	if s.TimeZone != "Europe/Berlin" {
		t.Fatal("refused settings were saved")
	}
}
