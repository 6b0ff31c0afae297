package oncall_test

import (
	"testing"
	"time"

	"wheelhouse/backend/oncall"
)

// The schedule lists the overrides and swaps not over yet or recent; older
// ones are counted per rotation, not sent.
func TestAdjustmentsSince(t *testing.T) {
	e := setup(t)
	a := e.weekly(t, "Primary", 0, 1, 2)
	b := e.weekly(t, "Secondary", 1, 2, 3)
	at := func(d int) time.Time { return time.Date(2026, 11, 2, 12, 0, 0, 0, time.UTC).AddDate(0, 0, d) }
	for _, o := range []oncall.Override{
		{RotationID: a.ID, PersonID: e.p[3].ID, Start: at(0), End: at(1)},   // over before since
		{RotationID: a.ID, PersonID: e.p[3].ID, Start: at(14), End: at(16)}, // straddles since
		{RotationID: b.ID, PersonID: e.p[0].ID, Start: at(2), End: at(3)},   // over before since
		{RotationID: b.ID, PersonID: e.p[0].ID, Start: at(20), End: at(21)}, // ahead
	} {
		if _, err := e.svc.SaveOverride(o); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.svc.SaveSwap(oncall.Swap{RotationID: a.ID, SlotA: 0, SlotB: 1}); err != nil { // turns of 2 and 9 Nov: over by the 16th
		t.Fatal(err)
	}
	if _, err := e.svc.SaveSwap(oncall.Swap{RotationID: b.ID, SlotA: 1, SlotB: 4}); err != nil { // one turn ahead
		t.Fatal(err)
	}
	since := at(15)
	got, err := e.svc.Adjustments(since)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Overrides) != 2 || !got.Overrides[0].Start.Equal(at(14)) || !got.Overrides[1].Start.Equal(at(20)) {
		t.Errorf("overrides listed: %+v", got.Overrides)
	}
	if len(got.Swaps) != 1 || got.Swaps[0].RotationID != b.ID {
		t.Errorf("swaps listed: %+v", got.Swaps)
	}
	if got.Older[a.ID] != 2 || got.Older[b.ID] != 1 || len(got.Older) != 2 {
		t.Errorf("older per rotation: %v (want Primary 2, Secondary 1)", got.Older)
	}
}
