package search_test

import (
	"testing"
	"time"

	"wheelhouse/backend/demo/demotest"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/search"
)

// The palette's search on the large demo (50 people, 5 years, 20,000
// follow-ups, 2,000 incidents, 1:1s and feedback): the first search after
// opening (builds the index) and a search with the index kept, for a name,
// two words found in text, and a word found nowhere (every record scanned).
func BenchmarkSearchLargeDemo(b *testing.B) {
	now := time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)
	w := demotest.OpenLarge(b, now)
	b.Run("first", func(b *testing.B) {
		for b.Loop() {
			var x search.Index
			if _, err := x.Search(w, "dana", 0); err != nil {
				b.Fatal(err)
			}
		}
	})
	var x search.Index
	if _, err := x.Search(w, "warm", 0); err != nil {
		b.Fatal(err)
	}
	// A follow-up completed (and reopened) between searches: only the
	// follow-ups are read again.
	b.Run("after-followup-edit", func(b *testing.B) {
		its, err := w.FollowUps.List(followup.Filter{})
		if err != nil || len(its) == 0 {
			b.Fatal(err)
		}
		it := its[0]
		st := []followup.Status{followup.StatusDone, followup.StatusOpen}
		for i := 0; b.Loop(); i++ {
			b.StopTimer()
			if _, err := w.FollowUps.SetStatus(it.ID, st[i%2], ""); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if _, err := x.Search(w, "dana", 0); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, q := range []string{"dana", "deploy rollback", "qqxqq"} {
		b.Run("kept/"+q, func(b *testing.B) {
			n := 0
			for b.Loop() {
				hs, err := x.Search(w, q, 0)
				if err != nil {
					b.Fatal(err)
				}
				n = len(hs)
			}
			b.ReportMetric(float64(n), "hits")
		})
	}
}
