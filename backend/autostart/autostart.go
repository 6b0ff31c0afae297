// Package autostart writes or removes the XDG autostart entry that starts
// Wheelhouse (hidden, delivering reminders) when the user logs in.
package autostart

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Path is where the entry lives: $XDG_CONFIG_HOME/autostart/wheelhouse.desktop
// (default ~/.config/autostart).
func Path(getenv func(string) string) (string, error) {
	base := getenv("XDG_CONFIG_HOME")
	if base == "" || !filepath.IsAbs(base) {
		home := getenv("HOME")
		if home == "" {
			return "", errors.New("no HOME to put the autostart entry in")
		}
		base = filepath.Join(home, ".config")
	}
	return filepath.Join(base, "autostart", "wheelhouse.desktop"), nil
}

// Entry is the .desktop text for the binary exe with data folder dataDir.
func Entry(exe, dataDir string) string {
	return strings.Join([]string{
		"[Desktop Entry]",
		"Type=Application",
		"Name=Wheelhouse",
		"Comment=Reminders for overdue follow-ups, 1:1s and on-call handoffs",
		"Exec=" + quote(exe) + " --data " + quote(dataDir) + " --background",
		"Icon=wheelhouse",
		"Terminal=false",
		"X-GNOME-Autostart-enabled=true",
		"",
	}, "\n")
}

// quote escapes an argument for a desktop entry's Exec key.
func quote(s string) string {
	if !strings.ContainsAny(s, " \t\"'\\$`") {
		return s
	}
	r := strings.NewReplacer(`\`, `\\\\`, `"`, `\\"`, "`", "\\\\`", `$`, `\\$`)
	return `"` + r.Replace(s) + `"`
}

// Set writes (on) or removes (off) the entry.
func Set(on bool, exe, dataDir string, getenv func(string) string) error {
	p, err := Path(getenv)
	if err != nil {
		return err
	}
	if !on {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("remove %s: %w", p, err)
		}
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(Entry(exe, dataDir)), 0o644)
}

// Enabled reports whether the entry exists.
func Enabled(getenv func(string) string) bool {
	p, err := Path(getenv)
	if err != nil {
		return false
	}
	_, err = os.Stat(p)
	return err == nil
}
