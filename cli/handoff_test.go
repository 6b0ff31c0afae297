package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/handoff"
)

// `oncall handoff record|list` and `oncall survey import` on the demo (the
// CLI tests' clock is Monday 2026-11-23 10:00 UTC, an hour after a handoff;
// the demo has handoff records of the turns before that one).
func TestHandoffAndSurvey(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"TZ": "UTC"}
	expect(t, run(t, env, "--data", dir, "demo"), 0)
	expect(t, run(t, env, "--help"), 0, "oncall handoff record", "oncall survey import FILE")
	expect(t, run(t, env, "--data", dir, "oncall", "handoff", "list"), 0, "Payments on-call", "not recorded")
	expect(t, run(t, env, "--data", dir, "oncall", "handoff", "record", "--rotation", "Payments on-call", "--date", "2026-11-18",
		"--rating", "4", "--sleep", "--notes", "disk alerts flapping"), 0, "Recorded the handoff of", "(Mon 2026-11-16 09:00 – Mon 2026-11-23 09:00): burden 4/5, sleep interrupted")
	expect(t, run(t, env, "--data", dir, "oncall", "handoff", "record", "--rotation", "payments on-call", "--date", "2026-11-18",
		"--rating", "2"), 0, "Updated the handoff")
	expect(t, run(t, env, "--data", dir, "oncall", "handoff", "list"), 0, "burden 2/5")
	expect(t, run(t, env, "--data", dir, "oncall", "handoff", "record", "--rotation", "Payments on-call", "--date", "2026-11-18", "--rating", "6"), 1, "from 1 (light) to 5")
	expect(t, run(t, env, "--data", dir, "oncall", "handoff", "record", "--rotation", "Nope", "--date", "2026-11-18", "--rating", "3"), 1, `No rotation is called "Nope"`)
	expect(t, run(t, env, "--data", dir, "oncall", "handoff", "record", "--rotation", "Payments on-call", "--date", "2026-12-18", "--rating", "3"), 1, "was on call on 2026-12-18")
	expect(t, run(t, env, "--data", dir, "oncall", "handoff", "record", "--rotation", "Payments on-call"), 2, "--rating are required")

	csv := filepath.Join(t.TempDir(), "answers.csv")
	os.WriteFile(csv, []byte("When,E-mail,Rotation,Burden\n2026-11-17 10:00,a@example.com,Payments on-call,4\n2026-11-18 10:00,b@example.com,Payments on-call,2\n"), 0o644)
	expect(t, run(t, env, "--data", dir, "oncall", "survey", "import", csv, "--map", "E-mail=comment,Rotation=rotation,When=date,Burden=rating"), 1, "stay anonymous")
	expect(t, run(t, env, "--data", dir, "oncall", "survey", "import", csv, "--map", "Rotation=rotation,When=date,Burden=rating", "--dry-run"), 0,
		"2 answers counted", "Ignored (never stored): E-mail", "2026-W47", "Dry run")
	expect(t, run(t, env, "--data", dir, "oncall", "survey", "import", csv, "--map", "Rotation=rotation,When=date,Burden=rating"), 0, "Imported into the anonymous aggregates")
	expect(t, run(t, env, "--data", dir, "oncall", "survey", "import", csv), 1, "was imported on")
	r := run(t, env, "--data", dir, "export-json")
	var s struct {
		Handoffs handoff.Data `json:"handoffs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &s); err != nil || len(s.Handoffs.Survey) != 1 || s.Handoffs.Survey[0].Mean() != 3 {
		t.Fatalf("export: %v %+v", err, s.Handoffs)
	}
	// The demo's records of the turns before, and the one recorded here.
	ours := 0
	for _, h := range s.Handoffs.Records {
		if h.TurnStart.Equal(time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)) {
			ours++
			if h.Rating != 2 { // as the second record command replaced it
				t.Errorf("the record made here: %+v", h)
			}
		} else if !h.TurnEnd.Before(time.Date(2026, 11, 16, 9, 0, 1, 0, time.UTC)) {
			t.Errorf("a demo record of a later turn: %+v", h)
		}
	}
	if ours != 1 || len(s.Handoffs.Records) < 2 {
		t.Fatalf("export: %+v", s.Handoffs.Records)
	}
	r = run(t, env, "--data", dir, "export-json", "--without-private")
	if strings.Contains(r.stdout, "disk alerts") || strings.Contains(r.stdout, `"rating"`) {
		t.Fatalf("private handoffs in an export without private notes")
	}
}
