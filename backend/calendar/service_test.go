package calendar

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
	ical "github.com/emersion/go-ical"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

type env struct {
	st     *store.Store
	clock  *clock.Fake
	cal    *Service
	oc     *oncall.Service
	roster *people.Roster
	people []people.Person
	rot    oncall.Rotation
	region oncall.Region
}

func setup(t *testing.T) *env {
	t.Helper()
	st, err := store.Open("", store.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	c := clock.NewFake(now)
	e := &env{st: st, clock: c, oc: oncall.NewService(st, c), roster: people.NewRoster(st, c)}
	if e.cal, err = NewService(st, c, nil); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"Dana Xu", "Kofi Mensah", "Zoë Ødegård"} {
		p, err := e.roster.CreatePerson(people.Person{Name: n, TimeZone: "Europe/Berlin"})
		if err != nil {
			t.Fatal(err)
		}
		e.people = append(e.people, p)
	}
	e.rot, err = e.oc.SaveRotation(oncall.Rotation{Name: "Primary", TimeZone: "Europe/Berlin",
		Participants: []id.ID{e.people[0].ID, e.people[1].ID, e.people[2].ID},
		ShiftLength:  oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, HandoffTime: "10:00", StartDate: "2026-11-02"})
	if err != nil {
		t.Fatal(err)
	}
	e.region, err = e.oc.SaveRegion(oncall.Region{Name: "Germany", MemberIDs: []id.ID{e.people[0].ID},
		Holidays: []oncall.Holiday{{Date: "2026-12-24", Name: "Christmas Eve (office closed)"}}})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func (e *env) export(t *testing.T, sc Scope) ([]byte, ExportResult) {
	t.Helper()
	var b bytes.Buffer
	res, err := e.cal.Export(&b, sc, now.Add(-30*24*time.Hour), now.Add(60*24*time.Hour), ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), res
}

func TestServiceExportRemembersWhatItPublished(t *testing.T) {
	e := setup(t)
	sc := Scope{Kind: ScopeRotation, ID: e.rot.ID}
	_, res := e.export(t, sc)
	if res.Events != 12 || res.Changed != 12 || res.Cancelled != 0 || res.Name != "On call: Primary" {
		t.Fatalf("first export %+v", res)
	}
	_, res = e.export(t, sc)
	if res.Changed != 0 {
		t.Fatalf("nothing changed but %d events were bumped", res.Changed)
	}
	// Kofi takes a day off in his turn of 30 Nov-7 Dec: Zoë covers it.
	if _, err := e.oc.SaveTimeOff(oncall.TimeOff{PersonID: e.people[1].ID, StartDate: "2026-12-02"}); err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(time.Hour)
	out, res := e.export(t, sc)
	if res.Changed != 2 || res.Cancelled != 1 {
		t.Fatalf("after time off %+v", res)
	}
	evs := decode(t, out)
	if len(evs) != 13 {
		t.Fatalf("%d events", len(evs))
	}
	// A person's calendar: Dana's turns only; the team: everything.
	_, res = e.export(t, Scope{Kind: ScopePerson, ID: e.people[0].ID})
	if res.Events != 4 || res.Name != "On call: Dana Xu" {
		t.Fatalf("person %+v", res)
	}
	if _, err := e.cal.Export(io.Discard, Scope{Kind: "everyone"}, now, now.Add(time.Hour), ExportOptions{}); !errs.Is(err, errs.Invalid) {
		t.Fatalf("bad scope: %v", err)
	}
	if _, err := e.cal.Export(io.Discard, Scope{Kind: ScopeRotation, ID: id.New(now)}, now, now.Add(time.Hour), ExportOptions{}); !errs.Is(err, errs.NotFound) {
		t.Fatalf("unknown rotation: %v", err)
	}
	if _, err := e.cal.Export(io.Discard, sc, now, now, ExportOptions{}); !errs.Is(err, errs.Invalid) {
		t.Fatalf("empty window: %v", err)
	}
}

func TestFeedHandler(t *testing.T) {
	e := setup(t)
	f, token, err := e.cal.CreateFeed(Scope{Kind: ScopePerson, ID: e.people[2].ID}, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(token) != 43 || f.Name != "On call: Zoë Ødegård" || bytes.Contains(f.TokenHash, []byte(token)) {
		t.Fatalf("feed %+v token %q", f, token)
	}
	srv := httptest.NewServer(e.cal.Handler())
	defer srv.Close()
	get := func(path string) (int, string, http.Header) {
		t.Helper()
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b), res.Header
	}
	code, body, h := get(FeedPath(token))
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/calendar") || !strings.Contains(body, "X-WR-CALNAME;VALUE=TEXT:On call: Zoë Ødegård") ||
		!strings.Contains(body, "REFRESH-INTERVAL;VALUE=DURATION:PT1H") {
		t.Fatalf("feed: %d %s\n%s", code, h, body)
	}
	if n := len(decode(t, []byte(body))); n != 18 {
		t.Fatalf("%d events in Zoë's feed (30 days back, a year ahead: every third week)", n)
	}
	if strings.Contains(body, "BEGIN:VALARM") {
		t.Fatal("an alarm nobody asked for")
	}
	// ?alarm=MINUTES: a reminder before each shift, as the file export has.
	code, body, _ = get(FeedPath(token) + "?alarm=15")
	if code != 200 || strings.Count(body, "BEGIN:VALARM") != 18 || !strings.Contains(body, "TRIGGER:-PT15M") {
		t.Fatalf("feed with an alarm: %d\n%s", code, body)
	}
	for _, bad := range []string{"-5", "x", "10081", "1.5"} {
		if code, body, _ := get(FeedPath(token) + "?alarm=" + bad); code != 400 || !strings.Contains(body, "alarm: minutes before each shift") {
			t.Errorf("alarm=%s: %d %s", bad, code, body)
		}
	}
	feeds, _ := e.cal.Feeds()
	if len(feeds) != 1 || feeds[0].Fetches != 2 || !feeds[0].LastFetchedAt.Equal(now) {
		t.Fatalf("fetch not recorded: %+v", feeds)
	}
	wrong := strings.Repeat("A", 43)
	for _, p := range []string{"/", "/feeds/", "/feeds/" + token, "/feeds/" + wrong + ".ics", "/feeds/x.ics", "/feeds/" + token + ".ics/x",
		"/other/" + token + ".ics", "/feeds/../feeds/" + token + ".ics.bak"} {
		if code, _, _ := get(p); code != 404 {
			t.Errorf("%s: %d, want 404", p, code)
		}
	}
	if err := e.cal.RevokeFeed(f.ID); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := get(FeedPath(token)); code != 404 {
		t.Errorf("revoked feed: %d", code)
	}
	if _, _, err := e.cal.CreateFeed(Scope{Kind: ScopeRotation, ID: id.New(now)}, ""); !errs.Is(err, errs.NotFound) {
		t.Errorf("feed for an unknown rotation: %v", err)
	}
}

func TestServerBindsLoopbackOnly(t *testing.T) {
	e := setup(t)
	_, token, _ := e.cal.CreateFeed(Scope{Kind: ScopeTeam}, "Team")
	s := NewServer(e.cal.Handler(), 0)
	base, err := s.Start()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(base, "http://127.0.0.1:") || !strings.HasPrefix(s.Addr(), "127.0.0.1:") {
		t.Fatalf("bound %s", base)
	}
	res, err := http.Get(base + FeedPath(token))
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("%v %v", res, err)
	}
	res.Body.Close()
	if err := s.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := http.Get(base + FeedPath(token)); err == nil {
		t.Fatal("still serving after Stop")
	}
	if s.Addr() != "" {
		t.Fatal("address after Stop")
	}
	if _, err := NewServer(e.cal.Handler(), 70000).Start(); !errs.Is(err, errs.Invalid) {
		t.Fatalf("port 70000: %v", err)
	}
}

