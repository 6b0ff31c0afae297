package app

import (
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/id"
	"wheelhouse/backend/notify"
	"wheelhouse/backend/workspace"
)

type recorder struct {
	mu     sync.Mutex
	events []string
}

func (r *recorder) Emit(name string, _ any) {
	r.mu.Lock()
	r.events = append(r.events, name)
	r.mu.Unlock()
}

func newShell(t *testing.T, root string) *Shell {
	t.Helper()
	s := NewShell(Config{Root: root, Version: "test", Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Clock: clock.NewFake(time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC))})
	t.Cleanup(s.Close)
	return s
}

// shellWith opens a shell on cfg: an empty Root is a fresh folder, a nil
// Log discards.
func shellWith(t *testing.T, cfg Config) *Shell {
	t.Helper()
	if cfg.Root == "" {
		cfg.Root = t.TempDir()
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	s := NewShell(cfg)
	t.Cleanup(s.Close)
	if err := s.Open(); err != nil {
		t.Fatal(err)
	}
	return s
}

// openShell is newShell on a fresh folder, opened.
func openShell(t *testing.T) *Shell {
	t.Helper()
	s := newShell(t, t.TempDir())
	if err := s.Open(); err != nil {
		t.Fatal(err)
	}
	return s
}

func apiErr(t *testing.T, err error) APIError {
	t.Helper()
	if err == nil {
		t.Fatal("expected an error")
	}
	// The bridge hands JS the error text: it must be our JSON.
	var ae APIError
	if jerr := json.Unmarshal([]byte(err.Error()), &ae); jerr != nil {
		t.Fatalf("error text is not JSON: %q", err.Error())
	}
	return ae
}

func TestValidationErrorsCrossTheBridgeAsJSON(t *testing.T) {
	s := openShell(t)
	api := NewPeopleAPI(s)
	_, err := api.CreatePerson(PersonInput{Name: "", TimeZone: "Mars/Olympus", Skills: []SkillDTO{{Name: "Go", Level: 9}}})
	ae := apiErr(t, err)
	if ae.Code != "invalid" || ae.Field != "name" {
		t.Fatalf("got %+v", ae)
	}
	fields := map[string]string{}
	for _, f := range ae.Fields {
		fields[f.Field] = f.Message
	}
	if !strings.Contains(fields["timezone"], "not a known time zone") || !strings.Contains(fields["skills.0.level"], "1 to 4") {
		t.Fatalf("fields %v", fields)
	}
	_, err = api.UpdatePerson("not-an-id", PersonInput{Name: "x"})
	if ae := apiErr(t, err); ae.Code != "invalid" || ae.Field != "id" {
		t.Fatalf("bad id: %+v", ae)
	}
}

func TestInternalErrorsHideDetail(t *testing.T) {
	err := toAPI(slog.New(slog.NewTextHandler(io.Discard, nil)), "op", errors.New("secret path /home/x/.key"))
	ae := apiErr(t, err)
	if ae.Code != "internal" || strings.Contains(ae.Message, "secret") {
		t.Fatalf("internal error leaked: %+v", ae)
	}
}

func TestRosterRoundTripThroughAPI(t *testing.T) {
	s := newShell(t, t.TempDir())
	_ = s.Open()
	api := NewPeopleAPI(s)
	boss, err := api.CreatePerson(PersonInput{Name: "Alex", TimeZone: "Europe/Berlin", Level: "L6"})
	if err != nil {
		t.Fatal(err)
	}
	dana, err := api.CreatePerson(PersonInput{Name: "Dana", TimeZone: "Asia/Kolkata", ManagerID: boss.ID, StartDate: "2024-02-01",
		Skills: []SkillDTO{{"Go", 3}}, Aspiration: "architecture"})
	if err != nil {
		t.Fatal(err)
	}
	team, err := api.SaveTeam("", TeamInput{Name: "Core", MemberIDs: []string{dana.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := api.SaveService("", ServiceInput{Name: "api", Criticality: "internal", TeamID: team.ID, PrimaryID: dana.ID}); err != nil {
		t.Fatal(err)
	}
	d, err := api.Directory()
	if err != nil {
		t.Fatal(err)
	}
	if len(d.People) != 2 || d.People[1].Name != "Dana" || d.People[1].TeamIDs[0] != team.ID || d.People[0].ReportIDs[0] != dana.ID {
		t.Fatalf("directory %+v", d.People)
	}
	if d.Teams[0].ServiceIDs[0] != d.Services[0].ID || d.People[1].CreatedAt == "" {
		t.Fatalf("directory teams %+v", d.Teams)
	}
	if _, err := api.ArchivePerson(dana.ID); err != nil {
		t.Fatal(err)
	}
	ov, _ := api.Overview()
	if ov.People != 1 || ov.Archived != 1 {
		t.Fatalf("overview %+v", ov)
	}
	im, err := api.DeletePreview(dana.ID)
	if err != nil || im.PersonName != "Dana" || len(im.Items) < 3 {
		t.Fatalf("preview %+v %v", im, err)
	}
	if ae := apiErr(t, api.DeletePerson(dana.ID, "nope")); ae.Field != "confirm" {
		t.Fatalf("unconfirmed delete: %+v", ae)
	}
	if err := api.DeletePerson(dana.ID, "Dana"); err != nil {
		t.Fatal(err)
	}
	zones := api.TimeZones()
	if len(zones) < 300 {
		t.Fatalf("%d zones", len(zones))
	}
}

func TestDemoWorkspaceIsSeparate(t *testing.T) {
	root := t.TempDir()
	s := newShell(t, root)
	rec := &recorder{}
	s.SetEmitter(rec)
	_ = s.Open()
	ws := NewWorkspaceAPI(s)
	people := NewPeopleAPI(s)
	if info := ws.Info(); !info.Empty || info.Demo || info.OpenErr != nil {
		t.Fatalf("fresh info %+v", info)
	}
	if _, err := people.CreatePerson(PersonInput{Name: "Mine", TimeZone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	info, err := ws.OpenDemo()
	if err != nil || !info.Demo || info.Empty || info.Path != filepath.Join(root, "demo") {
		t.Fatalf("demo info %+v %v", info, err)
	}
	d, _ := people.Directory()
	if len(d.People) != 9 {
		t.Fatalf("demo has %d people", len(d.People))
	}
	for _, p := range d.People {
		if p.Name == "Mine" {
			t.Fatal("real data visible in the demo")
		}
	}
	info, err = ws.OpenMine()
	if err != nil || info.Demo {
		t.Fatalf("back: %+v %v", info, err)
	}
	d, _ = people.Directory()
	if len(d.People) != 1 || d.People[0].Name != "Mine" {
		t.Fatalf("real workspace after demo: %+v", d.People)
	}
	rec.mu.Lock()
	n := 0
	for _, e := range rec.events {
		if e == EventWorkspaceChanged {
			n++
		}
	}
	rec.mu.Unlock()
	if n != 2 {
		t.Fatalf("workspace:changed sent %d times, want 2", n)
	}
}

func TestLockedWorkspaceReportedNotCrashed(t *testing.T) {
	root := t.TempDir()
	other, err := workspace.Open(root, workspace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	s := newShell(t, root)
	if err := s.Open(); err == nil {
		t.Fatal("opened a locked workspace")
	}
	info := NewWorkspaceAPI(s).Info()
	if info.OpenErr == nil || info.OpenErr.Code != "unavailable" || !strings.Contains(info.OpenErr.Message, "in use by another running Wheelhouse") {
		t.Fatalf("info %+v", info.OpenErr)
	}
	_, err = NewPeopleAPI(s).Directory()
	if ae := apiErr(t, err); ae.Code != "unavailable" {
		t.Fatalf("directory on locked: %+v", ae)
	}
}

// Every exported method of a bound struct becomes a JS function: lifecycle
// must not leak into them.
func TestBoundAPIsExposeNoLifecycle(t *testing.T) {
	for _, v := range []any{&WorkspaceAPI{}, &PeopleAPI{}, &ReminderAPI{}, &IncidentAPI{}, &FollowUpAPI{}, &OnCallAPI{}, &HandoffAPI{}, &PublishAPI{}} {
		tp := reflect.TypeOf(v)
		for i := 0; i < tp.NumMethod(); i++ {
			switch n := tp.Method(i).Name; n {
			case "Startup", "Shutdown", "Open", "Close", "SetEmitter", "RunReminders", "KeepRunningOnClose":
				t.Errorf("%s exposes lifecycle method %s to JS", tp, n)
			}
		}
	}
}

// The demo's reminders are about made-up people: they stay in the notification
// centre and never reach the desktop. The user's own workspace still notifies.
func TestDemoNeverNotifiesTheDesktop(t *testing.T) {
	root := t.TempDir()
	rec := &notify.Recorder{}
	// A weekday noon: the default quiet hours (22:00-08:00 and weekends) hold
	// desktop notifications back, so the real clock would fail at night.
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	s := NewShell(Config{Root: root, Version: "test", Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Clock: clock.NewFake(now), Notifier: rec, Zone: "UTC"})
	t.Cleanup(s.Close)
	_ = s.Open()
	ws := NewWorkspaceAPI(s)
	if _, err := ws.OpenDemo(); err != nil {
		t.Fatal(err)
	}
	res, err := s.EvaluateReminders()
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Active) == 0 {
		t.Fatal("the demo has no due reminders: the test proves nothing")
	}
	if n := len(rec.Sent()); n != 0 {
		t.Fatalf("the demo sent %d desktop notifications: %+v", n, rec.Sent())
	}

	// Back in my workspace, an overdue follow-up of mine does notify.
	if _, err := ws.OpenMine(); err != nil {
		t.Fatal(err)
	}
	people := NewPeopleAPI(s)
	me, err := people.CreatePerson(PersonInput{Name: "Mine", TimeZone: "UTC"})
	if err != nil {
		t.Fatal(err)
	}
	owner, err := id.Parse(me.ID)
	if err != nil {
		t.Fatal(err)
	}
	actions := NewFollowUpAPI(s)
	if _, err := actions.Create(followup.Item{Title: "Rotate the keys", OwnerID: owner, DueDate: now.AddDate(0, 0, -3).Format("2006-01-02"),
		Priority: "medium", Status: "open"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.EvaluateReminders(); err != nil {
		t.Fatal(err)
	}
	if len(rec.Sent()) == 0 {
		t.Fatal("my own overdue follow-up reached no desktop notification")
	}
}

func TestFileName(t *testing.T) {
	for in, want := range map[string]string{
		"On call: team.ics":             "On call - team.ics",
		"On call: Payments primary.ics": "On call - Payments primary.ics",
		`a/b\c*d?"e"<f>|g.md`:           "a-b-c-d--e--f--g.md",
		"  lots   of\tspace .ics":       "lots of space.ics",
		"tab\x00\x1fctl.txt":            "tabctl.txt",
		".ics":                          "export.ics",
		"":                              "export",
		"Dana Reyes":                    "Dana Reyes",
		"Review: v1.2 rollout":          "Review - v1.2 rollout",
	} {
		if got := FileName(in); got != want {
			t.Errorf("FileName(%q) = %q, want %q", in, got, want)
		}
	}
}
