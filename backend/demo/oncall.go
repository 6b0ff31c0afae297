package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/people"
	"wheelhouse/backend/workspace"
)

// Sizes of the on-call data.
const (
	LargeRotations = 20
	LargeYears     = 5
)

// genOnCall adds on-call data to s. Small: one 24x7 weekly rotation of the
// team (Monday 10:00 Europe/Berlin) with a couple of vacations, public
// holidays of the team's countries and an override. Large: 20 rotations
// over five years (primary and secondary layers per team, business-hours
// and follow-the-sun rotations) with holidays, vacations, sick days,
// overrides and swaps, for benchmarks. It has its own random source, so the
// rest of the demo stays as it was.
func genOnCall(s *workspace.Snapshot, size Size, now time.Time, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 3))
	created := now.AddDate(-LargeYears-1, 0, 0)
	newID := func() (id.ID, time.Time) {
		created = created.Add(time.Duration(1+rng.IntN(600)) * time.Second)
		return id.New(created), created
	}
	d := &s.OnCall
	d.Settings = oncall.DefaultSettings()
	d.Settings.Compensation = oncall.Compensation{Mode: oncall.CompensationPay, Currency: "EUR", WeekdayRate: 2.5, WeekendRate: 4, HolidayRate: 6}
	byID := map[id.ID]*people.Person{}
	for i := range s.People {
		byID[s.People[i].ID] = &s.People[i]
	}
	active := func(ids []id.ID) []id.ID {
		var out []id.ID
		for _, u := range ids {
			if p := byID[u]; p != nil && !p.Archived {
				out = append(out, u)
			}
		}
		return out
	}
	// Monday on or before t, as a civil date.
	monday := func(t time.Time) string {
		t = t.UTC()
		return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)).Format(civil.Layout)
	}
	years := 1
	if size == Large {
		years = LargeYears
	}
	// Holiday regions by zone.
	regions := []struct {
		name, zone string
		days       func(y int) []oncall.Holiday
	}{
		{"Germany", "Europe/Berlin", germanHolidays},
		{"United Kingdom", "Europe/London", ukHolidays},
		{"United States", "America/New_York", usHolidays},
		{"India", "Asia/Kolkata", fixedHolidays([][3]any{{1, 26, "Republic Day"}, {8, 15, "Independence Day"}, {10, 2, "Gandhi Jayanti"}})},
		{"Japan", "Asia/Tokyo", fixedHolidays([][3]any{{1, 1, "New Year's Day"}, {2, 11, "National Foundation Day"}, {4, 29, "Showa Day"}, {5, 3, "Constitution Memorial Day"}, {5, 5, "Children's Day"}, {11, 3, "Culture Day"}})},
	}
	for _, rg := range regions {
		r := oncall.Region{Name: rg.name, MemberIDs: []id.ID{}}
		for _, p := range s.People {
			if p.TimeZone == rg.zone && p.ID != s.People[0].ID {
				r.MemberIDs = append(r.MemberIDs, p.ID)
			}
		}
		if len(r.MemberIDs) == 0 {
			continue
		}
		for y := now.Year() - years; y <= now.Year()+1; y++ {
			r.Holidays = append(r.Holidays, rg.days(y)...)
		}
		r.ID, r.CreatedAt = newID()
		r.UpdatedAt = r.CreatedAt
		r.Normalize()
		d.Regions = append(d.Regions, r)
	}

	// Every rotation belongs to its team: the team's rotations are the
	// layers of its schedule.
	weekly := func(name string, team id.ID, layer int, members []id.ID, start string) oncall.Rotation {
		r := oncall.Rotation{Name: name, TeamID: team, Layer: layer, TimeZone: "Europe/Berlin", Participants: members,
			ShiftLength: oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, HandoffTime: "10:00", StartDate: start,
			RequiredCoverage: oncall.Coverage24x7, Payback: true} // owed turns paid back, as for any new rotation
		if layer > 1 {
			r.RequiredCoverage = oncall.CoverageNone
		}
		r.ID, r.CreatedAt = newID()
		r.UpdatedAt = r.CreatedAt
		return r
	}
	if size == Small {
		team := s.Teams[0]
		r := weekly(team.Name+" on-call", team.ID, 1, active(team.MemberIDs), monday(now.AddDate(0, 0, -56)))
		r.NotifyHandoffs = true
		r.Description = "Customer-facing payments: 24x7, weekly handoff on Monday at 10:00 Berlin time."
		d.Rotations = append(d.Rotations, r)
	} else {
		start := monday(now.AddDate(-LargeYears, 0, 0))
		for _, team := range s.Teams {
			m := active(team.MemberIDs)
			if len(m) < 2 {
				continue
			}
			d.Rotations = append(d.Rotations, weekly(team.Name+" primary", team.ID, 1, m, start))
			sec := append(append([]id.ID{}, m[len(m)/2:]...), m[:len(m)/2]...) // the secondary is half a round behind
			d.Rotations = append(d.Rotations, weekly(team.Name+" secondary", team.ID, 2, sec, start))
		}
		for i := 0; len(d.Rotations) < LargeRotations && i < 10*LargeRotations; i++ {
			team := s.Teams[i%len(s.Teams)]
			m := active(team.MemberIDs)
			if len(m) == 0 {
				continue
			}
			r := weekly("", team.ID, 1, m, start)
			if i%2 == 0 {
				r.Name = fmt.Sprintf("%s office hours %d", team.Name, i/len(s.Teams)+1)
				r.ShiftLength, r.HandoffTime = oncall.ShiftLength{N: 1, Unit: oncall.Days}, "09:00"
				r.Restriction = &oncall.Restriction{Weekdays: []string{"mon", "tue", "wed", "thu", "fri"}, Start: "09:00", End: "17:00"}
				r.RequiredCoverage = oncall.CoverageBusinessHours
			} else {
				r.Name = fmt.Sprintf("%s follow-the-sun %d", team.Name, i/len(s.Teams)+1)
				r.TimeZone, r.ShiftLength, r.HandoffTime = "UTC", oncall.ShiftLength{N: 12, Unit: oncall.Hours}, "08:00"
			}
			d.Rotations = append(d.Rotations, r)
		}
	}

	// Time off: vacations (two to four a year, 3 to 10 days) and sick days,
	// for everyone in a rotation.
	inRotation := map[id.ID]bool{}
	for _, r := range d.Rotations {
		for _, p := range r.Participants {
			inRotation[p] = true
		}
	}
	addOff := func(p id.ID, kind oncall.TimeOffKind, from time.Time, days int, note string) {
		t := oncall.TimeOff{PersonID: p, Kind: kind, StartDate: from.Format(civil.Layout),
			EndDate: from.AddDate(0, 0, days-1).Format(civil.Layout), Note: note, Source: oncall.SourceManual}
		t.ID, t.CreatedAt = newID()
		t.UpdatedAt = t.CreatedAt
		d.TimeOff = append(d.TimeOff, t)
	}
	if size == Small {
		team := active(s.Teams[0].MemberIDs)
		addOff(team[2], oncall.KindVacation, now.AddDate(0, 0, 12), 7, "Family trip")
		addOff(team[5], oncall.KindVacation, now.AddDate(0, 0, 30), 3, "")
		addOff(team[1], oncall.KindSick, now.AddDate(0, 0, -3), 2, "")
	} else {
		for _, p := range s.People {
			if !inRotation[p.ID] {
				continue
			}
			for y := 0; y <= years; y++ {
				base := now.AddDate(-years+y, 0, 0)
				for v := 0; v < 2+rng.IntN(3); v++ {
					addOff(p.ID, oncall.KindVacation, base.AddDate(0, 0, rng.IntN(360)), 3+rng.IntN(8), "")
				}
				for v := 0; v < rng.IntN(4); v++ {
					addOff(p.ID, oncall.KindSick, base.AddDate(0, 0, rng.IntN(360)), 1+rng.IntN(3), "")
				}
			}
		}
	}

	// Overrides: someone else covers an evening or a day.
	addOverride := func(r *oncall.Rotation, p id.ID, from time.Time, hours int, note string) {
		o := oncall.Override{RotationID: r.ID, PersonID: p, Start: from.UTC(), End: from.Add(time.Duration(hours) * time.Hour).UTC(), Note: note}
		o.ID, o.CreatedAt = newID()
		o.UpdatedAt = o.CreatedAt
		d.Overrides = append(d.Overrides, o)
	}
	if size == Small {
		r := &d.Rotations[0]
		day := now.AddDate(0, 0, 9).UTC().Truncate(24 * time.Hour)
		addOverride(r, r.Participants[3], day.Add(17*time.Hour), 15, "Covering the evening of the team offsite")
	} else {
		for i := range d.Rotations {
			r := &d.Rotations[i]
			t := now.AddDate(-LargeYears, 0, 0).UTC().Truncate(time.Hour)
			end := now.AddDate(1, 0, 0)
			for t.Before(end) {
				t = t.Add(time.Duration(200+rng.IntN(400)) * time.Hour) // about two a month
				h := 4 + rng.IntN(30)
				addOverride(r, r.Participants[rng.IntN(len(r.Participants))], t, h, "")
				t = t.Add(time.Duration(h) * time.Hour)
			}
			// A swap per quarter.
			for k := 1; k < LargeYears*4; k++ {
				sw := oncall.Swap{RotationID: r.ID, SlotA: k * 13, SlotB: k*13 + 1 + rng.IntN(3), Note: "Swapped for a conference"}
				sw.ID, sw.CreatedAt = newID()
				sw.UpdatedAt = sw.CreatedAt
				d.Swaps = append(d.Swaps, sw)
			}
		}
	}
}

