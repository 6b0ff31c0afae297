package calendar

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"wheelhouse/backend/caldav"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/store"
)

// Calendar subscriptions: a holiday or time-off calendar imported from a
// URL (an iCalendar file) or read from a CalDAV collection. It is fetched only when the user asks (Fetch now) or on the schedule
// they set (daily, weekly); the fetched body is cached in the database so a
// preview, and everything imported from it, works offline. The first import
// of a subscription always goes through a preview the user applies; later
// fetches apply what changed by UID, like re-importing a file.

// Refresh schedules of a subscription.
const (
	RefreshManual = "manual" // only when the user asks
	RefreshDaily  = "daily"
	RefreshWeekly = "weekly"
)

// Sources of a subscription.
const (
	SourceURL    = ""       // an iCalendar (.ics) address, downloaded whole
	SourceCalDAV = "caldav" // a CalDAV collection, read with REPORT calendar-query (subcaldav.go)
)

// Where a CalDAV subscription's password is kept (the same places as a
// publication's, backend/publish).
const (
	PasswordNone      = ""          // none (a server without authentication)
	PasswordKeyring   = "keyring"   // the OS keyring (Secret Service, Keychain, Credential Manager)
	PasswordWorkspace = "workspace" // inside the database: encrypted only if the workspace is
)

// Fetch limits and timing.
const (
	// DefaultFetchTimeout bounds a whole fetch: connecting, the answer and
	// reading the body.
	DefaultFetchTimeout = 30 * time.Second
	// RetryAfter is how long a scheduled refresh waits after a failed fetch
	// before it tries again (an offline laptop does not retry every minute).
	RetryAfter = time.Hour
	// MaxURL bounds a subscription's address.
	MaxURL = 2048
	// MaxSubscriptions bounds the subscriptions of a workspace.
	MaxSubscriptions = 200
	maxRedirects     = 5
	cacheChunk       = 1 << 20 // bytes of the cached body per key
)

// Subscription is a calendar imported from a URL into a holiday region or a
// person's time off.
type Subscription struct {
	ID   id.ID  `json:"id" ts_type:"string"`
	Name string `json:"name"` // a label; free to change
	URL  string `json:"url"`  // http or https (webcal:// is read as https://)
	// Source is "" for an iCalendar address, "caldav" for a CalDAV
	// collection (URL: the collection, or a server or account to discover
	// its one calendar).
	Source string `json:"source,omitempty"`
	// User, TrustSHA256, PasswordIn: CalDAV only. The password itself is in
	// the OS keyring (PasswordIn "keyring") or, without one, in Password
	// (PasswordIn "workspace"); it is never returned by Subscriptions and
	// Subscription and never part of the workspace file (ExportSubscriptions).
	User        string `json:"user,omitempty"`
	TrustSHA256 string `json:"trustSha256,omitempty"` // the pinned certificate (hex SHA-256 of the leaf)
	PasswordIn  string `json:"passwordIn,omitempty"`
	Password    string `json:"password,omitempty"`
	// Target says where the events go. Target.Calendar is the calendar name
	// the imported entries carry: fixed when the subscription is created (it
	// is the first name), so renaming the subscription does not duplicate
	// them; a file import of the same calendar name into the same target is
	// the same calendar.
	Target    Target    `json:"target"`
	Refresh   string    `json:"refresh"` // manual | daily | weekly
	CreatedAt time.Time `json:"createdAt" ts_type:"string"`
	UpdatedAt time.Time `json:"updatedAt" ts_type:"string"`
	// LastAttemptAt is the last fetch, whatever its outcome; LastFetchedAt
	// the last one that got a calendar (200) or confirmed the cached one (304).
	LastAttemptAt time.Time `json:"lastAttemptAt,omitzero" ts_type:"string"`
	LastFetchedAt time.Time `json:"lastFetchedAt,omitzero" ts_type:"string"`
	LastError     string    `json:"lastError,omitempty"` // of the last attempt; "" when it worked
	// LastAppliedAt is when fetched events were last written. Zero: never;
	// the first import waits for the user to apply a preview, and scheduled
	// refreshes only run after that.
	LastAppliedAt time.Time `json:"lastAppliedAt,omitzero" ts_type:"string"`
	// Cache describes the cached body. Machine-local: not part of the
	// workspace file.
	Cache SubscriptionCache `json:"cache,omitzero"`
}

