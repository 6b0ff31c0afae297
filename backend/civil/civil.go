// Package civil is the one place for civil dates: "YYYY-MM-DD" strings for
// due dates, meeting dates, milestones, time off and holidays. They are dates
// on someone's calendar, not instants, so DST never adds or loses a day.
// Every backend package reads them with Parse and writes them with Format
// (or Layout); none declares a layout of its own.
//
// Accepted years: MinYear to MaxYear, 1900 to 2200, in every area. That is
// every range an area accepted before there was one: on-call dates took
// 1970-2200, the people-development areas 2000-2199, a person's start date
// any year from 1950 and calendar files events from 1900 to 2200. So every
// date stored or exported by an earlier Wheelhouse still reads and validates.
// Instants (overrides, time off given in hours) keep their own 1970-2200;
// both fit the int64 nanoseconds of index terms (1678-2262).
package civil

import "time"

// Layout is the format of a civil date.
const Layout = "2006-01-02"

// The years a civil date may have (see the package doc).
const (
	MinYear = 1900
	MaxYear = 2200
)

// Parse reads a civil date (years MinYear to MaxYear) as midnight UTC of
// that day.
func Parse(s string) (time.Time, bool) {
	if len(s) != len(Layout) {
		return time.Time{}, false
	}
	if d, ok, sure := parseDigits(s); sure {
		return d, ok
	}
	d, err := time.Parse(Layout, s)
	if err != nil || d.Year() < MinYear || d.Year() > MaxYear {
		return time.Time{}, false
	}
	return d, true
}

// Valid reports whether s is a civil date Parse accepts.
func Valid(s string) bool {
	_, ok := Parse(s)
	return ok
}

// Format writes the civil date of t, in t's location: Format(t.In(loc)) is
// the day t falls on in loc.
func Format(t time.Time) string { return t.Format(Layout) }

// AddDays returns the date n days after date (n may be negative); an invalid
// date is returned unchanged.
func AddDays(date string, n int) string {
	d, ok := Parse(date)
	if !ok {
		return date
	}
	return d.AddDate(0, 0, n).Format(Layout)
}

// DaysBetween is the number of days from a to b (negative when b is before
// a); 0 when either is not a date.
func DaysBetween(a, b string) int {
	da, ok1 := Parse(a)
	db, ok2 := Parse(b)
	if !ok1 || !ok2 {
		return 0
	}
	return int(db.Sub(da).Hours() / 24)
}

// Text is a civil date as messages write it, the way the app shows dates:
// "Sun 6 Dec 2026". Not a date: returned as is.
func Text(date string) string {
	d, ok := Parse(date)
	if !ok {
		return date
	}
	return d.Format("Mon 2 Jan 2006")
}

// ShortText is Text without the year: "Sun 6 Dec".
func ShortText(date string) string {
	d, ok := Parse(date)
	if !ok {
		return date
	}
	return d.Format("Mon 2 Jan")
}

// parseDigits reads "YYYY-MM-DD" made of ASCII digits without time.Parse
// (the load of years of time off parses thousands of dates); sure is false
// for any other shape, which is left to time.Parse. The result is what
// time.Parse and the year bounds give (TestParseDigitsIsTimeParse).
func parseDigits(s string) (d time.Time, ok, sure bool) {
	num := func(i, j int) (int, bool) {
		n := 0
		for ; i < j; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	y, ok1 := num(0, 4)
	m, ok2 := num(5, 7)
	dd, ok3 := num(8, 10)
	if !ok1 || !ok2 || !ok3 || s[4] != '-' || s[7] != '-' {
		return time.Time{}, false, false
	}
	if y < MinYear || y > MaxYear || m < 1 || m > 12 || dd < 1 || dd > DaysIn(y, m) {
		return time.Time{}, false, true
	}
	// time.Date normalizes and looks the zone up; midnight UTC of a valid
	// date is arithmetic
	return time.Unix(DaysFromEpoch(y, m, dd)*86400, 0).UTC(), true, true
}

// DaysIn is the number of days of month m (1-12) of year y, proleptic Gregorian.
func DaysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// DaysFromEpoch is the number of days from 1970-01-01 to y-m-d, proleptic
// Gregorian, y >= 0 (H. Hinnant's days_from_civil); the date must be valid.
func DaysFromEpoch(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era*146097 + doe - 719468)
}
