package ics

import (
	"fmt"
	"sort"
	"strconv"
	"time"
)

// Transition is one change of a zone's UTC offset.
type Transition struct {
	At       time.Time // the instant of the change (UTC)
	From, To int       // offsets before and after, seconds east of UTC
	Name     string    // abbreviation after the change
	DST      bool      // daylight saving time after the change
}

// Transitions lists loc's offset changes in [lo, hi), to the second, from
// Go's embedded tz database (which follows the zone's current rule beyond
// its table).
func Transitions(loc *time.Location, lo, hi time.Time) []Transition {
	var out []Transition
	prev := lo
	_, prevOff := prev.In(loc).Zone()
	for t := lo.Add(24 * time.Hour); ; t = t.Add(24 * time.Hour) {
		if t.After(hi) {
			t = hi
		}
		_, off := t.In(loc).Zone()
		if off != prevOff {
			// the change is in (prev, t]: narrow it to the second (tz
			// changes fall on whole seconds)
			a, b := prev.Unix(), t.Unix()
			for b-a > 1 {
				mid := a + (b-a)/2
				if _, o := time.Unix(mid, 0).In(loc).Zone(); o == prevOff {
					a = mid
				} else {
					b = mid
				}
			}
			bl := time.Unix(b, 0).In(loc)
			name, _ := bl.Zone()
			if bl.Before(hi) {
				out = append(out, Transition{At: bl.UTC(), From: prevOff, To: off, Name: name, DST: bl.IsDST()})
			}
			prevOff = off
		}
		prev = t
		if !t.Before(hi) {
			return out
		}
	}
}

// ruleHorizon is the last year checked against a zone's current rule: the
// rule that Go applies beyond the tz table is also checked this far, and
// the VTIMEZONE's RRULE carries it on from there.
const ruleHorizon = 2100

// yearRule is one yearly onset ("the last Sunday of March at 01:00 UTC+1"):
// an RRULE and the local time of day of the onset, in the offset before it.
type yearRule struct {
	from, to int
	name     string
	dst      bool
	month    time.Month
	byday    int          // 0: none; ±1..4: nth weekday (BYDAY=nWD); 9: every WD within BYMONTHDAY lo..lo+6
	monthDay int          // BYMONTHDAY: the fixed day (byday 0) or the first of seven (byday 9)
	weekday  time.Weekday // with byday
	clock    time.Duration
}

var icalDays = [...]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

func (r yearRule) rrule() string {
	s := "FREQ=YEARLY;BYMONTH=" + strconv.Itoa(int(r.month))
	switch {
	case r.byday == 0:
		s += ";BYMONTHDAY=" + strconv.Itoa(r.monthDay)
	case r.byday == 9:
		s += ";BYDAY=" + icalDays[r.weekday] + ";BYMONTHDAY="
		for i := 0; i < 7; i++ {
			if i > 0 {
				s += ","
			}
			s += strconv.Itoa(r.monthDay + i)
		}
	default:
		s += ";BYDAY=" + strconv.Itoa(r.byday) + icalDays[r.weekday]
	}
	return s
}

// onset is the local wall time (in the offset before the change) of the
// rule's onset in year y, as a time in UTC's clock (naive).
func (r yearRule) onset(y int) time.Time {
	dim := time.Date(y, r.month+1, 0, 0, 0, 0, 0, time.UTC).Day()
	day := 0
	switch {
	case r.byday == 0:
		day = r.monthDay
	case r.byday == 9:
		for d := r.monthDay; d < r.monthDay+7 && d <= dim; d++ {
			if time.Date(y, r.month, d, 0, 0, 0, 0, time.UTC).Weekday() == r.weekday {
				day = d
			}
		}
	case r.byday > 0:
		first := time.Date(y, r.month, 1, 0, 0, 0, 0, time.UTC)
		day = 1 + (int(r.weekday)-int(first.Weekday())+7)%7 + 7*(r.byday-1)
	default:
		last := time.Date(y, r.month, dim, 0, 0, 0, 0, time.UTC)
		day = dim - (int(last.Weekday())-int(r.weekday)+7)%7 + 7*(r.byday+1)
	}
	if day < 1 || day > dim {
		return time.Time{}
	}
	return time.Date(y, r.month, day, 0, 0, 0, 0, time.UTC).Add(r.clock)
}

// local is a transition's onset in the wall time before it (naive UTC).
func local(t Transition) time.Time {
	return t.At.Add(time.Duration(t.From) * time.Second)
}

type obsKey struct {
	from, to int
	name     string
	dst      bool
}

func keyOf(t Transition) obsKey { return obsKey{t.From, t.To, t.Name, t.DST} }

