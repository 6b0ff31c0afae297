package calendar

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"wheelhouse/backend/ics/icstest"
	"wheelhouse/backend/oncall"
)

// Every on-call export (a rotation, a person, the team), read by two
// independent parsers — ical.js and python3-icalendar — gives each shift
// the instants Wheelhouse computed, with rotations in zones whose clocks
// change by an hour or by half an hour and handoffs inside the skipped hour.
func TestExportsReadTheSameInTwoParsers(t *testing.T) {
	from, to := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 5, 1, 0, 0, 0, 0, time.UTC)
	for _, zone := range []string{"America/New_York", "Europe/Berlin", "Australia/Lord_Howe"} {
		for _, handoff := range []string{"10:00", "02:15"} {
			snap, rid := fixture()
			snap.Rotations[0].TimeZone = zone
			snap.Rotations[0].HandoffTime = handoff
			snap.Rotations[0].ShiftLength = oncall.ShiftLength{N: 1, Unit: oncall.Days}
			for _, sc := range []Scope{{Kind: ScopeRotation, ID: rid}, {Kind: ScopePerson, ID: snap.Rotations[0].Participants[0]}, {Kind: ScopeTeam}} {
				t.Run(zone+"/"+handoff+"/"+string(sc.Kind), func(t *testing.T) {
					shifts := oncall.AllShifts(snap, from, to)
					if sc.Kind == ScopeRotation {
						shifts = oncall.Shifts(snap, sc.ID, from, to)
					}
					rec := Reconcile(nil, Events(snap, shifts, sc), sc, from, to, genAt)
					var want []icstest.Occurrence
					for _, e := range rec.Events {
						if e.Status != StatusCancelled {
							want = append(want, icstest.Occurrence{UID: e.UID, Start: e.Start, End: e.End})
						}
					}
					if len(want) < 30 {
						t.Fatalf("only %d shifts", len(want))
					}
					icstest.Sort(want)
					var b bytes.Buffer
					if err := Render(&b, Calendar{Name: `On call: ` + zone + `, \ "all"`, Events: rec.Events, Alarm: 15 * time.Minute}, genAt); err != nil {
						t.Fatal(err)
					}
					path := filepath.Join(t.TempDir(), "oncall.ics")
					os.WriteFile(path, b.Bytes(), 0o644)
					far := time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
					for _, r := range []icstest.Reading{icstest.ICALJS(t, path, far), icstest.Python(t, path, far)} {
						icstest.Same(t, r, want, true)
						if r.Name != `On call: `+zone+`, \ "all"` {
							t.Fatalf("%s reads the calendar name as %q", r.Parser, r.Name)
						}
					}
				})
			}
		}
	}
}
