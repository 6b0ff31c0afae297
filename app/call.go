package app

import "wheelhouse/backend/workspace"

// do runs fn on the open workspace and maps its error for the bridge; after
// a write (changed) it re-evaluates reminders.
func do[T any](s *Shell, op string, changed bool, fn func(w *workspace.Workspace) (T, error)) (T, error) {
	var zero T
	w, err := s.workspace()
	if err != nil {
		return zero, toAPI(s.log, op, err)
	}
	out, err := fn(w)
	if err != nil {
		return zero, toAPI(s.log, op, err)
	}
	if changed {
		s.afterChange()
	}
	return out, nil
}

// nonNil turns a nil slice into an empty one (JSON [] rather than null).
func nonNil[T any](l []T) []T {
	if l == nil {
		return []T{}
	}
	return l
}

// done is do for calls that return nothing but an error.
func done(s *Shell, op string, fn func(w *workspace.Workspace) error) error {
	_, err := do(s, op, true, func(w *workspace.Workspace) (struct{}, error) { return struct{}{}, fn(w) })
	return err
}
