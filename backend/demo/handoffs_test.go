package demo_test

import (
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/demo"
)

// The small demo's handoff records, made through the handoff service for
// the turns of the last eight weeks that ended, at different instants (one
// at a handoff): every ended turn is recorded but the last one to end (the
// Handoffs tab has one to record), and the records follow the pages: the
// flapping CI runners' week is heavy with open issues and interrupted
// sleep, the settlement job's night pages name a runbook gap.
func TestSmallDemoHandoffs(t *testing.T) {
	for _, now := range []time.Time{
		time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC),
		time.Date(2026, 11, 25, 16, 0, 0, 0, time.UTC),
		time.Date(2026, 3, 29, 1, 30, 0, 0, time.UTC),
		time.Date(2026, 12, 5, 3, 0, 0, 0, time.UTC),
	} {
		t.Run(now.Format(time.RFC3339), func(t *testing.T) {
			w := open(t, demo.Small, now)
			all, err := w.Handoffs.Recent(7 * 8)
			if err != nil {
				t.Fatal(err)
			}
			var latest time.Time
			for _, e := range all {
				if e.Ended && e.End.After(latest) {
					latest = e.End
				}
			}
			if now.Sub(latest) > 7*24*time.Hour {
				t.Fatalf("no turn ended in the last week: %+v", all)
			}
			var missing, heavy, runbook int
			for _, e := range all {
				if !e.Ended {
					continue
				}
				r := e.Record
				if r == nil {
					if !e.End.Equal(latest) {
						t.Errorf("the turn that ended %s has no record", e.End)
					}
					missing++
					continue
				}
				if r.PersonID != e.PersonID || !r.RecordedAt.After(r.TurnEnd) || r.RecordedAt.After(now) || r.Rating < 1 || r.Rating > 5 {
					t.Errorf("record %+v of turn %+v", r, e.Turn)
				}
				if r.Rating == 4 && r.SleepInterrupted && strings.Contains(r.OpenIssues, "ci-runners") {
					heavy++
				}
				if strings.Contains(r.RunbookGaps, "settlement") && r.SleepInterrupted {
					runbook++
				}
			}
			if missing != 1 || heavy != 1 || runbook != 1 {
				t.Errorf("%d turns not recorded, %d heavy flapping weeks, %d settlement runbook gaps", missing, heavy, runbook)
			}
		})
	}
}
