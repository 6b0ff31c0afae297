package oneonone

import (
	"fmt"
	"time"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/ics"
	"wheelhouse/backend/tz"
)

// The calendar of a series. A series meets on its weekday: weekly, every
// two weeks from the first 1:1, or monthly on the same weekday of the month
// as the first 1:1 (its n-th weekday: the 2nd Tuesday; the last Tuesday
// when the first one falls on a month's fifth). That is what the .ics says
// (RRULE BYDAY=2TU) and what calendar clients call "monthly on the second
// Tuesday"; the due date of the next 1:1 follows the same rule (NextAfter).

// First is the date of the first 1:1: the first usual weekday on or after
// the start date; ok is false for a series without a valid start date.
func (s *Series) First() (time.Time, bool) {
	day, ok := civil.Parse(s.StartDate)
	if !ok || s.Weekday < 0 || s.Weekday > 6 {
		return time.Time{}, false
	}
	for int(day.Weekday()) != s.Weekday {
		day = day.AddDate(0, 0, 1)
	}
	return day, true
}

// nth is the monthly series' weekday of the month: 1 to 4, or -1 (the last).
func nth(first time.Time) int {
	n := (first.Day()-1)/7 + 1
	if n == 5 {
		n = -1
	}
	return n
}

// nthWeekday is the n-th (or last, -1) weekday wd of the month of m.
func nthWeekday(y int, m time.Month, n int, wd time.Weekday) time.Time {
	if n > 0 {
		first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
		return first.AddDate(0, 0, (int(wd)-int(first.Weekday())+7)%7+7*(n-1))
	}
	last := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC)
	return last.AddDate(0, 0, -((int(last.Weekday()) - int(wd) + 7) % 7))
}

// Occurs tells whether the series meets on day (a civil date, UTC midnight).
func (s *Series) Occurs(day time.Time) bool {
	first, ok := s.First()
	if !ok || day.Before(first) || int(day.Weekday()) != s.Weekday {
		return false
	}
	switch s.Cadence {
	case Weekly:
		return true
	case Biweekly:
		return civil.DaysBetween(civil.Format(first), civil.Format(day))%14 == 0
	case Monthly:
		return day.Equal(nthWeekday(day.Year(), day.Month(), nth(first), day.Weekday()))
	}
	return false
}

