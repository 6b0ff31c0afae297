package publish

import (
	"errors"

	"wheelhouse/backend/secrets"
)

// KeyringService names Wheelhouse's CalDAV passwords in the OS keyring.
const KeyringService = "Wheelhouse CalDAV"

// Keyring keeps publication passwords in a secrets.Store (the OS keyring:
// secrets.OS()), under KeyringService.
type Keyring struct{ Store secrets.Store }

// Set stores a password.
func (k Keyring) Set(key, pw string) error { return k.Store.Set(KeyringService, key, pw) }

// Get reads a password.
func (k Keyring) Get(key string) (string, error) { return k.Store.Get(KeyringService, key) }

// Delete removes a password (none stored is no error).
func (k Keyring) Delete(key string) error {
	err := k.Store.Delete(KeyringService, key)
	if errors.Is(err, secrets.ErrNotFound) {
		return nil
	}
	return err
}
