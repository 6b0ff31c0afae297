package cli_test

import (
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"wheelhouse/backend/oncall"
)

func TestOnCallCommands(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"TZ": "Europe/Berlin"}
	expect(t, run(t, env, "--data", dir, "demo"), 0)
	expect(t, run(t, env, "--help"), 0, "oncall shifts --rotation NAME", "calendar import (FILE | URL)")

	// The small demo: a weekly rotation, Monday 10:00 Berlin.
	r := run(t, env, "--data", dir, "oncall", "shifts", "--rotation", "payments ON-CALL", "--from", "2026-11-23", "--to", "2026-12-13")
	expect(t, r, 0, "TURN", "Mon 2026-11-23 10:00", "Mon 2026-11-30 10:00", "Mon 2026-12-07 10:00", "shifts of Payments on-call", "times in Europe/Berlin")
	r = run(t, env, "--data", dir, "oncall", "shifts", "--rotation", "Payments on-call", "--from", "2026-11-23", "--to", "2026-12-13", "--json")
	expect(t, r, 0)
	var shifts []oncall.Shift
	if err := json.Unmarshal([]byte(r.stdout), &shifts); err != nil || len(shifts) < 3 {
		t.Fatalf("json: %v %d\n%s", err, len(shifts), r.stdout)
	}
	expect(t, run(t, env, "--data", dir, "oncall", "shifts", "--rotation", "Nope", "--from", "2026-11-23", "--to", "2026-12-13"), 1, `no rotation called "Nope"`)
	expect(t, run(t, env, "--data", dir, "oncall", "shifts", "--rotation", "Payments on-call", "--from", "2026-12-13", "--to", "2026-11-23"), 2, "--to is before --from")
	expect(t, run(t, env, "--data", dir, "oncall", "shifts", "--rotation", "Payments on-call", "--from", "yesterday", "--to", "2026-11-23"), 2, "not a date")
	expect(t, run(t, env, "--data", dir, "oncall", "shifts"), 2, "--rotation, --from and --to are required")
	expect(t, run(t, env, "--data", dir, "oncall", "frob"), 2, `unknown oncall command "frob"`)

	// Export: a rotation, then again (nothing changed), a person, the team.
	out := filepath.Join(t.TempDir(), "rot.ics")
	expect(t, run(t, env, "--data", dir, "oncall", "export-ics", "--rotation", "Payments on-call", "-o", out), 0,
		"Wrote On call: Payments on-call (2026-10-24 to 2027-11-22)", "new or changed since the last export")
	b, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(b), "BEGIN:VCALENDAR\r\n") || strings.Count(string(b), "BEGIN:VEVENT") < 50 {
		t.Fatalf("export: %v\n%.300s", err, b)
	}
	expect(t, run(t, env, "--data", dir, "oncall", "export-ics", "--rotation", "Payments on-call", "-o", out), 0, "; 0 new or changed")
	var person string
	for _, l := range strings.Split(string(b), "\r\n") {
		if strings.HasPrefix(l, "SUMMARY:") {
			person = strings.TrimPrefix(strings.Split(l, " on call")[0], "SUMMARY:")
			break
		}
	}
	expect(t, run(t, env, "--data", dir, "oncall", "export-ics", "--person", person, "--from", "2026-12-01", "--to", "2026-12-31", "-o", out), 0, "On call: "+person)
	expect(t, run(t, env, "--data", dir, "oncall", "export-ics", "--team", "-o", out), 0, "On call: team")
	// A team's final schedule: who a page reaches first, named by the team.
	sched := filepath.Join(t.TempDir(), "sched.ics")
	expect(t, run(t, env, "--data", dir, "oncall", "export-ics", "--schedule", "payments", "-o", sched), 0, "Wrote On call: Payments (final schedule)")
	if b, err := os.ReadFile(sched); err != nil || strings.Count(string(b), "BEGIN:VEVENT") < 50 || !strings.Contains(string(b), " on call · Payments\r\n") ||
		!strings.Contains(string(b), "UID:f") || strings.Contains(string(b), "on call · Payments on-call") {
		t.Fatalf("schedule export: %v\n%.600s", err, b)
	}
	expect(t, run(t, env, "--data", dir, "oncall", "export-ics", "--schedule", "Nope", "-o", sched), 1, `no team called "Nope"`)
	expect(t, run(t, env, "--data", dir, "oncall", "export-ics", "--schedule", "Payments", "--team", "-o", sched), 2, "--schedule TEAM")
	expect(t, run(t, env, "--data", dir, "oncall", "export-ics", "--team", "--person", "x", "-o", out), 2, "choose one of")
	expect(t, run(t, env, "--data", dir, "oncall", "export-ics", "--person", "Nobody Here", "-o", out), 1, `no person called "Nobody Here"`)

	// Import holidays into a new region, then time off for a person.
	ics := filepath.Join("..", "backend", "calendar", "testdata", "google.ics")
	// Without a terminal and without --yes: only the preview; nothing is
	// imported and no region is left behind.
	r = run(t, env, "--data", dir, "calendar", "import", ics, "--holidays", "Bavaria")
	expect(t, r, 0, `Preview of "Holidays in Germany"`, "4 new", "Only a preview: nothing was imported. Run the command again with --yes")
	if strings.Contains(r.stdout, "Imported") || strings.Contains(r.stdout, "Created the holiday region") {
		t.Fatalf("a preview applied:\n%s", r.stdout)
	}
	if r := run(t, env, "--data", dir, "export-json"); strings.Contains(r.stdout, `"name": "Bavaria"`) {
		t.Fatal("a preview left its holiday region behind")
	}
	expect(t, run(t, env, "--data", dir, "calendar", "import", ics, "--holidays", "Bavaria", "--yes"), 0,
		"Created the holiday region Bavaria", `Preview of "Holidays in Germany"`, "4 new, 0 updated, 0 removed, 0 unchanged", "new      2026-12-25  Christmas Day", "Imported: 4 added")
	expect(t, run(t, env, "--data", dir, "calendar", "import", ics, "--holidays", "Bavaria"), 0, "0 new, 0 updated, 0 removed, 4 unchanged")
	expect(t, run(t, env, "--data", dir, "calendar", "import", filepath.Join("..", "backend", "calendar", "testdata", "outlook.ics"), "--timeoff", person, "--kind", "other", "--yes"), 0,
		"3 new", "Imported: 3 added", "warning: ")
	bad := filepath.Join(t.TempDir(), "bad.ics")
	os.WriteFile(bad, []byte("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n"), 0o644)
	expect(t, run(t, env, "--data", dir, "calendar", "import", bad, "--holidays", "Nowhere"), 1, "cut short")
	expect(t, run(t, env, "--data", dir, "calendar", "import", ics), 2, "choose one of --holidays REGION or --timeoff PERSON")
	expect(t, run(t, env, "--data", dir, "calendar", "export"), 2, "expected `calendar import")
	expect(t, run(t, env, "--data", dir, "calendar", "import", ics, "--timeoff", person, "--kind", "party"), 1, "Kind must be")
	// The broken file created no region.
	r = run(t, env, "--data", dir, "export-json")
	if strings.Contains(r.stdout, `"name": "Nowhere"`) || !strings.Contains(r.stdout, `"name": "Bavaria"`) {
		t.Fatal("regions after a refused import are wrong")
	}
}

