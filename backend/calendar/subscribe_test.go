package calendar

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// subEnv is a workspace on a real Badger in a temporary folder, with a
// holiday region, a person and a calendar server the test controls.
type subEnv struct {
	dir    string
	st     *store.Store
	clock  *clock.Fake
	cal    *Service
	oc     *oncall.Service
	region oncall.Region
	person people.Person
	srv    *httptest.Server
	cs     *calServer
}

// calServer serves one calendar body with an ETag and answers conditional
// requests; a test can change the body, the status or delay answers.
type calServer struct {
	mu          sync.Mutex
	body        string
	ctype       string
	status      int           // 0: 200 (or 304 when the ETag matches)
	delay       time.Duration // before answering
	conditional atomic.Int32  // requests that carried If-None-Match
	hits        atomic.Int32
	lastIfNone  string
}

func (c *calServer) set(body string) {
	c.mu.Lock()
	c.body = body
	c.mu.Unlock()
}

func (c *calServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.hits.Add(1)
	c.mu.Lock()
	body, ctype, status, delay := c.body, c.ctype, c.status, c.delay
	c.lastIfNone = r.Header.Get("If-None-Match")
	c.mu.Unlock()
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
	}
	if status != 0 && status != http.StatusOK {
		http.Error(w, http.StatusText(status), status)
		return
	}
	etag := fmt.Sprintf(`"%x"`, len(body)*31+int(body[len(body)/2]))
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		c.conditional.Add(1)
		if inm == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	if ctype == "" {
		ctype = "text/calendar; charset=utf-8"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("ETag", etag)
	w.Header().Set("Last-Modified", "Mon, 02 Nov 2026 10:00:00 GMT")
	fmt.Fprint(w, body)
}

func holidayICS(events ...[3]string) string {
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nX-WR-CALNAME:Holidays in Germany\r\n")
	for _, e := range events { // uid, date YYYYMMDD, summary
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:%s\r\nSUMMARY:%s\r\nEND:VEVENT\r\n", e[0], e[1], e[2])
	}
	b.WriteString("END:VCALENDAR\r\n")
	return b.String()
}

var (
	xmas    = [3]string{"xmas@test", "20261225", "Christmas Day"}
	boxing  = [3]string{"boxing@test", "20261226", "Second Day of Christmas"}
	newYear = [3]string{"ny@test", "20270101", "New Year's Day"}
)

func subSetup(t *testing.T) *subEnv {
	t.Helper()
	e := &subEnv{dir: t.TempDir(), clock: clock.NewFake(now), cs: &calServer{body: holidayICS(xmas, boxing)}}
	e.open(t)
	var err error
	if e.region, err = e.oc.SaveRegion(oncall.Region{Name: "Germany"}); err != nil {
		t.Fatal(err)
	}
	if e.person, err = people.NewRoster(e.st, e.clock).CreatePerson(people.Person{Name: "Dana Xu", TimeZone: "Europe/Berlin"}); err != nil {
		t.Fatal(err)
	}
	e.srv = httptest.NewServer(e.cs)
	t.Cleanup(e.srv.Close)
	return e
}

