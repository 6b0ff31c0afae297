package publish

import (
	"errors"
	"os"
	"runtime"

	"github.com/zalando/go-keyring"
)

// keyringService names Wheelhouse's entries in the OS keyring.
const keyringService = "Wheelhouse CalDAV"

// OSKeyring keeps passwords in the OS keyring (Secret Service on Linux,
// Keychain on macOS, Credential Manager on Windows).
type OSKeyring struct{}

// errNoSession: on Linux without a session bus there is no Secret Service
// (and asking would start dbus-launch).
var errNoSession = errors.New("no D-Bus session: no Secret Service")

func sessionBus() error {
	if runtime.GOOS == "linux" && os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		return errNoSession
	}
	return nil
}

// Set stores a password.
func (OSKeyring) Set(key, pw string) error {
	if err := sessionBus(); err != nil {
		return err
	}
	return keyring.Set(keyringService, key, pw)
}

// Get reads a password.
func (OSKeyring) Get(key string) (string, error) {
	if err := sessionBus(); err != nil {
		return "", err
	}
	return keyring.Get(keyringService, key)
}

// Delete removes a password.
func (OSKeyring) Delete(key string) error {
	if err := sessionBus(); err != nil {
		return err
	}
	err := keyring.Delete(keyringService, key)
	if errors.Is(err, keyring.ErrNotFound) {
		return nil
	}
	return err
}
