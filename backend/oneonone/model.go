// Package oneonone holds one-on-ones: the cadence the manager keeps with each
// report (a series) and the meetings themselves, with agendas whose
// unfinished topics carry over, shared and private notes and an optional
// mood/energy check-in. Follow-ups agreed in a 1:1 are backend/followup items
// whose source is the meeting.
//
// Dates here are civil dates (backend/civil) in the manager's zone; the
// package knows no zones except where it renders a calendar.
package oneonone

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
)

// Cadence is how often the manager meets a report.
type Cadence string

const (
	Weekly   Cadence = "weekly"
	Biweekly Cadence = "biweekly"
	Monthly  Cadence = "monthly"
)

// Cadences lists the valid cadences, most frequent first.
var Cadences = []Cadence{Weekly, Biweekly, Monthly}

// Days is the nominal length of the cadence in days ("cadence 14"), used in
// messages and trend maths. Due dates use Next, which knows months.
func (c Cadence) Days() int {
	switch c {
	case Weekly:
		return 7
	case Biweekly:
		return 14
	case Monthly:
		return 30
	}
	return 0
}

// Label is the cadence as people say it.
func (c Cadence) Label() string {
	switch c {
	case Weekly:
		return "every week"
	case Biweekly:
		return "every two weeks"
	case Monthly:
		return "every month"
	}
	return string(c)
}

// Next is the date one cadence after date. A monthly cadence here keeps the
// day of the month and clamps it to the month's last day (31 Jan -> 28 Feb);
// a series' monthly due dates follow its weekday of the month instead
// (Series.NextAfter), as its calendar does.
func (c Cadence) Next(date string) string {
	d, ok := civil.Parse(date)
	if !ok {
		return date
	}
	switch c {
	case Weekly:
		return d.AddDate(0, 0, 7).Format(civil.Layout)
	case Biweekly:
		return d.AddDate(0, 0, 14).Format(civil.Layout)
	case Monthly:
		y, m, day := d.Date()
		first := time.Date(y, m+1, 1, 0, 0, 0, 0, time.UTC)
		last := first.AddDate(0, 1, -1).Day()
		if day > last {
			day = last
		}
		return time.Date(y, m+1, day, 0, 0, 0, 0, time.UTC).Format(civil.Layout)
	}
	return date
}

// Series is the cadence kept with one report (one per person).
type Series struct {
	PersonID id.ID   `json:"personId" ts_type:"string"`
	Cadence  Cadence `json:"cadence"`
	// Weekday and Time are the usual slot (0 = Sunday), in the manager's zone.
	Weekday         int    `json:"weekday"`
	Time            string `json:"time"`            // "HH:MM"
	DurationMinutes int    `json:"durationMinutes"` // 15-180
	// StartDate is the first 1:1 of the series: the due date until one is held.
	StartDate string    `json:"startDate"`
	Paused    bool      `json:"paused,omitempty"` // no overdue reminders while paused (parental leave, sabbatical)
	CreatedAt time.Time `json:"createdAt" ts_type:"string"`
	UpdatedAt time.Time `json:"updatedAt" ts_type:"string"`
}

// Meeting status.
type MeetingStatus string

const (
	Planned   MeetingStatus = "planned"
	Held      MeetingStatus = "held"
	Cancelled MeetingStatus = "cancelled"
)

// MeetingStatuses lists the valid statuses.
var MeetingStatuses = []MeetingStatus{Planned, Held, Cancelled}

// Side says who brought a topic.
type Side string

const (
	SideMe   Side = "me"   // the manager
	SideThem Side = "them" // the report
)

// AgendaItem is one topic of a meeting.
type AgendaItem struct {
	ID   id.ID  `json:"id" ts_type:"string"`
	Text string `json:"text"`
	By   Side   `json:"by"`
	Done bool   `json:"done"`
	// OriginID is the id of the item in the meeting where the topic was first
	// raised; CarriedFrom the date of the meeting it was carried from, and
	// Carried how many meetings it has been carried so far (0: new).
	OriginID    id.ID  `json:"originId,omitzero" ts_type:"string"`
	CarriedFrom string `json:"carriedFrom,omitempty"`
	Carried     int    `json:"carried,omitempty"`
	Notes       string `json:"notes,omitempty"`
}

// Meeting is one 1:1.
type Meeting struct {
	ID       id.ID         `json:"id" ts_type:"string"`
	PersonID id.ID         `json:"personId" ts_type:"string"`
	Date     string        `json:"date"` // civil date
	Status   MeetingStatus `json:"status"`
	Agenda   []AgendaItem  `json:"agenda"`
	// SharedNotes may be shared with the report. PrivateNotes are the
	// manager's own: never in an export, brief or calendar unless the manager
	// explicitly asks (docs/data-format.md, "Private notes").
	SharedNotes  string `json:"sharedNotes,omitempty"`
	PrivateNotes string `json:"privateNotes,omitempty"`
	// Mood and Energy are an optional check-in, 1 (low) to 5 (high); 0 means
	// not asked.
	Mood      int       `json:"mood,omitempty"`
	Energy    int       `json:"energy,omitempty"`
	CreatedAt time.Time `json:"createdAt" ts_type:"string"`
	UpdatedAt time.Time `json:"updatedAt" ts_type:"string"`
}

// Limits.
const (
	MaxTopic      = 500
	MaxTopicNotes = 5000
	MaxNotes      = 50000
	MaxAgenda     = 100
)

