package tz

import (
	"testing"
	"time"
)

func TestNamesLoadOffline(t *testing.T) {
	names := Names()
	if len(names) < 300 {
		t.Fatalf("only %d zones", len(names))
	}
	for _, n := range names {
		if !Valid(n) {
			t.Errorf("listed zone %q does not load from the embedded database", n)
		}
	}
	for _, bad := range []string{"", "Local", "Mars/Olympus", "../etc/passwd"} {
		if Valid(bad) {
			t.Errorf("%q accepted", bad)
		}
	}
	loc, _ := Load("Asia/Kolkata")
	if got := OffsetLabel(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), loc); got != "UTC+05:30" {
		t.Errorf("Kolkata offset %q", got)
	}
	ny, _ := Load("America/New_York")
	if got := OffsetLabel(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), ny); got != "UTC-05:00" {
		t.Errorf("New York offset %q", got)
	}
}
