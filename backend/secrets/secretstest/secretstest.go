// Package secretstest runs a test against a real Secret Service: the calling
// test runs again in a child process inside its own D-Bus session
// (dbus-run-session) with gnome-keyring-daemon, and a throw-away keyring
// folder, so a test never touches the user's own keyring.
//
//	func TestRemember(t *testing.T) {
//		if !secretstest.In(t, secretstest.Unlocked) {
//			return // the child ran the test; its result is this test's result
//		}
//		// here: a session bus with an unlocked login keyring
//	}
//
// The test is skipped only when dbus-run-session or gnome-keyring-daemon is
// not installed (Debian: dbus, gnome-keyring).
package secretstest

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Mode is the keyring the child process gets.
type Mode string

const (
	// Unlocked: gnome-keyring with a login keyring created and unlocked.
	Unlocked Mode = "unlocked"
	// Locked: the login keyring exists but is locked; unlocking needs a prompt
	// nobody can answer (no display).
	Locked Mode = "locked"
	// NoService: a session bus with no Secret Service on it and none that can
	// be started on demand.
	NoService Mode = "noservice"
)

const envMode = "WHEELHOUSE_SECRETSTEST_MODE"

// Password is the login keyring's password in Unlocked and Locked.
const Password = "wheelhouse-test-keyring"

// In reports whether the caller runs inside the child process with the keyring
// of mode m. In the parent it runs the calling test in the child, reports the
// child's result as its own (fails with its output, or skips when the child
// skipped) and returns false: the caller then returns at once.
func In(t *testing.T, m Mode) bool {
	t.Helper()
	if got := os.Getenv(envMode); got != "" {
		if got != string(m) {
			t.Fatalf("secretstest: this child runs with keyring %q, the test asks for %q", got, m)
		}
		return true
	}
	for _, tool := range []string{"dbus-run-session", "gnome-keyring-daemon", "dbus-daemon"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no real Secret Service to test against: %s is not installed (Debian: dbus, gnome-keyring)", tool)
		}
	}
	dir, err := os.MkdirTemp("", "wh-keyring-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	for _, d := range []string{"data", "run", "config", "cache"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}

	var args []string
	var script string
	switch m {
	case Unlocked:
		script = `printf %s "$WH_KEYRING_PW" | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 97; exec "$@"`
	case Locked:
		// Create the login keyring, then lock it.
		script = `printf %s "$WH_KEYRING_PW" | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 97
dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets \
    org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null || exit 98
exec "$@"`
	case NoService:
		// A bus with no service directories: nothing can be activated on it.
		conf := filepath.Join(dir, "bus.conf")
		if err := os.WriteFile(conf, []byte(busConfig(filepath.Join(dir, "run"))), 0o600); err != nil {
			t.Fatal(err)
		}
		args = append(args, "--config-file="+conf)
		script = `exec "$@"`
	default:
		t.Fatalf("secretstest: unknown mode %q", m)
	}

	var run []string
	for _, part := range strings.Split(t.Name(), "/") {
		run = append(run, "^"+regexp.QuoteMeta(part)+"$")
	}
	args = append(args, "--", "sh", "-c", script, "sh", os.Args[0],
		"-test.run="+strings.Join(run, "/"), "-test.v", "-test.count=1", "-test.timeout=3m")

	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "dbus-run-session", args...)
	cmd.Env = append(os.Environ(),
		envMode+"="+string(m),
		"WH_KEYRING_PW="+Password,
		"XDG_DATA_HOME="+filepath.Join(dir, "data"),
		"XDG_RUNTIME_DIR="+filepath.Join(dir, "run"),
		"XDG_CONFIG_HOME="+filepath.Join(dir, "config"),
		"XDG_CACHE_HOME="+filepath.Join(dir, "cache"),
		"DISPLAY=", "WAYLAND_DISPLAY=", // a prompt must fail, not appear
	)
	cmd.WaitDelay = 10 * time.Second
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	text := out.String()
	switch {
	case err != nil:
		t.Fatalf("the test in a D-Bus session with keyring %q failed (%v):\n%s", m, err, text)
	case strings.Contains(text, "--- SKIP: "+t.Name()):
		t.Skipf("skipped in the D-Bus session with keyring %q:\n%s", m, text)
	case !strings.Contains(text, "--- PASS: "+t.Name()):
		t.Fatalf("the test did not run in the D-Bus session with keyring %q:\n%s", m, text)
	}
	if testing.Verbose() {
		t.Logf("ran in a D-Bus session with keyring %q:\n%s", m, text)
	}
	return false
}

func busConfig(runDir string) string {
	return `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=` + runDir + `</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`
}