// SubscriptionCache describes a subscription's cached body.
type SubscriptionCache struct {
	Gen          id.ID     `json:"gen,omitzero" ts_type:"string"` // the chunks' generation (zero: nothing cached)
	Bytes        int64     `json:"bytes,omitempty"`
	SHA256       string    `json:"sha256,omitempty"`
	FetchedAt    time.Time `json:"fetchedAt,omitzero" ts_type:"string"` // when this body was downloaded (200)
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"lastModified,omitempty"`
	ContentType  string    `json:"contentType,omitempty"`
}

// Stamps implements store.Stamped.
func (s *Subscription) Stamps() (*id.ID, *time.Time, *time.Time) {
	return &s.ID, &s.CreatedAt, &s.UpdatedAt
}

// targetRef is the region or person a target points at.
func (t Target) targetRef() id.ID {
	if t.Kind == TargetHolidays {
		return t.RegionID
	}
	return t.PersonID
}

// Subscriptions is the subscription table; the target index finds the
// subscriptions of a region or person (deletes, duplicate names).
var Subscriptions = &store.Table[Subscription]{
	Name: "calendar subscription", Prefix: store.PrefixCalSubscription,
	ID: func(s *Subscription) id.ID { return s.ID },
	Indexes: []store.Index[Subscription]{
		{Prefix: store.IdxCalSubTarget, Terms: func(s *Subscription) [][]byte {
			if u := s.Target.targetRef(); !u.IsZero() {
				return [][]byte{store.Term(u)}
			}
			return nil
		}},
	},
}

// NormalizeURL checks a subscription address and returns it cleaned up:
// http and https only (webcal:// as https://), with a host, no fragment.
func NormalizeURL(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", errs.FieldErr("url", "Enter the calendar's address (https://…).")
	}
	if len(raw) > MaxURL {
		return "", errs.FieldErr("url", "The address is too long (at most %d characters).", MaxURL)
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" {
		return "", errs.FieldErr("url", "That is not a web address; it should start with https:// or http://.")
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		u.Scheme = strings.ToLower(u.Scheme)
	case "webcal", "webcals":
		u.Scheme = "https" // what calendar apps do with webcal:// links
	default:
		return "", errs.FieldErr("url", "Only http:// and https:// addresses can be fetched (not %s:).", clip(u.Scheme, 20))
	}
	if u.Hostname() == "" {
		return "", errs.FieldErr("url", "The address has no server name.")
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return "", errs.FieldErr("url", "The port %s is not a port number.", clip(p, 10))
		}
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String(), nil
}

// defaultName names a subscription after its address: the host and the
// file name (without .ics) when it says something.
func defaultName(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "Subscribed calendar"
	}
	name := u.Hostname()
	base := u.Path
	if i := strings.LastIndex(base, "/"); i >= 0 {
		base = base[i+1:]
	}
	if un, err := url.PathUnescape(base); err == nil {
		base = un
	}
	base = strings.TrimSuffix(strings.TrimSuffix(base, ".ics"), ".ical")
	if base != "" && base != "basic" && base != "calendar" && len(base) <= 60 {
		name += " " + base
	}
	return clipRunes(name, oncall.MaxName)
}

// Normalize trims the subscription and fills in defaults.
func (s *Subscription) Normalize() {
	s.Name = strings.TrimSpace(s.Name)
	s.URL = strings.TrimSpace(s.URL)
	if u, err := NormalizeURL(s.URL); err == nil {
		s.URL = u
	}
	s.Refresh = strings.ToLower(strings.TrimSpace(s.Refresh))
	if s.Refresh == "" {
		s.Refresh = RefreshManual
	}
	s.Source = strings.ToLower(strings.TrimSpace(s.Source))
	s.User = strings.TrimSpace(s.User)
	s.TrustSHA256 = strings.TrimSpace(s.TrustSHA256)
	if s.Source != SourceCalDAV {
		s.User, s.TrustSHA256, s.PasswordIn, s.Password = "", "", PasswordNone, ""
	}
	if s.Name == "" && s.URL != "" {
		if s.Source == SourceCalDAV {
			s.Name = defaultName(strings.TrimRight(s.URL, "/"))
		} else {
			s.Name = defaultName(s.URL)
		}
	}
	s.Target.Calendar = strings.TrimSpace(s.Target.Calendar)
	if s.Target.Kind == TargetTimeOff && s.Target.TimeOffKind == "" {
		s.Target.TimeOffKind = oncall.KindVacation
	}
	if s.Target.Kind == TargetHolidays {
		s.Target.PersonID, s.Target.TimeOffKind = id.Nil, ""
	} else if s.Target.Kind == TargetTimeOff {
		s.Target.RegionID = id.Nil
	}
}

// Validate checks the fields of a normalized subscription (not whether its
// target exists).
func (s *Subscription) Validate() error {
	var c errs.Collector
	if _, err := NormalizeURL(s.URL); err != nil {
		c.Add("url", "%s", errs.MessageOf(err))
	}
	switch s.Source {
	case SourceURL:
	case SourceCalDAV:
		if u, err := url.Parse(s.URL); err == nil && u.User != nil {
			c.Add("url", "Put the user name and password in their fields, not in the address.")
		}
		c.MaxLen("user", "User", s.User, 256)
		c.MaxLen("password", "Password", s.Password, 1024)
		if s.TrustSHA256 != "" {
			if _, err := caldav.ParseFingerprint(s.TrustSHA256); err != nil {
				c.Add("trustSha256", "%s", errs.MessageOf(err))
			}
		}
	default:
		c.Add("source", "A subscription reads an iCalendar address or a CalDAV calendar.")
	}
	if s.Name == "" {
		c.Add("name", "Give the subscription a name.")
	} else if len([]rune(s.Name)) > oncall.MaxName {
		c.Add("name", "Name is too long (at most %d characters).", oncall.MaxName)
	}
	switch s.Refresh {
	case RefreshManual, RefreshDaily, RefreshWeekly:
	default:
		c.Add("refresh", "Refresh manually, daily or weekly.")
	}
	t := s.Target
	if err := c.Merge("", checkTarget(&t)); err != nil {
		return err
	}
	if len([]rune(s.Target.Calendar)) > 200 {
		c.Add("calendar", "The calendar name is too long (at most 200 characters).")
	}
	return c.Err()
}

// Interval is how often a scheduled subscription is refreshed (0: manual).
func (s *Subscription) Interval() time.Duration {
	switch s.Refresh {
	case RefreshDaily:
		return 24 * time.Hour
	case RefreshWeekly:
		return 7 * 24 * time.Hour
	}
	return 0
}

// Due reports whether a scheduled refresh should fetch the subscription at
// now: it has a schedule, the user applied it once, the last good fetch is
// an interval old and the last failed one an hour.
func (s *Subscription) Due(now time.Time) bool {
	every := s.Interval()
	switch {
	case every == 0, s.LastAppliedAt.IsZero():
		return false
	case !s.LastFetchedAt.IsZero() && now.Sub(s.LastFetchedAt) < every:
		return false
	case !s.LastAttemptAt.IsZero() && now.Sub(s.LastAttemptAt) < RetryAfter:
		return false
	}
	return true
}
