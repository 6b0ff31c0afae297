package publish_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"io/fs"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/caldav"
	"wheelhouse/backend/caldav/caldavtest"
	"wheelhouse/backend/calendar"
	"wheelhouse/backend/clock"
	"wheelhouse/backend/demo"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/publish"
	"wheelhouse/backend/workspace"
)

var bg = context.Background()

var testNow = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

type fixture struct {
	w   *workspace.Workspace
	clk *clock.Fake
	pub *publish.Service
}

func newFixture(t testing.TB, size demo.Size) *fixture {
	t.Helper()
	dir := t.TempDir()
	clk := clock.NewFake(testNow)
	opts := workspace.Options{Clock: clk, NoSync: true}
	if _, err := demo.Create(dir, size, opts); err != nil {
		t.Fatal(err)
	}
	w, err := workspace.Open(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return &fixture{w: w, clk: clk, pub: w.Publish}
}

// expected is what the publication should hold: the events of the scope
// and window, from the same shifts `oncall shifts` lists.
func (f *fixture) expected(t testing.TB, sc calendar.Scope, from, to time.Time) map[string]calendar.PendingEvent {
	t.Helper()
	snap, err := f.w.OnCall.Snapshot(from, to)
	if err != nil {
		t.Fatal(err)
	}
	var evs []calendar.PendingEvent
	switch sc.Kind {
	case calendar.ScopeRotation:
		evs = calendar.Events(snap, oncall.Shifts(snap, sc.ID, from, to), sc)
	case calendar.ScopeSchedule:
		lo, hi := oncall.FinalExtent(snap, oncall.TeamKey(sc.ID), from, to)
		if snap, err = f.w.OnCall.Snapshot(lo, hi); err != nil {
			t.Fatal(err)
		}
		evs = calendar.ScheduleEvents(snap, sc.ID, oncall.FinalPieces(snap, oncall.TeamKey(sc.ID), from, to))
	default:
		evs = calendar.Events(snap, oncall.AllShifts(snap, from, to), sc)
	}
	m := map[string]calendar.PendingEvent{}
	for _, e := range evs {
		m[e.UID] = e
	}
	return m
}

func window(days int) (time.Time, time.Time) {
	d := time.Date(testNow.Year(), testNow.Month(), testNow.Day(), 0, 0, 0, 0, time.UTC)
	return d.AddDate(0, 0, -7), d.AddDate(0, 0, days+1)
}

// same checks the server holds exactly the expected events.
func same(t *testing.T, held map[string]caldavtest.HeldEvent, want map[string]calendar.PendingEvent, alarm string) {
	t.Helper()
	if len(held) != len(want) {
		t.Errorf("the server holds %d events, want %d", len(held), len(want))
	}
	for uid, e := range want {
		h, ok := held[uid]
		if !ok {
			t.Errorf("missing on the server: %s %s", uid, e.Summary)
			continue
		}
		if h.Summary != e.Summary || h.Start != e.Start.UTC().Format(time.RFC3339) || h.End != e.End.UTC().Format(time.RFC3339) {
			t.Errorf("%s: server has %q %s–%s, want %q %s–%s", uid, h.Summary, h.Start, h.End, e.Summary, e.Start.UTC().Format(time.RFC3339), e.End.UTC().Format(time.RFC3339))
		}
		if href, _ := url.PathUnescape(h.Href); !strings.HasSuffix(href, "/"+uid+".ics") {
			t.Errorf("%s stored as %s, want the UID as resource name", uid, h.Href)
		}
		if h.Alarm != alarm {
			t.Errorf("%s: alarm %q, want %q", uid, h.Alarm, alarm)
		}
	}
}

func firstRotation(t *testing.T, f *fixture) oncall.Rotation {
	t.Helper()
	rs, err := f.w.OnCall.Rotations()
	if err != nil || len(rs) == 0 {
		t.Fatal("no rotations", err)
	}
	return rs[0]
}

// The core journey against Radicale: first publish, republish with no
// change, a vacation that moves shifts (exactly those resources change), a
// shift removed (DELETE), and the read-back by an independent client.
func TestPublishRadicale(t *testing.T) {
	srv := caldavtest.StartRadicale(t)
	testCore(t, srv)
}

func TestPublishXandikos(t *testing.T) {
	srv := caldavtest.StartXandikos(t)
	testCore(t, srv)
}

func testCore(t *testing.T, srv *caldavtest.Server) {
	f := newFixture(t, demo.Small)
	proxy := caldavtest.NewProxy(t, srv.Base())
	coll := strings.Replace(srv.CalendarURL("oncall"), srv.Base(), proxy.URL(), 1)
	from, to := window(60)
	team := calendar.Scope{Kind: calendar.ScopeTeam}
	in := publish.Input{Name: "Team on call", URL: coll, User: srv.User, Password: srv.PW, Scope: team, AlarmMinutes: 15}
	_, err := f.pub.Save(in)
	if err != nil {
		t.Fatal(err)
	}
	// the window of a saved publication runs from BackDays to AheadDays
	p, _ := f.pub.Get(in.Name)
	if p.BackDays != publish.DefaultBackDays || (srv.PW != "" && p.PasswordIn != publish.PasswordWorkspace) {
		t.Fatalf("defaults: %+v", p)
	}
	in.BackDays, in.AheadDays = 7, 60
	if _, err := f.pub.Save(in); err != nil {
		t.Fatal(err)
	}
	var last publish.Progress
	c, err := f.pub.Publish(bg, in.Name, func(p publish.Progress) { last = p })
	if err != nil {
		t.Fatalf("first publish: %v", err)
	}
	want := f.expected(t, team, from, to)
	if c.Created != len(want) || c.Updated+c.Deleted+c.Conflicts != 0 || last.Done != last.Total || last.Total != len(want) {
		t.Fatalf("first publish: %+v (progress %+v), want %d created", c, last, len(want))
	}
	n := proxy.Reset()
	if n["MKCALENDAR"] != 1 || n[http.MethodPut] != len(want) {
		t.Fatalf("requests: %v", n)
	}
	same(t, srv.ReadBack(t, srv.CalendarURL("oncall")), want, "-PT15M")

	// nothing changed: nothing sent
	c, err = f.pub.Publish(bg, in.Name, nil)
	if err != nil || c.Unchanged != len(want) || c.Created+c.Updated+c.Deleted != 0 {
		t.Fatalf("republish: %+v %v", c, err)
	}
	if n := proxy.Reset(); n[http.MethodPut]+n[http.MethodDelete] != 0 {
		t.Fatalf("a republish with no change sent %v", n)
	}

	// a vacation moves shifts: exactly the changed events are sent
	rot := firstRotation(t, f)
	shifts, _ := f.w.OnCall.Shifts(rot.ID, testNow.AddDate(0, 0, 10), testNow.AddDate(0, 0, 40))
	var victim oncall.Shift
	for _, x := range shifts {
		if !x.Gap {
			victim = x
			break
		}
	}
	d0 := victim.Start.AddDate(0, 0, 1).Format("2006-01-02")
	if _, err := f.w.OnCall.SaveTimeOff(oncall.TimeOff{PersonID: victim.PersonID, Kind: "vacation", StartDate: d0, EndDate: d0, Source: "manual"}); err != nil {
		t.Fatal(err)
	}
	after := f.expected(t, team, from, to)
	var created, updated, deleted int
	for uid, e := range after {
		b, ok := want[uid]
		switch {
		case !ok:
			created++
		case b.Start != e.Start || b.End != e.End || b.Summary != e.Summary || b.Description != e.Description:
			updated++
		}
	}
	for uid := range want {
		if _, ok := after[uid]; !ok {
			deleted++
		}
	}
	if created+updated+deleted == 0 {
		t.Fatal("the vacation changed no shift: the test proves nothing")
	}
	c, err = f.pub.Publish(bg, in.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	n = proxy.Reset()
	if c.Created != created || c.Updated != updated || c.Deleted != deleted || n[http.MethodPut] != created+updated || n[http.MethodDelete] != deleted {
		t.Fatalf("after the vacation: counts %+v, requests %v; want %d created, %d updated, %d deleted", c, n, created, updated, deleted)
	}
	t.Logf("vacation: %d created, %d updated, %d deleted of %d", created, updated, deleted, len(after))
	same(t, srv.ReadBack(t, srv.CalendarURL("oncall")), after, "-PT15M")

	// a shift removed: an override hands one turn to someone outside a
	// person's publication → DELETE there
	pin := publish.Input{Name: "Mine", URL: strings.Replace(srv.CalendarURL("mine"), srv.Base(), proxy.URL(), 1),
		User: srv.User, Password: srv.PW, Scope: calendar.Scope{Kind: calendar.ScopePerson, ID: victim.PersonID}, BackDays: 7, AheadDays: 60}
	if _, err := f.pub.Save(pin); err != nil {
		t.Fatal(err)
	}
	if _, err := f.pub.Publish(bg, pin.Name, nil); err != nil {
		t.Fatal(err)
	}
	mine := f.expected(t, pin.Scope, from, to)
	var turn *calendar.PendingEvent
	for _, e := range mine {
		if e.Start.After(testNow.AddDate(0, 0, 3)) && (turn == nil || e.Start.Before(turn.Start)) {
			x := e
			turn = &x
		}
	}
	if turn == nil {
		t.Fatal("the person has no future shift")
	}
	var other oncall.Shift
	for _, x := range shifts {
		if !x.Gap && x.PersonID != victim.PersonID {
			other = x
			break
		}
	}
	proxy.Reset()
	if _, err := f.w.OnCall.SaveOverride(oncall.Override{RotationID: turn.RotationID, PersonID: other.PersonID, Start: turn.Start, End: turn.End}); err != nil {
		t.Fatal(err)
	}
	c, err = f.pub.Publish(bg, pin.Name, nil)
	n = proxy.Reset()
	if err != nil || c.Deleted != 1 || c.Created+c.Updated != 0 || n[http.MethodDelete] != 1 || n[http.MethodPut] != 0 {
		t.Fatalf("a removed shift: %+v %v, requests %v", c, err, n)
	}
	held := srv.ReadBack(t, srv.CalendarURL("mine"))
	if _, ok := held[turn.UID]; ok {
		t.Fatal("the removed shift is still on the server")
	}
	same(t, held, f.expected(t, pin.Scope, from, to), "")

	v, err := f.pub.Status(pin.Name)
	if err != nil || v.Waiting != 0 || v.Status.LastSuccessAt.IsZero() || v.Status.LastError != "" {
		t.Fatalf("status: %+v %v", v, err)
	}
	// the override changed the team's calendar too: it waits for the next run
	if v, err := f.pub.Status(in.Name); err != nil || v.Waiting != 2 {
		t.Fatalf("team status: waiting %d %v, want 2 (the override's delete and create)", v.Waiting, err)
	}
	if c, err := f.pub.Publish(bg, in.Name, nil); err != nil || c.Created != 1 || c.Deleted != 1 {
		t.Fatalf("team after the override: %+v %v", c, err)
	}
	same(t, srv.ReadBack(t, srv.CalendarURL("oncall")), f.expected(t, team, from, to), "-PT15M")
}

// A server-side edit makes the next update 412: "ask" reports it and
// leaves both alone, then each choice is honoured.
func TestConflictRadicale(t *testing.T) { testConflict(t, caldavtest.StartRadicale(t)) }

func TestConflictXandikos(t *testing.T) { testConflict(t, caldavtest.StartXandikos(t)) }

func testConflict(t *testing.T, srv *caldavtest.Server) {
	f := newFixture(t, demo.Small)
	rot := firstRotation(t, f)
	sc := calendar.Scope{Kind: calendar.ScopeRotation, ID: rot.ID}
	in := publish.Input{Name: "Rota", URL: srv.CalendarURL("rota"), User: srv.User, Password: srv.PW, Scope: sc, BackDays: 7, AheadDays: 60}
	if _, err := f.pub.Save(in); err != nil {
		t.Fatal(err)
	}
	if _, err := f.pub.Publish(bg, in.Name, nil); err != nil {
		t.Fatal(err)
	}
	held := srv.ReadBack(t, srv.CalendarURL("rota"))
	// two future events edited on the server by someone else
	var edited []caldavtest.HeldEvent
	for _, h := range held {
		if h.Start > testNow.AddDate(0, 0, 5).Format(time.RFC3339) && len(edited) < 2 {
			edited = append(edited, h)
		}
	}
	raw := caldavtest.RawClient(t, srv)
	for _, h := range edited {
		body, etag, err := raw.Get(bg, srv.Base()+h.Href)
		if err != nil {
			t.Fatal(err)
		}
		nb := strings.Replace(string(body), "SUMMARY:", "SUMMARY:EDITED ", 1)
		if _, err := raw.Put(bg, srv.Base()+h.Href, []byte(nb), etag); err != nil {
			t.Fatal(err)
		}
	}
	// our side changes both (the rotation's name is in every summary)
	rot.Name += " (renamed)"
	if _, err := f.w.OnCall.SaveRotation(rot); err != nil {
		t.Fatal(err)
	}
	c, err := f.pub.Publish(bg, in.Name, nil)
	if err != nil || c.Conflicts != 2 || c.Updated != len(held)-2 {
		t.Fatalf("ask: %+v %v (of %d)", c, err, len(held))
	}
	v, _ := f.pub.Status(in.Name)
	if len(v.Conflicts) != 2 || !strings.Contains(v.Conflicts[0].Theirs, "EDITED") {
		t.Fatalf("conflicts: %+v", v.Conflicts)
	}
	// asking again does not overwrite
	if c, _ := f.pub.Publish(bg, in.Name, nil); c.Conflicts != 2 || c.Updated != 0 {
		t.Fatalf("ask again: %+v", c)
	}
	// theirs for the first, ours for the second
	if _, err := f.pub.Resolve(in.Name, v.Conflicts[0].UID, publish.ConflictTheirs); err != nil {
		t.Fatal(err)
	}
	if _, err := f.pub.Resolve(in.Name, v.Conflicts[1].UID, publish.ConflictOurs); err != nil {
		t.Fatal(err)
	}
	c, err = f.pub.Publish(bg, in.Name, nil)
	if err != nil || c.Updated != 1 || c.Conflicts != 0 {
		t.Fatalf("resolved: %+v %v", c, err)
	}
	held = srv.ReadBack(t, srv.CalendarURL("rota"))
	if h := held[v.Conflicts[0].UID]; !strings.HasPrefix(h.Summary, "EDITED") {
		t.Fatalf("theirs was not kept: %q", h.Summary)
	}
	if h := held[v.Conflicts[1].UID]; strings.HasPrefix(h.Summary, "EDITED") || !strings.Contains(h.Summary, "(renamed)") {
		t.Fatalf("ours did not win: %q", h.Summary)
	}
	// theirs stays until our side changes again
	if c, _ := f.pub.Publish(bg, in.Name, nil); c.Updated+c.Created+c.Conflicts != 0 {
		t.Fatalf("kept theirs was overwritten: %+v", c)
	}
	rot.Name += " again"
	if _, err := f.w.OnCall.SaveRotation(rot); err != nil {
		t.Fatal(err)
	}
	if c, err := f.pub.Publish(bg, in.Name, nil); err != nil || c.Updated != len(held) || c.Conflicts != 0 {
		t.Fatalf("after our change: %+v %v", c, err)
	}
	held = srv.ReadBack(t, srv.CalendarURL("rota"))
	if h := held[v.Conflicts[0].UID]; !strings.Contains(h.Summary, "again") {
		t.Fatalf("our later change did not reach the kept copy: %q", h.Summary)
	}

	// policy "ours": a server edit is overwritten in the same run
	in.OnConflict = publish.ConflictOurs
	if _, err := f.pub.Save(in); err != nil {
		t.Fatal(err)
	}
	h := held[v.Conflicts[1].UID]
	body, etag, _ := raw.Get(bg, srv.Base()+h.Href)
	raw.Put(bg, srv.Base()+h.Href, []byte(strings.Replace(string(body), "SUMMARY:", "SUMMARY:EDITED ", 1)), etag)
	rot.Name += " thrice"
	f.w.OnCall.SaveRotation(rot)
	if c, err := f.pub.Publish(bg, in.Name, nil); err != nil || c.Updated != len(held) || c.Conflicts != 1 {
		t.Fatalf("ours: %+v %v", c, err)
	}
	if h := srv.ReadBack(t, srv.CalendarURL("rota"))[h.UID]; strings.HasPrefix(h.Summary, "EDITED") {
		t.Fatal("ours did not overwrite")
	}
}

// The server dies in the middle of a publish: the run fails with a clear
// error, the next run (server back) completes with no duplicates.
func TestServerKilledMidPublishRadicale(t *testing.T) { testKilled(t, caldavtest.StartRadicale(t)) }

func TestServerKilledMidPublishXandikos(t *testing.T) { testKilled(t, caldavtest.StartXandikos(t)) }

func testKilled(t *testing.T, srv *caldavtest.Server) {
	f := newFixture(t, demo.Small)
	from, to := window(120)
	team := calendar.Scope{Kind: calendar.ScopeTeam}
	in := publish.Input{Name: "Team", URL: srv.CalendarURL("team"), User: srv.User, Password: srv.PW, Scope: team, BackDays: 7, AheadDays: 120}
	if _, err := f.pub.Save(in); err != nil {
		t.Fatal(err)
	}
	f.pub.Workers = 2
	killed := false
	c, err := f.pub.Publish(bg, in.Name, func(p publish.Progress) {
		if !killed && p.Done >= p.Total/3 && p.Total > 0 && p.Done > 0 {
			killed = true
			srv.Stop()
		}
	})
	if err == nil || !errs.Is(err, errs.Unavailable) || !strings.Contains(errs.MessageOf(err), "Cannot reach") {
		t.Fatalf("a publish into a dead server: %+v %v", c, err)
	}
	v, _ := f.pub.Status(in.Name)
	if v.Status.LastError == "" || v.Waiting == 0 {
		t.Fatalf("status after the failure: %+v", v)
	}
	t.Logf("killed after %d created; %d waiting; error: %s", c.Created, v.Waiting, v.Status.LastError)
	// Xandikos killed inside a git commit leaves .git/index.lock behind and
	// answers 500 to every write until it is removed (dulwich): the run
	// reports that and keeps waiting; the operator's fix is simulated.
	var locks []string
	filepath.WalkDir(srv.Dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".git/index.lock") {
			locks = append(locks, p)
		}
		return nil
	})
	srv.Start()
	if len(locks) > 0 {
		t.Logf("the server left %v behind", locks)
		if c, err := f.pub.Publish(bg, in.Name, nil); !errs.Is(err, errs.Unavailable) || !strings.Contains(errs.MessageOf(err), "500") {
			t.Fatalf("a broken server: %+v %v", c, err)
		}
		if v, _ := f.pub.Status(in.Name); v.Waiting == 0 || !strings.Contains(v.Status.LastError, "500") {
			t.Fatalf("status with a broken server: %+v", v)
		}
		srv.Stop()
		for _, l := range locks {
			os.Remove(l)
		}
		srv.Start()
	}
	c2, err := f.pub.Publish(bg, in.Name, nil)
	if err != nil {
		t.Fatalf("%v\n%s", err, srv.Log())
	}
	want := f.expected(t, team, from, to)
	if c.Created+c2.Created+c2.Unchanged < len(want) || c2.Updated+c2.Deleted != 0 {
		t.Fatalf("resume: %+v after %+v, want %d", c2, c, len(want))
	}
	same(t, srv.ReadBack(t, srv.CalendarURL("team")), want, "")
	v, _ = f.pub.Status(in.Name)
	if v.Status.LastError != "" || v.Waiting != 0 {
		t.Fatalf("status after the resume: %+v", v)
	}
}

