package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/incident"
	"wheelhouse/backend/workspace"
	"wheelhouse/cli"
)

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := cli.Run(cli.Env{
		Args:   args,
		Getenv: func(k string) string { return env[k] },
		Stdout: &out, Stderr: &errb,
		Clock: clock.NewFake(time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)),
	})
	return result{code, out.String(), errb.String()}
}

func expect(t *testing.T, r result, code int, inOutput ...string) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, code, r.stdout, r.stderr)
	}
	all := r.stdout + r.stderr
	for _, s := range inOutput {
		if !strings.Contains(all, s) {
			t.Fatalf("output lacks %q:\nstdout: %s\nstderr: %s", s, r.stdout, r.stderr)
		}
	}
}

func TestVersionAndUsage(t *testing.T) {
	expect(t, run(t, nil, "version"), 0, "wheelhouse ", "schema 2")
	expect(t, run(t, nil, "--help"), 0, "export-json", "WHEELHOUSE_DATA")
	expect(t, run(t, nil, "frobnicate"), 2, `unknown command "frobnicate"`)
	expect(t, run(t, nil, "--data", t.TempDir()), 2, "no desktop window")
}

func TestDataDirResolution(t *testing.T) {
	envDir := t.TempDir()
	flagDir := t.TempDir()
	expect(t, run(t, map[string]string{"WHEELHOUSE_DATA": envDir}, "demo"), 0, envDir)
	expect(t, run(t, map[string]string{"WHEELHOUSE_DATA": envDir}, "--data", flagDir, "demo"), 0, flagDir)
	home := t.TempDir()
	expect(t, run(t, map[string]string{"HOME": home, "XDG_DATA_HOME": filepath.Join(home, "xdg")}, "demo", "--size", "small"),
		0, filepath.Join(home, "xdg", "wheelhouse"))
}

func TestDemoExportImport(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	expect(t, run(t, nil, "--data", a, "demo", "--size", "large"), 0, "50 people, 6 teams, 25 services, 2000 incidents, 20537 follow-ups, 3193 1:1s")
	expect(t, run(t, nil, "--data", a, "demo"), 1, "already has a workspace")
	expect(t, run(t, nil, "--data", a, "demo", "--size", "huge"), 2, `Unknown demo size "huge"`)

	file := filepath.Join(t.TempDir(), "ws.json")
	expect(t, run(t, nil, "--data", a, "export-json", "-o", file), 0, "Exported")
	r := run(t, nil, "--data", a, "export-json")
	expect(t, r, 0)
	var snap workspace.Snapshot
	if err := json.Unmarshal([]byte(r.stdout), &snap); err != nil || len(snap.People) != 50 {
		t.Fatalf("stdout export: %v, %d people", err, len(snap.People))
	}
	expect(t, run(t, nil, "--data", b, "import-json", file), 0, "Imported 50 people, 6 teams and 25 services", "with 2000 incidents and 20537 follow-ups")
	expect(t, run(t, nil, "--data", b, "import-json", file), 1, "already has data")
	expect(t, run(t, nil, "--data", b, "import-json", file, "--replace"), 0, "Imported 50 people")
	expect(t, run(t, nil, "--data", b, "import-json"), 2, "expected one FILE")
	expect(t, run(t, nil, "--data", b, "import-json", "/does/not/exist.json"), 1, "Cannot open")
}

func TestInvalidImportChangesNothing(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	expect(t, run(t, nil, "--data", a, "demo"), 0)
	good := filepath.Join(t.TempDir(), "good.json")
	expect(t, run(t, nil, "--data", a, "export-json", "-o", good), 0)
	data, _ := os.ReadFile(good)
	bad := strings.Replace(string(data), `"timezone": "Europe/Berlin"`, `"timezone": "Mars/Olympus"`, 1)
	badFile := filepath.Join(t.TempDir(), "bad.json")
	_ = os.WriteFile(badFile, []byte(bad), 0o600)
	expect(t, run(t, nil, "--data", b, "import-json", badFile), 1, "nothing was imported", `people[0] "Alex Morgan" timezone: "Mars/Olympus" is not a known time zone`)
	r := run(t, nil, "--data", b, "export-json")
	var snap workspace.Snapshot
	_ = json.Unmarshal([]byte(r.stdout), &snap)
	if len(snap.People) != 0 {
		t.Fatalf("invalid import wrote %d people", len(snap.People))
	}
}

