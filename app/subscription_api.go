package app

import (
	"context"
	"strings"

	"wheelhouse/backend/calendar"
	"wheelhouse/backend/id"
	"wheelhouse/backend/workspace"
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
	// Source: "" (an iCalendar address) or "caldav" (a CalDAV calendar,
	// or a server to find the account's one calendar). User, Password and
	// TrustSHA256 are CalDAV's; an empty password keeps the stored one.
	Source      string `json:"source"`
	User        string `json:"user"`
	Password    string `json:"password"`
	TrustSHA256 string `json:"trustSha256"`
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
	Source        string          `json:"source"`   // "" or "caldav"
	User          string          `json:"user"`
	TrustSHA256   string          `json:"trustSha256"`
	// PasswordIn: "keyring", "workspace" or "" (none); never the password.
	PasswordIn string `json:"passwordIn"`
	// UntrustedCertificate: the last fetch was refused by a certificate
	// this computer does not trust; its SHA-256, to trust explicitly.
	UntrustedCertificate string `json:"untrustedCertificate"`
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
		LastAppliedAt: ts(s.LastAppliedAt), LastError: s.LastError, CachedBytes: s.Cache.Bytes, CachedAt: ts(s.Cache.FetchedAt),
		Source: s.Source, User: s.User, TrustSHA256: s.TrustSHA256, PasswordIn: s.PasswordIn,
		UntrustedCertificate: untrustedCertificate(s.LastError)}
}

// Subscriptions lists the calendar subscriptions.
func (a *CalendarAPI) Subscriptions() ([]SubscriptionDTO, error) {
	return read(a.s, "calendar.Subscriptions", func(w *workspace.Workspace) ([]SubscriptionDTO, error) {
		subs, err := w.Calendar.Subscriptions()
		return each(subs, subscriptionDTO), err
	})
}

// SaveSubscription creates (empty id) or updates a subscription (name,
// address, schedule). Nothing is fetched: use FetchSubscription. A holiday
// region named but not yet made (target.regionName) is made once the rest
// is valid.
func (a *CalendarAPI) SaveSubscription(in SubscriptionInput) (SubscriptionDTO, error) {
	return write(a.s, "calendar.SaveSubscription", func(w *workspace.Workspace) (SubscriptionDTO, error) {
		sub := calendar.Subscription{Name: in.Name, URL: in.URL, Refresh: in.Refresh, Source: in.Source, User: in.User,
			Password: in.Password, TrustSHA256: strings.TrimSpace(in.TrustSHA256)}
		var err error
		if sub.ID, err = parseID("id", in.ID); err == nil {
			sub.Target, err = in.Target.target()
		}
		if err == nil {
			sub, err = a.s.subscriber(w).SaveSubscriptionInto(sub, in.Target.RegionName)
		}
		return subscriptionDTO(sub), err
	})
}

// DeleteSubscription removes a subscription and its cached copy; what it
// imported stays.
func (a *CalendarAPI) DeleteSubscription(subscriptionID string) error {
	return change(a.s, "calendar.DeleteSubscription", func(w *workspace.Workspace) error {
		return byID("id", subscriptionID, a.s.subscriber(w).DeleteSubscription)
	})
}

// FetchSubscription fetches a subscription now. The first time (never
// applied) it returns a preview to apply with ApplyImport(token), like a
// file; afterwards it applies what changed and says so. A failure changes
// nothing but the subscription's last error.
func (a *CalendarAPI) FetchSubscription(subscriptionID string) (SubscriptionFetchDTO, error) {
	return read(a.s, "calendar.FetchSubscription", func(w *workspace.Workspace) (SubscriptionFetchDTO, error) {
		res, err := withID("id", subscriptionID, func(u id.ID) (*calendar.FetchResult, error) {
			return a.s.subscriber(w).Refresh(context.Background(), u)
		})
		if err != nil {
			return SubscriptionFetchDTO{}, err
		}
		out := SubscriptionFetchDTO{Subscription: subscriptionDTO(res.Subscription), NotModified: res.NotModified, Applied: res.Applied}
		if res.Applied == nil {
			out.Preview, out.Token = res.Preview, a.s.previews.Put(res.Preview)
		} else if res.Applied.Added+res.Applied.Updated+res.Applied.Removed > 0 {
			a.s.afterChange() // a write when it changed something
		}
		return out, nil
	})
}
