// Package caldav is the small CalDAV (RFC 4791) client Wheelhouse publishes
// on-call calendars with: discovery (/.well-known/caldav,
// current-user-principal, calendar-home-set), PROPFIND of a collection,
// MKCALENDAR, conditional PUT (If-None-Match: * to create, If-Match: ETag to
// update), GET, conditional DELETE and REPORT calendar-query. Every request
// carries a Content-Length (Radicale refuses chunked bodies). TLS is
// verified; a certificate the system does not trust can be pinned by the
// SHA-256 of its leaf (Options.TrustSHA256), never trusted wholesale.
// Errors are errs.Error with a message for a person; the HTTP status is in
// an *HTTPError inside (StatusOf). See docs/decisions/0025-caldav-publish.md.
package caldav

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"wheelhouse/backend/errs"
)

// Options configure a Client.
type Options struct {
	User, Password string
	// TrustSHA256 pins a server certificate: the hex SHA-256 of the leaf
	// certificate (colons and case ignored). A certificate the system does
	// not trust is accepted only when its leaf has exactly this digest.
	TrustSHA256 string
	// Timeout bounds one request (0: 60 s).
	Timeout time.Duration
	// Transport, if set, replaces the TLS-configured transport (tests).
	Transport http.RoundTripper
}

// Client talks to one CalDAV server account.
type Client struct {
	hc         *http.Client
	user, pass string
	pin        []byte
}

// MaxBody bounds a response body read into memory (a GET of one event, a
// REPORT of a collection).
const MaxBody = 64 << 20

// New builds a client.
func New(opt Options) (*Client, error) {
	c := &Client{user: opt.User, pass: opt.Password}
	if opt.TrustSHA256 != "" {
		pin, err := ParseFingerprint(opt.TrustSHA256)
		if err != nil {
			return nil, err
		}
		c.pin = pin
	}
	rt := opt.Transport
	if rt == nil {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.MaxIdleConnsPerHost = 8
		tr.TLSClientConfig = c.tlsConfig()
		rt = tr
	}
	to := opt.Timeout
	if to == 0 {
		to = 60 * time.Second
	}
	c.hc = &http.Client{Transport: rt, Timeout: to, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		// Go turns a redirected PROPFIND or PUT into a GET: WebDAV
		// methods follow redirects themselves (multistatus) or fail.
		if via[0].Method != http.MethodGet && via[0].Method != http.MethodHead {
			return http.ErrUseLastResponse
		}
		if len(via) >= 5 {
			return errors.New("too many redirects")
		}
		if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
			return errors.New("redirect to a URL that is not http or https")
		}
		// credentials travel to the same host only
		if req.URL.Host != via[0].URL.Host {
			req.Header.Del("Authorization")
		}
		return nil
	}}
	return c, nil
}

// ParseFingerprint reads a SHA-256 fingerprint as hex, with or without
// colons.
func ParseFingerprint(s string) ([]byte, error) {
	h := strings.ToLower(strings.NewReplacer(":", "", " ", "").Replace(strings.TrimSpace(s)))
	b, err := hex.DecodeString(h)
	if err != nil || len(b) != sha256.Size {
		return nil, errs.FieldErr("trustCertificate", "A certificate fingerprint is the SHA-256 of the certificate: 64 hex digits (colons allowed).")
	}
	return b, nil
}

// Fingerprint is the SHA-256 of a certificate as colon-separated upper-case
// hex (the form browsers and openssl show).
func Fingerprint(cert *x509.Certificate) string {
	sum := sha256.Sum256(cert.Raw)
	var b strings.Builder
	for i, x := range sum {
		if i > 0 {
			b.WriteByte(':')
		}
		fmt.Fprintf(&b, "%02X", x)
	}
	return b.String()
}

func (c *Client) tlsConfig() *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if c.pin == nil {
		return cfg
	}
	// The system's verification is replaced by the pin only: the leaf must
	// be exactly the pinned certificate (a trusted one passes as well).
	cfg.InsecureSkipVerify = true
	pin := c.pin
	cfg.VerifyConnection = func(cs tls.ConnectionState) error {
		if len(cs.PeerCertificates) == 0 {
			return errors.New("no server certificate")
		}
		leaf := cs.PeerCertificates[0]
		sum := sha256.Sum256(leaf.Raw)
		if bytes.Equal(sum[:], pin) {
			return nil
		}
		opts := x509.VerifyOptions{DNSName: cs.ServerName, Intermediates: x509.NewCertPool()}
		for _, ic := range cs.PeerCertificates[1:] {
			opts.Intermediates.AddCert(ic)
		}
		if _, err := leaf.Verify(opts); err != nil {
			return &pinMismatch{got: Fingerprint(leaf)}
		}
		return nil
	}
	return cfg
}

