package incident

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// Incidents is the table of incidents. The timeline and the review are part
// of the record (docs/decisions/0004-incidents.md). Indexes:
//   - summary: started | binary summary: lists, metrics and patterns read keys only;
//   - person: everyone the incident refers to (person delete);
//   - review due: due date | ReviewDue (binary), for reviews neither
//     completed nor skipped of resolved incidents: the reminder engine's
//     "review overdue" reads keys only.
var Incidents = &store.Table[Incident]{
	Name: "incident", Prefix: store.PrefixIncident,
	ID: func(in *Incident) id.ID { return in.ID },
	Indexes: []store.Index[Incident]{
		{Prefix: store.IdxIncidentSummary, Terms: func(in *Incident) [][]byte { return [][]byte{summaryTerm(in)} }},
		{Prefix: store.IdxIncidentPerson, Terms: func(in *Incident) [][]byte {
			var out [][]byte
			seen := map[id.ID]bool{}
			for _, r := range in.PersonRefs() {
				if !seen[r.ID] {
					seen[r.ID] = true
					out = append(out, store.Term(r.ID))
				}
			}
			return out
		}},
		{Prefix: store.IdxReviewDue, Terms: func(in *Incident) [][]byte {
			if !reviewPending(in) {
				return nil
			}
			return [][]byte{reviewDueTerm(in)}
		}},
	},
}

func reviewPending(in *Incident) bool {
	return in.Status.IsResolved() && !in.Review.Settled() && in.Review.DueDate != ""
}

// Desk is the incidents service.
type Desk struct {
	st    *store.Store
	clock clock.Clock
	book  *followup.Book
	// Zone returns the manager's time zone, used for review due dates and
	// Markdown; nil means UTC. The workspace should wire it to the zone of
	// the reminder settings (the manager's zone).
	Zone func(txn *badger.Txn) *time.Location
}

// NewDesk builds the service. With a book, it registers incidents as the
// source of incident-review follow-ups.
func NewDesk(st *store.Store, c clock.Clock, book *followup.Book) *Desk {
	d := &Desk{st: st, clock: c, book: book}
	if book != nil {
		book.RegisterSource(followup.SourceIncidentReview, SourceCheck)
	}
	return d
}

// SourceCheck vouches for follow-ups of incident reviews: the incident must
// exist; its title is the label.
func SourceCheck(txn *badger.Txn, u id.ID) (string, error) {
	in, err := Incidents.Get(txn, u)
	return in.Title, err
}

func (d *Desk) zone(txn *badger.Txn) *time.Location {
	if d.Zone != nil {
		if loc := d.Zone(txn); loc != nil {
			return loc
		}
	}
	return time.UTC
}

// check normalizes and validates in, on its own and against stored people and services.
func (d *Desk) check(txn *badger.Txn, in *Incident) error {
	in.Normalize()
	var c errs.Collector
	if err := c.Merge("", in.Validate(Rules{Now: d.clock.Now()})); err != nil {
		return err
	}
	exists := map[id.ID]bool{}
	for _, r := range in.PersonRefs() {
		ok, known := exists[r.ID]
		if !known {
			var err error
			if ok, err = people.Persons.Exists(txn, r.ID); err != nil {
				return err
			}
			exists[r.ID] = ok
		}
		if !ok && !c.Has(r.Field) {
			c.Add(r.Field, "That person does not exist (any more).")
		}
	}
	for _, r := range in.ServiceRefs() {
		if ok, err := people.Services.Exists(txn, r.ID); err != nil {
			return err
		} else if !ok {
			c.Add(r.Field, "That service does not exist (any more).")
		}
	}
	return c.Err()
}

func (d *Desk) now() time.Time { return d.clock.Now().UTC() }

