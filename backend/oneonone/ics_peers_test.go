package oneonone_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/ics/icstest"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oneonone"
)

var peerGenAt = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

// pytzEnd: python3-icalendar 4 (Debian 12) places times with pytz, which
// knows no offset changes after 2037; it is compared up to there.
var pytzEnd = time.Date(2038, 1, 1, 0, 0, 0, 0, time.UTC)

func writeSeries(t *testing.T, s *oneonone.Series, loc *time.Location) string {
	t.Helper()
	var b bytes.Buffer
	if err := oneonone.WriteICS(&b, s, oneonone.Invite{PersonName: "Dana", Zone: loc, GeneratedAt: peerGenAt}); err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(b.String(), "\r\n") {
		if len(l) > 75 {
			t.Fatalf("line %d is %d octets: %q", i+1, len(l), l)
		}
	}
	path := filepath.Join(t.TempDir(), "1on1.ics")
	os.WriteFile(path, b.Bytes(), 0o644)
	return path
}

func want(s *oneonone.Series, loc *time.Location, until time.Time) []icstest.Occurrence {
	var out []icstest.Occurrence
	to := time.Date(until.Year(), until.Month(), until.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, 2)
	for _, o := range s.Occurrences(loc, time.Time{}, to) {
		if o.Start.Before(until) {
			out = append(out, icstest.Occurrence{Start: o.Start, End: o.End})
		}
	}
	icstest.Sort(out)
	return out
}

// The 1:1 series, read by ical.js with the VTIMEZONE we write and by
// python3-icalendar, lands on the instants Wheelhouse computes — every
// cadence, in zones with a one-hour and a half-hour DST shift, to the year
// 2100 in ical.js (the VTIMEZONE once covered ten years: from 2035 ical.js
// put the 1:1s an hour off, 30 minutes in Lord Howe).
func TestSeriesReadsTheSameInTwoParsers(t *testing.T) {
	far := time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, zone := range []string{"America/New_York", "Europe/Berlin", "Australia/Lord_Howe"} {
		loc, _ := time.LoadLocation(zone)
		for _, c := range []oneonone.Series{
			{Cadence: oneonone.Weekly, Weekday: 2, Time: "10:30", DurationMinutes: 45, StartDate: "2026-02-01"},
			{Cadence: oneonone.Biweekly, Weekday: 4, Time: "16:00", DurationMinutes: 30, StartDate: "2026-03-05"},
			{Cadence: oneonone.Monthly, Weekday: 1, Time: "09:00", DurationMinutes: 60, StartDate: "2026-03-30"}, // the last Monday
			{Cadence: oneonone.Monthly, Weekday: 3, Time: "14:15", DurationMinutes: 30, StartDate: "2026-01-14"}, // the 2nd Wednesday
		} {
			s := c
			s.PersonID = id.New(peerGenAt)
			t.Run(zone+"/"+string(s.Cadence)+"/"+s.StartDate, func(t *testing.T) {
				path := writeSeries(t, &s, loc)
				js := icstest.ICALJS(t, path, far)
				icstest.Same(t, js, want(&s, loc, far), false)
				if js.Name != "1:1 with Dana" {
					t.Fatalf("ical.js calendar name %q", js.Name)
				}
				icstest.Same(t, icstest.Python(t, path, pytzEnd), want(&s, loc, pytzEnd), false)
			})
		}
	}
}

