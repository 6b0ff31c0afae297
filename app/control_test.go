package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wheelhouse/backend/control"
	"wheelhouse/backend/errs"
)

// The open app answers the command line on its data folder's socket, for
// the user's workspace only, and removes the socket when it closes.
func TestTheAppAnswersTheCommandLine(t *testing.T) {
	root := t.TempDir()
	s := NewShell(Config{Root: root, Version: "test"})
	if err := s.Open(); err != nil {
		t.Fatal(err)
	}
	if !control.Available(root) {
		t.Fatal("the app does not answer on its socket")
	}
	out := filepath.Join(t.TempDir(), "b.backup")
	if err := control.Backup(root, out); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
		t.Fatalf("backup through the app: %v", err)
	}
	// locked, the command line is refused too, with the reason
	NewLockAPI(s).Lock()
	if err := control.Backup(root, filepath.Join(t.TempDir(), "c.backup")); err == nil || !strings.Contains(errs.MessageOf(err), "Wheelhouse is locked") {
		t.Fatalf("a backup through a locked app: %v", err)
	}
	var buf bytes.Buffer
	if err := control.ExportJSON(root, &buf, false, "test"); err == nil || buf.Len() != 0 {
		t.Fatalf("an export through a locked app: %v (%d bytes)", err, buf.Len())
	}
	if _, err := NewLockAPI(s).Unlock(""); err != nil {
		t.Fatal(err)
	}
	if err := s.switchTo(true); err != nil {
		t.Fatal(err)
	}
	if control.Available(root) {
		t.Fatal("answers for the user's folder while the demo is open")
	}
	if err := s.switchTo(false); err != nil {
		t.Fatal(err)
	}
	if !control.Available(root) {
		t.Fatal("does not answer again after the demo")
	}
	s.Close()
	if _, err := os.Stat(control.SocketPath(root)); !os.IsNotExist(err) {
		t.Fatalf("socket left after close: %v", err)
	}
}
