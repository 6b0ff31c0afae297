package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wheelhouse/backend/pages"
)

// `oncall pages import`: preview, apply, re-import, bad rows, mapping.
func TestPagesImport(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"TZ": "Europe/Berlin"}
	expect(t, run(t, env, "--data", dir, "demo"), 0)
	expect(t, run(t, env, "--help"), 0, "oncall pages import FILE")
	sample := filepath.Join("..", "backend", "pages", "testdata", "pagerduty.csv")

	expect(t, run(t, env, "--data", dir, "oncall", "pages", "import", sample, "--dry-run"), 0,
		"Preview of pagerduty.csv (pagerduty, 4 rows)", "4 new, 0 updated", "Zed Unknown", "--map-person", "Dry run: nothing was imported.")
	expect(t, run(t, env, "--data", dir, "oncall", "pages", "import", sample), 0, "Imported: 4 added, 0 updated, 0 skipped")
	expect(t, run(t, env, "--data", dir, "oncall", "pages", "import", sample), 0, "0 new, 0 updated, 4 unchanged", "Imported: 0 added, 0 updated, 4 skipped")
	r := run(t, env, "--data", dir, "oncall", "pages", "import", sample, "--dry-run", "--json")
	expect(t, r, 0)
	var res pages.Result
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil || res.Unchanged != 4 || res.Applied {
		t.Fatalf("json: %v %+v", err, res)
	}

	// Bad rows: refused with line numbers, then skipped on request.
	bad := filepath.Join("..", "backend", "pages", "testdata", "bad.csv")
	expect(t, run(t, env, "--data", dir, "oncall", "pages", "import", bad), 1, "4 of 5 rows cannot be imported, so nothing was imported", "line 3: created")
	expect(t, run(t, env, "--data", dir, "oncall", "pages", "import", bad, "--skip-bad"), 0, "Imported: 1 added, 0 updated, 4 skipped", "line 6: ack_seconds")

	// Columns and people named on the command line; a naive time in --zone.
	custom := filepath.Join(t.TempDir(), "custom.csv")
	os.WriteFile(custom, []byte("Ticket,Opened,Who\nT-1,2026-11-03 10:00,someone\n"), 0o644)
	expect(t, run(t, env, "--data", dir, "oncall", "pages", "import", custom), 1, "No column holds the page's id")
	r = run(t, env, "--data", dir, "oncall", "pages", "import", custom, "--map", "Ticket=id,Who=ack_user", "--zone", "America/New_York", "--json", "--dry-run")
	expect(t, r, 0)
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil || res.Source != "csv" || res.Added != 1 || len(res.Unmatched) != 1 {
		t.Fatalf("custom: %v %+v", err, res)
	}
	expect(t, run(t, env, "--data", dir, "oncall", "pages", "import", custom, "--map", "Ticket=nope"), 2, "the fields are id, number")
	expect(t, run(t, env, "--data", dir, "oncall", "pages", "import", custom, "--map", "Ticket=id", "--map-person", "someone=Nobody Known"), 1, `"Nobody Known"`)
	expect(t, run(t, env, "--data", dir, "oncall", "pages", "import", custom, "--source", "splunk"), 2, "--source must be one of")
	expect(t, run(t, env, "--data", dir, "oncall", "pages", "import", custom, "--zone", "Mars/Base"), 2, "not a time zone")
	expect(t, run(t, env, "--data", dir, "oncall", "pages", "list"), 2, "expected `oncall pages import FILE`")
	expect(t, run(t, env, "--data", dir, "oncall", "pages", "import", filepath.Join(t.TempDir(), "missing.csv")), 1, "Cannot open")
	if r := run(t, env, "--data", t.TempDir(), "oncall", "pages", "import", sample); r.code != 1 || !strings.Contains(r.stderr, "There is no workspace") {
		t.Fatalf("empty folder: %+v", r)
	}
}

