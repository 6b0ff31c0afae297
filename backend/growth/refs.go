package growth

import (
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// PersonRefs takes development plans and mentoring pairs into the hard
// delete of a person (register it with people.Roster.AddPersonRefs).
//
// Choice: both go with the person. A plan is about one person and means
// nothing without them; a mentoring pair needs both people. (Archiving, the
// everyday way to let someone go, keeps everything.)
type PersonRefs struct{}

// Describe says what the delete removes.
func (PersonRefs) Describe(txn *badger.Txn, person id.ID) ([]string, error) {
	var out []string
	p, ok, err := PlanTx(txn, person)
	if err != nil {
		return nil, err
	}
	if ok {
		ms := 0
		for _, g := range p.Goals {
			ms += len(g.Milestones)
		}
		out = append(out, fmt.Sprintf("Their development plan (%s, %s, %s): deleted.",
			count(len(p.Goals), "goal", "goals"), count(ms, "milestone", "milestones"), count(len(p.Evidence), "piece of evidence", "pieces of evidence")))
	}
	pairs, err := PairsOfTx(txn, person)
	if err != nil {
		return nil, err
	}
	for _, m := range pairs {
		other, role := m.MenteeID, "mentor of"
		if m.MenteeID == person {
			other, role = m.MentorID, "mentee of"
		}
		name := "someone"
		if o, err := people.Persons.Get(txn, other); err == nil {
			name = o.Name
		} else if !errs.Is(err, errs.NotFound) {
			return nil, err
		}
		state := "active"
		if !m.Active() {
			state = "ended " + m.EndedOn
		}
		out = append(out, fmt.Sprintf("Mentoring pair as %s %s (%s): deleted.", role, name, state))
	}
	return out, nil
}

// Detach deletes the person's plan and mentoring pairs inside the delete
// transaction.
func (PersonRefs) Detach(txn *badger.Txn, person id.ID) error {
	if ok, err := Plans.Exists(txn, person); err != nil {
		return err
	} else if ok {
		if err := Plans.Delete(txn, person); err != nil {
			return err
		}
	}
	for _, u := range store.Lookup(txn, store.IdxMentorshipPerson, store.Term(person)) {
		if err := Mentorships.Delete(txn, u); err != nil {
			return err
		}
	}
	return nil
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