// CertError is a server certificate that is not trusted: not by the
// system, or not the pinned one. Fingerprint is its SHA-256 as Fingerprint
// writes it.
type CertError struct {
	Fingerprint string
	Err         error
}

func (e *CertError) Error() string { return e.Err.Error() }
func (e *CertError) Unwrap() error { return e.Err }

// CertFingerprint is the SHA-256 of the certificate err refused ("": err
// is not about an untrusted certificate).
func CertFingerprint(err error) string {
	var ce *CertError
	if errors.As(err, &ce) {
		return ce.Fingerprint
	}
	return ""
}

type pinMismatch struct{ got string }

func (p *pinMismatch) Error() string {
	return "the server's certificate is not the trusted one (SHA-256 " + p.got + ")"
}

// HTTPError is an unexpected HTTP status.
type HTTPError struct {
	Method, URL string
	Status      int
	Body        string // the start of the response body
}

func (e *HTTPError) Error() string {
	return fmt.Sprintf("%s %s: %d %s", e.Method, e.URL, e.Status, http.StatusText(e.Status))
}

// StatusOf is the HTTP status inside err (0: none).
func StatusOf(err error) int {
	var h *HTTPError
	if errors.As(err, &h) {
		return h.Status
	}
	return 0
}

// statusErr turns an unexpected status into an error for a person.
func statusErr(method, u string, resp *http.Response) error {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	h := &HTTPError{Method: method, URL: u, Status: resp.StatusCode, Body: strings.TrimSpace(string(body))}
	var e *errs.Error
	switch resp.StatusCode {
	case http.StatusUnauthorized:
		e = errs.FieldErr("password", "The calendar server refused the user name or password (401 Unauthorized) at %s.", hostOf(u))
	case http.StatusForbidden:
		e = errs.E(errs.Invalid, "The calendar server does not let this user write to %s (403 Forbidden).", u)
	case http.StatusNotFound:
		e = errs.E(errs.NotFound, "There is no calendar at %s (404 Not Found).", u)
	case http.StatusInsufficientStorage:
		e = errs.E(errs.Unavailable, "The calendar server's storage or this account's quota is full (507 Insufficient Storage): free space on the server, then publish again.")
	case http.StatusPreconditionFailed:
		e = errs.E(errs.Conflict, "The copy on the server changed since it was last published (412 Precondition Failed): %s.", u)
	case http.StatusConflict:
		e = errs.E(errs.Conflict, "The calendar server refused %s %s (409 Conflict): its parent collection may not exist.", method, u)
	default:
		e = errs.E(errs.Unavailable, "The calendar server answered %s %s with %d %s.", method, u, resp.StatusCode, http.StatusText(resp.StatusCode))
	}
	e.Err = h
	return e
}

func hostOf(u string) string {
	if p, err := url.Parse(u); err == nil && p.Host != "" {
		return p.Host
	}
	return u
}

// netErr turns a transport failure into an error for a person: offline, a
// refused connection, a timeout, an untrusted certificate.
func netErr(method, u string, err error) error {
	var cv *tls.CertificateVerificationError
	var pm *pinMismatch
	var ua x509.UnknownAuthorityError
	var hn x509.HostnameError
	switch {
	case errors.As(err, &pm):
		return &errs.Error{Code: errs.Invalid, Field: "trustCertificate", Err: &CertError{Fingerprint: pm.got, Err: err},
			Message: fmt.Sprintf("The server %s presented a certificate that is not the trusted one (it has SHA-256 %s). If the server's certificate was renewed, trust the new fingerprint.", hostOf(u), pm.got)}
	case errors.As(err, &cv):
		fp := ""
		if len(cv.UnverifiedCertificates) > 0 {
			fp = Fingerprint(cv.UnverifiedCertificates[0])
		}
		why := "is not signed by an authority this computer trusts (self-signed?)"
		if errors.As(err, &hn) {
			why = "is for another host name"
		} else if !errors.As(err, &ua) {
			why = "cannot be verified (" + cv.Err.Error() + ")"
		}
		return &errs.Error{Code: errs.Invalid, Field: "trustCertificate", Err: &CertError{Fingerprint: fp, Err: err},
			Message: fmt.Sprintf("The certificate of %s %s. Its SHA-256 fingerprint is %s: if you recognise it (ask whoever runs the server), trust exactly this certificate with the publication's \"trust certificate\" option (CLI: --trust-cert %s).", hostOf(u), why, fp, fp)}
	case errors.Is(err, context.Canceled):
		return errs.E(errs.Unavailable, "Publishing was stopped.")
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return &errs.Error{Code: errs.Unavailable, Err: err, Message: fmt.Sprintf("The calendar server %s did not answer in time (offline?). Changes wait for the next run.", hostOf(u))}
	}
	return &errs.Error{Code: errs.Unavailable, Err: err, Message: fmt.Sprintf("Cannot reach the calendar server %s (offline, or the server is down): %v. Changes wait for the next run.", hostOf(u), rootCause(err))}
}

