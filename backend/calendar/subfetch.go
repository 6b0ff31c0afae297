package calendar

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
)

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
	sub, err := s.subscription(u)
	if err != nil {
		return nil, err
	}
	res, ferr := s.fetch(ctx, &sub)
	if res != nil {
		res.Subscription.Password = ""
	}
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
func (s *Service) previewDownload(d *downloaded, t Target, fallback string, keepBefore time.Time) (*Preview, error) {
	p, err := s.previewKeep(bytes.NewReader(d.body), t, DefaultLimits, fallback, keepBefore)
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
	return s.previewDownload(dl.d, t, dl.Name, time.Time{})
}

func (s *Service) fetch(ctx context.Context, sub *Subscription) (*FetchResult, error) {
	if sub.Source == SourceCalDAV {
		return s.fetchCalDAV(ctx, sub)
	}
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
		return s.notModified(sub, p, now)
	}
	p, err := s.previewDownload(d, sub.Target, sub.Name, time.Time{})
	if err != nil {
		return nil, err
	}
	return s.keepFetched(sub, d, p, now)
}

// fetchCalDAV reads a CalDAV subscription (subcaldav.go). The same body as
// the cached one is "not modified": only the fetch time is recorded.
func (s *Service) fetchCalDAV(ctx context.Context, sub *Subscription) (*FetchResult, error) {
	d, from, err := s.queryCalDAV(ctx, sub)
	if err != nil {
		return nil, err
	}
	now := s.clock.Now().UTC()
	p, err := s.previewDownload(d, sub.Target, sub.Name, from)
	if err != nil {
		return nil, err
	}
	if sub.Cache.Gen.IsZero() || p.Fingerprint != sub.Cache.SHA256 {
		return s.keepFetched(sub, d, p, now)
	}
	return s.notModified(sub, p, now)
}

// notModified records a fetch that brought the cached body again (its
// preview p): only the fetch time changes.
func (s *Service) notModified(sub *Subscription, p *Preview, now time.Time) (*FetchResult, error) {
	p.Subscription = sub.ID
	err := s.st.Update(func(txn *badger.Txn) error {
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

// keepFetched caches a fetched body as the subscription's copy and records
// the fetch.
func (s *Service) keepFetched(sub *Subscription, d *downloaded, p *Preview, now time.Time) (*FetchResult, error) {
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