// Create records a new incident. Status may be investigating through
// resolved (an incident written down after the fact); the timeline starts
// with automatic entries for the opening status and the roles, at the start
// time. Timeline entries and review in the input are ignored; use
// AddTimeline and SaveReview.
func (d *Desk) Create(in Incident, by id.ID) (Incident, error) {
	now := d.now()
	in.ID = id.New(now)
	in.CreatedAt, in.UpdatedAt = now, now
	if in.StartedAt.IsZero() {
		in.StartedAt = now
	}
	if in.Status == "" {
		in.Status = StatusInvestigating
	}
	in.Timeline, in.Review = nil, Review{State: ReviewNotStarted}
	if in.Status.Valid() && in.Status.rank() > StatusResolved.rank() {
		return in, errs.FieldErr("status", "A new incident is investigating, identified, monitoring or resolved; review and close it afterwards.")
	}
	at := in.StartedAt.UTC()
	in.Timeline = append(in.Timeline, Entry{ID: id.New(now), At: at, Kind: KindStatus, Auto: true, To: string(in.Status), AuthorID: by, Text: "Incident opened"})
	roles := in.Roles
	in.Roles = Roles{}
	applyRoles(&in, roles, at, by, now)
	err := d.st.Update(func(txn *badger.Txn) error {
		// Idempotent (the closure may run again after a conflict).
		if err := d.setDue(txn, &in); err != nil {
			return err
		}
		if err := d.check(txn, &in); err != nil {
			return err
		}
		return Incidents.Put(txn, &in)
	})
	return in, errs.Wrap("incident.Create", err)
}

// mutate runs fn on the stored incident u and stores the result after
// checking it.
func (d *Desk) mutate(op string, u id.ID, fn func(txn *badger.Txn, in *Incident, now time.Time) error) (Incident, error) {
	var out Incident
	err := d.st.Update(func(txn *badger.Txn) error {
		in, err := Incidents.Get(txn, u)
		if err != nil {
			return err
		}
		now := d.now()
		if err := fn(txn, &in, now); err != nil {
			return err
		}
		in.UpdatedAt = now
		if err := d.check(txn, &in); err != nil {
			return err
		}
		out = in
		return Incidents.Put(txn, &in)
	})
	return out, errs.Wrap(op, err)
}

// Update replaces the descriptive fields of an incident: title, summary,
// customer impact, affected services, tags, the escalated flag, the key
// times and the participants. Status, severity, roles, timeline and review
// have their own methods (which record timeline entries). A new title is
// also shown on the incident's follow-ups.
func (d *Desk) Update(in Incident) (Incident, error) {
	return d.mutate("incident.Update", in.ID, func(txn *badger.Txn, old *Incident, now time.Time) error {
		retitle := old.Title != in.Title
		old.Title, old.Summary, old.CustomerImpact = in.Title, in.Summary, in.CustomerImpact
		old.AffectedServiceIDs, old.Tags, old.Escalated = in.AffectedServiceIDs, in.Tags, in.Escalated
		old.StartedAt, old.DetectedAt, old.AcknowledgedAt = in.StartedAt, in.DetectedAt, in.AcknowledgedAt
		old.MitigatedAt, old.ResolvedAt = in.MitigatedAt, in.ResolvedAt
		old.Participants = in.Participants
		if retitle {
			return relabel(txn, old.ID, old.Title, now)
		}
		return nil
	})
}

func relabel(txn *badger.Txn, u id.ID, title string, now time.Time) error {
	items, err := followup.ListTx(txn, followup.Filter{SourceKind: followup.SourceIncidentReview, SourceID: u})
	if err != nil {
		return err
	}
	for i := range items {
		items[i].Source.Label = title
		if err := followup.Items.Put(txn, &items[i]); err != nil {
			return err
		}
	}
	return nil
}

// TransitionInput is a status change.
type TransitionInput struct {
	To   Status    `json:"to"`
	At   time.Time `json:"at,omitzero" ts_type:"string"` // zero: now; earlier for changes written down after the fact
	By   id.ID     `json:"by,omitzero" ts_type:"string"`
	Note string    `json:"note,omitempty"`
}

