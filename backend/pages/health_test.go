package pages_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/pages"
	"wheelhouse/backend/tz"
)

func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, ok := tz.Load(name)
	if !ok {
		t.Fatalf("no zone %s", name)
	}
	return loc
}

// The bands by the local wall clock: edges on a weekday and a weekend, in
// three zones, one of them with a 30-minute DST shift.
func TestBandEdges(t *testing.T) {
	const B, O, S = pages.BandBusiness, pages.BandOff, pages.BandSleep
	edges := []struct {
		h, m           int
		weekday, wkend string
	}{
		{0, 0, S, S}, {7, 59, S, S}, {8, 0, B, O}, {12, 0, B, O}, {17, 59, B, O},
		{18, 0, O, O}, {21, 59, O, O}, {22, 0, S, S}, {23, 59, S, S},
	}
	for _, name := range []string{"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "UTC"} {
		loc := zone(t, name)
		// Wednesday 2026-11-04 and Saturday 2026-11-07, Sunday 2026-11-08,
		// Friday 2026-11-06, Monday 2026-11-09.
		for _, e := range edges {
			for _, d := range []struct {
				day  int
				want string
			}{{4, e.weekday}, {6, e.weekday}, {9, e.weekday}, {7, e.wkend}, {8, e.wkend}} {
				at := tz.WallTime(2026, 11, d.day, e.h, e.m, loc)
				if got := pages.BandOf(at, loc); got != d.want {
					t.Errorf("%s 2026-11-%02d %02d:%02d (%s): %s, want %s", name, d.day, e.h, e.m, at.UTC().Format(time.RFC3339), got, d.want)
				}
			}
		}
	}
	if got := pages.BandOf(time.Date(2026, 11, 4, 7, 59, 0, 0, time.UTC), nil); got != S {
		t.Errorf("nil zone is UTC: %s", got)
	}
}

