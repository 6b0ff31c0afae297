package calendar

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"wheelhouse/backend/caldav"
	"wheelhouse/backend/errs"
)

// ---- CalDAV subscriptions (decision 0031)
//
// A subscription whose Source is "caldav" reads a CalDAV collection instead
// of downloading an .ics file: REPORT calendar-query over a window
// (CalDAVBack before now to CalDAVAhead after), the calendar objects merged
// into one VCALENDAR (each VTIMEZONE once, each event once by UID and
// RECURRENCE-ID), which then goes through the same cache, preview and apply
// as a downloaded body. Entries that ended before the window are kept, not
// removed: the server was not asked about them.

// The window a CalDAV subscription reads.
const (
	CalDAVBack  = 366 * 24 * time.Hour     // as far back as recurring events are expanded (RecurBack)
	CalDAVAhead = 2 * 366 * 24 * time.Hour // two years ahead: planned time off and next year's holidays
)

// caldavWindow is the window of a fetch at now.
func caldavWindow(now time.Time) (time.Time, time.Time) {
	now = now.UTC().Truncate(time.Hour)
	return now.Add(-CalDAVBack), now.Add(CalDAVAhead)
}

// queryCalDAV reads a CalDAV subscription's events in the window as one
// calendar body; from is the window's start.
func (s *Service) queryCalDAV(ctx context.Context, sub *Subscription) (*downloaded, time.Time, error) {
	timeout := s.FetchTimeout
	if timeout <= 0 {
		timeout = DefaultFetchTimeout
	}
	u, err := url.Parse(sub.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, time.Time{}, errs.FieldErr("url", "The address %q is not an http or https address.", clip(sub.URL, 100))
	}
	host := u.Host
	pw, err := s.subPassword(sub)
	if err != nil {
		return nil, time.Time{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cl, err := caldav.New(caldav.Options{User: sub.User, Password: pw, TrustSHA256: sub.TrustSHA256, Timeout: timeout, Transport: s.CalDAVTransport})
	if err != nil {
		return nil, time.Time{}, err
	}
	coll, name, err := findCollection(ctx, cl, sub.URL)
	if err != nil {
		return nil, time.Time{}, caldavErr(sub, host, err, timeout)
	}
	from, to := caldavWindow(s.clock.Now())
	objs, err := cl.Query(ctx, coll, from, to)
	if err != nil {
		return nil, time.Time{}, caldavErr(sub, host, err, timeout)
	}
	body, skipped := mergeObjects(objs, name)
	if skipped > 0 {
		s.log.Info("calendar objects that are not calendars were skipped", "subscription", sub.ID, "skipped", skipped)
	}
	if int64(len(body)) > DefaultLimits.MaxBytes {
		return nil, time.Time{}, errs.E(errs.Invalid, "The calendar at %s holds more than %d MB in its window; Wheelhouse imports calendars up to that size.", host, DefaultLimits.MaxBytes>>20)
	}
	return &downloaded{host: host, body: body, contentType: "text/calendar"}, from, nil
}

// findCollection finds the calendar a CalDAV subscription reads: the URL
// when it is a calendar collection, else the one calendar of the account
// the URL leads to (server, principal or calendar home). It returns the
// collection and its display name.
func findCollection(ctx context.Context, cl *caldav.Client, raw string) (string, string, error) {
	p, err := cl.Stat(ctx, raw)
	if err != nil {
		return "", "", notCalDAV(raw, err)
	}
	if p.Calendar {
		return p.Href, p.DisplayName, nil
	}
	home, err := cl.Discover(ctx, raw)
	if err != nil {
		if errs.Is(err, errs.NotFound) && caldav.StatusOf(err) == 0 {
			return "", "", errs.FieldErr("url", "%s is not a calendar, and no calendar account was found there: give the address of a calendar (for most servers it ends in /USER/CALENDAR/).", raw)
		}
		return "", "", notCalDAV(raw, err)
	}
	members, err := cl.List(ctx, home)
	if err != nil {
		return "", "", notCalDAV(home, err)
	}
	var cals []caldav.Props
	for _, m := range members {
		if m.Calendar {
			cals = append(cals, m)
		}
	}
	switch len(cals) {
	case 0:
		return "", "", errs.FieldErr("url", "%s is not a calendar, and the account it leads to has no calendars.", raw)
	case 1:
		return cals[0].Href, cals[0].DisplayName, nil
	}
	names := make([]string, 0, 5)
	for i, c := range cals {
		if i == 5 {
			names = append(names, "…")
			break
		}
		names = append(names, c.Href)
	}
	return "", "", errs.FieldErr("url", "%s is not a calendar, and the account it leads to has %d calendars: give the address of one of them (%s).", raw, len(cals), strings.Join(names, ", "))
}

// notCalDAV explains an answer that is no CalDAV answer: a web page, a
// server that does not know PROPFIND.
func notCalDAV(u string, err error) error {
	st := caldav.StatusOf(err)
	switch {
	case st == 0, st == http.StatusUnauthorized, st == http.StatusForbidden, st == http.StatusNotFound, st >= 500:
		return err
	}
	return &errs.Error{Code: errs.Invalid, Field: "url", Err: err,
		Message: fmt.Sprintf("%s does not answer as a CalDAV calendar (%d %s to PROPFIND). For an iCalendar (.ics) address, subscribe to it as an address instead of CalDAV.", u, st, http.StatusText(st))}
}

// caldavErr turns a CalDAV client error into one about this subscription.
func caldavErr(sub *Subscription, host string, err error, timeout time.Duration) error {
	if fp := caldav.CertFingerprint(err); fp != "" {
		if sub.TrustSHA256 != "" {
			return &errs.Error{Code: errs.Invalid, Field: "trustSha256", Err: err,
				Message: fmt.Sprintf("The server %s presented a certificate that is not the trusted one (it has SHA-256 %s). If the server's certificate was renewed, trust the new fingerprint.", host, fp)}
		}
		return &errs.Error{Code: errs.Invalid, Field: "trustSha256", Err: err,
			Message: fmt.Sprintf("The certificate of %s is not signed by an authority this computer trusts (self-signed?). Its SHA-256 fingerprint is %s: if you recognise it (ask whoever runs the server), trust exactly this certificate with the subscription's \"trust certificate\" option (CLI: --trust-cert %s).", host, fp, fp)}
	}
	switch caldav.StatusOf(err) {
	case 0:
	case http.StatusUnauthorized:
		return &errs.Error{Code: errs.Invalid, Field: "password", Err: err,
			Message: fmt.Sprintf("The calendar server %s refused the user name or password (401 Unauthorized).", host)}
	case http.StatusForbidden:
		return &errs.Error{Code: errs.Invalid, Field: "user", Err: err,
			Message: fmt.Sprintf("The calendar server %s does not let this user read %s (403 Forbidden).", host, sub.URL)}
	case http.StatusNotFound:
		return &errs.Error{Code: errs.NotFound, Field: "url", Err: err,
			Message: fmt.Sprintf("There is no calendar at %s (404 Not Found): check the address.", sub.URL)}
	default:
		return err
	}
	var e *errs.Error
	if errs.Is(err, errs.Unavailable) && errors.As(err, &e) && e.Err != nil {
		return netError(host, e.Err, timeout) // offline, refused, timed out: the same words as an address
	}
	return err
}

// mergeObjects merges calendar objects (each a VCALENDAR) into one
// VCALENDAR: every VTIMEZONE once (by TZID), every VEVENT once (by UID and
// RECURRENCE-ID), in the order of the objects' hrefs, the components'
// lines as the server sent them. Other components are left out. It returns
// the body and how many objects held no calendar.
func mergeObjects(objs []caldav.Object, name string) ([]byte, int) {
	sort.SliceStable(objs, func(i, j int) bool { return objs[i].Href < objs[j].Href })
	var zones, events bytes.Buffer
	seenZone, seenEvent := map[string]bool{}, map[string]bool{}
	skipped := 0
	for _, o := range objs {
		comps, ok := components(o.Data)
		if !ok {
			skipped++
			continue
		}
		for _, c := range comps {
			switch c.name {
			case "VTIMEZONE":
				k := c.prop("TZID")
				if seenZone[k] {
					continue
				}
				seenZone[k] = true
				zones.WriteString(c.text)
			case "VEVENT":
				k := c.prop("UID") + "\x00" + c.prop("RECURRENCE-ID")
				if seenEvent[k] {
					continue
				}
				seenEvent[k] = true
				events.WriteString(c.text)
			}
		}
	}
	var b bytes.Buffer
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Wheelhouse//CalDAV subscription//EN\r\n")
	if name = strings.TrimSpace(name); name != "" {
		b.Write(Fold(AppendText([]byte("X-WR-CALNAME:"), clip(name, 200))))
	}
	b.Write(zones.Bytes())
	b.Write(events.Bytes())
	b.WriteString("END:VCALENDAR\r\n")
	return b.Bytes(), skipped
}

// calComp is one top-level component of a VCALENDAR, as text.
type calComp struct {
	name string
	text string // BEGIN to END, lines ending in CRLF, folding kept
}

// prop is the value of the component's first property called name (its
// parameters included, so a RECURRENCE-ID with another TZID differs).
func (c calComp) prop(name string) string {
	unfolded := strings.NewReplacer("\r\n ", "", "\r\n\t", "").Replace(c.text)
	for _, line := range strings.Split(unfolded, "\r\n") {
		if len(line) > len(name) && strings.EqualFold(line[:len(name)], name) && (line[len(name)] == ':' || line[len(name)] == ';') {
			return line[len(name):]
		}
	}
	return ""
}

// components splits a calendar object into the components of its
// VCALENDAR; false when it holds none.
func components(data string) ([]calComp, bool) {
	data = strings.ReplaceAll(strings.ReplaceAll(data, "\r\n", "\n"), "\r", "\n")
	var out []calComp
	var cur strings.Builder
	inCal, depth, found := false, 0, false
	name := ""
	for _, line := range strings.Split(data, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		up := strings.ToUpper(strings.TrimSpace(line))
		switch {
		case !inCal:
			if up == "BEGIN:VCALENDAR" {
				inCal, found = true, true
			}
			continue
		case depth == 0 && up == "END:VCALENDAR":
			inCal = false
			continue
		case strings.HasPrefix(up, "BEGIN:"):
			if depth == 0 {
				name = strings.TrimPrefix(up, "BEGIN:")
				cur.Reset()
			}
			depth++
		case strings.HasPrefix(up, "END:") && depth > 0:
			depth--
			if depth == 0 {
				cur.WriteString(line + "\r\n")
				out = append(out, calComp{name: name, text: cur.String()})
				continue
			}
		}
		if depth > 0 {
			cur.WriteString(line + "\r\n")
		}
	}
	return out, found
}