func TestImportHolidaysPreviewApplyReimport(t *testing.T) {
	e := setup(t)
	target := Target{Kind: TargetHolidays, RegionID: e.region.ID}
	p, err := e.cal.PreviewFile("testdata/google.ics", target)
	if err != nil {
		t.Fatal(err)
	}
	if p.Calendar != "Holidays in Germany" || p.New != 4 || p.Updated+p.Removed+p.Unchanged != 0 || p.TargetName != "Germany" {
		t.Fatalf("preview %+v", p)
	}
	res, err := e.cal.Apply(p)
	if err != nil || res.Added != 4 {
		t.Fatalf("apply %+v %v", res, err)
	}
	rg, _ := e.oc.RegionByName("Germany")
	if len(rg.Holidays) != 5 || rg.Holidays[0].Date != "2026-10-03" || rg.Holidays[4].Date != "2026-12-31" {
		t.Fatalf("holidays %+v", rg.Holidays)
	}
	// Re-import of an edited calendar: one renamed, one gone, nothing doubled.
	b, _ := os.ReadFile("testdata/google.ics")
	edited := strings.Replace(string(b), "SUMMARY:Christmas Day", "SUMMARY:Christmas Day (1st)", 1)
	start := strings.Index(edited, "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261226")
	end := strings.Index(edited[start:], "END:VEVENT\r\n") + start + len("END:VEVENT\r\n")
	edited = edited[:start] + edited[end:]
	p, err = e.cal.Preview(strings.NewReader(edited), target)
	if err != nil || p.New != 0 || p.Updated != 1 || p.Removed != 1 || p.Unchanged != 2 {
		t.Fatalf("re-import preview %+v %v", p, err)
	}
	if p.Changes[0].Action != ActionUpdated || p.Changes[0].Was != "Christmas Day on 2026-12-25" {
		t.Fatalf("changes %+v", p.Changes)
	}
	if _, err := e.cal.Apply(p); err != nil {
		t.Fatal(err)
	}
	rg, _ = e.oc.RegionByName("Germany")
	if len(rg.Holidays) != 4 || rg.Holidays[1].Name != "Christmas Eve (office closed)" || rg.Holidays[2].Name != "Christmas Day (1st)" {
		t.Fatalf("after re-import %+v", rg.Holidays)
	}
	// A broken file changes nothing.
	if _, err := e.cal.Preview(strings.NewReader(edited[:len(edited)/2]), target); !errs.Is(err, errs.Invalid) {
		t.Fatalf("truncated: %v", err)
	}
	if _, err := e.cal.Preview(strings.NewReader(edited), Target{Kind: TargetHolidays}); !errs.Is(err, errs.Invalid) {
		t.Fatalf("no region: %v", err)
	}
	if _, err := e.cal.Preview(strings.NewReader(edited), Target{Kind: TargetHolidays, RegionID: id.New(now)}); !errs.Is(err, errs.Invalid) {
		t.Fatalf("unknown region: %v", err)
	}
}

