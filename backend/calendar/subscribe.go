package calendar

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// Calendar subscriptions: a holiday or time-off calendar imported from a
// URL. It is fetched only when the user asks (Fetch now) or on the schedule
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
	if s.Name == "" && s.URL != "" {
		s.Name = defaultName(s.URL)
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

// ---- the cached body: prefix | subscription | generation | chunk

func cacheKey(sub, gen id.ID, i uint32) []byte {
	return store.Key(store.PrefixCalSubCache, sub, gen, i)
}

// deleteCacheTx deletes the cached chunks of a subscription, except those
// of generation keep.
func deleteCacheTx(txn *badger.Txn, sub id.ID, keep id.ID) error {
	p := store.Key(store.PrefixCalSubCache, sub)
	opts := badger.DefaultIteratorOptions
	opts.PrefetchValues = false
	opts.Prefix = p
	it := txn.NewIterator(opts)
	var keys [][]byte
	for it.Rewind(); it.Valid(); it.Next() {
		k := it.Item().Key()
		if len(k) >= len(p)+16 && !keep.IsZero() && bytes.Equal(k[len(p):len(p)+16], keep[:]) {
			continue
		}
		keys = append(keys, it.Item().KeyCopy(nil))
	}
	it.Close()
	for _, k := range keys {
		if err := txn.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// writeCache stores body as a new generation, one chunk per transaction
// (a transaction is bounded in size); the subscription record points at it
// only once it is whole (commit).
func (s *Service) writeCache(sub id.ID, body []byte) (id.ID, error) {
	gen := id.New(s.clock.Now())
	for i := 0; i*cacheChunk < len(body) || i == 0; i++ {
		chunk := body[i*cacheChunk : min((i+1)*cacheChunk, len(body))]
		err := s.st.Update(func(txn *badger.Txn) error { return txn.Set(cacheKey(sub, gen, uint32(i)), chunk) })
		if err != nil {
			return id.Nil, err
		}
	}
	return gen, nil
}

// readCacheTx reads a subscription's cached body and checks it whole.
func readCacheTx(txn *badger.Txn, sub id.ID, c SubscriptionCache) ([]byte, error) {
	if c.Gen.IsZero() {
		return nil, errs.E(errs.NotFound, "Nothing has been fetched yet.")
	}
	opts := badger.DefaultIteratorOptions
	opts.Prefix = store.Key(store.PrefixCalSubCache, sub, c.Gen)
	it := txn.NewIterator(opts)
	defer it.Close()
	out := make([]byte, 0, c.Bytes)
	for it.Rewind(); it.Valid(); it.Next() {
		v, err := it.Item().ValueCopy(nil)
		if err != nil {
			return nil, err
		}
		out = append(out, v...)
	}
	sum := sha256.Sum256(out)
	if int64(len(out)) != c.Bytes || hex.EncodeToString(sum[:]) != c.SHA256 {
		return nil, errs.E(errs.Unavailable, "The cached copy of this calendar is damaged; fetch it again.")
	}
	return out, nil
}

// CachedBody returns the body of a subscription's last good fetch.
func (s *Service) CachedBody(u id.ID) (body []byte, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		sub, err := Subscriptions.Get(txn, u)
		if err != nil {
			return err
		}
		body, err = readCacheTx(txn, u, sub.Cache)
		return err
	})
	return body, errs.Wrap("calendar.CachedBody", err)
}

// ---- fetching

// FetchResult is what a fetch of a subscription found.
type FetchResult struct {
	Subscription Subscription `json:"subscription"`
	// NotModified: the server answered 304, the cached copy is current.
	NotModified bool `json:"notModified"`
	// Preview compares the fetched (or cached) calendar with what is stored.
	// Apply it with Service.Apply: that also records the subscription as
	// applied.
	Preview *Preview `json:"preview"`
	// Applied is set when Refresh wrote the changes (a subscription the
	// user applied before); nil when the preview awaits the user.
	Applied *ApplyResult `json:"applied,omitempty"`
}

func (s *Service) lockFetch(u id.ID) bool {
	s.fmu.Lock()
	defer s.fmu.Unlock()
	if s.inflight == nil {
		s.inflight = map[id.ID]bool{}
	}
	if s.inflight[u] {
		return false
	}
	s.inflight[u] = true
	return true
}

func (s *Service) unlockFetch(u id.ID) {
	s.fmu.Lock()
	delete(s.inflight, u)
	s.fmu.Unlock()
}

func (s *Service) httpClient() *http.Client {
	if s.HTTPClient != nil {
		return s.HTTPClient
	}
	return defaultClient
}

var defaultClient = &http.Client{
	Transport: http.DefaultTransport.(*http.Transport).Clone(),
	CheckRedirect: func(req *http.Request, via []*http.Request) error {
		if len(via) >= maxRedirects {
			return errs.E(errs.Unavailable, "The address redirects more than %d times.", maxRedirects)
		}
		if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
			return errs.E(errs.Invalid, "The address redirects to a %s: address; only http and https are fetched.", clip(req.URL.Scheme, 20))
		}
		return nil
	},
}

