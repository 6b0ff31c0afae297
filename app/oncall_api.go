package app

import (
	"bytes"
	"strings"
	"time"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/workspace"
)

// OnCallAPI is bound to the frontend: rotations, time off, holiday regions,
// overrides and swaps, the schedule, coverage gaps, fairness and
// compensation. Domain types cross the bridge directly (decision 0006).
type OnCallAPI struct{ s *Shell }

// NewOnCallAPI binds to shell s.
func NewOnCallAPI(s *Shell) *OnCallAPI { return &OnCallAPI{s} }

// SavedTimeOff, SavedOverride and SavedSwap are a saved record with the
// warnings the user should see (the record was saved).
type SavedTimeOff struct {
	Item     oncall.TimeOff `json:"item"`
	Warnings []string       `json:"warnings"`
}

// SavedOverride is a saved override with warnings.
type SavedOverride struct {
	Item     oncall.Override `json:"item"`
	Warnings []string        `json:"warnings"`
}

// SavedSwap is a saved swap with warnings.
type SavedSwap struct {
	Item     oncall.Swap `json:"item"`
	Warnings []string    `json:"warnings"`
}

// Window is an instant range from the UI (RFC 3339).
type Window struct {
	From string `json:"from"`
	To   string `json:"to"`
}

func (w Window) parse() (time.Time, time.Time, error) {
	from, err1 := time.Parse(time.RFC3339, w.From)
	to, err2 := time.Parse(time.RFC3339, w.To)
	var c errs.Collector
	if err1 != nil {
		c.Add("from", "Choose when the window starts.")
	}
	if err2 != nil {
		c.Add("to", "Choose when the window ends.")
	}
	return from, to, c.Err()
}

// Rotations lists the rotations.
func (a *OnCallAPI) Rotations() ([]oncall.Rotation, error) {
	return readList(a.s, "oncall.Rotations", func(w *workspace.Workspace) ([]oncall.Rotation, error) { return w.OnCall.Rotations() })
}

// SaveRotation creates (empty id) or updates a rotation.
func (a *OnCallAPI) SaveRotation(r oncall.Rotation) (oncall.Rotation, error) {
	return write(a.s, "oncall.SaveRotation", func(w *workspace.Workspace) (oncall.Rotation, error) { return w.OnCall.SaveRotation(r) })
}

// DeleteRotation removes a rotation with its overrides and swaps.
func (a *OnCallAPI) DeleteRotation(rotationID string) error {
	return change(a.s, "oncall.DeleteRotation", func(w *workspace.Workspace) error { return byID("id", rotationID, w.OnCall.DeleteRotation) })
}

// TeamsOnCall lists, for each team that rotations belong to, who is on call
// now and next in each of its rotations (the Teams screen).
func (a *OnCallAPI) TeamsOnCall() ([]oncall.TeamOnCall, error) {
	return readList(a.s, "oncall.TeamsOnCall", func(w *workspace.Workspace) ([]oncall.TeamOnCall, error) { return w.OnCall.TeamsOnCall() })
}

// inWindow parses the window and runs fn over it.
func inWindow[T any](win Window, fn func(from, to time.Time) (T, error)) (T, error) {
	from, to, err := win.parse()
	if err != nil {
		var zero T
		return zero, err
	}
	return fn(from, to)
}

// Preview computes the shifts of a rotation as edited, before it is saved:
// the editor's live preview. Validation errors come back per field.
func (a *OnCallAPI) Preview(r oncall.Rotation, win Window) ([]oncall.Shift, error) {
	return read(a.s, "oncall.Preview", func(w *workspace.Workspace) ([]oncall.Shift, error) {
		return inWindow(win, func(from, to time.Time) ([]oncall.Shift, error) { return w.OnCall.Preview(r, from, to) })
	})
}

// Shifts returns the shifts of every rotation (rotationID "") or of one.
func (a *OnCallAPI) Shifts(rotationID string, win Window) ([]oncall.Shift, error) {
	return readList(a.s, "oncall.Shifts", func(w *workspace.Workspace) ([]oncall.Shift, error) {
		return inWindow(win, func(from, to time.Time) ([]oncall.Shift, error) {
			if rotationID == "" {
				return w.OnCall.AllShifts(from, to)
			}
			return withID("rotationId", rotationID, func(u id.ID) ([]oncall.Shift, error) { return w.OnCall.Shifts(u, from, to) })
		})
	})
}

