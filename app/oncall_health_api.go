package app

import (
	"time"

	"wheelhouse/backend/pages"
	"wheelhouse/backend/workspace"
)

// OnCallHealth is the On-call health view: the health of the window, how
// many pages the workspace holds at all (0: no paging history imported,
// which the view says rather than showing an empty table) and the
// pages-per-day threshold the flags used.
type OnCallHealth struct {
	Report           pages.HealthReport `json:"report"`
	Stored           int                `json:"stored"`
	PagesPerDayLimit float64            `json:"pagesPerDayLimit"`
}

// Health is the on-call health of [win.From, win.To) from the imported
// paging history: per person, rotation and team (the view switches between
// them), by week, the noisiest alerts and services and the flags
// (decisions 0014 and 0021).
func (a *OnCallAPI) Health(win Window) (OnCallHealth, error) {
	return read(a.s, "oncall.Health", func(w *workspace.Workspace) (OnCallHealth, error) {
		return inWindow(win, func(from, to time.Time) (OnCallHealth, error) {
			st, err := w.OnCall.Settings()
			if err != nil {
				return OnCallHealth{}, err
			}
			rep, err := w.Pages.Health(from, to, pages.HealthOptions{PagesPerDay: st.PagesPerDayLimit})
			if err != nil {
				return OnCallHealth{}, err
			}
			n, err := w.Pages.Count()
			if err != nil {
				return OnCallHealth{}, err
			}
			return OnCallHealth{Report: *rep, Stored: n, PagesPerDayLimit: st.PagesPerDayLimit}, nil
		})
	})
}
