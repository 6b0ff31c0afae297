package calendar

import (
	"fmt"
	"hash/fnv"
	"io"
	"sort"
	"strings"
	"time"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
)

// Item is one thing an import produces from an event (or one occurrence of
// a recurring event): whole days (AllDay, StartDate..EndDate inclusive) or
// an instant range [Start, End).
type Item struct {
	Key       string // the event's UID, plus "/" and the occurrence for recurring events
	Name      string // SUMMARY
	AllDay    bool
	StartDate string // civil, inclusive (AllDay)
	EndDate   string
	Start     time.Time // UTC (timed)
	End       time.Time

	at int64 // sort key: the start (midnight UTC for a date), Unix seconds
}

// When is the item's span for people.
func (it *Item) When() string {
	if it.AllDay {
		if it.StartDate == it.EndDate {
			return it.StartDate
		}
		return it.StartDate + " to " + it.EndDate
	}
	return it.Start.Format("2006-01-02 15:04") + " to " + it.End.Format("2006-01-02 15:04") + " UTC"
}

// Parsed is a whole calendar file read by Parse.
type Parsed struct {
	Name     string // X-WR-CALNAME
	Events   int    // VEVENTs read
	Items    []Item // sorted by start, then key
	Warnings []string
}

// Window of recurrence expansion: occurrences from a year before now to
// five years after are imported. Single events are imported whatever their
// date.
const (
	RecurBack  = 366 * 24 * time.Hour
	RecurAhead = 5 * 366 * 24 * time.Hour
)

// maxWarnings bounds the distinct warnings reported.
const maxWarnings = 20

type warnings struct {
	list  []string
	seen  map[string]bool
	extra int
}

func (w *warnings) add(format string, a ...any) {
	msg := fmt.Sprintf(format, a...)
	if w.seen == nil {
		w.seen = map[string]bool{}
	}
	if w.seen[msg] {
		return
	}
	w.seen[msg] = true
	if len(w.list) >= maxWarnings {
		w.extra++
		return
	}
	w.list = append(w.list, msg)
}

func (w *warnings) result() []string {
	out := append([]string{}, w.list...)
	if w.extra > 0 {
		out = append(out, fmt.Sprintf("… and %d more warnings.", w.extra))
	}
	return out
}

// Parse reads a calendar stream into items, one event at a time (only the
// items are kept, never the file). Any error means the file is refused as a
// whole. now anchors the recurrence window.
func Parse(r io.Reader, lim Limits, now time.Time) (*Parsed, error) {
	// NUL bytes never belong in an iCalendar file (a broken export): they
	// are dropped before reading, so no text (summary, UID) keeps one
	// (Wheelhouse stores no text with a NUL, errs.Collector.MaxLen).
	rd := NewReader(dropNUL{r}, lim)
	z := &zoneResolver{r: rd}
	var w warnings
	set := &itemSet{index: map[string]int32{}}
	decided := map[string]bool{} // occurrence keys an override (RECURRENCE-ID) settled
	winFrom, winTo := now.Add(-RecurBack).UTC(), now.Add(RecurAhead).UTC()
	budget := lim.MaxRecurrenceWork
	for {
		ev, err := rd.Next()
		if err != nil {
			return nil, err
		}
		if ev == nil {
			break
		}
		if err := convert(ev, z, &w, set, decided, winFrom, winTo, lim, &budget); err != nil {
			return nil, err
		}
	}
	if set.dups > 0 {
		w.add("%d events repeat the UID of an earlier one; the last of each was kept.", set.dups)
	}
	for comp, n := range rd.Unsupported {
		if comp != "VTODO" && comp != "VJOURNAL" && comp != "VFREEBUSY" && comp != "VALARM" {
			w.add("%d %s components were ignored.", n, clip(comp, 30))
		}
	}
	p := &Parsed{Name: rd.CalName, Events: rd.Events(), Items: set.list[:0]}
	for _, it := range set.list {
		if it.Key == "" {
			continue // removed by a cancelled or overriding occurrence
		}
		if it.AllDay {
			d, _ := civil.Parse(it.StartDate)
			it.at = d.Unix()
		} else {
			it.at = it.Start.Unix()
		}
		p.Items = append(p.Items, it)
	}
	sort.Slice(p.Items, func(i, j int) bool {
		a, b := &p.Items[i], &p.Items[j]
		if a.at != b.at {
			return a.at < b.at
		}
		return a.Key < b.Key
	})
	p.Warnings = w.result()
	return p, nil
}

// itemSet holds the items of a parse by key, in arrival order.
type itemSet struct {
	list  []Item
	index map[string]int32
	dups  int
}

