package oncall

import (
	"time"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
)

// MaxPreview bounds the window of a rotation preview.
const MaxPreview = 400 * 24 * time.Hour

// Preview computes the shifts of a rotation as edited, before it is saved
// (the editor's live preview), over [from, to): the stored schedule with r
// in place of its stored version (or added, when new). Nothing is written;
// validation errors come back per field.
func (s *Service) Preview(r Rotation, from, to time.Time) ([]Shift, error) {
	if to.Sub(from) > MaxPreview {
		return nil, errs.FieldErr("to", "Preview at most a year.")
	}
	snap, err := s.Snapshot(from, to)
	if err != nil {
		return nil, err
	}
	r.Normalize()
	if err := r.Validate(); err != nil {
		return nil, err
	}
	if r.ID.IsZero() {
		r.ID = id.New(s.clock.Now())
	}
	kept := snap.Rotations[:0:0]
	for _, x := range snap.Rotations {
		if x.ID != r.ID {
			kept = append(kept, x)
		}
	}
	// The service's snapshot is shared: compute on a copy with r in place.
	snap = &Snapshot{Rotations: append(kept, r), TimeOff: snap.TimeOff, Regions: snap.Regions, Overrides: snap.Overrides,
		Swaps: snap.Swaps, People: snap.People, Teams: snap.Teams, Settings: snap.Settings}
	out := Shifts(snap, r.ID, from, to)
	if out == nil {
		out = []Shift{}
	}
	return out, nil
}
