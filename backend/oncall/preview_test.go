package oncall_test

import (
	"testing"
	"time"

	"wheelhouse/backend/id"
)

// The editor's preview puts the rotation as edited in place of the stored
// one, writes nothing, and refuses a window of more than a year.
func TestPreviewShowsTheEditWithoutSavingIt(t *testing.T) {
	e := setup(t)
	r := e.weekly(t, "Primary", 0, 1)
	from, to := now, now.Add(14*24*time.Hour)
	edited := r
	edited.Participants = e.ids(2, 3)
	shifts, err := e.svc.Preview(edited, from, to)
	if err != nil || len(shifts) == 0 {
		t.Fatalf("preview: %v %v", shifts, err)
	}
	for _, s := range shifts {
		if s.RotationID != r.ID || (s.PersonID != e.p[2].ID && s.PersonID != e.p[3].ID) {
			t.Fatalf("shift of the stored rotation, not the edit: %+v", s)
		}
	}
	stored, _ := e.svc.Shifts(r.ID, from, to)
	if len(stored) == 0 || stored[0].PersonID != e.p[0].ID && stored[0].PersonID != e.p[1].ID {
		t.Fatalf("the preview changed what is stored: %+v", stored)
	}
	fresh := edited
	fresh.ID = id.Nil
	if out, err := e.svc.Preview(fresh, from, to); err != nil || len(out) == 0 || out[0].RotationID.IsZero() {
		t.Fatalf("a new rotation: %v %v", out, err)
	}
	if _, err := e.svc.Preview(edited, from, from.Add(401*24*time.Hour)); fields(err) != "to" {
		t.Fatalf("a long window: %v", err)
	}
}
