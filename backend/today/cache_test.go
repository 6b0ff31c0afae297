package today_test

import (
	"encoding/json"
	"testing"
	"time"

	"wheelhouse/backend/followup"
	"wheelhouse/backend/today"
)

// A kept day is given only while nothing it was built from moved: the same
// snapshot of the same workspace, in the same minute. Any commit, the next
// minute or another workspace builds it afresh.
func TestCacheGivesTheKeptDayOnlyWhileNothingMoved(t *testing.T) {
	e := open(t, now)
	e.people(t, "Kofi")
	if _, err := e.w.FollowUps.Create(followup.Item{Title: "First", OwnerID: e.p["Kofi"].ID, DueDate: "2026-11-25"}); err != nil {
		t.Fatal(err)
	}
	var c today.Cache
	at := now.Add(5 * time.Second)
	if err := c.Warm(e.w, at); err != nil {
		t.Fatal(err)
	}
	// Same minute, nothing written: the kept day, built at `at`.
	d, err := c.Of(e.w, at.Add(40*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if !d.Now.Equal(at) || d.FollowUps.Count != 1 {
		t.Fatalf("same minute, nothing written: want the kept day (now %v, 1 follow-up), got now %v, %d", at, d.Now, d.FollowUps.Count)
	}
	// The next minute: built afresh.
	next := at.Add(time.Minute)
	if d, err = c.Of(e.w, next); err != nil || !d.Now.Equal(next) {
		t.Fatalf("next minute: want a day built at %v, got %v (%v)", next, d.Now, err)
	}
	// A commit in the same minute: built afresh, with it.
	if _, err := e.w.FollowUps.Create(followup.Item{Title: "Second", OwnerID: e.p["Kofi"].ID, DueDate: "2026-11-26"}); err != nil {
		t.Fatal(err)
	}
	later := next.Add(time.Second)
	if d, err = c.Of(e.w, later); err != nil || !d.Now.Equal(later) || d.FollowUps.Count != 2 {
		t.Fatalf("after a commit: want a day built at %v with 2 follow-ups, got %v with %d (%v)", later, d.Now, d.FollowUps.Count, err)
	}
	// Another workspace at the same instant: its own day, not this one's.
	o := open(t, now)
	if d, err = c.Of(o.w, later); err != nil || d.FollowUps.Count != 0 {
		t.Fatalf("another workspace: want its own day (0 follow-ups), got %d (%v)", d.FollowUps.Count, err)
	}
	// And back: the other workspace's day is not given to this one.
	if d, err = c.Of(e.w, later); err != nil || d.FollowUps.Count != 2 {
		t.Fatalf("back to the first workspace: want 2 follow-ups, got %d (%v)", d.FollowUps.Count, err)
	}
}

// The day through the cache is today.Of's.
func TestCacheDayIsTodayOf(t *testing.T) {
	e := open(t, now)
	e.people(t, "Kofi", "Ana")
	if _, err := e.w.FollowUps.Create(followup.Item{Title: "Due", OwnerID: e.p["Ana"].ID, DueDate: "2026-11-23"}); err != nil {
		t.Fatal(err)
	}
	var c today.Cache
	got, err := c.Of(e.w, now)
	if err != nil {
		t.Fatal(err)
	}
	want, err := today.Of(e.w, now)
	if err != nil {
		t.Fatal(err)
	}
	if js(t, got) != js(t, want) {
		t.Fatalf("cache:\n%s\ntoday.Of:\n%s", js(t, got), js(t, want))
	}
}

func js(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
