package pages_test

import (
	"testing"
	"time"

	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/pages"
)

// A responder's weeks are cut at their local Monday 00:00, and a page's
// band and week are read on their local wall clock, across a DST change:
// Lord Howe moves its clocks by 30 minutes (+10:30 to +11 on Sunday
// 2026-10-04 at 02:00), New York by an hour (EDT to EST on Sunday
// 2026-11-01 at 02:00). Each case is a weekly rotation of two people whose
// first shift, the responder's, spans the change and the Monday after it.
func TestHealthWeeksAcrossDST(t *testing.T) {
	utc := func(s string) time.Time {
		x, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	type week struct {
		name                        string
		pages, business, off, sleep int
		onCallDays                  float64
	}
	cases := []struct {
		zone, start, handoff string
		to                   string   // the end of the other person's week after
		pages                []string // creation instants
		weeks                []week
		shiftDays            float64
	}{{
		// Wed 2026-09-30 12:00 +10:30 (01:30Z) to Wed 2026-10-07 12:00 +11
		// (01:00Z): 7 days less 30 minutes. Monday 2026-10-05 00:00 +11 is
		// 2026-10-04T13:00Z.
		zone: "Australia/Lord_Howe", start: "2026-09-30", handoff: "12:00", to: "2026-10-14T01:00:00Z",
		pages: []string{
			"2026-10-03T15:45:00Z", // Sunday 02:15 +10:30: sleep, W40
			"2026-10-03T21:00:00Z", // Sunday 08:00 +11: off hours (07:30 at the old offset)
			"2026-10-04T12:59:00Z", // Sunday 23:59 +11: sleep, W40
			"2026-10-04T13:00:00Z", // Monday 00:00 +11: sleep, W41
			"2026-10-04T21:00:00Z", // Monday 08:00: business, W41
			"2026-10-05T06:59:00Z", // Monday 17:59: business
			"2026-10-05T07:00:00Z", // Monday 18:00: off hours
		},
		shiftDays: 7 - 0.5/24,
		weeks: []week{
			{"2026-W40", 3, 0, 1, 2, 4 + 11.5/24}, // 01:30Z Wed to 13:00Z Sun
			{"2026-W41", 4, 2, 1, 1, 2.5},         // 13:00Z Sun to 01:00Z Wed
		},
	}, {
		// Fri 2026-10-30 09:00 EDT (13:00Z) to Fri 2026-11-06 09:00 EST
		// (14:00Z): 7 days and an hour. Monday 2026-11-02 00:00 EST is
		// 05:00Z.
		zone: "America/New_York", start: "2026-10-30", handoff: "09:00", to: "2026-11-13T14:00:00Z",
		pages: []string{
			"2026-11-01T05:30:00Z", // 01:30 EDT: sleep
			"2026-11-01T06:30:00Z", // 01:30 EST, the repeated hour: sleep
			"2026-11-01T12:59:00Z", // Sunday 07:59 EST: sleep (08:59 at the old offset)
			"2026-11-01T13:00:00Z", // Sunday 08:00 EST: off hours
			"2026-11-02T04:59:00Z", // Sunday 23:59 EST: sleep, W44
			"2026-11-02T05:00:00Z", // Monday 00:00 EST: sleep, W45
			"2026-11-02T13:00:00Z", // Monday 08:00 EST: business
			"2026-11-02T23:00:00Z", // Monday 18:00 EST: off hours
		},
		shiftDays: 7 + 1.0/24,
		weeks: []week{
			{"2026-W44", 5, 0, 1, 4, 2 + 16.0/24}, // 13:00Z Fri to 05:00Z Mon
			{"2026-W45", 3, 1, 1, 1, 4 + 9.0/24},  // 05:00Z Mon to 14:00Z Fri
		},
	}}
	for _, c := range cases {
		t.Run(c.zone, func(t *testing.T) {
			base := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
			who, other, rot, team := id.New(base), id.New(base.Add(1)), id.New(base.Add(2)), id.New(base.Add(3))
			snap := &oncall.Snapshot{
				People: map[id.ID]oncall.PersonInfo{who: {Name: "Responder", TimeZone: c.zone}, other: {Name: "Other", TimeZone: c.zone}},
				Teams:  map[id.ID]string{team: "Team"},
				Rotations: []oncall.Rotation{{ID: rot, Name: "Primary", TeamID: team, Layer: 1, TimeZone: c.zone,
					Participants: []id.ID{who, other}, ShiftLength: oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, HandoffTime: c.handoff,
					StartDate: c.start, RequiredCoverage: oncall.Coverage24x7}},
			}
			from, to := base, utc(c.to)
			var ps []pages.Page
			for i, at := range c.pages {
				ps = append(ps, pages.Page{SourceID: string(rune('a' + i)), Title: "T", Created: utc(at), ResponderID: who})
			}
			rep := pages.Health(ps, oncall.AllShifts(snap, from, to), snap, from, to, pages.HealthOptions{})
			var ph *pages.PersonHealth
			for i := range rep.People {
				if rep.People[i].PersonID == who {
					ph = &rep.People[i]
				}
			}
			if ph == nil {
				t.Fatalf("no health for the responder: %+v", rep.People)
			}
			if ph.Shifts != 1 || !near(ph.OnCallDays, c.shiftDays) || ph.Pages != len(c.pages) {
				t.Errorf("shifts %d, on-call days %v (want %v), pages %d", ph.Shifts, ph.OnCallDays, c.shiftDays, ph.Pages)
			}
			if len(ph.Weeks) != len(c.weeks) {
				t.Fatalf("weeks: %+v", ph.Weeks)
			}
			for i, w := range c.weeks {
				g := ph.Weeks[i]
				if g.Week != w.name || g.Pages != w.pages || g.Business != w.business || g.OffHours != w.off || g.Sleep != w.sleep || !near(g.OnCallDays, w.onCallDays) {
					t.Errorf("week %d: %s %d pages (%d business, %d off, %d sleep) over %v days; want %+v", i, g.Week, g.Pages, g.Business, g.OffHours, g.Sleep, g.OnCallDays, w)
				}
			}
		})
	}
}
