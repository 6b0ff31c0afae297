package app

import (
	"context"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"wheelhouse/backend/caldav"
	"wheelhouse/backend/caldav/caldavtest"
	"wheelhouse/backend/clock"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
)

// env is a Getenv the test can change while the shell runs.
type env struct {
	mu sync.Mutex
	m  map[string]string
}

func (e *env) get(k string) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.m[k]
}

func (e *env) set(k, v string) {
	e.mu.Lock()
	e.m[k] = v
	e.mu.Unlock()
}

// eventually polls cond for up to 20 s.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(20 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting: %s", what)
}

// Publishing through the bound API against a real Radicale and a real
// Badger: validation next to the fields, the first publish creates every
// shift (progress events, status "0 waiting"), a rotation edit publishes by
// itself after the debounce, a server-side edit shows as a conflict that
// the manager settles, offline leaves changes waiting that the next run
// sends without duplicates, nothing runs while locked, a self-signed
// certificate is reported with its fingerprint and trusted explicitly.
func TestPublishThroughAPI(t *testing.T) {
	srv := caldavtest.StartRadicale(t)
	e := &env{m: map[string]string{"WHEELHOUSE_NO_KEYRING": "1", "WHEELHOUSE_PUBLISH_DELAY": "1h"}}
	s := shellWith(t, Config{Clock: clock.NewFake(time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)), Getenv: e.get})
	rec := &recorder{}
	s.SetEmitter(rec)
	api := NewPublishAPI(s)
	ppl := NewPeopleAPI(s)
	var ids []id.ID
	for _, n := range []string{"Ana", "Bo", "Cy"} {
		p, err := ppl.CreatePerson(PersonInput{Name: n, TimeZone: "Europe/Berlin"})
		if err != nil {
			t.Fatal(err)
		}
		u, _ := id.Parse(p.ID)
		ids = append(ids, u)
	}
	oc := NewOnCallAPI(s)
	rot, err := oc.SaveRotation(oncall.Rotation{Name: "Primary", TimeZone: "Europe/Berlin", Participants: ids,
		ShiftLength: oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, HandoffTime: "10:00", StartDate: "2026-11-02",
		RequiredCoverage: oncall.Coverage24x7, Layer: 1})
	if err != nil {
		t.Fatal(err)
	}

	if l, err := api.List(); err != nil || l == nil || len(l) != 0 {
		t.Fatalf("empty list: %#v %v", l, err)
	}
	place, err := api.PasswordPlace()
	if err != nil || place.Place != "workspace" || place.Encrypted || place.Reason == "" {
		t.Fatalf("password place: %+v %v", place, err)
	}

	// validation: every wrong field at once, nothing saved
	_, err = api.Save(PublicationInputDTO{URL: "ftp://x", Scope: ScopeDTO{Kind: "rotation", ID: rot.ID.String()}, AlarmMinutes: -5})
	ae := apiErr(t, err)
	got := map[string]bool{}
	for _, f := range ae.Fields {
		got[f.Field] = true
	}
	if !got["name"] || !got["url"] || !got["alarmMinutes"] {
		t.Fatalf("fields: %+v", ae.Fields)
	}
	_, err = api.Save(PublicationInputDTO{Name: "x", URL: srv.CalendarURL("x"), Scope: ScopeDTO{Kind: "rotation"}})
	if apiErr(t, err).Field != "scope.id" {
		t.Fatalf("no rotation: %+v", err)
	}
	if l, _ := api.List(); len(l) != 0 {
		t.Fatal("a refused publication was saved")
	}

	in := PublicationInputDTO{Name: "Primary rota", URL: srv.CalendarURL("primary"), User: srv.User, Password: srv.PW,
		Scope: ScopeDTO{Kind: "rotation", ID: rot.ID.String()}, BackDays: 7, AheadDays: 60, AlarmMinutes: 30}
	p, err := api.Save(in)
	if err != nil {
		t.Fatal(err)
	}
	if p.PasswordIn != "workspace" || p.Waiting == 0 || p.LastSuccessAt != "" || p.AlarmMinutes != 30 || p.OnConflict != "ask" {
		t.Fatalf("saved: %+v", p)
	}
	res, err := api.Publish(in.Name)
	if err != nil {
		t.Fatal(err)
	}
	held := srv.ReadBack(t, in.URL)
	if res.Counts.Created == 0 || res.Counts.Created != len(held) || res.Publication.Waiting != 0 ||
		res.Publication.LastSuccessAt == "" || res.Publication.Last.Created != res.Counts.Created || !rec.has(EventPublishProgress) {
		t.Fatalf("first publish: %+v (server holds %d)", res, len(held))
	}
	for _, h := range held {
		if h.Alarm != "-PT30M" || !strings.Contains(h.Summary, "Primary") {
			t.Fatalf("held %+v", h)
		}
	}

	// an edit that changes shifts publishes by itself after the debounce
	e.set("WHEELHOUSE_PUBLISH_DELAY", "50ms")
	rot.Name = "Primary (renamed)"
	if rot, err = oc.SaveRotation(rot); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the debounced publish", func() bool {
		v, err := api.Status(in.Name)
		return err == nil && v.Last.Updated == len(held) && v.Waiting == 0 && rec.has(EventPublishChanged)
	})
	for _, h := range srv.ReadBack(t, in.URL) {
		if !strings.Contains(h.Summary, "(renamed)") {
			t.Fatalf("not republished: %+v", h)
		}
	}
	e.set("WHEELHOUSE_PUBLISH_DELAY", "1h")

	// someone edits the server copy, we change the shift too: a conflict
	var one caldavtest.HeldEvent
	for _, h := range srv.ReadBack(t, in.URL) {
		if h.Start > "2026-12-01" {
			one = h
			break
		}
	}
	raw := caldavtest.RawClient(t, srv)
	bg := context.Background()
	body, etag, err := raw.Get(bg, srv.Base()+one.Href)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Put(bg, srv.Base()+one.Href, []byte(strings.Replace(string(body), "SUMMARY:", "SUMMARY:EDITED ", 1)), etag); err != nil {
		t.Fatal(err)
	}
	rot.Name = "Primary again"
	if rot, err = oc.SaveRotation(rot); err != nil {
		t.Fatal(err)
	}
	res, err = api.Publish(in.Name)
	if err != nil || res.Counts.Conflicts != 1 || len(res.Publication.Conflicts) != 1 {
		t.Fatalf("conflict: %+v %v", res, err)
	}
	c := res.Publication.Conflicts[0]
	if c.UID != one.UID || !strings.Contains(c.Theirs, "EDITED") || c.Ours == "" || c.At == "" {
		t.Fatalf("conflict shown: %+v", c)
	}
	if _, err := api.Resolve(in.Name, c.UID, "mine"); apiErr(t, err).Field != "choice" {
		t.Fatal("a wrong choice was accepted")
	}
	v, err := api.Resolve(in.Name, c.UID, "theirs")
	if err != nil || len(v.Conflicts) != 0 {
		t.Fatalf("theirs: %+v %v", v, err)
	}
	if h := srv.ReadBack(t, in.URL)[one.UID]; !strings.HasPrefix(h.Summary, "EDITED") {
		t.Fatalf("theirs not kept: %+v", h)
	}

	// offline: the run fails, the changes wait, the next run sends them once
	srv.Stop()
	rot.Name = "Primary offline"
	if rot, err = oc.SaveRotation(rot); err != nil {
		t.Fatal(err)
	}
	if _, err := api.Publish(in.Name); err == nil {
		t.Fatal("published to a stopped server")
	}
	v, _ = api.Status(in.Name)
	if v.LastError == "" || v.LastErrorAt == "" || v.Waiting != len(held) {
		t.Fatalf("offline status: waiting %d of %d, error %q", v.Waiting, len(held), v.LastError)
	}
	srv.Start()
	res, err = api.Publish(in.Name)
	if err != nil || res.Publication.Waiting != 0 || res.Publication.LastError != "" || res.Counts.Updated != len(held) {
		t.Fatalf("caught up: %+v %v", res, err)
	}
	if h := srv.ReadBack(t, in.URL); len(h) != len(held) {
		t.Fatalf("duplicates or losses: %d, want %d", len(h), len(held))
	}

	// locked: no automatic run, no binding
	NewLockAPI(s).Lock()
	if s.publishAll("test") {
		t.Fatal("published while locked")
	}
	if _, err := api.List(); apiErr(t, err).Code != "locked" {
		t.Fatal("listed while locked")
	}
	if _, err := NewLockAPI(s).Unlock(""); err != nil {
		t.Fatal(err)
	}

	// a self-signed certificate: reported with its fingerprint, trusted explicitly
	target, _ := url.Parse(srv.Base())
	tlsSrv := httptest.NewTLSServer(httputil.NewSingleHostReverseProxy(target))
	defer tlsSrv.Close()
	tin := in
	tin.Name, tin.URL = "Over TLS", tlsSrv.URL+"/"+srv.User+"/tls/"
	if _, err := api.Save(tin); err != nil {
		t.Fatal(err)
	}
	_, err = api.Publish(tin.Name)
	fp := caldav.Fingerprint(tlsSrv.Certificate())
	if ae := apiErr(t, err); ae.Field != "trustCertificate" || !strings.Contains(ae.Message, fp) {
		t.Fatalf("self-signed: %+v", ae)
	}
	v, _ = api.Status(tin.Name)
	if v.UntrustedCertificate != fp {
		t.Fatalf("fingerprint %q, want %q", v.UntrustedCertificate, fp)
	}
	if v, err = api.TrustCertificate(tin.Name, v.UntrustedCertificate); err != nil || v.TrustSHA256 != fp {
		t.Fatalf("trust: %+v %v", v, err)
	}
	if res, err := api.Publish(tin.Name); err != nil || res.Counts.Created == 0 || res.Publication.UntrustedCertificate != "" {
		t.Fatalf("trusted: %+v %v", res, err)
	}

	l, err := api.List()
	if err != nil || len(l) != 2 || l[0].Name != "Over TLS" || l[1].Name != "Primary rota" {
		t.Fatalf("list: %+v %v", l, err)
	}
	if err := api.Remove(tin.Name); err != nil {
		t.Fatal(err)
	}
	if err := api.Remove(tin.Name); apiErr(t, err).Code != "not_found" {
		t.Fatal("removed twice")
	}
	if l, _ := api.List(); len(l) != 1 {
		t.Fatalf("after remove: %+v", l)
	}
}

