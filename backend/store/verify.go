package store

import "wheelhouse/backend/errs"

// VerifyPassphrase checks p against the key file of the open encrypted
// workspace, for the app's lock screen (docs/decisions/0023-lock-when-away.md):
// nil when it is the passphrase, ErrWrongPassphrase when not. It neither
// counts nor slows wrong tries (the lock screen does, in memory: the app is
// already open) and opens nothing.
func (s *Store) VerifyPassphrase(p []byte) error {
	if s.key == nil {
		return errs.E(errs.Conflict, "This workspace is not encrypted: it has no passphrase.")
	}
	if err := s.enter(); err != nil {
		return err
	}
	defer s.leave()
	k, err := readKeyRecord(DBDir(s.root))
	if err != nil {
		return err
	}
	return k.unwrapRecord(p)
}
