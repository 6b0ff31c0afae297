package workspace

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/brief"
	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/feedback"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/growth"
	"wheelhouse/backend/id"
	"wheelhouse/backend/incident"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// planGoals feeds the prep brief with the development plan's goals and
// milestones that are due soon or late.
func planGoals(txn *badger.Txn, person id.ID, today string, within int) ([]brief.Goal, error) {
	p, ok, err := growth.PlanTx(txn, person)
	if err != nil || !ok {
		return nil, err
	}
	var out []brief.Goal
	for _, g := range growth.GoalsAttention(&p, today, within) {
		b := brief.Goal{GoalID: g.GoalID, Goal: g.GoalTitle, DueDate: g.DueDate, Late: g.Late, Days: g.Days}
		if !g.MilestoneID.IsZero() {
			b.Milestone = g.Title
		}
		out = append(out, b)
	}
	return out, nil
}

// planLinks tells the prep brief which records the plan already links, so
// it does not suggest linking them again.
func planLinks(txn *badger.Txn, person id.ID) (map[id.ID]bool, error) {
	p, ok, err := growth.PlanTx(txn, person)
	if err != nil || !ok {
		return nil, err
	}
	m := map[id.ID]bool{}
	for _, e := range p.Evidence {
		if !e.RefID.IsZero() {
			m[e.RefID] = true
		}
	}
	return m, nil
}

// registerEvidence lets plans link incidents, feedback and follow-ups as
// evidence: each check vouches for the record and labels it.
func registerEvidence(g *growth.Service) {
	g.RegisterEvidence(growth.EvidenceIncident, func(txn *badger.Txn, u id.ID) (string, string, error) {
		in, err := incident.Incidents.Get(txn, u)
		if err != nil {
			return "", "", err
		}
		return incidentLabel(&in), utcDate(in.StartedAt), nil
	})
	g.RegisterEvidence(growth.EvidenceFeedback, func(txn *badger.Txn, u id.ID) (string, string, error) {
		e, err := feedback.Entries.Get(txn, u)
		if err != nil {
			return "", "", err
		}
		date := e.DeliveredOn
		if date == "" {
			date = utcDate(e.CreatedAt)
		}
		return feedbackLabel(&e), date, nil
	})
	g.RegisterEvidence(growth.EvidenceFollowUp, func(txn *badger.Txn, u id.ID) (string, string, error) {
		it, err := followup.Items.Get(txn, u)
		if err != nil {
			return "", "", err
		}
		return "Follow-up: " + it.Title, closedOn(&it), nil
	})
}

// The labels and dates evidence takes from its record: the checks above
// and the candidates below say the same.

func incidentLabel(in *incident.Incident) string {
	return fmt.Sprintf("SEV%d %s", in.Severity, in.Title)
}

func feedbackLabel(e *feedback.Entry) string {
	label := e.Behaviour
	if r := []rune(label); len(r) > 80 {
		label = strings.TrimRight(string(r[:79]), " ") + "…"
	}
	return string(e.Kind) + " feedback: " + label
}

// closedOn is the civil date a follow-up was completed (its creation date
// when it has none).
func closedOn(it *followup.Item) string {
	if !it.CompletedAt.IsZero() {
		return utcDate(it.CompletedAt)
	}
	return utcDate(it.CreatedAt)
}

// utcDate is the UTC civil date of t, as the evidence checks date records.
func utcDate(t time.Time) string { return civil.Format(t.UTC()) }

// EvidenceCandidate is a record that could be linked to a person's
// development plan as evidence.
type EvidenceCandidate struct {
	Kind  growth.EvidenceKind `json:"kind"` // incident, feedback or followup
	RefID id.ID               `json:"refId" ts_type:"string"`
	// Label is what the list shows, e.g. "SEV2 Payments DB failover —
	// commander", "positive feedback: Ran the failover calmly" or a
	// follow-up's title.
	Label string `json:"label"`
	Date  string `json:"date"`           // civil date: started, delivered on, completed
	Role  string `json:"role,omitempty"` // incidents: commander, communications, scribe, responder or participant
}