func rootCause(err error) error {
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Err != nil {
		return oe.Err
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// do sends one request with a known length and basic auth.
func (c *Client) do(ctx context.Context, method, u string, body []byte, hdr map[string]string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, u, bytes.NewReader(body))
	if err != nil {
		return nil, errs.FieldErr("url", "%q is not a URL: %v", u, err)
	}
	req.ContentLength = int64(len(body))
	if body == nil {
		req.Body = http.NoBody
	}
	// GetBody lets the client resend after a redirect (307/308).
	req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	if c.user != "" || c.pass != "" {
		req.SetBasicAuth(c.user, c.pass)
	}
	req.Header.Set("User-Agent", "Wheelhouse")
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, netErr(method, u, err)
	}
	return resp, nil
}

func drain(resp *http.Response) {
	io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	resp.Body.Close()
}

// Put writes one calendar object. etag "" creates (If-None-Match: *: a 412
// means it exists); otherwise it updates that version only (If-Match: a 412
// means the server copy changed). It returns the new ETag ("" when the
// server sent none).
func (c *Client) Put(ctx context.Context, href string, body []byte, etag string) (string, error) {
	hdr := map[string]string{"Content-Type": "text/calendar; charset=utf-8"}
	if etag == "" {
		hdr["If-None-Match"] = "*"
	} else {
		hdr["If-Match"] = etag
	}
	resp, err := c.do(ctx, http.MethodPut, href, body, hdr)
	if err != nil {
		return "", err
	}
	defer drain(resp)
	if resp.StatusCode/100 != 2 {
		return "", statusErr(http.MethodPut, href, resp)
	}
	return resp.Header.Get("ETag"), nil
}

// Get reads one calendar object and its ETag.
func (c *Client) Get(ctx context.Context, href string) ([]byte, string, error) {
	resp, err := c.do(ctx, http.MethodGet, href, nil, nil)
	if err != nil {
		return nil, "", err
	}
	defer drain(resp)
	if resp.StatusCode != http.StatusOK {
		return nil, "", statusErr(http.MethodGet, href, resp)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, MaxBody))
	if err != nil {
		return nil, "", netErr(http.MethodGet, href, err)
	}
	return b, resp.Header.Get("ETag"), nil
}

// Delete removes one calendar object if it is still version etag ("" :
// whatever version). A 404 is success: it is gone.
func (c *Client) Delete(ctx context.Context, href, etag string) error {
	var hdr map[string]string
	if etag != "" {
		hdr = map[string]string{"If-Match": etag}
	}
	resp, err := c.do(ctx, http.MethodDelete, href, nil, hdr)
	if err != nil {
		return err
	}
	defer drain(resp)
	if resp.StatusCode/100 == 2 || resp.StatusCode == http.StatusNotFound {
		return nil
	}
	return statusErr(http.MethodDelete, href, resp)
}

// MakeCalendar creates a calendar collection (MKCALENDAR) with a display
// name.
func (c *Client) MakeCalendar(ctx context.Context, u, name string) error {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
	b.WriteString(`<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><D:displayname>`)
	xml.EscapeText(&b, []byte(name))
	b.WriteString(`</D:displayname><C:supported-calendar-component-set><C:comp name="VEVENT"/></C:supported-calendar-component-set></D:prop></D:set></C:mkcalendar>`)
	resp, err := c.do(ctx, "MKCALENDAR", u, b.Bytes(), map[string]string{"Content-Type": "application/xml; charset=utf-8"})
	if err != nil {
		return err
	}
	defer drain(resp)
	if resp.StatusCode/100 != 2 {
		err := statusErr("MKCALENDAR", u, resp)
		if resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusConflict {
			return &errs.Error{Code: errs.NotFound, Err: err, Message: fmt.Sprintf("Cannot create the calendar %s: its parent does not exist on the server (%d). Check the URL (for most servers it ends in /USER/CALENDAR/).", u, resp.StatusCode)}
		}
		return err
	}
	return nil
}

