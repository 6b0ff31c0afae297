package growth

import (
	"sort"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// PairsOfTx returns the mentoring pairs a person is in (as mentor or
// mentee), oldest first.
func PairsOfTx(txn *badger.Txn, person id.ID) ([]Mentorship, error) {
	var out []Mentorship
	for _, u := range store.Lookup(txn, store.IdxMentorshipPerson, store.Term(person)) {
		m, err := Mentorships.Get(txn, u)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// checkPair normalizes and validates m, on its own and against stored data:
// both people exist, a new pair (or a changed person) is not archived, and
// there is no other active pair of the same mentor and mentee (Conflict).
func checkPair(txn *badger.Txn, m *Mentorship, old *Mentorship) error {
	m.Normalize()
	var c errs.Collector
	if err := c.Merge("", m.Validate()); err != nil {
		return err
	}
	for _, x := range []struct {
		field string
		u     id.ID
		was   id.ID
		role  string
	}{{"mentorId", m.MentorID, oldID(old, true), "mentor"}, {"menteeId", m.MenteeID, oldID(old, false), "mentee"}} {
		if x.u.IsZero() || c.Has(x.field) {
			continue
		}
		p, err := people.Persons.Get(txn, x.u)
		switch {
		case errs.Is(err, errs.NotFound):
			c.Add(x.field, "The chosen %s does not exist (any more).", x.role)
		case err != nil:
			return err
		case p.Archived && x.u != x.was && m.Active():
			c.Add(x.field, "%s is archived; restore them first to pair them.", p.Name)
		}
	}
	if err := c.Err(); err != nil {
		return err
	}
	if m.Active() {
		pairs, err := PairsOfTx(txn, m.MentorID)
		if err != nil {
			return err
		}
		for _, o := range pairs {
			if o.ID != m.ID && o.MentorID == m.MentorID && o.MenteeID == m.MenteeID && o.Active() {
				return &errs.Error{Code: errs.Conflict, Field: "menteeId",
					Message: "These two are already an active mentoring pair. Edit that pair instead, or end it first.",
					Fields:  []errs.FieldError{{Field: "menteeId", Message: "These two are already an active mentoring pair."}}}
			}
		}
	}
	return nil
}

func oldID(old *Mentorship, mentor bool) id.ID {
	if old == nil {
		return id.Nil
	}
	if mentor {
		return old.MentorID
	}
	return old.MenteeID
}

// SaveMentorship creates a pair (Nil id) or replaces a stored one.
func (s *Service) SaveMentorship(m Mentorship) (Mentorship, error) {
	now := s.clock.Now().UTC()
	var out Mentorship
	err := s.st.Update(func(txn *badger.Txn) error {
		q := m
		q.Focus = append([]string(nil), m.Focus...)
		var old *Mentorship
		if !q.ID.IsZero() {
			o, err := Mentorships.Get(txn, q.ID)
			if err != nil {
				return err
			}
			old = &o
		}
		if err := store.Stamp(txn, Mentorships, &q, now); err != nil {
			return err
		}
		if err := checkPair(txn, &q, old); err != nil {
			return err
		}
		out = q
		return Mentorships.Put(txn, &q)
	})
	return out, errs.Wrap("growth.SaveMentorship", err)
}

func (s *Service) editPair(op string, u id.ID, fn func(m *Mentorship) error) (Mentorship, error) {
	now := s.clock.Now().UTC()
	var out Mentorship
	err := s.st.Update(func(txn *badger.Txn) error {
		m, err := Mentorships.Get(txn, u)
		if err != nil {
			return err
		}
		old := m
		m.Focus = append([]string(nil), m.Focus...)
		if err := fn(&m); err != nil {
			return err
		}
		m.UpdatedAt = now
		if err := checkPair(txn, &m, &old); err != nil {
			return err
		}
		out = m
		return Mentorships.Put(txn, &m)
	})
	return out, errs.Wrap(op, err)
}

// EndMentorship ends an active pair on a civil date (kept as history);
// an empty date reopens it.
func (s *Service) EndMentorship(u id.ID, on string) (Mentorship, error) {
	return s.editPair("growth.EndMentorship", u, func(m *Mentorship) error {
		m.EndedOn = on
		return nil
	})
}

// RecordCheckIn notes a check-in of a pair on a civil date. An earlier date
// than the last check-in is refused (it would move the next one back).
func (s *Service) RecordCheckIn(u id.ID, on string) (Mentorship, error) {
	return s.editPair("growth.RecordCheckIn", u, func(m *Mentorship) error {
		if _, ok := civil.Parse(on); !ok {
			return errs.FieldErr("lastCheckIn", "The check-in date must be a date like 2026-03-01.")
		}
		if !m.Active() {
			return errs.E(errs.Conflict, "This pair ended on %s; reopen it to record check-ins.", civil.Text(m.EndedOn))
		}
		if m.LastCheckIn != "" && on < m.LastCheckIn {
			return errs.FieldErr("lastCheckIn", "The last check-in was already on %s.", civil.Text(m.LastCheckIn))
		}
		m.LastCheckIn = on
		return nil
	})
}

// DeleteMentorship removes a pair for good.
func (s *Service) DeleteMentorship(u id.ID) error {
	return errs.Wrap("growth.DeleteMentorship", s.st.Update(func(txn *badger.Txn) error { return Mentorships.Delete(txn, u) }))
}

// GetMentorship reads one pair.
func (s *Service) GetMentorship(u id.ID) (m Mentorship, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		m, err = Mentorships.Get(txn, u)
		return err
	})
	return m, errs.Wrap("growth.GetMentorship", err)
}

// Pair is a mentoring pair with its next check-in, as lists show it.
type Pair struct {
	Mentorship Mentorship `json:"mentorship"`
	Active     bool       `json:"active"`
	CheckIn    CheckIn    `json:"checkIn"`
}

func pairsOf(ms []Mentorship, today string) []Pair {
	out := make([]Pair, len(ms))
	for i := range ms {
		out[i] = Pair{Mentorship: ms[i], Active: ms[i].Active(), CheckIn: CheckInOf(&ms[i], today)}
	}
	// Active first, the most pressing check-in first; ended pairs by end date, latest first.
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Active != b.Active {
			return a.Active
		}
		if a.Active {
			return a.CheckIn.Next < b.CheckIn.Next
		}
		return a.Mentorship.EndedOn > b.Mentorship.EndedOn
	})
	return out
}