// NextAfter is the due date one cadence after a 1:1 held on date: a week or
// two later, or — monthly — the series' weekday of the month (the 2nd
// Tuesday) in the next month, the date the calendar shows.
func (s *Series) NextAfter(date string) string {
	if s.Cadence != Monthly {
		return s.Cadence.Next(date)
	}
	d, ok := civil.Parse(date)
	first, okf := s.First()
	if !ok || !okf {
		return s.Cadence.Next(date)
	}
	next := time.Date(d.Year(), d.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	return civil.Format(nthWeekday(next.Year(), next.Month(), nth(first), first.Weekday()))
}

// NextOccurrence is the series' next date after date (a date of the
// series or any other).
func (s *Series) NextOccurrence(date string) string {
	d, ok := civil.Parse(date)
	if !ok {
		return date
	}
	for i := 0; i < 400; i++ {
		d = d.AddDate(0, 0, 1)
		if s.Occurs(d) {
			break
		}
	}
	return civil.Format(d)
}

// Occurrence is one 1:1 of a series as Wheelhouse places it.
type Occurrence struct {
	Date       string    `json:"date"` // civil, the manager's zone
	Start, End time.Time // UTC
}

// At places the 1:1 of day in loc: its wall-clock time there (tz.WallTime:
// a time inside a spring-forward gap is the end of the gap, one that
// happens twice is the first), for its duration.
func (s *Series) At(day time.Time, loc *time.Location) Occurrence {
	mins, _ := ParseClock(s.Time)
	start := tz.WallTime(day.Year(), day.Month(), day.Day(), mins/60, mins%60, loc).UTC()
	return Occurrence{Date: civil.Format(day), Start: start, End: start.Add(time.Duration(s.DurationMinutes) * time.Minute)}
}

// Occurrences lists the 1:1s of the series on the days [from, to) (civil
// dates, UTC midnight) in loc.
func (s *Series) Occurrences(loc *time.Location, from, to time.Time) []Occurrence {
	first, ok := s.First()
	if !ok {
		return nil
	}
	if from.Before(first) {
		from = first
	}
	var out []Occurrence
	for d := from; d.Before(to); d = d.AddDate(0, 0, 1) {
		if s.Occurs(d) {
			out = append(out, s.At(d, loc))
		}
	}
	return out
}

// Clash is a 1:1 the clocks change around: its wall-clock start or end
// does not exist that day or exists twice, or the change falls inside it.
// Calendar clients place such a time each their own way.
type Clash struct {
	Date       string
	Start, End time.Time // where Wheelhouse places it (At)
	Change     time.Time // the instant the clocks change
	Gap        bool      // clocks go forward (else back)
}

// ClashYears is how far ahead of the first 1:1 (or of now, when later)
// clashes are looked for and written as fixed times in the .ics.
const ClashYears = 20

// Clashes lists the 1:1s of the series on the days [from, to) that a change
// of loc's UTC offset touches (the wall-clock span of the meeting meets the
// change's skipped or repeated hour).
func (s *Series) Clashes(loc *time.Location, from, to time.Time) []Clash {
	first, ok := s.First()
	mins, okc := ParseClock(s.Time)
	if !ok || !okc || loc == nil || loc == time.UTC {
		return nil
	}
	if from.Before(first) {
		from = first
	}
	var out []Clash
	seen := map[string]bool{}
	for _, t := range ics.Transitions(loc, from.Add(-48*time.Hour), to.Add(48*time.Hour)) {
		// the wall-clock hour that is skipped or repeated
		a := t.At.Add(time.Duration(t.From) * time.Second)
		b := t.At.Add(time.Duration(t.To) * time.Second)
		lo, hi := a, b
		if b.Before(a) {
			lo, hi = b, a
		}
		for k := -1; k <= 1; k++ {
			day := time.Date(lo.Year(), lo.Month(), lo.Day()+k, 0, 0, 0, 0, time.UTC)
			if day.Before(from) || !day.Before(to) || !s.Occurs(day) || seen[civil.Format(day)] {
				continue
			}
			ws := day.Add(time.Duration(mins) * time.Minute)
			we := ws.Add(time.Duration(s.DurationMinutes) * time.Minute)
			if ws.Before(hi) && !we.Before(lo) {
				seen[civil.Format(day)] = true
				o := s.At(day, loc)
				out = append(out, Clash{Date: o.Date, Start: o.Start, End: o.End, Change: t.At, Gap: t.To > t.From})
			}
		}
	}
	return out
}

// DSTWarning says, for the time field, when the series meets while the
// clocks change in loc (the first such 1:1 from today on, within
// ClashYears): calendar apps disagree about such times, so the .ics gives
// those 1:1s as fixed times. "" when none does.
func (s *Series) DSTWarning(loc *time.Location, today string) string {
	d, ok := civil.Parse(today)
	if !ok {
		return ""
	}
	if first, ok := s.First(); ok && first.After(d) {
		d = first
	}
	cl := s.Clashes(loc, d, d.AddDate(ClashYears, 0, 0))
	if len(cl) == 0 {
		return ""
	}
	c := cl[0]
	day, _ := civil.Parse(c.Date)
	what := "go back"
	if c.Gap {
		what = "go forward"
	}
	more := ""
	if len(cl) > 1 {
		more = fmt.Sprintf(" (and %d more times in the next %d years)", len(cl)-1, ClashYears)
	}
	s0, e0 := c.Start.In(loc), c.End.In(loc)
	span := s0.Format("15:04 MST") + "–" + e0.Format("15:04 MST")
	if s0.Format("MST") == e0.Format("MST") {
		span = s0.Format("15:04") + "–" + e0.Format("15:04 MST")
	}
	return fmt.Sprintf("On %s the clocks in %s %s at this 1:1's time%s: calendar apps show such a 1:1 at different times. The calendar file gives those 1:1s fixed times (%s); another time of day avoids it.",
		day.Format("Mon 2 Jan 2006"), loc.String(), what, more, span)
}