// Fetch downloads a subscription's calendar (a conditional request when a
// copy is cached) and previews it against what is stored. A good body
// replaces the cached copy; a 304 keeps it. Any failure — an unreachable
// host, a timeout, an answer other than 200 or 304, a body that is too big
// or not a calendar — is recorded as the subscription's last error and
// changes nothing else: the cached copy and everything imported stay.
// Nothing is imported here (see Refresh and Apply).
func (s *Service) Fetch(ctx context.Context, u id.ID) (*FetchResult, error) {
	if !s.lockFetch(u) {
		return nil, errs.E(errs.Conflict, "This calendar is being fetched already; try again in a moment.")
	}
	defer s.unlockFetch(u)
	sub, err := s.Subscription(u)
	if err != nil {
		return nil, err
	}
	res, ferr := s.fetch(ctx, &sub)
	if ferr != nil {
		now := s.clock.Now().UTC()
		msg := errs.MessageOf(ferr)
		werr := s.st.Update(func(txn *badger.Txn) error {
			x, err := Subscriptions.Get(txn, u)
			if err != nil {
				return err
			}
			x.LastAttemptAt, x.LastError = now, msg
			return Subscriptions.Put(txn, &x)
		})
		if werr != nil && !errs.Is(werr, errs.NotFound) {
			s.log.Warn("recording a failed calendar fetch", "subscription", u, "err", werr)
		}
		s.log.Info("calendar subscription fetch failed", "subscription", u, "err", ferr)
		return nil, errs.Wrap("calendar.Fetch", ferr)
	}
	return res, nil
}

// downloaded is one answer of a calendar server.
type downloaded struct {
	host         string
	notModified  bool // 304: the caller's cached copy is current
	body         []byte
	etag         string
	lastModified string
	contentType  string
}

