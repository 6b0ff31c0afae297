package growth

import (
	"strings"
	"time"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
)

// Mentorship is a mentoring pair: a mentor helping a mentee grow in some
// focus areas, checking in every few days. A pair is active until it ends
// (EndedOn set); ended pairs are kept as history.
type Mentorship struct {
	ID       id.ID    `json:"id" ts_type:"string"` // Nil on input: a new pair
	MentorID id.ID    `json:"mentorId" ts_type:"string"`
	MenteeID id.ID    `json:"menteeId" ts_type:"string"`
	Focus    []string `json:"focus"` // skills or areas, cleaned like growth areas
	// StartDate is when the pair started (the first conversation).
	StartDate string `json:"startDate"`
	// CheckInEveryDays is the check-in cadence, 7 to 90 days.
	CheckInEveryDays int       `json:"checkInEveryDays"`
	LastCheckIn      string    `json:"lastCheckIn,omitempty"` // civil date, optional
	EndedOn          string    `json:"endedOn,omitempty"`     // civil date; empty while the pair is active
	Notes            string    `json:"notes,omitempty"`
	CreatedAt        time.Time `json:"createdAt,omitzero" ts_type:"string"`
	UpdatedAt        time.Time `json:"updatedAt,omitzero" ts_type:"string"`
}

// Limits of a pair.
const (
	MaxFocus          = 10
	MinCheckInDays    = 7
	MaxCheckInDays    = 90
	DefaultCheckInDay = 14
)

// Active reports whether the pair has not ended.
func (m *Mentorship) Active() bool { return m.EndedOn == "" }

// Stamps gives store.Stamp the pair's id and times.
func (m *Mentorship) Stamps() (*id.ID, *time.Time, *time.Time) {
	return &m.ID, &m.CreatedAt, &m.UpdatedAt
}

// Normalize trims text, cleans the focus areas and defaults the cadence to
// every two weeks.
func (m *Mentorship) Normalize() {
	m.Focus = Areas(m.Focus)
	m.StartDate = strings.TrimSpace(m.StartDate)
	m.LastCheckIn = strings.TrimSpace(m.LastCheckIn)
	m.EndedOn = strings.TrimSpace(m.EndedOn)
	m.Notes = strings.TrimRight(m.Notes, " \t\r\n")
	if m.CheckInEveryDays == 0 {
		m.CheckInEveryDays = DefaultCheckInDay
	}
	m.CreatedAt, m.UpdatedAt = m.CreatedAt.UTC(), m.UpdatedAt.UTC()
}

// Validate checks the pair on its own (the people are checked by the Service).
func (m *Mentorship) Validate() error {
	var c errs.Collector
	if m.MentorID.IsZero() {
		c.Add("mentorId", "Choose the mentor.")
	}
	if m.MenteeID.IsZero() {
		c.Add("menteeId", "Choose the mentee.")
	}
	if !m.MentorID.IsZero() && m.MentorID == m.MenteeID {
		c.Add("menteeId", "The mentee must be someone other than the mentor.")
	}
	if len(m.Focus) > MaxFocus {
		c.Add("focus", "At most %d focus areas (there are %d).", MaxFocus, len(m.Focus))
	}
	for i, f := range m.Focus {
		c.MaxLen(path("focus", i), "A focus area", f, MaxArea)
	}
	okStart := false
	if m.StartDate == "" {
		c.Add("startDate", "When does the pairing start?")
	} else {
		okStart = checkDate(&c, "startDate", "Start date", m.StartDate)
	}
	if m.CheckInEveryDays < MinCheckInDays || m.CheckInEveryDays > MaxCheckInDays {
		c.Add("checkInEveryDays", "Check in every %d to %d days.", MinCheckInDays, MaxCheckInDays)
	}
	if checkDate(&c, "lastCheckIn", "Last check-in", m.LastCheckIn) && okStart && m.LastCheckIn != "" && m.LastCheckIn < m.StartDate {
		c.Add("lastCheckIn", "The last check-in %s is before the start %s.", m.LastCheckIn, m.StartDate)
	}
	if checkDate(&c, "endedOn", "End date", m.EndedOn) && okStart && m.EndedOn != "" && m.EndedOn < m.StartDate {
		c.Add("endedOn", "The end date %s is before the start %s.", m.EndedOn, m.StartDate)
	}
	c.MaxLen("notes", "Notes", m.Notes, MaxDescription)
	return c.Err()
}

// CheckIn is when a pair should next check in.
type CheckIn struct {
	Next string `json:"next,omitempty"` // civil date; empty for an ended pair
	Days int    `json:"days"`           // days from today to Next: 0 today, negative when overdue
	Due  bool   `json:"due"`            // Next is today or earlier
}

// CheckInOf works out the next check-in of a pair on a civil date today:
// the cadence counted from the last check-in, or from the start when there
// has been none. An ended pair has no next check-in.
func CheckInOf(m *Mentorship, today string) CheckIn {
	if !m.Active() {
		return CheckIn{}
	}
	base := m.StartDate
	if m.LastCheckIn > base {
		base = m.LastCheckIn
	}
	every := m.CheckInEveryDays
	if every <= 0 {
		every = DefaultCheckInDay
	}
	next := civil.AddDays(base, every)
	days := civil.DaysBetween(today, next)
	return CheckIn{Next: next, Days: days, Due: days <= 0}
}