// On the nights clocks change, an instant's band follows the new offset.
func TestBandAcrossDST(t *testing.T) {
	const B, O, S = pages.BandBusiness, pages.BandOff, pages.BandSleep
	utc := func(s string) time.Time {
		x, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	for _, c := range []struct {
		zone, at, want string
	}{
		// Berlin, spring forward Sunday 2026-03-29 (UTC+1 → +2).
		{"Europe/Berlin", "2026-03-29T00:59:00Z", S}, // 01:59 CET
		{"Europe/Berlin", "2026-03-29T01:00:00Z", S}, // 03:00 CEST
		{"Europe/Berlin", "2026-03-29T05:59:00Z", S}, // 07:59 CEST (06:59 at the old offset)
		{"Europe/Berlin", "2026-03-29T06:00:00Z", O}, // 08:00 CEST, a Sunday
		{"Europe/Berlin", "2026-03-30T06:00:00Z", B}, // Monday 08:00
		{"Europe/Berlin", "2026-03-30T15:59:00Z", B}, // 17:59
		{"Europe/Berlin", "2026-03-30T16:00:00Z", O}, // 18:00
		{"Europe/Berlin", "2026-03-30T19:59:00Z", O}, // 21:59
		{"Europe/Berlin", "2026-03-30T20:00:00Z", S}, // 22:00
		// Berlin, fall back Sunday 2026-10-25 (+2 → +1): 02:30 twice, then 08:00 CET.
		{"Europe/Berlin", "2026-10-25T00:30:00Z", S},
		{"Europe/Berlin", "2026-10-25T01:30:00Z", S},
		{"Europe/Berlin", "2026-10-25T06:59:00Z", S}, // 07:59 CET (08:59 at the old offset)
		{"Europe/Berlin", "2026-10-25T07:00:00Z", O},
		{"Europe/Berlin", "2026-10-26T06:59:00Z", S}, // Monday 07:59
		{"Europe/Berlin", "2026-10-26T07:00:00Z", B},
		{"Europe/Berlin", "2026-10-26T20:59:00Z", O}, // 21:59
		{"Europe/Berlin", "2026-10-26T21:00:00Z", S}, // 22:00
		// New York, spring forward Sunday 2026-03-08 (−5 → −4), fall back Sunday 2026-11-01.
		{"America/New_York", "2026-03-08T11:59:00Z", S}, // 07:59 EDT
		{"America/New_York", "2026-03-08T12:00:00Z", O}, // 08:00 EDT, Sunday
		{"America/New_York", "2026-03-09T12:00:00Z", B}, // Monday 08:00 EDT
		{"America/New_York", "2026-11-01T05:30:00Z", S}, // 01:30 EDT
		{"America/New_York", "2026-11-01T06:30:00Z", S}, // 01:30 EST
		{"America/New_York", "2026-11-01T12:59:00Z", S}, // 07:59 EST
		{"America/New_York", "2026-11-01T13:00:00Z", O}, // 08:00 EST, Sunday
		{"America/New_York", "2026-11-02T12:59:00Z", S}, // Monday 07:59
		{"America/New_York", "2026-11-02T13:00:00Z", B},
		{"America/New_York", "2026-11-02T22:59:00Z", B}, // 17:59
		{"America/New_York", "2026-11-02T23:00:00Z", O}, // 18:00
		{"America/New_York", "2026-11-03T02:59:00Z", O}, // 21:59
		{"America/New_York", "2026-11-03T03:00:00Z", S}, // 22:00
		// Lord Howe: +10:30, +11 in summer; the clocks move 30 minutes.
		// Spring forward Sunday 2026-10-04 02:00 → 02:30.
		{"Australia/Lord_Howe", "2026-10-03T20:59:00Z", S}, // 07:59 (07:29 at the old offset)
		{"Australia/Lord_Howe", "2026-10-03T21:00:00Z", O}, // 08:00, Sunday
		{"Australia/Lord_Howe", "2026-10-04T10:59:00Z", O}, // 21:59
		{"Australia/Lord_Howe", "2026-10-04T11:00:00Z", S}, // 22:00
		{"Australia/Lord_Howe", "2026-10-04T21:00:00Z", B}, // Monday 08:00
		{"Australia/Lord_Howe", "2026-10-05T06:59:00Z", B}, // Monday 17:59
		{"Australia/Lord_Howe", "2026-10-05T07:00:00Z", O}, // Monday 18:00
		// Fall back Sunday 2026-04-05 02:00 → 01:30.
		{"Australia/Lord_Howe", "2026-04-04T14:45:00Z", S}, // 01:45 LHDT
		{"Australia/Lord_Howe", "2026-04-04T15:15:00Z", S}, // 01:45 LHST
		{"Australia/Lord_Howe", "2026-04-04T21:29:00Z", S}, // 07:59 LHST (08:29 at the old offset)
		{"Australia/Lord_Howe", "2026-04-04T21:30:00Z", O}, // 08:00, Sunday
		{"Australia/Lord_Howe", "2026-04-05T21:30:00Z", B}, // Monday 08:00
	} {
		loc := zone(t, c.zone)
		if got := pages.BandOf(utc(c.at), loc); got != c.want {
			t.Errorf("%s %s (local %s): %s, want %s", c.zone, c.at, utc(c.at).In(loc).Format("Mon 15:04 MST"), got, c.want)
		}
	}
}

func TestMedian(t *testing.T) {
	if pages.Median(nil) != nil {
		t.Error("median of nothing")
	}
	for _, c := range []struct {
		in   []int64
		want float64
	}{{[]int64{3}, 3}, {[]int64{4, 1}, 2.5}, {[]int64{5, 1, 3}, 3}, {[]int64{10, 1, 7, 2}, 4.5}} {
		if got := pages.Median(c.in); got == nil || *got != c.want {
			t.Errorf("median %v: %v, want %v", c.in, got, c.want)
		}
	}
}

func i64(n int64) *int64 { return &n }

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// healthWorld: Ann (Berlin) and Bob (New York) on a weekly rotation of the
// Payments team, handoffs Monday 10:00 Berlin from 2026-11-02.
func healthWorld(t *testing.T) (snap *oncall.Snapshot, ann, bob, carla, rot, team id.ID) {
	t.Helper()
	now := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	ann, bob, carla, rot, team = id.New(now), id.New(now.Add(1)), id.New(now.Add(2)), id.New(now.Add(3)), id.New(now.Add(4))
	snap = &oncall.Snapshot{
		People: map[id.ID]oncall.PersonInfo{ann: {Name: "Ann", TimeZone: "Europe/Berlin"}, bob: {Name: "Bob", TimeZone: "America/New_York"},
			carla: {Name: "Carla"}},
		Teams: map[id.ID]string{team: "Payments"},
		Rotations: []oncall.Rotation{{ID: rot, Name: "Payments primary", TeamID: team, Layer: 1, TimeZone: "Europe/Berlin",
			Participants: []id.ID{ann, bob}, ShiftLength: oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, HandoffTime: "10:00",
			StartDate: "2026-11-02", RequiredCoverage: oncall.Coverage24x7}},
	}
	return
}

func TestHealth(t *testing.T) {
	snap, ann, bob, _, rot, team := healthWorld(t)
	from, to := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC)
	shifts := oncall.AllShifts(snap, from, to)
	at := func(s string) time.Time { x, _ := time.Parse(time.RFC3339, s); return x }
	ps := []pages.Page{
		// Ann's week: a business, a sleep and a weekend page, acknowledged.
		{SourceID: "a1", Title: "CPU", Service: "api", Created: at("2026-11-04T10:00:00Z"), AckSeconds: i64(60), ResolveSeconds: i64(600), AckBy: "Ann", ResponderID: ann},
		{SourceID: "a2", Title: "CPU", Service: "API", Created: at("2026-11-04T22:30:00Z"), AckSeconds: i64(120), ResolveSeconds: i64(1200), AckBy: "Ann", ResponderID: ann},
		{SourceID: "a3", Title: "Queue", Service: "api", Created: at("2026-11-07T12:00:00Z"), Acknowledged: at("2026-11-07T12:05:00Z"), Resolved: at("2026-11-07T12:30:00Z"), AckBy: "Ann", ResponderID: ann},
		// Outside the window.
		{SourceID: "x", Title: "CPU", Created: at("2026-11-16T00:00:00Z"), ResponderID: ann},
		// Nobody's: resolved unacknowledged after an hour.
		{SourceID: "o", Title: "Orphan", Service: "db", Created: at("2026-11-10T12:00:00Z"), ResolveSeconds: i64(3600)},
	}
	// Bob's week: 15 flapping pages an hour apart from Tuesday 10:00 New
	// York, each resolved by itself in two minutes.
	for h := 0; h < 15; h++ {
		c := at("2026-11-10T15:00:00Z").Add(time.Duration(h) * time.Hour)
		ps = append(ps, pages.Page{SourceID: "b", Title: "Flappy disk", Service: "db", Created: c, Resolved: c.Add(2 * time.Minute),
			ResponderID: bob, ResponderBy: pages.ByOnCall, RotationID: rot})
	}
	rep := pages.Health(ps, shifts, snap, from, to, pages.HealthOptions{})
	if rep.Pages != 19 || rep.NoResponse != 1 || len(rep.People) != 2 {
		t.Fatalf("report: %d pages, %d without responder, %d people", rep.Pages, rep.NoResponse, len(rep.People))
	}
	b, a := rep.People[0], rep.People[1]
	if b.PersonID != bob || b.Person != "Bob" || b.Pages != 15 || b.Business != 8 || b.OffHours != 4 || b.Sleep != 3 ||
		b.MTTASeconds != nil || b.MTTRSeconds == nil || *b.MTTRSeconds != 120 || b.Shifts != 1 || !near(b.OnCallDays, 6.625) {
		t.Errorf("Bob: %+v", b)
	}
	if a.Pages != 3 || a.Business != 1 || a.OffHours != 1 || a.Sleep != 1 || *a.MTTASeconds != 120 || *a.MTTRSeconds != 1200 ||
		a.Shifts != 1 || !near(a.OnCallDays, 7) || !near(a.PagesPerOnCallDay, 3.0/7) || a.PagesPerShift != 3 || a.TimeZone != "Europe/Berlin" {
		t.Errorf("Ann: %+v", a)
	}
	if len(a.Weeks) != 2 || a.Weeks[0].Week != "2026-W45" || a.Weeks[0].Pages != 3 || a.Weeks[0].Sleep != 1 || a.Weeks[1].Week != "2026-W46" ||
		a.Weeks[1].Pages != 0 || !near(a.Weeks[0].OnCallDays+a.Weeks[1].OnCallDays, 7) {
		t.Errorf("Ann's weeks: %+v", a.Weeks)
	}
	if len(rep.Rotations) != 1 || rep.Rotations[0].ID != rot || rep.Rotations[0].Pages != 18 || len(rep.Teams) != 1 ||
		rep.Teams[0].ID != team || rep.Teams[0].Name != "Payments" || rep.Teams[0].Pages != 18 || !near(rep.Teams[0].OnCallDays, 13.625) {
		t.Errorf("rotations %+v teams %+v", rep.Rotations, rep.Teams)
	}
	if len(rep.Alerts) != 4 || rep.Alerts[0] != (pages.Noise{Name: "Flappy disk", Pages: 15, AutoResolvedShare: 1, UnackedShare: 1}) ||
		rep.Alerts[1] != (pages.Noise{Name: "CPU", Pages: 2}) {
		t.Errorf("alerts: %+v", rep.Alerts)
	}
	if len(rep.Services) != 2 || rep.Services[0] != (pages.Noise{Name: "db", Pages: 16, AutoResolvedShare: 15.0 / 16, UnackedShare: 1}) ||
		rep.Services[1] != (pages.Noise{Name: "api", Pages: 3}) {
		t.Errorf("services (grouped folded): %+v", rep.Services)
	}
	var kinds []string
	for _, f := range rep.Flags {
		kinds = append(kinds, f.Kind+" "+f.Week)
		if f.Reason == "" {
			t.Error("a flag without a reason")
		}
	}
	// Bob: 15 pages over 6.6 days, 3 in sleep hours in W46; Ann: one in W45.
	if strings.Join(kinds, ",") != "pagesPerDay ,sleep 2026-W46,sleep 2026-W45" || rep.Flags[0].PersonID != bob || rep.Flags[2].PersonID != ann ||
		!strings.Contains(rep.Flags[0].Reason, "15 pages over 6.6 on-call days, 2.3 a day (more than 2)") ||
		!strings.Contains(rep.Flags[1].Reason, "3 pages in sleep hours (22:00–08:00 America/New_York) in week 2026-W46") {
		t.Errorf("flags: %+v", rep.Flags)
	}
	// A higher threshold drops the load flag.
	rep = pages.Health(ps, shifts, snap, from, to, pages.HealthOptions{PagesPerDay: 3})
	if len(rep.Flags) != 2 {
		t.Errorf("threshold 3: %+v", rep.Flags)
	}
}

