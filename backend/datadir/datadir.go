// Package datadir decides where Wheelhouse keeps its data.
package datadir

import (
	"os"
	"path/filepath"
	"runtime"
)

// EnvVar overrides the default data directory.
const EnvVar = "WHEELHOUSE_DATA"

// Resolve returns the data directory: the --data flag if given, else
// $WHEELHOUSE_DATA, else the OS default.
func Resolve(flag string, getenv func(string) string) (string, error) {
	if flag != "" {
		return filepath.Abs(flag)
	}
	if v := getenv(EnvVar); v != "" {
		return filepath.Abs(v)
	}
	return Default(runtime.GOOS, getenv)
}

// Default is the per-OS data directory:
//   - Linux/BSD: $XDG_DATA_HOME/wheelhouse, or ~/.local/share/wheelhouse
//   - macOS:     ~/Library/Application Support/Wheelhouse
//   - Windows:   %LOCALAPPDATA%\Wheelhouse
func Default(goos string, getenv func(string) string) (string, error) {
	home := getenv("HOME")
	if home == "" {
		h, err := os.UserHomeDir()
		if err != nil && goos != "windows" {
			return "", err
		}
		home = h
	}
	switch goos {
	case "windows":
		if v := getenv("LOCALAPPDATA"); v != "" {
			return filepath.Join(v, "Wheelhouse"), nil
		}
		return filepath.Join(home, "AppData", "Local", "Wheelhouse"), nil
	case "darwin":
		return filepath.Join(home, "Library", "Application Support", "Wheelhouse"), nil
	default:
		if v := getenv("XDG_DATA_HOME"); v != "" && filepath.IsAbs(v) {
			return filepath.Join(v, "wheelhouse"), nil
		}
		return filepath.Join(home, ".local", "share", "wheelhouse"), nil
	}
}

// Demo is the separate data directory of the demo workspace, so demo and real
// data never mix.
func Demo(root string) string { return filepath.Join(root, "demo") }
