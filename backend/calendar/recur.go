package calendar

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"wheelhouse/backend/civil"
)

// rule is the subset of RFC 5545 RRULE the importer expands: FREQ DAILY,
// WEEKLY, MONTHLY or YEARLY with INTERVAL, COUNT, UNTIL, BYMONTH,
// BYMONTHDAY, BYDAY (ordinals within a month) and BYSETPOS. That covers
// holiday and absence calendars (yearly dates, "4th Thursday of November",
// "last Monday of May", weekly days off).
//
// Why not rrule-go: its iterator only checks UNTIL against generated
// occurrences, so a rule that can never occur (BYMONTH=2;BYMONTHDAY=30)
// iterates to the year 9999 — 0.2 s per DAILY rule, minutes for MINUTELY;
// a hostile file with many of them stalls the import. This expander walks
// at most the periods between DTSTART and the end of the import window.
type rule struct {
	freq     string
	interval int
	count    int
	until    *civilTime
	byMonth  []int
	byMDay   []int
	byDay    []weekdayNum
	bySetPos []int
}

type weekdayNum struct {
	n  int // 0: every such weekday; ±1..5: nth (from the end when negative)
	wd time.Weekday
}

// civilTime is a wall-clock date and time (or a date when dateOnly).
type civilTime struct {
	y          int
	m          time.Month
	d          int
	hh, mm, ss int
	utc        bool // the value ended in Z
	dateOnly   bool
}

func (c civilTime) date() time.Time { return time.Date(c.y, c.m, c.d, 0, 0, 0, 0, time.UTC) }

func (c civilTime) in(loc *time.Location) time.Time {
	if c.utc {
		loc = time.UTC
	}
	return time.Date(c.y, c.m, c.d, c.hh, c.mm, c.ss, 0, loc)
}

// parseCivil reads DATE (YYYYMMDD) or DATE-TIME (YYYYMMDDTHHMMSS[Z]).
func parseCivil(v string) (civilTime, bool) {
	v = strings.TrimSpace(v)
	num := func(s string) (int, bool) {
		n := 0
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
			n = n*10 + int(s[i]-'0')
		}
		return n, len(s) > 0
	}
	var c civilTime
	if len(v) < 8 {
		return c, false
	}
	y, ok1 := num(v[0:4])
	m, ok2 := num(v[4:6])
	d, ok3 := num(v[6:8])
	if !ok1 || !ok2 || !ok3 || y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
		return c, false
	}
	c.y, c.m, c.d = y, time.Month(m), d
	if len(v) == 8 {
		c.dateOnly = true
		return c, true
	}
	if v[8] != 'T' || (len(v) != 15 && !(len(v) == 16 && v[15] == 'Z')) {
		return c, false
	}
	hh, ok1 := num(v[9:11])
	mm, ok2 := num(v[11:13])
	ss, ok3 := num(v[13:15])
	if !ok1 || !ok2 || !ok3 || hh > 23 || mm > 59 || ss > 60 {
		return c, false
	}
	if ss == 60 {
		ss = 59
	}
	c.hh, c.mm, c.ss, c.utc = hh, mm, ss, len(v) == 16
	return c, true
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

var dayNames = map[string]time.Weekday{"MO": time.Monday, "TU": time.Tuesday, "WE": time.Wednesday,
	"TH": time.Thursday, "FR": time.Friday, "SA": time.Saturday, "SU": time.Sunday}

