package growth

import (
	"fmt"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// Data is the development part of the workspace JSON file ("growth"), for
// the workspace format to embed like oncall.Data.
type Data struct {
	Plans       []Plan       `json:"plans"`
	Mentorships []Mentorship `json:"mentorships"`
}

// LoadDataTx reads every plan (by person id) and every pair (oldest first).
func LoadDataTx(txn *badger.Txn) (d Data, err error) {
	if d.Plans, err = Plans.List(txn); err != nil {
		return d, err
	}
	d.Mentorships, err = Mentorships.List(txn)
	d.fill()
	return d, err
}

func (d *Data) fill() {
	if d.Plans == nil {
		d.Plans = []Plan{}
	}
	if d.Mentorships == nil {
		d.Mentorships = []Mentorship{}
	}
}

// Ops are the writes that store validated data (the milestone and pair
// indexes come with the records).
func (d *Data) Ops() []store.Op {
	return append(Plans.PutOps(d.Plans), Mentorships.PutOps(d.Mentorships)...)
}

// Check normalizes and validates the data as part of a workspace file:
// claim registers an id unique across the file (pairs; a plan's key is its
// person's id, so plans are checked for one per person instead), add
// reports a problem at a place, addErr a validation error's fields, person
// says whether a person id exists in the file, ladder is the file's level
// ladder. Linked evidence is not checked against the file (its label and
// date were filled when it was linked; a record deleted since is allowed,
// as in the app).
func (d *Data) Check(claim func(where string, u id.ID), add func(where, format string, a ...any),
	addErr func(where string, err error), person func(id.ID) bool, ladder []string) {
	d.fill()
	planOf := map[id.ID]bool{}
	for i := range d.Plans {
		p := &d.Plans[i]
		where := fmt.Sprintf("growth.plans[%d]", i)
		p.Normalize()
		addErr(where, p.Validate())
		switch {
		case p.PersonID.IsZero():
		case !person(p.PersonID):
			add(where+" personId", "no person has id %s", p.PersonID)
		case planOf[p.PersonID]:
			add(where+" personId", "person %s has another plan in the file (one plan per person)", p.PersonID)
		}
		planOf[p.PersonID] = true
		if p.TargetLevel != "" && !slices.Contains(ladder, p.TargetLevel) {
			add(where+" targetLevel", "level %q is not on the level ladder", p.TargetLevel)
		}
		for j := range p.Evidence {
			if e := &p.Evidence[j]; e.Kind != EvidenceNote && e.Label == "" {
				add(fmt.Sprintf("%s evidence.%d.label", where, j), "linked evidence needs its label")
			}
		}
		for j := range p.Goals {
			g := &p.Goals[j]
			if g.ID.IsZero() {
				add(fmt.Sprintf("%s goals.%d.id", where, j), "id is missing")
			}
			for k := range g.Milestones {
				if g.Milestones[k].ID.IsZero() {
					add(fmt.Sprintf("%s goals.%d.milestones.%d.id", where, j, k), "id is missing")
				}
			}
		}
		for j := range p.Stretch {
			if p.Stretch[j].ID.IsZero() {
				add(fmt.Sprintf("%s stretch.%d.id", where, j), "id is missing")
			}
		}
		for j := range p.Evidence {
			if p.Evidence[j].ID.IsZero() {
				add(fmt.Sprintf("%s evidence.%d.id", where, j), "id is missing")
			}
		}
	}
	f := store.File{Claim: claim, Add: add, AddErr: addErr}
	type pairKey struct{ a, b id.ID }
	activePairs := map[pairKey]string{}
	for i := range d.Mentorships {
		m := &d.Mentorships[i]
		where := fmt.Sprintf("growth.mentorships[%d]", i)
		f.Record(where, m.ID, m)
		f.Ref(where, "mentorId", "person", m.MentorID, person)
		f.Ref(where, "menteeId", "person", m.MenteeID, person)
		if m.Active() {
			k := pairKey{m.MentorID, m.MenteeID}
			if other, dup := activePairs[k]; dup {
				add(where, "the same mentor and mentee are also an active pair in %s", other)
			}
			activePairs[k] = where
		}
	}
}