// Final returns a team's final schedule: who a page reaches first, and
// which rotation (layer) gives them, or a gap (decision 0015).
func (a *OnCallAPI) Final(teamID string, win Window) ([]oncall.FinalShift, error) {
	return readList(a.s, "oncall.Final", func(w *workspace.Workspace) ([]oncall.FinalShift, error) {
		return inWindow(win, func(from, to time.Time) ([]oncall.FinalShift, error) {
			return withID("teamId", teamID, func(u id.ID) ([]oncall.FinalShift, error) { return w.OnCall.Final(u, from, to) })
		})
	})
}

// Coverage lists the gaps against each schedule's required coverage.
func (a *OnCallAPI) Coverage(win Window) ([]oncall.Gap, error) {
	return read(a.s, "oncall.Coverage", func(w *workspace.Workspace) ([]oncall.Gap, error) { return inWindow(win, w.OnCall.Coverage) })
}

// Warnings lists the schedule warnings of the window (back-to-back turns,
// more than one week in four, uneven rotations), shown with the gaps.
func (a *OnCallAPI) Warnings(win Window) ([]oncall.ScheduleWarning, error) {
	return readList(a.s, "oncall.Warnings", func(w *workspace.Workspace) ([]oncall.ScheduleWarning, error) {
		return inWindow(win, w.OnCall.Warnings)
	})
}

// Fairness is the burden table of the window, with the imported pages
// beside the hours and their health flags among the warnings.
func (a *OnCallAPI) Fairness(win Window) (oncall.FairnessReport, error) {
	return read(a.s, "oncall.Fairness", func(w *workspace.Workspace) (oncall.FairnessReport, error) { return inWindow(win, w.Pages.Fairness) })
}

// Compensation is the monthly report ("2026-11").
func (a *OnCallAPI) Compensation(month string) (oncall.CompensationReport, error) {
	return read(a.s, "oncall.Compensation", func(w *workspace.Workspace) (oncall.CompensationReport, error) {
		return w.OnCall.Compensation(month)
	})
}

// CompensationCSV is the monthly report as CSV text (the UI saves it).
func (a *OnCallAPI) CompensationCSV(month string) (string, error) {
	return read(a.s, "oncall.CompensationCSV", func(w *workspace.Workspace) (string, error) {
		var b bytes.Buffer
		err := w.OnCall.CompensationCSV(&b, month)
		return b.String(), err
	})
}

// SavedFile is a file written through the native save dialog: Path is ""
// when the user cancelled.
type SavedFile struct {
	Name string `json:"name"`
	Path string `json:"path"`
}

// SaveCompensationCSV asks where to save (the native dialog) and writes the
// month's report there as CSV. An empty path means the user cancelled.
func (a *OnCallAPI) SaveCompensationCSV(month string) (SavedFile, error) {
	return read(a.s, "oncall.SaveCompensationCSV", func(w *workspace.Workspace) (SavedFile, error) {
		var b bytes.Buffer
		if err := w.OnCall.CompensationCSV(&b, month); err != nil {
			return SavedFile{}, err
		}
		out := SavedFile{Name: "on-call compensation " + strings.TrimSpace(month) + ".csv"}
		var err error
		out.Path, err = a.s.saveText(out.Name, "CSV (*.csv)", "*.csv", b.String())
		return out, err
	})
}

// Settings returns compensation and notification settings.
func (a *OnCallAPI) Settings() (oncall.Settings, error) {
	return read(a.s, "oncall.Settings", func(w *workspace.Workspace) (oncall.Settings, error) { return w.OnCall.Settings() })
}

// SaveSettings stores the on-call settings.
func (a *OnCallAPI) SaveSettings(st oncall.Settings) (oncall.Settings, error) {
	return write(a.s, "oncall.SaveSettings", func(w *workspace.Workspace) (oncall.Settings, error) { return w.OnCall.SaveSettings(st) })
}

// TimeOff lists time off (personID "" = everyone) overlapping the window.
func (a *OnCallAPI) TimeOff(personID string, win Window) ([]oncall.TimeOff, error) {
	return readList(a.s, "oncall.TimeOff", func(w *workspace.Workspace) ([]oncall.TimeOff, error) {
		var f oncall.TimeOffFilter
		var err error
		if f.PersonID, err = parseID("personId", personID); err == nil && (win.From != "" || win.To != "") {
			f.From, f.To, err = win.parse()
		}
		if err != nil {
			return nil, err
		}
		return w.OnCall.TimeOff(f)
	})
}

