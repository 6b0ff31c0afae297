package growth

import (
	"slices"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// Plans is the table of development plans, one per person, keyed by the
// person's id. The milestone index holds the open milestones with a due
// date (not done, in a goal that is not done or dropped):
//
//	IdxMilestoneDue | due date "YYYY-MM-DD" (10 bytes) | milestone id | person id
//
// The record id (the person) comes last, as in every index of store.Table;
// the date is fixed-width, so a key range is a date range.
var Plans = &store.Table[Plan]{
	Name: "development plan", Prefix: store.PrefixPlan,
	ID:      func(p *Plan) id.ID { return p.PersonID },
	Indexes: []store.Index[Plan]{{Prefix: store.IdxMilestoneDue, Terms: milestoneTerms}},
}

func milestoneTerms(p *Plan) [][]byte {
	var out [][]byte
	for i := range p.Goals {
		g := &p.Goals[i]
		for j := range g.Milestones {
			if m := &g.Milestones[j]; openMilestone(g, m) {
				out = append(out, store.Term([]byte(m.DueDate), m.ID))
			}
		}
	}
	return out
}

// Mentorships is the table of mentoring pairs, indexed by both people
// (IdxMentorshipPerson | person id | pair id).
var Mentorships = &store.Table[Mentorship]{
	Name: "mentoring pair", Prefix: store.PrefixMentorship,
	ID: func(m *Mentorship) id.ID { return m.ID },
	Indexes: []store.Index[Mentorship]{{Prefix: store.IdxMentorshipPerson, Terms: func(m *Mentorship) [][]byte {
		return [][]byte{store.Term(m.MentorID), store.Term(m.MenteeID)}
	}}},
}

// EvidenceCheck tells whether the record ref of a kind exists and returns
// the label to show for it (e.g. the incident title) and its civil date
// ("" when it has none). A missing record is errs.NotFound. Areas register
// one per kind with Service.RegisterEvidence.
type EvidenceCheck func(txn *badger.Txn, ref id.ID) (label, date string, err error)

// Service is the development plans and mentoring service.
type Service struct {
	st       *store.Store
	clock    clock.Clock
	evidence map[EvidenceKind]EvidenceCheck
}

// NewService builds the service.
func NewService(st *store.Store, c clock.Clock) *Service {
	if c == nil {
		c = clock.Real{}
	}
	return &Service{st: st, clock: c, evidence: map[EvidenceKind]EvidenceCheck{}}
}

// RegisterEvidence lets an area vouch for evidence of its kind. New evidence
// of a kind nobody registered is refused; notes need no check.
func (s *Service) RegisterEvidence(k EvidenceKind, check EvidenceCheck) { s.evidence[k] = check }

// PlanTx reads a person's plan inside txn; ok is false when they have none.
func PlanTx(txn *badger.Txn, person id.ID) (p Plan, ok bool, err error) {
	p, err = Plans.Get(txn, person)
	if errs.Is(err, errs.NotFound) {
		return Plan{}, false, nil
	}
	return p, err == nil, err
}

// GetPlan returns a person's plan and whether they have one. An unknown
// person is errs.NotFound.
func (s *Service) GetPlan(person id.ID) (p Plan, ok bool, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		if _, err := people.Persons.Get(txn, person); err != nil {
			return err
		}
		p, ok, err = PlanTx(txn, person)
		return err
	})
	return p, ok, errs.Wrap("growth.GetPlan", err)
}

// View is a plan as the person page shows it.
type View struct {
	PersonID   id.ID             `json:"personId" ts_type:"string"`
	PersonName string            `json:"personName"`
	Aspiration people.Aspiration `json:"aspiration"` // from the roster, not stored in the plan
	Level      string            `json:"level,omitempty"`
	Exists     bool              `json:"exists"`
	Plan       Plan              `json:"plan"` // empty lists when Exists is false
	// Attention lists the goals and milestones due within AttentionDays of
	// today, or late.
	Attention []GoalDue `json:"attention"`
	Ladder    []string  `json:"ladder"` // for the target level choice
	Today     string    `json:"today"`
}

// AttentionDays is how far ahead the plan view flags due goals and milestones.
const AttentionDays = 14

// ViewTx reads the plan view of a person inside txn; today is the manager's
// civil date.
func ViewTx(txn *badger.Txn, person id.ID, today string) (View, error) {
	who, err := people.Persons.Get(txn, person)
	if err != nil {
		return View{}, err
	}
	p, ok, err := PlanTx(txn, person)
	if err != nil {
		return View{}, err
	}
	if !ok {
		p = Plan{PersonID: person}
		p.Normalize()
	}
	ladder, err := people.LadderTx(txn)
	if err != nil {
		return View{}, err
	}
	v := View{PersonID: person, PersonName: who.Name, Aspiration: who.Aspiration, Level: who.Level, Exists: ok,
		Plan: p, Attention: GoalsAttention(&p, today, AttentionDays), Ladder: ladder, Today: today}
	if v.Attention == nil {
		v.Attention = []GoalDue{}
	}
	return v, nil
}