// Props is what PROPFIND found about one resource.
type Props struct {
	Href         string
	Calendar     bool // resourcetype has caldav:calendar
	Collection   bool
	Principal    string // current-user-principal (absolute URL)
	HomeSet      string // calendar-home-set (absolute URL)
	DisplayName  string
	ETag         string
	ContentType  string
	CalendarData string // REPORT only
	Missing      bool   // the response's status is 404
}

type multistatus struct {
	Responses []struct {
		Href     string `xml:"DAV: href"`
		Status   string `xml:"DAV: status"` // Xandikos answers a missing resource so
		Propstat []struct {
			Status string `xml:"DAV: status"`
			Prop   struct {
				ResourceType struct {
					Collection *struct{} `xml:"DAV: collection"`
					Calendar   *struct{} `xml:"urn:ietf:params:xml:ns:caldav calendar"`
				} `xml:"DAV: resourcetype"`
				Principal struct {
					Href string `xml:"DAV: href"`
				} `xml:"DAV: current-user-principal"`
				HomeSet struct {
					Href string `xml:"DAV: href"`
				} `xml:"urn:ietf:params:xml:ns:caldav calendar-home-set"`
				DisplayName  string `xml:"DAV: displayname"`
				ETag         string `xml:"DAV: getetag"`
				ContentType  string `xml:"DAV: getcontenttype"`
				CalendarData string `xml:"urn:ietf:params:xml:ns:caldav calendar-data"`
			} `xml:"DAV: prop"`
		} `xml:"DAV: propstat"`
	} `xml:"DAV: response"`
}

func (c *Client) multistatus(ctx context.Context, method, u, depth string, body []byte) ([]Props, error) {
	var resp *http.Response
	for hop := 0; ; hop++ {
		var err error
		resp, err = c.do(ctx, method, u, body, map[string]string{"Depth": depth, "Content-Type": "application/xml; charset=utf-8"})
		if err != nil {
			return nil, err
		}
		loc := resp.Header.Get("Location")
		if resp.StatusCode/100 != 3 || loc == "" || hop == 5 {
			break
		}
		drain(resp)
		next, err := resp.Request.URL.Parse(loc)
		if err != nil || (next.Scheme != "http" && next.Scheme != "https") {
			return nil, errs.E(errs.Unavailable, "The server at %s redirected %s to %q.", hostOf(u), method, loc)
		}
		if next.Host != resp.Request.URL.Host { // credentials stay with the host they were given for
			return nil, errs.E(errs.Unavailable, "The server at %s redirected to another host (%s): give that URL instead.", hostOf(u), next.Host)
		}
		u = next.String()
	}
	defer drain(resp)
	if resp.StatusCode != http.StatusMultiStatus {
		return nil, statusErr(method, u, resp)
	}
	base := resp.Request.URL // after redirects
	var ms multistatus
	if err := xml.NewDecoder(io.LimitReader(resp.Body, MaxBody)).Decode(&ms); err != nil {
		return nil, errs.E(errs.Unavailable, "The server at %s answered %s with XML that cannot be read: %v.", hostOf(u), method, err)
	}
	abs := func(h string) string {
		if h == "" {
			return ""
		}
		r, err := base.Parse(strings.TrimSpace(h))
		if err != nil {
			return ""
		}
		return r.String()
	}
	out := make([]Props, 0, len(ms.Responses))
	for _, r := range ms.Responses {
		p := Props{Href: abs(r.Href), Missing: strings.Contains(r.Status, " 404")}
		for _, ps := range r.Propstat {
			if !strings.Contains(ps.Status, " 200") {
				continue
			}
			pr := ps.Prop
			p.Collection = p.Collection || pr.ResourceType.Collection != nil
			p.Calendar = p.Calendar || pr.ResourceType.Calendar != nil
			if pr.Principal.Href != "" {
				p.Principal = abs(pr.Principal.Href)
			}
			if pr.HomeSet.Href != "" {
				p.HomeSet = abs(pr.HomeSet.Href)
			}
			if pr.DisplayName != "" {
				p.DisplayName = pr.DisplayName
			}
			if pr.ETag != "" {
				p.ETag = pr.ETag
			}
			if pr.ContentType != "" {
				p.ContentType = pr.ContentType
			}
			if pr.CalendarData != "" {
				p.CalendarData = pr.CalendarData
			}
		}
		out = append(out, p)
	}
	return out, nil
}