// `calendar import URL`: downloaded once, previewed and applied like a file;
// a server that answers badly changes nothing and creates no region.
func TestCalendarImportURL(t *testing.T) {
	ics, err := os.ReadFile(filepath.Join("..", "backend", "calendar", "testdata", "google.ics"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/de.ics":
			w.Header().Set("Content-Type", "text/calendar")
			w.Write(ics)
		case "/login":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html><body>Sign in</body></html>"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	env := map[string]string{"TZ": "Europe/Berlin"}
	expect(t, run(t, env, "--data", dir, "demo"), 0)
	expect(t, run(t, env, "--data", dir, "calendar", "import", srv.URL+"/de.ics", "--holidays", "Saxony", "--yes"), 0,
		"Created the holiday region Saxony", `Preview of "Holidays in Germany"`, "4 new", "Imported: 4 added")
	expect(t, run(t, env, "--data", dir, "calendar", "import", srv.URL+"/de.ics", "--holidays", "Saxony"), 0, "4 unchanged")
	expect(t, run(t, env, "--data", dir, "calendar", "import", srv.URL+"/missing.ics", "--holidays", "Nowhere"), 1, "answered 404 Not Found")
	expect(t, run(t, env, "--data", dir, "calendar", "import", srv.URL+"/login", "--holidays", "Nowhere"), 1, "returned a web page, not a calendar")
	r := run(t, env, "--data", dir, "export-json")
	if strings.Contains(r.stdout, `"name": "Nowhere"`) || !strings.Contains(r.stdout, `"name": "Saxony"`) {
		t.Fatal("regions after refused downloads are wrong")
	}
}

// `oncall compensation`: a table, CSV with -o (read back), a clear usage
// error and exit 2 on a bad --month.
func TestOnCallCompensation(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"TZ": "Europe/Berlin"}
	expect(t, run(t, env, "--data", dir, "demo"), 0)
	expect(t, run(t, env, "--data", dir, "oncall", "compensation", "--month", "2026-11"), 0,
		"PERSON", "REGION", "WEEKEND H", "HOLIDAY H", "STIPENDS", "TOTAL", "weekday h × 2.50", "EUR (each month in the person's time zone)")
	out := filepath.Join(t.TempDir(), "nov.csv")
	r := run(t, env, "--data", dir, "oncall", "compensation", "--month", "2026-11", "-o", out)
	expect(t, r, 0, "Wrote the compensation of 2026-11 to "+out)
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil || len(recs) < 3 || strings.Join(recs[0], ",") != strings.Join(oncall.CompensationCSVHeader, ",") {
		t.Fatalf("csv: %v %q", err, recs)
	}
	// The same numbers as the JSON report.
	r = run(t, env, "--data", dir, "oncall", "compensation", "--month", "2026-11", "--json")
	var rep oncall.CompensationReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || len(rep.Rows) != len(recs)-1 {
		t.Fatalf("json: %v %d rows, %d records", err, len(rep.Rows), len(recs))
	}
	for i, row := range rep.Rows {
		if recs[i+1][1] != row.Name || recs[i+1][13] != strconv.FormatFloat(row.Amount, 'f', 2, 64) || row.Amount <= 0 {
			t.Errorf("row %d: %q vs %+v", i, recs[i+1], row)
		}
	}
	expect(t, run(t, env, "--data", dir, "oncall", "compensation", "--month", "November"), 2, `--month "November" is not a month like 2026-11`)
	expect(t, run(t, env, "--data", dir, "oncall", "compensation", "--month", "2026-13", "-o", out), 2, "not a month like 2026-11")
	expect(t, run(t, env, "--data", dir, "oncall", "compensation"), 2, "--month is required")
	expect(t, run(t, env, "--data", dir, "oncall", "compensation", "--month", "2026-11", "-o", filepath.Join(dir, "no", "such", "dir", "x.csv")), 1, "Cannot write")
}
