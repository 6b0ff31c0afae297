package demo_test

import (
	"reflect"
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/demo"
	"wheelhouse/backend/id"
	"wheelhouse/backend/pages"
	"wheelhouse/backend/tz"
	"wheelhouse/backend/workspace"
)

// open creates a demo at now and opens it.
func open(t *testing.T, size demo.Size, now time.Time) *workspace.Workspace {
	t.Helper()
	dir := t.TempDir()
	opt := workspace.Options{Clock: clock.NewFake(now)}
	if _, err := demo.Create(dir, size, opt); err != nil {
		t.Fatal(err)
	}
	w, err := workspace.Open(dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// allPages are the stored pages by responder (every demo page has one).
func allPages(t *testing.T, w *workspace.Workspace) (map[id.ID][]pages.Page, int) {
	t.Helper()
	ps, err := w.Roster.People(true)
	if err != nil {
		t.Fatal(err)
	}
	out, n := map[id.ID][]pages.Page{}, 0
	for _, p := range ps {
		l, err := w.Pages.ForPerson(p.ID, time.Time{}, time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		out[p.ID], n = l, n+len(l)
	}
	return out, n
}

func flagged(rep *pages.HealthReport) map[id.ID][]string {
	out := map[id.ID][]string{}
	for _, f := range rep.Flags {
		out[f.PersonID] = append(out[f.PersonID], f.Kind)
	}
	return out
}

// The small demo's twelve weeks of pages, created at different instants
// (weekdays, times of day, both sides of a DST change): imported through
// the pages import with every way of finding a responder, one person
// flagged over the last four weeks and two over twelve, the flapping CI
// runners the noisiest service.
func TestSmallDemoPages(t *testing.T) {
	for _, now := range []time.Time{
		time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC), // a Monday, at the handoff in Berlin
		time.Date(2026, 3, 29, 1, 30, 0, 0, time.UTC),  // Berlin springs forward
		time.Date(2026, 7, 15, 22, 0, 0, 0, time.UTC),  // a summer Wednesday night
		time.Date(2026, 12, 5, 3, 0, 0, 0, time.UTC),   // a Saturday night
	} {
		t.Run(now.Format(time.RFC3339), func(t *testing.T) {
			w := open(t, demo.Small, now)
			byPerson, n := allPages(t, w)
			// Pages before the rotation that someone unknown acknowledged
			// have nobody.
			if c, _ := w.Pages.Count(); c < n || c > n+3 || n < 40 || n > 150 {
				t.Fatalf("%d pages stored, %d with a responder", c, n)
			}
			if l, err := w.Pages.Unfinished(); err != nil || len(l) != 0 {
				t.Fatalf("unfinished imports: %+v %v", l, err)
			}
			by := map[string]int{}
			for _, l := range byPerson {
				for _, p := range l {
					by[p.ResponderBy]++
					if !p.Created.Before(now) || p.Created.Before(now.AddDate(0, 0, -84)) {
						t.Fatalf("a page at %s, now %s", p.Created, now)
					}
					if p.ResponderBy == pages.ByOnCall && p.RotationID.IsZero() {
						t.Fatalf("on call without a rotation: %+v", p)
					}
				}
			}
			if by[pages.ByName] < 20 || by[pages.ByOnCall] < 10 || by[pages.ByEmail]+by[pages.ByName] == 0 {
				t.Fatalf("responders found by %v", by)
			}
			for _, c := range []struct {
				days, flagged int
			}{{28, 1}, {84, 2}} {
				rep, err := w.Pages.Health(now.AddDate(0, 0, -c.days), now, pages.HealthOptions{})
				if err != nil {
					t.Fatal(err)
				}
				f := flagged(rep)
				if len(f) != c.flagged {
					t.Errorf("last %d days: %d people flagged, want %d: %+v", c.days, len(f), c.flagged, rep.Flags)
				}
				if len(rep.Services) == 0 || rep.Services[0].Name != "ci-runners" || rep.Services[0].AutoResolvedShare < 0.6 {
					t.Errorf("last %d days: noisiest services %+v", c.days, rep.Services)
				}
				if c.days == 28 {
					for _, kinds := range f {
						if !reflect.DeepEqual(kinds, []string{pages.FlagPagesPerDay, pages.FlagSleep}) {
							t.Errorf("the flapping week's person: %v", kinds)
						}
					}
				}
			}
		})
	}
}

// The same instant gives the same pages (ids of people and rotations
// differ from run to run; their names do not).
func TestDemoPagesDeterministic(t *testing.T) {
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	byName := func(w *workspace.Workspace) map[string][]pages.Page {
		l, _ := allPages(t, w)
		out := map[string][]pages.Page{}
		for u, ps := range l {
			p, err := w.Roster.Person(u)
			if err != nil {
				t.Fatal(err)
			}
			for _, pg := range ps {
				pg.ResponderID, pg.RotationID = id.Nil, id.Nil
				out[p.Name] = append(out[p.Name], pg)
			}
		}
		return out
	}
	a, b := byName(open(t, demo.Small, now)), byName(open(t, demo.Small, now))
	if len(a) == 0 || !reflect.DeepEqual(a, b) {
		t.Fatal("two small demos of the same instant have different pages")
	}
}

// The large demo: five years of pages; weekday daytime peaks; the batch
// services' night pages on the Data and Platform rotations; two flapping
// services whose alerts mostly resolve themselves; storms at incidents.
func TestLargeDemoPages(t *testing.T) {
	if testing.Short() {
		t.Skip("large demo")
	}
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	w := open(t, demo.Large, now)
	byPerson, n := allPages(t, w)
	if c, _ := w.Pages.Count(); c != n || n < 10_000 || n > 20_000 {
		t.Fatalf("%d pages stored, %d with a responder", c, n)
	}
	teams, _ := w.Roster.TeamList()
	teamName := map[id.ID]string{}
	for _, tm := range teams {
		teamName[tm.ID] = tm.Name
	}
	svcs, _ := w.Roster.ServiceList()
	svcTeam := map[string]string{}
	for _, s := range svcs {
		svcTeam[s.Name] = teamName[s.TeamID]
	}
	berlin, _ := tz.Load("Europe/Berlin")
	oldest := now
	weekdayDay, byOnCall := 0, 0
	for _, l := range byPerson {
		for _, p := range l {
			if p.Created.Before(oldest) {
				oldest = p.Created
			}
			l := p.Created.In(berlin)
			if wd := l.Weekday(); wd != time.Saturday && wd != time.Sunday && l.Hour() >= 9 && l.Hour() < 18 {
				weekdayDay++
			}
			if p.ResponderBy == pages.ByOnCall {
				byOnCall++
			}
		}
	}
	if oldest.After(now.AddDate(-5, 0, 14)) {
		t.Errorf("the oldest page is of %s", oldest)
	}
	// 45 of the week's 168 hours are weekday office hours in Berlin.
	if share := float64(weekdayDay) / float64(n); share < 0.3 {
		t.Errorf("%.2f of the pages in weekday office hours", share)
	}
	if share := float64(byOnCall) / float64(n); share < 0.15 || share > 0.5 {
		t.Errorf("%.2f of the pages went to whoever was on call", share)
	}
	rep, err := w.Pages.Health(now.AddDate(-1, 0, 0), now, pages.HealthOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// The batch jobs of the Data and Platform teams page at night in
	// their on-call person's zone; the other services mostly do not.
	zones := map[id.ID]*time.Location{}
	all, _ := w.Roster.People(true)
	for _, p := range all {
		zones[p.ID], _ = tz.Load(p.TimeZone)
	}
	nightly := map[string]bool{"ledger": true, "warehouse-etl": true, "search-api": true}
	var sleep, count [2]int
	for u, l := range byPerson {
		for _, p := range l {
			k := 0
			if nightly[p.Service] {
				k = 1
				if team := svcTeam[p.Service]; team != "Data" && team != "Platform" {
					t.Fatalf("%s belongs to %s", p.Service, team)
				}
			}
			count[k]++
			if pages.BandOf(p.Created, zones[u]) == pages.BandSleep {
				sleep[k]++
			}
		}
	}
	if day, night := float64(sleep[0])/float64(count[0]), float64(sleep[1])/float64(count[1]); night < 0.6 || day > 0.4 || night < 1.8*day {
		t.Errorf("pages in sleep hours: %.2f of the batch jobs', %.2f of the others'", night, day)
	}
	noisy := map[string]bool{}
	for _, s := range rep.Services[:3] {
		if s.AutoResolvedShare > 0.5 {
			noisy[s.Name] = true
		}
	}
	if len(noisy) < 2 {
		t.Errorf("noisiest services: %+v", rep.Services)
	}
}
