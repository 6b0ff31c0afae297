package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/notify"
)

func TestReminderAPISettingsAndClock(t *testing.T) {
	cfg := t.TempDir()
	env := map[string]string{"XDG_CONFIG_HOME": cfg}
	rec := &notify.Recorder{}
	s := shellWith(t, Config{Clock: clock.NewFake(time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)), Notifier: rec, Zone: "Europe/Berlin",
		Getenv: func(k string) string { return env[k] }, Exe: "/usr/bin/wheelhouse"})
	api := NewReminderAPI(s)

	st, err := api.Settings()
	if err != nil || !st.Desktop || st.DetectedZone != "Europe/Berlin" || st.Autostart || !st.Quiet.Enabled {
		t.Fatalf("defaults %+v %v", st, err)
	}
	bad := st
	bad.TimeZone = "Mars/Olympus"
	if _, err := api.SaveSettings(bad); apiErr(t, err).Field != "timezone" {
		t.Fatalf("bad zone: %v", err)
	}
	st.Autostart = true
	st.Background = true
	got, err := api.SaveSettings(st)
	if err != nil || !got.Autostart || !got.Background {
		t.Fatalf("save: %+v %v", got, err)
	}
	b, err := os.ReadFile(filepath.Join(cfg, "autostart", "wheelhouse.desktop"))
	if err != nil || !strings.Contains(string(b), "/usr/bin/wheelhouse --data") {
		t.Fatalf("autostart entry: %s %v", b, err)
	}
	if !s.KeepRunningOnClose() {
		t.Fatal("background setting not honoured")
	}
	st.Autostart = false
	if _, err := api.SaveSettings(st); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(cfg, "autostart", "wheelhouse.desktop")); !os.IsNotExist(err) {
		t.Fatal("autostart entry not removed")
	}

	if _, err := api.AdvanceClock(60); apiErr(t, err).Code != "unavailable" {
		t.Fatal("test clock moved without WHEELHOUSE_TEST_CLOCK=1")
	}
	env["WHEELHOUSE_TEST_CLOCK"] = "1"
	c, err := api.AdvanceClock(90)
	if err != nil || c.OffsetMinutes != 90 || c.Now != "2026-11-23T13:30:00Z" || !c.TestClock {
		t.Fatalf("advance: %+v %v", c, err)
	}
	if st := api.NotificationStatus(); !st.Available {
		t.Fatalf("status %+v", st)
	}
	list, err := api.List()
	if err != nil || len(list) != 0 {
		t.Fatalf("empty workspace has reminders: %+v %v", list, err)
	}
	if n, err := api.Count(); err != nil || n != 0 {
		t.Fatalf("empty workspace counts %d reminders (%v)", n, err)
	}
	if ae := apiErr(t, api.Dismiss("nope")); ae.Code != "not_found" {
		t.Fatalf("dismiss unknown: %+v", ae)
	}
}

