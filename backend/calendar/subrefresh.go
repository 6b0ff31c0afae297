package calendar

import (
	"context"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
)

// Refresh fetches a subscription and, when the user has applied it before,
// applies what changed (new, updated and removed entries, by UID). A
// subscription never applied only gets its preview: the first import is
// the user's to confirm.
func (s *Service) Refresh(ctx context.Context, u id.ID) (*FetchResult, error) {
	res, err := s.Fetch(ctx, u)
	if err != nil || res.Subscription.LastAppliedAt.IsZero() {
		return res, err
	}
	p := res.Preview
	if p.New+p.Updated+p.Removed == 0 {
		res.Applied = &ApplyResult{Unchanged: p.Unchanged}
		return res, nil
	}
	ar, err := s.Apply(p)
	if err != nil {
		return nil, err
	}
	res.Applied = &ar
	if sub, err := s.Subscription(u); err == nil {
		res.Subscription = sub
	}
	return res, nil
}

// RefreshOutcome is what a scheduled refresh did to one subscription.
type RefreshOutcome struct {
	ID      id.ID
	Name    string
	Applied *ApplyResult // nil when it failed
	Err     error
}

// Changed reports whether the refresh wrote anything.
func (o RefreshOutcome) Changed() bool {
	return o.Applied != nil && o.Applied.Added+o.Applied.Updated+o.Applied.Removed > 0
}

// RefreshDue refreshes, one after the other, the subscriptions whose
// schedule is due (Subscription.Due). Subscriptions refreshed manually
// only are never fetched here. Failures are recorded on each subscription
// and returned in its outcome.
func (s *Service) RefreshDue(ctx context.Context) ([]RefreshOutcome, error) {
	subs, err := s.Subscriptions()
	if err != nil {
		return nil, err
	}
	now := s.clock.Now()
	var out []RefreshOutcome
	for _, sub := range subs {
		if !sub.Due(now) {
			continue
		}
		if ctx.Err() != nil {
			break
		}
		o := RefreshOutcome{ID: sub.ID, Name: sub.Name}
		res, err := s.Refresh(ctx, sub.ID)
		if err != nil {
			o.Err = err
		} else {
			o.Applied = res.Applied
		}
		out = append(out, o)
	}
	return out, nil
}

// markAppliedTx records that a preview of a subscription was applied.
func markAppliedTx(txn *badger.Txn, p *Preview, now time.Time) error {
	if p.Subscription.IsZero() {
		return nil
	}
	x, err := Subscriptions.Get(txn, p.Subscription)
	if errs.Is(err, errs.NotFound) {
		return nil // deleted meanwhile: the import stands on its own
	} else if err != nil {
		return err
	}
	x.LastAppliedAt = now
	return Subscriptions.Put(txn, &x)
}
