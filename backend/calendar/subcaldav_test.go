package calendar

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/caldav"
	"wheelhouse/backend/caldav/caldavtest"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/oncall"
)

// memSecrets is a keyring in memory.
type memSecrets struct {
	mu   sync.Mutex
	m    map[string]string
	fail bool // a keyring that cannot be reached
}

func (k *memSecrets) Set(key, pw string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.fail {
		return errors.New("no keyring")
	}
	if k.m == nil {
		k.m = map[string]string{}
	}
	k.m[key] = pw
	return nil
}

func (k *memSecrets) Get(key string) (string, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	pw, ok := k.m[key]
	if !ok {
		return "", errors.New("not found")
	}
	return pw, nil
}

func (k *memSecrets) Delete(key string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	delete(k.m, key)
	return nil
}

// vacationICS is one calendar object: an all-day vacation from start to
// end (exclusive dates YYYYMMDD).
func vacationICS(uid, start, end, summary string) string {
	return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:" + uid +
		"\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:" + start + "\r\nDTEND;VALUE=DATE:" + end +
		"\r\nSUMMARY:" + summary + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
}

// berlinICS is a timed event in Europe/Berlin with its VTIMEZONE.
func berlinICS(uid, start, end, summary string) string {
	return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n" +
		"BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n" +
		"TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\n" +
		"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n" +
		"BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;TZID=Europe/Berlin:" + start +
		"\r\nDTEND;TZID=Europe/Berlin:" + end + "\r\nSUMMARY:" + summary + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
}

func put(t *testing.T, cl *caldav.Client, coll, uid, body string) {
	t.Helper()
	href := coll + uid + ".ics"
	_, etag, err := cl.Get(context.Background(), href)
	if caldav.StatusOf(err) == http.StatusNotFound {
		etag, err = "", nil
	}
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cl.Put(context.Background(), href, []byte(body), etag); err != nil {
		t.Fatal(err)
	}
}

// timeOff lists the person's time off by UID: "start..end note".
func (e *subEnv) timeOff(t *testing.T) map[string]string {
	t.Helper()
	list, err := e.oc.TimeOff(oncall.TimeOffFilter{PersonID: e.person.ID})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, x := range list {
		if x.StartDate != "" {
			out[x.UID] = x.StartDate + ".." + x.EndDate + " " + x.Note
		} else {
			out[x.UID] = x.Start.UTC().Format(time.RFC3339) + ".." + x.End.UTC().Format(time.RFC3339) + " " + x.Note
		}
	}
	return out
}

func sameMap(t *testing.T, got, want map[string]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d entries %v, want %v", len(got), got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Fatalf("%s: got %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
}

