package oncall_test

import (
	"testing"
	"time"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
)

func TestServiceFinal(t *testing.T) {
	e := setup(t)
	pay := e.team(t, "Payments")
	save := func(r oncall.Rotation) oncall.Rotation {
		t.Helper()
		r.TeamID, r.TimeZone, r.ShiftLength, r.StartDate = pay.ID, "Europe/Berlin", oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, "2026-11-02"
		saved, err := e.svc.SaveRotation(r)
		if err != nil {
			t.Fatal(err)
		}
		return saved
	}
	office := save(oncall.Rotation{Name: "Office", Layer: 1, Participants: e.ids(0), HandoffTime: "09:00",
		Restriction: &oncall.Restriction{Weekdays: []string{"mon", "tue", "wed", "thu", "fri"}, Start: "09:00", End: "17:00"}})
	all := save(oncall.Rotation{Name: "Around the clock", Layer: 2, Participants: e.ids(1), HandoffTime: "10:00"})
	from := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC) // a Monday; Berlin is UTC+1
	got, err := e.svc.Final(pay.ID, from, from.Add(24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		rot        id.ID
		start, end int // hours after from
	}{{all.ID, 0, 8}, {office.ID, 8, 16}, {all.ID, 16, 24}}
	if len(got) != len(want) {
		t.Fatalf("%d pieces: %+v", len(got), got)
	}
	for i, w := range want {
		x := got[i]
		if x.RotationID != w.rot || !x.Start.Equal(from.Add(time.Duration(w.start)*time.Hour)) || !x.End.Equal(from.Add(time.Duration(w.end)*time.Hour)) {
			t.Errorf("piece %d: %+v", i, x)
		}
	}
	if got[1].PersonID != e.p[0].ID || got[1].Layer != 1 || got[0].PersonID != e.p[1].ID || got[0].Layer != 2 {
		t.Errorf("holders: %+v", got)
	}

	if _, err := e.svc.Final(id.New(now), from, from.Add(time.Hour)); !errs.Is(err, errs.NotFound) {
		t.Errorf("unknown team: %v", err)
	}
	if _, err := e.svc.Final(pay.ID, from, from); !errs.Is(err, errs.Invalid) {
		t.Errorf("empty window: %v", err)
	}
	other := e.team(t, "Ops")
	if l, err := e.svc.Final(other.ID, from, from.Add(time.Hour)); err != nil || l == nil || len(l) != 0 {
		t.Errorf("a team without rotations: %v %v", l, err)
	}
}
