package calendar

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/errs"
)

var now = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

func parseFile(t *testing.T, name string) *Parsed {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := Parse(f, DefaultLimits, now)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return p
}

func items(p *Parsed) string {
	var b strings.Builder
	for _, it := range p.Items {
		fmt.Fprintf(&b, "%s | %s | %s\n", it.Key, it.When(), it.Name)
	}
	return b.String()
}

func same(t *testing.T, got, want string) {
	t.Helper()
	if strings.TrimSpace(got) != strings.TrimSpace(want) {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestParseGoogle(t *testing.T) {
	p := parseFile(t, "google.ics")
	if p.Name != "Holidays in Germany" || p.Events != 4 || len(p.Warnings) != 0 {
		t.Fatalf("%q %d %q", p.Name, p.Events, p.Warnings)
	}
	// VALUE=DATE with an exclusive DTEND is one day; a floating time is in
	// the calendar's X-WR-TIMEZONE; a folded summary is unfolded.
	same(t, items(p), `
20261003_1p6k9sqa7gdq6c1l7k0ol4sjd4@google.com | 2026-10-03 | Tag der Deutschen Einheit – Feiertag für ganz Deutschland mit einem sehr langen Namen, der über die Faltgrenze hinausgeht: äöüß€
20261225_kdbd3ruvl0t5a8frbf2bta9ak0@google.com | 2026-12-25 | Christmas Day
20261226_o9c8s3ol6bnc2ekmvmd0gu8d6c@google.com | 2026-12-26 | Second Day of Christmas
nye-afternoon@google.com | 2026-12-31 13:00 to 2026-12-31 17:00 UTC | New Year's Eve (afternoon off)`)
}

func TestParseOutlook(t *testing.T) {
	p := parseFile(t, "outlook.ics") // with a UTF-8 byte-order mark
	if p.Name != "Dana Xu - Out of office" || p.Events != 4 {
		t.Fatalf("%q %d", p.Name, p.Events)
	}
	// Windows zone names map to IANA; an unknown custom zone uses its
	// VTIMEZONE's standard offset, with a warning; a cancelled event is skipped.
	same(t, items(p), `
040000008200E00074C5B7101A82E00800000000D0A5B5B3C1F4DA01000000000000000010000000E1D2F1A8B5C6D74F9D1A0B2C3D4E5F60 | 2026-12-02 08:00 to 2026-12-04 17:00 UTC | Out of office: conference
doctor@outlook | 2026-12-10 04:30 to 2026-12-10 06:30 UTC | Doctor
vacation-dec@outlook | 2026-12-21 to 2026-12-23 | Vacation`)
	if len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0], "Custom Zone Without Name is not known; its standard offset +0530 was used") {
		t.Errorf("warnings %q", p.Warnings)
	}
}

