package incident

import (
	"fmt"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// PersonRefs takes incidents into the hard delete of a person (register it
// with people.Roster.AddPersonRefs). Incidents are history and are kept:
// the person is taken out of every role, the responders and participants,
// and left out as author of timeline entries and of a skip decision (those
// entries stay, without a name).
type PersonRefs struct{ Clock clock.Clock }

// Describe says what the delete does to incidents.
func (r PersonRefs) Describe(txn *badger.Txn, person id.ID) ([]string, error) {
	ids := store.Lookup(txn, store.IdxIncidentPerson, store.Term(person))
	if len(ids) == 0 {
		return nil, nil
	}
	name := "them"
	if p, err := people.Persons.Get(txn, person); err == nil {
		name = p.Name
	}
	commander := 0
	for _, u := range ids {
		in, err := Incidents.Get(txn, u)
		if err != nil {
			return nil, err
		}
		if in.CommanderID == person {
			commander++
		}
	}
	return []string{fmt.Sprintf("%s involve %s (commander of %d): the incidents are kept; %s is removed from their roles and participants, and their timeline entries are kept without a name.",
		plural(len(ids), "incident", "incidents"), name, commander, name)}, nil
}

// Detach removes the person from every incident, inside the delete transaction.
func (r PersonRefs) Detach(txn *badger.Txn, person id.ID) error {
	c := r.Clock
	if c == nil {
		c = clock.Real{}
	}
	now := c.Now().UTC()
	for _, u := range store.Lookup(txn, store.IdxIncidentPerson, store.Term(person)) {
		in, err := Incidents.Get(txn, u)
		if err != nil {
			return err
		}
		for _, f := range []*id.ID{&in.CommanderID, &in.ScribeID, &in.CommsID, &in.Review.SkippedBy} {
			if *f == person {
				*f = id.Nil
			}
		}
		in.ResponderIDs = without(in.ResponderIDs, person)
		var parts []Participant
		for _, p := range in.Participants {
			if p.PersonID != person {
				parts = append(parts, p)
			}
		}
		in.Participants = parts
		for i := range in.Timeline {
			e := &in.Timeline[i]
			if e.AuthorID == person {
				e.AuthorID = id.Nil
			}
			if e.PersonID == person {
				e.PersonID = id.Nil
				if e.Text == "" {
					e.Text = DeletedPerson
				}
			}
		}
		in.UpdatedAt = now
		if err := Incidents.Put(txn, &in); err != nil {
			return err
		}
	}
	return nil
}

// DeletedPerson stands in for a deleted person in role entries.
const DeletedPerson = "(a person since deleted)"

func without(l []id.ID, u id.ID) []id.ID {
	var out []id.ID
	for _, x := range l {
		if x != u {
			out = append(out, x)
		}
	}
	return out
}

// ServiceRefs keeps services named by incidents from being deleted
// (people.Roster.AddServiceRefs).
type ServiceRefs struct{}

// DescribeService says how many incidents name the service.
func (ServiceRefs) DescribeService(txn *badger.Txn, service id.ID) ([]string, error) {
	n := 0
	err := SummariesTx(txn, time.Time{}, time.Time{}, func(s *Summary) error {
		for _, u := range s.ServiceIDs {
			if u == service {
				n++
				break
			}
		}
		return nil
	})
	if err != nil || n == 0 {
		return nil, err
	}
	if n == 1 {
		return []string{"1 incident"}, nil
	}
	return []string{fmt.Sprintf("%d incidents", n)}, nil
}
