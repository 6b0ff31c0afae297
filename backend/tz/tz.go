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