func TestParseApple(t *testing.T) {
	p := parseFile(t, "apple.ics") // LF line ends, a fold inside a UTF-8 sequence
	got := items(p)
	for _, want := range []string{
		"swiss-national-day@apple/20260801 | 2026-08-01 | Nationalfeiertag – Fête nationale – 国庆节 – día nacional ☀️ Sommerferien für alle",
		"swiss-national-day@apple/20280801 | 2028-07-31 to 2028-08-01 | National day (long weekend)",
		"swiss-national-day@apple/20290801 | 2029-08-01 |",
		"thanksgiving@apple/20261126 | 2026-11-26 | Thanksgiving",
		"thanksgiving@apple/20271125 | 2027-11-25 | Thanksgiving",
		"thanksgiving@apple/20281123 | 2028-11-23 | Thanksgiving",
		"standup-free-friday@apple/20261106T120000Z | 2026-11-06 12:00 to 2026-11-06 16:00 UTC | Friday afternoon off",
		"standup-free-friday@apple/20261120T120000Z | 2026-11-20 12:00 to 2026-11-20 16:00 UTC |",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	for _, gone := range []string{"/20270801", "/20250801", "20261113", "/20280731"} {
		if strings.Contains(got, gone) {
			t.Errorf("%s should not be imported (EXDATE, before the window, COUNT, or overridden):\n%s", gone, got)
		}
	}
	if len(p.Warnings) != 0 {
		t.Errorf("warnings %q", p.Warnings)
	}
}

// Every refusal is an Invalid error with a message that says what is wrong.
func TestParseRefusesHostileInput(t *testing.T) {
	ev := func(i int) string {
		return fmt.Sprintf("BEGIN:VEVENT\r\nUID:e%d\r\nDTSTART;VALUE=DATE:20261201\r\nSUMMARY:x\r\nEND:VEVENT\r\n", i)
	}
	many := func(n int) string {
		var b strings.Builder
		b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
		for i := 0; i < n; i++ {
			b.WriteString(ev(i))
		}
		b.WriteString("END:VCALENDAR\r\n")
		return b.String()
	}
	deep := "BEGIN:VCALENDAR\r\n" + strings.Repeat("BEGIN:X\r\n", 20) + strings.Repeat("END:X\r\n", 20) + "END:VCALENDAR\r\n"
	small := DefaultLimits
	small.MaxEvents, small.MaxBytes = 100, 1<<20
	for _, c := range []struct {
		name, in string
		lim      Limits
		want     string
	}{
		{"empty", "", DefaultLimits, "The file is empty"},
		{"not ics", "hello, world\n", DefaultLimits, "not an iCalendar file"},
		{"json", `{"format": "wheelhouse-workspace"}`, DefaultLimits, "not an iCalendar file"},
		{"truncated", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:2026", DefaultLimits, "cut short"},
		{"unbalanced", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VTODO\r\nEND:VCALENDAR\r\n", DefaultLimits, "END:VTODO where END:VEVENT was expected"},
		{"10 MB line", "BEGIN:VCALENDAR\r\nSUMMARY:" + strings.Repeat("a", 10<<20) + "\r\nEND:VCALENDAR\r\n", DefaultLimits, "longer than 256 KB"},
		{"10 MB folded line", "BEGIN:VCALENDAR\r\nX-A:" + strings.Repeat("a\r\n ", 5<<20) + "\r\nEND:VCALENDAR\r\n", DefaultLimits, "longer than 256 KB after unfolding"},
		{"too many events", many(101), small, "more than 100 events"},
		{"too big", strings.Replace(many(1), "VERSION:2.0\r\n", strings.Repeat("X-PAD:"+strings.Repeat("p", 1300)+"\r\n", 900), 1), small, "larger than 1 MB"},
		{"deep nesting", deep, DefaultLimits, "nested more than 8 deep"},
		{"bad content line", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n;;;\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", DefaultLimits, "not a valid content line"},
		{"property after end", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nSUMMARY:x\r\n", DefaultLimits, "after the end of the calendar"},
		{"too many props", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n" + strings.Repeat("ATTENDEE:x\r\n", 1001) + "END:VEVENT\r\nEND:VCALENDAR\r\n", DefaultLimits, "more than 1000 properties"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(c.in), c.lim, now)
			if !errs.Is(err, errs.Invalid) || !strings.Contains(errs.MessageOf(err), c.want) {
				t.Fatalf("got %v, want an Invalid error with %q", err, c.want)
			}
		})
	}
}

// Odd but harmless input is imported with warnings, never a crash.
func TestParseSkipsWhatItCannotUse(t *testing.T) {
	in := strings.Join([]string{"BEGIN:VCALENDAR",
		"BEGIN:VEVENT", "UID:no-start", "SUMMARY:No start", "END:VEVENT",
		"BEGIN:VEVENT", "UID:bad-date", "DTSTART:2026-12-01", "END:VEVENT",
		"BEGIN:VEVENT", "UID:minutely", "DTSTART:20261201T000000Z", "DTEND:20261201T000100Z", "RRULE:FREQ=MINUTELY", "SUMMARY:Spam", "END:VEVENT",
		"BEGIN:VEVENT", "UID:impossible", "DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "SUMMARY:Never", "END:VEVENT",
		"BEGIN:VEVENT", "UID:zero", "DTSTART:20261201T100000Z", "DTEND:20261201T100000Z", "SUMMARY:Zero", "END:VEVENT",
		"BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261205", "SUMMARY:No UID", "END:VEVENT",
		"BEGIN:VEVENT", "UID:ancient", "DTSTART;VALUE=DATE:10010101", "SUMMARY:Old", "END:VEVENT",
		"BEGIN:VTODO", "UID:todo", "END:VTODO",
		"END:VCALENDAR"}, "\r\n")
	p, err := Parse(strings.NewReader(in), DefaultLimits, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 1 || !strings.HasPrefix(p.Items[0].Key, "no-uid-") || p.Items[0].StartDate != "2026-12-05" {
		t.Fatalf("items %s", items(p))
	}
	w := strings.Join(p.Warnings, "\n")
	for _, want := range []string{"has no start", "not a date", "FREQ=MINUTELY", "no length", "starts in 1001"} {
		if !strings.Contains(w, want) {
			t.Errorf("warnings lack %q:\n%s", want, w)
		}
	}
}

func TestParseIsBoundedOnImpossibleRules(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("BEGIN:VCALENDAR\r\n")
	for i := 0; i < 200; i++ {
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:n%d\r\nDTSTART;VALUE=DATE:19000101\r\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30\r\nEND:VEVENT\r\n", i)
	}
	b.WriteString("END:VCALENDAR\r\n")
	start := time.Now()
	p, err := Parse(&b, DefaultLimits, now)
	if err != nil || len(p.Items) != 0 {
		t.Fatal(err, len(p.Items))
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Fatalf("200 impossible daily rules since 1900 took %s", d)
	}
}

// Outlook writes a recurring absence with DTSTART in a zone (a Windows name
// or an IANA one) and UNTIL as the UTC instant of the last occurrence: that
// last occurrence is imported, as every client shows it, east and west of
// UTC and with a date-only UNTIL.
func TestUntilEqualToTheLastOccurrenceIsKept(t *testing.T) {
	for _, c := range []struct{ tzid, start, until, last string }{
		{"W. Europe Standard Time", "20261207T090000", "20261211T080000Z", "2026-12-11 08:00"},
		{"Europe/Berlin", "20261207T090000", "20261211T080000Z", "2026-12-11 08:00"},
		{"AUS Eastern Standard Time", "20261207T090000", "20261210T220000Z", "2026-12-10 22:00"},
		{"Australia/Lord_Howe", "20261207T090000", "20261210T220000Z", "2026-12-10 22:00"},
		{"Eastern Standard Time", "20261207T090000", "20261211T140000Z", "2026-12-11 14:00"},
		{"Europe/Berlin", "20261207T090000", "20261211", "2026-12-11 08:00"},
	} {
		in := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:ooo\r\nSUMMARY:Out of office\r\n" +
			"DTSTART;TZID=\"" + c.tzid + "\":" + c.start + "\r\nDURATION:PT8H\r\n" +
			"RRULE:FREQ=DAILY;UNTIL=" + c.until + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
		p, err := Parse(strings.NewReader(in), DefaultLimits, now)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Items) != 5 || !strings.HasPrefix(p.Items[4].When(), c.last) {
			t.Errorf("%s UNTIL=%s: %d items\n%s", c.tzid, c.until, len(p.Items), items(p))
		}
	}
}

// A recurring event with no date in the import window says so in the
// preview instead of vanishing.
func TestRecurringEventOutsideTheWindowIsReported(t *testing.T) {
	in := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:old\r\nSUMMARY:Old team day\r\n" +
		"DTSTART;VALUE=DATE:20100301\r\nRRULE:FREQ=YEARLY;COUNT=3\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:now\r\nSUMMARY:Every Friday\r\nDTSTART;VALUE=DATE:20261106\r\nRRULE:FREQ=WEEKLY;COUNT=2\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	p, err := Parse(strings.NewReader(in), DefaultLimits, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 2 || len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0], `"Old team day" (line 3) repeats, but none of its dates falls between 2025-11-22 and 2031-11-27`) {
		t.Fatalf("items %d, warnings %q", len(p.Items), p.Warnings)
	}
}
