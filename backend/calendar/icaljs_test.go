package calendar

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
)

// peerDir holds the independent iCalendar peers (npm ci installs them; the
// Makefile's go-test step does so first, so CI never skips).
const peerDir = "../../scripts/bench-ical"

type icaljsEvent struct {
	UID, Start, End, Status, Summary, Description, Transp string
	UTC                                                   bool
	Sequence                                              int
}

// icaljs parses an .ics file with ical.js 2.2.1 (Mozilla's parser).
func icaljs(t *testing.T, path string) (name string, evs []icaljsEvent) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed: the export is not checked with ical.js (make go-test installs the peers and runs this)")
	}
	if _, err := os.Stat(filepath.Join(peerDir, "node_modules", "ical.js", "package.json")); err != nil {
		t.Skip("ical.js is not installed: run `npm ci` in scripts/bench-ical (make go-test does) to check exports with an independent parser")
	}
	abs, _ := filepath.Abs(path)
	cmd := exec.Command(node, "validate.mjs", abs)
	cmd.Dir = peerDir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("ical.js refused %s: %v\n%s", path, err, stderr.String())
	}
	var res struct {
		Name   string
		Events []icaljsEvent
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	return res.Name, res.Events
}

// Exports read the same in ical.js: every event, UID, UTC instant, status,
// sequence and text, including escapes and multi-byte text at the fold.
func TestExportReadsTheSameInICALJS(t *testing.T) {
	snap, _ := fixture()
	// Names that stress escaping and folding.
	for pid, p := range snap.People {
		p.Name = strings.Repeat("é", int(pid[15])) + p.Name + `, \ ; "quoted" 😀 ` + strings.Repeat("国", 20)
		snap.People[pid] = p
	}
	from, to := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)
	sc := Scope{Kind: ScopeTeam}
	rec := Reconcile(map[string]Published{"gone@wheelhouse": {UID: "gone@wheelhouse", RotationID: id.ID{1}, Sequence: 3,
		Start: from.Add(time.Hour), End: from.Add(5 * time.Hour), Summary: "A removed shift"}},
		Events(snap, oncall.AllShifts(snap, from, to), sc), sc, from, to, genAt)
	path := filepath.Join(t.TempDir(), "team.ics")
	var b bytes.Buffer
	if err := Render(&b, Calendar{Name: `On call: team, "all"; C:\oncall 😀`, Events: rec.Events, Alarm: 30 * time.Minute}, genAt); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, b.Bytes(), 0o644)
	name, got := icaljs(t, path)
	if name != `On call: team, "all"; C:\oncall 😀` || len(got) != len(rec.Events) || len(got) < 20 {
		t.Fatalf("ical.js sees %q with %d events, we wrote %d", name, len(got), len(rec.Events))
	}
	for i, w := range rec.Events {
		g := got[i]
		want := icaljsEvent{UID: w.UID, Start: w.Start.UTC().Format("2006-01-02T15:04:05.000Z"), End: w.End.UTC().Format("2006-01-02T15:04:05.000Z"),
			Status: w.Status, Summary: w.Summary, Description: w.Description, Transp: "TRANSPARENT", UTC: true, Sequence: w.Sequence}
		if g != want {
			t.Fatalf("event %d:\nical.js %+v\nwe      %+v", i, g, want)
		}
	}
	// The golden files too, and the empty calendar.
	for _, f := range []string{"export_rotation.ics", "export_rotation_changed.ics", "export_empty.ics"} {
		_, evs := icaljs(t, "testdata/"+f)
		n := bytes.Count(must(os.ReadFile("testdata/"+f)), []byte("BEGIN:VEVENT"))
		if len(evs) != n {
			t.Errorf("%s: ical.js sees %d events of %d", f, len(evs), n)
		}
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}
