package cli_test

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wheelhouse/backend/control"
	"wheelhouse/backend/people"
	"wheelhouse/backend/workspace"
)

// appLike is what the app answers on its control socket (app/control.go):
// the open workspace backs up and exports.
type appLike struct{ w *workspace.Workspace }

func (a appLike) Serving() bool            { return true }
func (a appLike) Backup(path string) error { return a.w.BackupTo(path) }
func (a appLike) ExportJSON(out io.Writer, withoutPrivate bool, gen string) error {
	return a.w.ExportWith(out, gen, workspace.ExportOptions{WithoutPrivate: withoutPrivate})
}

// While the app has the workspace open (and holds its lock), `backup` and
// `export-json` ask it over the control socket instead of refusing; what the
// app wrote a moment before is in both.
func TestBackupAndExportWhileTheAppRuns(t *testing.T) {
	dir := t.TempDir()
	expect(t, run(t, nil, "--data", dir, "demo"), 0)
	w, err := workspace.Open(dir, workspace.Options{}) // the running app
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	p, err := w.Roster.CreatePerson(people.Person{Name: "Written By The App", TimeZone: "UTC", Notes: "CANARY private note"})
	if err != nil {
		t.Fatal(err)
	}

	// no socket: the command says the folder is in use, as before
	out := filepath.Join(t.TempDir(), "b.backup")
	if r := run(t, nil, "--data", dir, "backup", out); r.code == 0 {
		t.Fatalf("backed up a locked folder without the app: %+v", r)
	}

	srv, err := control.Listen(dir, appLike{w}, "test", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	expect(t, run(t, nil, "--data", dir, "backup", out), 0, "through the running Wheelhouse")
	fresh := t.TempDir()
	expect(t, run(t, nil, "--data", fresh, "restore", out), 0)
	got := run(t, nil, "--data", fresh, "export-json")
	expect(t, got, 0)
	if !strings.Contains(got.stdout, p.ID.String()) {
		t.Fatal("the backup made through the app lacks the app's last write")
	}

	file := filepath.Join(t.TempDir(), "ws.json")
	expect(t, run(t, nil, "--data", dir, "export-json", "-o", file), 0, "through the running Wheelhouse")
	b, err := os.ReadFile(file)
	if err != nil || !json.Valid(b) || !strings.Contains(string(b), "Written By The App") || !strings.Contains(string(b), "CANARY") {
		t.Fatalf("export through the app: %v %.200s", err, b)
	}
	clean := run(t, nil, "--data", dir, "export-json", "--without-private")
	expect(t, clean, 0, "Written By The App", `"privateNotes": "omitted"`)
	if strings.Contains(clean.stdout, "CANARY") {
		t.Fatal("--without-private through the app kept a private note")
	}
	// a backup the app cannot write is an error, with the app's reason
	r := run(t, nil, "--data", dir, "backup", filepath.Join(t.TempDir(), "no", "such", "dir", "b.backup"))
	if r.code == 0 || !strings.Contains(r.stderr+r.stdout, "no such file") {
		t.Fatalf("a backup into a missing folder: %+v", r)
	}
}
