// Package growth holds development plans and mentoring pairs.
//
// A plan is one record per person (keyed by the person's id) with everything
// inside it: target role and level, growth areas, goals with milestones,
// stretch assignments and evidence linked from other areas (an incident, a
// feedback entry, a follow-up). The person's career aspiration is not stored
// here: it lives on people.Person and is returned alongside the plan.
//
// Open milestones with a due date are kept in a key-only index
// (store.IdxMilestoneDue) so reminders and the 1:1 prep brief find what is
// due without decoding every plan. Mentoring pairs are records of their own,
// indexed by both people.
//
// Dates are civil dates "YYYY-MM-DD"; "today" is always an argument (this
// package knows no clock zones and never reads the wall clock).
package growth

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
)

// GoalStatus is where a goal stands.
type GoalStatus string

const (
	GoalNotStarted GoalStatus = "not_started"
	GoalInProgress GoalStatus = "in_progress"
	GoalDone       GoalStatus = "done"
	GoalDropped    GoalStatus = "dropped"
)

// GoalStatuses lists the valid goal statuses.
var GoalStatuses = []GoalStatus{GoalNotStarted, GoalInProgress, GoalDone, GoalDropped}

// IsOpen reports whether the goal still needs work (not done, not dropped).
func (s GoalStatus) IsOpen() bool { return s == GoalNotStarted || s == GoalInProgress }

// StretchStatus is where a stretch assignment stands.
type StretchStatus string

const (
	StretchPlanned StretchStatus = "planned"
	StretchActive  StretchStatus = "active"
	StretchDone    StretchStatus = "done"
)

// StretchStatuses lists the valid stretch assignment statuses.
var StretchStatuses = []StretchStatus{StretchPlanned, StretchActive, StretchDone}

// EvidenceKind says what a piece of evidence points at.
type EvidenceKind string

const (
	EvidenceIncident EvidenceKind = "incident" // RefID: an incident (they commanded, wrote the review, ...)
	EvidenceFeedback EvidenceKind = "feedback" // RefID: a feedback entry
	EvidenceFollowUp EvidenceKind = "followup" // RefID: a follow-up they closed
	EvidenceNote     EvidenceKind = "note"     // no RefID: the manager's own note
)

// EvidenceKinds lists the valid kinds.
var EvidenceKinds = []EvidenceKind{EvidenceIncident, EvidenceFeedback, EvidenceFollowUp, EvidenceNote}

// Milestone is a step towards a goal.
type Milestone struct {
	ID      id.ID  `json:"id" ts_type:"string"` // Nil on input: a new milestone
	Title   string `json:"title"`
	DueDate string `json:"dueDate,omitempty"` // civil date, optional
	Done    bool   `json:"done"`
	DoneOn  string `json:"doneOn,omitempty"` // civil date, set while done
}

// Goal is one development goal.
type Goal struct {
	ID          id.ID       `json:"id" ts_type:"string"` // Nil on input: a new goal
	Title       string      `json:"title"`
	Description string      `json:"description,omitempty"`
	TargetDate  string      `json:"targetDate,omitempty"` // civil date, optional
	Status      GoalStatus  `json:"status"`
	Milestones  []Milestone `json:"milestones"`
}

// Assignment is a stretch assignment: work at the edge of the comfort zone.
type Assignment struct {
	ID          id.ID         `json:"id" ts_type:"string"`
	Title       string        `json:"title"`
	Description string        `json:"description,omitempty"`
	StartDate   string        `json:"startDate,omitempty"`
	EndDate     string        `json:"endDate,omitempty"`
	Status      StretchStatus `json:"status"`
}