// Normalize trims text and fills defaults.
func (s *Series) Normalize() {
	s.Time = strings.TrimSpace(s.Time)
	s.StartDate = strings.TrimSpace(s.StartDate)
	if s.Time == "" {
		s.Time = "10:00"
	}
	if s.DurationMinutes == 0 {
		s.DurationMinutes = 30
	}
	s.CreatedAt, s.UpdatedAt = s.CreatedAt.UTC(), s.UpdatedAt.UTC()
}

// Validate checks the series on its own.
func (s *Series) Validate() error {
	var c errs.Collector
	if s.PersonID.IsZero() {
		c.Add("personId", "Choose the report this cadence is for.")
	}
	if !slices.Contains(Cadences, s.Cadence) {
		c.Add("cadence", "Cadence must be weekly, every two weeks or monthly.")
	}
	if s.Weekday < 0 || s.Weekday > 6 {
		c.Add("weekday", "Choose a weekday.")
	}
	if _, ok := ParseClock(s.Time); !ok {
		c.Add("time", "Time must look like 09:30 (24-hour).")
	}
	if s.DurationMinutes < 15 || s.DurationMinutes > 180 {
		c.Add("durationMinutes", "Duration must be between 15 and 180 minutes.")
	}
	if _, ok := civil.Parse(s.StartDate); !ok {
		c.Add("startDate", "First 1:1 must be a date like 2026-03-01.")
	}
	return c.Err()
}

// ParseClock reads "HH:MM" (24-hour) into minutes after midnight.
func ParseClock(s string) (int, bool) {
	if len(s) != 5 || s[2] != ':' {
		return 0, false
	}
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, false
	}
	return t.Hour()*60 + t.Minute(), true
}

// Normalize trims text, fills defaults and gives new agenda items ids.
func (m *Meeting) Normalize(now time.Time) {
	m.Date = strings.TrimSpace(m.Date)
	if m.Status == "" {
		m.Status = Planned
	}
	m.SharedNotes = strings.TrimRight(m.SharedNotes, " \t\r\n")
	m.PrivateNotes = strings.TrimRight(m.PrivateNotes, " \t\r\n")
	if m.Agenda == nil {
		m.Agenda = []AgendaItem{}
	}
	for i := range m.Agenda {
		a := &m.Agenda[i]
		a.Text = strings.TrimSpace(a.Text)
		a.Notes = strings.TrimRight(a.Notes, " \t\r\n")
		if a.By == "" {
			a.By = SideMe
		}
		if a.ID.IsZero() {
			a.ID = id.New(now)
		}
		if a.OriginID.IsZero() {
			a.OriginID = a.ID
		}
	}
	m.CreatedAt, m.UpdatedAt = m.CreatedAt.UTC(), m.UpdatedAt.UTC()
}

// Validate checks the meeting on its own.
func (m *Meeting) Validate() error {
	var c errs.Collector
	if m.PersonID.IsZero() {
		c.Add("personId", "Choose who the 1:1 is with.")
	}
	if _, ok := civil.Parse(m.Date); !ok {
		c.Add("date", "Date must be a date like 2026-03-01.")
	}
	if !slices.Contains(MeetingStatuses, m.Status) {
		c.Add("status", "Status must be planned, held or cancelled.")
	}
	if len(m.Agenda) > MaxAgenda {
		c.Add("agenda", "At most %d agenda items.", MaxAgenda)
	}
	seen := map[id.ID]bool{}
	for i, a := range m.Agenda {
		f := "agenda." + strconv.Itoa(i)
		if a.Text == "" {
			c.Add(f+".text", "A topic needs some text.")
		}
		c.MaxLen(f+".text", "Topic", a.Text, MaxTopic)
		c.MaxLen(f+".notes", "Topic notes", a.Notes, MaxTopicNotes)
		if a.By != SideMe && a.By != SideThem {
			c.Add(f+".by", "A topic is raised by \"me\" or \"them\".")
		}
		if seen[a.ID] {
			c.Add(f+".id", "Two agenda items share an id.")
		}
		seen[a.ID] = true
		if a.CarriedFrom != "" {
			if _, ok := civil.Parse(a.CarriedFrom); !ok {
				c.Add(f+".carriedFrom", "Carried-from must be a date.")
			}
		}
		if a.Carried < 0 {
			c.Add(f+".carried", "Carried count cannot be negative.")
		}
	}
	c.MaxLen("sharedNotes", "Shared notes", m.SharedNotes, MaxNotes)
	c.MaxLen("privateNotes", "Private notes", m.PrivateNotes, MaxNotes)
	if m.Mood < 0 || m.Mood > 5 {
		c.Add("mood", "Mood is from 1 (low) to 5 (high), or not recorded.")
	}
	if m.Energy < 0 || m.Energy > 5 {
		c.Add("energy", "Energy is from 1 (low) to 5 (high), or not recorded.")
	}
	return c.Err()
}

// Open returns the unfinished topics of the meeting.
func (m *Meeting) Open() []AgendaItem {
	var out []AgendaItem
	for _, a := range m.Agenda {
		if !a.Done {
			out = append(out, a)
		}
	}
	return out
}

// Stamps lets store.Stamp handle meeting ids and times.
func (m *Meeting) Stamps() (*id.ID, *time.Time, *time.Time) { return &m.ID, &m.CreatedAt, &m.UpdatedAt }
