// Package action holds follow-ups (action items) from any source: incident
// reviews now, 1:1s and development plans later. An item has one owner from
// the roster, an optional due date, a priority and a status; "overdue" is a
// pure comparison of its due date with a civil date the caller supplies.
package followup

import (
	"slices"
	"strings"
	"time"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
)

// Priority of an item.
type Priority string

const (
	PriorityLow    Priority = "low"
	PriorityMedium Priority = "medium"
	PriorityHigh   Priority = "high"
	PriorityUrgent Priority = "urgent"
)

// Priorities lists the valid priorities, lowest first.
var Priorities = []Priority{PriorityLow, PriorityMedium, PriorityHigh, PriorityUrgent}

// Status of an item. Open and in-progress items are "open" for due-date
// purposes; done and won't-do items are closed.
type Status string

const (
	StatusOpen       Status = "open"
	StatusInProgress Status = "in_progress"
	StatusDone       Status = "done"
	StatusWontDo     Status = "wont_do"
)

// Statuses lists the valid statuses.
var Statuses = []Status{StatusOpen, StatusInProgress, StatusDone, StatusWontDo}

// IsOpen reports whether s still needs doing (open or in progress).
func (s Status) IsOpen() bool { return s == StatusOpen || s == StatusInProgress }

// SourceKind says what a follow-up came out of.
type SourceKind string

const (
	SourceIncidentReview  SourceKind = "incident_review"  // Source.ID is the incident id
	SourceOneOnOne        SourceKind = "one_on_one"       // later issue
	SourceDevelopmentPlan SourceKind = "development_plan" // later issue
)

// SourceKinds lists the known kinds.
var SourceKinds = []SourceKind{SourceIncidentReview, SourceOneOnOne, SourceDevelopmentPlan}

// Source links an item to the record it came from. A zero Source (no kind)
// is a stand-alone follow-up.
type Source struct {
	Kind  SourceKind `json:"kind,omitempty"`
	ID    id.ID      `json:"id,omitzero" ts_type:"string"`
	Label string     `json:"label,omitempty"` // e.g. the incident title, for display
}

// Item is one follow-up.
type Item struct {
	ID    id.ID  `json:"id" ts_type:"string"`
	Title string `json:"title"`
	// OwnerID is required, except after the owner was deleted from the roster:
	// the item is then kept with OwnerID Nil and OwnerRemoved set, so the
	// manager can hand it to someone else (see PersonRefs).
	OwnerID      id.ID     `json:"ownerId,omitzero" ts_type:"string"`
	OwnerRemoved bool      `json:"ownerRemoved,omitempty"`
	DueDate      string    `json:"dueDate,omitempty"` // civil date YYYY-MM-DD
	Priority     Priority  `json:"priority"`
	Status       Status    `json:"status"`
	Reason       string    `json:"reason,omitempty"` // why it won't be done; required for wont_do
	Source       Source    `json:"source"`
	Notes        string    `json:"notes,omitempty"`
	CreatedAt    time.Time `json:"createdAt" ts_type:"string"`
	UpdatedAt    time.Time `json:"updatedAt" ts_type:"string"`
	CompletedAt  time.Time `json:"completedAt,omitzero" ts_type:"string"` // set while done or wont_do
}

// Limits on text.
const (
	MaxTitle  = 200
	MaxLabel  = 200
	MaxReason = 2000
	MaxNotes  = 20000
)

// AddDays returns the civil date n days after date (n may be negative).
func AddDays(date string, n int) string { return civil.AddDays(date, n) }

// Normalize trims text and fills defaults (priority medium, status open).
func (it *Item) Normalize() {
	it.Title = strings.TrimSpace(it.Title)
	it.DueDate = strings.TrimSpace(it.DueDate)
	it.Reason = strings.TrimSpace(it.Reason)
	it.Source.Label = strings.TrimSpace(it.Source.Label)
	it.Notes = strings.TrimRight(it.Notes, " \t\r\n")
	if it.Priority == "" {
		it.Priority = PriorityMedium
	}
	if it.Status == "" {
		it.Status = StatusOpen
	}
	if !it.OwnerID.IsZero() {
		it.OwnerRemoved = false
	}
	it.CreatedAt, it.UpdatedAt, it.CompletedAt = it.CreatedAt.UTC(), it.UpdatedAt.UTC(), it.CompletedAt.UTC()
}

// Validate checks the item on its own (not against other records).
func (it *Item) Validate() error {
	var c errs.Collector
	if it.Title == "" {
		c.Add("title", "Title is required.")
	}
	c.MaxLen("title", "Title", it.Title, MaxTitle)
	if it.OwnerID.IsZero() && !it.OwnerRemoved {
		c.Add("ownerId", "Choose who owns this follow-up.")
	}
	if it.DueDate != "" {
		if _, ok := civil.Parse(it.DueDate); !ok {
			c.Add("dueDate", "Due date must be a date like 2026-03-01.")
		}
	}
	if !slices.Contains(Priorities, it.Priority) {
		c.Add("priority", "Priority must be low, medium, high or urgent.")
	}
	if !slices.Contains(Statuses, it.Status) {
		c.Add("status", "Unknown status %q: open, in_progress, done or wont_do.", it.Status)
	}
	if it.Status == StatusWontDo && it.Reason == "" {
		c.Add("reason", "Say why this follow-up won't be done.")
	}
	c.MaxLen("reason", "Reason", it.Reason, MaxReason)
	switch {
	case it.Source.Kind == "" && !it.Source.ID.IsZero():
		c.Add("source.kind", "A source needs a kind.")
	case it.Source.Kind != "" && !slices.Contains(SourceKinds, it.Source.Kind):
		c.Add("source.kind", "Unknown source kind %q.", it.Source.Kind)
	case it.Source.Kind != "" && it.Source.ID.IsZero():
		c.Add("source.id", "A %s follow-up needs the id of its source.", it.Source.Kind)
	}
	c.MaxLen("source.label", "Source label", it.Source.Label, MaxLabel)
	c.MaxLen("notes", "Notes", it.Notes, MaxNotes)
	if !it.Status.IsOpen() && slices.Contains(Statuses, it.Status) && it.CompletedAt.IsZero() {
		c.Add("completedAt", "A %s follow-up needs the time it was closed.", it.Status)
	}
	if it.Status.IsOpen() && !it.CompletedAt.IsZero() {
		c.Add("completedAt", "An open follow-up has no completion time.")
	}
	return c.Err()
}

// IsOverdue reports whether the item is open and its due date is before
// today (a civil date in the manager's time zone).
func (it *Item) IsOverdue(today string) bool {
	return it.Status.IsOpen() && it.DueDate != "" && it.DueDate < today
}