// Evidence is something that shows growth, linked from elsewhere or noted.
type Evidence struct {
	ID    id.ID        `json:"id" ts_type:"string"`
	Kind  EvidenceKind `json:"kind"`
	RefID id.ID        `json:"refId,omitzero" ts_type:"string"` // the linked record; Nil for notes
	// Label is what the list shows: filled from the linked record (its
	// title) when it is checked, typed by the manager for notes.
	Label string `json:"label"`
	Date  string `json:"date,omitempty"` // civil date; from the linked record when not given
	Note  string `json:"note,omitempty"`
}

// Plan is a person's development plan.
type Plan struct {
	PersonID    id.ID        `json:"personId" ts_type:"string"`
	TargetRole  string       `json:"targetRole,omitempty"`
	TargetLevel string       `json:"targetLevel,omitempty"` // a level of the roster's ladder
	GrowthAreas []string     `json:"growthAreas"`
	Summary     string       `json:"summary,omitempty"`
	Goals       []Goal       `json:"goals"`
	Stretch     []Assignment `json:"stretch"`
	Evidence    []Evidence   `json:"evidence"`
	// Revision counts the writes of the plan (1 for a new one). Sent back
	// with SavePlan it must match the stored plan: a plan changed elsewhere
	// since it was read (a milestone ticked in another view) is a conflict,
	// not a silent overwrite. 0 replaces whatever is stored.
	Revision  int       `json:"revision"`
	CreatedAt time.Time `json:"createdAt,omitzero" ts_type:"string"`
	UpdatedAt time.Time `json:"updatedAt,omitzero" ts_type:"string"`
}

// Limits on counts and text, so a paste cannot bloat a record (a plan is
// read whole by the person page and the prep brief).
const (
	MaxTitle       = 200
	MaxArea        = 60
	MaxAreas       = 20
	MaxDescription = 5000
	MaxSummary     = 20000
	MaxNote        = 2000
	MaxGoals       = 30
	MaxMilestones  = 30 // per goal
	MaxStretch     = 30
	MaxEvidence    = 200
)

// Areas normalizes a list of skills or areas: trimmed, inner spaces
// collapsed, empties dropped, duplicates (ignoring case) dropped keeping the
// first spelling.
func Areas(in []string) []string {
	out := make([]string, 0, len(in))
	seen := map[string]bool{}
	for _, a := range in {
		a = strings.Join(strings.Fields(a), " ")
		k := fold(a)
		if a == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, a)
	}
	return out
}

