package app

import (
	"os"
	"path/filepath"
	"testing"

	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/pages"
)

// The bound health: no pages says so (stored 0), a bad window is a field
// error, and an import shows up per person, rotation and team with the
// threshold of the settings.
func TestOnCallHealthThroughAPI(t *testing.T) {
	s := openShell(t) // the clock reads 2026-11-23 12:00 UTC
	ppl := NewPeopleAPI(s)
	p, err := ppl.CreatePerson(PersonInput{Name: "Dana Kim", TimeZone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	dana, _ := id.Parse(p.ID)
	api := NewOnCallAPI(s)
	if _, err := api.SaveRotation(oncall.Rotation{Name: "Primary", TimeZone: "Europe/Berlin", Participants: []id.ID{dana},
		ShiftLength: oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, HandoffTime: "10:00", StartDate: "2026-11-02", Layer: 1}); err != nil {
		t.Fatal(err)
	}
	win := Window{From: "2026-10-26T00:00:00Z", To: "2026-11-23T00:00:00Z"}
	h, err := api.Health(win)
	if err != nil {
		t.Fatal(err)
	}
	if h.Stored != 0 || h.Report.Pages != 0 || h.PagesPerDayLimit != oncall.DefaultPagesPerDayLimit || h.Report.People == nil {
		t.Fatalf("empty: %+v", h)
	}
	if _, err := api.Health(Window{From: win.To, To: win.From}); apiErr(t, err).Field != "to" {
		t.Fatal("a backwards window was accepted")
	}
	if _, err := api.Health(Window{From: "yesterday", To: win.To}); apiErr(t, err).Field != "from" {
		t.Fatal("a bad start was accepted")
	}
	csv := "id,title,created_at,service_name,acknowledged_user_names,seconds_to_first_ack,seconds_to_resolve\n" +
		"A1,Disk full,2026-11-10T02:00:00+01:00,db,Dana Kim,300,1200\n" +
		"A2,Disk full,2026-11-11T03:00:00+01:00,db,Dana Kim,300,1200\n" +
		"A3,Latency,2026-11-12T10:00:00+01:00,api,Dana Kim,60,600\n"
	file := filepath.Join(t.TempDir(), "pages.csv")
	if err := os.WriteFile(file, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	w, err := s.workspace()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Pages.Apply(pages.OpenFile(file), pages.Options{ParseOptions: pages.ParseOptions{Source: "pagerduty"}}); err != nil {
		t.Fatal(err)
	}
	st, _ := api.Settings()
	st.PagesPerDayLimit = 0.25
	if _, err := api.SaveSettings(st); err != nil {
		t.Fatal(err)
	}
	h, err = api.Health(win)
	if err != nil {
		t.Fatal(err)
	}
	r := h.Report
	if h.Stored != 3 || r.Pages != 3 || len(r.People) != 1 || r.People[0].Sleep != 2 || r.People[0].Business != 1 ||
		len(r.Rotations) != 1 || r.Rotations[0].Name != "Primary" || h.PagesPerDayLimit != 0.25 {
		t.Fatalf("after import: %+v", h)
	}
	kinds := map[string]int{}
	for _, f := range r.Flags {
		kinds[f.Kind]++
	}
	// 3 pages over 21 on-call days is 0.14 a day: under 0.25.
	if kinds[pages.FlagSleep] != 1 || kinds[pages.FlagPagesPerDay] != 0 {
		t.Fatalf("flags %+v", r.Flags)
	}
}
