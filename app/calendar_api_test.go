package app

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
)

const googleHolidays = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n" +
	"X-WR-CALNAME:Holidays in Germany\r\nX-WR-TIMEZONE:Europe/Berlin\r\n" +
	"BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261225\r\nDTEND;VALUE=DATE:20261226\r\nUID:xmas@google\r\nSUMMARY:Christmas Day\r\nEND:VEVENT\r\n" +
	"BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261226\r\nDTEND;VALUE=DATE:20261227\r\nUID:boxing@google\r\nSUMMARY:Second Day of Christmas\r\nEND:VEVENT\r\n" +
	"END:VCALENDAR\r\n"

// Export, subscribe through a real HTTP client on 127.0.0.1, revoke, and
// import a holiday calendar with a preview first.
func TestCalendarThroughAPI(t *testing.T) {
	env := map[string]string{"WHEELHOUSE_FEED_PORT": "0"}
	s := shellWith(t, Config{Clock: clock.NewFake(time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)), Getenv: func(k string) string { return env[k] }})
	ppl := NewPeopleAPI(s)
	var ids []id.ID
	for _, n := range []string{"Ana", "Bo"} {
		p, _ := ppl.CreatePerson(PersonInput{Name: n, TimeZone: "Europe/Berlin"})
		u, _ := id.Parse(p.ID)
		ids = append(ids, u)
	}
	rot, err := NewOnCallAPI(s).SaveRotation(oncall.Rotation{Name: "Primary", TimeZone: "Europe/Berlin", Participants: ids,
		ShiftLength: oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, HandoffTime: "10:00", StartDate: "2026-11-23",
		RequiredCoverage: oncall.Coverage24x7, Layer: 1})
	if err != nil {
		t.Fatal(err)
	}
	api := NewCalendarAPI(s)
	scope := ScopeDTO{Kind: "rotation", ID: rot.ID.String()}
	ex, err := api.ExportICS(scope, Window{From: "2026-11-23T00:00:00Z", To: "2026-12-21T00:00:00Z"}, 15)
	if err != nil || ex.Events != 4 || strings.Count(ex.ICS, "BEGIN:VEVENT") != 4 || !strings.Contains(ex.ICS, "TRANSP:TRANSPARENT") {
		t.Fatalf("export: %+v %v\n%s", ex, err, ex.ICS)
	}
	if _, err := api.SaveICS(scope, Window{From: "2026-11-23T00:00:00Z", To: "2026-12-21T00:00:00Z"}, 0); apiErr(t, err).Code != "unavailable" {
		t.Fatal("save without a dialog")
	}

	nf, err := api.CreateFeed(scope, "")
	if err != nil || !strings.HasPrefix(nf.URL, "http://127.0.0.1:") {
		t.Fatalf("feed: %+v %v", nf, err)
	}
	get := func(url string) (int, string) {
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := get(nf.URL); code != 200 || !strings.Contains(body, "BEGIN:VEVENT") {
		t.Fatalf("feed fetch: %d %.200s", code, body)
	}
	base := strings.SplitN(nf.URL, "/feeds/", 2)[0]
	for _, bad := range []string{base + "/", base + "/feeds/nope.ics", base + "/feeds/" + strings.Repeat("A", 43) + ".ics"} {
		if code, _ := get(bad); code != 404 {
			t.Fatalf("%s: %d, want 404", bad, code)
		}
	}
	fs, _ := api.Feeds()
	if len(fs) != 1 || fs[0].Fetches != 1 || fs[0].LastFetchedAt == "" {
		t.Fatalf("feeds %+v", fs)
	}
	if err := api.RevokeFeed(nf.Feed.ID); err != nil {
		t.Fatal(err)
	}
	if code, _ := get(nf.URL); code != 404 {
		t.Fatalf("revoked feed answers %d", code)
	}

	pv, err := api.PreviewImport(googleHolidays, "germany.ics", ImportTargetDTO{Kind: "holidays", RegionName: "Germany"})
	if err != nil || pv.Preview.New != 2 {
		t.Fatalf("preview: %+v %v", pv.Preview, err)
	}
	regions, _ := NewOnCallAPI(s).Regions()
	if len(regions) != 1 || len(regions[0].Holidays) != 0 {
		t.Fatalf("preview wrote holidays: %+v", regions)
	}
	res, err := api.ApplyImport(pv.Token)
	if err != nil || res.Added != 2 {
		t.Fatalf("apply: %+v %v", res, err)
	}
	regions, _ = NewOnCallAPI(s).Regions()
	if len(regions[0].Holidays) != 2 {
		t.Fatalf("holidays after import: %+v", regions[0].Holidays)
	}
	if _, err := api.ApplyImport(pv.Token); apiErr(t, err).Code != "not_found" {
		t.Fatal("a preview applied twice")
	}
	pv2, err := api.PreviewImport(googleHolidays, "germany.ics", ImportTargetDTO{Kind: "holidays", RegionName: "Germany"})
	if err != nil || pv2.Preview.New != 0 || pv2.Preview.Unchanged != 2 {
		t.Fatalf("re-import must update by UID, not duplicate: %+v %v", pv2.Preview, err)
	}
	if _, err := api.PreviewImport("garbage", "x.ics", ImportTargetDTO{Kind: "holidays", RegionName: "Germany"}); apiErr(t, err).Code != "invalid" {
		t.Fatal("garbage accepted")
	}
	// A refused file names a region that does not exist yet: it is not made.
	if _, err := api.PreviewImport("garbage", "x.ics", ImportTargetDTO{Kind: "holidays", RegionName: "Atlantis"}); apiErr(t, err).Code != "invalid" {
		t.Fatal("garbage accepted")
	}
	if regions, _ = NewOnCallAPI(s).Regions(); len(regions) != 1 {
		t.Fatalf("a refused import made a region: %+v", regions)
	}
}
