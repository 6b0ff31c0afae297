package oncall

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// TimeOffFilter selects time off: of one person (zero: everyone),
// overlapping [From, To) (zero: any time).
type TimeOffFilter struct {
	PersonID id.ID
	From, To time.Time
}

// TimeOff lists time off, earliest first.
func (s *Service) TimeOff(f TimeOffFilter) ([]TimeOff, error) {
	var out []TimeOff
	err := s.st.View(func(txn *badger.Txn) error {
		var ids []id.ID
		if !f.PersonID.IsZero() {
			ids = store.Lookup(txn, store.IdxTimeOffPerson, store.Term(f.PersonID))
		}
		add := func(t *TimeOff) {
			if !f.PersonID.IsZero() && t.PersonID != f.PersonID {
				return
			}
			if !f.From.IsZero() && !t.EndBound().After(f.From) {
				return
			}
			if !f.To.IsZero() && !t.StartBound().Before(f.To) {
				return
			}
			out = append(out, *t)
		}
		if f.PersonID.IsZero() {
			return TimeOffs.Each(txn, func(t *TimeOff) error { add(t); return nil })
		}
		for _, u := range ids {
			t, err := TimeOffs.Get(txn, u)
			if err != nil {
				return err
			}
			add(&t)
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].StartBound().Before(out[j].StartBound()) })
	if out == nil {
		out = []TimeOff{}
	}
	return out, errs.Wrap("oncall.TimeOff", err)
}

// SaveTimeOff creates (zero ID) or updates a time-off entry. Warnings list
// the shifts the person was scheduled for that others now take.
func (s *Service) SaveTimeOff(t TimeOff) (Saved[TimeOff], error) {
	now := s.clock.Now().UTC()
	res := Saved[TimeOff]{Warnings: []string{}}
	err := s.st.Update(func(txn *badger.Txn) error {
		if err := store.Stamp(txn, TimeOffs, &t, now); err != nil {
			return err
		}
		t.Normalize()
		var c errs.Collector
		if err := c.Merge("", t.Validate()); err != nil {
			return err
		}
		if err := personCheck(txn, &c, "personId", t.PersonID); err != nil {
			return err
		}
		if err := c.Err(); err != nil {
			return err
		}
		if err := TimeOffs.Put(txn, &t); err != nil {
			return err
		}
		res.Item = t
		res.Warnings = []string{}
		w, err := timeOffWarnings(txn, &t)
		res.Warnings = append(res.Warnings, w...)
		return err
	})
	return res, errs.Wrap("oncall.SaveTimeOff", err)
}

// timeOffWarnings names the turns the person was scheduled for during t.
func timeOffWarnings(txn *badger.Txn, t *TimeOff) ([]string, error) {
	from, to := t.StartBound(), t.EndBound()
	snap, err := LoadTx(txn, from, to)
	if err != nil {
		return nil, err
	}
	sp, ok := t.Span(snap.Zone(t.PersonID))
	if !ok {
		return nil, nil
	}
	var out []string
	for _, x := range AllShifts(snap, sp[0], sp[1]) {
		if x.ReplacedPersonID == t.PersonID && (x.Reason == ReasonReplacement || x.Gap) && x.Piece == 0 {
			r, _ := snap.Rotation(x.RotationID)
			who := snap.Name(x.PersonID) + " covers"
			if x.Gap {
				who = "nobody is available: a coverage gap"
			}
			out = append(out, fmt.Sprintf("%s was on call for %s from %s; %s.", snap.Name(t.PersonID), r.Name, zoned(x.Start, snap.Zone(t.PersonID)), who))
		}
		if x.PersonID == t.PersonID && x.Unavailable {
			r, _ := snap.Rotation(x.RotationID)
			out = append(out, fmt.Sprintf("%s still covers %s from %s by %s.", snap.Name(t.PersonID), r.Name, zoned(x.Start, snap.Zone(t.PersonID)), x.Reason))
		}
	}
	return out, nil
}

// zoned is an instant as a message says it: in the person's zone, named,
// since the reader may be elsewhere ("Mon 7 Dec 10:00 Berlin time").
func zoned(t time.Time, loc *time.Location) string {
	name := loc.String()
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	return t.In(loc).Format("Mon 2 Jan 15:04") + " " + strings.ReplaceAll(name, "_", " ") + " time"
}

// DeleteTimeOff removes a time-off entry.
func (s *Service) DeleteTimeOff(u id.ID) error {
	return errs.Wrap("oncall.DeleteTimeOff", s.st.Update(func(txn *badger.Txn) error { return TimeOffs.Delete(txn, u) }))
}