func fold(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// Normalize trims text, cleans growth areas and fills defaults (goal status
// not_started, stretch status planned). A milestone that is not done has no
// done date.
func (p *Plan) Normalize() {
	p.TargetRole = strings.TrimSpace(p.TargetRole)
	p.TargetLevel = strings.TrimSpace(p.TargetLevel)
	p.GrowthAreas = Areas(p.GrowthAreas)
	p.Summary = strings.TrimRight(p.Summary, " \t\r\n")
	if p.Goals == nil {
		p.Goals = []Goal{}
	}
	if p.Stretch == nil {
		p.Stretch = []Assignment{}
	}
	if p.Evidence == nil {
		p.Evidence = []Evidence{}
	}
	for i := range p.Goals {
		g := &p.Goals[i]
		g.Title = strings.TrimSpace(g.Title)
		g.Description = strings.TrimRight(g.Description, " \t\r\n")
		g.TargetDate = strings.TrimSpace(g.TargetDate)
		if g.Status == "" {
			g.Status = GoalNotStarted
		}
		if g.Milestones == nil {
			g.Milestones = []Milestone{}
		}
		for j := range g.Milestones {
			m := &g.Milestones[j]
			m.Title = strings.TrimSpace(m.Title)
			m.DueDate = strings.TrimSpace(m.DueDate)
			m.DoneOn = strings.TrimSpace(m.DoneOn)
			if !m.Done {
				m.DoneOn = ""
			}
		}
	}
	for i := range p.Stretch {
		a := &p.Stretch[i]
		a.Title = strings.TrimSpace(a.Title)
		a.Description = strings.TrimRight(a.Description, " \t\r\n")
		a.StartDate = strings.TrimSpace(a.StartDate)
		a.EndDate = strings.TrimSpace(a.EndDate)
		if a.Status == "" {
			a.Status = StretchPlanned
		}
	}
	for i := range p.Evidence {
		e := &p.Evidence[i]
		e.Label = strings.TrimSpace(e.Label)
		e.Date = strings.TrimSpace(e.Date)
		e.Note = strings.TrimRight(e.Note, " \t\r\n")
	}
	p.CreatedAt, p.UpdatedAt = p.CreatedAt.UTC(), p.UpdatedAt.UTC()
}

// Validate checks the plan on its own (not against other records: the
// person, the ladder and linked evidence are checked by the Service). Field
// names are paths, e.g. "goals.2.milestones.0.dueDate".
func (p *Plan) Validate() error {
	var c errs.Collector
	if p.PersonID.IsZero() {
		c.Add("personId", "A plan belongs to a person.")
	}
	c.MaxLen("targetRole", "Target role", p.TargetRole, MaxTitle)
	c.MaxLen("targetLevel", "Target level", p.TargetLevel, 40)
	if len(p.GrowthAreas) > MaxAreas {
		c.Add("growthAreas", "At most %d growth areas (there are %d).", MaxAreas, len(p.GrowthAreas))
	}
	for i, a := range p.GrowthAreas {
		c.MaxLen(path("growthAreas", i), "A growth area", a, MaxArea)
	}
	c.MaxLen("summary", "Summary", p.Summary, MaxSummary)

	ids := map[id.ID]string{} // every id inside the plan is unique in it
	dup := func(u id.ID, field string) {
		if u.IsZero() {
			return
		}
		if _, ok := ids[u]; ok {
			c.Add(field, "This id is used twice in the plan.")
		}
		ids[u] = field
	}
	if len(p.Goals) > MaxGoals {
		c.Add("goals", "At most %d goals (there are %d).", MaxGoals, len(p.Goals))
	}
	for i := range p.Goals {
		g := &p.Goals[i]
		f := path("goals", i)
		dup(g.ID, f+".id")
		if g.Title == "" {
			c.Add(f+".title", "Give the goal a title.")
		}
		c.MaxLen(f+".title", "Goal title", g.Title, MaxTitle)
		c.MaxLen(f+".description", "Description", g.Description, MaxDescription)
		checkDate(&c, f+".targetDate", "Target date", g.TargetDate)
		if !slices.Contains(GoalStatuses, g.Status) {
			c.Add(f+".status", "Unknown goal status %q: not_started, in_progress, done or dropped.", g.Status)
		}
		if len(g.Milestones) > MaxMilestones {
			c.Add(f+".milestones", "At most %d milestones per goal (there are %d).", MaxMilestones, len(g.Milestones))
		}
		for j := range g.Milestones {
			m := &g.Milestones[j]
			mf := path(f+".milestones", j)
			dup(m.ID, mf+".id")
			if m.Title == "" {
				c.Add(mf+".title", "Give the milestone a title.")
			}
			c.MaxLen(mf+".title", "Milestone title", m.Title, MaxTitle)
			checkDate(&c, mf+".dueDate", "Due date", m.DueDate)
			if m.Done {
				if m.DoneOn == "" {
					c.Add(mf+".doneOn", "A done milestone needs the date it was done.")
				} else {
					checkDate(&c, mf+".doneOn", "Done date", m.DoneOn)
				}
			}
		}
	}

	if len(p.Stretch) > MaxStretch {
		c.Add("stretch", "At most %d stretch assignments (there are %d).", MaxStretch, len(p.Stretch))
	}
	for i := range p.Stretch {
		a := &p.Stretch[i]
		f := path("stretch", i)
		dup(a.ID, f+".id")
		if a.Title == "" {
			c.Add(f+".title", "Give the assignment a title.")
		}
		c.MaxLen(f+".title", "Assignment title", a.Title, MaxTitle)
		c.MaxLen(f+".description", "Description", a.Description, MaxDescription)
		okS := checkDate(&c, f+".startDate", "Start date", a.StartDate)
		okE := checkDate(&c, f+".endDate", "End date", a.EndDate)
		if okS && okE && a.StartDate != "" && a.EndDate != "" && a.EndDate < a.StartDate {
			c.Add(f+".endDate", "The end date %s is before the start date %s.", a.EndDate, a.StartDate)
		}
		if !slices.Contains(StretchStatuses, a.Status) {
			c.Add(f+".status", "Unknown assignment status %q: planned, active or done.", a.Status)
		}
	}

	if len(p.Evidence) > MaxEvidence {
		c.Add("evidence", "At most %d pieces of evidence (there are %d).", MaxEvidence, len(p.Evidence))
	}
	links := map[string]bool{}
	for i := range p.Evidence {
		e := &p.Evidence[i]
		f := path("evidence", i)
		dup(e.ID, f+".id")
		switch {
		case !slices.Contains(EvidenceKinds, e.Kind):
			c.Add(f+".kind", "Unknown kind of evidence %q: incident, feedback, followup or note.", e.Kind)
		case e.Kind == EvidenceNote:
			if !e.RefID.IsZero() {
				c.Add(f+".refId", "A note links to nothing; choose a kind to link a record.")
			}
			if e.Label == "" {
				c.Add(f+".label", "Say what the note is about.")
			}
			if e.Date == "" {
				c.Add(f+".date", "When did it happen?")
			}
		default:
			if e.RefID.IsZero() {
				c.Add(f+".refId", "Choose the %s this evidence links to.", kindName(e.Kind))
			} else if k := string(e.Kind) + ":" + e.RefID.String(); links[k] {
				c.Add(f+".refId", "This %s is already linked as evidence.", kindName(e.Kind))
			} else {
				links[k] = true
			}
		}
		c.MaxLen(f+".label", "Label", e.Label, MaxTitle)
		checkDate(&c, f+".date", "Date", e.Date)
		c.MaxLen(f+".note", "Note", e.Note, MaxNote)
	}
	return c.Err()
}

func kindPlural(k EvidenceKind) string {
	switch k {
	case EvidenceIncident:
		return "incidents"
	case EvidenceFollowUp:
		return "follow-ups"
	}
	return string(k)
}

func kindName(k EvidenceKind) string {
	switch k {
	case EvidenceFollowUp:
		return "follow-up"
	case EvidenceFeedback:
		return "feedback entry"
	}
	return string(k)
}

// Milestone finds a milestone by id: the goal index and milestone index.
func (p *Plan) Milestone(u id.ID) (gi, mi int, ok bool) {
	for i := range p.Goals {
		for j := range p.Goals[i].Milestones {
			if p.Goals[i].Milestones[j].ID == u {
				return i, j, true
			}
		}
	}
	return 0, 0, false
}

// Goal finds a goal by id.
func (p *Plan) Goal(u id.ID) (int, bool) {
	for i := range p.Goals {
		if p.Goals[i].ID == u {
			return i, true
		}
	}
	return 0, false
}

// openMilestone reports whether a milestone counts as open for due dates:
// not done, with a due date, in a goal that is still open. Milestones of a
// done or dropped goal are not due any more.
func openMilestone(g *Goal, m *Milestone) bool {
	return !m.Done && m.DueDate != "" && g.Status.IsOpen()
}

func path(prefix string, i int) string { return prefix + "." + strconv.Itoa(i) }

// checkDate adds a problem when v is set and not a civil date; it reports
// whether v is fine (empty counts as fine).
func checkDate(c *errs.Collector, field, label, v string) bool {
	if v == "" {
		return true
	}
	if _, ok := civil.Parse(v); !ok {
		c.Add(field, "%s must be a date like 2026-03-01.", label)
		return false
	}
	return true
}
