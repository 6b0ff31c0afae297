package app

import (
	"encoding/json"
	"io"
	"log/slog"
	"reflect"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/today"
)

// The day through the bound API: unavailable (as our JSON error) without a
// workspace; then in the manager's zone (Auckland is already on the 24th
// at 12:00 UTC on the 23rd), each section saying whether it is set up, lists
// as [] rather than null, and the test clock moving "now".
func TestTodayAPI(t *testing.T) {
	s := NewShell(Config{Root: t.TempDir(), Version: "test", Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Clock: clock.NewFake(time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)), Zone: "Pacific/Auckland"})
	t.Cleanup(s.Close)
	api := NewTodayAPI(s)
	if _, err := api.Today(); apiErr(t, err).Code != "unavailable" {
		t.Fatalf("no workspace: %v", err)
	}
	if err := s.Open(); err != nil {
		t.Fatal(err)
	}
	d, err := api.Today()
	if err != nil {
		t.Fatal(err)
	}
	if d.Today != "2026-11-24" || d.Zone != "Pacific/Auckland" || d.OnCall.State != today.StateNotSetUp || d.Health.State != today.StateNotSetUp {
		t.Fatalf("empty day %+v", d)
	}

	people := NewPeopleAPI(s)
	dana, err := people.CreatePerson(PersonInput{Name: "Dana Whitfield", TimeZone: "Pacific/Auckland", Aspiration: "ic"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewFollowUpAPI(s).Create(followup.Item{Title: "Send the notes", OwnerID: idOf(t, dana.ID), DueDate: "2026-11-23"}); err != nil {
		t.Fatal(err)
	}
	d, err = api.Today()
	if err != nil {
		t.Fatal(err)
	}
	f := d.FollowUps
	if f.State != today.StateItems || len(f.Overdue) != 1 || f.Overdue[0].Owner != "Dana Whitfield" || f.Overdue[0].DaysOverdue != 1 {
		t.Fatalf("follow-ups %+v", f)
	}
	b, _ := json.Marshal(d)
	for _, want := range []string{`"state":"not_set_up"`, `"schedules":[]`, `"dueSoon":[]`, `"unjudged":["no rotations","no 1:1 cadences","no incidents recorded"]`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON lacks %s:\n%s", want, b)
		}
	}
	// The test clock moves the day along.
	s.clock.SetOffset(48 * time.Hour)
	if d, err = api.Today(); err != nil || d.Today != "2026-11-26" || d.FollowUps.Overdue[0].DaysOverdue != 3 {
		t.Fatalf("two days later %s %+v %v", d.Today, d.FollowUps.Overdue, err)
	}
}

func TestTodayAPIExposesOnlyToday(t *testing.T) {
	var names []string
	tp := reflect.TypeOf(&TodayAPI{})
	for i := 0; i < tp.NumMethod(); i++ {
		names = append(names, tp.Method(i).Name)
	}
	if strings.Join(names, ",") != "Today" {
		t.Fatalf("TodayAPI binds %v", names)
	}
}

// WarmFirstScreen builds the day at launch and the window's first request
// takes it while nothing changed in the same minute; after a write it is
// built afresh. Without an open workspace it does nothing.
func TestWarmFirstScreenKeepsTheDayForTheFirstRequest(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 11, 23, 12, 0, 5, 0, time.UTC))
	idle := NewShell(Config{Root: t.TempDir(), Version: "test", Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Clock: clk, Zone: "UTC"})
	t.Cleanup(idle.Close)
	idle.WarmFirstScreen() // not open: nothing to warm, no panic
	s := shellWith(t, Config{Clock: clk, Zone: "UTC"})
	warmAt := clk.Now()
	s.WarmFirstScreen()
	clk.Advance(30 * time.Second)
	api := NewTodayAPI(s)
	d, err := api.Today()
	if err != nil {
		t.Fatal(err)
	}
	if !d.Now.Equal(warmAt) {
		t.Fatalf("the first request built the day again (now %v), want the one warmed at %v", d.Now, warmAt)
	}
	if _, err := NewPeopleAPI(s).CreatePerson(PersonInput{Name: "Dana Xu", TimeZone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	if d, err = api.Today(); err != nil || !d.Now.Equal(clk.Now()) {
		t.Fatalf("after a write: want a day built at %v, got %v (%v)", clk.Now(), d.Now, err)
	}
}
