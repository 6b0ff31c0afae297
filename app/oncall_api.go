package app

import (
	"bytes"
	"time"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
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

func (a *OnCallAPI) svc(op string) (*oncall.Service, error) {
	w, err := a.s.workspace()
	if err != nil {
		return nil, toAPI(a.s.log, op, err)
	}
	return w.OnCall, nil
}

func warnings(w []string) []string {
	if w == nil {
		return []string{}
	}
	return w
}

// Rotations lists the rotations.
func (a *OnCallAPI) Rotations() ([]oncall.Rotation, error) {
	s, err := a.svc("oncall.Rotations")
	if err != nil {
		return nil, err
	}
	out, err := s.Rotations()
	if out == nil {
		out = []oncall.Rotation{}
	}
	return out, toAPI(a.s.log, "oncall.Rotations", err)
}

// SaveRotation creates (empty id) or updates a rotation.
func (a *OnCallAPI) SaveRotation(r oncall.Rotation) (oncall.Rotation, error) {
	s, err := a.svc("oncall.SaveRotation")
	if err != nil {
		return r, err
	}
	out, err := s.SaveRotation(r)
	if err == nil {
		a.s.afterChange()
	}
	return out, toAPI(a.s.log, "oncall.SaveRotation", err)
}

// DeleteRotation removes a rotation with its overrides and swaps.
func (a *OnCallAPI) DeleteRotation(rotationID string) error {
	return a.del("oncall.DeleteRotation", rotationID, func(s *oncall.Service, u id.ID) error { return s.DeleteRotation(u) })
}

func (a *OnCallAPI) del(op, raw string, fn func(*oncall.Service, id.ID) error) error {
	s, err := a.svc(op)
	if err != nil {
		return err
	}
	u, err := parseID("id", raw)
	if err == nil {
		err = fn(s, u)
	}
	if err == nil {
		a.s.afterChange()
	}
	return toAPI(a.s.log, op, err)
}

// TeamsOnCall lists, for each team that rotations belong to, who is on call
// now and next in each of its rotations (the Teams screen).
func (a *OnCallAPI) TeamsOnCall() ([]oncall.TeamOnCall, error) {
	s, err := a.svc("oncall.TeamsOnCall")
	if err != nil {
		return nil, err
	}
	out, err := s.TeamsOnCall()
	if out == nil {
		out = []oncall.TeamOnCall{}
	}
	return out, toAPI(a.s.log, "oncall.TeamsOnCall", err)
}

// Preview computes the shifts of a rotation as edited, before it is saved:
// the editor's live preview. Validation errors come back per field.
func (a *OnCallAPI) Preview(r oncall.Rotation, w Window) ([]oncall.Shift, error) {
	s, err := a.svc("oncall.Preview")
	if err != nil {
		return nil, err
	}
	from, to, err := w.parse()
	if err != nil {
		return nil, toAPI(a.s.log, "oncall.Preview", err)
	}
	if to.Sub(from) > 400*24*time.Hour {
		return nil, toAPI(a.s.log, "oncall.Preview", errs.FieldErr("to", "Preview at most a year."))
	}
	snap, err := s.Snapshot(from, to)
	if err != nil {
		return nil, toAPI(a.s.log, "oncall.Preview", err)
	}
	r.Normalize()
	if err := r.Validate(); err != nil {
		return nil, toAPI(a.s.log, "oncall.Preview", err)
	}
	if r.ID.IsZero() {
		r.ID = id.New(a.s.clock.Now())
	}
	kept := snap.Rotations[:0:0]
	for _, x := range snap.Rotations {
		if x.ID != r.ID {
			kept = append(kept, x)
		}
	}
	snap.Rotations = append(kept, r)
	out := oncall.Shifts(snap, r.ID, from, to)
	if out == nil {
		out = []oncall.Shift{}
	}
	return out, nil
}

// Shifts returns the shifts of every rotation (rotationID "") or of one.
func (a *OnCallAPI) Shifts(rotationID string, w Window) ([]oncall.Shift, error) {
	s, err := a.svc("oncall.Shifts")
	if err != nil {
		return nil, err
	}
	from, to, err := w.parse()
	if err != nil {
		return nil, toAPI(a.s.log, "oncall.Shifts", err)
	}
	var out []oncall.Shift
	if rotationID == "" {
		out, err = s.AllShifts(from, to)
	} else {
		var u id.ID
		if u, err = parseID("rotationId", rotationID); err == nil {
			out, err = s.Shifts(u, from, to)
		}
	}
	if out == nil {
		out = []oncall.Shift{}
	}
	return out, toAPI(a.s.log, "oncall.Shifts", err)
}

// Coverage lists the gaps against each schedule's required coverage.
func (a *OnCallAPI) Coverage(w Window) ([]oncall.Gap, error) {
	s, err := a.svc("oncall.Coverage")
	if err != nil {
		return nil, err
	}
	from, to, err := w.parse()
	if err != nil {
		return nil, toAPI(a.s.log, "oncall.Coverage", err)
	}
	out, err := s.Coverage(from, to)
	return out, toAPI(a.s.log, "oncall.Coverage", err)
}

// Fairness is the burden table of the window.
func (a *OnCallAPI) Fairness(w Window) (oncall.FairnessReport, error) {
	s, err := a.svc("oncall.Fairness")
	if err != nil {
		return oncall.FairnessReport{}, err
	}
	from, to, err := w.parse()
	if err != nil {
		return oncall.FairnessReport{}, toAPI(a.s.log, "oncall.Fairness", err)
	}
	out, err := s.Fairness(from, to)
	return out, toAPI(a.s.log, "oncall.Fairness", err)
}

// Compensation is the monthly report ("2026-11").
func (a *OnCallAPI) Compensation(month string) (oncall.CompensationReport, error) {
	s, err := a.svc("oncall.Compensation")
	if err != nil {
		return oncall.CompensationReport{}, err
	}
	out, err := s.Compensation(month)
	return out, toAPI(a.s.log, "oncall.Compensation", err)
}

// CompensationCSV is the monthly report as CSV text (the UI saves it).
func (a *OnCallAPI) CompensationCSV(month string) (string, error) {
	s, err := a.svc("oncall.CompensationCSV")
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	err = s.CompensationCSV(&b, month)
	return b.String(), toAPI(a.s.log, "oncall.CompensationCSV", err)
}

// Settings returns compensation and notification settings.
func (a *OnCallAPI) Settings() (oncall.Settings, error) {
	s, err := a.svc("oncall.Settings")
	if err != nil {
		return oncall.Settings{}, err
	}
	out, err := s.Settings()
	return out, toAPI(a.s.log, "oncall.Settings", err)
}

// SaveSettings stores the on-call settings.
func (a *OnCallAPI) SaveSettings(st oncall.Settings) (oncall.Settings, error) {
	s, err := a.svc("oncall.SaveSettings")
	if err != nil {
		return st, err
	}
	out, err := s.SaveSettings(st)
	if err == nil {
		a.s.afterChange()
	}
	return out, toAPI(a.s.log, "oncall.SaveSettings", err)
}

// TimeOff lists time off (personID "" = everyone) overlapping the window.
func (a *OnCallAPI) TimeOff(personID string, w Window) ([]oncall.TimeOff, error) {
	s, err := a.svc("oncall.TimeOff")
	if err != nil {
		return nil, err
	}
	var f oncall.TimeOffFilter
	if f.PersonID, err = parseID("personId", personID); err == nil && (w.From != "" || w.To != "") {
		f.From, f.To, err = w.parse()
	}
	var out []oncall.TimeOff
	if err == nil {
		out, err = s.TimeOff(f)
	}
	if out == nil {
		out = []oncall.TimeOff{}
	}
	return out, toAPI(a.s.log, "oncall.TimeOff", err)
}

// SaveTimeOff creates (empty id) or updates time off; warnings name the
// shifts others now take.
func (a *OnCallAPI) SaveTimeOff(t oncall.TimeOff) (SavedTimeOff, error) {
	s, err := a.svc("oncall.SaveTimeOff")
	if err != nil {
		return SavedTimeOff{Item: t, Warnings: []string{}}, err
	}
	out, err := s.SaveTimeOff(t)
	if err == nil {
		a.s.afterChange()
	}
	return SavedTimeOff{Item: out.Item, Warnings: warnings(out.Warnings)}, toAPI(a.s.log, "oncall.SaveTimeOff", err)
}

// DeleteTimeOff removes time off.
func (a *OnCallAPI) DeleteTimeOff(timeOffID string) error {
	return a.del("oncall.DeleteTimeOff", timeOffID, func(s *oncall.Service, u id.ID) error { return s.DeleteTimeOff(u) })
}

// Regions lists the holiday regions.
func (a *OnCallAPI) Regions() ([]oncall.Region, error) {
	s, err := a.svc("oncall.Regions")
	if err != nil {
		return nil, err
	}
	out, err := s.Regions()
	if out == nil {
		out = []oncall.Region{}
	}
	return out, toAPI(a.s.log, "oncall.Regions", err)
}

// SaveRegion creates (empty id) or updates a holiday region.
func (a *OnCallAPI) SaveRegion(r oncall.Region) (oncall.Region, error) {
	s, err := a.svc("oncall.SaveRegion")
	if err != nil {
		return r, err
	}
	out, err := s.SaveRegion(r)
	if err == nil {
		a.s.afterChange()
	}
	return out, toAPI(a.s.log, "oncall.SaveRegion", err)
}

// DeleteRegion removes a holiday region.
func (a *OnCallAPI) DeleteRegion(regionID string) error {
	return a.del("oncall.DeleteRegion", regionID, func(s *oncall.Service, u id.ID) error { return s.DeleteRegion(u) })
}

// Overrides lists a rotation's overrides.
func (a *OnCallAPI) Overrides(rotationID string) ([]oncall.Override, error) {
	s, err := a.svc("oncall.Overrides")
	if err != nil {
		return nil, err
	}
	u, err := parseID("rotationId", rotationID)
	var out []oncall.Override
	if err == nil {
		out, err = s.Overrides(u)
	}
	if out == nil {
		out = []oncall.Override{}
	}
	return out, toAPI(a.s.log, "oncall.Overrides", err)
}

// SaveOverride creates (empty id) or updates an override; a person who is
// away gets a warning.
func (a *OnCallAPI) SaveOverride(o oncall.Override) (SavedOverride, error) {
	s, err := a.svc("oncall.SaveOverride")
	if err != nil {
		return SavedOverride{Item: o, Warnings: []string{}}, err
	}
	out, err := s.SaveOverride(o)
	if err == nil {
		a.s.afterChange()
	}
	return SavedOverride{Item: out.Item, Warnings: warnings(out.Warnings)}, toAPI(a.s.log, "oncall.SaveOverride", err)
}

// DeleteOverride removes an override.
func (a *OnCallAPI) DeleteOverride(overrideID string) error {
	return a.del("oncall.DeleteOverride", overrideID, func(s *oncall.Service, u id.ID) error { return s.DeleteOverride(u) })
}

// Swaps lists a rotation's swaps.
func (a *OnCallAPI) Swaps(rotationID string) ([]oncall.Swap, error) {
	s, err := a.svc("oncall.Swaps")
	if err != nil {
		return nil, err
	}
	u, err := parseID("rotationId", rotationID)
	var out []oncall.Swap
	if err == nil {
		out, err = s.Swaps(u)
	}
	if out == nil {
		out = []oncall.Swap{}
	}
	return out, toAPI(a.s.log, "oncall.Swaps", err)
}

// SwapViews lists a rotation's swaps ("" = every rotation's) with both
// turns' times and who holds each now.
func (a *OnCallAPI) SwapViews(rotationID string) ([]oncall.SwapView, error) {
	s, err := a.svc("oncall.SwapViews")
	if err != nil {
		return nil, err
	}
	u, err := parseID("rotationId", rotationID)
	var out []oncall.SwapView
	if err == nil {
		out, err = s.SwapViews(u)
	}
	if out == nil {
		out = []oncall.SwapView{}
	}
	return out, toAPI(a.s.log, "oncall.SwapViews", err)
}

// SaveSwap creates (empty id) or updates a swap of two shifts.
func (a *OnCallAPI) SaveSwap(sw oncall.Swap) (SavedSwap, error) {
	s, err := a.svc("oncall.SaveSwap")
	if err != nil {
		return SavedSwap{Item: sw, Warnings: []string{}}, err
	}
	out, err := s.SaveSwap(sw)
	if err == nil {
		a.s.afterChange()
	}
	return SavedSwap{Item: out.Item, Warnings: warnings(out.Warnings)}, toAPI(a.s.log, "oncall.SaveSwap", err)
}

// DeleteSwap removes a swap.
func (a *OnCallAPI) DeleteSwap(swapID string) error {
	return a.del("oncall.DeleteSwap", swapID, func(s *oncall.Service, u id.ID) error { return s.DeleteSwap(u) })
}
