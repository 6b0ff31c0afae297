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
