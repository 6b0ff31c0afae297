package control_test

import (
	"bytes"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wheelhouse/backend/control"
	"wheelhouse/backend/errs"
)

type fake struct {
	backups []string
	demo    bool
}

func (f *fake) Serving() bool { return !f.demo }

func (f *fake) Backup(path string) error {
	if strings.Contains(path, "full") {
		return errs.E(errs.Unavailable, "Cannot write the backup to %s: no space left on device", path)
	}
	f.backups = append(f.backups, path)
	return os.WriteFile(path, []byte("backup"), 0o600)
}

func (f *fake) ExportJSON(w io.Writer, withoutPrivate bool, gen string) error {
	_, err := io.WriteString(w, `{"format":"wheelhouse-workspace","private":`+map[bool]string{true: `"omitted"`, false: `"included"`}[withoutPrivate]+`,"generator":"`+gen+`"}`)
	return err
}

func TestAskTheRunningApp(t *testing.T) {
	root := t.TempDir()
	if control.Available(root) {
		t.Fatal("available before anyone listens")
	}
	h := &fake{}
	s, err := control.Listen(root, h, "test", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fi, err := os.Stat(control.SocketPath(root))
	if err != nil || fi.Mode().Perm() != 0o600 || fi.Mode()&os.ModeSocket == 0 {
		t.Fatalf("socket %v %v", fi.Mode(), err)
	}
	if !control.Available(root) {
		t.Fatal("not available while listening")
	}
	h.demo = true // the app shows the demo: commands open the folder themselves
	if control.Available(root) {
		t.Fatal("available while the app has the demo open")
	}
	h.demo = false
	// a second app on the same folder is refused
	if _, err := control.Listen(root, h, "test", nil); err == nil {
		t.Fatal("a second listener on the same folder")
	}
	dir := t.TempDir()
	if err := control.Backup(root, filepath.Join(dir, "b.backup")); err != nil {
		t.Fatal(err)
	}
	if len(h.backups) != 1 || h.backups[0] != filepath.Join(dir, "b.backup") {
		t.Fatalf("backups %v", h.backups)
	}
	err = control.Backup(root, filepath.Join(dir, "full.backup"))
	if !errs.Is(err, errs.Unavailable) || !strings.Contains(errs.MessageOf(err), "no space left") {
		t.Fatalf("a failed backup: %v", err)
	}
	var out bytes.Buffer
	if err := control.ExportJSON(root, &out, true, "Wheelhouse cli"); err != nil || out.String() != `{"format":"wheelhouse-workspace","private":"omitted","generator":"Wheelhouse cli"}` {
		t.Fatalf("export %q %v", out.String(), err)
	}
	// junk on the socket gets an answer, not a crash
	c, err := net.Dial("unix", control.SocketPath(root))
	if err != nil {
		t.Fatal(err)
	}
	c.Write([]byte("{not json\n"))
	reply, _ := io.ReadAll(c)
	c.Close()
	if !bytes.Contains(reply, []byte(`"ok":false`)) {
		t.Fatalf("junk reply %s", reply)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(control.SocketPath(root)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("socket left after close: %v", err)
	}
}

// A socket file left by a crashed app is replaced, not a reason to refuse.
func TestStaleSocketIsReplaced(t *testing.T) {
	root := t.TempDir()
	ln, err := net.Listen("unix", control.SocketPath(root))
	if err != nil {
		t.Fatal(err)
	}
	ln.(*net.UnixListener).SetUnlinkOnClose(false)
	ln.Close() // the file stays, nobody answers
	if _, err := os.Stat(control.SocketPath(root)); err != nil {
		t.Fatal(err)
	}
	s, err := control.Listen(root, &fake{}, "test", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !control.Available(root) {
		t.Fatal("not available after replacing a stale socket")
	}
}