// `oncall health`: after importing the sample export into the demo's
// people and rotations, the per-person numbers in each person's own zone.
// The demo's own paging history stays out: its workspace JSON (which holds
// no pages, docs/data-format.md) is imported into an empty folder.
func TestOnCallHealth(t *testing.T) {
	demoDir, dir := t.TempDir(), t.TempDir()
	env := map[string]string{"TZ": "Europe/Berlin"}
	expect(t, run(t, env, "--data", demoDir, "demo"), 0)
	expect(t, run(t, env, "--data", demoDir, "oncall", "health", "--from", "2026-11-01", "--to", "2026-11-30"), 0, "Flags:")
	js := filepath.Join(t.TempDir(), "demo.json")
	expect(t, run(t, env, "--data", demoDir, "export-json", "-o", js), 0)
	expect(t, run(t, env, "--data", dir, "import-json", js), 0)
	expect(t, run(t, env, "--data", dir, "oncall", "health", "--from", "2026-11-01", "--to", "2026-11-30"), 0, "0 pages, 0 without a responder")
	expect(t, run(t, env, "--help"), 0, "oncall health --from DATE --to DATE [--json]")
	sample := filepath.Join("..", "backend", "pages", "testdata", "pagerduty.csv")
	expect(t, run(t, env, "--data", dir, "oncall", "pages", "import", sample,
		"--map-person", "Jose Nunez=Priya Adeyemi", "--map-person", "ann@example.com=Aisha Xu"), 0, "Imported: 4 added")

	r := run(t, env, "--data", dir, "oncall", "health", "--from", "2026-11-01", "--to", "2026-11-30", "--json")
	expect(t, r, 0)
	var people []struct {
		Person      string   `json:"person"`
		Pages       int      `json:"pages"`
		Business    int      `json:"business"`
		OffHours    int      `json:"offHours"`
		Sleep       int      `json:"sleep"`
		MTTASeconds *float64 `json:"mttaSeconds"`
		MTTRSeconds *float64 `json:"mttrSeconds"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &people); err != nil {
		t.Fatalf("json: %v\n%s", err, r.stdout)
	}
	by := map[string]int{}
	total, sleep := 0, 0
	for i, p := range people {
		by[p.Person] = i
		total += p.Pages
		sleep += p.Sleep
	}
	// Q1AAA, acknowledged by José (Priya here, Asia/Kolkata), Tuesday
	// 09:15 UTC = 14:45 in Kolkata: business; 125 s, 2850 s.
	if i, ok := by["Priya Adeyemi"]; !ok || people[i].Pages != 1 || people[i].Business != 1 || *people[i].MTTASeconds != 125 || *people[i].MTTRSeconds != 2850 {
		t.Errorf("Priya: %s", r.stdout)
	}
	// Q1CCC, Ann's (Aisha here, Europe/London), 22:30 London on a Tuesday:
	// sleep, acknowledged in 60 s, never resolved; and Q1BBB, nobody's,
	// 01:00 London on the Tuesday before, when Aisha was on call for
	// payments: sleep, resolved in 3600 s without acknowledgment.
	if i, ok := by["Aisha Xu"]; !ok || people[i].Pages != 2 || people[i].Sleep != 2 || *people[i].MTTASeconds != 60 || *people[i].MTTRSeconds != 3600 {
		t.Errorf("Aisha: %s", r.stdout)
	}
	// Q1DDD goes to nobody.
	if total != 3 || sleep != 2 {
		t.Errorf("%d pages, %d in sleep hours: %s", total, sleep, r.stdout)
	}
	expect(t, run(t, env, "--data", dir, "oncall", "health", "--from", "2026-11-01", "--to", "2026-11-30"), 0,
		"On-call health 2026-11-01 to 2026-11-30: 4 pages, 1 without a responder", "PERSON", "Priya Adeyemi", "2m5s", "47m30s",
		"Noisiest services:", "payments-api", "Flags:", "in sleep hours (22:00–08:00 Europe/London) in week 2026-W47")
	expect(t, run(t, env, "--data", dir, "oncall", "health", "--from", "2026-11-30", "--to", "2026-11-01"), 2, "--to is before --from")
	expect(t, run(t, env, "--data", dir, "oncall", "health"), 2, "--from and --to are required")
	r = run(t, env, "--data", dir, "oncall", "health", "--from", "2020-01-01", "--to", "2020-01-31", "--json")
	expect(t, r, 0)
	if strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("an empty window: %s", r.stdout)
	}
}