// The notification centre's "Dismiss all" and "Snooze all" with Undo: many
// reminders at once, one bad key reported without stopping the others, and
// Restore puts each back as it was without delivering it a second time.
func TestReminderAPIBulkAndRestore(t *testing.T) {
	rec := &notify.Recorder{}
	s := shellWith(t, Config{Clock: clock.NewFake(time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)), Notifier: rec, Zone: "UTC"})
	dana, err := NewPeopleAPI(s).CreatePerson(PersonInput{Name: "Dana Xu", TimeZone: "UTC"})
	if err != nil {
		t.Fatal(err)
	}
	acts := NewFollowUpAPI(s)
	for _, title := range []string{"Add an alert", "Fix retries", "Write the runbook"} {
		if _, err := acts.Create(followup.Item{Title: title, OwnerID: idOf(t, dana.ID), DueDate: "2026-11-20"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.EvaluateReminders(); err != nil {
		t.Fatal(err)
	}
	sent := len(rec.Sent())
	api := NewReminderAPI(s)
	list := func() map[string]ReminderDTO {
		t.Helper()
		l, err := api.List()
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]ReminderDTO{}
		for _, r := range l {
			m[r.Key] = r
		}
		return m
	}
	before := list()
	if len(before) != 3 {
		t.Fatalf("want 3 overdue follow-up reminders, got %+v", before)
	}
	// The bell's count (Count) is the list's length.
	if n, err := api.Count(); err != nil || n != 3 {
		t.Fatalf("count: %d %v, want 3", n, err)
	}
	var keys []string
	for k, r := range before {
		if r.Status != "delivered" {
			t.Fatalf("%s not delivered: %+v", k, r)
		}
		keys = append(keys, k)
	}

	t.Run("snooze many; a choice it cannot read changes nothing", func(t *testing.T) {
		if _, err := api.SnoozeMany(keys, "2026-11-01"); apiErr(t, err).Field != "until" {
			t.Fatalf("a past date was accepted: %v", err)
		}
		res, err := api.SnoozeMany(append([]string{"nope"}, keys[:2]...), "tomorrow")
		if err != nil || res.Until != "2026-11-24T09:00:00Z" {
			t.Fatalf("snooze: %+v %v", res, err)
		}
		if len(res.Problems) != 1 || res.Problems[0].ID != "nope" || res.Problems[0].Code != "not_found" {
			t.Fatalf("problems %+v", res.Problems)
		}
		now := list()
		if now[keys[0]].Status != "snoozed" || now[keys[1]].SnoozedTill != res.Until || now[keys[2]].Status != "delivered" {
			t.Fatalf("after snooze %+v", now)
		}
	})
	t.Run("dismiss many", func(t *testing.T) {
		problems, err := api.DismissMany([]string{keys[0], "", keys[2]})
		if err != nil || len(problems) != 1 || problems[0].ID != "" || problems[0].Field != "key" {
			t.Fatalf("dismiss: %+v %v", problems, err)
		}
		if now := list(); len(now) != 1 || now[keys[1]].Status != "snoozed" {
			t.Fatalf("after dismiss %+v", now)
		}
		if n, err := api.Count(); err != nil || n != 1 {
			t.Fatalf("count after dismiss: %d %v, want 1", n, err)
		}
	})
	t.Run("restore undoes both, as they were", func(t *testing.T) {
		prev := []ReminderRestoreDTO{{Key: "gone"}, {Key: keys[2], SnoozedUntil: "soon"}}
		for _, k := range keys {
			prev = append(prev, ReminderRestoreDTO{Key: k, SnoozedUntil: before[k].SnoozedTill})
		}
		problems, err := api.Restore(prev)
		if err != nil || len(problems) != 2 || problems[0].ID != "gone" || problems[0].Code != "not_found" ||
			problems[1].ID != keys[2] || problems[1].Field != "snoozedUntil" {
			t.Fatalf("restore: %+v %v", problems, err)
		}
		now := list()
		if len(now) != 3 {
			t.Fatalf("after restore %+v", now)
		}
		for _, k := range keys {
			if now[k].Status != "delivered" || now[k].SnoozedTill != "" || now[k].DeliveredAt != before[k].DeliveredAt {
				t.Fatalf("%s not as it was: %+v, before %+v", k, now[k], before[k])
			}
		}
		// Restoring a snooze puts its time back.
		if _, err := api.Restore([]ReminderRestoreDTO{{Key: keys[1], SnoozedUntil: "2026-11-24T09:00:00Z"}}); err != nil {
			t.Fatal(err)
		}
		if r := list()[keys[1]]; r.Status != "snoozed" || r.SnoozedTill != "2026-11-24T09:00:00Z" {
			t.Fatalf("snooze not restored: %+v", r)
		}
		if _, err := s.EvaluateReminders(); err != nil {
			t.Fatal(err)
		}
		if n := len(rec.Sent()); n != sent {
			t.Fatalf("restored reminders were delivered again: %d notes after %d", n, sent)
		}
	})
}
