package app

import (
	"context"
	"strings"

	"wheelhouse/backend/calendar"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
)

// Calendar subscriptions: holiday and time-off calendars imported from a
// URL (backend/calendar/subscribe.go).

// SubscriptionInput is what the subscription form sends. Target.RegionName
// creates a holiday region of that name when no regionId is given.
type SubscriptionInput struct {
	ID      string          `json:"id"`
	Name    string          `json:"name"`
	URL     string          `json:"url"`
	Refresh string          `json:"refresh"` // manual | daily | weekly
	Target  ImportTargetDTO `json:"target"`
}

// SubscriptionDTO is a subscription as the UI lists it.
type SubscriptionDTO struct {
	ID            string          `json:"id"`
	Name          string          `json:"name"`
	URL           string          `json:"url"`
	Refresh       string          `json:"refresh"`
	Target        ImportTargetDTO `json:"target"`
	CreatedAt     string          `json:"createdAt"`
	LastAttemptAt string          `json:"lastAttemptAt"`
	LastFetchedAt string          `json:"lastFetchedAt"`
	LastAppliedAt string          `json:"lastAppliedAt"`
	LastError     string          `json:"lastError"`
	CachedBytes   int64           `json:"cachedBytes"`
	CachedAt      string          `json:"cachedAt"` // when the cached copy was downloaded
}

// SubscriptionFetchDTO is what Fetch now did: either a preview awaiting
// ApplyImport(token) (a subscription never applied), or the changes it
// applied.
type SubscriptionFetchDTO struct {
	Subscription SubscriptionDTO       `json:"subscription"`
	NotModified  bool                  `json:"notModified"`
	Token        string                `json:"token"`   // set with Preview
	Preview      *calendar.Preview     `json:"preview"` // nil when applied
	Applied      *calendar.ApplyResult `json:"applied"` // nil when the preview awaits the user
}

func subscriptionDTO(s calendar.Subscription) SubscriptionDTO {
	return SubscriptionDTO{ID: s.ID.String(), Name: s.Name, URL: s.URL, Refresh: s.Refresh,
		Target: ImportTargetDTO{Kind: s.Target.Kind, RegionID: str(s.Target.RegionID), PersonID: str(s.Target.PersonID),
			TimeOffKind: string(s.Target.TimeOffKind), Calendar: s.Target.Calendar},
		CreatedAt: ts(s.CreatedAt), LastAttemptAt: ts(s.LastAttemptAt), LastFetchedAt: ts(s.LastFetchedAt),
		LastAppliedAt: ts(s.LastAppliedAt), LastError: s.LastError, CachedBytes: s.Cache.Bytes, CachedAt: ts(s.Cache.FetchedAt)}
}

// Subscriptions lists the calendar subscriptions.
func (a *CalendarAPI) Subscriptions() ([]SubscriptionDTO, error) {
	ws, err := a.s.workspace()
	if err != nil {
		return nil, toAPI(a.s.log, "calendar.Subscriptions", err)
	}
	subs, err := ws.Calendar.Subscriptions()
	out := make([]SubscriptionDTO, 0, len(subs))
	for _, s := range subs {
		out = append(out, subscriptionDTO(s))
	}
	return out, toAPI(a.s.log, "calendar.Subscriptions", err)
}

// SaveSubscription creates (empty id) or updates a subscription (name,
// address, schedule). Nothing is fetched: use FetchSubscription.
func (a *CalendarAPI) SaveSubscription(in SubscriptionInput) (SubscriptionDTO, error) {
	const op = "calendar.SaveSubscription"
	ws, err := a.s.workspace()
	if err != nil {
		return SubscriptionDTO{}, toAPI(a.s.log, op, err)
	}
	sub := calendar.Subscription{Name: in.Name, URL: in.URL, Refresh: in.Refresh}
	if sub.ID, err = parseID("id", in.ID); err != nil {
		return SubscriptionDTO{}, toAPI(a.s.log, op, err)
	}
	t := in.Target
	sub.Target = calendar.Target{Kind: t.Kind, TimeOffKind: oncallKind(t.TimeOffKind)}
	if sub.Target.RegionID, err = parseID("regionId", t.RegionID); err == nil {
		sub.Target.PersonID, err = parseID("personId", t.PersonID)
	}
	if err != nil {
		return SubscriptionDTO{}, toAPI(a.s.log, op, err)
	}
	if sub.ID.IsZero() && t.Kind == calendar.TargetHolidays && sub.Target.RegionID.IsZero() && strings.TrimSpace(t.RegionName) != "" {
		// Check the rest first: a refused subscription must not leave an empty region behind.
		probe := sub
		probe.Normalize()
		probe.Target.RegionID = id.New(a.s.clock.Now()) // stands for the region about to be made
		if err := probe.Validate(); err != nil {
			return SubscriptionDTO{}, toAPI(a.s.log, op, err)
		}
		r, err := a.ensureRegion(strings.TrimSpace(t.RegionName))
		if err != nil {
			return SubscriptionDTO{}, toAPI(a.s.log, op, errs.Wrap(op, fieldAs(err, "regionName")))
		}
		sub.Target.RegionID = r.id
	}
	out, err := ws.Calendar.SaveSubscription(sub)
	if err != nil {
		return SubscriptionDTO{}, toAPI(a.s.log, op, err)
	}
	return subscriptionDTO(out), nil
}

// fieldAs puts a region's name error on the form's field.
func fieldAs(err error, field string) error {
	if fs := errs.FieldsOf(err); len(fs) > 0 && errs.Is(err, errs.Invalid) {
		return errs.FieldErr(field, "%s", fs[0].Message)
	}
	return err
}

// DeleteSubscription removes a subscription and its cached copy; what it
// imported stays.
func (a *CalendarAPI) DeleteSubscription(subscriptionID string) error {
	ws, err := a.s.workspace()
	if err != nil {
		return toAPI(a.s.log, "calendar.DeleteSubscription", err)
	}
	u, err := parseID("id", subscriptionID)
	if err == nil {
		err = ws.Calendar.DeleteSubscription(u)
	}
	return toAPI(a.s.log, "calendar.DeleteSubscription", err)
}

// FetchSubscription fetches a subscription now. The first time (never
// applied) it returns a preview to apply with ApplyImport(token), like a
// file; afterwards it applies what changed and says so. A failure changes
// nothing but the subscription's last error.
func (a *CalendarAPI) FetchSubscription(subscriptionID string) (SubscriptionFetchDTO, error) {
	const op = "calendar.FetchSubscription"
	ws, err := a.s.workspace()
	if err != nil {
		return SubscriptionFetchDTO{}, toAPI(a.s.log, op, err)
	}
	u, err := parseID("id", subscriptionID)
	if err != nil {
		return SubscriptionFetchDTO{}, toAPI(a.s.log, op, err)
	}
	res, err := ws.Calendar.Refresh(context.Background(), u)
	if err != nil {
		return SubscriptionFetchDTO{}, toAPI(a.s.log, op, err)
	}
	out := SubscriptionFetchDTO{Subscription: subscriptionDTO(res.Subscription), NotModified: res.NotModified, Applied: res.Applied}
	if res.Applied == nil {
		out.Preview, out.Token = res.Preview, a.s.previews.put(res.Preview)
	} else if res.Applied.Added+res.Applied.Updated+res.Applied.Removed > 0 {
		a.s.afterChange()
	}
	return out, nil
}
