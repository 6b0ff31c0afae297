package brief

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/feedback"
	"wheelhouse/backend/id"
	"wheelhouse/backend/incident"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/oneonone"
	"wheelhouse/backend/pages"
	"wheelhouse/backend/people"
)

// Thresholds of the team health flags.
const (
	NightHoursLimit   = 10 // night hours on call in the last 28 days
	HolidayHoursLimit = 16 // holiday hours on call in the last 90 days
	IncidentLimit     = 3  // incidents taken part in during the last 30 days
	CommandLimit      = 2  // incidents commanded in the last 30 days
)

// Flag is one reason to check on someone.
type Flag struct {
	Kind string `json:"kind"` // oncall_frequency, night_hours, holiday_hours, pages_per_day, sleep_pages, mtta_rising, incidents, oneonone_overdue, mood_falling, feedback_one_sided
	Text string `json:"text"`
}

// HealthRow is one person in the team health view.
type HealthRow struct {
	Person       PersonInfo              `json:"person"`
	Flags        []Flag                  `json:"flags"`
	Cadence      *oneonone.CadenceStatus `json:"cadence,omitempty"`
	MoodTrend    string                  `json:"moodTrend"`
	LastMood     int                     `json:"lastMood,omitempty"`
	WeeksOnCall  float64                 `json:"weeksOnCall"`
	Weeks        int                     `json:"weeks"`
	NightHours   float64                 `json:"nightHours"`   // last 28 days
	HolidayHours float64                 `json:"holidayHours"` // last 90 days
	Incidents    int                     `json:"incidents"`    // last 30 days
	Commanded    int                     `json:"commanded"`    // last 30 days
	Feedback     feedback.Counts         `json:"feedback"`     // last 90 days
	// Pages and SleepPages: imported pages of the last 28 days, and those
	// in sleep hours (22:00–08:00 their time).
	Pages      int `json:"pages"`
	SleepPages int `json:"sleepPages"`
}

// Health is the team health view.
type Health struct {
	Today   string      `json:"today"`
	TeamID  id.ID       `json:"teamId,omitzero" ts_type:"string"`
	Rows    []HealthRow `json:"rows"` // flagged people first (most flags first), then by name
	Flagged int         `json:"flagged"`
	// PagingImported: some paging history is imported, so the paging
	// flags (pages_per_day, sleep_pages, mtta_rising) are judged.
	PagingImported bool `json:"pagingImported"`
}

// PagingDays is how far back team health reads the imported pages.
const PagingDays = 28

