package ics_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/ics"
	"wheelhouse/backend/ics/icstest"
)

// The VTIMEZONE holds for a series' whole life: ical.js, reading only the
// VTIMEZONE we write, places wall-clock times in every month from 2026 to
// 2099 where Go's tz database does — zones with yearly rules of every shape
// (last Sunday, n-th Sunday, "Friday on or after the 23rd", southern
// hemisphere, a half-hour shift) and zones without a rule (Casablanca's
// table, Tehran and São Paulo without DST any more).
func TestVTimezoneCoversEveryYear(t *testing.T) {
	for _, zone := range []string{"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Jerusalem", "America/Santiago",
		"Pacific/Auckland", "Pacific/Chatham", "Africa/Casablanca", "Asia/Tehran", "America/Sao_Paulo", "Asia/Kolkata", "UTC"} {
		t.Run(zone, func(t *testing.T) {
			loc, err := time.LoadLocation(zone)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			e := ics.NewWriter(&b)
			e.Raw("BEGIN:VCALENDAR")
			e.Raw("VERSION:2.0")
			e.Raw("PRODID:-//Wheelhouse//test//EN")
			ics.VTimezone(e, loc, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
			var want []icstest.Occurrence
			for y := 2026; y < 2100; y++ {
				for m := time.January; m <= time.December; m++ {
					for _, d := range []int{15} {
						at := time.Date(y, m, d, 12, 0, 0, 0, loc)
						uid := fmt.Sprintf("e%d-%02d-%02d", y, m, d)
						e.Raw("BEGIN:VEVENT")
						e.Text("UID", uid)
						e.Raw("DTSTAMP:20260101T000000Z")
						e.Local("DTSTART", at, loc)
						e.Raw("DURATION:PT1H")
						e.Raw("END:VEVENT")
						want = append(want, icstest.Occurrence{UID: uid, Start: at.UTC(), End: at.Add(time.Hour).UTC()})
					}
				}
			}
			e.Raw("END:VCALENDAR")
			if err := e.Flush(); err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(b.String(), "RDATE"); n > 400 {
				t.Errorf("%d RDATEs", n)
			}
			path := filepath.Join(t.TempDir(), "tz.ics")
			os.WriteFile(path, b.Bytes(), 0o644)
			icstest.Sort(want)
			icstest.Same(t, icstest.ICALJS(t, path, time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)), want, true)
		})
	}
}

func TestTransitionsToTheSecond(t *testing.T) {
	lh, _ := time.LoadLocation("Australia/Lord_Howe")
	tr := ics.Transitions(lh, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	if len(tr) != 2 || !tr[0].At.Equal(time.Date(2026, 4, 4, 15, 0, 0, 0, time.UTC)) || tr[0].From != 39600 || tr[0].To != 37800 ||
		!tr[1].At.Equal(time.Date(2026, 10, 3, 15, 30, 0, 0, time.UTC)) || !tr[1].DST {
		t.Fatalf("%+v", tr)
	}
}