// Transition moves the incident to another status (see CheckTransition) and
// records it on the timeline. Monitoring sets the mitigation time if
// unknown; resolved sets the resolution time and, if none is set, the
// review's due date; reopening clears the resolution time. Closing needs a
// completed or skipped review.
func (d *Desk) Transition(u id.ID, t TransitionInput) (Incident, error) {
	return d.mutate("incident.Transition", u, func(txn *badger.Txn, in *Incident, now time.Time) error {
		if err := CheckTransition(in.Status, t.To); err != nil {
			return err
		}
		if t.To == StatusClosed {
			if err := CheckClose(&in.Review); err != nil {
				return err
			}
		}
		at, err := entryTime(in, t.At, now, true)
		if err != nil {
			return err
		}
		from := in.Status
		in.Status = t.To
		switch {
		case t.To == StatusMonitoring && in.MitigatedAt.IsZero():
			in.MitigatedAt = at
		case t.To == StatusResolved && from.IsOpen():
			in.ResolvedAt = at
			if err := d.setDue(txn, in); err != nil {
				return err
			}
		case t.To == StatusInvestigating:
			in.ResolvedAt = time.Time{}
			if in.Review.State == ReviewNotStarted {
				in.Review.DueDate = ""
			}
		}
		in.Timeline = append(in.Timeline, Entry{ID: id.New(now), At: at, Kind: KindStatus, Auto: true,
			From: string(from), To: string(t.To), AuthorID: t.By, Text: t.Note})
		return nil
	})
}

// setDue gives an unsettled review of a resolved incident its default due date.
func (d *Desk) setDue(txn *badger.Txn, in *Incident) error {
	if in.Review.DueDate != "" || in.Review.Settled() || in.ResolvedAt.IsZero() {
		return nil
	}
	s, err := SettingsTx(txn)
	if err != nil {
		return err
	}
	in.Review.DueDate = ReviewDueDate(in.ResolvedAt, d.zone(txn), s.ReviewDueBusinessDays)
	return nil
}

// entryTime checks the time of a new automatic entry: not in the future,
// not before the start and (for status changes) not before the last status
// change. Zero means now.
func entryTime(in *Incident, at, now time.Time, status bool) (time.Time, error) {
	if at.IsZero() {
		at = now
	}
	at = at.UTC()
	if at.After(now.Add(MaxFutureSkew)) {
		return at, errs.FieldErr("at", "That time is in the future.")
	}
	if at.Before(in.StartedAt) {
		return at, errs.FieldErr("at", "That is before the incident started (%s).", in.StartedAt.Format(time.RFC3339))
	}
	if status {
		for _, tr := range in.Transitions() {
			if at.Before(tr.At) {
				return at, errs.FieldErr("at", "That is before the last status change (%s at %s).", tr.To.Label(), tr.At.Format(time.RFC3339))
			}
		}
	}
	return at, nil
}

// SeverityInput is a severity change.
type SeverityInput struct {
	Severity int       `json:"severity"`
	At       time.Time `json:"at,omitzero" ts_type:"string"`
	By       id.ID     `json:"by,omitzero" ts_type:"string"`
	Note     string    `json:"note,omitempty"`
}

// SetSeverity changes the severity and records it on the timeline. Raising
// it (a lower number) counts as an escalation.
func (d *Desk) SetSeverity(u id.ID, s SeverityInput) (Incident, error) {
	return d.mutate("incident.SetSeverity", u, func(txn *badger.Txn, in *Incident, now time.Time) error {
		if s.Severity < MinSeverity || s.Severity > MaxSeverity {
			return errs.FieldErr("severity", "Choose a severity from SEV1 to SEV4.")
		}
		if s.Severity == in.Severity {
			return errs.FieldErr("severity", "The incident already has this severity.")
		}
		if in.Status == StatusClosed {
			return errs.FieldErr("severity", "A closed incident cannot change severity.")
		}
		at, err := entryTime(in, s.At, now, false)
		if err != nil {
			return err
		}
		in.Timeline = append(in.Timeline, Entry{ID: id.New(now), At: at, Kind: KindSeverity, Auto: true,
			From: strconv.Itoa(in.Severity), To: strconv.Itoa(s.Severity), AuthorID: s.By, Text: s.Note})
		in.Severity = s.Severity
		return nil
	})
}