// MTTA rising: the last 28 days' median against the 28 before, both with
// at least 3 acknowledged pages, more than 25% higher.
func TestHealthMTTARising(t *testing.T) {
	snap, _, _, carla, _, _ := healthWorld(t)
	to := time.Date(2026, 12, 28, 0, 0, 0, 0, time.UTC)
	from := to.Add(-56 * 24 * time.Hour)
	page := func(daysBefore int, ack int64) pages.Page {
		return pages.Page{SourceID: "p", Created: to.Add(-time.Duration(daysBefore)*24*time.Hour + 12*time.Hour), AckSeconds: i64(ack), ResponderID: carla}
	}
	for _, c := range []struct {
		name  string
		prev  []int64
		last  []int64
		rises bool
	}{
		{"up by a half", []int64{60, 60, 60}, []int64{90, 90, 90}, true},
		{"up by exactly a quarter", []int64{60, 60, 60}, []int64{75, 75, 75}, false},
		{"up by a quarter and a second", []int64{60, 60, 60}, []int64{76, 76, 76}, true},
		{"too few recent pages", []int64{60, 60, 60}, []int64{300, 300}, false},
		{"too few earlier pages", []int64{60, 60}, []int64{300, 300, 300}, false},
		{"down", []int64{300, 300, 300}, []int64{60, 60, 60}, false},
	} {
		var ps []pages.Page
		for i, a := range c.prev {
			ps = append(ps, page(50-i, a))
		}
		for i, a := range c.last {
			ps = append(ps, page(20-i, a))
		}
		rep := pages.Health(ps, nil, snap, from, to, pages.HealthOptions{})
		var got *pages.Flag
		for i := range rep.Flags {
			if rep.Flags[i].Kind == pages.FlagMTTARising {
				got = &rep.Flags[i]
			}
		}
		if (got != nil) != c.rises {
			t.Errorf("%s: flag %+v, want %v", c.name, got, c.rises)
		}
		if got != nil && (got.PersonID != carla || !strings.HasPrefix(got.Reason, "Carla: median time to acknowledge")) {
			t.Errorf("%s: %+v", c.name, got)
		}
	}
}

