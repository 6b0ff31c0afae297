package app

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/notify"
)

func TestReminderAPISettingsAndClock(t *testing.T) {
	cfg := t.TempDir()
	env := map[string]string{"XDG_CONFIG_HOME": cfg}
	rec := &notify.Recorder{}
	s := NewShell(Config{Root: t.TempDir(), Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Clock: clock.NewFake(time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)), Notifier: rec, Zone: "Europe/Berlin",
		Getenv: func(k string) string { return env[k] }, Exe: "/usr/bin/wheelhouse"})
	t.Cleanup(s.Close)
	if err := s.Open(); err != nil {
		t.Fatal(err)
	}
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
	if ae := apiErr(t, api.Dismiss("nope")); ae.Code != "not_found" {
		t.Fatalf("dismiss unknown: %+v", ae)
	}
}
