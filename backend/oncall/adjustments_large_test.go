package oncall_test

import (
	"encoding/json"
	"testing"
	"time"

	"wheelhouse/backend/demo/demotest"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
)

// Adjustments works from the cached snapshot and computes holders only for
// the swaps it lists: on the large demo (five years, hundreds of overrides
// and swaps) it must give exactly what filtering Overrides and SwapViews
// gives, for any "since", also after an edit.
func TestAdjustmentsIsOverridesAndSwapViewsFiltered(t *testing.T) {
	now := time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)
	w := demotest.OpenLarge(t, now)
	s := w.OnCall
	want := func(since time.Time) oncall.Adjustments {
		out := oncall.Adjustments{Since: since.UTC(), Overrides: []oncall.Override{}, Swaps: []oncall.SwapView{}, Older: map[id.ID]int{}}
		ovs, err := s.Overrides(id.Nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range ovs {
			if o.End.After(since) {
				out.Overrides = append(out.Overrides, o)
			} else {
				out.Older[o.RotationID]++
			}
		}
		sws, err := s.SwapViews(id.Nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range sws {
			if v.EndA.After(since) || v.EndB.After(since) {
				out.Swaps = append(out.Swaps, v)
			} else {
				out.Older[v.RotationID]++
			}
		}
		return out
	}
	js := func(v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	check := func(label string) {
		t.Helper()
		listed := 0
		for _, since := range []time.Time{time.Time{}, now.AddDate(-1, 0, 0), now.AddDate(0, 0, -30), now, now.AddDate(0, 6, 0), now.AddDate(20, 0, 0)} {
			got, err := s.Adjustments(since)
			if err != nil {
				t.Fatal(err)
			}
			w := want(since)
			if js(got) != js(w) {
				t.Errorf("%s, since %v: Adjustments differs from Overrides and SwapViews filtered:\n got %d overrides, %d swaps, older %v\nwant %d overrides, %d swaps, older %v",
					label, since, len(got.Overrides), len(got.Swaps), got.Older, len(w.Overrides), len(w.Swaps), w.Older)
			}
			listed += len(got.Swaps) + len(got.Overrides)
		}
		if listed == 0 {
			t.Fatal("nothing listed: the large demo has no overrides or swaps")
		}
	}
	check("as generated")
	// After an edit the snapshot is refreshed: still the same.
	ovs, err := s.Overrides(id.Nil)
	if err != nil || len(ovs) == 0 {
		t.Fatalf("overrides: %v %d", err, len(ovs))
	}
	if err := s.DeleteOverride(ovs[len(ovs)-1].ID); err != nil {
		t.Fatal(err)
	}
	check("after deleting an override")
}
