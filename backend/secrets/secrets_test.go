package secrets_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	dbus "github.com/godbus/dbus/v5"

	"wheelhouse/backend/secrets"
	"wheelhouse/backend/secrets/secretstest"
)

// A real gnome-keyring: what is set can be read back, by us and by another
// Secret Service client (secret-tool), is replaced by a second Set, and is gone
// after Delete. The keyring's own file never holds the secret in clear.
func TestRoundTripInGnomeKeyring(t *testing.T) {
	if !secretstest.In(t, secretstest.Unlocked) {
		return
	}
	s := secrets.OS()
	if err := secrets.Probe(s); err != nil {
		t.Fatalf("Probe of an unlocked keyring: %v", err)
	}
	const service = "wheelhouse-test"
	if _, err := s.Get(service, "ws-1"); !errors.Is(err, secrets.ErrNotFound) {
		t.Fatalf("Get before Set: %v, want ErrNotFound", err)
	}
	secret := "ünïcode passphrase with spaces ✓ canary-7f3a"
	if err := s.Set(service, "ws-1", secret); err != nil {
		t.Fatalf("Set: %v", err)
	}
	if err := s.Set(service, "ws-2", "other"); err != nil {
		t.Fatalf("Set ws-2: %v", err)
	}
	if got, err := s.Get(service, "ws-1"); err != nil || got != secret {
		t.Fatalf("Get = %q, %v; want %q", got, err, secret)
	}
	// Another Secret Service client sees it (go-keyring's attributes: service, username).
	if out, err := exec.Command("secret-tool", "lookup", "service", service, "username", "ws-1").Output(); err == nil {
		if string(out) != secret {
			t.Fatalf("secret-tool lookup = %q, want %q", out, secret)
		}
	} else if _, lookErr := exec.LookPath("secret-tool"); lookErr == nil {
		t.Fatalf("secret-tool lookup: %v", err)
	}
	// The keyring file on disk is encrypted: no clear copy of the secret.
	filepath.Walk(os.Getenv("XDG_DATA_HOME"), func(path string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			b, _ := os.ReadFile(path)
			if strings.Contains(string(b), "canary-7f3a") {
				t.Errorf("%s holds the secret in clear", path)
			}
		}
		return nil
	})

	if err := s.Set(service, "ws-1", "replaced"); err != nil {
		t.Fatalf("Set again: %v", err)
	}
	if got, err := s.Get(service, "ws-1"); err != nil || got != "replaced" {
		t.Fatalf("Get after a second Set = %q, %v", got, err)
	}
	if err := s.Delete(service, "ws-1"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, err := s.Get(service, "ws-1"); !errors.Is(err, secrets.ErrNotFound) {
		t.Fatalf("Get after Delete: %v, want ErrNotFound", err)
	}
	if err := s.Delete(service, "ws-1"); !errors.Is(err, secrets.ErrNotFound) {
		t.Fatalf("Delete twice: %v, want ErrNotFound", err)
	}
	if got, err := s.Get(service, "ws-2"); err != nil || got != "other" {
		t.Fatalf("the other account after Delete = %q, %v", got, err)
	}
}

// A locked login keyring needs a prompt that nobody can answer here: every
// call gives up after the timeout with ErrUnavailable instead of hanging.
func TestLockedKeyringIsUnavailableInTime(t *testing.T) {
	if !secretstest.In(t, secretstest.Locked) {
		return
	}
	s := secrets.OSWithTimeout(2 * time.Second)
	start := time.Now()
	err := secrets.Probe(s)
	if !errors.Is(err, secrets.ErrUnavailable) {
		t.Fatalf("Probe of a locked keyring: %v, want ErrUnavailable", err)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Fatalf("Probe took %s", took)
	}
	if err := s.Set("wheelhouse-test", "ws", "x"); !errors.Is(err, secrets.ErrUnavailable) {
		t.Fatalf("Set into a locked keyring: %v, want ErrUnavailable", err)
	}
	t.Logf("locked: %v", err)
}

func TestNoSecretServiceOnTheBus(t *testing.T) {
	if !secretstest.In(t, secretstest.NoService) {
		return
	}
	s := secrets.OSWithTimeout(5 * time.Second)
	err := secrets.Probe(s)
	if !errors.Is(err, secrets.ErrUnavailable) || !strings.Contains(err.Error(), "no Secret Service") {
		t.Fatalf("Probe with no Secret Service: %v", err)
	}
	if err := s.Set("wheelhouse-test", "ws", "x"); !errors.Is(err, secrets.ErrUnavailable) {
		t.Fatalf("Set with no Secret Service: %v", err)
	}
}

// No session bus at all: refused at once, without trying to launch one.
func TestNoSessionBus(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	s := secrets.OS()
	start := time.Now()
	for name, err := range map[string]error{
		"Probe":  secrets.Probe(s),
		"Set":    s.Set("wheelhouse-test", "ws", "x"),
		"Delete": s.Delete("wheelhouse-test", "ws"),
	} {
		if !errors.Is(err, secrets.ErrUnavailable) || !strings.Contains(err.Error(), "no D-Bus session bus") {
			t.Errorf("%s with no session bus: %v", name, err)
		}
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("took %s, want an immediate answer", took)
	}
}

// A Secret Service that never answers (a hung daemon, a prompt left open):
// the call gives up after the timeout.
func TestSilentSecretServiceTimesOut(t *testing.T) {
	if !secretstest.In(t, secretstest.NoService) {
		return
	}
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	block := make(chan struct{})
	defer close(block)
	silent := silentService{block}
	for _, path := range []dbus.ObjectPath{"/org/freedesktop/secrets", "/org/freedesktop/secrets/aliases/default", "/org/freedesktop/secrets/collection/login"} {
		for _, iface := range []string{"org.freedesktop.Secret.Service", "org.freedesktop.Secret.Collection", "org.freedesktop.DBus.Properties"} {
			if err := conn.Export(silent, path, iface); err != nil {
				t.Fatal(err)
			}
		}
	}
	if reply, err := conn.RequestName("org.freedesktop.secrets", dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("RequestName: %v %v", reply, err)
	}
	s := secrets.OSWithTimeout(time.Second)
	start := time.Now()
	err = secrets.Probe(s)
	if !errors.Is(err, secrets.ErrUnavailable) || !strings.Contains(err.Error(), "did not answer") {
		t.Fatalf("Probe of a silent service: %v", err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Fatalf("took %s with a 1 s timeout", took)
	}
}

type silentService struct{ block chan struct{} }

func (s silentService) Unlock(objects []dbus.ObjectPath) ([]dbus.ObjectPath, dbus.ObjectPath, *dbus.Error) {
	<-s.block
	return nil, "/", nil
}

func (s silentService) Get(iface, prop string) (dbus.Variant, *dbus.Error) {
	<-s.block
	return dbus.MakeVariant(""), nil
}
