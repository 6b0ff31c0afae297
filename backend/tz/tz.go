// Package tz knows the IANA time zones a person or rotation can be in. The
// zone data itself is embedded in the binary (time/tzdata), so zones work
// offline on every OS.
package tz

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // zone data inside the binary
)

//go:embed zones.txt
var zonesTxt string

var (
	once  sync.Once
	names []string
	locs  sync.Map // name -> *time.Location; LoadLocation parses zone data each call
)

// Names returns the canonical IANA zone names (zone1970.tab plus UTC), sorted.
func Names() []string {
	once.Do(func() {
		for _, l := range strings.Split(zonesTxt, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				names = append(names, l)
			}
		}
		sort.Strings(names)
	})
	return names
}

// Load returns the location for name. It accepts every name the embedded
// database knows (including links such as "US/Eastern") but refuses "Local"
// and the empty name, which mean different things on different machines.
func Load(name string) (*time.Location, bool) {
	if name == "" || name == "Local" {
		return nil, false
	}
	if v, ok := locs.Load(name); ok {
		return v.(*time.Location), true
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, false
	}
	locs.Store(name, loc)
	return loc, true
}

// Valid reports whether name is a usable IANA zone.
func Valid(name string) bool {
	_, ok := Load(name)
	return ok
}

// OffsetLabel formats the UTC offset of loc at t, e.g. "UTC+05:30".
func OffsetLabel(t time.Time, loc *time.Location) string {
	_, off := t.In(loc).Zone()
	sign := '+'
	if off < 0 {
		sign = '-'
		off = -off
	}
	h, m := off/3600, (off%3600)/60
	return "UTC" + string(sign) + two(h) + ":" + two(m)
}

func two(n int) string {
	return string([]byte{byte('0' + n/10), byte('0' + n%10)})
}

// Detect guesses the machine's IANA zone: $TZ if it names a zone, else the
// target of /etc/localtime (…/zoneinfo/Europe/Berlin), else "UTC". Go's
// time.Local is named "Local", which cannot be stored or exported.
func Detect(getenv func(string) string, readlink func(string) (string, error)) string {
	if v := strings.TrimPrefix(getenv("TZ"), ":"); v != "" && Valid(v) {
		return v
	}
	if target, err := readlink("/etc/localtime"); err == nil {
		if i := strings.Index(target, "zoneinfo/"); i >= 0 {
			if name := target[i+len("zoneinfo/"):]; Valid(name) {
				return name
			}
		}
	}
	return "UTC"
}

// WallTime is the first instant at which the wall clock in loc shows h:m on
// the civil day y-mo-d (d may overflow: time.Date normalizes it). Two rules
// make local-time schedules well defined across DST:
//   - spring-forward gap: h:m does not exist that day (02:30 when clocks jump
//     from 02:00 to 03:00) → the end of the gap, the transition itself (03:00);
//   - fall-back overlap: h:m happens twice (01:30 when clocks go back from
//     02:00 to 01:00) → the first of the two.
//
// It handles zones whose DST shift is 30 minutes (Australia/Lord_Howe).
// Reminders (quiet hours, snooze) and on-call handoffs use it.
func WallTime(y int, mo time.Month, d, h, m int, loc *time.Location) time.Time {
	t := time.Date(y, mo, d, h, m, 0, 0, loc)
	// Fast path: well inside a zone period (no transition in the 3 hours
	// before), the time exists once.
	if start, _ := t.ZoneBounds(); start.IsZero() || t.Sub(start) >= 3*time.Hour {
		if th, tm, _ := t.Clock(); th == h && tm == m {
			return t
		}
	}
	if t.Hour() == h && t.Minute() == m {
		// In an overlap Go may pick the later of the two; prefer the earlier.
		if e := t.Add(-time.Hour); e.Hour() == h && e.Minute() == m {
			return e
		}
		if e := t.Add(-30 * time.Minute); e.Hour() == h && e.Minute() == m {
			return e
		}
		return t
	}
	// h:m does not exist that day: Go put t on one side of the gap (which side
	// varies); the answer is the transition itself, the end of the gap.
	start, end := t.ZoneBounds()
	if !start.IsZero() && t.Sub(start) >= 0 && t.Sub(start) < 3*time.Hour {
		return start
	}
	if !end.IsZero() && end.After(t) {
		return end
	}
	return t
}
