package reminder

import (
	"fmt"
	"time"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/tz"
)

// Quiet is when reminders are held back: a daily window in the user's time
// zone (it may cross midnight, e.g. 22:00-08:00) and, optionally, weekends.
type Quiet struct {
	Enabled  bool   `json:"enabled"`
	Start    string `json:"start"` // "HH:MM" local
	End      string `json:"end"`   // "HH:MM" local; before Start means the window crosses midnight
	Weekends bool   `json:"weekends"`
}

func parseHM(s string) (int, error) {
	var h, m int
	if _, err := fmt.Sscanf(s, "%d:%d", &h, &m); err != nil || h < 0 || h > 23 || m < 0 || m > 59 || len(s) != 5 {
		return 0, fmt.Errorf("%q is not a time like 22:00", s)
	}
	return h*60 + m, nil
}

// Validate checks the times.
func (q Quiet) Validate() error {
	if !q.Enabled {
		return nil
	}
	s, err := parseHM(q.Start)
	if err != nil {
		return err
	}
	e, err := parseHM(q.End)
	if err != nil {
		return err
	}
	if s == e {
		return fmt.Errorf("quiet hours start and end at the same time")
	}
	return nil
}

// Allowed reports whether a reminder may be shown at t (wall clock in loc).
func (q Quiet) Allowed(t time.Time, loc *time.Location) bool {
	l := t.In(loc)
	if q.Weekends && (l.Weekday() == time.Saturday || l.Weekday() == time.Sunday) {
		return false
	}
	if !q.Enabled {
		return true
	}
	s, err1 := parseHM(q.Start)
	e, err2 := parseHM(q.End)
	if err1 != nil || err2 != nil || s == e {
		return true // invalid settings never silence reminders
	}
	m := l.Hour()*60 + l.Minute()
	var quiet bool
	if s < e {
		quiet = m >= s && m < e
	} else { // crosses midnight
		quiet = m >= s || m < e
	}
	return !quiet
}

// NextAllowed returns the first instant at or after t when a reminder may be
// shown. Boundaries are local wall-clock times, so a quiet window ending at
// 08:00 ends at 08:00 local on both sides of a DST change; an end time that
// falls into a spring-forward gap ends the window when the gap ends (03:00
// when clocks jump from 02:00 to 03:00).
func (q Quiet) NextAllowed(t time.Time, loc *time.Location) time.Time {
	c := t
	for i := 0; i < 16; i++ {
		if q.Allowed(c, loc) {
			return c
		}
		l := c.In(loc)
		y, mo, d := l.Date()
		if q.Weekends && (l.Weekday() == time.Saturday || l.Weekday() == time.Sunday) {
			c = time.Date(y, mo, d+1, 0, 0, 0, 0, loc)
			continue
		}
		e, _ := parseHM(q.End)
		next := wallTime(y, mo, d, e/60, e%60, loc)
		if !next.After(c) {
			next = wallTime(y, mo, d+1, e/60, e%60, loc)
		}
		c = next
	}
	return c
}

// wallTime is tz.WallTime: the first instant at which the wall clock in loc
// shows h:m on that day (the end of a spring-forward gap; the first of two in
// a fall-back overlap).
func wallTime(y int, mo time.Month, d, h, m int, loc *time.Location) time.Time {
	return tz.WallTime(y, mo, d, h, m, loc)
}

// SnoozeUntil turns a snooze choice into an instant: "1h" (an hour from now),
// "tomorrow" (09:00 local tomorrow) or a date "2026-12-01" (09:00 local then).
func SnoozeUntil(choice string, now time.Time, loc *time.Location) (time.Time, error) {
	l := now.In(loc)
	switch choice {
	case "1h":
		return now.Add(time.Hour), nil
	case "tomorrow":
		y, m, d := l.Date()
		return wallTime(y, m, d+1, 9, 0, loc), nil
	}
	day, ok := civil.Parse(choice)
	if !ok {
		return time.Time{}, fmt.Errorf("snooze until %q: choose 1h, tomorrow or a date like 2026-12-01", choice)
	}
	until := wallTime(day.Year(), day.Month(), day.Day(), 9, 0, loc)
	if !until.After(now) {
		return time.Time{}, fmt.Errorf("snooze until %s: that is not in the future", choice)
	}
	return until, nil
}