// RolesInput assigns roles.
type RolesInput struct {
	Roles
	At time.Time `json:"at,omitzero" ts_type:"string"`
	By id.ID     `json:"by,omitzero" ts_type:"string"`
}

// SetRoles replaces the roles, recording every change on the timeline; new
// role holders join the participants.
func (d *Desk) SetRoles(u id.ID, r RolesInput) (Incident, error) {
	return d.mutate("incident.SetRoles", u, func(txn *badger.Txn, in *Incident, now time.Time) error {
		if in.Status == StatusClosed {
			return errs.FieldErr("roles", "A closed incident cannot change roles.")
		}
		at, err := entryTime(in, r.At, now, false)
		if err != nil {
			return err
		}
		if applyRoles(in, r.Roles, at, r.By, now) == 0 {
			return errs.FieldErr("roles", "Nothing changed.")
		}
		return nil
	})
}

// applyRoles sets the roles of in to r, appending an automatic entry per
// change and adding new holders as participants. It returns the number of changes.
func applyRoles(in *Incident, r Roles, at time.Time, by id.ID, now time.Time) int {
	n := 0
	add := func(role Role, person id.ID, to string) {
		in.Timeline = append(in.Timeline, Entry{ID: id.New(now), At: at, Kind: KindRole, Auto: true, Role: role, PersonID: person, To: to, AuthorID: by})
		n++
		if !person.IsZero() && to != "removed" {
			for _, p := range in.Participants {
				if p.PersonID == person {
					return
				}
			}
			in.Participants = append(in.Participants, Participant{PersonID: person, JoinedAt: at})
		}
	}
	for _, x := range []struct {
		role Role
		cur  *id.ID
		new  id.ID
	}{{RoleCommander, &in.CommanderID, r.CommanderID}, {RoleScribe, &in.ScribeID, r.ScribeID}, {RoleComms, &in.CommsID, r.CommsID}} {
		if *x.cur != x.new {
			*x.cur = x.new
			add(x.role, x.new, "")
		}
	}
	newR := uniq(r.ResponderIDs)
	for _, u := range in.ResponderIDs {
		if !slices.Contains(newR, u) {
			add(RoleResponder, u, "removed")
		}
	}
	for _, u := range newR {
		if !slices.Contains(in.ResponderIDs, u) {
			add(RoleResponder, u, "added")
		}
	}
	in.ResponderIDs = newR
	return n
}

// AddTimeline adds a note. At defaults to now and may be earlier (events
// written down after the fact), even before the start.
func (d *Desk) AddTimeline(u id.ID, e Entry) (Incident, error) {
	return d.mutate("incident.AddTimeline", u, func(txn *badger.Txn, in *Incident, now time.Time) error {
		if e.At.IsZero() {
			e.At = now
		}
		in.Timeline = append(in.Timeline, Entry{ID: id.New(now), At: e.At, Kind: KindNote, Text: e.Text, AuthorID: e.AuthorID, Annotation: e.Annotation})
		return nil
	})
}