func TestBackupRestore(t *testing.T) {
	a := t.TempDir()
	expect(t, run(t, nil, "--data", a, "demo"), 0)
	bak := filepath.Join(t.TempDir(), "ws.bak")
	expect(t, run(t, nil, "--data", a, "backup", bak), 0, "Backed up")
	expect(t, run(t, nil, "--data", t.TempDir(), "backup", bak+"2"), 1, "no workspace")

	fresh := filepath.Join(t.TempDir(), "fresh")
	expect(t, run(t, nil, "--data", fresh, "restore", bak), 0, "Restored")
	expect(t, run(t, nil, "--data", fresh, "restore", bak), 1, "already holds a workspace", "--force")

	// --force keeps the old folder aside, and the restored one matches.
	other := t.TempDir()
	expect(t, run(t, nil, "--data", other, "demo", "--size", "large"), 0)
	r := run(t, nil, "--data", other, "restore", "--force", bak)
	expect(t, r, 0, "previous workspace is kept in")
	aside := strings.TrimSpace(r.stdout[strings.Index(r.stdout, "kept in ")+len("kept in "):])
	if st, err := os.Stat(aside); err != nil || !st.IsDir() || !strings.HasPrefix(aside, other) {
		t.Fatalf("old workspace not kept aside at %q: %v", aside, err)
	}
	ex := run(t, nil, "--data", other, "export-json")
	var snap workspace.Snapshot
	_ = json.Unmarshal([]byte(ex.stdout), &snap)
	if len(snap.People) != 9 {
		t.Fatalf("restored workspace has %d people, want 9", len(snap.People))
	}

	garbage := filepath.Join(t.TempDir(), "garbage")
	_ = os.WriteFile(garbage, []byte("hello"), 0o600)
	target := filepath.Join(t.TempDir(), "t")
	expect(t, run(t, nil, "--data", target, "restore", garbage), 1, "not a Wheelhouse backup")
	expect(t, run(t, nil, "--data", other, "restore", "--force", garbage), 1, "not a Wheelhouse backup")
	ex = run(t, nil, "--data", other, "export-json")
	_ = json.Unmarshal([]byte(ex.stdout), &snap)
	if len(snap.People) != 9 {
		t.Fatalf("failed forced restore lost the workspace: %d people", len(snap.People))
	}
}

func TestLockedDataDir(t *testing.T) {
	dir := t.TempDir()
	w, err := workspace.Open(dir, workspace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	r := run(t, nil, "--data", dir, "export-json")
	expect(t, r, 1, "is in use by another running Wheelhouse")
	if strings.Contains(r.stderr, "goroutine") || strings.Contains(r.stderr, "panic") {
		t.Fatalf("stack trace reached the user:\n%s", r.stderr)
	}
}

func TestIncidentsAndActionsList(t *testing.T) {
	dir := t.TempDir()
	expect(t, run(t, nil, "--data", dir, "incidents", "list"), 1, "There is no workspace in")
	expect(t, run(t, nil, "--data", dir, "demo"), 0, "6 incidents, 27 follow-ups, 112 1:1s, 48 feedback entries, 4 development plans")
	env := map[string]string{"TZ": "Europe/Berlin"}

	r := run(t, env, "--data", dir, "incidents", "list")
	expect(t, r, 0, "ID", "SEV", "STATUS", "STARTED", "TITLE", "6 incidents (times in Europe/Berlin)")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 7 || !strings.Contains(lines[1], "SEV2") || !strings.Contains(lines[1], "identified") ||
		!strings.Contains(lines[1], "Elevated 5xx on payments-api") || !strings.Contains(lines[6], "CI runners out of disk") {
		t.Fatalf("incident table, newest first:\n%s", r.stdout)
	}
	r = run(t, env, "--data", dir, "incidents", "list", "--json")
	expect(t, r, 0)
	var sums []incident.Summary
	if err := json.Unmarshal([]byte(r.stdout), &sums); err != nil || len(sums) != 6 || sums[0].Status != incident.StatusIdentified {
		t.Fatalf("incidents --json: %v %+v", err, sums)
	}

	r = run(t, env, "--data", dir, "actions", "list")
	expect(t, r, 0, "OWNER", "7 follow-ups, 5 overdue, 1 due soon (today is 2026-11-23 in Europe/Berlin)")
	lines = strings.Split(strings.TrimSpace(r.stdout), "\n")
	// three of them were agreed in 1:1s (the demo's)
	if len(lines) != 8 || !strings.Contains(lines[1], "overdue 27d") || !strings.Contains(lines[4], "overdue 3d") || !strings.Contains(lines[4], "Add a canary stage for config changes to payments-api") ||
		!strings.Contains(lines[6], "due soon") || !strings.Contains(lines[7], "2026-12-13") {
		t.Fatalf("follow-ups table, overdue first:\n%s", r.stdout)
	}
	expect(t, run(t, env, "--data", dir, "actions", "list", "--overdue"), 0, "5 follow-ups, 5 overdue")
	// Ten in the morning UTC is still yesterday in Pago Pago (UTC-11): the
	// follow-up due "yesterday" by Berlin's date is not overdue there yet.
	expect(t, run(t, map[string]string{"TZ": "Pacific/Pago_Pago"}, "--data", dir, "actions", "list", "--overdue"), 0,
		"4 follow-ups, 4 overdue, 0 due soon (today is 2026-11-22 in Pacific/Pago_Pago)")
	r = run(t, env, "--data", dir, "actions", "list", "--all", "--json")
	expect(t, r, 0)
	var rows []followup.Row
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil || len(rows) != 27 || rows[26].Bucket != followup.BucketClosed {
		t.Fatalf("actions --all --json: %v %d rows", err, len(rows))
	}
	expect(t, run(t, nil, "--data", dir, "actions"), 2, "expected `actions list`")
	expect(t, run(t, nil, "--data", dir, "incidents", "show"), 2, "expected `incidents list`")
	expect(t, run(t, nil, "--data", dir, "actions", "list", "--soon"), 2, "flag provided but not defined")
}