func (s *itemSet) add(it Item, lim Limits) error {
	if i, ok := s.index[it.Key]; ok {
		s.list[i] = it
		s.dups++
		return nil
	}
	if len(s.index) >= lim.MaxItems {
		return errs.E(errs.Invalid, "The calendar produces more than %d entries; Wheelhouse imports up to that many at once. Nothing was imported.", lim.MaxItems)
	}
	s.index[it.Key] = int32(len(s.list))
	s.list = append(s.list, it)
	return nil
}

func (s *itemSet) remove(key string) {
	if i, ok := s.index[key]; ok {
		s.list[i].Key = ""
		delete(s.index, key)
	}
}

// convert turns one VEVENT into items.
func convert(ev *VEvent, z *zoneResolver, w *warnings, set *itemSet, decided map[string]bool,
	winFrom, winTo time.Time, lim Limits, budget *int) error {
	where := func() string {
		if ev.Summary != "" {
			return fmt.Sprintf("%q (line %d)", ev.Summary, ev.Line)
		}
		return fmt.Sprintf("the event at line %d", ev.Line)
	}
	add := func(it *Item) error { return set.add(*it, lim) }
	if ev.Start == nil {
		w.add("%s has no start (DTSTART); it was skipped.", where())
		return nil
	}
	uid := ev.UID
	if uid == "" {
		h := fnv.New64a()
		h.Write([]byte(ev.Start.Value + "\x00" + ev.Summary))
		uid = fmt.Sprintf("no-uid-%016x", h.Sum64())
	}
	start, ok := parseCivil(ev.Start.Value)
	if !ok {
		w.add("%s has a start that is not a date (%q); it was skipped.", where(), clip(ev.Start.Value, 30))
		return nil
	}
	if strings.EqualFold(ev.Start.Param("VALUE"), "DATE") && !start.dateOnly {
		start.dateOnly, start.hh, start.mm, start.ss, start.utc = true, 0, 0, 0, false
	}
	if start.y < civil.MinYear || start.y > civil.MaxYear {
		w.add("%s starts in %d; only years %d to %d are imported.", where(), start.y, civil.MinYear, civil.MaxYear)
		return nil
	}
	loc, guess := z.resolve(ev.Start.Param("TZID"))
	if guess != "" {
		w.add("%s: %s.", where(), guess)
	}
	base := Item{Name: ev.Summary, AllDay: start.dateOnly}
	if base.Name == "" {
		base.Name = "(no title)"
	}
	// Length: DTEND, DURATION, or the RFC 5545 defaults (a day; zero).
	var days int
	var dur time.Duration
	switch {
	case ev.End != nil:
		end, ok := parseCivil(ev.End.Value)
		if !ok {
			w.add("%s has an end that is not a date (%q); it was skipped.", where(), clip(ev.End.Value, 30))
			return nil
		}
		if start.dateOnly {
			days = int(end.date().Sub(start.date()).Hours() / 24)
		} else {
			eloc, _ := z.resolve(ev.End.Param("TZID"))
			if ev.End.Param("TZID") == "" {
				eloc = loc
			}
			dur = end.in(eloc).Sub(start.in(loc))
		}
	case ev.Duration != "":
		d, ok := parseDuration(ev.Duration)
		if !ok {
			w.add("%s has a DURATION that is not one (%q); it was skipped.", where(), clip(ev.Duration, 30))
			return nil
		}
		if start.dateOnly {
			days = int(d / (24 * time.Hour))
		} else {
			dur = d
		}
	default:
		days = 1
	}
	if start.dateOnly {
		if days < 1 {
			days = 1 // an end on or before the start: a one-day event, as clients show it
		}
		if days > 2*366 {
			w.add("%s lasts %d days; at most two years are imported.", where(), days)
			return nil
		}
	} else if dur <= 0 {
		w.add("%s has no length (it ends when it starts); it was skipped.", where())
		return nil
	} else if dur > 2*366*24*time.Hour {
		w.add("%s lasts longer than two years; it was skipped.", where())
		return nil
	}
	mk := func(key string, c civilTime) *Item {
		it := base
		it.Key = key
		if start.dateOnly {
			d := c.date()
			it.StartDate = d.Format(civil.Layout)
			it.EndDate = d.AddDate(0, 0, days-1).Format(civil.Layout)
		} else {
			it.Start = c.in(loc).UTC()
			it.End = it.Start.Add(dur)
		}
		return &it
	}
	occ := func(c civilTime) string {
		if start.dateOnly {
			return c.date().Format("20060102")
		}
		return c.in(loc).UTC().Format(utcLayout)
	}
	cancelled := ev.Status == "CANCELLED"
	if ev.RecurrenceID != nil {
		rc, ok := parseCivil(ev.RecurrenceID.Value)
		if !ok {
			w.add("%s has a RECURRENCE-ID that is not a date; it was skipped.", where())
			return nil
		}
		rloc, _ := z.resolve(ev.RecurrenceID.Param("TZID"))
		if ev.RecurrenceID.Param("TZID") == "" {
			rloc = loc
		}
		key := uid + "/" + rc.date().Format("20060102")
		if !rc.dateOnly && !start.dateOnly {
			key = uid + "/" + rc.in(rloc).UTC().Format(utcLayout)
		}
		decided[key] = true
		set.remove(key) // an occurrence expanded earlier
		if cancelled {
			return nil
		}
		return add(mk(key, start))
	}
	if cancelled {
		return nil
	}
	if ev.RDates > 0 {
		w.add("%s has RDATE occurrences, which are not imported.", where())
	}
	if ev.RRule == "" {
		return add(mk(uid, start))
	}
	rl, err := parseRule(ev.RRule)
	if err != nil {
		w.add("%s repeats in a way Wheelhouse does not import (%v); it was skipped.", where(), err)
		return nil
	}
	ex := map[string]bool{}
	for _, e := range ev.ExDates {
		eloc, _ := z.resolve(e.Param("TZID"))
		if e.Param("TZID") == "" {
			eloc = loc
		}
		for _, v := range strings.Split(e.Value, ",") {
			if c, ok := parseCivil(v); ok {
				if start.dateOnly || c.dateOnly {
					ex[c.date().Format("20060102")] = true
				} else {
					ex[c.in(eloc).UTC().Format(utcLayout)] = true
				}
			}
		}
	}
	// Expand in the event's own civil calendar up to the window end.
	end := winTo
	if !start.dateOnly {
		end = winTo.In(loc)
		end = time.Date(end.Year(), end.Month(), end.Day(), 0, 0, 0, 0, time.UTC)
	}
	from := winFrom.AddDate(0, 0, -days-1)
	if !start.dateOnly {
		from = winFrom.Add(-dur).AddDate(0, 0, -1)
	}
	list, capped, ok := rl.expand(start, loc, time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC), end, lim.MaxInstances, budget)
	if !ok {
		return errs.E(errs.Invalid, "The calendar's repeat rules need too much work to expand (more than %d periods); Wheelhouse refuses it. Nothing was imported.", lim.MaxRecurrenceWork)
	}
	if capped {
		w.add("%s repeats more than %d times in the import window; the first %d were imported.", where(), lim.MaxInstances, lim.MaxInstances)
	}
	inWindow := 0
	for _, c := range list {
		it := mk("", c)
		if it.AllDay && it.EndDate < winFrom.Format(civil.Layout) || !it.AllDay && !it.End.After(winFrom) {
			continue // before the window
		}
		inWindow++
		o := occ(c)
		if ex[o] || (start.dateOnly && ex[c.date().Format("20060102")]) {
			continue
		}
		it.Key = uid + "/" + o
		if decided[it.Key] {
			continue
		}
		if err := add(it); err != nil {
			return err
		}
	}
	if inWindow == 0 {
		// Clients show such an event (it may have ended long ago, or start
		// beyond the window); say why it is not in the preview.
		w.add("%s repeats, but none of its dates falls between %s and %s (the import window: a year back, five years ahead); nothing was imported from it.",
			where(), winFrom.Format(civil.Layout), winTo.Format(civil.Layout))
	}
	return nil
}

