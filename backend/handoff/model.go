// Package handoff keeps what the manager learns after each on-call turn: a
// handoff record per turn (open issues, runbook gaps, the engineer's burden
// rating, whether their sleep was interrupted, free text), entered by the
// manager after asking, and anonymous survey answers imported from a forms
// tool, kept only as aggregates per rotation and period, never linked to a
// person (docs/decisions/0016-handoffs-and-survey.md).
//
// Both are private: a workspace export without private notes leaves them
// out, and no 1:1 brief shows them.
package handoff

import (
	"strings"
	"time"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
)

// Record is the handoff of one turn. A turn is one person's part of a slot
// of a rotation (oncall.Shift pieces of one slot and person, see Turn); the
// rotation and the turn's start identify it (one record a turn).
type Record struct {
	ID         id.ID     `json:"id" ts_type:"string"`
	RotationID id.ID     `json:"rotationId" ts_type:"string"`
	TurnStart  time.Time `json:"turnStart" ts_type:"string"` // UTC
	TurnEnd    time.Time `json:"turnEnd" ts_type:"string"`   // UTC, as the schedule had it when recorded
	// PersonID is who held the turn when the handoff was recorded.
	PersonID id.ID `json:"personId" ts_type:"string"`
	// The handoff notes.
	OpenIssues  string `json:"openIssues,omitempty"`
	RunbookGaps string `json:"runbookGaps,omitempty"`
	// Rating is the engineer's burden rating: 1 light … 5 very heavy.
	Rating           int       `json:"rating"`
	SleepInterrupted bool      `json:"sleepInterrupted,omitempty"`
	Comment          string    `json:"comment,omitempty"` // free text: how it went, in the engineer's words
	RecordedAt       time.Time `json:"recordedAt" ts_type:"string"`
	UpdatedAt        time.Time `json:"updatedAt" ts_type:"string"`
}

// Limits on text.
const (
	MaxNotes   = 10000
	MaxComment = 4000
)

// Normalize trims text and puts times in UTC.
func (r *Record) Normalize() {
	r.OpenIssues = strings.TrimSpace(r.OpenIssues)
	r.RunbookGaps = strings.TrimSpace(r.RunbookGaps)
	r.Comment = strings.TrimSpace(r.Comment)
	r.TurnStart, r.TurnEnd = r.TurnStart.UTC(), r.TurnEnd.UTC()
	r.RecordedAt, r.UpdatedAt = r.RecordedAt.UTC(), r.UpdatedAt.UTC()
}

// Validate checks the record on its own (not against the schedule).
func (r *Record) Validate() error {
	var c errs.Collector
	if r.RotationID.IsZero() {
		c.Add("rotationId", "Choose the rotation of the turn.")
	}
	if r.TurnStart.IsZero() {
		c.Add("turnStart", "Choose the turn.")
	}
	if !r.TurnStart.IsZero() && !r.TurnEnd.After(r.TurnStart) {
		c.Add("turnEnd", "A turn ends after it starts.")
	}
	if r.PersonID.IsZero() {
		c.Add("personId", "A handoff belongs to the person who held the turn.")
	}
	if r.Rating < 1 || r.Rating > 5 {
		c.Add("rating", "Rate the burden from 1 (light) to 5 (very heavy).")
	}
	c.MaxLen("openIssues", "Open issues", r.OpenIssues, MaxNotes)
	c.MaxLen("runbookGaps", "Runbook gaps", r.RunbookGaps, MaxNotes)
	c.MaxLen("comment", "Free text", r.Comment, MaxComment)
	return c.Err()
}

// Input is what the manager enters for a turn: the turn (rotation and
// start) and the handoff. The person and the end come from the schedule.
type Input struct {
	RotationID       id.ID     `json:"rotationId" ts_type:"string"`
	TurnStart        time.Time `json:"turnStart" ts_type:"string"`
	OpenIssues       string    `json:"openIssues"`
	RunbookGaps      string    `json:"runbookGaps"`
	Rating           int       `json:"rating"`
	SleepInterrupted bool      `json:"sleepInterrupted"`
	Comment          string    `json:"comment"`
}

// Turn is one person's part of a slot of a rotation: the shifts (pieces) of
// that slot the person holds, from the first one's start to the last one's
// end. The handoff of a turn is at its end.
type Turn struct {
	RotationID id.ID     `json:"rotationId" ts_type:"string"`
	Rotation   string    `json:"rotation"`
	Slot       int       `json:"slot"`
	Start      time.Time `json:"start" ts_type:"string"`
	End        time.Time `json:"end" ts_type:"string"`
	PersonID   id.ID     `json:"personId" ts_type:"string"`
	Person     string    `json:"person"`
}

// Entry is a turn in the handoffs list with its record, if one was made.
type Entry struct {
	Turn
	Ended  bool    `json:"ended"`
	Record *Record `json:"record,omitempty"`
}
