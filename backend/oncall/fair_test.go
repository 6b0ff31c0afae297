package oncall

import (
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/id"
)

// Fair cover (decision 0013): who covers for someone away.
func TestFairCover(t *testing.T) {
	// Weekly turns from Monday 2026-01-05 09:00 UTC; B is away in turn 1.
	from, to := utc("2026-01-05T09:00:00Z"), utc("2026-01-26T09:00:00Z")
	bAway := TimeOff{PersonID: pid(2), Kind: KindVacation, StartDate: "2026-01-14", EndDate: "2026-01-14"}
	snap := func(n int, extra ...TimeOff) *Snapshot {
		people := make([]int, n)
		for i := range people {
			people[i] = i + 1
		}
		return &Snapshot{Rotations: []Rotation{rotation("UTC", 1, Weeks, "09:00", "2026-01-05", people...)}, People: team(n, "UTC"),
			TimeOff: append([]TimeOff{bAway}, extra...)}
	}
	turn1 := func(t *testing.T, s *Snapshot) Shift {
		t.Helper()
		for _, x := range Shifts(s, rid, from, to) {
			if x.Slot == 1 {
				return x
			}
		}
		t.Fatal("no turn 1")
		return Shift{}
	}

	t.Run("passes over the holder of the turn before and the person whose turn comes next", func(t *testing.T) {
		// A, B, C, D: D covers although A just held a turn whose time D
		// mostly took over (A's burden is lower) and C has none.
		s := snap(4)
		s.Overrides = []Override{{RotationID: rid, PersonID: pid(4), Start: utc("2026-01-05T09:00:00Z"), End: utc("2026-01-11T09:00:00Z")}}
		x := turn1(t, s)
		if x.PersonID != pid(4) || x.Reason != ReasonReplacement || x.ReplacedPersonID != pid(2) {
			t.Fatalf("turn 1: %+v", x)
		}
		for _, want := range []string{"covers for B (vacation): least on-call in the last 4 weeks of those available (", "C passed over (turn comes next)", "A passed over (turn just ended)"} {
			if !strings.Contains(x.Notes, want) {
				t.Errorf("notes %q lack %q", x.Notes, want)
			}
		}
	})
	t.Run("least recent burden wins over rotation order", func(t *testing.T) {
		// A, B, C, D, E: D comes first after B (C is next), but D held
		// 100 hours of A's turn; E held none.
		s := snap(5)
		s.Overrides = []Override{{RotationID: rid, PersonID: pid(4), Start: utc("2026-01-05T09:00:00Z"), End: utc("2026-01-09T13:00:00Z")}}
		x := turn1(t, s)
		if x.PersonID != pid(5) || !strings.Contains(x.Notes, "(0 h, weighted)") {
			t.Fatalf("turn 1: %+v", x)
		}
	})
	t.Run("ties go to the first in rotation order after the scheduled person", func(t *testing.T) {
		s := snap(5) // D and E: no time on call
		if x := turn1(t, s); x.PersonID != pid(4) {
			t.Fatalf("turn 1: %+v", x)
		}
		// Order is rotation order, not name: E, D in the rotation.
		s = snap(5)
		s.Rotations[0].Participants = []id.ID{pid(1), pid(2), pid(3), pid(5), pid(4)}
		if x := turn1(t, s); x.PersonID != pid(5) {
			t.Fatalf("turn 1 with E before D: %+v", x)
		}
	})
	t.Run("weights count nights, weekends and holidays", func(t *testing.T) {
		// Two people held the same hours (D a weekday, E a Saturday): E's
		// weekend and D's weekday decide for D.
		s := snap(5)
		s.Overrides = []Override{
			{RotationID: rid, PersonID: pid(4), Start: utc("2026-01-06T00:00:00Z"), End: utc("2026-01-07T00:00:00Z")},
			{RotationID: rid, PersonID: pid(5), Start: utc("2026-01-10T00:00:00Z"), End: utc("2026-01-11T00:00:00Z")},
		}
		if x := turn1(t, s); x.PersonID != pid(4) {
			t.Fatalf("turn 1: %+v", x)
		}
		// A UTC Saturday: 24 h + 9 night hours x 0.5 + 24 weekend hours x 0.5.
		if w := Weighted(s, pid(5), utc("2026-01-10T00:00:00Z"), utc("2026-01-11T00:00:00Z")); w != 40*time.Hour+30*time.Minute {
			t.Errorf("Saturday weighs %v", w)
		}
		s = &Snapshot{People: s.People, Regions: []Region{{Name: "X", MemberIDs: []id.ID{pid(5)}, Holidays: []Holiday{{Date: "2026-01-10", Name: "Saturday holiday"}}}}}
		if w := Weighted(s, pid(5), utc("2026-01-10T00:00:00Z"), utc("2026-01-11T00:00:00Z")); w != 52*time.Hour+30*time.Minute {
			t.Errorf("a holiday Saturday weighs %v", w)
		}
	})
	t.Run("recent is a full cycle, at least four weeks", func(t *testing.T) {
		r := rotation("UTC", 1, Weeks, "09:00", "2026-01-05", 1, 2, 3, 4, 5, 6)
		if RecentWindow(&r) != 6*7*24*time.Hour {
			t.Errorf("six weekly: %v", RecentWindow(&r))
		}
		r = rotation("UTC", 12, Hours, "09:00", "2026-01-05", 1, 2, 3)
		if RecentWindow(&r) != MinRecent {
			t.Errorf("12 h of three: %v", RecentWindow(&r))
		}
		if spanText(6*7*24*time.Hour) != "6 weeks" || spanText(30*24*time.Hour) != "30 days" {
			t.Error(spanText(6*7*24*time.Hour), spanText(30*24*time.Hour))
		}
	})
	t.Run("nobody else available: a neighbour after all, the least loaded", func(t *testing.T) {
		// A, B, C: only A (turn just ended, 168 h) and C (turn comes next, 0 h).
		s := snap(3)
		x := turn1(t, s)
		if x.PersonID != pid(3) || !strings.Contains(x.Notes, "nobody else available (turn comes next, 0 h") {
			t.Fatalf("turn 1: %+v", x)
		}
		// C away as well: A takes it.
		s = snap(3, TimeOff{PersonID: pid(3), Kind: KindSick, StartDate: "2026-01-15", EndDate: "2026-01-15"})
		if x := turn1(t, s); x.PersonID != pid(1) || !strings.Contains(x.Notes, "turn just ended") {
			t.Fatalf("turn 1 with C away: %+v", x)
		}
		// Everyone away: a gap.
		s = snap(3, TimeOff{PersonID: pid(3), Kind: KindSick, StartDate: "2026-01-15", EndDate: "2026-01-15"},
			TimeOff{PersonID: pid(1), Kind: KindSick, StartDate: "2026-01-16", EndDate: "2026-01-16"})
		if x := turn1(t, s); !x.Gap {
			t.Fatalf("turn 1 with everyone away: %+v", x)
		}
	})
	t.Run("payback by default", func(t *testing.T) {
		r := NewRotation()
		if !r.Payback {
			t.Fatal("a new rotation does not pay back")
		}
		// Stored rotations keep their setting: false stays false.
		var old Rotation
		old.Normalize()
		if old.Payback {
			t.Error("Normalize turned payback on for a stored rotation")
		}
	})
	t.Run("a payback never follows the debtor's own turn", func(t *testing.T) {
		// A, B, C, D with payback: B away in turn 1, D covers (A just held
		// a turn, C is next); turn 3 is D's and B pays it back. When B
		// holds turn 2 (C and A away: B covers), the payback waits for D's
		// next turn, 7.
		s := snap(4)
		s.Rotations[0].Payback = true
		sh := Shifts(s, rid, from, utc("2026-02-23T09:00:00Z"))
		if got := holders(s, sh); !strings.Contains(got, "3.0 B payback") {
			t.Fatalf("payback at D's turn:\n%s", got)
		}
		s = snap(4, TimeOff{PersonID: pid(3), Kind: KindVacation, StartDate: "2026-01-21", EndDate: "2026-01-21"},
			TimeOff{PersonID: pid(1), Kind: KindVacation, StartDate: "2026-01-21", EndDate: "2026-01-21"})
		s.Rotations[0].Payback = true
		sh = Shifts(s, rid, from, utc("2026-03-02T09:00:00Z"))
		got := holders(s, sh)
		if !strings.Contains(got, "2.0 B replacement") || strings.Contains(got, "3.0 B payback") || !strings.Contains(got, "7.0 B payback") {
			t.Fatalf("payback deferred past B's own turn:\n%s", got)
		}
	})
	t.Run("checkpoints give what a walk from the first turn gives", func(t *testing.T) {
		// Daily turns over three years with time off: windows late in the
		// history, computed from one snapshot (checkpoints kept) and each
		// from a fresh one (walk from the first turn), agree.
		r := rotation("UTC", 1, Days, "09:00", "2024-01-01", 1, 2, 3, 4, 5)
		var offs []TimeOff
		day := utc("2024-01-01T00:00:00Z")
		for i := 0; i < 1000; i += 3 + i%7 {
			offs = append(offs, TimeOff{PersonID: pid(1 + i%5), Kind: KindVacation, StartDate: day.AddDate(0, 0, i).Format("2006-01-02"), EndDate: day.AddDate(0, 0, i+i%3).Format("2006-01-02")})
		}
		shared := &Snapshot{Rotations: []Rotation{r}, People: team(5, "UTC"), TimeOff: offs}
		Shifts(shared, rid, day, day.AddDate(3, 0, 0)) // keeps checkpoints
		for _, d := range []int{70, 300, 500, 640, 999} {
			a, b := day.AddDate(0, 0, d), day.AddDate(0, 0, d+21)
			fresh := &Snapshot{Rotations: shared.Rotations, People: shared.People, TimeOff: offs}
			if got, want := holders(shared, Shifts(shared, rid, a, b)), holders(fresh, Shifts(fresh, rid, a, b)); got != want {
				t.Errorf("day %d: from checkpoints\n%s\nfrom the first turn\n%s", d, got, want)
			}
		}
		// Hour-long turns: checkpoints a trailing window (672 turns) apart.
		hourly := rotation("UTC", 1, Hours, "09:00", "2024-01-01", 1, 2, 3, 4, 5)
		if every := cpEvery(compile(&hourly)); every != 672 {
			t.Errorf("hourly checkpoints every %d turns", every)
		}
		shared = &Snapshot{Rotations: []Rotation{hourly}, People: team(5, "UTC"), TimeOff: offs}
		Shifts(shared, rid, day, day.AddDate(0, 0, 200))
		for _, d := range []int{40, 111, 190} {
			a, b := day.AddDate(0, 0, d), day.AddDate(0, 0, d+3)
			fresh := &Snapshot{Rotations: shared.Rotations, People: shared.People, TimeOff: offs}
			if got, want := holders(shared, Shifts(shared, rid, a, b)), holders(fresh, Shifts(fresh, rid, a, b)); got != want {
				t.Errorf("hourly, day %d: from checkpoints\n%s\nfrom the first turn\n%s", d, got, want)
			}
		}
	})
}
