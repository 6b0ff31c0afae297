// Package civil is civil-date arithmetic on "YYYY-MM-DD" strings: due dates,
// meeting dates and milestones are dates on the manager's calendar, not
// instants, so DST never adds or loses a day.
package civil

import "time"

// Layout is the format of a civil date.
const Layout = "2006-01-02"

// Parse reads a civil date (years 2000-2199, the range the app accepts).
func Parse(s string) (time.Time, bool) {
	if len(s) != len(Layout) {
		return time.Time{}, false
	}
	d, err := time.Parse(Layout, s)
	if err != nil || d.Year() < 2000 || d.Year() > 2199 {
		return time.Time{}, false
	}
	return d, true
}

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
