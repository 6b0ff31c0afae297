package oncall

import (
	"sort"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// Regions lists holiday regions by name.
func (s *Service) Regions() ([]Region, error) {
	var out []Region
	err := s.st.View(func(txn *badger.Txn) (err error) {
		out, err = Regions.List(txn)
		return err
	})
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	if out == nil {
		out = []Region{}
	}
	return out, errs.Wrap("oncall.Regions", err)
}

// RegionByName finds a region by name (case-insensitive).
func (s *Service) RegionByName(name string) (r Region, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		ids := store.Lookup(txn, store.IdxRegionName, store.Term(store.Fold(name)))
		if len(ids) == 0 {
			return errs.E(errs.NotFound, "There is no holiday region called %q.", strings.TrimSpace(name))
		}
		r, err = Regions.Get(txn, ids[0])
		return err
	})
	return r, errs.Wrap("oncall.RegionByName", err)
}

// CheckRegionTx validates a normalized region against stored data (name
// clash, members that exist and are in no other region).
func CheckRegionTx(txn *badger.Txn, r *Region) error {
	var c errs.Collector
	if err := c.Merge("", r.Validate()); err != nil {
		return err
	}
	regionName.CheckTx(txn, &c, r.Name, r.ID)
	for _, m := range r.MemberIDs {
		p, err := people.Persons.Get(txn, m)
		if errs.Is(err, errs.NotFound) {
			c.Add("memberIds", "One of the members does not exist (any more).")
			break
		} else if err != nil {
			return err
		}
		for _, other := range store.Lookup(txn, store.IdxRegionMember, store.Term(m)) {
			if other != r.ID {
				o, err := Regions.Get(txn, other)
				if err != nil {
					return err
				}
				c.Add("memberIds", "%s is already in the region %s; a person follows one holiday calendar.", p.Name, o.Name)
			}
		}
	}
	return c.Err()
}

// SaveRegion creates (zero ID) or updates a holiday region.
func (s *Service) SaveRegion(r Region) (Region, error) {
	now := s.clock.Now().UTC()
	err := s.st.Update(func(txn *badger.Txn) error {
		if err := store.Stamp(txn, Regions, &r, now); err != nil {
			return err
		}
		r.Normalize()
		if err := CheckRegionTx(txn, &r); err != nil {
			return err
		}
		return Regions.Put(txn, &r)
	})
	return r, errs.Wrap("oncall.SaveRegion", err)
}

// DeleteRegion removes a holiday region.
func (s *Service) DeleteRegion(u id.ID) error {
	return errs.Wrap("oncall.DeleteRegion", s.st.Update(func(txn *badger.Txn) error {
		if err := Regions.Delete(txn, u); err != nil {
			return err
		}
		// Its pay policy goes with it (its members get the default one).
		st, err := SettingsTx(txn)
		if err != nil {
			return err
		}
		kept := st.Compensation.Regions[:0]
		for _, r := range st.Compensation.Regions {
			if r.RegionID != u {
				kept = append(kept, r)
			}
		}
		if len(kept) != len(st.Compensation.Regions) {
			st.Compensation.Regions = kept
			st.Normalize()
			if err := PutSettingsTx(txn, st); err != nil {
				return err
			}
		}
		for _, fn := range s.regionRefs {
			if err := fn(txn, u); err != nil {
				return err
			}
		}
		return nil
	}))
}
