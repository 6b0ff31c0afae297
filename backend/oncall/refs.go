package oncall

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// PersonRefs takes on-call into the hard delete of a person (register it
// with people.Roster.AddPersonRefs): they leave every rotation (a rotation
// they were the only participant of is deleted with its overrides and
// swaps), their time off and overrides are deleted, and they leave their
// holiday region and the reminder list.
type PersonRefs struct{ Clock clock.Clock }

func (r PersonRefs) now() clock.Clock {
	if r.Clock == nil {
		return clock.Real{}
	}
	return r.Clock
}

// Describe says what the delete does to on-call data.
func (r PersonRefs) Describe(txn *badger.Txn, person id.ID) ([]string, error) {
	var out []string
	for _, u := range store.Lookup(txn, store.IdxRotationPerson, store.Term(person)) {
		rot, err := Rotations.Get(txn, u)
		if err != nil {
			return nil, err
		}
		if len(rot.Participants) == 1 {
			out = append(out, fmt.Sprintf("The rotation %s, of which they are the only participant, with its overrides and swaps.", rot.Name))
		} else {
			out = append(out, fmt.Sprintf("Their place in the rotation %s (%d people stay; later turns move up).", rot.Name, len(rot.Participants)-1))
		}
	}
	if n := len(store.Lookup(txn, store.IdxTimeOffPerson, store.Term(person))); n > 0 {
		out = append(out, fmt.Sprintf("%s of time off.", plural(n, "entry", "entries")))
	}
	if n := len(store.Lookup(txn, store.IdxOverridePerson, store.Term(person))); n > 0 {
		out = append(out, fmt.Sprintf("%s in which they cover a rotation (those times fall back to the rotation).", plural(n, "override", "overrides")))
	}
	for _, u := range store.Lookup(txn, store.IdxRegionMember, store.Term(person)) {
		rg, err := Regions.Get(txn, u)
		if err != nil {
			return nil, err
		}
		out = append(out, fmt.Sprintf("Membership of the holiday region %s.", rg.Name))
	}
	return out, nil
}

// Detach removes the person from on-call data, inside the delete transaction.
func (r PersonRefs) Detach(txn *badger.Txn, person id.ID) error {
	now := r.now().Now().UTC()
	for _, u := range store.Lookup(txn, store.IdxRotationPerson, store.Term(person)) {
		rot, err := Rotations.Get(txn, u)
		if err != nil {
			return err
		}
		if len(rot.Participants) == 1 {
			if err := deleteRotationTx(txn, u); err != nil {
				return err
			}
			continue
		}
		rot.Participants = without(rot.Participants, person)
		delete(rot.Colors, person)
		if len(rot.Colors) == 0 {
			rot.Colors = nil
		}
		rot.UpdatedAt = now
		if err := Rotations.Put(txn, &rot); err != nil {
			return err
		}
	}
	for _, u := range store.Lookup(txn, store.IdxTimeOffPerson, store.Term(person)) {
		if err := TimeOffs.Delete(txn, u); err != nil {
			return err
		}
	}
	for _, u := range store.Lookup(txn, store.IdxOverridePerson, store.Term(person)) {
		if err := Overrides.Delete(txn, u); err != nil {
			return err
		}
	}
	for _, u := range store.Lookup(txn, store.IdxRegionMember, store.Term(person)) {
		rg, err := Regions.Get(txn, u)
		if err != nil {
			return err
		}
		rg.MemberIDs = without(rg.MemberIDs, person)
		rg.UpdatedAt = now
		if err := Regions.Put(txn, &rg); err != nil {
			return err
		}
	}
	st, err := SettingsTx(txn)
	if err != nil {
		return err
	}
	if n := len(st.NotifyPersonIDs); n > 0 {
		st.NotifyPersonIDs = without(st.NotifyPersonIDs, person)
		if len(st.NotifyPersonIDs) != n {
			if len(st.NotifyPersonIDs) == 0 {
				st.NotifyPersonIDs = nil
			}
			return PutSettingsTx(txn, st)
		}
	}
	return nil
}

var _ people.PersonRefs = PersonRefs{}

func without(l []id.ID, u id.ID) []id.ID {
	out := make([]id.ID, 0, len(l))
	for _, x := range l {
		if x != u {
			out = append(out, x)
		}
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// TeamRefs keeps a team that rotations belong to from being deleted
// (register it with people.Roster.AddTeamRefs): the team is the schedule of
// its rotations, so deleting it would silently merge or split schedules and
// change coverage. The manager moves the rotations first.
type TeamRefs struct{}

// DescribeTeam names the rotations that belong to the team.
func (TeamRefs) DescribeTeam(txn *badger.Txn, team id.ID) ([]string, error) {
	var names []string
	for _, u := range store.Lookup(txn, store.IdxRotationTeam, store.Term(team)) {
		rot, err := Rotations.Get(txn, u)
		if err != nil {
			return nil, err
		}
		names = append(names, rot.Name)
	}
	if len(names) == 0 {
		return nil, nil
	}
	sort.Slice(names, func(i, j int) bool { return strings.ToLower(names[i]) < strings.ToLower(names[j]) })
	list := names[0]
	if n := len(names); n > 1 {
		list = strings.Join(names[:n-1], ", ") + " and " + names[n-1]
	}
	if len(names) == 1 {
		return []string{fmt.Sprintf("the on-call rotation %s belongs to it; move it to another team, or to no team, on the On-call screen first", list)}, nil
	}
	return []string{fmt.Sprintf("the on-call rotations %s belong to it; move them to another team, or to no team, on the On-call screen first", list)}, nil
}

var _ people.TeamRefs = TeamRefs{}