// EditTimeline changes an entry. Notes: time, text, author and annotation.
// Automatic entries: only the annotation (they record what happened).
func (d *Desk) EditTimeline(u id.ID, e Entry) (Incident, error) {
	return d.mutate("incident.EditTimeline", u, func(txn *badger.Txn, in *Incident, now time.Time) error {
		i := in.entry(e.ID)
		if i < 0 {
			return errs.E(errs.NotFound, "No timeline entry with id %s.", e.ID)
		}
		cur := &in.Timeline[i]
		if cur.Auto {
			if !e.At.IsZero() && !e.At.Equal(cur.At) || e.Text != "" && e.Text != cur.Text {
				return errs.FieldErr("text", "Automatic entries record what happened and cannot be changed; add an annotation instead.")
			}
			cur.Annotation = e.Annotation
			return nil
		}
		if !e.At.IsZero() {
			cur.At = e.At
		}
		cur.Text, cur.AuthorID, cur.Annotation = e.Text, e.AuthorID, e.Annotation
		return nil
	})
}

// DeleteTimeline removes a note; automatic entries cannot be deleted.
func (d *Desk) DeleteTimeline(u, entryID id.ID) (Incident, error) {
	return d.mutate("incident.DeleteTimeline", u, func(txn *badger.Txn, in *Incident, now time.Time) error {
		i := in.entry(entryID)
		if i < 0 {
			return errs.E(errs.NotFound, "No timeline entry with id %s.", entryID)
		}
		if in.Timeline[i].Auto {
			return errs.FieldErr("timeline", "Automatic entries cannot be deleted; annotate them instead.")
		}
		in.Timeline = append(in.Timeline[:i], in.Timeline[i+1:]...)
		return nil
	})
}

// SaveReview saves the review's text, due date and state (not started,
// draft, in review, completed; skipping is SkipReview). Completing records
// the time and a timeline entry; saving a skipped review in another state
// withdraws the skip decision (also recorded). A review saved without a
// timeline gets the incident timeline as text.
func (d *Desk) SaveReview(u id.ID, r Review, by id.ID) (Incident, error) {
	input := r
	return d.mutate("incident.SaveReview", u, func(txn *badger.Txn, in *Incident, now time.Time) error {
		r := input
		if r.State == "" {
			r.State = ReviewDraft
		}
		if r.State == ReviewSkipped {
			return errs.FieldErr("review.state", "Skipping a review is a recorded decision: use Skip review and give the reason.")
		}
		if in.Status == StatusClosed && r.State != ReviewCompleted {
			return errs.FieldErr("review.state", "The incident is closed: its review can only be completed.")
		}
		old := in.Review
		r.SkipReason, r.SkippedBy, r.SkippedAt = "", id.Nil, time.Time{}
		r.CompletedAt, r.UpdatedAt = old.CompletedAt, now
		if r.State == ReviewCompleted && old.State != ReviewCompleted {
			r.CompletedAt = now
			in.Timeline = append(in.Timeline, Entry{ID: id.New(now), At: now, Kind: KindReview, Auto: true, To: "completed", AuthorID: by})
		}
		if r.State != ReviewCompleted {
			r.CompletedAt = time.Time{}
		}
		if old.State == ReviewSkipped {
			in.Timeline = append(in.Timeline, Entry{ID: id.New(now), At: now, Kind: KindReview, Auto: true, To: "reopened", AuthorID: by,
				Text: "Skip decision withdrawn (was: " + old.SkipReason + ")"})
		}
		if r.Timeline == "" {
			names, st, err := namesAndSettingsTx(txn)
			if err != nil {
				return err
			}
			r.Timeline = TimelineText(in, names, &st, d.zone(txn))
		}
		in.Review = r
		return d.setDue(txn, in)
	})
}

