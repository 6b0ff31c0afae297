// Package secrets keeps small secrets (a workspace key, a CalDAV password) in
// the operating system's keyring: the Secret Service on Linux (GNOME Keyring,
// KWallet), the Keychain on macOS, the Credential Manager on Windows, through
// github.com/zalando/go-keyring. Nothing here ever writes a secret to a file.
//
// A keyring is not always there: no D-Bus session bus, no Secret Service on it,
// a locked collection waiting for a prompt nobody answers. go-keyring can block
// for ever in those cases, so every call of the OS store gives up after a
// timeout and reports ErrUnavailable with the reason.
package secrets

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	keyring "github.com/zalando/go-keyring"
)

// Store keeps secrets by service and account.
type Store interface {
	// Get returns the secret, or ErrNotFound when none is stored.
	Get(service, account string) (string, error)
	// Set stores the secret, replacing any stored one.
	Set(service, account, secret string) error
	// Delete removes the secret; ErrNotFound when none was stored.
	Delete(service, account string) error
}

var (
	// ErrNotFound: the keyring answered and holds no such secret.
	ErrNotFound = errors.New("no secret stored in the system keyring")
	// ErrUnavailable: the keyring cannot be used now (no session bus, no
	// Secret Service, locked, no answer in time). The wrapping error says why.
	ErrUnavailable = errors.New("the system keyring is unavailable")
	// ErrTooBig: the keyring refused the secret's size.
	ErrTooBig = errors.New("the secret is too big for the system keyring")
)

// DefaultTimeout bounds each call of the OS store.
const DefaultTimeout = 5 * time.Second

// OS returns the operating system's keyring with DefaultTimeout.
func OS() Store { return OSWithTimeout(DefaultTimeout) }

// OSWithTimeout returns the operating system's keyring; each call gives up
// after d with ErrUnavailable.
//
// A call that timed out keeps running in the background (go-keyring cannot be
// cancelled): a Set that timed out while the desktop showed an unlock prompt
// may still store its secret if the user answers the prompt later. Callers
// must treat a timed-out Set as "not stored" and a later Get may still find it.
func OSWithTimeout(d time.Duration) Store { return osStore{timeout: d} }

type osStore struct{ timeout time.Duration }

func (s osStore) Get(service, account string) (string, error) {
	var secret string
	err := s.call(func() error {
		var err error
		secret, err = keyring.Get(service, account)
		return err
	})
	if err != nil {
		return "", err
	}
	return secret, nil
}

func (s osStore) Set(service, account, secret string) error {
	return s.call(func() error { return keyring.Set(service, account, secret) })
}

func (s osStore) Delete(service, account string) error {
	return s.call(func() error { return keyring.Delete(service, account) })
}

// call runs f with the timeout and translates go-keyring's errors.
func (s osStore) call(f func() error) error {
	if err := sessionBusPresent(); err != nil {
		return err
	}
	done := make(chan error, 1) // buffered: a late answer must not block the abandoned goroutine
	go func() { done <- f() }()
	timer := time.NewTimer(s.timeout)
	defer timer.Stop()
	select {
	case err := <-done:
		return translate(err)
	case <-timer.C:
		return fmt.Errorf("%w: it did not answer within %s (locked, or waiting for an unlock prompt)", ErrUnavailable, s.timeout)
	}
}

// sessionBusPresent refuses early on Linux when there is no D-Bus session bus
// to ask: godbus would otherwise try to autolaunch one with dbus-launch.
func sessionBusPresent() error {
	if runtime.GOOS != "linux" {
		return nil
	}
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") != "" {
		return nil
	}
	if dir := os.Getenv("XDG_RUNTIME_DIR"); dir != "" {
		if fi, err := os.Stat(filepath.Join(dir, "bus")); err == nil && fi.Mode()&os.ModeSocket != 0 {
			return nil
		}
	}
	return fmt.Errorf("%w: no D-Bus session bus", ErrUnavailable)
}

func translate(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, keyring.ErrNotFound):
		return ErrNotFound
	case errors.Is(err, keyring.ErrSetDataTooBig):
		return ErrTooBig
	}
	msg := err.Error()
	if strings.Contains(msg, "failed to unlock") {
		return fmt.Errorf("%w: it is locked and could not be unlocked", ErrUnavailable)
	}
	if strings.Contains(msg, "org.freedesktop.secrets") || strings.Contains(msg, "ServiceUnknown") {
		return fmt.Errorf("%w: no Secret Service (such as GNOME Keyring or KWallet) on the session bus", ErrUnavailable)
	}
	return fmt.Errorf("%w: %v", ErrUnavailable, err)
}

// Probe tells whether s can be used now: nil when it answers (a lookup of a
// probe entry that finds nothing is an answer), else an error wrapping
// ErrUnavailable with the reason.
func Probe(s Store) error {
	_, err := s.Get("wheelhouse", "probe")
	if err == nil || errors.Is(err, ErrNotFound) {
		return nil
	}
	if errors.Is(err, ErrUnavailable) {
		return err
	}
	return fmt.Errorf("%w: %v", ErrUnavailable, err)
}
