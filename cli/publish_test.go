package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/caldav/caldavtest"
	"wheelhouse/backend/oncall"
)

// The CLI's CalDAV publishing against a real Radicale: a configured
// publication (add, publish, list, remove), a one-off publish whose
// read-back matches `oncall shifts`, and a wrong password (exit 1).
func TestCalendarPublishRadicale(t *testing.T) {
	srv := caldavtest.StartRadicale(t)
	dir := t.TempDir()
	env := map[string]string{"TZ": "Europe/Berlin", "WHEELHOUSE_NO_KEYRING": "1"}
	expect(t, run(t, env, "--data", dir, "demo"), 0)
	expect(t, run(t, env, "--help"), 0, "calendar publish [--name NAME]", "calendar publication add NAME")
	pwFile := filepath.Join(t.TempDir(), "pw")
	if err := os.WriteFile(pwFile, []byte(srv.PW+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	expect(t, run(t, env, "--data", dir, "calendar", "publish"), 1, "No publications are configured")
	expect(t, run(t, env, "--data", dir, "calendar", "publication", "list"), 0, "No publications.")
	expect(t, run(t, env, "--data", dir, "calendar", "publication", "add", "Team", "--team", "--url", srv.CalendarURL("team"),
		"--user", srv.User, "--password-file", pwFile, "--alarm", "10", "--ahead-days", "30"), 0,
		`Saved the publication "Team"`, "kept in the workspace")
	expect(t, run(t, env, "--data", dir, "calendar", "publication", "add", "Bad", "--team", "--url", "ftp://x", "--alarm", "-3"), 1, "url:", "alarmMinutes:")
	expect(t, run(t, env, "--data", dir, "calendar", "publication", "list"), 0, "Team", "never published", "changes waiting")
	r := run(t, env, "--data", dir, "calendar", "publish")
	expect(t, r, 0, "Team: ", " created, 0 updated, 0 deleted, 0 unchanged")
	held := srv.ReadBack(t, srv.CalendarURL("team"))
	if len(held) == 0 || !strings.Contains(r.stdout, "Team: "+itoa(len(held))+" created") {
		t.Fatalf("the server holds %d events; the CLI said %s", len(held), r.stdout)
	}
	for _, h := range held {
		if h.Alarm != "-PT10M" {
			t.Fatalf("alarm %q", h.Alarm)
		}
	}
	expect(t, run(t, env, "--data", dir, "calendar", "publish", "--name", "team"), 0, "team: 0 created, 0 updated, 0 deleted, "+itoa(len(held))+" unchanged")
	expect(t, run(t, env, "--data", dir, "calendar", "publication", "list"), 0, "published just now · up to date")
	expect(t, run(t, env, "--data", dir, "calendar", "publish", "--name", "Nope"), 1, `no publication called "Nope"`)

	// one-off, a rotation for December: the server holds exactly the
	// shifts `oncall shifts` lists
	args := []string{"--data", dir, "calendar", "publish", "--rotation", "Payments on-call", "--url", srv.CalendarURL("payments"),
		"--user", srv.User, "--password-file", pwFile, "--from", "2026-12-01", "--to", "2026-12-31"}
	expect(t, run(t, env, args...), 0, "Published 2026-12-01 to 2026-12-31", "0 updated, 0 deleted, 0 unchanged")
	r = run(t, env, "--data", dir, "oncall", "shifts", "--rotation", "Payments on-call", "--from", "2026-12-01", "--to", "2026-12-31", "--json")
	expect(t, r, 0)
	var shifts []oncall.Shift
	if err := json.Unmarshal([]byte(r.stdout), &shifts); err != nil || len(shifts) == 0 {
		t.Fatalf("oncall shifts: %v\n%s", err, r.stdout)
	}
	var want, got []string
	for _, x := range shifts {
		want = append(want, x.Start.UTC().Format(time.RFC3339)+" "+x.End.UTC().Format(time.RFC3339))
	}
	for _, h := range srv.ReadBack(t, srv.CalendarURL("payments")) {
		got = append(got, h.Start+" "+h.End)
	}
	sort.Strings(want)
	sort.Strings(got)
	if strings.Join(want, "\n") != strings.Join(got, "\n") {
		t.Fatalf("the server holds\n%s\nwant (oncall shifts)\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// the same one-off again sends nothing
	expect(t, run(t, env, args...), 0, "0 created, 0 updated, 0 deleted, "+itoa(len(want))+" unchanged")
	expect(t, run(t, env, "--data", dir, "calendar", "publication", "list"), 0, "(one-off)")

	// a wrong password: exit 1, said plainly
	bad := filepath.Join(t.TempDir(), "bad")
	os.WriteFile(bad, []byte("nope"), 0o600)
	args[len(args)-5] = bad
	expect(t, run(t, env, args...), 1, "refused the user name or password")
	expect(t, run(t, env, "--data", dir, "calendar", "publish", "--team", "--url", srv.CalendarURL("x")), 2, "--password-file")
	expect(t, run(t, env, "--data", dir, "calendar", "publish", "--team", "--rotation", "x", "--url", "u", "--user", "u", "--password-file", bad), 2, "choose one of")

	expect(t, run(t, env, "--data", dir, "calendar", "publication", "remove", "Team"), 0, "stays on the server")
	expect(t, run(t, env, "--data", dir, "calendar", "publication", "remove", "Team"), 1, "no publication called")
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