// A 1:1 that the clocks change around (a start in the skipped hour, one in
// the repeated hour, a meeting the change falls in) reads the same in both
// parsers: such 1:1s are written at fixed UTC times, for ClashYears.
func TestClashingSeriesReadsTheSameInTwoParsers(t *testing.T) {
	for _, c := range []struct {
		zone string
		s    oneonone.Series
		gap  string // the first clash's date
	}{
		{"America/New_York", oneonone.Series{Cadence: oneonone.Weekly, Weekday: 0, Time: "02:30", DurationMinutes: 60, StartDate: "2026-03-01"}, "2026-03-08"},
		{"America/New_York", oneonone.Series{Cadence: oneonone.Weekly, Weekday: 0, Time: "01:30", DurationMinutes: 60, StartDate: "2026-03-01"}, "2026-03-08"},
		{"Europe/Berlin", oneonone.Series{Cadence: oneonone.Monthly, Weekday: 0, Time: "02:30", DurationMinutes: 30, StartDate: "2026-03-29"}, "2026-03-29"},
		{"Australia/Lord_Howe", oneonone.Series{Cadence: oneonone.Weekly, Weekday: 0, Time: "01:45", DurationMinutes: 30, StartDate: "2026-03-01"}, "2026-04-05"},
	} {
		loc, _ := time.LoadLocation(c.zone)
		s := c.s
		s.PersonID = id.New(peerGenAt)
		t.Run(c.zone+"/"+s.Time, func(t *testing.T) {
			first, _ := s.First()
			horizon := peerGenAt.AddDate(oneonone.ClashYears, 0, 0)
			if first.After(peerGenAt) {
				horizon = first.AddDate(oneonone.ClashYears, 0, 0)
			}
			cl := s.Clashes(loc, first, horizon)
			if len(cl) < 10 || cl[0].Date != c.gap {
				t.Fatalf("clashes %+v", cl)
			}
			path := writeSeries(t, &s, loc)
			body, _ := os.ReadFile(path)
			if n := strings.Count(string(body), "EXDATE;TZID="+c.zone); n != len(cl) && n != len(cl)-1 { // the first 1:1 clashes: the rule starts after it
				t.Fatalf("%d EXDATEs for %d clashes", n, len(cl))
			}
			icstest.Same(t, icstest.ICALJS(t, path, horizon), want(&s, loc, horizon), false)
			icstest.Same(t, icstest.Python(t, path, pytzEnd), want(&s, loc, pytzEnd), false)
		})
	}
}

// The cadence warns about a time the clocks change around, and is quiet
// otherwise.
func TestDSTWarning(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	s := oneonone.Series{Cadence: oneonone.Weekly, Weekday: 0, Time: "02:30", DurationMinutes: 30, StartDate: "2026-11-01"}
	w := s.DSTWarning(ny, "2026-12-05")
	if !strings.Contains(w, "On Sun 14 Mar 2027 the clocks in America/New_York go forward at this 1:1's time") || !strings.Contains(w, "(03:00–03:30 EDT)") {
		t.Fatalf("warning %q", w)
	}
	s.Time, s.DurationMinutes = "01:30", 60
	if w := s.DSTWarning(ny, "2026-12-05"); !strings.Contains(w, "On Sun 14 Mar 2027 the clocks in America/New_York go forward") {
		t.Fatalf("01:30 for an hour spans the March change: %q", w)
	}
	s.Time, s.DurationMinutes = "01:15", 30
	if w := s.DSTWarning(ny, "2026-03-09"); !strings.Contains(w, "On Sun 1 Nov 2026 the clocks in America/New_York go back") {
		t.Fatalf("01:15 is repeated in November: %q", w)
	}
	for _, ok := range []oneonone.Series{
		{Cadence: oneonone.Weekly, Weekday: 0, Time: "03:00", DurationMinutes: 30, StartDate: "2026-11-01"},
		{Cadence: oneonone.Weekly, Weekday: 1, Time: "02:30", DurationMinutes: 30, StartDate: "2026-11-01"},
		{Cadence: oneonone.Weekly, Weekday: 0, Time: "10:00", DurationMinutes: 180, StartDate: "2026-11-01"},
	} {
		if w := ok.DSTWarning(ny, "2026-12-05"); w != "" {
			t.Errorf("%+v: %q", ok, w)
		}
	}
	if w := s.DSTWarning(time.UTC, "2026-12-05"); w != "" {
		t.Errorf("UTC: %q", w)
	}
}

// Monthly: the series' weekday of the month, in Occurs, NextAfter and the
// RRULE alike.
func TestMonthlyIsTheNthWeekday(t *testing.T) {
	s := oneonone.Series{Cadence: oneonone.Monthly, Weekday: 2, Time: "10:00", DurationMinutes: 30, StartDate: "2026-01-13"}
	var got []string
	for _, o := range s.Occurrences(time.UTC, time.Time{}, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)) {
		got = append(got, o.Date)
	}
	if strings.Join(got, " ") != "2026-01-13 2026-02-10 2026-03-10 2026-04-14 2026-05-12" {
		t.Fatalf("2nd Tuesdays: %v", got)
	}
	for _, d := range got[:4] {
		day, _ := civil.Parse(d)
		next := s.NextAfter(d)
		nd, _ := civil.Parse(next)
		if !s.Occurs(nd) || nd.Month() != day.AddDate(0, 0, 28).Month() && nd.Month() != day.AddDate(0, 1, 0).Month() {
			t.Fatalf("after %s: %s", d, next)
		}
	}
}