// A lost response: the server stored the PUT but the state never learned
// it (state wiped). The next run finds each resource (412), reads it and
// adopts it: nothing is sent twice, nothing duplicated.
func TestLostStateAdoptsServerCopies(t *testing.T) {
	srv := caldavtest.StartRadicale(t)
	f := newFixture(t, demo.Small)
	proxy := caldavtest.NewProxy(t, srv.Base())
	coll := strings.Replace(srv.CalendarURL("team"), srv.Base(), proxy.URL(), 1)
	in := publish.Input{Name: "Team", URL: coll, User: srv.User, Password: srv.PW, Scope: calendar.Scope{Kind: calendar.ScopeTeam}, BackDays: 7, AheadDays: 30}
	if _, err := f.pub.Save(in); err != nil {
		t.Fatal(err)
	}
	c, err := f.pub.Publish(bg, in.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	// the same publication under another name: no state, same collection
	in.Name = "Team again"
	if _, err := f.pub.Save(in); err != nil {
		t.Fatal(err)
	}
	proxy.Reset()
	c2, err := f.pub.Publish(bg, in.Name, nil)
	if err != nil || c2.Unchanged != c.Created || c2.Created+c2.Updated != 0 {
		t.Fatalf("adopt: %+v %v (first %+v)", c2, err, c)
	}
	if n := proxy.Reset(); n[http.MethodPut] != c.Created || n[http.MethodGet] != c.Created {
		t.Fatalf("requests: %v", n)
	}
	if held := srv.ReadBack(t, srv.CalendarURL("team")); len(held) != c.Created {
		t.Fatalf("the server holds %d, want %d", len(held), c.Created)
	}
}

func TestErrorsRadicale(t *testing.T) {
	srv := caldavtest.StartRadicale(t)
	f := newFixture(t, demo.Small)
	team := calendar.Scope{Kind: calendar.ScopeTeam}
	save := func(in publish.Input) {
		t.Helper()
		if _, err := f.pub.Save(in); err != nil {
			t.Fatal(err)
		}
	}
	// wrong password: 401, named
	save(publish.Input{Name: "Bad pw", URL: srv.CalendarURL("x"), User: srv.User, Password: "wrong", Scope: team})
	_, err := f.pub.Publish(bg, "Bad pw", nil)
	if !errs.Is(err, errs.Invalid) || !strings.Contains(errs.MessageOf(err), "user name or password") || errs.FieldsOf(err)[0].Field != "password" {
		t.Fatalf("wrong password: %v", err)
	}
	if v, _ := f.pub.Status("Bad pw"); !strings.Contains(v.Status.LastError, "password") {
		t.Fatalf("status: %+v", v.Status)
	}
	// a collection that does not exist, creation not allowed: 404 offering to create
	save(publish.Input{Name: "No create", URL: srv.CalendarURL("missing"), User: srv.User, Password: srv.PW, Scope: team, NoCreate: true})
	_, err = f.pub.Publish(bg, "No create", nil)
	if !errs.Is(err, errs.NotFound) || !strings.Contains(errs.MessageOf(err), "without --no-create") {
		t.Fatalf("404: %v", err)
	}
	// a parent that does not exist: MKCALENDAR fails, said so
	save(publish.Input{Name: "No parent", URL: srv.Base() + "/nobody/deep/cal/", User: srv.User, Password: srv.PW, Scope: team})
	if _, err = f.pub.Publish(bg, "No parent", nil); err == nil {
		t.Fatal("a calendar under a missing parent was accepted")
	} else {
		t.Logf("missing parent: %v", errs.MessageOf(err))
	}
	// 507: the quota is full
	proxy := caldavtest.NewProxy(t, srv.Base())
	proxy.Fail = func(r *http.Request) int {
		if r.Method == http.MethodPut {
			return http.StatusInsufficientStorage
		}
		return 0
	}
	save(publish.Input{Name: "Full", URL: strings.Replace(srv.CalendarURL("full"), srv.Base(), proxy.URL(), 1), User: srv.User, Password: srv.PW, Scope: team})
	c, err := f.pub.Publish(bg, "Full", nil)
	if !errs.Is(err, errs.Unavailable) || !strings.Contains(errs.MessageOf(err), "507") || c.Created != 0 {
		t.Fatalf("507: %+v %v", c, err)
	}
	proxy.Fail = nil
	if c, err := f.pub.Publish(bg, "Full", nil); err != nil || c.Created == 0 {
		t.Fatalf("after space was freed: %+v %v", c, err)
	}
	// offline: nothing listens
	save(publish.Input{Name: "Offline", URL: fmt.Sprintf("http://127.0.0.1:%d/alice/x/", caldavtest.FreePort(t)), User: "a", Password: "b", Scope: team})
	if _, err := f.pub.Publish(bg, "Offline", nil); !errs.Is(err, errs.Unavailable) || !strings.Contains(errs.MessageOf(err), "offline") {
		t.Fatalf("offline: %v", err)
	}
}

// Discovery: the server's root URL finds the user's calendar home and
// makes a calendar there named after the publication.
func TestDiscoveryRadicale(t *testing.T) {
	testDiscovery(t, caldavtest.StartRadicale(t), "/alice/wheelhouse-found-by-discovery/")
}

func TestDiscoveryXandikos(t *testing.T) {
	testDiscovery(t, caldavtest.StartXandikos(t), "/user/calendars/wheelhouse-found-by-discovery/")
}

func testDiscovery(t *testing.T, srv *caldavtest.Server, wantPath string) {
	f := newFixture(t, demo.Small)
	in := publish.Input{Name: "Found by discovery", URL: srv.Base() + "/", User: srv.User, Password: srv.PW, Scope: calendar.Scope{Kind: calendar.ScopeTeam}, BackDays: 1, AheadDays: 14}
	if _, err := f.pub.Save(in); err != nil {
		t.Fatal(err)
	}
	c, err := f.pub.Publish(bg, in.Name, nil)
	if err != nil || c.Created == 0 {
		t.Fatalf("%+v %v", c, err)
	}
	p, _ := f.pub.Get(in.Name)
	if want := srv.Base() + wantPath; p.Collections[""] != want {
		t.Fatalf("collection %q, want %q", p.Collections[""], want)
	}
	if held := srv.ReadBack(t, p.Collections[""]); len(held) != c.Created {
		t.Fatalf("held %d, want %d", len(held), c.Created)
	}
}

// TLS: a self-signed certificate in front of Radicale is refused with its
// fingerprint and the option to trust it; pinned, it works; another
// certificate under the same pin is refused.
func TestSelfSignedTLSRadicale(t *testing.T) {
	srv := caldavtest.StartRadicale(t)
	f := newFixture(t, demo.Small)
	target, _ := url.Parse(srv.Base())
	ts := httptest.NewTLSServer(httputil.NewSingleHostReverseProxy(target))
	defer ts.Close()
	in := publish.Input{Name: "TLS", URL: ts.URL + "/" + srv.User + "/tls/", User: srv.User, Password: srv.PW,
		Scope: calendar.Scope{Kind: calendar.ScopeTeam}, BackDays: 1, AheadDays: 14}
	if _, err := f.pub.Save(in); err != nil {
		t.Fatal(err)
	}
	_, err := f.pub.Publish(bg, in.Name, nil)
	fp := caldav.Fingerprint(ts.Certificate())
	msg := errs.MessageOf(err)
	if !errs.Is(err, errs.Invalid) || !strings.Contains(msg, "self-signed") || !strings.Contains(msg, fp) || !strings.Contains(msg, "--trust-cert") ||
		errs.FieldsOf(err)[0].Field != "trustCertificate" {
		t.Fatalf("self-signed: %v", err)
	}
	t.Log(msg)
	if v, _ := f.pub.Status(in.Name); v.Status.UntrustedSHA256 != fp {
		t.Fatalf("status: untrusted %q, want %q", v.Status.UntrustedSHA256, fp)
	}
	if _, err := f.pub.Trust(in.Name, "not hex"); !errs.Is(err, errs.Invalid) {
		t.Fatalf("a bad fingerprint: %v", err)
	}
	if _, err := f.pub.Trust(in.Name, strings.ToLower(strings.ReplaceAll(fp, ":", ""))); err != nil {
		t.Fatal(err)
	}
	in.TrustSHA256 = fp
	c, err := f.pub.Publish(bg, in.Name, nil)
	if err != nil || c.Created == 0 {
		t.Fatalf("pinned: %+v %v", c, err)
	}
	if v, _ := f.pub.Status(in.Name); v.Status.UntrustedSHA256 != "" {
		t.Fatalf("status after the pinned run: %+v", v.Status)
	}
	if held := srv.ReadBack(t, srv.CalendarURL("tls")); len(held) != c.Created {
		t.Fatalf("held %d, want %d", len(held), c.Created)
	}
	// another self-signed certificate: the pin refuses it
	other := httptest.NewUnstartedServer(httputil.NewSingleHostReverseProxy(target))
	other.TLS = &tls.Config{Certificates: []tls.Certificate{selfSigned(t)}}
	other.StartTLS()
	defer other.Close()
	in.Name, in.URL = "Other", other.URL+"/"+srv.User+"/tls/"
	if _, err := f.pub.Save(in); err != nil {
		t.Fatal(err)
	}
	_, err = f.pub.Publish(bg, in.Name, nil)
	if !errs.Is(err, errs.Invalid) || !strings.Contains(errs.MessageOf(err), "not the trusted one") ||
		caldav.CertFingerprint(err) != caldav.Fingerprint(other.Certificate()) {
		t.Fatalf("another certificate under the pin: %v", err)
	}
}

func selfSigned(t *testing.T) tls.Certificate {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "caldav.test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

// A team's final schedule (calendar.ScopeSchedule, decision 0028), and one
// calendar per engineer: each engineer's collection holds exactly their
// shifts, gaps in none.
func TestScheduleAndPerEngineerRadicale(t *testing.T) {
	srv := caldavtest.StartRadicale(t)
	f := newFixture(t, demo.Small)
	rot := firstRotation(t, f)
	if rot.TeamID.IsZero() {
		t.Fatal("the demo rotation has no team")
	}
	from, to := window(45)
	sc := calendar.Scope{Kind: calendar.ScopeSchedule, ID: rot.TeamID}
	in := publish.Input{Name: "Final", URL: srv.CalendarURL("final"), User: srv.User, Password: srv.PW, Scope: sc, BackDays: 7, AheadDays: 45}
	if _, err := f.pub.Save(in); err != nil {
		t.Fatal(err)
	}
	c, err := f.pub.Publish(bg, in.Name, nil)
	want := f.expected(t, sc, from, to)
	if err != nil || c.Created != len(want) || len(want) == 0 {
		t.Fatalf("schedule: %+v %v, want %d", c, err, len(want))
	}
	same(t, srv.ReadBack(t, srv.CalendarURL("final")), want, "")

	team := calendar.Scope{Kind: calendar.ScopeTeam}
	in = publish.Input{Name: "Each", URL: srv.CalendarURL("shared-unused"), User: srv.User, Password: srv.PW, Scope: team,
		PerEngineer: true, BackDays: 7, AheadDays: 45, AlarmMinutes: 30}
	if _, err := f.pub.Save(in); err != nil {
		t.Fatal(err)
	}
	if c, err = f.pub.Publish(bg, in.Name, nil); err != nil {
		t.Fatal(err)
	}
	p, _ := f.pub.Get(in.Name)
	all := f.expected(t, team, from, to)
	byPerson := map[string]map[string]calendar.PendingEvent{}
	for uid, e := range all {
		if e.PersonID.IsZero() {
			continue
		}
		k := e.PersonID.String()
		if byPerson[k] == nil {
			byPerson[k] = map[string]calendar.PendingEvent{}
		}
		byPerson[k][uid] = e
	}
	if len(p.Collections) != len(byPerson) || len(byPerson) < 2 {
		t.Fatalf("%d collections for %d engineers: %v", len(p.Collections), len(byPerson), p.Collections)
	}
	total := 0
	for k, evs := range byPerson {
		coll := p.Collections[k]
		if !strings.HasPrefix(coll, srv.Base()+"/"+srv.User+"/wheelhouse-") {
			t.Fatalf("collection %s", coll)
		}
		same(t, srv.ReadBack(t, coll), evs, "-PT30M")
		total += len(evs)
	}
	if c.Created != total {
		t.Fatalf("created %d, want %d", c.Created, total)
	}
}

// The scheduler: three quick nudges make one run, which publishes.
func TestSchedulerDebounces(t *testing.T) {
	srv := caldavtest.StartRadicale(t)
	f := newFixture(t, demo.Small)
	in := publish.Input{Name: "S", URL: srv.CalendarURL("s"), User: srv.User, Password: srv.PW, Scope: calendar.Scope{Kind: calendar.ScopeTeam}, BackDays: 1, AheadDays: 14}
	if _, err := f.pub.Save(in); err != nil {
		t.Fatal(err)
	}
	runs := make(chan map[string]publish.Counts, 10)
	s := &publish.Scheduler{Service: f.pub, Debounce: 300 * time.Millisecond, Every: -1,
		OnRun: func(m map[string]publish.Counts, err error) {
			if err != nil {
				t.Error(err)
			}
			runs <- m
		}}
	s.Start(bg)
	defer s.Stop()
	for range 3 {
		s.Nudge()
		time.Sleep(50 * time.Millisecond)
	}
	select {
	case m := <-runs:
		if m["S"].Created == 0 {
			t.Fatalf("the run published nothing: %+v", m)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no run after the nudges")
	}
	select {
	case m := <-runs:
		t.Fatalf("a second run after one burst of nudges: %+v", m)
	case <-time.After(700 * time.Millisecond):
	}
	if held := srv.ReadBack(t, srv.CalendarURL("s")); len(held) == 0 {
		t.Fatal("nothing on the server")
	}
}

// Deleted on the server: a resource deleted there is made again when its
// shift changes here (If-Match → 404 → If-None-Match); a collection deleted
// there is made again with everything in it.
func TestDeletedOnServerRadicale(t *testing.T) {
	srv := caldavtest.StartRadicale(t)
	f := newFixture(t, demo.Small)
	rot := firstRotation(t, f)
	sc := calendar.Scope{Kind: calendar.ScopeRotation, ID: rot.ID}
	in := publish.Input{Name: "R", URL: srv.CalendarURL("r"), User: srv.User, Password: srv.PW, Scope: sc, BackDays: 7, AheadDays: 30}
	if _, err := f.pub.Save(in); err != nil {
		t.Fatal(err)
	}
	c, err := f.pub.Publish(bg, in.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	raw := caldavtest.RawClient(t, srv)
	held := srv.ReadBack(t, srv.CalendarURL("r"))
	var gone caldavtest.HeldEvent
	for _, h := range held {
		gone = h
		break
	}
	if err := raw.Delete(bg, srv.Base()+gone.Href, ""); err != nil {
		t.Fatal(err)
	}
	rot.Name += " (renamed)"
	if _, err := f.w.OnCall.SaveRotation(rot); err != nil {
		t.Fatal(err)
	}
	c2, err := f.pub.Publish(bg, in.Name, nil)
	if err != nil || c2.Updated != c.Created-1 || c2.Created != 1 {
		t.Fatalf("one resource deleted on the server: %+v %v", c2, err)
	}
	if held = srv.ReadBack(t, srv.CalendarURL("r")); len(held) != c.Created || !strings.Contains(held[gone.UID].Summary, "(renamed)") {
		t.Fatalf("held %d, want %d; the deleted one: %+v", len(held), c.Created, held[gone.UID])
	}
	// the whole calendar deleted on the server
	if err := raw.Delete(bg, srv.CalendarURL("r"), ""); err != nil {
		t.Fatal(err)
	}
	c3, err := f.pub.Publish(bg, in.Name, nil)
	if err != nil || c3.Created != c.Created || c3.Updated+c3.Unchanged != 0 {
		t.Fatalf("calendar deleted on the server: %+v %v", c3, err)
	}
	from, to := window(30)
	same(t, srv.ReadBack(t, srv.CalendarURL("r")), f.expected(t, sc, from, to), "")
}