// download GETs a calendar: within the fetch timeout, at most the import
// size limit, only a 200 (or a 304 when etag or lastModified were given).
func (s *Service) download(ctx context.Context, rawURL, etag, lastModified string) (*downloaded, error) {
	timeout := s.FetchTimeout
	if timeout <= 0 {
		timeout = DefaultFetchTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, errs.E(errs.Invalid, "The address %q is not an http or https address.", clip(rawURL, 100))
	}
	d := &downloaded{host: u.Host}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, errs.E(errs.Invalid, "The address %q is not valid: %v", clip(rawURL, 100), err)
	}
	req.Header.Set("Accept", "text/calendar, text/plain;q=0.5, */*;q=0.1")
	req.Header.Set("User-Agent", "Wheelhouse (calendar subscription)")
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		req.Header.Set("If-Modified-Since", lastModified)
	}
	resp, err := s.httpClient().Do(req)
	if err != nil {
		return nil, netError(d.host, err, timeout)
	}
	defer resp.Body.Close()
	lim := DefaultLimits
	switch {
	case resp.StatusCode == http.StatusNotModified && (etag != "" || lastModified != ""):
		d.notModified = true
		return d, nil
	case resp.StatusCode != http.StatusOK:
		code := errs.Unavailable
		if resp.StatusCode >= 400 && resp.StatusCode < 500 {
			code = errs.Invalid
		}
		return nil, errs.E(code, "%s answered %s.", d.host, strings.TrimSpace(resp.Status))
	}
	if resp.ContentLength > lim.MaxBytes {
		return nil, errs.E(errs.Invalid, "The calendar at %s is larger than %d MB; Wheelhouse imports calendars up to that size.", d.host, lim.MaxBytes>>20)
	}
	if d.body, err = io.ReadAll(io.LimitReader(resp.Body, lim.MaxBytes+1)); err != nil {
		return nil, netError(d.host, err, timeout)
	}
	if int64(len(d.body)) > lim.MaxBytes {
		return nil, errs.E(errs.Invalid, "The calendar at %s is larger than %d MB; Wheelhouse imports calendars up to that size.", d.host, lim.MaxBytes>>20)
	}
	d.etag, d.lastModified, d.contentType = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified"), resp.Header.Get("Content-Type")
	return d, nil
}

// previewDownload previews a downloaded body; a body that is not a
// calendar gets a message that says so.
func (s *Service) previewDownload(d *downloaded, t Target, fallback string) (*Preview, error) {
	p, err := s.preview(bytes.NewReader(d.body), t, DefaultLimits, fallback)
	if err == nil {
		return p, nil
	}
	if len(errs.FieldsOf(err)) > 0 || !errs.Is(err, errs.Invalid) {
		return nil, err // the target is gone, or the store failed
	}
	return nil, notCalendar(d, err)
}

// notCalendar explains a downloaded body the parser refused.
func notCalendar(d *downloaded, err error) error {
	if mt, _, _ := mime.ParseMediaType(d.contentType); mt == "text/html" || mt == "application/json" || mt == "application/xml" {
		return errs.E(errs.Invalid, "The address returned %s, not a calendar. Check the address: calendar apps show a separate address for iCal (.ics).",
			map[string]string{"text/html": "a web page", "application/json": "JSON", "application/xml": "XML"}[mt])
	}
	return errs.E(errs.Invalid, "The address did not return a calendar Wheelhouse can read: %s", errs.MessageOf(err))
}

// Download is a calendar downloaded once from an address (the command
// line's `calendar import URL`): no subscription, nothing cached.
type Download struct {
	URL  string // as fetched (webcal:// read as https://)
	Name string // the calendar's name when it does not name itself: from the address
	Body []byte
	d    *downloaded
}

// DownloadURL downloads a calendar with the limits of a subscription fetch
// and checks that it is one.
func (s *Service) DownloadURL(ctx context.Context, rawURL string) (*Download, error) {
	clean, err := NormalizeURL(rawURL)
	if err != nil {
		return nil, errs.E(errs.Invalid, "%s", errs.MessageOf(err))
	}
	d, err := s.download(ctx, clean, "", "")
	if err != nil {
		return nil, errs.Wrap("calendar.DownloadURL", err)
	}
	if _, err := Parse(bytes.NewReader(d.body), DefaultLimits, s.clock.Now()); err != nil {
		return nil, notCalendar(d, err)
	}
	return &Download{URL: clean, Name: defaultName(clean), Body: d.body, d: d}, nil
}

// PreviewDownload previews the import of a downloaded calendar, like
// PreviewFile.
func (s *Service) PreviewDownload(dl *Download, t Target) (*Preview, error) {
	return s.previewDownload(dl.d, t, dl.Name)
}

