package tz

import (
	"testing"
	"time"
)

func TestNamesLoadOffline(t *testing.T) {
	names := Names()
	if len(names) < 300 {
		t.Fatalf("only %d zones", len(names))
	}
	for _, n := range names {
		if !Valid(n) {
			t.Errorf("listed zone %q does not load from the embedded database", n)
		}
	}
	for _, bad := range []string{"", "Local", "Mars/Olympus", "../etc/passwd"} {
		if Valid(bad) {
			t.Errorf("%q accepted", bad)
		}
	}
	loc, _ := Load("Asia/Kolkata")
	if got := OffsetLabel(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), loc); got != "UTC+05:30" {
		t.Errorf("Kolkata offset %q", got)
	}
	ny, _ := Load("America/New_York")
	if got := OffsetLabel(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), ny); got != "UTC-05:00" {
		t.Errorf("New York offset %q", got)
	}
}

func TestDetect(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	link := func(target string, err error) func(string) (string, error) {
		return func(string) (string, error) { return target, err }
	}
	noLink := link("", errTest)
	cases := []struct {
		env  map[string]string
		link func(string) (string, error)
		want string
	}{
		{map[string]string{"TZ": "Asia/Kolkata"}, noLink, "Asia/Kolkata"},
		{map[string]string{"TZ": ":Europe/Berlin"}, noLink, "Europe/Berlin"},
		{map[string]string{"TZ": "garbage"}, link("/usr/share/zoneinfo/America/New_York", nil), "America/New_York"},
		{nil, link("../usr/share/zoneinfo/Australia/Lord_Howe", nil), "Australia/Lord_Howe"},
		{nil, noLink, "UTC"},
	}
	for _, c := range cases {
		if got := Detect(env(c.env), c.link); got != c.want {
			t.Errorf("Detect(%v) = %q, want %q", c.env, got, c.want)
		}
	}
}

var errTest = errorString("no link")

type errorString string

func (e errorString) Error() string { return string(e) }