const propfindBody = `<?xml version="1.0" encoding="utf-8"?>
<D:propfind xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><D:resourcetype/><D:displayname/><D:current-user-principal/><C:calendar-home-set/></D:prop></D:propfind>`

// Stat reads a resource's type, display name, principal and home set
// (PROPFIND depth 0). A missing resource is errs.NotFound.
func (c *Client) Stat(ctx context.Context, u string) (Props, error) {
	ps, err := c.multistatus(ctx, "PROPFIND", u, "0", []byte(propfindBody))
	if err != nil {
		return Props{}, err
	}
	if len(ps) == 0 {
		return Props{}, errs.E(errs.Unavailable, "The server at %s answered PROPFIND with no properties.", hostOf(u))
	}
	p := ps[0]
	if p.Missing {
		return Props{}, errs.E(errs.NotFound, "There is no calendar at %s (404 Not Found).", u)
	}
	if p.Href == "" {
		p.Href = u
	}
	return p, nil
}

// Discover finds the calendar home of the account at a server URL: the URL
// itself when it names a home set or a principal with one, otherwise
// through /.well-known/caldav (RFC 6764) and current-user-principal.
func (c *Client) Discover(ctx context.Context, server string) (string, error) {
	su, err := url.Parse(server)
	if err != nil || (su.Scheme != "http" && su.Scheme != "https") || su.Host == "" {
		return "", errs.FieldErr("url", "%q is not an http or https URL.", server)
	}
	try := []string{server}
	if su.Path == "" || su.Path == "/" {
		try = []string{su.ResolveReference(&url.URL{Path: "/.well-known/caldav"}).String(), server}
	}
	var last error
	for _, u := range try {
		p, err := c.Stat(ctx, u)
		if err != nil {
			if s := StatusOf(err); s == http.StatusNotFound || s == http.StatusMethodNotAllowed || s/100 == 3 {
				last = err
				continue
			}
			return "", err
		}
		if p.HomeSet != "" {
			return p.HomeSet, nil
		}
		if p.Principal == "" {
			last = errs.E(errs.NotFound, "The server at %s names no current-user-principal: give the URL of a calendar instead.", hostOf(server))
			continue
		}
		pp, err := c.Stat(ctx, p.Principal)
		if err != nil {
			return "", err
		}
		if pp.HomeSet == "" {
			return "", errs.E(errs.NotFound, "The server at %s names no calendar-home-set for this user: give the URL of a calendar instead.", hostOf(server))
		}
		return pp.HomeSet, nil
	}
	if last == nil {
		last = errs.E(errs.NotFound, "No CalDAV service found at %s.", server)
	}
	return "", last
}

// Object is one calendar object of a REPORT.
type Object struct {
	Href, ETag, Data string
}

// Query lists the calendar objects of a collection with events overlapping
// [from, to) (REPORT calendar-query with calendar-data).
func (c *Client) Query(ctx context.Context, collection string, from, to time.Time) ([]Object, error) {
	const layout = "20060102T150405Z"
	body := `<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><D:getetag/><C:calendar-data/></D:prop>` +
		`<C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"><C:time-range start="` + from.UTC().Format(layout) +
		`" end="` + to.UTC().Format(layout) + `"/></C:comp-filter></C:comp-filter></C:filter></C:calendar-query>`
	ps, err := c.multistatus(ctx, "REPORT", collection, "1", []byte(body))
	if err != nil {
		return nil, err
	}
	out := make([]Object, 0, len(ps))
	for _, p := range ps {
		if p.CalendarData == "" {
			continue
		}
		out = append(out, Object{Href: p.Href, ETag: p.ETag, Data: p.CalendarData})
	}
	return out, nil
}

// List names the members of a collection with their ETags (PROPFIND depth 1).
func (c *Client) List(ctx context.Context, collection string) ([]Props, error) {
	body := `<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/><D:getetag/></D:prop></D:propfind>`
	ps, err := c.multistatus(ctx, "PROPFIND", collection, "1", []byte(body))
	if err != nil {
		return nil, err
	}
	self, _ := url.Parse(collection)
	out := ps[:0]
	for _, p := range ps {
		if u, err := url.Parse(p.Href); err == nil && strings.TrimSuffix(u.Path, "/") == strings.TrimSuffix(self.Path, "/") {
			continue
		}
		out = append(out, p)
	}
	return out, nil
}
