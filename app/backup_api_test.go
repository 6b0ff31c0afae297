package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"time"
)

func names(t *testing.T, s *Shell) []string {
	t.Helper()
	w, err := s.workspace()
	if err != nil {
		t.Fatal(err)
	}
	ps, err := w.Roster.People(true)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return out
}

// Backup now, then a write, then a restore of that backup from the app: the
// workspace is the backup's again, the replaced one is kept aside, and a
// file that is not a backup is refused with the workspace untouched.
func TestBackupAndRestoreFromTheApp(t *testing.T) {
	s := openShell(t)
	api, people := NewBackupAPI(s), NewPeopleAPI(s)
	if _, err := people.CreatePerson(PersonInput{Name: "Ada Before", TimeZone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	o, err := api.BackupNow()
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Files) != 1 || o.Status.LastSummary == nil || o.Status.LastSummary.People != 1 || o.Due || o.Folder != filepath.Join(s.root, "backups") {
		t.Fatalf("overview after a backup %+v", o)
	}
	if _, err := people.CreatePerson(PersonInput{Name: "Bo After", TimeZone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	sum, err := api.Inspect(o.Files[0].Path)
	if err != nil || sum.People != 1 {
		t.Fatalf("inspect %+v %v", sum, err)
	}

	junk := filepath.Join(t.TempDir(), "junk.backup")
	os.WriteFile(junk, []byte("WHEELHOUSE-BACKUP 1\nnot really"), 0o600)
	if _, err := api.Restore(junk); err == nil {
		t.Fatal("restored a damaged backup")
	}
	if got := strings.Join(names(t, s), ","); got != "Ada Before,Bo After" {
		t.Fatalf("a refused restore changed the workspace: %s", got)
	}

	res, err := api.Restore(o.Files[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(names(t, s), ","); got != "Ada Before" || res.Summary.People != 1 || res.Aside == "" {
		t.Fatalf("after the restore: %s %+v", got, res)
	}
	if _, err := os.Stat(res.Aside); err != nil {
		t.Fatalf("the replaced workspace is not kept aside: %v", err)
	}
	// the restored workspace takes writes
	if _, err := people.CreatePerson(PersonInput{Name: "Cy Later", TimeZone: "UTC"}); err != nil {
		t.Fatal(err)
	}
}

// The demo is never backed up automatically, and a restore in it is refused.
func TestNoBackupsOfTheDemo(t *testing.T) {
	s := openShell(t)
	api := NewBackupAPI(s)
	if err := s.switchTo(true); err != nil {
		t.Fatal(err)
	}
	s.runBackups()
	waitBackups(s)
	o, err := api.Overview()
	if err != nil || !o.Demo || len(o.Files) != 0 || !o.Status.LastAt.IsZero() {
		t.Fatalf("demo overview %+v %v", o, err)
	}
	f := filepath.Join(t.TempDir(), "x.backup")
	w, _ := s.workspace()
	if err := w.Store.BackupToFile(f); err != nil {
		t.Fatal(err)
	}
	if _, err := api.Restore(f); err == nil || !strings.Contains(err.Error(), "Switch to your workspace") {
		t.Fatalf("restore in the demo: %v", err)
	}
	// back in the user's workspace the automatic backup runs once
	if err := s.switchTo(false); err != nil {
		t.Fatal(err)
	}
	s.runBackups()
	waitBackups(s)
	if o, _ := api.Overview(); len(o.Files) != 1 || o.Demo {
		t.Fatalf("user's overview %+v", o)
	}
}

func waitBackups(s *Shell) {
	for s.backingUp.Load() {
		time.Sleep(5 * time.Millisecond)
	}
}
