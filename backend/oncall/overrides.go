package oncall

import (
	"fmt"
	"sort"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// Overrides lists a rotation's overrides (zero id: all), earliest first.
func (s *Service) Overrides(rotationID id.ID) ([]Override, error) {
	var out []Override
	err := s.st.View(func(txn *badger.Txn) (err error) {
		if rotationID.IsZero() {
			out, err = Overrides.List(txn)
			return err
		}
		out, err = overridesTx(txn, rotationID, time.Unix(0, 0), farFuture)
		return err
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	if out == nil {
		out = []Override{}
	}
	return out, errs.Wrap("oncall.Overrides", err)
}

// SaveOverride creates (zero ID) or updates an override. Overrides of one
// rotation may not overlap. A person who is away gets a warning, not an error.
func (s *Service) SaveOverride(o Override) (Saved[Override], error) {
	now := s.clock.Now().UTC()
	res := Saved[Override]{Warnings: []string{}}
	err := s.st.Update(func(txn *badger.Txn) error {
		if err := store.Stamp(txn, Overrides, &o, now); err != nil {
			return err
		}
		o.Normalize()
		var c errs.Collector
		if err := c.Merge("", o.Validate()); err != nil {
			return err
		}
		if err := personCheck(txn, &c, "personId", o.PersonID); err != nil {
			return err
		}
		if err := c.Err(); err != nil {
			return err
		}
		if _, err := Rotations.Get(txn, o.RotationID); errs.Is(err, errs.NotFound) {
			return errs.FieldErr("rotationId", "The rotation does not exist (any more).")
		} else if err != nil {
			return err
		}
		others, err := overridesTx(txn, o.RotationID, o.Start.Add(-MaxOverrideSpan), o.End)
		if err != nil {
			return err
		}
		for _, x := range others {
			if x.ID != o.ID && x.Start.Before(o.End) && o.Start.Before(x.End) {
				p, _ := people.Persons.Get(txn, x.PersonID)
				return &errs.Error{Code: errs.Conflict, Field: "start", Message: fmt.Sprintf(
					"This overlaps the override of %s from %s to %s; change or delete that one first.", p.Name,
					x.Start.Format("2006-01-02 15:04 MST"), x.End.Format("2006-01-02 15:04 MST"))}
			}
		}
		if err := Overrides.Put(txn, &o); err != nil {
			return err
		}
		res.Item = o
		snap, err := LoadTx(txn, o.Start, o.End)
		if err != nil {
			return err
		}
		if why, away := snap.Unavailable(o.PersonID, o.Start, o.End); away {
			res.Warnings = append(res.Warnings, fmt.Sprintf("%s is away during this override (%s); they will be on call anyway.", snap.Name(o.PersonID), why))
		}
		return nil
	})
	return res, errs.Wrap("oncall.SaveOverride", err)
}

// DeleteOverride removes an override.
func (s *Service) DeleteOverride(u id.ID) error {
	return errs.Wrap("oncall.DeleteOverride", s.st.Update(func(txn *badger.Txn) error { return Overrides.Delete(txn, u) }))
}
