package app

import (
	"wheelhouse/backend/today"
	"wheelhouse/backend/workspace"
)

// TodayAPI is bound to the frontend: the manager's day on one screen
// (backend/today).
type TodayAPI struct{ s *Shell }

// NewTodayAPI binds to shell s.
func NewTodayAPI(s *Shell) *TodayAPI { return &TodayAPI{s} }

// Today is the manager's day now, in their zone: on call, incidents,
// follow-ups, 1:1s, reviews, team health, time off and coverage gaps.
func (a *TodayAPI) Today() (today.Day, error) {
	return read(a.s, "today.Today", func(w *workspace.Workspace) (today.Day, error) {
		return a.s.day.Of(w, a.s.clock.Now())
	})
}
