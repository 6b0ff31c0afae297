package calendar

import (
	"sort"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// checkSubscriptionTx checks a subscription against what is stored: its
// target exists and no other subscription of the same target uses its
// calendar name.
func checkSubscriptionTx(txn *badger.Txn, s *Subscription) error {
	switch s.Target.Kind {
	case TargetHolidays:
		if _, err := oncall.Regions.Get(txn, s.Target.RegionID); errs.Is(err, errs.NotFound) {
			return errs.FieldErr("regionId", "The holiday region does not exist (any more).")
		} else if err != nil {
			return err
		}
	case TargetTimeOff:
		if _, err := people.Persons.Get(txn, s.Target.PersonID); errs.Is(err, errs.NotFound) {
			return errs.FieldErr("personId", "The person does not exist (any more).")
		} else if err != nil {
			return err
		}
	}
	for _, u := range store.Lookup(txn, store.IdxCalSubTarget, store.Term(s.Target.targetRef())) {
		if u == s.ID {
			continue
		}
		o, err := Subscriptions.Get(txn, u)
		if err != nil {
			return err
		}
		if o.Target.Kind == s.Target.Kind && store.Fold(o.Target.Calendar) == store.Fold(s.Target.Calendar) {
			return errs.FieldErr("name", "Another subscription into the same place is already called %s; choose another name.", o.Target.Calendar)
		}
	}
	return nil
}

// SaveSubscription creates (zero ID) or updates a subscription. Nothing is
// fetched. On update the name, address and schedule may change; the target
// and the calendar name stay. A new address forgets the cached copy.
func (s *Service) SaveSubscription(sub Subscription) (Subscription, error) {
	now := s.clock.Now().UTC()
	err := s.st.Update(func(txn *badger.Txn) error {
		isNew := sub.ID.IsZero()
		var old Subscription
		if !isNew {
			var err error
			if old, err = Subscriptions.Get(txn, sub.ID); err != nil {
				return err
			}
			// What the user cannot change, and the fetch status.
			upd := old
			upd.Name, upd.URL, upd.Refresh = sub.Name, sub.URL, sub.Refresh
			sub = upd
		} else {
			sub.LastAttemptAt, sub.LastFetchedAt, sub.LastAppliedAt, sub.LastError = time.Time{}, time.Time{}, time.Time{}, ""
			sub.Cache = SubscriptionCache{}
			if Subscriptions.Count(txn) >= MaxSubscriptions {
				return errs.E(errs.Invalid, "A workspace holds at most %d calendar subscriptions.", MaxSubscriptions)
			}
		}
		if err := store.Stamp(txn, Subscriptions, &sub, now); err != nil {
			return err
		}
		sub.Normalize()
		if isNew && sub.Target.Calendar == "" {
			sub.Target.Calendar = clip(sub.Name, 200)
		}
		if err := sub.Validate(); err != nil {
			return err
		}
		if err := checkSubscriptionTx(txn, &sub); err != nil {
			return err
		}
		if !isNew && old.URL != sub.URL && !old.Cache.Gen.IsZero() {
			sub.Cache = SubscriptionCache{}
			if err := deleteCacheTx(txn, sub.ID, id.Nil); err != nil {
				return err
			}
		}
		return Subscriptions.Put(txn, &sub)
	})
	return sub, errs.Wrap("calendar.SaveSubscription", err)
}

// Subscriptions lists the calendar subscriptions by name.
func (s *Service) Subscriptions() ([]Subscription, error) {
	var out []Subscription
	err := s.st.View(func(txn *badger.Txn) (err error) {
		out, err = Subscriptions.List(txn)
		return err
	})
	sort.SliceStable(out, func(i, j int) bool { return store.Fold(out[i].Name) < store.Fold(out[j].Name) })
	if out == nil {
		out = []Subscription{}
	}
	return out, errs.Wrap("calendar.Subscriptions", err)
}

// Subscription reads one subscription.
func (s *Service) Subscription(u id.ID) (sub Subscription, err error) {
	err = s.st.View(func(txn *badger.Txn) (err error) {
		sub, err = Subscriptions.Get(txn, u)
		return err
	})
	return sub, errs.Wrap("calendar.Subscription", err)
}

// DeleteSubscription removes a subscription and its cached copy. What it
// imported stays (delete holidays or time off where they are listed).
func (s *Service) DeleteSubscription(u id.ID) error {
	return errs.Wrap("calendar.DeleteSubscription", s.st.Update(func(txn *badger.Txn) error {
		return deleteSubscriptionTx(txn, u)
	}))
}

func deleteSubscriptionTx(txn *badger.Txn, u id.ID) error {
	if err := Subscriptions.Delete(txn, u); err != nil {
		return err
	}
	return deleteCacheTx(txn, u, id.Nil)
}
