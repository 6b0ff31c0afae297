package publish

import (
	"sort"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/store"
)

// View is a publication with what waits: the requests the next run would
// send (shifts changed since the last run, or not sent because a run
// failed) and the conflicts waiting for a choice.
type View struct {
	Publication
	Waiting   int        `json:"waiting"`
	Conflicts []Conflict `json:"conflicts"`
}

// Status computes a publication's view (no network).
func (s *Service) Status(name string) (View, error) {
	p, err := s.byName(name)
	if err != nil {
		return View{}, err
	}
	p.Password = ""
	v := View{Publication: p, Conflicts: []Conflict{}}
	pl, err := s.plan(&p, s.clock.Now().UTC())
	if err != nil {
		v.Status.LastError = errs.MessageOf(err)
		return v, nil
	}
	var cnt Counts
	v.Waiting = len(pl.jobs(&p, &cnt))
	for _, r := range pl.res {
		if r.Conflict != nil {
			v.Conflicts = append(v.Conflicts, *r.Conflict)
		}
	}
	sort.Slice(v.Conflicts, func(i, j int) bool { return v.Conflicts[i].UID < v.Conflicts[j].UID })
	return v, nil
}

// Resolve settles conflicts of a publication (uid "": all of them):
// ConflictOurs sends our version over theirs on the next run,
// ConflictTheirs keeps theirs until the shift changes here.
func (s *Service) Resolve(name, uid, choice string) (int, error) {
	if choice != ConflictOurs && choice != ConflictTheirs {
		return 0, errs.FieldErr("choice", "Choose ours or theirs.")
	}
	p, err := s.byName(name)
	if err != nil {
		return 0, err
	}
	n := 0
	err = s.st.Update(func(txn *badger.Txn) error {
		var rs []Resource
		err := store.Scan(txn, store.Prefix(PrefixResource, p.ID), func(_ []byte, r *Resource) error {
			if r.Conflict != nil && (uid == "" || r.UID == uid) {
				rs = append(rs, *r)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for i := range rs {
			r := &rs[i]
			c := r.Conflict
			r.Conflict = nil
			r.ETag = c.ETag
			if choice == ConflictOurs {
				r.Sent, r.Theirs = "", "" // sent again, over their version
			} else if c.Removed {
				if err := txn.Delete(resourceKey(p.ID, r.UID)); err != nil {
					return err
				}
				n++
				continue
			} else {
				r.Theirs = c.Want
			}
			if err := store.PutJSON(txn, resourceKey(p.ID, r.UID), r); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	if err == nil && n == 0 && uid != "" {
		return 0, errs.E(errs.NotFound, "No conflict on %s in %q.", uid, p.Name)
	}
	return n, errs.Wrap("publish.Resolve", err)
}
