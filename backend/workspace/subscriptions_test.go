package workspace_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"wheelhouse/backend/calendar"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/people"
	"wheelhouse/backend/workspace"
)

const subICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n" +
	"BEGIN:VEVENT\r\nUID:xmas@test\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:20261225\r\nSUMMARY:Christmas Day\r\nEND:VEVENT\r\n" +
	"END:VCALENDAR\r\n"

// Calendar subscriptions are part of the workspace file (without their
// machine-local cached copy) and survive export and import.
func TestCalendarSubscriptionsInTheWorkspaceFile(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		fmt.Fprint(w, subICS)
	}))
	defer srv.Close()
	w := open(t, t.TempDir())
	rg, err := w.OnCall.SaveRegion(oncall.Region{Name: "Germany"})
	if err != nil {
		t.Fatal(err)
	}
	p, err := w.Roster.CreatePerson(people.Person{Name: "Dana Xu", TimeZone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	hol, err := w.Calendar.SaveSubscription(calendar.Subscription{Name: "German holidays", URL: srv.URL + "/de.ics", Refresh: calendar.RefreshWeekly,
		Target: calendar.Target{Kind: calendar.TargetHolidays, RegionID: rg.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Calendar.SaveSubscription(calendar.Subscription{URL: srv.URL + "/dana.ics",
		Target: calendar.Target{Kind: calendar.TargetTimeOff, PersonID: p.ID, TimeOffKind: oncall.KindOther}}); err != nil {
		t.Fatal(err)
	}
	res, err := w.Calendar.Fetch(context.Background(), hol.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Calendar.Apply(res.Preview); err != nil {
		t.Fatal(err)
	}

	first := export(t, w)
	var raw struct {
		Subs []map[string]any `json:"calendarSubscriptions"`
	}
	if err := json.Unmarshal(first, &raw); err != nil || len(raw.Subs) != 2 {
		t.Fatalf("calendarSubscriptions in the file: %+v %v", raw.Subs, err)
	}
	for _, s := range raw.Subs {
		if _, ok := s["cache"]; ok {
			t.Fatalf("the cache is in the file: %v", s)
		}
	}
	snap, err := workspace.Parse(bytes.NewReader(first), now)
	if err != nil {
		t.Fatal(err)
	}
	dst := t.TempDir()
	if _, err := workspace.ImportFolder(dst, snap, false, opts); err != nil {
		t.Fatal(err)
	}
	w2 := open(t, dst)
	if second := export(t, w2); !bytes.Equal(first, second) {
		t.Fatalf("round trip changed the file:\n%s", firstDiff(first, second))
	}
	subs, err := w2.Calendar.Subscriptions()
	if err != nil || len(subs) != 2 {
		t.Fatalf("subscriptions after import: %+v %v", subs, err)
	}
	var got calendar.Subscription
	for _, s := range subs {
		if s.ID == hol.ID {
			got = s
		}
	}
	if got.URL != hol.URL || got.Target != hol.Target || got.Refresh != calendar.RefreshWeekly || got.LastAppliedAt.IsZero() || got.LastFetchedAt.IsZero() || !got.Cache.Gen.IsZero() {
		t.Fatalf("imported subscription %+v", got)
	}
	if _, err := w2.Calendar.CachedBody(hol.ID); !errs.Is(err, errs.NotFound) {
		t.Fatalf("a cache after import: %v", err)
	}
	// The subscription still fetches (a fresh, unconditional request) and finds nothing new.
	r, err := w2.Calendar.Refresh(context.Background(), hol.ID)
	if err != nil || r.NotModified || r.Applied == nil || r.Applied.Unchanged != 1 || r.Applied.Added != 0 {
		t.Fatalf("refresh after import: %+v %v", r, err)
	}

	// Deleting the person deletes the subscription of their time off.
	im, err := w2.Roster.DeleteImpact(p.ID)
	if err != nil || !strings.Contains(strings.Join(im.Items, "\n"), "calendar subscription") {
		t.Fatalf("delete impact %+v %v", im, err)
	}
	if _, err := w2.Roster.DeletePerson(p.ID, p.Name); err != nil {
		t.Fatal(err)
	}
	if subs, _ := w2.Calendar.Subscriptions(); len(subs) != 1 || subs[0].ID != hol.ID {
		t.Fatalf("subscriptions after deleting the person: %+v", subs)
	}
	// ... and the file still validates.
	if _, err := workspace.Parse(bytes.NewReader(export(t, w2)), now); err != nil {
		t.Fatal(err)
	}
}

func TestCalendarSubscriptionProblemsAreLocated(t *testing.T) {
	w := open(t, t.TempDir())
	s, err := w.Load()
	if err != nil {
		t.Fatal(err)
	}
	s.CalendarSubscriptions = []calendar.Subscription{
		{ID: id.New(now), Name: "Holidays", URL: "ftp://example.com/h.ics", Target: calendar.Target{Kind: calendar.TargetHolidays, RegionID: id.New(now)}},
		{ID: id.New(now), Name: "Leave", URL: "https://example.com/l.ics", Refresh: "hourly", Target: calendar.Target{Kind: calendar.TargetTimeOff, PersonID: id.New(now)}},
	}
	var b bytes.Buffer
	json.NewEncoder(&b).Encode(s)
	_, err = workspace.Parse(&b, now)
	msg := errs.MessageOf(err)
	for _, want := range []string{
		`calendarSubscriptions[0] "Holidays" url: Only http:// and https://`,
		`calendarSubscriptions[0] "Holidays" target.regionId: no holiday region has id`,
		`calendarSubscriptions[1] "Leave" refresh: Refresh manually, daily or weekly.`,
		`calendarSubscriptions[1] "Leave" target.personId: no person has id`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("the problems do not say %q:\n%s", want, msg)
		}
	}
}