// parseRule reads an RRULE value; an error says what is not supported.
func parseRule(v string) (*rule, error) {
	r := &rule{interval: 1}
	ints := func(s string, lo, hi int) ([]int, error) {
		var out []int
		for _, p := range strings.Split(s, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(p))
			if err != nil || n < lo || n > hi || n == 0 && lo < 0 {
				return nil, fmt.Errorf("%q is out of range", s)
			}
			out = append(out, n)
		}
		return out, nil
	}
	for _, part := range strings.Split(strings.TrimSpace(v), ";") {
		if part == "" {
			continue
		}
		k, val, ok := strings.Cut(part, "=")
		if !ok {
			return nil, fmt.Errorf("%q is not NAME=VALUE", clip(part, 30))
		}
		k = strings.ToUpper(strings.TrimSpace(k))
		val = strings.ToUpper(strings.TrimSpace(val))
		var err error
		switch k {
		case "FREQ":
			switch val {
			case "DAILY", "WEEKLY", "MONTHLY", "YEARLY":
				r.freq = val
			default:
				return nil, fmt.Errorf("FREQ=%s (only daily, weekly, monthly and yearly repeats make sense for holidays and time off)", clip(val, 20))
			}
		case "INTERVAL":
			var l []int
			if l, err = ints(val, 1, 1000); err == nil {
				r.interval = l[0]
			}
		case "COUNT":
			var l []int
			if l, err = ints(val, 1, 1_000_000); err == nil {
				r.count = l[0]
			}
		case "UNTIL":
			c, ok := parseCivil(val)
			if !ok {
				return nil, fmt.Errorf("UNTIL=%s is not a date", clip(val, 30))
			}
			r.until = &c
		case "BYMONTH":
			r.byMonth, err = ints(val, 1, 12)
		case "BYMONTHDAY":
			r.byMDay, err = ints(val, -31, 31)
		case "BYSETPOS":
			r.bySetPos, err = ints(val, -366, 366)
		case "BYDAY":
			for _, p := range strings.Split(val, ",") {
				p = strings.TrimSpace(p)
				if len(p) < 2 {
					return nil, fmt.Errorf("BYDAY=%s", clip(val, 30))
				}
				wd, ok := dayNames[p[len(p)-2:]]
				if !ok {
					return nil, fmt.Errorf("BYDAY=%s", clip(val, 30))
				}
				n := 0
				if num := p[:len(p)-2]; num != "" {
					n, err = strconv.Atoi(strings.TrimPrefix(num, "+"))
					if err != nil || n == 0 || n < -5 || n > 5 {
						return nil, fmt.Errorf("BYDAY=%s (ordinals from -5 to 5 within a month are supported)", clip(val, 30))
					}
				}
				r.byDay = append(r.byDay, weekdayNum{n, wd})
			}
		case "WKST":
			if val != "MO" {
				return nil, fmt.Errorf("WKST=%s (weeks start on Monday)", clip(val, 10))
			}
		default:
			return nil, fmt.Errorf("%s is not supported", clip(k, 20))
		}
		if err != nil {
			return nil, err
		}
	}
	if r.freq == "" {
		return nil, fmt.Errorf("FREQ is missing")
	}
	for _, d := range r.byDay {
		if d.n != 0 && (r.freq == "DAILY" || r.freq == "WEEKLY" || r.freq == "YEARLY" && len(r.byMonth) == 0) {
			return nil, fmt.Errorf("BYDAY with an ordinal needs a monthly rule, or a yearly one with BYMONTH")
		}
	}
	return r, nil
}

