package oncall

import (
	"reflect"
	"testing"
	"time"

	"wheelhouse/backend/id"
)

// A checkpoint reads back from its stored value as it was: instants, the
// dates its ledger entries show, and everything else exactly.
func TestCheckpointValueRoundTrip(t *testing.T) {
	berlin := time.FixedZone("CET", 3600)
	at := time.Date(2026, 3, 1, 23, 30, 0, 123, berlin) // still 1 March in Berlin, 2 March nowhere else used
	a, b, c, r := id.New(at), id.New(at.Add(time.Second)), id.New(at.Add(2*time.Second)), id.New(at.Add(3*time.Second))
	cp := &checkpoint{k: 128, prev: b,
		owed:    map[id.ID][]int{a: {7, 90}, c: {100}},
		entries: map[int]LedgerEntry{7: {RotationID: r, Slot: 7, Start: at, Skipped: b, CoveredBy: a, Why: "vacation"}, 90: {RotationID: r, Slot: 90, Start: at.AddDate(0, 1, 0), Skipped: c, CoveredBy: a, Why: "holiday: Día de la Candelaria", PaidBack: true, PaidSlot: 95}, 100: {RotationID: r, Slot: 100, Start: at.AddDate(0, 2, 0), Skipped: b, CoveredBy: c, Why: "sick"}},
		recent:  []held{{a, at, at.Add(8 * time.Hour), -1}, {b, at.Add(8 * time.Hour), at.Add(16 * time.Hour), 12345}},
	}
	key := checkpointKey(r, 128, 42)
	v, err := encodeCheckpoint(key, cp)
	if err != nil {
		t.Fatal(err)
	}
	got := decodeCheckpoint(key, v)
	if got == nil {
		t.Fatal("does not read back")
	}
	if got.k != cp.k || got.prev != cp.prev || !reflect.DeepEqual(got.owed, cp.owed) || len(got.recent) != len(cp.recent) || len(got.entries) != len(cp.entries) {
		t.Fatalf("read back %+v, want %+v", got, cp)
	}
	for i, h := range cp.recent {
		g := got.recent[i]
		if g.person != h.person || !g.s.Equal(h.s) || !g.e.Equal(h.e) || g.w != h.w {
			t.Fatalf("piece %d: %+v, want %+v", i, g, h)
		}
	}
	for k, e := range cp.entries {
		g := got.entries[k]
		if !g.Start.Equal(e.Start) || g.Start.Format("2006-01-02 15:04") != e.Start.Format("2006-01-02 15:04") {
			t.Fatalf("entry %d starts %s, want %s", k, g.Start, e.Start)
		}
		g.Start = e.Start
		if g != e {
			t.Fatalf("entry %d: %+v, want %+v", k, g, e)
		}
	}
	// Another key (slot or rotation) does not read it.
	if decodeCheckpoint(checkpointKey(r, 128, 43), v) != nil || decodeCheckpoint(checkpointKey(a, 128, 42), v) != nil {
		t.Fatal("read under another key")
	}
}