// parseDuration reads an RFC 5545 duration (P1D, PT1H30M, P2W; no sign).
func parseDuration(v string) (time.Duration, bool) {
	v = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), "+"))
	if !strings.HasPrefix(v, "P") || len(v) < 3 {
		return 0, false
	}
	var d time.Duration
	inTime := false
	n := -1
	for _, c := range v[1:] {
		switch {
		case c >= '0' && c <= '9':
			if n < 0 {
				n = 0
			}
			n = n*10 + int(c-'0')
			if n > 100000 {
				return 0, false
			}
		case c == 'T':
			inTime = true
		default:
			if n < 0 {
				return 0, false
			}
			unit := map[rune]time.Duration{'W': 7 * 24 * time.Hour, 'D': 24 * time.Hour}
			if inTime {
				unit = map[rune]time.Duration{'H': time.Hour, 'M': time.Minute, 'S': time.Second}
			}
			u, ok := unit[c]
			if !ok {
				return 0, false
			}
			d += time.Duration(n) * u
			n = -1
		}
	}
	return d, n < 0
}

// dropNUL reads r without its NUL bytes.
type dropNUL struct{ r io.Reader }

func (d dropNUL) Read(p []byte) (int, error) {
	for {
		n, err := d.r.Read(p)
		k := 0
		for _, b := range p[:n] {
			if b != 0 {
				p[k] = b
				k++
			}
		}
		if k > 0 || err != nil {
			return k, err
		}
	}
}