// SaveTimeOff creates (empty id) or updates time off; warnings name the
// shifts others now take.
func (a *OnCallAPI) SaveTimeOff(t oncall.TimeOff) (SavedTimeOff, error) {
	return write(a.s, "oncall.SaveTimeOff", func(w *workspace.Workspace) (SavedTimeOff, error) {
		out, err := w.OnCall.SaveTimeOff(t)
		return SavedTimeOff{Item: out.Item, Warnings: nonNil(out.Warnings)}, err
	})
}

// DeleteTimeOff removes time off.
func (a *OnCallAPI) DeleteTimeOff(timeOffID string) error {
	return change(a.s, "oncall.DeleteTimeOff", func(w *workspace.Workspace) error { return byID("id", timeOffID, w.OnCall.DeleteTimeOff) })
}

// Regions lists the holiday regions.
func (a *OnCallAPI) Regions() ([]oncall.Region, error) {
	return readList(a.s, "oncall.Regions", func(w *workspace.Workspace) ([]oncall.Region, error) { return w.OnCall.Regions() })
}

// SaveRegion creates (empty id) or updates a holiday region.
func (a *OnCallAPI) SaveRegion(r oncall.Region) (oncall.Region, error) {
	return write(a.s, "oncall.SaveRegion", func(w *workspace.Workspace) (oncall.Region, error) { return w.OnCall.SaveRegion(r) })
}

// DeleteRegion removes a holiday region.
func (a *OnCallAPI) DeleteRegion(regionID string) error {
	return change(a.s, "oncall.DeleteRegion", func(w *workspace.Workspace) error { return byID("id", regionID, w.OnCall.DeleteRegion) })
}

// Overrides lists a rotation's overrides.
func (a *OnCallAPI) Overrides(rotationID string) ([]oncall.Override, error) {
	return readList(a.s, "oncall.Overrides", func(w *workspace.Workspace) ([]oncall.Override, error) {
		return withID("rotationId", rotationID, w.OnCall.Overrides)
	})
}

// SaveOverride creates (empty id) or updates an override; a person who is
// away gets a warning.
func (a *OnCallAPI) SaveOverride(o oncall.Override) (SavedOverride, error) {
	return write(a.s, "oncall.SaveOverride", func(w *workspace.Workspace) (SavedOverride, error) {
		out, err := w.OnCall.SaveOverride(o)
		return SavedOverride{Item: out.Item, Warnings: nonNil(out.Warnings)}, err
	})
}

// DeleteOverride removes an override.
func (a *OnCallAPI) DeleteOverride(overrideID string) error {
	return change(a.s, "oncall.DeleteOverride", func(w *workspace.Workspace) error { return byID("id", overrideID, w.OnCall.DeleteOverride) })
}

// Swaps lists a rotation's swaps.
func (a *OnCallAPI) Swaps(rotationID string) ([]oncall.Swap, error) {
	return readList(a.s, "oncall.Swaps", func(w *workspace.Workspace) ([]oncall.Swap, error) {
		return withID("rotationId", rotationID, w.OnCall.Swaps)
	})
}

// SwapViews lists a rotation's swaps ("" = every rotation's) with both
// turns' times and who holds each now.
func (a *OnCallAPI) SwapViews(rotationID string) ([]oncall.SwapView, error) {
	return readList(a.s, "oncall.SwapViews", func(w *workspace.Workspace) ([]oncall.SwapView, error) {
		return withID("rotationId", rotationID, w.OnCall.SwapViews)
	})
}

// Adjustments lists the overrides and swaps the schedule shows: those not
// over before since (RFC 3339), with a count of the older ones per rotation.
func (a *OnCallAPI) Adjustments(since string) (oncall.Adjustments, error) {
	return read(a.s, "oncall.Adjustments", func(w *workspace.Workspace) (oncall.Adjustments, error) {
		t, err := time.Parse(time.RFC3339, since)
		if err != nil {
			return oncall.Adjustments{}, errs.FieldErr("since", "Choose from when overrides and swaps are listed.")
		}
		return w.OnCall.Adjustments(t)
	})
}

// SaveSwap creates (empty id) or updates a swap of two shifts.
func (a *OnCallAPI) SaveSwap(sw oncall.Swap) (SavedSwap, error) {
	return write(a.s, "oncall.SaveSwap", func(w *workspace.Workspace) (SavedSwap, error) {
		out, err := w.OnCall.SaveSwap(sw)
		return SavedSwap{Item: out.Item, Warnings: nonNil(out.Warnings)}, err
	})
}

// DeleteSwap removes a swap.
func (a *OnCallAPI) DeleteSwap(swapID string) error {
	return change(a.s, "oncall.DeleteSwap", func(w *workspace.Workspace) error { return byID("id", swapID, w.OnCall.DeleteSwap) })
}
