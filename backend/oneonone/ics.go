package oneonone

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/ics"
)

// Invite is what the calendar export needs besides the series.
type Invite struct {
	PersonName  string
	PersonEmail string
	Zone        *time.Location // the manager's zone: the usual time is wall-clock time there
	GeneratedAt time.Time
	// Alarm, when positive, adds a display alarm that long before each 1:1.
	Alarm time.Duration
}

// WriteICS writes the series as one recurring event (RRULE) in the
// manager's zone, with a VTIMEZONE that follows the zone for the series'
// whole life (backend/ics), so the 1:1 stays at its wall-clock time across
// DST in every year. It goes through the one .ics writer (folding, TEXT
// escapes). Only the cadence and the person's name leave the machine: no
// agenda, notes or check-ins.
//
// Monthly series recur on the same weekday of the month as the first 1:1
// (the 2nd Tuesday; the last Tuesday when the first one falls in the month's
// last week of a 5-week month).
//
// 1:1s the clocks change around (Clashes: a start or end inside a skipped
// or repeated hour, or a change during the meeting) read differently in
// different clients, so for ClashYears they are taken out of the rule
// (EXDATE, at the same wall-clock time, which every client matches the
// same way) and written as events of their own at fixed UTC times.
func WriteICS(w io.Writer, s *Series, inv Invite) error {
	s.Normalize()
	if err := s.Validate(); err != nil {
		return err
	}
	loc := inv.Zone
	if loc == nil {
		loc = time.UTC
	}
	day, _ := s.First()
	first := s.At(day, loc)
	mins, _ := ParseClock(s.Time)
	name := "1:1 with " + inv.PersonName
	uid := "oneonone-" + s.PersonID.String() + "@wheelhouse"

	e := ics.NewWriter(w)
	e.Raw("BEGIN:VCALENDAR")
	e.Raw("VERSION:2.0")
	e.Raw("PRODID:-//Wheelhouse//1:1s//EN")
	e.Raw("CALSCALE:GREGORIAN")
	e.Text("NAME", name)
	e.Text("X-WR-CALNAME;VALUE=TEXT", name)
	if loc != time.UTC {
		ics.VTimezone(e, loc, first.Start)
	}
	horizon := day
	if g := inv.GeneratedAt.UTC(); g.After(horizon) {
		horizon = time.Date(g.Year(), g.Month(), g.Day(), 0, 0, 0, 0, time.UTC)
	}
	clashes := s.Clashes(loc, day, horizon.AddDate(ClashYears, 0, 0))
	// The rule starts at the first 1:1 that does not clash: ical.js shows
	// DTSTART even when an EXDATE names it. Earlier clashing ones are
	// written at fixed times like the others.
	clashed := map[string]bool{}
	for _, c := range clashes {
		clashed[c.Date] = true
	}
	ruleDay := day
	for clashed[civil.Format(ruleDay)] {
		next, _ := civil.Parse(s.NextOccurrence(civil.Format(ruleDay)))
		ruleDay = next
	}
	wall := time.Date(ruleDay.Year(), ruleDay.Month(), ruleDay.Day(), mins/60, mins%60, 0, 0, time.UTC)
	stamp := inv.GeneratedAt.UTC()
	event := func(uid, description string) {
		e.Raw("BEGIN:VEVENT")
		e.Text("UID", uid)
		e.Instant("DTSTAMP", stamp)
		if !s.UpdatedAt.IsZero() {
			e.Instant("LAST-MODIFIED", s.UpdatedAt)
		}
		e.Text("SUMMARY", name)
		e.Text("DESCRIPTION", description)
		e.Raw("TRANSP:OPAQUE")
		if inv.PersonEmail != "" {
			b := append([]byte(nil), "ATTENDEE;CN="...)
			b = ics.AppendParam(b, inv.PersonName)
			b = append(b, ":mailto:"...)
			b = append(b, inv.PersonEmail...)
			e.Raw(string(b))
		}
	}
	end := func() {
		if inv.Alarm > 0 {
			e.Raw("BEGIN:VALARM")
			e.Raw("ACTION:DISPLAY")
			e.Text("DESCRIPTION", name)
			e.Raw("TRIGGER:-" + isoMinutes(inv.Alarm))
			e.Raw("END:VALARM")
		}
		e.Raw("END:VEVENT")
	}
	event(uid, "One-on-one, "+s.Cadence.Label()+". Agenda and notes stay in Wheelhouse.")
	if loc == time.UTC {
		e.Instant("DTSTART", first.Start)
		e.Raw("DURATION:PT" + strconv.Itoa(s.DurationMinutes) + "M")
	} else {
		e.Local("DTSTART", time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), 0, 0, loc), loc)
		// DURATION, not DTEND: the length is the same in every client even
		// where a wall-clock end would be read differently.
		e.Raw("DURATION:PT" + strconv.Itoa(s.DurationMinutes) + "M")
	}
	e.Raw("RRULE:" + rrule(s, day))
	for _, c := range clashes {
		d, _ := civil.Parse(c.Date)
		if d.Before(ruleDay) {
			continue
		}
		x := d.Add(time.Duration(mins) * time.Minute)
		e.Raw("EXDATE;TZID=" + string(ics.AppendParam(nil, loc.String())) + ":" + x.Format(ics.LocalLayout))
	}
	end()
	for _, c := range clashes {
		event("oneonone-"+s.PersonID.String()+"-"+strings.ReplaceAll(c.Date, "-", "")+"@wheelhouse",
			"One-on-one, "+s.Cadence.Label()+". The clocks change around this one, so it is given at a fixed time. Agenda and notes stay in Wheelhouse.")
		e.Instant("DTSTART", c.Start)
		e.Instant("DTEND", c.End)
		end()
	}
	e.Raw("END:VCALENDAR")
	if err := e.Flush(); err != nil {
		return errs.Wrap("oneonone.WriteICS", err)
	}
	return nil
}

func isoMinutes(d time.Duration) string {
	return "PT" + strconv.Itoa(int(d/time.Minute)) + "M"
}

var byday = [...]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

func rrule(s *Series, first time.Time) string {
	switch s.Cadence {
	case Weekly:
		return "FREQ=WEEKLY;BYDAY=" + byday[s.Weekday]
	case Biweekly:
		return "FREQ=WEEKLY;INTERVAL=2;BYDAY=" + byday[s.Weekday]
	}
	return fmt.Sprintf("FREQ=MONTHLY;BYDAY=%d%s", nth(first), byday[s.Weekday])
}
