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
	path, err := s.dialogs.SaveFile(FileName(defaultName), filterName, pattern)
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

// FileName turns a title into a file name that reads like the title on every
// OS: "On call: team.ics" becomes "On call - team.ics" (not "On call- team"),
// other characters no file system takes become "-", control characters go,
// runs of spaces fold and the name is kept to 120 characters before the
// extension. An empty result is "export".
func FileName(title string) string {
	ext := ""
	if i := strings.LastIndexByte(title, '.'); i >= 0 && i >= len(title)-6 && !strings.ContainsAny(title[i:], " :/\\") {
		title, ext = title[:i], title[i:]
	}
	title = strings.ReplaceAll(title, ": ", " - ")
	title = strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case r < 0x20 || r == 0x7f:
			return -1
		case strings.ContainsRune(`/\:*?"<>|`, r):
			return '-'
		}
		return r
	}, title)
	title = strings.Join(strings.Fields(title), " ")
	if r := []rune(title); len(r) > 120 {
		title = strings.TrimSpace(string(r[:120]))
	}
	title = strings.Trim(title, ". ")
	if title == "" {
		title = "export"
	}
	return title + ext
}