func (s *Service) fetch(ctx context.Context, sub *Subscription) (*FetchResult, error) {
	cached := !sub.Cache.Gen.IsZero()
	var etag, lastMod string
	if cached {
		etag, lastMod = sub.Cache.ETag, sub.Cache.LastModified
	}
	d, err := s.download(ctx, sub.URL, etag, lastMod)
	if err != nil {
		return nil, err
	}
	now := s.clock.Now().UTC()
	if d.notModified {
		var body []byte
		err := s.st.View(func(txn *badger.Txn) (err error) {
			body, err = readCacheTx(txn, sub.ID, sub.Cache)
			return err
		})
		if errs.Is(err, errs.Unavailable) { // damaged: forget it and fetch the whole calendar
			s.log.Warn("calendar subscription cache damaged; fetching again", "subscription", sub.ID)
			err = s.st.Update(func(txn *badger.Txn) error {
				x, err := Subscriptions.Get(txn, sub.ID)
				if err != nil {
					return err
				}
				x.Cache = SubscriptionCache{}
				*sub = x
				if err := deleteCacheTx(txn, sub.ID, id.Nil); err != nil {
					return err
				}
				return Subscriptions.Put(txn, &x)
			})
			if err != nil {
				return nil, err
			}
			return s.fetch(ctx, sub)
		}
		if err != nil {
			return nil, err
		}
		p, err := s.preview(bytes.NewReader(body), sub.Target, DefaultLimits, sub.Name)
		if err != nil {
			return nil, err
		}
		p.Subscription = sub.ID
		err = s.st.Update(func(txn *badger.Txn) error {
			x, err := Subscriptions.Get(txn, sub.ID)
			if err != nil {
				return err
			}
			x.LastAttemptAt, x.LastFetchedAt, x.LastError = now, now, ""
			*sub = x
			return Subscriptions.Put(txn, &x)
		})
		if err != nil {
			return nil, err
		}
		return &FetchResult{Subscription: *sub, NotModified: true, Preview: p}, nil
	}
	p, err := s.previewDownload(d, sub.Target, sub.Name)
	if err != nil {
		return nil, err
	}
	p.Subscription = sub.ID
	gen, err := s.writeCache(sub.ID, d.body)
	if err != nil {
		return nil, err
	}
	err = s.st.Update(func(txn *badger.Txn) error {
		x, err := Subscriptions.Get(txn, sub.ID)
		if err != nil {
			return err
		}
		x.LastAttemptAt, x.LastFetchedAt, x.LastError = now, now, ""
		x.Cache = SubscriptionCache{Gen: gen, Bytes: p.Bytes, SHA256: p.Fingerprint, FetchedAt: now,
			ETag: clip(d.etag, 500), LastModified: clip(d.lastModified, 100), ContentType: clip(d.contentType, 100)}
		if err := deleteCacheTx(txn, sub.ID, gen); err != nil {
			return err
		}
		*sub = x
		return Subscriptions.Put(txn, &x)
	})
	if err != nil {
		// The subscription may have been deleted meanwhile: drop the chunks.
		_ = s.st.Update(func(txn *badger.Txn) error { return deleteCacheTx(txn, sub.ID, keepIfStored(txn, sub.ID)) })
		return nil, err
	}
	return &FetchResult{Subscription: *sub, Preview: p}, nil
}

// keepIfStored is the cache generation the stored subscription points at.
func keepIfStored(txn *badger.Txn, u id.ID) id.ID {
	x, err := Subscriptions.Get(txn, u)
	if err != nil {
		return id.Nil
	}
	return x.Cache.Gen
}

