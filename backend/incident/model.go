// Package incident holds incidents, their timeline, roles and post-incident
// reviews, and the metrics and recurring patterns computed over them. The
// math (status workflow, business days, metrics, patterns, Markdown) is pure
// and takes time as an argument; Desk is the service over the store.
package incident

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
)

// Status is where an incident is in its workflow.
type Status string

const (
	StatusInvestigating Status = "investigating"
	StatusIdentified    Status = "identified"
	StatusMonitoring    Status = "monitoring"
	StatusResolved      Status = "resolved"
	StatusInReview      Status = "in_review"
	StatusClosed        Status = "closed"
)

// Workflow lists the statuses in order.
var Workflow = []Status{StatusInvestigating, StatusIdentified, StatusMonitoring, StatusResolved, StatusInReview, StatusClosed}

func (s Status) rank() int {
	for i, x := range Workflow {
		if x == s {
			return i
		}
	}
	return -1
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool { return s.rank() >= 0 }

// IsOpen reports whether the incident is still going on (not yet resolved).
func (s Status) IsOpen() bool { r := s.rank(); return r >= 0 && r < 3 }

// IsResolved reports whether the incident has been resolved (resolved, in
// review or closed).
func (s Status) IsResolved() bool { return s.rank() >= 3 }

// CheckTransition says whether an incident may move from one status to
// another, and if not, why (an Invalid error on field "status"). Allowed:
// forward one or more steps while open, up to resolved; resolved to in review
// or closed; in review to closed; reopening from resolved or in review back
// to investigating. Whether the review allows closing is checked separately
// (CheckClose).
func CheckTransition(from, to Status) error {
	fr, tr := from.rank(), to.rank()
	switch {
	case tr < 0:
		return errs.FieldErr("status", "Unknown status %q.", to)
	case fr < 0:
		return errs.FieldErr("status", "The incident has an unknown status %q.", from)
	case from == to:
		return errs.FieldErr("status", "The incident is already %s.", to.Label())
	case from == StatusClosed:
		return errs.FieldErr("status", "A closed incident cannot change status.")
	case from.IsOpen() && to.IsOpen() && tr < fr:
		return errs.FieldErr("status", "While an incident is open its status only moves forward (%s cannot go back to %s).", from.Label(), to.Label())
	case from.IsOpen() && tr > 3:
		return errs.FieldErr("status", "Resolve the incident before it goes to %s.", to.Label())
	case from.IsOpen():
		return nil
	case to == StatusInvestigating:
		return nil // reopen from resolved or in review
	case to.IsOpen():
		return errs.FieldErr("status", "To reopen a %s incident, move it back to investigating.", from.Label())
	case from == StatusResolved && (to == StatusInReview || to == StatusClosed):
		return nil
	case from == StatusInReview && to == StatusClosed:
		return nil
	}
	return errs.FieldErr("status", "An incident cannot go from %s to %s.", from.Label(), to.Label())
}

// CheckClose says whether the review allows closing.
func CheckClose(r *Review) error {
	if r.Settled() {
		return nil
	}
	return errs.FieldErr("status", "Complete the post-incident review, or record a decision to skip it, before closing.")
}

// Label is the status for people to read.
func (s Status) Label() string {
	switch s {
	case StatusInReview:
		return "in review"
	}
	return string(s)
}

// Role is a role in incident response.
type Role string

const (
	RoleCommander Role = "commander"
	RoleScribe    Role = "scribe"
	RoleComms     Role = "comms"
	RoleResponder Role = "responder"
)

// Roles are who does what during the incident.
type Roles struct {
	CommanderID  id.ID   `json:"commanderId,omitzero" ts_type:"string"`
	ScribeID     id.ID   `json:"scribeId,omitzero" ts_type:"string"`
	CommsID      id.ID   `json:"commsId,omitzero" ts_type:"string"`
	ResponderIDs []id.ID `json:"responderIds,omitempty" ts_type:"string[]"`
}

// Participant is someone who took part, and when they joined.
type Participant struct {
	PersonID id.ID     `json:"personId" ts_type:"string"`
	JoinedAt time.Time `json:"joinedAt,omitzero" ts_type:"string"`
}

// EntryKind is the kind of a timeline entry.
type EntryKind string

const (
	KindNote     EntryKind = "note"     // written by a person; editable
	KindStatus   EntryKind = "status"   // automatic: From -> To status; Text is the note given
	KindSeverity EntryKind = "severity" // automatic: From -> To severity ("1".."4")
	KindRole     EntryKind = "role"     // automatic: Role taken by PersonID (Nil: left empty; Text DeletedPerson when they were deleted); responders: To "added"/"removed"
	KindReview   EntryKind = "review"   // automatic: review To "completed", "skipped" (Text: reason) or "reopened"
)

var entryKinds = []EntryKind{KindNote, KindStatus, KindSeverity, KindRole, KindReview}

// Entry is one line of the incident timeline. Manual entries (notes) can be
// edited and deleted, their time included (for events written down after
// the fact). Automatic entries record what the Desk did; they cannot be
// edited or deleted, only annotated.
type Entry struct {
	ID         id.ID     `json:"id" ts_type:"string"`
	At         time.Time `json:"at" ts_type:"string"`
	Kind       EntryKind `json:"kind"`
	Auto       bool      `json:"auto,omitempty"`
	Text       string    `json:"text,omitempty"`
	AuthorID   id.ID     `json:"authorId,omitzero" ts_type:"string"`
	From       string    `json:"from,omitempty"`
	To         string    `json:"to,omitempty"`
	Role       Role      `json:"role,omitempty"`
	PersonID   id.ID     `json:"personId,omitzero" ts_type:"string"`
	Annotation string    `json:"annotation,omitempty"`
}

// Transition is one status change, read from the timeline.
type Transition struct {
	From Status    `json:"from"` // "" for the status the incident was opened with
	To   Status    `json:"to"`
	At   time.Time `json:"at" ts_type:"string"`
	By   id.ID     `json:"by,omitzero" ts_type:"string"`
	Note string    `json:"note,omitempty"`
}

// ReviewState is where a post-incident review is.
type ReviewState string

const (
	ReviewNotStarted ReviewState = "not_started"
	ReviewDraft      ReviewState = "draft"
	ReviewInReview   ReviewState = "in_review"
	ReviewCompleted  ReviewState = "completed"
	ReviewSkipped    ReviewState = "skipped"
)

// ReviewStates lists the states in order.
var ReviewStates = []ReviewState{ReviewNotStarted, ReviewDraft, ReviewInReview, ReviewCompleted, ReviewSkipped}

// Review is the blameless post-incident review. Its follow-ups are action
// items with Source{Kind: incident_review, ID: incident id}.
type Review struct {
	State   ReviewState `json:"state"`
	DueDate string      `json:"dueDate,omitempty"` // civil date; defaults to N business days after resolution
	Summary string      `json:"summary,omitempty"`
	Impact  string      `json:"impact,omitempty"`
	// Timeline is text, filled from the incident timeline when the review
	// is first saved without one; edit freely.
	Timeline            string    `json:"timeline,omitempty"`
	RootCause           string    `json:"rootCause,omitempty"`
	ContributingFactors []string  `json:"contributingFactors,omitempty"`
	WentWell            string    `json:"wentWell,omitempty"`
	WentPoorly          string    `json:"wentPoorly,omitempty"`
	Lessons             string    `json:"lessons,omitempty"`
	SkipReason          string    `json:"skipReason,omitempty"`
	SkippedBy           id.ID     `json:"skippedBy,omitzero" ts_type:"string"`
	SkippedAt           time.Time `json:"skippedAt,omitzero" ts_type:"string"`
	CompletedAt         time.Time `json:"completedAt,omitzero" ts_type:"string"`
	UpdatedAt           time.Time `json:"updatedAt,omitzero" ts_type:"string"`
}

// Settled reports whether the review is done with: completed, or skipped by
// an explicit, recorded decision.
func (r *Review) Settled() bool { return r.State == ReviewCompleted || r.State == ReviewSkipped }

// Incident is one incident with its timeline and review.
type Incident struct {
	ID             id.ID     `json:"id" ts_type:"string"`
	Title          string    `json:"title"`
	Summary        string    `json:"summary,omitempty"`
	Severity       int       `json:"severity"` // 1 (SEV1, worst) to 4
	Status         Status    `json:"status"`
	StartedAt      time.Time `json:"startedAt" ts_type:"string"`
	DetectedAt     time.Time `json:"detectedAt,omitzero" ts_type:"string"`
	AcknowledgedAt time.Time `json:"acknowledgedAt,omitzero" ts_type:"string"`
	MitigatedAt    time.Time `json:"mitigatedAt,omitzero" ts_type:"string"`
	ResolvedAt     time.Time `json:"resolvedAt,omitzero" ts_type:"string"`
	Roles
	Participants       []Participant `json:"participants,omitempty"`
	AffectedServiceIDs []id.ID       `json:"affectedServiceIds,omitempty" ts_type:"string[]"`
	CustomerImpact     string        `json:"customerImpact,omitempty"`
	Tags               []string      `json:"tags,omitempty"`
	// Escalated records that the incident was escalated beyond the team
	// (a second level was paged). See Escalation for the metric.
	Escalated bool      `json:"escalated,omitempty"`
	Timeline  []Entry   `json:"timeline,omitempty"`
	Review    Review    `json:"review"`
	CreatedAt time.Time `json:"createdAt" ts_type:"string"`
	UpdatedAt time.Time `json:"updatedAt" ts_type:"string"`
}

// Limits.
const (
	MaxTitle        = 200
	MaxText         = 20000
	MaxEntryText    = 5000
	MaxTimeline     = 2000
	MaxTags         = 20
	MaxTag          = 40
	MaxServices     = 30
	MaxPeople       = 100
	MaxFactors      = 30
	MaxFactor       = 500
	MaxReason       = 2000
	MaxFutureSkew   = 5 * time.Minute // clocks differ; "now" from another machine is not the future
	MinSeverity     = 1
	MaxSeverity     = 4
	DefaultSeverity = 3
)

// Raised reports whether the severity was raised (made worse, a lower
// number) at least once during the incident, read from the timeline.
func (in *Incident) Raised() bool {
	for i := range in.Timeline {
		e := &in.Timeline[i]
		if e.Kind == KindSeverity {
			from, _ := strconv.Atoi(e.From)
			to, _ := strconv.Atoi(e.To)
			if from > 0 && to > 0 && to < from {
				return true
			}
		}
	}
	return false
}

// IsEscalated is the escalation metric's definition: the severity was raised
// at least once, or the incident was flagged as escalated (paged a second
// level).
func (in *Incident) IsEscalated() bool { return in.Escalated || in.Raised() }

// Transitions lists the status changes, oldest first.
func (in *Incident) Transitions() []Transition {
	var out []Transition
	for _, e := range in.Timeline {
		if e.Kind == KindStatus {
			out = append(out, Transition{From: Status(e.From), To: Status(e.To), At: e.At, By: e.AuthorID, Note: e.Text})
		}
	}
	return out
}

func (in *Incident) entry(eid id.ID) int {
	for i := range in.Timeline {
		if in.Timeline[i].ID == eid {
			return i
		}
	}
	return -1
}

// NormalizeTag lowercases a tag and joins its words with '-'.
func NormalizeTag(t string) string {
	return strings.Join(strings.Fields(strings.ToLower(t)), "-")
}

// Normalize trims text, normalizes tags, removes duplicate people and
// services, converts times to UTC and orders the timeline by time (entries at
// the same time keep their order).
func (in *Incident) Normalize() {
	in.Title = strings.TrimSpace(in.Title)
	in.Summary = strings.TrimRight(in.Summary, " \t\r\n")
	in.CustomerImpact = strings.TrimRight(in.CustomerImpact, " \t\r\n")
	if in.Status == "" {
		in.Status = StatusInvestigating
	}
	for _, t := range []*time.Time{&in.StartedAt, &in.DetectedAt, &in.AcknowledgedAt, &in.MitigatedAt, &in.ResolvedAt, &in.CreatedAt, &in.UpdatedAt} {
		*t = t.UTC()
	}
	var tags []string
	seen := map[string]bool{}
	for _, t := range in.Tags {
		if t = NormalizeTag(t); t != "" && !seen[t] {
			seen[t] = true
			tags = append(tags, t)
		}
	}
	in.Tags = tags
	in.AffectedServiceIDs = uniq(in.AffectedServiceIDs)
	in.ResponderIDs = uniq(in.ResponderIDs)
	var parts []Participant
	seenP := map[id.ID]bool{}
	for _, p := range in.Participants {
		if !p.PersonID.IsZero() && !seenP[p.PersonID] {
			seenP[p.PersonID] = true
			p.JoinedAt = p.JoinedAt.UTC()
			parts = append(parts, p)
		}
	}
	in.Participants = parts
	for i := range in.Timeline {
		e := &in.Timeline[i]
		e.At = e.At.UTC()
		e.Text = strings.TrimRight(e.Text, " \t\r\n")
		e.Annotation = strings.TrimSpace(e.Annotation)
	}
	sort.SliceStable(in.Timeline, func(i, j int) bool { return in.Timeline[i].At.Before(in.Timeline[j].At) })
	in.Review.normalize()
}

func (r *Review) normalize() {
	if r.State == "" {
		r.State = ReviewNotStarted
	}
	r.DueDate = strings.TrimSpace(r.DueDate)
	r.SkipReason = strings.TrimSpace(r.SkipReason)
	r.RootCause = strings.TrimRight(r.RootCause, " \t\r\n")
	var fs []string
	for _, f := range r.ContributingFactors {
		if f = strings.TrimSpace(f); f != "" {
			fs = append(fs, f)
		}
	}
	r.ContributingFactors = fs
	r.SkippedAt, r.CompletedAt, r.UpdatedAt = r.SkippedAt.UTC(), r.CompletedAt.UTC(), r.UpdatedAt.UTC()
}

// Rules is what validation needs besides the record.
type Rules struct {
	Now time.Time // zero skips the "not in the future" checks
}

// Validate checks the incident on its own (references to people and
// services are checked by the Desk and by the workspace import).
func (in *Incident) Validate(r Rules) error {
	var c errs.Collector
	if in.Title == "" {
		c.Add("title", "Title is required.")
	}
	c.MaxLen("title", "Title", in.Title, MaxTitle)
	c.MaxLen("summary", "Summary", in.Summary, MaxText)
	c.MaxLen("customerImpact", "Customer impact", in.CustomerImpact, MaxText)
	if in.Severity < MinSeverity || in.Severity > MaxSeverity {
		c.Add("severity", "Choose a severity from SEV1 to SEV4.")
	}
	if !in.Status.Valid() {
		c.Add("status", "Unknown status %q.", in.Status)
	}
	in.validateTimes(&c, r)
	if in.Status == StatusClosed && !in.Review.Settled() {
		c.Add("status", "A closed incident needs a completed review or a recorded decision to skip it.")
	}
	if len(in.Tags) > MaxTags {
		c.Add("tags", "At most %d tags.", MaxTags)
	}
	for i, t := range in.Tags {
		c.MaxLen("tags."+itoa(i), "Tag", t, MaxTag)
	}
	if len(in.AffectedServiceIDs) > MaxServices {
		c.Add("affectedServiceIds", "At most %d affected services.", MaxServices)
	}
	if len(in.ResponderIDs) > MaxPeople {
		c.Add("responderIds", "At most %d responders.", MaxPeople)
	}
	if len(in.Participants) > MaxPeople {
		c.Add("participants", "At most %d participants.", MaxPeople)
	}
	in.validateTimeline(&c, r)
	in.Review.validate(&c, in)
	return c.Err()
}

func (in *Incident) validateTimes(c *errs.Collector, r Rules) {
	if in.StartedAt.IsZero() {
		c.Add("startedAt", "When did the incident start?")
		return
	}
	tooLate := func(t time.Time) bool { return !r.Now.IsZero() && t.After(r.Now.Add(MaxFutureSkew)) }
	for _, f := range []struct {
		field, label string
		t            time.Time
	}{{"startedAt", "Start", in.StartedAt}, {"detectedAt", "Detection", in.DetectedAt}, {"acknowledgedAt", "Acknowledgement", in.AcknowledgedAt},
		{"mitigatedAt", "Mitigation", in.MitigatedAt}, {"resolvedAt", "Resolution", in.ResolvedAt}} {
		if tooLate(f.t) {
			c.Add(f.field, "%s time is in the future.", f.label)
		}
	}
	if !in.DetectedAt.IsZero() && in.DetectedAt.Before(in.StartedAt) {
		c.Add("detectedAt", "Detected before the incident started: detection must be at or after the start.")
	}
	if !in.AcknowledgedAt.IsZero() {
		switch {
		case !in.DetectedAt.IsZero() && in.AcknowledgedAt.Before(in.DetectedAt):
			c.Add("acknowledgedAt", "Acknowledged before it was detected: acknowledgement must be at or after detection.")
		case in.AcknowledgedAt.Before(in.StartedAt):
			c.Add("acknowledgedAt", "Acknowledged before the incident started.")
		}
	}
	if !in.MitigatedAt.IsZero() && in.MitigatedAt.Before(in.StartedAt) {
		c.Add("mitigatedAt", "Mitigated before the incident started: mitigation must be at or after the start.")
	}
	if !in.ResolvedAt.IsZero() {
		switch {
		case in.ResolvedAt.Before(in.StartedAt):
			c.Add("resolvedAt", "Resolved before the incident started: resolution must be at or after the start.")
		case !in.MitigatedAt.IsZero() && in.ResolvedAt.Before(in.MitigatedAt):
			c.Add("resolvedAt", "Resolved before it was mitigated: resolution must be at or after mitigation.")
		}
	}
	if in.Status.Valid() {
		if in.Status.IsResolved() && in.ResolvedAt.IsZero() {
			c.Add("resolvedAt", "A %s incident needs the time it was resolved.", in.Status.Label())
		}
		if in.Status.IsOpen() && !in.ResolvedAt.IsZero() {
			c.Add("resolvedAt", "An incident that is still %s has no resolution time.", in.Status.Label())
		}
	}
}

func (in *Incident) validateTimeline(c *errs.Collector, r Rules) {
	if len(in.Timeline) > MaxTimeline {
		c.Add("timeline", "At most %d timeline entries.", MaxTimeline)
	}
	seen := map[id.ID]bool{}
	last := ""
	for i := range in.Timeline {
		e := &in.Timeline[i]
		f := "timeline." + itoa(i)
		switch {
		case e.ID.IsZero():
			c.Add(f+".id", "Timeline entry without id.")
		case seen[e.ID]:
			c.Add(f+".id", "Timeline entry id %s is used twice.", e.ID)
		}
		seen[e.ID] = true
		if e.At.IsZero() {
			c.Add(f+".at", "When did this happen?")
		} else if !r.Now.IsZero() && e.At.After(r.Now.Add(MaxFutureSkew)) {
			c.Add(f+".at", "This entry is in the future.")
		}
		c.MaxLen(f+".text", "Entry", e.Text, MaxEntryText)
		c.MaxLen(f+".annotation", "Annotation", e.Annotation, MaxEntryText)
		if !slices.Contains(entryKinds, e.Kind) {
			c.Add(f+".kind", "Unknown entry kind %q.", e.Kind)
			continue
		}
		if e.Kind == KindNote && e.Auto || e.Kind != KindNote && !e.Auto {
			c.Add(f+".auto", "Notes are written by people; %s entries are automatic.", e.Kind)
		}
		if e.Kind == KindNote && e.Text == "" {
			c.Add(f+".text", "A note needs text.")
		}
		switch e.Kind {
		case KindStatus:
			if e.From != "" && !Status(e.From).Valid() || !Status(e.To).Valid() {
				c.Add(f+".to", "Status entry with unknown status %q -> %q.", e.From, e.To)
			}
			last = e.To
		case KindSeverity:
			if !sevString(e.From) || !sevString(e.To) {
				c.Add(f+".to", "Severity entry must go between 1 and 4 (%q -> %q).", e.From, e.To)
			}
		case KindRole:
			if !slices.Contains([]Role{RoleCommander, RoleScribe, RoleComms, RoleResponder}, e.Role) {
				c.Add(f+".role", "Unknown role %q.", e.Role)
			}
		}
	}
	if last != "" && in.Status.Valid() && Status(last) != in.Status {
		c.Add("status", "The status is %s but the timeline's last status change is to %s.", in.Status, last)
	}
}

func sevString(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= MinSeverity && n <= MaxSeverity
}

func (r *Review) validate(c *errs.Collector, in *Incident) {
	if !slices.Contains(ReviewStates, r.State) {
		c.Add("review.state", "Unknown review state %q.", r.State)
	}
	if r.DueDate != "" {
		if _, ok := civil.Parse(r.DueDate); !ok {
			c.Add("review.dueDate", "Due date must be a date like 2026-03-01.")
		}
	}
	for _, f := range []struct{ field, label, v string }{{"summary", "Summary", r.Summary}, {"impact", "Impact", r.Impact},
		{"timeline", "Timeline", r.Timeline}, {"rootCause", "Root cause", r.RootCause}, {"wentWell", "What went well", r.WentWell},
		{"wentPoorly", "What went poorly", r.WentPoorly}, {"lessons", "Lessons", r.Lessons}} {
		c.MaxLen("review."+f.field, f.label, f.v, MaxText)
	}
	if len(r.ContributingFactors) > MaxFactors {
		c.Add("review.contributingFactors", "At most %d contributing factors.", MaxFactors)
	}
	for i, f := range r.ContributingFactors {
		c.MaxLen("review.contributingFactors."+itoa(i), "Contributing factor", f, MaxFactor)
	}
	c.MaxLen("review.skipReason", "Reason", r.SkipReason, MaxReason)
	switch r.State {
	case ReviewSkipped:
		if r.SkipReason == "" {
			c.Add("review.skipReason", "Skipping a review is a decision: say why.")
		}
		if r.SkippedAt.IsZero() {
			c.Add("review.skippedAt", "A skipped review records when it was skipped.")
		}
		if !in.Status.IsResolved() {
			c.Add("review.state", "A review can only be skipped once the incident is resolved.")
		}
	case ReviewCompleted:
		if r.RootCause == "" {
			c.Add("review.rootCause", "A completed review states the root cause (or what is known of it).")
		}
		if r.CompletedAt.IsZero() {
			c.Add("review.completedAt", "A completed review records when it was completed.")
		}
	}
	if r.State != ReviewSkipped && (r.SkipReason != "" || !r.SkippedAt.IsZero() || !r.SkippedBy.IsZero()) {
		c.Add("review.skipReason", "Only a skipped review has a skip reason.")
	}
}

// Ref is a reference from an incident to another record, with the field it
// sits in (for error messages).
type Ref struct {
	Field string
	ID    id.ID
}

// RoleOf is the person's part in the incident: a role they hold, else
// participant (joined, wrote in the timeline, or held a role earlier).
func (in *Incident) RoleOf(person id.ID) string {
	switch person {
	case in.CommanderID:
		return "commander"
	case in.CommsID:
		return "communications"
	case in.ScribeID:
		return "scribe"
	}
	for _, u := range in.ResponderIDs {
		if u == person {
			return "responder"
		}
	}
	return "participant"
}

// PersonRefs lists every person the incident refers to.
func (in *Incident) PersonRefs() []Ref {
	var out []Ref
	add := func(f string, u id.ID) {
		if !u.IsZero() {
			out = append(out, Ref{f, u})
		}
	}
	add("commanderId", in.CommanderID)
	add("scribeId", in.ScribeID)
	add("commsId", in.CommsID)
	for i, u := range in.ResponderIDs {
		add("responderIds."+itoa(i), u)
	}
	for i, p := range in.Participants {
		add("participants."+itoa(i)+".personId", p.PersonID)
	}
	for i, e := range in.Timeline {
		add("timeline."+itoa(i)+".authorId", e.AuthorID)
		add("timeline."+itoa(i)+".personId", e.PersonID)
	}
	add("review.skippedBy", in.Review.SkippedBy)
	return out
}

// ServiceRefs lists the affected services.
func (in *Incident) ServiceRefs() []Ref {
	out := make([]Ref, 0, len(in.AffectedServiceIDs))
	for i, u := range in.AffectedServiceIDs {
		out = append(out, Ref{"affectedServiceIds." + itoa(i), u})
	}
	return out
}

// uniq is id.Unique, but an empty list stays nil.
func uniq(in []id.ID) []id.ID {
	if len(in) == 0 {
		return nil
	}
	return id.Unique(in)
}

func itoa(i int) string { return strconv.Itoa(i) }

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
