package app

import (
	"io"
	"strings"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/store"
)

// saveText asks where to save (the native dialog) and writes content there
// atomically. An empty path means the user cancelled.
func (s *Shell) saveText(defaultName, filterName, pattern, content string) (string, error) {
	if s.dialogs == nil {
		return "", errs.E(errs.Unavailable, "Saving needs the desktop app's file dialog.")
	}
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, defaultName)
	path, err := s.dialogs.SaveFile(name, filterName, pattern)
	if err != nil || path == "" {
		return "", err
	}
	if err := store.WriteFileAtomic(path, func(f io.Writer) error {
		_, err := io.WriteString(f, content)
		return err
	}); err != nil {
		return "", errs.E(errs.Unavailable, "Cannot write %s: %v", path, err)
	}
	return path, nil
}
