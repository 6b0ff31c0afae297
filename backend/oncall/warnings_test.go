package oncall

import (
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/reminder"
)

func TestScheduleWarnings(t *testing.T) {
	from, to := utc("2026-01-05T09:00:00Z"), utc("2026-01-26T09:00:00Z")
	kinds := func(ws []ScheduleWarning, k WarningKind) []ScheduleWarning {
		var out []ScheduleWarning
		for _, w := range ws {
			if w.Kind == k {
				out = append(out, w)
			}
		}
		return out
	}
	t.Run("back to back: the same person on two consecutive turns", func(t *testing.T) {
		// A, B, C weekly; B and A away in turn 1: C (next) covers, then holds turn 2.
		s := &Snapshot{Rotations: []Rotation{rotation("UTC", 1, Weeks, "09:00", "2026-01-05", 1, 2, 3)}, People: team(3, "UTC"),
			TimeOff: []TimeOff{{PersonID: pid(2), Kind: KindVacation, StartDate: "2026-01-14", EndDate: "2026-01-14"},
				{PersonID: pid(1), Kind: KindVacation, StartDate: "2026-01-15", EndDate: "2026-01-15"}}}
		b := kinds(ScheduleWarnings(s, from, to), WarnBackToBack)
		if len(b) != 1 || b[0].PersonID != pid(3) || b[0].Slot != 2 || b[0].RotationID != rid ||
			b[0].Message != "C holds turns 2 and 3 of Primary back to back." || !b[0].Start.Equal(utc("2026-01-12T09:00:00Z")) {
			t.Fatalf("back to back: %+v", b)
		}
		// A reminder, as for a gap: due GapWarningDays ahead, until the pair ends.
		now := utc("2026-01-08T12:00:00Z")
		rs := backToBackReminders(s, reminder.Context{Now: now, Loc: time.UTC}, 14, now)
		if len(rs) != 1 || rs[0].Kind != KindBackToBack || !strings.HasPrefix(rs[0].Body, "C holds turns 2 and 3") ||
			rs[0].DueAt.After(now) || !rs[0].ExpiresAt.Equal(utc("2026-01-26T09:00:00Z")) {
			t.Errorf("reminders %+v", rs)
		}
		// One person holds every turn of a rotation of one: no warning.
		one := &Snapshot{Rotations: []Rotation{rotation("UTC", 1, Weeks, "09:00", "2026-01-05", 1)}, People: team(1, "UTC")}
		if b := kinds(ScheduleWarnings(one, from, to), WarnBackToBack); len(b) != 0 {
			t.Errorf("rotation of one: %+v", b)
		}
		// A window that only holds the first of the two turns: no warning.
		if b := kinds(ScheduleWarnings(s, from, utc("2026-01-19T09:00:00Z")), WarnBackToBack); len(b) != 0 {
			t.Errorf("pair outside the window: %+v", b)
		}
	})
	t.Run("more than one week in four across rotations", func(t *testing.T) {
		// A, B, C, D weekly: one week in four each, not more; A also on a
		// second rotation for a day a week: over the limit.
		r1 := rotation("UTC", 1, Weeks, "09:00", "2025-12-01", 1, 2, 3, 4)
		s := &Snapshot{Rotations: []Rotation{r1}, People: team(4, "UTC")}
		if f := kinds(ScheduleWarnings(s, from, to), WarnTooFrequent); len(f) != 0 {
			t.Fatalf("one in four is not more: %+v", f)
		}
		r2 := rotation("UTC", 1, Days, "09:00", "2025-12-01", 1, 2, 3, 4, 5, 6, 7)
		r2.ID, r2.Name = pid(9), "Office"
		s = &Snapshot{Rotations: []Rotation{r1, r2}, People: team(7, "UTC")}
		f := kinds(ScheduleWarnings(s, from, to), WarnTooFrequent)
		if len(f) == 0 || f[0].PersonID.IsZero() || !strings.Contains(f[0].Message, "more than one week in four") {
			t.Fatalf("too frequent: %+v", f)
		}
	})
	t.Run("fairness spread above the settings' limit", func(t *testing.T) {
		// A and B weekly since October; A covers B's turns by override for ten weeks.
		r := rotation("UTC", 1, Weeks, "09:00", "2025-10-06", 1, 2)
		s := &Snapshot{Rotations: []Rotation{r}, People: team(2, "UTC"), Settings: DefaultSettings(),
			Overrides: []Override{{RotationID: rid, PersonID: pid(1), Start: utc("2025-11-03T09:00:00Z"), End: utc("2026-01-12T09:00:00Z")}}}
		sp := kinds(ScheduleWarnings(s, from, to), WarnSpread)
		if len(sp) != 1 || sp[0].PersonID != pid(1) || !strings.Contains(sp[0].Message, "the limit is 2") {
			t.Fatalf("spread: %+v", sp)
		}
		s = &Snapshot{Rotations: s.Rotations, People: s.People, Overrides: s.Overrides, Settings: Settings{FairnessSpreadLimit: 6}}
		if sp := kinds(ScheduleWarnings(s, from, to), WarnSpread); len(sp) != 0 {
			t.Fatalf("under a limit of 6: %+v", sp)
		}
	})
	t.Run("settings: the limit has a default and a range", func(t *testing.T) {
		var st Settings
		st.Normalize()
		if st.FairnessSpreadLimit != DefaultFairnessSpreadLimit || st.Validate() != nil {
			t.Fatalf("default %+v %v", st, st.Validate())
		}
		for _, v := range []float64{1, 10.5, -2} {
			st.FairnessSpreadLimit = v
			if err := st.Validate(); err == nil || !strings.Contains(err.Error(), "1.1 to 10") {
				t.Errorf("%v: %v", v, err)
			}
		}
	})
}
