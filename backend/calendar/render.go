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
	"bufio"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
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

// Render writes cal as an iCalendar stream: CRLF line ends, text escaped,
// lines folded at 75 octets (never inside a UTF-8 sequence), instants in
// UTC, DTSTAMP = generatedAt. A calendar without events still holds one
// component (a UTC VTIMEZONE), so it stays a valid VCALENDAR.
func Render(w io.Writer, cal Calendar, generatedAt time.Time) error {
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriterSize(w, 64<<10)
	}
	e := &encoder{w: bw, line: make([]byte, 0, 256)}
	stamp := generatedAt.UTC().AppendFormat(nil, utcLayout)
	e.raw("BEGIN:VCALENDAR")
	e.raw("VERSION:2.0")
	e.raw("PRODID:" + ProdID)
	e.raw("CALSCALE:GREGORIAN")
	e.raw("METHOD:PUBLISH")
	if cal.Name != "" {
		e.text("NAME", cal.Name) // RFC 7986, TEXT
		// X-WR-CALNAME is not standard: clients (ical.js, Outlook) read it
		// raw, so it is written without escapes; line breaks, control
		// characters and backslashes are left out.
		e.line = append(e.line[:0], "X-WR-CALNAME:"...)
		e.line = appendRaw(e.line, cal.Name)
		e.flush()
	}
	if cal.Refresh > 0 {
		d := isoDuration(cal.Refresh)
		e.raw("REFRESH-INTERVAL;VALUE=DURATION:" + d)
		e.raw("X-PUBLISHED-TTL:" + d)
	}
	if len(cal.Events) == 0 {
		// RFC 5545 wants at least one component in a VCALENDAR.
		for _, l := range []string{"BEGIN:VTIMEZONE", "TZID:UTC", "BEGIN:STANDARD", "DTSTART:19700101T000000",
			"TZOFFSETFROM:+0000", "TZOFFSETTO:+0000", "TZNAME:UTC", "END:STANDARD", "END:VTIMEZONE"} {
			e.raw(l)
		}
	}
	var alarm string
	if cal.Alarm > 0 {
		alarm = "TRIGGER:-" + isoDuration(cal.Alarm)
	}
	for i := range cal.Events {
		ev := &cal.Events[i]
		e.raw("BEGIN:VEVENT")
		e.text("UID", ev.UID)
		e.stamp("DTSTAMP", stamp)
		e.instant("DTSTART", ev.Start)
		e.instant("DTEND", ev.End)
		e.text("SUMMARY", ev.Summary)
		if ev.Description != "" {
			e.text("DESCRIPTION", ev.Description)
		}
		e.line = append(e.line[:0], "SEQUENCE:"...)
		e.line = strconv.AppendInt(e.line, int64(ev.Sequence), 10)
		e.flush()
		if !ev.LastModified.IsZero() {
			e.instant("LAST-MODIFIED", ev.LastModified)
		}
		status := ev.Status
		if status == "" {
			status = StatusConfirmed
		}
		e.raw("STATUS:" + status)
		e.raw("TRANSP:TRANSPARENT")
		if alarm != "" && status != StatusCancelled {
			e.raw("BEGIN:VALARM")
			e.raw("ACTION:DISPLAY")
			e.text("DESCRIPTION", ev.Summary)
			e.raw(alarm)
			e.raw("END:VALARM")
		}
		e.raw("END:VEVENT")
	}
	e.raw("END:VCALENDAR")
	if e.err != nil {
		return e.err
	}
	return bw.Flush()
}

type encoder struct {
	w    *bufio.Writer
	line []byte
	err  error
}

func (e *encoder) raw(s string) {
	e.line = append(e.line[:0], s...)
	e.flush()
}

func (e *encoder) stamp(name string, v []byte) {
	e.line = append(e.line[:0], name...)
	e.line = append(e.line, ':')
	e.line = append(e.line, v...)
	e.flush()
}

func (e *encoder) instant(name string, t time.Time) {
	e.line = append(e.line[:0], name...)
	e.line = append(e.line, ':')
	e.line = t.UTC().AppendFormat(e.line, utcLayout)
	e.flush()
}

func (e *encoder) text(name, v string) {
	e.line = append(e.line[:0], name...)
	e.line = append(e.line, ':')
	e.line = AppendText(e.line, v)
	e.flush()
}

// flush writes e.line folded, with CRLF (Fold, without the copy).
func (e *encoder) flush() {
	if e.err != nil {
		return
	}
	line := e.line
	if len(line) <= 75 {
		e.w.Write(line)
		_, e.err = e.w.WriteString("\r\n")
		return
	}
	first := true
	for len(line) > 0 {
		n := foldCut(line, first)
		first = false
		e.w.Write(line[:n])
		line = line[n:]
		if len(line) > 0 {
			e.w.WriteString("\r\n ")
		}
	}
	_, e.err = e.w.WriteString("\r\n")
}

// AppendText appends v escaped as an RFC 5545 TEXT value: backslash,
// semicolon and comma escaped, every line break (CRLF, LF, CR) as \n, other
// control characters dropped, invalid UTF-8 replaced by U+FFFD.
func AppendText(dst []byte, v string) []byte {
	for i := 0; i < len(v); {
		c := v[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\\' || c == ';' || c == ',':
				dst = append(dst, '\\', c)
			case c == '\r':
				dst = append(dst, '\\', 'n')
				if i+1 < len(v) && v[i+1] == '\n' {
					i++
				}
			case c == '\n':
				dst = append(dst, '\\', 'n')
			case c == '\t':
				dst = append(dst, c)
			case c < 0x20 || c == 0x7f:
				// dropped: RFC 5545 forbids control characters in values
			default:
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(v[i:])
		if r == utf8.RuneError && n == 1 {
			dst = append(dst, "\uFFFD"...)
		} else {
			dst = append(dst, v[i:i+n]...)
		}
		i += n
	}
	return dst
}

// Fold returns line folded at 75 octets as RFC 5545 section 3.1 asks (CRLF
// plus one space before each continuation), never splitting a UTF-8
// sequence, and ending with CRLF.
func Fold(line []byte) []byte {
	var b []byte
	for len(line) > 0 {
		n := foldCut(line, len(b) == 0)
		b = append(b, line[:n]...)
		line = line[n:]
		if len(line) > 0 {
			b = append(b, '\r', '\n', ' ')
		}
	}
	return append(b, '\r', '\n')
}

// foldCut is how many octets of line fit on a physical line: 75 on the first
// (first is true), 74 after the leading space of a continuation, backed up
// to the start of a UTF-8 sequence.
func foldCut(line []byte, first bool) int {
	limit := 74
	if first {
		limit = 75
	}
	if len(line) <= limit {
		return len(line)
	}
	cut := limit
	for cut > 1 && line[cut]&0xC0 == 0x80 { // a continuation byte: back up to the rune start
		cut--
	}
	return cut
}

// appendRaw appends v without escapes, dropping control characters and
// backslashes, replacing invalid UTF-8.
func appendRaw(dst []byte, v string) []byte {
	for _, r := range strings.ToValidUTF8(v, "\uFFFD") {
		if r < 0x20 || r == 0x7f || r == '\\' {
			if r == '\n' || r == '\t' {
				dst = append(dst, ' ')
			}
			continue
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

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
