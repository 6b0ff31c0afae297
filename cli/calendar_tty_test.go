//go:build linux

package cli_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"wheelhouse/backend/clock"
	"wheelhouse/cli"
)

// openPTY opens a pseudo-terminal: the program reads the user's typing from
// tty (a real terminal to term.IsTerminal); the test types into ptmx.
func openPTY(t *testing.T) (ptmx, tty *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	if err := unix.IoctlSetPointerInt(int(m.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		m.Close()
		t.Skipf("cannot unlock the pseudo-terminal: %v", err)
	}
	n, err := unix.IoctlGetInt(int(m.Fd()), unix.TIOCGPTN)
	if err != nil {
		m.Close()
		t.Skipf("no pseudo-terminal number: %v", err)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		m.Close()
		t.Skipf("cannot open the pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { s.Close(); m.Close() })
	go io.Copy(io.Discard, m) // the terminal's echo
	return m, s
}

// At a terminal, `calendar import` shows the preview and asks; only "y"
// applies. Anything else (an empty answer, "n") imports nothing.
func TestCalendarImportAsksAtATerminal(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"TZ": "Europe/Berlin"}
	expect(t, run(t, env, "--data", dir, "demo"), 0)
	ics := filepath.Join("..", "backend", "calendar", "testdata", "google.ics")
	answer := func(typed string) result {
		ptmx, tty := openPTY(t)
		if _, err := ptmx.Write([]byte(typed)); err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		code := cli.Run(cli.Env{
			Args:   []string{"--data", dir, "calendar", "import", ics, "--holidays", "Bavaria"},
			Getenv: func(k string) string { return env[k] },
			Stdin:  tty, Stdout: &out, Stderr: &errb,
			Clock: clock.NewFake(time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)),
		})
		return result{code, out.String(), errb.String()}
	}
	for _, no := range []string{"\n", "n\n", "nope\n"} {
		r := answer(no)
		expect(t, r, 0, `Preview of "Holidays in Germany"`, "4 new", "Apply these changes? (y/N)", "Nothing was imported.")
		if strings.Contains(r.stdout, "Imported:") {
			t.Fatalf("answer %q applied:\n%s", no, r.stdout)
		}
		if r := run(t, env, "--data", dir, "export-json"); strings.Contains(r.stdout, `"name": "Bavaria"`) {
			t.Fatalf("answer %q left the holiday region behind", no)
		}
	}
	expect(t, answer("y\n"), 0, "Apply these changes? (y/N)", "Created the holiday region Bavaria", "Imported: 4 added")
	// Nothing to change: nothing to ask.
	r := answer("")
	expect(t, r, 0, "0 new, 0 updated, 0 removed, 4 unchanged")
	if strings.Contains(r.stderr, "Apply these changes?") {
		t.Fatalf("asked with nothing to change:\n%s", r.stderr)
	}
}

// `oncall export-ics --alarm MINUTES` adds a reminder before each shift,
// as the app's file export does; a bad value is a usage error.
func TestOnCallExportAlarm(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"TZ": "Europe/Berlin"}
	expect(t, run(t, env, "--data", dir, "demo"), 0)
	out := filepath.Join(t.TempDir(), "rot.ics")
	expect(t, run(t, env, "--data", dir, "oncall", "export-ics", "--rotation", "Payments on-call", "--alarm", "30", "-o", out), 0, "Wrote On call")
	b, _ := os.ReadFile(out)
	if n, m := strings.Count(string(b), "BEGIN:VALARM"), strings.Count(string(b), "STATUS:CONFIRMED"); n == 0 || n != m || !strings.Contains(string(b), "TRIGGER:-PT30M") {
		t.Fatalf("%d alarms for %d shifts", n, m)
	}
	expect(t, run(t, env, "--data", dir, "oncall", "export-ics", "--rotation", "Payments on-call", "-o", out), 0)
	if b, _ := os.ReadFile(out); strings.Contains(string(b), "VALARM") {
		t.Fatal("an alarm nobody asked for")
	}
	expect(t, run(t, env, "--data", dir, "oncall", "export-ics", "--team", "--alarm", "-1", "-o", out), 2, "--alarm is minutes before each shift, 0 to 10080")
	expect(t, run(t, env, "--data", dir, "oncall", "export-ics", "--team", "--alarm", "20000", "-o", out), 2, "--alarm is minutes before each shift")
}
