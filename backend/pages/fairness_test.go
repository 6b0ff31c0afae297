package pages_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/pages"
)

// The fairness table shows the imported pages beside the hours, and the
// health flags of its window as warnings; without paging history it says
// so instead of showing zeros as if nobody had been paged.
func TestFairnessWithPaging(t *testing.T) {
	f := newFixture(t)
	from, to := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	rep, err := f.w.Pages.Fairness(from, to)
	if err != nil {
		t.Fatal(err)
	}
	if rep.PagingImported || len(rep.Rows) != 3 {
		t.Fatalf("without pages: %+v", rep)
	}
	for _, r := range rep.Rows {
		if r.Pages != 0 || r.SleepPages != 0 {
			t.Fatalf("pages without paging history: %+v", r)
		}
	}

	// Carla's week (9–16 Nov): 20 pages acknowledged by her, 4 of them at
	// 03:00 Berlin; Bob's week: one page at noon.
	var b strings.Builder
	b.WriteString("id,created_at,resolved_at,service_name,acknowledged_user_names,seconds_to_first_ack\n")
	for i := 0; i < 20; i++ {
		day := 10 + i%5
		hour := 12
		if i < 4 {
			hour = 3
		}
		fmt.Fprintf(&b, "C%d,2026-11-%02dT%02d:%02d:00+01:00,,payments-api,Carla Diaz,60\n", i, day, hour, i)
	}
	b.WriteString("B1,2026-11-18T12:00:00+01:00,,payments-api,Bob Stone,60\n")
	path := filepath.Join(t.TempDir(), "pd.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	if res, err := f.w.Pages.Apply(pages.OpenFile(path), pages.Options{}); err != nil || res.Added != 21 {
		t.Fatalf("import: %+v %v", res, err)
	}
	rep, err = f.w.Pages.Fairness(from, to)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.PagingImported {
		t.Fatal("paging history not seen")
	}
	byName := map[string]int{}
	for i, r := range rep.Rows {
		byName[r.Name] = i
	}
	carla, bob, ann := rep.Rows[byName["Carla Diaz"]], rep.Rows[byName["Bob Stone"]], rep.Rows[byName["Ann Lee"]]
	if carla.Pages != 20 || carla.SleepPages != 4 || carla.PagesPerOnCallDay < 2.8 || carla.PagesPerOnCallDay > 2.9 {
		t.Errorf("Carla: %d pages, %d in sleep hours, %.2f a day", carla.Pages, carla.SleepPages, carla.PagesPerOnCallDay)
	}
	if bob.Pages != 1 || bob.SleepPages != 0 || ann.Pages != 0 {
		t.Errorf("Bob %+v, Ann %+v", bob, ann)
	}
	// The primary is first to be paged all the time: Ann (secondary) never.
	if ann.FirstHours != 0 || carla.FirstHours != 168 || ann.Hours == 0 {
		t.Errorf("first-paged hours: Ann %v (of %v), Carla %v", ann.FirstHours, ann.Hours, carla.FirstHours)
	}
	all := strings.Join(rep.Warnings, "\n")
	for _, want := range []string{
		"Carla Diaz: 20 pages over 7.0 on-call days, 2.9 a day (more than 2).",
		"Carla Diaz: 4 pages in sleep hours (22:00–08:00 Europe/Berlin), in 1 week.",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "Bob Stone:") {
		t.Errorf("Bob is flagged:\n%s", all)
	}
}
