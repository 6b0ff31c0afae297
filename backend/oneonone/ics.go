package oneonone

import (
	"fmt"
	"io"
	"strings"
	"time"

	ical "github.com/emersion/go-ical"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
)

// Invite is what the calendar export needs besides the series.
type Invite struct {
	PersonName  string
	PersonEmail string
	Zone        *time.Location // the manager's zone: the usual time is wall-clock time there
	GeneratedAt time.Time
}

// WriteICS writes the series as one recurring event (RRULE) in the
// manager's zone, with a VTIMEZONE, so the 1:1 stays at its wall-clock time
// across DST. Only the cadence and the person's name leave the machine: no
// agenda, notes or check-ins.
//
// Monthly series recur on the same weekday of the month as the first 1:1
// (the 2nd Tuesday; the last Tuesday when the first one falls in the month's
// last week of a 5-week month).
func WriteICS(w io.Writer, s *Series, inv Invite) error {
	s.Normalize()
	if err := s.Validate(); err != nil {
		return err
	}
	loc := inv.Zone
	if loc == nil {
		loc = time.UTC
	}
	day, _ := civil.Parse(s.StartDate)
	// the first occurrence is the first usual weekday on or after the start date
	for int(day.Weekday()) != s.Weekday {
		day = day.AddDate(0, 0, 1)
	}
	mins, _ := ParseClock(s.Time)
	y, m, d := day.Date()
	start := time.Date(y, m, d, mins/60, mins%60, 0, 0, loc)
	end := start.Add(time.Duration(s.DurationMinutes) * time.Minute)

	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropProductID, "-//Wheelhouse//1:1s//EN")
	cal.Props.SetText(ical.PropCalendarScale, "GREGORIAN")
	cal.Props.SetText("X-WR-CALNAME", "1:1 with "+inv.PersonName)
	if loc != time.UTC {
		cal.Children = append(cal.Children, VTimezone(loc, start, 10))
	}

	ev := ical.NewEvent()
	ev.Props.SetText(ical.PropUID, "oneonone-"+s.PersonID.String()+"@wheelhouse")
	ev.Props.SetDateTime(ical.PropDateTimeStamp, inv.GeneratedAt.UTC())
	if !s.UpdatedAt.IsZero() {
		ev.Props.SetDateTime(ical.PropLastModified, s.UpdatedAt.UTC())
	}
	setLocal(ev.Props, ical.PropDateTimeStart, start, loc)
	setLocal(ev.Props, ical.PropDateTimeEnd, end, loc)
	ev.Props.SetText(ical.PropSummary, "1:1 with "+inv.PersonName)
	ev.Props.SetText(ical.PropDescription, "One-on-one, "+s.Cadence.Label()+". Agenda and notes stay in Wheelhouse.")
	ev.Props.SetText(ical.PropTransparency, "OPAQUE")
	raw(ev.Props, ical.PropRecurrenceRule, rrule(s, day))
	if inv.PersonEmail != "" {
		p := ical.NewProp(ical.PropAttendee)
		p.Value = "mailto:" + inv.PersonEmail
		// a parameter value cannot hold a double quote (RFC 5545 3.2)
		p.Params.Set(ical.ParamCommonName, strings.ReplaceAll(inv.PersonName, `"`, "'"))
		ev.Props.Add(p)
	}
	cal.Children = append(cal.Children, ev.Component)
	if err := ical.NewEncoder(w).Encode(cal); err != nil {
		return errs.Wrap("oneonone.WriteICS", err)
	}
	return nil
}

var byday = [...]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

func rrule(s *Series, first time.Time) string {
	switch s.Cadence {
	case Weekly:
		return "FREQ=WEEKLY;BYDAY=" + byday[s.Weekday]
	case Biweekly:
		return "FREQ=WEEKLY;INTERVAL=2;BYDAY=" + byday[s.Weekday]
	}
	n := (first.Day()-1)/7 + 1
	if n == 5 {
		n = -1
	}
	return fmt.Sprintf("FREQ=MONTHLY;BYDAY=%d%s", n, byday[s.Weekday])
}

