package app

import (
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/search"
)

// The palette's search through the binding: a JSON list ([] for nothing), a
// long query as a field error next to the input, refused while locked (and
// the kept index, which holds private notes, dropped), found again after
// unlocking.
func TestSearchAPI(t *testing.T) {
	s := shellWith(t, Config{Clock: clock.NewFake(time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)), Zone: "UTC"})
	api, lock := NewSearchAPI(s), NewLockAPI(s)
	hits, err := api.Search("dana", 0)
	if err != nil || hits == nil || len(hits) != 0 {
		t.Fatalf("empty workspace: %#v, %v (want [] and no error)", hits, err)
	}
	dana, err := NewPeopleAPI(s).CreatePerson(PersonInput{Name: "Dana Xu", TimeZone: "UTC", Role: "Engineer"})
	if err != nil {
		t.Fatal(err)
	}
	hits, err = api.Search("xu", 5)
	if err != nil || len(hits) != 1 || hits[0].Kind != search.KindPerson || hits[0].ID != dana.ID || hits[0].Detail != "Engineer · UTC" {
		t.Fatalf("xu: %+v, %v", hits, err)
	}
	if _, err := api.Search(string(make([]byte, 201)), 0); apiErr(t, err).Field != "query" {
		t.Fatalf("a 201-character query: %v", err)
	}
	if !s.search.Kept() {
		t.Fatal("no index kept after a search")
	}
	lock.Lock()
	if _, err := api.Search("xu", 5); apiErr(t, err).Code != "locked" {
		t.Fatalf("while locked: %v", err)
	}
	if s.search.Kept() {
		t.Fatal("the index is kept while locked")
	}
	api.Warm() // refused while locked: nothing is read
	time.Sleep(50 * time.Millisecond)
	if s.search.Kept() {
		t.Fatal("warmed while locked")
	}
	if _, err := lock.Unlock(""); err != nil {
		t.Fatal(err)
	}
	// Warm builds in the background: kept soon after, without a search.
	api.Warm()
	deadline := time.Now().Add(5 * time.Second)
	for !s.search.Kept() {
		if time.Now().After(deadline) {
			t.Fatal("Warm kept no index")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if hits, err := api.Search("dana", 5); err != nil || len(hits) != 1 {
		t.Fatalf("after unlocking: %+v, %v", hits, err)
	}
}