// netError turns a transport error into a message for people.
func netError(host string, err error, timeout time.Duration) error {
	var ae *errs.Error
	if errors.As(err, &ae) { // from CheckRedirect
		return ae
	}
	var dns *net.DNSError
	var cert x509.UnknownAuthorityError
	var host509 x509.HostnameError
	var certInvalid x509.CertificateInvalidError
	var tlsRec tls.RecordHeaderError
	var ne net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout():
		return errs.E(errs.Unavailable, "%s did not answer within %s.", host, roundTimeout(timeout))
	case errors.Is(err, context.Canceled):
		return errs.E(errs.Unavailable, "The fetch from %s was cancelled.", host)
	case errors.As(err, &dns):
		return errs.E(errs.Unavailable, "Cannot find the server %s: check the address and the network connection.", host)
	case errors.Is(err, syscall.ECONNREFUSED):
		return errs.E(errs.Unavailable, "Cannot reach %s: the connection was refused (the server is down or the address is wrong).", host)
	case errors.Is(err, syscall.ENETUNREACH) || errors.Is(err, syscall.EHOSTUNREACH):
		return errs.E(errs.Unavailable, "Cannot reach %s: no network route (offline?).", host)
	case errors.As(err, &cert) || errors.As(err, &host509) || errors.As(err, &certInvalid) || errors.As(err, &tlsRec):
		return errs.E(errs.Unavailable, "The secure connection to %s failed: its certificate is not trusted or the server does not speak HTTPS there.", host)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return errs.E(errs.Unavailable, "Cannot fetch the calendar from %s: %s.", host, strings.TrimSuffix(clip(err.Error(), 200), "."))
}

func roundTimeout(d time.Duration) string {
	if d >= time.Second {
		return fmt.Sprintf("%g seconds", d.Round(time.Second).Seconds())
	}
	return d.Round(time.Millisecond).String()
}

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

// ---- the workspace file

// ExportSubscriptions are the subscriptions as the workspace file holds
// them: without the machine-local cache.
func ExportSubscriptions(txn *badger.Txn) ([]Subscription, error) {
	out, err := Subscriptions.List(txn)
	for i := range out {
		out[i].Cache = SubscriptionCache{}
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
	seen := map[string]string{}
	for i := range subs {
		s := &subs[i]
		where := fmt.Sprintf("calendarSubscriptions[%d] %q", i, s.Name)
		claim(where, s.ID)
		s.Cache = SubscriptionCache{}
		s.Normalize()
		if s.Target.Calendar == "" {
			s.Target.Calendar = clip(s.Name, 200)
		}
		addErr(where, s.Validate())
		switch s.Target.Kind {
		case TargetHolidays:
			if !s.Target.RegionID.IsZero() && !region(s.Target.RegionID) {
				add(where+" target.regionId", "no holiday region has id %s", s.Target.RegionID)
			}
		case TargetTimeOff:
			if !s.Target.PersonID.IsZero() && !person(s.Target.PersonID) {
				add(where+" target.personId", "no person has id %s", s.Target.PersonID)
			}
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
	var ops []store.Op
	for i := range subs {
		s := &subs[i]
		ops = append(ops, func(txn *badger.Txn) error { return Subscriptions.Put(txn, s) })
	}
	return ops
}

// ---- references

// PersonRefs takes calendar subscriptions into the hard delete of a person:
// the subscriptions of their time off go (register with
// people.Roster.AddPersonRefs).
type PersonRefs struct{}

// Describe says what the delete does to subscriptions.
func (PersonRefs) Describe(txn *badger.Txn, person id.ID) ([]string, error) {
	var out []string
	for _, u := range store.Lookup(txn, store.IdxCalSubTarget, store.Term(person)) {
		sub, err := Subscriptions.Get(txn, u)
		if err != nil {
			return nil, err
		}
		out = append(out, fmt.Sprintf("The calendar subscription %s (their time off).", sub.Name))
	}
	return out, nil
}

// Detach deletes the subscriptions of the person's time off.
func (PersonRefs) Detach(txn *badger.Txn, person id.ID) error { return DetachTarget(txn, person) }

var _ people.PersonRefs = PersonRefs{}

// DetachTarget deletes the subscriptions into a region or person, inside
// the transaction that deletes it (oncall.Service.AddRegionRefs).
func DetachTarget(txn *badger.Txn, target id.ID) error {
	for _, u := range store.Lookup(txn, store.IdxCalSubTarget, store.Term(target)) {
		if err := deleteSubscriptionTx(txn, u); err != nil {
			return err
		}
	}
	return nil
}
