package oncall

import (
	"math"
	"sort"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// Rotations lists rotations by schedule (team), layer and name.
func (s *Service) Rotations() ([]Rotation, error) {
	var out []Rotation
	var teams map[id.ID]string
	err := s.st.View(func(txn *badger.Txn) (err error) {
		if out, err = Rotations.List(txn); err != nil {
			return err
		}
		teams, err = TeamNamesTx(txn)
		return err
	})
	SortRotations(out, teams)
	if out == nil {
		out = []Rotation{}
	}
	return out, errs.Wrap("oncall.Rotations", err)
}

// ScheduleOf says which schedule a rotation is a layer of: its team (key
// "team:<id>", the team's name) when it belongs to one that exists; else
// the schedule name it had before rotations belonged to teams (key
// "sch:<lower name>"); else the rotation is a schedule of its own (key
// "rot:<id>", its name). teams maps team ids to names.
func ScheduleOf(r *Rotation, teams map[id.ID]string) (key, name string) {
	if !r.TeamID.IsZero() {
		if n, ok := teams[r.TeamID]; ok {
			return "team:" + r.TeamID.String(), n
		}
	}
	if r.ScheduleName != "" {
		return "sch:" + strings.ToLower(r.ScheduleName), r.ScheduleName
	}
	return "rot:" + r.ID.String(), r.Name
}

// SortRotations orders rotations by schedule name (the team's, the old
// schedule name or the rotation's own), layer, name; teams maps team ids
// to names.
func SortRotations(rs []Rotation, teams map[id.ID]string) {
	key := func(r *Rotation) string {
		_, n := ScheduleOf(r, teams)
		return strings.ToLower(n)
	}
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := &rs[i], &rs[j]
		if key(a) != key(b) {
			return key(a) < key(b)
		}
		if a.Layer != b.Layer {
			return a.Layer < b.Layer
		}
		return strings.ToLower(a.Name) < strings.ToLower(b.Name)
	})
}

// Rotation reads one rotation.
func (s *Service) Rotation(u id.ID) (r Rotation, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		r, err = Rotations.Get(txn, u)
		return err
	})
	return r, errs.Wrap("oncall.Rotation", err)
}

// RotationByName finds a rotation by name (case-insensitive).
func (s *Service) RotationByName(name string) (r Rotation, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		ids := store.Lookup(txn, store.IdxRotationName, store.Term(store.Fold(name)))
		if len(ids) == 0 {
			return errs.E(errs.NotFound, "There is no rotation called %q.", strings.TrimSpace(name))
		}
		r, err = Rotations.Get(txn, ids[0])
		return err
	})
	return r, errs.Wrap("oncall.RotationByName", err)
}

// SaveRotation creates (zero ID) or updates a rotation.
func (s *Service) SaveRotation(r Rotation) (Rotation, error) {
	now := s.clock.Now().UTC()
	err := s.st.Update(func(txn *badger.Txn) error {
		if err := store.Stamp(txn, Rotations, &r, now); err != nil {
			return err
		}
		r.Normalize()
		var c errs.Collector
		if err := c.Merge("", r.Validate()); err != nil {
			return err
		}
		rotationName.CheckTx(txn, &c, r.Name, r.ID)
		for i, p := range r.Participants {
			if err := personCheck(txn, &c, "participants."+itoa(i), p); err != nil {
				return err
			}
		}
		if !r.TeamID.IsZero() {
			if ok, err := people.Teams.Exists(txn, r.TeamID); err != nil {
				return err
			} else if !ok {
				c.Add("teamId", "The chosen team does not exist (any more).")
			}
		}
		if err := c.Err(); err != nil {
			return err
		}
		return Rotations.Put(txn, &r)
	})
	return r, errs.Wrap("oncall.SaveRotation", err)
}

// DeleteRotation removes a rotation with its overrides and swaps.
func (s *Service) DeleteRotation(u id.ID) error {
	return errs.Wrap("oncall.DeleteRotation", s.st.Update(func(txn *badger.Txn) error {
		return deleteRotationTx(txn, u)
	}))
}

func deleteRotationTx(txn *badger.Txn, u id.ID) error {
	ovs, err := overridesTx(txn, u, time.Unix(0, 0), farFuture)
	if err != nil {
		return err
	}
	for _, o := range ovs {
		if err := Overrides.Delete(txn, o.ID); err != nil {
			return err
		}
	}
	for _, sid := range swapIDsTx(txn, u, 0, math.MaxInt) {
		if err := Swaps.Delete(txn, sid); err != nil {
			return err
		}
	}
	return Rotations.Delete(txn, u)
}