// expand lists the occurrence dates (civil, with start's time of day) of a
// rule starting at start, from start until the first of: COUNT, UNTIL, a
// date on or after end (exclusive), max occurrences. capped says max cut it.
// Without COUNT, periods wholly before from are skipped. Each period walked
// costs one unit of *budget; at zero expand stops with ok false.
//
// loc is the zone of a timed start: a UTC UNTIL (the form RFC 5545 asks for
// when DTSTART has a TZID, and the one Outlook writes) is compared with each
// occurrence as an instant, so an UNTIL equal to the last occurrence keeps
// it whatever the zone's offset.
func (r *rule) expand(start civilTime, loc *time.Location, from, end time.Time, limit int, budget *int) (out []civilTime, capped, ok bool) {
	first := start.date()
	var until time.Time
	if r.until != nil {
		until = r.until.date()
		if !r.until.dateOnly && !start.dateOnly {
			until = time.Date(r.until.y, r.until.m, r.until.d, r.until.hh, r.until.mm, r.until.ss, 0, time.UTC)
		}
	}
	n := 0 // occurrences counted for COUNT, from start on
	emit := func(d time.Time) bool {
		if d.Before(first) {
			return true
		}
		c := start
		c.y, c.m, c.d = d.Date()
		if !until.IsZero() {
			cmp := c.date()
			if !r.until.dateOnly && !start.dateOnly {
				cmp = time.Date(c.y, c.m, c.d, c.hh, c.mm, c.ss, 0, time.UTC)
				if r.until.utc && loc != nil {
					cmp = c.in(loc).UTC() // an instant against an instant
				}
			}
			if cmp.After(until) {
				return false
			}
		}
		if !d.Before(end) {
			return false
		}
		n++
		if r.count > 0 && n > r.count {
			return false
		}
		if len(out) >= limit {
			capped = true
			return false
		}
		out = append(out, c)
		return true
	}
	// Periods are walked up to the end of the window; every period holds at
	// most a year of candidates.
	p0 := 0
	if r.count == 0 && from.After(first) {
		days := int(from.Sub(first).Hours() / 24)
		switch r.freq {
		case "DAILY":
			p0 = days / r.interval
		case "WEEKLY":
			p0 = days / 7 / r.interval
		case "MONTHLY":
			p0 = days / 31 / r.interval
		case "YEARLY":
			p0 = days / 366 / r.interval
		}
		p0 = max(p0-1, 0)
	}
	for p := p0; ; p++ {
		if *budget--; *budget < 0 {
			return out, capped, false
		}
		var cands []time.Time
		var periodStart time.Time
		switch r.freq {
		case "DAILY":
			periodStart = first.AddDate(0, 0, p*r.interval)
			if r.matchDay(periodStart) {
				cands = []time.Time{periodStart}
			}
		case "WEEKLY":
			monday := first.AddDate(0, 0, -((int(first.Weekday())+6)%7)+7*p*r.interval)
			periodStart = monday
			for i := 0; i < 7; i++ {
				d := monday.AddDate(0, 0, i)
				if len(r.byDay) == 0 && d.Weekday() != first.Weekday() {
					continue
				}
				if r.matchDay(d) {
					cands = append(cands, d)
				}
			}
		case "MONTHLY":
			periodStart = time.Date(first.Year(), first.Month()+time.Month(p*r.interval), 1, 0, 0, 0, 0, time.UTC)
			if len(r.byMonth) == 0 || containsInt(r.byMonth, int(periodStart.Month())) {
				cands = r.monthDays(periodStart, first)
			}
		case "YEARLY":
			periodStart = time.Date(first.Year()+p*r.interval, 1, 1, 0, 0, 0, 0, time.UTC)
			months := r.byMonth
			if len(months) == 0 {
				if len(r.byDay) > 0 && len(r.byMDay) == 0 { // every such weekday of the year
					for d := periodStart; d.Year() == periodStart.Year(); d = d.AddDate(0, 0, 1) {
						if r.matchDay(d) {
							cands = append(cands, d)
						}
					}
					break
				}
				months = []int{int(first.Month())}
			}
			for _, m := range months {
				cands = append(cands, r.monthDays(time.Date(periodStart.Year(), time.Month(m), 1, 0, 0, 0, 0, time.UTC), first)...)
			}
		}
		if !periodStart.Before(end) || periodStart.Year() > civil.MaxYear {
			return out, capped, true
		}
		sort.Slice(cands, func(i, j int) bool { return cands[i].Before(cands[j]) })
		if len(r.bySetPos) > 0 {
			var sel []time.Time
			for _, pos := range r.bySetPos {
				i := pos - 1
				if pos < 0 {
					i = len(cands) + pos
				}
				if i >= 0 && i < len(cands) {
					sel = append(sel, cands[i])
				}
			}
			sort.Slice(sel, func(i, j int) bool { return sel[i].Before(sel[j]) })
			cands = sel
		}
		for i, d := range cands {
			if i > 0 && d.Equal(cands[i-1]) {
				continue
			}
			if !emit(d) {
				return out, capped, true
			}
		}
	}
}

// matchDay applies BYMONTH, BYMONTHDAY and plain BYDAY to a day.
func (r *rule) matchDay(d time.Time) bool {
	if len(r.byMonth) > 0 && !containsInt(r.byMonth, int(d.Month())) {
		return false
	}
	if len(r.byMDay) > 0 {
		dim := daysIn(d.Year(), d.Month())
		ok := false
		for _, md := range r.byMDay {
			if md == d.Day() || md < 0 && dim+md+1 == d.Day() {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	if len(r.byDay) > 0 {
		ok := false
		for _, w := range r.byDay {
			ok = ok || w.wd == d.Weekday()
		}
		return ok
	}
	return true
}

// monthDays are a month's candidates: BYMONTHDAY and/or BYDAY (with
// ordinals), or the start's day of the month.
func (r *rule) monthDays(month, first time.Time) []time.Time {
	y, m := month.Year(), month.Month()
	dim := daysIn(y, m)
	var out []time.Time
	if len(r.byMDay) == 0 && len(r.byDay) == 0 {
		if first.Day() <= dim {
			out = append(out, time.Date(y, m, first.Day(), 0, 0, 0, 0, time.UTC))
		}
		return out
	}
	for d := 1; d <= dim; d++ {
		day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		if len(r.byMDay) > 0 {
			ok := false
			for _, md := range r.byMDay {
				if md == d || md < 0 && dim+md+1 == d {
					ok = true
				}
			}
			if !ok {
				continue
			}
		}
		if len(r.byDay) > 0 {
			ok := false
			for _, w := range r.byDay {
				if w.wd != day.Weekday() {
					continue
				}
				switch {
				case w.n == 0:
					ok = true
				case w.n > 0:
					ok = ok || (d-1)/7+1 == w.n
				default:
					ok = ok || (dim-d)/7+1 == -w.n
				}
			}
			if !ok {
				continue
			}
		}
		out = append(out, day)
	}
	return out
}

func containsInt(l []int, v int) bool {
	for _, x := range l {
		if x == v {
			return true
		}
	}
	return false
}