func TestCalDAVSubscriptionRadicale(t *testing.T) {
	srv := caldavtest.StartRadicale(t)
	e := subSetup(t)
	keys := &memSecrets{}
	e.cal.Secrets = keys
	ctx := context.Background()
	raw := caldavtest.RawClient(t, srv)
	coll := srv.CalendarURL("vacations")
	if err := raw.MakeCalendar(ctx, coll, "Dana's vacations"); err != nil {
		t.Fatal(err)
	}
	put(t, raw, coll, "summer", vacationICS("summer@test", "20260706", "20260718", "Summer holiday"))
	put(t, raw, coll, "xmas", vacationICS("xmas@test", "20261221", "20270105", "Christmas break"))
	put(t, raw, coll, "lastyear", vacationICS("lastyear@test", "20251201", "20251206", "Last December"))
	put(t, raw, coll, "old", vacationICS("old@test", "20240603", "20240608", "Long ago")) // before the window
	put(t, raw, coll, "dentist", berlinICS("dentist@test", "20261203T090000", "20261203T120000", "Dentist"))

	// Subscribing to the server's base URL finds the account's one calendar.
	sub, err := e.cal.SaveSubscription(Subscription{Source: SourceCalDAV, URL: srv.Base() + "/", User: srv.User, Password: srv.PW,
		Refresh: RefreshDaily, Target: Target{Kind: TargetTimeOff, PersonID: e.person.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if sub.PasswordIn != PasswordKeyring || sub.Password != "" || keys.m[subKeyringKey(sub.ID)] != srv.PW {
		t.Fatalf("password kept %q (in record %q), keyring %v", sub.PasswordIn, sub.Password, keys.m)
	}
	res, err := e.cal.Refresh(ctx, sub.ID)
	if err != nil {
		t.Fatal(err)
	}
	p := res.Preview
	if res.Applied != nil || p.New != 4 || p.Removed != 0 || p.Events != 4 || p.Calendar != sub.Target.Calendar {
		t.Fatalf("first fetch: applied %v, preview %+v", res.Applied, p)
	}
	if len(e.timeOff(t)) != 0 {
		t.Fatal("the first fetch imported without the user's apply")
	}
	if _, err := e.cal.Apply(p); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"summer@test":   "2026-07-06..2026-07-17 Summer holiday",
		"xmas@test":     "2026-12-21..2027-01-04 Christmas break",
		"lastyear@test": "2025-12-01..2025-12-05 Last December",
		"dentist@test":  "2026-12-03T08:00:00Z..2026-12-03T11:00:00Z Dentist",
	}
	sameMap(t, e.timeOff(t), want)

	// Nothing changed on the server: nothing is written.
	res, err = e.cal.Refresh(ctx, sub.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !res.NotModified || res.Applied == nil || res.Applied.Unchanged != 4 || res.Applied.Added+res.Applied.Updated+res.Applied.Removed != 0 {
		t.Fatalf("unchanged refresh: not modified %v, applied %+v", res.NotModified, res.Applied)
	}

	// One vacation moved on the server: exactly that one is updated.
	put(t, raw, coll, "summer", vacationICS("summer@test", "20260713", "20260725", "Summer holiday"))
	res, err = e.cal.Refresh(ctx, sub.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a := res.Applied; a == nil || a.Updated != 1 || a.Added+a.Removed != 0 || a.Unchanged != 3 {
		t.Fatalf("after a change: %+v", res.Applied)
	}
	want["summer@test"] = "2026-07-13..2026-07-24 Summer holiday"
	sameMap(t, e.timeOff(t), want)

	// One deleted on the server: removed here.
	if err := raw.Delete(ctx, coll+"xmas.ics", ""); err != nil {
		t.Fatal(err)
	}
	res, err = e.cal.Refresh(ctx, sub.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a := res.Applied; a == nil || a.Removed != 1 || a.Added+a.Updated != 0 {
		t.Fatalf("after a delete: %+v", res.Applied)
	}
	delete(want, "xmas@test")
	sameMap(t, e.timeOff(t), want)

	// A month later last December is before the window: the server no
	// longer lists it, and it stays.
	e.clock.Advance(40 * 24 * time.Hour)
	res, err = e.cal.Refresh(ctx, sub.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a := res.Applied; res.Preview.Events != 2 || a == nil || a.Removed != 0 || a.Added+a.Updated != 0 {
		t.Fatalf("window moved: events %d, applied %+v", res.Preview.Events, res.Applied)
	}
	sameMap(t, e.timeOff(t), want)
	if s := e.sub(t, sub.ID); s.LastError != "" || s.LastFetchedAt.IsZero() || s.Password != "" {
		t.Fatalf("subscription after refreshes: %+v", s)
	}

	// The workspace file carries no password, from the keyring or not.
	keys.fail = true
	sub2, err := e.cal.SaveSubscription(Subscription{Source: SourceCalDAV, URL: coll, User: srv.User, Password: srv.PW,
		Name: "Second copy", Target: Target{Kind: TargetTimeOff, PersonID: e.person.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if sub2.PasswordIn != PasswordWorkspace {
		t.Fatalf("without a keyring the password is kept %q", sub2.PasswordIn)
	}
	if _, err := e.cal.Fetch(ctx, sub2.ID); err != nil {
		t.Fatalf("password from the workspace: %v", err)
	}
	var exported []Subscription
	if err := e.st.View(func(txn *badger.Txn) (err error) { exported, err = ExportSubscriptions(txn); return err }); err != nil {
		t.Fatal(err)
	}
	js, _ := json.Marshal(exported)
	if strings.Contains(string(js), srv.PW) || strings.Contains(string(js), `"password"`) || strings.Contains(string(js), `"workspace"`) {
		t.Fatalf("the export carries a password: %s", js)
	}
	if !strings.Contains(string(js), `"source":"caldav"`) || !strings.Contains(string(js), `"user":"alice"`) {
		t.Fatalf("the export lost the CalDAV source: %s", js)
	}
	list, _ := e.cal.Subscriptions()
	for _, s := range list {
		if s.Password != "" {
			t.Fatalf("Subscriptions returns a password: %+v", s)
		}
	}

	// Deleting the subscription removes its keyring entry.
	keys.fail = false
	if err := e.cal.DeleteSubscription(sub.ID); err != nil {
		t.Fatal(err)
	}
	if _, ok := keys.m[subKeyringKey(sub.ID)]; ok {
		t.Fatal("the keyring entry outlived its subscription")
	}
}

func TestCalDAVSubscriptionErrors(t *testing.T) {
	srv := caldavtest.StartRadicale(t)
	e := subSetup(t)
	ctx := context.Background()
	raw := caldavtest.RawClient(t, srv)
	for _, c := range []string{"one", "two"} {
		if err := raw.MakeCalendar(ctx, srv.CalendarURL(c), c); err != nil {
			t.Fatal(err)
		}
	}
	tlsSrv := httptest.NewTLSServer(http.NotFoundHandler())
	t.Cleanup(tlsSrv.Close)
	down := fmt.Sprintf("http://127.0.0.1:%d/alice/one/", caldavtest.FreePort(t))
	n := 0
	fetch := func(u, pw string) (Subscription, error) {
		t.Helper()
		n++
		sub, err := e.cal.SaveSubscription(Subscription{Source: SourceCalDAV, URL: u, User: srv.User, Password: pw,
			Name: fmt.Sprint("case ", n), Target: Target{Kind: TargetTimeOff, PersonID: e.person.ID}})
		if err != nil {
			t.Fatal(err)
		}
		_, err = e.cal.Fetch(ctx, sub.ID)
		return sub, err
	}
	for _, c := range []struct {
		name, url, pw string
		code          errs.Code
		field, msg    string
	}{
		{"wrong password", srv.CalendarURL("one"), "wrong", errs.Invalid, "password", "refused the user name or password (401 Unauthorized)"},
		{"no such calendar", srv.CalendarURL("nope"), srv.PW, errs.NotFound, "url", "There is no calendar at"},
		{"two calendars", srv.Base() + "/", srv.PW, errs.Invalid, "url", "has 2 calendars"},
		{"server down", down, srv.PW, errs.Unavailable, "", "the connection was refused"},
		{"an .ics address", e.srv.URL + "/holidays/germany.ics", srv.PW, errs.Invalid, "url", "does not answer as a CalDAV calendar"},
		{"self-signed", tlsSrv.URL + "/cal/", srv.PW, errs.Invalid, "trustSha256", "not signed by an authority this computer trusts (self-signed?). Its SHA-256 fingerprint is"},
	} {
		t.Run(c.name, func(t *testing.T) {
			sub, err := fetch(c.url, c.pw)
			wantErr(t, err, c.code, c.msg)
			if c.field != "" {
				fs := errs.FieldsOf(err)
				if len(fs) == 0 || fs[0].Field != c.field {
					t.Fatalf("fields %+v, want %s", fs, c.field)
				}
			}
			if s := e.sub(t, sub.ID); !strings.Contains(s.LastError, c.msg) || !s.LastFetchedAt.IsZero() {
				t.Fatalf("recorded: %+v", s)
			}
		})
	}
	// The self-signed certificate, once pinned, is accepted (the server
	// then says it has no calendar there).
	sub, err := fetch(tlsSrv.URL+"/cal/", srv.PW)
	fp := caldav.CertFingerprint(err)
	if fp == "" {
		t.Fatalf("no fingerprint in %v", err)
	}
	sub.TrustSHA256 = fp
	if _, err := e.cal.SaveSubscription(sub); err != nil {
		t.Fatal(err)
	}
	_, err = e.cal.Fetch(ctx, sub.ID)
	wantErr(t, err, errs.NotFound, "There is no calendar at")
}

func TestMergeObjects(t *testing.T) {
	objs := []caldav.Object{
		{Href: "/b.ics", Data: berlinICS("b@test", "20261203T090000", "20261203T120000", "B")},
		{Href: "/a.ics", Data: strings.ReplaceAll(berlinICS("a@test", "20261204T090000", "20261204T120000", "A"), "\r\n", "\n")},
		{Href: "/c.ics", Data: "not a calendar"},
		{Href: "/d.ics", Data: berlinICS("a@test", "20261205T090000", "20261205T120000", "A again")},
	}
	body, skipped := mergeObjects(objs, "Team, vacations")
	s := string(body)
	if skipped != 1 || strings.Count(s, "BEGIN:VTIMEZONE") != 1 || strings.Count(s, "BEGIN:VEVENT") != 2 ||
		!strings.Contains(s, `X-WR-CALNAME:Team\, vacations`) || strings.Index(s, "UID:a@test") > strings.Index(s, "UID:b@test") ||
		strings.Contains(s, "A again") || strings.Contains(s, "\n\n") {
		t.Fatalf("skipped %d, merged:\n%s", skipped, s)
	}
	p, err := Parse(strings.NewReader(s), DefaultLimits, now)
	if err != nil || len(p.Items) != 2 || p.Name != "Team, vacations" {
		t.Fatalf("merged calendar parses to %+v, %v", p, err)
	}
}

// Holidays from a CalDAV collection (Xandikos, no authentication): a
// holiday deleted on the server is removed, one that fell out of the
// window stays.
func TestCalDAVHolidaysXandikos(t *testing.T) {
	srv := caldavtest.StartXandikos(t)
	e := subSetup(t)
	ctx := context.Background()
	raw := caldavtest.RawClient(t, srv)
	coll := srv.CalendarURL("holidays")
	if err := raw.MakeCalendar(ctx, coll, "Holidays in Germany"); err != nil {
		t.Fatal(err)
	}
	day := func(uid, date, name string) {
		put(t, raw, coll, uid, holidayICS([3]string{uid + "@test", date, name}))
	}
	day("unity", "20261003", "German Unity Day")
	day("xmas", "20261225", "Christmas Day")
	day("boxing", "20261226", "Second Day of Christmas")
	sub, err := e.cal.SaveSubscription(Subscription{Source: SourceCalDAV, URL: coll, Refresh: RefreshWeekly,
		Target: Target{Kind: TargetHolidays, RegionID: e.region.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if sub.PasswordIn != PasswordNone || sub.Name != "127.0.0.1 holidays" {
		t.Fatalf("no password given: kept %q; name %q", sub.PasswordIn, sub.Name)
	}
	res, err := e.cal.Fetch(ctx, sub.ID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Preview.New != 3 || res.Preview.Calendar != "127.0.0.1 holidays" {
		t.Fatalf("preview %+v", res.Preview)
	}
	if _, err := e.cal.Apply(res.Preview); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"2026-10-03": "German Unity Day", "2026-12-25": "Christmas Day", "2026-12-26": "Second Day of Christmas"}
	sameMap(t, e.holidays(t), want)

	// A year on, German Unity Day 2026 is before the window: kept. Boxing
	// Day was deleted on the server: removed.
	if err := raw.Delete(ctx, coll+"boxing.ics", ""); err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(380 * 24 * time.Hour)
	res, err = e.cal.Refresh(ctx, sub.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a := res.Applied; a == nil || a.Removed != 1 || a.Added+a.Updated != 0 || a.Unchanged != 1 {
		t.Fatalf("a year on: events %d, applied %+v, changes %+v", res.Preview.Events, res.Applied, res.Preview.Changes)
	}
	delete(want, "2026-12-26")
	sameMap(t, e.holidays(t), want)
}