// EvidenceCandidates is what a person's plan could link.
type EvidenceCandidates struct {
	// Items are the incidents, then the feedback, then the follow-ups;
	// newest first within each kind, at most MaxEvidenceCandidates of each.
	Items []EvidenceCandidate `json:"items"`
	// More lists the kinds that had more candidates than that (only the
	// newest are listed).
	More []growth.EvidenceKind `json:"more"`
}

// MaxEvidenceCandidates is how many candidates of each kind are listed.
const MaxEvidenceCandidates = 50

// EvidenceCandidatesTx lists what could be linked to a person's plan as
// evidence: the incidents they took part in (with their role), the feedback
// delivered to them, and the follow-ups they own that are done. Records the
// plan links already are left out; of the rest, the newest limit of each
// kind are listed (limit <= 0 means MaxEvidenceCandidates). An unknown
// person is errs.NotFound.
func EvidenceCandidatesTx(txn *badger.Txn, person id.ID, limit int) (EvidenceCandidates, error) {
	if limit <= 0 {
		limit = MaxEvidenceCandidates
	}
	out := EvidenceCandidates{Items: []EvidenceCandidate{}, More: []growth.EvidenceKind{}}
	if _, err := people.Persons.Get(txn, person); err != nil {
		return out, err
	}
	linked := map[growth.EvidenceKind]map[id.ID]bool{}
	plan, ok, err := growth.PlanTx(txn, person)
	if err != nil {
		return out, err
	}
	if ok {
		for _, e := range plan.Evidence {
			if e.Kind != growth.EvidenceNote && !e.RefID.IsZero() {
				if linked[e.Kind] == nil {
					linked[e.Kind] = map[id.ID]bool{}
				}
				linked[e.Kind][e.RefID] = true
			}
		}
	}
	for _, k := range []struct {
		kind growth.EvidenceKind
		list func(*badger.Txn, id.ID, map[id.ID]bool, int) ([]EvidenceCandidate, bool, error)
	}{
		{growth.EvidenceIncident, incidentCandidates},
		{growth.EvidenceFeedback, feedbackCandidates},
		{growth.EvidenceFollowUp, followUpCandidates},
	} {
		l, more, err := k.list(txn, person, linked[k.kind], limit)
		if err != nil {
			return out, err
		}
		out.Items = append(out.Items, l...)
		if more {
			out.More = append(out.More, k.kind)
		}
	}
	return out, nil
}

// EvidenceCandidates is EvidenceCandidatesTx in its own read transaction,
// with the default limit.
func (w *Workspace) EvidenceCandidates(person id.ID) (c EvidenceCandidates, err error) {
	err = w.Store.View(func(txn *badger.Txn) error {
		c, err = EvidenceCandidatesTx(txn, person, 0)
		return err
	})
	return c, errs.Wrap("workspace.EvidenceCandidates", err)
}

// newer orders records newest first: by time, then by id (UUIDv7, so the
// later record) so the order never flickers.
func newer(ta, tb time.Time, a, b id.ID) bool {
	if !ta.Equal(tb) {
		return ta.After(tb)
	}
	return bytes.Compare(a[:], b[:]) > 0
}

