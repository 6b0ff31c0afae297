package cli_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wheelhouse/backend/caldav/caldavtest"
)

// `calendar subscribe --caldav` against a real Radicale: a wrong password
// keeps nothing, the right one previews and applies a person's vacations,
// a change on the server is applied by `calendar subscription refresh`,
// and export-json carries no password.
func TestCalendarSubscribeCalDAV(t *testing.T) {
	srv := caldavtest.StartRadicale(t)
	ctx := context.Background()
	raw := caldavtest.RawClient(t, srv)
	coll := srv.CalendarURL("vacations")
	if err := raw.MakeCalendar(ctx, coll, "Vacations"); err != nil {
		t.Fatal(err)
	}
	vacation := func(uid, start, end, summary string) {
		t.Helper()
		body := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:" + uid +
			"\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:" + start + "\r\nDTEND;VALUE=DATE:" + end +
			"\r\nSUMMARY:" + summary + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
		_, etag, _ := raw.Get(ctx, coll+uid+".ics")
		if _, err := raw.Put(ctx, coll+uid+".ics", []byte(body), etag); err != nil {
			t.Fatal(err)
		}
	}
	vacation("ski", "20270201", "20270208", "Skiing")
	vacation("xmas", "20261221", "20270104", "Christmas break")

	dir := t.TempDir()
	env := map[string]string{"TZ": "Europe/Berlin", "WHEELHOUSE_NO_KEYRING": "1"}
	expect(t, run(t, env, "--data", dir, "demo"), 0)
	expect(t, run(t, env, "--help"), 0, "calendar subscribe (URL | --caldav URL --user USER", "calendar subscription refresh")
	r := run(t, env, "--data", dir, "export-json")
	var file struct {
		People []struct{ Name string } `json:"people"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &file); err != nil || len(file.People) == 0 {
		t.Fatalf("export-json: %v", err)
	}
	person := file.People[0].Name
	pw, bad := filepath.Join(t.TempDir(), "pw"), filepath.Join(t.TempDir(), "bad")
	os.WriteFile(pw, []byte(srv.PW+"\n"), 0o600)
	os.WriteFile(bad, []byte("wrong"), 0o600)

	args := func(pwFile string, more ...string) []string {
		return append([]string{"--data", dir, "calendar", "subscribe", "--caldav", coll, "--user", srv.User, "--password-file", pwFile,
			"--timeoff", person, "--name", "Vacations", "--refresh", "daily"}, more...)
	}
	expect(t, run(t, env, args(bad)...), 1, "refused the user name or password (401 Unauthorized)")
	expect(t, run(t, env, "--data", dir, "calendar", "subscription", "list"), 0, "No calendar subscriptions")
	expect(t, run(t, env, args(pw)...), 0, "2 new, 0 updated, 0 removed", "Only a preview: nothing was saved")
	expect(t, run(t, env, "--data", dir, "calendar", "subscription", "list"), 0, "No calendar subscriptions")
	expect(t, run(t, env, args(pw, "--yes")...), 0, "2 new", "Imported: 2 added", `Subscribed "Vacations"`, "kept in the workspace")
	expect(t, run(t, env, "--data", dir, "calendar", "subscription", "list"), 0, "Vacations", "caldav (alice)", "daily", "fetched just now")

	vacation("ski", "20270208", "20270215", "Skiing")
	expect(t, run(t, env, "--data", dir, "calendar", "subscription", "refresh", "vacations"), 0, "Vacations: 0 added, 1 updated, 0 removed, 1 unchanged")
	expect(t, run(t, env, "--data", dir, "calendar", "subscription", "refresh"), 0, "Vacations: 0 added, 0 updated, 0 removed, 2 unchanged")

	r = run(t, env, "--data", dir, "export-json")
	expect(t, r, 0, `"source": "caldav"`, `"user": "alice"`)
	if strings.Contains(r.stdout, srv.PW) || strings.Contains(r.stdout, `"password"`) {
		t.Fatal("export-json carries the CalDAV password")
	}
	r = run(t, env, "--data", dir, "calendar", "subscription", "list", "--json")
	if strings.Contains(r.stdout, srv.PW) {
		t.Fatal("subscription list --json shows the password")
	}
	expect(t, run(t, env, "--data", dir, "calendar", "subscription", "remove", "Vacations"), 0, `Removed the subscription "Vacations"`)
	expect(t, run(t, env, "--data", dir, "calendar", "subscribe", "--caldav", coll, "https://x/y.ics", "--timeoff", person), 2, "no URL besides --caldav")
	expect(t, run(t, env, "--data", dir, "calendar", "subscribe", "https://x/y.ics", "--user", "u", "--timeoff", person), 2, "are for a CalDAV calendar")
}

// `calendar subscribe URL` for an iCalendar address: holidays into a new
// region, refreshed by name.
func TestCalendarSubscribeICS(t *testing.T) {
	body := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//T//EN\r\nX-WR-CALNAME:Company days\r\n" +
		"BEGIN:VEVENT\r\nUID:founding@t\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:20261211\r\nSUMMARY:Founding Day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/calendar")
		fmt.Fprint(w, body)
	}))
	defer srv.Close()
	dir := t.TempDir()
	env := map[string]string{"TZ": "Europe/Berlin", "WHEELHOUSE_NO_KEYRING": "1"}
	expect(t, run(t, env, "--data", dir, "demo"), 0)
	expect(t, run(t, env, "--data", dir, "calendar", "subscribe", srv.URL+"/company.ics", "--holidays", "Company", "--refresh", "weekly", "--yes"), 0,
		"1 new", "Imported: 1 added", "Subscribed", "iCalendar address", "refreshed weekly")
	r := run(t, env, "--data", dir, "calendar", "subscription", "list")
	expect(t, r, 0, "ics", "weekly", "fetched just now")
	expect(t, run(t, env, "--data", dir, "calendar", "subscription", "refresh", "Nope"), 1, `no calendar subscription called "Nope"`)
	expect(t, run(t, env, "--data", dir, "calendar", "subscription", "refresh"), 0, "0 added, 0 updated, 0 removed, 1 unchanged")
}