// currentRules finds the yearly rules that explain every transition of the
// years [y, ruleHorizon] (the zone's current rule), and the first year from
// which they do. ok is false when the zone changes in a way no simple
// yearly rule describes (then the caller lists onsets one by one).
func currentRules(loc *time.Location) (rules []yearRule, since int, ok bool) {
	byYear := func(y int) []Transition {
		return Transitions(loc, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y+1, 1, 1, 0, 0, 0, 0, time.UTC))
	}
	last := byYear(ruleHorizon)
	if len(last) == 0 {
		return nil, 0, false // no changes any more: the last offset stays
	}
	for _, t := range last {
		l := local(t)
		d, wd := l.Day(), l.Weekday()
		dim := time.Date(l.Year(), l.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
		clock := l.Sub(time.Date(l.Year(), l.Month(), d, 0, 0, 0, 0, time.UTC))
		base := yearRule{from: t.From, to: t.To, name: t.Name, dst: t.DST, month: l.Month(), weekday: wd, clock: clock}
		var cands []yearRule
		if n := (d-1)/7 + 1; n <= 4 {
			c := base
			c.byday = n
			cands = append(cands, c)
		}
		if d > dim-7 {
			c := base
			c.byday = -1
			cands = append(cands, c)
		}
		c := base
		c.monthDay = d
		cands = append(cands, c)
		for lo := max(1, d-6); lo <= d && lo+6 <= dim; lo++ {
			c := base
			c.byday, c.monthDay = 9, lo
			cands = append(cands, c)
		}
		found := false
		for _, c := range cands {
			if fits(c, ruleHorizon-8, ruleHorizon, byYear) {
				rules = append(rules, c)
				found = true
				break
			}
		}
		if !found {
			return nil, 0, false
		}
	}
	// Walk back while every year follows the rules exactly.
	since = ruleHorizon - 8
	for y := since - 1; y >= 1970; y-- {
		if !yearFollows(rules, byYear(y), y) {
			break
		}
		since = y
	}
	return rules, since, true
}

func fits(r yearRule, from, to int, byYear func(int) []Transition) bool {
	for y := from; y <= to; y++ {
		n := 0
		for _, t := range byYear(y) {
			if keyOf(t) == (obsKey{r.from, r.to, r.name, r.dst}) {
				n++
				if !local(t).Equal(r.onset(y)) {
					return false
				}
			}
		}
		if n != 1 {
			return false
		}
	}
	return true
}

func yearFollows(rules []yearRule, ts []Transition, y int) bool {
	if len(ts) != len(rules) {
		return false
	}
	for _, t := range ts {
		ok := false
		for _, r := range rules {
			if keyOf(t) == (obsKey{r.from, r.to, r.name, r.dst}) && local(t).Equal(r.onset(y)) {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// VTimezone writes a VTIMEZONE for loc that holds from the year before from
// for ever: the onsets up to the zone's current rule as RDATEs (every onset
// an RDATE, the first too: RFC 5545 counts DTSTART as the first onset, but
// ical.js reads only the RDATEs once there are any), then the current rule
// as yearly RRULE observances, so a never-ending series keeps its wall-clock
// time in every year (a list of years ends, and clients then stay on the
// last offset). A zone without changes gets one STANDARD observance.
func VTimezone(e *Writer, loc *time.Location, from time.Time) {
	e.Raw("BEGIN:VTIMEZONE")
	e.Text("TZID", loc.String())
	y0 := from.In(loc).Year() - 1
	rules, since, ok := currentRules(loc)
	end := ruleHorizon + 1
	if ok {
		end = max(since, y0)
	}
	hist := Transitions(loc, time.Date(y0, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(end, 1, 1, 0, 0, 0, 0, time.UTC))
	if len(hist) == 0 && !ok {
		// no change in or after y0: one observance with the offset in force
		name, off := time.Date(y0, 1, 1, 0, 0, 0, 0, time.UTC).In(loc).Zone()
		e.Raw("BEGIN:STANDARD")
		e.Raw("DTSTART:19700101T000000")
		e.Raw("TZOFFSETFROM:" + offset(off))
		e.Raw("TZOFFSETTO:" + offset(off))
		e.Text("TZNAME", name)
		e.Raw("END:STANDARD")
		e.Raw("END:VTIMEZONE")
		return
	}
	// history: one observance per (from, to, name), every onset an RDATE
	groups := map[obsKey][]time.Time{}
	var order []obsKey
	for _, t := range hist {
		k := keyOf(t)
		if groups[k] == nil {
			order = append(order, k)
		}
		groups[k] = append(groups[k], local(t))
	}
	observance := func(k obsKey, start time.Time, rrule string, rdates []time.Time) {
		kind := "STANDARD"
		if k.dst {
			kind = "DAYLIGHT"
		}
		e.Raw("BEGIN:" + kind)
		e.Raw("DTSTART:" + start.Format(LocalLayout))
		e.Raw("TZOFFSETFROM:" + offset(k.from))
		e.Raw("TZOFFSETTO:" + offset(k.to))
		e.Text("TZNAME", k.name)
		if rrule != "" {
			e.Raw("RRULE:" + rrule)
		}
		for _, d := range rdates {
			e.Raw("RDATE:" + d.Format(LocalLayout))
		}
		e.Raw("END:" + kind)
	}
	for _, k := range order {
		observance(k, groups[k][0], "", groups[k])
	}
	if ok {
		sort.Slice(rules, func(i, j int) bool { return rules[i].month < rules[j].month })
		for _, r := range rules {
			observance(obsKey{r.from, r.to, r.name, r.dst}, r.onset(end), r.rrule(), nil)
		}
	}
	e.Raw("END:VTIMEZONE")
}

func offset(sec int) string {
	sign := '+'
	if sec < 0 {
		sign, sec = '-', -sec
	}
	s := fmt.Sprintf("%c%02d%02d", sign, sec/3600, (sec%3600)/60)
	if sec%60 != 0 {
		s += fmt.Sprintf("%02d", sec%60)
	}
	return s
}