// incidentCandidates: the person index names the incidents. When there are
// more than limit, the summary index (keys only) picks the newest and only
// those the person did not command are decoded, for their role.
func incidentCandidates(txn *badger.Txn, person id.ID, linked map[id.ID]bool, limit int) ([]EvidenceCandidate, bool, error) {
	type row struct {
		sum  incident.Summary
		role string // "" until known
	}
	var ids []id.ID
	for _, u := range store.Lookup(txn, store.IdxIncidentPerson, store.Term(person)) {
		if !linked[u] {
			ids = append(ids, u)
		}
	}
	more := len(ids) > limit
	var rows []row
	if more {
		want := make(map[id.ID]bool, len(ids))
		for _, u := range ids {
			want[u] = true
		}
		err := incident.SummariesTx(txn, time.Time{}, time.Time{}, func(s *incident.Summary) error {
			if want[s.ID] {
				rows = append(rows, row{sum: *s})
			}
			return nil
		})
		if err != nil {
			return nil, false, err
		}
	} else {
		for _, u := range ids {
			in, err := incident.Incidents.Get(txn, u)
			if err != nil {
				return nil, false, err
			}
			rows = append(rows, row{in.Summarize(), in.RoleOf(person)})
		}
	}
	sort.Slice(rows, func(i, j int) bool {
		return newer(rows[i].sum.StartedAt, rows[j].sum.StartedAt, rows[i].sum.ID, rows[j].sum.ID)
	})
	rows = rows[:min(limit, len(rows))]
	out := make([]EvidenceCandidate, 0, len(rows))
	for _, r := range rows {
		s := &r.sum
		switch {
		case r.role != "":
		case s.CommanderID == person:
			r.role = "commander"
		default:
			in, err := incident.Incidents.Get(txn, s.ID)
			if err != nil {
				return nil, false, err
			}
			r.role = in.RoleOf(person)
		}
		in := incident.Incident{Title: s.Title, Severity: s.Severity}
		out = append(out, EvidenceCandidate{Kind: growth.EvidenceIncident, RefID: s.ID,
			Label: incidentLabel(&in) + " — " + r.role, Date: utcDate(s.StartedAt), Role: r.role})
	}
	return out, more, nil
}

// feedbackCandidates: the delivered entries, picked from the person index
// (keys only) by delivery date; only the listed ones are decoded.
func feedbackCandidates(txn *badger.Txn, person id.ID, linked map[id.ID]bool, limit int) ([]EvidenceCandidate, bool, error) {
	var facts []feedback.Fact
	for _, f := range feedback.FactsTx(txn, person) {
		if f.Status == feedback.Delivered && !linked[f.ID] {
			facts = append(facts, f)
		}
	}
	sort.Slice(facts, func(i, j int) bool {
		a, b := facts[i], facts[j]
		if a.DeliveredOn != b.DeliveredOn {
			return a.DeliveredOn > b.DeliveredOn
		}
		return newer(a.Created, b.Created, a.ID, b.ID)
	})
	more := len(facts) > limit
	facts = facts[:min(limit, len(facts))]
	out := make([]EvidenceCandidate, 0, len(facts))
	for _, f := range facts {
		e, err := feedback.Entries.Get(txn, f.ID)
		if err != nil {
			return nil, false, err
		}
		out = append(out, EvidenceCandidate{Kind: growth.EvidenceFeedback, RefID: e.ID, Label: feedbackLabel(&e), Date: e.DeliveredOn})
	}
	return out, more, nil
}

// followUpCandidates: the done follow-ups the person owns, newest
// completion first, read from the closed follow-ups' covering index (keys
// only, latest day first) until the day of the limit-th one is complete
// and one more of theirs is seen. Follow-ups they won't do are no evidence.
func followUpCandidates(txn *badger.Txn, person id.ID, linked map[id.ID]bool, limit int) ([]EvidenceCandidate, bool, error) {
	var rows []followup.Brief
	boundary, more := "", false // the completion day of the limit-th row
	err := followup.ClosedSinceTx(txn, "", func(b *followup.Brief) bool {
		if b.OwnerID != person || b.Status != followup.StatusDone || linked[b.ID] {
			return true
		}
		// Within a day the index is not in time order: take the whole
		// day before cutting.
		if d := utcDate(b.CompletedAt); boundary != "" && d < boundary {
			more = true
			return false
		} else if len(rows) == limit-1 {
			boundary = d
		}
		rows = append(rows, *b)
		return true
	})
	if err != nil {
		return nil, false, err
	}
	sort.Slice(rows, func(i, j int) bool { return newer(rows[i].CompletedAt, rows[j].CompletedAt, rows[i].ID, rows[j].ID) })
	if len(rows) > limit {
		rows, more = rows[:limit], true
	}
	out := make([]EvidenceCandidate, len(rows))
	for i := range rows {
		out[i] = EvidenceCandidate{Kind: growth.EvidenceFollowUp, RefID: rows[i].ID, Label: rows[i].Title, Date: utcDate(rows[i].CompletedAt)}
	}
	return out, more, nil
}