// View reads the plan view of a person.
func (s *Service) View(person id.ID, today string) (v View, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		v, err = ViewTx(txn, person, today)
		return err
	})
	return v, errs.Wrap("growth.View", err)
}

// SavePlan creates or replaces a person's plan. New goals, milestones,
// assignments and evidence (Nil id) get ids; a milestone marked done without
// a date is done today (the manager's civil date, given by today; "" uses
// the UTC date of the service's clock). Evidence linking a record is checked
// with the registered EvidenceCheck and takes its label (and its date, when
// none was given). The milestone index moves in the same transaction.
//
// A plan carrying a Revision other than the stored one was changed since
// it was read: errs.Conflict, nothing written.
func (s *Service) SavePlan(p Plan, today string) (Plan, error) {
	now := s.clock.Now().UTC()
	if today == "" {
		today = now.Format(civil.Layout)
	}
	var out Plan
	err := s.st.Update(func(txn *badger.Txn) error {
		q := p // a fresh copy per attempt (Update retries on conflict)
		q.Goals, q.Stretch, q.Evidence = cloneGoals(p.Goals), append([]Assignment(nil), p.Stretch...), append([]Evidence(nil), p.Evidence...)
		q.GrowthAreas = append([]string(nil), p.GrowthAreas...)
		old, exists, err := PlanTx(txn, q.PersonID)
		if err != nil {
			return err
		}
		if exists && q.Revision != 0 && q.Revision != old.Revision {
			return errs.E(errs.Conflict, "This plan was changed elsewhere since you opened it. Reload it and make your change again.")
		}
		var oldPtr *Plan
		if exists {
			oldPtr = &old
			q.CreatedAt, q.Revision = old.CreatedAt, old.Revision+1
		} else {
			q.CreatedAt, q.Revision = now, 1
		}
		q.UpdatedAt = now
		stampIDs(&q, now, today)
		if err := s.check(txn, &q, oldPtr); err != nil {
			return err
		}
		out = q
		return Plans.Put(txn, &q)
	})
	return out, errs.Wrap("growth.SavePlan", err)
}

func cloneGoals(in []Goal) []Goal {
	if in == nil {
		return nil
	}
	out := make([]Goal, len(in))
	for i, g := range in {
		g.Milestones = append([]Milestone(nil), g.Milestones...)
		out[i] = g
	}
	return out
}

// stampIDs gives new sub-records ids and fills done dates.
func stampIDs(p *Plan, now time.Time, today string) {
	for i := range p.Goals {
		g := &p.Goals[i]
		if g.ID.IsZero() {
			g.ID = id.New(now)
		}
		for j := range g.Milestones {
			m := &g.Milestones[j]
			if m.ID.IsZero() {
				m.ID = id.New(now)
			}
			if m.Done && m.DoneOn == "" {
				m.DoneOn = today
			}
		}
	}
	for i := range p.Stretch {
		if p.Stretch[i].ID.IsZero() {
			p.Stretch[i].ID = id.New(now)
		}
	}
	for i := range p.Evidence {
		if p.Evidence[i].ID.IsZero() {
			p.Evidence[i].ID = id.New(now)
		}
	}
}

// check normalizes and validates p, on its own and against stored data: the
// person exists, the target level is on the ladder, linked evidence exists.
// old is the stored plan (nil for a new one): evidence it already links is
// kept even when its record has gone since.
func (s *Service) check(txn *badger.Txn, p *Plan, old *Plan) error {
	p.Normalize()
	var c errs.Collector
	if err := c.Merge("", p.Validate()); err != nil {
		return err
	}
	if !p.PersonID.IsZero() {
		if ok, err := people.Persons.Exists(txn, p.PersonID); err != nil {
			return err
		} else if !ok {
			return errs.E(errs.NotFound, "The person this plan is for does not exist (any more).")
		}
	}
	if p.TargetLevel != "" {
		ladder, err := people.LadderTx(txn)
		if err != nil {
			return err
		}
		if !slices.Contains(ladder, p.TargetLevel) {
			c.Add("targetLevel", "Level %q is not on the level ladder (%s).", p.TargetLevel, joinComma(ladder))
		}
	}
	stored := map[string]Evidence{}
	if old != nil {
		for _, e := range old.Evidence {
			if !e.RefID.IsZero() {
				stored[string(e.Kind)+":"+e.RefID.String()] = e
			}
		}
	}
	for i := range p.Evidence {
		e := &p.Evidence[i]
		f := path("evidence", i)
		if e.Kind == EvidenceNote || e.RefID.IsZero() || c.Has(f+".kind") || c.Has(f+".refId") {
			continue
		}
		prev, had := stored[string(e.Kind)+":"+e.RefID.String()]
		chk := s.evidence[e.Kind]
		if chk == nil {
			if had {
				e.Label = prev.Label
				continue
			}
			c.Add(f+".kind", "Evidence from %s cannot be linked yet.", kindPlural(e.Kind))
			continue
		}
		label, date, err := chk(txn, e.RefID)
		switch {
		case errs.Is(err, errs.NotFound):
			if had { // gone since it was linked: keep what we knew
				e.Label = prev.Label
				if e.Date == "" {
					e.Date = prev.Date
				}
				continue
			}
			c.Add(f+".refId", "The %s this evidence links to does not exist (any more).", kindName(e.Kind))
		case err != nil:
			return err
		default:
			if label != "" {
				e.Label = truncate(label, MaxTitle)
			}
			if e.Date == "" {
				e.Date = date
			}
		}
	}
	return c.Err()
}