// PersonMentoring is a person's mentoring: who mentors them, whom they
// mentor, and suggested mentors for their growth areas.
type PersonMentoring struct {
	Mentors     []Pair       `json:"mentors"` // pairs where the person is the mentee
	Mentees     []Pair       `json:"mentees"` // pairs where the person is the mentor
	Suggestions []Suggestion `json:"suggestions"`
}

// PersonMentoringTx reads a person's mentoring inside txn; today is the
// manager's civil date.
func PersonMentoringTx(txn *badger.Txn, person id.ID, today string) (PersonMentoring, error) {
	out := PersonMentoring{Mentors: []Pair{}, Mentees: []Pair{}, Suggestions: []Suggestion{}}
	if _, err := people.Persons.Get(txn, person); err != nil {
		return out, err
	}
	ms, err := PairsOfTx(txn, person)
	if err != nil {
		return out, err
	}
	var mentors, mentees []Mentorship
	for _, m := range ms {
		if m.MenteeID == person {
			mentors = append(mentors, m)
		} else {
			mentees = append(mentees, m)
		}
	}
	out.Mentors, out.Mentees = pairsOf(mentors, today), pairsOf(mentees, today)
	sg, err := SuggestionsForTx(txn, person)
	if err != nil {
		return out, err
	}
	if sg != nil {
		out.Suggestions = sg
	}
	return out, nil
}

// PersonMentoring reads a person's mentoring.
func (s *Service) PersonMentoring(person id.ID, today string) (v PersonMentoring, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		v, err = PersonMentoringTx(txn, person, today)
		return err
	})
	return v, errs.Wrap("growth.PersonMentoring", err)
}

// Mentoring is every mentoring pair and the suggestions for new ones.
type Mentoring struct {
	Pairs       []Pair       `json:"pairs"`
	Suggestions []Suggestion `json:"suggestions"`
	Today       string       `json:"today"`
}

// MentoringTx reads every pair and the suggestions inside txn.
func MentoringTx(txn *badger.Txn, today string) (Mentoring, error) {
	ms, err := Mentorships.List(txn)
	if err != nil {
		return Mentoring{}, err
	}
	sg, err := SuggestionsTx(txn)
	if err != nil {
		return Mentoring{}, err
	}
	if sg == nil {
		sg = []Suggestion{}
	}
	return Mentoring{Pairs: pairsOf(ms, today), Suggestions: sg, Today: today}, nil
}

// Mentoring reads every pair and the suggestions for new ones.
func (s *Service) Mentoring(today string) (v Mentoring, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		v, err = MentoringTx(txn, today)
		return err
	})
	return v, errs.Wrap("growth.Mentoring", err)
}
