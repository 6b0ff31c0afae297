package pages

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Earliest and latest instants a page may carry.
var (
	minTime = time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
	maxTime = time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)
)

var naiveLayouts = []string{
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02 15:04",
	"2006/01/02 15:04:05",
	"2006/01/02 15:04",
	"01/02/2006 15:04:05",
	"01/02/2006 15:04",
	"1/2/2006 3:04:05 PM",
	"1/2/2006 3:04 PM",
	"Jan 2, 2006 15:04:05",
	"Jan 2, 2006 3:04:05 PM",
	"2006-01-02",
}

var zonedLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999 -0700",
	"2006-01-02 15:04:05.999999999 -07:00",
	"2006-01-02 15:04:05.999999999 -0700 MST",
	time.RFC1123Z,
	time.RFC1123,
}

// ParseTime reads an instant: RFC 3339 and ISO 8601 forms with Z or an
// offset, the same with a zone name after them ("2026-11-02 10:00:00
// Europe/Berlin", "… UTC"), Unix seconds or milliseconds, or a wall time
// without a zone, which is in loc (nil: UTC).
func ParseTime(s string, loc *time.Location) (time.Time, error) {
	if loc == nil {
		loc = time.UTC
	}
	t, err := parseTime(strings.TrimSpace(s), loc)
	if err != nil {
		return t, err
	}
	if t.Before(minTime) || !t.Before(maxTime) {
		return time.Time{}, fmt.Errorf("%q is not between 1990 and 2200", clip(s, 60))
	}
	return t.UTC(), nil
}

func parseTime(s string, loc *time.Location) (time.Time, error) {
	// The common case first: 2026-11-02T10:00:00Z, …+01:00, with fractions.
	if len(s) >= 20 && s[10] == 'T' {
		if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
			return t, nil
		}
	}
	if isDigits(s) {
		n, err := strconv.ParseInt(s, 10, 64)
		if err == nil && len(s) >= 9 {
			if len(s) >= 12 { // milliseconds
				return time.UnixMilli(n), nil
			}
			return time.Unix(n, 0), nil
		}
	}
	for _, l := range zonedLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	// A zone name at the end: "2026-11-02 10:00:00 Europe/Berlin".
	if i := strings.LastIndexByte(s, ' '); i > 0 {
		if z, ok := loadZone(s[i+1:]); ok {
			loc, s = z, strings.TrimSpace(s[:i])
		}
	}
	for _, l := range naiveLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return firstOf(t, loc), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a time Wheelhouse reads (like 2026-11-02T10:00:00Z)", clip(s, 60))
}

// firstOf is the first of the two instants a wall time names in a
// fall-back overlap (as tz.WallTime decides for handoffs); Go may pick
// either.
func firstOf(t time.Time, loc *time.Location) time.Time {
	for _, d := range []time.Duration{time.Hour, 30 * time.Minute} {
		e := t.Add(-d).In(loc)
		if e.Hour() == t.Hour() && e.Minute() == t.Minute() && e.Day() == t.Day() {
			return e
		}
	}
	return t
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// maxDuration bounds a time to acknowledge or resolve: ten years.
const maxDuration = 10 * 366 * 24 * 3600

// ParseDuration reads a duration in whole seconds: a number of seconds
// ("93", "93.4"), hh:mm:ss or d.hh:mm:ss or "2d 01:02:03" ("01:32:05"), or a
// Go duration ("1h32m5s").
func ParseDuration(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if isDigits(s) && len(s) < 10 { // the common case: whole seconds
		v, _ := strconv.Atoi(s)
		if v <= maxDuration {
			return int64(v), nil
		}
	}
	bad := errBadDuration(s)
	var secs float64
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		secs = v
	} else if strings.Count(s, ":") == 2 {
		days := 0.0
		rest := s
		if i := strings.IndexAny(rest, ". d"); i > 0 && i < strings.IndexByte(rest, ':') {
			d, err := strconv.Atoi(rest[:i])
			if err != nil {
				return 0, bad
			}
			days = float64(d)
			rest = strings.TrimLeft(rest[i:], ". d")
		}
		parts := strings.Split(rest, ":")
		h, e1 := strconv.Atoi(parts[0])
		m, e2 := strconv.Atoi(parts[1])
		sec, e3 := strconv.ParseFloat(parts[2], 64)
		if e1 != nil || e2 != nil || e3 != nil || h < 0 || m < 0 || m > 59 || sec < 0 || sec >= 60 {
			return 0, bad
		}
		secs = days*86400 + float64(h)*3600 + float64(m)*60 + sec
	} else if d, err := time.ParseDuration(s); err == nil {
		secs = d.Seconds()
	} else {
		return 0, bad
	}
	if math.IsNaN(secs) || secs < 0 || secs > maxDuration {
		return 0, fmt.Errorf("%q is not a duration between 0 and ten years", clip(s, 40))
	}
	return int64(math.Round(secs)), nil
}

type errBadDuration string

func (e errBadDuration) Error() string {
	return fmt.Sprintf("%q is not a duration (seconds, hh:mm:ss or 1h2m3s)", clip(string(e), 40))
}
