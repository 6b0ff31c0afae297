package workspace_test

import (
	"bytes"
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/incident"
	"wheelhouse/backend/workspace"
)

// A backup made while the clock ran three days ahead restores after the
// clock is corrected: its incident "in the future" is the user's data, not
// a reason to refuse the backup.
func TestRestoreABackupFromAClockThatRanAhead(t *testing.T) {
	ahead := now.Add(72 * time.Hour)
	w := openWith(t, t.TempDir(), workspace.Options{Clock: clock.NewFake(ahead)})
	if _, err := w.Incidents.Create(incident.Incident{Title: "Checkout rejects every card", Severity: 1, StartedAt: ahead.Add(-time.Hour),
		Status: incident.StatusInvestigating}, [16]byte{}); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := w.Store.Backup(&b); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := workspace.RestoreFolder(dir, bytes.NewReader(b.Bytes()), false, workspace.Options{Clock: clock.NewFake(now)}); err != nil {
		t.Fatalf("a backup with an incident after the restoring clock's now: %v", err)
	}
	r := openWith(t, dir, workspace.Options{Clock: clock.NewFake(now)})
	list, err := r.Incidents.List(incident.Filter{})
	if err != nil || len(list) != 1 {
		t.Fatalf("restored incidents %d %v", len(list), err)
	}
}

// A workspace file from a clock three days ahead imports; a start a month
// ahead is still refused as a typo.
func TestImportAFileFromAClockThatRanAhead(t *testing.T) {
	ahead := now.Add(72 * time.Hour)
	w := openWith(t, t.TempDir(), workspace.Options{Clock: clock.NewFake(ahead)})
	if _, err := w.Incidents.Create(incident.Incident{Title: "Checkout rejects every card", Severity: 1, StartedAt: ahead.Add(-time.Hour),
		Status: incident.StatusInvestigating}, [16]byte{}); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := w.Export(&b, "test"); err != nil {
		t.Fatal(err)
	}
	if _, err := workspace.Parse(bytes.NewReader(b.Bytes()), now); err != nil {
		t.Fatalf("a file three days ahead: %v", err)
	}
	if _, err := workspace.Parse(bytes.NewReader(b.Bytes()), now.Add(-30*24*time.Hour)); err == nil {
		t.Fatal("a start a month ahead of the clock was accepted")
	}
}