// SkipReview records the decision not to hold a review: who, when and why.
// The incident must be resolved. The decision shows on the timeline.
func (d *Desk) SkipReview(u id.ID, reason string, by id.ID) (Incident, error) {
	return d.mutate("incident.SkipReview", u, func(txn *badger.Txn, in *Incident, now time.Time) error {
		if !in.Status.IsResolved() {
			return errs.FieldErr("review.state", "Resolve the incident before deciding to skip its review.")
		}
		if in.Review.State == ReviewCompleted {
			return errs.FieldErr("review.state", "The review is already completed.")
		}
		in.Review.State, in.Review.SkipReason, in.Review.SkippedBy, in.Review.SkippedAt = ReviewSkipped, reason, by, now
		in.Review.UpdatedAt = now
		in.Review.normalize()
		in.Timeline = append(in.Timeline, Entry{ID: id.New(now), At: now, Kind: KindReview, Auto: true, To: "skipped", Text: in.Review.SkipReason, AuthorID: by})
		return nil
	})
}

// Delete removes an incident that has no follow-ups.
func (d *Desk) Delete(u id.ID) error {
	return errs.Wrap("incident.Delete", d.st.Update(func(txn *badger.Txn) error {
		counts, err := followUpCount(txn, u)
		if err != nil {
			return err
		}
		if counts > 0 {
			return errs.E(errs.Conflict, "This incident has %s; delete them first.", plural(counts, "follow-up", "follow-ups"))
		}
		return Incidents.Delete(txn, u)
	}))
}

func followUpCount(txn *badger.Txn, u id.ID) (int, error) {
	items, err := followup.ListTx(txn, followup.Filter{SourceKind: followup.SourceIncidentReview, SourceID: u})
	return len(items), err
}

// Get reads one incident.
func (d *Desk) Get(u id.ID) (in Incident, err error) {
	err = d.st.View(func(txn *badger.Txn) error {
		in, err = Incidents.Get(txn, u)
		return err
	})
	return in, errs.Wrap("incident.Get", err)
}

// FollowUps lists the follow-ups of an incident's review.
func (d *Desk) FollowUps(u id.ID) (out []followup.Item, err error) {
	err = d.st.View(func(txn *badger.Txn) error {
		out, err = followup.ListTx(txn, followup.Filter{SourceKind: followup.SourceIncidentReview, SourceID: u})
		return err
	})
	return out, errs.Wrap("incident.FollowUps", err)
}

// AddFollowUp creates a follow-up of the incident's review.
func (d *Desk) AddFollowUp(u id.ID, it followup.Item) (followup.Item, error) {
	if d.book == nil {
		return it, errs.E(errs.Internal, "incident desk without follow-ups book")
	}
	it.Source = followup.Source{Kind: followup.SourceIncidentReview, ID: u}
	return d.book.Create(it)
}

// Filter selects incidents for List. Empty fields select everything.
type Filter struct {
	Statuses   []Status  `json:"statuses,omitempty"`
	Severities []int     `json:"severities,omitempty"`
	ServiceID  id.ID     `json:"serviceId,omitzero" ts_type:"string"`
	Tag        string    `json:"tag,omitempty"`
	From       time.Time `json:"from,omitzero" ts_type:"string"` // started at or after
	To         time.Time `json:"to,omitzero" ts_type:"string"`   // started before
}

func (f *Filter) match(s *Summary) bool {
	if len(f.Statuses) > 0 && !slices.Contains(f.Statuses, s.Status) {
		return false
	}
	if len(f.Severities) > 0 && !slices.Contains(f.Severities, s.Severity) {
		return false
	}
	if !f.ServiceID.IsZero() && !slices.Contains(s.ServiceIDs, f.ServiceID) {
		return false
	}
	if f.Tag != "" && !slices.Contains(s.Tags, NormalizeTag(f.Tag)) {
		return false
	}
	return true
}

// SummariesTx reads the summaries of incidents started in [from, to) (zero
// bounds are open), oldest first, from the covering index: keys only. fn
// may return store.Stop to end early.
func SummariesTx(txn *badger.Txn, from, to time.Time, fn func(*Summary) error) error {
	r := store.Prefix(store.IdxIncidentSummary)
	if !from.IsZero() {
		r.Start = store.Key(store.IdxIncidentSummary, from)
	}
	if !to.IsZero() {
		r.End = store.Key(store.IdxIncidentSummary, to)
	}
	return store.Keys(txn, r, func(k []byte) error {
		s, err := decodeSummaryKey(k)
		if err != nil {
			return err
		}
		return fn(&s)
	})
}