// easter is Easter Sunday of year y (anonymous Gregorian algorithm).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

func hol(t time.Time, name string) oncall.Holiday {
	return oncall.Holiday{Date: t.Format(civil.Layout), Name: name}
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// nthWeekday is the n-th (n<0: from the end) weekday wd of a month.
func nthWeekday(y, m int, wd time.Weekday, n int) time.Time {
	if n > 0 {
		t := date(y, m, 1)
		for t.Weekday() != wd {
			t = t.AddDate(0, 0, 1)
		}
		return t.AddDate(0, 0, 7*(n-1))
	}
	t := date(y, m+1, 0)
	for t.Weekday() != wd {
		t = t.AddDate(0, 0, -1)
	}
	return t.AddDate(0, 0, 7*(n+1))
}

func germanHolidays(y int) []oncall.Holiday {
	e := easter(y)
	return []oncall.Holiday{hol(date(y, 1, 1), "Neujahr"), hol(e.AddDate(0, 0, -2), "Karfreitag"), hol(e.AddDate(0, 0, 1), "Ostermontag"),
		hol(date(y, 5, 1), "Tag der Arbeit"), hol(e.AddDate(0, 0, 39), "Christi Himmelfahrt"), hol(e.AddDate(0, 0, 50), "Pfingstmontag"),
		hol(date(y, 10, 3), "Tag der Deutschen Einheit"), hol(date(y, 12, 25), "1. Weihnachtstag"), hol(date(y, 12, 26), "2. Weihnachtstag")}
}

func ukHolidays(y int) []oncall.Holiday {
	e := easter(y)
	return []oncall.Holiday{hol(date(y, 1, 1), "New Year's Day"), hol(e.AddDate(0, 0, -2), "Good Friday"), hol(e.AddDate(0, 0, 1), "Easter Monday"),
		hol(nthWeekday(y, 5, time.Monday, 1), "Early May bank holiday"), hol(nthWeekday(y, 5, time.Monday, -1), "Spring bank holiday"),
		hol(nthWeekday(y, 8, time.Monday, -1), "Summer bank holiday"), hol(date(y, 12, 25), "Christmas Day"), hol(date(y, 12, 26), "Boxing Day")}
}

func usHolidays(y int) []oncall.Holiday {
	return []oncall.Holiday{hol(date(y, 1, 1), "New Year's Day"), hol(nthWeekday(y, 1, time.Monday, 3), "Martin Luther King Jr. Day"),
		hol(nthWeekday(y, 5, time.Monday, -1), "Memorial Day"), hol(date(y, 6, 19), "Juneteenth"), hol(date(y, 7, 4), "Independence Day"),
		hol(nthWeekday(y, 9, time.Monday, 1), "Labor Day"), hol(nthWeekday(y, 11, time.Thursday, 4), "Thanksgiving Day"),
		hol(date(y, 12, 25), "Christmas Day")}
}

func fixedHolidays(days [][3]any) func(int) []oncall.Holiday {
	return func(y int) []oncall.Holiday {
		var out []oncall.Holiday
		for _, d := range days {
			out = append(out, hol(date(y, d[0].(int), d[1].(int)), d[2].(string)))
		}
		return out
	}
}
