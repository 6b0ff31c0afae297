package app

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"wheelhouse/backend/clock"
)

func (r *recorder) has(name string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, e := range r.events {
		if e == name {
			return true
		}
	}
	return false
}

// A calendar subscription through the bound API: validation next to the
// fields, the first Fetch now gives a preview applied like a file, later
// fetches apply, the minute loop refreshes what is due in the background,
// a failed fetch is reported and changes nothing.
func TestCalendarSubscriptionThroughAPI(t *testing.T) {
	var mu sync.Mutex
	body := googleHolidays
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		etag := fmt.Sprintf(`"%d"`, len(body))
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "text/calendar")
		io.WriteString(w, body)
	}))
	defer srv.Close()
	fake := clock.NewFake(time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC))
	s := shellWith(t, Config{Clock: fake})
	rec := &recorder{}
	s.SetEmitter(rec)
	api := NewCalendarAPI(s)
	oc := NewOnCallAPI(s)

	// Field errors, and no region is created for a refused subscription.
	_, err := api.SaveSubscription(SubscriptionInput{URL: "ftp://example.com/h.ics", Refresh: "hourly",
		Target: ImportTargetDTO{Kind: "holidays", RegionName: "Germany"}})
	ae := apiErr(t, err)
	got := map[string]string{}
	for _, f := range ae.Fields {
		got[f.Field] = f.Message
	}
	if ae.Code != "invalid" || got["url"] == "" || got["refresh"] == "" {
		t.Fatalf("validation: %+v", ae)
	}
	if rs, _ := oc.Regions(); len(rs) != 0 {
		t.Fatalf("a refused subscription created a region: %+v", rs)
	}
	if _, err := api.SaveSubscription(SubscriptionInput{URL: srv.URL + "/h.ics", Target: ImportTargetDTO{Kind: "holidays"}}); apiErr(t, err).Field != "regionId" {
		t.Fatal("a holiday subscription without a region")
	}

	sub, err := api.SaveSubscription(SubscriptionInput{Name: "German holidays", URL: srv.URL + "/h.ics", Refresh: "manual",
		Target: ImportTargetDTO{Kind: "holidays", RegionName: "Germany"}})
	if err != nil || sub.Target.RegionID == "" || sub.LastFetchedAt != "" || sub.Target.Calendar != "German holidays" {
		t.Fatalf("created: %+v %v", sub, err)
	}
	// First fetch: a preview; nothing written until it is applied.
	f, err := api.FetchSubscription(sub.ID)
	if err != nil || f.Preview == nil || f.Token == "" || f.Applied != nil || f.Preview.New != 2 || f.Subscription.LastFetchedAt == "" {
		t.Fatalf("first fetch: %+v %v", f, err)
	}
	if rs, _ := oc.Regions(); len(rs) != 1 || len(rs[0].Holidays) != 0 {
		t.Fatalf("the first fetch wrote holidays: %+v", rs)
	}
	if res, err := api.ApplyImport(f.Token); err != nil || res.Added != 2 {
		t.Fatalf("apply: %+v %v", res, err)
	}
	// Later fetches apply by themselves (here: 304, nothing to do).
	f, err = api.FetchSubscription(sub.ID)
	if err != nil || f.Preview != nil || f.Applied == nil || f.Applied.Unchanged != 2 || !f.NotModified {
		t.Fatalf("second fetch: %+v %v", f, err)
	}

	// A schedule: the minute loop's refresh picks it up a day later.
	if sub, err = api.SaveSubscription(SubscriptionInput{ID: sub.ID, Name: sub.Name, URL: sub.URL, Refresh: "daily"}); err != nil || sub.Refresh != "daily" {
		t.Fatalf("schedule: %+v %v", sub, err)
	}
	mu.Lock()
	body = googleHolidays[:len(googleHolidays)-len("END:VCALENDAR\r\n")] +
		"BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\nUID:ny@google\r\nSUMMARY:New Year's Day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	mu.Unlock()
	fake.Advance(25 * time.Hour)
	s.RefreshCalendars(context.Background())
	deadline := time.Now().Add(10 * time.Second)
	for !rec.has(EventCalendarsRefreshed) || s.refreshing.Load() {
		if time.Now().After(deadline) {
			t.Fatalf("no refresh event: %v", rec.events)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if rs, _ := oc.Regions(); len(rs[0].Holidays) != 3 {
		t.Fatalf("holidays after the scheduled refresh: %+v", rs[0].Holidays)
	}

	// Offline: the fetch fails with a message, the list says so, nothing else changes.
	srv.Close()
	_, err = api.FetchSubscription(sub.ID)
	if ae := apiErr(t, err); ae.Code != "unavailable" {
		t.Fatalf("offline fetch: %+v", ae)
	}
	subs, err := api.Subscriptions()
	if err != nil || len(subs) != 1 || subs[0].LastError == "" || subs[0].CachedBytes == 0 {
		t.Fatalf("after the failed fetch: %+v %v", subs, err)
	}
	if rs, _ := oc.Regions(); len(rs[0].Holidays) != 3 {
		t.Fatalf("holidays after a failed fetch: %+v", rs[0].Holidays)
	}
	if err := api.DeleteSubscription(sub.ID); err != nil {
		t.Fatal(err)
	}
	if subs, _ := api.Subscriptions(); len(subs) != 0 {
		t.Fatalf("subscriptions after delete: %+v", subs)
	}
	if rs, _ := oc.Regions(); len(rs[0].Holidays) != 3 {
		t.Fatal("deleting the subscription deleted what it imported")
	}
}
