package calendar

import (
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// ---- the workspace file

// ExportSubscriptions are the subscriptions as the workspace file holds
// them: without the machine-local cache and never with a CalDAV password
// (one kept in the workspace is left out and the file says none is kept;
// one in the OS keyring stays there, under the subscription's id).
func ExportSubscriptions(txn *badger.Txn) ([]Subscription, error) {
	out, err := Subscriptions.List(txn)
	for i := range out {
		out[i].Cache = SubscriptionCache{}
		forgetPassword(&out[i])
	}
	if out == nil {
		out = []Subscription{}
	}
	return out, err
}

// CheckSubscriptions normalizes and validates the subscriptions of a
// workspace file: claim registers an id, add and addErr report problems,
// region and person say whether an id exists in the file.
func CheckSubscriptions(subs []Subscription, claim func(where string, u id.ID), add func(where, format string, a ...any),
	addErr func(where string, err error), region, person func(id.ID) bool) {
	if len(subs) > MaxSubscriptions {
		add("calendarSubscriptions", "at most %d subscriptions", MaxSubscriptions)
	}
	f := store.File{Claim: claim, Add: add, AddErr: addErr}
	seen := map[string]string{}
	for i := range subs {
		s := &subs[i]
		where := fmt.Sprintf("calendarSubscriptions[%d] %q", i, s.Name)
		claim(where, s.ID)
		s.Cache = SubscriptionCache{}
		forgetPassword(s) // a file never brings a password in
		s.Normalize()
		if s.Target.Calendar == "" {
			s.Target.Calendar = clip(s.Name, 200)
		}
		addErr(where, s.Validate())
		switch s.Target.Kind {
		case TargetHolidays:
			f.Ref(where, "target.regionId", "holiday region", s.Target.RegionID, region)
		case TargetTimeOff:
			f.Ref(where, "target.personId", "person", s.Target.PersonID, person)
		}
		k := s.Target.Kind + "|" + s.Target.targetRef().String() + "|" + store.Fold(s.Target.Calendar)
		if other, dup := seen[k]; dup {
			add(where+" target.calendar", "%s imports the same calendar name into the same place", other)
		}
		seen[k] = where
	}
}

// SubscriptionOps are the writes that store checked subscriptions.
func SubscriptionOps(subs []Subscription) []store.Op {
	return Subscriptions.PutOps(subs)
}

// forgetPassword leaves a password kept in the record out.
func forgetPassword(s *Subscription) {
	s.Password = ""
	if s.PasswordIn == PasswordWorkspace {
		s.PasswordIn = PasswordNone
	}
}
