package oncall_test

import (
	"encoding/json"
	"testing"
	"time"

	"wheelhouse/backend/demo/demotest"
	"wheelhouse/backend/id"
)

// What the On-call screen asks for on the large demo when it opens: the
// rotations, every rotation's shifts of the week, 90 days of coverage gaps,
// the overrides and swaps ahead, and the teams' on-call now.
func BenchmarkScreenPayloads(b *testing.B) {
	now := time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)
	w := demotest.OpenLarge(b, now)
	s := w.OnCall
	from := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	run := func(name string, fn func() (any, error)) {
		b.Run(name, func(b *testing.B) {
			var n int
			for b.Loop() {
				v, err := fn()
				if err != nil {
					b.Fatal(err)
				}
				j, _ := json.Marshal(v)
				n = len(j)
			}
			b.ReportMetric(float64(n)/1024, "KiB")
		})
	}
	run("rotations", func() (any, error) { return s.Rotations() })
	run("week-shifts", func() (any, error) { return s.AllShifts(from, from.AddDate(0, 0, 7)) })
	run("coverage-90d", func() (any, error) { return s.Coverage(now, now.AddDate(0, 0, 90)) })
	run("warnings-90d", func() (any, error) { return s.Warnings(now, now.AddDate(0, 0, 90)) })
	run("overrides", func() (any, error) { return s.Overrides(id.ID{}) })
	run("swapviews", func() (any, error) { return s.SwapViews(id.ID{}) })
	// What the schedule lists: from 30 days ago on (OnCallView), older ones counted.
	run("adjustments-30d", func() (any, error) { return s.Adjustments(now.AddDate(0, 0, -30)) })
	run("teams-oncall", func() (any, error) { return s.TeamsOnCall() })
}
