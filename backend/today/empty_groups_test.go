package today_test

import (
	"os"
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/today"
	"wheelhouse/backend/workspace"
)

// A workspace with people and nothing else yet (no closed follow-ups: the
// reverse scan of an empty index group) has a day. It failed with a nil
// dereference inside Badger, which the window's WebKit turned into a crash.
func TestTheDayOfAWorkspaceWithOnlyPeople(t *testing.T) {
	f, err := os.Open("../../scripts/smoke/people.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	s, err := workspace.Parse(f, now)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := workspace.ImportFolder(dir, s, false, workspace.Options{Clock: clock.NewFake(now)}); err != nil {
		t.Fatal(err)
	}
	w, err := workspace.Open(dir, workspace.Options{Clock: clock.NewFake(now), Zone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	d, err := today.Of(w, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.FollowUps.Overdue) != 0 {
		t.Errorf("overdue follow-ups on a workspace without any: %v", d.FollowUps.Overdue)
	}
}
