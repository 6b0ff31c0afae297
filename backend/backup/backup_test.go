package backup_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"wheelhouse/backend/backup"
	"wheelhouse/backend/clock"
	"wheelhouse/backend/demo"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/people"
	"wheelhouse/backend/workspace"
)

var start = time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)

func demoWorkspace(t *testing.T, c clock.Clock) *workspace.Workspace {
	t.Helper()
	dir := t.TempDir()
	if _, err := demo.Create(dir, demo.Small, workspace.Options{Clock: c}); err != nil {
		t.Fatal(err)
	}
	w, err := workspace.Open(dir, workspace.Options{Clock: c})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// A backup is written into the data folder's backups/, read back by a
// restore into a temporary folder (its summary counts what the workspace
// holds), and the status says so.
func TestBackupNowIsVerified(t *testing.T) {
	c := clock.NewFake(start)
	w := demoWorkspace(t, c)
	ppl, err := w.Roster.People(true)
	if err != nil {
		t.Fatal(err)
	}
	f, err := w.Backups.Now()
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(f.Path) != filepath.Join(w.Root, "backups") || f.Name != "wheelhouse-20261205T090000Z.backup" || f.Bytes < 1000 {
		t.Fatalf("backup file %+v", f)
	}
	st, err := w.Backups.Status()
	if err != nil || !st.LastAt.Equal(start) || st.LastSummary == nil || st.LastSummary.People != len(ppl) || st.LastSummary.People == 0 ||
		st.LastSummary.Incidents == 0 || st.LastSummary.Meetings == 0 || st.LastError != "" {
		t.Fatalf("status %+v %v (people %d)", st, err, len(ppl))
	}
	// what Inspect reads is what the workspace holds, a write later too
	if _, err := w.Roster.CreatePerson(people.Person{Name: "Late Hire", TimeZone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	c.Advance(time.Hour)
	f2, err := w.Backups.Now()
	if err != nil {
		t.Fatal(err)
	}
	sum, err := backup.Inspect(f2.Path, workspace.Migrations)
	if err != nil || sum.People != len(ppl)+1 {
		t.Fatalf("second backup holds %+v %v", sum, err)
	}
	// one backup a day is kept: the earlier one of the same day is pruned
	if _, err := os.Stat(f.Path); !os.IsNotExist(err) {
		t.Fatalf("the earlier backup of the day is still there: %v", err)
	}
}

// Automatic backups are due once a day; a failure is recorded, retried an
// hour later, and a good backup clears it.
func TestAutomaticBackupsAreDaily(t *testing.T) {
	c := clock.NewFake(start)
	w := demoWorkspace(t, c)
	ran, _, err := w.Backups.RunIfDue()
	if !ran || err != nil {
		t.Fatalf("first run %v %v", ran, err)
	}
	c.Advance(23 * time.Hour)
	if ran, _, _ := w.Backups.RunIfDue(); ran {
		t.Fatal("ran twice within a day")
	}
	c.Advance(time.Hour)
	if ran, _, err := w.Backups.RunIfDue(); !ran || err != nil {
		t.Fatalf("not run a day later: %v %v", ran, err)
	}
	// the folder becomes a file: the backup fails, the status says why
	dir := filepath.Join(t.TempDir(), "gone")
	if _, err := w.Backups.SaveSettings(backup.Settings{Enabled: true, Folder: dir, KeepDaily: 7, KeepWeekly: 4}); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(dir)
	os.WriteFile(dir, []byte("not a folder"), 0o600)
	c.Advance(24 * time.Hour)
	if ran, _, err := w.Backups.RunIfDue(); !ran || err == nil {
		t.Fatalf("a backup into a file ran %v err %v", ran, err)
	}
	st, _ := w.Backups.Status()
	if st.LastError == "" || !st.LastErrorAt.Equal(c.Now().UTC()) {
		t.Fatalf("status after a failure %+v", st)
	}
	c.Advance(30 * time.Minute)
	if ran, _, _ := w.Backups.RunIfDue(); ran {
		t.Fatal("a failed backup is retried at every tick")
	}
	os.Remove(dir)
	c.Advance(31 * time.Minute)
	if ran, _, err := w.Backups.RunIfDue(); !ran || err != nil {
		t.Fatalf("not retried an hour later: %v %v", ran, err)
	}
	if st, _ := w.Backups.Status(); st.LastError != "" || filepath.Dir(st.LastPath) != dir {
		t.Fatalf("status after the retry %+v", st)
	}
	// turned off: never due
	if _, err := w.Backups.SaveSettings(backup.Settings{Enabled: false, KeepDaily: 7, KeepWeekly: 4}); err != nil {
		t.Fatal(err)
	}
	c.Advance(72 * time.Hour)
	if ran, _, _ := w.Backups.RunIfDue(); ran {
		t.Fatal("ran while turned off")
	}
}

func TestSettingsErrorsAreNextToTheField(t *testing.T) {
	w := demoWorkspace(t, clock.NewFake(start))
	for _, c := range []struct {
		in    backup.Settings
		field string
	}{
		{backup.Settings{KeepDaily: 0, KeepWeekly: 4}, "keepDaily"},
		{backup.Settings{KeepDaily: 7, KeepWeekly: -1}, "keepWeekly"},
		{backup.Settings{Folder: "relative/dir", KeepDaily: 7}, "folder"},
		{backup.Settings{Folder: "/proc/not-here", KeepDaily: 7}, "folder"},
	} {
		_, err := w.Backups.SaveSettings(c.in)
		if f := errs.FieldsOf(err); len(f) != 1 || f[0].Field != c.field {
			t.Errorf("%+v: error %v, want one on %s", c.in, err, c.field)
		}
	}
	if s, _ := w.Backups.Settings(); s != backup.DefaultSettings() {
		t.Fatalf("a refused save changed the settings: %+v", s)
	}
}

// Retention keeps the newest backup of each of the last 7 days that have
// one, then the newest of each of 4 ISO weeks before those, and never
// touches other files in the folder.
func TestRetention(t *testing.T) {
	dir := t.TempDir()
	// two backups a day for 60 days, up to 5 Dec 2026 (a Saturday)
	for d := 0; d < 60; d++ {
		for _, h := range []int{9, 18} {
			at := start.AddDate(0, 0, -d).Add(time.Duration(h-9) * time.Hour)
			os.WriteFile(filepath.Join(dir, "wheelhouse-"+at.Format("20060102T150405Z")+".backup"), []byte("x"), 0o600)
		}
	}
	os.WriteFile(filepath.Join(dir, "my-notes.txt"), []byte("mine"), 0o600)
	os.WriteFile(filepath.Join(dir, "wheelhouse-manual.backup"), []byte("mine"), 0o600)
	removed, err := backup.Prune(dir, 7, 4)
	if err != nil {
		t.Fatal(err)
	}
	left, _ := backup.List(dir)
	var names []string
	for _, f := range left {
		names = append(names, f.At.Format("Mon 2006-01-02 15h"))
	}
	want := []string{
		"Sat 2026-12-05 18h", "Fri 2026-12-04 18h", "Thu 2026-12-03 18h", "Wed 2026-12-02 18h", "Tue 2026-12-01 18h",
		"Mon 2026-11-30 18h", "Sun 2026-11-29 18h", // 7 days
		"Sat 2026-11-28 18h", "Sun 2026-11-22 18h", "Sun 2026-11-15 18h", "Sun 2026-11-08 18h", // 4 weeks (ISO weeks end on Sunday)
	}
	if len(names) != len(want) || len(removed) != 120-len(want) {
		t.Fatalf("kept %d, removed %d:\n%v", len(names), len(removed), names)
	}
	for i := range want {
		if names[i] != want[i] {
			t.Fatalf("kept %v\nwant %v", names, want)
		}
	}
	for _, n := range []string{"my-notes.txt", "wheelhouse-manual.backup"} {
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			t.Fatalf("pruning touched %s: %v", n, err)
		}
	}
}

// A file that is not a backup is refused by Inspect, with nothing left in
// the temporary folder.
func TestInspectRefusesOtherFiles(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.backup")
	os.WriteFile(p, []byte("hello, not a backup"), 0o600)
	if _, err := backup.Inspect(p, workspace.Migrations); err == nil {
		t.Fatal("inspected a file that is not a backup")
	}
}
