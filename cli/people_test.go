package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wheelhouse/backend/brief"
	"wheelhouse/backend/workspace"
)

func TestPeopleCommands(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"TZ": "Europe/Berlin"}
	expect(t, run(t, env, "--data", dir, "demo"), 0)
	expect(t, run(t, env, "--help"), 0, "people brief NAME [--markdown]", "oneonone export-ics --person NAME [--alarm MINUTES] -o FILE", "--without-private")

	// Find a report with a cadence and private notes in the demo.
	r := run(t, env, "--data", dir, "export-json")
	expect(t, r, 0)
	var s workspace.Snapshot
	if err := json.Unmarshal([]byte(r.stdout), &s); err != nil {
		t.Fatal(err)
	}
	if s.PrivateNotes != "included" {
		t.Fatalf("full export marker %q", s.PrivateNotes)
	}
	var name, secret string
	for _, m := range s.OneOnOnes.Meetings {
		if m.PrivateNotes == "" || m.Status != "held" {
			continue
		}
		for _, p := range s.People {
			if p.ID == m.PersonID {
				name, secret = p.Name, m.PrivateNotes
			}
		}
	}
	if name == "" {
		t.Fatal("no private notes in the demo")
	}

	// The brief as JSON and Markdown; private notes only with --private.
	r = run(t, env, "--data", dir, "people", "brief", strings.ToUpper(name))
	expect(t, r, 0)
	var b brief.Brief
	if err := json.Unmarshal([]byte(r.stdout), &b); err != nil || b.Person.Name != name || b.IncludesPrivate {
		t.Fatalf("brief json: %v %+v", err, b.Person)
	}
	expect(t, run(t, env, "--data", dir, "people", "brief", name, "--markdown"), 0, "# 1:1 prep: "+name, "## Open topics", "_Private notes are not included, nor mood or feedback text._")
	all := run(t, env, "--data", dir, "people", "brief", name, "--markdown", "--private")
	expect(t, all, 0, "# 1:1 prep: "+name)
	if strings.Contains(all.stdout, "not included") {
		t.Fatal("--private still says private notes are not included")
	}
	expect(t, run(t, env, "--data", dir, "people", "brief", "Nobody Here"), 1, `no person called "Nobody Here"`)
	expect(t, run(t, env, "--data", dir, "people", "brief"), 2, "one person NAME")
	expect(t, run(t, env, "--data", dir, "people", "frob"), 2, "expected `people brief NAME")

	// The 1:1 series as .ics.
	out := filepath.Join(t.TempDir(), "1on1.ics")
	expect(t, run(t, env, "--data", dir, "oneonone", "export-ics", "--person", name, "-o", out), 0, "Wrote the 1:1 series with "+name)
	ics, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(ics), "RRULE:FREQ=") || !strings.Contains(string(ics), "BEGIN:VTIMEZONE") || strings.Contains(string(ics), secret) {
		t.Fatalf("ics: %v\n%s", err, ics)
	}
	if strings.Contains(string(ics), "VALARM") {
		t.Fatal("an alarm nobody asked for")
	}
	// --alarm MINUTES: a reminder before each 1:1; every line folded at 75 octets.
	expect(t, run(t, env, "--data", dir, "oneonone", "export-ics", "--person", name, "--alarm", "10", "-o", out), 0, "Wrote the 1:1 series")
	ics, _ = os.ReadFile(out)
	if strings.Count(string(ics), "BEGIN:VALARM") < 1 || !strings.Contains(string(ics), "TRIGGER:-PT10M") {
		t.Fatalf("no alarm:\n%s", ics)
	}
	for _, l := range strings.Split(string(ics), "\r\n") {
		if len(l) > 75 {
			t.Fatalf("a line of %d octets: %q", len(l), l)
		}
	}
	expect(t, run(t, env, "--data", dir, "oneonone", "export-ics", "--person", name, "--alarm", "-3", "-o", out), 2, "--alarm is minutes before each 1:1")
	expect(t, run(t, env, "--data", dir, "oneonone", "export-ics", "--person", name), 2, "-o FILE is required")
	expect(t, run(t, env, "--data", dir, "oneonone", "export-ics", "-o", out), 2, "--person NAME is required")

	// Export without private notes.
	r = run(t, env, "--data", dir, "export-json", "--without-private")
	expect(t, r, 0, `"privateNotes": "omitted"`)
	if strings.Contains(r.stdout, secret) {
		t.Fatal("private notes in an export without them")
	}
}
