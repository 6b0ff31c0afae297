package oneonone

import (
	"time"

	"wheelhouse/backend/civil"
)

// Slot is the next 1:1 of a series seen from both sides: the cadence is set
// in the manager's zone, and the report may live elsewhere.
type Slot struct {
	Date  string    `json:"date"` // civil date of the next slot, manager's zone
	Start time.Time `json:"start" ts_type:"string"`
	End   time.Time `json:"end" ts_type:"string"`
	// ManagerZone and ReportZone are IANA names; SameZone when the two read
	// the same wall-clock time for the slot (not only the same name).
	ManagerZone string `json:"managerZone"`
	ReportZone  string `json:"reportZone"`
	SameZone    bool   `json:"sameZone"`
	// ReportWeekday (0 = Sunday) and ReportTime ("HH:MM") are when the slot
	// starts for the report; ReportEndTime when it ends.
	ReportWeekday int    `json:"reportWeekday"`
	ReportTime    string `json:"reportTime"`
	ReportEndTime string `json:"reportEndTime"`
	// OutsideHours: some of the meeting falls outside the report's working
	// hours (Monday to Friday, 09:00 to 18:00 their time).
	OutsideHours bool `json:"outsideHours"`
}

// Working hours used across the app (the overview's local times too).
const (
	WorkStartHour = 9
	WorkEndHour   = 18
)

// NextSlot is the first slot of s on or after today (a civil date in the
// manager's zone mgr), on a date the series meets (Occurs), as seen by a report in zone rep. A wall-clock time that
// does not exist that day (a spring-forward gap) moves forward as Go's
// time.Date does; ok is false for a series without a valid time.
func NextSlot(s Series, today string, mgr, rep *time.Location) (Slot, bool) {
	t, err := time.Parse("15:04", s.Time)
	d, okd := civil.Parse(today)
	if err != nil || !okd || mgr == nil || rep == nil || s.Weekday < 0 || s.Weekday > 6 {
		return Slot{}, false
	}
	if st, ok := civil.Parse(s.StartDate); ok && st.After(d) {
		d = st
	}
	ahead := (s.Weekday - int(d.Weekday()) + 7) % 7
	day := d.AddDate(0, 0, ahead)
	// Every two weeks or monthly, the next slot is the series' next date
	// (the one its calendar shows), not merely the next such weekday.
	if _, ok := s.First(); ok && !s.Occurs(day) {
		if n, ok := civil.Parse(s.NextOccurrence(civil.Format(day))); ok && s.Occurs(n) {
			day = n
		}
	}
	start := time.Date(day.Year(), day.Month(), day.Day(), t.Hour(), t.Minute(), 0, 0, mgr)
	end := start.Add(time.Duration(max(s.DurationMinutes, 0)) * time.Minute)
	rs, re := start.In(rep), end.In(rep)
	out := Slot{
		Date: civil.Format(day), Start: start.UTC(), End: end.UTC(),
		ManagerZone: mgr.String(), ReportZone: rep.String(),
		SameZone:      rs.Format("2006-01-02 15:04") == start.Format("2006-01-02 15:04"),
		ReportWeekday: int(rs.Weekday()), ReportTime: rs.Format("15:04"), ReportEndTime: re.Format("15:04"),
	}
	out.OutsideHours = !withinWorkingHours(rs, re)
	return out, true
}

// withinWorkingHours: [a, b) lies within one working day, 09:00-18:00.
func withinWorkingHours(a, b time.Time) bool {
	if a.Weekday() == time.Saturday || a.Weekday() == time.Sunday {
		return false
	}
	dayStart := time.Date(a.Year(), a.Month(), a.Day(), WorkStartHour, 0, 0, 0, a.Location())
	dayEnd := time.Date(a.Year(), a.Month(), a.Day(), WorkEndHour, 0, 0, 0, a.Location())
	return !a.Before(dayStart) && !b.After(dayEnd)
}