// Imported pages through Badger: the sample PagerDuty export into the
// import fixture (José, Ann on the secondary, Bob and Carla weekly on the
// primary), then health over November.
func TestHealthOfImport(t *testing.T) {
	f := newFixture(t)
	if _, err := f.w.Pages.Apply(file("pagerduty.csv"), pages.Options{ParseOptions: pages.ParseOptions{Zone: time.UTC}}); err != nil {
		t.Fatal(err)
	}
	berlin := zone(t, "Europe/Berlin")
	from, to := time.Date(2026, 11, 2, 0, 0, 0, 0, berlin), time.Date(2026, 11, 23, 0, 0, 0, 0, berlin)
	rep, err := f.w.Pages.Health(from, to, pages.HealthOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Pages != 4 || rep.NoResponse != 1 {
		t.Fatalf("%d pages, %d without a responder", rep.Pages, rep.NoResponse)
	}
	got := map[string]pages.PersonHealth{}
	for _, p := range rep.People {
		got[p.Person] = p
	}
	// José acknowledged Q1AAA on Tuesday 10:15 Berlin: business, 125 s / 2850 s; never on call.
	if j := got["José Núñez"]; j.Pages != 1 || j.Business != 1 || *j.MTTASeconds != 125 || *j.MTTRSeconds != 2850 || j.Shifts != 0 || j.OnCallDays != 0 {
		t.Errorf("José: %+v", j)
	}
	// Carla was on call for Q1BBB at 02:00 Berlin, nobody acknowledged: sleep, no MTTA.
	if c := got["Carla Diaz"]; c.Pages != 1 || c.Sleep != 1 || c.MTTASeconds != nil || *c.MTTRSeconds != 3600 || c.Shifts != 1 || !near(c.OnCallDays, 7) {
		t.Errorf("Carla: %+v", c)
	}
	// Ann (ann@example.com) acknowledged Q1CCC at 23:30 Berlin after 60 s;
	// she is the secondary all along: 21 days less the first 9 hours.
	if a := got["Ann Lee"]; a.Pages != 1 || a.Sleep != 1 || *a.MTTASeconds != 60 || a.MTTRSeconds != nil || !near(a.OnCallDays, 21-10.0/24) {
		t.Errorf("Ann: %+v", a)
	}
	// Bob: from Monday 10:00 for a week, then from the third Monday 10:00 to the end.
	if b := got["Bob Stone"]; b.Pages != 0 || b.Shifts != 2 || !near(b.OnCallDays, 7+6+14.0/24) {
		t.Errorf("Bob (on call, no pages): %+v", b)
	}
	sleep := 0
	for _, fl := range rep.Flags {
		if fl.Kind == pages.FlagSleep {
			sleep++
		}
	}
	if sleep != 2 || len(rep.Flags) != 2 {
		t.Errorf("flags: %+v", rep.Flags)
	}
	teams := 0
	for _, r := range rep.Rotations {
		teams += r.Pages
	}
	if teams != 2 || len(rep.Teams) != 1 || rep.Teams[0].Pages != 2 {
		t.Errorf("rotations %+v teams %+v", rep.Rotations, rep.Teams)
	}
	if _, err := f.w.Pages.Health(to, from, pages.HealthOptions{}); err == nil {
		t.Error("an empty window")
	}
}
