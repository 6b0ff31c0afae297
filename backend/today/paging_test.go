package today_test

import (
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/brief"
	"wheelhouse/backend/clock"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/oneonone"
	"wheelhouse/backend/pages"
	"wheelhouse/backend/people"
	"wheelhouse/backend/today"
	"wheelhouse/backend/workspace"
)

// Monday 23 Nov 2026, 11:00 in Berlin.
var pagingNow = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

type pagingEnv struct {
	w         *workspace.Workspace
	dana, eli people.Person
}

// pagingWorkspace is a real workspace on disk: Dana and Eli (Berlin) take
// turns weekly on the Payments primary from Monday 2 Nov 10:00, Dana first;
// Dana's last 1:1 was held on 12 Nov; testdata/pages.csv (PagerDuty) is
// imported: Dana has 4 sleep-hour pages since that 1:1 (5 in the last 4
// weeks, acknowledged in 10 minutes against 1 minute in October), Eli two
// business-hour pages; a page nobody acknowledged goes to Dana, on call.
func pagingWorkspace(t *testing.T, imported bool) *pagingEnv {
	t.Helper()
	w, err := workspace.Open(t.TempDir(), workspace.Options{Clock: clock.NewFake(pagingNow), NoSync: true, Zone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	e := &pagingEnv{w: w}
	e.dana, err = w.Roster.CreatePerson(people.Person{Name: "Dana Kim", TimeZone: "Europe/Berlin"})
	must(err)
	e.eli, err = w.Roster.CreatePerson(people.Person{Name: "Eli Park", TimeZone: "Europe/Berlin"})
	must(err)
	team, err := w.Roster.SaveTeam(people.Team{Name: "Payments", MemberIDs: []id.ID{e.dana.ID, e.eli.ID}})
	must(err)
	_, err = w.OnCall.SaveRotation(oncall.Rotation{Name: "Payments primary", TeamID: team.ID, Layer: 1, TimeZone: "Europe/Berlin",
		Participants: []id.ID{e.dana.ID, e.eli.ID}, ShiftLength: oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, HandoffTime: "10:00",
		StartDate: "2026-11-02", RequiredCoverage: oncall.Coverage24x7})
	must(err)
	m, err := w.OneOnOnes.StartMeeting(e.dana.ID, "2026-11-12", nil)
	must(err)
	m.Status = oneonone.Held
	_, err = w.OneOnOnes.SaveMeeting(m)
	must(err)
	if imported {
		res, err := w.Pages.Apply(pages.OpenFile("testdata/pages.csv"), pages.Options{ParseOptions: pages.ParseOptions{Source: "pagerduty"}})
		must(err)
		if res.Added != 12 || res.BadRows != 0 {
			t.Fatalf("import: %+v", res)
		}
	}
	return e
}

func (e *pagingEnv) setLimit(t *testing.T, limit float64) {
	t.Helper()
	st, err := e.w.OnCall.Settings()
	if err != nil {
		t.Fatal(err)
	}
	st.PagesPerDayLimit = limit
	if _, err := e.w.OnCall.SaveSettings(st); err != nil {
		t.Fatal(err)
	}
}

func kinds(s []brief.Suggestion) string {
	var b strings.Builder
	for _, x := range s {
		b.WriteString(x.Text + "\n")
	}
	return b.String()
}

// The prep brief counts the sleep-hour pages since the last 1:1 (not the
// one before it) and suggests talking about them; the rising time to
// acknowledge is suggested too; above the pages-per-day threshold set in
// the on-call settings, that as well.
func TestBriefPagingSinceLastOneOnOne(t *testing.T) {
	e := pagingWorkspace(t, true)
	br, err := e.w.Briefs.Build(e.dana.ID, pagingNow, false)
	if err != nil {
		t.Fatal(err)
	}
	if br.Since != "2026-11-12" {
		t.Fatalf("since %s", br.Since)
	}
	pg := br.OnCall.Paging
	if pg == nil {
		t.Fatal("no paging in the brief")
	}
	// P10 nobody acknowledged: Dana was on call (found by the import).
	if pg.Pages != 6 || pg.Sleep != 4 || pg.Business != 1 || pg.OffHours != 1 || pg.OnCallDays != 7 {
		t.Errorf("paging since the 1:1: %+v", pg)
	}
	all := kinds(br.Suggestions)
	if !strings.Contains(all, "4 sleep-hour pages since your last 1:1") {
		t.Errorf("no sleep-hour line in:\n%s", all)
	}
	if !strings.Contains(all, "Time to acknowledge pages is rising") {
		t.Errorf("no MTTA line in:\n%s", all)
	}
	if strings.Contains(all, "pages per on-call day") {
		t.Errorf("6 pages over 7 on-call days is under the default 2 a day:\n%s", all)
	}
	// The Markdown brief has the same numbers as the app's, and the flags.
	md := brief.Markdown(&br)
	for _, want := range []string{
		"### Imported pages since 2026-11-12\n\nPaged 6 times: 4 in sleep hours (22:00–08:00 their time), 1 in off hours, 1 in business hours. 0.9 a day over 7 on-call days. Median time to acknowledge ",
		"- Dana Kim: 4 pages in sleep hours (22:00–08:00 Europe/Berlin) in week 2026-W",
		"- Dana Kim: median time to acknowledge ",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown brief lacks %q:\n%s", want, md)
		}
	}
	e.setLimit(t, 0.5)
	br, err = e.w.Briefs.Build(e.dana.ID, pagingNow, false)
	if err != nil {
		t.Fatal(err)
	}
	if all := kinds(br.Suggestions); !strings.Contains(all, "0.9 pages per on-call day since your last 1:1") {
		t.Errorf("limit 0.5: no pages-per-day line in:\n%s", all)
	}
	// Eli: two business-hour pages, nothing to suggest.
	br, err = e.w.Briefs.Build(e.eli.ID, pagingNow, false)
	if err != nil {
		t.Fatal(err)
	}
	if br.OnCall.Paging == nil || br.OnCall.Paging.Pages != 2 || br.OnCall.Paging.Sleep != 0 {
		t.Errorf("Eli: %+v", br.OnCall.Paging)
	}
	if all := kinds(br.Suggestions); strings.Contains(all, "page") {
		t.Errorf("Eli: %s", all)
	}
}

// Without imported pages the brief has no paging part (not zero pages).
func TestBriefWithoutPaging(t *testing.T) {
	e := pagingWorkspace(t, false)
	br, err := e.w.Briefs.Build(e.dana.ID, pagingNow, false)
	if err != nil {
		t.Fatal(err)
	}
	if br.OnCall.Paging != nil {
		t.Errorf("paging without an import: %+v", br.OnCall.Paging)
	}
	if md := brief.Markdown(&br); strings.Contains(md, "Imported pages") {
		t.Errorf("the Markdown brief has a paging part without an import:\n%s", md)
	}
	h, err := e.w.Briefs.Health(id.Nil, pagingNow)
	if err != nil {
		t.Fatal(err)
	}
	if h.PagingImported {
		t.Error("team health says paging is imported")
	}
	day, err := today.Of(e.w, pagingNow)
	if err != nil {
		t.Fatal(err)
	}
	if day.Paging.State != today.StateNotSetUp || !strings.Contains(day.Paging.Note, "No paging history imported") {
		t.Errorf("today without pages: %+v", day.Paging)
	}
}

// Team health flags the sleep-hour pages of the last 4 weeks and the
// rising time to acknowledge, with reasons; the pages-per-day flag follows
// the setting.
func TestTeamHealthPagingFlags(t *testing.T) {
	e := pagingWorkspace(t, true)
	h, err := e.w.Briefs.Health(id.Nil, pagingNow)
	if err != nil {
		t.Fatal(err)
	}
	if !h.PagingImported {
		t.Fatal("paging not judged")
	}
	flags := func(h brief.Health, u id.ID) map[string]string {
		out := map[string]string{}
		for _, r := range h.Rows {
			if r.Person.ID == u {
				for _, f := range r.Flags {
					out[f.Kind] = f.Text
				}
			}
		}
		return out
	}
	d := flags(h, e.dana.ID)
	if got := d["sleep_pages"]; got != "5 sleep-hour pages in the last 4 weeks (22:00–08:00 their time)." {
		t.Errorf("sleep flag %q", got)
	}
	if got := d["mtta_rising"]; !strings.Contains(got, "10m0s over the last 4 weeks") || !strings.Contains(got, "1m0s over the 4 before") {
		t.Errorf("mtta flag %q", got)
	}
	if _, ok := d["pages_per_day"]; ok {
		t.Errorf("pages per day flagged at the default limit: %v", d)
	}
	for k := range flags(h, e.eli.ID) {
		if k != "night_hours" {
			t.Errorf("Eli flagged %s", k)
		}
	}
	for _, r := range h.Rows {
		if r.Person.ID == e.dana.ID && (r.Pages != 7 || r.SleepPages != 5) {
			t.Errorf("Dana's row: %d pages, %d sleep", r.Pages, r.SleepPages)
		}
	}
	// Dana: 7 pages over 14 on-call days, 0.5 a day: "more than" 0.5 is not.
	e.setLimit(t, 0.5)
	if h, err = e.w.Briefs.Health(id.Nil, pagingNow); err != nil {
		t.Fatal(err)
	}
	if got, ok := flags(h, e.dana.ID)["pages_per_day"]; ok {
		t.Errorf("pages per day at 0.5: %q", got)
	}
	e.setLimit(t, 0.25)
	if h, err = e.w.Briefs.Health(id.Nil, pagingNow); err != nil {
		t.Fatal(err)
	}
	if got := flags(h, e.dana.ID)["pages_per_day"]; got != "7 pages over 14.0 on-call days, 0.5 a day (more than 0.25)." {
		t.Errorf("pages per day at 0.25: %q", got)
	}
}

// The Today screen: a calm line per person with sleep-hour pages in the
// last 7 days; the pages-per-day threshold joins it when crossed.
func TestTodayPagingLine(t *testing.T) {
	e := pagingWorkspace(t, true)
	day, err := today.Of(e.w, pagingNow)
	if err != nil {
		t.Fatal(err)
	}
	p := day.Paging
	if p.State != today.StateItems || p.Count != 1 || p.Items[0].Text != "Dana Kim: 4 sleep-hour pages in the last 7 days." {
		t.Fatalf("paging: %+v", p)
	}
	e.setLimit(t, 0.5)
	day, err = today.Of(e.w, pagingNow)
	if err != nil {
		t.Fatal(err)
	}
	if got := day.Paging.Items[0].Text; got != "Dana Kim: 6 pages in the last 7 days, 4 in sleep hours, 0.9 per on-call day." {
		t.Errorf("over the limit: %q", got)
	}
	// A week later nothing is recent: clear, and it says how many pages it looked at.
	day, err = today.Of(e.w, pagingNow.Add(8*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if day.Paging.State != today.StateClear || !strings.Contains(day.Paging.Note, "(0 pages)") {
		t.Errorf("a week later: %+v", day.Paging)
	}
}

// The threshold is validated next to its field, and a bad value writes nothing.
func TestPagesPerDayLimitValidation(t *testing.T) {
	e := pagingWorkspace(t, false)
	for _, v := range []float64{-1, 0.2, 51} {
		st, _ := e.w.OnCall.Settings()
		st.PagesPerDayLimit = v
		_, err := e.w.OnCall.SaveSettings(st)
		if err == nil || !strings.Contains(err.Error(), "Pages per on-call day must be a number from 0.25 to 50.") {
			t.Errorf("%v: %v", v, err)
		}
	}
	st, err := e.w.OnCall.Settings()
	if err != nil {
		t.Fatal(err)
	}
	if st.PagesPerDayLimit != oncall.DefaultPagesPerDayLimit {
		t.Errorf("stored %v", st.PagesPerDayLimit)
	}
}
