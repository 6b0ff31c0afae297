// Package calendar is on-call in iCalendar (RFC 5545): an export of shifts
// that calendar clients can subscribe to (a local HTTP feed) and an import of
// holidays and time off from .ics files. It has no Wails dependency.
//
// The exporter writes one VEVENT per shift with UTC instants, stable UIDs and
// SEQUENCE/LAST-MODIFIED bumped on change; removed shifts stay in the feed as
// STATUS:CANCELLED for TombstoneDays. The importer is a streaming parser with
// documented limits. See docs/decisions/0005-oncall.md.
package calendar

import (
	"io"
	"strconv"
	"time"

	"wheelhouse/backend/ics"
)

// ProdID names Wheelhouse as the producer of its calendars.
const ProdID = "-//Wheelhouse//On-call//EN"

// Event statuses.
const (
	StatusConfirmed = "CONFIRMED"
	StatusCancelled = "CANCELLED"
)

// Event is one VEVENT of an export.
type Event struct {
	UID          string
	Summary      string
	Description  string
	Start, End   time.Time // written as UTC
	Status       string    // CONFIRMED or CANCELLED
	Sequence     int
	LastModified time.Time
}

// Calendar is what Render writes.
type Calendar struct {
	Name   string // X-WR-CALNAME and NAME
	Events []Event
	// Alarm, when positive, adds a display alarm that long before each
	// confirmed event.
	Alarm time.Duration
	// Refresh, when positive, suggests how often clients reload a feed
	// (REFRESH-INTERVAL, X-PUBLISHED-TTL).
	Refresh time.Duration
}

const utcLayout = "20060102T150405Z"

// Render writes cal as an iCalendar stream (backend/ics: CRLF line ends,
// text escaped, lines folded at 75 octets, never inside a UTF-8 sequence),
// instants in UTC, DTSTAMP = generatedAt. A calendar without events still
// holds one component (a UTC VTIMEZONE), so it stays a valid VCALENDAR.
func Render(w io.Writer, cal Calendar, generatedAt time.Time) error {
	e := ics.NewWriter(w)
	stamp := generatedAt.UTC().AppendFormat(nil, utcLayout)
	e.Raw("BEGIN:VCALENDAR")
	e.Raw("VERSION:2.0")
	e.Raw("PRODID:" + ProdID)
	e.Raw("CALSCALE:GREGORIAN")
	e.Raw("METHOD:PUBLISH")
	if cal.Name != "" {
		e.Text("NAME", cal.Name) // RFC 7986, TEXT
		WriteCalName(e, cal.Name)
	}
	if cal.Refresh > 0 {
		d := isoDuration(cal.Refresh)
		e.Raw("REFRESH-INTERVAL;VALUE=DURATION:" + d)
		e.Raw("X-PUBLISHED-TTL:" + d)
	}
	if len(cal.Events) == 0 {
		// RFC 5545 wants at least one component in a VCALENDAR.
		for _, l := range []string{"BEGIN:VTIMEZONE", "TZID:UTC", "BEGIN:STANDARD", "DTSTART:19700101T000000",
			"TZOFFSETFROM:+0000", "TZOFFSETTO:+0000", "TZNAME:UTC", "END:STANDARD", "END:VTIMEZONE"} {
			e.Raw(l)
		}
	}
	var alarm string
	if cal.Alarm > 0 {
		alarm = "TRIGGER:-" + isoDuration(cal.Alarm)
	}
	for i := range cal.Events {
		ev := &cal.Events[i]
		e.Raw("BEGIN:VEVENT")
		e.Text("UID", ev.UID)
		e.Bytes("DTSTAMP", stamp)
		e.Instant("DTSTART", ev.Start)
		e.Instant("DTEND", ev.End)
		e.Text("SUMMARY", ev.Summary)
		if ev.Description != "" {
			e.Text("DESCRIPTION", ev.Description)
		}
		e.Raw("SEQUENCE:" + strconv.Itoa(ev.Sequence))
		if !ev.LastModified.IsZero() {
			e.Instant("LAST-MODIFIED", ev.LastModified)
		}
		status := ev.Status
		if status == "" {
			status = StatusConfirmed
		}
		e.Raw("STATUS:" + status)
		e.Raw("TRANSP:TRANSPARENT")
		if alarm != "" && status != StatusCancelled {
			WriteAlarm(e, ev.Summary, cal.Alarm)
		}
		e.Raw("END:VEVENT")
	}
	e.Raw("END:VCALENDAR")
	return e.Flush()
}

// WriteCalName writes X-WR-CALNAME (not standard, but what clients show as
// a subscription's name) as TEXT, escaped like NAME. VALUE=TEXT tells the
// parsers that do not know the property (ical.js, Thunderbird's) to
// unescape it too.
func WriteCalName(e *ics.Writer, name string) {
	e.Text("X-WR-CALNAME;VALUE=TEXT", name)
}

// WriteAlarm writes a display alarm (VALARM) before the event's start.
func WriteAlarm(e *ics.Writer, summary string, before time.Duration) {
	e.Raw("BEGIN:VALARM")
	e.Raw("ACTION:DISPLAY")
	e.Text("DESCRIPTION", summary)
	e.Raw("TRIGGER:-" + isoDuration(before))
	e.Raw("END:VALARM")
}

// AppendText appends v escaped as an RFC 5545 TEXT value (ics.AppendText).
func AppendText(dst []byte, v string) []byte { return ics.AppendText(dst, v) }

// Fold returns line folded at 75 octets, ending with CRLF (ics.Fold).
func Fold(line []byte) []byte { return ics.Fold(line) }

// isoDuration writes d as an RFC 5545 duration (PT1H, P1D, PT90M...).
func isoDuration(d time.Duration) string {
	if d%(24*time.Hour) == 0 {
		return "P" + strconv.Itoa(int(d/(24*time.Hour))) + "D"
	}
	if d%time.Hour == 0 {
		return "PT" + strconv.Itoa(int(d/time.Hour)) + "H"
	}
	if d%time.Minute == 0 {
		return "PT" + strconv.Itoa(int(d/time.Minute)) + "M"
	}
	return "PT" + strconv.Itoa(int(d/time.Second)) + "S"
}
