// Package feedback holds feedback for people in situation-behaviour-impact
// form: positive or constructive, drafted and then delivered. Drafts that sit
// too long raise a reminder (feedback must be timely), and the balance per
// person shows whether someone only hears criticism, or nothing.
package feedback

import (
	"strings"
	"time"
	"unicode/utf8"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
)

// Kind of feedback.
type Kind string

const (
	Positive     Kind = "positive"
	Constructive Kind = "constructive"
)

// Status of an entry.
type Status string

const (
	Draft     Status = "draft"
	Delivered Status = "delivered"
)

// Channel is how feedback was delivered.
type Channel string

const (
	InOneOnOne Channel = "one_on_one"
	InPerson   Channel = "in_person"
	Written    Channel = "written"
	InPublic   Channel = "in_public" // praise in front of the team
	Other      Channel = "other"
)

// Channels lists the valid channels.
var Channels = []Channel{InOneOnOne, InPerson, Written, InPublic, Other}

// Entry is one piece of feedback for a person.
type Entry struct {
	ID        id.ID  `json:"id" ts_type:"string"`
	PersonID  id.ID  `json:"personId" ts_type:"string"`
	Kind      Kind   `json:"kind"`
	Situation string `json:"situation"`
	Behaviour string `json:"behaviour"`
	Impact    string `json:"impact"`
	NextStep  string `json:"nextStep,omitempty"`
	Status    Status `json:"status"`
	// DeliveredOn (civil date) and How are set when delivered.
	DeliveredOn string    `json:"deliveredOn,omitempty"`
	How         Channel   `json:"how,omitempty"`
	CreatedAt   time.Time `json:"createdAt" ts_type:"string"`
	UpdatedAt   time.Time `json:"updatedAt" ts_type:"string"`
}

// Limits.
const (
	MaxText = 4000
)

// Normalize trims text and fills defaults.
func (e *Entry) Normalize() {
	e.Situation = strings.TrimSpace(e.Situation)
	e.Behaviour = strings.TrimSpace(e.Behaviour)
	e.Impact = strings.TrimSpace(e.Impact)
	e.NextStep = strings.TrimSpace(e.NextStep)
	e.DeliveredOn = strings.TrimSpace(e.DeliveredOn)
	if e.Status == "" {
		e.Status = Draft
	}
	if e.Status == Draft {
		e.DeliveredOn, e.How = "", ""
	}
	e.CreatedAt, e.UpdatedAt = e.CreatedAt.UTC(), e.UpdatedAt.UTC()
}

// Validate checks the entry. A draft needs at least the behaviour; delivered
// feedback must be specific: situation, behaviour and impact, with the date
// and how.
func (e *Entry) Validate() error {
	var c errs.Collector
	if e.PersonID.IsZero() {
		c.Add("personId", "Choose who the feedback is for.")
	}
	if e.Kind != Positive && e.Kind != Constructive {
		c.Add("kind", "Feedback is positive or constructive.")
	}
	if e.Behaviour == "" {
		c.Add("behaviour", "Describe the behaviour: what they did or said.")
	}
	switch e.Status {
	case Draft:
	case Delivered:
		if e.Situation == "" {
			c.Add("situation", "Before delivering, say when and where it happened.")
		}
		if e.Impact == "" {
			c.Add("impact", "Before delivering, say what impact it had.")
		}
		if !civil.Valid(e.DeliveredOn) {
			c.Add("deliveredOn", "Delivered on must be a date like 2026-03-01.")
		}
		ok := false
		for _, ch := range Channels {
			ok = ok || ch == e.How
		}
		if !ok {
			c.Add("how", "Say how it was delivered: in a 1:1, in person, written, in public or other.")
		}
	default:
		c.Add("status", "Status is draft or delivered.")
	}
	for _, f := range []struct{ field, label, v string }{
		{"situation", "Situation", e.Situation}, {"behaviour", "Behaviour", e.Behaviour},
		{"impact", "Impact", e.Impact}, {"nextStep", "Next step", e.NextStep},
	} {
		if n := utf8.RuneCountInString(f.v); n > MaxText {
			c.Add(f.field, "%s is too long (%d characters; at most %d).", f.label, n, MaxText)
		}
	}
	return c.Err()
}

// Stamps lets store.Stamp handle ids and times.
func (e *Entry) Stamps() (*id.ID, *time.Time, *time.Time) { return &e.ID, &e.CreatedAt, &e.UpdatedAt }

// Settings of the feedback area.
type Settings struct {
	// StaleDays: a draft older than this raises a reminder (1-90; default 7).
	StaleDays int `json:"staleDays"`
}

// DefaultStaleDays is the default age at which a draft goes stale.
const DefaultStaleDays = 7
