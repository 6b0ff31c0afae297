package publish_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/caldav/caldavtest"
	"wheelhouse/backend/calendar"
	"wheelhouse/backend/demo"
	"wheelhouse/backend/publish"
	"wheelhouse/backend/secrets"
	"wheelhouse/backend/secrets/secretstest"
	"wheelhouse/backend/store"
)

const canary = "QxZvKpWmTrLbNcYhGdJf"

type memSecrets struct{ m map[string]string }

func (s *memSecrets) Set(k, v string) error { s.m[k] = v; return nil }
func (s *memSecrets) Get(k string) (string, error) {
	v, ok := s.m[k]
	if !ok {
		return "", errors.New("not found")
	}
	return v, nil
}
func (s *memSecrets) Delete(k string) error { delete(s.m, k); return nil }

func storeHolds(t *testing.T, st *store.Store, s string) bool {
	found := false
	err := st.View(func(txn *badger.Txn) error {
		return store.Values(txn, store.Range{Prefix: []byte{}}, func(k, v []byte) error {
			if bytes.Contains(v, []byte(s)) || bytes.Contains(k, []byte(s)) {
				found = true
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// The password: in the workspace only when there is no keyring, never in
// an export (with private data or without), never returned by List/Get.
func TestPasswordNeverExported(t *testing.T) {
	f := newFixture(t, demo.Small)
	in := publish.Input{Name: "P", URL: "https://cal.example/alice/oncall/", User: "alice", Password: canary, Scope: calendar.Scope{Kind: calendar.ScopeTeam}}
	p, err := f.pub.Save(in)
	if err != nil || p.PasswordIn != publish.PasswordWorkspace || p.Password != "" {
		t.Fatalf("%+v %v", p, err)
	}
	if !storeHolds(t, f.w.Store, canary) {
		t.Fatal("no keyring: the password should be in the workspace")
	}
	ps, _ := f.pub.List()
	if len(ps) != 1 || ps[0].Password != "" {
		t.Fatalf("List shows the password: %+v", ps)
	}
	var full bytes.Buffer
	if err := f.w.Export(&full, "test"); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(full.String(), canary) {
		t.Fatal("the password is in the workspace export")
	}
	// with a keyring: the workspace never holds it; an edit without a
	// password keeps it; Remove deletes the keyring entry
	ks := &memSecrets{m: map[string]string{}}
	f.pub.Secrets = ks
	in.Name = "K"
	p, err = f.pub.Save(in)
	if err != nil || p.PasswordIn != publish.PasswordKeyring {
		t.Fatalf("%+v %v", p, err)
	}
	if err := f.pub.Remove("P"); err != nil {
		t.Fatal(err)
	}
	if storeHolds(t, f.w.Store, canary) {
		t.Fatal("the keyring's password is in the workspace")
	}
	in.Password = ""
	in.AlarmMinutes = 5
	if p, err = f.pub.Save(in); err != nil || p.PasswordIn != publish.PasswordKeyring || len(ks.m) != 1 {
		t.Fatalf("edit without a password: %+v %v %v", p, err, ks.m)
	}
	if err := f.pub.Remove("K"); err != nil || len(ks.m) != 0 {
		t.Fatalf("remove: %v, keyring %v", err, ks.m)
	}
	// bad input: named fields, nothing stored
	_, err = f.pub.Save(publish.Input{Name: "", URL: "ftp://x", Scope: calendar.Scope{Kind: "nope"}, AlarmMinutes: -1, TrustSHA256: "zz", OnConflict: "maybe"})
	if err == nil {
		t.Fatal("bad input accepted")
	}
	ps, _ = f.pub.List()
	if len(ps) != 0 {
		t.Fatalf("bad input stored: %+v", ps)
	}
}

// The password in a real OS keyring (gnome-keyring in its own D-Bus
// session): the workspace never holds it, and a publish reads it back.
func TestPasswordInRealKeyring(t *testing.T) {
	if !secretstest.In(t, secretstest.Unlocked) {
		return
	}
	srv := caldavtest.StartRadicale(t)
	f := newFixture(t, demo.Small)
	f.pub.Secrets = publish.Keyring{Store: secrets.OS()}
	in := publish.Input{Name: "K", URL: srv.CalendarURL("k"), User: srv.User, Password: srv.PW, Scope: calendar.Scope{Kind: calendar.ScopeTeam}, BackDays: 1, AheadDays: 7}
	p, err := f.pub.Save(in)
	if err != nil || p.PasswordIn != publish.PasswordKeyring {
		t.Fatalf("%+v %v", p, err)
	}
	if storeHolds(t, f.w.Store, srv.PW) {
		t.Fatal("the keyring's password is in the workspace")
	}
	if got, err := secrets.OS().Get(publish.KeyringService, "caldav-publication-"+p.ID.String()); err != nil || got != srv.PW {
		t.Fatalf("keyring: %q %v", got, err)
	}
	if c, err := f.pub.Publish(bg, "K", nil); err != nil || c.Created == 0 {
		t.Fatalf("publish with the keyring's password: %+v %v", c, err)
	}
	if err := f.pub.Remove("K"); err != nil {
		t.Fatal(err)
	}
	if _, err := secrets.OS().Get(publish.KeyringService, "caldav-publication-"+p.ID.String()); !errors.Is(err, secrets.ErrNotFound) {
		t.Fatalf("the keyring entry outlived its publication: %v", err)
	}
}

// No Secret Service on the session bus: the password stays in the
// workspace, said so.
func TestPasswordWithoutKeyringService(t *testing.T) {
	if !secretstest.In(t, secretstest.NoService) {
		return
	}
	f := newFixture(t, demo.Small)
	f.pub.Secrets = publish.Keyring{Store: secrets.OSWithTimeout(3 * time.Second)}
	p, err := f.pub.Save(publish.Input{Name: "W", URL: "https://cal.example/a/b/", User: "a", Password: canary, Scope: calendar.Scope{Kind: calendar.ScopeTeam}})
	if err != nil || p.PasswordIn != publish.PasswordWorkspace || !storeHolds(t, f.w.Store, canary) {
		t.Fatalf("%+v %v", p, err)
	}
}