// HealthTx builds the team health view of a team (zero: everyone who is not
// archived) on today, at now.
func (b *Builder) HealthTx(txn *badger.Txn, team id.ID, today string, now time.Time, zone *time.Location) (Health, error) {
	h := Health{Today: today, TeamID: team, Rows: []HealthRow{}}
	var members map[id.ID]bool
	if !team.IsZero() {
		t, err := people.Teams.Get(txn, team)
		if err != nil {
			return h, err
		}
		members = map[id.ID]bool{}
		for _, u := range t.MemberIDs {
			members[u] = true
		}
	}
	var persons []people.Person
	err := people.Persons.Each(txn, func(p *people.Person) error {
		if !p.Archived && (members == nil || members[p.ID]) {
			persons = append(persons, *p)
		}
		return nil
	})
	if err != nil || len(persons) == 0 {
		return h, err
	}
	rows := make(map[id.ID]*HealthRow, len(persons))
	for _, p := range persons {
		rows[p.ID] = &HealthRow{Person: PersonInfo{ID: p.ID, Name: p.Name, Role: p.Role, Level: p.Level, TimeZone: p.TimeZone, Aspiration: string(p.Aspiration)}, Flags: []Flag{}}
	}

	// On call: frequency over 12 weeks, nights over 28 days, holidays over 90.
	if oncall.Rotations.Count(txn) > 0 {
		day := 24 * time.Hour
		snap, err := b.OnCallSnapshotTx(txn, now.Add(-90*day), now)
		if err != nil {
			return h, err
		}
		for _, r := range oncall.Fairness(snap, now.Add(-84*day), now).Rows {
			if row := rows[r.PersonID]; row != nil {
				row.WeeksOnCall, row.Weeks = r.WeeksOnCall, r.Weeks
				if r.TooFrequent {
					row.Flags = append(row.Flags, Flag{"oncall_frequency", fmt.Sprintf("On call in %s of the last %d weeks (more than 1 in 4).", num(r.WeeksOnCall), r.Weeks)})
				}
			}
		}
		for _, r := range oncall.Fairness(snap, now.Add(-28*day), now).Rows {
			if row := rows[r.PersonID]; row != nil {
				row.NightHours = r.NightHours
				if r.NightHours >= NightHoursLimit {
					row.Flags = append(row.Flags, Flag{"night_hours", fmt.Sprintf("%s night hours on call in the last 4 weeks.", num(r.NightHours))})
				}
			}
		}
		for _, r := range oncall.Fairness(snap, now.Add(-90*day), now).Rows {
			if row := rows[r.PersonID]; row != nil {
				row.HolidayHours = r.HolidayHours
				if r.HolidayHours >= HolidayHoursLimit {
					row.Flags = append(row.Flags, Flag{"holiday_hours", fmt.Sprintf("%s hours on call on holidays in the last 90 days.", num(r.HolidayHours))})
				}
			}
		}
	}

	// Imported paging history: the last 4 weeks (MTTA rising: 8).
	if err := b.pagingFlags(txn, persons, rows, now.Add(-PagingDays*24*time.Hour), now, &h); err != nil {
		return h, err
	}

	// Incidents of the last 30 days.
	var ids []id.ID
	err = incident.SummariesTx(txn, now.Add(-30*24*time.Hour), now, func(s *incident.Summary) error {
		ids = append(ids, s.ID)
		return nil
	})
	if err != nil {
		return h, err
	}
	for _, u := range ids {
		in, err := incident.Incidents.Get(txn, u)
		if err != nil {
			return h, err
		}
		seen := map[id.ID]bool{}
		for _, r := range in.PersonRefs() {
			if row := rows[r.ID]; row != nil && !seen[r.ID] && !strings.HasPrefix(r.Field, "timeline.") && r.Field != "review.skippedBy" {
				seen[r.ID] = true
				row.Incidents++
			}
		}
		if row := rows[in.CommanderID]; row != nil {
			row.Commanded++
		}
	}

	for _, p := range persons {
		row := rows[p.ID]
		if row.Incidents >= IncidentLimit || row.Commanded >= CommandLimit {
			row.Flags = append(row.Flags, Flag{"incidents", fmt.Sprintf("In %d incidents in the last 30 days (commander of %d).", row.Incidents, row.Commanded)})
		}
		// 1:1 cadence and mood.
		if st, ok, err := oneonone.StatusTx(txn, p.ID, p.Name, today); err != nil {
			return h, err
		} else if ok {
			row.Cadence = &st
			if st.Overdue {
				row.Flags = append(row.Flags, Flag{"oneonone_overdue", st.Message})
			}
		}
		var mood []MoodPoint
		for _, e := range oneonone.HistoryTx(txn, p.ID) {
			if e.Status == oneonone.Held && e.Mood > 0 && e.Date <= today {
				mood = append(mood, MoodPoint{Date: e.Date, Mood: e.Mood, Energy: e.Energy})
			}
		}
		if len(mood) > MoodPoints {
			mood = mood[len(mood)-MoodPoints:]
		}
		row.MoodTrend = Trend(mood)
		if len(mood) > 0 {
			row.LastMood = mood[len(mood)-1].Mood
		}
		if row.MoodTrend == "falling" {
			row.Flags = append(row.Flags, Flag{"mood_falling", fmt.Sprintf("Mood falling: %d at the last 1:1 (%s).", row.LastMood, mood[len(mood)-1].Date)})
		}
		// Feedback balance.
		bal, err := feedback.BalanceTx(txn, p.ID, today)
		if err != nil {
			return h, err
		}
		row.Feedback = bal.Recent
		for i, f := range bal.Flags {
			if f == "only_constructive" || f == "only_positive" {
				row.Flags = append(row.Flags, Flag{"feedback_one_sided", bal.Notes[i]})
			}
		}
		h.Rows = append(h.Rows, *row)
	}
	sort.SliceStable(h.Rows, func(i, j int) bool {
		a, b := h.Rows[i], h.Rows[j]
		if len(a.Flags) != len(b.Flags) {
			return len(a.Flags) > len(b.Flags)
		}
		return strings.ToLower(a.Person.Name) < strings.ToLower(b.Person.Name)
	})
	for _, r := range h.Rows {
		if len(r.Flags) > 0 {
			h.Flagged++
		}
	}
	return h, nil
}

// pagingFlags adds the on-call health flags of the imported pages in
// [from, now) to rows.
func (b *Builder) pagingFlags(txn *badger.Txn, persons []people.Person, rows map[id.ID]*HealthRow, from, now time.Time, h *Health) error {
	ids := make([]id.ID, len(persons))
	for i, p := range persons {
		ids[i] = p.ID
	}
	rep, err := b.PagingHealthTx(txn, ids, from, now)
	if err != nil || rep == nil {
		return err
	}
	h.PagingImported = true
	names := map[id.ID]string{}
	for _, p := range rep.People {
		if row := rows[p.PersonID]; row != nil {
			row.Pages, row.SleepPages = p.Pages, p.Sleep
			names[p.PersonID] = p.Person
		}
	}
	slept := map[id.ID]bool{}
	for _, f := range rep.Flags {
		row := rows[f.PersonID]
		if row == nil {
			continue
		}
		reason := strings.TrimPrefix(f.Reason, names[f.PersonID]+": ")
		switch f.Kind {
		case pages.FlagPagesPerDay:
			row.Flags = append(row.Flags, Flag{"pages_per_day", reason})
		case pages.FlagMTTARising:
			row.Flags = append(row.Flags, Flag{"mtta_rising", "Time to acknowledge rising: " + reason})
		case pages.FlagSleep:
			if !slept[f.PersonID] {
				slept[f.PersonID] = true
				row.Flags = append(row.Flags, Flag{"sleep_pages", fmt.Sprintf("%d sleep-hour page%s in the last 4 weeks (22:00–08:00 their time).", row.SleepPages, plural(row.SleepPages))})
			}
		}
	}
	return nil
}
