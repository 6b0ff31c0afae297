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
// fetched. On update the name, address, source, CalDAV user and pinned
// certificate and the schedule may change; the target and the calendar
// name stay. Another address, source or user forgets the cached copy. A
// CalDAV password (sub.Password; "" keeps the stored one) goes to the OS
// keyring when there is one (Secrets), else into the record, like a
// publication's (backend/publish).
func (s *Service) SaveSubscription(sub Subscription) (Subscription, error) {
	now := s.clock.Now().UTC()
	newPW := sub.Password
	var dropKey string // a keyring entry no longer used
	err := s.st.Update(func(txn *badger.Txn) error {
		dropKey = ""
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
			upd.Source, upd.User, upd.TrustSHA256 = sub.Source, sub.User, sub.TrustSHA256
			sub = upd
		} else {
			sub.LastAttemptAt, sub.LastFetchedAt, sub.LastAppliedAt, sub.LastError = time.Time{}, time.Time{}, time.Time{}, ""
			sub.Cache = SubscriptionCache{}
			sub.PasswordIn, sub.Password = PasswordNone, ""
			if Subscriptions.Count(txn) >= MaxSubscriptions {
				return errs.E(errs.Invalid, "A workspace holds at most %d calendar subscriptions.", MaxSubscriptions)
			}
		}
		if err := store.Stamp(txn, Subscriptions, &sub, now); err != nil {
			return err
		}
		if newPW != "" {
			sub.Password = newPW // validated with the rest
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
		if !isNew && (old.URL != sub.URL || old.Source != sub.Source || old.User != sub.User) && !old.Cache.Gen.IsZero() {
			sub.Cache = SubscriptionCache{}
			if err := deleteCacheTx(txn, sub.ID, id.Nil); err != nil {
				return err
			}
		}
		switch {
		case sub.Source == SourceCalDAV && newPW != "":
			sub.PasswordIn, sub.Password = PasswordWorkspace, newPW
			if s.Secrets != nil {
				if err := s.Secrets.Set(subKeyringKey(sub.ID), newPW); err == nil {
					sub.PasswordIn, sub.Password = PasswordKeyring, ""
				} else {
					s.log.Info("no OS keyring: the subscription's password stays in the workspace", "err", err)
				}
			}
		case sub.Source == SourceCalDAV:
			sub.PasswordIn, sub.Password = old.PasswordIn, old.Password
		}
		if old.PasswordIn == PasswordKeyring && sub.PasswordIn != PasswordKeyring {
			dropKey = subKeyringKey(sub.ID)
		}
		return Subscriptions.Put(txn, &sub)
	})
	if err == nil && dropKey != "" {
		s.dropSecret(dropKey)
	}
	sub.Password = ""
	return sub, errs.Wrap("calendar.SaveSubscription", err)
}

// Secrets keeps CalDAV passwords outside the workspace (the OS keyring;
// publish.Keyring is one).
type Secrets interface {
	Set(key, password string) error
	Get(key string) (string, error)
	Delete(key string) error
}

// subKeyringKey names a subscription's password in the keyring (service
// "Wheelhouse CalDAV", next to the publications' "caldav-publication-…").
func subKeyringKey(u id.ID) string { return "caldav-subscription-" + u.String() }

func (s *Service) dropSecret(key string) {
	if s.Secrets == nil {
		return
	}
	if err := s.Secrets.Delete(key); err != nil {
		s.log.Info("keyring entry not removed", "err", err)
	}
}

// subPassword finds a CalDAV subscription's password.
func (s *Service) subPassword(sub *Subscription) (string, error) {
	switch sub.PasswordIn {
	case PasswordWorkspace:
		return sub.Password, nil
	case PasswordKeyring:
		if s.Secrets == nil {
			return "", errs.FieldErr("password", "The password of %q is in the OS keyring, which cannot be reached now: enter it again.", sub.Name)
		}
		pw, err := s.Secrets.Get(subKeyringKey(sub.ID))
		if err != nil {
			return "", &errs.Error{Code: errs.Invalid, Field: "password", Err: err,
				Message: "The password of \"" + sub.Name + "\" is not in the OS keyring (locked or removed?): enter it again."}
		}
		return pw, nil
	}
	return "", nil
}

// Subscriptions lists the calendar subscriptions by name.
func (s *Service) Subscriptions() ([]Subscription, error) {
	var out []Subscription
	err := s.st.View(func(txn *badger.Txn) (err error) {
		out, err = Subscriptions.List(txn)
		return err
	})
	for i := range out {
		out[i].Password = ""
	}
	sort.SliceStable(out, func(i, j int) bool { return store.Fold(out[i].Name) < store.Fold(out[j].Name) })
	if out == nil {
		out = []Subscription{}
	}
	return out, errs.Wrap("calendar.Subscriptions", err)
}

// Subscription reads one subscription (its password left out).
func (s *Service) Subscription(u id.ID) (sub Subscription, err error) {
	sub, err = s.subscription(u)
	sub.Password = ""
	return sub, err
}

// subscription reads one subscription as stored.
func (s *Service) subscription(u id.ID) (sub Subscription, err error) {
	err = s.st.View(func(txn *badger.Txn) (err error) {
		sub, err = Subscriptions.Get(txn, u)
		return err
	})
	return sub, errs.Wrap("calendar.Subscription", err)
}

// DeleteSubscription removes a subscription, its cached copy and its
// keyring entry. What it imported stays (delete holidays or time off where
// they are listed).
func (s *Service) DeleteSubscription(u id.ID) error {
	var inKeyring bool
	err := s.st.Update(func(txn *badger.Txn) error {
		if sub, err := Subscriptions.Get(txn, u); err == nil {
			inKeyring = sub.PasswordIn == PasswordKeyring
		}
		return deleteSubscriptionTx(txn, u)
	})
	if err == nil && inKeyring {
		s.dropSecret(subKeyringKey(u))
	}
	return errs.Wrap("calendar.DeleteSubscription", err)
}

func deleteSubscriptionTx(txn *badger.Txn, u id.ID) error {
	if err := Subscriptions.Delete(txn, u); err != nil {
		return err
	}
	return deleteCacheTx(txn, u, id.Nil)
}
