package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/people"
	"wheelhouse/backend/workspace"
	"wheelhouse/cli"
)

func dunstctl(t *testing.T, args ...string) string {
	t.Helper()
	out, err := exec.Command("dunstctl", args...).Output()
	if err != nil {
		t.Fatalf("dunstctl %v: %v", args, err)
	}
	return strings.TrimSpace(string(out))
}

// shown counts the notifications dunst has shown: on screen plus history.
func shown(t *testing.T) int {
	t.Helper()
	n := 0
	for _, kind := range []string{"displayed", "history", "waiting"} {
		v, err := strconv.Atoi(dunstctl(t, "count", kind))
		if err != nil {
			t.Fatal(err)
		}
		n += v
	}
	return n
}

// TestRemindOnceRealDesktop proves desktop reminders against a REAL
// notification daemon. scripts/notify.sh (part of `make test`) runs it under
// a private D-Bus session with dunst; elsewhere it is skipped.
func TestRemindOnceRealDesktop(t *testing.T) {
	if os.Getenv("WHEELHOUSE_REAL_NOTIFY") != "1" {
		t.Skip("needs a D-Bus session with a notification daemon: run scripts/notify.sh")
	}
	// Monday 10:00 UTC: outside the default quiet hours and weekends.
	clk := clock.NewFake(time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC))
	dir := t.TempDir()
	w, err := workspace.Open(dir, workspace.Options{Clock: clk})
	if err != nil {
		t.Fatal(err)
	}
	p, err := w.Roster.CreatePerson(people.Person{Name: "Dana Xu", TimeZone: "UTC"})
	if err != nil {
		t.Fatal(err)
	}
	book := followup.NewBook(w.Store, clk)
	if _, err := book.Create(followup.Item{Title: "Add a canary for config pushes", OwnerID: p.ID, DueDate: "2026-11-20"}); err != nil {
		t.Fatal(err)
	}
	w.Close()

	env := map[string]string{"TZ": "UTC"}
	remind := func() string {
		var out, errb bytes.Buffer
		code := cli.Run(cli.Env{Args: []string{"--data", dir, "remind", "--once"}, Getenv: func(k string) string { return env[k] },
			Stdout: &out, Stderr: &errb, Clock: clk})
		if code != 0 || errb.Len() > 0 {
			t.Fatalf("remind --once: exit %d\n%s%s", code, out.String(), errb.String())
		}
		return out.String()
	}

	before := shown(t)
	if out := remind(); !strings.Contains(out, "Delivered 1 reminder;") {
		t.Fatalf("first run: %s", out)
	}
	// Wait (bounded) for dunst to take it.
	deadline := time.Now().Add(10 * time.Second)
	for shown(t) < before+1 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	if got := shown(t) - before; got != 1 {
		t.Fatalf("dunst shows %d new notifications, want exactly 1", got)
	}
	dunstctl(t, "close-all") // moves it into the history, where its text can be read
	var hist struct {
		Data [][]map[string]struct {
			Data any `json:"data"`
		} `json:"data"`
	}
	if err := json.Unmarshal([]byte(dunstctl(t, "history")), &hist); err != nil || len(hist.Data) == 0 || len(hist.Data[0]) == 0 {
		t.Fatalf("dunstctl history: %v", err)
	}
	latest := hist.Data[0][0] // newest first
	summary, _ := latest["summary"].Data.(string)
	body, _ := latest["body"].Data.(string)
	app, _ := latest["appname"].Data.(string)
	t.Logf("dunst shows: app=%q summary=%q body=%q", app, summary, body)
	if app != "Wheelhouse" || summary != "Overdue follow-up: Add a canary for config pushes" || !strings.Contains(body, "Owner: Dana Xu") {
		t.Fatalf("unexpected notification: app=%q summary=%q body=%q", app, summary, body)
	}

	// A minute later, the same overdue follow-up is not shown again.
	clk.Advance(time.Minute)
	n := shown(t)
	if out := remind(); !strings.Contains(out, "Delivered 0 reminders; 1 active.") {
		t.Fatalf("second run: %s", out)
	}
	time.Sleep(500 * time.Millisecond)
	if got := shown(t); got != n {
		t.Fatalf("the second evaluation showed %d more notifications, want none", got-n)
	}
}