// ListTx lists the incidents matching f, newest first.
func ListTx(txn *badger.Txn, f Filter) ([]Summary, error) {
	out := []Summary{}
	err := SummariesTx(txn, f.From, f.To, func(s *Summary) error {
		if f.match(s) {
			out = append(out, *s)
		}
		return nil
	})
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, err
}

// List lists the incidents matching f, newest first, as summaries.
func (d *Desk) List(f Filter) (out []Summary, err error) {
	err = d.st.View(func(txn *badger.Txn) error {
		out, err = ListTx(txn, f)
		return err
	})
	return out, errs.Wrap("incident.List", err)
}

// ReviewDue is a review that needs doing, for reminders.
type ReviewDue struct {
	IncidentID  id.ID       `json:"incidentId" ts_type:"string"`
	Title       string      `json:"title"`
	Severity    int         `json:"severity"`
	DueDate     string      `json:"dueDate"`
	State       ReviewState `json:"state"`
	CommanderID id.ID       `json:"commanderId,omitzero" ts_type:"string"`
}

// ReviewsOverdue returns the reviews of resolved incidents that are neither
// completed nor skipped and whose due date is before today (a civil date
// "YYYY-MM-DD" in the manager's zone; the caller computes it), oldest due
// first. It is a range scan of the review-due index, which holds pending
// reviews only, and reads keys only. For the reminder engine: call it inside
// its read transaction.
func ReviewsOverdue(txn *badger.Txn, today string) ([]ReviewDue, error) {
	if _, ok := civil.Parse(today); !ok {
		return nil, errs.FieldErr("today", "Today must be a date like 2026-03-01.")
	}
	return reviewsDue(txn, func(due string) (bool, bool) { return due < today, due < today })
}

// ReviewsDueOn returns the pending reviews due exactly on date (a civil
// date), for "review due today" reminders.
func ReviewsDueOn(txn *badger.Txn, date string) ([]ReviewDue, error) {
	if _, ok := civil.Parse(date); !ok {
		return nil, errs.FieldErr("date", "Date must be a date like 2026-03-01.")
	}
	return reviewsDue(txn, func(due string) (bool, bool) { return due == date, due <= date })
}

// reviewDueTerm: due date(10) | version | severity | review state | commander(16) | title.
func reviewDueTerm(in *Incident) []byte {
	b := make([]byte, 0, len(civil.Layout)+20+len(in.Title))
	b = append(b, in.Review.DueDate...)
	b = append(b, summaryVersion, byte(in.Severity), byte(reviewRank(in.Review.State)))
	b = append(b, in.CommanderID[:]...)
	return append(b, in.Title...)
}

func decodeReviewDueKey(k []byte) (ReviewDue, error) {
	var r ReviewDue
	const head = 1 + len(civil.Layout) + 3 + 16
	if len(k) < head+16 || k[1+len(civil.Layout)] != summaryVersion || int(k[head-17]) >= len(ReviewStates) {
		return r, fmt.Errorf("incident: malformed review index key %x", k)
	}
	r.DueDate = string(k[1 : 1+len(civil.Layout)])
	r.Severity, r.State = int(k[head-18]), ReviewStates[k[head-17]]
	copy(r.CommanderID[:], k[head-16:head])
	r.Title = string(k[head : len(k)-16])
	copy(r.IncidentID[:], k[len(k)-16:])
	return r, nil
}