func TestImportTimeOffSmallAndBig(t *testing.T) {
	e := setup(t)
	target := Target{Kind: TargetTimeOff, PersonID: e.people[1].ID}
	p, err := e.cal.PreviewFile("testdata/outlook.ics", target)
	if err != nil || p.New != 3 || len(p.Warnings) != 1 {
		t.Fatalf("preview %+v %v", p, err)
	}
	if _, err := e.cal.Apply(p); err != nil {
		t.Fatal(err)
	}
	list, _ := e.oc.TimeOff(oncall.TimeOffFilter{PersonID: e.people[1].ID})
	if len(list) != 3 || list[0].Source != oncall.SourceImport || list[0].Calendar != "Dana Xu - Out of office" || list[0].Note != "Out of office: conference" {
		t.Fatalf("time off %+v", list)
	}
	// The same file again: all unchanged.
	p, _ = e.cal.PreviewFile("testdata/outlook.ics", target)
	if p.Unchanged != 3 || p.New+p.Updated+p.Removed != 0 {
		t.Fatalf("second preview %+v", p)
	}

	// A big calendar goes through the redo record in chunks.
	big := bigCalendar(RedoThreshold+700, "Big")
	p, err = e.cal.Preview(strings.NewReader(big), target)
	if err != nil || p.New != RedoThreshold+700 || len(p.Changes) != MaxPreviewChanges {
		t.Fatalf("big preview %d %d %v", p.New, len(p.Changes), err)
	}
	res, err := e.cal.Apply(p)
	if err != nil || res.Added != RedoThreshold+700 {
		t.Fatalf("big apply %+v %v", res, err)
	}
	list, _ = e.oc.TimeOff(oncall.TimeOffFilter{PersonID: e.people[1].ID})
	if len(list) != RedoThreshold+703 {
		t.Fatalf("%d entries", len(list))
	}
	// A re-import that removes most entries, and a crash right after its
	// redo record was written: the next open completes it.
	p, _ = e.cal.Preview(strings.NewReader(bigCalendar(10, "Big")), target)
	if p.Removed != RedoThreshold+690 || p.Unchanged != 10 {
		t.Fatalf("shrunk preview %+v", p)
	}
	err = e.st.Update(func(txn *badger.Txn) error {
		stored, err := importedTimeOffTx(txn, e.people[1].ID, "Big")
		if err != nil {
			return err
		}
		rd := redo{ID: id.New(now)}
		for k, x := range stored {
			if k >= "day-00010" {
				rd.Deletes = append(rd.Deletes, x.ID)
			}
		}
		return store.PutJSON(txn, redoKey(rd.ID), rd)
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewService(e.st, e.clock, nil); err != nil { // the next open
		t.Fatal(err)
	}
	list, _ = e.oc.TimeOff(oncall.TimeOffFilter{PersonID: e.people[1].ID})
	if len(list) != 13 {
		t.Fatalf("redo not replayed: %d entries", len(list))
	}
	e.st.View(func(txn *badger.Txn) error {
		if n := store.CountPrefix(txn, []byte{store.PrefixCalImportRedo}); n != 0 {
			t.Fatalf("%d redo records left", n)
		}
		return nil
	})
}

func bigCalendar(n int, name string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:%s\r\n", name)
	for i := 0; i < n; i++ {
		d := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i)
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:day-%05d\r\nDTSTART;VALUE=DATE:%s\r\nSUMMARY:Day %d\r\nEND:VEVENT\r\n", i, d.Format("20060102"), i)
	}
	b.WriteString("END:VCALENDAR\r\n")
	return b.String()
}

// The exported feed reads back in go-ical with the right UIDs and statuses.
func TestExportReadsBack(t *testing.T) {
	e := setup(t)
	out, _ := e.export(t, Scope{Kind: ScopeTeam})
	for _, ev := range decode(t, out) {
		if ev.Props.Get(ical.PropUID) == nil || ev.Props.Get(ical.PropTransparency).Value != "TRANSPARENT" {
			t.Fatalf("event %v", ev.Props)
		}
	}
}
