package app

import (
	"wheelhouse/backend/id"
	"wheelhouse/backend/workspace"
)

// Every bound method that works on the open workspace is one call of read,
// write or change. op names the call in the log as "<area>.<Method>": the
// area is the API's (people, oncall, calendar, ...), the method its Go name;
// it is written once, in that call. The few calls that work on the shell
// instead (switching workspaces, the clock, an evaluation now) map their
// error with toAPI under a name of the same form.

// read runs fn on the open workspace and maps its error for the bridge.
// While the app is locked it refuses (code "locked") without touching the
// workspace: every binding goes through here, so nothing personal can be
// read or changed, even from the developer tools, until it is unlocked.
func read[T any](s *Shell, op string, fn func(w *workspace.Workspace) (T, error)) (T, error) {
	if s.Locked() {
		var zero T
		return zero, toAPI(s.log, op, errLocked)
	}
	w, err := s.workspace()
	if err == nil {
		var out T
		if out, err = fn(w); err == nil {
			return out, nil
		}
	}
	var zero T
	return zero, toAPI(s.log, op, err)
}

// readList is read for a list: JSON [] rather than null when it is empty.
func readList[T any](s *Shell, op string, fn func(w *workspace.Workspace) ([]T, error)) ([]T, error) {
	return read(s, op, func(w *workspace.Workspace) ([]T, error) {
		out, err := fn(w)
		return nonNil(out), err
	})
}

// write is read for a call that changes data: once it succeeds, reminders
// are re-evaluated (what is due may have changed) without blocking the call,
// and an edit that may change shifts publishes calendars soon (publish.go).
func write[T any](s *Shell, op string, fn func(w *workspace.Workspace) (T, error)) (T, error) {
	out, err := read(s, op, fn)
	if err == nil {
		s.afterWrite(op)
	}
	return out, err
}

// change is write for a call that returns nothing but an error.
func change(s *Shell, op string, fn func(w *workspace.Workspace) error) error {
	_, err := write(s, op, func(w *workspace.Workspace) (struct{}, error) { return struct{}{}, fn(w) })
	return err
}

// withID parses raw as the id in field and runs fn with it.
func withID[T any](field, raw string, fn func(u id.ID) (T, error)) (T, error) {
	u, err := parseID(field, raw)
	if err != nil {
		var zero T
		return zero, err
	}
	return fn(u)
}

// byID is withID for fn that returns nothing but an error.
func byID(field, raw string, fn func(u id.ID) error) error {
	u, err := parseID(field, raw)
	if err != nil {
		return err
	}
	return fn(u)
}

// each maps a list with f (JSON [] rather than null for none).
func each[T, U any](l []T, f func(T) U) []U {
	out := make([]U, 0, len(l))
	for _, x := range l {
		out = append(out, f(x))
	}
	return out
}

// nonNil turns a nil slice into an empty one (JSON [] rather than null).
func nonNil[T any](l []T) []T {
	if l == nil {
		return []T{}
	}
	return l
}