// reviewsDue reads pending reviews from the review-due index, keys only,
// oldest due first.
func reviewsDue(txn *badger.Txn, pick func(due string) (take, more bool)) ([]ReviewDue, error) {
	var out []ReviewDue
	err := store.Keys(txn, store.Prefix(store.IdxReviewDue), func(k []byte) error {
		take, more := pick(string(k[1:min(len(k), 1+len(civil.Layout))]))
		if !more {
			return store.Stop
		}
		if !take {
			return nil
		}
		r, err := decodeReviewDueKey(k)
		if err != nil {
			return err
		}
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Settings reads the incident settings.
func (d *Desk) Settings() (s Settings, err error) {
	err = d.st.View(func(txn *badger.Txn) error {
		s, err = SettingsTx(txn)
		return err
	})
	return s, errs.Wrap("incident.Settings", err)
}

// SaveSettings validates and stores the incident settings. Changing the
// number of business days does not move due dates already set.
func (d *Desk) SaveSettings(s Settings) (Settings, error) {
	s.Normalize()
	if err := s.Validate(); err != nil {
		return s, err
	}
	return s, errs.Wrap("incident.SaveSettings", d.st.Update(func(txn *badger.Txn) error { return PutSettingsTx(txn, s) }))
}

// Names resolves ids to names for display.
type Names struct {
	People   map[id.ID]string
	Services map[id.ID]string
}

// Person returns a person's name: "" for Nil, "(removed person)" when unknown.
func (n Names) Person(u id.ID) string {
	if u.IsZero() {
		return ""
	}
	if s, ok := n.People[u]; ok {
		return s
	}
	return "(removed person)"
}

// Service returns a service's name, "(removed service)" when unknown.
func (n Names) Service(u id.ID) string {
	if s, ok := n.Services[u]; ok {
		return s
	}
	return "(removed service)"
}

// NamesTx reads every person's and service's name.
func NamesTx(txn *badger.Txn) (Names, error) {
	n := Names{People: map[id.ID]string{}, Services: map[id.ID]string{}}
	if err := people.Persons.Each(txn, func(p *people.Person) error { n.People[p.ID] = p.Name; return nil }); err != nil {
		return n, err
	}
	return n, serviceNames(txn, n.Services)
}

// namesAndSettingsTx reads what an incident's texts are written with: the
// names (NamesTx) and the settings.
func namesAndSettingsTx(txn *badger.Txn) (Names, Settings, error) {
	names, err := NamesTx(txn)
	if err != nil {
		return names, Settings{}, err
	}
	s, err := SettingsTx(txn)
	return names, s, err
}

func serviceNames(txn *badger.Txn, m map[id.ID]string) error {
	return people.Services.Each(txn, func(s *people.Service) error { m[s.ID] = s.Name; return nil })
}

// StakeholderDraft renders the stakeholder update of incident u (see
// StakeholderUpdate), the next update promised at next.
func (d *Desk) StakeholderDraft(u id.ID, next time.Time) (md string, err error) {
	err = d.st.View(func(txn *badger.Txn) error {
		in, err := Incidents.Get(txn, u)
		if err != nil {
			return err
		}
		names, s, err := namesAndSettingsTx(txn)
		if err != nil {
			return err
		}
		md = StakeholderUpdate(&in, names, &s, next, d.zone(txn))
		return nil
	})
	return md, errs.Wrap("incident.StakeholderDraft", err)
}

// Markdown exports incident u with its review and follow-ups (see ExportMarkdown).
func (d *Desk) Markdown(u id.ID) (md string, err error) {
	err = d.st.View(func(txn *badger.Txn) error {
		in, err := Incidents.Get(txn, u)
		if err != nil {
			return err
		}
		items, err := followup.ListTx(txn, followup.Filter{SourceKind: followup.SourceIncidentReview, SourceID: u})
		if err != nil {
			return err
		}
		names, s, err := namesAndSettingsTx(txn)
		if err != nil {
			return err
		}
		md = ExportMarkdown(&in, items, names, &s, d.zone(txn))
		return nil
	})
	return md, errs.Wrap("incident.Markdown", err)
}