// The demo has no publication unless someone adds one there: switching to
// it and running the schedule publishes nothing; the user's publications
// are not the demo's.
func TestDemoPublishesNothing(t *testing.T) {
	e := &env{m: map[string]string{"WHEELHOUSE_NO_KEYRING": "1"}}
	s := shellWith(t, Config{Clock: clock.NewFake(time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)), Getenv: e.get})
	api := NewPublishAPI(s)
	if _, err := api.Save(PublicationInputDTO{Name: "Mine", URL: "http://127.0.0.1:9/cal/", Scope: ScopeDTO{Kind: "team"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := NewWorkspaceAPI(s).OpenDemo(); err != nil {
		t.Fatal(err)
	}
	if l, err := api.List(); err != nil || len(l) != 0 {
		t.Fatalf("the demo lists %+v %v", l, err)
	}
	rec := &recorder{}
	s.SetEmitter(rec)
	if !s.publishAll("test") {
		t.Fatal("the run did not start")
	}
	eventually(t, "the run to end", func() bool { return !s.pub.busy.Load() })
	if rec.has(EventPublishProgress) || rec.has(EventPublishChanged) {
		t.Fatal("the demo published")
	}
}

func TestUntrustedCertificateFromMessage(t *testing.T) {
	fp := strings.TrimSuffix(strings.Repeat("AB:", 32), ":")
	for msg, want := range map[string]string{
		"The certificate of h:1 is not signed … Its SHA-256 fingerprint is " + fp + ": if you …": fp,
		"presented a certificate that is not the trusted one (it has SHA-256 " + fp + ").":       fp,
		"The calendar server answered PUT with 500.":                                             "",
	} {
		if got := untrustedCertificate(msg); got != want {
			t.Errorf("%q: %q, want %q", msg, got, want)
		}
	}
}