func (e *subEnv) open(t *testing.T) {
	t.Helper()
	st, err := store.Open(e.dir, store.Options{Clock: e.clock, GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e.st = st
	e.oc = oncall.NewService(st, e.clock)
	e.oc.AddRegionRefs(DetachTarget)
	if e.cal, err = NewService(st, e.clock, nil); err != nil {
		t.Fatal(err)
	}
	e.cal.FetchTimeout = 5 * time.Second
}

func (e *subEnv) subscribe(t *testing.T, refresh string) Subscription {
	t.Helper()
	sub, err := e.cal.SaveSubscription(Subscription{URL: e.srv.URL + "/holidays/germany.ics", Refresh: refresh,
		Target: Target{Kind: TargetHolidays, RegionID: e.region.ID}})
	if err != nil {
		t.Fatal(err)
	}
	return sub
}

// subscribeApplied subscribes, fetches and applies the first preview.
func (e *subEnv) subscribeApplied(t *testing.T, refresh string) Subscription {
	t.Helper()
	sub := e.subscribe(t, refresh)
	res, err := e.cal.Fetch(context.Background(), sub.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.cal.Apply(res.Preview); err != nil {
		t.Fatal(err)
	}
	return sub
}

func (e *subEnv) holidays(t *testing.T) map[string]string {
	t.Helper()
	rg, err := e.oc.RegionByName("Germany")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, h := range rg.Holidays {
		if _, dup := out[h.Date]; dup {
			t.Fatalf("holiday on %s twice: %+v", h.Date, rg.Holidays)
		}
		out[h.Date] = h.Name
	}
	return out
}

func (e *subEnv) sub(t *testing.T, u id.ID) Subscription {
	t.Helper()
	s, err := e.cal.Subscription(u)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func wantErr(t *testing.T, err error, code errs.Code, contains string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %s containing %q", code, contains)
	}
	if errs.CodeOf(err) != code || !strings.Contains(errs.MessageOf(err), contains) {
		t.Fatalf("error %v (%s: %q), want %s containing %q", err, errs.CodeOf(err), errs.MessageOf(err), code, contains)
	}
}

// cacheKeys counts the cached chunks of a subscription.
func (e *subEnv) cacheKeys(t *testing.T, u id.ID) int {
	t.Helper()
	n := 0
	_ = e.st.View(func(txn *badger.Txn) error {
		n = store.CountPrefix(txn, store.Key(store.PrefixCalSubCache, u))
		return nil
	})
	return n
}

func TestSubscriptionFirstFetchPreviewsThenApplyRecordsIt(t *testing.T) {
	e := subSetup(t)
	sub := e.subscribe(t, RefreshManual)
	if sub.Name != "127.0.0.1 germany" || sub.Target.Calendar != sub.Name || sub.Refresh != RefreshManual {
		t.Fatalf("defaults: %+v", sub)
	}
	ctx := context.Background()
	res, err := e.cal.Refresh(ctx, sub.ID)
	if err != nil {
		t.Fatal(err)
	}
	// Never applied: a preview only, nothing written to the region.
	if res.Applied != nil || res.Preview.New != 2 || res.Preview.Subscription != sub.ID || res.NotModified {
		t.Fatalf("first refresh: %+v, preview %+v", res, res.Preview)
	}
	if len(e.holidays(t)) != 0 {
		t.Fatal("the first fetch imported before the user applied the preview")
	}
	got := e.sub(t, sub.ID)
	if !got.LastFetchedAt.Equal(now) || got.LastError != "" || !got.LastAppliedAt.IsZero() || got.Cache.ETag == "" || got.Cache.Bytes != int64(len(e.cs.body)) {
		t.Fatalf("after the fetch: %+v", got)
	}
	body, err := e.cal.CachedBody(sub.ID)
	if err != nil || string(body) != e.cs.body {
		t.Fatalf("cached body %q, %v", body, err)
	}
	// The user applies the preview.
	e.clock.Advance(time.Minute)
	ar, err := e.cal.Apply(res.Preview)
	if err != nil || ar.Added != 2 {
		t.Fatalf("apply: %+v, %v", ar, err)
	}
	if h := e.holidays(t); h["2026-12-25"] != "Christmas Day" || h["2026-12-26"] != "Second Day of Christmas" {
		t.Fatalf("holidays %v", h)
	}
	if got := e.sub(t, sub.ID); !got.LastAppliedAt.Equal(now.Add(time.Minute)) {
		t.Fatalf("LastAppliedAt %v", got.LastAppliedAt)
	}
}

func TestSubscriptionRefetchUpdatesByUIDAndHonours304(t *testing.T) {
	e := subSetup(t)
	sub := e.subscribeApplied(t, RefreshDaily)
	ctx := context.Background()

	// Unchanged on the server: a conditional request, a 304, nothing written.
	e.clock.Advance(time.Hour)
	res, err := e.cal.Refresh(ctx, sub.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !res.NotModified || e.cs.conditional.Load() != 1 || res.Applied == nil || res.Applied.Unchanged != 2 || res.Applied.Added != 0 {
		t.Fatalf("304 refresh: %+v applied %+v (conditional requests %d)", res, res.Applied, e.cs.conditional.Load())
	}
	if got := e.sub(t, sub.ID); !got.LastFetchedAt.Equal(now.Add(time.Hour)) || got.Cache.FetchedAt != now {
		t.Fatalf("after 304: fetched %v, body from %v", got.LastFetchedAt, got.Cache.FetchedAt)
	}

	// Changed: Christmas renamed, the second day gone, New Year added.
	e.cs.set(holidayICS([3]string{"xmas@test", "20261225", "Christmas"}, newYear))
	e.clock.Advance(time.Hour)
	res, err = e.cal.Refresh(ctx, sub.ID)
	if err != nil {
		t.Fatal(err)
	}
	if res.NotModified || res.Applied == nil || *res.Applied != (ApplyResult{Added: 1, Updated: 1, Removed: 1}) {
		t.Fatalf("changed refresh: %+v applied %+v", res, res.Applied)
	}
	h := e.holidays(t)
	if len(h) != 2 || h["2026-12-25"] != "Christmas" || h["2027-01-01"] != "New Year's Day" {
		t.Fatalf("holidays after the update %v", h)
	}
	// The old body's chunks are gone; one generation is kept.
	if n := e.cacheKeys(t, sub.ID); n != 1 {
		t.Fatalf("%d cached chunks, want 1", n)
	}
	// A damaged cached copy is noticed on a 304 and fetched again whole.
	cur := e.sub(t, sub.ID)
	if err := e.st.Update(func(txn *badger.Txn) error { return txn.Set(cacheKey(sub.ID, cur.Cache.Gen, 0), []byte("garbage")) }); err != nil {
		t.Fatal(err)
	}
	cond := e.cs.conditional.Load()
	res, err = e.cal.Refresh(ctx, sub.ID)
	if err != nil || res.NotModified || e.cs.conditional.Load() != cond+1 || res.Applied == nil || res.Applied.Unchanged != 2 {
		t.Fatalf("refresh over a damaged cache: %+v %v", res, err)
	}
	if body, err := e.cal.CachedBody(sub.ID); err != nil || string(body) != e.cs.body {
		t.Fatalf("cache after the repair: %v", err)
	}
	// A file import of the same calendar name is the same calendar: no duplicates.
	p, err := e.cal.Preview(strings.NewReader(e.cs.body), Target{Kind: TargetHolidays, RegionID: e.region.ID, Calendar: sub.Target.Calendar})
	if err != nil || p.Unchanged != 2 || p.New != 0 {
		t.Fatalf("file preview of the same calendar: %+v %v", p, err)
	}
}

func TestSubscriptionFailedFetchesChangeNothing(t *testing.T) {
	e := subSetup(t)
	sub := e.subscribeApplied(t, RefreshManual)
	ctx := context.Background()
	good := e.sub(t, sub.ID)
	goodBody := e.cs.body

	huge := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/calendar")
		if r.URL.Path == "/declared" {
			w.Header().Set("Content-Length", fmt.Sprint(DefaultLimits.MaxBytes+1))
			return
		}
		// Chunked, no length: a valid start, then more than the limit.
		fmt.Fprint(w, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n")
		line := []byte("X-FILL:" + strings.Repeat("a", 1000) + "\r\n")
		for n := 0; n <= int(DefaultLimits.MaxBytes); n += len(line) {
			if _, err := w.Write(line); err != nil {
				return
			}
		}
	}))
	defer huge.Close()

	cases := []struct {
		name    string
		prepare func()
		url     string
		code    errs.Code
		msg     string
	}{
		{"404", func() { e.cs.status = http.StatusNotFound }, "", errs.Invalid, "answered 404 Not Found"},
		{"500", func() { e.cs.status = http.StatusInternalServerError }, "", errs.Unavailable, "answered 500 Internal Server Error"},
		{"web page", func() { e.cs.body, e.cs.ctype = "<!doctype html><title>Sign in</title>", "text/html; charset=utf-8" }, "", errs.Invalid, "returned a web page, not a calendar"},
		{"garbage", func() { e.cs.body, e.cs.ctype = "\x00\x01 this is not a calendar at all", "application/octet-stream" }, "", errs.Invalid, "did not return a calendar Wheelhouse can read: This is not an iCalendar file"},
		{"truncated", func() { e.cs.body = goodBody[:strings.Index(goodBody, "END:VCALENDAR")] }, "", errs.Invalid, "cut short"},
		{"timeout", func() { e.cs.delay = 2 * time.Second }, "", errs.Unavailable, "did not answer within 300ms"},
		{"declared too big", nil, huge.URL + "/declared", errs.Invalid, "larger than 64 MB"},
		{"streamed too big", nil, huge.URL + "/stream", errs.Invalid, "larger than 64 MB"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e.cs.mu.Lock()
			e.cs.body, e.cs.ctype, e.cs.status, e.cs.delay = goodBody, "", 0, 0
			if c.prepare != nil {
				c.prepare()
			}
			e.cs.mu.Unlock()
			if c.url != "" {
				if _, err := e.cal.SaveSubscription(Subscription{ID: sub.ID, Name: sub.Name, URL: c.url, Refresh: RefreshManual}); err != nil {
					t.Fatal(err)
				}
				// A new address forgets the cached copy: put the good one back afterwards.
				defer func() {
					if _, err := e.cal.SaveSubscription(Subscription{ID: sub.ID, Name: sub.Name, URL: good.URL, Refresh: RefreshManual}); err != nil {
						t.Fatal(err)
					}
					r, err := e.cal.Fetch(ctx, sub.ID)
					if err != nil {
						t.Fatal(err)
					}
					good.Cache = r.Subscription.Cache
				}()
			}
			e.cal.FetchTimeout = 30 * time.Second // a 64 MB stream on a loaded machine
			if c.name == "timeout" {
				e.cal.FetchTimeout = 300 * time.Millisecond
			}
			e.clock.Advance(time.Minute)
			before := e.sub(t, sub.ID)
			_, err := e.cal.Refresh(ctx, sub.ID)
			wantErr(t, err, c.code, c.msg)
			t.Logf("%s: %s", c.name, errs.MessageOf(err))
			got := e.sub(t, sub.ID)
			if got.LastError != errs.MessageOf(err) || !got.LastAttemptAt.Equal(e.clock.Now()) || !got.LastFetchedAt.Equal(before.LastFetchedAt) || got.Cache != before.Cache {
				t.Fatalf("after the failure: %+v (before %+v)", got, before)
			}
			if h := e.holidays(t); len(h) != 2 {
				t.Fatalf("holidays changed: %v", h)
			}
			if c.url == "" {
				if body, err := e.cal.CachedBody(sub.ID); err != nil || string(body) != goodBody {
					t.Fatalf("the cached copy changed: %v", err)
				}
			}
		})
	}
	// A good fetch clears the error.
	e.cs.mu.Lock()
	e.cs.body, e.cs.ctype, e.cs.status, e.cs.delay = goodBody, "", 0, 0
	e.cs.mu.Unlock()
	if _, err := e.cal.Refresh(ctx, sub.ID); err != nil {
		t.Fatal(err)
	}
	if got := e.sub(t, sub.ID); got.LastError != "" {
		t.Fatalf("the error stays after a good fetch: %q", got.LastError)
	}
}

func TestSubscriptionOfflineKeepsTheCacheAcrossRestarts(t *testing.T) {
	e := subSetup(t)
	sub := e.subscribeApplied(t, RefreshWeekly)
	ctx := context.Background()
	body := e.cs.body
	e.srv.Close() // offline from now on

	// The workspace is closed and opened again: the cache is in the database.
	if err := e.st.Close(); err != nil {
		t.Fatal(err)
	}
	e.open(t)
	e.clock.Advance(8 * 24 * time.Hour)
	_, err := e.cal.Refresh(ctx, sub.ID)
	wantErr(t, err, errs.Unavailable, "Cannot reach 127.0.0.1:")
	t.Logf("offline: %s", errs.MessageOf(err))
	if !strings.Contains(errs.MessageOf(err), "refused") {
		t.Fatalf("message %q does not say the connection was refused", errs.MessageOf(err))
	}
	got, err := e.cal.CachedBody(sub.ID)
	if err != nil || string(got) != body {
		t.Fatalf("cached body after a failed offline fetch: %q, %v", got, err)
	}
	if h := e.holidays(t); len(h) != 2 {
		t.Fatalf("holidays %v", h)
	}
	s := e.sub(t, sub.ID)
	if s.LastError == "" || !s.LastFetchedAt.Equal(now) || s.LastAppliedAt.IsZero() {
		t.Fatalf("status after the offline fetch: %+v", s)
	}

	// An unknown host is its own message.
	if _, err := e.cal.SaveSubscription(Subscription{ID: sub.ID, Name: s.Name, URL: "http://calendar.invalid/x.ics", Refresh: RefreshWeekly}); err != nil {
		t.Fatal(err)
	}
	_, err = e.cal.Fetch(ctx, sub.ID)
	wantErr(t, err, errs.Unavailable, "calendar.invalid")
	t.Logf("unknown host: %s", errs.MessageOf(err))
	if n := e.cacheKeys(t, sub.ID); n != 0 {
		t.Fatalf("a new address keeps %d cached chunks", n)
	}
}

func TestSubscriptionScheduleRefreshesOnlyWhatIsDue(t *testing.T) {
	e := subSetup(t)
	ctx := context.Background()
	manual := e.subscribe(t, RefreshManual)
	daily, err := e.cal.SaveSubscription(Subscription{Name: "Daily", URL: e.srv.URL + "/d.ics", Refresh: RefreshDaily,
		Target: Target{Kind: TargetTimeOff, PersonID: e.person.ID}})
	if err != nil {
		t.Fatal(err)
	}
	// Nothing applied yet: nothing is due, nothing is fetched.
	if out, err := e.cal.RefreshDue(ctx); err != nil || len(out) != 0 || e.cs.hits.Load() != 0 {
		t.Fatalf("before any apply: %+v %v (%d requests)", out, err, e.cs.hits.Load())
	}
	for _, u := range []id.ID{manual.ID, daily.ID} {
		r, err := e.cal.Fetch(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.cal.Apply(r.Preview); err != nil {
			t.Fatal(err)
		}
	}
	toff, err := e.oc.TimeOff(oncall.TimeOffFilter{PersonID: e.person.ID})
	if err != nil || len(toff) != 2 || toff[0].Calendar != "Daily" || toff[0].Source != oncall.SourceImport {
		t.Fatalf("time off from the subscription: %+v %v", toff, err)
	}
	hits := e.cs.hits.Load()
	e.clock.Advance(23 * time.Hour)
	if out, _ := e.cal.RefreshDue(ctx); len(out) != 0 || e.cs.hits.Load() != hits {
		t.Fatalf("refreshed before a day passed: %+v", out)
	}
	e.cs.set(holidayICS(xmas, boxing, newYear))
	e.clock.Advance(time.Hour)
	out, err := e.cal.RefreshDue(ctx)
	if err != nil || len(out) != 1 || out[0].ID != daily.ID || out[0].Err != nil || !out[0].Changed() || out[0].Applied.Added != 1 {
		t.Fatalf("due refresh: %+v %v", out, err)
	}
	if toff, _ := e.oc.TimeOff(oncall.TimeOffFilter{PersonID: e.person.ID}); len(toff) != 3 {
		t.Fatalf("time off after the refresh: %d entries", len(toff))
	}
	if h := e.holidays(t); len(h) != 2 {
		t.Fatalf("the manual subscription was refreshed: %v", h)
	}

	// A failure is retried after an hour, not every minute.
	e.cs.mu.Lock()
	e.cs.status = http.StatusServiceUnavailable
	e.cs.mu.Unlock()
	e.clock.Advance(24 * time.Hour)
	if out, _ := e.cal.RefreshDue(ctx); len(out) != 1 || !errs.Is(out[0].Err, errs.Unavailable) {
		t.Fatalf("failing refresh: %+v", out)
	}
	e.clock.Advance(30 * time.Minute)
	if out, _ := e.cal.RefreshDue(ctx); len(out) != 0 {
		t.Fatalf("retried within the hour: %+v", out)
	}
	e.clock.Advance(31 * time.Minute)
	if out, _ := e.cal.RefreshDue(ctx); len(out) != 1 {
		t.Fatalf("not retried after an hour: %+v", out)
	}
}

func TestSubscriptionValidation(t *testing.T) {
	e := subSetup(t)
	holidays := Target{Kind: TargetHolidays, RegionID: e.region.ID}
	cases := []struct {
		name  string
		sub   Subscription
		field string
		msg   string
	}{
		{"no url", Subscription{Target: holidays}, "url", "Enter the calendar's address"},
		{"file url", Subscription{URL: "file:///etc/passwd", Target: holidays}, "url", "Only http:// and https://"},
		{"ftp", Subscription{URL: "ftp://example.com/h.ics", Target: holidays}, "url", "not ftp:"},
		{"no scheme", Subscription{URL: "example.com/h.ics", Target: holidays}, "url", "should start with https://"},
		{"no host", Subscription{URL: "https:///h.ics", Target: holidays}, "url", "no server name"},
		{"bad port", Subscription{URL: "https://example.com:99999/h.ics", Target: holidays}, "url", "not a port number"},
		{"too long", Subscription{URL: "https://example.com/" + strings.Repeat("a", MaxURL), Target: holidays}, "url", "too long"},
		{"schedule", Subscription{URL: "https://example.com/h.ics", Refresh: "hourly", Target: holidays}, "refresh", "manually, daily or weekly"},
		{"name too long", Subscription{Name: strings.Repeat("n", 300), URL: "https://example.com/h.ics", Target: holidays}, "name", "too long"},
		{"no target", Subscription{URL: "https://example.com/h.ics"}, "kind", "Import holidays for a region or time off for a person"},
		{"no region", Subscription{URL: "https://example.com/h.ics", Target: Target{Kind: TargetHolidays}}, "regionId", "Choose the holiday region"},
		{"unknown region", Subscription{URL: "https://example.com/h.ics", Target: Target{Kind: TargetHolidays, RegionID: id.New(now)}}, "regionId", "does not exist"},
		{"unknown person", Subscription{URL: "https://example.com/h.ics", Target: Target{Kind: TargetTimeOff, PersonID: id.New(now)}}, "personId", "does not exist"},
		{"bad kind", Subscription{URL: "https://example.com/h.ics", Target: Target{Kind: TargetTimeOff, PersonID: e.person.ID, TimeOffKind: "party"}}, "timeOffKind", "Kind must be"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := e.cal.SaveSubscription(c.sub)
			wantErr(t, err, errs.Invalid, c.msg)
			found := false
			for _, f := range errs.FieldsOf(err) {
				found = found || f.Field == c.field
			}
			if !found {
				t.Fatalf("no error on field %s: %+v", c.field, errs.FieldsOf(err))
			}
		})
	}
	if subs, _ := e.cal.Subscriptions(); len(subs) != 0 {
		t.Fatalf("invalid subscriptions were stored: %+v", subs)
	}
	// webcal:// is https://; a second subscription of the same name into the same region is refused.
	s, err := e.cal.SaveSubscription(Subscription{Name: "Public holidays", URL: " webcal://example.com/h.ics#x ", Target: holidays})
	if err != nil || s.URL != "https://example.com/h.ics" {
		t.Fatalf("webcal: %+v %v", s, err)
	}
	_, err = e.cal.SaveSubscription(Subscription{Name: "public holidays", URL: "https://example.org/h.ics", Target: holidays})
	wantErr(t, err, errs.Invalid, "already called Public holidays")
	// Renaming keeps the calendar name the entries carry.
	s, err = e.cal.SaveSubscription(Subscription{ID: s.ID, Name: "Feiertage", URL: s.URL, Refresh: RefreshWeekly})
	if err != nil || s.Name != "Feiertage" || s.Target.Calendar != "Public holidays" || s.Refresh != RefreshWeekly || s.Target.RegionID != e.region.ID {
		t.Fatalf("rename: %+v %v", s, err)
	}
}

func TestSubscriptionGoesWithItsRegionAndItsCache(t *testing.T) {
	e := subSetup(t)
	sub := e.subscribe(t, RefreshManual)
	if _, err := e.cal.Fetch(context.Background(), sub.ID); err != nil {
		t.Fatal(err)
	}
	if e.cacheKeys(t, sub.ID) != 1 {
		t.Fatal("nothing cached")
	}
	if err := e.oc.DeleteRegion(e.region.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.cal.Subscription(sub.ID); !errs.Is(err, errs.NotFound) {
		t.Fatalf("the subscription outlived its region: %v", err)
	}
	if n := e.cacheKeys(t, sub.ID); n != 0 {
		t.Fatalf("%d cached chunks left", n)
	}
}

func TestSubscriptionBigBodyIsCachedInChunks(t *testing.T) {
	e := subSetup(t)
	var b bytes.Buffer
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n")
	for i := 0; b.Len() < 3*cacheChunk+100; i++ {
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:%d@big\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:20270101\r\nSUMMARY:%s\r\nEND:VEVENT\r\n", i, strings.Repeat("z", 200))
	}
	b.WriteString("END:VCALENDAR\r\n")
	e.cs.set(b.String())
	sub, err := e.cal.SaveSubscription(Subscription{Name: "Big", URL: e.srv.URL + "/big.ics", Target: Target{Kind: TargetTimeOff, PersonID: e.person.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.cal.Fetch(context.Background(), sub.ID); err != nil {
		t.Fatal(err)
	}
	if n := e.cacheKeys(t, sub.ID); n != 4 {
		t.Fatalf("%d chunks, want 4", n)
	}
	got, err := e.cal.CachedBody(sub.ID)
	if err != nil || !bytes.Equal(got, b.Bytes()) {
		t.Fatalf("cached body differs (%d bytes, %v)", len(got), err)
	}
}