func setLocal(props ical.Props, name string, t time.Time, loc *time.Location) {
	p := ical.NewProp(name)
	if loc == time.UTC {
		p.Value = t.UTC().Format("20060102T150405Z")
	} else {
		p.Value = t.In(loc).Format("20060102T150405")
		p.Params.Set(ical.ParamTimezoneID, loc.String())
	}
	props.Set(p)
}

// VTimezone describes loc from the year of from for the next years: every
// offset change as an observance (DAYLIGHT or STANDARD, with RDATEs), taken
// from Go's embedded tz database. A zone without changes gets one STANDARD
// observance.
func VTimezone(loc *time.Location, from time.Time, years int) *ical.Component {
	tz := ical.NewComponent(ical.CompTimezone)
	tz.Props.SetText(ical.PropTimezoneID, loc.String())
	// from the year before, so the first occurrence lies after an onset
	y0 := from.In(loc).Year() - 1
	lo := time.Date(y0, 1, 1, 0, 0, 0, 0, loc)
	hi := time.Date(y0+years, 1, 1, 0, 0, 0, 0, loc)
	type change struct {
		at       time.Time
		from, to int
		name     string
		isDST    bool
	}
	var changes []change
	prev := lo
	_, prevOff := prev.Zone()
	for t := lo.Add(24 * time.Hour); !t.After(hi); t = t.Add(24 * time.Hour) {
		_, off := t.Zone()
		if off == prevOff {
			prev = t
			continue
		}
		// the change is in (prev, t]: narrow it to the second
		a, b := prev, t
		for b.Sub(a) > time.Second {
			mid := a.Add(b.Sub(a) / 2)
			if _, o := mid.Zone(); o == prevOff {
				a = mid
			} else {
				b = mid
			}
		}
		name, _ := b.Zone()
		changes = append(changes, change{at: b, from: prevOff, to: off, name: name, isDST: b.IsDST()})
		prev, prevOff = t, off
	}
	if len(changes) == 0 {
		name, off := lo.Zone()
		c := ical.NewComponent(ical.CompTimezoneStandard)
		raw(c.Props, ical.PropDateTimeStart, "19700101T000000")
		raw(c.Props, ical.PropTimezoneOffsetFrom, offset(off))
		raw(c.Props, ical.PropTimezoneOffsetTo, offset(off))
		c.Props.SetText(ical.PropTimezoneName, name)
		tz.Children = append(tz.Children, c)
		return tz
	}
	// group the changes by (from, to, name): each group is one observance
	type key struct {
		from, to int
		name     string
		dst      bool
	}
	groups := map[key]*ical.Component{}
	var order []key
	for _, ch := range changes {
		k := key{ch.from, ch.to, ch.name, ch.isDST}
		// onset in the local time of the offset before the change
		local := ch.at.UTC().Add(time.Duration(ch.from) * time.Second).Format("20060102T150405")
		c := groups[k]
		if c == nil {
			kind := ical.CompTimezoneStandard
			if ch.isDST {
				kind = ical.CompTimezoneDaylight
			}
			c = ical.NewComponent(kind)
			raw(c.Props, ical.PropDateTimeStart, local)
			raw(c.Props, ical.PropTimezoneOffsetFrom, offset(ch.from))
			raw(c.Props, ical.PropTimezoneOffsetTo, offset(ch.to))
			c.Props.SetText(ical.PropTimezoneName, ch.name)
			groups[k] = c
			order = append(order, k)
		}
		// Every onset is an RDATE, the first (DTSTART) too: RFC 5545 counts
		// DTSTART as the first onset, but ical.js (Thunderbird) reads only
		// the RDATEs once there are any.
		p := ical.NewProp(ical.PropRecurrenceDates)
		p.Value = local
		c.Props.Add(p)
	}
	for _, k := range order {
		tz.Children = append(tz.Children, groups[k])
	}
	return tz
}

func offset(sec int) string {
	sign := '+'
	if sec < 0 {
		sign, sec = '-', -sec
	}
	return fmt.Sprintf("%c%02d%02d", sign, sec/3600, (sec%3600)/60)
}

// raw sets a property whose value is not TEXT (SetText would add VALUE=TEXT
// and escape the semicolons of an RRULE).
func raw(props ical.Props, name, value string) {
	p := ical.NewProp(name)
	p.Value = value
	props.Set(p)
}
