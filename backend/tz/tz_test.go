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

func TestWallTimeAcrossDST(t *testing.T) {
	load := func(n string) *time.Location {
		l, ok := Load(n)
		if !ok {
			t.Fatalf("zone %s", n)
		}
		return l
	}
	for _, c := range []struct {
		name    string
		zone    string
		y       int
		mo      time.Month
		d, h, m int
		want    string // RFC 3339 in UTC
	}{
		{"ny ordinary", "America/New_York", 2026, 3, 7, 2, 30, "2026-03-07T07:30:00Z"},
		{"ny gap → end of gap", "America/New_York", 2026, 3, 8, 2, 30, "2026-03-08T07:00:00Z"},
		{"ny overlap → first", "America/New_York", 2026, 11, 1, 1, 30, "2026-11-01T05:30:00Z"},
		{"berlin gap", "Europe/Berlin", 2026, 3, 29, 2, 30, "2026-03-29T01:00:00Z"},
		{"berlin overlap → first", "Europe/Berlin", 2026, 10, 25, 2, 30, "2026-10-25T00:30:00Z"},
		{"lord howe gap (30 min)", "Australia/Lord_Howe", 2026, 10, 4, 2, 15, "2026-10-03T15:30:00Z"},
		{"lord howe overlap → first", "Australia/Lord_Howe", 2026, 4, 5, 1, 45, "2026-04-04T14:45:00Z"},
		{"day overflow", "Europe/Berlin", 2026, 12, 32, 10, 0, "2027-01-01T09:00:00Z"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := WallTime(c.y, c.mo, c.d, c.h, c.m, load(c.zone)).UTC().Format(time.RFC3339)
			if got != c.want {
				t.Errorf("got %s, want %s", got, c.want)
			}
		})
	}
}
