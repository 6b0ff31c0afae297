package oneonone

import (
	"testing"
	"time"
)

func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	l, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestNextSlotSeenFromTheReportsZone(t *testing.T) {
	berlin, la, lordHowe := zone(t, "Europe/Berlin"), zone(t, "America/Los_Angeles"), zone(t, "Australia/Lord_Howe")
	friday := Series{Weekday: 5, Time: "10:00", DurationMinutes: 30, StartDate: "2026-01-01"}
	for _, c := range []struct {
		name        string
		s           Series
		today       string
		mgr, rep    *time.Location
		date, rtime string
		rwd         int
		same, out   bool
	}{
		// Fri 10:00 Berlin is Fri 01:00 in Los Angeles (9 h behind in winter): outside their hours.
		{"Berlin manager, LA report, winter", friday, "2026-12-04", berlin, la, "2026-12-04", "01:00", 5, false, true},
		// Europe moves to summer time on 29 March 2026, the US on 8 March: in the
		// weeks between, the gap is 8 h.
		{"between the two DST changes", friday, "2026-03-20", berlin, la, "2026-03-20", "02:00", 5, false, true},
		// Same zone: reads the same, within hours.
		{"same zone", friday, "2026-12-05", berlin, berlin, "2026-12-11", "10:00", 5, true, false},
		// Lord Howe is UTC+11 in its summer (half-hour DST): 10:00 Berlin (UTC+1)
		// is 20:00 there the same day.
		{"Lord Howe report", friday, "2026-12-04", berlin, lordHowe, "2026-12-04", "20:00", 5, false, true},
		// Monday 08:30 in Berlin is still Sunday 23:30 in Los Angeles.
		{"weekday moves back for LA", Series{Weekday: 1, Time: "08:30", DurationMinutes: 30}, "2026-12-04", berlin, la, "2026-12-07", "23:30", 0, false, true},
		// Not before the series starts.
		{"series starts later", Series{Weekday: 2, Time: "16:00", DurationMinutes: 60, StartDate: "2027-01-10"}, "2026-12-04", la, berlin, "2027-01-12", "01:00", 3, false, true},
		// LA manager at 08:00 is 17:00 in Berlin: a 30-minute 1:1 fits, a 90-minute one does not.
		{"fits the working day", Series{Weekday: 3, Time: "08:00", DurationMinutes: 30}, "2026-12-04", la, berlin, "2026-12-09", "17:00", 3, false, false},
		{"runs past 18:00", Series{Weekday: 3, Time: "08:00", DurationMinutes: 90}, "2026-12-04", la, berlin, "2026-12-09", "17:00", 3, false, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, ok := NextSlot(c.s, c.today, c.mgr, c.rep)
			if !ok {
				t.Fatal("no slot")
			}
			if got.Date != c.date || got.ReportTime != c.rtime || got.ReportWeekday != c.rwd || got.SameZone != c.same || got.OutsideHours != c.out {
				t.Errorf("got %+v", got)
			}
		})
	}
	if _, ok := NextSlot(Series{Weekday: 1, Time: "25:00"}, "2026-12-04", berlin, la); ok {
		t.Error("a bad time gives a slot")
	}
	if _, ok := NextSlot(friday, "not a date", berlin, la); ok {
		t.Error("a bad date gives a slot")
	}
}

// Every two weeks and monthly, the next slot is a date the series meets, as
// its calendar shows, not the next such weekday.
func TestNextSlotFollowsTheCadence(t *testing.T) {
	berlin := zone(t, "Europe/Berlin")
	for _, c := range []struct {
		name, today, want string
		s                 Series
	}{
		// First 1:1 Fri 2026-11-27; every two weeks: 27 Nov, 11 Dec, 25 Dec.
		{"biweekly, off week", "2026-12-02", "2026-12-11", Series{Cadence: Biweekly, Weekday: 5, Time: "10:00", DurationMinutes: 30, StartDate: "2026-11-27"}},
		{"biweekly, on the day", "2026-12-11", "2026-12-11", Series{Cadence: Biweekly, Weekday: 5, Time: "10:00", DurationMinutes: 30, StartDate: "2026-11-27"}},
		// First 1:1 Tue 2026-11-10, the 2nd Tuesday: next is 8 Dec, then 12 Jan.
		{"monthly, 2nd Tuesday", "2026-11-20", "2026-12-08", Series{Cadence: Monthly, Weekday: 2, Time: "09:00", DurationMinutes: 45, StartDate: "2026-11-10"}},
		{"monthly, after this month's", "2026-12-09", "2027-01-12", Series{Cadence: Monthly, Weekday: 2, Time: "09:00", DurationMinutes: 45, StartDate: "2026-11-10"}},
		{"weekly", "2026-12-02", "2026-12-04", Series{Cadence: Weekly, Weekday: 5, Time: "10:00", DurationMinutes: 30, StartDate: "2026-11-27"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, ok := NextSlot(c.s, c.today, berlin, berlin)
			if !ok || got.Date != c.want {
				t.Errorf("NextSlot from %s = %s (%v), want %s", c.today, got.Date, ok, c.want)
			}
		})
	}
}