func truncate(s string, max int) string {
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	return string(r[:max-1]) + "…"
}

func joinComma(l []string) string {
	out := ""
	for i, s := range l {
		if i > 0 {
			out += ", "
		}
		out += s
	}
	return out
}

// DeletePlan removes a person's plan (and its milestone index entries).
// A person without a plan is errs.NotFound.
func (s *Service) DeletePlan(person id.ID) error {
	return errs.Wrap("growth.DeletePlan", s.st.Update(func(txn *badger.Txn) error { return Plans.Delete(txn, person) }))
}

// edit applies fn to a stored plan in one transaction and stores the result
// (validated like SavePlan). No plan is errs.NotFound.
func (s *Service) edit(op string, person id.ID, today string, fn func(p *Plan) error) (Plan, error) {
	now := s.clock.Now().UTC()
	if today == "" {
		today = now.Format(civil.Layout)
	}
	var out Plan
	err := s.st.Update(func(txn *badger.Txn) error {
		p, err := Plans.Get(txn, person)
		if err != nil {
			return err
		}
		old := p
		old.Evidence = append([]Evidence(nil), p.Evidence...)
		p.Goals = cloneGoals(p.Goals)
		p.Evidence = append([]Evidence(nil), p.Evidence...)
		if err := fn(&p); err != nil {
			return err
		}
		p.UpdatedAt = now
		p.Revision++
		stampIDs(&p, now, today)
		if err := s.check(txn, &p, &old); err != nil {
			return err
		}
		out = p
		return Plans.Put(txn, &p)
	})
	return out, errs.Wrap(op, err)
}

// SetMilestoneDone ticks a milestone off (done on today, a civil date) or
// back on, leaving the rest of the plan as it is.
func (s *Service) SetMilestoneDone(person, milestone id.ID, done bool, today string) (Plan, error) {
	if _, ok := civil.Parse(today); !ok {
		return Plan{}, errs.FieldErr("today", "Today must be a date like 2026-03-01.")
	}
	return s.edit("growth.SetMilestoneDone", person, today, func(p *Plan) error {
		gi, mi, ok := p.Milestone(milestone)
		if !ok {
			return errs.E(errs.NotFound, "This plan has no such milestone (any more).")
		}
		m := &p.Goals[gi].Milestones[mi]
		if m.Done != done {
			m.Done, m.DoneOn = done, ""
			if done {
				m.DoneOn = today
			}
		}
		return nil
	})
}

// SetGoalStatus moves a goal to a status.
func (s *Service) SetGoalStatus(person, goal id.ID, st GoalStatus) (Plan, error) {
	return s.edit("growth.SetGoalStatus", person, "", func(p *Plan) error {
		i, ok := p.Goal(goal)
		if !ok {
			return errs.E(errs.NotFound, "This plan has no such goal (any more).")
		}
		if !slices.Contains(GoalStatuses, st) {
			return errs.FieldErr("status", "Unknown goal status %q: not_started, in_progress, done or dropped.", st)
		}
		p.Goals[i].Status = st
		return nil
	})
}

// AddEvidence links one more piece of evidence to a person's plan (e.g.
// "add to their plan" on an incident page). Linking a record that is
// already linked is a no-op that returns the plan.
func (s *Service) AddEvidence(person id.ID, e Evidence) (Plan, error) {
	e.ID = id.Nil
	return s.edit("growth.AddEvidence", person, "", func(p *Plan) error {
		for _, x := range p.Evidence {
			if !e.RefID.IsZero() && x.Kind == e.Kind && x.RefID == e.RefID {
				return nil
			}
		}
		p.Evidence = append(p.Evidence, e)
		return nil
	})
}

// RemoveEvidence unlinks one piece of evidence.
func (s *Service) RemoveEvidence(person, evidence id.ID) (Plan, error) {
	return s.edit("growth.RemoveEvidence", person, "", func(p *Plan) error {
		for i, x := range p.Evidence {
			if x.ID == evidence {
				p.Evidence = append(p.Evidence[:i], p.Evidence[i+1:]...)
				return nil
			}
		}
		return errs.E(errs.NotFound, "This plan has no such evidence (any more).")
	})
}
