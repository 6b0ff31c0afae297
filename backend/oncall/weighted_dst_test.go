package oncall_test

import (
	"testing"
	"time"

	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
)

// The weights of fair cover (decision 0013) on the holder's wall clock, on
// the days their clocks change: an hour counts 1, plus 0.5 between 22:00
// and 07:00, plus 0.5 on a Saturday or Sunday. Lord Howe's Sundays of 23.5
// and 24.5 hours, New York's of 23 and 25; spans with one offset take the
// fast path, the others the day-by-day one: both must count the same way.
func TestWeightedAcrossDST(t *testing.T) {
	utc := func(s string) time.Time {
		x, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	h := func(f float64) time.Duration { return time.Duration(f * float64(time.Hour)) }
	lh, ny := id.New(time.Unix(1, 0)), id.New(time.Unix(2, 0))
	s := &oncall.Snapshot{People: map[id.ID]oncall.PersonInfo{
		lh: {Name: "Lord Howe", TimeZone: "Australia/Lord_Howe"},
		ny: {Name: "New York", TimeZone: "America/New_York"},
	}}
	for _, c := range []struct {
		name  string
		who   id.ID
		a, b  string
		total float64 // hours
		want  time.Duration
	}{
		// Sunday 2026-10-04, 02:00 becomes 02:30: 23.5 hours, 6.5 + 2 at night.
		{"Lord Howe springs forward", lh, "2026-10-03T13:30:00Z", "2026-10-04T13:00:00Z", 23.5, h(23.5 + 0.5*8.5 + 0.5*23.5)},
		// Sunday 2026-04-05, 02:00 becomes 01:30: 24.5 hours, 7.5 + 2 at night.
		{"Lord Howe falls back", lh, "2026-04-04T13:00:00Z", "2026-04-05T13:30:00Z", 24.5, h(24.5 + 0.5*9.5 + 0.5*24.5)},
		// Sunday 2026-11-01, 02:00 EDT becomes 01:00 EST: 25 hours, 8 + 2 at night.
		{"New York falls back", ny, "2026-11-01T04:00:00Z", "2026-11-02T05:00:00Z", 25, h(25 + 0.5*10 + 0.5*25)},
		// Sunday 2026-03-08, 02:00 EST becomes 03:00 EDT: 23 hours, 6 + 2 at night.
		{"New York springs forward", ny, "2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z", 23, h(23 + 0.5*8 + 0.5*23)},
		// Saturday 20:00 EDT to Sunday 10:00 EST: 15 hours, 2 + 8 at night, all weekend.
		{"New York, a weekend night over the change", ny, "2026-11-01T00:00:00Z", "2026-11-01T15:00:00Z", 15, h(15 + 0.5*10 + 0.5*15)},
		// Monday 21:00 to Tuesday 08:00 EST, one offset (the fast path): 9 hours at night.
		{"New York, a weekday night", ny, "2026-11-03T02:00:00Z", "2026-11-03T13:00:00Z", 11, h(11 + 0.5*9)},
		// Monday 2026-07-06 06:30 to 07:30 at +10:30 (the fast path, a
		// half-hour offset): half an hour at night.
		{"Lord Howe, a half-hour offset", lh, "2026-07-05T20:00:00Z", "2026-07-05T21:00:00Z", 1, h(1 + 0.5*0.5)},
		// Friday 2026-10-02 12:00 +10:30 to Monday 2026-10-05 12:00 +11:
		// 71.5 hours; at night Friday 2, Saturday 9, Sunday 8.5, Monday 7
		// (26.5); the weekend 24 + 23.5.
		{"Lord Howe, Friday to Monday over the change", lh, "2026-10-02T01:30:00Z", "2026-10-05T01:00:00Z", 71.5, h(71.5 + 0.5*26.5 + 0.5*47.5)},
	} {
		t.Run(c.name, func(t *testing.T) {
			a, b := utc(c.a), utc(c.b)
			if got := b.Sub(a); got != h(c.total) {
				t.Fatalf("the case spans %v, not %v hours", got, c.total)
			}
			if got := oncall.Weighted(s, c.who, a, b); got != c.want {
				t.Errorf("weighted %v, want %v", got, c.want)
			}
		})
	}
}
